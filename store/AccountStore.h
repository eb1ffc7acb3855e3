#pragma once
// Staff accounts: the first administrator, sign-in with lockout, roles,
// password resets and deactivation (accounts are never deleted: the audit
// trail keeps pointing at them).
#include "core/AccountLockout.h"
#include "core/Clock.h"
#include "core/Role.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace heart::store {

class Database;
class UnitOfWork;

struct UserAccount
{
    QString id;
    QString login;
    QString displayName;
    QList<Role> roles; // in the fixed order of kAllRoles; the first is the default at sign-in
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil; // invalid when not locked
    int version = 0;
};

struct NewUser
{
    QString login;
    QString displayName;
    QList<Role> roles;
    QString password;
};

class AccountStore
{
public:
    AccountStore(Database& db, const Clock& clock, LockoutPolicy lockout = {});

    StoreResult<bool> hasUsers();
    // Only on an empty database: the person installing the program.
    StoreResult<Actor> createFirstAdministrator(const NewUser& admin, const QString& workstation);

    // Signs in with the user's first role. Wrong passwords count towards the
    // lockout; a locked account refuses even the right password.
    StoreResult<Actor> signIn(const QString& login, const QString& password, const QString& workstation);
    // Re-entering the password to unlock a locked session; counts like a sign-in.
    StoreError confirmPassword(const Actor& actor, const QString& password);
    StoreResult<Actor> switchRole(const Actor& actor, Role role);
    StoreResult<UserAccount> account(const QString& userId);
    // sign_out, session_locked, session_unlocked
    StoreError recordSessionEvent(const Actor& actor, const QString& action);

    // Administration: each requires Action::ManageUsers.
    StoreResult<QList<UserAccount>> listUsers(const Actor& actor);
    StoreResult<UserAccount> addUser(const Actor& actor, const NewUser& user);
    StoreError setRoles(const Actor& actor, const QString& userId, const QList<Role>& roles,
                        int expectedVersion);
    StoreError resetPassword(const Actor& actor, const QString& userId, const QString& newPassword);
    StoreError setActive(const Actor& actor, const QString& userId, bool active, int expectedVersion);

    // The account's fields (user ID, name, roles) and its password, as the
    // core's rules judge them (core/account); an error names the field.
    static StoreError checkNewUser(const NewUser& user);
    static StoreError checkAccountFields(const NewUser& user);
    // A WeakPassword error's detail is the core's problem code ("common"), its limit the minimum length.
    static StoreError checkPassword(const QString& password, const QString& login, const QString& displayName,
                                    bool administrator);

private:
    StoreResult<UserAccount> findByLogin(const QString& login);
    StoreResult<QString> passwordHash(const QString& userId);
    StoreError writeLockout(const QString& userId, const LockoutState& state);
    StoreError passwordAttempt(const UserAccount& user, const QString& password, const QString& roleForAudit,
                               const QString& workstation);
    StoreResult<UserAccount> insertUser(UnitOfWork& work, const NewUser& user, const QString& id = {});
    StoreResult<int> activeAdministrators();

    Database& m_db;
    const Clock& m_clock;
    AccountLockout m_lockout;
    AuditTrail m_audit;
};

// A name one person types and others see (an account's display name, a
// responder in the roster): InvalidInput (detail "control-character") for
// control, bidi-override or invisible format characters, TooLong past
// account::kMaximumDisplayNameLength characters. A blank name passes here:
// whether one is required is the caller's rule.
StoreError checkPersonName(const QString& name, const QString& field);

} // namespace heart::store
