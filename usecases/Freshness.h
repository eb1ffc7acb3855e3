#pragma once
// The areas a screen watches (the change feed's rows map onto them:
// usecases::areaOf) and one record's version, to tell whether a shown record
// needs reading again. Reads no person's data and writes nothing, so it is
// not audited and asks no permission.
#include "store/ChangeStamp.h"
#include "usecases/Context.h"

namespace heart::usecases {

class Freshness
{
public:
    // The areas a screen watches (store::ChangeStamp's, or'ed).
    using Areas = store::ChangeStamp::Areas;
    static constexpr Areas Calls = store::ChangeStamp::Calls;
    static constexpr Areas Units = store::ChangeStamp::Units;
    static constexpr Areas Encounters = store::ChangeStamp::Encounters;
    static constexpr Areas FollowUps = store::ChangeStamp::FollowUps;
    static constexpr Areas Roster = store::ChangeStamp::Roster;
    static constexpr Areas Settings = store::ChangeStamp::Settings;

    explicit Freshness(const Context& context) : m_context(context) {}

    // One record's version (0: there is none). Calls, Units, Encounters, FollowUps.
    store::StoreResult<int> version(Areas area, const QString& id);

private:
    Context m_context;
};

} // namespace heart::usecases
