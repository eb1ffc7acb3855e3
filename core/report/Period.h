#pragma once
// A reporting period in the program's local time: a month, a quarter, a year
// or custom dates, each with the period before it (the comparison beside it).
// The period runs from local midnight of its first day to local midnight
// after its last day, turned into UTC through the program's time zone rule,
// so a month that holds a DST change is 743 or 745 hours long.
#include "core/Clock.h"
#include "core/Result.h"
#include "core/roster/TimeZoneRule.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace heart::report {

enum class PeriodKind : std::uint8_t
{
    Month,
    Quarter,
    Year,
    Custom,
};

struct Period
{
    PeriodKind kind = PeriodKind::Month;
    std::chrono::year_month_day first{}; // local date, inclusive
    std::chrono::year_month_day last{};  // local date, inclusive
    friend bool operator==(const Period&, const Period&) = default;
};

Period monthPeriod(std::chrono::year_month month);
Period quarterPeriod(std::chrono::year year, int quarter); // quarter 1..4
Period yearPeriod(std::chrono::year year);
// Error "invalid-period" (field "custom") when last is before first or a date is not valid.
Result<Period> customPeriod(std::chrono::year_month_day first, std::chrono::year_month_day last);

// The period before: the month, quarter or year before; for custom dates the
// same number of days ending the day before `first`.
Period previousPeriod(const Period& period);
int dayCount(const Period& period);

// "2026-10", "2026-Q4", "2026", "2026-10-01..2026-10-15".
std::string periodLabel(const Period& period);
// Reads what periodLabel() writes. Error "invalid-period" (field "period").
Result<Period> parsePeriod(std::string_view text);

// [from, to) in UTC.
struct UtcRange
{
    TimePoint from{};
    TimePoint to{};
    bool contains(TimePoint t) const { return t >= from && t < to; }
};
UtcRange utcRange(const Period& period, const roster::TimeZoneRule& zone);

} // namespace heart::report
