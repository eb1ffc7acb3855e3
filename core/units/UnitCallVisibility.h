#pragma once
// Minimum necessary for the call a unit is sent to, as its members see it on
// the way (My unit), and for the person's prior contacts. The store returns
// only these parts (a part the role may not see is never read, and absent on
// screen, not greyed); docs/minimum-necessary.md has the same table in words.
//
//   part              what it holds
//   call              CAD number, received, call type, address and beat, the
//                     person as given, flags and cautions, language and
//                     interpreter, risk level, disposition, when the unit was
//                     dispatched and by whom
//   contact           the callback number, the caller and their relationship
//   callClinical      the counselor's narrative, the C-SSRS answers with the
//                     time they were taken, the call's addenda
//   priorCalls        the person's earlier calls: date, type, disposition,
//                     the unit sent
//   priorEncounters   earlier encounters' outline: when, unit, who responded,
//                     disposition, referral (never their clinical notes)
//   safetyPlan        the person's latest final safety plan (review, print again)
//   followUps         the person's follow-up tasks: state, due, assignee,
//                     outcome (not the attempts' notes)
//
//   role                   parts
//   CRT team lead          every part
//   co-response clinician  every part
//   peer support           call contact priorCalls priorEncounters followUps
//   EMT                    call contact priorCalls priorEncounters
//   others                 none (they are on no unit)
//
// Why: the clinicians who lead a visit need the screen, the counselor's notes
// and the plan the person agreed with a clinician before. A peer support
// specialist and an EMT need where to go, who to call back, what to be
// careful of, the risk level and whether the team has met the person before;
// not the clinicians' notes, the screening answers or the safety plan (as for
// follow-up tasks, core/followup/FollowUpVisibility.h). Peers also work
// follow-ups, so they see the person's tasks; EMTs have no part in follow-up.
// The prior parts need Action::OpenPersonRecord as well.
#include "core/Role.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace heart::units {

enum class CallPart : std::uint8_t
{
    Call,            // "call"
    Contact,         // "contact"
    CallClinical,    // "call_clinical"
    PriorCalls,      // "prior_calls"
    PriorEncounters, // "prior_encounters"
    SafetyPlan,      // "safety_plan"
    FollowUps,       // "follow_ups"
};
inline constexpr std::array<CallPart, 7> kAllCallParts = {
    CallPart::Call,       CallPart::Contact,         CallPart::CallClinical,
    CallPart::PriorCalls, CallPart::PriorEncounters, CallPart::SafetyPlan,
    CallPart::FollowUps,
};
std::string_view callPartCode(CallPart part);

// The parts the role sees, in the order above; empty for a role on no unit.
std::vector<CallPart> visibleCallParts(Role role);
bool seesCallPart(Role role, CallPart part);
// Whether the role sees anything about the person's earlier contacts.
bool seesPriorContacts(Role role);

} // namespace heart::units
