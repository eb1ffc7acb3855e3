#pragma once
// What-if replay: run a history of calls (CSV) through a rule book and count,
// per program, the eligible calls, their hour-of-week profile and the calls
// excluded per reason. This is how a program decides which beats and hours to
// staff. A malformed row is reported with its line number and counted, never
// silently dropped.
//
// CSV: RFC 4180 (quoted fields may hold commas, quotes and line breaks), a
// header row, columns found by name (see CsvLayout). Times are program-local
// ("2024-03-10 02:30", "2024-03-10T02:30:00", "03/10/2024 02:30" or with
// " PM"), or instants with "Z" / "+01:00". Flags are names separated by ";",
// "|" or blanks.
#include "core/Result.h"
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

// Which header names hold which facts. Only time and call type are required;
// a call without beat and coordinates has an unknown location.
struct CsvLayout
{
    std::string id = "id";
    std::string time = "time";
    std::string callType = "call_type";
    std::string beat = "beat";
    std::string lat = "lat";
    std::string lon = "lon";
    std::string flags = "flags";
    std::string risk = "risk";
};

// "time=CallTime,type=Nature,lat=Y,lon=X": keys id, time, type, beat, lat,
// lon, flags, risk. Error (file "--columns") names the bad entry.
Result<CsvLayout, DataError> parseColumnMapping(std::string_view spec, CsvLayout layout = {});

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

struct ProgramTally
{
    std::size_t eligible = 0;
    std::size_t recommended = 0;                            // the program was in the recommended response
    std::array<std::size_t, 7 * 24> hourOfWeek{};           // eligible calls, Monday 00h = 0
    std::array<std::size_t, kReasonCodeCount> excludedBy{}; // a call counts once per reason it has
};

struct ReplaySummary
{
    std::size_t rows = 0;               // data rows read (without the header)
    std::size_t decided = 0;            // rows that got a decision
    std::size_t malformed = 0;          // rows reported as errors
    std::vector<ReplayRowError> errors; // the first ReplayOptions::keepErrors of them
    std::array<ProgramTally, kAllPrograms.size()> programs{};
    std::map<std::string, std::size_t> ruleSetUse;       // rule set id -> calls judged under it
    std::map<std::string, std::size_t> unknownCallTypes; // spelling as found -> calls
    std::size_t inSpringForwardGap = 0;
    std::size_t ambiguousFallBack = 0;
    std::size_t beatsFromCoordinates = 0;

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
};

// Errors for the whole file (no header, a required column missing) name the
// file and "line 1"; row errors go into the summary.
Result<ReplaySummary, DataError> replayCsv(std::string_view csv, const std::string& sourceName,
                                           const Router& router, const ReplayOptions& options = {});

} // namespace heart::routing
