#pragma once
// What a name typed by one person and shown to others may hold: a display
// name, a responder's name in the roster. A right-to-left override, an escape
// sequence or a line break in a name can make a list lie about who did what
// ("U+202E" turns "Sam evil" around on the screen) or break a log line, and a
// 100,000-character name breaks every layout; such names are refused, with
// a code the UI puts into words.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace heart::account {

inline constexpr std::size_t kMaximumDisplayNameLength = 120; // characters (code points)

enum class NameProblem
{
    None,
    NotText,          // not valid UTF-8
    ControlCharacter, // C0/C1 controls, DEL, bidi overrides and isolates, invisible format characters
    Blank,            // nothing but spaces
    TooLong,          // more characters than the maximum
};

NameProblem checkDisplayName(std::string_view utf8, std::size_t maximum = kMaximumDisplayNameLength);
std::string_view nameProblemCode(NameProblem problem);

// The code points of UTF-8 text; nothing for malformed input (overlong
// forms, surrogates, truncated sequences, values past U+10FFFF).
std::optional<std::u32string> decodeUtf8(std::string_view utf8);

// C0 and C1 controls, DEL, and the format characters that reorder or hide
// text: bidi embeddings, overrides, isolates and marks (U+202A–202E,
// U+2066–2069, U+200E/200F, U+061C), zero-width space and word joiners,
// line and paragraph separators, the BOM, interlinear annotations and tags.
// ZWNJ and ZWJ (U+200C/200D) stay allowed: several scripts spell names with them.
bool isControlOrFormatCharacter(char32_t c);

bool isWhiteSpace(char32_t c);

} // namespace heart::account
