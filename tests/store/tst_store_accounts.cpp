// AccountStore on both engines: the first administrator, Argon2id hashes
// (the clear password stored nowhere), duplicate logins and weak passwords,
// lockout after five wrong passwords on an injected clock and its audit
// rows, unknown logins leaving no typed text behind, deactivation (never
// deletion), the last administrator, stale versions, password resets lifting
// a lockout, and switching only to roles one holds.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/StoreTime.h"

#include <QRegularExpression>
#include <QTest>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

Q_DECLARE_METATYPE(heart::store::StoreErrorCode)

namespace {

const QString kCaseyPassword = QStringLiteral("Zebra-Quartz-4411");

#define VERIFY_CODE(expr, expected) QCOMPARE(storeErrorCodeName((expr).code), storeErrorCodeName(expected))

} // namespace

class TestStoreAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void firstAdministratorOnlyOnEmptyDatabase();
    void storesArgon2idAndNeverTheClearPassword();
    void duplicateLoginRefused();
    void weakPasswordRefused_data();
    void weakPasswordRefused();
    void namesShownToOthersAreChecked_data();
    void namesShownToOthersAreChecked();
    void fiveWrongPasswordsLockForFiveMinutes();
    void unknownLoginIsAuditedWithoutItsText();
    void deactivatedAccountCannotSignInButRemains();
    void lastActiveAdministratorIsKept();
    void staleVersionIsAConflict();
    void resetPasswordLiftsALockout();
    void switchRoleOnlyToHeldRoles();
    void confirmPasswordCountsTowardsTheLockout();

private:
    UserAccount addCasey(const QList<Role>& roles = {Role::CallCounselor});
    std::unique_ptr<TestDatabase> m_fixture;
};

UserAccount TestStoreAccounts::addCasey(const QList<Role>& roles)
{
    auto added = m_fixture->accounts().addUser(
        m_fixture->administrator(),
        {QStringLiteral("casey"), QStringLiteral("Casey Brightwater"), roles, kCaseyPassword});
    if (!added.ok())
        qFatal("could not add casey: %s", qPrintable(added.error().detail));
    return added.value();
}

void TestStoreAccounts::firstAdministratorOnlyOnEmptyDatabase()
{
    AccountStore& accounts = m_fixture->accounts();
    QVERIFY(accounts.hasUsers().ok());
    QVERIFY(!accounts.hasUsers().value());
    // Roles without Administrator get it added: the first user must be able to manage accounts.
    auto first = accounts.createFirstAdministrator({QStringLiteral("ada"),
                                                    QStringLiteral("Ada Ledger"),
                                                    {Role::Supervisor},
                                                    QStringLiteral("first-admin-pass")},
                                                   TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(first);
    QCOMPARE(first.value().role(), Role::Administrator);
    QCOMPARE(first.value().login(), QStringLiteral("ada"));
    QCOMPARE(first.value().workstation(), TestDatabase::workstation());
    QVERIFY(accounts.hasUsers().value());
    auto stored = accounts.account(first.value().userId());
    HEARTDESK_VERIFY_RESULT(stored);
    QCOMPARE(stored.value().roles, (QList<Role>{Role::Supervisor, Role::Administrator}));
    QCOMPARE(m_fixture->auditCount(audit::Create, first.value().userId()), 1);
    QCOMPARE(m_fixture->auditCount(audit::SignIn, first.value().userId()), 1);

    auto second = accounts.createFirstAdministrator({QStringLiteral("mallory"),
                                                     QStringLiteral("Mallory"),
                                                     {Role::Administrator},
                                                     QStringLiteral("another-pass-1")},
                                                    TestDatabase::workstation());
    QVERIFY(!second.ok());
    VERIFY_CODE(second.error(), StoreErrorCode::AlreadyInitialized);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt(), 1);
    QVERIFY(m_fixture->columnsContaining(QStringLiteral("mallory")).isEmpty());
}

