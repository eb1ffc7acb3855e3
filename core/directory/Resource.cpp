// Resource directory values: kinds, normal form, problems and the search
// fold (see Resource.h). The fold is a small table of its own rather than a
// Unicode library: it needs only the Latin letters of the languages people
// in Durham write service names in, and the same answer on every platform.
#include "core/directory/Resource.h"

#include "core/intake/IntakeRules.h"

#include <algorithm>

namespace heart::directory {

namespace {

constexpr std::array<std::string_view, 6> kKindCodes = {
    "shelter", "detox", "clinic", "peer_center", "food", "crisis_line",
};

constexpr char32_t kInvalid = 0xFFFFFFFF;

// The code point at `at` and its length in bytes; kInvalid (length 1) for a
// malformed, overlong or surrogate sequence.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(text[i]);
    };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
        minimum = 0x10000;
    } else {
        return {kInvalid, 1};
    }
    if (at + length > text.size())
        return {kInvalid, 1};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return {kInvalid, 1};
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return {kInvalid, 1};
    return {cp, length};
}

// Latin letters with accents, by ranges of code points, and what they fold
// to. Upper and lower case sit next to each other in these blocks.
struct FoldRange
{
    char32_t first;
    char32_t last;
    std::string_view plain;
};
constexpr std::array kFoldRanges = {
    // Latin-1 Supplement
    FoldRange{0xC0, 0xC5, "a"},
    FoldRange{0xC6, 0xC6, "ae"},
    FoldRange{0xC7, 0xC7, "c"},
    FoldRange{0xC8, 0xCB, "e"},
    FoldRange{0xCC, 0xCF, "i"},
    FoldRange{0xD0, 0xD0, "d"},
    FoldRange{0xD1, 0xD1, "n"},
    FoldRange{0xD2, 0xD6, "o"},
    FoldRange{0xD8, 0xD8, "o"},
    FoldRange{0xD9, 0xDC, "u"},
    FoldRange{0xDD, 0xDD, "y"},
    FoldRange{0xDE, 0xDE, "th"},
    FoldRange{0xDF, 0xDF, "ss"},
    FoldRange{0xE0, 0xE5, "a"},
    FoldRange{0xE6, 0xE6, "ae"},
    FoldRange{0xE7, 0xE7, "c"},
    FoldRange{0xE8, 0xEB, "e"},
    FoldRange{0xEC, 0xEF, "i"},
    FoldRange{0xF0, 0xF0, "d"},
    FoldRange{0xF1, 0xF1, "n"},
    FoldRange{0xF2, 0xF6, "o"},
    FoldRange{0xF8, 0xF8, "o"},
    FoldRange{0xF9, 0xFC, "u"},
    FoldRange{0xFD, 0xFD, "y"},
    FoldRange{0xFE, 0xFE, "th"},
    FoldRange{0xFF, 0xFF, "y"},
    // Latin Extended-A
    FoldRange{0x100, 0x105, "a"},
    FoldRange{0x106, 0x10D, "c"},
    FoldRange{0x10E, 0x111, "d"},
    FoldRange{0x112, 0x11B, "e"},
    FoldRange{0x11C, 0x123, "g"},
    FoldRange{0x124, 0x127, "h"},
    FoldRange{0x128, 0x131, "i"},
    FoldRange{0x132, 0x133, "ij"},
    FoldRange{0x134, 0x135, "j"},
    FoldRange{0x136, 0x138, "k"},
    FoldRange{0x139, 0x142, "l"},
    FoldRange{0x143, 0x14B, "n"},
    FoldRange{0x14C, 0x151, "o"},
    FoldRange{0x152, 0x153, "oe"},
    FoldRange{0x154, 0x159, "r"},
    FoldRange{0x15A, 0x161, "s"},
    FoldRange{0x162, 0x167, "t"},
    FoldRange{0x168, 0x173, "u"},
    FoldRange{0x174, 0x175, "w"},
    FoldRange{0x176, 0x178, "y"},
    FoldRange{0x179, 0x17E, "z"},
    FoldRange{0x17F, 0x17F, "s"},
    // Typographic punctuation people paste from documents.
    FoldRange{0x2018, 0x201B, "'"},
    FoldRange{0x2010, 0x2015, "-"},
};

