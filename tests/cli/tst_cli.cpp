// heartdesk-cli end to end on SQLite: the real binary, run as a user would,
// with raw SQL on the side to tamper with what it wrote.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"
#include "store/Migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using heart::clitest::CliResult;
using heart::clitest::CliRunner;
using heart::clitest::dirEntries;
using heart::clitest::fileBytes;
using heart::clitest::RawSql;

namespace {

const QString kAdminPassword = QStringLiteral("Adm1n-pw-7fa3c9e2");
const QString kUserPassword = QStringLiteral("Us3r-pw-b81d04ee");

QByteArray garbage(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

int rowsIn(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("audit trail intact: (\\d+) rows"));
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demoTemplate;
    int m_demoAuditRows = 0;
    int m_counter = 0;

    QString home() const { return m_tmp.filePath(QStringLiteral("home")); }
    CliRunner runner() const { return CliRunner(home()); }
    // A folder of its own for each test, so file listings are exact.
    QString freshDir()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("case-%1").arg(++m_counter));
        QDir().mkpath(dir);
        return dir;
    }
    QString copyOfDemo(const QString& dir)
    {
        const QString path = QDir(dir).filePath(QStringLiteral("demo.sqlite"));
        QFile::copy(m_demoTemplate, path);
        return path;
    }
    CliResult createAdmin(const QString& db, const QString& login = QStringLiteral("admin"))
    {
        CliRunner cli = runner();
        cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
        return cli.run({QStringLiteral("create-admin"), QStringLiteral("--login"), login,
                        QStringLiteral("--name"), QStringLiteral("Ada Administrator"),
                        QStringLiteral("--database"), db});
    }
    CliResult createUser(const QString& db, const QString& as, const QString& login, const QStringList& roles,
                         const QString& adminPassword = kAdminPassword)
    {
        CliRunner cli = runner();
        cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), adminPassword);
        cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
        QStringList args = {QStringLiteral("create-user"),
                            QStringLiteral("--as"),
                            as,
                            QStringLiteral("--login"),
                            login,
                            QStringLiteral("--name"),
                            QStringLiteral("Casey Counselor"),
                            QStringLiteral("--database"),
                            db};
        for (const QString& role : roles)
            args << QStringLiteral("--role") << role;
        return cli.run(args);
    }

private Q_SLOTS:
    void initTestCase();
    void migrateCreatesFreshSqliteFile();
    void migrateWithoutDatabaseUsesTheDefaultFile();
    void createAdminThenCreateUser();
    void createAdminRefusedTheSecondTime();
    void createUserRefusesWrongPasswordAndNonAdministrators();
    void createUserActsAsAdministratorWhateverTheFirstRole();
    void createUserRejectsUnknownRole();
    void passwordsNeedEnvironmentWithoutTerminal();
    void weakPasswordIsRefused_data();
    void weakPasswordIsRefused();
    void controlCharactersInNamesAreRefused();
    void resetPasswordFollowsThePolicy();
    void passwordsFromEnvironmentAreNeverPrinted();
    void promptedPasswordsAreNotEchoed();
    void demoThenVerifyAuditPasses();
    void demoRefusesDatabaseWithUsers();
    void verifyAuditNamesTamperedRow();
    void verifyAuditNamesRowAfterDeletedOne();
    void verifyAuditNamesRelinkedRow();
    void verifyAuditJson();
    void verifyAuditOnMissingFileCreatesNothing();
    void corruptFileIsRefusedAndUnchanged_data();
    void corruptFileIsRefusedAndUnchanged();
    void damagedSqliteFileIsRefusedAndUnchanged();
    void newerSchemaIsRefusedAndUnchanged();
    void passwordInUrlIsRefused_data();
    void passwordInUrlIsRefused();
    void postgresWithoutPasswordOrServer();
    void usageErrors_data();
    void usageErrors();
    void help_data();
    void help();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    QVERIFY(m_tmp.isValid());
    QVERIFY(QDir().mkpath(home()));
    m_demoTemplate = m_tmp.filePath(QStringLiteral("demo-template.sqlite"));
    const CliResult demo = runner().run({QStringLiteral("demo"), QStringLiteral("--seed"),
                                         QStringLiteral("7"), QStringLiteral("--database"), m_demoTemplate});
    CLI_EXPECT_EXIT(demo, 0);
    QVERIFY2(demo.out.contains(QStringLiteral("demo data written to")), qPrintable(demo.describe()));
    QVERIFY(!QFile::exists(m_demoTemplate + QStringLiteral("-wal")));
    const CliResult verify =
        runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), m_demoTemplate});
    CLI_EXPECT_EXIT(verify, 0);
    m_demoAuditRows = rowsIn(verify.out);
    QVERIFY2(m_demoAuditRows > 12, qPrintable(verify.describe()));
}

