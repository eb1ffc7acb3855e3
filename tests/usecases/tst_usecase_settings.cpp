// The settings the administrator's screens write, through the same use cases
// as heartdesk-cli set-setting, on both engines: each value is checked by
// its core reader before anything is stored (a refusal names the JSON path
// or the CSV line), a save is audited and journaled (record type "setting",
// the key as id, so every workstation's live refresh sees it), a second
// workstation reads what was saved, supervisors read but may not write (the
// refusal audited), and roles without ViewSettings may not even read; a
// screen's save that another administrator's save overtook is refused (the
// version it read is stale), nothing written, and names who saved it.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/AuditTrail.h"
#include "store/ChangeJournal.h"
#include "store/CrisisServices.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"
#include "usecases/SettingsUseCases.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const QByteArray kServices = R"({"en": [{"name": "Durham crisis line", "phone": "919-560-7100"}],
                                 "es": [{"name": "Línea de crisis de Durham", "phone": "919-560-7100"}]})";

// Durham's shipped beats with the id under another property, and without the beats in `drop`.
QByteArray shippedBeats(const QString& idProperty, const QStringList& drop = {})
{
    QFile file(QStringLiteral(":/beats/durham-beats-2022.geojson"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray features;
    for (const QJsonValue& value : root.value(QStringLiteral("features")).toArray()) {
        QJsonObject feature = value.toObject();
        QJsonObject properties = feature.value(QStringLiteral("properties")).toObject();
        const QJsonValue beat = properties.take(QStringLiteral("beat"));
        if (drop.contains(QString::number(beat.toInt())))
            continue;
        properties.insert(idProperty, beat);
        feature.insert(QStringLiteral("properties"), properties);
        features.append(feature);
    }
    root.insert(QStringLiteral("features"), features);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

class TestUseCaseSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_admin = m_fixture->administrator();
        m_supervisor = m_fixture->actorFor(Role::Supervisor);
        m_counselor = m_fixture->actorFor(Role::CallCounselor);
        m_base = ChangeJournal(m_fixture->db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void crisisServicesSavedAuditedJournaledAndSeenElsewhere()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        // Nothing stored yet: the built-in services.
        auto before = admin.crisisServices();
        HEARTDESK_VERIFY_RESULT(before);
        QCOMPARE(before.value(), CrisisServices::builtInJson());

        HEARTDESK_VERIFY_OK(admin.setCrisisServices(kServices));
        QCOMPARE(settingAudits(QStringLiteral("crisis_services")), 1);
        QCOMPARE(journaledKeys(), QStringList{QStringLiteral("crisis_services")});

        // Another workstation, the supervisor: reads what was saved.
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        usecases::SettingsUseCases elsewhere({*second, m_fixture->clock(), *m_supervisor});
        auto read = elsewhere.crisisServices();
        HEARTDESK_VERIFY_RESULT(read);
        QCOMPARE(read.value(), kServices);
        // And a safety plan in Spanish gets the Spanish line.
        SettingsStore settings(*second, m_fixture->clock());
        const auto spanish = CrisisServices::forLanguage(settings, QStringLiteral("es"));
        QCOMPARE(spanish.size(), std::size_t(1));
        QCOMPARE(spanish.front().name, std::string("Línea de crisis de Durham"));
    }

    void crisisServicesRefusedNamingThePath()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        const StoreError error = admin.setCrisisServices(
            R"({"en": [{"name": "988", "phone": "988"}], "es": [{"name": "Sin número"}]})");
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QVERIFY2(error.detail.contains(QStringLiteral("$.es[0]: a service needs a name and a phone")),
                 qPrintable(error.detail));
        QCOMPARE(admin.crisisServices().value(), CrisisServices::builtInJson()); // nothing stored
        QCOMPARE(settingAudits(QStringLiteral("crisis_services")), 0);
        QVERIFY(journaledKeys().isEmpty());
    }

    void followUpPolicySavedAndRefusedAtItsField()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        followup::FollowUpConfig config = admin.followUpPolicy().value();
        QCOMPARE(config, followup::FollowUpConfig{});
        config.crt.dueHours = 24;
        config.checkIn.skipWeekends = true;
        HEARTDESK_VERIFY_OK(admin.setFollowUpPolicy(QString::fromStdString(followup::toJson(config))));
        QCOMPARE(settingAudits(QStringLiteral("follow_up_policy")), 1);
        QCOMPARE(journaledKeys(), QStringList{QStringLiteral("follow_up_policy")});
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        auto read = usecases::SettingsUseCases({*second, m_fixture->clock(), *m_supervisor}).followUpPolicy();
        HEARTDESK_VERIFY_RESULT(read);
        QCOMPARE(read.value(), config);

        followup::FollowUpConfig bad = config;
        bad.cor.dueHours = 0;
        const StoreError error = admin.setFollowUpPolicy(QString::fromStdString(followup::toJson(bad)));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("followUp.cor.dueHours"));
        QVERIFY2(error.detail.contains(QStringLiteral("followUp.cor.dueHours")), qPrintable(error.detail));
        QCOMPARE(admin.followUpPolicy().value(), config); // the saved one stays
        QCOMPARE(settingAudits(QStringLiteral("follow_up_policy")), 1);
    }

    void natureCodesImportedFromCsvAndRefusedByLine()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        auto shipped = admin.cadNatureCodes();
        HEARTDESK_VERIFY_RESULT(shipped);
        QVERIFY(shipped.value().builtIn);
        QVERIFY(!shipped.value().table.entries().empty());

        HEARTDESK_VERIFY_OK(admin.setCadNatureCodes("code,call_type,description\nSUIC,suicide-threat,Suicide "
                                                    "threat\nWELF,welfare-check,Check welfare\n",
                                                    QStringLiteral("durham.csv")));
        QCOMPARE(settingAudits(QStringLiteral("cad_nature_codes")), 1);
        QCOMPARE(journaledKeys(), QStringList{QStringLiteral("cad_nature_codes")});
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        auto read = usecases::SettingsUseCases({*second, m_fixture->clock(), *m_supervisor}).cadNatureCodes();
        HEARTDESK_VERIFY_RESULT(read);
        QVERIFY(!read.value().builtIn);
        QCOMPARE(read.value().table.entries().size(), std::size_t(2));
        QCOMPARE(read.value().table.entries()[1].code, std::string("WELF"));

        // A broken file: refused naming its line.
        StoreError error = admin.setCadNatureCodes("code,call_type\nSUIC,suicide-threat\nWELF\n",
                                                   QStringLiteral("broken.csv"));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("line 3"));
        QVERIFY2(error.detail.startsWith(QStringLiteral("broken.csv: line 3: ")), qPrintable(error.detail));
        // A call type no rule set knows: refused with the reason, naming the line.
        error = admin.setCadNatureCodes("SUIC,suicide-threat\nARSN,arson\n", QStringLiteral("unknown.csv"));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(
            error.detail,
            QStringLiteral("unknown.csv: line 2: the rule set has no call type \"arson\" (code \"ARSN\")"));
        QCOMPARE(admin.cadNatureCodes().value().table.entries().size(), std::size_t(2)); // unchanged
        QCOMPARE(settingAudits(QStringLiteral("cad_nature_codes")), 1);
    }

    void idleMinutesOutOfRangeNamesTheField()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        const StoreError error = admin.setIdleLockMinutes(0);
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("idleLockMinutes"));
        HEARTDESK_VERIFY_OK(admin.setIdleLockMinutes(3));
        QCOMPARE(journaledKeys(), QStringList{QStringLiteral("idle_lock_minutes")});
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        QCOMPARE(usecases::SettingsQueries(*second, m_fixture->clock()).idleLockMinutes(), 3);
    }

    void beatMapImportedRefusedAndUsedByRouting()
    {
        usecases::SettingsUseCases admin(context(*m_admin));
        auto shipped = admin.beatMap();
        HEARTDESK_VERIFY_RESULT(shipped);
        QVERIFY(shipped.value().info.builtIn);
        QVERIFY(shipped.value().map->indexOf("111") >= 0);

        // The properties offered for the id: those every feature has.
        const QByteArray renamed = shippedBeats(QStringLiteral("BEAT_NO"), {QStringLiteral("111")});
        QVERIFY(!renamed.isEmpty());
        const auto offered = geo::BeatMap::idPropertyCandidates(
            std::string_view(renamed.constData(), std::size_t(renamed.size())));
        QVERIFY(offered.ok());
        QCOMPARE(offered.value(), (std::vector<std::string>{"BEAT_NO", "district", "population"}));

        // The wrong property: the reader names the feature and the properties found.
        StoreError error = admin.setBeatMap(renamed, QStringLiteral("beat"), QStringLiteral("city.geojson"));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("features[0].properties.beat"));
        QVERIFY2(error.detail.contains(QStringLiteral("\"BEAT_NO\"")), qPrintable(error.detail));
        // Malformed geometry: refused naming the JSON path.
        QByteArray open = renamed;
        open.replace("\"type\":\"MultiPolygon\"", "\"type\":\"Circle\"");
        error = admin.setBeatMap(open, QStringLiteral("BEAT_NO"), QStringLiteral("city.geojson"));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QVERIFY2(error.detail.startsWith(QStringLiteral("city.geojson: features[")),
                 qPrintable(error.detail));
        // Ids the rules in force do not use ("every beat but 999"): refused with the reason.
        error = admin.setBeatMap(renamed, QStringLiteral("district"), QStringLiteral("city.geojson"));
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("beats"));
        QVERIFY2(error.detail.contains(QStringLiteral("names beat 999")), qPrintable(error.detail));
        QCOMPARE(settingAudits(QStringLiteral("beat_map")), 0);
        QVERIFY(journaledKeys().isEmpty());

        HEARTDESK_VERIFY_OK(
            admin.setBeatMap(renamed, QStringLiteral("BEAT_NO"), QStringLiteral("city.geojson")));
        QCOMPARE(settingAudits(QStringLiteral("beat_map")), 1);
        QCOMPARE(journaledKeys(), (QStringList{QStringLiteral("beat_map"), QStringLiteral("beat_map_info")}));

        // Another workstation routes by the imported map: beat 111 is not on it.
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        auto read = usecases::SettingsUseCases({*second, m_fixture->clock(), *m_supervisor}).beatMap();
        HEARTDESK_VERIFY_RESULT(read);
        QVERIFY(!read.value().info.builtIn);
        QCOMPARE(read.value().info.idProperty, QStringLiteral("BEAT_NO"));
        QCOMPARE(read.value().info.sourceName, QStringLiteral("city.geojson"));
        QCOMPARE(read.value().info.beatCount, int(shipped.value().map->beatIds().size()) - 1);
        auto routing = usecases::CallUseCases({*second, m_fixture->clock(), *m_supervisor}).routing();
        HEARTDESK_VERIFY_RESULT(routing);
        QCOMPARE(routing.value().beats->indexOf("111"), -1);
        QVERIFY(routing.value().beats->indexOf("112") >= 0);
        QCOMPARE(usecases::SettingsUseCases(context(*m_supervisor))
                     .setBeatMap(renamed, QStringLiteral("BEAT_NO"), QStringLiteral("city.geojson"))
                     .code,
                 StoreErrorCode::PermissionDenied);
    }

    void supervisorReadsButMayNotWriteCounselorMayNotRead()
    {
        usecases::SettingsUseCases supervisor(context(*m_supervisor));
        QVERIFY(supervisor.canView());
        QVERIFY(!supervisor.canEdit());
        HEARTDESK_VERIFY_RESULT(supervisor.crisisServices());
        HEARTDESK_VERIFY_RESULT(supervisor.followUpPolicy());
        HEARTDESK_VERIFY_RESULT(supervisor.cadNatureCodes());
        const int deniedBefore = m_fixture->auditCount(audit::PermissionDenied, m_supervisor->userId());
        QCOMPARE(supervisor.setCrisisServices(kServices).code, StoreErrorCode::PermissionDenied);
        QCOMPARE(supervisor.setFollowUpPolicy(QStringLiteral("{}")).code, StoreErrorCode::PermissionDenied);
        QCOMPARE(supervisor.setCadNatureCodes("SUIC,suicide-threat\n", QStringLiteral("c.csv")).code,
                 StoreErrorCode::PermissionDenied);
        QCOMPARE(supervisor.setIdleLockMinutes(5).code, StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, m_supervisor->userId()), deniedBefore + 4);
        QVERIFY(journaledKeys().isEmpty());

        usecases::SettingsUseCases counselor(context(*m_counselor));
        QVERIFY(!counselor.canView());
        QCOMPARE(counselor.crisisServices().error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(counselor.followUpPolicy().error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(counselor.cadNatureCodes().error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, m_counselor->userId()), 3);
    }

    // Two administrators on two workstations read the follow-up policy (and
    // the idle minutes); the second saves first; the first's save names the
    // version it read and is refused in its own transaction: nothing stored,
    // no audit row, no journal row, and lastSaved() names the other
    // administrator and when. Read again, the first one's save goes through.
    // The CLI's saves (no version) are not checked.
    void staleSaveRefusedNamingWhoSavedSince()
    {
        const Actor other = m_fixture->newActor(QStringLiteral("admin2"), {Role::Administrator});
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        usecases::SettingsUseCases first(context(*m_admin));
        usecases::SettingsUseCases elsewhere({*second, m_fixture->clock(), other});
        const QString key = QStringLiteral("follow_up_policy");

        QCOMPARE(first.version(key), 0); // never saved
        const int readByFirst = first.version(key);
        const int readElsewhere = elsewhere.version(key);
        followup::FollowUpConfig theirs;
        theirs.crt.dueHours = 36;
        m_fixture->clock().advance(std::chrono::minutes{7});
        HEARTDESK_VERIFY_OK(
            elsewhere.setFollowUpPolicy(QString::fromStdString(followup::toJson(theirs)), readElsewhere));
        QCOMPARE(first.version(key), 1);

        followup::FollowUpConfig mine;
        mine.crt.dueHours = 12;
        const int auditsBefore = settingAudits(key);
        const int journalBefore = int(journaledKeys().size());
        const StoreError stale =
            first.setFollowUpPolicy(QString::fromStdString(followup::toJson(mine)), readByFirst);
        QCOMPARE(stale.code, StoreErrorCode::Conflict);
        QCOMPARE(stale.field, key);
        QCOMPARE(first.followUpPolicy().value(), theirs); // theirs kept
        QCOMPARE(first.version(key), 1);
        QCOMPARE(settingAudits(key), auditsBefore);
        QCOMPARE(int(journaledKeys().size()), journalBefore);
        const SettingVersion last = first.lastSaved(key);
        QCOMPARE(last.version, 1);
        QCOMPARE(last.savedBy, other.userId());
        QCOMPARE(last.savedByName, QStringLiteral("Fixture admin2"));
        QCOMPARE(last.savedAt, toDateTime(m_fixture->clock().now()));
        // Who saved is for those who may read the settings: a counselor learns nothing.
        QCOMPARE(usecases::SettingsUseCases(context(*m_counselor)).lastSaved(key).version, 0);

        // Read again (the screen's Reload): the save goes through as version 2.
        HEARTDESK_VERIFY_OK(
            first.setFollowUpPolicy(QString::fromStdString(followup::toJson(mine)), first.version(key)));
        QCOMPARE(first.followUpPolicy().value(), mine);
        QCOMPARE(first.version(key), 2);
        // The other one's screen still holds version 1 now: refused in turn.
        // Each setting has its own versions: the idle minutes were never saved (version 0).
        QCOMPARE(elsewhere.setIdleLockMinutes(30, 1).code, StoreErrorCode::Conflict);
        HEARTDESK_VERIFY_OK(
            elsewhere.setIdleLockMinutes(30, elsewhere.version(QStringLiteral("idle_lock_minutes"))));
        QCOMPARE(elsewhere.setFollowUpPolicy(QString::fromStdString(followup::toJson(theirs)), 1).code,
                 StoreErrorCode::Conflict);
        QCOMPARE(first.followUpPolicy().value(), mine);
        // The CLI names no version: not checked.
        HEARTDESK_VERIFY_OK(elsewhere.setFollowUpPolicy(QString::fromStdString(followup::toJson(theirs))));
        QCOMPARE(first.version(key), 3);
        // The crisis services and the nature codes take the same guard.
        HEARTDESK_VERIFY_OK(first.setCrisisServices(kServices, 0));
        QCOMPARE(elsewhere.setCrisisServices(kServices, 0).code, StoreErrorCode::Conflict);
    }

private:
    usecases::Context context(const Actor& actor) { return {m_fixture->db(), m_fixture->clock(), actor}; }

    int settingAudits(const QString& key)
    {
        const auto result =
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND "
                                          "record_type = 'setting' AND record_id = ?"),
                           {audit::Update, key});
        return result.ok && !result.rows.isEmpty() ? result.rows.at(0).at(0).toInt() : -1;
    }

    // The setting keys journaled since init(), in order.
    QStringList journaledKeys()
    {
        QStringList keys;
        const auto rows = ChangeJournal(m_fixture->db()).after(m_base);
        for (const JournalEntry& entry : rows.value()) {
            if (entry.recordType == QLatin1String("setting"))
                keys.append(entry.recordId);
        }
        return keys;
    }

    std::unique_ptr<TestDatabase> m_fixture;
    std::optional<Actor> m_admin, m_supervisor, m_counselor;
    qint64 m_base = 0;
};

HEART_TEST_MAIN(TestUseCaseSettings)
#include "tst_usecase_settings.moc"
