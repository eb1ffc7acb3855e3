#include "core/routing/RuleSetJson.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace heart::routing {

namespace {

using nlohmann::json;
using namespace std::chrono;

// Thrown inside the loader only; parseRuleSet turns it into a DataError.
struct Problem
{
    std::string path;
    std::string code;
    std::string message;
};

[[noreturn]] void fail(const std::string& path, std::string code, std::string message)
{
    throw Problem{path, std::move(code), std::move(message)};
}

std::string typeName(const json& value)
{
    return std::string(value.type_name());
}

std::string shown(const json& value)
{
    return shownJson(value);
}

// A text from the file, for a message: at most an excerpt, in quotes.
std::string q(std::string_view text)
{
    return quotedExcerpt(text);
}

const json& member(const json& object, const std::string& path, const char* key)
{
    const auto found = object.find(key);
    if (found == object.end())
        fail(path, "missing-member", std::string("the member \"") + key + "\" is missing");
    return *found;
}

// Keys come from the file: a path quotes at most an excerpt of each.
std::string joinPath(const std::string& path, std::string_view key)
{
    const std::string shownKey = key.size() > kExcerptBytes ? excerpt(key) : std::string(key);
    return path.empty() ? shownKey : path + "." + shownKey;
}

std::string indexPath(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

void requireType(const json& value, const std::string& path, json::value_t type, const char* what)
{
    const bool ok = type == json::value_t::number_integer ? value.is_number_integer() : value.type() == type;
    if (!ok)
        fail(path, "wrong-type",
             std::string("expected ") + what + ", got " + typeName(value) + " " + shown(value));
}

std::string text(const json& value, const std::string& path)
{
    requireType(value, path, json::value_t::string, "a string");
    return value.get<std::string>();
}

std::string nonEmptyText(const json& value, const std::string& path)
{
    std::string result = text(value, path);
    if (result.find_first_not_of(" \t") == std::string::npos)
        fail(path, "empty-value", "the text is empty");
    return result;
}

const json& array(const json& value, const std::string& path)
{
    requireType(value, path, json::value_t::array, "an array");
    return value;
}

void onlyMembers(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed)
{
    requireType(object, path, json::value_t::object, "an object");
    for (const auto& [key, value] : object.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (std::string_view name : allowed)
                list += (list.empty() ? "" : ", ") + std::string(name);
            fail(joinPath(path, key), "unknown-member",
                 "unknown member " + q(key) + " (expected one of: " + list + ")");
        }
    }
}

year_month_day date(const json& value, const std::string& path)
{
    const std::string s = text(value, path);
    int y = 0;
    unsigned m = 0, d = 0;
    char dash1 = 0, dash2 = 0;
    std::istringstream in(s);
    in >> y >> dash1 >> m >> dash2 >> d;
    const year_month_day result{year{y}, month{m}, day{d}};
    if (s.size() != 10 || !in || dash1 != '-' || dash2 != '-' || !in.eof() || !result.ok())
        fail(path, "bad-date", "expected a date \"YYYY-MM-DD\", got " + q(s));
    if (!yearInRange(y))
        fail(path, "bad-date",
             "the date " + q(s) + " is outside the years " + std::to_string(kMinYear) + " to " +
                 std::to_string(kMaxYear));
    return result;
}

int minuteOfDay(std::string_view hhmm, bool allow24, const std::string& path, const std::string& whole)
{
    const auto digit = [](char c) {
        return c >= '0' && c <= '9';
    };
    if (hhmm.size() == 5 && digit(hhmm[0]) && digit(hhmm[1]) && hhmm[2] == ':' && digit(hhmm[3]) &&
        digit(hhmm[4])) {
        const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
        const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
        if (m < 60 && (h < 24 || (allow24 && h == 24 && m == 0)))
            return h * 60 + m;
    }
    fail(path, "bad-time-range", "expected \"HH:MM-HH:MM\" with times from 00:00 to 24:00, got " + q(whole));
}

Condition condition(const json& value, const std::string& path)
{
    const std::string s = text(value, path);
    Condition result;
    if (s.rfind("risk:", 0) == 0) {
        const auto risk = riskFromCode(std::string_view(s).substr(5));
        if (!risk || *risk == RiskLevel::NotAssessed)
            fail(path, "unknown-condition",
                 "unknown risk level in " + q(s) + " (use risk:none, risk:low, risk:moderate or risk:high)");
        result.isRisk = true;
        result.risk = *risk;
        return result;
    }
    const auto flag = flagFromCode(s);
    if (!flag)
        fail(path, "unknown-condition",
             "unknown condition " + q(s) +
                 " (use weapon, violence, medical, intoxication, minors or risk:LEVEL)");
    result.flag = *flag;
    return result;
}

std::vector<Condition> conditions(const json& program, const std::string& path, const char* key)
{
    std::vector<Condition> result;
    const auto found = program.find(key);
    if (found == program.end())
        return result;
    const std::string listPath = joinPath(path, key);
    const json& list = array(*found, listPath);
    for (std::size_t i = 0; i < list.size(); ++i)
        result.push_back(condition(list[i], indexPath(listPath, i)));
    return result;
}

std::vector<std::string> beatList(const json& value, const std::string& path)
{
    std::vector<std::string> beats;
    const json& list = array(value, path);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string itemPath = indexPath(path, i);
        if (list[i].is_number_integer())
            beats.push_back(std::to_string(list[i].get<long long>()));
        else
            beats.push_back(nonEmptyText(list[i], itemPath));
    }
    std::sort(beats.begin(), beats.end());
    const auto dup = std::adjacent_find(beats.begin(), beats.end());
    if (dup != beats.end())
        fail(path, "duplicate-beat", "beat " + q(*dup) + " is listed twice");
    return beats;
}

