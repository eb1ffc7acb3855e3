#pragma once
// Staff accounts and the session, as use cases. Before anyone is signed in
// (the first administrator, sign-in) SignInUseCases acts with no actor; the
// store keeps its own audited path there. Once signed in, AccountUseCases
// acts as the context's actor: each change one unit of work (permission,
// rows, audit, journal record type "user", signal).
#include "store/AccountStore.h"
#include "store/ChangeJournal.h"
#include "usecases/Context.h"

#include <QMap>
#include <optional>

namespace heart::usecases {

class SignInUseCases
{
public:
    SignInUseCases(store::Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    store::StoreResult<bool> hasUsers();
    // Only on an empty database; signs the new administrator in.
    store::StoreResult<store::Actor> createFirstAdministrator(const store::NewUser& admin,
                                                              const QString& workstation);
    // Audit-only: counts failures towards the lockout, records the sign-in.
    store::StoreResult<store::Actor> signIn(const QString& login, const QString& password,
                                            const QString& workstation);
    // The account's fields as the store will check them.
    static store::StoreError checkNewUser(const store::NewUser& user);
    // The same without the password (user ID, name, roles): asked before the password is typed.
    static store::StoreError checkAccountFields(const store::NewUser& user);

private:
    store::Database& m_db;
    const Clock& m_clock;
};

// Who made a change the journal names, for "changed by ... at ...".
struct ChangeAuthor
{
    QString displayName;      // empty when the account is not found
    std::optional<Role> role; // the role they acted in (else their account's first role)
};

class AccountUseCases
{
public:
    explicit AccountUseCases(const Context& context) : m_context(context) {}

    // The session (audit only: no record changes).
    store::StoreError signOut();
    store::StoreError lockSession();
    // Re-entering the password; a wrong one counts towards the lockout.
    store::StoreError unlockSession(const QString& password);
    // The same person came back through "another user": recorded as an unlock.
    store::StoreError recordUnlocked();
    store::StoreResult<store::Actor> switchRole(Role role);
    // The actor's own account (roles for the role menu).
    store::StoreResult<store::UserAccount> ownAccount();
    // The colleague who made a change (any signed-in role may ask: a name and
    // a role, never the account's other fields).
    store::StoreResult<ChangeAuthor> changeAuthor(const store::JournalEntry& entry);

    // The actor's unsaved forms, kept across sign-out and role changes.
    store::StoreError keepDraft(const QString& form, const QString& content);
    store::StoreResult<QMap<QString, QString>> drafts();
    store::StoreError discardDraft(const QString& form);

    // Administration (Action::ManageUsers).
    store::StoreResult<QList<store::UserAccount>> users();
    // The account with all its roles, one record.
    store::StoreResult<store::UserAccount> createUser(const store::NewUser& user);
    store::StoreError setRoles(const QString& userId, const QList<Role>& roles, int expectedVersion);
    store::StoreError resetPassword(const QString& userId, const QString& newPassword);
    // Refuses to deactivate the last active administrator.
    store::StoreError setActive(const QString& userId, bool active, int expectedVersion);

private:
    Context m_context;
};

} // namespace heart::usecases
