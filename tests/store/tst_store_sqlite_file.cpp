// SQLite files (SQLite only, by design): a damaged file is refused with
// NotADatabase and left byte for byte as it was, same mtime, no -wal/-shm
// side files; an unreadable location gives FileUnreadable (also as root);
// after open, WAL and foreign keys are on; unusual paths and a WAL left by a
// crash open normally. Another program's SQLite file is refused untouched
// (issue 19), a HEART Desk file from before application_id opens and gets it,
// a file cut short by one byte is refused, and the files and folders made are
// the user's alone (0600, 0700) under umask 022.
#include "common/StrictTestMain.h"
#include "store/Database.h"
#include "store/EncryptedSqlite.h"
#include "store/EncryptedVfs.h"
#include "store/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <sys/stat.h>

using namespace heart::store;

namespace {

const QDateTime kOldTime(QDate(2020, 1, 1), QTime(12, 0), QTimeZone::utc());

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

QStringList folderEntries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QString pragma(Database& db, const QString& name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return QStringLiteral("<failed>");
    return query.value(0).toString();
}

int modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

// Runs statements on a plaintext SQLite file with a connection of the test's own.
bool plainSql(const QString& path, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain-sql"));
        raw.setDatabaseName(path);
        ok = raw.open();
        QSqlQuery query(raw);
        for (const QString& statement : statements)
            ok = ok && query.exec(statement);
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain-sql"));
    return ok;
}

QByteArray garbage(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

} // namespace

class TestStoreSqliteFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void damagedFileIsRefusedUntouched_data();
    void damagedFileIsRefusedUntouched();
    void unreadableLocation_data();
    void unreadableLocation();
    void walAndForeignKeysAreOn();
    void emptyFileBecomesADatabase();
    void unusualPathOpensAndReopens();
    void walLeftByACrashIsRecovered();
    void foreignDatabaseIsRefusedUntouched_data();
    void foreignDatabaseIsRefusedUntouched();
    void fileFromBeforeApplicationIdOpens();
    void fileCutShortByOneByteIsRefused();
    void filesAndFoldersAreTheUsersAlone();

private:
    // A real, healthy database of several pages, made once.
    QByteArray m_realDatabase;
    QTemporaryDir m_scratch;
};

void TestStoreSqliteFile::initTestCase()
{
    // A plaintext SQLite file, as earlier versions wrote them: the damaged
    // variants below must be refused before the one-time encryption
    // (tst_store_encryption covers damaged encrypted files).
    QVERIFY(m_scratch.isValid());
    const QString path = m_scratch.filePath(QStringLiteral("real.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plaintext"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE people (id TEXT PRIMARY KEY, given_name TEXT)")));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO people (id, given_name) VALUES (?, ?)")));
        for (int i = 0; i < 400; ++i) {
            query.addBindValue(QStringLiteral("person-%1").arg(i));
            query.addBindValue(QString(200, QLatin1Char('x')));
            QVERIFY(query.exec());
        }
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plaintext"));
    m_realDatabase = fileBytes(path);
    QVERIFY(m_realDatabase.size() > 16 * 4096);
    QVERIFY(m_realDatabase.startsWith(QByteArray("SQLite format 3\0", 16)));
    QCOMPARE(int(m_realDatabase.at(18)), 2); // a WAL-mode file: the case that makes side files
}

void TestStoreSqliteFile::damagedFileIsRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray header("SQLite format 3\0", 16);
    QTest::newRow("random bytes") << garbage(8192, 1);
    QTest::newRow("text file") << QByteArray("name,phone\nZebulon,919-555-0142\n");
    QTest::newRow("valid header, then garbage") << header + garbage(8192 - 16, 2);
    QByteArray walFlags = header + garbage(8192 - 16, 3);
    walFlags[16] = 0x10; // page size 4096
    walFlags[17] = 0x00;
    walFlags[18] = 2; // WAL read and write versions
    walFlags[19] = 2;
    QTest::newRow("valid header, WAL flags, garbage") << walFlags;
    QTest::newRow("truncated real database (half)") << m_realDatabase.left(m_realDatabase.size() / 2);
    QTest::newRow("truncated real database (mid-page)") << m_realDatabase.left(3 * 4096 + 1000);
    QByteArray zeroedPage = m_realDatabase;
    zeroedPage.replace(4 * 4096, 4096, QByteArray(4096, '\0'));
    QTest::newRow("real database with a zeroed page") << zeroedPage;
    QByteArray scribbled = m_realDatabase;
    scribbled.replace(2 * 4096, 4096, garbage(4096, 4));
    QTest::newRow("real database with a scribbled page") << scribbled;
}

