#include "core/Permissions.h"

#include <cstddef>
#include <initializer_list>

namespace heart {
namespace {

struct Grant
{
    Action action;
    std::initializer_list<Role> roles;
};

using R = Role;

// Minimum necessary: administrators run accounts and settings but open no
// person's record; peers and EMTs document their own entries but do not sign.
const Grant kGrants[] = {
    {Action::ViewCallQueue, {R::CallCounselor, R::Supervisor, R::CoResponseClinician}},
    {Action::TakeCall, {R::CallCounselor}},
    {Action::DispatchUnit, {R::CallCounselor, R::Supervisor}},
    {Action::ViewUnitCalls,
     {R::CallCounselor, R::CrtTeamLead, R::PeerSupport, R::Emt, R::CoResponseClinician, R::Supervisor}},
    {Action::UpdateUnitStatus, {R::CrtTeamLead, R::PeerSupport, R::Emt, R::CoResponseClinician}},
    {Action::OpenPersonRecord,
     {R::CallCounselor, R::CrtTeamLead, R::PeerSupport, R::Emt, R::CoResponseClinician, R::CareNavigator,
      R::Supervisor}},
    {Action::WriteEncounterEntry, {R::CrtTeamLead, R::PeerSupport, R::Emt, R::CoResponseClinician}},
    {Action::SignEncounter, {R::CrtTeamLead, R::CoResponseClinician}},
    {Action::WriteSafetyPlan, {R::CallCounselor, R::CrtTeamLead, R::CoResponseClinician}},
    {Action::ViewFollowUps, {R::CallCounselor, R::PeerSupport, R::CareNavigator, R::Supervisor}},
    // Care Navigation's peer support specialists reach people too (claim,
    // attempts, outcomes); which task parts each role sees is
    // core/followup/FollowUpVisibility.h.
    {Action::WorkFollowUps, {R::CallCounselor, R::PeerSupport, R::CareNavigator}},
    {Action::AssignFollowUps, {R::CareNavigator, R::Supervisor}},
    {Action::ViewRoster,
     {R::CallCounselor, R::CrtTeamLead, R::PeerSupport, R::Emt, R::CoResponseClinician, R::CareNavigator,
      R::Supervisor}},
    {Action::EditRoster, {R::Supervisor}},
    {Action::ViewReports, {R::Supervisor}},
    {Action::ExportReports, {R::Supervisor}},
    {Action::ManageUsers, {R::Administrator}},
    {Action::ManageSettings, {R::Administrator}},
    {Action::EditResourceDirectory, {R::Administrator}},
    {Action::ViewAuditTrail, {R::Administrator, R::Supervisor}},
    // Which calls make up a report's number (to check a count), never whose.
    {Action::DrillDownReports, {R::Supervisor, R::Administrator}},
};

} // namespace

bool permits(Role role, Action action)
{
    for (const Grant& grant : kGrants) {
        if (grant.action != action)
            continue;
        for (Role allowed : grant.roles) {
            if (allowed == role)
                return true;
        }
        return false;
    }
    return false;
}

std::string_view actionCode(Action action)
{
    switch (action) {
    case Action::ViewCallQueue:
        return "view_call_queue";
    case Action::TakeCall:
        return "take_call";
    case Action::DispatchUnit:
        return "dispatch_unit";
    case Action::ViewUnitCalls:
        return "view_unit_calls";
    case Action::UpdateUnitStatus:
        return "update_unit_status";
    case Action::OpenPersonRecord:
        return "open_person_record";
    case Action::WriteEncounterEntry:
        return "write_encounter_entry";
    case Action::SignEncounter:
        return "sign_encounter";
    case Action::WriteSafetyPlan:
        return "write_safety_plan";
    case Action::ViewFollowUps:
        return "view_follow_ups";
    case Action::WorkFollowUps:
        return "work_follow_ups";
    case Action::AssignFollowUps:
        return "assign_follow_ups";
    case Action::ViewRoster:
        return "view_roster";
    case Action::EditRoster:
        return "edit_roster";
    case Action::ViewReports:
        return "view_reports";
    case Action::ExportReports:
        return "export_reports";
    case Action::ManageUsers:
        return "manage_users";
    case Action::ManageSettings:
        return "manage_settings";
    case Action::EditResourceDirectory:
        return "edit_resource_directory";
    case Action::ViewAuditTrail:
        return "view_audit_trail";
    case Action::DrillDownReports:
        return "drill_down_reports";
    }
    return {};
}

std::vector<Action> permittedActions(Role role)
{
    std::vector<Action> result;
    for (Action action : kAllActions) {
        if (permits(role, action))
            result.push_back(action);
    }
    return result;
}

} // namespace heart
