// The resource directory's CSV reader (see ResourceCsv.h): records first
// (RFC 4180 quoting, line numbers kept), then the header, then each row,
// collecting every problem instead of stopping at the first.
#include "core/directory/ResourceCsv.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <optional>

namespace heart::directory {

namespace {

struct Record
{
    std::size_t line = 0;
    std::vector<std::string> fields;
    std::string error; // "unterminated-quote" or "text-after-quote"; empty when well formed

    bool blank() const
    {
        return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); });
    }
};

// Splits the text into records. Line breaks inside quoted fields become "\n".
std::vector<Record> splitRecords(std::string_view text)
{
    std::vector<Record> records;
    std::size_t at = 0;
    std::size_t line = 1;
    const auto atLineEnd = [&] {
        return at < text.size() && (text[at] == '\n' || text[at] == '\r');
    };
    const auto skipLineEnd = [&] {
        if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n')
            ++at;
        ++at;
        ++line;
    };
    while (at < text.size()) {
        Record record;
        record.line = line;
        for (;;) {
            std::string field;
            if (at < text.size() && text[at] == '"') {
                ++at;
                bool closed = false;
                while (at < text.size()) {
                    const char c = text[at];
                    if (c == '"') {
                        if (at + 1 < text.size() && text[at + 1] == '"') {
                            field += '"';
                            at += 2;
                            continue;
                        }
                        ++at;
                        closed = true;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        field += '\n';
                        skipLineEnd();
                        continue;
                    }
                    field += c;
                    ++at;
                }
                if (!closed) {
                    record.error = "unterminated-quote";
                    record.fields.push_back(std::move(field));
                    records.push_back(std::move(record));
                    return records;
                }
                // Anything between the closing quote and the next comma is kept but flagged.
                while (at < text.size() && text[at] != ',' && !atLineEnd()) {
                    if (record.error.empty())
                        record.error = "text-after-quote";
                    field += text[at++];
                }
            } else {
                while (at < text.size() && text[at] != ',' && !atLineEnd())
                    field += text[at++];
            }
            record.fields.push_back(std::move(field));
            if (at < text.size() && text[at] == ',') {
                ++at;
                continue;
            }
            break;
        }
        if (atLineEnd())
            skipLineEnd();
        records.push_back(std::move(record));
    }
    return records;
}

std::string trimmedLower(std::string_view text)
{
    const auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
    return out;
}

