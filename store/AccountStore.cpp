#include "store/AccountStore.h"

#include "core/Uuid.h"
#include "core/account/NameRules.h"
#include "core/account/PasswordPolicy.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/PasswordHasher.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"
#include "store/sync/SyncEngine.h"

#include <QRegularExpression>
#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

const QString kUser = QStringLiteral("user");

QList<Role> normalisedRoles(const QList<Role>& roles)
{
    QList<Role> out;
    for (Role role : kAllRoles) {
        if (roles.contains(role))
            out.append(role);
    }
    return out;
}

QString roleText(Role role)
{
    return toQString(roleCode(role));
}

} // namespace

AccountStore::AccountStore(Database& db, const Clock& clock, LockoutPolicy lockout)
    : m_db(db), m_clock(clock), m_lockout(lockout), m_audit(db, clock)
{}

StoreError AccountStore::checkPassword(const QString& password, const QString& login,
                                       const QString& displayName, bool administrator)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray loginUtf8 = login.toUtf8();
    const QByteArray nameUtf8 = displayName.toUtf8();
    const account::PasswordVerdict verdict = account::checkPassword(
        {std::string_view(utf8.constData(), std::size_t(utf8.size())),
         std::string_view(loginUtf8.constData(), std::size_t(loginUtf8.size())),
         std::string_view(nameUtf8.constData(), std::size_t(nameUtf8.size())), administrator});
    if (verdict.ok())
        return {};
    // The detail is the core's stable code ("too-short", "common"): the CLI and
    // the UI put it into words; the limit is the minimum that applied.
    StoreError error = StoreError::make(StoreErrorCode::WeakPassword,
                                        toQString(account::passwordProblemCode(verdict.problem)),
                                        QStringLiteral("password"));
    error.limit = int(verdict.minimumLength);
    return error;
}

StoreError AccountStore::checkAccountFields(const NewUser& user)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,31}$"));
    if (!loginPattern.match(user.login).hasMatch()) {
        return StoreError::make(
            StoreErrorCode::InvalidInput,
            QStringLiteral("user IDs are 2-32 lower-case letters, digits, '.', '_' or '-'"),
            QStringLiteral("login"));
    }
    if (user.displayName.trimmed().isEmpty())
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("no name"),
                                QStringLiteral("displayName"));
    if (StoreError error = checkPersonName(user.displayName, QStringLiteral("displayName")))
        return error;
    if (user.roles.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("no role"),
                                QStringLiteral("roles"));
    return {};
}

StoreError AccountStore::checkNewUser(const NewUser& user)
{
    if (StoreError error = checkAccountFields(user))
        return error;
    return checkPassword(user.password, user.login, user.displayName,
                         user.roles.contains(Role::Administrator));
}

StoreError checkPersonName(const QString& name, const QString& field)
{
    const QByteArray utf8 = name.trimmed().toUtf8();
    switch (account::checkDisplayName(std::string_view(utf8.constData(), std::size_t(utf8.size())))) {
    case account::NameProblem::None:
    case account::NameProblem::Blank: // whether a name is required is the caller's rule
        return {};
    case account::NameProblem::TooLong: {
        StoreError error = StoreError::make(StoreErrorCode::TooLong, QStringLiteral("name too long"), field);
        error.limit = int(account::kMaximumDisplayNameLength);
        return error;
    }
    case account::NameProblem::NotText:
    case account::NameProblem::ControlCharacter:
        break;
    }
    return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("control-character"), field);
}

StoreResult<bool> AccountStore::hasUsers()
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (StoreError error = m_db.exec(query, "count users"))
        return error;
    return query.next() && query.value(0).toInt() > 0;
}

