// heartdesk-cli against a real PostgreSQL server (scripts/test starts one):
// migrate, demo and verify-audit in a database this test creates and drops;
// setup-server (least privilege) with roles of its own, dropped afterwards;
// sslmode in the location (the server is TLS-only under scripts/test).
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"
#include "store/Migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using heart::clitest::CliResult;
using heart::clitest::CliRunner;
using heart::clitest::RawSql;

namespace {
const QString kAdminPassword = QStringLiteral("Adm1n-pw-5c0ffee1");
const QString kUserPassword = QStringLiteral("Us3r-pw-9dd1e7a2");
const QString kOwnerPassword = QStringLiteral("0wner-pw-41c9e3");
const QString kAppPassword = QStringLiteral("4pp-pw-0b8d2e61");
} // namespace

class TestCliPostgres : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_serverUrl; // postgresql://user@host:port/db of the test server
    QString m_password;
    QStringList m_created;
    QStringList m_roles;

    // A fresh, empty database on the server; dropped in cleanupTestCase.
    QString createDatabase(const QString& purpose)
    {
        const QString name = QStringLiteral("heartdesk_cli_%1_%2")
                                 .arg(purpose)
                                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        RawSql admin = RawSql::postgres(m_serverUrl, {}, m_password);
        if (!admin.isOpen() || !admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            return {};
        m_created.append(name);
        return name;
    }
    QString urlOf(const QString& database) const
    {
        QUrl url(m_serverUrl);
        url.setPath(QLatin1Char('/') + database);
        return url.toString();
    }
    CliRunner runner() const
    {
        CliRunner cli(m_home.path());
        cli.setEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"), m_password);
        return cli;
    }
    void verifyNoSecrets(const CliResult& result)
    {
        QVERIFY2(!result.all().contains(m_password), qPrintable(result.arguments.join(QLatin1Char(' '))));
        QVERIFY2(!result.all().contains(kAdminPassword), qPrintable(result.describe()));
        QVERIFY2(!result.all().contains(kUserPassword), qPrintable(result.describe()));
        QVERIFY2(!result.all().contains(kOwnerPassword), qPrintable(result.describe()));
        QVERIFY2(!result.all().contains(kAppPassword), qPrintable(result.describe()));
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void migrateDemoAndVerifyAudit();
    void accountsOnTheServer();
    void wrongOrMissingServerPassword();
    void setupServer();
    void transportInTheLocation();
};

void TestCliPostgres::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    QVERIFY(m_home.isValid());
    m_serverUrl = qEnvironmentVariable("HEARTDESK_PG_TEST_URL");
    m_password = qEnvironmentVariable("HEARTDESK_DB_PASSWORD");
    QVERIFY2(!m_serverUrl.isEmpty(), "HEARTDESK_PG_TEST_URL is not set: run through scripts/test");
    QVERIFY2(!m_password.isEmpty(), "HEARTDESK_DB_PASSWORD is not set: run through scripts/test");
    RawSql admin = RawSql::postgres(m_serverUrl, {}, m_password);
    QVERIFY2(admin.isOpen(), qPrintable(admin.lastError()));
}

void TestCliPostgres::cleanupTestCase()
{
    RawSql admin = RawSql::postgres(m_serverUrl, {}, m_password);
    for (const QString& name : std::as_const(m_created))
        QVERIFY2(admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)),
                 qPrintable(admin.lastError()));
    for (const QString& role : std::as_const(m_roles))
        QVERIFY2(admin.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)),
                 qPrintable(admin.lastError()));
}

