#include "AccountInput.h"

#include "store/PasswordHasher.h"

namespace heart::cli {

std::optional<int> checkAccountFields(const CommandLine& commandLine, const store::NewUser& user)
{
    store::NewUser probe = user;
    // A stand-in that passes every password rule, so only the other fields are judged.
    probe.password = QString(store::PasswordHasher::kMinimumLength + 40, QLatin1Char('#'));
    const store::StoreError error = store::AccountStore::checkNewUser(probe);
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

SignedInSession::~SignedInSession()
{
    m_accounts.recordSessionEvent(m_actor, store::audit::SignOut);
}

} // namespace heart::cli