StoreResult<UserAccount> AccountStore::insertUser(UnitOfWork& work, const NewUser& user, const QString& id)
{
    const QByteArray hash = PasswordHasher::hash(user.password);
    if (hash.isEmpty())
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("password hashing failed"));
    UserAccount account;
    account.id = id.isEmpty() ? toQString(newRecordId(m_clock.now())) : id;
    account.login = user.login;
    account.displayName = user.displayName.trimmed();
    account.roles = normalisedRoles(user.roles);
    account.version = 1;
    const QString now = toStoredTime(m_clock.now());

    QSqlQuery exists = m_db.prepare(QStringLiteral("SELECT 1 FROM users WHERE login = ?"));
    exists.addBindValue(user.login);
    if (StoreError error = m_db.exec(exists, "check login"))
        return error;
    if (exists.next())
        return StoreError::make(StoreErrorCode::DuplicateLogin, QStringLiteral("user ID already taken"),
                                QStringLiteral("login"));
    exists.finish();

    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO users (id, login, display_name, password_hash, active, failed_attempts, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, 1, 0, ?, ?, 1)"));
    insert.addBindValue(account.id);
    insert.addBindValue(account.login);
    insert.addBindValue(account.displayName);
    insert.addBindValue(QString::fromLatin1(hash));
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (StoreError error = m_db.exec(insert, "insert user"))
        return error;
    for (Role role : account.roles) {
        QSqlQuery grant =
            m_db.prepare(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, ?)"));
        grant.addBindValue(account.id);
        grant.addBindValue(roleText(role));
        if (StoreError error = m_db.exec(grant, "insert role"))
            return error;
    }
    // The role rows are part of the account: one record, version 1.
    if (StoreError error = work.changed(audit::Create, kUser, account.id, account.version))
        return error;
    return account;
}

StoreResult<Actor> AccountStore::createFirstAdministrator(const NewUser& admin, const QString& workstation)
{
    NewUser user = admin;
    if (!user.roles.contains(Role::Administrator))
        user.roles.append(Role::Administrator);
    if (StoreError error = checkNewUser(user))
        return error;
    // No one is signed in yet: the new administrator acts on their own account.
    const Actor actor(toQString(newRecordId(m_clock.now())), user.login, user.displayName.trimmed(),
                      Role::Administrator, workstation);
    UnitOfWork work(m_db, m_clock, actor, UnitOfWork::OwnAccount{});
    if (!work.ok())
        return work.error();
    auto existing = hasUsers();
    if (!existing.ok())
        return existing.error();
    if (existing.value())
        return StoreError::make(StoreErrorCode::AlreadyInitialized, QStringLiteral("accounts exist already"));
    auto inserted = insertUser(work, user, actor.userId());
    if (!inserted.ok())
        return inserted.error();
    const UserAccount& account = inserted.value();
    if (StoreError error = work.audit(audit::SignIn, kUser, account.id))
        return error;
    if (StoreError error = work.commit())
        return error;
    qCInfo(lcStore) << "first administrator created" << account.id;
    return actor;
}

