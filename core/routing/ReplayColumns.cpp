#include "core/routing/ReplayColumns.h"

#include "core/JsonLimits.h"
#include "core/routing/RuleSet.h"

namespace heart::routing {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kKeys[kReplayColumnCount] = {"id",  "time", "date",  "type", "beat",
                                                        "lat", "lon",  "flags", "risk"};

// Folded spellings (see fold()), most specific first: when a file has both
// "latitude" and "y", latitude is read.
constexpr std::string_view kId[] = {"id",         "callid",   "incidentid", "incidentnumber",
                                    "incidentno", "incident", "eventid",    "eventnumber",
                                    "cadnumber",  "cadno",    "callnumber", "callno"};
constexpr std::string_view kTime[] = {"time",
                                      "timestamp",
                                      "datetime",
                                      "receivedat",
                                      "received",
                                      "datetimereceived",
                                      "timereceived",
                                      "receivedtime",
                                      "calltime",
                                      "calldatetime",
                                      "callreceived",
                                      "incidenttime",
                                      "incidentdatetime",
                                      "eventtime",
                                      "createdat"};
constexpr std::string_view kDate[] = {"date",         "calldate",     "incidentdate",
                                      "receiveddate", "datereceived", "eventdate"};
constexpr std::string_view kCallType[] = {"calltype",        "type",          "nature",       "incidenttype",
                                          "eventtype",       "callnature",    "natureofcall", "naturecode",
                                          "initialcalltype", "finalcalltype", "problem",      "complaint"};
constexpr std::string_view kBeat[] = {"beat", "policebeat", "patrolbeat", "beatid", "beatname"};
constexpr std::string_view kLat[] = {"latitude", "lat", "y"};
constexpr std::string_view kLon[] = {"longitude", "lon", "lng", "long", "x"};
constexpr std::string_view kFlags[] = {"flags", "flag", "callflags"};
constexpr std::string_view kRisk[] = {"risk", "risklevel", "cssrsrisk", "cssrs"};

// How the spellings are written in messages (the first few, as people type them).
constexpr std::string_view kShown[kReplayColumnCount] = {
    "id, call_id, incident_number, cad_number",
    "time, timestamp, datetime, received, call_time (or date and time)",
    "date, call_date, incident_date",
    "call_type, type, nature, incident_type, event_type",
    "beat, police_beat, patrol_beat",
    "latitude, lat, y",
    "longitude, lon, lng, x",
    "flags",
    "risk, risk_level, cssrs_risk",
};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Lower case letters and digits only: "Call Type", "call_type" and "CALLTYPE" fold alike.
std::string fold(std::string_view header)
{
    std::string out;
    for (char c : header) {
        if (c >= 'A' && c <= 'Z')
            out.push_back(char(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.push_back(c);
    }
    return out;
}

} // namespace

std::string_view replayColumnKey(ReplayColumn column)
{
    return kKeys[std::size_t(column)];
}

std::span<const std::string_view> replayColumnSpellings(ReplayColumn column)
{
    switch (column) {
    case ReplayColumn::Id:
        return kId;
    case ReplayColumn::Time:
        return kTime;
    case ReplayColumn::Date:
        return kDate;
    case ReplayColumn::CallType:
        return kCallType;
    case ReplayColumn::Beat:
        return kBeat;
    case ReplayColumn::Lat:
        return kLat;
    case ReplayColumn::Lon:
        return kLon;
    case ReplayColumn::Flags:
        return kFlags;
    case ReplayColumn::Risk:
        return kRisk;
    }
    return {};
}

Result<CsvLayout, DataError> parseColumnMapping(std::string_view spec, CsvLayout layout)
{
    std::size_t start = 0;
    while (start <= spec.size()) {
        std::size_t comma = spec.find(',', start);
        if (comma == std::string_view::npos)
            comma = spec.size();
        const std::string_view entry = trim(spec.substr(start, comma - start));
        start = comma + 1;
        if (entry.empty())
            continue;
        const std::size_t equals = entry.find('=');
        const std::string_view key = equals == std::string_view::npos ? entry : trim(entry.substr(0, equals));
        const std::string_view column =
            equals == std::string_view::npos ? std::string_view{} : trim(entry.substr(equals + 1));
        std::string* target = nullptr;
        for (ReplayColumn candidate : kAllReplayColumns) {
            if (key == replayColumnKey(candidate) ||
                (candidate == ReplayColumn::CallType && key == "call_type"))
                target = &layout[candidate];
        }
        if (!target)
            return DataError{"--columns", excerpt(entry), "unknown-column-key",
                             "unknown key " + quotedExcerpt(key) +
                                 " (use id, time, date, type, beat, lat, lon, flags, risk)"};
        if (column.empty())
            return DataError{"--columns", excerpt(entry), "missing-column-name",
                             "write KEY=HEADER, e.g. time=CallTime"};
        *target = std::string(column);
    }
    return layout;
}

Result<HeaderColumns, DataError> findColumns(std::span<const std::string_view> header,
                                             const CsvLayout& layout, bool allowNoLocation,
                                             const std::string& sourceName)
{
    HeaderColumns found;
    found.index.fill(-1);
    found.count = header.size();
    std::vector<std::string> folded;
    std::string listed; // the headers as found, for messages: the first few, each an excerpt
    constexpr std::size_t kListed = 20;
    folded.reserve(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        folded.push_back(fold(header[i]));
        if (i < kListed)
            listed += (listed.empty() ? "" : ", ") + excerpt(trim(header[i]));
    }
    if (header.size() > kListed)
        listed += " and " + std::to_string(header.size() - kListed) + " more";
    std::array<bool, kReplayColumnCount> mapped{};
    std::vector<bool> taken(header.size(), false);
    // Named columns first, so a recognised spelling never takes a named one.
    for (ReplayColumn column : kAllReplayColumns) {
        const std::string& wanted = layout[column];
        if (wanted.empty())
            continue;
        const std::string normal = normaliseSpelling(wanted);
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (!taken[i] && normaliseSpelling(header[i]) == normal) {
                found.index[std::size_t(column)] = int(i);
                mapped[std::size_t(column)] = true;
                taken[i] = true;
                break;
            }
        }
        if (found.index[std::size_t(column)] < 0)
            return DataError{sourceName, "line 1", "missing-column",
                             "no column " + quotedExcerpt(wanted) + " for the " +
                                 std::string(replayColumnKey(column)) + " (found: " + listed +
                                 "); map it with --columns " + std::string(replayColumnKey(column)) +
                                 "=HEADER"};
    }
    for (ReplayColumn column : kAllReplayColumns) {
        if (!layout[column].empty())
            continue;
        int best = -1;
        std::size_t bestRank = 0;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (taken[i])
                continue;
            const auto spellings = replayColumnSpellings(column);
            for (std::size_t rank = 0; rank < spellings.size(); ++rank) {
                if (folded[i] == spellings[rank] && (best < 0 || rank < bestRank)) {
                    best = int(i);
                    bestRank = rank;
                }
            }
        }
        if (best >= 0) {
            found.index[std::size_t(column)] = best;
            taken[std::size_t(best)] = true;
        }
    }
    // A lone date column may hold the date and the time.
    auto& time = found.index[std::size_t(ReplayColumn::Time)];
    auto& date = found.index[std::size_t(ReplayColumn::Date)];
    if (time < 0 && date >= 0) {
        time = date;
        date = -1;
        mapped[std::size_t(ReplayColumn::Time)] = mapped[std::size_t(ReplayColumn::Date)];
        mapped[std::size_t(ReplayColumn::Date)] = false;
    }

