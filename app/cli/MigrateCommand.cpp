// heartdesk-cli migrate: opening a database applies the pending migrations.
#include "Commands.h"
#include "store/Database.h"
#include "store/Migrations.h"

namespace heart::cli {

int runMigrate(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--database LOCATION]"),
        QStringLiteral("Creates the database, or applies the migrations it lacks, and prints "
                       "its schema version. A database written by a newer HEART Desk, or a "
                       "file that is not a healthy database, is left untouched."));
    if (auto stop = commandLine.parse())
        return *stop;

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Create))
        return code;
    printLine(QStringLiteral("%1: schema version %2 (the newest this program knows is %3)")
                  .arg(describeLocation(db.spec()))
                  .arg(db.schemaVersion())
                  .arg(store::Migrations::latestVersion()));
    return ExitOk;
}

} // namespace heart::cli