StoreResult<UserAccount> AccountStore::findByLogin(const QString& login)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id FROM users WHERE login = ?"));
    query.addBindValue(login);
    if (StoreError error = m_db.exec(query, "find user"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such user"));
    const QString id = query.value(0).toString();
    query.finish();
    return account(id);
}

StoreResult<UserAccount> AccountStore::account(const QString& userId)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, login, display_name, active, failed_attempts, "
                                                  "locked_until, version FROM users WHERE id = ?"));
    query.addBindValue(userId);
    if (StoreError error = m_db.exec(query, "read user"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such user"));
    UserAccount account;
    account.id = query.value(0).toString();
    account.login = query.value(1).toString();
    account.displayName = query.value(2).toString();
    account.active = query.value(3).toInt() != 0;
    account.failedAttempts = query.value(4).toInt();
    if (!query.value(5).isNull())
        account.lockedUntil = fromStoredTime(query.value(5).toString());
    account.version = query.value(6).toInt();
    query.finish();

    QSqlQuery roles = m_db.prepare(QStringLiteral("SELECT role FROM user_roles WHERE user_id = ?"));
    roles.addBindValue(userId);
    if (StoreError error = m_db.exec(roles, "read roles"))
        return error;
    QList<Role> found;
    while (roles.next()) {
        if (auto role = roleFromCode(roles.value(0).toString().toStdString()))
            found.append(*role);
    }
    account.roles = normalisedRoles(found);
    return account;
}

StoreResult<QString> AccountStore::passwordHash(const QString& userId)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
    query.addBindValue(userId);
    if (StoreError error = m_db.exec(query, "read password hash"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such user"));
    return query.value(0).toString();
}

StoreError AccountStore::writeLockout(const QString& userId, const LockoutState& state)
{
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
    update.addBindValue(state.failedAttempts);
    update.addBindValue(state.lockedUntil ? QVariant(toStoredTime(*state.lockedUntil))
                                          : QVariant(QMetaType::fromType<QString>()));
    update.addBindValue(userId);
    return m_db.exec(update, "write lockout state");
}

StoreError AccountStore::passwordAttempt(const UserAccount& user, const QString& password,
                                         const QString& roleForAudit, const QString& workstation)
{
    const TimePoint now = m_clock.now();
    LockoutState state;
    state.failedAttempts = user.failedAttempts;
    if (user.lockedUntil.isValid())
        state.lockedUntil = toTimePoint(user.lockedUntil);

    if (m_lockout.isLocked(state, now)) {
        m_audit.recordAnonymous(user.id, roleForAudit, workstation, {audit::SignInFailed, kUser, user.id});
        StoreError error = StoreError::make(StoreErrorCode::AccountLocked, QStringLiteral("account locked"));
        error.until = user.lockedUntil;
        return error;
    }
    auto hash = passwordHash(user.id);
    if (!hash.ok())
        return hash.error();
    const QByteArray encoded = hash.value().toLatin1();
    if (PasswordHasher::verify(encoded, password)) {
        SqlTransaction tx(m_db);
        if (tx.beginError())
            return tx.beginError();
        if (StoreError error = writeLockout(user.id, m_lockout.recordSuccess()))
            return error;
        if (PasswordHasher::needsRehash(encoded)) {
            QSqlQuery rehash =
                m_db.prepare(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
            rehash.addBindValue(QString::fromLatin1(PasswordHasher::hash(password)));
            rehash.addBindValue(user.id);
            if (StoreError error = m_db.exec(rehash, "rehash password"))
                return error;
        }
        return tx.commit();
    }

    const FailureOutcome outcome = m_lockout.recordFailure(state, now);
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    if (StoreError error = writeLockout(user.id, outcome.state))
        return error;
    if (StoreError error =
            m_audit.append(user.id, roleForAudit, workstation, {audit::SignInFailed, kUser, user.id}))
        return error;
    if (outcome.lockedNow) {
        if (StoreError error =
                m_audit.append(user.id, roleForAudit, workstation, {audit::AccountLocked, kUser, user.id}))
            return error;
    }
    if (StoreError error = tx.commit())
        return error;
    if (outcome.lockedNow) {
        qCWarning(lcStore) << "account locked after repeated failures" << user.id;
        StoreError error = StoreError::make(StoreErrorCode::AccountLocked, QStringLiteral("account locked"));
        error.until = toDateTime(*outcome.state.lockedUntil);
        return error;
    }
    return StoreError::make(StoreErrorCode::BadCredentials, QStringLiteral("wrong user ID or password"));
}

StoreResult<Actor> AccountStore::signIn(const QString& login, const QString& password,
                                        const QString& workstation)
{
    auto found = findByLogin(login.trimmed().toLower());
    if (!found.ok()) {
        if (found.error().code != StoreErrorCode::NotFound)
            return found.error();
        // Never record the typed login: people type passwords into it.
        PasswordHasher::burnVerification(password);
        m_audit.recordAnonymous(QString(), QString(), workstation, {audit::SignInFailed, kUser, QString()});
        return StoreError::make(StoreErrorCode::BadCredentials, QStringLiteral("wrong user ID or password"));
    }
    const UserAccount& user = found.value();
    const QString firstRole = user.roles.isEmpty() ? QString() : roleText(user.roles.first());
    if (!user.active) {
        PasswordHasher::burnVerification(password);
        m_audit.recordAnonymous(user.id, firstRole, workstation, {audit::SignInFailed, kUser, user.id});
        return StoreError::make(StoreErrorCode::AccountInactive, QStringLiteral("account deactivated"));
    }
    if (user.roles.isEmpty())
        return StoreError::make(StoreErrorCode::PermissionDenied, QStringLiteral("the account has no role"));
    if (StoreError error = passwordAttempt(user, password, firstRole, workstation))
        return error;
    if (StoreError error = sync::checkOfflineSignIn(m_db, user.id, m_clock.now())) {
        m_audit.recordAnonymous(user.id, firstRole, workstation, {audit::SignInFailed, kUser, user.id});
        return error;
    }
    Actor actor(user.id, user.login, user.displayName, user.roles.first(), workstation);
    if (StoreError error = m_audit.record(actor, {audit::SignIn, kUser, user.id}))
        return error;
    return actor;
}

StoreError AccountStore::confirmPassword(const Actor& actor, const QString& password)
{
    auto found = account(actor.userId());
    if (!found.ok())
        return found.error();
    if (!found.value().active)
        return StoreError::make(StoreErrorCode::AccountInactive, QStringLiteral("account deactivated"));
    if (StoreError error =
            passwordAttempt(found.value(), password, roleText(actor.role()), actor.workstation()))
        return error;
    return {};
}

StoreResult<Actor> AccountStore::switchRole(const Actor& actor, Role role)
{
    auto found = account(actor.userId());
    if (!found.ok())
        return found.error();
    if (!found.value().active || !found.value().roles.contains(role)) {
        m_audit.record(actor, {audit::PermissionDenied, kUser, actor.userId()});
        return StoreError::make(StoreErrorCode::PermissionDenied,
                                QStringLiteral("the user does not hold that role"));
    }
    Actor next(actor.userId(), actor.login(), actor.displayName(), role, actor.workstation());
    if (StoreError error = m_audit.record(next, {audit::SwitchRole, kUser, actor.userId()}))
        return error;
    return next;
}

StoreError AccountStore::recordSessionEvent(const Actor& actor, const QString& action)
{
    return m_audit.record(actor, {action, kUser, actor.userId()});
}

StoreResult<QList<UserAccount>> AccountStore::listUsers(const Actor& actor)
{
    if (StoreError error = m_audit.require(actor, Action::ManageUsers, kUser))
        return error;
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id FROM users ORDER BY login"));
    if (StoreError error = m_db.exec(query, "list users"))
        return error;
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    query.finish();
    QList<UserAccount> users;
    for (const QString& id : std::as_const(ids)) {
        auto one = account(id);
        if (!one.ok())
            return one.error();
        users.append(one.value());
    }
    return users;
}

StoreResult<UserAccount> AccountStore::addUser(const Actor& actor, const NewUser& user)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageUsers, kUser);
    if (!work.ok())
        return work.error();
    if (StoreError error = checkNewUser(user))
        return error;
    auto inserted = insertUser(work, user);
    if (!inserted.ok())
        return inserted.error();
    if (StoreError error = work.commit())
        return error;
    return inserted;
}

StoreResult<int> AccountStore::activeAdministrators()
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM users u JOIN user_roles r ON "
                                                  "r.user_id = u.id WHERE u.active = 1 AND r.role = ?"));
    query.addBindValue(roleText(Role::Administrator));
    if (StoreError error = m_db.exec(query, "count administrators"))
        return error;
    return query.next() ? query.value(0).toInt() : 0;
}

