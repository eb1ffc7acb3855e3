// The follow-up policy's numbers and their JSON form (see FollowUpConfig.h).
#include "core/followup/FollowUpConfig.h"

#include "core/JsonLimits.h"
#include "core/roster/TimeZoneRule.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>

namespace heart::followup {
namespace {

using nlohmann::json;

// Thrown inside the reader only; parseFollowUpConfig turns it into a DataError.
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

// Keys come from the text: a path quotes at most an excerpt of each.
std::string joinPath(const std::string& path, std::string_view key)
{
    const std::string shownKey = key.size() > kExcerptBytes ? excerpt(key) : std::string(key);
    return path.empty() ? shownKey : path + "." + shownKey;
}

std::string shown(const json& value)
{
    return shownJson(value);
}

void onlyMembers(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed)
{
    if (!object.is_object())
        fail(path.empty() ? "(top level)" : path, "wrong-type",
             std::string("expected an object, got ") + object.type_name() + " " + shown(object));
    for (const auto& [key, value] : object.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (std::string_view name : allowed)
                list += (list.empty() ? "" : ", ") + std::string(name);
            fail(joinPath(path, key), "unknown-member",
                 "unknown member " + quotedExcerpt(key) + " (expected one of: " + list + ")");
        }
    }
}

int integer(const json& value, const std::string& path)
{
    if (!value.is_number_integer())
        fail(path, "wrong-type",
             std::string("expected a whole number, got ") + value.type_name() + " " + shown(value));
    const auto number = value.get<long long>();
    if (number < -1'000'000 || number > 1'000'000)
        fail(path, "out-of-range", "the number " + shown(value) + " is out of range");
    return static_cast<int>(number);
}

bool boolean(const json& value, const std::string& path)
{
    if (!value.is_boolean())
        fail(path, "wrong-type",
             std::string("expected true or false, got ") + value.type_name() + " " + shown(value));
    return value.get<bool>();
}

std::string text(const json& value, const std::string& path)
{
    if (!value.is_string())
        fail(path, "wrong-type",
             std::string("expected a string, got ") + value.type_name() + " " + shown(value));
    return value.get<std::string>();
}

DueRule readRule(const json& object, const std::string& path, DueRule rule)
{
    onlyMembers(object, path, {"dueHours", "skipWeekends"});
    if (const auto found = object.find("dueHours"); found != object.end())
        rule.dueHours = integer(*found, joinPath(path, "dueHours"));
    if (const auto found = object.find("skipWeekends"); found != object.end())
        rule.skipWeekends = boolean(*found, joinPath(path, "skipWeekends"));
    return rule;
}

FollowUpConfig readConfig(const json& root)
{
    FollowUpConfig config;
    onlyMembers(root, "",
                {"format", "timeZone", "followUp", "checkIn", "dueSoonHours", "maxUnsuccessfulAttempts"});
    if (const auto found = root.find("format"); found != root.end()) {
        if (text(*found, "format") != kFollowUpPolicyFormat)
            fail("format", "unknown-format",
                 "expected \"" + std::string(kFollowUpPolicyFormat) + "\", got " + shown(*found));
    }
    if (const auto found = root.find("timeZone"); found != root.end())
        config.timeZone = text(*found, "timeZone");
    if (const auto found = root.find("followUp"); found != root.end()) {
        onlyMembers(*found, "followUp", {"crt", "cor", "ccd"});
        for (const auto& [key, rule] :
             {std::pair{"crt", &config.crt}, std::pair{"cor", &config.cor}, std::pair{"ccd", &config.ccd}}) {
            if (const auto member = found->find(key); member != found->end())
                *rule = readRule(*member, joinPath("followUp", key), *rule);
        }
    }
    if (const auto found = root.find("checkIn"); found != root.end())
        config.checkIn = readRule(*found, "checkIn", config.checkIn);
    if (const auto found = root.find("dueSoonHours"); found != root.end())
        config.dueSoonHours = integer(*found, "dueSoonHours");
    if (const auto found = root.find("maxUnsuccessfulAttempts"); found != root.end())
        config.maxUnsuccessfulAttempts = integer(*found, "maxUnsuccessfulAttempts");
    return config;
}

json ruleJson(const DueRule& rule)
{
    return json{{"dueHours", rule.dueHours}, {"skipWeekends", rule.skipWeekends}};
}

std::optional<DataError> outOfRange(const std::string& source, const std::string& path, int value, int low,
                                    int high)
{
    if (value >= low && value <= high)
        return std::nullopt;
    return DataError{source, path, "out-of-range",
                     "expected " + std::to_string(low) + " to " + std::to_string(high) + ", got " +
                         std::to_string(value)};
}

} // namespace

const DueRule* followUpRule(const FollowUpConfig& config, routing::Program program)
{
    switch (program) {
    case routing::Program::CommunityResponse:
        return &config.crt;
    case routing::Program::CoResponse:
        return &config.cor;
    case routing::Program::CrisisCallDiversion:
        return &config.ccd;
    case routing::Program::CareNavigation:
    case routing::Program::PoliceEms:
        return nullptr;
    }
    return nullptr;
}

std::optional<DataError> validate(const FollowUpConfig& config, const std::string& sourceName)
{
    if (const auto zone = roster::TimeZoneRule::parse(config.timeZone); !zone.ok()) {
        return DataError{sourceName, "timeZone", zone.error().code,
                         "not a POSIX TZ rule (" + zone.error().detail + " at " + zone.error().field + ")"};
    }
    const std::array<std::pair<const char*, const DueRule*>, 4> rules = {{
        {"followUp.crt.dueHours", &config.crt},
        {"followUp.cor.dueHours", &config.cor},
        {"followUp.ccd.dueHours", &config.ccd},
        {"checkIn.dueHours", &config.checkIn},
    }};
    for (const auto& [path, rule] : rules) {
        if (auto problem = outOfRange(sourceName, path, rule->dueHours, 1, kMaxDueHours))
            return problem;
    }
    if (auto problem = outOfRange(sourceName, "dueSoonHours", config.dueSoonHours, 0, kMaxDueSoonHours))
        return problem;
    return outOfRange(sourceName, "maxUnsuccessfulAttempts", config.maxUnsuccessfulAttempts, 1,
                      kMaxAttemptsLimit);
}

Result<FollowUpConfig, DataError> parseFollowUpConfig(std::string_view text, const std::string& sourceName)
{
    auto parsed = parseJsonText(text, sourceName);
    if (!parsed)
        return parsed.error();
    const json& root = parsed.value();
    FollowUpConfig config;
    try {
        config = readConfig(root);
    } catch (const Problem& problem) {
        return DataError{sourceName, problem.path.empty() ? "(top level)" : problem.path, problem.code,
                         problem.message};
    } catch (const std::exception& error) {
        return DataError{sourceName, "", "wrong-value", excerpt(error.what(), 200)};
    }
    if (auto problem = validate(config, sourceName))
        return *problem;
    return config;
}

std::string toJson(const FollowUpConfig& config)
{
    const json document = {
        {"format", std::string(kFollowUpPolicyFormat)},
        {"timeZone", config.timeZone},
        {"followUp",
         {{"crt", ruleJson(config.crt)}, {"cor", ruleJson(config.cor)}, {"ccd", ruleJson(config.ccd)}}},
        {"checkIn", ruleJson(config.checkIn)},
        {"dueSoonHours", config.dueSoonHours},
        {"maxUnsuccessfulAttempts", config.maxUnsuccessfulAttempts},
    };
    return document.dump(2);
}

} // namespace heart::followup