void readServiceArea(const json& value, const std::string& path, ProgramRules& rules)
{
    if (value.is_string()) {
        if (value.get<std::string>() != "anywhere")
            fail(path, "bad-service-area",
                 "expected \"anywhere\", {\"beats\": [...]} or {\"allBeatsExcept\": [...]}, got " +
                     shown(value));
        rules.area = AreaKind::Anywhere;
        return;
    }
    onlyMembers(value, path, {"beats", "allBeatsExcept"});
    if (value.size() != 1)
        fail(path, "bad-service-area", "give exactly one of \"beats\" and \"allBeatsExcept\"");
    if (value.contains("beats")) {
        rules.area = AreaKind::OnlyBeats;
        rules.areaBeats = beatList(value["beats"], joinPath(path, "beats"));
        if (rules.areaBeats.empty())
            fail(joinPath(path, "beats"), "bad-service-area", "the list of beats is empty");
    } else {
        rules.area = AreaKind::AllBeatsExcept;
        rules.areaBeats = beatList(value["allBeatsExcept"], joinPath(path, "allBeatsExcept"));
    }
}

void readHours(const json& value, const std::string& path, ProgramRules& rules)
{
    if (value.is_string() && value.get<std::string>() == "always") {
        rules.alwaysOpen = true;
        return;
    }
    if (value.is_string())
        fail(path, "bad-hours", "expected \"always\" or an object of weekdays, got " + shown(value));
    onlyMembers(value, path, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
    rules.alwaysOpen = false;
    for (const auto& [key, ranges] : value.items()) {
        const int weekday = *weekdayFromCode(key);
        const std::string dayPath = joinPath(path, key);
        array(ranges, dayPath);
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const std::string rangePath = indexPath(dayPath, i);
            const std::string s = text(ranges[i], rangePath);
            const auto dash = s.find('-');
            if (dash == std::string::npos)
                fail(rangePath, "bad-time-range", "expected \"HH:MM-HH:MM\", got " + q(s));
            const int start = minuteOfDay(std::string_view(s).substr(0, dash), false, rangePath, s);
            const int end = minuteOfDay(std::string_view(s).substr(dash + 1), true, rangePath, s);
            if (start == end)
                fail(rangePath, "bad-time-range",
                     "the range " + q(s) + " is empty (use \"00:00-24:00\" for the whole day)");
            if (end > start) {
                rules.hours[std::size_t(weekday)].push_back({start, end});
            } else {
                // Past midnight: the rest of this day and the start of the next.
                rules.hours[std::size_t(weekday)].push_back({start, 1440});
                if (end > 0)
                    rules.hours[std::size_t((weekday + 1) % 7)].push_back({0, end});
            }
        }
    }
    for (auto& day : rules.hours)
        std::sort(day.begin(), day.end(), [](TimeRange a, TimeRange b) { return a.start < b.start; });
}

