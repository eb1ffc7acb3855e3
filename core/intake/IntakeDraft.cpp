// An intake form's draft, read totally (see IntakeDraft.h).
#include "core/intake/IntakeDraft.h"

#include "core/JsonLimits.h"

#include <cstdint>
#include <nlohmann/json.hpp>

namespace heart::intake {
namespace {

using nlohmann::json;

struct Problem
{
    std::string path;
    std::string code;
    std::string message;
};

[[noreturn]] void fail(std::string path, std::string code, std::string message)
{
    throw Problem{std::move(path), std::move(code), std::move(message)};
}

// The type of a value, never the value: a draft holds a person's words.
std::string typeOf(const json& value)
{
    return value.is_number_integer() ? "a whole number" : std::string("a ") + value.type_name();
}

void readText(const json& root, const char* key, std::string& out)
{
    const auto found = root.find(key);
    if (found == root.end() || found->is_null())
        return;
    if (!found->is_string())
        fail(key, "wrong-type", "expected text, got " + typeOf(*found));
    const auto& text = found->get_ref<const std::string&>();
    if (text.size() > kDraftMaxTextBytes)
        fail(key, "too-long",
             "the text has " + std::to_string(text.size()) + " bytes; at most " +
                 std::to_string(kDraftMaxTextBytes) + " are read");
    if (text.find('\0') != std::string::npos)
        fail(key, "not-text", "the text holds a NUL character");
    out = text;
}

void readInteger(const json& root, const char* key, int low, int high, int& out)
{
    const auto found = root.find(key);
    if (found == root.end() || found->is_null())
        return;
    if (!found->is_number_integer())
        fail(key, "wrong-type", "expected a whole number, got " + typeOf(*found));
    std::int64_t number = 0;
    if (found->is_number_unsigned()) {
        const auto value = found->get<std::uint64_t>();
        number = value > std::uint64_t(high) ? std::int64_t(high) + 1 : std::int64_t(value);
    } else {
        number = found->get<std::int64_t>();
    }
    if (number < low || number > high)
        fail(key, "out-of-range",
             "expected " + std::to_string(low) + " to " + std::to_string(high) +
                 "; the number is outside that range");
    out = int(number);
}

void readBool(const json& root, const char* key, bool& out)
{
    const auto found = root.find(key);
    if (found == root.end() || found->is_null())
        return;
    if (!found->is_boolean())
        fail(key, "wrong-type", "expected true or false, got " + typeOf(*found));
    out = found->get<bool>();
}

IntakeDraft readDraft(const json& root)
{
    if (!root.is_object())
        fail("(top level)", "wrong-type", "expected an object, got " + typeOf(root));
    IntakeDraft draft;
    readText(root, "formId", draft.formId);
    readText(root, "callId", draft.callId);
    readInteger(root, "version", 0, 2'000'000'000, draft.version);
    readText(root, "cadNumber", draft.cadNumber);
    readText(root, "received", draft.received);
    readText(root, "callerName", draft.callerName);
    readText(root, "callerPhone", draft.callerPhone);
    readInteger(root, "relationship", -1, kDraftMaxChoice, draft.relationship);
    readText(root, "personId", draft.personId);
    readText(root, "personName", draft.personName);
    readInteger(root, "personAge", -1, kDraftMaxAge, draft.personAge);
    readText(root, "personDescription", draft.personDescription);
    readText(root, "address", draft.address);
    readText(root, "latitude", draft.latitude);
    readText(root, "longitude", draft.longitude);
    readText(root, "beat", draft.beat);
    readBool(root, "beatFromPosition", draft.beatFromPosition);
    readText(root, "callType", draft.callType);
    if (const auto flags = root.find("flags"); flags != root.end() && !flags->is_null()) {
        if (!flags->is_array())
            fail("flags", "wrong-type", "expected a list of true or false, got " + typeOf(*flags));
        if (flags->size() > kDraftMaxFlags)
            fail("flags", "too-long",
                 "the list has " + std::to_string(flags->size()) + " entries; at most " +
                     std::to_string(kDraftMaxFlags) + " are read");
        for (std::size_t i = 0; i < flags->size(); ++i) {
            const json& flag = (*flags)[i];
            if (!flag.is_boolean())
                fail("flags[" + std::to_string(i) + "]", "wrong-type",
                     "expected true or false, got " + typeOf(flag));
            draft.flags.push_back(flag.get<bool>());
        }
    }
    readText(root, "language", draft.language);
    readBool(root, "interpreter", draft.interpreter);
    readText(root, "narrative", draft.narrative);
    readText(root, "cssrs", draft.cssrs);
    readText(root, "disposition", draft.disposition);
    readText(root, "overrideReason", draft.overrideReason);
    readText(root, "unit", draft.unit);
    return draft;
}

} // namespace

Result<IntakeDraft, DataError> parseIntakeDraft(std::string_view text, const std::string& sourceName)
{
    auto parsed = parseJsonText(text, sourceName);
    if (!parsed)
        return parsed.error();
    try {
        return readDraft(parsed.value());
    } catch (const Problem& problem) {
        return DataError{sourceName, problem.path, problem.code, problem.message};
    } catch (const std::exception&) {
        return DataError{sourceName, "", "wrong-type", "the draft cannot be read"};
    }
}

std::string toJson(const IntakeDraft& draft)
{
    json document = {
        {"formId", draft.formId},
        {"callId", draft.callId},
        {"version", draft.version},
        {"cadNumber", draft.cadNumber},
        {"received", draft.received},
        {"callerName", draft.callerName},
        {"callerPhone", draft.callerPhone},
        {"relationship", draft.relationship},
        {"personId", draft.personId},
        {"personName", draft.personName},
        {"personAge", draft.personAge},
        {"personDescription", draft.personDescription},
        {"address", draft.address},
        {"latitude", draft.latitude},
        {"longitude", draft.longitude},
        {"beat", draft.beat},
        {"beatFromPosition", draft.beatFromPosition},
        {"callType", draft.callType},
        {"flags", draft.flags},
        {"language", draft.language},
        {"interpreter", draft.interpreter},
        {"narrative", draft.narrative},
        {"cssrs", draft.cssrs},
        {"disposition", draft.disposition},
        {"overrideReason", draft.overrideReason},
        {"unit", draft.unit},
    };
    // Strings came through parseJsonText (valid UTF-8) or the form: replace, never throw.
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace heart::intake
