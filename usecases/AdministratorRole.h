#pragma once
// Giving someone the administrator role (issue 19). An account's password was
// checked against the policy of its roles when it was set: 8 characters for
// a counselor, 12 for an administrator (core/account/PasswordPolicy.h). The
// database keeps only a hash, so nothing can tell whether a counselor's
// password would pass as an administrator's. So the administrator role is
// given together with a new password that meets the administrator's policy,
// in one transaction: without one the roles are not changed, and the error
// is WeakPassword with detail kAdministratorNeedsNewPassword (field
// "password", limit = the administrator's minimum). An account that is an
// administrator already needs no new password to change its other roles.
#include "core/Role.h"
#include "store/StoreError.h"
#include "usecases/Context.h"

#include <QList>
#include <QString>

namespace heart::usecases {

inline constexpr const char* kAdministratorNeedsNewPassword = "administrator-needs-new-password";

// AccountUseCases::setRoles, with the new password the administrator role
// needs (ignored, and may be empty, when the administrator role is not being given).
store::StoreError setRolesWithPassword(const Context& context, const QString& userId,
                                       const QList<Role>& roles, int expectedVersion,
                                       const QString& newPassword);

} // namespace heart::usecases
