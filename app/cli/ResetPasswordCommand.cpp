// heartdesk-cli reset-password: an administrator sets a new password for an
// account (also lifting a lockout), under the same password policy as
// create-user and the administration screen.
#include "AccountInput.h"
#include "Commands.h"
#include "store/Database.h"

namespace heart::cli {
namespace {
const QString kAs = QStringLiteral("as");
const QString kLogin = QStringLiteral("login");
} // namespace

int runResetPassword(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation, QStringLiteral("--as ADMIN --login LOGIN [--database LOCATION]"),
        QStringLiteral("Signs in as an administrator and gives an account a new password, which also lifts "
                       "a lockout. The administrator's password comes from HEARTDESK_ADMIN_PASSWORD, the new "
                       "password from HEARTDESK_NEW_PASSWORD; either is asked on the terminal when not set. "
                       "The new password must have 8 characters (12 for an administrator) and not be a "
                       "common password, a run like 12345678, or made of the user ID or name."));
    commandLine.addOption(
        {kAs, QStringLiteral("User ID of the administrator doing this."), QStringLiteral("admin")});
    commandLine.addOption(
        {kLogin, QStringLiteral("The account whose password is reset."), QStringLiteral("login")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kAs, kLogin}))
        return *stop;
    const QString adminLogin = commandLine.value(kAs).trimmed();
    const QString login = commandLine.value(kLogin).trimmed();

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    std::optional<SignedInSession> session;
    if (auto stop = signInAsAdministrator(db, adminLogin, QStringLiteral("reset passwords"), session))
        return *stop;
    usecases::AccountUseCases accounts({db, SystemClock::instance(), session->actor()});
    auto users = accounts.users();
    if (!users.ok())
        return reportError(users.error(), db.spec(), QStringLiteral("cannot list the accounts"));
    QString userId;
    for (const store::UserAccount& user : users.value()) {
        if (user.login == login)
            userId = user.id;
    }
    if (userId.isEmpty())
        return commandLine.usageError(QStringLiteral("there is no account with the user ID '%1'").arg(login));

    Secret password = newAccountPassword(login);
    if (!password.ok())
        return password.exitCode;
    const store::StoreError error = accounts.resetPassword(userId, password.value);
    wipe(password.value);
    if (error)
        return reportError(error, db.spec(), QStringLiteral("cannot reset the password of %1").arg(login));
    printLine(QStringLiteral("reset the password of '%1' in %2").arg(login, describeLocation(db.spec())));
    return ExitOk;
}

} // namespace heart::cli
