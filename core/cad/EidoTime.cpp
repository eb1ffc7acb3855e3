#include "core/cad/EidoTime.h"

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace heart::cad {

namespace {

struct DateTimeParts
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::int64_t nanos = 0;
    int offsetMinutes = 0; // east of UTC
};

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out)
{
    if (at + count > text.size())
        return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

bool at(std::string_view text, std::size_t index, char c)
{
    return index < text.size() && text[index] == c;
}

std::optional<DateTimeParts> split(std::string_view text)
{
    DateTimeParts p;
    if (!digits(text, 0, 4, p.year) || !at(text, 4, '-') || !digits(text, 5, 2, p.month) ||
        !at(text, 7, '-') || !digits(text, 8, 2, p.day) || !(at(text, 10, 'T') || at(text, 10, 't')) ||
        !digits(text, 11, 2, p.hour) || !at(text, 13, ':') || !digits(text, 14, 2, p.minute) ||
        !at(text, 16, ':') || !digits(text, 17, 2, p.second))
        return std::nullopt;
    std::size_t i = 19;
    if (at(text, i, '.')) {
        ++i;
        const std::size_t start = i;
        std::int64_t scale = 100'000'000;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            p.nanos += (text[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == start)
            return std::nullopt;
    }
    if (at(text, i, 'Z') || at(text, i, 'z')) {
        ++i;
    } else if (at(text, i, '+') || at(text, i, '-')) {
        const int sign = text[i] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(text, i + 1, 2, oh) || !at(text, i + 3, ':') || !digits(text, i + 4, 2, om) || oh > 23 ||
            om > 59)
            return std::nullopt;
        p.offsetMinutes = sign * (oh * 60 + om);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    if (p.month < 1 || p.month > 12 || p.hour > 23 || p.minute > 59 || p.second > 60)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{p.year}, std::chrono::month{unsigned(p.month)},
                                           std::chrono::day{unsigned(p.day)}};
    if (!date.ok())
        return std::nullopt;
    return p;
}

} // namespace

bool isRfc3339DateTime(std::string_view text)
{
    return split(text).has_value();
}

std::optional<TimePoint> parseEidoTime(std::string_view text)
{
    const auto p = split(text);
    if (!p)
        return std::nullopt;
    using namespace std::chrono;
    const sys_days day{
        year_month_day{year{p->year}, month{unsigned(p->month)}, std::chrono::day{unsigned(p->day)}}};
    const sys_seconds local =
        day + hours{p->hour} + minutes{p->minute} + seconds{p->second == 60 ? 59 : p->second};
    const sys_seconds utc = local - minutes{p->offsetMinutes};
    const int utcYear = int(year_month_day{floor<days>(utc)}.year());
    if (utcYear < kEidoMinYear || utcYear > kEidoMaxYear)
        return std::nullopt;
    return time_point_cast<TimePoint::duration>(utc) +
           duration_cast<TimePoint::duration>(nanoseconds{p->nanos});
}

std::string formatEidoTime(TimePoint time)
{
    using namespace std::chrono;
    const auto ms = floor<milliseconds>(time);
    const auto day = floor<days>(ms);
    const year_month_day date{day};
    const hh_mm_ss<milliseconds> clock{ms - day};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()),
                  int(clock.subseconds().count()));
    return buffer;
}

} // namespace heart::cad
