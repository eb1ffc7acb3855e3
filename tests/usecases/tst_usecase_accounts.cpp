// Accounts, settings and rule sets as use cases, on both engines. An account
// with its roles is one record: journaled once (record type "user") and
// signalled once, and a failure between the account row and its role rows
// leaves nothing. Changing roles, deactivating, resetting a password, a
// setting and a rule set each journal one row with the record's new version.
// Sign-in and the session (lock, unlock, sign-out) are audited but change no
// record, so they journal nothing.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/Result.h"
#include "store/ChangeJournal.h"
#include "usecases/AccountUseCases.h"
#include "usecases/AdministratorRole.h"
#include "usecases/SettingsUseCases.h"

#include <QSignalSpy>
#include <QTest>
#include <type_traits>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

// `for (const UserAccount& user : accounts.users().value())` below read freed
// memory (valgrind; on PostgreSQL it corrupted the heap and the test hung):
// value() of a temporary result returned a reference into it. It now returns
// the value itself, which the loop keeps alive.
static_assert(
    std::is_same_v<decltype(std::declval<StoreResult<QList<UserAccount>>>().value()), QList<UserAccount>>);
static_assert(std::is_same_v<decltype(std::declval<heart::Result<int>>().value()), int>);

const QString kPassword = QStringLiteral("a-long-password-2026");

NewUser newUser(const QString& login, const QList<Role>& roles)
{
    return {login, QStringLiteral("Person %1").arg(login), roles, kPassword};
}

QByteArray ruleSet(const char* id, const char* effectiveFrom)
{
    return QStringLiteral(
               R"({"format": "heartdesk-rules/1", "id": "%1", "name": "Test %1", "effectiveFrom": "%2",
        "timeZone": "EST5EDT,M3.2.0,M11.1.0",
        "callTypes": [{"code": "welfare-check", "name": "Welfare Check"}],
        "programs": {"crt": {"callTypes": "all", "serviceArea": {"beats": ["A1"]}, "hours": "always"}}})")
        .arg(QLatin1String(id), QLatin1String(effectiveFrom))
        .toUtf8();
}

} // namespace

class TestUseCaseAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void firstAdministratorIsOneJournaledRecord()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        usecases::SignInUseCases signIn(db(), clock());
        auto created =
            signIn.createFirstAdministrator(newUser(QStringLiteral("boss"), {}), TestDatabase::workstation());
        HEARTDESK_VERIFY_RESULT(created);
        const auto rows = journal(0);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("user"));
        QCOMPARE(rows[0].recordId, created.value().userId());
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[0].action, audit::Create);
        QCOMPARE(rows[0].userId, created.value().userId());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(m_fixture->auditCount(audit::SignIn, created.value().userId()), 1);
    }

    void firstAdministratorFailingBetweenWritesLeavesNoAccount()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("insert role"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("insert role failed")));
        usecases::SignInUseCases signIn(db(), clock());
        auto created =
            signIn.createFirstAdministrator(newUser(QStringLiteral("boss"), {}), TestDatabase::workstation());
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
        auto hasUsers = signIn.hasUsers();
        HEARTDESK_VERIFY_RESULT(hasUsers);
        QVERIFY(!hasUsers.value()); // the first-administrator page shows again
        HEARTDESK_VERIFY_RESULT(signIn.createFirstAdministrator(newUser(QStringLiteral("boss"), {}),
                                                                TestDatabase::workstation()));
        QCOMPARE(spy.count(), 1);
    }

    void userWithSeveralRolesIsOneRecordAndOneSignal()
    {
        usecases::AccountUseCases accounts = admin();
        const qint64 seq = lastSeq();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto added = accounts.createUser(
            newUser(QStringLiteral("sam"), {Role::CallCounselor, Role::Supervisor, Role::CareNavigator}));
        HEARTDESK_VERIFY_RESULT(added);
        QCOMPARE(added.value().roles.size(), 3);
        QCOMPARE(roleRows(added.value().id), 3);
        const auto rows = journal(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("user"));
        QCOMPARE(rows[0].recordId, added.value().id);
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[0].action, audit::Create);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), rows);
    }

    // The account row is written, then its first role row fails as a server
    // error would: no account, no role, no audit row, no journal row.
    void userFailingBetweenAccountAndRolesLeavesNothing()
    {
        usecases::AccountUseCases accounts = admin();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("insert role"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("insert role failed")));
        auto added =
            accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor, Role::Supervisor}));
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
        // The user ID is free: the same account can be made afterwards, whole.
        auto again =
            accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor, Role::Supervisor}));
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(roleRows(again.value().id), 2);
        QCOMPARE(spy.count(), 1);
    }

    void changingRolesJournalsTheNewVersion()
    {
        usecases::AccountUseCases accounts = admin();
        auto added = accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor}));
        HEARTDESK_VERIFY_RESULT(added);
        const qint64 seq = lastSeq();
        HEARTDESK_VERIFY_OK(accounts.setRoles(added.value().id, {Role::CallCounselor, Role::CrtTeamLead}, 1));
        const auto rows = journal(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordId, added.value().id);
        QCOMPARE(rows[0].version, 2);
        QCOMPARE(rows[0].action, audit::Update);
        QCOMPARE(roleRows(added.value().id), 2);
    }

    // Issue 19: a password fit for a counselor (8+ characters) is not fit for
    // an administrator (12+). Giving the administrator role takes a new
    // password that meets the administrator's policy; without one, nothing changes.
    void promotingToAdministratorNeedsAnAdministratorsPassword()
    {
        usecases::AccountUseCases accounts = admin();
        const QString shortButFine = QStringLiteral("ochre-fig");
        auto added = accounts.createUser(
            {QStringLiteral("sam"), QStringLiteral("Sam Rivera"), {Role::CallCounselor}, shortButFine});
        HEARTDESK_VERIFY_RESULT(added);
        const QString id = added.value().id;
        const QList<Role> promoted = {Role::CallCounselor, Role::Administrator};
        const qint64 seq = lastSeq();

        const StoreError none = accounts.setRoles(id, promoted, 1);
        QCOMPARE(storeErrorCodeName(none.code), storeErrorCodeName(StoreErrorCode::WeakPassword));
        QCOMPARE(none.detail, QString::fromLatin1(usecases::kAdministratorNeedsNewPassword));
        QCOMPARE(none.field, QStringLiteral("password"));
        QCOMPARE(none.limit, 12);
        const StoreError tooShort = usecases::setRolesWithPassword({db(), clock(), administrator()}, id,
                                                                   promoted, 1, QStringLiteral("maple-orb"));
        QCOMPARE(storeErrorCodeName(tooShort.code), storeErrorCodeName(StoreErrorCode::WeakPassword));
        QCOMPARE(tooShort.detail, QStringLiteral("too-short"));
        QCOMPARE(tooShort.limit, 12);
        QCOMPARE(journal(seq).size(), 0);
        for (const UserAccount& user : accounts.users().value()) {
            if (user.id == id) {
                QCOMPARE(user.roles, QList<Role>{Role::CallCounselor});
                QCOMPARE(user.version, 1);
            }
        }
        QVERIFY(usecases::SignInUseCases(db(), clock())
                    .signIn(QStringLiteral("sam"), shortButFine, TestDatabase::workstation())
                    .ok());

        // With an administrator's password: promoted, and that password is the one that signs in.
        const QString strong = QStringLiteral("harbor tide lantern");
        HEARTDESK_VERIFY_OK(
            usecases::setRolesWithPassword({db(), clock(), administrator()}, id, promoted, 1, strong));
        QCOMPARE(journal(seq).size(), 2); // the password reset, then the roles
        QCOMPARE(m_fixture->auditCount(audit::PasswordReset, m_fixture->administrator().userId()), 1);
        QVERIFY(!usecases::SignInUseCases(db(), clock())
                     .signIn(QStringLiteral("sam"), shortButFine, TestDatabase::workstation())
                     .ok());
        auto signedIn = usecases::SignInUseCases(db(), clock())
                            .signIn(QStringLiteral("sam"), strong, TestDatabase::workstation());
        HEARTDESK_VERIFY_RESULT(signedIn);
        for (const UserAccount& user : accounts.users().value()) {
            if (user.id == id)
                QVERIFY(user.roles.contains(Role::Administrator) && user.roles.contains(Role::CallCounselor));
        }
        // Already an administrator: other role changes need no new password.
        HEARTDESK_VERIFY_OK(accounts.setRoles(id, {Role::Administrator}, 3));
    }

    // Old roles deleted, new ones written, then the version bump fails: the
    // account keeps its old roles and version.
    void changingRolesFailingBeforeTheBumpKeepsTheOldRoles()
    {
        usecases::AccountUseCases accounts = admin();
        auto added = accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor}));
        HEARTDESK_VERIFY_RESULT(added);
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("bump user version"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bump user version failed")));
        QCOMPARE(accounts.setRoles(added.value().id, {Role::Supervisor, Role::CrtTeamLead}, 1).code,
                 StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
        auto account = accounts.users();
        HEARTDESK_VERIFY_RESULT(account);
        for (const UserAccount& user : account.value()) {
            if (user.id == added.value().id) {
                QVERIFY(user.roles == QList<Role>{Role::CallCounselor});
                QCOMPARE(user.version, 1);
            }
        }
    }

    // Two administrators: one may go, the last may not; the refusal leaves
    // the account as it was and journals nothing.
    void deactivatingTheLastButOneAdministrator()
    {
        usecases::AccountUseCases accounts = admin();
        auto second = accounts.createUser(newUser(QStringLiteral("deputy"), {Role::Administrator}));
        HEARTDESK_VERIFY_RESULT(second);
        const qint64 seq = lastSeq();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        HEARTDESK_VERIFY_OK(accounts.setActive(second.value().id, false, 1));
        auto rows = journal(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordId, second.value().id);
        QCOMPARE(rows[0].version, 2);
        QCOMPARE(rows[0].action, audit::Deactivate);
        QCOMPARE(spy.count(), 1);

        const Actor boss = administrator();
        auto bossAccount = usecases::AccountUseCases({db(), clock(), boss}).ownAccount();
        HEARTDESK_VERIFY_RESULT(bossAccount);
        const QString before = snapshot();
        const StoreError refused = accounts.setActive(boss.userId(), false, bossAccount.value().version);
        QCOMPARE(refused.code, StoreErrorCode::LastAdministrator);
        QCOMPARE(snapshot(), before);
        QCOMPARE(journal(seq).size(), 1);
        QCOMPARE(spy.count(), 1);
    }

    void deactivatingFailingLeavesTheAccountActive()
    {
        usecases::AccountUseCases accounts = admin();
        auto added = accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor}));
        HEARTDESK_VERIFY_RESULT(added);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("set active"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("set active failed")));
        QCOMPARE(accounts.setActive(added.value().id, false, 1).code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
    }

    void passwordResetJournalsOneRow()
    {
        usecases::AccountUseCases accounts = admin();
        auto added = accounts.createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor}));
        HEARTDESK_VERIFY_RESULT(added);
        const qint64 seq = lastSeq();
        HEARTDESK_VERIFY_OK(accounts.resetPassword(added.value().id, QStringLiteral("another-password-99")));
        const auto rows = journal(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].action, audit::PasswordReset);
        QCOMPARE(rows[0].version, 2);
    }

    void refusedRoleIsAuditedAndJournalsNothing()
    {
        const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
        const qint64 seq = lastSeq();
        const QString before = snapshot();
        auto added = usecases::AccountUseCases({db(), clock(), counselor})
                         .createUser(newUser(QStringLiteral("sam"), {Role::CallCounselor}));
        QCOMPARE(added.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(usecases::SettingsUseCases({db(), clock(), counselor}).setIdleLockMinutes(30).code,
                 StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, counselor.userId()), 2);
        QCOMPARE(snapshot(), before);
        QCOMPARE(journal(seq).size(), 0);
    }

    // Audited, but no record changes: nothing in the journal, no signal.
    void sessionEventsJournalNothing()
    {
        const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
        const qint64 seq = lastSeq();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto signedIn =
            usecases::SignInUseCases(db(), clock())
                .signIn(counselor.login(), TestDatabase::userPassword(), TestDatabase::workstation());
        HEARTDESK_VERIFY_RESULT(signedIn);
        usecases::AccountUseCases session({db(), clock(), signedIn.value()});
        HEARTDESK_VERIFY_OK(session.lockSession());
        HEARTDESK_VERIFY_OK(session.unlockSession(TestDatabase::userPassword()));
        HEARTDESK_VERIFY_OK(session.signOut());
        QCOMPARE(m_fixture->auditCount(audit::SessionLocked, counselor.userId()), 1);
        QCOMPARE(m_fixture->auditCount(audit::SessionUnlocked, counselor.userId()), 1);
        QCOMPARE(m_fixture->auditCount(audit::SignOut, counselor.userId()), 1);
        QCOMPARE(journal(seq).size(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void settingJournalsOneRow()
    {
        usecases::SettingsUseCases settings({db(), clock(), administrator()});
        const qint64 seq = lastSeq();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(25));
        QCOMPARE(settings.idleLockMinutes(), 25);
        QCOMPARE(usecases::SettingsQueries(db(), clock()).idleLockMinutes(), 25);
        const auto rows = journal(seq);
        QCOMPARE(rows.size(), 1); // the range check and the write are one unit: one row
        QCOMPARE(rows[0].recordType, QStringLiteral("setting"));
        QCOMPARE(rows[0].recordId, QStringLiteral("idle_lock_minutes"));
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(spy.count(), 1);
        // Out of range: refused, nothing journaled.
        QCOMPARE(settings.setIdleLockMinutes(0).code, StoreErrorCode::InvalidInput);
        QCOMPARE(journal(seq).size(), 1);
    }

    void ruleSetJournalsItsVersion()
    {
        usecases::SettingsUseCases settings({db(), clock(), administrator()});
        const qint64 seq = lastSeq();
        auto first = settings.importRuleSet(ruleSet("town-2025", "2025-01-01"), QStringLiteral("town.json"));
        HEARTDESK_VERIFY_RESULT(first);
        auto corrected =
            settings.importRuleSet(ruleSet("town-2025", "2025-01-01"), QStringLiteral("town-2.json"));
        HEARTDESK_VERIFY_RESULT(corrected);
        const auto rows = journal(seq);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("rule_set"));
        QCOMPARE(rows[0].recordId, first.value().id);
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[0].action, audit::Create);
        QCOMPARE(rows[1].recordId, first.value().id);
        QCOMPARE(rows[1].version, 2);
        QCOMPARE(rows[1].action, audit::Update);
        auto listed = usecases::SettingsQueries(db(), clock()).ruleSets();
        HEARTDESK_VERIFY_RESULT(listed);
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().first().sourceName, QStringLiteral("town-2.json"));
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    Actor administrator() { return m_fixture->administrator(); }
    usecases::AccountUseCases admin() { return usecases::AccountUseCases({db(), clock(), administrator()}); }
    qint64 lastSeq() { return ChangeJournal(db()).lastSeq().value(); }
    QList<JournalEntry> journal(qint64 after)
    {
        auto rows = ChangeJournal(db()).after(after);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    int roleRows(const QString& userId)
    {
        const auto r =
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM user_roles WHERE user_id = ?"), {userId});
        return r.rows.isEmpty() ? -1 : r.rows.first().first().toInt();
    }
    // Accounts, their roles, settings, rule sets, the journal and the audit
    // trail (but refusals): what "nothing remains" compares.
    QString snapshot()
    {
        QStringList parts;
        const auto add = [&](const QString& sql) {
            for (const QVariantList& row : m_fixture->sql(sql).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        add(QStringLiteral("SELECT id, login, active, version, password_hash FROM users ORDER BY id"));
        add(QStringLiteral("SELECT user_id, role FROM user_roles ORDER BY user_id, role"));
        add(QStringLiteral("SELECT key, value FROM settings ORDER BY key"));
        add(QStringLiteral("SELECT id, version FROM rule_sets ORDER BY id"));
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"));
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseAccounts)
#include "tst_usecase_accounts.moc"
