#include "AccountInput.h"

#include "core/Clock.h"
#include "store/Database.h"
#include "usecases/AccountUseCases.h"

namespace heart::cli {

std::optional<int> checkAccountFields(const CommandLine& commandLine, const store::NewUser& user)
{
    const store::StoreError error = usecases::SignInUseCases::checkAccountFields(user);
    if (error)
        return commandLine.usageError(describeError(error, {}));
    return std::nullopt;
}

Secret newAccountPassword(const QString& login)
{
    return obtainSecret({{"HEARTDESK_NEW_PASSWORD"},
                         QStringLiteral("New password for %1: ").arg(login),
                         true,
                         QStringLiteral("the new account's password"),
                         ExitUsage});
}

std::optional<int> signInAsAdministrator(store::Database& db, const QString& adminLogin, const QString& what,
                                         std::optional<SignedInSession>& session)
{
    Secret adminPassword = obtainSecret({{"HEARTDESK_ADMIN_PASSWORD"},
                                         QStringLiteral("Password for %1: ").arg(adminLogin),
                                         false,
                                         QStringLiteral("the password of %1").arg(adminLogin),
                                         ExitUsage});
    if (!adminPassword.ok())
        return adminPassword.exitCode;
    auto signedIn = usecases::SignInUseCases(db, SystemClock::instance())
                        .signIn(adminLogin, adminPassword.value, cliWorkstation());
    wipe(adminPassword.value);
    if (!signedIn.ok())
        return reportError(signedIn.error(), db.spec(),
                           QStringLiteral("cannot sign in as %1").arg(adminLogin));
    session.emplace(db, signedIn.value());
    // Sign-in takes the account's first role; administration needs that one.
    if (session->actor().role() != Role::Administrator) {
        auto switched = usecases::AccountUseCases({db, SystemClock::instance(), session->actor()})
                            .switchRole(Role::Administrator);
        if (!switched.ok()) {
            printError(QStringLiteral("%1 is not an administrator, so cannot %2; nothing was changed")
                           .arg(adminLogin, what));
            return ExitFailed;
        }
        session->switchTo(switched.value());
    }
    return std::nullopt;
}

SignedInSession::~SignedInSession()
{
    usecases::AccountUseCases({m_db, SystemClock::instance(), m_actor}).signOut();
}

} // namespace heart::cli
