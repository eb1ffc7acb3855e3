#pragma once
// Everything that differs between SQLite and PostgreSQL lives here, and only
// here (KMyMoney's driver-class pattern): the rest of the store writes one SQL.
#include "store/ConnectionSpec.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace heart::store {

class SqlDialect
{
public:
    explicit SqlDialect(Engine engine) : m_engine(engine) {}

    Engine engine() const { return m_engine; }
    QString driverName() const;
    QString connectOptions(bool readOnly) const;
    // The same plus the transport options of `spec` (sslmode, sslrootcert).
    QString connectOptions(bool readOnly, const ConnectionSpec& spec) const;
    // Statements run once on every new connection (pragmas).
    QStringList sessionSetup() const;
    // Schema text uses ${...} placeholders for the few type names that differ;
    // a statement starting "${SQLITE} " or "${POSTGRESQL} " is for that engine
    // only (empty for the other).
    QString expandSchema(QString sql) const;
    // A write transaction that takes its lock up front, so two writers
    // queue instead of failing half-way.
    QString beginWrite() const;
    // Serialises appends to the audit hash chain across workstations.
    QString lockAuditChain() const;
    // Inside a committing transaction: tells the listening workstations that
    // the journal moved (delivered at commit). Two bound values: channel and
    // payload. Empty where there is no such thing (SQLite).
    QString notifyJournal() const;
    // Serialises migrations: two workstations opening a new database at once.
    QString lockMigrations() const;
    // The same lock without waiting: one row, true when it was taken
    // (empty on SQLite). Who holds it: one bound-free query, a row per holder.
    QString tryLockMigrations() const;
    QString migrationLockHolders() const;
    // Case-insensitive pattern match operator.
    QString likeInsensitive() const;
    // A query with one bound value (the table name) that returns a row if the table exists.
    QString tableExists() const;
    // Does this driver error mean the connection is gone?
    bool isConnectionLost(const QString& nativeErrorCode, const QString& text) const;

private:
    Engine m_engine;
};

} // namespace heart::store
