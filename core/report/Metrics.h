#pragma once
// The supervisor's report over one period (docs/metrics.md defines every
// number): calls by program, call type, beat, hour of the week and month;
// the share of eligible calls answered per program and the missed eligible
// calls by reason; CCD diversions; dispatch-to-arrival and on-scene times;
// what happened on scene; dispositions; referrals; follow-ups; repeat
// contacts; and the trend against the period before.
//
// Every count lives in a CountTable whose cells have stable keys (table id,
// row key, column key). callsBehind() runs the very same code that counted
// and returns the call ids behind one cell, so a drill-down always agrees
// with the number it was opened from.
#include "core/report/Period.h"
#include "core/report/ReportRows.h"
#include "core/roster/TimeZoneRule.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heart::report {

// Why an eligible call was not answered by the program (docs/metrics.md).
enum class MissReason : std::uint8_t
{
    NoUnitAvailable,    // "no_unit_available": recommended, not sent, a reason written (the team was busy)
    OutsideHours,       // "outside_hours": the engine's outside-hours or holiday reason
    OutsideServiceArea, // "outside_service_area": outside the program's beats or every beat
    LocationUnknown,    // "location_unknown": no beat, no coordinates
    PoliceEmsTook, // "police_ems_took": handed to police or EMS without a reason against the recommendation
    Declined,      // "declined": the caller declined or disconnected
    OtherProgram,  // "other_program": another program answered it (e.g. CCD resolved a CRT-eligible call)
    NotYetDecided, // "not_decided": the call has no disposition yet
};
inline constexpr std::array<MissReason, 8> kAllMissReasons = {
    MissReason::NoUnitAvailable, MissReason::OutsideHours,  MissReason::OutsideServiceArea,
    MissReason::LocationUnknown, MissReason::PoliceEmsTook, MissReason::Declined,
    MissReason::OtherProgram,    MissReason::NotYetDecided,
};
std::string_view missReasonCode(MissReason reason);

// The programs that answer calls and so have a share of eligible calls answered.
inline constexpr std::array<routing::Program, 3> kAnsweringPrograms = {
    routing::Program::CrisisCallDiversion, routing::Program::CommunityResponse, routing::Program::CoResponse};

// A table of counts. Rows and columns are stable keys (codes, beats,
// "2026-10", "mon"), in display order; the UI words them.
struct CountTable
{
    std::string id; // "calls_by_beat", ...
    std::vector<std::string> rows;
    std::vector<std::string> columns;
    std::vector<std::vector<long long>> cells; // [row][column]

    long long at(std::string_view row, std::string_view column) const; // 0 when absent
    long long rowTotal(std::size_t row) const;
    long long columnTotal(std::size_t column) const;
    long long total() const;
    int rowIndex(std::string_view row) const; // -1 when absent
    int columnIndex(std::string_view column) const;
};

// Median and 90th percentile of durations in seconds, by linear
// interpolation between closest ranks (docs/metrics.md, "Percentiles").
struct DurationStats
{
    std::size_t count = 0;
    std::optional<double> median;
    std::optional<double> p90;
};
// The p-th percentile (0..1) of values (any order): the value at rank
// h = (n - 1) * p, interpolated between the values at floor(h) and ceil(h).
std::optional<double> percentile(std::vector<double> values, double p);

struct ReportOptions
{
    // Only calls the program handled (calls by ..., times, on scene,
    // dispositions, referrals, follow-ups, repeat contacts) and only its
    // eligibility row. Eligibility always looks at every call of the period.
    std::optional<routing::Program> program;
    int repeatThreshold = 5; // people seen this many times or more
};

struct Report
{
    Period period;
    UtcRange range;
    std::size_t calls = 0; // in the period (after the program filter)

    // Tables, each with its id (docs/metrics.md lists them):
    CountTable byProgram;      // "calls_by_program": rows programs, column "calls"
    CountTable byCallType;     // "calls_by_call_type": rows call types as stored
    CountTable byBeat;         // "calls_by_beat": rows beats ("" shown as "unknown")
    CountTable byHourOfWeek;   // "calls_by_hour_of_week": rows mon..sun, columns "00".."23"
    CountTable byMonth;        // "calls_by_month": rows "2026-10"
    CountTable eligibility;    // "eligibility": rows ccd/crt/cor, columns answered, missed (total: eligible)
    CountTable missedByReason; // "missed_by_reason": rows ccd/crt/cor, columns miss reasons
    CountTable missedByBeat;   // "missed_by_beat": rows beats, columns ccd/crt/cor
    CountTable diversions;     // "ccd_diversions": rows diverted, transferred_988; column "calls"
    CountTable responseTimes;  // "response_times": rows crt/cor, columns dispatch_to_arrival, on_scene (n)
    CountTable feltSafe;       // "felt_safe": rows yes, no, not_recorded; columns crt/cor (encounters)
    CountTable dispositions;   // "dispositions": rows call dispositions + "none"; column "calls"
    CountTable encounterOutcomes; // "encounter_dispositions": rows encounter dispositions (police_requested,
                                  //   ems_requested among them); columns crt/cor
    CountTable referrals;         // "referrals_by_kind": rows resource kinds + "unlisted"; column "referrals"
    CountTable followUps;         // "follow_ups": rows follow_up/check_in; columns within_48h, after_48h,
                                  //   not_reached, open (total: tasks)
    CountTable followUpOutcomes;  // "follow_up_outcomes": rows follow_up/check_in; columns outcomes
    CountTable repeatPeople; // "repeat_people": row "people", column "seen_5_plus" (no call ids behind it)

    // Times (seconds) per in-person program, crt then cor.
    DurationStats dispatchToArrival[2];
    DurationStats onSceneTime[2];

    // Headline ratios, nullopt without a denominator.
    std::optional<double> shareAnswered(routing::Program program) const;
    std::optional<double> feltSafeShare() const; // yes / (yes + no)
    long long policeRequested() const;           // encounters ending "police_requested"
    long long emsRequested() const;
    std::optional<double> followUpWithin48hShare() const;

    // Every table in display order, for export and the public version.
    std::vector<const CountTable*> tables() const;
};

// `rows` may hold calls outside the period (e.g. the previous period's too):
// only those received in the period count. Rows must have been judged
// (judgeEligibility) for the eligibility tables.
Report computeReport(const std::vector<CallRow>& rows, const Period& period, const roster::TimeZoneRule& zone,
                     const ReportOptions& options = {});

// The same from the rows the store aggregated in SQL (AggregatedRows, its
// `calls` judged): the same numbers as one CallRow per call.
Report computeReport(const AggregatedRows& rows, const Period& period, const roster::TimeZoneRule& zone,
                     const ReportOptions& options = {});

// The call ids behind one cell of one table (sorted, unique). An unknown
// table, row or column gives none; "repeat_people" gives none by design
// (counts only). Durations: the cell of "response_times" lists the calls in
// the sample.
std::vector<std::string> callsBehind(const std::vector<CallRow>& rows, const Period& period,
                                     const roster::TimeZoneRule& zone, const ReportOptions& options,
                                     std::string_view tableId, std::string_view row, std::string_view column);

// This period against the one before.
struct Trend
{
    std::string metric; // "calls", "eligible_answered_crt", "median_dispatch_to_arrival_crt", ...
    std::optional<double> current;
    std::optional<double> previous;
    std::optional<double> change() const; // current - previous
};
std::vector<Trend> trends(const Report& current, const Report& previous);

} // namespace heart::report
