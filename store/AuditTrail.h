#pragma once
// Appends hash-chained audit rows and verifies the chain. Rows say who did
// what to which record, when and where: never the record's contents.
#include "core/AuditChain.h"
#include "core/Clock.h"
#include "core/Permissions.h"
#include "store/Actor.h"
#include "store/AuditCheckpoints.h"
#include "store/StoreError.h"

#include <optional>

namespace heart::store {

class Database;

namespace audit {
// Action names written to audit_log.action.
inline const QString Create = QStringLiteral("create");
inline const QString Update = QStringLiteral("update");
inline const QString Sign = QStringLiteral("sign");
inline const QString SignFailed = QStringLiteral("sign_failed"); // wrong password when signing a record
inline const QString Finalise = QStringLiteral("finalise");      // a safety plan checked and made final
inline const QString Export = QStringLiteral("export");
inline const QString Open = QStringLiteral("open");
inline const QString Deactivate = QStringLiteral("deactivate");
inline const QString PasswordReset = QStringLiteral("password_reset");
inline const QString SignIn = QStringLiteral("sign_in");
inline const QString SignInFailed = QStringLiteral("sign_in_failed");
inline const QString AccountLocked = QStringLiteral("account_locked");
inline const QString SignOut = QStringLiteral("sign_out");
inline const QString SessionLocked = QStringLiteral("session_locked");
inline const QString SessionUnlocked = QStringLiteral("session_unlocked");
inline const QString SwitchRole = QStringLiteral("switch_role");
inline const QString PermissionDenied = QStringLiteral("permission_denied");
inline const QString KeepDraft = QStringLiteral("keep_draft");
inline const QString Search = QStringLiteral("search"); // record id "*": never the query
inline const QString Dispatch = QStringLiteral("dispatch");
inline const QString Close = QStringLiteral("close");
inline const QString Addendum = QStringLiteral("addendum");
inline const QString StatusChange = QStringLiteral("status_change"); // a response unit moved
} // namespace audit

struct AuditEvent
{
    QString action;
    QString recordType;
    QString recordId;
};

struct AuditVerification
{
    qint64 rowsChecked = 0;
    std::optional<AuditBreak> firstBreak;
    // What outside the database vouches for the chain (AuditCheckpoints):
    // a chain that links is still only "unanchored" without it.
    AuditAnchoring anchoring;

    bool tampered() const { return firstBreak || anchoring.state == AuditAnchoring::State::Tampered; }
    bool intact() const { return !firstBreak && anchoring.state == AuditAnchoring::State::Anchored; }
};

class AuditTrail
{
public:
    AuditTrail(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // Must be called inside an open write transaction, with the change it records.
    StoreError append(const Actor& actor, const AuditEvent& event);
    StoreError append(const QString& userId, const QString& roleCode, const QString& workstation,
                      const AuditEvent& event);
    // Its own transaction: for events that change nothing else (sign-in, open, denied).
    StoreError record(const Actor& actor, const AuditEvent& event);

    // The permission check every store operation starts with: a refusal is
    // itself audited, so probing for what one may not do leaves a trace.
    StoreError require(const Actor& actor, Action action, const QString& recordType,
                       const QString& recordId = {});
    // For failed sign-ins, where there is no signed-in actor.
    StoreError recordAnonymous(const QString& userId, const QString& roleCode, const QString& workstation,
                               const AuditEvent& event);

    // The chain from the genesis hash, then the checkpoints and this
    // computer's remembered head against it (AuditCheckpoints::check).
    StoreResult<AuditVerification> verify();
    StoreResult<std::vector<AuditEntry>> entries(qint64 fromSeq, int limit);
    // The role code the user acted in on their latest `action` on the record
    // (empty when there is no such row): "changed by ... (role)".
    StoreResult<QString> roleOfChange(const QString& userId, const QString& action, const QString& recordType,
                                      const QString& recordId);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
