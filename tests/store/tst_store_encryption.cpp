// Records at rest (SQLite only, by design): the bytes of a database and of its
// WAL hold no demo person's name or phone number and no SQLite header, yet read
// back with the key; the key is not in the file's folder; a missing or wrong
// key, and a changed block, are refused ("cannot be decrypted with this
// computer's key") with nothing written; a
// plaintext file of an earlier version is encrypted on open, WAL rows and all;
// a writer SIGKILLed in a loop leaves a file that checks, with every commit it
// reported; a second connection from another thread works; and the VFS itself
// matches a plaintext reference buffer over thousands of unaligned operations.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/DemoScenario.h"
#include "demo/DemoDataWriter.h"
#include "store/DatabaseKeys.h"
#include "store/EncryptedSqlite.h"
#include "store/EncryptedVfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <cstdio>
#include <random>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const QDateTime kOldTime(QDate(2020, 1, 1), QTime(12, 0), QTimeZone::utc());
constexpr auto kWriterVariable = "TST_STORE_ENCRYPTION_WRITER";
const QString kCannotDecrypt = QStringLiteral("cannot be decrypted with this computer's key");

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
    return file.open(QIODevice::ReadWrite) && file.setFileTime(kOldTime, QFileDevice::FileModificationTime);
}

// The database and whatever side files it has at this moment.
QByteArray everyByteOf(const QString& path)
{
    return fileBytes(path) + fileBytes(path + QStringLiteral("-wal")) +
           fileBytes(path + QStringLiteral("-journal"));
}

QStringList folderEntries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

int modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

encrypted::DatabaseId idOf(const QString& path)
{
    encrypted::DatabaseId id{};
    QString error;
    if (encrypted::inspectFile(path, &id, &error) != encrypted::FileKind::Encrypted)
        qFatal("not an encrypted file");
    return id;
}

QString keyFileOf(const QString& path)
{
    return QDir(DatabaseKeys::keyFolder())
        .filePath(QString::fromStdString(encrypted::toHex(idOf(path))) + QStringLiteral(".key"));
}

QString single(Database& db, const QString& sql, const QVariantList& values = {})
{
    const test::RawResult result = TestDatabase::sqlOn(db, sql, values);
    return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toString()
                                               : QStringLiteral("<failed: %1>").arg(result.error);
}

StoreError addPerson(Database& db, const QString& id, const QString& given, const QString& family,
                     const QString& phone)
{
    const test::RawResult result = TestDatabase::sqlOn(
        db,
        QStringLiteral("INSERT INTO people (id, given_name, family_name, phone, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, '2026-03-02T15:00:00.000Z', '2026-03-02T15:00:00.000Z')"),
        {id, given, family, phone});
    return result.ok ? StoreError{} : StoreError::make(StoreErrorCode::QueryFailed, result.error);
}

// The child of writerKilledInALoop: commits rows until it is killed, saying each.
int runWriter(const QString& path)
{
    Database db;
    if (const StoreError error = db.open(ConnectionSpec::sqlite(path))) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(error.detail));
        return 2;
    }
    db.execDirect(QStringLiteral("PRAGMA wal_autocheckpoint=16"), "checkpoint often");
    const QByteArray filler = QByteArray(1500, 'r').toHex(); // rows of several blocks
    for (int i = 0;; ++i) {
        const QString key = QStringLiteral("crash-%1-%2").arg(QCoreApplication::applicationPid()).arg(i);
        QSqlQuery insert = db.prepare(QStringLiteral(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-03-02T15:00:00.000Z')"));
        insert.addBindValue(key);
        insert.addBindValue(QString::fromLatin1(filler));
        if (db.exec(insert, "insert"))
            return 3;
        std::printf("%s\n", qPrintable(key));
        std::fflush(stdout);
    }
}

// One open of a file through the VFS by hand, as SQLite would.
struct VfsFile
{
    explicit VfsFile(sqlite3_vfs* vfs) : memory((std::size_t(vfs->szOsFile) + 15) / 16 + 1) {}
    sqlite3_file* file() { return reinterpret_cast<sqlite3_file*>(memory.data()); }
    std::vector<std::max_align_t> memory;
};

} // namespace

class TestStoreEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawBytesHoldNoRecord();
    void keyIsKeptOutsideTheFolder();
    void missingOrWrongKeyIsRefusedUntouched_data();
    void missingOrWrongKeyIsRefusedUntouched();
    void changedBlockIsRefusedUntouched_data();
    void changedBlockIsRefusedUntouched();
    void plaintextFileIsEncryptedOnOpen();
    void writerKilledInALoop();
    void secondConnectionFromAnotherThread();
    void vfsMatchesAPlaintextReference();
    void tornBlockOfAJournalReadsAsZeros();

private:
    // A closed encrypted database with a few hundred rows, in `dir`.
    QString makeDatabase(const QTemporaryDir& dir);
};

QString TestStoreEncryption::makeDatabase(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("heartdesk.sqlite"));
    Database db;
    if (db.open(ConnectionSpec::sqlite(path)))
        return {};
    for (int i = 0; i < 300; ++i) {
        if (addPerson(db, QStringLiteral("person-%1").arg(i), QStringLiteral("Given%1").arg(i),
                      QStringLiteral("Family%1").arg(i), QStringLiteral("919-555-0100")))
            return {};
    }
    return path;
}

void TestStoreEncryption::rawBytesHoldNoRecord()
{
    TestDatabase fixture;
    const QString problem = fixture.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    DemoOptions options;
    options.seed = 20220627;
    options.end = fixture.clock().now();
    options.days = 3;
    const DemoScenario scenario = makeDemoScenario(options);
    HEARTDESK_VERIFY_OK(
        DemoDataWriter(fixture.db(), fixture.clock()).write(scenario, TestDatabase::workstation()));
    const QString path = fixture.spec().sqlitePath;

    // Names long enough that ciphertext cannot hold one by chance, and phones.
    QStringList secrets;
    for (const DemoPerson& person : scenario.people) {
        for (const std::string& text : {person.givenName, person.familyName, person.phone}) {
            if (text.size() >= 8)
                secrets << QString::fromStdString(text);
        }
    }
    QVERIFY(secrets.size() >= 10);
    const QString sample = QString::fromStdString(scenario.people.front().familyName);
    QVERIFY(
        single(fixture.db(), QStringLiteral("SELECT COUNT(*) FROM people WHERE family_name = ?"), {sample})
            .toInt() > 0);

    for (int round = 0; round < 2; ++round) { // open (rows in the WAL), then closed (checkpointed)
        const QByteArray bytes = everyByteOf(path);
        QVERIFY(bytes.size() > 100 * 1024);
        QVERIFY(!bytes.contains(QByteArray("SQLite format 3")));
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!bytes.contains(secret.toUtf8()),
                     qPrintable(QStringLiteral("found a demo person's data")));
        fixture.closePrimary();
    }
    QCOMPARE(modeOf(path), 0600);

    Database reopened;
    HEARTDESK_VERIFY_OK(reopened.open(ConnectionSpec::sqlite(path)));
    QCOMPARE(single(reopened, QStringLiteral("SELECT COUNT(*) FROM people")).toInt(),
             int(scenario.people.size()));
    QCOMPARE(single(reopened, QStringLiteral("PRAGMA application_id")).toInt(), encrypted::kApplicationId);
    QCOMPARE(single(reopened, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
}

void TestStoreEncryption::keyIsKeptOutsideTheFolder()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir);
    QVERIFY(!path.isEmpty());
    QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});
    const QString keyFile = keyFileOf(path);
    QVERIFY(QFileInfo::exists(keyFile));
    QCOMPARE(modeOf(keyFile), 0600);
    QVERIFY(!QFileInfo(keyFile).canonicalFilePath().startsWith(QDir(dir.path()).canonicalPath()));
    QVERIFY(!fileBytes(path).contains(fileBytes(keyFile)));
}

void TestStoreEncryption::missingOrWrongKeyIsRefusedUntouched_data()
{
    QTest::addColumn<bool>("wrongKey");
    QTest::newRow("no key on this computer") << false;
    QTest::newRow("another key") << true;
}

