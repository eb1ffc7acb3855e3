// The intake form's field checks (see IntakeRules.h). The phone number is
// parsed by hand because its rules are few and ours (North American numbering
// plan, service codes, E.164); a full numbering database would be more than
// a call-back number needs.
#include "core/intake/IntakeRules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace heart::intake {

namespace {

Error phoneError(std::string detail)
{
    return Error{"phone-not-dialable", "phone", std::move(detail)};
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (isBlank(text.front()) || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (isBlank(text.back()) || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != prefix[i])
            return false;
    }
    return true;
}

constexpr std::array<std::string_view, 8> kServiceCodes = {"211", "311", "411", "511",
                                                           "711", "811", "911", "988"};
constexpr std::size_t kMaxExtensionDigits = 6;
constexpr std::size_t kMinInternationalDigits = 8;
constexpr std::size_t kMaxInternationalDigits = 15; // E.164, country code included

// The extension after the number, from its marker on: "x12", "ext. 12", ...
Result<std::string> parseExtension(std::string_view text)
{
    // Longest marker first: "ext." before "ext" before "x"; "ext=" is the
    // stored form's (after a ';'), so a stored number reads back as itself.
    static constexpr std::array<std::string_view, 5> kMarkers = {"extension", "ext.", "ext=", "ext", "x"};
    const auto marker = std::find_if(kMarkers.begin(), kMarkers.end(),
                                     [&](std::string_view m) { return startsWithNoCase(text, m); });
    if (marker == kMarkers.end())
        return phoneError("letters");
    text.remove_prefix(marker->size());
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    if (text.empty())
        return phoneError("extension has no digits");
    for (char c : text) {
        if (isAsciiLetter(c))
            return phoneError("letters");
        if (!isDigit(c))
            return phoneError("extension must be digits only");
    }
    if (text.size() > kMaxExtensionDigits)
        return phoneError("extension too long");
    return std::string(text);
}

// The digits of the number part, checking its punctuation: blanks, dots,
// dashes, one pair of parentheses and '+' only at the start. After a '+', a
// "(0)" is the national trunk prefix written for callers inside the country
// ("+44 (0)20 ...") and is not dialled from abroad: it is dropped.
Result<std::string> numberDigits(std::string_view text)
{
    std::string digits;
    int open = 0;
    std::size_t openedAt = 0; // digits before the '('
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c)) {
            digits += c;
        } else if (c == '+') {
            if (i != 0)
                return phoneError("'+' only at the start");
        } else if (c == '(') {
            if (open != 0)
                return phoneError("unbalanced parentheses");
            open = 1;
            openedAt = digits.size();
        } else if (c == ')') {
            if (open != 1)
                return phoneError("unbalanced parentheses");
            open = 2;
            if (text.front() == '+' && openedAt > 0 && digits.substr(openedAt) == "0")
                digits.resize(openedAt);
        } else if (isAsciiLetter(c)) {
            return phoneError("letters");
        } else if (!isBlank(c) && c != '.' && c != '-') {
            return phoneError("unexpected character");
        }
    }
    if (open == 1)
        return phoneError("unbalanced parentheses");
    return digits;
}

// A 10-digit North American number (without the leading 1), as "+1...".
Result<std::string> northAmerican(std::string_view national)
{
    if (national.size() < 10)
        return phoneError("too few digits");
    if (national.size() > 10)
        return phoneError("too many digits");
    if (national[0] == '0' || national[0] == '1')
        return phoneError("area code cannot start with 0 or 1");
    if (national.substr(1, 2) == "11")
        return phoneError("area code cannot be a service code (N11)");
    if (national[3] == '0' || national[3] == '1')
        return phoneError("exchange cannot start with 0 or 1");
    if (national.substr(4, 2) == "11")
        return phoneError("exchange cannot be a service code (N11)");
    return "+1" + std::string(national);
}

// The digits after "+" (or "00", "011"): E.164, or North American for country code 1.
Result<std::string> international(std::string_view digits)
{
    if (digits.empty())
        return phoneError("too few digits");
    if (digits.front() == '0')
        return phoneError("country code cannot start with 0");
    if (digits.front() == '1')
        return northAmerican(digits.substr(1));
    if (digits.size() < kMinInternationalDigits)
        return phoneError("too few digits");
    if (digits.size() > kMaxInternationalDigits)
        return phoneError("too many digits");
    return "+" + std::string(digits);
}

