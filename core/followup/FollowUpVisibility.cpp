// Minimum necessary for follow-up tasks (see FollowUpVisibility.h for the
// table and the reasons).
#include "core/followup/FollowUpVisibility.h"

#include "core/Permissions.h"

#include <algorithm>

namespace heart::followup {
namespace {

using P = TaskPart;

constexpr std::array<std::string_view, 7> kPartCodes = {
    "task", "contact", "call", "call_clinical", "encounter_outline", "encounter_clinical", "safety_plan",
};

std::vector<TaskPart> everything()
{
    return {kAllTaskParts.begin(), kAllTaskParts.end()};
}

// Before the permission table is asked: what the role's work needs.
std::vector<TaskPart> partsFor(Role role, TaskKind kind)
{
    switch (role) {
    case Role::CareNavigator:
    case Role::Supervisor:
        return everything();
    case Role::PeerSupport:
        if (kind == TaskKind::FollowUp)
            return {P::Task, P::Contact, P::Call, P::EncounterOutline};
        return {P::Task, P::Contact, P::Call};
    case Role::CallCounselor:
        if (kind == TaskKind::CheckIn)
            return {P::Task, P::Contact, P::Call, P::CallClinical};
        return {};
    case Role::CrtTeamLead:
    case Role::Emt:
    case Role::CoResponseClinician:
    case Role::Administrator:
        return {};
    }
    return {};
}

} // namespace

std::string_view taskPartCode(TaskPart part)
{
    return kPartCodes.at(std::size_t(part));
}

std::optional<TaskPart> taskPartFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kPartCodes.size(); ++i) {
        if (kPartCodes[i] == code)
            return TaskPart(i);
    }
    return std::nullopt;
}

std::vector<TaskPart> visibleParts(Role role, TaskKind kind)
{
    // The permission table has the last word: without ViewFollowUps, nothing.
    if (!permits(role, Action::ViewFollowUps))
        return {};
    return partsFor(role, kind);
}

bool sees(Role role, TaskKind kind, TaskPart part)
{
    const std::vector<TaskPart> parts = visibleParts(role, kind);
    return std::find(parts.begin(), parts.end(), part) != parts.end();
}

bool mayOpen(Role role, TaskKind kind)
{
    return sees(role, kind, TaskPart::Task);
}

bool mayWork(Role role, TaskKind kind)
{
    return permits(role, Action::WorkFollowUps) && mayOpen(role, kind);
}

bool mayBeAssigned(Role role, TaskKind kind)
{
    return mayWork(role, kind);
}

} // namespace heart::followup
