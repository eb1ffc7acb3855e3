// Size, depth and excerpt limits for every reader (see JsonLimits.h).
#include "core/JsonLimits.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

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

// Follows a parse to the value where it stops and names that value by its
// JSON path ("followUp.crt.dueHours", "en[1].phone"): the SAX events give
// every key and array element, and parse_error() comes while the failing
// value is pending. Builds nothing; the depth was bounded before.
class PathAtError : public nlohmann::json_sax<nlohmann::json>
{
public:
    std::string path(std::string_view root) const
    {
        std::string result(root);
        for (const Frame& frame : m_frames) {
            if (frame.isArray) {
                // The failing element was not reported yet: it is the next one.
                const std::size_t index = &frame == &m_frames.back() ? frame.index + 1 : frame.index;
                result += "[" + std::to_string(index) + "]";
            } else if (frame.hasKey) {
                const std::string shownKey = frame.key.size() > kExcerptBytes
                                                 ? excerpt(frame.key)
                                                 : excerpt(frame.key, frame.key.size());
                result += (result.empty() ? "" : ".") + shownKey;
            }
        }
        return result;
    }
    bool failed() const { return m_failed; }
    std::size_t position() const { return m_position; }

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override
    {
        value();
        m_frames.push_back(Frame{});
        return true;
    }
    bool key(string_t& key) override
    {
        m_frames.back().key = key;
        m_frames.back().hasKey = true;
        return true;
    }
    bool end_object() override
    {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override
    {
        value();
        Frame frame;
        frame.isArray = true;
        m_frames.push_back(std::move(frame));
        return true;
    }
    bool end_array() override
    {
        m_frames.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override
    {
        m_failed = true;
        m_position = position;
        return false;
    }

private:
    struct Frame
    {
        bool isArray = false;
        std::size_t index = static_cast<std::size_t>(-1); // last element reported
        bool hasKey = false;
        std::string key;
    };
    bool value()
    {
        if (!m_frames.empty() && m_frames.back().isArray)
            ++m_frames.back().index;
        return true;
    }
    std::vector<Frame> m_frames;
    bool m_failed = false;
    std::size_t m_position = 0;
};

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
                                                std::size_t maxBytes, std::string_view pathRoot)
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
        // what() quotes the number ("number overflow parsing '1e400'"): never
        // quoted. Where it is comes from a second pass that tracks the path.
        std::string location;
        std::string at;
        try {
            PathAtError tracker;
            nlohmann::json::sax_parse(text.begin(), text.end(), &tracker);
            if (tracker.failed()) {
                location = tracker.path(pathRoot);
                if (location.empty())
                    location = "(top level)";
                at = " at byte " + std::to_string(tracker.position());
            }
        } catch (const std::exception&) {
            location.clear();
        }
        return DataError{
            sourceName, location, "json-syntax",
            "the number" + at +
                " is out of range (larger than any floating-point number can hold; out_of_range." +
                std::to_string(error.id) + ")"};
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