void TestCli::migrateCreatesFreshSqliteFile()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("sub/fresh.sqlite"));
    const CliResult first = runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(first, 0);
    QVERIFY2(first.out.contains(
                 QStringLiteral("schema version %1").arg(heart::store::Migrations::latestVersion())),
             qPrintable(first.describe()));
    QVERIFY2(first.out.contains(QDir::toNativeSeparators(db)), qPrintable(first.describe()));
    // Encrypted at rest: no SQLite header in clear, readable with the key (RawSql finds it).
    QVERIFY(fileBytes(db).startsWith(QByteArray("HeartDesk AEAD")));
    {
        RawSql raw = RawSql::sqlite(db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
                 heart::store::Migrations::latestVersion());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 0);
    }
    // Again: nothing left to apply, same answer; the database given before the command works too.
    const CliResult second = runner().run({QStringLiteral("--database"), db, QStringLiteral("migrate")});
    CLI_EXPECT_EXIT(second, 0);
    QVERIFY2(second.out.contains(
                 QStringLiteral("schema version %1").arg(heart::store::Migrations::latestVersion())),
             qPrintable(second.describe()));
}

void TestCli::migrateWithoutDatabaseUsesTheDefaultFile()
{
    const QString expected =
        QDir(home()).filePath(QStringLiteral("xdg-data/heartdesk/heartdesk/heartdesk.sqlite"));
    QFile::remove(expected);
    const CliResult result = runner().run({QStringLiteral("migrate")});
    CLI_EXPECT_EXIT(result, 0);
    QVERIFY2(QFile::exists(expected), qPrintable(result.describe()));
    QVERIFY2(result.out.contains(expected), qPrintable(result.describe()));
}

void TestCli::createAdminThenCreateUser()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("accounts.sqlite"));
    const CliResult admin = createAdmin(db);
    CLI_EXPECT_EXIT(admin, 0);
    QVERIFY2(admin.out.contains(QStringLiteral("created the administrator account 'admin'")),
             qPrintable(admin.describe()));

    const CliResult user = createUser(db, QStringLiteral("admin"), QStringLiteral("casey"),
                                      {QStringLiteral("supervisor"), QStringLiteral("call_counselor")});
    CLI_EXPECT_EXIT(user, 0);
    QVERIFY2(user.out.contains(QStringLiteral("'casey'")), qPrintable(user.describe()));
    {
        RawSql raw = RawSql::sqlite(db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 2);
        QStringList roles = raw.column(QStringLiteral("SELECT r.role FROM user_roles r JOIN users u ON u.id "
                                                      "= r.user_id WHERE u.login = 'casey' ORDER BY r.role"));
        QCOMPARE(roles, (QStringList{QStringLiteral("call_counselor"), QStringLiteral("supervisor")}));
        QCOMPARE(raw.column(QStringLiteral("SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id "
                                           "WHERE u.login = 'admin'")),
                 QStringList{QStringLiteral("administrator")});
        // The CLI's sessions are in the audit trail, signed out again.
        QVERIFY(
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_out'")).toInt() >=
            2);
    }
    const CliResult verify = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(verify, 0);
}

void TestCli::createAdminRefusedTheSecondTime()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("twice.sqlite"));
    CLI_EXPECT_EXIT(createAdmin(db), 0);
    const CliResult again = createAdmin(db, QStringLiteral("intruder"));
    CLI_EXPECT_EXIT(again, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already has user accounts")), qPrintable(again.describe()));
    QVERIFY2(again.err.contains(QStringLiteral("nothing was changed")), qPrintable(again.describe()));
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.column(QStringLiteral("SELECT login FROM users")), QStringList{QStringLiteral("admin")});
}

void TestCli::createUserRefusesWrongPasswordAndNonAdministrators()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("refuse.sqlite"));
    CLI_EXPECT_EXIT(createAdmin(db), 0);

    const CliResult wrong =
        createUser(db, QStringLiteral("admin"), QStringLiteral("casey"), {QStringLiteral("call_counselor")},
                   QStringLiteral("not-the-password"));
    CLI_EXPECT_EXIT(wrong, 1);
    QVERIFY2(wrong.err.contains(QStringLiteral("cannot sign in as admin: wrong user ID or password")),
             qPrintable(wrong.describe()));
    QVERIFY(!wrong.all().contains(QStringLiteral("not-the-password")));

    const CliResult unknown =
        createUser(db, QStringLiteral("nobody"), QStringLiteral("casey"), {QStringLiteral("call_counselor")});
    CLI_EXPECT_EXIT(unknown, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("wrong user ID or password")),
             qPrintable(unknown.describe()));

    // A counselor signs in fine but may not create accounts.
    CLI_EXPECT_EXIT(
        createUser(db, QStringLiteral("admin"), QStringLiteral("casey"), {QStringLiteral("call_counselor")}),
        0);
    const CliResult denied = createUser(db, QStringLiteral("casey"), QStringLiteral("robin"),
                                        {QStringLiteral("call_counselor")}, kUserPassword);
    CLI_EXPECT_EXIT(denied, 1);
    QVERIFY2(denied.err.contains(QStringLiteral("casey is not an administrator")),
             qPrintable(denied.describe()));

    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.column(QStringLiteral("SELECT login FROM users ORDER BY login")),
             (QStringList{QStringLiteral("admin"), QStringLiteral("casey")}));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed' "
                                       "AND user_id <> ''"))
                 .toInt(),
             1);
    // A failed sign-in for an unknown login is audited with an empty user id.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed' "
                                       "AND user_id = ''"))
                 .toInt(),
             1);
}

