#include "core/cad/NatureCodeTable.h"

#include "core/JsonLimits.h"
#include "core/cad/EmbeddedText.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace heart::cad {

namespace {

using json = nlohmann::json;

// Case and blanks do not matter: "  Check  WELFARE " is "check welfare".
std::string fold(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// A code or call type quoted in a message: configuration, never a person's data, but cut short.
std::string shown(std::string_view text)
{
    return "\"" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...\"" : "\"");
}

struct EntryProblem
{
    const char* field; // "code", "callType", "description"
    const char* code;
    std::string message;
};

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned low = 0x80, high = 0xBF; // allowed range of the second byte
        if (byte < 0x80) {
            ++i;
            continue;
        } else if (byte >= 0xC2 && byte <= 0xDF) {
            length = 2;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            length = 3;
            low = byte == 0xE0 ? 0xA0 : 0x80;
            high = byte == 0xED ? 0x9F : 0xBF;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            length = 4;
            low = byte == 0xF0 ? 0x90 : 0x80;
            high = byte == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF))
                return false;
        }
        i += length;
    }
    return true;
}

std::optional<EntryProblem> checkEntry(const NatureCode& entry)
{
    if (!isUtf8(entry.code) || !isUtf8(entry.description))
        return EntryProblem{!isUtf8(entry.code) ? "code" : "description", "not-utf8", "not UTF-8 text"};
    if (entry.code.size() > kNatureCodeMaxFieldBytes)
        return EntryProblem{"code", "too-long",
                            "longer than " + std::to_string(kNatureCodeMaxFieldBytes) + " bytes"};
    if (entry.callType.size() > kNatureCodeMaxFieldBytes)
        return EntryProblem{"callType", "too-long",
                            "longer than " + std::to_string(kNatureCodeMaxFieldBytes) + " bytes"};
    if (entry.description.size() > kNatureCodeMaxFieldBytes)
        return EntryProblem{"description", "too-long",
                            "longer than " + std::to_string(kNatureCodeMaxFieldBytes) + " bytes"};
    if (entry.code.empty())
        return EntryProblem{"code", "missing-value", "the code is empty"};
    if (entry.callType.empty())
        return EntryProblem{"callType", "missing-value", "the call type is empty"};
    for (const char c : entry.callType)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return EntryProblem{"callType", "call-type-format",
                                "a call type code is lower-case letters, digits, '-' and '_': " +
                                    shown(entry.callType)};
    return std::nullopt;
}

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (const char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// One CSV record from text[i]: fields (each kept to a little over the field
// limit, so a huge field costs no memory), the line it ends on.
struct CsvRecord
{
    std::vector<std::string> fields{std::string()};
    std::optional<DataError> error;
};

CsvRecord readRecord(std::string_view text, std::size_t& i, std::size_t& line, const std::string& source)
{
    CsvRecord record;
    const std::size_t startLine = line;
    auto append = [&](char c) {
        if (record.fields.back().size() <= kNatureCodeMaxFieldBytes)
            record.fields.back() += c;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && trimmed(record.fields.back()).empty()) {
            record.fields.back().clear();
            const std::size_t quoteLine = line;
            bool closed = false;
            for (++i; i < text.size(); ++i) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        append('"');
                        ++i;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == '\n')
                    ++line;
                append(text[i]);
            }
            if (!closed) {
                record.error = DataError{source, "line " + std::to_string(quoteLine), "unterminated-quote",
                                         "a quoted field runs to the end of the file"};
                return record;
            }
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
                ++i;
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                record.error = DataError{source, "line " + std::to_string(line), "text-after-quote",
                                         "characters between a closing quote and the next comma"};
                return record;
            }
        } else if (c == ',') {
            if (record.fields.size() >= 3) {
                record.error = DataError{source, "line " + std::to_string(startLine), "field-count",
                                         "more than 3 fields (code,call_type,description)"};
                return record;
            }
            record.fields.emplace_back();
            ++i;
        } else if (c == '\n' || c == '\r') {
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            return record;
        } else {
            append(c);
            ++i;
        }
    }
    return record;
}

} // namespace

Result<NatureCodeTable, DataError> NatureCodeTable::fromCsv(std::string_view text,
                                                            const std::string& sourceName)
{
    if (text.size() > kNatureCodeMaxBytes)
        return DataError{sourceName, "", "too-large",
                         "more than " + std::to_string(kNatureCodeMaxBytes) + " bytes"};
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    NatureCodeTable table;
    table.m_source = sourceName;
    std::unordered_map<std::string, std::size_t> lineOfCode;
    std::size_t i = 0;
    std::size_t line = 1;
    bool first = true;
    while (i < text.size()) {
        const std::size_t recordLine = line;
        CsvRecord record = readRecord(text, i, line, sourceName);
        if (record.error)
            return *record.error;
        auto& fields = record.fields;
        if (fields.size() == 1 && trimmed(fields[0]).empty())
            continue; // a blank line
        for (auto& field : fields)
            field = trimmed(field);
        const bool header = first && fold(fields[0]) == "code";
        first = false;
        if (header)
            continue;
        const std::string where = "line " + std::to_string(recordLine);
        if (fields.size() < 2)
            return DataError{sourceName, where, "field-count",
                             "expected code,call_type[,description]; found 1 field"};
        NatureCode entry{fields[0], fields[1], fields.size() == 3 ? fields[2] : std::string()};
        if (const auto problem = checkEntry(entry))
            return DataError{sourceName, where, problem->code, problem->message};
        if (const auto known = lineOfCode.find(fold(entry.code)); known != lineOfCode.end())
            return DataError{sourceName, where, "duplicate-code",
                             "the code " + shown(entry.code) + " is already on line " +
                                 std::to_string(known->second)};
        if (table.m_entries.size() >= kNatureCodeMaxRows)
            return DataError{sourceName, where, "too-large",
                             "more than " + std::to_string(kNatureCodeMaxRows) + " codes"};
        lineOfCode.emplace(fold(entry.code), recordLine);
        table.m_entries.push_back(std::move(entry));
        table.m_lines.push_back(recordLine);
    }
    return table;
}