void TestStoreAccounts::storesArgon2idAndNeverTheClearPassword()
{
    const UserAccount casey = addCasey();
    const test::RawResult hash =
        m_fixture->sql(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {casey.id});
    QVERIFY(hash.ok);
    const QString encoded = hash.rows.at(0).at(0).toString();
    QVERIFY2(encoded.startsWith(QLatin1String("$argon2id$v=19$")), qPrintable(encoded));
    // Salted: the same password for two users gives two different hashes.
    auto twin = m_fixture->accounts().addUser(
        m_fixture->administrator(),
        {QStringLiteral("casey2"), QStringLiteral("Casey Two"), {Role::Emt}, kCaseyPassword});
    HEARTDESK_VERIFY_RESULT(twin);
    const test::RawResult twinHash =
        m_fixture->sql(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {twin.value().id});
    QVERIFY(twinHash.rows.at(0).at(0).toString() != encoded);

    auto signedIn =
        m_fixture->accounts().signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(signedIn);
    QCOMPARE(m_fixture->columnsContaining(kCaseyPassword), QStringList());
    QCOMPARE(m_fixture->columnsContaining(TestDatabase::userPassword()), QStringList());
}

void TestStoreAccounts::duplicateLoginRefused()
{
    addCasey();
    const Actor admin = m_fixture->administrator();
    for (const QString& login : {QStringLiteral("casey"), QStringLiteral("admin")}) {
        auto again = m_fixture->accounts().addUser(
            admin, {login, QStringLiteral("Someone Else"), {Role::Emt}, QStringLiteral("different-pass-9")});
        QVERIFY(!again.ok());
        VERIFY_CODE(again.error(), StoreErrorCode::DuplicateLogin);
        QCOMPARE(again.error().field, QStringLiteral("login"));
    }
    // Logins are lower-case, so "Casey" cannot sneak in beside "casey".
    auto upper = m_fixture->accounts().addUser(admin, {QStringLiteral("Casey"),
                                                       QStringLiteral("Casey Upper"),
                                                       {Role::Emt},
                                                       QStringLiteral("different-pass-9")});
    QVERIFY(!upper.ok());
    VERIFY_CODE(upper.error(), StoreErrorCode::InvalidInput);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt(), 2);
    // Sign-in folds case and blanks, so "Casey " is casey.
    auto signedIn =
        m_fixture->accounts().signIn(QStringLiteral(" Casey "), kCaseyPassword, TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(signedIn);
    QCOMPARE(signedIn.value().login(), QStringLiteral("casey"));
}

void TestStoreAccounts::weakPasswordRefused_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("administrator");
    QTest::addColumn<QString>("reason"); // the core's code, in the error's detail
    QTest::newRow("empty") << QStringLiteral("dana") << QString() << false << QStringLiteral("blank");
    QTest::newRow("seven characters")
        << QStringLiteral("dana") << QStringLiteral("abc1234") << false << QStringLiteral("too-short");
    QTest::newRow("same as login") << QStringLiteral("dana.lanternfield")
                                   << QStringLiteral("dana.lanternfield") << false
                                   << QStringLiteral("personal-info");
    QTest::newRow("login in capitals")
        << QStringLiteral("dana.lanternfield") << QStringLiteral("DANA.LANTERNFIELD") << false
        << QStringLiteral("personal-info");
    // The examples, for staff and for an administrator.
    QTest::newRow("password") << QStringLiteral("ada") << QStringLiteral("password") << false
                              << QStringLiteral("common");
    QTest::newRow("12345678") << QStringLiteral("ada") << QStringLiteral("12345678") << false
                              << QStringLiteral("sequential");
    QTest::newRow("eight spaces") << QStringLiteral("ada") << QStringLiteral("        ") << false
                                  << QStringLiteral("blank");
    QTest::newRow("ada12345") << QStringLiteral("ada") << QStringLiteral("ada12345") << false
                              << QStringLiteral("personal-info");
    QTest::newRow("administrator: password")
        << QStringLiteral("ada") << QStringLiteral("password") << true << QStringLiteral("too-short");
    QTest::newRow("administrator: eleven characters")
        << QStringLiteral("ada") << QStringLiteral("lanternfish") << true << QStringLiteral("too-short");
    QTest::newRow("administrator: common, long")
        << QStringLiteral("ada") << QStringLiteral("password1234") << true << QStringLiteral("common");
}

