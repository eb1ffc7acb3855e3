#include "store/DatabaseKeys.h"

#include "store/StoreLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>
#include <cstring>
#include <qt6keychain/keychain.h>
#include <unistd.h>

namespace heart::store {
namespace {

const QString kKeyringService = QStringLiteral("HEART Desk");
constexpr int kKeyringTimeoutMs = 30000; // an unlock prompt may be on screen

bool keyringSkipped()
{
    return qEnvironmentVariableIsSet("HEARTDESK_KEY_DIR") || !QCoreApplication::instance();
}

QString idName(const encrypted::DatabaseId& id)
{
    return QString::fromStdString(encrypted::toHex(id));
}

// Runs a keyring job to its end (QtKeychain is asynchronous). False when the
// keyring did not answer in time.
bool runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished] { finished = true; });
    job.start();
    timeout.start(kKeyringTimeoutMs);
    if (!finished)
        loop.exec();
    return finished;
}

std::optional<encrypted::Key> keyFromBytes(const QByteArray& bytes)
{
    encrypted::Key key{};
    if (bytes.size() != static_cast<qsizetype>(key.size()))
        return std::nullopt;
    std::memcpy(key.data(), bytes.constData(), key.size());
    return key;
}

QString keyFilePath(const encrypted::DatabaseId& id)
{
    return QDir(DatabaseKeys::keyFolder()).filePath(idName(id) + QStringLiteral(".key"));
}

std::optional<encrypted::Key> readKeyFile(const encrypted::DatabaseId& id)
{
    QFile file(keyFilePath(id));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return keyFromBytes(file.read(64));
}

StoreError writeKeyFile(const encrypted::DatabaseId& id, const encrypted::Key& key)
{
    const QString folder = DatabaseKeys::keyFolder();
    if (!QDir().mkpath(folder) ||
        !QFile::setPermissions(folder,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("cannot create the key folder %1").arg(folder));
    }
    QFile file(keyFilePath(id));
    // Owner-only before the key is in it, whatever the umask.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(reinterpret_cast<const char*>(key.data()), static_cast<qint64>(key.size())) !=
            static_cast<qint64>(key.size()) ||
        !file.flush() || ::fsync(file.handle()) != 0) {
        const QString why = file.errorString();
        file.remove();
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("cannot write a key file in %1: %2").arg(folder, why));
    }
    return {};
}

} // namespace

QString DatabaseKeys::keyFolder()
{
    const QString chosen = qEnvironmentVariable("HEARTDESK_KEY_DIR");
    if (!chosen.isEmpty())
        return chosen;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("keys"));
}

std::optional<encrypted::Key> DatabaseKeys::find(const encrypted::DatabaseId& id)
{
    if (!keyringSkipped()) {
        QKeychain::ReadPasswordJob job(kKeyringService);
        job.setKey(idName(id));
        if (runJob(job) && job.error() == QKeychain::NoError) {
            if (auto key = keyFromBytes(job.binaryData()))
                return key;
        }
    }
    // A key kept while no keyring answered, or by HEARTDESK_KEY_DIR.
    return readKeyFile(id);
}

StoreError DatabaseKeys::keep(const encrypted::DatabaseId& id, const encrypted::Key& key)
{
    if (!keyringSkipped()) {
        QKeychain::WritePasswordJob job(kKeyringService);
        job.setKey(idName(id));
        job.setBinaryData(
            QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size())));
        if (runJob(job) && job.error() == QKeychain::NoError)
            return {};
        qCInfo(lcStore) << "no OS keyring answered (" << job.errorString()
                        << "): the database key is kept in a key file, readable by this user only, in"
                        << keyFolder();
    }
    return writeKeyFile(id, key);
}

void DatabaseKeys::forget(const encrypted::DatabaseId& id)
{
    encrypted::forgetKey(id);
    if (!keyringSkipped()) {
        QKeychain::DeletePasswordJob job(kKeyringService);
        job.setKey(idName(id));
        runJob(job);
    }
    QFile::remove(keyFilePath(id));
}

} // namespace heart::store
