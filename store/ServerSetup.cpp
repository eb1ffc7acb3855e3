#include "store/ServerSetup.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlDialect.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace heart::store {
namespace {

const QString kSchema = QStringLiteral("public");
// Append-only tables: the application may read and add, never change or remove.
const QStringList kAppendOnly = {QStringLiteral("audit_log"), QStringLiteral("change_journal"),
                                 QStringLiteral("device_audit_log"), QStringLiteral("audit_checkpoints")};

QString quoted(const QString& identifier)
{
    QString text = identifier;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// PBKDF2-HMAC-SHA-256 with one output block: SCRAM's Hi().
QByteArray hi(const QByteArray& password, const QByteArray& salt, int iterations)
{
    QByteArray u = hmac(password, salt + QByteArray("\x00\x00\x00\x01", 4));
    QByteArray result = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(password, u);
        for (qsizetype b = 0; b < result.size(); ++b)
            result[b] = static_cast<char>(result[b] ^ u[b]);
    }
    return result;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("heartdesk-setup-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreError queryError(const QSqlQuery& query, const char* what)
{
    const QSqlError error = query.lastError();
    qCWarning(lcStore) << what << "failed:" << error.nativeErrorCode() << error.text();
    // 42501: insufficient_privilege.
    const StoreErrorCode code = error.nativeErrorCode() == QLatin1String("42501")
                                    ? StoreErrorCode::PermissionDenied
                                    : StoreErrorCode::QueryFailed;
    return StoreError::make(code, QStringLiteral("%1: %2").arg(QLatin1String(what), error.text()));
}

} // namespace

ServerSetup::ServerSetup(ConnectionSpec adminSpec) : m_adminSpec(std::move(adminSpec)) {}

ServerSetup::~ServerSetup()
{
    if (m_connectionName.isEmpty())
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ServerSetup::isValidRoleName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return pattern.match(name).hasMatch() && !name.startsWith(QLatin1String("pg_"));
}

QString ServerSetup::scramVerifier(const QString& password, const QByteArray& salt)
{
    constexpr int kIterations = 4096; // PostgreSQL's scram_iterations default
    // PostgreSQL applies SASLprep to the password; for what people type
    // (ASCII, or composed letters) NFKC is what it amounts to.
    const QByteArray normalized = password.normalized(QString::NormalizationForm_KC).toUtf8();
    const QByteArray salted = hi(normalized, salt, kIterations);
    const QByteArray clientKey = hmac(salted, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, QByteArrayLiteral("Server Key"));
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(kIterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

StoreError ServerSetup::connect(const QString& adminPassword)
{
    if (m_adminSpec.engine != Engine::Postgres) {
        return StoreError::make(
            StoreErrorCode::InvalidLocation,
            QStringLiteral("setup-server needs a postgresql:// location (an SQLite file has "
                           "no roles)"));
    }
    if (StoreError refused = m_adminSpec.checkBeforeConnecting())
        return refused;
    m_connectionName = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid()) {
        return StoreError::make(StoreErrorCode::ConnectionFailed,
                                QStringLiteral("the Qt SQL driver QPSQL is not installed"));
    }
    db.setConnectOptions(SqlDialect(Engine::Postgres).connectOptions(false, m_adminSpec));
    db.setHostName(m_adminSpec.host);
    db.setPort(m_adminSpec.port);
    db.setUserName(m_adminSpec.user);
    db.setPassword(adminPassword);
    db.setDatabaseName(m_adminSpec.database);
    if (!db.open())
        return StoreError::make(StoreErrorCode::ConnectionFailed, db.lastError().text());
    for (const QString& statement : SqlDialect(Engine::Postgres).sessionSetup()) {
        if (StoreError error = exec(statement, "session setup"))
            return error;
    }
    QSqlQuery rights(db);
    if (!rights.exec(QStringLiteral(
            "SELECT r.rolsuper, r.rolcreaterole, pg_has_role(current_user, d.datdba, 'MEMBER') "
            "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = "
            "current_database()")) ||
        !rights.next())
        return queryError(rights, "read the administrator's rights");
    m_superuser = rights.value(0).toBool();
    const bool createRole = rights.value(1).toBool();
    const bool ownsDatabase = rights.value(2).toBool();
    if (!m_superuser && !(createRole && ownsDatabase)) {
        return StoreError::make(
            StoreErrorCode::PermissionDenied,
            QStringLiteral("the login %1 is neither a superuser nor has CREATEROLE and owns the "
                           "database %2")
                .arg(m_adminSpec.user, m_adminSpec.database));
    }
    return {};
}

StoreError ServerSetup::exec(const QString& sql, const char* what)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return queryError(query, what);
    return {};
}

StoreResult<bool> ServerSetup::roleExists(const QString& role)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
    query.addBindValue(role);
    if (!query.exec())
        return queryError(query, "look for the role");
    return query.next();
}

StoreError ServerSetup::ensureRole(const QString& role, const QString& password, bool& created,
                                   bool& passwordSet)
{
    auto exists = roleExists(role);
    if (!exists.ok())
        return exists.error();
    created = !exists.value();
    if (created && password.isEmpty()) {
        return StoreError::make(StoreErrorCode::RequiredMissing,
                                QStringLiteral("the new role %1 needs a password").arg(role), role);
    }
    // Never a superuser, never able to make databases or roles. Only a
    // superuser may say NOREPLICATION / NOBYPASSRLS (a new role has neither).
    QString attributes = QStringLiteral("LOGIN NOCREATEDB NOCREATEROLE INHERIT");
    if (m_superuser)
        attributes += QStringLiteral(" NOSUPERUSER NOREPLICATION NOBYPASSRLS");
    if (!password.isEmpty()) {
        QByteArray salt(16, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), salt.size() / 4);
        // A verifier, not the password: safe in the server's statement log.
        attributes += QStringLiteral(" PASSWORD '%1'").arg(scramVerifier(password, salt));
        passwordSet = true;
    }
    const QString sql =
        QStringLiteral("%1 ROLE %2 WITH %3")
            .arg(created ? QStringLiteral("CREATE") : QStringLiteral("ALTER"), quoted(role), attributes);
    return exec(sql, created ? "create role" : "alter role");
}

