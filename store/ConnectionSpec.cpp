#include "store/ConnectionSpec.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace heart::store {

ConnectionSpec ConnectionSpec::sqlite(const QString& path)
{
    ConnectionSpec spec;
    spec.engine = Engine::Sqlite;
    spec.sqlitePath = path;
    return spec;
}

StoreResult<ConnectionSpec> ConnectionSpec::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidLocation, QStringLiteral("empty database location"));
    if (!trimmed.startsWith(QLatin1String("postgresql://")) &&
        !trimmed.startsWith(QLatin1String("postgres://"))) {
        QString path = trimmed;
        if (path.startsWith(QLatin1String("sqlite://")))
            path = path.mid(9);
        return sqlite(QDir::cleanPath(QDir::current().absoluteFilePath(path)));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return StoreError::make(StoreErrorCode::InvalidLocation,
                                QStringLiteral("not a valid PostgreSQL URL"));
    if (!url.password().isEmpty()) {
        return StoreError::make(StoreErrorCode::PasswordInLocation,
                                QStringLiteral("the URL contains a password; put it in HEARTDESK_DB_PASSWORD "
                                               "or type it when asked"));
    }
    ConnectionSpec spec;
    spec.engine = Engine::Postgres;
    spec.host = url.host();
    spec.port = url.port(5432);
    spec.user = url.userName();
    spec.database = url.path().mid(1);
    if (spec.host.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidLocation, QStringLiteral("the URL names no host"),
                                QStringLiteral("host"));
    if (spec.user.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidLocation, QStringLiteral("the URL names no user"),
                                QStringLiteral("user"));
    if (spec.database.isEmpty() || spec.database.contains(QLatin1Char('/')))
        return StoreError::make(StoreErrorCode::InvalidLocation, QStringLiteral("the URL names no database"),
                                QStringLiteral("database"));
    return spec;
}

QString ConnectionSpec::describe() const
{
    if (engine == Engine::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    return QStringLiteral("%1@%2:%3/%4").arg(user, host, QString::number(port), database);
}

QString defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("heartdesk.sqlite"));
}

} // namespace heart::store
