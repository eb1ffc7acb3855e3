// Giving the administrator role takes an administrator's password (see AdministratorRole.h).
#include "usecases/AdministratorRole.h"

#include "core/Permissions.h"
#include "core/account/PasswordPolicy.h"
#include "store/AccountStore.h"
#include "store/SqlTransaction.h"

namespace heart::usecases {

store::StoreError setRolesWithPassword(const Context& context, const QString& userId,
                                       const QList<Role>& roles, int expectedVersion,
                                       const QString& newPassword)
{
    store::AccountStore accounts(context.db, context.clock);
    const auto plain = [&] {
        return accounts.setRoles(context.actor, userId, roles, expectedVersion);
    };
    // Not an administrator role being given, or someone who may not give it
    // (the store refuses and audits that), or an account that is not there
    // or changed meanwhile: the store's own answer.
    if (!roles.contains(Role::Administrator) || !permits(context.actor.role(), Action::ManageUsers))
        return plain();
    auto current = accounts.account(userId);
    if (!current.ok() || current.value().roles.contains(Role::Administrator) ||
        current.value().version != expectedVersion)
        return plain();
    if (newPassword.isEmpty()) {
        store::StoreError error = store::StoreError::make(store::StoreErrorCode::WeakPassword,
                                                          QString::fromLatin1(kAdministratorNeedsNewPassword),
                                                          QStringLiteral("password"));
        error.limit = int(account::kMinimumAdministratorPasswordLength);
        return error;
    }
    if (store::StoreError error = store::AccountStore::checkPassword(newPassword, current.value().login,
                                                                     current.value().displayName,
                                                                     /*administrator=*/true))
        return error;
    // The new password and the role together, or neither.
    store::SqlTransaction tx(context.db);
    if (tx.beginError())
        return tx.beginError();
    if (store::StoreError error = accounts.resetPassword(context.actor, userId, newPassword))
        return error;
    if (store::StoreError error = accounts.setRoles(context.actor, userId, roles, expectedVersion + 1))
        return error;
    return tx.commit();
}

} // namespace heart::usecases