void TestCli::createUserActsAsAdministratorWhateverTheFirstRole()
{
    // Sign-in takes the first role in the fixed order (supervisor before
    // administrator); the CLI must switch to the administrator role.
    const QString db = QDir(freshDir()).filePath(QStringLiteral("switch.sqlite"));
    CLI_EXPECT_EXIT(createAdmin(db), 0);
    CLI_EXPECT_EXIT(createUser(db, QStringLiteral("admin"), QStringLiteral("sam"),
                               {QStringLiteral("supervisor"), QStringLiteral("administrator")}),
                    0);
    const CliResult bySam = createUser(db, QStringLiteral("sam"), QStringLiteral("robin"),
                                       {QStringLiteral("care_navigator")}, kUserPassword);
    CLI_EXPECT_EXIT(bySam, 0);
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 3);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'switch_role'")).toInt(), 1);
}

void TestCli::createUserRejectsUnknownRole()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("roles.sqlite"));
    const CliResult result = createUser(db, QStringLiteral("admin"), QStringLiteral("casey"),
                                        {QStringLiteral("call_counselor"), QStringLiteral("wizard")});
    CLI_EXPECT_EXIT(result, 2);
    QVERIFY2(result.err.contains(QStringLiteral("unknown role 'wizard'")), qPrintable(result.describe()));
    for (const char* code : {"call_counselor", "crt_team_lead", "peer_support", "emt",
                             "co_response_clinician", "care_navigator", "supervisor", "administrator"})
        QVERIFY2(result.err.contains(QLatin1String(code)), code);
    QVERIFY(!QFile::exists(db)); // refused before anything was opened

    const CliResult none =
        runner().run({QStringLiteral("create-user"), QStringLiteral("--as"), QStringLiteral("admin"),
                      QStringLiteral("--login"), QStringLiteral("casey"), QStringLiteral("--name"),
                      QStringLiteral("C"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(none, 2);
    QVERIFY2(none.err.contains(QStringLiteral("--role")), qPrintable(none.describe()));
}

void TestCli::passwordsNeedEnvironmentWithoutTerminal()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("noprompt.sqlite"));
    const CliResult admin =
        runner().run({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                      QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(admin, 2);
    QVERIFY2(admin.err.contains(QStringLiteral("HEARTDESK_NEW_PASSWORD")), qPrintable(admin.describe()));
    {
        RawSql raw = RawSql::sqlite(db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 0);
    }

    CLI_EXPECT_EXIT(createAdmin(db), 0);
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    const CliResult user = cli.run(
        {QStringLiteral("create-user"), QStringLiteral("--as"), QStringLiteral("admin"),
         QStringLiteral("--login"), QStringLiteral("casey"), QStringLiteral("--name"), QStringLiteral("C"),
         QStringLiteral("--role"), QStringLiteral("emt"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(user, 2);
    QVERIFY2(user.err.contains(QStringLiteral("HEARTDESK_ADMIN_PASSWORD")), qPrintable(user.describe()));
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 1);
}

void TestCli::weakPasswordIsRefused_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("adminReason");
    QTest::addColumn<QString>("userReason");
    const QString shortForAdmin =
        QStringLiteral("shorter than 12 characters (the minimum for an administrator)");
    QTest::newRow("short") << QStringLiteral("short") << shortForAdmin
                           << QStringLiteral("shorter than 8 characters");
    // The examples.
    QTest::newRow("password") << QStringLiteral("password") << shortForAdmin
                              << QStringLiteral("one of the most common passwords");
    QTest::newRow("12345678") << QStringLiteral("12345678") << shortForAdmin
                              << QStringLiteral("a run of characters or a keyboard row");
    QTest::newRow("eight spaces") << QStringLiteral("        ") << QStringLiteral("empty or only spaces")
                                  << QStringLiteral("empty or only spaces");
    QTest::newRow("jo12345 for jo") << QStringLiteral("jo123456") << shortForAdmin
                                    << QStringLiteral("made of the user ID or the person's name");
    QTest::newRow("long but common") << QStringLiteral("password1234")
                                     << QStringLiteral("most common passwords")
                                     << QStringLiteral("most common passwords");
}

void TestCli::weakPasswordIsRefused()
{
    QFETCH(QString, password);
    QFETCH(QString, adminReason);
    QFETCH(QString, userReason);
    const QString db = QDir(freshDir()).filePath(QStringLiteral("weak.sqlite"));
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), password);
    const CliResult result =
        cli.run({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                 QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(result, 1);
    QVERIFY2(result.err.contains(QStringLiteral("the password is refused: ")), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(adminReason), qPrintable(result.describe()));
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 0);

    // create-user: the same reasons for staff (8 characters), nothing added.
    CLI_EXPECT_EXIT(createAdmin(db), 0);
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    const CliResult user =
        cli.run({QStringLiteral("create-user"), QStringLiteral("--as"), QStringLiteral("admin"),
                 QStringLiteral("--login"), QStringLiteral("jo"), QStringLiteral("--name"),
                 QStringLiteral("Jo Rivera"), QStringLiteral("--role"), QStringLiteral("emt"),
                 QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(user, 1);
    QVERIFY2(user.err.contains(userReason), qPrintable(user.describe()));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 1);
}

void TestCli::controlCharactersInNamesAreRefused()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("names.sqlite"));
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
    // Refused before any password is asked: usage error, no file written.
    for (const QString& name : {QStringLiteral("Ada \u202EnimdA"), QStringLiteral("Ada\x1b]0;owned\x07"),
                                QString(100000, QLatin1Char('a'))}) {
        const CliResult result =
            cli.run({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("ada"),
                     QStringLiteral("--name"), name, QStringLiteral("--database"), db});
        CLI_EXPECT_EXIT(result, 2);
        QVERIFY2(result.err.contains(QStringLiteral("name (--name)")), qPrintable(result.describe()));
        QVERIFY2(!result.err.contains(QChar(0x1b)) && !result.err.contains(QChar(0x202E)),
                 "the refused name is not echoed");
        QVERIFY(!QFileInfo::exists(db));
    }
}

void TestCli::resetPasswordFollowsThePolicy()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("reset.sqlite"));
    CLI_EXPECT_EXIT(createAdmin(db), 0);
    CLI_EXPECT_EXIT(createUser(db, QStringLiteral("admin"), QStringLiteral("casey"), {QStringLiteral("emt")}),
                    0);
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    const QStringList args = {QStringLiteral("reset-password"),
                              QStringLiteral("--as"),
                              QStringLiteral("admin"),
                              QStringLiteral("--login"),
                              QStringLiteral("casey"),
                              QStringLiteral("--database"),
                              db};
    RawSql raw = RawSql::sqlite(db);
    const QString hash = QStringLiteral("SELECT password_hash FROM users WHERE login = 'casey'");
    const QString before = raw.scalar(hash).toString();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), QStringLiteral("12345678"));
    const CliResult refused = cli.run(args);
    CLI_EXPECT_EXIT(refused, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("a run of characters or a keyboard row")),
             qPrintable(refused.describe()));
    QCOMPARE(raw.scalar(hash).toString(), before);
    // The administrator's own account needs 12 characters.
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), QStringLiteral("lanternfish"));
    const CliResult adminShort =
        cli.run({QStringLiteral("reset-password"), QStringLiteral("--as"), QStringLiteral("admin"),
                 QStringLiteral("--login"), QStringLiteral("admin"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(adminShort, 1);
    QVERIFY2(adminShort.err.contains(QStringLiteral("shorter than 12 characters")),
             qPrintable(adminShort.describe()));

    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), QStringLiteral("lanternfish marrow"));
    const CliResult reset = cli.run(args);
    CLI_EXPECT_EXIT(reset, 0);
    QVERIFY2(reset.out.contains(QStringLiteral("reset the password of 'casey'")),
             qPrintable(reset.describe()));
    QVERIFY(raw.scalar(hash).toString() != before);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'password_reset'")).toInt(),
        1);
    const CliResult unknown =
        cli.run({QStringLiteral("reset-password"), QStringLiteral("--as"), QStringLiteral("admin"),
                 QStringLiteral("--login"), QStringLiteral("nobody"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(unknown, 2);
}

void TestCli::passwordsFromEnvironmentAreNeverPrinted()
{
    const QString dir = freshDir();
    const QString db = QDir(dir).filePath(QStringLiteral("secret.sqlite"));
    QList<CliResult> results;
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
    // --verbose: the log lines must not carry them either.
    results << cli.run({QStringLiteral("create-admin"), QStringLiteral("--verbose"),
                        QStringLiteral("--login"), QStringLiteral("admin"), QStringLiteral("--name"),
                        QStringLiteral("A"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(results.last(), 0);
    results << cli.run({QStringLiteral("create-admin"), QStringLiteral("-v"), QStringLiteral("--login"),
                        QStringLiteral("admin2"), QStringLiteral("--name"), QStringLiteral("A"),
                        QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(results.last(), 1);
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    const QStringList userArgs = {
        QStringLiteral("create-user"), QStringLiteral("--verbose"),  QStringLiteral("--as"),
        QStringLiteral("admin"),       QStringLiteral("--login"),    QStringLiteral("casey"),
        QStringLiteral("--name"),      QStringLiteral("C"),          QStringLiteral("--role"),
        QStringLiteral("emt"),         QStringLiteral("--database"), db};
    results << cli.run(userArgs);
    CLI_EXPECT_EXIT(results.last(), 0);
    results << cli.run(userArgs); // the login is taken now
    CLI_EXPECT_EXIT(results.last(), 1);
    QVERIFY2(results.last().err.contains(QStringLiteral("already taken")),
             qPrintable(results.last().describe()));
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kUserPassword); // wrong for admin
    results << cli.run(userArgs);
    CLI_EXPECT_EXIT(results.last(), 1);

    for (const CliResult& result : std::as_const(results)) {
        QVERIFY2(!result.all().contains(kAdminPassword), qPrintable(result.describe()));
        QVERIFY2(!result.all().contains(kUserPassword), qPrintable(result.describe()));
        QVERIFY2(!result.all().contains(QStringLiteral("argon2")), qPrintable(result.describe()));
    }
    // Nor is either stored in clear.
    for (const QString& file : dirEntries(dir)) {
        const QByteArray bytes = fileBytes(QDir(dir).filePath(file));
        QVERIFY2(!bytes.contains(kAdminPassword.toUtf8()), qPrintable(file));
        QVERIFY2(!bytes.contains(kUserPassword.toUtf8()), qPrintable(file));
    }
}

namespace {

// A pseudo-terminal whose slave side becomes the child's stdin (and
// controlling terminal), so the CLI prompts as it would for a person.
class PseudoTerminal
{
public:
    PseudoTerminal()
    {
        m_master = posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master >= 0 && grantpt(m_master) == 0 && unlockpt(m_master) == 0) {
            if (const char* name = ptsname(m_master))
                m_slaveName = QByteArray(name);
            fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
        }
    }
    ~PseudoTerminal()
    {
        if (m_master >= 0)
            ::close(m_master);
    }
    PseudoTerminal(const PseudoTerminal&) = delete;
    PseudoTerminal& operator=(const PseudoTerminal&) = delete;

    bool isValid() const { return m_master >= 0 && !m_slaveName.isEmpty(); }
    void attach(QProcess& process) const
    {
        const QByteArray slave = m_slaveName;
        process.setChildProcessModifier([slave] {
            ::setsid();
            const int fd = ::open(slave.constData(), O_RDWR);
            if (fd >= 0) {
                ::ioctl(fd, TIOCSCTTY, 0);
                ::dup2(fd, STDIN_FILENO);
                ::close(fd);
            }
        });
    }
    bool type(const QByteArray& text) const
    {
        return ::write(m_master, text.constData(), static_cast<size_t>(text.size())) == text.size();
    }
    // Whatever the terminal showed (its echo), read without blocking.
    QByteArray screen()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                break;
            m_screen.append(buffer, n);
        }
        return m_screen;
    }

private:
    int m_master = -1;
    QByteArray m_slaveName;
    QByteArray m_screen;
};

bool waitForStderr(QProcess& process, QByteArray& seen, const QByteArray& text)
{
    QElapsedTimer timer;
    timer.start();
    while (!seen.contains(text) && timer.elapsed() < 30000) {
        process.waitForReadyRead(200);
        seen += process.readAllStandardError();
        if (process.state() == QProcess::NotRunning) {
            seen += process.readAllStandardError();
            break;
        }
    }
    return seen.contains(text);
}

} // namespace

void TestCli::promptedPasswordsAreNotEchoed()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("prompt.sqlite"));
    const QByteArray typed = "Typed-at-the-prompt-31337";
    PseudoTerminal terminal;
    QVERIFY2(terminal.isValid(), std::strerror(errno));
    QProcess process;
    process.setProcessEnvironment(runner().environment());
    process.setProgram(CliRunner::binary());
    process.setArguments({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                          QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--database"), db});
    terminal.attach(process);
    process.start(QIODevice::ReadOnly);
    QVERIFY(process.waitForStarted());
    QByteArray err;
    QVERIFY2(waitForStderr(process, err, "New password for admin: "), err.constData());
    QVERIFY(terminal.type(typed + '\n'));
    QVERIFY2(waitForStderr(process, err, "Type it again: "), err.constData());
    QVERIFY(terminal.type(typed + '\n'));
    QVERIFY(process.waitForFinished(60000));
    err += process.readAllStandardError();
    const QByteArray out = process.readAllStandardOutput();
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(out.contains("created the administrator account 'admin'"), out.constData());
    QVERIFY2(!terminal.screen().contains(typed), terminal.screen().constData());
    QVERIFY(!err.contains(typed) && !out.contains(typed));

    // The password typed is the one stored.
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), QString::fromLatin1(typed));
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("create-user"), QStringLiteral("--as"), QStringLiteral("admin"),
                             QStringLiteral("--login"), QStringLiteral("casey"), QStringLiteral("--name"),
                             QStringLiteral("C"), QStringLiteral("--role"), QStringLiteral("emt"),
                             QStringLiteral("--database"), db}),
                    0);
}

