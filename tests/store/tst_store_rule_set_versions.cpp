// New rule set versions, on both engines (the fixture's clock: Monday
// 2026-03-02 in Durham):
//   - an administrator saves a new version made from the citywide rules,
//     effective the next Monday: calls before that date are decided as before
//     (the shipped rules are stored first, unchanged), calls from it by the
//     new rules; audited, and its document kept with what it was made from;
//   - a date of today or earlier, an unknown base and a day another rule set
//     takes are refused with the field, and nothing is written;
//   - a rule set that has been in force, or that stored calls were decided
//     by, is never edited in place; a version not in force yet may be saved
//     again (version 2, both documents kept, create and update audited);
//   - supervisors read the rule sets but cannot save (refusal audited);
//     call counselors cannot even read them through the screens' use case.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/RuleSetStore.h"
#include "usecases/RuleSetUseCases.h"

#include <QFile>
#include <QTest>

using namespace heart;

namespace {

const QString kCitywide = QStringLiteral("durham-2023-10-23-citywide");
const QString kNext = QStringLiteral("durham-2026-03-09-citywide-v2");

QByteArray shippedCitywide()
{
    QFile file(QStringLiteral(HEARTDESK_SOURCE_DIR "/resources/rules/durham-2023-10-23-citywide.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the shipped citywide rules");
    return file.readAll();
}

// The citywide rules as a new version: its own id and date, CRT open 07:00-23:00.
QByteArray nextVersion(const char* id = "durham-2026-03-09-citywide-v2", const char* from = "2026-03-09",
                       const char* crtHours = "07:00-23:00")
{
    QByteArray json = shippedCitywide();
    json.replace("\"id\": \"durham-2023-10-23-citywide\"", QByteArray("\"id\": \"").append(id).append('"'));
    json.replace("\"effectiveFrom\": \"2023-10-23\"",
                 QByteArray("\"effectiveFrom\": \"").append(from).append('"'));
    json.replace("\"09:00-21:00\"", QByteArray("\"").append(crtHours).append('"'));
    return json;
}

// A welfare check in beat 311 at 07:30 local time on the given day.
bool crtTakesEarlyCall(const routing::RuleBook& book, std::chrono::year_month_day day)
{
    routing::CallFacts call;
    call.callType = "Welfare Check";
    call.beat = "311";
    call.received = roster::LocalDateTime{day, 7 * 60 + 30};
    return routing::Router(book).decide(call).value().eligible(routing::Program::CommunityResponse);
}

} // namespace

class TestStoreRuleSetVersions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void newVersionTakesEffectOnItsDate()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        auto saved = rules.saveNewVersion(admin, nextVersion(), kCitywide);
        HEARTDESK_VERIFY_RESULT(saved);
        QCOMPARE(saved.value().key, kNext);
        QCOMPARE(saved.value().effectiveFrom, QDate(2026, 3, 9));
        QCOMPARE(saved.value().version, 1);

        // The shipped rule sets were stored as they are, then the new one.
        auto listed = rules.list();
        HEARTDESK_VERIFY_RESULT(listed);
        QCOMPARE(listed.value().size(), 4);
        QCOMPARE(listed.value().back().key, kNext);
        auto citywide = rules.document(kCitywide);
        HEARTDESK_VERIFY_RESULT(citywide);
        QCOMPARE(citywide.value(), shippedCitywide());

        // Friday 2026-03-06 (before) by the citywide rules: CRT opens at 09:00.
        // Monday 2026-03-09 (from the effective date) by the new one: 07:00.
        auto book = rules.ruleBook();
        HEARTDESK_VERIFY_RESULT(book);
        QCOMPARE(book.value().ruleSets().size(), std::size_t(4));
        using namespace std::chrono;
        QVERIFY(!crtTakesEarlyCall(book.value(), 2026y / March / 6));
        QVERIFY(!crtTakesEarlyCall(book.value(), 2026y / March / 8));
        QVERIFY(crtTakesEarlyCall(book.value(), 2026y / March / 9));
        // The pilot still judges a 2022 call.
        QCOMPARE(book.value().inForce(2022y / August / 1)->id, std::string("durham-2022-06-27-pilot"));

