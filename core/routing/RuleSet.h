#pragma once
// A versioned rule set: which programs operate from which date, for which
// call types, where, when, and what excludes a call. Everything a program
// changes over time is data here (loaded from JSON, see RuleSetJson.h), never
// code: Durham's 2022 pilot and its 2023 citywide rules are two files.
#include "core/roster/TimeZoneRule.h"
#include "core/routing/RoutingTypes.h"

#include <array>
#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

namespace heart::routing {

struct CallType
{
    std::string code;                 // stable key, e.g. "suicide-threat"
    std::string name;                 // as the 911 center spells it: "Suicide Threat"
    std::vector<std::string> aliases; // other spellings in CAD exports
};

// [start, end) in minutes after local midnight; end may be 1440 (24:00).
struct TimeRange
{
    int start = 0;
    int end = 0;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// A condition in "excludeWhen"/"onlyWhen": a call flag or a C-SSRS risk level.
struct Condition
{
    bool isRisk = false;
    CallFlag flag = CallFlag::Weapon;
    RiskLevel risk = RiskLevel::High;
    std::string code() const; // "weapon" or "risk:high"
    friend bool operator==(const Condition&, const Condition&) = default;
};

enum class AreaKind : std::uint8_t
{
    Anywhere,       // no location needed (phone programs)
    AllBeatsExcept, // every beat of the map but the listed ones ("citywide")
    OnlyBeats,      // the listed beats (a pilot area)
};

struct ProgramRules
{
    Program program = Program::PoliceEms;
    bool allCallTypes = false;
    std::vector<bool> eligibleCallType; // indexed like RuleSet::callTypes
    std::vector<Condition> excludeWhen; // any of them makes the call ineligible
    std::vector<Condition> onlyWhen;    // when non-empty, at least one must hold
    std::string onlyWhenCodes;          // "weapon|violence|risk:high", for the reason
    AreaKind area = AreaKind::Anywhere;
    std::vector<std::string> areaBeats; // sorted, for AllBeatsExcept / OnlyBeats
    bool alwaysOpen = true;
    std::array<std::vector<TimeRange>, 7> hours; // ISO weekday - 1 (Monday = 0)
    bool closedOnHolidays = false;
    std::vector<Program> follows; // care navigation follows CCD/CRT contacts

    bool inArea(std::string_view beat) const;
};

struct RuleSet
{
    std::string id;   // "durham-2023-10-23-citywide"
    std::string name; // for people
    std::chrono::year_month_day effectiveFrom{};
    roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    std::vector<CallType> callTypes;
    std::vector<ProgramRules> programs;          // only the programs that operate
    std::vector<std::chrono::sys_days> holidays; // sorted

    const ProgramRules* rulesFor(Program program) const;
    // Index into callTypes for a code, name or alias in any letter case and
    // with surrounding blanks; -1 when unknown.
    int callTypeIndex(std::string_view spelled) const;
    bool isHoliday(std::chrono::sys_days day) const;

    // Filled by the loader: exact and normalised spellings -> index. The
    // transparent hash lets a string_view look up without a copy.
    struct SpellingHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, int, SpellingHash, std::equal_to<>> callTypeLookup;
};

// Lower case, inner runs of blanks as one space, no surrounding blanks: how
// call type spellings are compared.
std::string normaliseSpelling(std::string_view text);

} // namespace heart::routing