void TestCli::demoThenVerifyAuditPasses()
{
    const QString db = QDir(freshDir()).filePath(QStringLiteral("demo.sqlite"));
    const CliResult demo = runner().run({QStringLiteral("demo"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(demo, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("\\d+ staff accounts, \\d+ people, \\d+ calls"))
                 .match(demo.out)
                 .hasMatch(),
             qPrintable(demo.describe()));
    const CliResult verify = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(verify, 0);
    QVERIFY2(rowsIn(verify.out) > 12, qPrintable(verify.describe()));
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(rowsIn(verify.out), raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt());
    // The demo's fictional people are in the database, never in the output.
    const QStringList names = raw.column(QStringLiteral("SELECT family_name FROM people"));
    QVERIFY(!names.isEmpty());
    for (const QString& name : names)
        QVERIFY2(!demo.all().contains(name) && !verify.all().contains(name), qPrintable(name));
}

void TestCli::demoRefusesDatabaseWithUsers()
{
    const QString db = copyOfDemo(freshDir());
    const QByteArray before = fileBytes(db);
    const CliResult again = runner().run({QStringLiteral("demo"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(again, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already has user accounts")), qPrintable(again.describe()));
    RawSql raw = RawSql::sqlite(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), m_demoAuditRows);
    QVERIFY(!before.isEmpty());
}

void TestCli::verifyAuditNamesTamperedRow()
{
    const QString db = copyOfDemo(freshDir());
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY2(raw.exec(QStringLiteral("UPDATE audit_log SET record_id = 'x' WHERE seq = 7")),
                 qPrintable(raw.lastError()));
    }
    const CliResult result = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(result, 1);
    QCOMPARE(result.out.trimmed(),
             QStringLiteral("audit trail broken at row 7: the row's contents do not match its hash"));
}

void TestCli::verifyAuditNamesRowAfterDeletedOne()
{
    const QString db = copyOfDemo(freshDir());
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY2(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 7")),
                 qPrintable(raw.lastError()));
    }
    const CliResult result = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(result, 1);
    QCOMPARE(result.out.trimmed(), QStringLiteral("audit trail broken at row 8: row(s) missing before it"));
}

void TestCli::verifyAuditNamesRelinkedRow()
{
    // A row re-hashed after an edit still gives itself away: the next row
    // points at the old hash.
    const QString db = copyOfDemo(freshDir());
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY2(raw.exec(QStringLiteral("UPDATE audit_log SET prev_hash = hash WHERE seq = 9")),
                 qPrintable(raw.lastError()));
    }
    const CliResult result = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(result, 1);
    QCOMPARE(result.out.trimmed(),
             QStringLiteral("audit trail broken at row 9: the row does not follow the previous row's hash"));
}

void TestCli::verifyAuditJson()
{
    const QString db = copyOfDemo(freshDir());
    const QStringList args = {QStringLiteral("verify-audit"), QStringLiteral("--format"),
                              QStringLiteral("json"), QStringLiteral("--database"), db};
    auto parse = [](const CliResult& result) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        return error.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject();
    };

    const CliResult intact = runner().run(args);
    CLI_EXPECT_EXIT(intact, 0);
    QJsonObject json = parse(intact);
    QVERIFY2(!json.isEmpty(), qPrintable(intact.describe()));
    QCOMPARE(json.value(QStringLiteral("intact")).toBool(false), true);
    QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), qint64(m_demoAuditRows));
    QVERIFY(json.value(QStringLiteral("first_broken_seq")).isNull());
    QVERIFY(json.value(QStringLiteral("kind")).isNull());

    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_log SET record_id = 'x' WHERE seq = 7")));
    }
    const CliResult tampered = runner().run(args);
    CLI_EXPECT_EXIT(tampered, 1);
    json = parse(tampered);
    QVERIFY2(!json.isEmpty(), qPrintable(tampered.describe()));
    QCOMPARE(json.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("first_broken_seq")).toInteger(), qint64(7));
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));
    QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), qint64(6));

    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq IN (7, 8)")));
    }
    const CliResult deleted = runner().run(args);
    CLI_EXPECT_EXIT(deleted, 1);
    json = parse(deleted);
    QVERIFY2(!json.isEmpty(), qPrintable(deleted.describe()));
    QCOMPARE(json.value(QStringLiteral("first_broken_seq")).toInteger(), qint64(9));
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("sequence_gap"));
    QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), qint64(6));
}