void TestStoreAccounts::weakPasswordRefused()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(bool, administrator);
    QFETCH(QString, reason);
    const QString name = QStringLiteral("Dana Lanternfield");
    const StoreError checked = AccountStore::checkPassword(password, login, name, administrator);
    VERIFY_CODE(checked, StoreErrorCode::WeakPassword);
    QCOMPARE(checked.field, QStringLiteral("password"));
    QCOMPARE(checked.detail, reason);
    QCOMPARE(checked.limit, administrator ? 12 : 8);

    const QList<Role> roles =
        administrator ? QList<Role>{Role::Administrator} : QList<Role>{Role::Supervisor};
    auto added = m_fixture->accounts().addUser(m_fixture->administrator(), {login, name, roles, password});
    QVERIFY(!added.ok());
    VERIFY_CODE(added.error(), StoreErrorCode::WeakPassword);
    QCOMPARE(added.error().detail, reason);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = ?"), {login})
                 .rows.at(0)
                 .at(0)
                 .toInt(),
             0);

    // A reset to a weak password is refused the same way, and the administrator's needs 12 characters.
    const Actor admin = m_fixture->administrator();
    const StoreError reset =
        m_fixture->accounts().resetPassword(admin, admin.userId(), QStringLiteral("short"));
    VERIFY_CODE(reset, StoreErrorCode::WeakPassword);
    VERIFY_CODE(m_fixture->accounts().resetPassword(admin, admin.userId(), QStringLiteral("lanternfish")),
                StoreErrorCode::WeakPassword);
    QVERIFY(!m_fixture->accounts().resetPassword(admin, admin.userId(), QStringLiteral("lanternfish!")));
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("long-enough-1"), login, name, false));
}

void TestStoreAccounts::namesShownToOthersAreChecked_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("field");
    QTest::addColumn<StoreErrorCode>("code");
    const QString ok = QStringLiteral("Dana Lanternfield");
    QTest::newRow("right-to-left override in the name")
        << QStringLiteral("dana") << QStringLiteral("Dana \u202Edleifnretnal")
        << QStringLiteral("displayName") << StoreErrorCode::InvalidInput;
    QTest::newRow("escape sequence in the name")
        << QStringLiteral("dana") << QStringLiteral("Dana\x1b[31m") << QStringLiteral("displayName")
        << StoreErrorCode::InvalidInput;
    QTest::newRow("isolate in the name") << QStringLiteral("dana") << QStringLiteral("Dana \u2067x")
                                         << QStringLiteral("displayName") << StoreErrorCode::InvalidInput;
    QTest::newRow("100,000 characters") << QStringLiteral("dana") << QString(100000, QLatin1Char('n'))
                                        << QStringLiteral("displayName") << StoreErrorCode::TooLong;
    QTest::newRow("121 characters") << QStringLiteral("dana") << QString(121, QLatin1Char('n'))
                                    << QStringLiteral("displayName") << StoreErrorCode::TooLong;
    QTest::newRow("escape in the user ID")
        << QStringLiteral("dana\x1b") << ok << QStringLiteral("login") << StoreErrorCode::InvalidInput;
    QTest::newRow("user ID of 33 characters")
        << QString(33, QLatin1Char('d')) << ok << QStringLiteral("login") << StoreErrorCode::InvalidInput;
    QTest::newRow("user ID of 100,000 characters")
        << QString(100000, QLatin1Char('d')) << ok << QStringLiteral("login") << StoreErrorCode::InvalidInput;
}

void TestStoreAccounts::namesShownToOthersAreChecked()
{
    QFETCH(QString, login);
    QFETCH(QString, name);
    QFETCH(QString, field);
    QFETCH(StoreErrorCode, code);
    auto added = m_fixture->accounts().addUser(m_fixture->administrator(),
                                               {login, name, {Role::Supervisor}, kCaseyPassword});
    QVERIFY(!added.ok());
    VERIFY_CODE(added.error(), code);
    QCOMPARE(added.error().field, field);
    if (code == StoreErrorCode::TooLong)
        QCOMPARE(added.error().limit, 120);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt(), 1);
    // 120 characters and accents are fine.
    HEARTDESK_VERIFY_RESULT(m_fixture->accounts().addUser(m_fixture->administrator(),
                                                          {QStringLiteral("dana"),
                                                           QString(119, QLatin1Char('n')) + QChar(0xF1),
                                                           {Role::Supervisor},
                                                           kCaseyPassword}));
}