StoreError ServerSetup::prepareDatabase(const ServerRoles& roles, ServerSetupReport& report)
{
    const QString database = quoted(m_adminSpec.database);
    const QString owner = quoted(roles.owner);
    const QString app = quoted(roles.app);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);

    // The application role must not act as the owner through a membership.
    QSqlQuery member(db);
    member.prepare(
        QStringLiteral("SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                       "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = ? AND u.rolname = ?"));
    member.addBindValue(roles.owner);
    member.addBindValue(roles.app);
    if (!member.exec())
        return queryError(member, "check memberships");
    if (member.next()) {
        if (StoreError error = exec(QStringLiteral("REVOKE %1 FROM %2").arg(owner, app), "revoke membership"))
            return error;
    }
    if (!m_superuser) {
        // ALTER ... OWNER TO needs the administrator to be a member of the new owner.
        QSqlQuery mine(db);
        mine.prepare(QStringLiteral("SELECT pg_has_role(current_user, ?, 'MEMBER')"));
        mine.addBindValue(roles.owner);
        if (!mine.exec() || !mine.next())
            return queryError(mine, "check membership in the owner");
        if (!mine.value(0).toBool()) {
            if (StoreError error =
                    exec(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(owner), "join the owner"))
                return error;
        }
    }
    const QStringList statements = {
        // Nobody but these two connects or makes temporary tables here.
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(database),
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM %2").arg(database, app),
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3").arg(database, owner, app),
        QStringLiteral("GRANT TEMPORARY ON DATABASE %1 TO %2").arg(database, owner),
        QStringLiteral("ALTER SCHEMA %1 OWNER TO %2").arg(kSchema, owner),
        QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM PUBLIC").arg(kSchema),
    };
    for (const QString& statement : statements) {
        if (StoreError error = exec(statement, "prepare the database"))
            return error;
    }
    // Tables an earlier login made (a database migrated before this command
    // existed) become the owner's, so it can migrate them.
    QSqlQuery others(db);
    others.prepare(
        QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') "
                       "AND pg_get_userbyid(c.relowner) <> ? ORDER BY c.relname"));
    others.addBindValue(kSchema);
    others.addBindValue(roles.owner);
    if (!others.exec())
        return queryError(others, "list the tables");
    QStringList tables;
    while (others.next())
        tables.append(others.value(0).toString());
    for (const QString& table : std::as_const(tables)) {
        if (StoreError error =
                exec(QStringLiteral("ALTER TABLE %1.%2 OWNER TO %3").arg(kSchema, quoted(table), owner),
                     "give a table to the owner"))
            return error;
    }
    report.tablesReassigned = static_cast<int>(tables.size());
    return {};
}