// One Language table row.
constexpr Language lang(std::string_view code, std::string_view english, std::string_view native)
{
    return Language{code, english, native};
}

// "en" and "es" first, then by English name (byte order), "other" last; the
// test checks the order and that no code repeats.
constexpr std::array kLanguages = {
    lang("en", "English", "English"),
    lang("es", "Spanish", "Español"),
    lang("ak", "Akan", "Akan"),
    lang("sq", "Albanian", "Shqip"),
    lang("ase", "American Sign Language", "ASL"),
    lang("am", "Amharic", "አማርኛ"),
    lang("ar", "Arabic", "العربية"),
    lang("hy", "Armenian", "Հայերեն"),
    lang("bn", "Bengali", "বাংলা"),
    lang("my", "Burmese", "မြန်မာ"),
    lang("yue", "Cantonese", "粵語"),
    lang("zh", "Chinese", "中文"),
    lang("prs", "Dari", "دری"),
    lang("din", "Dinka", "Thuɔŋjäŋ"),
    lang("nl", "Dutch", "Nederlands"),
    lang("fr", "French", "Français"),
    lang("ff", "Fula", "Fulfulde"),
    lang("de", "German", "Deutsch"),
    lang("el", "Greek", "Ελληνικά"),
    lang("gu", "Gujarati", "ગુજરાતી"),
    lang("ht", "Haitian Creole", "Kreyòl ayisyen"),
    lang("he", "Hebrew", "עברית"),
    lang("hi", "Hindi", "हिन्दी"),
    lang("hmn", "Hmong", "Hmoob"),
    lang("ig", "Igbo", "Asụsụ Igbo"),
    lang("it", "Italian", "Italiano"),
    lang("ja", "Japanese", "日本語"),
    lang("quc", "K'iche'", "K'iche'"),
    lang("ksw", "Karen (S'gaw)", "ကညီကျိာ်"),
    lang("rw", "Kinyarwanda", "Ikinyarwanda"),
    lang("rn", "Kirundi", "Ikirundi"),
    lang("ko", "Korean", "한국어"),
    lang("ku", "Kurdish", "Kurdî"),
    lang("ln", "Lingala", "Lingála"),
    lang("mam", "Mam", "Qyol Mam"),
    lang("ne", "Nepali", "नेपाली"),
    lang("om", "Oromo", "Afaan Oromoo"),
    lang("ps", "Pashto", "پښتو"),
    lang("fa", "Persian (Farsi)", "فارسی"),
    lang("pl", "Polish", "Polski"),
    lang("pt", "Portuguese", "Português"),
    lang("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    lang("kjb", "Q'anjob'al", "Q'anjob'al"),
    lang("ro", "Romanian", "Română"),
    lang("ru", "Russian", "Русский"),
    lang("so", "Somali", "Soomaali"),
    lang("sw", "Swahili", "Kiswahili"),
    lang("tl", "Tagalog", "Tagalog"),
    lang("ta", "Tamil", "தமிழ்"),
    lang("te", "Telugu", "తెలుగు"),
    lang("th", "Thai", "ไทย"),
    lang("ti", "Tigrinya", "ትግርኛ"),
    lang("tr", "Turkish", "Türkçe"),
    lang("uk", "Ukrainian", "Українська"),
    lang("ur", "Urdu", "اردو"),
    lang("uz", "Uzbek", "Oʻzbekcha"),
    lang("vi", "Vietnamese", "Tiếng Việt"),
    lang("wo", "Wolof", "Wolof"),
    lang("yo", "Yoruba", "Yorùbá"),
    lang("other", "Other", "Other"),
};

} // namespace

std::optional<Error> checkReceivedAt(TimePoint received, TimePoint now, std::chrono::minutes tolerance)
{
    if (received > now + tolerance)
        return Error{"received-in-future", "receivedAt", "more than the clock tolerance after now"};
    if (received < now - kMaxReceivedAge)
        return Error{"received-too-old", "receivedAt", "more than 7 days before now"};
    return std::nullopt;
}

std::optional<Error> checkCoordinates(double latitude, double longitude)
{
    if (!std::isfinite(latitude) || latitude < -90.0 || latitude > 90.0)
        return Error{"coordinates-outside-world", "latitude", "latitude must be a number in -90..90"};
    if (!std::isfinite(longitude) || longitude < -180.0 || longitude > 180.0)
        return Error{"coordinates-outside-world", "longitude", "longitude must be a number in -180..180"};
    return std::nullopt;
}

