#include "usecases/UnitCallUseCases.h"

namespace heart::usecases {

store::StoreResult<store::UnitCallDetail> UnitCallUseCases::open(const QString& callId)
{
    return store::UnitCallStore(m_context.db, m_context.clock).open(m_context.actor, callId);
}

store::StoreResult<store::PriorContacts> UnitCallUseCases::priorContacts(const QString& callId)
{
    return store::UnitCallStore(m_context.db, m_context.clock).priorContacts(m_context.actor, callId);
}

store::StoreResult<store::PriorSafetyPlan> UnitCallUseCases::latestSafetyPlan(const QString& callId)
{
    return store::UnitCallStore(m_context.db, m_context.clock).latestSafetyPlan(m_context.actor, callId);
}

store::StoreError UnitCallUseCases::planPrinted(const QString& planId)
{
    return store::UnitCallStore(m_context.db, m_context.clock).printed(m_context.actor, planId);
}

} // namespace heart::usecases
