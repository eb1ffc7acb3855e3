// DraftStore and SettingsStore on both engines: drafts are kept per user and
// form, overwritten in place, discarded, and never shown to another user;
// the idle-lock minutes default to 10, are set by an administrator only,
// range-checked, and seen by every workstation of the center; a setting's
// current version is what a screen's save names, and a stale one is refused.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/DraftStore.h"
#include "store/SettingsStore.h"
#include "store/StoreTime.h"

#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

class TestStoreDraftsSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void draftsSaveLoadOverwrite();
    void draftsArePrivateToTheirUser();
    void draftSurvivesAnotherSession();
    void discardRemovesOnlyThatForm();
    void draftContentIsKeptExactly();
    void listGivesOnesOwnDraftsOfAFormLastSavedFirst();

    void idleMinutesDefaultToTen();
    void administratorSetsIdleMinutes();
    void idleMinutesRangeChecked_data();
    void idleMinutesRangeChecked();
    void otherWorkstationsSeeTheSetting();
    void staleVersionRefusedNamingTheLastSave();

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStoreDraftsSettings::draftsSaveLoadOverwrite()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    auto empty = drafts.load(counselor);
    HEARTDESK_VERIFY_RESULT(empty);
    QVERIFY(empty.value().isEmpty());

    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), QStringLiteral("{\"v\":1}")));
    HEARTDESK_VERIFY_OK(
        drafts.save(counselor, QStringLiteral("safety_plan"), QStringLiteral("{\"step\":3}")));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), QStringLiteral("{\"v\":2}")));

    auto loaded = drafts.load(counselor);
    HEARTDESK_VERIFY_RESULT(loaded);
    const QMap<QString, QString> expected = {{QStringLiteral("intake"), QStringLiteral("{\"v\":2}")},
                                             {QStringLiteral("safety_plan"), QStringLiteral("{\"step\":3}")}};
    QCOMPARE(loaded.value(), expected);
    // Overwritten in place: one row per user and form.
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM drafts")).rows.at(0).at(0).toInt(), 2);
}

void TestStoreDraftsSettings::listGivesOnesOwnDraftsOfAFormLastSavedFirst()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor other = m_fixture->newActor(QStringLiteral("t_other_counselor"), {Role::CallCounselor});
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake/a"), QStringLiteral("{\"a\":1}")));
    m_fixture->clock().advance(std::chrono::minutes(3));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake/b"), QStringLiteral("{\"b\":1}")));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("admin/new-user"), QStringLiteral("{}")));
    HEARTDESK_VERIFY_OK(drafts.save(other, QStringLiteral("intake/c"), QStringLiteral("{}")));
    m_fixture->clock().advance(std::chrono::minutes(2));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake/a"), QStringLiteral("{\"a\":2}")));

    auto listed = drafts.list(counselor, QStringLiteral("intake/"));
    HEARTDESK_VERIFY_RESULT(listed);
    QCOMPARE(listed.value().size(), 2);
    QCOMPARE(listed.value().at(0).form, QStringLiteral("intake/a"));
    QCOMPARE(listed.value().at(0).content, QStringLiteral("{\"a\":2}"));
    QCOMPARE(listed.value().at(0).savedAt, store::toDateTime(m_fixture->clock().now()));
    QCOMPARE(listed.value().at(1).form, QStringLiteral("intake/b"));
    QCOMPARE(drafts.list(other, QStringLiteral("intake/")).value().size(), 1);
    QVERIFY(drafts.list(m_fixture->administrator(), QString()).value().isEmpty());
}

void TestStoreDraftsSettings::draftsArePrivateToTheirUser()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), QStringLiteral("counselor's")));
    HEARTDESK_VERIFY_OK(drafts.save(lead, QStringLiteral("intake"), QStringLiteral("lead's")));
    HEARTDESK_VERIFY_OK(drafts.save(lead, QStringLiteral("encounter"), QStringLiteral("lead's encounter")));

    QCOMPARE(drafts.load(counselor).value(),
             (QMap<QString, QString>{{QStringLiteral("intake"), QStringLiteral("counselor's")}}));
    QCOMPARE(drafts.load(lead).value(),
             (QMap<QString, QString>{{QStringLiteral("intake"), QStringLiteral("lead's")},
                                     {QStringLiteral("encounter"), QStringLiteral("lead's encounter")}}));
    // An administrator, who may manage the account, sees none of them either.
    QVERIFY(drafts.load(m_fixture->administrator()).value().isEmpty());
    // Discarding one's own form leaves the other user's draft of that form alone.
    HEARTDESK_VERIFY_OK(drafts.discard(counselor, QStringLiteral("intake")));
    QVERIFY(drafts.load(counselor).value().isEmpty());
    QCOMPARE(drafts.load(lead).value().value(QStringLiteral("intake")), QStringLiteral("lead's"));
}

