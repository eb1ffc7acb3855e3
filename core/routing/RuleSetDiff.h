#pragma once
// What changes from one rule set to another, as data: per program the beats
// it serves, its hours per weekday, holidays open or closed, the call types
// it takes, its exclusions and conditions (flags and risk thresholds), the
// programs it follows; for the whole set its call type catalogue and its
// holiday dates. The rule-set screens show it side by side and the editor
// shows it before saving; summariseDiff() puts it into one line per program
// ("CRT: +24 beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00; holidays
// closed → open"), with words a screen may translate (DiffWords).
#include "core/geo/BeatMap.h"
#include "core/routing/RuleSet.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace heart::routing {

// One weekday whose opening hours differ (ranges as loaded: a range past
// midnight is split at 24:00 into this day and the next).
struct WeekdayHoursChange
{
    int isoWeekday = 0; // Monday = 0
    std::vector<TimeRange> before, after;
};

enum class ProgramPresence : std::uint8_t
{
    Both,    // the program operates under both rule sets
    Added,   // only under the newer one
    Removed, // only under the older one
};

struct ProgramDiff
{
    Program program = Program::PoliceEms;
    ProgramPresence presence = ProgramPresence::Both;
    // The rules on each side (null for the side where the program is absent):
    // they point into the rule sets given to diffRuleSets().
    const ProgramRules* before = nullptr;
    const ProgramRules* after = nullptr;

    // Service area. With a beat map (or when both sides list beats the same
    // way) the beats served that start or stop being served are known.
    bool areaChanged = false;
    bool servedBeatsKnown = false;
    std::vector<std::string> beatsAdded, beatsRemoved; // sorted
    // Hours (alwaysOpen or per weekday).
    bool hoursChanged = false;
    std::vector<WeekdayHoursChange> weekdays; // the weekdays that differ, Monday first
    bool holidaysChanged = false;             // closed <-> open
    // Call types by code (catalogue order of the side they are in).
    std::vector<std::string> callTypesAdded, callTypesRemoved;
    bool allCallTypesChanged = false; // "all" on one side, a list on the other
    // Conditions by code ("weapon", "risk:high").
    std::vector<std::string> excludeAdded, excludeRemoved;
    std::vector<std::string> onlyWhenAdded, onlyWhenRemoved;
    std::vector<Program> followsAdded, followsRemoved;

    bool changed() const;
};

struct RuleSetDiff
{
    std::string beforeId, afterId;
    bool nameChanged = false;
    bool effectiveFromChanged = false;
    bool timeZoneChanged = false;
    // The call type catalogue, by code; "renamed" = same code, other name or aliases.
    std::vector<std::string> callTypesAdded, callTypesRemoved, callTypesRenamed;
    std::vector<std::chrono::sys_days> holidaysAdded, holidaysRemoved; // sorted
    std::vector<ProgramDiff> programs; // only those that changed, in kAllPrograms order

    // True when the rules decide every call the same way and the catalogue and
    // holidays are the same (id, name and effective date aside).
    bool sameRules() const;
    const ProgramDiff* program(Program program) const;
};

// `beats` (optional): the beat map, so "every beat but 999" can be counted.
RuleSetDiff diffRuleSets(const RuleSet& before, const RuleSet& after, const geo::BeatMap* beats = nullptr);

// The words of a summary, English by default; a screen fills them from tr().
// Templates hold %1 (and %2) for the numbers or texts put into them.
struct DiffWords
{
    std::array<std::string, 7> weekdays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::array<std::string, 5> programs{"CCD", "CRT", "CoR", "CN", "Police/EMS"};
    std::string rangeDash = "–"; // between two weekdays and two times
    std::string arrow = " → ";
    std::string daily = "daily";
    std::string always = "always"; // hours "always"
    std::string never = "never";   // no hours on any day
    std::string closed = "closed"; // holidays
    std::string open = "open";     // holidays
    std::string beatsAdded = "+%1 beats";
    std::string beatsRemoved = "−%1 beats";
    std::string beatAdded = "+1 beat";
    std::string beatRemoved = "−1 beat";
    std::string anywhere = "anywhere";
    std::string onlyBeats = "%1 beats"; // %1: how many
    std::string allBeatsExcept = "every beat but %1";
    std::string allBeats = "every beat";
    std::string area = "service area %1";    // %1: "12 beats → every beat but 999"
    std::string hours = "hours %1";          // %1: "Mon–Fri 08:30–16:30 → daily 09:00–21:00"
    std::string holidays = "holidays %1";    // %1: "closed → open"
    std::string callTypes = "call types %1"; // %1: "+overdose −nuisance"
    std::string allCallTypes = "all";
    std::string excludes = "excluded when %1"; // %1: "+risk:moderate −risk:high"
    std::string onlyWhen = "only when %1";
    std::string follows = "follows %1";
    std::string programAdded = "added (%1)"; // %1: its hours, holidays and area
    std::string programRemoved = "removed";
    std::string holidayDates = "holiday dates %1"; // %1: "+45 −15"
    std::string catalogue = "call type list %1";   // %1: "+overdose −nuisance"
    std::string renamed = "renamed %1";
    std::string effective = "takes effect %1"; // %1: "2022-06-27 → 2023-10-23"
    std::string timeZone = "time zone %1";
    std::string noChange = "no change in the rules";
};

// "Mon–Fri 08:30–16:30", "daily 09:00–21:00", "always", "never",
// "Mon–Fri 08:00–12:00/13:00–17:00, Sat 10:00–14:00".
std::string describeHours(const ProgramRules& rules, const DiffWords& words = {});
// "12 beats", "every beat but 999", "anywhere".
std::string describeArea(const ProgramRules& rules, const DiffWords& words = {});
// One line per program that changed ("CRT: +24 beats; hours ...; holidays
// closed → open"), then one for the set (holiday dates, catalogue, date);
// {noChange} when sameRules() and nothing else differs.
std::vector<std::string> summariseDiff(const RuleSetDiff& diff, const RuleSet& before, const RuleSet& after,
                                       const DiffWords& words = {});

} // namespace heart::routing
