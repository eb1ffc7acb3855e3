#include "store/Database.h"

#include "store/AuditCheckpoints.h"
#include "store/EncryptedSqlite.h"
#include "store/FollowUpNameWords.h"
#include "store/Migrations.h"
#include "store/PrivateFiles.h"
#include "store/StoreLog.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <algorithm>

namespace heart::store {
namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("heartdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Runs one session statement. Turning a new SQLite file to WAL needs it to
// itself for a moment, and SQLite answers "busy" at once rather than wait
// (waiting could deadlock): another program opening the same new file at the
// same instant retries for a while instead of failing.
StoreError runSessionSetup(QSqlDatabase& db, const QString& statement)
{
    constexpr int kAttempts = 100;
    for (int attempt = 1;; ++attempt) {
        QSqlQuery query(db);
        if (query.exec(statement))
            return {};
        const QSqlError error = query.lastError();
        const bool busy =
            db.driverName() == QLatin1String("QSQLITE") &&
            (error.nativeErrorCode() == QLatin1String("5") || error.nativeErrorCode() == QLatin1String("6"));
        if (!busy || attempt == kAttempts) {
            qCWarning(lcStore) << "session setup failed:" << error.nativeErrorCode() << error.text();
            return StoreError::make(StoreErrorCode::QueryFailed,
                                    QStringLiteral("session setup: %1").arg(error.text()));
        }
        query.finish();
        QThread::msleep(10 + QRandomGenerator::global()->bounded(20));
    }
}

// The program's mark on its files (PRAGMA application_id), for `file` and other tools.
StoreError markSqliteFile(Database& db)
{
    QSqlQuery query(db.connection());
    if (query.exec(QStringLiteral("PRAGMA application_id")) && query.next() &&
        query.value(0).toInt() == encrypted::kApplicationId)
        return {};
    query.finish();
    return db.execDirect(QStringLiteral("PRAGMA application_id = %1").arg(encrypted::kApplicationId),
                         "set application_id");
}

// A name read from a foreign file, fit to quote: printable and short.
QString quotable(const QString& name)
{
    QString out;
    for (const QChar c : name.left(60))
        out += c.isPrint() ? c : QChar(u'?');
    return name.size() > 60 ? out + QStringLiteral("…") : out;
}

// Whether the SQLite content of a file is HEART Desk's: its application_id,
// or, for a file of a version before it was set, tables that are all ours.
// HEART Desk never adds its tables to another program's database.
StoreError checkOwnContent(QSqlDatabase& db, encrypted::FileKind kind)
{
    const auto foreign = [](const QString& why) {
        return StoreError::make(StoreErrorCode::NotADatabase,
                                QStringLiteral("%1; HEART Desk never adds its tables to another "
                                               "program's file")
                                    .arg(why));
    };
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return StoreError::make(StoreErrorCode::NotADatabase, query.lastError().text());
    const qint32 applicationId = query.value(0).toInt();
    query.finish();
    if (applicationId == encrypted::kApplicationId)
        return {};
    if (applicationId != 0) {
        return foreign(QStringLiteral("an SQLite database of another program (application_id 0x%1)")
                           .arg(quint32(applicationId), 8, 16, QLatin1Char('0')));
    }
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return StoreError::make(StoreErrorCode::NotADatabase, query.lastError().text());
    QStringList others;
    bool versioned = false;
    while (query.next()) {
        const QString table = query.value(0).toString();
        if (!Migrations::ownTables().contains(table.toLower()))
            others << table;
        versioned = versioned || table.compare(QLatin1String("schema_migrations"), Qt::CaseInsensitive) == 0;
    }
    query.finish();
    if (!others.isEmpty()) {
        return foreign(QStringLiteral("an SQLite database of another program: it has %1 table(s) HEART Desk "
                                      "does not know, such as \"%2\"")
                           .arg(others.size())
                           .arg(quotable(others.first())));
    }
    // A plaintext file of an earlier HEART Desk always has its version table
    // (made in the transaction that made the others).
    if (kind == encrypted::FileKind::Plaintext && !versioned)
        return foreign(QStringLiteral("an SQLite database without HEART Desk's tables"));
    return {};
}

// Whether the PostgreSQL schema HEART Desk would use (current_schema()) is
// its own: empty, or holding HEART Desk's version table. A schema with other
// programs' tables and no HEART Desk version table is refused before any
// statement writes to it, as an SQLite file of another program is. Tables
// that belong to an extension (PostGIS's spatial_ref_sys) do not count. A
// version table of another framework (Rails, Django's schema_migrations) is
// told apart by its columns.
StoreError checkOwnSchema(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT c.relname, current_schema() FROM pg_class c JOIN pg_namespace n ON n.oid "
                           "= c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                           "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                           "AND d.objid = c.oid AND d.deptype = 'e') ORDER BY c.relname")))
        return StoreError::make(
            StoreErrorCode::QueryFailed,
            QStringLiteral("look at the schema's tables: %1").arg(query.lastError().text()));
    QStringList others;
    bool versioned = false;
    QString schema;
    while (query.next()) {
        const QString table = query.value(0).toString();
        schema = query.value(1).toString();
        if (table == QLatin1String("schema_migrations"))
            versioned = true;
        else if (!Migrations::ownTables().contains(table.toLower()))
            others << table;
    }
    query.finish();
    if (versioned) {
        if (!query.exec(QStringLiteral(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = 'schema_migrations' AND column_name IN ('version', 'description', "
                "'applied_at')")) ||
            !query.next())
            return StoreError::make(
                StoreErrorCode::QueryFailed,
                QStringLiteral("look at schema_migrations: %1").arg(query.lastError().text()));
        if (query.value(0).toInt() != 3) {
            query.finish();
            versioned = false;
            others.prepend(QStringLiteral("schema_migrations"));
        }
        query.finish();
    }
    if (versioned || others.isEmpty())
        return {};
    // field "schema": the refusal is about a server's schema, not a file (DomainText words it so).
    return StoreError::make(
        StoreErrorCode::NotADatabase,
        QStringLiteral("the PostgreSQL schema \"%1\" holds %2 table(s) of another program, such as \"%3\", "
                       "and no HEART Desk version table; HEART Desk never adds its tables to another "
                       "program's schema (use an empty database, or a schema of its own)")
            .arg(quotable(schema))
            .arg(others.size())
            .arg(quotable(others.first())),
        QStringLiteral("schema"));
}