    const auto missing = [&](ReplayColumn column, std::string_view what) {
        const std::string key(replayColumnKey(column));
        return DataError{sourceName, "line 1", "missing-column",
                         "no column \"" + std::string(column == ReplayColumn::CallType ? "call_type" : key) +
                             "\" for the " + std::string(what) +
                             " (also recognised: " + std::string(kShown[std::size_t(column)]) +
                             "; found: " + listed + "); map it with --columns " + key + "=HEADER"};
    };
    if (time < 0)
        return missing(ReplayColumn::Time, "time");
    if (found[ReplayColumn::CallType] < 0)
        return missing(ReplayColumn::CallType, "call type");
    if ((found[ReplayColumn::Lat] < 0) != (found[ReplayColumn::Lon] < 0))
        return found[ReplayColumn::Lat] < 0 ? missing(ReplayColumn::Lat, "latitude")
                                            : missing(ReplayColumn::Lon, "longitude");
    if (found[ReplayColumn::Beat] < 0 && found[ReplayColumn::Lat] < 0 && !allowNoLocation)
        return DataError{sourceName, "line 1", "no-location-column",
                         "no location column (found: " + listed + "): the beat is read from a column named " +
                             std::string(kShown[std::size_t(ReplayColumn::Beat)]) +
                             ", coordinates from latitude and longitude (or lat and lon/lng, or y and x). "
                             "Map yours with --columns beat=HEADER or --columns lat=HEADER,lon=HEADER, "
                             "or pass --no-locations to replay every call with its location unknown"};

    std::vector<bool> used(header.size(), false);
    for (ReplayColumn column : kAllReplayColumns) {
        const int i = found[column];
        if (i < 0)
            continue;
        used[std::size_t(i)] = true;
        found.used.push_back(
            {column, std::string(trim(header[std::size_t(i)])), mapped[std::size_t(column)]});
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!used[i])
            found.unused.emplace_back(trim(header[i]));
    }
    return found;
}

} // namespace heart::routing