ProgramRules readProgram(const json& value, const std::string& path, Program program, const RuleSet& set)
{
    onlyMembers(value, path,
                {"callTypes", "excludeWhen", "onlyWhen", "serviceArea", "hours", "holidays", "follows"});
    ProgramRules rules;
    rules.program = program;
    rules.eligibleCallType.assign(set.callTypes.size(), false);

    const json& types = member(value, path, "callTypes");
    const std::string typesPath = joinPath(path, "callTypes");
    if (types.is_string() && types.get<std::string>() == "all") {
        rules.allCallTypes = true;
        rules.eligibleCallType.assign(set.callTypes.size(), true);
    } else {
        if (!types.is_array())
            fail(typesPath, "wrong-type",
                 "expected \"all\" or an array of call type codes, got " + shown(types));
        for (std::size_t i = 0; i < types.size(); ++i) {
            const std::string itemPath = indexPath(typesPath, i);
            const std::string code = text(types[i], itemPath);
            const auto found = std::find_if(set.callTypes.begin(), set.callTypes.end(),
                                            [&](const CallType& type) { return type.code == code; });
            if (found == set.callTypes.end())
                fail(itemPath, "unknown-call-type", q(code) + " is not a code in \"callTypes\"");
            rules.eligibleCallType[std::size_t(found - set.callTypes.begin())] = true;
        }
    }
    rules.excludeWhen = conditions(value, path, "excludeWhen");
    rules.onlyWhen = conditions(value, path, "onlyWhen");
    for (const Condition& condition : rules.onlyWhen)
        rules.onlyWhenCodes += (rules.onlyWhenCodes.empty() ? "" : "|") + condition.code();
    readServiceArea(member(value, path, "serviceArea"), joinPath(path, "serviceArea"), rules);
    readHours(member(value, path, "hours"), joinPath(path, "hours"), rules);
    if (const auto holidays = value.find("holidays"); holidays != value.end()) {
        const std::string s = text(*holidays, joinPath(path, "holidays"));
        if (s != "open" && s != "closed")
            fail(joinPath(path, "holidays"), "wrong-value", "expected \"open\" or \"closed\", got " + q(s));
        rules.closedOnHolidays = s == "closed";
    }
    if (const auto follows = value.find("follows"); follows != value.end()) {
        const std::string followsPath = joinPath(path, "follows");
        array(*follows, followsPath);
        for (std::size_t i = 0; i < follows->size(); ++i) {
            const std::string code = text((*follows)[i], indexPath(followsPath, i));
            const auto followed = programFromCode(code);
            if (!followed || *followed == program)
                fail(indexPath(followsPath, i), "unknown-program", q(code) + " is not another program");
            rules.follows.push_back(*followed);
        }
    }
    return rules;
}

void addSpelling(RuleSet& set, const std::string& spelling, int index, const std::string& path)
{
    const std::string key = normaliseSpelling(spelling);
    const auto [it, inserted] = set.callTypeLookup.emplace(key, index);
    if (!inserted && it->second != index)
        fail(path, "duplicate-call-type",
             q(spelling) + " already names the call type " + q(set.callTypes[std::size_t(it->second)].code));
    set.callTypeLookup.emplace(spelling, index); // exact spelling: the fast path
}