// The database file and its companions left from before are the user's alone
// (new ones are made 0600, and SQLite gives the WAL, SHM and journal the mode
// of the database file, whatever the umask).
void restrictDatabaseFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString file = path + QLatin1String(suffix);
        const QFileInfo info(file);
        if (info.exists() && (info.permissions() &
                              (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                               QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther))) {
            if (!files::restrictToOwner(file))
                qCWarning(lcStore) << "cannot make a database file owner-only";
        }
    }
}

} // namespace

Database::Database(QObject* parent) : QObject(parent) {}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    dropKeptStatements();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    setConnected(false);
}

StoreError Database::openConnection(const QString& password, bool readOnly)
{
    close();
    if (StoreError refused = m_spec.checkBeforeConnecting())
        return refused;
    m_connectionName = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connectionName);
    if (!m_db.isValid()) {
        return StoreError::make(
            StoreErrorCode::ConnectionFailed,
            QStringLiteral("the Qt SQL driver %1 is not installed").arg(m_dialect.driverName()));
    }
    m_db.setConnectOptions(m_dialect.connectOptions(readOnly, m_spec));
    encrypted::DatabaseId fileId{};
    QString inspectError;
    const bool encryptedFile =
        m_spec.engine == Engine::Sqlite &&
        encrypted::inspectFile(m_spec.sqlitePath, &fileId, &inspectError) == encrypted::FileKind::Encrypted;
    if (encryptedFile) {
        // Through the encrypting VFS; the URI names the database, the key was
        // handed to the VFS by unlock() or createFile().
        m_db.setConnectOptions(encrypted::connectOptions(m_dialect.connectOptions(readOnly)));
        m_db.setDatabaseName(encrypted::connectionUri(m_spec.sqlitePath, fileId, readOnly));
    } else if (m_spec.engine == Engine::Sqlite && !readOnly) {
        close(); // records are never written to a plaintext file
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("not an encrypted HEART Desk file"));
    } else if (m_spec.engine == Engine::Sqlite) {
        m_db.setDatabaseName(m_spec.sqlitePath);
        if (readOnly && !QFileInfo::exists(m_spec.sqlitePath + QLatin1String("-wal"))) {
            // Even a read-only connection creates -wal and -shm files next to
            // a WAL-mode database, and leaves them there: a probe of a file we
            // may refuse must not. immutable=1 reads the file alone, without
            // locks or side files; with a -wal left by a crash, the normal
            // read-only open is needed to see the committed pages in it.
            QUrl uri = QUrl::fromLocalFile(m_spec.sqlitePath);
            uri.setQuery(QStringLiteral("immutable=1"));
            m_db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
            m_db.setConnectOptions(m_dialect.connectOptions(readOnly) + QStringLiteral(";QSQLITE_OPEN_URI"));
        }
    } else {
        m_db.setHostName(m_spec.host);
        m_db.setPort(m_spec.port);
        m_db.setUserName(m_spec.user);
        m_db.setPassword(password);
        m_db.setDatabaseName(m_spec.database);
    }
    // Migration 20's trigger folds names with a function of the program's.
    if (m_spec.engine == Engine::Sqlite && !registerNameWordsFunction()) {
        close();
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("the name search function cannot be registered"));
    }
    if (!m_db.open()) {
        const QString text = m_db.lastError().text();
        close();
        return StoreError::make(m_spec.engine == Engine::Sqlite ? StoreErrorCode::FileUnreadable
                                                                : StoreErrorCode::ConnectionFailed,
                                text);
    }
    setConnected(true);
    return {};
}

