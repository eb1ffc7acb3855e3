#include "usecases/UnitUseCases.h"

namespace heart::usecases {

store::StoreResult<store::Unit> UnitUseCases::createUnit(const QString& code, units::UnitKind kind)
{
    return store::UnitStore(m_context.db, m_context.clock).createUnit(m_context.actor, code, kind);
}

store::StoreResult<store::Unit> UnitUseCases::setMembers(const QString& unitId, int version,
                                                         const QStringList& staffIds)
{
    return store::UnitStore(m_context.db, m_context.clock)
        .setMembers(m_context.actor, unitId, version, staffIds);
}

store::StoreResult<store::Unit> UnitUseCases::changeStatus(const QString& unitId, int version,
                                                           units::UnitStatus to)
{
    return store::UnitStore(m_context.db, m_context.clock).changeStatus(m_context.actor, unitId, version, to);
}

store::StoreResult<QList<store::Unit>> UnitUseCases::board()
{
    return store::UnitStore(m_context.db, m_context.clock).board(m_context.actor);
}

store::StoreResult<store::Unit> UnitUseCases::unit(const QString& unitId)
{
    return store::UnitStore(m_context.db, m_context.clock).unit(m_context.actor, unitId);
}

store::StoreResult<store::Unit> UnitUseCases::myUnit()
{
    return store::UnitStore(m_context.db, m_context.clock).myUnit(m_context.actor);
}

store::StoreResult<QList<store::UnitStatusEvent>> UnitUseCases::callHistory(const QString& unitId,
                                                                            const QString& callId)
{
    return store::UnitStore(m_context.db, m_context.clock).callHistory(m_context.actor, unitId, callId);
}

store::StoreResult<QList<store::UnitCallSummary>> UnitUseCases::recentCalls(const QString& unitId,
                                                                            const QDateTime& since)
{
    return store::UnitStore(m_context.db, m_context.clock).recentCalls(m_context.actor, unitId, since);
}

store::StoreResult<store::CallRecord> UnitUseCases::assignedCall(const QString& callId)
{
    return store::IntakeStore(m_context.db, m_context.clock).openAssigned(m_context.actor, callId);
}

} // namespace heart::usecases