void TestCli::verifyAuditOnMissingFileCreatesNothing()
{
    const QString dir = freshDir();
    const QString db = QDir(dir).filePath(QStringLiteral("typo.sqlite"));
    const CliResult result = runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), db});
    CLI_EXPECT_EXIT(result, 3);
    QVERIFY2(result.err.contains(db) && result.err.contains(QStringLiteral("does not exist")),
             qPrintable(result.describe()));
    QVERIFY(dirEntries(dir).isEmpty());
}

void TestCli::corruptFileIsRefusedAndUnchanged_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("migrate") << QStringList{QStringLiteral("migrate")};
    QTest::newRow("verify-audit") << QStringList{QStringLiteral("verify-audit")};
    QTest::newRow("verify-audit json")
        << QStringList{QStringLiteral("verify-audit"), QStringLiteral("--format"), QStringLiteral("json")};
    QTest::newRow("demo") << QStringList{QStringLiteral("demo")};
    QTest::newRow("create-admin") << QStringList{QStringLiteral("create-admin"), QStringLiteral("--login"),
                                                 QStringLiteral("admin"), QStringLiteral("--name"),
                                                 QStringLiteral("A")};
    QTest::newRow("create-user") << QStringList{
        QStringLiteral("create-user"), QStringLiteral("--as"),   QStringLiteral("admin"),
        QStringLiteral("--login"),     QStringLiteral("bo"),     QStringLiteral("--name"),
        QStringLiteral("B"),           QStringLiteral("--role"), QStringLiteral("emt")};
}

