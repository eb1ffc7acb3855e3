#pragma once
// One open database: an SQLite file or a PostgreSQL server, migrated to the
// current schema. A file that is not a healthy SQLite database, or a schema
// newer than this program, is refused before anything is written to it.
#include "store/ChangeJournal.h"
#include "store/ConnectionSpec.h"
#include "store/SqlDialect.h"
#include "store/StoreError.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <chrono>
#include <list>
#include <memory>
#include <utility>

namespace heart::store {

// A statement of Database::execKept(), run: read it like a QSqlQuery. When
// it goes, the statement is finished (its read ends) and stays prepared.
class KeptQuery
{
public:
    explicit KeptQuery(std::shared_ptr<QSqlQuery> query) : m_query(std::move(query)) {}
    KeptQuery(KeptQuery&& other) noexcept = default;
    KeptQuery& operator=(KeptQuery&&) = delete;
    KeptQuery(const KeptQuery&) = delete;
    KeptQuery& operator=(const KeptQuery&) = delete;
    ~KeptQuery()
    {
        if (m_query)
            m_query->finish();
    }
    QSqlQuery& operator*() const { return *m_query; }
    QSqlQuery* operator->() const { return m_query.get(); }

private:
    // Shared with the Database: a statement dropped meanwhile (the
    // connection closed) stays valid until this goes.
    std::shared_ptr<QSqlQuery> m_query;
};

class Database : public QObject
{
    Q_OBJECT

public:
    explicit Database(QObject* parent = nullptr);
    ~Database() override;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens and migrates. The password (PostgreSQL only) is used for this
    // connection and never logged.
    StoreError open(const ConnectionSpec& spec, const QString& password = {});
    void close();

    // PostgreSQL: how long open() waits for another connection's migration
    // lock before it gives up and says who holds it (Migrations).
    void setMigrationLockTimeout(std::chrono::milliseconds timeout) { m_migrationLockTimeout = timeout; }
    std::chrono::milliseconds migrationLockTimeout() const { return m_migrationLockTimeout; }

    bool isOpen() const { return m_db.isOpen(); }
    const ConnectionSpec& spec() const { return m_spec; }
    const SqlDialect& dialect() const { return m_dialect; }
    QSqlDatabase& connection() { return m_db; }
    int schemaVersion();

    QSqlQuery prepare(const QString& sql);
    // Runs a prepared query; maps a failure to a StoreError and notices a
    // lost connection. `what` names the operation for the log.
    StoreError exec(QSqlQuery& query, const char* what);
    StoreError execDirect(const QString& sql, const char* what);
    // Runs `sql` with `values` bound in order as a statement kept prepared
    // on this connection: the next call with the same text binds and runs
    // it again, with no new statement (on PostgreSQL no PREPARE and
    // DEALLOCATE round trips, and after five runs the server may keep one
    // generic plan instead of planning each run). For the few statements
    // run again and again (the follow-up queue's page and count); the
    // hottest kKeptStatements are kept. The query returned is reused by the
    // next call with the same text: read it before that call. It is finished
    // when the KeptQuery goes (SQLite would otherwise keep the read
    // transaction of a statement read only in part open, and with it an old
    // snapshot). A failure drops the statement, so the next call prepares it
    // anew.
    StoreResult<KeptQuery> execKept(const QString& sql, const QVariantList& values, const char* what);
    static constexpr int kKeptStatements = 24;
    int keptStatementCount() const { return int(m_kept.size()); }

    // Tests only: the next exec() or execDirect() named `what` fails as a
    // server error would, so a test can break a use case between two writes.
    void injectFault(const QString& what) { m_faultAt = what; }

    // The transaction nesting SqlTransaction keeps: an inner one joins the
    // open one, and its failure dooms the whole (see SqlTransaction).
    int transactionDepth() const { return m_txDepth; }

    // A cheap round trip that tells whether the server is still there.
    bool ping();
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void connectionStateChanged(bool connected);
    // After a commit that changed records: their journal rows, in sequence
    // order. Emitted once per committed unit of work, never for a rollback.
    void changesCommitted(const QList<heart::store::JournalEntry>& entries);

private:
    friend class SqlTransaction;
    friend class UnitOfWork;
    StoreError injectedFault(const char* what);
    StoreError connectionGone(const char* what);
    StoreError failed(const QSqlError& error, const char* what);
    StoreError probeSqliteFile(const QString& path);
    StoreError openConnection(const QString& password, bool readOnly);
    void setConnected(bool connected);
    void dropKeptStatements();

    ConnectionSpec m_spec;
    SqlDialect m_dialect{Engine::Sqlite};
    QSqlDatabase m_db;
    QString m_connectionName;
    bool m_connected = false;
    int m_txDepth = 0;
    bool m_txDoomed = false;
    class UnitOfWork* m_openWork = nullptr;
    QString m_faultAt;
    // execKept()'s statements, the most recently used first.
    std::list<std::pair<QString, std::shared_ptr<QSqlQuery>>> m_kept;
    std::chrono::milliseconds m_migrationLockTimeout{std::chrono::seconds(60)};
};

} // namespace heart::store
