#pragma once
// Care Navigation's follow-up tasks, one at a time: the detail a navigator
// works from, and every change to a task (claim, assign, attempts, outcome,
// extension). The queue's listing is FollowUpQueue's. The rules are core's
// (core/followup/FollowUpPolicy.h); the numbers are the FollowUpPolicy
// setting (FollowUpSettings).
//
// Tasks are created inside the write that causes them, idempotently (one
// per source_key):
//   - EncounterStore::sign calls createForSignedEncounter: a follow_up when
//     the person consented. Program = the unit's kind (crt / cor). Contact
//     time = the unit's first arrival on scene for the call (its "on_scene"
//     status event), else the call's dispatch time, else the call's receipt:
//     the earliest thing known about the contact, so late paperwork never
//     buys time. Risk = the in-person C-SSRS when screened, else the call's.
//     Contact preference and number are the note's.
//   - IntakeStore::close calls createCheckInForClosedCall: a check_in when the
//     call is closed as "diverted" (program ccd). Contact time = the call's
//     receipt (the CCD contact is the call); number = the caller's, else the
//     linked person's.
//   Inside the caller's unit of work (UnitOfWork& overloads), a task made
//   now is recorded there: audit "create" and a journal row (record
//   "followup_task", version 1). The Database& forms write the row only
//   and leave the audit row to their caller (the demo data).
//
// Minimum necessary (core/followup/FollowUpVisibility.h,
// docs/minimum-necessary.md): open() returns only the parts the actor's role
// sees, a refused part is absent (nullopt), never blank-filled; `parts` says
// which parts the role sees, so the UI can tell "not yours to see" from
// "there is none". A role that may not open the task's kind is refused
// (PermissionDenied, audited) like a role without Action::ViewFollowUps.
//
// Audit (record type "followup_task", the task id, never contents): "open"
// for every detail read, with an "open" of the call, the encounter and the
// safety plan whose parts were returned; "claim", "assign", "unassign",
// "attempt", "close" (an outcome, or the attempt that reached the limit),
// "extend"; "permission_denied" for every refusal.
//
// Every write is one unit of work (store/UnitOfWork.h): its audit rows and
// one journal row for the task (its version after the change), or nothing.
// Every write names the version the user read: a stale one is refused
// (Conflict) and nothing is written. A closed task takes no changes but an
// extension of one closed as unable_to_reach, which reopens it (TaskClosed
// otherwise).
#include "core/Clock.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/followup/FollowUpVisibility.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace heart::store {

class Database;
class UnitOfWork;

struct FollowUpAttempt
{
    QString id;
    int seq = 0; // the task's version after the attempt: the order
    QString userId;
    QString userName;
    followup::AttemptChannel channel = followup::AttemptChannel::Phone;
    followup::AttemptResult result = followup::AttemptResult::NoAnswer;
    QString note;
    QDateTime at; // UTC
};

// Part "task": what every role that may open the task sees, and what every
// write returns.
struct FollowUpTask
{
    QString id;
    int version = 0;
    QString sourceKey; // "encounter:<id>" or "call:<id>"
    followup::TaskKind kind = followup::TaskKind::FollowUp;
    routing::Program program = routing::Program::CommunityResponse;
    QString callId;
    QString encounterId; // follow_up only
    QString personId;    // the call's linked person, or empty
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    QDateTime contactAt;                                   // UTC
    QDateTime dueAt;                                       // UTC; showing it in local time is the UI's job
    followup::TaskState state = followup::TaskState::Open; // at the store's clock, when read
    QString assignedTo;                                    // user id, or empty
    QString assigneeName;
    QDateTime assignedAt;
    int unsuccessfulAttempts = 0;
    int maxAttempts = 0;
    std::optional<followup::Outcome> outcome;
    QString outcomeResourceId; // connected: the directory's service, or empty
    QString outcomeResourceName;
    QString outcomeText; // connected: the service's name when not listed
    QString outcomeNote; // the navigator's note on the outcome, or empty
    QDateTime closedAt;
    QString closedBy;
    QString closedByName;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<FollowUpAttempt> attempts; // oldest first

    bool isClosed() const { return state == followup::TaskState::Closed; }
};

// Part "contact".
struct FollowUpContact
{
    QString personName;         // the linked person's name, else as given on the call
    QString callerName;         // check-ins reach the caller
    QString callerRelationship; // self, family, bystander, professional, or empty
    std::optional<encounter::ContactPreference> preferredContact;
    QString phone;
    QString place;    // in person: where to meet, from the signed note
    QString language; // ISO 639 code
};

// Part "call".
struct FollowUpCallSummary
{
    QString cadNumber;
    QDateTime receivedAt;
    QString callType;
    QString address;
    QString language;
    bool interpreter = false;
    QString disposition; // the counselor's: diverted, crt_dispatch, ...
};

// Part "call_clinical".
struct FollowUpCallClinical
{
    QString narrative;
    std::optional<triage::CssrsAnswers> cssrs; // the call taker's screener, when done
};

// Part "encounter_outline".
struct FollowUpEncounterOutline
{
    QString unitCode;
    QDateTime signedAt;
    QString signedByName;
    std::optional<encounter::EncounterDisposition> disposition;
    QString referralResourceId;
    QString referralResourceName; // from the directory, when the id is listed
    QString referralText;
};

