#include "store/StoreError.h"

namespace heart::store {

QString storeErrorCodeName(StoreErrorCode code)
{
    switch (code) {
    case StoreErrorCode::None:
        return QStringLiteral("none");
    case StoreErrorCode::InvalidLocation:
        return QStringLiteral("invalid-location");
    case StoreErrorCode::PasswordInLocation:
        return QStringLiteral("password-in-location");
    case StoreErrorCode::NotADatabase:
        return QStringLiteral("not-a-database");
    case StoreErrorCode::FileUnreadable:
        return QStringLiteral("file-unreadable");
    case StoreErrorCode::NewerSchema:
        return QStringLiteral("newer-schema");
    case StoreErrorCode::ConnectionFailed:
        return QStringLiteral("connection-failed");
    case StoreErrorCode::QueryFailed:
        return QStringLiteral("query-failed");
    case StoreErrorCode::PermissionDenied:
        return QStringLiteral("permission-denied");
    case StoreErrorCode::Conflict:
        return QStringLiteral("conflict");
    case StoreErrorCode::NotFound:
        return QStringLiteral("not-found");
    case StoreErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case StoreErrorCode::RequiredMissing:
        return QStringLiteral("required-missing");
    case StoreErrorCode::TooLong:
        return QStringLiteral("too-long");
    case StoreErrorCode::RecordSigned:
        return QStringLiteral("record-signed");
    case StoreErrorCode::CallClosed:
        return QStringLiteral("call-closed");
    case StoreErrorCode::UnitBusy:
        return QStringLiteral("unit-busy");
    case StoreErrorCode::StatusRefused:
        return QStringLiteral("status-refused");
    case StoreErrorCode::TaskClosed:
        return QStringLiteral("task-closed");
    case StoreErrorCode::HeldByOther:
        return QStringLiteral("held-by-other");
    case StoreErrorCode::IneligibleAssignee:
        return QStringLiteral("ineligible-assignee");
    case StoreErrorCode::DuplicateLogin:
        return QStringLiteral("duplicate-login");
    case StoreErrorCode::WeakPassword:
        return QStringLiteral("weak-password");
    case StoreErrorCode::BadCredentials:
        return QStringLiteral("bad-credentials");
    case StoreErrorCode::AccountLocked:
        return QStringLiteral("account-locked");
    case StoreErrorCode::AccountInactive:
        return QStringLiteral("account-inactive");
    case StoreErrorCode::LastAdministrator:
        return QStringLiteral("last-administrator");
    case StoreErrorCode::AlreadyInitialized:
        return QStringLiteral("already-initialized");
    case StoreErrorCode::PlaintextRefused:
        return QStringLiteral("plaintext-refused");
    case StoreErrorCode::SchemaNeedsOwner:
        return QStringLiteral("schema-needs-owner");
    case StoreErrorCode::CredentialsExpired:
        return QStringLiteral("credentials-expired");
    }
    return QStringLiteral("unknown");
}

} // namespace heart::store
