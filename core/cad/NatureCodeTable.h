#pragma once
// The 911 center's nature-code table: its CAD's own incident type codes (and
// their texts) mapped to the rule set's call type codes. Each center supplies
// its own, as CSV or as the JSON kept in the settings; HEART Desk ships one
// for the demo (resources/cad/nature-codes.csv, defaultNatureCodeTable()).
//
// CSV: one code a line, "code,call_type[,description]", RFC 4180 quoting
// (a quoted field may hold commas, doubled quotes and line breaks), CRLF or
// LF, a UTF-8 byte-order mark skipped, blank lines skipped, an optional
// header whose first field is "code" (any case). Errors name the line:
// "unterminated-quote", "text-after-quote", "field-count" (not 2 or 3
// fields), "missing-value" (empty code or call type), "call-type-format"
// (not lower-case letters, digits, '-' and '_'), "duplicate-code" (the same
// code twice, ignoring case), "not-utf8", "too-large" (over kNatureCodeMaxBytes or
// kNatureCodeMaxRows), "too-long" (a field over kNatureCodeMaxFieldBytes).
//
// JSON: {"format": "heartdesk-nature-codes/1", "codes": [{"code": "SUIC",
// "callType": "suicide-threat", "description": "Suicide Threat"}]}, the
// same checks with JSON paths ("codes[3].callType").
#include "core/Result.h"
#include "core/cad/CadIncident.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heart::cad {

inline constexpr std::string_view kNatureCodeFormat = "heartdesk-nature-codes/1";
inline constexpr std::size_t kNatureCodeMaxBytes = 1024 * 1024;
inline constexpr std::size_t kNatureCodeMaxRows = 10000;
inline constexpr std::size_t kNatureCodeMaxFieldBytes = 200;

struct NatureCode
{
    std::string code;        // the CAD's code, as the center writes it ("SUIC")
    std::string callType;    // the rule set's call type code ("suicide-threat")
    std::string description; // the CAD's text for the code, may be empty
    friend bool operator==(const NatureCode&, const NatureCode&) = default;
};

class NatureCodeTable
{
public:
    NatureCodeTable() = default;

    static Result<NatureCodeTable, DataError> fromCsv(std::string_view text,
                                                      const std::string& sourceName = "<csv>");
    static Result<NatureCodeTable, DataError> fromJson(std::string_view text,
                                                       const std::string& sourceName = "<json>");
    std::string toJson() const; // compact, entries in table order
    std::string toCsv() const;  // with the header "code,call_type,description"

    const std::vector<NatureCode>& entries() const { return m_entries; }

    // The call type for an incident: its natureCode matched to a code
    // (ignoring case and surrounding blanks), else its natureText matched to
    // a description (ignoring case and blanks), else natureText matched to a
    // code. Nothing found: nullopt (the counselor picks the call type).
    std::optional<std::string> callTypeFor(const CadIncident& incident) const;
    std::optional<std::string> callTypeForCode(std::string_view code) const;

    // The first entry whose call type is not one of `callTypes` (a rule set's
    // codes), as a DataError "unknown-call-type" naming the row ("line N" of
    // the CSV it was read from, else "codes[k].callType"): a table is checked
    // against the rules in force before it is saved.
    std::optional<DataError> checkCallTypes(const std::vector<std::string>& callTypes) const;

private:
    std::vector<NatureCode> m_entries;
    std::vector<std::size_t> m_lines; // read from CSV: each entry's line; else empty
    std::string m_source;             // read from CSV: the source name
};

// The demo center's table: resources/cad/nature-codes.csv, built into core.
const NatureCodeTable& defaultNatureCodeTable();

} // namespace heart::cad
