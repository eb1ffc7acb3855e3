#pragma once
// The one place that bounds what the readers of outside text accept (issue
// 19): how big a JSON document may be, how deep its arrays and objects may
// nest, how much of a value an error message may quote, and which years a
// date may name. Every JSON reader in core parses through parseJsonText(),
// which checks size and depth on the text BEFORE building anything, and
// turns every nlohmann exception (syntax, "1e400" out of range, bad UTF-8)
// into a DataError; nothing is ever thrown out of a reader.
#include "core/Result.h"

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace heart {

// Arrays and objects nested deeper than this are refused ("too-deep").
// GeoJSON needs 7 levels, a rule set 5, an EIDO about 12.
inline constexpr int kJsonMaxDepth = 64;
// Settings, rule sets, safety plans, drafts: one screen's worth of text.
inline constexpr std::size_t kJsonMaxBytes = 4 * 1024 * 1024;
// Beat maps (Durham's 2022 beats are 2 MB).
inline constexpr std::size_t kJsonMaxDocumentBytes = 64 * 1024 * 1024;
// What an error message quotes of a value, at most (bytes, cut at a character).
inline constexpr std::size_t kExcerptBytes = 60;
// Dates outside these years are refused wherever a reader parses one: past
// 2200 the 64-bit nanosecond clock overflows soon after (2262), and no call
// history or rule set is older than 1900.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

inline bool yearInRange(int year)
{
    return year >= kMinYear && year <= kMaxYear;
}

// At most kExcerptBytes of the text, cut at a UTF-8 character boundary, with
// "..." when cut; invalid UTF-8 and control characters become '?'.
std::string excerpt(std::string_view text, std::size_t maxBytes = kExcerptBytes);
// excerpt() in double quotes: "\"abc\"".
std::string quotedExcerpt(std::string_view text, std::size_t maxBytes = kExcerptBytes);

// The deepest nesting of arrays and objects in JSON text (strings skipped),
// stopping as soon as it passes `limit` (returns limit + 1 then, with the
// byte offset in *where): linear, no allocation, any bytes.
int jsonNestingDepth(std::string_view text, int limit, std::size_t* where = nullptr);

// Parses JSON text within the limits. Errors (file = sourceName):
//   too-large    more than maxBytes
//   too-deep     nested deeper than kJsonMaxDepth (location "byte N")
//   json-syntax  not JSON or not UTF-8 (location "byte N" where known), or a
//                number out of range such as 1e400 (location: the JSON path
//                of that number, "followUp.crt.dueHours" or "list[2]", after
//                pathRoot: "$" gives "$.en[1].phone"; the top level itself is
//                pathRoot, or "(top level)" when that is empty); the message
//                never quotes the text (a safety plan or draft holds a
//                person's words)
Result<nlohmann::json, DataError> parseJsonText(std::string_view text, const std::string& sourceName,
                                                std::size_t maxBytes = kJsonMaxBytes,
                                                std::string_view pathRoot = {});

// A JSON value for an error message, as compact JSON cut to an excerpt
// (strings too). Never throws. For values parsed by parseJsonText (so
// at most kJsonMaxDepth deep).
std::string shownJson(const nlohmann::json& value);

} // namespace heart