bool isSpace(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x2007 || cp == 0x202F || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string trimmed(std::string_view text)
{
    const auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool hasControlCharacter(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

void appendUtf8(std::string& out, std::string_view text, std::size_t at, std::size_t length)
{
    out.append(text.substr(at, length));
}

} // namespace

std::string_view resourceKindCode(ResourceKind kind)
{
    return kKindCodes.at(static_cast<std::size_t>(kind));
}

std::optional<ResourceKind> resourceKindFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kKindCodes.size(); ++i) {
        if (kKindCodes[i] == code)
            return kAllResourceKinds[i];
    }
    return std::nullopt;
}

Resource normalised(Resource resource)
{
    resource.name = trimmed(resource.name);
    resource.phone = trimmed(resource.phone);
    if (auto phone = intake::normalisePhone(resource.phone); phone.ok())
        resource.phone = std::move(phone).value();
    resource.address = trimmed(resource.address);
    resource.hours = trimmed(resource.hours);
    resource.notes = trimmed(resource.notes);
    std::vector<std::string> languages;
    for (const std::string& language : resource.languages) {
        std::string code = trimmed(language);
        std::transform(code.begin(), code.end(), code.begin(),
                       [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
        if (!code.empty() && std::find(languages.begin(), languages.end(), code) == languages.end())
            languages.push_back(std::move(code));
    }
    resource.languages = std::move(languages);
    return resource;
}

std::vector<Error> problems(const Resource& input)
{
    const Resource resource = normalised(input);
    std::vector<Error> errors;
    const auto checkText = [&](std::string_view field, std::string_view text, std::size_t limit,
                               bool oneLine) {
        if (characterCount(text) > limit)
            errors.push_back(
                {"too-long", std::string(field), "at most " + std::to_string(limit) + " characters"});
        else if (oneLine && hasControlCharacter(text))
            errors.push_back({"line-break", std::string(field), "a line break or control character"});
    };

    if (isBlank(resource.name))
        errors.push_back({"required", "name", "a service needs a name"});
    else
        checkText("name", resource.name, kMaxNameLength, true);
    if (!resource.kind)
        errors.push_back({"required", "kind", "a service needs a kind"});
    if (characterCount(resource.phone) > kMaxPhoneLength) {
        errors.push_back({"too-long", "phone", "at most " + std::to_string(kMaxPhoneLength) + " characters"});
    } else if (auto phone = intake::normalisePhone(resource.phone); !phone.ok()) {
        Error error = phone.error();
        error.field = "phone";
        errors.push_back(std::move(error));
    }
    checkText("address", resource.address, kMaxAddressLength, true);
    checkText("hours", resource.hours, kMaxHoursLength, true);
    if (resource.languages.size() > kMaxLanguages) {
        errors.push_back({"too-many-languages", "languages", "at most " + std::to_string(kMaxLanguages)});
    } else {
        for (const std::string& code : resource.languages) {
            const bool shaped =
                (code.size() == 2 || code.size() == 3) &&
                std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (!shaped) {
                // A language code is public configuration, never a person's data.
                errors.push_back({"language-code", "languages", code.substr(0, 16)});
                break;
            }
        }
    }
    checkText("notes", resource.notes, kMaxNotesLength, false);
    return errors;
}

std::string foldForSearch(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (std::size_t at = 0; at < text.size();) {
        const auto [cp, length] = decode(text, at);
        const std::size_t start = at;
        at += length;
        if (cp == kInvalid || (cp >= 0x300 && cp <= 0x36F))
            continue;
        if (isSpace(cp)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
            continue;
        }
        const auto range =
            std::find_if(kFoldRanges.begin(), kFoldRanges.end(),
                         [code = cp](const FoldRange& r) { return code >= r.first && code <= r.last; });
        if (range != kFoldRanges.end())
            out += range->plain;
        else
            appendUtf8(out, text, start, length);
    }
    return out;
}

std::size_t characterCount(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count)
        at += decode(text, at).second;
    return count;
}

bool isValidUtf8(std::string_view text)
{
    for (std::size_t at = 0; at < text.size();) {
        const auto [cp, length] = decode(text, at);
        if (cp == kInvalid)
            return false;
        at += length;
    }
    return true;
}

} // namespace heart::directory