// A file that exists: an encrypted one is unlocked and looked at read-only;
// a plaintext one of an earlier version is looked at the same way, then
// encrypted; an empty one becomes a new encrypted database. Nothing is
// written to a file that is refused.
StoreError Database::probeSqliteFile(const QString& path)
{
    encrypted::DatabaseId id{};
    QString error;
    const encrypted::FileKind kind = encrypted::inspectFile(path, &id, &error);
    switch (kind) {
    case encrypted::FileKind::Empty:
        return encrypted::createFile(path, &id);
    case encrypted::FileKind::Foreign:
        if (!error.isEmpty())
            return StoreError::make(StoreErrorCode::FileUnreadable, error);
        return StoreError::make(StoreErrorCode::NotADatabase,
                                QStringLiteral("the file does not start with an SQLite header"));
    case encrypted::FileKind::Encrypted:
        if (StoreError locked = encrypted::unlock(id))
            return locked;
        break;
    case encrypted::FileKind::Plaintext:
        break;
    }
    // Look inside read-only: nothing may be written to a damaged file.
    const int failuresBefore = encrypted::authenticationFailures();
    const auto refused = [failuresBefore](StoreError why) {
        if (encrypted::authenticationFailures() == failuresBefore)
            return why;
        return StoreError::make(StoreErrorCode::NotADatabase,
                                QStringLiteral("cannot be decrypted with this computer's key: a block fails "
                                               "authentication (the key is not this file's, or the file was "
                                               "changed outside HEART Desk)"));
    };
    if (StoreError opened = openConnection({}, true))
        return refused(opened);
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next()) {
        const QString text = check.lastError().text();
        check.finish();
        close();
        return refused(StoreError::make(StoreErrorCode::NotADatabase, text));
    }
    const QString verdict = check.value(0).toString();
    check.finish();
    if (verdict != QLatin1String("ok")) {
        close();
        return refused(StoreError::make(StoreErrorCode::NotADatabase,
                                        QStringLiteral("integrity check: %1").arg(verdict)));
    }
    if (StoreError foreign = checkOwnContent(m_db, kind)) {
        close();
        return foreign;
    }
    const StoreError newer = Migrations::refuseNewerSchema(*this);
    close();
    if (newer || kind != encrypted::FileKind::Plaintext)
        return newer;
    return encrypted::encryptPlaintextFile(path, &id);
}

