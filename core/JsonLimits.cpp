// Size, depth and excerpt limits for every reader (see JsonLimits.h).
#include "core/JsonLimits.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace heart {

namespace {

// Length of the UTF-8 sequence starting at text[i], 0 when it is not valid.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(text[k]);
    };
    const unsigned char c = byte(i);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || (length == 2 && c < 0xC2) || i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) >> 6) != 0x2)
            return 0;
    }
    return length;
}

} // namespace

std::string excerpt(std::string_view text, std::size_t maxBytes)
{
    std::string result;
    result.reserve(std::min(text.size(), maxBytes) + 3);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = sequenceLength(text, i);
        const bool valid = length > 0;
        if (!valid)
            length = 1;
        if (result.size() + (valid ? length : 1) > maxBytes)
            break;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!valid || c < 0x20 || c == 0x7F)
            result += '?';
        else
            result.append(text.substr(i, length));
        i += length;
    }
    if (i < text.size())
        result += "...";
    return result;
}

std::string quotedExcerpt(std::string_view text, std::size_t maxBytes)
{
    return "\"" + excerpt(text, maxBytes) + "\"";
}

int jsonNestingDepth(std::string_view text, int limit, std::size_t* where)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) {
                if (where)
                    *where = i;
                return limit + 1;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

Result<nlohmann::json, DataError> parseJsonText(std::string_view text, const std::string& sourceName,
                                                std::size_t maxBytes)
{
    if (text.size() > maxBytes)
        return DataError{sourceName, "", "too-large",
                         "the text has " + std::to_string(text.size()) + " bytes; at most " +
                             std::to_string(maxBytes) + " are read"};
    std::size_t where = 0;
    if (jsonNestingDepth(text, kJsonMaxDepth, &where) > kJsonMaxDepth)
        return DataError{sourceName, "byte " + std::to_string(where), "too-deep",
                         "arrays and objects are nested deeper than " + std::to_string(kJsonMaxDepth) +
                             " levels"};
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& error) {
        // Never what(): it quotes the token it stopped at, which can be long
        // and, in a safety plan or a draft, a person's words.
        return DataError{sourceName, "byte " + std::to_string(error.byte), "json-syntax",
                         "not valid JSON (or not UTF-8) at byte " + std::to_string(error.byte)};
    } catch (const nlohmann::json::out_of_range& error) {
        // what() quotes the number ("number overflow parsing '1e400'"): the code only.
        return DataError{sourceName, "", "json-syntax",
                         "a number is out of range (overflow; out_of_range." + std::to_string(error.id) +
                             ")"};
    } catch (const std::exception&) {
        return DataError{sourceName, "", "json-syntax", "not valid JSON"};
    }
}

std::string shownJson(const nlohmann::json& value)
{
    try {
        switch (value.type()) {
        case nlohmann::json::value_t::string:
            return quotedExcerpt(value.get_ref<const std::string&>());
        case nlohmann::json::value_t::discarded:
            return "nothing";
        default:
            // Values come from parseJsonText, so at most kJsonMaxDepth deep:
            // dump() recurses that far at most. Cut to an excerpt.
            return excerpt(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
    } catch (const std::exception&) {
        return value.type_name();
    }
}

} // namespace heart