void TestStoreSqliteFile::damagedFileIsRefusedUntouched()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    QVERIFY(writeFile(path, bytes));
    const QStringList entriesBefore = folderEntries(dir.path());
    QCOMPARE(entriesBefore, QStringList{QStringLiteral("damaged.sqlite")});

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(path));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::NotADatabase));
    QVERIFY(!db.isOpen());
    QVERIFY(!error.detail.contains(QLatin1String("Zebulon"))); // never the file's contents

    QVERIFY(fileBytes(path) == bytes);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
    QCOMPARE(folderEntries(dir.path()), entriesBefore); // no -wal, -shm or -journal created

    // Asking again gives the same answer: the refusal changed nothing.
    QCOMPARE(Database().open(ConnectionSpec::sqlite(path)).code, StoreErrorCode::NotADatabase);
    QVERIFY(fileBytes(path) == bytes);
}

void TestStoreSqliteFile::unreadableLocation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a folder") << QStringLiteral("folder");
    QTest::newRow("inside a regular file") << QStringLiteral("under-file");
    // chmod 000 stops everyone but root; as root (containers, CI) the row
    // would prove nothing, so it is added only where the mode really bites.
    QTemporaryDir probe;
    const QString path = probe.filePath(QStringLiteral("probe"));
    writeFile(path, QByteArrayLiteral("x"));
    QFile::setPermissions(path, QFileDevice::Permissions());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        QTest::newRow("mode 000") << QStringLiteral("mode-000");
    else
        qInfo("running as root: mode 000 does not stop reading, covered by the other rows");
}

void TestStoreSqliteFile::unreadableLocation()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path;
    QByteArray bytesBefore;
    if (kind == QLatin1String("folder")) {
        path = dir.filePath(QStringLiteral("a-folder.sqlite"));
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("under-file")) {
        const QString file = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeFile(file, m_realDatabase));
        path = file + QStringLiteral("/heartdesk.sqlite");
    } else {
        path = dir.filePath(QStringLiteral("locked.sqlite"));
        QVERIFY(writeFile(path, m_realDatabase));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    }
    const QStringList entriesBefore = folderEntries(dir.path());

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(path));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::FileUnreadable));
    QVERIFY(!db.isOpen());
    QCOMPARE(folderEntries(dir.path()), entriesBefore);
    if (kind == QLatin1String("mode-000"))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestStoreSqliteFile::walAndForeignKeysAreOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("heartdesk.sqlite"));
    for (int round = 0; round < 2; ++round) { // new file, then reopened
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(path)));
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("2")); // FULL: encrypted blocks
        QVERIFY(pragma(db, QStringLiteral("busy_timeout")).toInt() >= 1000);
        // And the keys are enforced, not only declared.
        QSqlQuery orphan(db.connection());
        QVERIFY(
            !orphan.exec(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES ('nobody', 'emt')")));
    }
}

void TestStoreSqliteFile::emptyFileBecomesADatabase()
{
    // An empty file (touched by an installer) is not damage: it becomes a new database.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("heartdesk.sqlite"));
    QVERIFY(writeFile(path, {}));
    Database db;
    QVERIFY(!db.open(ConnectionSpec::sqlite(path)));
    QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
}

