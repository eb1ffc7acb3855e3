#pragma once
// The pieces of an EIDO the reader turns into CadIncident fields, each total
// (any input, never an exception) and documented in docs/cad-eido.md:
// PIDF-LO locations, NIEM person names, ages and languages, callback URIs,
// caution flags.
#include "core/Clock.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heart::cad {

struct PidfLocation
{
    std::string address;            // "42 W Cellular Street, Wilmington, DE 19801", or empty
    std::optional<double> latitude; // both or neither, WGS 84 degrees in range
    std::optional<double> longitude;
};
// From a PIDF-LO document (RFC 4119/5139/5491): the first civicAddress
// (HNO HNS PRD RD STS POD, A3, A1 PC) and the first gml:pos inside a
// gml:Point or gs:Circle ("lat lon").
PidfLocation readPidfLocation(std::string_view xml);

// The comments of an RFC 7852 EmergencyCallData.Comment document, one per
// line, in document order; empty for any other document.
std::string readCallDataComments(std::string_view xml);

// From a NIEM nc:PersonType object (ncPersonComponent): the full name, else
// given, middle and surname joined; empty when none.
std::string niemPersonName(const nlohmann::json& person);
// ageMeasure (integer, decimal or text value, years), else birthDate
// (YYYY-MM-DD) at `at`; 0..120 only.
std::optional<int> niemPersonAge(const nlohmann::json& person, TimePoint at);
// primaryLanguage's languageCode or languageName, as an ISO 639 code of
// core/intake's language list ("Spanish", "spa", "es" -> "es"); "other" for a
// language named but not on the list; empty when none is named.
std::string niemPersonLanguage(const nlohmann::json& person);
// isLanguageEnglish: the person's English indicator, when given.
std::optional<bool> niemPersonEnglish(const nlohmann::json& person);
// A language name or code as above ("" stays "").
std::string languageCodeFor(std::string_view nameOrCode);

// The number to call back among callback URIs: the first "tel:" one that is a
// dialable number (not a service code such as 911), else the first
// "sip:"/"sips:" one whose user part is;
// normalised as intake stores phones ("tel:8195551212" -> "+18195551212").
std::string callbackPhone(std::span<const std::string> uris);

// HEART Desk flag codes a caution text names (a keyword at the start of a
// word, any case): weapon, violence, medical, intoxication, minors; in that
// order, each once. The keyword table is kCautionKeywords.
struct CautionKeyword
{
    std::string_view keyword;
    std::string_view flag;
};
extern const std::span<const CautionKeyword> kCautionKeywords;
std::vector<std::string> cautionFlags(std::string_view text);

// Text as one line: blanks and control characters collapsed to one space,
// trimmed, cut at a character boundary to at most maxBytes.
std::string oneLine(std::string_view text, std::size_t maxBytes);
// Cut at a UTF-8 character boundary to at most maxBytes.
std::string cutUtf8(std::string_view text, std::size_t maxBytes);

} // namespace heart::cad
