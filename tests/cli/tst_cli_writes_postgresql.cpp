// heartdesk-cli against the throwaway PostgreSQL server of scripts/test, for
// what issue 19 found about writes that stop half-way:
// - migrate waited forever on the migration lock; now it gives up after
//   --lock-timeout and names the holder (application, address, since when);
// - restarting the server two seconds into `demo` left a half-written
//   database that a rerun refused with "(lock audit chain:)"; now the demo is
//   one transaction: nothing is left, the failure says what failed, and a
//   rerun works. The test holds the audit chain's lock so that the restart
//   always lands while the demo waits inside its transaction;
// - a schema holding another program's tables is refused, untouched.
// Runs alone (RUN_SERIAL): it restarts the shared test server.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"
#include "store/Migrations.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using heart::clitest::CliResult;
using heart::clitest::CliRunner;
using heart::clitest::RawSql;

class TestCliWritesPostgres : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_serverUrl;
    QString m_password;
    QStringList m_created;

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
    int count(const QString& database, const QString& table)
    {
        RawSql raw = RawSql::postgres(m_serverUrl, database, m_password);
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
        QVERIFY(m_home.isValid());
        m_serverUrl = qEnvironmentVariable("HEARTDESK_PG_TEST_URL");
        m_password = qEnvironmentVariable("HEARTDESK_DB_PASSWORD");
        QVERIFY2(!m_serverUrl.isEmpty(), "HEARTDESK_PG_TEST_URL is not set: run through scripts/test");
        QVERIFY2(!m_password.isEmpty(), "HEARTDESK_DB_PASSWORD is not set: run through scripts/test");
    }

    void cleanupTestCase()
    {
        RawSql admin = RawSql::postgres(m_serverUrl, {}, m_password);
        for (const QString& name : std::as_const(m_created))
            QVERIFY2(admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)),
                     qPrintable(admin.lastError()));
    }

    void migrateGivesUpOnAHeldLockAndNamesItsHolder()
    {
        const QString name = createDatabase(QStringLiteral("lock"));
        QVERIFY(!name.isEmpty());
        const QString url = urlOf(name);
        // Another session holds the migration lock and hangs (a migration stuck half-way).
        RawSql holder = RawSql::postgres(m_serverUrl, name, m_password);
        QVERIFY2(holder.isOpen(), qPrintable(holder.lastError()));
        QVERIFY(holder.exec(QStringLiteral("SET application_name = 'stuck-migrator-7'")));
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7410912)")));

        QElapsedTimer clock;
        clock.start();
        const CliResult waited = runner().run({QStringLiteral("migrate"), QStringLiteral("--lock-timeout"),
                                               QStringLiteral("2"), QStringLiteral("--database"), url},
                                              60000);
        const qint64 elapsed = clock.elapsed();
        qInfo().noquote() << "migrate with the lock held:" << waited.err.trimmed();
        CLI_EXPECT_EXIT(waited, 1);
        QVERIFY2(elapsed >= 2000 && elapsed < 30000, qPrintable(QString::number(elapsed)));
        QVERIFY2(waited.err.contains(QStringLiteral("waited 2 s for the migration lock")),
                 qPrintable(waited.describe()));
        QVERIFY2(waited.err.contains(QStringLiteral("application \"stuck-migrator-7\"")),
                 qPrintable(waited.describe()));
        QVERIFY2(waited.err.contains(QStringLiteral("from 127.0.0.1")), qPrintable(waited.describe()));
        QVERIFY2(waited.err.contains(QRegularExpression(QStringLiteral("since \\d{4}-\\d\\d-\\d\\dT"))),
                 qPrintable(waited.describe()));
        QVERIFY2(waited.err.contains(QStringLiteral("nothing was changed")), qPrintable(waited.describe()));
        RawSql raw = RawSql::postgres(m_serverUrl, name, m_password);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT to_regclass('schema_migrations') IS NULL")).toBool(),
                 true);

        // A bad value is a usage error.
        const CliResult bad = runner().run({QStringLiteral("migrate"), QStringLiteral("--lock-timeout"),
                                            QStringLiteral("soon"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(bad, 2);

        // Once the holder lets go, migrate proceeds.
        QVERIFY(holder.exec(QStringLiteral("ROLLBACK")));
        const CliResult migrated = runner().run({QStringLiteral("migrate"), QStringLiteral("--lock-timeout"),
                                                 QStringLiteral("2"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(migrated, 0);
        QVERIFY2(migrated.out.contains(
                     QStringLiteral("schema version %1").arg(heart::store::Migrations::latestVersion())),
                 qPrintable(migrated.describe()));
    }

    // Issue 19 found SQLite files of other programs getting HEART Desk's
    // tables; the same for a PostgreSQL schema: one that holds another
    // program's tables (and no HEART Desk version table) is refused untouched.
    void aForeignSchemaIsRefusedUntouched()
    {
        const QString name = createDatabase(QStringLiteral("foreign"));
        QVERIFY(!name.isEmpty());
        const QString url = urlOf(name);
        {
            RawSql other = RawSql::postgres(m_serverUrl, name, m_password);
            QVERIFY2(other.isOpen(), qPrintable(other.lastError()));
            QVERIFY(
                other.exec(QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")));
            QVERIFY(other.exec(QStringLiteral("INSERT INTO invoices VALUES (1, 12.5)")));
        }
        const auto tables = [&] {
            RawSql raw = RawSql::postgres(m_serverUrl, name, m_password);
            return raw
                .scalar(QStringLiteral("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                                       "information_schema.tables WHERE table_schema = 'public'"))
                .toString();
        };
        for (const QStringList& command :
             {QStringList{QStringLiteral("migrate")}, QStringList{QStringLiteral("verify-audit")},
              QStringList{QStringLiteral("demo")}}) {
            const CliResult refused = runner().run(command + QStringList{QStringLiteral("--database"), url});
            qInfo().noquote() << command.first() << "on a foreign schema:" << refused.err.trimmed();
            CLI_EXPECT_EXIT(refused, 3);
            // Worded for a server's database and schema: there is no file.
            QVERIFY2(refused.err.contains(QStringLiteral("is not HEART Desk's: the PostgreSQL schema")),
                     qPrintable(refused.describe()));
            QVERIFY2(refused.err.contains(QStringLiteral("nothing on the server was changed")),
                     qPrintable(refused.describe()));
            QVERIFY2(!refused.err.contains(QStringLiteral("file"), Qt::CaseInsensitive),
                     qPrintable(refused.describe()));
            QVERIFY2(refused.err.contains(QStringLiteral("schema \"public\" holds 1 table(s) of another "
                                                         "program, such as \"invoices\"")),
                     qPrintable(refused.describe()));
            QCOMPARE(tables(), QStringLiteral("invoices"));
        }
        // Another framework's schema_migrations is not HEART Desk's.
        {
            RawSql other = RawSql::postgres(m_serverUrl, name, m_password);
            QVERIFY(
                other.exec(QStringLiteral("CREATE TABLE schema_migrations (version varchar PRIMARY KEY)")));
        }
        const CliResult rails = runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(rails, 3);
        QVERIFY2(rails.err.contains(QStringLiteral("holds 2 table(s)")), qPrintable(rails.describe()));
        QCOMPARE(tables(), QStringLiteral("invoices,schema_migrations"));

        // HEART Desk's own database with a table someone added beside it still opens.
        const QString own = createDatabase(QStringLiteral("own"));
        QVERIFY(!own.isEmpty());
        CLI_EXPECT_EXIT(runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), urlOf(own)}),
                        0);
        {
            RawSql raw = RawSql::postgres(m_serverUrl, own, m_password);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE local_notes (id integer)")));
        }
        CLI_EXPECT_EXIT(runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), urlOf(own)}),
                        0);
    }

    void demoCutShortByARestartLeavesNothing()
    {
        const QString restartCommand = qEnvironmentVariable("HEARTDESK_PG_TEST_RESTART");
        if (restartCommand.isEmpty())
            HEART_SKIP_MISSING_TOOL("needs HEARTDESK_PG_TEST_RESTART, a shell command that restarts the "
                                    "test server (scripts/test exports it)");
        const QString name = createDatabase(QStringLiteral("restart"));
        QVERIFY(!name.isEmpty());
        const QString url = urlOf(name);
        const CliResult migrate =
            runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(migrate, 0);

        // The restart must land inside the demo's transaction, whatever the
        // machine's speed: this session holds the audit chain's lock, so the
        // demo, once it has begun its transaction and written its first
        // rows, waits for it at its first audit row. The restart comes when
        // the demo is seen waiting there with writes of its own.
        RawSql holder = RawSql::postgres(m_serverUrl, name, m_password);
        QVERIFY2(holder.isOpen(), qPrintable(holder.lastError()));
        QVERIFY(holder.exec(QStringLiteral("SELECT pg_advisory_lock(7410911)")));

        QProcess demo;
        demo.setProcessEnvironment(runner().environment());
        demo.start(CliRunner::binary(), {QStringLiteral("demo"), QStringLiteral("--database"), url});
        QVERIFY(demo.waitForStarted(30000));
        demo.closeWriteChannel();
        QElapsedTimer waiting;
        waiting.start();
        bool inside = false;
        while (!inside && waiting.elapsed() < 120000 && demo.state() == QProcess::Running) {
            inside = holder
                         .scalar(QStringLiteral(
                             "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                             "WHERE l.locktype = 'advisory' AND l.objid = 7410911 AND NOT l.granted "
                             "AND a.datname = current_database() AND a.backend_xid IS NOT NULL"))
                         .toInt() > 0;
            if (!inside)
                QTest::qWait(50);
        }
        QVERIFY2(inside, qPrintable(QStringLiteral("the demo was not seen waiting inside its transaction "
                                                   "(%1 ms; %2)")
                                        .arg(waiting.elapsed())
                                        .arg(QString::fromUtf8(demo.readAllStandardError()))));

        QProcess restart;
        restart.setProcessChannelMode(QProcess::MergedChannels);
        restart.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), restartCommand});
        QVERIFY(restart.waitForFinished(120000));
        QVERIFY2(restart.exitStatus() == QProcess::NormalExit && restart.exitCode() == 0,
                 restart.readAll().constData());
        QVERIFY(demo.waitForFinished(300000));
        const QString err = QString::fromUtf8(demo.readAllStandardError());
        QVERIFY2(
            demo.exitStatus() == QProcess::NormalExit && demo.exitCode() != 0,
            qPrintable(QStringLiteral("the demo survived a restart inside its transaction: %1").arg(err)));

        // Cut short: the message says what failed, and nothing was left behind.
        qInfo().noquote() << "demo cut short by the restart:" << err.trimmed();
        QVERIFY2(err.contains(QStringLiteral("writing the demo data failed")) ||
                     err.contains(QStringLiteral("cannot connect")),
                 qPrintable(err));
        QVERIFY2(!err.contains(QRegularExpression(QStringLiteral(":\\s*\\)"))), qPrintable(err));
        for (const char* table : {"users", "calls", "people", "audit_log", "units", "change_journal"})
            QVERIFY2(count(name, QLatin1String(table)) == 0, table);

        // And the demo simply runs again, with an intact audit trail.
        const CliResult again = runner().run({QStringLiteral("demo"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(again, 0);
        const CliResult verify =
            runner().run({QStringLiteral("verify-audit"), QStringLiteral("--database"), url});
        CLI_EXPECT_EXIT(verify, 0);
        QVERIFY2(verify.out.startsWith(QStringLiteral("audit trail intact: ")),
                 qPrintable(verify.describe()));
        QVERIFY(count(name, QStringLiteral("calls")) > 0);
    }
};

HEART_TEST_GUILESS_MAIN(TestCliWritesPostgres)
#include "tst_cli_writes_postgresql.moc"