Result<std::string> normalisePhone(std::string_view text)
{
    text = trimmed(text);
    if (text.empty())
        return std::string();

    // An extension starts at the first letter ("x", "ext", ...); any other
    // letter is an error, which parseExtension reports.
    std::string extension;
    const auto firstLetter = std::find_if(text.begin(), text.end(), isAsciiLetter);
    if (firstLetter != text.end()) {
        const auto at = std::size_t(firstLetter - text.begin());
        auto parsed = parseExtension(text.substr(at));
        if (!parsed)
            return parsed.error();
        extension = std::move(parsed).value();
        text = trimmed(text.substr(0, at));
        if (!text.empty() && text.back() == ';') // "+19195551234;ext=12"
            text = trimmed(text.substr(0, text.size() - 1));
    }

    const auto digitsOrError = numberDigits(text);
    if (!digitsOrError)
        return digitsOrError.error();
    const std::string_view digits = digitsOrError.value();
    const bool plus = !text.empty() && text.front() == '+';

    if (!plus && std::find(kServiceCodes.begin(), kServiceCodes.end(), digits) != kServiceCodes.end()) {
        if (!extension.empty())
            return phoneError("a service code has no extension");
        return std::string(digits);
    }

    Result<std::string> number = std::string();
    if (plus)
        number = international(digits);
    else if (digits.starts_with("011"))
        number = international(digits.substr(3));
    else if (digits.starts_with("00"))
        number = international(digits.substr(2));
    else if (digits.size() == 11 && digits.front() == '1')
        number = northAmerican(digits.substr(1));
    else
        number = northAmerican(digits);
    if (!number || extension.empty())
        return number;
    return number.value() + ";ext=" + extension;
}

std::string formatPhone(std::string_view normalised)
{
    constexpr std::string_view kExt = ";ext=";
    const bool northAmerican =
        normalised.size() >= 12 && normalised.starts_with("+1") &&
        std::all_of(normalised.begin() + 2, normalised.begin() + 12, isDigit) &&
        (normalised.size() == 12 ||
         (normalised.substr(12, kExt.size()) == kExt && normalised.size() > 12 + kExt.size() &&
          std::all_of(normalised.begin() + 12 + std::ptrdiff_t(kExt.size()), normalised.end(), isDigit)));
    if (!northAmerican)
        return std::string(normalised);
    std::string text = "(";
    text += normalised.substr(2, 3);
    text += ") ";
    text += normalised.substr(5, 3);
    text += '-';
    text += normalised.substr(8, 4);
    if (normalised.size() > 12) {
        text += " x";
        text += normalised.substr(12 + kExt.size());
    }
    return text;
}

std::optional<Error> checkApproximateAge(int years)
{
    if (years < 0 || years > kMaxAge)
        return Error{"age-out-of-range", "age", "age must be 0..120 years"};
    return std::nullopt;
}

std::span<const Language> languages()
{
    return kLanguages;
}

const Language* findLanguage(std::string_view code)
{
    const auto it = std::find_if(kLanguages.begin(), kLanguages.end(),
                                 [&](const Language& language) { return language.code == code; });
    return it == kLanguages.end() ? nullptr : &*it;
}

std::string generatedCadNumber(std::chrono::year_month_day localDate, int sequence)
{
    char text[40];
    std::snprintf(text, sizeof text, "HD%04d%02u%02u-%04d", int(localDate.year()),
                  unsigned(localDate.month()), unsigned(localDate.day()), std::max(sequence, 0));
    return text;
}

std::optional<Error> checkCadNumber(std::string_view cadNumber)
{
    if (cadNumber.size() < kCadNumberMinLength)
        return Error{"cad-number-format", "cadNumber", "fewer than 3 characters"};
    if (cadNumber.size() > kCadNumberMaxLength)
        return Error{"cad-number-format", "cadNumber", "more than 32 characters"};
    const auto allowed = [](char c) {
        return isDigit(c) || isAsciiLetter(c) || c == '-' || c == '_';
    };
    if (!std::all_of(cadNumber.begin(), cadNumber.end(), allowed))
        return Error{"cad-number-format", "cadNumber", "only letters, digits, '-' and '_'"};
    return std::nullopt;
}

} // namespace heart::intake
