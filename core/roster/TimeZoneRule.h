#pragma once
// A time zone as a POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0" for
// America/New_York since 2007): enough to turn program-local wall times into
// UTC and back, across DST, without a time zone database (the standard
// library here has no chrono tzdb). Local times in the spring-forward gap
// and the fall-back overlap are resolved explicitly.
#include "core/Clock.h"
#include "core/Result.h"

#include <chrono>
#include <string>

namespace heart::roster {

struct LocalDateTime
{
    std::chrono::year_month_day date;
    int minuteOfDay = 0; // 0..1439
};

class TimeZoneRule
{
public:
    // Parses a POSIX TZ string; errors (code "invalid-time-zone", field
    // "position N", 0-based) name the position that is wrong. Transition
    // dates must be Mm.w.d; the Jn and n forms are rejected.
    static Result<TimeZoneRule> parse(const std::string& posix);
    static TimeZoneRule newYork(); // "EST5EDT,M3.2.0,M11.1.0"

    // UTC offset in minutes (e.g. -300 for EST) at a UTC instant.
    int offsetMinutesAt(TimePoint utc) const;
    LocalDateTime toLocal(TimePoint utc) const;
    // Gap (spring forward): the instant as if the clock had not yet jumped
    // (02:30 -> 03:30 EDT); overlap (fall back): the earlier, DST instant
    // (the earlier one also where "DST" is behind standard time).
    TimePoint toUtc(const LocalDateTime& local) const;
    bool isDst(TimePoint utc) const;
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    int m_stdOffset = 0; // minutes east of UTC
    int m_dstOffset = 0;
    bool m_hasDst = false;
    struct Transition
    {
        int month = 3, week = 2, weekday = 0; // Mm.w.d: week 5 = last; weekday 0 = Sunday
        int minuteOfDay = 120;                // local time of the change, in the time before it
    } m_dstStart, m_dstEnd;
};

} // namespace heart::roster
