// SQLite files (SQLite only, by design): a damaged file is refused with
// NotADatabase and left byte for byte as it was, same mtime, no -wal/-shm
// side files; an unreadable location gives FileUnreadable (also as root);
// after open, WAL and foreign keys are on; unusual paths and a WAL left by a
// crash open normally.
#include "common/StrictTestMain.h"
#include "store/Database.h"
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

HEART_TEST_GUILESS_MAIN(TestStoreSqliteFile)
#include "tst_store_sqlite_file.moc"