StoreError ServerSetup::grant(Database& ownerDb, const ServerRoles& roles)
{
    const QString app = quoted(roles.app);
    QStringList statements = {
        // From scratch: what an older version granted does not stay.
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA %1 FROM %2").arg(kSchema, app),
        QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA %1 FROM %2").arg(kSchema, app),
        QStringLiteral("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA %1 FROM PUBLIC").arg(kSchema),
        QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM %2").arg(kSchema, app),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(kSchema, app),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2")
            .arg(kSchema, app),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(kSchema, app),
        QStringLiteral("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %1 TO %2").arg(kSchema, app),
        // The version table is the owner's to write.
        QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON %1.schema_migrations FROM %2").arg(kSchema, app),
    };
    for (const QString& table : kAppendOnly)
        statements.append(QStringLiteral("REVOKE UPDATE, DELETE ON %1.%2 FROM %3").arg(kSchema, table, app));
    SqlTransaction tx(ownerDb);
    if (tx.beginError())
        return tx.beginError();
    for (const QString& statement : std::as_const(statements)) {
        if (StoreError error = ownerDb.execDirect(statement, "grant to the application role"))
            return error;
    }
    return tx.commit();
}

StoreResult<ServerSetupReport> ServerSetup::run(const ServerSetupRequest& request)
{
    const ServerRoles& roles = request.roles;
    if (m_connectionName.isEmpty())
        return StoreError::make(StoreErrorCode::ConnectionFailed, QStringLiteral("not connected"));
    for (const QString& name : {roles.owner, roles.app}) {
        if (!isValidRoleName(name)) {
            return StoreError::make(
                StoreErrorCode::InvalidInput,
                QStringLiteral("'%1' is not a role name this command makes: lower-case "
                               "letters, digits and '_', not starting with a digit or pg_")
                    .arg(name),
                name == roles.owner ? QStringLiteral("owner-role") : QStringLiteral("app-role"));
        }
    }
    if (roles.owner == roles.app) {
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("the owner and the application role must differ"),
                                QStringLiteral("app-role"));
    }
    if (roles.owner == m_adminSpec.user || roles.app == m_adminSpec.user) {
        return StoreError::make(
            StoreErrorCode::InvalidInput,
            QStringLiteral("the administrator login %1 cannot be the owner or the application "
                           "role")
                .arg(m_adminSpec.user),
            roles.app == m_adminSpec.user ? QStringLiteral("app-role") : QStringLiteral("owner-role"));
    }
    if (request.ownerPassword.isEmpty()) {
        return StoreError::make(
            StoreErrorCode::RequiredMissing,
            QStringLiteral("the owner's password is needed: the migrations run as the owner"),
            QStringLiteral("owner-password"));
    }

    ServerSetupReport report;
    report.schema = kSchema;
    {
        QSqlQuery version(QSqlDatabase::database(m_connectionName, false));
        if (!version.exec(QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL")) ||
            !version.next())
            return queryError(version, "look for schema_migrations");
        if (version.value(0).toBool()) {
            version.finish();
            if (!version.exec(
                    QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM public.schema_migrations")) ||
                !version.next())
                return queryError(version, "read the schema version");
            report.schemaBefore = version.value(0).toInt();
        }
    }
    if (report.schemaBefore > Migrations::latestVersion()) {
        return StoreError::make(
            StoreErrorCode::NewerSchema,
            QStringLiteral("the database has schema version %1, this program knows up to %2")
                .arg(report.schemaBefore)
                .arg(Migrations::latestVersion()));
    }

    // Roles and the database, as the administrator, in one transaction.
    if (StoreError error = exec(QStringLiteral("BEGIN"), "begin"))
        return error;
    bool ignored = false;
    StoreError error = ensureRole(roles.owner, request.ownerPassword, report.ownerCreated, ignored);
    if (!error)
        error = ensureRole(roles.app, request.appPassword, report.appCreated, report.appPasswordSet);
    if (!error)
        error = prepareDatabase(roles, report);
    if (error) {
        exec(QStringLiteral("ROLLBACK"), "rollback");
        return error;
    }
    if (StoreError committed = exec(QStringLiteral("COMMIT"), "commit"))
        return committed;

    // The migrations, as the owner: the tables they make are its own.
    ConnectionSpec ownerSpec = m_adminSpec;
    ownerSpec.user = roles.owner;
    Database ownerDb;
    if (StoreError opened = ownerDb.open(ownerSpec, request.ownerPassword))
        return opened;
    report.schemaAfter = ownerDb.schemaVersion();
    if (StoreError granted = grant(ownerDb, roles))
        return granted;
    qCInfo(lcStore) << "server set up: schema" << report.schemaBefore << "->" << report.schemaAfter;
    return report;
}

} // namespace heart::store
