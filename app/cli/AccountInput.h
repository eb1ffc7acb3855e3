#pragma once
// What create-admin and create-user share: checking the account's fields
// before anyone types a password, and reading the new password.
#include "Cli.h"
#include "Secrets.h"
#include "store/AccountStore.h"
#include "usecases/AccountUseCases.h"

#include <optional>

namespace heart::cli {

// Checks login, name and roles as the store will (the password is read
// later); prints a usage error and returns ExitUsage when one is wrong.
std::optional<int> checkAccountFields(const CommandLine& commandLine, const store::NewUser& user);

// The new account's password: HEARTDESK_NEW_PASSWORD, or typed twice.
Secret newAccountPassword(const QString& login);

// Records the end of the command's session in the audit trail.
class SignedInSession
{
public:
    SignedInSession(store::Database& db, const store::Actor& actor) : m_db(db), m_actor(actor) {}
    ~SignedInSession();
    SignedInSession(const SignedInSession&) = delete;
    SignedInSession& operator=(const SignedInSession&) = delete;
    const store::Actor& actor() const { return m_actor; }
    void switchTo(const store::Actor& actor) { m_actor = actor; }

private:
    store::Database& m_db;
    store::Actor m_actor;
};

// Signs `login` in (password from the environment variable `passwordVariable`
// or typed) and switches to `role`; `session` holds the signed-in session.
// Returns the exit code when that fails, the error printed (`notInRole` when
// the account does not have the role).
std::optional<int> signInInRole(store::Database& db, const QString& login, const char* passwordVariable,
                                Role role, const QString& notInRole, std::optional<SignedInSession>& session);

// Signs `adminLogin` in (password from HEARTDESK_ADMIN_PASSWORD or typed) and
// switches to the administrator role; `session` holds the signed-in session.
// Returns the exit code when that fails (the error printed: `what` says what
// could not be done), nothing changed.
std::optional<int> signInAsAdministrator(store::Database& db, const QString& adminLogin, const QString& what,
                                         std::optional<SignedInSession>& session);

} // namespace heart::cli
