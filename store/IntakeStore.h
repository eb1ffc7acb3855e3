#pragma once
// One call as the crisis call counselor takes it: intake, C-SSRS triage, the
// routing decision, the disposition and dispatch, with a time stamp for each
// step (for reports). Needs Action::TakeCall to write (DispatchUnit to
// dispatch) and ViewCallQueue to read; every create, open, update, dispatch,
// close and addendum is audited. Rows carry a version: a stale update is
// refused (Conflict). A closed call is read-only (CallClosed): changes go
// through addenda. A CallRecord is the Qt-side form of core's intake::Call:
// its status is the core enum, never text (toCall() gives the core value).
#include "core/intake/Call.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace heart::store {

class Database;

struct CallRecord
{
    QString id; // empty until created
    int version = 0;

    // Intake
    QString cadNumber;
    QDateTime receivedAt; // UTC
    QString callerName;
    QString callerPhone;          // normalised ("+19195551234") or empty
    QString callerRelationship;   // self, family, bystander, professional, or empty (unknown)
    QString personId;             // linked person record, or empty
    QString personName;           // as given on the call; may be empty (unknown)
    std::optional<int> personAge; // approximate
    QString personDescription;
    QString address;
    std::optional<double> latitude;
    std::optional<double> longitude;
    QString beat;
    QString beatSource; // given, from_position, or empty
    QString callType;   // rule-set call type code
    QStringList flags;  // weapon, violence, medical, intoxication, minors
    QString language;   // ISO 639 code ("es", "ase")
    bool interpreter = false;
    QString narrative;

    // Triage
    QString cssrs;     // 7 chars 'Y'/'N'/'-' (core/triage/Cssrs.h), empty when not done
    QString riskLevel; // none, low, moderate, high, or empty (not assessed)

    // Decision and disposition
    QString ruleSetId;
    QStringList recommended; // program codes in order, as shown to the counselor
    QString program;         // ccd, crt, cor, police_ems
    QString disposition;     // diverted, transferred_988, crt_dispatch, cor_dispatch, police_ems, declined
    QString overrideReason;  // required when the disposition goes against the recommendation
    intake::CallStatus status = intake::CallStatus::Open;
    QString assignedUnit; // e.g. "CRT-2", when dispatched
    QString counselorId;  // user who took the call

    // Steps
    QDateTime triagedAt;
    QDateTime decidedAt;
    QDateTime dispatchedAt;
    QDateTime closedAt;

    bool isClosed() const { return status == intake::CallStatus::Closed; }
    bool isDispatched() const { return status == intake::CallStatus::Dispatched; }
};

// The core value of a call (status, step times as time points, program and
// disposition as the routing enums; an unknown code leaves them empty).
intake::Call toCall(const CallRecord& call);

struct CallAddendum
{
    QString id;
    QString authorId;
    QString authorName;
    QDateTime writtenAt;
    QString text;
};

class IntakeStore
{
public:
    IntakeStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // A new call (status open, counselorId = the actor). InvalidInput (field "cadNumber")
    // when the CAD number is taken, RequiredMissing when it or the received time is missing.
    StoreResult<CallRecord> create(const Actor& actor, const CallRecord& call);
    // Reads the whole call: an audited "open".
    StoreResult<CallRecord> open(const Actor& actor, const QString& callId);
    // The same for a member of the unit sent to the call (Action::ViewUnitCalls):
    // refused (PermissionDenied, audited) unless the actor is on a unit whose
    // status events name this call.
    StoreResult<CallRecord> openAssigned(const Actor& actor, const QString& callId);
    // Writes every field of the call as given (version must match; returns the
    // new version). Refused with CallClosed when the call is closed.
    StoreResult<CallRecord> update(const Actor& actor, const CallRecord& call);
    // Status dispatched, the unit and dispatchedAt = now (Action::DispatchUnit).
    StoreResult<CallRecord> dispatch(const Actor& actor, const QString& callId, int version,
                                     const QString& unit);
    // Status closed, closedAt = now. Afterwards only addenda. A call closed
    // as "diverted" gets its CCD check-in in the same transaction
    // (FollowUpStore::createCheckInForClosedCall).
    StoreResult<CallRecord> close(const Actor& actor, const QString& callId, int version);
    // RequiredMissing (field "text") for an empty addendum.
    StoreResult<CallAddendum> addAddendum(const Actor& actor, const QString& callId, const QString& text);
    StoreResult<QList<CallAddendum>> addenda(const Actor& actor, const QString& callId);
    // Hands out the sequence number of a new call's generated CAD number
    // (the prefix is the local day's, "HD20261118-"): one counter per prefix,
    // moved on in one transaction, so two workstations pressing Ctrl+N at the
    // same moment get different numbers, and a number held only by a draft is
    // never handed out again. The counter starts after the calls already
    // numbered with the prefix, and skips a number whose CAD number
    // (numberFor(n)) a call or a draft already holds (typed by hand, or given
    // out before the counter existed). A number handed out for a call that is
    // then abandoned is not given again: gaps are normal.
    StoreResult<int> reserveCadSequence(const Actor& actor, const QString& prefix,
                                        const std::function<QString(int)>& numberFor);

    // The calls linked to a person, newest first. No permission check and no
    // audit row of its own: for PersonStore::history, which does both for the person.
    static StoreResult<QList<CallRecord>> callsOfPerson(Database& db, const QString& personId);

private:
    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