StoreError AccountStore::setRoles(const Actor& actor, const QString& userId, const QList<Role>& roles,
                                  int expectedVersion)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageUsers, kUser, userId);
    if (!work.ok())
        return work.error();
    const QList<Role> wanted = normalisedRoles(roles);
    if (wanted.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("no role"),
                                QStringLiteral("roles"));
    auto current = account(userId);
    if (!current.ok())
        return current.error();
    if (current.value().version != expectedVersion)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the account was changed meanwhile"));
    if (current.value().active && current.value().roles.contains(Role::Administrator) &&
        !wanted.contains(Role::Administrator)) {
        auto admins = activeAdministrators();
        if (!admins.ok())
            return admins.error();
        if (admins.value() <= 1)
            return StoreError::make(StoreErrorCode::LastAdministrator,
                                    QStringLiteral("the last administrator"));
    }
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"));
    clear.addBindValue(userId);
    if (StoreError error = m_db.exec(clear, "clear roles"))
        return error;
    for (Role role : wanted) {
        QSqlQuery grant =
            m_db.prepare(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, ?)"));
        grant.addBindValue(userId);
        grant.addBindValue(roleText(role));
        if (StoreError error = m_db.exec(grant, "insert role"))
            return error;
    }
    QSqlQuery bump = m_db.prepare(QStringLiteral(
        "UPDATE users SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?"));
    bump.addBindValue(toStoredTime(m_clock.now()));
    bump.addBindValue(userId);
    bump.addBindValue(expectedVersion);
    if (StoreError error = m_db.exec(bump, "bump user version"))
        return error;
    if (bump.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the account was changed meanwhile"));
    if (StoreError error = work.changed(audit::Update, kUser, userId, expectedVersion + 1))
        return error;
    return work.commit();
}

