#pragma once
// What-if replay: run a history of calls (CSV) through a rule book and count,
// per program, the eligible calls, their hour-of-week profile and the calls
// excluded per reason. This is how a program decides which beats and hours to
// staff. A malformed row is reported with its line number and counted, never
// silently dropped.
//
// CSV: RFC 4180 (quoted fields may hold commas, quotes and line breaks), a
// header row, columns found by name (ReplayColumns.h). Times are
// program-local ("2024-03-10 02:30", "2024-03-10T02:30:00", "03/10/2024
// 02:30" or with " PM"), or instants with "Z" / "+01:00"; or a date column
// and a time-of-day column. Flags are names separated by ";", "|" or blanks.
// A call dated before the earliest rule set is not malformed: it is counted
// apart ("no rule set in force"). docs/replay.md describes every format.
#include "core/Result.h"
#include "core/routing/ReplayColumns.h"
#include "core/routing/Router.h"

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace heart::routing {

// Another center's spellings of call types: a two-column CSV (no header or
// the header "spelling,call_type"): their spelling -> a code, name or alias
// of the rule set. Matched in any letter case.
class CallTypeMap
{
public:
    static Result<CallTypeMap, DataError> parse(std::string_view csv, const std::string& sourceName);
    // The mapped spelling, or `spelled` itself when it is not in the map.
    std::string_view map(std::string_view spelled) const;
    std::size_t size() const { return m_map.size(); }

private:
    std::unordered_map<std::string, std::string> m_map; // normalised -> target
    mutable std::string m_scratch;
};

struct ReplayRowError
{
    std::size_t line = 0; // 1-based line where the row starts
    std::string message;  // e.g. "time: \"2024-02-30 10:00\" is not a date"
};

// What became of one row, for the per-call output (ReplayCallWriter.h).
enum class ReplayRowStatus : std::uint8_t
{
    Decided,
    Malformed, // see message
    NoRuleSet, // dated before the earliest rule set; decision->local holds the local time
};

struct ReplayCall
{
    std::size_t line = 0; // 1-based line where the row starts
    ReplayRowStatus status = ReplayRowStatus::Decided;
    std::string_view id;                // the id column, or empty
    std::string_view callType;          // as in the file (before --call-types)
    const Decision* decision = nullptr; // Decided and NoRuleSet (local time only); else null
    std::string_view message;           // Malformed: what is wrong
};

struct ProgramTally
{
    std::size_t eligible = 0;
    std::size_t recommended = 0;                            // the program was in the recommended response
    std::array<std::size_t, 7 * 24> hourOfWeek{};           // eligible calls, Monday 00h = 0
    std::array<std::size_t, kReasonCodeCount> excludedBy{}; // a call counts once per reason it has
};

struct ReplaySummary
{
    std::size_t rows = 0;                                          // data rows read (without the header)
    std::size_t decided = 0;                                       // rows that got a decision
    std::size_t malformed = 0;                                     // rows reported as errors
    std::size_t noRuleSet = 0;                                     // rows dated before the earliest rule set
    std::chrono::year_month_day noRuleSetFirst{}, noRuleSetLast{}; // their local dates (when noRuleSet > 0)
    std::vector<ReplayRowError> errors; // the first ReplayOptions::keepErrors of them
    std::array<ProgramTally, kAllPrograms.size()> programs{};
    std::map<std::string, std::size_t> ruleSetUse;       // rule set id -> calls judged under it
    std::map<std::string, std::size_t> unknownCallTypes; // spelling as found -> calls
    std::size_t inSpringForwardGap = 0;
    std::size_t ambiguousFallBack = 0;
    std::size_t beatsFromCoordinates = 0;
    std::vector<ColumnUse> columns; // which column was read for what
    std::vector<std::string> unusedColumns;

    const ProgramTally& tally(Program program) const { return programs[std::size_t(program)]; }
};

struct ReplayOptions
{
    CsvLayout layout;
    const CallTypeMap* callTypeMap = nullptr;
    std::size_t keepErrors = 1000;
    // Called now and then with the bytes read so far and the total.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Called for every malformed row (also those beyond keepErrors).
    std::function<void(const ReplayRowError&)> onError;
    // Called for every row, in file order, whatever became of it.
    std::function<void(const ReplayCall&)> onCall;
    // Replay a file without a beat or coordinates column (else an error).
    bool withoutLocations = false;
};

// Errors for the whole file (no header, a required column missing, no
// location column: see findColumns()) name the file and "line 1"; row errors
// go into the summary.
Result<ReplaySummary, DataError> replayCsv(std::string_view csv, const std::string& sourceName,
                                           const Router& router, const ReplayOptions& options = {});

} // namespace heart::routing