StoreError Database::open(const ConnectionSpec& spec, const QString& password)
{
    close();
    m_spec = spec;
    m_dialect = SqlDialect(spec.engine);
    if (spec.engine == Engine::Sqlite) {
        const QFileInfo info(spec.sqlitePath);
        if (info.exists()) {
            if (!info.isFile())
                return StoreError::make(StoreErrorCode::FileUnreadable, QStringLiteral("not a regular file"));
            if (StoreError error = probeSqliteFile(spec.sqlitePath))
                return error;
            restrictDatabaseFiles(spec.sqlitePath);
        } else if (!files::makePrivateFolder(info.absolutePath())) {
            return StoreError::make(StoreErrorCode::FileUnreadable,
                                    QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        } else {
            encrypted::DatabaseId id{};
            if (StoreError error = encrypted::createFile(spec.sqlitePath, &id))
                return error;
        }
    }
    if (StoreError error = openConnection(password, false))
        return error;
    if (spec.engine == Engine::Postgres) {
        if (StoreError error = checkOwnSchema(m_db)) {
            close();
            return error;
        }
        if (StoreError error = Migrations::refuseNewerSchema(*this)) {
            close();
            return error;
        }
    }
    for (const QString& statement : m_dialect.sessionSetup()) {
        if (StoreError error = runSessionSetup(m_db, statement)) {
            close();
            return error;
        }
    }
    if (StoreError error = Migrations::migrate(*this)) {
        close();
        return error;
    }
    if (spec.engine == Engine::Sqlite) {
        if (StoreError error = markSqliteFile(*this)) {
            close();
            return error;
        }
    }
    // A new database gets its audit key and genesis checkpoint here (docs/audit-trail.md).
    if (StoreError error = AuditCheckpoints(*this, SystemClock::instance()).provisionIfNew()) {
        close();
        return error;
    }
    qCInfo(lcStore) << "opened" << (spec.engine == Engine::Sqlite ? "sqlite (encrypted)" : "postgresql")
                    << "schema" << schemaVersion();
    return {};
}

int Database::schemaVersion()
{
    return Migrations::currentVersion(*this);
}

QSqlQuery Database::prepare(const QString& sql)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // A connection the driver knows is gone is not asked (exec() then says so).
    if (!m_db.isOpen())
        return query;
    if (!query.prepare(sql))
        qCWarning(lcStore) << "prepare failed:" << query.lastError().text();
    return query;
}

StoreError Database::injectedFault(const char* what)
{
    if (m_faultAt.isEmpty() || m_faultAt != QLatin1String(what))
        return {};
    m_faultAt.clear();
    qCWarning(lcStore) << what << "failed: injected fault";
    return StoreError::make(StoreErrorCode::QueryFailed,
                            QStringLiteral("%1: injected fault").arg(QLatin1String(what)));
}

StoreError Database::exec(QSqlQuery& query, const char* what)
{
    if (StoreError fault = injectedFault(what))
        return fault;
    if (!m_db.isOpen())
        return connectionGone(what);
    if (query.exec()) {
        setConnected(true);
        return {};
    }
    return failed(query.lastError(), what);
}

