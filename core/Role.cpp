#include "core/Role.h"

namespace heart {

std::string_view roleCode(Role role)
{
    switch (role) {
    case Role::CallCounselor:
        return "call_counselor";
    case Role::CrtTeamLead:
        return "crt_team_lead";
    case Role::PeerSupport:
        return "peer_support";
    case Role::Emt:
        return "emt";
    case Role::CoResponseClinician:
        return "co_response_clinician";
    case Role::CareNavigator:
        return "care_navigator";
    case Role::Supervisor:
        return "supervisor";
    case Role::Administrator:
        return "administrator";
    }
    return {};
}

std::optional<Role> roleFromCode(std::string_view code)
{
    for (Role role : kAllRoles) {
        if (roleCode(role) == code)
            return role;
    }
    return std::nullopt;
}

Workplace homeWorkplace(Role role)
{
    switch (role) {
    case Role::CallCounselor:
        return Workplace::CallQueue;
    case Role::CrtTeamLead:
    case Role::PeerSupport:
    case Role::Emt:
    case Role::CoResponseClinician:
        return Workplace::UnitCalls;
    case Role::CareNavigator:
        return Workplace::FollowUpQueue;
    case Role::Supervisor:
        return Workplace::ProgramDashboard;
    case Role::Administrator:
        return Workplace::Administration;
    }
    return Workplace::CallQueue;
}

} // namespace heart
