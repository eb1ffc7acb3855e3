#pragma once
// The plain rows the supervisor's report is computed from: one row per call
// with what every metric needs (docs/metrics.md). The store fills them from
// its tables (store/ReportRows.h); tests build them by hand. No person's data:
// a person appears only as an opaque key, to count repeat contacts.
#include "core/Clock.h"
#include "core/encounter/EncounterRules.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/geo/BeatMap.h"
#include "core/routing/Disposition.h"
#include "core/routing/Router.h"
#include "core/routing/RoutingTypes.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace heart::report {

// A follow-up task that came of the call (Care Navigation).
struct FollowUpRow
{
    followup::TaskKind kind = followup::TaskKind::FollowUp;
    TimePoint contactAt{}; // the contact the 48 hours run from
    TimePoint dueAt{};
    std::optional<TimePoint> closedAt; // closed: with an outcome
    std::optional<followup::Outcome> outcome;
};

// The routing engine's verdict on one program for the call, under the rule
// set in force at the call's local time (filled by judgeEligibility()).
enum class Eligibility : std::uint8_t
{
    NotOperating, // the program is not in the rule set in force (or no rule set / no decision)
    NotEligible,  // the call itself does not fit: call type, flags, C-SSRS risk
    Eligible,     // the call fits; `reasons` may still hold hours or area reasons
};

struct ProgramJudgement
{
    Eligibility eligibility = Eligibility::NotOperating;
    std::vector<routing::ReasonCode> reasons; // the engine's reasons (empty: open for the call)
};

struct CallRow
{
    std::string id; // calls.id: what a drill-down returns
    TimePoint received{};
    // What the routing engine needs.
    std::string callType; // code, name or alias
    std::string beat;     // empty when unknown
    std::optional<geo::GeoPoint> position;
    routing::FlagSet flags;
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    // What became of the call.
    std::optional<routing::Program> program; // the program that handled it (calls.program)
    std::optional<routing::Disposition> disposition;
    std::vector<routing::Program> recommended; // as recorded at the decision
    bool overrideReason = false;               // a written reason against the recommendation
    // The first unit on the call (CRT or Co-Response).
    std::optional<TimePoint> dispatched; // first "dispatched"
    std::optional<TimePoint> arrived;    // first "on_scene"
    std::optional<TimePoint> cleared;    // first "transporting" or "clear" after arrival
    // The encounter note (signed or not) of that unit.
    std::optional<encounter::EncounterDisposition> encounterDisposition;
    std::optional<bool> feltSafe;
    std::vector<std::string> referralKinds; // resource kind codes, "unlisted" for free text
    std::vector<FollowUpRow> followUps;
    std::string personKey; // opaque; empty when no person is linked
    // How many calls the row stands for: 1 for a call; more for a group of
    // calls the store counted together in SQL (AggregatedRows::calls): same
    // routing facts, outcome and time class, `received` one of them, no id.
    long long count = 1;
    // Filled by judgeEligibility(), in kAllPrograms order.
    std::array<ProgramJudgement, routing::kAllPrograms.size()> judgements{};
    bool judged = false;

    const ProgramJudgement& judgement(routing::Program p) const { return judgements[std::size_t(p)]; }
};

// Calls counted together (AggregatedRows): `count` calls received at
// `received` (a bucket's start, or one of a person's calls), by the program
// that handled them.
struct CallCount
{
    TimePoint received{};
    std::optional<routing::Program> program;
    long long count = 0;
    std::string personKey; // AggregatedRows::people only
};

// The calls of a period as the store aggregates them in SQL
// (store/ReportRows.h, ReportRowStore::aggregatedRows), for
// computeReport(): the same numbers as one CallRow per call (tests check
// both agree) from far fewer rows.
struct AggregatedRows
{
    // Every call, grouped by what the routing engine and the call-level
    // tables look at (call type, beat, position when no beat, flags, risk,
    // program, disposition, recommendation, whether a reason was written)
    // and by time slice class (timeSlices()): `count` calls per row. No id,
    // no unit times, no note, no follow-ups, no person.
    std::vector<CallRow> calls;
    // One row per call that has unit status times, an encounter note or
    // follow-up tasks: id, received, program, disposition and those.
    std::vector<CallRow> details;
    // Calls per bucket of `bucketMinutes` (60 or 1) of UTC time and program.
    std::vector<CallCount> buckets;
    // Calls per person, program and period (opaque key).
    std::vector<CallCount> people;
};

// Stretches of UTC time over which everything the routing engine reads of
// a call's time is the same: the rule set in force, the holiday, every
// program's hours (open or not) and which of the two periods. Calls of
// one class with the same facts get the same decision, so the store groups
// by class and the engine decides each group once, at one of its calls.
struct TimeSlice
{
    TimePoint from{}; // inclusive
    TimePoint to{};   // exclusive
    int timeClass = 0;
};
// Slices covering [from, to), split at `split` (the current period's
// start), adjacent slices of one class merged.
std::vector<TimeSlice> timeSlices(const routing::RuleBook& rules, const roster::TimeZoneRule& zone,
                                  TimePoint from, TimePoint to, TimePoint split);
// 60 when every UTC hour of [from, to) lies in one local hour (whole-hour
// offsets, changes on the hour): calls can be counted per UTC hour and
// turned into local hours and months after. Otherwise 1 (per minute).
int bucketMinutes(const roster::TimeZoneRule& zone, TimePoint from, TimePoint to);

// Runs every row through the routing engine (the rule set in force at the
// call's local time) and fills `judgements`. Reasons are split into what the
// call is (call type, flags, risk: not eligible) and where and when it came
// (area, hours, holiday: eligible but missed). A call dated before the first
// rule set, or that the engine cannot decide, is NotOperating for every program.
void judgeEligibility(std::vector<CallRow>& rows, const routing::Router& router);

// Whether a reason says the call is not the program's kind of call (as
// against where or when it came).
bool isCallNatureReason(routing::ReasonCode code);

} // namespace heart::report
