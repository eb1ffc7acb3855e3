#include "store/SqlDialect.h"

namespace heart::store {

QString SqlDialect::driverName() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString SqlDialect::connectOptions(bool readOnly) const
{
    if (m_engine == Engine::Sqlite) {
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        return options;
    }
    // Keepalives: a link that goes silent (a van's cellular link in a building) is
    // noticed in seconds, not after the kernel's two hours.
    return QStringLiteral("connect_timeout=5;application_name=heartdesk;keepalives=1;keepalives_idle=5;"
                          "keepalives_interval=2;keepalives_count=3");
}

QString SqlDialect::connectOptions(bool readOnly, const ConnectionSpec& spec) const
{
    const QString tls = m_engine == Engine::Postgres ? spec.tlsConnectOptions() : QString();
    return tls.isEmpty() ? connectOptions(readOnly) : connectOptions(readOnly) + QLatin1Char(';') + tls;
}

QStringList SqlDialect::sessionSetup() const
{
    if (m_engine == Engine::Sqlite) {
        return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA foreign_keys=ON"),
                // FULL: a WAL commit is padded to a whole encrypted block
                // (docs/architecture.md, "Records at rest").
                QStringLiteral("PRAGMA synchronous=FULL")};
    }
    return {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET client_min_messages TO WARNING")};
}

QString SqlDialect::expandSchema(QString sql) const
{
    const bool lite = m_engine == Engine::Sqlite;
    // A statement for one engine only (triggers): empty for the other.
    for (const auto& [tag, engine] : {std::pair{QLatin1String("${SQLITE} "), Engine::Sqlite},
                                      std::pair{QLatin1String("${POSTGRESQL} "), Engine::Postgres}}) {
        if (sql.startsWith(tag)) {
            if (engine != m_engine)
                return {};
            sql.remove(0, tag.size());
        }
    }
    sql.replace(QLatin1String("${BLOB}"), lite ? QLatin1String("BLOB") : QLatin1String("BYTEA"));
    sql.replace(QLatin1String("${BIGINT}"), lite ? QLatin1String("INTEGER") : QLatin1String("BIGINT"));
    sql.replace(QLatin1String("${REAL}"), lite ? QLatin1String("REAL") : QLatin1String("DOUBLE PRECISION"));
    return sql;
}

QString SqlDialect::beginWrite() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                      // Each statement sees what committed before it: the journal's
                                      // numbering under its lock relies on it (docs/architecture.md).
                                      : QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED");
}

QString SqlDialect::lockAuditChain() const
{
    // SQLite: BEGIN IMMEDIATE already holds the only write lock.
    return m_engine == Engine::Sqlite ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(7410911)");
}

QString SqlDialect::notifyJournal() const
{
    return m_engine == Engine::Sqlite ? QString() : QStringLiteral("SELECT pg_notify(?, ?)");
}

QString SqlDialect::lockMigrations() const
{
    // SQLite: BEGIN IMMEDIATE already holds the only write lock. PostgreSQL's
    // BEGIN locks nothing, and two CREATE TABLEs of one name collide instead of waiting.
    return m_engine == Engine::Sqlite ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(7410912)");
}

QString SqlDialect::tryLockMigrations() const
{
    return m_engine == Engine::Sqlite ? QString()
                                      : QStringLiteral("SELECT pg_try_advisory_xact_lock(7410912)");
}

QString SqlDialect::migrationLockHolders() const
{
    if (m_engine == Engine::Sqlite)
        return {};
    // A bigint advisory key shows in pg_locks as classid (high half),
    // objid (low half) and objsubid 1. Only what names a connection: no query text.
    return QStringLiteral(
        "SELECT a.pid, COALESCE(a.application_name, ''), COALESCE(host(a.client_addr), ''), "
        "COALESCE(a.usename, ''), "
        "CAST(FLOOR(EXTRACT(EPOCH FROM COALESCE(a.xact_start, a.backend_start))) AS BIGINT), "
        "COALESCE(a.state, '') "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid = 0 AND l.objid = 7410912 AND l.objsubid = 1 ORDER BY a.pid");
}

QString SqlDialect::likeInsensitive() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
}

QString SqlDialect::tableExists() const
{
    if (m_engine == Engine::Sqlite)
        return QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    return QStringLiteral("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                          "AND table_name = ?");
}

bool SqlDialect::isConnectionLost(const QString& nativeErrorCode, const QString& text) const
{
    if (m_engine == Engine::Sqlite)
        return false;
    // SQLSTATE class 08 is "connection exception"; libpq reports a dropped
    // socket without a SQLSTATE, only in words.
    return nativeErrorCode.startsWith(QLatin1String("08")) || nativeErrorCode == QLatin1String("57P01") ||
           text.contains(QLatin1String("server closed the connection")) ||
           text.contains(QLatin1String("no connection to the server")) ||
           text.contains(QLatin1String("terminating connection"));
}

} // namespace heart::store