void TestStoreSqliteFile::unusualPathOpensAndReopens()
{
    // Spaces, URI delimiters and non-ASCII letters in the folder and file name.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("Centre 911 #2 100%? ñandú"));
    const QString path = folder + QStringLiteral("/héart desk#1?.sqlite");
    {
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(path)));
    }
    QVERIFY(QFileInfo::exists(path));
    const QByteArray before = fileBytes(path);
    Database again;
    const StoreError error = again.open(ConnectionSpec::sqlite(path));
    QVERIFY2(!error, qPrintable(error.detail));
    QCOMPARE(again.schemaVersion(), Migrations::latestVersion());
    again.close();
    QVERIFY(fileBytes(path) == before);
    QCOMPARE(folderEntries(folder), QStringList{QStringLiteral("héart desk#1?.sqlite")});
}

void TestStoreSqliteFile::walLeftByACrashIsRecovered()
{
    // A copy taken while a writer still had committed pages only in the WAL:
    // the state a power cut leaves. Opening it must keep those pages.
    QTemporaryDir dir;
    const QString live = dir.filePath(QStringLiteral("live.sqlite"));
    const QString crashed = dir.filePath(QStringLiteral("crashed.sqlite"));
    Database writer;
    QVERIFY(!writer.open(ConnectionSpec::sqlite(live)));
    QSqlQuery insert(writer.connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                       "('wal_probe', 'kept', '2026-03-02T15:00:00.000Z')")));
    QVERIFY(QFileInfo(live + QStringLiteral("-wal")).size() > 0);
    QVERIFY(QFile::copy(live, crashed));
    QVERIFY(QFile::copy(live + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
    writer.close();

    Database reopened;
    const StoreError error = reopened.open(ConnectionSpec::sqlite(crashed));
    QVERIFY2(!error, qPrintable(error.detail));
    QSqlQuery read(reopened.connection());
    QVERIFY(read.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'wal_probe'")));
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), QStringLiteral("kept"));
}

void TestStoreSqliteFile::foreignDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("why");
    const QString users = QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, login TEXT)");
    const QString versions = QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)");
    QTest::newRow("one table t") << QStringList{QStringLiteral("CREATE TABLE t (x)"),
                                                QStringLiteral("INSERT INTO t VALUES ('Zebulon')")}
                                 << QStringLiteral("such as \"t\"");
    QTest::newRow("HEART Desk's table names and one more")
        << QStringList{users, versions, QStringLiteral("CREATE TABLE invoices (n)")}
        << QStringLiteral("such as \"invoices\"");
    QTest::newRow("another program's application_id")
        << QStringList{QStringLiteral("PRAGMA application_id = 1179403647"), users, versions}
        << QStringLiteral("application_id 0x464c457f");
    QTest::newRow("no tables at all") << QStringList{QStringLiteral("PRAGMA user_version = 7")}
                                      << QStringLiteral("without HEART Desk's tables");
}

void TestStoreSqliteFile::foreignDatabaseIsRefusedUntouched()
{
    // issue 19: verify-audit on a file with one table `t` added HEART Desk's
    // tables to it. A file that is not HEART Desk's is never written.
    QFETCH(QStringList, statements);
    QFETCH(QString, why);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    QVERIFY(plainSql(path, statements));
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.startsWith(QByteArray("SQLite format 3\0", 16)));
    QVERIFY(writeFile(path, bytes));

    for (int attempt = 0; attempt < 2; ++attempt) {
        Database db;
        const StoreError error = db.open(ConnectionSpec::sqlite(path));
        QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::NotADatabase));
        QVERIFY2(error.detail.contains(why), qPrintable(error.detail));
        QVERIFY2(error.detail.contains(QLatin1String("never adds its tables")), qPrintable(error.detail));
        QVERIFY(!error.detail.contains(QLatin1String("Zebulon")));
        QVERIFY(!db.isOpen());
        QVERIFY(fileBytes(path) == bytes);
        QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("other.sqlite")});
    }
}