void TestStoreAccounts::fiveWrongPasswordsLockForFiveMinutes()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^account locked after repeated failures")));
    const UserAccount casey = addCasey();
    AccountStore& accounts = m_fixture->accounts();
    ManualClock& clock = m_fixture->clock();
    for (int i = 1; i <= 4; ++i) {
        clock.advance(3s);
        auto attempt = accounts.signIn(QStringLiteral("casey"), QStringLiteral("wrong-guess-%1").arg(i),
                                       TestDatabase::workstation());
        QVERIFY(!attempt.ok());
        VERIFY_CODE(attempt.error(), StoreErrorCode::BadCredentials);
        QCOMPARE(accounts.account(casey.id).value().failedAttempts, i);
    }
    clock.advance(3s);
    const QDateTime lockedAt = toDateTime(clock.now());
    auto fifth = accounts.signIn(QStringLiteral("casey"), QStringLiteral("wrong-guess-5"),
                                 TestDatabase::workstation());
    QVERIFY(!fifth.ok());
    VERIFY_CODE(fifth.error(), StoreErrorCode::AccountLocked);
    QCOMPARE(fifth.error().until, lockedAt.addSecs(5 * 60));
    QCOMPARE(accounts.account(casey.id).value().lockedUntil, lockedAt.addSecs(5 * 60));

    // The right password is refused while locked, and the lock does not move.
    clock.advance(2min);
    auto right = accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    QVERIFY(!right.ok());
    VERIFY_CODE(right.error(), StoreErrorCode::AccountLocked);
    QCOMPARE(right.error().until, lockedAt.addSecs(5 * 60));
    clock.set(toTimePoint(lockedAt) + 5min - 1ms);
    VERIFY_CODE(accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation()).error(),
                StoreErrorCode::AccountLocked);
    QCOMPARE(accounts.account(casey.id).value().lockedUntil, lockedAt.addSecs(5 * 60));

    clock.advance(1ms); // exactly five minutes after the fifth failure
    auto afterwards = accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(afterwards);
    QCOMPARE(accounts.account(casey.id).value().failedAttempts, 0);
    QVERIFY(!accounts.account(casey.id).value().lockedUntil.isValid());

    // The trail: seven refused attempts (five wrong, two while locked), one lock, then the sign-in.
    QCOMPARE(m_fixture->auditCount(audit::SignInFailed, casey.id), 7);
    QCOMPARE(m_fixture->auditCount(audit::AccountLocked, casey.id), 1);
    QCOMPARE(m_fixture->auditCount(audit::SignIn, casey.id), 1);
    const test::RawResult lockRow = m_fixture->sql(
        QStringLiteral(
            "SELECT at_utc, role, workstation, record_type, record_id FROM audit_log WHERE action = ?"),
        {audit::AccountLocked});
    QCOMPARE(lockRow.rows.at(0).at(0).toString(), toStoredTime(lockedAt));
    QCOMPARE(lockRow.rows.at(0).at(1).toString(), QStringLiteral("call_counselor"));
    QCOMPARE(lockRow.rows.at(0).at(2).toString(), TestDatabase::workstation());
    QCOMPARE(lockRow.rows.at(0).at(3).toString(), QStringLiteral("user"));
    QCOMPARE(lockRow.rows.at(0).at(4).toString(), casey.id);
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("wrong-guess")), QStringList());
}

void TestStoreAccounts::unknownLoginIsAuditedWithoutItsText()
{
    m_fixture->administrator();
    const int failedBefore = m_fixture->auditCount(audit::SignInFailed);
    // People type their password into the user ID field: it must not be kept.
    auto attempt = m_fixture->accounts().signIn(QStringLiteral("MyDogRex!1987"),
                                                QStringLiteral("whatever-pass"), TestDatabase::workstation());
    QVERIFY(!attempt.ok());
    VERIFY_CODE(attempt.error(), StoreErrorCode::BadCredentials); // the same answer as a wrong password
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("MyDogRex")), QStringList());
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("whatever-pass")), QStringList());
    // But the attempt itself is in the trail, with no user.
    QCOMPARE(m_fixture->auditCount(audit::SignInFailed), failedBefore + 1);
    const test::RawResult row = m_fixture->sql(
        QStringLiteral(
            "SELECT user_id, role, workstation, record_id FROM audit_log WHERE action = ? ORDER BY seq DESC"),
        {audit::SignInFailed});
    QVERIFY(row.ok);
    QCOMPARE(row.rows.at(0).at(0).toString(), QString());
    QCOMPARE(row.rows.at(0).at(2).toString(), TestDatabase::workstation());
    QCOMPARE(row.rows.at(0).at(3).toString(), QString());
}

