#pragma once
// The checks the intake form shows inline at the field while the call taker
// types: times, coordinates, the call-back number, age, language and the CAD
// incident number. Each returns an error code and the field at fault (the UI
// words them in the user's language) or the normalised value to store.
#include "core/Clock.h"
#include "core/Result.h"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace heart::intake {

// When the 911 system received the call. Error code "received-in-future"
// (field "receivedAt") when `received` is more than `tolerance` after `now`
// (the clocks of CAD and the workstation drift apart a little),
// "received-too-old" when more than 7 days before `now`. Both limits are
// inclusive: exactly `tolerance` ahead or exactly 7 days ago is accepted.
inline constexpr std::chrono::days kMaxReceivedAge{7};
std::optional<Error> checkReceivedAt(TimePoint received, TimePoint now,
                                     std::chrono::minutes tolerance = std::chrono::minutes{2});

// WGS 84 degrees. "coordinates-outside-world" with field "latitude" when the
// latitude is beyond +-90 or not a finite number, else field "longitude" when
// the longitude is beyond +-180 or not finite. The limits themselves are valid.
std::optional<Error> checkCoordinates(double latitude, double longitude);

// A number someone can dial back, normalised for storage (RFC 3966 style):
//  - North American 10-digit numbers: area code and exchange not starting
//    with 0 or 1 and not a service code (N11); an optional leading "1" or "+1";
//    blanks, dots, dashes and parentheses between the digits:
//    "(919) 555-1234" -> "+19195551234";
//  - an extension after the number, "x12", "ext 12", "ext. 12",
//    "extension 12" or the stored form's ";ext=12" (1..6 digits):
//    "919-555-1234 x12" -> "+19195551234;ext=12" (normalising is idempotent);
//  - the service codes 211, 311, 411, 511, 711, 811, 911 and 988, alone:
//    "988" -> "988";
//  - international numbers, "+" (or "00", or "011" as dialled from the US)
//    followed by 8..15 digits (E.164), the country code not starting with 0:
//    "+44 20 7123 4567" -> "+442071234567"; a trunk prefix written "(0)"
//    after the country code is dropped: "+44 (0)20 7123 4567" is the same.
//    Country code 1 is North American and checked as above. An extension is
//    allowed here as well.
// Errors: code "phone-not-dialable", field "phone", and a detail that says why
// ("too few digits", "too many digits", "letters",
// "area code cannot start with 0 or 1", ...). Empty or blank text is not an
// error: the result is an empty string (the caller may not know the number).
Result<std::string> normalisePhone(std::string_view text);

// For display: "+19195551234" -> "(919) 555-1234" and
// "+19195551234;ext=12" -> "(919) 555-1234 x12"; anything else unchanged.
std::string formatPhone(std::string_view normalised);

// "age-out-of-range" (field "age") outside 0..120 years.
inline constexpr int kMaxAge = 120;
std::optional<Error> checkApproximateAge(int years);

// Languages people call in, by ISO 639 code (639-1 where one exists, else
// 639-3): Durham's common languages, American Sign Language "ase" and
// "other". The native name (endonym) is UTF-8, for the interpreter request.
struct Language
{
    std::string_view code;
    std::string_view englishName;
    std::string_view nativeName;
};
// "en" and "es" first, then sorted by English name (byte order), "other" last.
std::span<const Language> languages();
const Language* findLanguage(std::string_view code); // nullptr when unknown; codes are lower case

// A CAD incident number HEART Desk makes up when the 911 system gave none:
// "HD" + the local date + "-" + the sequence in at least 4 digits, e.g.
// "HD20261123-0042" (a negative sequence counts as 0).
std::string generatedCadNumber(std::chrono::year_month_day localDate, int sequence);
// A typed CAD number: 3..32 characters, ASCII letters, digits, '-' and '_'
// (code "cad-number-format", field "cadNumber").
inline constexpr std::size_t kCadNumberMinLength = 3;
inline constexpr std::size_t kCadNumberMaxLength = 32;
std::optional<Error> checkCadNumber(std::string_view cadNumber);

} // namespace heart::intake
