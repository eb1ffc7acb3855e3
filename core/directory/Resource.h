#pragma once
// A community service in the resource directory: where responders and care
// navigators send people (a warm handoff to a shelter, a detox bed, a clinic,
// a peer center, a food pantry or a crisis line). The directory holds the
// services' own public contact details, never anything about a person.
//
// Fields (names are stable: the edit form and the store use them):
//   name       required, one line
//   kind       required (ResourceKind)
//   phone      optional; when given, dialable (intake::normalisePhone): stored normalised
//   address    optional, one line
//   hours      optional free text, one line ("Mon–Fri 08:00–17:00; walk-ins until 15:00")
//   languages  ISO 639 codes, lower case, 2 or 3 letters ("en", "es", "ase")
//   walkIns    whether people may come without an appointment or referral
//   notes      optional, may span lines (eligibility, what to bring, ...)
#include "core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heart::directory {

enum class ResourceKind : std::uint8_t
{
    Shelter,    // "shelter"
    Detox,      // "detox": withdrawal management, substance-use treatment
    Clinic,     // "clinic": mental-health or medical, urgent or walk-in care
    PeerCenter, // "peer_center": peer-run recovery and support
    Food,       // "food": pantries, community meals
    CrisisLine, // "crisis_line": phone and text lines (988, warm lines)
};
inline constexpr std::array<ResourceKind, 6> kAllResourceKinds = {
    ResourceKind::Shelter,    ResourceKind::Detox, ResourceKind::Clinic,
    ResourceKind::PeerCenter, ResourceKind::Food,  ResourceKind::CrisisLine,
};
std::string_view resourceKindCode(ResourceKind kind);
// Exact codes only; the CSV reader is more forgiving (see ResourceCsv.h).
std::optional<ResourceKind> resourceKindFromCode(std::string_view code);

struct Resource
{
    std::string name;
    std::optional<ResourceKind> kind; // nullopt: not chosen yet (an error)
    std::string phone;
    std::string address;
    std::string hours;
    std::vector<std::string> languages;
    bool walkIns = false;
    std::string notes;
    friend bool operator==(const Resource&, const Resource&) = default;
};

// Limits in characters (Unicode code points), generous for real services.
inline constexpr std::size_t kMaxNameLength = 150;
inline constexpr std::size_t kMaxPhoneLength = 40;
inline constexpr std::size_t kMaxAddressLength = 300;
inline constexpr std::size_t kMaxHoursLength = 200;
inline constexpr std::size_t kMaxNotesLength = 2000;
inline constexpr std::size_t kMaxLanguages = 30;

// The form the store keeps: text fields trimmed (blanks, tabs, line breaks at
// either end), the phone in intake::normalisePhone's form when it is
// dialable (as typed otherwise, so problems() can report it), language codes
// trimmed and lower case, empty and repeated ones dropped, first seen first.
Resource normalised(Resource resource);

// One Error per problem, in field order; empty when the service may be saved.
// Judges normalised(resource). Codes:
//   "required"            name (blank), kind (not chosen)
//   "phone-not-dialable"  phone (detail from intake::normalisePhone)
//   "language-code"       languages: not 2 or 3 letters a-z (detail: the code)
//   "too-many-languages"  languages: more than kMaxLanguages
//   "too-long"            any text field over its limit (detail: the limit)
//   "line-break"          name, phone, address, hours: a line break or other
//                         control character inside a one-line field
std::vector<Error> problems(const Resource& resource);

// Text folded for searching and for the stored name_key, so that both
// database engines and every screen compare alike: UTF-8 in, UTF-8 out;
// ASCII letters lower case; Latin letters with accents and ligatures of
// Latin-1 Supplement and Latin Extended-A to their plain letters ("É" -> "e",
// "ñ" -> "n", "ß" -> "ss", "Œ" -> "oe"); combining accents (U+0300..U+036F)
// dropped; typographic apostrophes and dashes to ASCII "'" and "-"; every run
// of white space to one blank, none at either end. Other scripts pass
// through unchanged; malformed UTF-8 bytes are dropped.
std::string foldForSearch(std::string_view text);

// Code points in valid UTF-8 text (malformed bytes count one each).
std::size_t characterCount(std::string_view text);
bool isValidUtf8(std::string_view text);

} // namespace heart::directory