// "Walk-ins" -> "walk_ins", "Peer center" -> "peer_center".
std::string asCode(std::string_view text)
{
    std::string code = trimmedLower(text);
    std::replace_if(
        code.begin(), code.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
    return code;
}

std::optional<bool> parseYesNo(std::string_view text)
{
    const std::string value = trimmedLower(text);
    if (value.empty() || value == "no" || value == "n" || value == "false" || value == "0")
        return false;
    if (value == "yes" || value == "y" || value == "true" || value == "1")
        return true;
    return std::nullopt;
}

std::vector<std::string> splitLanguages(std::string_view text)
{
    std::vector<std::string> codes;
    std::string current;
    for (char c : text) {
        if (c == ';' || c == ',') {
            codes.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    codes.push_back(std::move(current));
    return codes; // normalised() trims and drops the empty ones
}

std::string joined(std::string_view separator)
{
    std::string text;
    for (std::string_view column : kCsvColumns)
        text += (text.empty() ? "" : std::string(separator)) + std::string(column);
    return text;
}

// Column index of each known column in this file's header, or nullopt.
struct Header
{
    std::vector<std::string> written;                              // as the file names them
    std::array<std::optional<std::size_t>, kCsvColumns.size()> at; // by kCsvColumns index
};

std::optional<std::size_t> knownColumn(std::string_view code)
{
    const auto it = std::find(kCsvColumns.begin(), kCsvColumns.end(), code);
    return it == kCsvColumns.end() ? std::nullopt
                                   : std::optional<std::size_t>(std::size_t(it - kCsvColumns.begin()));
}

// The header's problems; none means `header` is usable.
std::vector<CsvProblem> readHeader(const Record& record, Header& header)
{
    std::vector<CsvProblem> problems;
    if (!record.error.empty())
        problems.push_back({record.line, {}, record.error, "the header row is not well formed"});
    header.written = record.fields;
    // A header of a million columns gives the first few problems, not a million.
    constexpr std::size_t kMaxHeaderProblems = 20;
    std::size_t skipped = 0;
    // The detail is made only for a problem that is kept: a header of two
    // million unknown columns costs a count past the first few, not two
    // million copies of the known columns' list.
    const std::string knownList = joined(", ");
    const auto add = [&](const std::string& written, const char* code, const auto& detail) {
        if (problems.size() < kMaxHeaderProblems)
            problems.push_back({record.line, excerpt(written), code, detail()});
        else
            ++skipped;
    };
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string& written = record.fields[i];
        const auto known = written.size() > 64 ? std::nullopt : knownColumn(asCode(written));
        if (!known) {
            add(written, "unknown-column", [&] {
                return written.empty() ? "a column has no name; known columns: " + knownList
                                       : "known columns: " + knownList;
            });
        } else if (header.at[*known]) {
            add(written, "duplicate-column", [] { return std::string("the column appears twice"); });
        } else {
            header.at[*known] = i;
        }
    }
    for (std::string_view required : {std::string_view("name"), std::string_view("kind")}) {
        if (!header.at[*knownColumn(required)])
            problems.push_back({record.line, std::string(required), "missing-column", "a required column"});
    }
    if (skipped > 0)
        problems.push_back({record.line,
                            {},
                            "unknown-column",
                            "and " + std::to_string(skipped) + " more columns that are unknown or repeated"});
    return problems;
}

// Which kCsvColumns index a problems() field belongs to.
std::size_t columnOfField(std::string_view field)
{
    if (field == "walkIns")
        return *knownColumn("walk_ins");
    const auto known = knownColumn(field);
    return known ? *known : 0;
}

// One data record: the resource, or its problems.
std::optional<Resource> readRow(const Record& record, const Header& header, std::vector<CsvProblem>& problems)
{
    if (!record.error.empty()) {
        problems.push_back({record.line,
                            {},
                            record.error,
                            record.error == "unterminated-quote"
                                ? "a quoted field is not closed: the rest of the file is part of it"
                                : "text between a closing quote and the next comma"});
        return std::nullopt;
    }
    if (record.fields.size() != header.written.size()) {
        problems.push_back({record.line,
                            {},
                            "field-count",
                            std::to_string(record.fields.size()) + " fields, the header has " +
                                std::to_string(header.written.size())});
        return std::nullopt;
    }
    if (!std::all_of(record.fields.begin(), record.fields.end(), isValidUtf8)) {
        problems.push_back({record.line, {}, "not-utf8", "the row is not UTF-8 text"});
        return std::nullopt;
    }
    const auto field = [&](std::string_view column) -> std::string_view {
        const auto at = header.at[*knownColumn(column)];
        return at ? std::string_view(record.fields[*at]) : std::string_view();
    };
    const auto columnName = [&](std::size_t known) {
        const auto at = header.at[known];
        return at ? header.written[*at] : std::string(kCsvColumns[known]);
    };
    // (column index in the file, problem), sorted by the file's column order at the end.
    std::vector<std::pair<std::size_t, CsvProblem>> found;
    const auto add = [&](std::size_t known, std::string code, std::string detail) {
        found.push_back({header.at[known].value_or(0),
                         {record.line, columnName(known), std::move(code), std::move(detail)}});
    };

    Resource resource;
    resource.name = std::string(field("name"));
    const std::string kindText = asCode(field("kind"));
    if (!kindText.empty()) {
        resource.kind = resourceKindFromCode(kindText);
        if (!resource.kind)
            add(*knownColumn("kind"), "unknown-kind",
                quotedExcerpt(kindText, 40) + "; kinds: shelter, "
                                              "detox, clinic, peer_center, food, crisis_line");
    }
    resource.phone = std::string(field("phone"));
    resource.address = std::string(field("address"));
    resource.hours = std::string(field("hours"));
    resource.languages = splitLanguages(field("languages"));
    if (const auto walkIns = parseYesNo(field("walk_ins")))
        resource.walkIns = *walkIns;
    else
        add(*knownColumn("walk_ins"), "yes-no", quotedExcerpt(field("walk_ins"), 20) + "; use yes or no");
    resource.notes = std::string(field("notes"));
    for (Error& error : directory::problems(resource)) {
        // "kind" is reported once: unknown, not also missing.
        if (error.field == "kind" && !kindText.empty())
            continue;
        add(columnOfField(error.field), std::move(error.code), std::move(error.detail));
    }
    if (found.empty())
        return normalised(std::move(resource));
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [column, problem] : found)
        problems.push_back(std::move(problem));
    return std::nullopt;
}

std::string quoted(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

CsvImport readResourceCsv(std::string_view text)
{
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.starts_with(kBom))
        text.remove_prefix(kBom.size());
    CsvImport result;
    const std::vector<Record> records = splitRecords(text);
    auto next = std::find_if(records.begin(), records.end(), [](const Record& r) { return !r.blank(); });
    if (next == records.end()) {
        result.problems.push_back({1, {}, "empty-file", "no header row"});
        return result;
    }
    Header header;
    result.problems = readHeader(*next, header);
    if (!result.problems.empty())
        return result;
    result.headerOk = true;
    for (++next; next != records.end(); ++next) {
        if (next->blank() && next->error.empty())
            continue;
        ++result.dataRows;
        if (auto resource = readRow(*next, header, result.problems))
            result.rows.push_back({next->line, std::move(*resource)});
    }
    return result;
}

std::string writeResourceCsvHeader()
{
    return joined(",");
}

std::string writeResourceCsvRecord(const Resource& resource)
{
    std::string languages;
    for (const std::string& code : resource.languages)
        languages += (languages.empty() ? "" : ";") + code;
    const std::string fields[] = {
        quoted(resource.name),
        resource.kind ? std::string(resourceKindCode(*resource.kind)) : std::string(),
        quoted(resource.phone),
        quoted(resource.address),
        quoted(resource.hours),
        quoted(languages),
        resource.walkIns ? "yes" : "no",
        quoted(resource.notes),
    };
    std::string record = fields[0];
    for (std::size_t i = 1; i < std::size(fields); ++i)
        record += "," + fields[i];
    return record;
}

} // namespace heart::directory
