#pragma once
// Minimum necessary for follow-up tasks: which parts of a task each role
// sees and which tasks it may work. The store returns only these parts (a
// refused part is absent, never blank-filled); docs/minimum-necessary.md has
// the same table in words.
//
//   part               what it holds
//   task               kind, program, state, due, risk level, assignee,
//                      attempts (with their notes), outcome
//   contact            the person's name (and the caller's for a check-in),
//                      contact preference and phone, language
//   call               CAD number, received time, call type, address,
//                      language, interpreter
//   callClinical       the call's narrative and C-SSRS answers
//   encounterOutline   unit, when signed, disposition, referral service
//   encounterClinical  presenting concern, in-person C-SSRS answers,
//                      assessment, interventions, destination, narrative
//   safetyPlan         the encounter's latest Stanley-Brown plan
//
//   role                follow_up tasks                 check_in tasks
//   care navigator      every part                      every part
//   peer support        task contact call outline       task contact call
//   call counselor      none (not opened)               task contact call callClinical
//   supervisor          every part (oversight, audited) every part
//   others              none                            none
//
// Why: care navigators are clinicians and need the clinical picture to
// follow up safely; a peer support specialist (in Care Navigation or on a
// unit) reaches the person and connects them to a service, which needs who,
// how to reach them, what the call was and where they were referred, not the
// clinical notes. The risk level stays with the task for everyone: it orders
// the queue and tells whoever calls how carefully to go. CCD counselors work
// the check-ins of diverted calls: their own program's calls, never the
// clinical notes of an in-person encounter. Supervisors see everything for
// oversight; every open is audited for every role.
//
// Working (claim, attempts, outcome, extend) needs Action::WorkFollowUps and
// a role that may open the kind; assigning needs Action::AssignFollowUps, and
// the assignee must be able to work the kind.
#include "core/Role.h"
#include "core/followup/FollowUpPolicy.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace heart::followup {

enum class TaskPart : std::uint8_t
{
    Task,              // "task"
    Contact,           // "contact"
    Call,              // "call"
    CallClinical,      // "call_clinical"
    EncounterOutline,  // "encounter_outline"
    EncounterClinical, // "encounter_clinical"
    SafetyPlan,        // "safety_plan"
};
inline constexpr std::array<TaskPart, 7> kAllTaskParts = {
    TaskPart::Task,         TaskPart::Contact,          TaskPart::Call,
    TaskPart::CallClinical, TaskPart::EncounterOutline, TaskPart::EncounterClinical,
    TaskPart::SafetyPlan,
};
std::string_view taskPartCode(TaskPart part);
std::optional<TaskPart> taskPartFromCode(std::string_view code);

// The parts of a task of this kind the role sees, in the order above; empty
// when the role may not open such a task at all.
std::vector<TaskPart> visibleParts(Role role, TaskKind kind);
bool sees(Role role, TaskKind kind, TaskPart part);
bool mayOpen(Role role, TaskKind kind);
// Claim, log attempts, record outcomes, extend.
bool mayWork(Role role, TaskKind kind);
// Whether a user holding `role` may be given a task of this kind.
bool mayBeAssigned(Role role, TaskKind kind);

} // namespace heart::followup
