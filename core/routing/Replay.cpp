#include "core/routing/Replay.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>

namespace heart::routing {

using namespace std::chrono;

namespace {

// ---- CSV ----------------------------------------------------------------------

// Reads one record into `fields` (reused between calls). Unquoted fields
// and quoted ones without doubled quotes point into the text; only fields
// with "" escapes are copied (into storage that lives until the next
// record). Returns false at the end of the input. Counts physical lines.
class CsvReader
{
public:
    explicit CsvReader(std::string_view text) : m_text(text)
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") // a BOM from spreadsheet exports
            m_pos = 3;
    }

    bool next(std::vector<std::string_view>& fields, std::size_t& startLine, bool& badQuote)
    {
        badQuote = false;
        fields.clear();
        m_unescapedUsed = 0;
        // Skip blank lines between records.
        while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
            if (m_text[m_pos] == '\n')
                ++m_line;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return false;
        startLine = m_line;
        const char* const data = m_text.data();
        const std::size_t size = m_text.size();
        for (;;) {
            if (m_pos < size && data[m_pos] == '"') {
                fields.push_back(quotedField(badQuote));
                if (m_pos >= size)
                    return true;
                // Anything between the closing quote and the delimiter is a format error.
                std::size_t end = m_pos;
                while (end < size && data[end] != ',' && data[end] != '\n')
                    ++end;
                if (end > m_pos && !(end == m_pos + 1 && data[m_pos] == '\r'))
                    badQuote = true;
                m_pos = end;
            } else {
                // The end of the physical line, found once per line (not per field).
                if (m_lineEnd < m_pos || m_lineEnd == std::string_view::npos) {
                    const void* found = std::memchr(data + m_pos, '\n', size - m_pos);
                    m_lineEnd = found ? std::size_t(static_cast<const char*>(found) - data) : size;
                }
                const std::size_t lineEnd = m_lineEnd;
                const void* comma = std::memchr(data + m_pos, ',', lineEnd - m_pos);
                std::size_t end = comma ? std::size_t(static_cast<const char*>(comma) - data) : lineEnd;
                std::size_t fieldEnd = end;
                if (!comma && fieldEnd > m_pos && data[fieldEnd - 1] == '\r')
                    --fieldEnd;
                fields.emplace_back(data + m_pos, fieldEnd - m_pos);
                m_pos = end;
            }
            if (m_pos < size && data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < size) {
                ++m_pos; // the newline
                ++m_line;
            }
            return true;
        }
    }

    std::size_t position() const { return m_pos; }

private:
    std::string_view quotedField(bool& badQuote)
    {
        ++m_pos; // the opening quote
        const std::size_t start = m_pos;
        std::string* unescaped = nullptr;
        for (;;) {
            const std::size_t quote = m_text.find('"', m_pos);
            if (quote == std::string_view::npos) {
                badQuote = true;
                countLines(m_text.substr(m_pos));
                m_pos = m_text.size();
                return m_text.substr(start);
            }
            countLines(m_text.substr(m_pos, quote - m_pos));
            if (quote + 1 < m_text.size() && m_text[quote + 1] == '"') {
                // A doubled quote: from here on the field needs a copy.
                if (!unescaped) {
                    if (m_unescapedUsed == m_unescaped.size())
                        m_unescaped.push_back(std::make_unique<std::string>());
                    unescaped = m_unescaped[m_unescapedUsed++].get();
                    unescaped->assign(m_text.substr(start, quote - start));
                } else {
                    unescaped->append(m_text.substr(m_pos, quote - m_pos));
                }
                unescaped->push_back('"');
                m_pos = quote + 2;
                continue;
            }
            if (!unescaped) {
                m_pos = quote + 1;
                return m_text.substr(start, quote - start);
            }
            unescaped->append(m_text.substr(m_pos, quote - m_pos));
            m_pos = quote + 1;
            return *unescaped;
        }
    }

