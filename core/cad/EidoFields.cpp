#include "core/cad/EidoFields.h"

#include "core/cad/EidoTime.h"
#include "core/cad/MarkupText.h"
#include "core/intake/IntakeRules.h"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

namespace heart::cad {

namespace {

using json = nlohmann::json;

std::string lower(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() &&
           (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// The first item of a NIEM member: members are arrays of objects holding
// "value" (or "simpleType" for codes); a lone object or plain value is taken
// as it is.
const json* firstItem(const json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    if (found == object.end())
        return nullptr;
    const json* item = &*found;
    if (item->is_array()) {
        if (item->empty())
            return nullptr;
        item = &item->front();
    }
    return item;
}

const json* niemValue(const json& object, const char* key)
{
    const json* item = firstItem(object, key);
    if (item && item->is_object()) {
        if (const auto value = item->find("value"); value != item->end())
            return &*value;
        if (const auto value = item->find("simpleType"); value != item->end())
            return &*value;
        return nullptr;
    }
    return item;
}

std::string niemText(const json& object, const char* key)
{
    const json* value = niemValue(object, key);
    return value && value->is_string() ? oneLine(value->get_ref<const std::string&>(), 200) : std::string();
}

std::optional<int> wholeYears(const json& value)
{
    double number = NAN;
    if (value.is_number()) {
        number = value.get<double>();
    } else if (value.is_string()) {
        const std::string_view text = trim(value.get_ref<const std::string&>());
        int parsed = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (error != std::errc() || end != text.data() + text.size())
            return std::nullopt;
        number = parsed;
    }
    if (!std::isfinite(number) || number < 0 || number > intake::kMaxAge)
        return std::nullopt;
    return int(number);
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 44> kIso639Alpha3 = {{
    {"eng", "en"}, {"spa", "es"}, {"aka", "ak"}, {"sqi", "sq"}, {"alb", "sq"}, {"amh", "am"}, {"ara", "ar"},
    {"hye", "hy"}, {"arm", "hy"}, {"ben", "bn"}, {"mya", "my"}, {"bur", "my"}, {"zho", "zh"}, {"chi", "zh"},
    {"nld", "nl"}, {"dut", "nl"}, {"fra", "fr"}, {"fre", "fr"}, {"ful", "ff"}, {"deu", "de"}, {"ger", "de"},
    {"ell", "el"}, {"gre", "el"}, {"guj", "gu"}, {"hat", "ht"}, {"heb", "he"}, {"hin", "hi"}, {"ibo", "ig"},
    {"ita", "it"}, {"jpn", "ja"}, {"kin", "rw"}, {"run", "rn"}, {"kor", "ko"}, {"kur", "ku"}, {"lin", "ln"},
    {"nep", "ne"}, {"orm", "om"}, {"pus", "ps"}, {"fas", "fa"}, {"per", "fa"}, {"pol", "pl"}, {"por", "pt"},
    {"pan", "pa"}, {"rus", "ru"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kIso639Alpha3More = {{
    {"ron", "ro"},
    {"rum", "ro"},
    {"som", "so"},
    {"swa", "sw"},
    {"tgl", "tl"},
    {"tam", "ta"},
    {"tel", "te"},
    {"tha", "th"},
    {"tir", "ti"},
    {"tur", "tr"},
    {"ukr", "uk"},
    {"urd", "ur"},
    {"uzb", "uz"},
    {"vie", "vi"},
    {"wol", "wo"},
    {"yor", "yo"},
}};

constexpr std::array<CautionKeyword, 26> kKeywordTable = {{
    {"weapon", "weapon"},       {"firearm", "weapon"},         {"gun", "weapon"},
    {"knife", "weapon"},        {"armed", "weapon"},           {"violen", "violence"},
    {"assault", "violence"},    {"threat", "violence"},        {"combative", "violence"},
    {"fight", "violence"},      {"hostile", "violence"},       {"medical", "medical"},
    {"injur", "medical"},       {"overdose", "medical"},       {"bleeding", "medical"},
    {"unconscious", "medical"}, {"intoxicat", "intoxication"}, {"alcohol", "intoxication"},
    {"drunk", "intoxication"},  {"drug", "intoxication"},      {"substance", "intoxication"},
    {"child", "minors"},        {"juvenile", "minors"},        {"minor", "minors"},
    {"kid", "minors"},          {"infant", "minors"},
}};

constexpr std::array<std::string_view, 5> kFlagOrder = {"weapon", "violence", "medical", "intoxication",
                                                        "minors"};

} // namespace

const std::span<const CautionKeyword> kCautionKeywords{kKeywordTable};

std::string cutUtf8(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end));
}

std::string oneLine(std::string_view text, std::size_t maxBytes)
{
    std::string out;
    out.reserve(std::min(text.size(), maxBytes + 1));
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || c == ' ') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
        if (out.size() > maxBytes + 4)
            break;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return cutUtf8(out, maxBytes);
}

PidfLocation readPidfLocation(std::string_view xml)
{
    static constexpr std::array<std::string_view, 9> kCivic = {"HNO", "HNS", "PRD", "RD", "STS",
                                                               "POD", "A3",  "A1",  "PC"};
    std::array<std::string, kCivic.size()> civic;
    bool civicDone = false;
    bool inCivic = false;
    std::string pos;
    bool posDone = false;
    scanXml(xml, [&](std::span<const std::string> path, std::string_view text) {
        bool civicNow = false;
        bool shape = false;
        for (const auto& name : path) {
            civicNow = civicNow || name == "civicAddress";
            shape = shape || name == "Point" || name == "Circle";
        }
        if (inCivic && !civicNow)
            civicDone = true; // only the first civicAddress
        inCivic = civicNow;
        if (civicNow && !civicDone && path.size() >= 2 && path[path.size() - 2] == "civicAddress") {
            for (std::size_t k = 0; k < kCivic.size(); ++k)
                if (path.back() == kCivic[k] && civic[k].size() < 400)
                    civic[k] += text;
        }
        if (shape && !posDone && path.back() == "pos" && pos.size() < 200)
            pos += text;
        else if (!pos.empty())
            posDone = true;
    });
    for (auto& part : civic)
        part = oneLine(part, 200);
    PidfLocation location;
    // "42 W Cellular Street": number (and suffix) and street parts, blank-separated.
    std::string street;
    auto add = [&](const std::string& part, const char* separator) {
        if (part.empty())
            return;
        if (!street.empty())
            street += separator;
        street += part;
    };
    add(civic[0], " ");
    add(civic[1], civic[1].size() == 1 ? "" : " ");
    for (std::size_t k = 2; k < 6; ++k)
        add(civic[k], " ");
    std::string line = street;
    auto addPart = [&](const std::string& part, const char* separator) {
        if (part.empty())
            return;
        if (!line.empty())
            line += separator;
        line += part;
    };
    addPart(civic[6], ", ");
    addPart(civic[7], ", ");
    addPart(civic[8], civic[7].empty() ? ", " : " ");
    location.address = oneLine(line, 1000);

    const std::string_view numbers = trim(pos);
    const auto blank = numbers.find_first_of(" \t\r\n");
    if (blank != std::string_view::npos) {
        const std::string_view first = numbers.substr(0, blank);
        const std::string_view second = trim(numbers.substr(blank));
        double lat = NAN, lon = NAN;
        const auto a = std::from_chars(first.data(), first.data() + first.size(), lat);
        const auto b = std::from_chars(second.data(), second.data() + second.size(), lon);
        // A third number (altitude) may follow the two.
        const bool secondOk =
            b.ec == std::errc() && (b.ptr == second.data() + second.size() || *b.ptr == ' ');
        if (a.ec == std::errc() && a.ptr == first.data() + first.size() && secondOk && std::isfinite(lat) &&
            std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
            location.latitude = lat;
            location.longitude = lon;
        }
    }
    return location;
}

std::string readCallDataComments(std::string_view xml)
{
    std::string out;
    scanXml(xml, [&](std::span<const std::string> path, std::string_view text) {
        if (path.front() != "EmergencyCallData.Comment" || path.back() != "Comment" || path.size() != 2)
            return;
        const std::string comment = oneLine(text, 4000);
        if (comment.empty() || out.size() > 16 * 1024)
            return;
        if (!out.empty())
            out += '\n';
        out += comment;
    });
    return out;
}

std::string niemPersonName(const json& person)
{
    const json* name = firstItem(person, "name");
    if (!name || !name->is_object())
        return {};
    if (auto full = niemText(*name, "personFullName"); !full.empty())
        return full;
    std::string joined;
    for (const char* part : {"personGivenName", "personMiddleName", "personSurName"}) {
        const std::string text = niemText(*name, part);
        if (text.empty())
            continue;
        if (!joined.empty())
            joined += ' ';
        joined += text;
    }
    return joined;
}

std::optional<int> niemPersonAge(const json& person, TimePoint at)
{
    if (const json* measure = firstItem(person, "ageMeasure"); measure && measure->is_object()) {
        for (const char* key :
             {"integerValue", "unsignedIntegerValue", "decimalValue", "doubleValue", "value"}) {
            if (const json* value = niemValue(*measure, key))
                if (const auto years = wholeYears(*value))
                    return years;
        }
    }
    const json* birth = firstItem(person, "birthDate");
    if (!birth || !birth->is_object())
        return std::nullopt;
    const json* date = niemValue(*birth, "date");
    if (!date || !date->is_string())
        return std::nullopt;
    const auto born = parseEidoTime(date->get_ref<const std::string&>() + "T12:00:00Z");
    if (!born || *born > at)
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day bornDay{floor<days>(*born)};
    const year_month_day today{floor<days>(at)};
    int years = int(today.year()) - int(bornDay.year());
    if (today.month() < bornDay.month() || (today.month() == bornDay.month() && today.day() < bornDay.day()))
        --years;
    if (years < 0 || years > intake::kMaxAge)
        return std::nullopt;
    return years;
}

std::string languageCodeFor(std::string_view nameOrCode)
{
    const std::string key = lower(trim(nameOrCode));
    if (key.empty())
        return {};
    if (key != "other")
        if (const auto* language = intake::findLanguage(key))
            return std::string(language->code);
    for (const auto& table :
         {std::span<const std::pair<std::string_view, std::string_view>>(kIso639Alpha3),
          std::span<const std::pair<std::string_view, std::string_view>>(kIso639Alpha3More)})
        for (const auto& [alpha3, code] : table)
            if (key == alpha3)
                return std::string(code);
    if (key.size() > 40)
        return "other"; // no language name is that long
    const std::string withQualifier = key + " (";
    for (const auto& language : intake::languages()) {
        const std::string english = lower(language.englishName);
        // "Persian (Farsi)" is also "persian"; "Spanish" is "spanish".
        if (language.code != "other" &&
            (key == english || key == lower(language.nativeName) || english.rfind(withQualifier, 0) == 0))
            return std::string(language.code);
    }
    return "other";
}

std::string niemPersonLanguage(const json& person)
{
    const json* language = firstItem(person, "primaryLanguage");
    if (!language || !language->is_object())
        return {};
    if (auto code = languageCodeFor(niemText(*language, "languageCode")); !code.empty() && code != "other")
        return code;
    return languageCodeFor(niemText(*language, "languageName"));
}

std::optional<bool> niemPersonEnglish(const json& person)
{
    const json* value = niemValue(person, "isLanguageEnglish");
    if (value && value->is_boolean())
        return value->get<bool>();
    return std::nullopt;
}

std::string callbackPhone(std::span<const std::string> uris)
{
    auto dialable = [](std::string_view number) -> std::string {
        number = number.substr(0, number.find(';'));
        if (number.empty() || number.size() > 40)
            return {};
        const auto normalised = intake::normalisePhone(number);
        // A service code ("911", "988") is where the call went, not a number to call back.
        return normalised.ok() && normalised.value().starts_with('+') ? normalised.value() : std::string();
    };
    for (const auto& uri : uris) {
        if (lower(uri.substr(0, 4)) == "tel:")
            if (auto phone = dialable(std::string_view(uri).substr(4)); !phone.empty())
                return phone;
    }
    for (const auto& uri : uris) {
        const std::string scheme = lower(uri.substr(0, 5));
        const std::size_t skip = scheme == "sips:" ? 5 : scheme.rfind("sip:", 0) == 0 ? 4 : 0;
        if (skip == 0)
            continue;
        const std::string_view user =
            std::string_view(uri).substr(skip, uri.find('@') == std::string::npos ? 0 : uri.find('@') - skip);
        if (auto phone = dialable(user); !phone.empty())
            return phone;
    }
    return {};
}

std::vector<std::string> cautionFlags(std::string_view text)
{
    const std::string folded = lower(text);
    std::array<bool, kFlagOrder.size()> found{};
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const bool wordStart = i == 0 || !std::isalnum(static_cast<unsigned char>(folded[i - 1]));
        if (!wordStart)
            continue;
        for (const auto& [keyword, flag] : kKeywordTable) {
            if (keyword.front() != folded[i] || std::string_view(folded).substr(i, keyword.size()) != keyword)
                continue;
            for (std::size_t k = 0; k < kFlagOrder.size(); ++k)
                found[k] = found[k] || kFlagOrder[k] == flag;
        }
    }
    std::vector<std::string> flags;
    for (std::size_t k = 0; k < kFlagOrder.size(); ++k)
        if (found[k])
            flags.emplace_back(kFlagOrder[k]);
    return flags;
}

} // namespace heart::cad
