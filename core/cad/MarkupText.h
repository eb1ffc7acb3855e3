#pragma once
// The little of XML and HTML an EIDO carries as strings: PIDF-LO locations
// and RFC 7852 additional data (XML), notes (HTML5). No library: a scanner
// that is total (any bytes in, never a crash, never an exception), linear in
// the input and bounded in depth. It is not a validating parser: it finds
// elements by local name (namespace prefixes ignored) and their text.
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace heart::cad {

inline constexpr std::size_t kXmlMaxDepth = 64; // deeper elements end the scan

// Calls `text` for each run of character data (entities and CDATA decoded,
// never empty) with the local names of the open elements, outermost first
// ("presence", "device", ..., "civicAddress", "A3"). Comments, processing
// instructions and DOCTYPE are skipped; malformed markup ends the scan
// quietly.
using XmlTextSink = std::function<void(std::span<const std::string> path, std::string_view text)>;
void scanXml(std::string_view xml, const XmlTextSink& text);

// Character and entity references of XML and the HTML ones CAD notes use
// (&amp; &lt; &gt; &quot; &apos; &nbsp; &#N; &#xN;); an unknown or invalid
// one stays as written, a code point that is not a character becomes U+FFFD.
std::string decodeEntities(std::string_view text);

// HTML as plain text: tags removed (script and style with their content),
// entities decoded, <br>, </p>, </div>, </li>, </tr> and headings end a line,
// blanks inside a line collapsed, blank lines dropped, lines trimmed.
std::string htmlToText(std::string_view html);

} // namespace heart::cad