void TestCli::corruptFileIsRefusedAndUnchanged()
{
    QFETCH(QStringList, args);
    const QString dir = freshDir();
    const QString db = QDir(dir).filePath(QStringLiteral("garbage.sqlite"));
    const QByteArray bytes = garbage(8192, 20240611);
    QVERIFY(writeFile(db, bytes));
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    const CliResult result = cli.run(args << QStringLiteral("--database") << db);
    CLI_EXPECT_EXIT(result, 3);
    QVERIFY2(result.err.contains(db), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QStringLiteral("is not a readable HEART Desk database")),
             qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QStringLiteral("it was not changed")), qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY(fileBytes(db) == bytes);
    QCOMPARE(dirEntries(dir), QStringList{QStringLiteral("garbage.sqlite")});
}

void TestCli::damagedSqliteFileIsRefusedAndUnchanged()
{
    // A real database with pages overwritten: the header is fine, the inside is
    // not. Its blocks no longer authenticate (the file is encrypted at rest).
    const QString dir = freshDir();
    const QString db = copyOfDemo(dir);
    QByteArray bytes = fileBytes(db);
    QVERIFY(bytes.size() > 40000);
    bytes.replace(8192, 20000, garbage(20000, 7));
    QVERIFY(writeFile(db, bytes));
    for (const QString& command : {QStringLiteral("migrate"), QStringLiteral("verify-audit")}) {
        const CliResult result = runner().run({command, QStringLiteral("--database"), db});
        CLI_EXPECT_EXIT(result, 3);
        QVERIFY2(result.err.contains(db) &&
                     result.err.contains(QStringLiteral("is not a readable HEART Desk database")) &&
                     result.err.contains(QStringLiteral("cannot be decrypted with this computer's key")),
                 qPrintable(result.describe()));
        QVERIFY(fileBytes(db) == bytes);
    }
    // SQLite may leave its shared-memory index beside a WAL database it only
    // read, but never a rollback journal or any logged change.
    QVERIFY(!QFile::exists(db + QStringLiteral("-journal")));
    QVERIFY(fileBytes(db + QStringLiteral("-wal")).isEmpty());
}