void TestStoreEncryption::missingOrWrongKeyIsRefusedUntouched()
{
    QFETCH(bool, wrongKey);
    QTemporaryDir dir;
    const QString path = makeDatabase(dir);
    QVERIFY(!path.isEmpty());
    const QString keyFile = keyFileOf(path);
    const QByteArray key = fileBytes(keyFile);
    const QByteArray bytes = fileBytes(path);
    QVERIFY(writeFile(path, bytes)); // an old mtime: any write shows
    QVERIFY(QFile::remove(keyFile));
    if (wrongKey) {
        const encrypted::Key other = encrypted::randomKey();
        QVERIFY(
            writeFile(keyFile, QByteArray(reinterpret_cast<const char*>(other.data()), int(other.size()))));
    }
    encrypted::forgetKey(idOf(path)); // as another run of the program would

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(path));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::NotADatabase));
    QVERIFY2(error.detail.contains(kCannotDecrypt), qPrintable(error.detail));
    QVERIFY(!db.isOpen());
    QVERIFY(!error.detail.contains(QString::fromLatin1(key.toHex())));
    QVERIFY(fileBytes(path) == bytes);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
    QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});

    // With its own key back, the same file opens with its rows.
    QFile::remove(keyFile);
    QVERIFY(writeFile(keyFile, key));
    encrypted::forgetKey(idOf(path));
    HEARTDESK_VERIFY_OK(db.open(ConnectionSpec::sqlite(path)));
    QCOMPARE(single(db, QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), 300);
}

void TestStoreEncryption::changedBlockIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("fails"); // authentication: "cannot be decrypted with this computer's key"
    const bool fails = true;
    QTest::newRow("a ciphertext byte flipped") << QStringLiteral("flip") << fails;
    QTest::newRow("a block's length changed") << QStringLiteral("length") << fails;
    QTest::newRow("two blocks swapped") << QStringLiteral("swap") << fails;
    QTest::newRow("a block from another place") << QStringLiteral("copy") << fails;
    // Cut at a block boundary every block left authenticates: SQLite's own
    // check finds the file shorter than its header says.
    QTest::newRow("cut mid-file") << QStringLiteral("cut") << false;
}

void TestStoreEncryption::changedBlockIsRefusedUntouched()
{
    QFETCH(QString, change);
    QFETCH(bool, fails);
    QTemporaryDir dir;
    const QString path = makeDatabase(dir);
    QVERIFY(!path.isEmpty());
    QByteArray bytes = fileBytes(path);
    const qsizetype header = qsizetype(encrypted::kHeaderSize);
    const qsizetype block = qsizetype(encrypted::kPhysicalBlockSize);
    QVERIFY((bytes.size() - header) % block == 0 && (bytes.size() - header) / block > 6);
    const auto at = [&](int index) {
        return header + index * block;
    };
    if (change == QLatin1String("flip")) {
        bytes[at(3) + 1000] = char(bytes[at(3) + 1000] ^ 0x01);
    } else if (change == QLatin1String("length")) {
        bytes[at(2)] = char(bytes[at(2)] ^ 0x01);
    } else if (change == QLatin1String("swap")) {
        const QByteArray second = bytes.mid(at(2), block);
        bytes.replace(at(2), block, bytes.mid(at(4), block));
        bytes.replace(at(4), block, second);
    } else if (change == QLatin1String("copy")) {
        bytes.replace(at(5), block, bytes.mid(at(1), block));
    } else {
        bytes.truncate(at(4) + block / 2);
    }
    QVERIFY(writeFile(path, bytes));

    Database db;
    const StoreError error = db.open(ConnectionSpec::sqlite(path));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::NotADatabase));
    QCOMPARE(error.detail.contains(kCannotDecrypt), fails);
    QVERIFY(fileBytes(path) == bytes);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOldTime);
    QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("heartdesk.sqlite")});
}

