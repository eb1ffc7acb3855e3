// The Stanley-Brown Safety Plan: crisis services prefilled into step 5, the
// checks before printing, and the JSON form it is stored in (see
// SafetyPlan.h for the steps, the rules and the format).
#include "core/safety/SafetyPlan.h"

#include "core/JsonLimits.h"
#include "core/intake/IntakeRules.h"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

namespace heart::safety {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, kSafetyPlanStepCount> kStepCodes = {
    "warning-signs", "coping-strategies", "distraction", "people-to-ask", "professionals", "safe-environment",
};

bool blank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string stepPath(std::size_t step)
{
    return "steps[" + std::to_string(step) + "]";
}

std::string entriesPath(std::size_t step)
{
    return stepPath(step) + ".entries";
}

std::string entryPath(std::size_t step, std::size_t entry)
{
    return entriesPath(step) + "[" + std::to_string(entry) + "]";
}

std::string reasonPath(std::size_t index)
{
    return "reasonsForLiving[" + std::to_string(index) + "]";
}

// The number as it compares: normalised when it can be, else as given.
std::string comparable(std::string_view phone)
{
    const auto normalised = intake::normalisePhone(phone);
    return normalised ? normalised.value() : std::string(phone);
}

bool isLanguageCode(std::string_view code)
{
    return (code.size() == 2 || code.size() == 3) &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// ---- Reading JSON: the first problem, thrown inside the reader only ----

struct Problem
{
    std::string path;
    std::string code;
    std::string detail;
};

[[noreturn]] void fail(std::string path, std::string code, std::string detail)
{
    throw Problem{std::move(path), std::move(code), std::move(detail)};
}

std::string joinPath(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

void requireType(const json& value, const std::string& path, json::value_t type, const char* what)
{
    if (value.type() != type)
        fail(path, "wrong-type", std::string("expected ") + what + ", got " + value.type_name());
}

void onlyMembers(const json& object, const std::string& path, std::initializer_list<std::string_view> known)
{
    for (const auto& item : object.items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            fail(joinPath(path, excerpt(item.key())), "unknown-member",
                 "unknown member " + quotedExcerpt(item.key()));
    }
}

const json& member(const json& object, const std::string& path, const char* key)
{
    const auto found = object.find(key);
    if (found == object.end())
        fail(joinPath(path, key), "missing-member", std::string("the member \"") + key + "\" is missing");
    return *found;
}

std::string text(const json& value, const std::string& path)
{
    requireType(value, path, json::value_t::string, "a string");
    return value.get<std::string>();
}

SafetyPlanEntry readEntry(const json& value, const std::string& path)
{
    requireType(value, path, json::value_t::object, "an object");
    onlyMembers(value, path, {"text", "phone"});
    SafetyPlanEntry entry;
    entry.text = text(member(value, path, "text"), joinPath(path, "text"));
    if (const auto phone = value.find("phone"); phone != value.end())
        entry.phone = text(*phone, joinPath(path, "phone"));
    return entry;
}

SafetyPlan readPlan(const json& root)
{
    requireType(root, "", json::value_t::object, "an object");
    onlyMembers(root, "", {"format", "language", "steps", "reasonsForLiving"});
    const std::string format = text(member(root, "", "format"), "format");
    if (format != kSafetyPlanFormat)
        fail("format", "unsupported-format", "expected \"" + std::string(kSafetyPlanFormat) + "\"");

    SafetyPlan plan;
    plan.language = text(member(root, "", "language"), "language");

    const json& steps = member(root, "", "steps");
    requireType(steps, "steps", json::value_t::array, "an array");
    if (steps.size() != kSafetyPlanStepCount) {
        fail("steps", "wrong-step-count",
             "expected " + std::to_string(kSafetyPlanStepCount) + " steps, got " +
                 std::to_string(steps.size()));
    }
    for (std::size_t i = 0; i < kSafetyPlanStepCount; ++i) {
        const json& step = steps[i];
        const std::string path = stepPath(i);
        requireType(step, path, json::value_t::object, "an object");
        onlyMembers(step, path, {"step", "entries"});
        const std::string code = text(member(step, path, "step"), joinPath(path, "step"));
        if (code != kStepCodes[i])
            fail(joinPath(path, "step"), "wrong-step",
                 "expected \"" + std::string(kStepCodes[i]) + "\" here");
        const json& entries = member(step, path, "entries");
        requireType(entries, entriesPath(i), json::value_t::array, "an array");
        for (std::size_t j = 0; j < entries.size(); ++j)
            plan.steps[i].push_back(readEntry(entries[j], entryPath(i, j)));
    }

    if (const auto reasons = root.find("reasonsForLiving"); reasons != root.end()) {
        requireType(*reasons, "reasonsForLiving", json::value_t::array, "an array");
        for (std::size_t j = 0; j < reasons->size(); ++j)
            plan.reasonsForLiving.push_back(text((*reasons)[j], reasonPath(j)));
    }
    return plan;
}

} // namespace

std::string_view safetyPlanStepCode(SafetyPlanStep step)
{
    return kStepCodes.at(std::size_t(step));
}

std::optional<SafetyPlanStep> safetyPlanStepFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kStepCodes.size(); ++i) {
        if (kStepCodes[i] == code)
            return SafetyPlanStep(i);
    }
    return std::nullopt;
}

