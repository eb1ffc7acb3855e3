#include "core/roster/TimeZoneRule.h"

#include <cctype>

namespace heart::roster {
namespace {

using namespace std::chrono;

// A cursor over the POSIX TZ text; errors name the position.
class Parser
{
public:
    explicit Parser(const std::string& text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    std::size_t pos() const { return m_pos; }
    bool accept(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // std, dst: three or more letters, or <...> quoted.
    bool name()
    {
        if (accept('<')) {
            while (!atEnd() && peek() != '>')
                ++m_pos;
            return accept('>');
        }
        const std::size_t start = m_pos;
        while (std::isalpha(static_cast<unsigned char>(peek())))
            ++m_pos;
        return m_pos - start >= 3;
    }

    // [+|-]hh[:mm[:ss]] in minutes; POSIX offsets are hours *west* of UTC.
    bool clock(int* minutes, int maxHours)
    {
        int sign = 1;
        if (accept('-'))
            sign = -1;
        else
            accept('+');
        int hours = 0;
        if (!number(&hours) || hours > maxHours)
            return false;
        int mins = 0, secs = 0;
        if (accept(':')) {
            if (!number(&mins) || mins > 59)
                return false;
            if (accept(':') && (!number(&secs) || secs > 59))
                return false;
        }
        *minutes = sign * (hours * 60 + mins);
        return true;
    }

    bool number(int* out)
    {
        const std::size_t start = m_pos;
        int value = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) && m_pos - start < 4)
            value = value * 10 + (m_text[m_pos++] - '0');
        *out = value;
        return m_pos > start;
    }

private:
    const std::string& m_text;
    std::size_t m_pos = 0;
};

Error parseError(const std::string& what, std::size_t position)
{
    return Error{"invalid-time-zone", "position " + std::to_string(position), what};
}

// The n-th (5 = last) weekday of a month, as a local date.
sys_days nthWeekday(int year, int month, int week, int weekdayNumber)
{
    const year_month ym{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}};
    const weekday wd{static_cast<unsigned>(weekdayNumber)};
    if (week == 5)
        return sys_days{ym / wd[last]};
    return sys_days{ym / wd[static_cast<unsigned>(week)]};
}

} // namespace

Result<TimeZoneRule> TimeZoneRule::parse(const std::string& posix)
{
    TimeZoneRule rule;
    rule.m_text = posix;
    Parser p(posix);
    if (!p.name())
        return parseError("expected a zone name of three or more letters", p.pos());
    int west = 0;
    if (!p.clock(&west, 24))
        return parseError("expected the UTC offset in hours", p.pos());
    rule.m_stdOffset = -west;
    if (p.atEnd())
        return rule;
    if (!p.name())
        return parseError("expected the daylight-saving zone name", p.pos());
    rule.m_hasDst = true;
    rule.m_dstOffset = rule.m_stdOffset + 60;
    if (p.peek() != ',' && !p.atEnd()) {
        int dstWest = 0;
        if (!p.clock(&dstWest, 24))
            return parseError("expected the daylight-saving UTC offset", p.pos());
        rule.m_dstOffset = -dstWest;
    }
    if (p.atEnd()) // POSIX leaves the default rules to the implementation: use the US rules.
        return parse(posix + ",M3.2.0,M11.1.0");
    for (Transition* t : {&rule.m_dstStart, &rule.m_dstEnd}) {
        if (!p.accept(','))
            return parseError("expected ',' before a transition rule", p.pos());
        if (!p.accept('M'))
            return parseError("only Mm.w.d transition rules are supported", p.pos());
        std::size_t at = p.pos();
        if (!p.number(&t->month) || t->month < 1 || t->month > 12)
            return parseError("expected a month 1-12", at);
        at = p.pos() + 1;
        if (!p.accept('.') || !p.number(&t->week) || t->week < 1 || t->week > 5)
            return parseError("expected a week 1-5", at);
        at = p.pos() + 1;
        if (!p.accept('.') || !p.number(&t->weekday) || t->weekday > 6)
            return parseError("expected a weekday 0-6", at);
        t->minuteOfDay = 120;
        if (p.accept('/') && !p.clock(&t->minuteOfDay, 167))
            return parseError("expected the time of the change", p.pos());
    }
    if (!p.atEnd())
        return parseError("unexpected text", p.pos());
    return rule;
}

TimeZoneRule TimeZoneRule::newYork()
{
    return parse("EST5EDT,M3.2.0,M11.1.0").value();
}

bool TimeZoneRule::isDst(TimePoint utc) const
{
    if (!m_hasDst)
        return false;
    const auto localStd = floor<days>(utc + minutes{m_stdOffset});
    const int year = int(year_month_day{localStd}.year());
    // The start is given in standard time, the end in daylight time.
    const TimePoint start = nthWeekday(year, m_dstStart.month, m_dstStart.week, m_dstStart.weekday) +
                            minutes{m_dstStart.minuteOfDay} - minutes{m_stdOffset};
    const TimePoint end = nthWeekday(year, m_dstEnd.month, m_dstEnd.week, m_dstEnd.weekday) +
                          minutes{m_dstEnd.minuteOfDay} - minutes{m_dstOffset};
    if (start < end)
        return utc >= start && utc < end;
    return utc >= start || utc < end; // southern hemisphere: DST spans the new year
}

int TimeZoneRule::offsetMinutesAt(TimePoint utc) const
{
    return isDst(utc) ? m_dstOffset : m_stdOffset;
}

LocalDateTime TimeZoneRule::toLocal(TimePoint utc) const
{
    const auto local = floor<minutes>(utc) + minutes{offsetMinutesAt(utc)};
    const auto day = floor<days>(local);
    return {year_month_day{day}, static_cast<int>((local - day).count())};
}

TimePoint TimeZoneRule::toUtc(const LocalDateTime& local) const
{
    const auto wall = sys_days{local.date} + minutes{local.minuteOfDay};
    const TimePoint asDst = wall - minutes{m_dstOffset};
    const TimePoint asStd = wall - minutes{m_stdOffset};
    const bool dstFits = m_hasDst && isDst(asDst);
    const bool stdFits = !isDst(asStd);
    if (dstFits) // the only reading, or in the overlap the earlier (daylight) one
        return asDst;
    if (stdFits)
        return asStd;
    // In the gap: read with the offset in force before the jump.
    return m_hasDst && m_dstOffset > m_stdOffset ? asStd : asDst;
}

} // namespace heart::roster