void TestStoreAccounts::deactivatedAccountCannotSignInButRemains()
{
    const UserAccount casey = addCasey();
    const Actor admin = m_fixture->administrator();
    HEARTDESK_VERIFY_OK(m_fixture->accounts().setActive(admin, casey.id, false, casey.version));
    auto refused =
        m_fixture->accounts().signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    QVERIFY(!refused.ok());
    VERIFY_CODE(refused.error(), StoreErrorCode::AccountInactive);
    QCOMPARE(m_fixture->auditCount(audit::Deactivate), 1);
    QCOMPARE(m_fixture->auditCount(audit::SignInFailed, casey.id), 1);

    // Still there, for the audit trail that names it.
    auto stored = m_fixture->accounts().account(casey.id);
    HEARTDESK_VERIFY_RESULT(stored);
    QVERIFY(!stored.value().active);
    QCOMPARE(stored.value().login, QStringLiteral("casey"));
    auto listed = m_fixture->accounts().listUsers(admin);
    HEARTDESK_VERIFY_RESULT(listed);
    QCOMPARE(listed.value().size(), 2);
    const test::RawResult orphans =
        m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log a WHERE a.user_id <> '' AND NOT EXISTS "
                                      "(SELECT 1 FROM users u WHERE u.id = a.user_id)"));
    QCOMPARE(orphans.rows.at(0).at(0).toInt(), 0);

    // Reactivated, the same account signs in again.
    HEARTDESK_VERIFY_OK(m_fixture->accounts().setActive(admin, casey.id, true, stored.value().version));
    HEARTDESK_VERIFY_RESULT(
        m_fixture->accounts().signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation()));
}

void TestStoreAccounts::lastActiveAdministratorIsKept()
{
    AccountStore& accounts = m_fixture->accounts();
    const Actor admin = m_fixture->administrator();
    auto self = accounts.account(admin.userId()).value();
    VERIFY_CODE(accounts.setActive(admin, admin.userId(), false, self.version),
                StoreErrorCode::LastAdministrator);
    VERIFY_CODE(accounts.setRoles(admin, admin.userId(), {Role::Supervisor}, self.version),
                StoreErrorCode::LastAdministrator);
    QVERIFY(accounts.account(admin.userId()).value().active);
    QCOMPARE(accounts.account(admin.userId()).value().roles, QList<Role>{Role::Administrator});

    // A second administrator who is inactive does not count.
    auto second = accounts.addUser(admin, {QStringLiteral("bea"),
                                           QStringLiteral("Bea Admin"),
                                           {Role::Administrator},
                                           QStringLiteral("second-admin-pass")});
    HEARTDESK_VERIFY_RESULT(second);
    HEARTDESK_VERIFY_OK(accounts.setActive(admin, second.value().id, false, second.value().version));
    VERIFY_CODE(accounts.setRoles(admin, admin.userId(), {Role::Supervisor}, self.version),
                StoreErrorCode::LastAdministrator);

    // Once active, the first may step down to supervisor.
    HEARTDESK_VERIFY_OK(accounts.setActive(admin, second.value().id, true, second.value().version + 1));
    HEARTDESK_VERIFY_OK(accounts.setRoles(admin, admin.userId(), {Role::Supervisor}, self.version));
    QCOMPARE(accounts.account(admin.userId()).value().roles, QList<Role>{Role::Supervisor});
}

void TestStoreAccounts::staleVersionIsAConflict()
{
    const UserAccount casey = addCasey();
    const Actor admin = m_fixture->administrator();
    AccountStore& accounts = m_fixture->accounts();
    QCOMPARE(casey.version, 1);
    HEARTDESK_VERIFY_OK(accounts.setRoles(admin, casey.id, {Role::CallCounselor, Role::CareNavigator}, 1));
    QCOMPARE(accounts.account(casey.id).value().version, 2);

    // Another administrator's screen still shows version 1.
    VERIFY_CODE(accounts.setRoles(admin, casey.id, {Role::Emt}, 1), StoreErrorCode::Conflict);
    VERIFY_CODE(accounts.setActive(admin, casey.id, false, 1), StoreErrorCode::Conflict);
    const UserAccount after = accounts.account(casey.id).value();
    QCOMPARE(after.roles, (QList<Role>{Role::CallCounselor, Role::CareNavigator}));
    QVERIFY(after.active);
    QCOMPARE(after.version, 2);
    QCOMPARE(m_fixture->auditCount(audit::Update, casey.id), 0); // audit rows name the actor, not the target
    QCOMPARE(m_fixture
                 ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ?"),
                       {audit::Update, casey.id})
                 .rows.at(0)
                 .at(0)
                 .toInt(),
             1);

    HEARTDESK_VERIFY_OK(accounts.setActive(admin, casey.id, false, 2));
    QCOMPARE(accounts.account(casey.id).value().version, 3);
}