void TestCliPostgres::migrateDemoAndVerifyAudit()
{
    const QString name = createDatabase(QStringLiteral("demo"));
    QVERIFY(!name.isEmpty());
    const QString url = urlOf(name);

    const CliResult migrate = runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(migrate, 0);
    QVERIFY2(migrate.out.contains(
                 QStringLiteral("schema version %1").arg(heart::store::Migrations::latestVersion())),
             qPrintable(migrate.describe()));
    QVERIFY2(migrate.out.contains(QStringLiteral("PostgreSQL database")), qPrintable(migrate.describe()));
    verifyNoSecrets(migrate);

    const CliResult demo = runner().run({QStringLiteral("demo"), QStringLiteral("--seed"),
                                         QStringLiteral("11"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(demo, 0);
    verifyNoSecrets(demo);
    const CliResult demoAgain = runner().run({QStringLiteral("demo"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(demoAgain, 1);

    const CliResult verify = runner().run(
        {QStringLiteral("-v"), QStringLiteral("verify-audit"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(verify, 0);
    QVERIFY2(verify.out.startsWith(QStringLiteral("audit trail intact: ")), qPrintable(verify.describe()));
    verifyNoSecrets(verify);

    RawSql raw = RawSql::postgres(m_serverUrl, name, m_password);
    QVERIFY2(raw.isOpen(), qPrintable(raw.lastError()));
    const int rows = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
    QVERIFY(rows > 12);
    QCOMPARE(verify.out.trimmed(), QStringLiteral("audit trail intact: %1 rows").arg(rows));

    // Tamper with row 7, then put it back: the verdict follows the contents.
    const QString original =
        raw.scalar(QStringLiteral("SELECT record_id FROM audit_log WHERE seq = 7")).toString();
    QVERIFY(raw.exec(QStringLiteral("UPDATE audit_log SET record_id = 'x' WHERE seq = 7")));
    const QStringList json = {QStringLiteral("verify-audit"), QStringLiteral("--format"),
                              QStringLiteral("json"), QStringLiteral("--database"), url};
    const CliResult tampered = runner().run(json);
    CLI_EXPECT_EXIT(tampered, 1);
    const QJsonObject verdict = QJsonDocument::fromJson(tampered.out.toUtf8()).object();
    QCOMPARE(verdict.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(verdict.value(QStringLiteral("first_broken_seq")).toInteger(), qint64(7));
    QCOMPARE(verdict.value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));

    QVERIFY(raw.exec(QStringLiteral("UPDATE audit_log SET record_id = '%1' WHERE seq = 7").arg(original)));
    CLI_EXPECT_EXIT(runner().run(json), 0);

    QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 12")));
    const CliResult deleted =
        runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(deleted, 1);
    QCOMPARE(deleted.out.trimmed(), QStringLiteral("audit trail broken at row 13: row(s) missing before it"));
}

void TestCliPostgres::accountsOnTheServer()
{
    const QString name = createDatabase(QStringLiteral("accounts"));
    QVERIFY(!name.isEmpty());
    const QString url = urlOf(name);
    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
    const QStringList createAdmin = {QStringLiteral("create-admin"),
                                     QStringLiteral("--login"),
                                     QStringLiteral("admin"),
                                     QStringLiteral("--name"),
                                     QStringLiteral("Ada"),
                                     QStringLiteral("--database"),
                                     url};
    const CliResult admin = cli.run(createAdmin);
    CLI_EXPECT_EXIT(admin, 0);
    verifyNoSecrets(admin);
    const CliResult again = cli.run(createAdmin);
    CLI_EXPECT_EXIT(again, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already has user accounts")), qPrintable(again.describe()));

    cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
    cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
    const CliResult user =
        cli.run({QStringLiteral("create-user"), QStringLiteral("--as"), QStringLiteral("admin"),
                 QStringLiteral("--login"), QStringLiteral("robin"), QStringLiteral("--name"),
                 QStringLiteral("Robin"), QStringLiteral("--role"), QStringLiteral("crt_team_lead"),
                 QStringLiteral("--role"), QStringLiteral("emt"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(user, 0);
    verifyNoSecrets(user);

    RawSql raw = RawSql::postgres(m_serverUrl, name, m_password);
    QCOMPARE(raw.column(QStringLiteral("SELECT login FROM users ORDER BY login")),
             (QStringList{QStringLiteral("admin"), QStringLiteral("robin")}));
    const CliResult verify =
        runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(verify, 0);
}

void TestCliPostgres::wrongOrMissingServerPassword()
{
    const QString url = urlOf(QStringLiteral("postgres"));
    CliRunner cli(m_home.path());
    cli.setEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"), QStringLiteral("Wr0ng-pg-password"));
    const CliResult wrong = cli.run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(wrong, 3);
    QVERIFY2(wrong.err.contains(QStringLiteral("cannot connect to the PostgreSQL database")),
             qPrintable(wrong.describe()));
    QVERIFY(!wrong.all().contains(QStringLiteral("Wr0ng-pg-password")));
    verifyNoSecrets(wrong);

    cli.unsetEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"));
    const CliResult missing = cli.run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
    CLI_EXPECT_EXIT(missing, 3);
    QVERIFY2(missing.err.contains(QStringLiteral("HEARTDESK_DB_PASSWORD")), qPrintable(missing.describe()));

    // PGPASSWORD is the fallback, as for psql.
    cli.setEnv(QStringLiteral("PGPASSWORD"), m_password);
    const QString name = createDatabase(QStringLiteral("pgpass"));
    QVERIFY(!name.isEmpty());
    const CliResult viaPgPassword =
        cli.run({QStringLiteral("migrate"), QStringLiteral("--database"), urlOf(name)});
    CLI_EXPECT_EXIT(viaPgPassword, 0);
    verifyNoSecrets(viaPgPassword);
}

void TestCliPostgres::setupServer()
{
    const QString name = createDatabase(QStringLiteral("setup"));
    QVERIFY(!name.isEmpty());
    const QString suffix = name.right(8);
    const QString owner = QStringLiteral("hd_cli_owner_") + suffix;
    const QString app = QStringLiteral("hd_cli_app_") + suffix;
    m_roles << app << owner;
    const QStringList setup = {QStringLiteral("setup-server"),
                               QStringLiteral("--owner-role"),
                               owner,
                               QStringLiteral("--app-role"),
                               app,
                               QStringLiteral("--database"),
                               urlOf(name)};

    CliRunner cli = runner();
    cli.setEnv(QStringLiteral("HEARTDESK_OWNER_PASSWORD"), kOwnerPassword);
    // No terminal and no password for the new application role: nothing is made.
    const CliResult noAppPassword = cli.run(setup);
    CLI_EXPECT_EXIT(noAppPassword, 2);
    QVERIFY2(noAppPassword.err.contains(QStringLiteral("HEARTDESK_APP_PASSWORD")),
             qPrintable(noAppPassword.describe()));

    cli.setEnv(QStringLiteral("HEARTDESK_APP_PASSWORD"), kAppPassword);
    const CliResult first = cli.run(setup);
    CLI_EXPECT_EXIT(first, 0);
    verifyNoSecrets(first);
    QVERIFY2(first.out.contains(QStringLiteral("schema owner %1: created").arg(owner)),
             qPrintable(first.describe()));
    QVERIFY2(first.out.contains(QStringLiteral("application role %1: created").arg(app)),
             qPrintable(first.describe()));
    QVERIFY2(
        first.out.contains(QStringLiteral("version 0 -> %1").arg(heart::store::Migrations::latestVersion())),
        qPrintable(first.describe()));

    // Again, after an upgrade: idempotent; the application role keeps its password.
    cli.unsetEnv(QStringLiteral("HEARTDESK_APP_PASSWORD"));
    const CliResult again = cli.run(setup);
    CLI_EXPECT_EXIT(again, 0);
    verifyNoSecrets(again);
    QVERIFY2(again.out.contains(QStringLiteral("application role %1: updated (password kept)").arg(app)),
             qPrintable(again.describe()));

    // A workstation: the application role opens the current schema.
    QUrl asApp(urlOf(name));
    asApp.setUserName(app);
    CliRunner workstation(m_home.path());
    workstation.setEnv(QStringLiteral("HEARTDESK_DB_PASSWORD"), kAppPassword);
    const CliResult migrate =
        workstation.run({QStringLiteral("migrate"), QStringLiteral("--database"), asApp.toString()});
    CLI_EXPECT_EXIT(migrate, 0);
    // ... and the server keeps it from rewriting the audit trail.
    RawSql raw = RawSql::postgres(asApp.toString(), {}, kAppPassword);
    QVERIFY2(raw.isOpen(), qPrintable(raw.lastError()));
    QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).isValid());
    QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY2(raw.lastError().contains(QStringLiteral("permission denied")), qPrintable(raw.lastError()));

    // The maintenance database and SQLite files are refused as usage errors.
    const CliResult onPostgres = cli.run(
        {QStringLiteral("setup-server"), QStringLiteral("--database"), urlOf(QStringLiteral("postgres"))});
    CLI_EXPECT_EXIT(onPostgres, 2);
    const CliResult onFile = cli.run({QStringLiteral("setup-server"), QStringLiteral("--database"),
                                      m_home.filePath(QStringLiteral("x.sqlite"))});
    CLI_EXPECT_EXIT(onFile, 2);
}

void TestCliPostgres::transportInTheLocation()
{
    const QString ca = qEnvironmentVariable("HEARTDESK_PG_TEST_CA");
    if (ca.isEmpty())
        HEART_SKIP_MISSING_TOOL(
            "HEARTDESK_PG_TEST_CA is not set: run through scripts/test (a TLS-only server)");
    const QString name = createDatabase(QStringLiteral("tls"));
    QVERIFY(!name.isEmpty());
    QUrl verified(urlOf(name));
    verified.setQuery(QStringLiteral("sslmode=verify-full&sslrootcert=") + ca);
    const CliResult migrate =
        runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), verified.toString()});
    CLI_EXPECT_EXIT(migrate, 0);
    QVERIFY2(migrate.out.contains(QStringLiteral("(sslmode=verify-full)")), qPrintable(migrate.describe()));

    // A CA file that is not there is named; a CA that did not sign the server's certificate is refused.
    QUrl missing = verified;
    const QString nowhere = m_home.filePath(QStringLiteral("no-such-ca.crt"));
    missing.setQuery(QStringLiteral("sslmode=verify-full&sslrootcert=") + nowhere);
    const CliResult noCa =
        runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), missing.toString()});
    CLI_EXPECT_EXIT(noCa, 2);
    QVERIFY2(noCa.err.contains(nowhere) && noCa.err.contains(QStringLiteral("does not exist")),
             qPrintable(noCa.describe()));
    const QString wrongCa = qEnvironmentVariable("HEARTDESK_PG_TEST_WRONG_CA");
    if (!wrongCa.isEmpty()) {
        QUrl wrong = verified;
        wrong.setQuery(QStringLiteral("sslmode=verify-full&sslrootcert=") + wrongCa);
        const CliResult refused =
            runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), wrong.toString()});
        CLI_EXPECT_EXIT(refused, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("certificate verify failed")),
                 qPrintable(refused.describe()));
    }

    // Plaintext to a server elsewhere: refused before connecting, and why.
    const CliResult plaintext =
        runner().run({QStringLiteral("migrate"), QStringLiteral("--database"),
                      QStringLiteral("postgresql://heartdesk@db.center.example/heart?sslmode=disable")});
    CLI_EXPECT_EXIT(plaintext, 2);
    QVERIFY2(plaintext.err.contains(QStringLiteral("without encryption")) &&
                 plaintext.err.contains(QStringLiteral("plaintext")),
             qPrintable(plaintext.describe()));
}

HEART_TEST_GUILESS_MAIN(TestCliPostgres)
#include "tst_cli_postgresql.moc"
