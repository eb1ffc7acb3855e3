#pragma once
// What a member of a response unit reads about the call the unit was sent to,
// on the way to the person: the call with the parts the member's role sees
// (core/units/UnitCallVisibility.h), who dispatched the unit and when, and -
// when the call is linked to a known person - that person's prior contacts:
// earlier calls and encounters, the latest final safety plan, follow-up tasks.
//
// Only members of a unit whose status events name the call may read (as
// IntakeStore::openAssigned); every refusal is audited (permission_denied).
// A part the role may not see is never read: absent from the result, not
// blank-filled (the call's fields of such a part are left empty, and
// `parts` says which parts the role sees, so a screen can tell "not yours"
// from "there is none").
//
// Audit: open() writes an "open" of the call (IntakeStore::openAssigned).
// priorContacts() writes, in one transaction, an "open" of the person and of
// every earlier call, encounter, safety plan and follow-up task it returns,
// so "who read this" has a complete answer. latestSafetyPlan() writes an
// "open" of the plan, printed() an "export" of it (a copy printed again).
#include "core/units/UnitCallVisibility.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/FollowUpStore.h"
#include "store/IntakeStore.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace heart::store {

class Database;

struct UnitCallDetail
{
    CallRecord call; // the fields of parts the role does not see are empty
    QList<units::CallPart> parts;
    QString dispatchedByName;    // who sent the actor's unit (empty when not known)
    QDateTime unitDispatchedAt;  // when the actor's unit was sent (UTC), else the call's dispatch time
    QList<CallAddendum> addenda; // part callClinical, oldest first

    bool sees(units::CallPart part) const { return parts.contains(part); }
};

struct PriorCall
{
    QString id;
    QString cadNumber;
    QDateTime receivedAt; // UTC
    QString callType;
    QString riskLevel;
    QString disposition;  // the counselor's: diverted, crt_dispatch, ...
    QString assignedUnit; // the unit sent, when one was
    intake::CallStatus status = intake::CallStatus::Open;
};

struct PriorEncounter
{
    QString id;
    QString callId;
    QString cadNumber;
    QDateTime startedAt; // UTC: when the note was begun
    FollowUpEncounterOutline outline;
    QStringList responders; // the signer and every member who wrote an entry, by name
};

struct PriorContacts
{
    QString personId; // empty: the call is linked to no known person (nothing was read)
    QString personName;
    QList<units::CallPart> parts;               // the prior parts the role sees
    QList<PriorCall> calls;                     // priorCalls: the person's other calls, newest first
    QList<PriorEncounter> encounters;           // priorEncounters: newest first
    std::optional<SafetyPlanRecord> safetyPlan; // safetyPlan: the latest final one, when there is one
    QList<FollowUpTask> followUps; // followUps: open first, then closed, newest first; no attempts
    bool sees(units::CallPart part) const { return parts.contains(part); }
};

struct PriorSafetyPlan
{
    SafetyPlanRecord record;
    QString personName;
};

class UnitCallStore
{
public:
    UnitCallStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    StoreResult<UnitCallDetail> open(const Actor& actor, const QString& callId);
    StoreResult<PriorContacts> priorContacts(const Actor& actor, const QString& callId);
    // The person's latest final plan (NotFound when there is none, or no person).
    StoreResult<PriorSafetyPlan> latestSafetyPlan(const Actor& actor, const QString& callId);
    // A copy of the plan was printed again (audited "export").
    StoreError printed(const Actor& actor, const QString& planId);

    static constexpr int kMaxFollowUps = 20;

    // Refused (audited as a refused read of recordType/recordId) unless the
    // actor is on a unit sent to the call. IntakeStore::openAssigned asks it too.
    StoreError requireSentTo(const Actor& actor, const QString& callId, const QString& recordType,
                             const QString& recordId);

private:
    // The call's linked person (empty when none) and their name.
    StoreResult<std::pair<QString, QString>> personOfCall(const QString& callId);
    // No permission check, no audit: the person's latest final plan, if any.
    StoreResult<std::optional<SafetyPlanRecord>> latestFinalPlan(const QString& personId);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
