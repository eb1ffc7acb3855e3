#pragma once
// The staff roles of a crisis response program. Codes are stored in the
// database and must never change; display names live in the UI (translated).
#include <array>
#include <optional>
#include <string_view>

namespace heart {

enum class Role
{
    CallCounselor,       // Crisis Call Diversion clinician in the 911 center
    CrtTeamLead,         // Community Response Team clinician, team lead
    PeerSupport,         // peer support specialist on a CRT unit
    Emt,                 // EMT on a CRT unit
    CoResponseClinician, // clinician riding with a CIT officer
    CareNavigator,       // follow-up within 48 hours
    Supervisor,
    Administrator,
};

inline constexpr std::array<Role, 8> kAllRoles = {
    Role::CallCounselor,       Role::CrtTeamLead,   Role::PeerSupport, Role::Emt,
    Role::CoResponseClinician, Role::CareNavigator, Role::Supervisor,  Role::Administrator,
};

std::string_view roleCode(Role role);
std::optional<Role> roleFromCode(std::string_view code);

// Which home screen a role lands on after signing in.
enum class Workplace
{
    CallQueue,
    UnitCalls,
    FollowUpQueue,
    ProgramDashboard,
    Administration
};
Workplace homeWorkplace(Role role);

} // namespace heart
