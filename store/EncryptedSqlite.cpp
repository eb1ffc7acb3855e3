#include "store/EncryptedSqlite.h"

#include "store/DatabaseKeys.h"
#include "store/StoreLog.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace heart::store::encrypted {
namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("heartdesk-encrypt-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool syncPath(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

StoreError unreadable(const QString& what)
{
    return StoreError::make(StoreErrorCode::FileUnreadable, what);
}

// One value of a statement on `db`, or an empty string.
QString single(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        *error = query.lastError().text();
        return {};
    }
    return query.value(0).toString();
}

// Opens the encrypted copy as the program will and reads it whole.
StoreError verifyCopy(const QString& path, const DatabaseId& id, const QString& expectedTables)
{
    const QString name = nextConnectionName();
    StoreError result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setConnectOptions(connectOptions(QStringLiteral("QSQLITE_OPEN_READONLY")));
        db.setDatabaseName(connectionUri(path, id, true));
        QString error;
        if (!db.open()) {
            result =
                unreadable(QStringLiteral("the encrypted copy does not open: %1").arg(db.lastError().text()));
        } else if (const QString verdict = single(db, QStringLiteral("PRAGMA integrity_check(1)"), &error);
                   verdict != QLatin1String("ok")) {
            result =
                unreadable(QStringLiteral("the encrypted copy does not check: %1 %2").arg(verdict, error));
        } else if (single(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), &error) !=
                   expectedTables) {
            result = unreadable(QStringLiteral("the encrypted copy lacks part of the schema"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

FileKind inspectFile(const QString& path, DatabaseId* id, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return FileKind::Foreign;
    }
    const QByteArray head = file.read(static_cast<qint64>(kHeaderSize));
    return classify(reinterpret_cast<const unsigned char*>(head.constData()),
                    static_cast<std::size_t>(head.size()), id);
}

StoreError createFile(const QString& path, DatabaseId* id)
{
    if (!registerVfs())
        return unreadable(QStringLiteral("the encrypting SQLite VFS cannot be registered"));
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return unreadable(QString::fromLocal8Bit(std::strerror(errno)));
    // One creator at a time: two connections may open a new file at once.
    ::flock(fd, LOCK_EX);
    StoreError result;
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        result = unreadable(QString::fromLocal8Bit(std::strerror(errno)));
    } else if (info.st_size > 0) {
        QString error;
        if (inspectFile(path, id, &error) != FileKind::Encrypted)
            result = StoreError::make(StoreErrorCode::NotADatabase,
                                      QStringLiteral("another program wrote the new file first"));
        else
            result = unlock(*id);
    } else {
        *id = randomDatabaseId();
        Key key = randomKey();
        // The key is kept before the header that names it is written.
        result = DatabaseKeys::keep(*id, key);
        if (!result) {
            rememberKey(*id, key);
            const std::string header = newFileHeader(*id);
            if (::fchmod(fd, 0600) != 0 ||
                ::pwrite(fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()) ||
                ::fsync(fd) != 0) {
                result = unreadable(QString::fromLocal8Bit(std::strerror(errno)));
            }
        }
        std::fill(key.begin(), key.end(), 0);
    }
    ::flock(fd, LOCK_UN);
    ::close(fd);
    return result;
}

StoreError unlock(const DatabaseId& id)
{
    if (!registerVfs())
        return unreadable(QStringLiteral("the encrypting SQLite VFS cannot be registered"));
    if (knowsKey(id))
        return {};
    std::optional<Key> key = DatabaseKeys::find(id);
    if (!key) {
        return StoreError::make(
            StoreErrorCode::NotADatabase,
            QStringLiteral("cannot be decrypted with this computer's key: this computer has "
                           "no key for database %1")
                .arg(QString::fromStdString(toHex(id))));
    }
    rememberKey(id, *key);
    std::fill(key->begin(), key->end(), 0);
    return {};
}

QString connectionUri(const QString& path, const DatabaseId& id, bool readOnly)
{
    QUrl uri = QUrl::fromLocalFile(path);
    QString query =
        QStringLiteral("vfs=%1&hdid=%2").arg(QLatin1String(kVfsName), QString::fromStdString(toHex(id)));
    if (readOnly) {
        // A look at a file that may be refused leaves no side files: immutable
        // reads it alone; a WAL left by a crash needs the normal read-only open.
        query += QFileInfo::exists(path + QLatin1String("-wal")) ? QStringLiteral("&mode=ro")
                                                                 : QStringLiteral("&immutable=1");
    }
    uri.setQuery(query);
    return uri.toString(QUrl::FullyEncoded);
}

QString connectOptions(const QString& baseOptions)
{
    return baseOptions.isEmpty() ? QStringLiteral("QSQLITE_OPEN_URI")
                                 : baseOptions + QStringLiteral(";QSQLITE_OPEN_URI");
}

StoreError encryptPlaintextFile(const QString& path, DatabaseId* id)
{
    const QString target = path + QStringLiteral(".encrypting");
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(target + QLatin1String(suffix)); // left by a conversion cut short
    const QString name = nextConnectionName();
    StoreError result;
    QString tables;
    {
        QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        plain.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
        plain.setDatabaseName(path);
        QString error;
        if (!plain.open()) {
            result = unreadable(plain.lastError().text());
        } else if (single(plain, QStringLiteral("PRAGMA journal_mode=DELETE"), &error) !=
                   QLatin1String("delete")) {
            // Folds the WAL into the file, so the copy below and the file agree.
            result = unreadable(QStringLiteral("cannot fold the WAL into the file: %1").arg(error));
        } else if (tables = single(plain, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), &error);
                   tables.isEmpty()) {
            result = unreadable(error);
        } else if (!(result = createFile(target, id))) {
            QSqlQuery copy(plain);
            if (!copy.prepare(QStringLiteral("VACUUM INTO ?"))) {
                result = unreadable(copy.lastError().text());
            } else {
                copy.addBindValue(connectionUri(target, *id, false));
                if (!copy.exec())
                    result =
                        unreadable(QStringLiteral("encrypting the file: %1").arg(copy.lastError().text()));
            }
        }
        plain.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!result)
        result = verifyCopy(target, *id, tables);
    if (!result && (!syncPath(target) || std::rename(QFile::encodeName(target).constData(),
                                                     QFile::encodeName(path).constData()) != 0)) {
        result = unreadable(QStringLiteral("cannot replace the plaintext file: %1")
                                .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (result) {
        QFile::remove(target);
        return result;
    }
    syncPath(QFileInfo(path).absolutePath());
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    qCInfo(lcStore) << "encrypted a plaintext database file of an earlier HEART Desk version in place";
    return {};
}

void removeDatabase(const QString& path)
{
    DatabaseId id{};
    QString error;
    if (inspectFile(path, &id, &error) == FileKind::Encrypted)
        DatabaseKeys::forget(id);
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

StoreError prepareConnection(QSqlDatabase& db, const QString& path)
{
    DatabaseId id{};
    QString error;
    switch (inspectFile(path, &id, &error)) {
    case FileKind::Encrypted:
        if (StoreError locked = unlock(id))
            return locked;
        db.setConnectOptions(connectOptions(db.connectOptions()));
        db.setDatabaseName(connectionUri(path, id, false));
        return {};
    case FileKind::Plaintext:
        db.setDatabaseName(path);
        return {};
    case FileKind::Empty:
    case FileKind::Foreign:
        break;
    }
    return StoreError::make(StoreErrorCode::NotADatabase,
                            error.isEmpty() ? QStringLiteral("not a HEART Desk database") : error);
}

} // namespace heart::store::encrypted
