#pragma once
// Response units (CRT and Co-Response vans), who is on them this shift, and
// their status through calls, as every workstation's team board shows them.
// Status changes follow the rules in core/units/UnitStatus.h, carry the time
// and the user, are audited, and are versioned: two people moving the same
// unit at once cannot both win (Conflict). Setting units up needs
// Action::EditRoster (supervisors); moving a unit needs UpdateUnitStatus
// (the team) or DispatchUnit (the counselor sending it to a call); reading the
// board needs ViewUnitCalls or ViewCallQueue.
#include "core/units/UnitStatus.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace heart::store {

class UnitOfWork;

class Database;

struct UnitMember
{
    QString staffId; // staff table id
    QString displayName;
    QString role; // staff responder_role code ("clinician", "peer_support", "emt", ...)
};

struct Unit
{
    QString id;
    int version = 0;
    QString code; // "CRT-1", unique
    units::UnitKind kind = units::UnitKind::CommunityResponse;
    units::UnitStatus status = units::UnitStatus::OutOfService;
    QDateTime statusSince; // UTC
    QString callId;        // the call it is on, or empty
    QString callCad;       // that call's CAD number, for the board
    QList<UnitMember> members;
};

struct UnitStatusEvent
{
    QString unitId;
    QString callId; // empty when not on a call
    units::UnitStatus status = units::UnitStatus::Available;
    QDateTime at; // UTC
    QString userId;
};

// A call the unit was sent to, for the team lead's list of recent calls.
struct UnitCallSummary
{
    QString callId;
    QString cadNumber;
    QString callType;
    QDateTime dispatchedAt;  // UTC: when this unit was sent
    bool signedNote = false; // the unit's encounter note on it is signed
};

class UnitStore
{
public:
    UnitStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // A new unit, out of service. RequiredMissing (field "code") when the code
    // is empty, InvalidInput (field "code") when it is taken.
    StoreResult<Unit> createUnit(const Actor& actor, const QString& code, units::UnitKind kind);
    // Replaces the members for the shift (staff ids); audited.
    StoreResult<Unit> setMembers(const Actor& actor, const QString& unitId, int version,
                                 const QStringList& staffIds);
    // Every unit, by code, with its call and members: the team board.
    StoreResult<QList<Unit>> board(const Actor& actor);
    StoreResult<Unit> unit(const Actor& actor, const QString& unitId);
    // The unit the actor is on this shift (through the staff row linked to
    // their account), or an empty id when none.
    StoreResult<Unit> myUnit(const Actor& actor);
    // Moves the unit (Action::UpdateUnitStatus). StatusRefused with the core's
    // "transition-not-allowed" in the detail (field "status") when the rules
    // forbid it; leaving the call (clear, available) keeps the call id on the
    // event and clears it from the unit once available.
    StoreResult<Unit> changeStatus(const Actor& actor, const QString& unitId, int version,
                                   units::UnitStatus to);
    // The counselor sends an available (or clear) unit to a call (Action::DispatchUnit):
    // status dispatched, the call remembered; UnitBusy when the unit is busy,
    // CallClosed when the call is closed, StatusRefused when the core refuses.
    StoreResult<Unit> dispatchToCall(const Actor& actor, const QString& unitId, int version,
                                     const QString& callId);
    // The unit's status changes while on one call, oldest first (for core::units::callTimes).
    StoreResult<QList<UnitStatusEvent>> callHistory(const Actor& actor, const QString& unitId,
                                                    const QString& callId);

    // The calls the unit was dispatched to since `since`, newest first, with
    // whether its note on each is signed (ViewUnitCalls or ViewCallQueue;
    // names no person, so it is not audited as an open).
    StoreResult<QList<UnitCallSummary>> recentCalls(const Actor& actor, const QString& unitId,
                                                    const QDateTime& since);

private:
    // Reading the board: ViewUnitCalls or ViewCallQueue (a refusal is audited).
    StoreError requireBoard(const Actor& actor, const QString& unitId);
    // No permission check: the stored unit with its call's CAD number and members, or NotFound.
    StoreResult<Unit> readUnit(const QString& unitId);
    StoreError readMembers(QList<Unit>& units);
    // Inside the caller's transaction: moves `current` (as read, same version)
    // to `to` on `unitCallId`, writes the event (for `eventCallId`) and the audit row.
    StoreResult<Unit> writeStatus(UnitOfWork& work, const Unit& current, units::UnitStatus to,
                                  const QString& unitCallId, const QString& eventCallId,
                                  const QString& auditAction);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
