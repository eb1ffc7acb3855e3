#include "core/account/NameRules.h"

#include <algorithm>

namespace heart::account {

std::optional<std::u32string> decodeUtf8(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++i;
            continue;
        }
        int extra = 0;
        char32_t value = 0;
        char32_t smallest = 0;
        if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            value = lead & 0x1F;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            value = lead & 0x0F;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            value = lead & 0x07;
            smallest = 0x10000;
        } else {
            return std::nullopt;
        }
        if (utf8.size() - i <= static_cast<std::size_t>(extra))
            return std::nullopt;
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80)
                return std::nullopt;
            value = (value << 6) | (next & 0x3F);
        }
        if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return std::nullopt;
        out.push_back(value);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

bool isControlOrFormatCharacter(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true;
    switch (c) {
    case 0x061C: // Arabic letter mark
    case 0x180E: // Mongolian vowel separator (was a format character)
    case 0x200B: // zero-width space
    case 0x200E: // left-to-right mark
    case 0x200F: // right-to-left mark
    case 0xFEFF: // byte order mark / zero-width no-break space
        return true;
    default:
        break;
    }
    return (c >= 0x2028 && c <= 0x202E)       // line/paragraph separators, bidi embeddings and overrides
           || (c >= 0x2060 && c <= 0x206F)    // word joiner, invisible operators, bidi isolates, deprecated
           || (c >= 0xFFF9 && c <= 0xFFFB)    // interlinear annotation
           || (c >= 0xE0000 && c <= 0xE007F); // tags
}

bool isWhiteSpace(char32_t c)
{
    return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

NameProblem checkDisplayName(std::string_view utf8, std::size_t maximum)
{
    // A cheap bound first: no valid name of `maximum` characters takes more than 4 bytes each.
    if (utf8.size() > maximum * 4)
        return NameProblem::TooLong;
    const std::optional<std::u32string> text = decodeUtf8(utf8);
    if (!text)
        return NameProblem::NotText;
    if (std::any_of(text->begin(), text->end(), isControlOrFormatCharacter))
        return NameProblem::ControlCharacter;
    if (std::all_of(text->begin(), text->end(), isWhiteSpace))
        return NameProblem::Blank;
    if (text->size() > maximum)
        return NameProblem::TooLong;
    return NameProblem::None;
}

std::string_view nameProblemCode(NameProblem problem)
{
    switch (problem) {
    case NameProblem::None:
        return "none";
    case NameProblem::NotText:
        return "not-text";
    case NameProblem::ControlCharacter:
        return "control-character";
    case NameProblem::Blank:
        return "blank";
    case NameProblem::TooLong:
        return "too-long";
    }
    return "unknown";
}

} // namespace heart::account
