#pragma once
// Responders and their rotation cycle: who works which shift on which day.
// Reading needs Action::ViewRoster, every change Action::EditRoster; changes
// are audited and carry a version so two supervisors never overwrite each
// other silently: setDuty and swapDuties take the cycle as the caller last
// read it and refuse (Conflict) when its version has moved on since.
// Each change is one unit of work (store/UnitOfWork.h): a cycle's duties are
// journaled as the cycle ("roster_cycle", its new version), a responder as
// "staff". Inside a use case's outer unit they join its transaction.
#include "core/roster/Schedule.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QList>
#include <QString>

namespace heart::store {

class Database;

struct RosterCycle
{
    QString id;
    int version = 0;
    int teamsPerShift = 1;
    roster::Schedule schedule; // staff ids are the staff table's ids
};

class RosterStore
{
public:
    RosterStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // Active responders grouped by role (clinicians, peer support, EMTs), then by fixed shift and name.
    StoreResult<QList<roster::StaffMember>> listStaff(const Actor& actor);
    // Returns the new staff id. userId may be empty (a responder without an account).
    StoreResult<QString> addStaff(const Actor& actor, const roster::StaffMember& member,
                                  const QString& userId = {});
    // Changes a person's fixed shift ("shift hours stay the same unless changed").
    StoreError setStaffShift(const Actor& actor, const QString& staffId, const QString& shiftCode);
    // The cycle with the latest start date, or NotFound.
    StoreResult<RosterCycle> currentCycle(const Actor& actor);
    // The same rotation for coverage arithmetic only (the rule-set editor's
    // staffing preview): the responders' names left empty, no permission of
    // its own - the caller's use case checks the actor's (counts only).
    StoreResult<RosterCycle> coverageCycle();
    // A new cycle (cycle.id empty) or a replacement of all duties of an existing one.
    StoreResult<RosterCycle> saveCycle(const Actor& actor, const RosterCycle& cycle);
    // One cell: person (staff id) on day of the cycle.
    StoreError setDuty(const Actor& actor, RosterCycle& cycle, int person, int day, const roster::Duty& duty);
    // Two people trade their duties of one day, in one transaction and one
    // version step: a refused or failed swap changes neither.
    StoreError swapDuties(const Actor& actor, RosterCycle& cycle, int personA, int personB, int day);
    StoreError recordExport(const Actor& actor, const QString& cycleId);

    static QString roleCode(roster::ResponderRole role);
    static roster::ResponderRole roleFromCode(const QString& code);

private:
    StoreError writeDuty(const QString& cycleId, const QString& staffId, int day, const roster::Duty& duty,
                         const char* clearWhat = "clear duty", const char* writeWhat = "write duty");
    StoreError bumpVersion(RosterCycle& cycle);
    StoreResult<QList<roster::StaffMember>> readStaff();
    StoreResult<RosterCycle> readCurrentCycle();

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