// Part "encounter_clinical".
struct FollowUpEncounterClinical
{
    QString presentingConcern;
    std::optional<triage::CssrsAnswers> cssrs; // in person
    QString assessment;
    QString interventions;
    QString destination;
    QString narrative;
};

struct FollowUpDetail
{
    FollowUpTask task;
    QList<followup::TaskPart> parts; // what the actor's role sees, in core's order
    std::optional<FollowUpContact> contact;
    std::optional<FollowUpCallSummary> call;
    std::optional<FollowUpCallClinical> callClinical;
    std::optional<FollowUpEncounterOutline> encounter;
    std::optional<FollowUpEncounterClinical> encounterClinical;
    std::optional<SafetyPlanRecord> safetyPlan; // the encounter's plan, when it has one

    bool sees(followup::TaskPart part) const { return parts.contains(part); }
};

// Someone a task may be given to.
struct FollowUpAssignee
{
    QString userId;
    QString displayName;
};

// What a creator did: the task's id (empty when the source gets no task) and
// whether it was made now (false: it existed already, or none is due).
struct CreatedFollowUp
{
    QString taskId;
    bool created = false;
};

class FollowUpStore
{
public:
    FollowUpStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // The task with the parts the actor's role sees (Action::ViewFollowUps
    // and core's followup::mayOpen for its kind), audited "open". NotFound.
    StoreResult<FollowUpDetail> open(const Actor& actor, const QString& taskId);

    // The actor takes the task (followup::mayWork). Unchanged when it is the
    // actor's already; HeldByOther when someone else has it: a navigator
    // reassigns it.
    StoreResult<FollowUpTask> claim(const Actor& actor, const QString& taskId, int version);
    // Action::AssignFollowUps. The user must be active and hold a role that
    // may work the task's kind (IneligibleAssignee otherwise).
    StoreResult<FollowUpTask> assign(const Actor& actor, const QString& taskId, int version,
                                     const QString& userId);
    StoreResult<FollowUpTask> unassign(const Actor& actor, const QString& taskId, int version);
    // The users assign() accepts for a task of this kind, by name (Action::AssignFollowUps).
    StoreResult<QList<FollowUpAssignee>> assignees(const Actor& actor, followup::TaskKind kind);

    // An attempt to reach the person (followup::mayWork). The Nth unsuccessful
    // one closes the task as unable_to_reach (core's applyAttempt). The note
    // is optional (at most kMaxNoteLength characters, TooLong field "note").
    StoreResult<FollowUpTask> logAttempt(const Actor& actor, const QString& taskId, int version,
                                         followup::AttemptChannel channel, followup::AttemptResult result,
                                         const QString& note);
    // Closes the task (followup::mayWork). Connected needs a service:
    // `resourceId` of an active service in the directory (InvalidInput, field
    // "resourceId", when there is none such) or its name in `text` (both may
    // be given); RequiredMissing field "service" when neither; TooLong
    // field "text" for a name over kMaxNoteLength. Other outcomes keep
    // neither. The note is optional, for every outcome (at most
    // kMaxNoteLength characters, TooLong field "note").
    StoreResult<FollowUpTask> recordOutcome(const Actor& actor, const QString& taskId, int version,
                                            followup::Outcome outcome, const QString& resourceId,
                                            const QString& text, const QString& note = {});
    // Raises the task's attempt limit by `extraAttempts` (followup::mayWork);
    // reopens a task closed as unable_to_reach. InvalidInput field
    // "extraAttempts" when out of range.
    StoreResult<FollowUpTask> extend(const Actor& actor, const QString& taskId, int version,
                                     int extraAttempts);

    // Inside the caller's write transaction, no permission check and no audit
    // row (the caller audits a creation). Idempotent: the same source gives
    // the same task. NotFound when there is no such encounter / call; an
    // unreadable policy setting is an error (see FollowUpSettings.h).
    static StoreResult<CreatedFollowUp> createForSignedEncounter(Database& db, const QString& encounterId,
                                                                 TimePoint now);
    static StoreResult<CreatedFollowUp> createCheckInForClosedCall(Database& db, const QString& callId,
                                                                   TimePoint now);
    // The same inside the caller's unit of work (its database and clock): a
    // task made now is recorded in it (audit "create" and its journal row,
    // version 1), so the caller does not audit the creation itself.
    static StoreResult<CreatedFollowUp> createForSignedEncounter(UnitOfWork& work,
                                                                 const QString& encounterId);
    static StoreResult<CreatedFollowUp> createCheckInForClosedCall(UnitOfWork& work, const QString& callId);

    static constexpr int kMaxNoteLength = 2000;
    static QString recordType() { return QStringLiteral("followup_task"); }

private:
    // Audits the refusal (permission_denied on the task) and says why.
    StoreError refuse(const Actor& actor, Action action, const QString& taskId, const QString& why);
    // The stored task and its state now (no permission check, no audit).
    StoreResult<FollowUpTask> readTask(const QString& taskId);
    // The checks every write starts with: permission (audited), the role may
    // work (assign: open) the task's kind, the version is the stored one.
    StoreResult<FollowUpTask> startWork(const Actor& actor, const QString& taskId, int version,
                                        Action action);
    // Inside `work`, after the change: the task's journal row (the first
    // action) and audit rows, the task as it now is, the commit.
    StoreResult<FollowUpTask> commitChange(UnitOfWork& work, const QString& taskId, int newVersion,
                                           const QStringList& auditActions);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