StoreResult<KeptQuery> Database::execKept(const QString& sql, const QVariantList& values, const char* what)
{
    auto kept =
        std::find_if(m_kept.begin(), m_kept.end(), [&](const auto& entry) { return entry.first == sql; });
    if (kept != m_kept.end()) {
        m_kept.splice(m_kept.begin(), m_kept, kept);
        m_kept.front().second->finish();
    } else {
        if (!m_db.isOpen())
            return connectionGone(what);
        auto query = std::make_shared<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return failed(query->lastError(), what);
        m_kept.emplace_front(sql, std::move(query));
        while (qsizetype(m_kept.size()) > kKeptStatements)
            m_kept.pop_back();
    }
    std::shared_ptr<QSqlQuery> query = m_kept.front().second;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (StoreError error = exec(*query, what)) {
        m_kept.pop_front();
        return error;
    }
    return KeptQuery(std::move(query));
}

void Database::dropKeptStatements()
{
    m_kept.clear();
}

StoreError Database::execDirect(const QString& sql, const char* what)
{
    if (StoreError fault = injectedFault(what))
        return fault;
    if (!m_db.isOpen())
        return connectionGone(what);
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return {};
    return failed(query.lastError(), what);
}

// What a failed statement says, never empty: QPSQL gives an empty text when
// the server went away mid-statement (a restart), which left messages such as
// "lock audit chain: " that said nothing of what failed.
StoreError Database::failed(const QSqlError& error, const char* what)
{
    const bool lost = m_dialect.isConnectionLost(error.nativeErrorCode(), error.text()) || !m_db.isOpen();
    if (lost)
        setConnected(false);
    QString reason = error.text().simplified();
    if (reason.isEmpty()) {
        if (lost || m_dialect.engine() == Engine::Postgres)
            reason = QStringLiteral("the server closed the connection or stopped answering (no error text)");
        else if (!error.nativeErrorCode().isEmpty())
            reason = QStringLiteral("error code %1 (no error text)").arg(error.nativeErrorCode());
        else
            reason = QStringLiteral("the database driver gave no reason");
    }
    qCWarning(lcStore) << what << "failed:" << error.nativeErrorCode() << reason;
    return StoreError::make(m_connected ? StoreErrorCode::QueryFailed : StoreErrorCode::ConnectionFailed,
                            QStringLiteral("%1: %2").arg(QLatin1String(what), reason));
}

// QPSQL's isOpen() turns false as soon as libpq finds the connection broken;
// a statement sent then fails with an empty error that isConnectionLost()
// cannot recognise, and the connection was taken for alive until the feed's
// heartbeat noticed. Say at once that it is gone, without asking the driver.
StoreError Database::connectionGone(const char* what)
{
    if (m_connected)
        qCWarning(lcStore) << what << "failed: no connection to the server";
    setConnected(false);
    return StoreError::make(StoreErrorCode::ConnectionFailed,
                            QStringLiteral("%1: no connection to the server").arg(QLatin1String(what)));
}

bool Database::ping()
{
    if (m_connectionName.isEmpty())
        return false;
    bool alive = false;
    if (m_db.isOpen()) {
        QSqlQuery query(m_db);
        alive = query.exec(QStringLiteral("SELECT 1")) && query.next();
    }
    if (!alive && m_spec.engine == Engine::Postgres) {
        // Lost, whatever noticed it first: said (connectionStateChanged),
        // so what listens on the connection knows to take it up again.
        const bool wasConnected = m_connected;
        setConnected(false);
        // One quiet attempt to reconnect with the credentials already given
        // (the kept statements were the old session's).
        dropKeptStatements();
        m_db.close();
        if (m_db.open()) {
            for (const QString& statement : m_dialect.sessionSetup())
                execDirect(statement, "session setup");
            alive = true;
        } else if (wasConnected) {
            // Said once; the retries while the server stays away are quiet.
            qCWarning(lcStore) << "reconnect failed:" << m_db.lastError().text();
        }
    }
    setConnected(alive);
    return alive;
}

void Database::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectionStateChanged(connected);
}

} // namespace heart::store