    void countLines(std::string_view part)
    {
        m_line += std::size_t(std::count(part.begin(), part.end(), '\n'));
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_lineEnd = std::string_view::npos;        // position of the '\n' ending the current line
    std::vector<std::unique_ptr<std::string>> m_unescaped; // stable addresses
    std::size_t m_unescapedUsed = 0;
};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// A field for a message: at most an excerpt (core/JsonLimits.h), in quotes.
std::string quoted(std::string_view text)
{
    return quotedExcerpt(text);
}

// ---- time -----------------------------------------------------------------------

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& value)
{
    // Nine digits at most: no date or time field has more, and more would overflow an int.
    if (count > 9 || pos + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

// Parses a history timestamp. Returns an error message, empty on success.
std::string parseTime(std::string_view text, std::variant<TimePoint, roster::LocalDateTime>& out)
{
    const auto bad = [&] {
        return quoted(text) + " is not a time like 2024-03-10 14:05 or 03/10/2024 2:05 PM";
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    std::size_t pos = 0;
    if (digits(text, 0, 4, y) && text.size() > 4 && text[4] == '-') {
        if (!digits(text, 5, 2, mo) || text.size() < 11 || text[7] != '-' || !digits(text, 8, 2, d) ||
            (text[10] != ' ' && text[10] != 'T'))
            return bad();
        pos = 11;
    } else {
        // M/D/YYYY as US CAD systems export it.
        std::size_t slash1 = text.find('/');
        std::size_t slash2 = slash1 == std::string_view::npos ? slash1 : text.find('/', slash1 + 1);
        if (slash2 == std::string_view::npos || !digits(text, 0, slash1, mo) || slash1 == 0 || slash1 > 2 ||
            !digits(text, slash1 + 1, slash2 - slash1 - 1, d) || slash2 - slash1 - 1 == 0 ||
            slash2 - slash1 - 1 > 2 || !digits(text, slash2 + 1, 4, y))
            return bad();
        pos = slash2 + 5;
        if (pos >= text.size() || text[pos] != ' ')
            return bad();
        ++pos;
    }
    // H:MM or HH:MM, optional :SS
    std::size_t colon = text.find(':', pos);
    if (colon == std::string_view::npos || colon == pos || colon - pos > 2 ||
        !digits(text, pos, colon - pos, h) || !digits(text, colon + 1, 2, mi))
        return bad();
    pos = colon + 3;
    if (pos < text.size() && text[pos] == ':') {
        if (!digits(text, pos + 1, 2, s))
            return bad();
        pos += 3;
        if (pos < text.size() && text[pos] == '.') { // fractions of a second
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
        }
    }
    std::string_view rest = text.substr(pos);
    int offsetMinutes = 0;
    bool instant = false;
    if (rest == " AM" || rest == " PM" || rest == " am" || rest == " pm") {
        if (h < 1 || h > 12)
            return quoted(text) + ": the hour must be 1 to 12 with AM/PM";
        h = h % 12 + ((rest[1] == 'P' || rest[1] == 'p') ? 12 : 0);
    } else if (rest == "Z") {
        instant = true;
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
        int oh = 0, om = 0;
        if (!digits(rest, 1, 2, oh) || !digits(rest, 4, 2, om) || oh > 14 || om > 59)
            return bad();
        offsetMinutes = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
        instant = true;
    } else if (!rest.empty()) {
        return bad();
    }
    const year_month_day date{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!date.ok())
        return quoted(text) + " is not a calendar date";
    if (!yearInRange(y))
        return quoted(text) + " is outside the years " + std::to_string(kMinYear) + " to " +
               std::to_string(kMaxYear);
    if (h > 23 || mi > 59 || s > 59)
        return quoted(text) + " is not a time of day";
    if (instant)
        out = TimePoint{sys_days{date} + hours{h} + minutes{mi} + seconds{s} - minutes{offsetMinutes}};
    else
        out = roster::LocalDateTime{date, h * 60 + mi};
    return {};
}

bool parseCoordinate(std::string_view text, double& value)
{
    text = trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    return result.ec == std::errc{} && result.ptr == text.data() + text.size() && std::isfinite(value);
}

// A flag name in any letter case, without allocating.
std::optional<CallFlag> flagNamed(std::string_view name)
{
    char lower[16];
    if (name.size() >= sizeof lower)
        return std::nullopt;
    for (std::size_t i = 0; i < name.size(); ++i)
        lower[i] = name[i] >= 'A' && name[i] <= 'Z' ? char(name[i] - 'A' + 'a') : name[i];
    return flagFromCode(std::string_view(lower, name.size()));
}

} // namespace

// ---- call type map -----------------------------------------------------------

Result<CallTypeMap, DataError> CallTypeMap::parse(std::string_view csv, const std::string& sourceName)
{
    CallTypeMap result;
    CsvReader reader(csv);
    std::vector<std::string_view> fields;
    std::size_t line = 0;
    bool badQuote = false, first = true;
    while (reader.next(fields, line, badQuote)) {
        const std::size_t count = fields.size();
        if (badQuote)
            return DataError{sourceName, "line " + std::to_string(line), "csv-quote",
                             "a quoted field is not closed properly"};
        if (count != 2)
            return DataError{sourceName, "line " + std::to_string(line), "field-count",
                             "expected 2 fields (their spelling, call type), found " + std::to_string(count)};
        const std::string from = normaliseSpelling(fields[0]);
        const std::string to(trim(fields[1]));
        if (first && from == "spelling") {
            first = false;
            continue;
        }
        first = false;
        if (from.empty() || to.empty())
            return DataError{sourceName, "line " + std::to_string(line), "empty-value",
                             "a spelling or call type is empty"};
        const auto [it, inserted] = result.m_map.emplace(from, to);
        if (!inserted && it->second != to)
            return DataError{sourceName, "line " + std::to_string(line), "duplicate-spelling",
                             quoted(fields[0]) + " is mapped twice, to " + quoted(it->second) + " and " +
                                 quoted(to)};
    }
    return result;
}

std::string_view CallTypeMap::map(std::string_view spelled) const
{
    if (m_map.empty())
        return spelled;
    m_scratch = normaliseSpelling(spelled);
    const auto found = m_map.find(m_scratch);
    return found == m_map.end() ? spelled : std::string_view(found->second);
}

// ---- replay -----------------------------------------------------------------------

namespace {

// "14:05", "2:05 PM", "14:05:00": a time of day without a date.
bool looksLikeTimeOfDay(std::string_view text)
{
    return text.size() >= 4 && text[0] >= '0' && text[0] <= '9' && (text[1] == ':' || text[2] == ':') &&
           text.find_first_of("-/") == std::string_view::npos;
}

// A risk level in any letter case, without allocating.
std::optional<RiskLevel> riskNamed(std::string_view name)
{
    char lower[16];
    if (name.size() >= sizeof lower)
        return std::nullopt;
    for (std::size_t i = 0; i < name.size(); ++i)
        lower[i] = name[i] >= 'A' && name[i] <= 'Z' ? char(name[i] - 'A' + 'a') : name[i];
    return riskFromCode(std::string_view(lower, name.size()));
}

} // namespace

Result<ReplaySummary, DataError> replayCsv(std::string_view csv, const std::string& sourceName,
                                           const Router& router, const ReplayOptions& options)
{
    CsvReader reader(csv);
    std::vector<std::string_view> fields;
    std::size_t line = 0;
    bool badQuote = false;
    if (!reader.next(fields, line, badQuote))
        return DataError{sourceName, "line 1", "empty-file", "the file is empty: expected a header row"};
    auto found = findColumns(fields, options.layout, options.withoutLocations, sourceName);
    if (!found)
        return found.error();
    const HeaderColumns& columns = found.value();
    const auto at = [&](ReplayColumn column) {
        return columns[column];
    };
    const int idColumn = at(ReplayColumn::Id), timeColumn = at(ReplayColumn::Time),
              dateColumn = at(ReplayColumn::Date), typeColumn = at(ReplayColumn::CallType),
              beatColumn = at(ReplayColumn::Beat), latColumn = at(ReplayColumn::Lat),
              lonColumn = at(ReplayColumn::Lon), flagsColumn = at(ReplayColumn::Flags),
              riskColumn = at(ReplayColumn::Risk);
    const auto field = [&](int column) {
        return trim(fields[std::size_t(column)]);
    };

    ReplaySummary summary;
    summary.columns = columns.used;
    summary.unusedColumns = columns.unused;
    std::vector<std::size_t> ruleSetUse(router.rules().ruleSets().size(), 0);
    Decision decision;
    Error decisionError;
    CallFacts call;
    ReplayCall row;
    std::string dateAndTime; // a date column and a time-of-day column, joined
    // The counts need the reasons' codes only; the per-call output spells them out.
    const ReasonDetail detail = options.onCall ? ReasonDetail::Full : ReasonDetail::CodesOnly;
    std::size_t nextProgress = 0;
    const std::size_t progressStep = std::max<std::size_t>(csv.size() / 100, 64 * 1024);

    const auto reject = [&](std::size_t rowLine, std::string message) {
        ++summary.malformed;
        if (options.onCall) {
            row.status = ReplayRowStatus::Malformed;
            row.decision = nullptr;
            row.message = message;
            options.onCall(row);
        }
        ReplayRowError rowError{rowLine, std::move(message)};
        if (options.onError)
            options.onError(rowError);
        if (summary.errors.size() < options.keepErrors)
            summary.errors.push_back(std::move(rowError));
    };

    while (reader.next(fields, line, badQuote)) {
        const std::size_t count = fields.size();
        ++summary.rows;
        if (options.progress && reader.position() >= nextProgress) {
            options.progress(reader.position(), csv.size());
            nextProgress = reader.position() + progressStep;
        }
        row.line = line;
        row.id = idColumn >= 0 && std::size_t(idColumn) < count ? field(idColumn) : std::string_view{};
        row.callType =
            typeColumn >= 0 && std::size_t(typeColumn) < count ? field(typeColumn) : std::string_view{};
        if (badQuote) {
            reject(line, "a quoted field is not closed properly");
            continue;
        }
        if (count != columns.count) {
            reject(line,
                   "expected " + std::to_string(columns.count) + " fields, found " + std::to_string(count));
            continue;
        }
        std::string_view timeText = field(timeColumn);
        if (dateColumn >= 0 && looksLikeTimeOfDay(timeText)) {
            const std::string_view dateText = field(dateColumn);
            // Spreadsheets write a date column as "2024-05-15 00:00:00" too: its date part.
            dateAndTime.assign(dateText.substr(0, dateText.find_first_of(" T")));
            dateAndTime += ' ';
            dateAndTime += timeText;
            timeText = dateAndTime;
        }
        if (timeText.empty()) {
            reject(line, "time: empty");
            continue;
        }
        if (std::string message = parseTime(timeText, call.received); !message.empty()) {
            reject(line, "time: " + message);
            continue;
        }
        std::string_view type = row.callType;
        if (type.empty()) {
            reject(line, "call type: empty");
            continue;
        }
        if (options.callTypeMap)
            type = options.callTypeMap->map(type);
        call.callType = type;

        call.beat = beatColumn >= 0 ? field(beatColumn) : std::string_view{};
        call.position.reset();
        if (latColumn >= 0) {
            const std::string_view latText = field(latColumn);
            const std::string_view lonText = field(lonColumn);
            if (!latText.empty() || !lonText.empty()) {
                geo::GeoPoint point;
                if (!parseCoordinate(latText, point.lat) || !parseCoordinate(lonText, point.lon)) {
                    reject(line,
                           "coordinates: " + quoted(latText) + ", " + quoted(lonText) + " are not numbers");
                    continue;
                }
                if (std::abs(point.lat) > 90 || std::abs(point.lon) > 180) {
                    reject(line, "coordinates: latitude " + quoted(latText) + ", longitude " +
                                     quoted(lonText) + " are outside the world");
                    continue;
                }
                call.position = point;
            }
        }

        call.flags = FlagSet{};
        bool flagsOk = true;
        if (flagsColumn >= 0) {
            std::string_view list = fields[std::size_t(flagsColumn)];
            std::size_t start = 0;
            while (start < list.size() && flagsOk) {
                std::size_t end = list.find_first_of(";| ", start);
                if (end == std::string_view::npos)
                    end = list.size();
                const std::string_view name = trim(list.substr(start, end - start));
                start = end + 1;
                if (name.empty())
                    continue;
                const auto flag = flagNamed(name);
                if (!flag) {
                    reject(line, "flags: unknown flag " + quoted(name) +
                                     " (use weapon, violence, medical, intoxication, minors)");
                    flagsOk = false;
                    break;
                }
                call.flags.set(*flag);
            }
        }
        if (!flagsOk)
            continue;

        call.risk = RiskLevel::NotAssessed;
        if (riskColumn >= 0) {
            const std::string_view riskText = field(riskColumn);
            if (!riskText.empty()) {
                const auto risk = riskNamed(riskText);
                if (!risk) {
                    reject(line,
                           "risk: unknown level " + quoted(riskText) + " (use none, low, moderate, high)");
                    continue;
                }
                call.risk = *risk;
            }
        }

        if (!router.decideInto(call, decision, decisionError, detail)) {
            if (decisionError.code != "no-rule-set") {
                reject(line, "time: " + quoted(timeText) + " " + excerpt(decisionError.detail, 200));
                continue;
            }
            // Before the earliest rule set: not a broken row, a gap in the rules given.
            const std::chrono::sys_days day{decision.local.date};
            if (summary.noRuleSet++ == 0 || day < std::chrono::sys_days{summary.noRuleSetFirst})
                summary.noRuleSetFirst = decision.local.date;
            if (summary.noRuleSet == 1 || day > std::chrono::sys_days{summary.noRuleSetLast})
                summary.noRuleSetLast = decision.local.date;
            if (options.onCall) {
                const std::string message = "no rule set is in force on " + decisionError.field;
                row.status = ReplayRowStatus::NoRuleSet;
                row.decision = &decision;
                row.message = message;
                options.onCall(row);
            }
            continue;
        }

        ++summary.decided;
        if (options.onCall) {
            row.status = ReplayRowStatus::Decided;
            row.decision = &decision;
            row.message = {};
            options.onCall(row);
        }
        ++ruleSetUse[std::size_t(decision.ruleSetIndex)];
        if (decision.callTypeIndex < 0)
            ++summary.unknownCallTypes[std::string(type)];
        if (decision.timeNote == LocalTimeNote::InSpringForwardGap)
            ++summary.inSpringForwardGap;
        else if (decision.timeNote == LocalTimeNote::Ambiguous)
            ++summary.ambiguousFallBack;
        if (decision.beatSource == BeatSource::FromPosition)
            ++summary.beatsFromCoordinates;
        const std::size_t hourSlot = std::size_t(decision.isoWeekday * 24 + decision.local.minuteOfDay / 60);
        for (const ProgramVerdict& verdict : decision.verdicts) {
            ProgramTally& tally = summary.programs[std::size_t(verdict.program)];
            if (verdict.eligible) {
                ++tally.eligible;
                ++tally.hourOfWeek[hourSlot];
                continue;
            }
            // Count each reason code once per call.
            unsigned seen = 0;
            for (const Reason& reason : verdict.reasons) {
                const unsigned bit = 1u << unsigned(reason.code);
                if (!(seen & bit))
                    ++tally.excludedBy[std::size_t(reason.code)];
                seen |= bit;
            }
        }
        for (Program program : decision.recommended)
            ++summary.programs[std::size_t(program)].recommended;
    }
    if (options.progress)
        options.progress(csv.size(), csv.size());
    for (std::size_t i = 0; i < ruleSetUse.size(); ++i) {
        if (ruleSetUse[i])
            summary.ruleSetUse[router.rules().ruleSets()[i].id] = ruleSetUse[i];
    }
    return summary;
}

} // namespace heart::routing
