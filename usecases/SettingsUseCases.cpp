#include "usecases/SettingsUseCases.h"

#include "core/cad/NatureCodeTable.h"
#include "store/CoreText.h"
#include "store/CrisisServices.h"
#include "store/FollowUpSettings.h"
#include "usecases/CallUseCases.h"

namespace heart::usecases {

int SettingsQueries::idleLockMinutes()
{
    return store::SettingsStore(m_db, m_clock).idleLockMinutes();
}

store::StoreResult<routing::RuleBook> SettingsQueries::ruleBook()
{
    return store::RuleSetStore(m_db, m_clock).ruleBook();
}

store::StoreResult<QList<store::StoredRuleSet>> SettingsQueries::ruleSets()
{
    return store::RuleSetStore(m_db, m_clock).list();
}

store::StoreResult<store::AuditVerification> SettingsQueries::verifyAudit()
{
    return store::AuditTrail(m_db, m_clock).verify();
}

store::StoreResult<std::vector<store::SegmentVerification>> SettingsQueries::verifyDeviceAudit()
{
    return store::AuditSegments(m_db, m_clock).verify();
}

int SettingsUseCases::idleLockMinutes()
{
    return store::SettingsStore(m_context.db, m_context.clock).idleLockMinutes();
}

store::StoreError SettingsUseCases::setIdleLockMinutes(int minutes)
{
    return store::SettingsStore(m_context.db, m_context.clock).setIdleLockMinutes(m_context.actor, minutes);
}

store::StoreError SettingsUseCases::setCrisisServices(const QByteArray& json)
{
    store::SettingsStore settings(m_context.db, m_context.clock);
    return store::CrisisServices::store(settings, m_context.actor, json);
}

store::StoreError SettingsUseCases::setCadNatureCodes(const QByteArray& csv, const QString& sourceName)
{
    auto table = cad::NatureCodeTable::fromCsv(std::string_view(csv.constData(), std::size_t(csv.size())),
                                               store::toStdString(sourceName));
    if (!table.ok())
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(table.error().toString()));
    auto routing = CallUseCases(m_context).routing();
    if (!routing.ok())
        return routing.error();
    std::vector<std::string> callTypes;
    for (const routing::RuleSet& set : routing.value().rules.ruleSets())
        for (const routing::CallType& type : set.callTypes)
            callTypes.push_back(type.code);
    if (auto unknown = table.value().checkCallTypes(callTypes))
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(unknown->toString()));
    store::SettingsStore settings(m_context.db, m_context.clock);
    return settings.setValue(m_context.actor, store::Setting::CadNatureCodes,
                             store::toQString(table.value().toJson()));
}

store::StoreError SettingsUseCases::setFollowUpPolicy(const QString& json)
{
    return store::FollowUpSettings(m_context.db, m_context.clock).setJson(m_context.actor, json);
}

store::StoreResult<store::StoredRuleSet> SettingsUseCases::importRuleSet(const QByteArray& json,
                                                                         const QString& sourceName)
{
    return store::RuleSetStore(m_context.db, m_context.clock)
        .importRuleSet(m_context.actor, json, sourceName);
}

} // namespace heart::usecases
