#pragma once
// Which column of a call history (CSV) holds which fact. Columns are found
// by their header: the usual spellings are recognised in any letter case and
// with or without blanks, "_", "-" or "." ("Call Type", "call_type",
// "CALLTYPE"); --columns names others. Only the time and the call type are
// required, and a location: a beat or coordinates, unless the caller replays
// without locations on purpose (a history without locations gives "location
// unknown" for every in-person program, which is never what an analyst
// meant without saying so). docs/replay.md lists every spelling.
#include "core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heart::routing {

enum class ReplayColumn : std::uint8_t
{
    Id,       // the call's id, copied to the per-call output
    Time,     // when the call was received: date and time, or the time of day with Date
    Date,     // the date, when a separate column holds the time of day
    CallType, // code, name or alias of the rule set (or mapped with --call-types)
    Beat,
    Lat,
    Lon,
    Flags,
    Risk,
};
inline constexpr std::size_t kReplayColumnCount = 9;
inline constexpr std::array<ReplayColumn, kReplayColumnCount> kAllReplayColumns = {
    ReplayColumn::Id,  ReplayColumn::Time, ReplayColumn::Date,  ReplayColumn::CallType, ReplayColumn::Beat,
    ReplayColumn::Lat, ReplayColumn::Lon,  ReplayColumn::Flags, ReplayColumn::Risk,
};

// The key used by --columns: id, time, date, type, beat, lat, lon, flags, risk.
std::string_view replayColumnKey(ReplayColumn column);
// The header spellings recognised, most specific first, folded (lower case,
// letters and digits only): {"latitude", "lat", "y"}.
std::span<const std::string_view> replayColumnSpellings(ReplayColumn column);

// Headers named on the command line; an empty name means "recognise it".
struct CsvLayout
{
    std::array<std::string, kReplayColumnCount> mapped;

    std::string& operator[](ReplayColumn column) { return mapped[std::size_t(column)]; }
    const std::string& operator[](ReplayColumn column) const { return mapped[std::size_t(column)]; }
};

// "time=CallTime,type=Nature,lat=Y,lon=X": keys as replayColumnKey() (and
// call_type for type). Error (file "--columns") names the bad entry.
Result<CsvLayout, DataError> parseColumnMapping(std::string_view spec, CsvLayout layout = {});

// One column in use: what it holds and its header as written in the file.
struct ColumnUse
{
    ReplayColumn column = ReplayColumn::Id;
    std::string header;
    bool mapped = false; // named with --columns (else recognised)
};

struct HeaderColumns
{
    std::array<int, kReplayColumnCount> index{}; // position in the row, -1 when absent
    std::size_t count = 0;                       // fields in the header
    std::vector<ColumnUse> used;                 // in kAllReplayColumns order
    std::vector<std::string> unused;             // headers nothing reads, in file order

    int operator[](ReplayColumn column) const { return index[std::size_t(column)]; }
};

// Finds the columns in the header row. Errors (location "line 1"):
//   missing-column      no time, no call type, or only one of lat and lon
//   no-location-column  neither a beat nor coordinates (unless allowNoLocation)
// Each message lists the headers found and how to map one with --columns.
Result<HeaderColumns, DataError> findColumns(std::span<const std::string_view> header,
                                             const CsvLayout& layout, bool allowNoLocation,
                                             const std::string& sourceName);

} // namespace heart::routing