int stepNumber(SafetyPlanStep step)
{
    return int(step) + 1;
}

bool stepTakesPhone(SafetyPlanStep step)
{
    return step == SafetyPlanStep::Distraction || step == SafetyPlanStep::PeopleToAsk ||
           step == SafetyPlanStep::Professionals;
}

SafetyPlan withDefaults(SafetyPlan plan, const std::vector<SafetyContact>& crisisServices)
{
    std::vector<SafetyPlanEntry>& professionals = plan.step(SafetyPlanStep::Professionals);
    for (const SafetyContact& service : crisisServices) {
        if (blank(service.phone))
            continue;
        const std::string number = comparable(service.phone);
        const bool present =
            std::any_of(professionals.begin(), professionals.end(), [&](const SafetyPlanEntry& e) {
                return !blank(e.phone) && comparable(e.phone) == number;
            });
        if (!present)
            professionals.push_back(SafetyPlanEntry{service.name, number});
    }
    return plan;
}

std::vector<Error> problems(const SafetyPlan& plan)
{
    std::vector<Error> errors;
    if (!isLanguageCode(plan.language))
        errors.push_back(
            Error{"language-code", "language", "expected an ISO 639 code of 2 or 3 lower-case letters"});

    bool dialableProfessional = false;
    for (std::size_t i = 0; i < kSafetyPlanStepCount; ++i) {
        const SafetyPlanStep step = kAllSafetyPlanSteps[i];
        const std::vector<SafetyPlanEntry>& entries = plan.steps[i];
        if (entries.size() > kMaxEntriesPerStep) {
            errors.push_back(Error{"too-many-entries", entriesPath(i),
                                   std::to_string(entries.size()) + " entries, at most " +
                                       std::to_string(kMaxEntriesPerStep)});
        }
        for (std::size_t j = 0; j < entries.size(); ++j) {
            const SafetyPlanEntry& entry = entries[j];
            const std::string path = entryPath(i, j);
            if (blank(entry.text))
                errors.push_back(Error{"entry-blank", path + ".text", "an entry needs text"});
            if (blank(entry.phone))
                continue;
            if (!stepTakesPhone(step)) {
                errors.push_back(
                    Error{"phone-not-allowed", path + ".phone",
                          "step " + std::to_string(stepNumber(step)) + " takes no phone numbers"});
                continue;
            }
            const auto phone = intake::normalisePhone(entry.phone);
            if (!phone) {
                Error error = phone.error();
                error.field = path + ".phone";
                errors.push_back(std::move(error));
            } else if (step == SafetyPlanStep::Professionals) {
                dialableProfessional = true;
            }
        }
        if (step == SafetyPlanStep::Professionals && !dialableProfessional) {
            errors.push_back(Error{"no-professional-contact", entriesPath(i),
                                   "step 5 needs at least one contact with a dialable number"});
        }
    }

    if (plan.reasonsForLiving.size() > kMaxEntriesPerStep) {
        errors.push_back(Error{"too-many-entries", "reasonsForLiving",
                               std::to_string(plan.reasonsForLiving.size()) + " entries, at most " +
                                   std::to_string(kMaxEntriesPerStep)});
    }
    for (std::size_t j = 0; j < plan.reasonsForLiving.size(); ++j) {
        if (blank(plan.reasonsForLiving[j]))
            errors.push_back(Error{"entry-blank", reasonPath(j), "an entry needs text"});
    }
    return errors;
}

json toJson(const SafetyPlan& plan)
{
    json steps = json::array();
    for (std::size_t i = 0; i < kSafetyPlanStepCount; ++i) {
        json entries = json::array();
        for (const SafetyPlanEntry& entry : plan.steps[i]) {
            json item = {{"text", entry.text}};
            if (!entry.phone.empty())
                item["phone"] = entry.phone;
            entries.push_back(std::move(item));
        }
        steps.push_back({{"step", kStepCodes[i]}, {"entries", std::move(entries)}});
    }
    return json{{"format", kSafetyPlanFormat},
                {"language", plan.language},
                {"steps", std::move(steps)},
                {"reasonsForLiving", plan.reasonsForLiving}};
}

Result<SafetyPlan> safetyPlanFromJson(const json& root)
{
    try {
        return readPlan(root);
    } catch (const Problem& problem) {
        return Error{problem.code, problem.path, problem.detail};
    } catch (const std::exception& error) {
        return Error{"wrong-value", "", excerpt(error.what(), 200)};
    }
}

Result<SafetyPlan> parseSafetyPlan(std::string_view text)
{
    auto parsed = parseJsonText(text, "safety plan");
    if (!parsed)
        return Error{parsed.error().code, "", parsed.error().location + ": " + parsed.error().message};
    return safetyPlanFromJson(parsed.value());
}

} // namespace heart::safety
