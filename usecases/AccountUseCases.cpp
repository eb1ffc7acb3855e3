#include "usecases/AccountUseCases.h"

#include "store/AuditTrail.h"
#include "store/DraftStore.h"
#include "usecases/AdministratorRole.h"

namespace heart::usecases {

store::StoreResult<bool> SignInUseCases::hasUsers()
{
    return store::AccountStore(m_db, m_clock).hasUsers();
}

store::StoreResult<store::Actor> SignInUseCases::createFirstAdministrator(const store::NewUser& admin,
                                                                          const QString& workstation)
{
    return store::AccountStore(m_db, m_clock).createFirstAdministrator(admin, workstation);
}

store::StoreResult<store::Actor> SignInUseCases::signIn(const QString& login, const QString& password,
                                                        const QString& workstation)
{
    return store::AccountStore(m_db, m_clock).signIn(login, password, workstation);
}

store::StoreError SignInUseCases::checkNewUser(const store::NewUser& user)
{
    return store::AccountStore::checkNewUser(user);
}

store::StoreError SignInUseCases::checkAccountFields(const store::NewUser& user)
{
    return store::AccountStore::checkAccountFields(user);
}

store::StoreError AccountUseCases::signOut()
{
    return store::AccountStore(m_context.db, m_context.clock)
        .recordSessionEvent(m_context.actor, store::audit::SignOut);
}

store::StoreError AccountUseCases::lockSession()
{
    return store::AccountStore(m_context.db, m_context.clock)
        .recordSessionEvent(m_context.actor, store::audit::SessionLocked);
}

store::StoreError AccountUseCases::unlockSession(const QString& password)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    if (store::StoreError error = accounts.confirmPassword(m_context.actor, password))
        return error;
    return accounts.recordSessionEvent(m_context.actor, store::audit::SessionUnlocked);
}

store::StoreError AccountUseCases::recordUnlocked()
{
    return store::AccountStore(m_context.db, m_context.clock)
        .recordSessionEvent(m_context.actor, store::audit::SessionUnlocked);
}

store::StoreResult<store::Actor> AccountUseCases::switchRole(Role role)
{
    return store::AccountStore(m_context.db, m_context.clock).switchRole(m_context.actor, role);
}

store::StoreResult<store::UserAccount> AccountUseCases::ownAccount()
{
    return store::AccountStore(m_context.db, m_context.clock).account(m_context.actor.userId());
}

store::StoreResult<ChangeAuthor> AccountUseCases::changeAuthor(const store::JournalEntry& entry)
{
    ChangeAuthor author;
    auto account = store::AccountStore(m_context.db, m_context.clock).account(entry.userId);
    if (!account.ok() && account.error().code != store::StoreErrorCode::NotFound)
        return account.error();
    if (account.ok()) {
        author.displayName = account.value().displayName;
        if (!account.value().roles.isEmpty())
            author.role = account.value().roles.first();
    }
    auto role = store::AuditTrail(m_context.db, m_context.clock)
                    .roleOfChange(entry.userId, entry.action, entry.recordType, entry.recordId);
    if (!role.ok())
        return role.error();
    if (auto acted = roleFromCode(role.value().toStdString()))
        author.role = acted;
    return author;
}

store::StoreError AccountUseCases::keepDraft(const QString& form, const QString& content)
{
    return store::DraftStore(m_context.db, m_context.clock).save(m_context.actor, form, content);
}

store::StoreResult<QMap<QString, QString>> AccountUseCases::drafts()
{
    return store::DraftStore(m_context.db, m_context.clock).load(m_context.actor);
}

store::StoreError AccountUseCases::discardDraft(const QString& form)
{
    return store::DraftStore(m_context.db, m_context.clock).discard(m_context.actor, form);
}

store::StoreResult<QList<store::UserAccount>> AccountUseCases::users()
{
    return store::AccountStore(m_context.db, m_context.clock).listUsers(m_context.actor);
}

store::StoreResult<store::UserAccount> AccountUseCases::createUser(const store::NewUser& user)
{
    return store::AccountStore(m_context.db, m_context.clock).addUser(m_context.actor, user);
}

store::StoreError AccountUseCases::setRoles(const QString& userId, const QList<Role>& roles,
                                            int expectedVersion)
{
    // The administrator role is never given without an administrator's
    // password: this refuses it (setRolesWithPassword takes one).
    return setRolesWithPassword(m_context, userId, roles, expectedVersion, {});
}

store::StoreError AccountUseCases::resetPassword(const QString& userId, const QString& newPassword)
{
    return store::AccountStore(m_context.db, m_context.clock)
        .resetPassword(m_context.actor, userId, newPassword);
}

store::StoreError AccountUseCases::setActive(const QString& userId, bool active, int expectedVersion)
{
    return store::AccountStore(m_context.db, m_context.clock)
        .setActive(m_context.actor, userId, active, expectedVersion);
}

} // namespace heart::usecases
