// heartdesk-cli demo: the fictional demo scenario, written into a new database.
#include "Commands.h"
#include "core/DemoScenario.h"
#include "demo/DemoDataWriter.h"
#include "store/AccountStore.h"
#include "store/AuditCheckpoints.h"
#include "store/Database.h"

namespace heart::cli {
namespace {
const QString kSeed = QStringLiteral("seed");
}

int runDemo(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--seed N] --database LOCATION"),
        QStringLiteral("Writes the fictional demo scenario (a user for every role, three busy "
                       "weeks of calls ending now and thirteen months of calls before them) into a new, "
                       "empty database. The demo "
                       "sign-ins are listed in the README. A database that has user "
                       "accounts is refused."));
    commandLine.addOption({kSeed,
                           QStringLiteral("Seed of the scenario (default %1): the same seed gives the "
                                          "same people and calls.")
                               .arg(DemoOptions{}.seed),
                           QStringLiteral("N")});
    if (auto stop = commandLine.parse())
        return *stop;
    DemoOptions options;
    if (commandLine.isSet(kSeed)) {
        bool ok = false;
        options.seed = commandLine.value(kSeed).toULongLong(&ok);
        if (!ok)
            return commandLine.usageError(
                QStringLiteral("--seed takes a whole number from 0 to 18446744073709551615"));
    }

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Create))
        return code;
    if (const int code =
            requireNoAccounts(db, QStringLiteral("demo data only goes into a new, empty database")))
        return code;
    const Clock& clock = SystemClock::instance();

    options.end = clock.now();
    const DemoScenario scenario = makeDemoScenario(options);
    qCInfo(lcCli) << "demo scenario: seed" << options.seed << "staff" << scenario.staff.size() << "people"
                  << scenario.people.size() << "calls" << scenario.calls.size();
    store::DemoDataWriter writer(db, clock);
    if (const store::StoreError error = writer.write(scenario, cliWorkstation()))
        return reportError(error, db.spec(), QStringLiteral("writing the demo data failed"));
    // The demo written here before, and so its audit key, is replaced: one
    // key per demo location, not one per run (store/AuditCheckpoints.h).
    store::AuditKeys::retireReplacedDemoKey(db.spec());
    printLine(QStringLiteral("demo data written to %1: %2 staff accounts, %3 people, %4 calls (seed %5)")
                  .arg(describeLocation(db.spec()))
                  .arg(scenario.staff.size())
                  .arg(scenario.people.size())
                  .arg(scenario.calls.size())
                  .arg(options.seed));
    return ExitOk;
}

} // namespace heart::cli
