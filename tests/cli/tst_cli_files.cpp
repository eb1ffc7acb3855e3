// heartdesk-cli and the files it is given or makes (issue 19, SQLite only by
// design): another program's SQLite file is refused by every command that
// opens a database and left byte for byte as it was; a database cut short by
// one byte is refused by migrate; what the CLI creates (folders, database,
// replay outputs) is the user's alone, 0700 and 0600, under umask 022.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <sys/stat.h>

using namespace heart::clitest;

namespace {

const QString kAdminPassword = QStringLiteral("Adm1n-pw-5c0ffee1-files");
const QString kUserPassword = QStringLiteral("Us3r-pw-9dd1e7a2-files");
const QDateTime kOldTime(QDate(2020, 1, 1), QTime(12, 0), QTimeZone::utc());

int modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    // An old modification time, so any write (even of the same bytes) shows.
    return file.open(QIODevice::ReadWrite) && file.setFileTime(kOldTime, QFileDevice::FileModificationTime);
}

// Another program's SQLite database: one table `t` with one row.
bool makeForeignDatabase(const QString& path)
{
    bool ok = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        raw.setDatabaseName(path);
        if (raw.open()) {
            QSqlQuery query(raw);
            ok = query.exec(QStringLiteral("CREATE TABLE t (x TEXT)")) &&
                 query.exec(QStringLiteral("INSERT INTO t VALUES ('Zebulon Quartermaine')"));
            query.finish();
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    return ok;
}

} // namespace

class TestCliFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    mode_t m_umaskBefore = 0;

    CliRunner runner() const
    {
        CliRunner cli(m_home.path());
        cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kUserPassword);
        cli.setEnv(QStringLiteral("HEARTDESK_ADMIN_PASSWORD"), kAdminPassword);
        return cli;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
        QVERIFY(m_home.isValid());
        // The usual umask: what the CLI makes must not depend on a stricter one.
        m_umaskBefore = ::umask(022);
    }

    void cleanupTestCase() { ::umask(m_umaskBefore); }

    void foreignSqliteFileIsNeverWritten_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("migrate") << QStringList{QStringLiteral("migrate")};
        QTest::newRow("verify-audit") << QStringList{QStringLiteral("verify-audit")};
        QTest::newRow("verify-audit json") << QStringList{QStringLiteral("verify-audit"),
                                                          QStringLiteral("--format"), QStringLiteral("json")};
        QTest::newRow("demo") << QStringList{QStringLiteral("demo")};
        QTest::newRow("create-admin")
            << QStringList{QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                           QStringLiteral("--name"), QStringLiteral("Ada")};
        QTest::newRow("create-user") << QStringList{
            QStringLiteral("create-user"), QStringLiteral("--as"),   QStringLiteral("admin"),
            QStringLiteral("--login"),     QStringLiteral("robin"),  QStringLiteral("--name"),
            QStringLiteral("Robin"),       QStringLiteral("--role"), QStringLiteral("emt")};
        QTest::newRow("set-setting") << QStringList{QStringLiteral("set-setting"),
                                                    QStringLiteral("--as"),
                                                    QStringLiteral("admin"),
                                                    QStringLiteral("--key"),
                                                    QStringLiteral("follow-up-policy"),
                                                    QStringLiteral("--file"),
                                                    QStringLiteral("@POLICY@")};
    }

    void foreignSqliteFileIsNeverWritten()
    {
        // issue 19: verify-audit on a foreign SQLite file with one table `t`
        // added HEART Desk's tables to it and reported "intact: 0 rows".
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("other-program.db"));
        QVERIFY(makeForeignDatabase(path));
        const QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.startsWith(QByteArray("SQLite format 3\0", 16)));
        QVERIFY(writeFile(path, bytes));
        const QString policy = dir.filePath(QStringLiteral("policy.json"));
        QVERIFY(writeFile(policy, QByteArrayLiteral("{\"dueSoonHours\": 24}")));
        const QStringList before = dirEntries(dir.path());

        arguments.replaceInStrings(QStringLiteral("@POLICY@"), policy);
        const CliResult result = runner().run(arguments + QStringList{QStringLiteral("--database"), path});
        CLI_EXPECT_EXIT(result, 3);
        QVERIFY2(result.err.contains(QStringLiteral("is not a readable HEART Desk database")),
                 qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QStringLiteral("another program")), qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QStringLiteral("\"t\"")), qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QStringLiteral("it was not changed")), qPrintable(result.describe()));
        QVERIFY(!result.all().contains(QStringLiteral("intact")));
        QVERIFY(!result.all().contains(QStringLiteral("Zebulon")));

        QVERIFY2(fileBytes(path) == bytes, "the foreign file was changed");
        QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
        QCOMPARE(dirEntries(dir.path()), before); // no -wal, -shm, -journal or copy left
    }

    void databaseCutShortByOneByteIsRefusedByMigrate()
    {
        // issue 19: a file truncated by one byte was accepted by migrate.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("heartdesk.sqlite"));
        CliRunner cli = runner();
        cli.setEnv(QStringLiteral("HEARTDESK_NEW_PASSWORD"), kAdminPassword);
        const CliResult created =
            cli.run({QStringLiteral("create-admin"), QStringLiteral("--login"), QStringLiteral("admin"),
                     QStringLiteral("--name"), QStringLiteral("Ada"), QStringLiteral("--database"), path});
        CLI_EXPECT_EXIT(created, 0);
        QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.size() > 8192);
        bytes.chop(1);
        QVERIFY(writeFile(path, bytes));

        for (const QString& command : {QStringLiteral("migrate"), QStringLiteral("verify-audit")}) {
            const CliResult result = cli.run({command, QStringLiteral("--database"), path});
            CLI_EXPECT_EXIT(result, 3);
            QVERIFY2(result.err.contains(QStringLiteral("is not a readable HEART Desk database")),
                     qPrintable(result.describe()));
            QVERIFY2(result.err.contains(QStringLiteral("it was not changed")),
                     qPrintable(result.describe()));
            QVERIFY(fileBytes(path) == bytes);
            QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
            QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});
        }
    }

    void whatTheCliMakesIsTheUsersAlone()
    {
        // issue 19: files were 0644 in 0755 folders under the usual umask.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("center/records"));
        const QString path = folder + QStringLiteral("/heartdesk.sqlite");
        const CliResult migrate =
            runner().run({QStringLiteral("migrate"), QStringLiteral("--database"), path});
        CLI_EXPECT_EXIT(migrate, 0);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("center"))), 0700);
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);

        // Replay's outputs quote the calls file: owner-only too, new or overwritten.
        const QString calls = dir.filePath(QStringLiteral("calls.csv"));
        QVERIFY(writeFile(calls, QByteArrayLiteral("id,time,call_type,beat\n"
                                                   "1,2024-05-15 10:05,Welfare Check,313\n"
                                                   "2,not a time,Welfare Check,313\n")));
        const QString errors = dir.filePath(QStringLiteral("errors.txt"));
        const QString perCall = dir.filePath(QStringLiteral("per-call.csv"));
        QVERIFY(writeFile(errors, "old"));
        QVERIFY(QFile::setPermissions(errors, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const CliResult replay =
            runner().run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                          QStringLiteral("--errors"), errors, QStringLiteral("--per-call"), perCall});
        CLI_EXPECT_EXIT(replay, 0);
        QVERIFY(fileBytes(errors).contains("line 3"));
        QCOMPARE(modeOf(errors), 0600);
        QVERIFY(QFileInfo::exists(perCall));
        QCOMPARE(modeOf(perCall), 0600);
    }

    void repeatedDemoStartsKeepOneAuditKey()
    {
        // issue 19: every demo start made a new audit key file (an HMAC key of
        // the checkpoints, docs/audit-trail.md) and none was ever removed.
        QTemporaryDir dir;
        const QString keys = dir.filePath(QStringLiteral("keys"));
        const QString path = dir.filePath(QStringLiteral("demo/heartdesk-demo.sqlite"));
        CliRunner cli = runner();
        cli.setEnv(QStringLiteral("HEARTDESK_KEY_DIR"), keys);
        const auto auditKeys = [&] {
            return QDir(keys + QStringLiteral("/audit"))
                .entryList({QStringLiteral("*.key")}, QDir::Files, QDir::Name);
        };
        QStringList before;
        for (int start = 0; start < 3; ++start) {
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix)); // a fresh demo file, as heartdesk --demo makes
            const CliResult demo =
                cli.run({QStringLiteral("demo"), QStringLiteral("--database"), path}, 300000);
            CLI_EXPECT_EXIT(demo, 0);
            const QStringList now = auditKeys();
            QVERIFY2(now.size() == 1, qPrintable(now.join(QLatin1Char(' '))));
            if (start > 0)
                QVERIFY(now != before); // the new demo has its own key; the replaced one is gone
            before = now;
            const CliResult verify =
                cli.run({QStringLiteral("verify-audit"), QStringLiteral("--database"), path});
            CLI_EXPECT_EXIT(verify, 0);
            QVERIFY2(verify.out.startsWith(QStringLiteral("audit trail intact: ")),
                     qPrintable(verify.describe()));
        }
        // A database that is not a demo keeps its key, beside the demo's.
        const CliResult other = cli.run({QStringLiteral("migrate"), QStringLiteral("--database"),
                                         dir.filePath(QStringLiteral("center.sqlite"))});
        CLI_EXPECT_EXIT(other, 0);
        const CliResult demo = cli.run({QStringLiteral("demo"), QStringLiteral("--database"),
                                        dir.filePath(QStringLiteral("other-demo.sqlite"))},
                                       300000);
        CLI_EXPECT_EXIT(demo, 0);
        QCOMPARE(auditKeys().size(), 3);
    }
};

HEART_TEST_GUILESS_MAIN(TestCliFiles)
#include "tst_cli_files.moc"
