#include "usecases/Freshness.h"

#include "usecases/ChangeFeed.h"

namespace heart::usecases {

store::StoreResult<int> Freshness::version(Areas area, const QString& id)
{
    return store::ChangeStamp(m_context.db).version(static_cast<store::ChangeStamp::Area>(area), id);
}

Freshness::Areas areaOf(const QString& recordType)
{
    // The journal's record types (the stores' audit record types).
    if (recordType == QLatin1String("call") || recordType == QLatin1String("person") ||
        recordType == QLatin1String("cad_incident"))
        return Freshness::Calls;
    if (recordType == QLatin1String("unit"))
        return Freshness::Units;
    if (recordType == QLatin1String("encounter") || recordType == QLatin1String("encounter_entry") ||
        recordType == QLatin1String("safety_plan"))
        return Freshness::Encounters;
    if (recordType == QLatin1String("followup_task"))
        return Freshness::FollowUps;
    if (recordType == QLatin1String("staff") || recordType == QLatin1String("roster_cycle"))
        return Freshness::Roster;
    if (recordType == QLatin1String("setting"))
        return Freshness::Settings;
    return 0;
}

} // namespace heart::usecases
