#include "store/ConnectionSpec.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace heart::store {
namespace {

const QString kSslMode = QStringLiteral("sslmode");
const QString kSslRootCert = QStringLiteral("sslrootcert");

bool isKnownSslMode(const QString& mode)
{
    return mode == QLatin1String("disable") || mode == QLatin1String("require") ||
           mode == QLatin1String("verify-ca") || mode == QLatin1String("verify-full");
}

// A value in libpq's conninfo syntax: single quotes, with \ and ' escaped.
QString conninfoQuoted(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// The CA file libpq reads when the URL names none.
QString defaultRootCertPath()
{
    const QString fromEnvironment = qEnvironmentVariable("PGSSLROOTCERT");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir::home().filePath(QStringLiteral(".postgresql/root.crt"));
}

StoreError refusePlaintext(const ConnectionSpec& spec)
{
    if (spec.engine != Engine::Postgres || spec.isLoopback() ||
        spec.effectiveSslMode() != QLatin1String("disable"))
        return {};
    return StoreError::make(
        StoreErrorCode::PlaintextRefused,
        QStringLiteral("sslmode=disable to %1, which is not this computer: the records would "
                       "cross the network in plaintext. Use sslmode=verify-full with "
                       "sslrootcert=<the server's CA certificate>")
            .arg(spec.host),
        kSslMode);
}

} // namespace

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

    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == kSslMode) {
            if (!isKnownSslMode(value)) {
                return StoreError::make(
                    StoreErrorCode::InvalidLocation,
                    QStringLiteral("unknown sslmode '%1' (use disable, require, verify-ca or "
                                   "verify-full)")
                        .arg(value),
                    kSslMode);
            }
            spec.sslMode = value;
        } else if (key == kSslRootCert) {
            // QPSQL turns every ';' of its options into a blank.
            if (value.isEmpty() || value.contains(QLatin1Char(';'))) {
                return StoreError::make(StoreErrorCode::InvalidLocation,
                                        QStringLiteral("sslrootcert needs a file path without ';'"),
                                        kSslRootCert);
            }
            spec.sslRootCert = QDir::cleanPath(QDir::current().absoluteFilePath(value));
        } else {
            return StoreError::make(
                StoreErrorCode::InvalidLocation,
                QStringLiteral("unknown parameter '%1' in the URL (known: sslmode, sslrootcert)").arg(key),
                key);
        }
    }
    if (StoreError refused = refusePlaintext(spec))
        return refused;
    return spec;
}

bool ConnectionSpec::isLoopback() const
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    if (host == QLatin1String("::1") || host == QLatin1String("0:0:0:0:0:0:0:1"))
        return true;
    // 127.0.0.0/8, written as four numbers.
    static const QRegularExpression ipv4Loopback(
        QStringLiteral("^127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}$"));
    return ipv4Loopback.match(host).hasMatch();
}

QString ConnectionSpec::effectiveSslMode() const
{
    if (!sslMode.isEmpty())
        return sslMode;
    return isLoopback() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
}

StoreError ConnectionSpec::checkBeforeConnecting() const
{
    if (engine != Engine::Postgres)
        return {};
    if (StoreError refused = refusePlaintext(*this))
        return refused;
    const QString mode = effectiveSslMode();
    if (mode != QLatin1String("verify-ca") && mode != QLatin1String("verify-full"))
        return {};
    const QString file = sslRootCert.isEmpty() ? defaultRootCertPath() : sslRootCert;
    if (!QFileInfo(file).isFile()) {
        return StoreError::make(
            StoreErrorCode::InvalidLocation,
            QStringLiteral("the CA certificate file %1 does not exist; sslmode=%2 checks the "
                           "server's certificate against it (give the file with "
                           "sslrootcert=PATH in the location)")
                .arg(QDir::toNativeSeparators(file), mode),
            kSslRootCert);
    }
    return {};
}

QString ConnectionSpec::tlsConnectOptions() const
{
    if (engine != Engine::Postgres)
        return {};
    QString options = QStringLiteral("sslmode=") + effectiveSslMode();
    if (!sslRootCert.isEmpty())
        options += QStringLiteral(";sslrootcert=") + conninfoQuoted(sslRootCert);
    return options;
}

QString ConnectionSpec::describe() const
{
    if (engine == Engine::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    const QString where = QStringLiteral("%1@%2:%3/%4").arg(user, host, QString::number(port), database);
    return sslMode.isEmpty() ? where : QStringLiteral("%1 (sslmode=%2)").arg(where, sslMode);
}

QString defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("heartdesk.sqlite"));
}

} // namespace heart::store
