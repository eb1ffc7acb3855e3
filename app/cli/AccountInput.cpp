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

std::optional<int> signInInRole(store::Database& db, const QString& login, const char* passwordVariable,
                                Role role, const QString& notInRole, std::optional<SignedInSession>& session)
{
    Secret password = obtainSecret({{passwordVariable},
                                    QStringLiteral("Password for %1: ").arg(login),
                                    false,
                                    QStringLiteral("the password of %1").arg(login),
                                    ExitUsage});
    if (!password.ok())
        return password.exitCode;
    auto signedIn =
        usecases::SignInUseCases(db, SystemClock::instance()).signIn(login, password.value, cliWorkstation());
    wipe(password.value);
    if (!signedIn.ok())
        return reportError(signedIn.error(), db.spec(), QStringLiteral("cannot sign in as %1").arg(login));
    session.emplace(db, signedIn.value());
    // Sign-in takes the account's first role; the command needs `role`.
    if (session->actor().role() != role) {
        auto switched =
            usecases::AccountUseCases({db, SystemClock::instance(), session->actor()}).switchRole(role);
        if (!switched.ok()) {
            printError(notInRole);
            return ExitFailed;
        }
        session->switchTo(switched.value());
    }
    return std::nullopt;
}

std::optional<int> signInAsAdministrator(store::Database& db, const QString& adminLogin, const QString& what,
                                         std::optional<SignedInSession>& session)
{
    return signInInRole(
        db, adminLogin, "HEARTDESK_ADMIN_PASSWORD", Role::Administrator,
        QStringLiteral("%1 is not an administrator, so cannot %2; nothing was changed").arg(adminLogin, what),
        session);
}

SignedInSession::~SignedInSession()
{
    usecases::AccountUseCases({m_db, SystemClock::instance(), m_actor}).signOut();
}

} // namespace heart::cli