void TestCli::newerSchemaIsRefusedAndUnchanged()
{
    const QString db = copyOfDemo(freshDir());
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) "
                                        "VALUES (999, 'from the future', '2099-01-01T00:00:00.000Z')")));
    }
    const QByteArray before = fileBytes(db);
    for (const QString& command : {QStringLiteral("migrate"), QStringLiteral("verify-audit")}) {
        const CliResult result = runner().run({command, QStringLiteral("--database"), db});
        CLI_EXPECT_EXIT(result, 3);
        QVERIFY2(result.err.contains(db) &&
                     result.err.contains(QStringLiteral("written by a newer version")) &&
                     result.err.contains(QStringLiteral("nothing was changed")),
                 qPrintable(result.describe()));
        QVERIFY(fileBytes(db) == before);
    }
}

void TestCli::passwordInUrlIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    const QString url = QStringLiteral("postgresql://heartdesk:Hunter2-pg-secret@127.0.0.1:5432/heartdesk");
    QTest::newRow("migrate") << QStringList{QStringLiteral("migrate"), QStringLiteral("--database"), url};
    QTest::newRow("before command") << QStringList{QStringLiteral("--database"), url,
                                                   QStringLiteral("verify-audit")};
    QTest::newRow("demo") << QStringList{QStringLiteral("demo"), QStringLiteral("--database"), url};
    QTest::newRow("create-admin") << QStringList{QStringLiteral("create-admin"),
                                                 QStringLiteral("--login"),
                                                 QStringLiteral("admin"),
                                                 QStringLiteral("--name"),
                                                 QStringLiteral("A"),
                                                 QStringLiteral("--database"),
                                                 url};
    QTest::newRow("verbose") << QStringList{QStringLiteral("verify-audit"), QStringLiteral("-v"),
                                            QStringLiteral("--database"), url};
    QTest::newRow("invalid url") << QStringList{
        QStringLiteral("migrate"), QStringLiteral("--database"),
        QStringLiteral("postgresql://heartdesk:Hunter2-pg-secret@[bad/x")};
}

void TestCli::passwordInUrlIsRefused()
{
    QFETCH(QStringList, args);
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    const CliResult result = cli.run(args);
    CLI_EXPECT_EXIT(result, 2);
    QVERIFY2(result.err.contains(QStringLiteral("password")) ||
                 result.err.contains(QStringLiteral("location")),
             qPrintable(result.describe()));
    QVERIFY2(!result.all().contains(QStringLiteral("Hunter2")), qPrintable(result.describe()));
}