StoreError AccountStore::resetPassword(const Actor& actor, const QString& userId, const QString& newPassword)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageUsers, kUser, userId);
    if (!work.ok())
        return work.error();
    auto current = account(userId);
    if (!current.ok())
        return current.error();
    if (StoreError error = checkPassword(newPassword, current.value().login, current.value().displayName,
                                         current.value().roles.contains(Role::Administrator)))
        return error;
    const QByteArray hash = PasswordHasher::hash(newPassword);
    if (hash.isEmpty())
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("password hashing failed"));
    // A reset also lifts a lockout: the administrator has checked who is asking.
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts = 0, "
                                                   "locked_until = NULL, version = version + 1, "
                                                   "updated_at = ? WHERE id = ?"));
    update.addBindValue(QString::fromLatin1(hash));
    update.addBindValue(toStoredTime(m_clock.now()));
    update.addBindValue(userId);
    if (StoreError error = m_db.exec(update, "reset password"))
        return error;
    if (StoreError error = work.changed(audit::PasswordReset, kUser, userId, current.value().version + 1))
        return error;
    return work.commit();
}

StoreError AccountStore::setActive(const Actor& actor, const QString& userId, bool active,
                                   int expectedVersion)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageUsers, kUser, userId);
    if (!work.ok())
        return work.error();
    auto current = account(userId);
    if (!current.ok())
        return current.error();
    if (current.value().version != expectedVersion)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the account was changed meanwhile"));
    if (!active && current.value().active && current.value().roles.contains(Role::Administrator)) {
        auto admins = activeAdministrators();
        if (!admins.ok())
            return admins.error();
        if (admins.value() <= 1)
            return StoreError::make(StoreErrorCode::LastAdministrator,
                                    QStringLiteral("the last administrator"));
    }
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE users SET active = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?"));
    update.addBindValue(active ? 1 : 0);
    update.addBindValue(toStoredTime(m_clock.now()));
    update.addBindValue(userId);
    update.addBindValue(expectedVersion);
    if (StoreError error = m_db.exec(update, "set active"))
        return error;
    if (update.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the account was changed meanwhile"));
    if (StoreError error =
            work.changed(active ? audit::Update : audit::Deactivate, kUser, userId, expectedVersion + 1))
        return error;
    return work.commit();
}

} // namespace heart::store