void TestStoreDraftsSettings::draftSurvivesAnotherSession()
{
    // Auto-logoff: the draft waits for the same user's next sign-in, on any workstation.
    m_fixture->actorFor(Role::CallCounselor);
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    const Actor first = m_fixture->actorFor(Role::CallCounselor);
    HEARTDESK_VERIFY_OK(drafts.save(first, QStringLiteral("intake"), QStringLiteral("half-typed")));
    auto again = m_fixture->accounts().signIn(QStringLiteral("t_call_counselor"),
                                              TestDatabase::userPassword(), QStringLiteral("ws-other"));
    HEARTDESK_VERIFY_RESULT(again);
    QCOMPARE(drafts.load(again.value()).value().value(QStringLiteral("intake")),
             QStringLiteral("half-typed"));
}

void TestStoreDraftsSettings::discardRemovesOnlyThatForm()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), QStringLiteral("a")));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("triage"), QStringLiteral("b")));
    HEARTDESK_VERIFY_OK(drafts.discard(counselor, QStringLiteral("intake")));
    HEARTDESK_VERIFY_OK(drafts.discard(counselor, QStringLiteral("never-saved")));
    QCOMPARE(drafts.load(counselor).value(),
             (QMap<QString, QString>{{QStringLiteral("triage"), QStringLiteral("b")}}));
    // A discarded form can be drafted again.
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), QStringLiteral("c")));
    QCOMPARE(drafts.load(counselor).value().value(QStringLiteral("intake")), QStringLiteral("c"));
}

void TestStoreDraftsSettings::draftContentIsKeptExactly()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    DraftStore drafts(m_fixture->db(), m_fixture->clock());
    const QString content =
        QStringLiteral(
            "{\"note\":\"Se\u00f1ora P\u00e9rez \u2014 'quotes' \\\"and\\\" ; DROP TABLE drafts; --\","
            "\"emoji\":\"\U0001F49C\",\"newline\":\"a\\nb\"}") +
        QString(20000, QLatin1Char('x'));
    HEARTDESK_VERIFY_OK(drafts.save(counselor, QStringLiteral("intake"), content));
    QCOMPARE(drafts.load(counselor).value().value(QStringLiteral("intake")), content);
}

void TestStoreDraftsSettings::idleMinutesDefaultToTen()
{
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    QCOMPARE(settings.idleLockMinutes(), 10);
    QCOMPARE(SettingsStore::defaultValue(Setting::IdleLockMinutes), QStringLiteral("10"));
    QCOMPARE(SettingsStore::key(Setting::IdleLockMinutes), QStringLiteral("idle_lock_minutes"));
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM settings")).rows.at(0).at(0).toInt(), 0);
    // A value nobody could have set through the program falls back to the default.
    QVERIFY(m_fixture
                ->sql(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                     "('idle_lock_minutes', 'soon', '2026-03-02T15:00:00.000Z')"))
                .ok);
    QCOMPARE(settings.idleLockMinutes(), 10);
}