void TestStoreAccounts::resetPasswordLiftsALockout()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^account locked after repeated failures")));
    const UserAccount casey = addCasey();
    AccountStore& accounts = m_fixture->accounts();
    for (int i = 0; i < 5; ++i)
        accounts.signIn(QStringLiteral("casey"), QStringLiteral("wrong-guess-x"),
                        TestDatabase::workstation());
    QVERIFY(accounts.account(casey.id).value().lockedUntil.isValid());

    const QString fresh = QStringLiteral("Fresh-Start-2026");
    HEARTDESK_VERIFY_OK(accounts.resetPassword(m_fixture->administrator(), casey.id, fresh));
    QCOMPARE(m_fixture->auditCount(audit::PasswordReset), 1);
    const UserAccount unlocked = accounts.account(casey.id).value();
    QCOMPARE(unlocked.failedAttempts, 0);
    QVERIFY(!unlocked.lockedUntil.isValid());
    // No waiting: the new password works at once, the old one no more.
    VERIFY_CODE(accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation()).error(),
                StoreErrorCode::BadCredentials);
    HEARTDESK_VERIFY_RESULT(accounts.signIn(QStringLiteral("casey"), fresh, TestDatabase::workstation()));
}

void TestStoreAccounts::switchRoleOnlyToHeldRoles()
{
    const UserAccount casey = addCasey({Role::Supervisor, Role::CallCounselor});
    AccountStore& accounts = m_fixture->accounts();
    auto signedIn = accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(signedIn);
    QCOMPARE(signedIn.value().role(), Role::CallCounselor); // the first in the fixed role order

    auto supervisor = accounts.switchRole(signedIn.value(), Role::Supervisor);
    HEARTDESK_VERIFY_RESULT(supervisor);
    QCOMPARE(supervisor.value().role(), Role::Supervisor);
    QCOMPARE(supervisor.value().userId(), casey.id);
    QCOMPARE(m_fixture->auditCount(audit::SwitchRole, casey.id), 1);

    auto admin = accounts.switchRole(signedIn.value(), Role::Administrator);
    QVERIFY(!admin.ok());
    VERIFY_CODE(admin.error(), StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, casey.id), 1);

    // A role taken away cannot be switched back to with an old session.
    HEARTDESK_VERIFY_OK(
        accounts.setRoles(m_fixture->administrator(), casey.id, {Role::CallCounselor}, casey.version));
    VERIFY_CODE(accounts.switchRole(signedIn.value(), Role::Supervisor).error(),
                StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, casey.id), 2);
}

void TestStoreAccounts::confirmPasswordCountsTowardsTheLockout()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^account locked after repeated failures")));
    addCasey();
    AccountStore& accounts = m_fixture->accounts();
    auto signedIn = accounts.signIn(QStringLiteral("casey"), kCaseyPassword, TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(signedIn);
    HEARTDESK_VERIFY_OK(accounts.confirmPassword(signedIn.value(), kCaseyPassword));
    for (int i = 0; i < 4; ++i)
        VERIFY_CODE(accounts.confirmPassword(signedIn.value(), QStringLiteral("wrong-unlock")),
                    StoreErrorCode::BadCredentials);
    VERIFY_CODE(accounts.confirmPassword(signedIn.value(), QStringLiteral("wrong-unlock")),
                StoreErrorCode::AccountLocked);
    VERIFY_CODE(accounts.confirmPassword(signedIn.value(), kCaseyPassword), StoreErrorCode::AccountLocked);
    HEARTDESK_VERIFY_OK(accounts.recordSessionEvent(signedIn.value(), audit::SignOut));
    QCOMPARE(m_fixture->auditCount(audit::SignOut, signedIn.value().userId()), 1);
}

HEART_TEST_GUILESS_MAIN(TestStoreAccounts)
#include "tst_store_accounts.moc"
