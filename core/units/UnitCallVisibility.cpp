// Minimum necessary for a unit's call and prior contacts (see UnitCallVisibility.h).
#include "core/units/UnitCallVisibility.h"

#include "core/Permissions.h"

#include <algorithm>

namespace heart::units {
namespace {

using P = CallPart;

constexpr std::array<std::string_view, 7> kPartCodes = {
    "call", "contact", "call_clinical", "prior_calls", "prior_encounters", "safety_plan", "follow_ups",
};

std::vector<CallPart> partsFor(Role role)
{
    switch (role) {
    case Role::CrtTeamLead:
    case Role::CoResponseClinician:
        return {kAllCallParts.begin(), kAllCallParts.end()};
    case Role::PeerSupport:
        return {P::Call, P::Contact, P::PriorCalls, P::PriorEncounters, P::FollowUps};
    case Role::Emt:
        return {P::Call, P::Contact, P::PriorCalls, P::PriorEncounters};
    case Role::CallCounselor:
    case Role::CareNavigator:
    case Role::Supervisor:
    case Role::Administrator:
        return {};
    }
    return {};
}

bool isPrior(CallPart part)
{
    return part == P::PriorCalls || part == P::PriorEncounters || part == P::SafetyPlan ||
           part == P::FollowUps;
}

} // namespace

std::string_view callPartCode(CallPart part)
{
    return kPartCodes.at(std::size_t(part));
}

std::vector<CallPart> visibleCallParts(Role role)
{
    // The permission table has the last word.
    if (!permits(role, Action::ViewUnitCalls))
        return {};
    std::vector<CallPart> parts = partsFor(role);
    if (!permits(role, Action::OpenPersonRecord))
        std::erase_if(parts, isPrior);
    return parts;
}

bool seesCallPart(Role role, CallPart part)
{
    const std::vector<CallPart> parts = visibleCallParts(role);
    return std::find(parts.begin(), parts.end(), part) != parts.end();
}

bool seesPriorContacts(Role role)
{
    const std::vector<CallPart> parts = visibleCallParts(role);
    return std::any_of(parts.begin(), parts.end(), isPrior);
}

} // namespace heart::units
