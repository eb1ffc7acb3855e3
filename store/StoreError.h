#pragma once
// What went wrong in the store, as a code the UI can put into words in the
// user's language, plus technical detail (never a person's data).
#include <QDateTime>
#include <QString>
#include <optional>
#include <utility>

namespace heart::store {

enum class StoreErrorCode
{
    None,
    InvalidLocation,    // the --database argument could not be understood
    PasswordInLocation, // a password was put on the command line
    NotADatabase,       // the SQLite file is corrupt or not a database: left untouched
    FileUnreadable,     // cannot open or read the file
    NewerSchema,        // written by a newer HEART Desk: refused
    ConnectionFailed,   // server unreachable or credentials refused
    QueryFailed,
    PermissionDenied, // the role may not do this
    Conflict,         // the row changed since it was read
    NotFound,
    InvalidInput,       // a value not valid for its input; `field` names the input
    RequiredMissing,    // an input that must be given is empty; `field` names it
    TooLong,            // a text over its limit; `field` names it, `limit` holds the limit
    RecordSigned,       // a signed note or final plan takes no more changes (an addendum does)
    CallClosed,         // a closed call is read-only
    UnitBusy,           // the unit is not free for a new call (its state in `detail`)
    StatusRefused,      // the core's rules refuse this status change
    TaskClosed,         // a closed follow-up task takes no more changes
    HeldByOther,        // someone else holds the task (claim) or the record
    IneligibleAssignee, // inactive account, or a role that does not do this work
    DuplicateLogin,
    WeakPassword,
    BadCredentials,
    AccountLocked,
    AccountInactive,
    LastAdministrator,  // would leave nobody able to manage accounts
    AlreadyInitialized, // the first administrator exists already
    PlaintextRefused,   // sslmode=disable to a server that is not on this computer
    SchemaNeedsOwner,   // the schema is older than the program and this login may not migrate it
    CredentialsExpired, // a van laptop's copy of the account was not confirmed by the center for too long
};

struct StoreError
{
    StoreErrorCode code = StoreErrorCode::None;
    QString detail;  // technical, English, for logs and the CLI
    QString field;   // the offending input, if any
    QDateTime until; // AccountLocked: when the lock ends
    int limit = 0;   // TooLong: the most characters (or items) allowed

    explicit operator bool() const { return code != StoreErrorCode::None; }
    static StoreError none() { return {}; }
    static StoreError make(StoreErrorCode code, QString detail = {}, QString field = {})
    {
        return StoreError{code, std::move(detail), std::move(field), {}, 0};
    }
};

QString storeErrorCodeName(StoreErrorCode code);

template <typename T> class StoreResult
{
public:
    StoreResult(T value) : m_value(std::move(value)) {}
    StoreResult(StoreError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    // On a temporary, the value itself: `for (x : call().value())` then keeps
    // it alive for the loop (a reference into the temporary would dangle).
    T value() && { return std::move(*m_value); }
    const StoreError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

} // namespace heart::store