void TestStoreDraftsSettings::administratorSetsIdleMinutes()
{
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    const Actor admin = m_fixture->administrator();
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 25));
    QCOMPARE(settings.idleLockMinutes(), 25);
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 5));
    QCOMPARE(settings.idleLockMinutes(), 5);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM settings")).rows.at(0).at(0).toInt(), 1);
    QCOMPARE(
        m_fixture
            ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND record_type = "
                                 "'setting' AND user_id = ?"),
                  {admin.userId()})
            .rows.at(0)
            .at(0)
            .toInt(),
        2);
    // Each saved value is kept as a version: the value before and after
    // every audited change can be read back, with who saved it.
    const QList<SettingVersion> versions = settings.versions(Setting::IdleLockMinutes);
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0].version, 1);
    QCOMPARE(versions[0].value, QStringLiteral("25"));
    QCOMPARE(versions[1].version, 2);
    QCOMPARE(versions[1].value, QStringLiteral("5"));
    QCOMPARE(versions[1].savedBy, admin.userId());
    QCOMPARE(versions[1].savedAt, store::toDateTime(m_fixture->clock().now()));
    // Anyone else is refused, and nothing is kept.
    QCOMPARE(settings.setIdleLockMinutes(m_fixture->actorFor(Role::Supervisor), 30).code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(settings.idleLockMinutes(), 5);
    QCOMPARE(settings.versions(Setting::IdleLockMinutes).size(), 2);
}

void TestStoreDraftsSettings::idleMinutesRangeChecked_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("negative") << -5 << false;
    QTest::newRow("zero") << 0 << false;
    QTest::newRow("one") << 1 << true;
    QTest::newRow("default") << 10 << true;
    QTest::newRow("four hours") << 240 << true;
    QTest::newRow("over four hours") << 241 << false;
    QTest::newRow("huge") << 1000000 << false;
}

void TestStoreDraftsSettings::idleMinutesRangeChecked()
{
    QFETCH(int, minutes);
    QFETCH(bool, accepted);
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    const StoreError error = settings.setIdleLockMinutes(m_fixture->administrator(), minutes);
    if (accepted) {
        HEARTDESK_VERIFY_OK(error);
        QCOMPARE(settings.idleLockMinutes(), minutes);
    } else {
        QCOMPARE(error.code, StoreErrorCode::InvalidInput);
        QCOMPARE(error.field, QStringLiteral("idleLockMinutes"));
        QCOMPARE(settings.idleLockMinutes(), 10);
    }
}

void TestStoreDraftsSettings::otherWorkstationsSeeTheSetting()
{
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    StoreError opened;
    auto second = m_fixture->openSecond(&opened);
    QVERIFY2(second, qPrintable(opened.detail));
    SettingsStore elsewhere(*second, m_fixture->clock());
    QCOMPARE(elsewhere.idleLockMinutes(), 10);
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(m_fixture->administrator(), 3));
    QCOMPARE(elsewhere.idleLockMinutes(), 3);
}

void TestStoreDraftsSettings::staleVersionRefusedNamingTheLastSave()
{
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    const QString key = SettingsStore::key(Setting::IdleLockMinutes);
    QCOMPARE(settings.currentVersion(key), 0);
    HEARTDESK_VERIFY_OK(settings.requireVersion(key, 0));
    QCOMPARE(settings.lastSaved(key).version, 0);
    const Actor admin = m_fixture->administrator();
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 25));
    m_fixture->clock().advance(std::chrono::minutes{3});
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 15));

    // Another workstation's connection sees the same version.
    auto second = m_fixture->openSecond();
    QVERIFY(second);
    SettingsStore elsewhere(*second, m_fixture->clock());
    QCOMPARE(elsewhere.currentVersion(key), 2);
    HEARTDESK_VERIFY_OK(elsewhere.requireVersion(key, 2));
    HEARTDESK_VERIFY_OK(elsewhere.requireVersion(key, SettingsStore::kAnyVersion));
    const StoreError stale = elsewhere.requireVersion(key, 1);
    QCOMPARE(stale.code, StoreErrorCode::Conflict);
    QCOMPARE(stale.field, key);
    const SettingVersion last = elsewhere.lastSaved(key);
    QCOMPARE(last.version, 2);
    QCOMPARE(last.value, QStringLiteral("15"));
    QCOMPARE(last.savedBy, admin.userId());
    QVERIFY(!last.savedByName.isEmpty());
    QCOMPARE(last.savedAt, store::toDateTime(m_fixture->clock().now()));
    // Each setting counts its own versions.
    QCOMPARE(elsewhere.currentVersion(SettingsStore::key(Setting::FollowUpPolicy)), 0);
}

HEART_TEST_GUILESS_MAIN(TestStoreDraftsSettings)
#include "tst_store_drafts_settings.moc"