RuleSet readRuleSet(const json& root)
{
    onlyMembers(
        root, "",
        {"format", "id", "name", "effectiveFrom", "timeZone", "holidays", "callTypes", "programs", "notes"});
    const std::string format = text(member(root, "", "format"), "format");
    if (format != kRuleSetFormat)
        fail("format", "unsupported-format",
             "expected \"" + std::string(kRuleSetFormat) + "\", got " + q(format));
    RuleSet set;
    set.id = nonEmptyText(member(root, "", "id"), "id");
    set.name = nonEmptyText(member(root, "", "name"), "name");
    set.effectiveFrom = date(member(root, "", "effectiveFrom"), "effectiveFrom");
    const std::string zone = text(member(root, "", "timeZone"), "timeZone");
    auto parsedZone = roster::TimeZoneRule::parse(zone);
    if (!parsedZone)
        fail("timeZone", "bad-time-zone",
             q(zone) + " is not a POSIX TZ rule (" + parsedZone.error().field + ": " +
                 parsedZone.error().detail + ")");
    set.zone = parsedZone.value();

    if (const auto holidays = root.find("holidays"); holidays != root.end()) {
        array(*holidays, "holidays");
        for (std::size_t i = 0; i < holidays->size(); ++i)
            set.holidays.push_back(sys_days{date((*holidays)[i], indexPath("holidays", i))});
        std::sort(set.holidays.begin(), set.holidays.end());
    }

    const json& types = array(member(root, "", "callTypes"), "callTypes");
    if (types.empty())
        fail("callTypes", "empty-value", "a rule set needs at least one call type");
    for (std::size_t i = 0; i < types.size(); ++i) {
        const std::string path = indexPath("callTypes", i);
        onlyMembers(types[i], path, {"code", "name", "aliases"});
        CallType type;
        type.code = nonEmptyText(member(types[i], path, "code"), joinPath(path, "code"));
        type.name = nonEmptyText(member(types[i], path, "name"), joinPath(path, "name"));
        if (const auto aliases = types[i].find("aliases"); aliases != types[i].end()) {
            array(*aliases, joinPath(path, "aliases"));
            for (std::size_t a = 0; a < aliases->size(); ++a)
                type.aliases.push_back(nonEmptyText((*aliases)[a], indexPath(joinPath(path, "aliases"), a)));
        }
        set.callTypes.push_back(type);
        const int index = int(i);
        addSpelling(set, type.code, index, joinPath(path, "code"));
        addSpelling(set, type.name, index, joinPath(path, "name"));
        for (std::size_t a = 0; a < type.aliases.size(); ++a)
            addSpelling(set, type.aliases[a], index, indexPath(joinPath(path, "aliases"), a));
    }

    const json& programs = member(root, "", "programs");
    requireType(programs, "programs", json::value_t::object, "an object of programs");
    for (const auto& [key, value] : programs.items()) {
        const auto program = programFromCode(key);
        if (!program)
            fail(joinPath("programs", key), "unknown-program",
                 "unknown program " + q(key) + " (expected ccd, crt, cor, cn or police-ems)");
        set.programs.push_back(readProgram(value, joinPath("programs", key), *program, set));
    }
    for (const ProgramRules& rules : set.programs) {
        for (Program followed : rules.follows) {
            if (!set.rulesFor(followed))
                fail(joinPath(joinPath("programs", programCode(rules.program)), "follows"), "unknown-program",
                     "follows \"" + std::string(programCode(followed)) +
                         "\", which this rule set does not define");
        }
    }
    std::sort(set.programs.begin(), set.programs.end(),
              [](const ProgramRules& a, const ProgramRules& b) { return a.program < b.program; });
    return set;
}

} // namespace

Result<RuleSet, DataError> parseRuleSet(std::string_view text, const std::string& sourceName)
{
    auto parsed = parseJsonText(text, sourceName);
    if (!parsed)
        return parsed.error();
    try {
        return readRuleSet(parsed.value());
    } catch (const Problem& problem) {
        return DataError{sourceName, problem.path.empty() ? "(top level)" : problem.path, problem.code,
                         problem.message};
    } catch (const std::exception& error) {
        return DataError{sourceName, "", "wrong-value", excerpt(error.what(), 200)};
    }
}

Result<RuleSet, DataError> loadRuleSetFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return DataError{path, "", "cannot-read", "the file cannot be opened"};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        return DataError{path, "", "cannot-read", "the file cannot be read"};
    return parseRuleSet(content.str(), path);
}

} // namespace heart::routing