Result<NatureCodeTable, DataError> NatureCodeTable::fromJson(std::string_view text,
                                                             const std::string& sourceName)
{
    if (text.size() > kNatureCodeMaxBytes)
        return DataError{sourceName, "", "too-large",
                         "more than " + std::to_string(kNatureCodeMaxBytes) + " bytes"};
    // Size, depth and syntax checked in one place (core/JsonLimits.h).
    auto parsed = parseJsonText(text, sourceName, kNatureCodeMaxBytes);
    if (!parsed)
        return parsed.error();
    const json& document = parsed.value();
    if (!document.is_object())
        return DataError{sourceName, "", "wrong-type", "expected an object"};
    const auto format = document.find("format");
    if (format == document.end() || !format->is_string() || *format != kNatureCodeFormat)
        return DataError{sourceName, "format", "wrong-format",
                         "expected \"format\": \"" + std::string(kNatureCodeFormat) + "\""};
    const auto codes = document.find("codes");
    if (codes == document.end())
        return DataError{sourceName, "codes", "missing-member", "missing member"};
    if (!codes->is_array())
        return DataError{sourceName, "codes", "wrong-type", "expected an array"};
    NatureCodeTable table;
    std::unordered_map<std::string, std::size_t> indexOfCode;
    for (std::size_t k = 0; k < codes->size(); ++k) {
        const json& item = (*codes)[k];
        const std::string path = "codes[" + std::to_string(k) + "]";
        if (!item.is_object())
            return DataError{sourceName, path, "wrong-type", "expected an object"};
        NatureCode entry;
        for (const auto& [key, target] : {std::pair<const char*, std::string*>{"code", &entry.code},
                                          {"callType", &entry.callType},
                                          {"description", &entry.description}}) {
            const auto value = item.find(key);
            if (value == item.end())
                continue;
            if (!value->is_string())
                return DataError{sourceName, path + "." + key, "wrong-type", "expected a string"};
            *target = trimmed(value->get_ref<const std::string&>());
        }
        if (const auto problem = checkEntry(entry))
            return DataError{sourceName, path + "." + problem->field, problem->code, problem->message};
        if (const auto known = indexOfCode.find(fold(entry.code)); known != indexOfCode.end())
            return DataError{sourceName, path + ".code", "duplicate-code",
                             "the code " + shown(entry.code) + " is already codes[" +
                                 std::to_string(known->second) + "]"};
        if (table.m_entries.size() >= kNatureCodeMaxRows)
            return DataError{sourceName, path, "too-large",
                             "more than " + std::to_string(kNatureCodeMaxRows) + " codes"};
        indexOfCode.emplace(fold(entry.code), k);
        table.m_entries.push_back(std::move(entry));
    }
    return table;
}

std::string NatureCodeTable::toJson() const
{
    json codes = json::array();
    for (const auto& entry : m_entries) {
        json item = {{"code", entry.code}, {"callType", entry.callType}};
        if (!entry.description.empty())
            item["description"] = entry.description;
        codes.push_back(std::move(item));
    }
    const json document = {{"format", kNatureCodeFormat}, {"codes", std::move(codes)}};
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string NatureCodeTable::toCsv() const
{
    std::string out = "code,call_type,description\n";
    for (const auto& entry : m_entries)
        out +=
            csvField(entry.code) + "," + csvField(entry.callType) + "," + csvField(entry.description) + "\n";
    return out;
}

std::optional<std::string> NatureCodeTable::callTypeForCode(std::string_view code) const
{
    const std::string key = fold(code);
    if (key.empty())
        return std::nullopt;
    for (const auto& entry : m_entries)
        if (fold(entry.code) == key)
            return entry.callType;
    return std::nullopt;
}

std::optional<std::string> NatureCodeTable::callTypeFor(const CadIncident& incident) const
{
    if (auto byCode = callTypeForCode(incident.natureCode))
        return byCode;
    const std::string text = fold(incident.natureText);
    if (text.empty())
        return std::nullopt;
    for (const auto& entry : m_entries)
        if (!entry.description.empty() && fold(entry.description) == text)
            return entry.callType;
    return callTypeForCode(incident.natureText);
}

std::optional<DataError> NatureCodeTable::checkCallTypes(const std::vector<std::string>& callTypes) const
{
    for (std::size_t k = 0; k < m_entries.size(); ++k) {
        const auto& entry = m_entries[k];
        if (std::find(callTypes.begin(), callTypes.end(), entry.callType) == callTypes.end())
            // Read from CSV: the line, as the file's other errors name it.
            return DataError{m_lines.size() == m_entries.size() ? m_source : std::string(),
                             m_lines.size() == m_entries.size() ? "line " + std::to_string(m_lines[k])
                                                                : "codes[" + std::to_string(k) + "].callType",
                             "unknown-call-type",
                             "the rule set has no call type " + shown(entry.callType) + " (code " +
                                 shown(entry.code) + ")"};
    }
    return std::nullopt;
}

const NatureCodeTable& defaultNatureCodeTable()
{
    static const NatureCodeTable table = [] {
        auto read =
            NatureCodeTable::fromCsv(embedded::defaultNatureCodesCsv(), "resources/cad/nature-codes.csv");
        return read.ok() ? read.value() : NatureCodeTable();
    }();
    return table;
}

} // namespace heart::cad
