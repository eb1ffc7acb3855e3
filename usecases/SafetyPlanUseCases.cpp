#include "usecases/SafetyPlanUseCases.h"

#include "store/CrisisServices.h"
#include "store/IntakeStore.h"
#include "store/SettingsStore.h"

namespace heart::usecases {

store::StoreResult<store::SafetyPlanRecord> SafetyPlanUseCases::save(const QString& encounterId, int version,
                                                                     const safety::SafetyPlan& plan)
{
    return store::SafetyPlanStore(m_context.db, m_context.clock)
        .save(m_context.actor, encounterId, version, plan);
}

store::StoreResult<store::SafetyPlanRecord> SafetyPlanUseCases::finalise(const QString& encounterId,
                                                                         int version)
{
    return store::SafetyPlanStore(m_context.db, m_context.clock)
        .finalise(m_context.actor, encounterId, version);
}

store::StoreResult<store::SafetyPlanRecord> SafetyPlanUseCases::planOfEncounter(const QString& encounterId)
{
    return store::SafetyPlanStore(m_context.db, m_context.clock)
        .safetyPlanOfEncounter(m_context.actor, encounterId);
}

SafetyPlanUseCases::PrintData SafetyPlanUseCases::printData(const QString& callId)
{
    PrintData data;
    auto call = store::IntakeStore(m_context.db, m_context.clock).openAssigned(m_context.actor, callId);
    if (call.ok()) {
        data.personName = call.value().personName;
        data.language = call.value().language;
    }
    return data;
}

std::vector<safety::SafetyContact> SafetyPlanUseCases::crisisServices(const QString& language,
                                                                      QString* problem)
{
    store::SettingsStore settings(m_context.db, m_context.clock);
    return store::CrisisServices::forLanguage(settings, language, problem);
}

} // namespace heart::usecases
