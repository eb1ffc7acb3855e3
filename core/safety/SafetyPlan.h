#pragma once
// The Stanley-Brown Safety Plan a clinician writes with a person at risk of
// suicide; the person keeps a printed copy, in their language. Six steps in
// a fixed order, each a list of entries in the person's own words:
//
//   1 warning-signs        warning signs that a crisis may be developing
//   2 coping-strategies    internal coping strategies
//   3 distraction          people and social settings that provide distraction
//   4 people-to-ask        people whom I can ask for help
//   5 professionals        professionals or agencies to contact in a crisis
//   6 safe-environment     making the environment safe (lethal means)
//
// plus an optional list of reasons for living. Entries of steps 3 (people),
// 4 and 5 may carry a phone number; step 5 must hold at least one contact
// with a dialable number (the crisis line) before the plan can be printed.
//
// JSON, by example (the stored form; indices in error paths are 0-based, so
// step 5 is "steps[4]"):
//
// {
//   "format": "heartdesk-safety-plan/1",
//   "language": "es",
//   "steps": [
//     {"step": "warning-signs", "entries": [{"text": "No puedo dormir"}]},
//     ...                                              // all six, in order
//     {"step": "professionals", "entries": [{"text": "988 Lifeline", "phone": "988"}]},
//     {"step": "safe-environment", "entries": []}
//   ],
//   "reasonsForLiving": ["Mi hija"]
// }
//
// Reading checks the structure only (types, members, the six steps in order)
// and names the JSON path of the first problem; what the plan says (blank
// entries, phone numbers, too many entries) is checked by problems(), whose
// errors name the same paths. So a draft with a half-typed number can be
// stored and read back, and the UI shows one kind of path for both.
#include "core/Result.h"

#include <array>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heart::safety {

enum class SafetyPlanStep : std::uint8_t
{
    WarningSigns,     // 1 "warning-signs"
    CopingStrategies, // 2 "coping-strategies"
    Distraction,      // 3 "distraction"
    PeopleToAsk,      // 4 "people-to-ask"
    Professionals,    // 5 "professionals"
    SafeEnvironment,  // 6 "safe-environment"
};
inline constexpr std::size_t kSafetyPlanStepCount = 6;
inline constexpr std::array<SafetyPlanStep, kSafetyPlanStepCount> kAllSafetyPlanSteps = {
    SafetyPlanStep::WarningSigns, SafetyPlanStep::CopingStrategies, SafetyPlanStep::Distraction,
    SafetyPlanStep::PeopleToAsk,  SafetyPlanStep::Professionals,    SafetyPlanStep::SafeEnvironment,
};
std::string_view safetyPlanStepCode(SafetyPlanStep step);
std::optional<SafetyPlanStep> safetyPlanStepFromCode(std::string_view code);
int stepNumber(SafetyPlanStep step); // 1..6, as printed
// Steps 3, 4 and 5: entries may carry a phone number.
bool stepTakesPhone(SafetyPlanStep step);

// At most this many entries in a step (and reasons for living): the plan
// fits on the printed page and stays something a person can use in a crisis.
inline constexpr std::size_t kMaxEntriesPerStep = 12;

struct SafetyPlanEntry
{
    std::string text;  // in the person's words; a name for a contact
    std::string phone; // empty when none; steps 3-5 only
    friend bool operator==(const SafetyPlanEntry&, const SafetyPlanEntry&) = default;
};

// A crisis service the program puts on every plan (988, the local crisis
// line, the mobile crisis team), from the program's configuration and in the
// plan's language.
struct SafetyContact
{
    std::string name;
    std::string phone;
    friend bool operator==(const SafetyContact&, const SafetyContact&) = default;
};

struct SafetyPlan
{
    std::array<std::vector<SafetyPlanEntry>, kSafetyPlanStepCount> steps; // in step order
    std::vector<std::string> reasonsForLiving;
    std::string language = "en"; // ISO 639 code: 639-1 where one exists, else 639-3 ("ase")

    std::vector<SafetyPlanEntry>& step(SafetyPlanStep s) { return steps[std::size_t(s)]; }
    const std::vector<SafetyPlanEntry>& step(SafetyPlanStep s) const { return steps[std::size_t(s)]; }
    friend bool operator==(const SafetyPlan&, const SafetyPlan&) = default;
};

// Step 5 with the crisis services appended after the person's own contacts,
// in the order given, each unless step 5 already has an entry with the same
// number (compared normalised: "(919) 560-7305" and "+19195607305" are one
// number) or the service has no number. A service's number is stored
// normalised when it can be; one that cannot stays as given (problems()
// reports it). Services are added even past kMaxEntriesPerStep: a crisis
// line is never dropped silently (problems() then asks for fewer entries).
SafetyPlan withDefaults(SafetyPlan plan, const std::vector<SafetyContact>& crisisServices);

// Everything that keeps the plan from being printed, in plan order. Error
// field = the JSON path. Codes:
//   "language-code"           field "language": not 2 or 3 lower-case letters
//   "too-many-entries"        field "steps[i].entries" / "reasonsForLiving": more than 12
//   "entry-blank"             field "steps[i].entries[j].text" / "reasonsForLiving[j]"
//   "phone-not-allowed"       field "steps[i].entries[j].phone": steps 1, 2 and 6 take none
//   "phone-not-dialable"      field "steps[i].entries[j].phone" (from intake::normalisePhone)
//   "no-professional-contact" field "steps[4].entries": step 5 has no entry with a dialable number
// Steps may be empty, except that step 5 needs its contact.
std::vector<Error> problems(const SafetyPlan& plan);

inline constexpr std::string_view kSafetyPlanFormat = "heartdesk-safety-plan/1";

nlohmann::json toJson(const SafetyPlan& plan);
// Errors (field = JSON path, detail never quotes the plan's text):
// "unsupported-format", "missing-member", "unknown-member", "wrong-type",
// "wrong-step-count" (field "steps"), "wrong-step" (field "steps[i].step":
// steps out of order or unknown).
Result<SafetyPlan> safetyPlanFromJson(const nlohmann::json& json);
// The same from text; "json-syntax" (field "") when it is not JSON.
Result<SafetyPlan> parseSafetyPlan(std::string_view text);

} // namespace heart::safety
