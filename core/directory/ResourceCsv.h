#pragma once
// Reading the resource directory from a spreadsheet saved as CSV, the way
// programs keep their lists of services. The whole file is read: every bad
// row is reported (which line, which column, what is wrong) and every good
// row is returned, so the person who made the file can fix all at once.
//
// The format is RFC 4180: comma-separated; a field in double quotes may hold
// commas, line breaks and doubled quotes (""); lines end in CRLF or LF; a
// UTF-8 byte-order mark at the start is skipped. A quote inside an unquoted
// field is kept as it is (spreadsheets write such files).
//
// The first record is the header: column names in any order, compared
// ignoring case, blanks around them, and '-' or ' ' for '_' ("Walk-ins" is
// walk_ins). Columns: name and kind (required), phone, address, hours,
// languages, walk_ins, notes. An unknown or repeated column makes the file
// unusable (no rows are read): a misspelt column would otherwise drop data
// silently.
//
// Each row: kind is a code of resource kinds, ignoring case, blanks and '-'
// for '_' ("Peer center" is peer_center); languages are ISO 639 codes
// separated by ';' or ',' ("en;es", "en, es"); walk_ins is yes/no, true/false,
// y/n or 1/0 (ignoring case; empty is no). Then Resource problems() applies.
// A record whose fields are all empty (a blank line) is skipped.
#include "core/directory/Resource.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace heart::directory {

// The column names of the header, in the order an exported file uses.
inline constexpr std::array<std::string_view, 8> kCsvColumns = {
    "name", "kind", "phone", "address", "hours", "languages", "walk_ins", "notes",
};

struct CsvRow
{
    std::size_t line = 0; // where the record starts (the header is line 1)
    Resource resource;    // normalised
};

// What is wrong, where. The detail is technical English (the UI words the
// code); it may quote a kind, yes/no value or language code from the file,
// which are configuration, never a person's data.
struct CsvProblem
{
    std::size_t line = 0; // physical line (1-based) where the record starts
    std::string column;   // the column as the header names it in the file; empty for a whole row or file
    std::string code;
    std::string detail;
};
// File and row codes: "empty-file", "unknown-column", "duplicate-column",
// "missing-column" (the header lacks name or kind; column is the missing one),
// "field-count" (the row has more or fewer fields than the header),
// "unterminated-quote" (a quoted field runs to the end of the file),
// "text-after-quote" (characters between a closing quote and the next comma),
// "not-utf8" (the row is not UTF-8 text). Field codes: "unknown-kind",
// "yes-no", and the codes of problems() ("required", "phone-not-dialable",
// "language-code", "too-many-languages", "too-long", "line-break").

struct CsvImport
{
    std::vector<CsvRow> rows;         // the good rows, in file order
    std::vector<CsvProblem> problems; // by line, then column order of the header
    std::size_t dataRows = 0;         // records after the header, blank ones not counted
    bool headerOk = false;            // false: the file could not be read at all
};

CsvImport readResourceCsv(std::string_view text);

// A service as one CSV record (for exports and tests): fields quoted when
// they hold a comma, quote or line break; languages joined with ';';
// walk_ins "yes"/"no"; no line ending. writeResourceCsvHeader() is the header.
std::string writeResourceCsvRecord(const Resource& resource);
std::string writeResourceCsvHeader();

} // namespace heart::directory
