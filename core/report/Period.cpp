#include "core/report/Period.h"

#include <charconv>
#include <cstdio>
#include <optional>

namespace heart::report {

using namespace std::chrono;

namespace {

Error invalid(std::string field, std::string detail)
{
    return Error{"invalid-period", std::move(field), std::move(detail)};
}

std::string dateText(year_month_day date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()));
    return text;
}

bool readInt(std::string_view text, int& value)
{
    if (text.empty() || text.size() > 4)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    std::from_chars(text.data(), text.data() + text.size(), value);
    return true;
}

std::optional<year_month_day> readDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!readInt(text.substr(0, 4), y) || !readInt(text.substr(5, 2), m) || !readInt(text.substr(8, 2), d))
        return std::nullopt;
    const year_month_day date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

} // namespace

Period monthPeriod(year_month month)
{
    return {PeriodKind::Month, year_month_day{month / 1}, year_month_day{month / last}};
}

Period quarterPeriod(year y, int quarter)
{
    const unsigned firstMonth = unsigned((quarter - 1) * 3 + 1);
    return {PeriodKind::Quarter, year_month_day{y / month{firstMonth} / 1},
            year_month_day{y / month{firstMonth + 2} / last}};
}

Period yearPeriod(year y)
{
    return {PeriodKind::Year, year_month_day{y / January / 1}, year_month_day{y / December / 31}};
}

Result<Period> customPeriod(year_month_day first, year_month_day last)
{
    if (!first.ok() || !last.ok())
        return invalid("custom", "not a date");
    if (sys_days{last} < sys_days{first})
        return invalid("custom", "ends before it starts");
    return Period{PeriodKind::Custom, first, last};
}

int dayCount(const Period& period)
{
    return int((sys_days{period.last} - sys_days{period.first}).count()) + 1;
}

Period previousPeriod(const Period& period)
{
    switch (period.kind) {
    case PeriodKind::Month:
        return monthPeriod(period.first.year() / period.first.month() - months{1});
    case PeriodKind::Quarter: {
        const int quarter = int((unsigned(period.first.month()) - 1) / 3) + 1;
        return quarter == 1 ? quarterPeriod(period.first.year() - years{1}, 4)
                            : quarterPeriod(period.first.year(), quarter - 1);
    }
    case PeriodKind::Year:
        return yearPeriod(period.first.year() - years{1});
    case PeriodKind::Custom:
        break;
    }
    const sys_days end = sys_days{period.first} - days{1};
    return {PeriodKind::Custom, year_month_day{end - days{dayCount(period) - 1}}, year_month_day{end}};
}

std::string periodLabel(const Period& period)
{
    char text[32];
    switch (period.kind) {
    case PeriodKind::Month:
        std::snprintf(text, sizeof text, "%04d-%02u", int(period.first.year()),
                      unsigned(period.first.month()));
        return text;
    case PeriodKind::Quarter:
        std::snprintf(text, sizeof text, "%04d-Q%u", int(period.first.year()),
                      (unsigned(period.first.month()) - 1) / 3 + 1);
        return text;
    case PeriodKind::Year:
        std::snprintf(text, sizeof text, "%04d", int(period.first.year()));
        return text;
    case PeriodKind::Custom:
        break;
    }
    return dateText(period.first) + ".." + dateText(period.last);
}

Result<Period> parsePeriod(std::string_view text)
{
    int y = 0, n = 0;
    if (const auto dots = text.find(".."); dots != std::string_view::npos) {
        const auto first = readDate(text.substr(0, dots));
        const auto last = readDate(text.substr(dots + 2));
        if (!first || !last)
            return invalid("period", "expected YYYY-MM-DD..YYYY-MM-DD");
        return customPeriod(*first, *last);
    }
    if (text.size() == 4 && readInt(text, y))
        return yearPeriod(year{y});
    if (text.size() == 7 && text[4] == '-' && readInt(text.substr(0, 4), y)) {
        if ((text[5] == 'Q' || text[5] == 'q') && readInt(text.substr(6, 1), n) && n >= 1 && n <= 4)
            return quarterPeriod(year{y}, n);
        if (readInt(text.substr(5, 2), n) && n >= 1 && n <= 12)
            return monthPeriod(year{y} / month{unsigned(n)});
    }
    return invalid("period", "expected YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD");
}

UtcRange utcRange(const Period& period, const roster::TimeZoneRule& zone)
{
    const roster::LocalDateTime start{period.first, 0};
    const roster::LocalDateTime end{year_month_day{sys_days{period.last} + days{1}}, 0};
    return {zone.toUtc(start), zone.toUtc(end)};
}

} // namespace heart::report
