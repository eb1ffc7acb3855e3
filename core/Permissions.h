#pragma once
// The role x action permission table. The store asks this table before every
// read or write, so a hidden button is never the only thing in the way.
#include "core/Role.h"

#include <array>
#include <string_view>
#include <vector>

namespace heart {

enum class Action
{
    ViewCallQueue,    // see active calls in the 911 center
    TakeCall,         // create or edit an intake, triage, routing disposition
    DispatchUnit,     // assign a unit to a call
    ViewUnitCalls,    // see calls assigned to units (team board)
    UpdateUnitStatus, // move a unit through its statuses
    OpenPersonRecord, // open a person's history
    WriteEncounterEntry,
    SignEncounter, // only the clinician lead signs
    WriteSafetyPlan,
    ViewFollowUps,
    WorkFollowUps, // claim, log attempts, record outcomes
    AssignFollowUps,
    ViewRoster,
    EditRoster,
    ViewReports,
    ExportReports,
    ManageUsers,
    ManageSettings,
    EditResourceDirectory,
    ViewAuditTrail,
    DrillDownReports, // the calls behind a number of the supervisor's report (ids, no person's data)
    ViewSettings,     // read the program's settings and rule sets (the supervisor, read-only)
};

inline constexpr std::array<Action, 22> kAllActions = {
    Action::ViewCallQueue,
    Action::TakeCall,
    Action::DispatchUnit,
    Action::ViewUnitCalls,
    Action::UpdateUnitStatus,
    Action::OpenPersonRecord,
    Action::WriteEncounterEntry,
    Action::SignEncounter,
    Action::WriteSafetyPlan,
    Action::ViewFollowUps,
    Action::WorkFollowUps,
    Action::AssignFollowUps,
    Action::ViewRoster,
    Action::EditRoster,
    Action::ViewReports,
    Action::ExportReports,
    Action::ManageUsers,
    Action::ManageSettings,
    Action::EditResourceDirectory,
    Action::ViewAuditTrail,
    Action::DrillDownReports,
    Action::ViewSettings,
};

bool permits(Role role, Action action);
std::string_view actionCode(Action action);
std::vector<Action> permittedActions(Role role);

} // namespace heart