        // Audited: one create for the new record, by the administrator.
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND "
                                          "record_type = 'rule_set' AND record_id = ? AND user_id = ?"),
                           {saved.value().id, admin.userId()})
                     .rows.first()
                     .first()
                     .toInt(),
                 1);
        // Its document is kept with what it was made from.
        auto versions = rules.versions(kNext);
        HEARTDESK_VERIFY_RESULT(versions);
        QCOMPARE(versions.value().size(), 1);
        QCOMPARE(versions.value().first().basedOn, kCitywide);
        QCOMPARE(versions.value().first().savedBy, admin.userId());
        QCOMPARE(versions.value().first().document, nextVersion());
        auto shipped = rules.versions(kCitywide);
        HEARTDESK_VERIFY_RESULT(shipped);
        QCOMPARE(shipped.value().size(), 1);
        QVERIFY(shipped.value().first().basedOn.isEmpty());
    }

    void todayUnknownBaseOrTakenDayIsRefused()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        const auto count = [this] {
            return m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM rule_sets"))
                .rows.first()
                .first()
                .toInt();
        };
        for (const char* day : {"2026-03-02", "2026-03-01", "2025-01-01"}) {
            auto refused = rules.saveNewVersion(admin, nextVersion("v-past", day), kCitywide);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, store::StoreErrorCode::InvalidInput);
            QCOMPARE(refused.error().field, QStringLiteral("effectiveFrom"));
        }
        auto unknown = rules.saveNewVersion(admin, nextVersion(), QStringLiteral("no-such-rules"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, QStringLiteral("basedOn"));
        QCOMPARE(count(), 0); // not even the shipped ones: the unit of work did not commit

        HEARTDESK_VERIFY_RESULT(rules.saveNewVersion(admin, nextVersion(), kCitywide));
        auto sameDay = rules.saveNewVersion(admin, nextVersion("other-v2"), kCitywide);
        QVERIFY(!sameDay.ok());
        QCOMPARE(sameDay.error().field, QStringLiteral("effectiveFrom"));
        QVERIFY2(sameDay.error().detail.contains(kNext), qPrintable(sameDay.error().detail));

        QByteArray broken = nextVersion("v-broken", "2026-04-06");
        broken.replace("\"07:00-23:00\"", "\"7-23\"");
        auto malformed = rules.saveNewVersion(admin, broken, kCitywide);
        QVERIFY(!malformed.ok());
        QVERIFY2(malformed.error().field.startsWith(QStringLiteral("programs.crt.hours.")),
                 qPrintable(malformed.error().field));
        QCOMPARE(count(), 4);
    }

    void inForceIsNeverEditedInPlace()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        // The citywide rules under their own id, with a future date: refused.
        auto refused =
            rules.saveNewVersion(admin, nextVersion("durham-2023-10-23-citywide", "2026-03-09"), kCitywide);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, store::StoreErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("id"));

        // A version not in force yet may be saved again: version 2, both kept.
        auto first = rules.saveNewVersion(admin, nextVersion(), kCitywide);
        HEARTDESK_VERIFY_RESULT(first);
        auto second = rules.saveNewVersion(
            admin, nextVersion(kNext.toUtf8().constData(), "2026-03-09", "08:00-22:00"), kCitywide);
        HEARTDESK_VERIFY_RESULT(second);
        QCOMPARE(second.value().id, first.value().id);
        QCOMPARE(second.value().version, 2);
        auto versions = rules.versions(kNext);
        HEARTDESK_VERIFY_RESULT(versions);
        QCOMPARE(versions.value().size(), 2);
        QVERIFY(versions.value().at(0).document.contains("07:00-23:00")); // before
        QVERIFY(versions.value().at(1).document.contains("08:00-22:00")); // after
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT action FROM audit_log WHERE record_type = 'rule_set' AND "
                                          "record_id = ? ORDER BY seq"),
                           {first.value().id})
                     .rows.size(),
                 2);

        // From its date on it has been in force: no more edits in place.
        m_fixture->clock().advance(std::chrono::hours{24 * 7});
        auto late =
            rules.saveNewVersion(admin, nextVersion(kNext.toUtf8().constData(), "2026-03-16"), kCitywide);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().field, QStringLiteral("id"));
        QVERIFY(rules.document(kNext).value().contains("08:00-22:00"));
    }

    void usedByCallsIsNeverReplacedByAnImport()
    {
        store::RuleSetStore rules(m_fixture->db(), m_fixture->clock());
        const store::Actor admin = m_fixture->administrator();
        HEARTDESK_VERIFY_RESULT(
            rules.importRuleSet(admin, shippedCitywide(), QStringLiteral("citywide.json")));
        // A correction before any call used it is still a correction.
        HEARTDESK_VERIFY_RESULT(
            rules.importRuleSet(admin, shippedCitywide(), QStringLiteral("citywide-2.json")));
        const test::RawResult call = m_fixture->sql(
            QStringLiteral("INSERT INTO calls (id, cad_number, received_at, call_type, status, created_at, "
                           "updated_at, rule_set_id) VALUES ('c1', 'CAD-1', '2026-03-01T15:00:00Z', "
                           "'welfare-check', 'closed', '2026-03-01T15:00:00Z', '2026-03-01T15:00:00Z', ?)"),
            {kCitywide});
        QVERIFY2(call.ok, qPrintable(call.error));
        auto refused = rules.importRuleSet(admin, shippedCitywide(), QStringLiteral("citywide-3.json"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("id"));
        auto versions = rules.versions(kCitywide);
        HEARTDESK_VERIFY_RESULT(versions);
        QCOMPARE(versions.value().size(), 2);
        QCOMPARE(versions.value().back().sourceName, QStringLiteral("citywide-2.json"));
    }

    void supervisorsReadOnly()
    {
        const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
        usecases::RuleSetUseCases asSupervisor({m_fixture->db(), m_fixture->clock(), supervisor});
        QVERIFY(asSupervisor.canView());
        QVERIFY(!asSupervisor.canEdit());
        auto listing = asSupervisor.listing();
        HEARTDESK_VERIFY_RESULT(listing);
        QVERIFY(listing.value().shipped);
        QCOMPARE(listing.value().book.ruleSets().size(), std::size_t(3));
        QCOMPARE(listing.value().inForceIndex, 2); // citywide, on 2026-03-02
        QCOMPARE(listing.value().today, QDate(2026, 3, 2));

        auto refused = asSupervisor.saveNewVersion(nextVersion(), kCitywide);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, store::StoreErrorCode::PermissionDenied);
        QCOMPARE(
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM rule_sets")).rows.first().first().toInt(), 0);
        QCOMPARE(
            m_fixture
                ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                     "record_type = 'rule_set' AND user_id = ?"),
                      {supervisor.userId()})
                .rows.first()
                .first()
                .toInt(),
            1);

        usecases::RuleSetUseCases asCounselor(
            {m_fixture->db(), m_fixture->clock(), m_fixture->actorFor(Role::CallCounselor)});
        QVERIFY(!asCounselor.canView());
        auto hidden = asCounselor.listing();
        QVERIFY(!hidden.ok());
        QCOMPARE(hidden.error().code, store::StoreErrorCode::PermissionDenied);

        usecases::RuleSetUseCases asAdmin({m_fixture->db(), m_fixture->clock(), m_fixture->administrator()});
        HEARTDESK_VERIFY_RESULT(asAdmin.saveNewVersion(nextVersion(), kCitywide));
        listing = asSupervisor.listing();
        HEARTDESK_VERIFY_RESULT(listing);
        QVERIFY(!listing.value().shipped);
        QCOMPARE(listing.value().book.ruleSets().size(), std::size_t(4));
        QCOMPARE(listing.value().inForceIndex, 2); // still citywide until Monday
    }

    void impactOfTheLastWeeksCalls()
    {
        // Calls (UTC; Durham is UTC-5 in February):
        //   Sat 2026-02-28 14:00 local  welfare check, beat 311        CRT: pilot no, citywide yes
        //   Thu 2026-02-26 08:45 local  nuisance, beat 113             CRT: pilot yes, citywide no (before
        //   09:00) Tue 2026-02-24 11:00 local  suicide threat, 214, weapon, high  CoR: pilot none, citywide
        //   yes Wed 2025-10-01 12:00 local  welfare check, beat 311        older than 8 weeks: not counted
        const auto insert = [this](const char* id, const char* at, const char* type, const char* beat,
                                   const char* flags, const char* risk) {
            const test::RawResult row = m_fixture->sql(
                QStringLiteral(
                    "INSERT INTO calls (id, cad_number, received_at, call_type, beat, flags, risk_level, "
                    "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'closed', ?, ?)"),
                {QLatin1String(id), QLatin1String(id), QLatin1String(at), QLatin1String(type),
                 QLatin1String(beat), QLatin1String(flags), QLatin1String(risk), QLatin1String(at),
                 QLatin1String(at)});
            QVERIFY2(row.ok, qPrintable(row.error));
        };
        insert("c1", "2026-02-28T19:00:00.000Z", "Welfare Check", "311", "", "");
        insert("c2", "2026-02-26T13:45:00.000Z", "Nuisance", "113", "", "");
        insert("c3", "2026-02-24T16:00:00.000Z", "Suicide Threat", "214", "weapon", "high");
        insert("c4", "2025-10-01T16:00:00.000Z", "Welfare Check", "311", "", "");

        usecases::RuleSetUseCases asAdmin({m_fixture->db(), m_fixture->clock(), m_fixture->administrator()});
        auto listing = asAdmin.listing();
        HEARTDESK_VERIFY_RESULT(listing);
        const auto& sets = listing.value().book.ruleSets();
        auto report = asAdmin.previewImpact(sets[0], sets[2], 8);
        HEARTDESK_VERIFY_RESULT(report);
        QCOMPARE(report.value().decided, std::size_t(3));
        QCOMPARE(report.value().weeks, 8.0);
        const routing::ProgramImpact& crt = report.value().program(routing::Program::CommunityResponse);
        QCOMPARE(crt.becomeEligible, std::size_t(1));
        QCOMPARE(crt.becomeIneligible, std::size_t(1));
        QCOMPARE(crt.gainedByHour[5 * 24 + 14], std::size_t(1));
        QCOMPARE(crt.lostByHour[3 * 24 + 8], std::size_t(1));
        QCOMPARE(crt.byBeat.at("311").gained, std::size_t(1));
        QCOMPARE(crt.byBeat.at("113").lost, std::size_t(1));
        QCOMPARE(report.value().program(routing::Program::CoResponse).becomeEligible, std::size_t(1));

        usecases::RuleSetUseCases asCounselor(
            {m_fixture->db(), m_fixture->clock(), m_fixture->actorFor(Role::CallCounselor)});
        QCOMPARE(asCounselor.previewImpact(sets[0], sets[2], 8).error().code,
                 store::StoreErrorCode::PermissionDenied);
    }

private:
    std::unique_ptr<test::TestDatabase> m_fixture;
};

HEART_TEST_GUILESS_MAIN(TestStoreRuleSetVersions)
#include "tst_store_rule_set_versions.moc"
