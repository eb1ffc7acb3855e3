// heartdesk-cli setup-server: least privilege on a shared PostgreSQL server.
// The work is store::ServerSetup's; this file reads the options and the
// passwords (environment or terminal, never echoed or logged).
#include "Commands.h"
#include "Secrets.h"
#include "store/ServerSetup.h"

namespace heart::cli {
namespace {
const QString kOwnerRole = QStringLiteral("owner-role");
const QString kAppRole = QStringLiteral("app-role");
} // namespace

int runSetupServer(const Invocation& invocation)
{
    const store::ServerRoles defaults;
    CommandLine commandLine(
        invocation,
        QStringLiteral("--database postgresql://ADMIN@HOST:PORT/DB [--owner-role NAME] [--app-role NAME]"),
        QStringLiteral(
            "Sets up a shared PostgreSQL database for least privilege. Run it as an administrator login (a "
            "superuser, or CREATEROLE and the owner of DB), again after every upgrade of HEART Desk.\n"
            "It creates or updates two roles: the schema owner, which owns the schema 'public' and every "
            "table in it and runs the migrations, and the application role the workstations connect as: "
            "SELECT, INSERT, UPDATE and DELETE on the tables, but only SELECT and INSERT on audit_log and "
            "change_journal, and no CREATE anywhere. Other roles lose CONNECT and TEMPORARY on DB.\n"
            "Passwords: the administrator's from HEARTDESK_DB_PASSWORD or PGPASSWORD; the owner's from "
            "HEARTDESK_OWNER_PASSWORD; the application role's from HEARTDESK_APP_PASSWORD (an existing "
            "application role keeps its password when it is not set); each is asked on the terminal "
            "otherwise. They reach the server only as SCRAM-SHA-256 verifiers."));
    commandLine.addOption({kOwnerRole,
                           QStringLiteral("The schema owner role (default %1).").arg(defaults.owner),
                           QStringLiteral("name"), defaults.owner});
    commandLine.addOption(
        {kAppRole,
         QStringLiteral("The application role the workstations connect as (default %1).").arg(defaults.app),
         QStringLiteral("name"), defaults.app});
    if (auto stop = commandLine.parse())
        return *stop;

    store::ServerRoles roles{commandLine.value(kOwnerRole), commandLine.value(kAppRole)};
    for (const QString& name : {roles.owner, roles.app}) {
        if (!store::ServerSetup::isValidRoleName(name)) {
            return commandLine.usageError(
                QStringLiteral("'%1' is not a role name this command makes (lower-case "
                               "letters, digits and '_', not starting with a digit or pg_)")
                    .arg(name));
        }
    }
    if (roles.owner == roles.app)
        return commandLine.usageError(QStringLiteral("--owner-role and --app-role must differ"));

    auto parsed = store::ConnectionSpec::parse(commandLine.databaseLocation());
    if (!parsed.ok())
        return reportError(parsed.error(), store::ConnectionSpec{});
    const store::ConnectionSpec& spec = parsed.value();
    if (spec.engine != store::Engine::Postgres) {
        return commandLine.usageError(
            QStringLiteral("--database must be a postgresql:// location (an SQLite file has no roles)"));
    }
    if (spec.database == QLatin1String("postgres") || spec.database.startsWith(QLatin1String("template"))) {
        return commandLine.usageError(
            QStringLiteral("--database must name the HEART Desk database, not the server's '%1'")
                .arg(spec.database));
    }

    Secret admin = obtainSecret({{"HEARTDESK_DB_PASSWORD", "PGPASSWORD"},
                                 QStringLiteral("Password for %1: ").arg(spec.describe()),
                                 false,
                                 QStringLiteral("the password of %1").arg(describeLocation(spec)),
                                 ExitCannotOpen});
    if (!admin.ok())
        return admin.exitCode;
    store::ServerSetup setup(spec);
    const store::StoreError connected = setup.connect(admin.value);
    wipe(admin.value);
    if (connected)
        return reportError(connected, spec, QStringLiteral("cannot set up the server"));

    auto roleIsNew = [&](const QString& role) -> std::optional<bool> {
        auto exists = setup.roleExists(role);
        if (!exists.ok()) {
            reportError(exists.error(), spec);
            return std::nullopt;
        }
        return !exists.value();
    };
    const auto ownerIsNew = roleIsNew(roles.owner);
    const auto appIsNew = roleIsNew(roles.app);
    if (!ownerIsNew || !appIsNew)
        return ExitFailed;

    store::ServerSetupRequest request{roles, {}, {}};
    Secret owner = obtainSecret({{"HEARTDESK_OWNER_PASSWORD"},
                                 QStringLiteral("Password for the schema owner %1: ").arg(roles.owner),
                                 *ownerIsNew,
                                 QStringLiteral("the password of the schema owner %1").arg(roles.owner),
                                 ExitUsage});
    if (!owner.ok())
        return owner.exitCode;
    request.ownerPassword = std::move(owner.value);
    if (*appIsNew || !qEnvironmentVariableIsEmpty("HEARTDESK_APP_PASSWORD")) {
        Secret app =
            obtainSecret({{"HEARTDESK_APP_PASSWORD"},
                          QStringLiteral("Password for the application role %1: ").arg(roles.app),
                          true,
                          QStringLiteral("the password of the new application role %1").arg(roles.app),
                          ExitUsage});
        if (!app.ok()) {
            wipe(request.ownerPassword);
            return app.exitCode;
        }
        request.appPassword = std::move(app.value);
    }
    auto report = setup.run(request);
    wipe(request.ownerPassword);
    wipe(request.appPassword);
    if (!report.ok())
        return reportError(report.error(), spec, QStringLiteral("cannot set up the server"));

    const store::ServerSetupReport& r = report.value();
    printLine(QStringLiteral("schema owner %1: %2")
                  .arg(roles.owner, r.ownerCreated ? QStringLiteral("created") : QStringLiteral("updated")));
    printLine(QStringLiteral("application role %1: %2%3")
                  .arg(roles.app, r.appCreated ? QStringLiteral("created") : QStringLiteral("updated"),
                       r.appPasswordSet ? QString() : QStringLiteral(" (password kept)")));
    if (r.tablesReassigned > 0)
        printLine(QStringLiteral("%1 tables given to %2").arg(r.tablesReassigned).arg(roles.owner));
    printLine(QStringLiteral("schema %1: version %2 -> %3, owned by %4")
                  .arg(r.schema)
                  .arg(r.schemaBefore)
                  .arg(r.schemaAfter)
                  .arg(roles.owner));
    printLine(QStringLiteral("%1 may read and write the records, only read and add to audit_log and "
                             "change_journal, and change no schema")
                  .arg(roles.app));
    store::ConnectionSpec workstation = spec;
    workstation.user = roles.app;
    printLine(QStringLiteral("workstations connect as %1").arg(workstation.describe()));
    return ExitOk;
}

} // namespace heart::cli
