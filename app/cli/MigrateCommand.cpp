// heartdesk-cli migrate: opening a database applies the pending migrations.
#include "Commands.h"
#include "store/Database.h"
#include "store/Migrations.h"

namespace heart::cli {
namespace {
const QString kLockTimeout = QStringLiteral("lock-timeout");
constexpr int kDefaultLockTimeoutSeconds = 60;
constexpr int kMaxLockTimeoutSeconds = 24 * 3600;
} // namespace

int runMigrate(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("[--lock-timeout SECONDS] [--database LOCATION]"),
        QStringLiteral("Creates the database, or applies the migrations it lacks, and prints "
                       "its schema version. A database written by a newer HEART Desk, or a "
                       "file that is not a healthy database, is left untouched."));
    commandLine.addOption({kLockTimeout,
                           QStringLiteral("PostgreSQL: how long to wait for another connection that is "
                                          "migrating (it holds the migration lock) before giving up and "
                                          "naming it (default %1).")
                               .arg(kDefaultLockTimeoutSeconds),
                           QStringLiteral("SECONDS")});
    if (auto stop = commandLine.parse())
        return *stop;
    int lockTimeout = kDefaultLockTimeoutSeconds;
    if (commandLine.isSet(kLockTimeout)) {
        bool ok = false;
        lockTimeout = commandLine.value(kLockTimeout).toInt(&ok);
        if (!ok || lockTimeout < 0 || lockTimeout > kMaxLockTimeoutSeconds)
            return commandLine.usageError(
                QStringLiteral("--lock-timeout takes a whole number of seconds from 0 to %1")
                    .arg(kMaxLockTimeoutSeconds));
    }

    store::Database db;
    db.setMigrationLockTimeout(std::chrono::seconds(lockTimeout));
    if (const int code = openDatabase(commandLine, db, IfMissing::Create))
        return code;
    printLine(QStringLiteral("%1: schema version %2 (the newest this program knows is %3)")
                  .arg(describeLocation(db.spec()))
                  .arg(db.schemaVersion())
                  .arg(store::Migrations::latestVersion()));
    return ExitOk;
}

} // namespace heart::cli
