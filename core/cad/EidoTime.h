#pragma once
// Times in an EIDO are RFC 3339 date-times ("2021-04-30T14:43:49.439-04:00").
// HEART Desk keeps UTC time points: the offset is applied, fractions are kept
// to the nanosecond, a leap second (":60") counts as ":59".
#include "core/Clock.h"

#include <optional>
#include <string>
#include <string_view>

namespace heart::cad {

// The years HEART Desk accepts a CAD time in: outside them a time is a typo
// or an attack (a TimePoint only spans about 1678..2262).
inline constexpr int kEidoMinYear = 1900;
inline constexpr int kEidoMaxYear = 2200;

// RFC 3339 section 5.6 date-time: YYYY-MM-DD "T" HH:MM:SS[.fraction] ("Z" | +HH:MM | -HH:MM),
// "t" and "z" in lower case too; real calendar days (leap years), hours 0..23,
// minutes 0..59, seconds 0..60. Any year 0000..9999.
bool isRfc3339DateTime(std::string_view text);

// The UTC time point of an RFC 3339 date-time in kEidoMinYear..kEidoMaxYear
// (the year of the UTC time); nullopt for anything else.
std::optional<TimePoint> parseEidoTime(std::string_view text);

// "2026-12-04T08:50:55.123Z": UTC, milliseconds, what the writer sends.
std::string formatEidoTime(TimePoint time);

} // namespace heart::cad
