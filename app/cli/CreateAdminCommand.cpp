// heartdesk-cli create-admin: the first account of a new database.
#include "AccountInput.h"
#include "Commands.h"
#include "store/Database.h"

namespace heart::cli {
namespace {
const QString kLogin = QStringLiteral("login");
const QString kName = QStringLiteral("name");
} // namespace

int runCreateAdmin(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("--login LOGIN --name \"Display Name\" [--database LOCATION]"),
        QStringLiteral("Creates the first administrator of a database that has no accounts "
                       "yet (the database is created if needed). The password comes from "
                       "HEARTDESK_NEW_PASSWORD, or is asked twice on the terminal."));
    commandLine.addOption({kLogin, QStringLiteral("The administrator's user ID."), QStringLiteral("login")});
    commandLine.addOption(
        {kName, QStringLiteral("The administrator's name as shown in the program."), QStringLiteral("name")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kLogin, kName}))
        return *stop;
    store::NewUser admin{commandLine.value(kLogin), commandLine.value(kName), {Role::Administrator}, {}};
    if (auto stop = checkAccountFields(commandLine, admin))
        return *stop;

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Create))
        return code;
    if (const int code = requireNoAccounts(
            db,
            QStringLiteral("so it has an administrator. Use 'heartdesk-cli create-user --as ADMIN' to add "
                           "accounts")))
        return code;
    const Clock& clock = SystemClock::instance();
    usecases::SignInUseCases accounts(db, clock);

    Secret password = newAccountPassword(admin.login);
    if (!password.ok())
        return password.exitCode;
    admin.password = std::move(password.value);
    auto created = accounts.createFirstAdministrator(admin, cliWorkstation());
    wipe(admin.password);
    if (!created.ok())
        return reportError(created.error(), db.spec(), QStringLiteral("cannot create the administrator"));
    SignedInSession session(db, created.value());
    qCInfo(lcCli) << "first administrator created:" << session.actor().userId();
    printLine(QStringLiteral("created the administrator account '%1' in %2")
                  .arg(session.actor().login(), describeLocation(db.spec())));
    return ExitOk;
}

} // namespace heart::cli
