// heartdesk-cli van-setup and sync: a van laptop's own store, set up from the
// center's server, and one sync with it by hand (the program syncs by itself
// in the background; this is for setting up and for checking a link).
#include "Commands.h"
#include "Secrets.h"
#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/sync/SyncEngine.h"

#include <QSysInfo>

namespace heart::cli {
namespace {

const QString kCenter = QStringLiteral("center");
const QString kUnit = QStringLiteral("unit");
const QString kName = QStringLiteral("name");

// The center's server: its location and password (HEARTDESK_CENTER_PASSWORD,
// HEARTDESK_DB_PASSWORD or PGPASSWORD, else asked).
int openCenter(const QString& location, store::Database& center)
{
    auto spec = store::ConnectionSpec::parse(location);
    if (!spec.ok())
        return reportError(spec.error(), store::ConnectionSpec{}, QStringLiteral("--center"));
    if (spec.value().engine != store::Engine::Postgres) {
        printError(QStringLiteral("--center must be the center's PostgreSQL server (postgresql://...)"));
        return ExitUsage;
    }
    Secret secret = obtainSecret({{"HEARTDESK_CENTER_PASSWORD", "HEARTDESK_DB_PASSWORD", "PGPASSWORD"},
                                  QStringLiteral("Password for %1: ").arg(spec.value().describe()),
                                  false,
                                  QStringLiteral("the password of %1").arg(describeLocation(spec.value())),
                                  ExitCannotOpen});
    if (!secret.ok())
        return secret.exitCode;
    const store::StoreError error = center.open(spec.value(), secret.value);
    wipe(secret.value);
    if (error)
        return reportError(error, spec.value());
    return ExitOk;
}

QString unitIdForCode(store::Database& center, const QString& code)
{
    QSqlQuery query = center.prepare(QStringLiteral("SELECT id FROM units WHERE code = ?"));
    query.addBindValue(code.trimmed());
    if (center.exec(query, "find the unit") || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace

int runVanSetup(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--center postgresql://USER@HOST:PORT/DB --unit CODE [--name NAME] [--database FILE]"),
        QStringLiteral("Sets up a van laptop's own store (an SQLite file that does not exist yet or has no "
                       "accounts) from the center's server: the unit and its calls, notes and safety plans, "
                       "the crew's accounts (so they can sign in offline), the settings, rule sets and "
                       "resource directory. The program then syncs with the center by itself whenever it "
                       "can reach it. The center's password comes from HEARTDESK_CENTER_PASSWORD (or "
                       "HEARTDESK_DB_PASSWORD, PGPASSWORD), else it is asked."));
    commandLine.addOption({kCenter, QStringLiteral("The center's server."), QStringLiteral("location")});
    commandLine.addOption({kUnit, QStringLiteral("The unit's code, e.g. CRT-2."), QStringLiteral("code")});
    commandLine.addOption(
        {kName, QStringLiteral("This laptop's name in the center's journal."), QStringLiteral("name")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kCenter, kUnit}))
        return *stop;
    store::Database laptop;
    if (const int code = openDatabase(commandLine, laptop, IfMissing::Create))
        return code;
    if (laptop.spec().engine != store::Engine::Sqlite)
        return commandLine.usageError(QStringLiteral("--database must be the laptop's own file"));
    if (const int code = requireNoAccounts(laptop, QStringLiteral("a van's store is set up only once")))
        return code;
    store::Database center;
    if (const int code = openCenter(commandLine.value(kCenter), center))
        return code;
    const QString unitId = unitIdForCode(center, commandLine.value(kUnit));
    if (unitId.isEmpty()) {
        printError(QStringLiteral("the center has no unit '%1'").arg(commandLine.value(kUnit).trimmed()));
        return ExitFailed;
    }
    const QString name = commandLine.isSet(kName)
                             ? commandLine.value(kName)
                             : QStringLiteral("%1 laptop (%2)")
                                   .arg(commandLine.value(kUnit).trimmed(), QSysInfo::machineHostName());
    store::sync::SyncIdentity identity{store::toQString(newRecordId(SystemClock::instance().now())), unitId,
                                       name, commandLine.value(kCenter)};
    if (store::StoreError error =
            store::sync::provisionLaptop(laptop, center, SystemClock::instance(), identity))
        return reportError(error, laptop.spec(), QStringLiteral("setting up the laptop"));
    printLine(QStringLiteral("%1 is set up for unit %2 as \"%3\"; it syncs with %4 whenever it can reach it")
                  .arg(describeLocation(laptop.spec()), commandLine.value(kUnit).trimmed(), name,
                       describeLocation(center.spec())));
    return ExitOk;
}

int runSync(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--database FILE]"),
        QStringLiteral("Syncs a van laptop's store with its center once: sends the changes "
                       "made on the laptop, brings the center's, and prints what moved. "
                       "Exit status 0 when both are caught up."));
    if (auto stop = commandLine.parse())
        return *stop;
    store::Database laptop;
    if (const int code = openDatabase(commandLine, laptop, IfMissing::Refuse))
        return code;
    auto state = store::sync::readSyncState(laptop);
    if (!state.ok())
        return reportError(state.error(), laptop.spec());
    if (state.value().identity.deviceId.isEmpty()) {
        printError(QStringLiteral("%1 is not a van laptop's store; set one up with 'heartdesk-cli van-setup'")
                       .arg(describeLocation(laptop.spec())));
        return ExitFailed;
    }
    store::Database center;
    if (const int code = openCenter(state.value().identity.centerLocation, center))
        return code;
    store::sync::SyncEngine engine(laptop, center, SystemClock::instance(), state.value().identity);
    const store::sync::SyncReport report = engine.syncOnce();
    if (report.error)
        return reportError(report.error, center.spec(), QStringLiteral("sync"));
    printLine(QStringLiteral("sent %1, brought %2, conflicts to review %3")
                  .arg(report.pushed)
                  .arg(report.pulled)
                  .arg(report.conflicts));
    return ExitOk;
}

} // namespace heart::cli
