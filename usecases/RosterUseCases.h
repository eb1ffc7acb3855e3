#pragma once
// The six-week roster as use cases (supervisors): reading the rotation and
// its responders, editing one duty, swapping two people's duties of a day,
// generating a whole rotation, changing a responder's fixed shift and
// recording an export. Each write is one transaction with its permission
// check, audit rows and journal rows (store/UnitOfWork.h): a swap writes
// both duties or neither, a generated rotation all its duties or none.
#include "core/roster/RotationGenerator.h"
#include "store/RosterStore.h"
#include "usecases/Context.h"

#include <optional>
#include <vector>

namespace heart::usecases {

class RosterUseCases
{
public:
    explicit RosterUseCases(const Context& context) : m_context(context) {}

    // Queries (Action::ViewRoster).
    store::StoreResult<QList<roster::StaffMember>> staff();
    // The current rotation, or NotFound when none was made yet.
    store::StoreResult<store::RosterCycle> currentCycle();

    // The writes (Action::EditRoster). `cycle` is the rotation as last read:
    // a stale one is refused (Conflict); on success it is the new one.
    store::StoreError setDuty(store::RosterCycle& cycle, int person, int day, const roster::Duty& duty);
    store::StoreError swapDuties(store::RosterCycle& cycle, int personA, int personB, int day);
    store::StoreError setStaffShift(const QString& staffId, const QString& shiftCode);
    store::StoreResult<QString> addStaff(const roster::StaffMember& member, const QString& userId = {});
    store::StoreResult<store::RosterCycle> saveCycle(const store::RosterCycle& cycle);

    struct Generated
    {
        std::optional<store::RosterCycle> cycle;      // saved, when the rules could be met
        std::vector<roster::StaffShortage> shortages; // why not, otherwise (see generateRotation)
    };
    // A rotation for today's responders with `teamsPerShift` complete teams,
    // replacing `current` (its duties) or, without one, a new cycle from
    // `start`. The responders are read and the rotation written in one
    // transaction. Nothing is written when the rules cannot be met.
    store::StoreResult<Generated> generateRotation(const std::optional<store::RosterCycle>& current,
                                                   const roster::RotationRules& rules,
                                                   std::chrono::year_month_day start, int teamsPerShift);

    // The audit row of an export, written before the file appears.
    store::StoreError recordExport(const QString& cycleId);

private:
    Context m_context;
};

} // namespace heart::usecases