void TestStoreEncryption::plaintextFileIsEncryptedOnOpen()
{
    // A plaintext file as an earlier version left it: rows in the file and
    // committed rows still in its WAL (copied while a connection held it).
    QTemporaryDir dir;
    const QString encryptedPath = makeDatabase(dir);
    QVERIFY(!encryptedPath.isEmpty());
    const QString plain = dir.filePath(QStringLiteral("plain.sqlite"));
    const QString legacy = dir.filePath(QStringLiteral("legacy.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("export"));
        HEARTDESK_VERIFY_OK(encrypted::prepareConnection(raw, encryptedPath));
        QVERIFY2(raw.open(), qPrintable(raw.lastError().text()));
        QSqlQuery query(raw);
        QVERIFY(query.prepare(QStringLiteral("VACUUM INTO ?")));
        query.addBindValue(
            QString(QUrl::fromLocalFile(plain).toString(QUrl::FullyEncoded) + QStringLiteral("?vfs=unix")));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("export"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
        raw.setDatabaseName(plain);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO people (id, given_name, family_name, phone, "
                                          "created_at, updated_at) VALUES ('p-wal', "
                                          "'Ottoline', 'Farthingale', '919-555-0177', "
                                          "'2026-03-02T15:00:00.000Z', '2026-03-02T15:00:00.000Z')")));
        QVERIFY(QFile::copy(plain, legacy));
        QVERIFY(QFile::copy(plain + QStringLiteral("-wal"), legacy + QStringLiteral("-wal")));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
    QVERIFY(fileBytes(legacy).startsWith(QByteArray("SQLite format 3\0", 16)));
    QVERIFY(fileBytes(legacy + QStringLiteral("-wal")).contains("Farthingale"));

    Database db;
    HEARTDESK_VERIFY_OK(db.open(ConnectionSpec::sqlite(legacy)));
    QCOMPARE(single(db, QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), 301);
    QCOMPARE(single(db, QStringLiteral("SELECT family_name FROM people WHERE id = 'p-wal'")),
             QStringLiteral("Farthingale"));
    QCOMPARE(single(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    db.close();
    QVERIFY(!everyByteOf(legacy).contains("Farthingale"));
    QVERIFY(!everyByteOf(legacy).contains("Given1"));
    QVERIFY(!fileBytes(legacy).startsWith(QByteArray("SQLite format 3")));
    QCOMPARE(modeOf(legacy), 0600);
    QVERIFY(!QFileInfo::exists(legacy + QStringLiteral(".encrypting")));
    QVERIFY(!QFileInfo::exists(legacy + QStringLiteral("-wal")));

    // And it stays encrypted: the next open takes it as it is.
    const QByteArray once = fileBytes(legacy);
    HEARTDESK_VERIFY_OK(db.open(ConnectionSpec::sqlite(legacy)));
    QCOMPARE(single(db, QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), 301);
    db.close();
    QCOMPARE(fileBytes(legacy).left(64), once.left(64));
}

void TestStoreEncryption::writerKilledInALoop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    {
        Database db;
        HEARTDESK_VERIFY_OK(db.open(ConnectionSpec::sqlite(path)));
    }
    std::mt19937 random(20261204);
    QStringList committed;
    constexpr int kRounds = 6;
    for (int round = 0; round < kRounds; ++round) {
        QProcess writer;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(kWriterVariable), path);
        writer.setProcessEnvironment(environment);
        writer.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(writer.waitForStarted());
        // Wait for some commits, then kill it somewhere in the next ones.
        QStringList said;
        const int before = 3 + int(random() % 10);
        while (said.size() < before && writer.waitForReadyRead(20000)) {
            while (writer.canReadLine())
                said << QString::fromLatin1(writer.readLine()).trimmed();
        }
        QVERIFY2(said.size() >= before, qPrintable(QString::fromLocal8Bit(writer.readAllStandardError())));
        QTest::qWait(int(random() % 60));
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished());
        said +=
            QString::fromLatin1(writer.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        committed += said;

        Database db;
        HEARTDESK_VERIFY_OK(db.open(ConnectionSpec::sqlite(path)));
        QCOMPARE(single(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        for (const QString& key : std::as_const(committed)) {
            QVERIFY2(single(db, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = ?"), {key}) ==
                         QLatin1String("1"),
                     qPrintable(QStringLiteral("lost the commit %1").arg(key)));
        }
    }
    QVERIFY(committed.size() >= kRounds * 3);
}

void TestStoreEncryption::secondConnectionFromAnotherThread()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir);
    QVERIFY(!path.isEmpty());
    Database first;
    HEARTDESK_VERIFY_OK(first.open(ConnectionSpec::sqlite(path)));
    HEARTDESK_VERIFY_OK(addPerson(first, QStringLiteral("p-first"), QStringLiteral("First"), {}, {}));
    StoreError error;
    QString seen;
    std::thread sync([&] {
        Database second; // the van's background sync opens its own connection
        error = second.open(ConnectionSpec::sqlite(path));
        if (error)
            return;
        seen = single(second, QStringLiteral("SELECT given_name FROM people WHERE id = 'p-first'"));
        error = addPerson(second, QStringLiteral("p-second"), QStringLiteral("Second"), {}, {});
    });
    sync.join();
    HEARTDESK_VERIFY_OK(error);
    QCOMPARE(seen, QStringLiteral("First"));
    QCOMPARE(single(first, QStringLiteral("SELECT given_name FROM people WHERE id = 'p-second'")),
             QStringLiteral("Second"));
}

void TestStoreEncryption::vfsMatchesAPlaintextReference()
{
    QVERIFY(encrypted::registerVfs());
    sqlite3_vfs* vfs = sqlite3_vfs_find(encrypted::kVfsName);
    QVERIFY(vfs);
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("blocks.bin")));
    const encrypted::DatabaseId id = encrypted::randomDatabaseId();
    encrypted::rememberKey(id, encrypted::randomKey());
    const std::string hex = encrypted::toHex(id);
    const char* parameters[] = {"hdid", hex.c_str()};
    sqlite3_filename name =
        sqlite3_create_filename(path.constData(), QByteArray(path + "-journal").constData(),
                                QByteArray(path + "-wal").constData(), 1, parameters);
    const auto B = qint64(encrypted::kBlockSize);

    std::mt19937_64 random(20261204);
    const auto below = [&random](qint64 n) {
        return qint64(random() % quint64(n));
    };
    std::vector<unsigned char> reference;
    auto holder = std::make_unique<VfsFile>(vfs);
    int out = 0;
    const int flags = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    QCOMPARE(vfs->xOpen(vfs, name, holder->file(), flags, &out), SQLITE_OK);
    sqlite3_file* file = holder->file();
    for (int step = 0; step < 4000; ++step) {
        const qint64 size = qint64(reference.size());
        const int kind = int(below(100));
        const QString where = QStringLiteral("step %1 (size %2)").arg(step).arg(size);
        if (kind < 45) {
            const qint64 offset = below(size + 2 * B + 1);
            const qint64 length = 1 + below(3 * B);
            std::vector<unsigned char> data(static_cast<std::size_t>(length));
            for (auto& byte : data)
                byte = static_cast<unsigned char>(random());
            QVERIFY2(file->pMethods->xWrite(file, data.data(), int(length), offset) == SQLITE_OK,
                     qPrintable(where));
            if (offset + length > size)
                reference.resize(std::size_t(offset + length), 0);
            std::copy(data.begin(), data.end(), reference.begin() + offset);
        } else if (kind < 80) {
            const qint64 offset = below(size + B + 1);
            const qint64 length = 1 + below(3 * B);
            std::vector<unsigned char> data(std::size_t(length), 0xee);
            const int rc = file->pMethods->xRead(file, data.data(), int(length), offset);
            QVERIFY2(rc == (offset + length > size ? SQLITE_IOERR_SHORT_READ : SQLITE_OK), qPrintable(where));
            for (qint64 i = 0; i < length; ++i) {
                const unsigned char expected = offset + i < size ? reference[std::size_t(offset + i)] : 0;
                QVERIFY2(data[std::size_t(i)] == expected,
                         qPrintable(where + QStringLiteral(" byte %1").arg(i)));
            }
        } else if (kind < 90) {
            const qint64 to = below(10) == 0 ? size + below(2 * B) : below(size + 1);
            QVERIFY2(file->pMethods->xTruncate(file, to) == SQLITE_OK, qPrintable(where));
            reference.resize(std::size_t(to), 0);
        } else if (kind < 96) {
            sqlite3_int64 logical = -1;
            QVERIFY(file->pMethods->xFileSize(file, &logical) == SQLITE_OK);
            QCOMPARE(qint64(logical), size);
            const qint64 physical = QFileInfo(QFile::decodeName(path)).size();
            const qint64 blocks = (size + B - 1) / B;
            if (size > 0)
                QCOMPARE(physical,
                         qint64(encrypted::kHeaderSize) + blocks * qint64(encrypted::kPhysicalBlockSize));
        } else {
            QCOMPARE(file->pMethods->xClose(file), SQLITE_OK);
            holder = std::make_unique<VfsFile>(vfs);
            file = holder->file();
            QCOMPARE(vfs->xOpen(vfs, name, file, flags, &out), SQLITE_OK);
        }
    }
    QCOMPARE(file->pMethods->xClose(file), SQLITE_OK);
    sqlite3_free_filename(name);
}

