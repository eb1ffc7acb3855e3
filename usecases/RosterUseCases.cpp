#include "usecases/RosterUseCases.h"

#include "store/UnitOfWork.h"

namespace heart::usecases {

namespace {
const QString kCycle = QStringLiteral("roster_cycle");
}

store::StoreResult<QList<roster::StaffMember>> RosterUseCases::staff()
{
    return store::RosterStore(m_context.db, m_context.clock).listStaff(m_context.actor);
}

store::StoreResult<store::RosterCycle> RosterUseCases::currentCycle()
{
    return store::RosterStore(m_context.db, m_context.clock).currentCycle(m_context.actor);
}

store::StoreError RosterUseCases::setDuty(store::RosterCycle& cycle, int person, int day,
                                          const roster::Duty& duty)
{
    return store::RosterStore(m_context.db, m_context.clock)
        .setDuty(m_context.actor, cycle, person, day, duty);
}

store::StoreError RosterUseCases::swapDuties(store::RosterCycle& cycle, int personA, int personB, int day)
{
    return store::RosterStore(m_context.db, m_context.clock)
        .swapDuties(m_context.actor, cycle, personA, personB, day);
}

store::StoreError RosterUseCases::setStaffShift(const QString& staffId, const QString& shiftCode)
{
    return store::RosterStore(m_context.db, m_context.clock)
        .setStaffShift(m_context.actor, staffId, shiftCode);
}

store::StoreResult<QString> RosterUseCases::addStaff(const roster::StaffMember& member, const QString& userId)
{
    return store::RosterStore(m_context.db, m_context.clock).addStaff(m_context.actor, member, userId);
}

store::StoreResult<store::RosterCycle> RosterUseCases::saveCycle(const store::RosterCycle& cycle)
{
    return store::RosterStore(m_context.db, m_context.clock).saveCycle(m_context.actor, cycle);
}

store::StoreResult<RosterUseCases::Generated>
RosterUseCases::generateRotation(const std::optional<store::RosterCycle>& current,
                                 const roster::RotationRules& input, std::chrono::year_month_day start,
                                 int teamsPerShift)
{
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::EditRoster, kCycle,
                           current ? current->id : QString());
    if (!work.ok())
        return work.error();
    store::RosterStore roster(m_context.db, m_context.clock);
    auto staff = roster.listStaff(m_context.actor);
    if (!staff.ok())
        return staff.error();
    roster::RotationRules rules = input;
    rules.teamsPerShift = teamsPerShift;
    const auto result = roster::generateRotation({staff.value().begin(), staff.value().end()}, rules,
                                                 current ? current->schedule.start : start,
                                                 static_cast<std::uint64_t>(teamsPerShift));
    Generated generated;
    if (!result.schedule) {
        generated.shortages = result.shortages;
        return generated; // nothing written: the unit ends without a change
    }
    store::RosterCycle cycle = current.value_or(store::RosterCycle{});
    cycle.schedule = *result.schedule;
    cycle.teamsPerShift = teamsPerShift;
    auto saved = roster.saveCycle(m_context.actor, cycle);
    if (!saved.ok())
        return saved.error();
    if (store::StoreError error = work.commit())
        return error;
    generated.cycle = saved.value();
    return generated;
}

store::StoreError RosterUseCases::recordExport(const QString& cycleId)
{
    return store::RosterStore(m_context.db, m_context.clock).recordExport(m_context.actor, cycleId);
}

} // namespace heart::usecases