void TestStoreSqliteFile::fileFromBeforeApplicationIdOpens()
{
    // A plaintext HEART Desk file of a version that set no application_id:
    // its tables are all HEART Desk's, so it opens, and gets the mark.
    QTemporaryDir dir;
    const QString current = dir.filePath(QStringLiteral("current.sqlite"));
    {
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(current)));
        QCOMPARE(pragma(db, QStringLiteral("application_id")), QString::number(encrypted::kApplicationId));
        QSqlQuery insert(db.connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                           "('probe', 'kept', '2026-03-02T15:00:00.000Z')")));
    }
    const QString legacy = dir.filePath(QStringLiteral("legacy.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("export"));
        QVERIFY(!encrypted::prepareConnection(raw, current));
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.prepare(QStringLiteral("VACUUM INTO ?")));
        query.addBindValue(
            QString(QUrl::fromLocalFile(legacy).toString(QUrl::FullyEncoded) + QStringLiteral("?vfs=unix")));
        QVERIFY(query.exec());
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("export"));
    QVERIFY(plainSql(legacy, {QStringLiteral("PRAGMA application_id = 0")}));
    QVERIFY(fileBytes(legacy).startsWith(QByteArray("SQLite format 3\0", 16)));

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(legacy));
    QVERIFY2(!error, qPrintable(error.detail));
    QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(pragma(db, QStringLiteral("application_id")), QString::number(encrypted::kApplicationId));
    QSqlQuery read(db.connection());
    QVERIFY(read.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'probe'")) && read.next());
    QCOMPARE(read.value(0).toString(), QStringLiteral("kept"));
}

void TestStoreSqliteFile::fileCutShortByOneByteIsRefused()
{
    // issue 19: a file truncated by one byte was accepted by migrate.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("heartdesk.sqlite"));
    {
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(path)));
        QSqlQuery insert(db.connection());
        QVERIFY(
            insert.prepare(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)")));
        for (int i = 0; i < 200; ++i) {
            insert.addBindValue(QStringLiteral("k%1").arg(i));
            insert.addBindValue(QString(300, QLatin1Char('v')));
            insert.addBindValue(QStringLiteral("2026-03-02T15:00:00.000Z"));
            QVERIFY(insert.exec());
        }
    }
    QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});
    QByteArray bytes = fileBytes(path);
    bytes.chop(1);
    QVERIFY(writeFile(path, bytes));

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(path));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::NotADatabase));
    QVERIFY(!error.detail.isEmpty());
    QVERIFY(fileBytes(path) == bytes);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
    QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});
}

void TestStoreSqliteFile::filesAndFoldersAreTheUsersAlone()
{
    // issue 19: the database, its WAL and SHM were 0644 in 0755 folders, so
    // another account could read a note out of the WAL.
    const mode_t before = ::umask(022);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("records/heart desk"));
    const QString path = folder + QStringLiteral("/heartdesk.sqlite");
    {
        Database db;
        const StoreError error = db.open(ConnectionSpec::sqlite(path));
        QVERIFY2(!error, qPrintable(error.detail));
        QSqlQuery insert(db.connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                           "('probe', 'in the WAL', '2026-03-02T15:00:00.000Z')")));
        Database second; // as the draft writer opens its own
        QVERIFY(!second.open(ConnectionSpec::sqlite(path)));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("records"))), 0700);
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-shm")));
        QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
    }
    // A file another tool left readable by all is the user's alone once opened.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    {
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(path)));
        QCOMPARE(modeOf(path), 0600);
        QSqlQuery insert(db.connection());
        QVERIFY(insert.exec(QStringLiteral("UPDATE settings SET value = 'again' WHERE key = 'probe'")));
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
    }
    // A folder that was there already (the user's choice) is left as it is.
    const QString chosen = dir.filePath(QStringLiteral("chosen"));
    QVERIFY(QDir().mkpath(chosen));
    QVERIFY(::chmod(QFile::encodeName(chosen).constData(), 0755) == 0);
    {
        Database db;
        QVERIFY(!db.open(ConnectionSpec::sqlite(chosen + QStringLiteral("/heartdesk.sqlite"))));
        QCOMPARE(modeOf(chosen + QStringLiteral("/heartdesk.sqlite")), 0600);
    }
    QCOMPARE(modeOf(chosen), 0755);
    ::umask(before);
}

HEART_TEST_GUILESS_MAIN(TestStoreSqliteFile)
#include "tst_store_sqlite_file.moc"