void TestCli::postgresWithoutPasswordOrServer()
{
    const QString url = QStringLiteral("postgresql://heartdesk@127.0.0.1:1/heartdesk");
    CliRunner cli = runner();
    cli.unsetEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"));
    const CliResult noPassword = cli.run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(noPassword, 3);
    QVERIFY2(noPassword.err.contains(QStringLiteral("HEARTDESK_DB_PASSWORD")),
             qPrintable(noPassword.describe()));

    cli.setEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"), QStringLiteral("Pg-secret-0451"));
    const CliResult noServer = cli.run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(noServer, 3);
    QVERIFY2(noServer.err.contains(
                 QStringLiteral("cannot connect to the PostgreSQL database heartdesk@127.0.0.1:1/heartdesk")),
             qPrintable(noServer.describe()));
    QVERIFY(!noServer.all().contains(QStringLiteral("Pg-secret-0451")));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage: heartdesk-cli COMMAND");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("migrate"), QStringLiteral("--colour")}
                                    << QStringLiteral("colour");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("migrate"), QStringLiteral("now")}
                                    << QStringLiteral("unexpected argument 'now'");
    QTest::newRow("no login") << QStringList{QStringLiteral("create-admin"), QStringLiteral("--name"),
                                             QStringLiteral("A")}
                              << QStringLiteral("--login is required");
    QTest::newRow("bad login") << QStringList{QStringLiteral("create-admin"), QStringLiteral("--login"),
                                              QStringLiteral("Not A Login"), QStringLiteral("--name"),
                                              QStringLiteral("A")}
                               << QStringLiteral("invalid user ID (--login)");
    QTest::newRow("no admin") << QStringList{QStringLiteral("create-user"), QStringLiteral("--login"),
                                             QStringLiteral("bo"),          QStringLiteral("--name"),
                                             QStringLiteral("B"),           QStringLiteral("--role"),
                                             QStringLiteral("emt")}
                              << QStringLiteral("--as is required");
    QTest::newRow("bad format") << QStringList{QStringLiteral("verify-audit"), QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("--format is text or json");
    QTest::newRow("bad seed") << QStringList{QStringLiteral("demo"), QStringLiteral("--seed"),
                                             QStringLiteral("many")}
                              << QStringLiteral("--seed takes a whole number");
    QTest::newRow("empty location") << QStringList{QStringLiteral("migrate"), QStringLiteral("--database"),
                                                   QStringLiteral(" ")}
                                    << QStringLiteral("cannot be understood");
    const QStringList tls{QStringLiteral("--cert"), QStringLiteral("c.crt"), QStringLiteral("--key"),
                          QStringLiteral("c.key"),  QStringLiteral("--ca"),  QStringLiteral("ca.crt")};
    QTest::newRow("CAD link without TLS files")
        << QStringList{QStringLiteral("cad-link"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:7443"), QStringLiteral("--user"), QStringLiteral("cad")}
        << QStringLiteral("--cert");
    QTest::newRow("CAD link bad address")
        << (QStringList{QStringLiteral("cad-link"), QStringLiteral("--listen"), QStringLiteral("everywhere"),
                        QStringLiteral("--user"), QStringLiteral("cad")} +
            tls)
        << QStringLiteral("--listen must be an IP address and a port");
    QTest::newRow("CAD simulator in clear")
        << (QStringList{QStringLiteral("cad-sim"), QStringLiteral("--to"),
                        QStringLiteral("ws://127.0.0.1:7443"), QStringLiteral("--calls"),
                        QStringLiteral("calls.csv")} +
            tls)
        << QStringLiteral("--to must be wss://HOST:PORT (TLS only)");
    QTest::newRow("CAD link missing certificate")
        << (QStringList{QStringLiteral("cad-link"), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:7443"), QStringLiteral("--user"), QStringLiteral("cad")} +
            tls)
        << QStringLiteral("cannot read the certificate file c.crt");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString dir = freshDir();
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    QStringList withDb = args;
    if (!args.contains(QStringLiteral("--database")))
        withDb << QStringLiteral("--database") << QDir(dir).filePath(QStringLiteral("never.sqlite"));
    const CliResult result = cli.run(args.isEmpty() ? args : withDb);
    CLI_EXPECT_EXIT(result, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    QVERIFY(dirEntries(dir).isEmpty()); // nothing was created
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QStringLiteral("Usage: heartdesk-cli COMMAND");
    QTest::newRow("help") << QStringList{QStringLiteral("help")} << QStringLiteral("verify-audit");
    QTest::newRow("help demo") << QStringList{QStringLiteral("help"), QStringLiteral("demo")}
                               << QStringLiteral("Usage: heartdesk-cli demo [--seed N]");
    QTest::newRow("create-user --help")
        << QStringList{QStringLiteral("create-user"), QStringLiteral("--help")}
        << QStringLiteral("co_response_clinician");
    QTest::newRow("--help migrate") << QStringList{QStringLiteral("--help"), QStringLiteral("migrate")}
                                    << QStringLiteral("Usage: heartdesk-cli migrate");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                               << QStringLiteral("heartdesk-cli 0.");
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    const CliResult result = runner().run(args);
    CLI_EXPECT_EXIT(result, 0);
    QVERIFY2(result.out.contains(usage), qPrintable(result.describe()));
}

HEART_TEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
