#pragma once
// Least privilege on a shared PostgreSQL server (heartdesk-cli setup-server).
// Run by an administrator login (a superuser, or CREATEROLE and the owner of
// the database) against the HEART Desk database, it makes two roles:
//
//   the schema owner    owns the schema "public" and every table in it, and
//                       runs the migrations (this class connects as it);
//   the application     what the workstations connect as: CONNECT, USAGE on
//                       the schema, SELECT/INSERT/UPDATE/DELETE on the
//                       ordinary tables, on audit_log, device_audit_log and
//                       change_journal only SELECT and INSERT, on
//                       schema_migrations only SELECT;
//                       no CREATE anywhere (no DDL, no temporary tables).
//
// Running it again (after an upgrade of HEART Desk) migrates as the owner and
// grants again from scratch, so what an older version granted does not stay.
// Passwords are sent as SCRAM-SHA-256 verifiers made here: the server, its
// statement log included, never sees them.
#include "store/ConnectionSpec.h"
#include "store/StoreError.h"

#include <QString>
#include <QStringList>

namespace heart::store {

struct ServerRoles
{
    QString owner = QStringLiteral("heartdesk_owner");
    QString app = QStringLiteral("heartdesk_app");
};

struct ServerSetupRequest
{
    ServerRoles roles;
    QString ownerPassword; // required: the migrations run on a connection as the owner
    QString appPassword;   // empty: the application role exists and keeps its password
};

struct ServerSetupReport
{
    bool ownerCreated = false;
    bool appCreated = false;
    bool appPasswordSet = false;
    int schemaBefore = 0; // 0: an empty database
    int schemaAfter = 0;
    int tablesReassigned = 0; // tables an earlier login owned, now the owner's
    QString schema;           // "public"
};

class ServerSetup
{
public:
    // adminSpec: the administrator's login and the HEART Desk database.
    explicit ServerSetup(ConnectionSpec adminSpec);
    ~ServerSetup();
    ServerSetup(const ServerSetup&) = delete;
    ServerSetup& operator=(const ServerSetup&) = delete;

    // Connects as the administrator and checks that it may do the setup
    // (PermissionDenied saying what it lacks otherwise).
    StoreError connect(const QString& adminPassword);
    StoreResult<bool> roleExists(const QString& role);
    StoreResult<ServerSetupReport> run(const ServerSetupRequest& request);

    // A role name this command accepts: lower-case letters, digits and '_', not
    // starting with a digit, at most 63 characters (no quoting surprises).
    static bool isValidRoleName(const QString& name);
    // "SCRAM-SHA-256$4096:salt$StoredKey:ServerKey", as PostgreSQL stores it.
    static QString scramVerifier(const QString& password, const QByteArray& salt);

private:
    StoreError exec(const QString& sql, const char* what);
    StoreError ensureRole(const QString& role, const QString& password, bool& created, bool& passwordSet);
    StoreError prepareDatabase(const ServerRoles& roles, ServerSetupReport& report);
    StoreError grant(class Database& ownerDb, const ServerRoles& roles);

    ConnectionSpec m_adminSpec;
    QString m_connectionName;
    bool m_superuser = false;
};

} // namespace heart::store