void TestStoreEncryption::tornBlockOfAJournalReadsAsZeros()
{
    // The main file refuses a block that fails authentication; a journal or
    // WAL reads it as zeros, the garbage of a torn write that SQLite's own
    // checksums then reject (a WAL replay stops there instead of failing).
    QVERIFY(encrypted::registerVfs());
    sqlite3_vfs* vfs = sqlite3_vfs_find(encrypted::kVfsName);
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("torn.db")));
    const encrypted::DatabaseId id = encrypted::randomDatabaseId();
    encrypted::rememberKey(id, encrypted::randomKey());
    const std::string hex = encrypted::toHex(id);
    const char* parameters[] = {"hdid", hex.c_str()};
    sqlite3_filename name =
        sqlite3_create_filename(path.constData(), QByteArray(path + "-journal").constData(),
                                QByteArray(path + "-wal").constData(), 1, parameters);
    const auto B = int(encrypted::kBlockSize);
    const QByteArray content = QByteArray(B, 'a') + QByteArray(B, 'b');
    for (const int flags : {SQLITE_OPEN_MAIN_DB, SQLITE_OPEN_WAL}) {
        const char* fileName = flags == SQLITE_OPEN_WAL ? sqlite3_filename_wal(name) : name;
        VfsFile holder(vfs);
        sqlite3_file* file = holder.file();
        int out = 0;
        QCOMPARE(vfs->xOpen(vfs, fileName, file, flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &out),
                 SQLITE_OK);
        QCOMPARE(file->pMethods->xWrite(file, content.constData(), int(content.size()), 0), SQLITE_OK);
        QCOMPARE(file->pMethods->xClose(file), SQLITE_OK);
        const QString onDisk = QFile::decodeName(flags == SQLITE_OPEN_WAL ? QByteArray(path + "-wal") : path);
        QByteArray bytes = fileBytes(onDisk);
        bytes[int(encrypted::kHeaderSize) + 100] = char(bytes[int(encrypted::kHeaderSize) + 100] ^ 0x40);
        QVERIFY(writeFile(onDisk, bytes));

        QCOMPARE(vfs->xOpen(vfs, fileName, file, flags | SQLITE_OPEN_READWRITE, &out), SQLITE_OK);
        QByteArray read(2 * B, 'x');
        const int rc = file->pMethods->xRead(file, read.data(), 2 * B, 0);
        if (flags == SQLITE_OPEN_MAIN_DB) {
            QCOMPARE(rc, SQLITE_IOERR_AUTH);
        } else {
            QCOMPARE(rc, SQLITE_OK);
            QVERIFY(read.left(B) == QByteArray(B, '\0'));
            QVERIFY(read.mid(B) == QByteArray(B, 'b'));
        }
        QCOMPARE(file->pMethods->xClose(file), SQLITE_OK);
    }
    sqlite3_free_filename(name);
}

HEART_TEST_MAIN_WRAPPER(
    TestStoreEncryption,
    QTEST_QAPP_SETUP(QCoreApplication) if (qEnvironmentVariableIsSet(kWriterVariable)) return runWriter(
        qEnvironmentVariable(kWriterVariable));)
#include "tst_store_encryption.moc"
