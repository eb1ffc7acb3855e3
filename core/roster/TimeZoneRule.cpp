// POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0") without a time zone database:
// GCC 12's <chrono> has the calendar types but no tzdb, and a program's
// zone is one configured string. Only the Mm.w.d transition form is
// accepted (every current North American and European rule uses it); the
// Julian forms Jn and n are rejected with the position of the offending
// character.
#include "core/roster/TimeZoneRule.h"

#include <array>
#include <cctype>
#include <optional>

namespace heart::roster {
namespace {

using namespace std::chrono;

Error parseError(const std::string& what, std::size_t position)
{
    return Error{"invalid-time-zone", "position " + std::to_string(position), what};
}

// A cursor over the POSIX TZ text. Every reader returns an error naming
// the position of the first character that does not fit.
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

    // std or dst: three or more letters, or <...> holding three or more
    // letters, digits, '+' or '-'.
    std::optional<Error> name(const char* which)
    {
        const std::string expected = std::string("expected the ") + which + " zone name";
        if (accept('<')) {
            const std::size_t start = m_pos;
            while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '+' || peek() == '-')
                ++m_pos;
            if (peek() != '>')
                return parseError(
                    expected + ": a quoted name ends with '>' and holds letters, digits, + or -", m_pos);
            if (m_pos - start < 3)
                return parseError(expected + " of three or more characters", m_pos);
            ++m_pos;
            return std::nullopt;
        }
        const std::size_t start = m_pos;
        while (std::isalpha(static_cast<unsigned char>(peek())))
            ++m_pos;
        if (m_pos - start < 3)
            return parseError(expected + " of three or more letters", m_pos);
        return std::nullopt;
    }

    // [+|-]hh[:mm[:ss]] as signed minutes; hours up to maxHours. Seconds
    // must be zero: offsets and change times are kept in whole minutes.
    std::optional<Error> clock(int* minutes, int maxHours, const char* what)
    {
        int sign = 1;
        if (accept('-'))
            sign = -1;
        else
            accept('+');
        const std::size_t hoursAt = m_pos;
        int hours = 0;
        if (!number(&hours, 3))
            return parseError(std::string("expected ") + what + " in hours", m_pos);
        if (hours > maxHours)
            return parseError(std::string(what) + ": at most " + std::to_string(maxHours) + " hours",
                              hoursAt);
        int mins = 0, secs = 0;
        if (accept(':')) {
            const std::size_t minutesAt = m_pos;
            if (!number(&mins, 2) || mins > 59)
                return parseError(std::string(what) + ": expected minutes 00-59", minutesAt);
            if (accept(':')) {
                const std::size_t secondsAt = m_pos;
                if (!number(&secs, 2) || secs > 59)
                    return parseError(std::string(what) + ": expected seconds 00-59", secondsAt);
                if (secs != 0)
                    return parseError(std::string(what) + ": only whole minutes are supported", secondsAt);
            }
        }
        *minutes = sign * (hours * 60 + mins);
        return std::nullopt;
    }

    // Up to maxDigits decimal digits.
    bool number(int* out, int maxDigits)
    {
        const std::size_t start = m_pos;
        int value = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) &&
               m_pos - start < static_cast<std::size_t>(maxDigits))
            value = value * 10 + (m_text[m_pos++] - '0');
        *out = value;
        return m_pos > start;
    }

private:
    const std::string& m_text;
    std::size_t m_pos = 0;
};

// The n-th (5 = last) weekday of a month, as a date.
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
    if (auto error = p.name("standard"))
        return *error;
    int west = 0;
    // POSIX: the offset is hours *west* of UTC, 0 to 24.
    if (auto error = p.clock(&west, 24, "the UTC offset"))
        return *error;
    rule.m_stdOffset = -west;
    if (p.atEnd())
        return rule;
    if (auto error = p.name("daylight-saving"))
        return *error;
    rule.m_hasDst = true;
    rule.m_dstOffset = rule.m_stdOffset + 60; // POSIX default: one hour ahead of standard time
    if (p.peek() != ',' && !p.atEnd()) {
        int dstWest = 0;
        if (auto error = p.clock(&dstWest, 24, "the daylight-saving UTC offset"))
            return *error;
        rule.m_dstOffset = -dstWest;
    }
    if (p.atEnd()) { // POSIX leaves the default rules to the implementation: the US rules, as glibc does.
        Result<TimeZoneRule> withRules = parse(posix + ",M3.2.0,M11.1.0");
        if (withRules.ok())
            withRules.value().m_text = posix;
        return withRules;
    }
    for (Transition* t : {&rule.m_dstStart, &rule.m_dstEnd}) {
        if (!p.accept(','))
            return parseError("expected ',' before a transition rule", p.pos());
        if (p.peek() != 'M')
            return parseError("only Mm.w.d transition rules are supported (not Jn or n)", p.pos());
        p.accept('M');
        std::size_t at = p.pos();
        if (!p.number(&t->month, 2) || t->month < 1 || t->month > 12)
            return parseError("expected a month 1-12", at);
        if (!p.accept('.'))
            return parseError("expected '.' after the month", p.pos());
        at = p.pos();
        if (!p.number(&t->week, 1) || t->week < 1 || t->week > 5)
            return parseError("expected a week 1-5", at);
        if (!p.accept('.'))
            return parseError("expected '.' after the week", p.pos());
        at = p.pos();
        if (!p.number(&t->weekday, 1) || t->weekday > 6)
            return parseError("expected a weekday 0-6 (0 = Sunday)", at);
        t->minuteOfDay = 120; // POSIX default: 02:00
        // POSIX.1-2017 (and RFC 8536) allow -167 to 167 hours here.
        if (p.accept('/')) {
            if (auto error = p.clock(&t->minuteOfDay, 167, "the time of the change"))
                return *error;
        }
    }
    if (!p.atEnd())
        return parseError("unexpected text after the rule", p.pos());
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
    // The state is set by the latest change at or before `utc`. Change
    // times may be negative or beyond 24 hours, so a change of one year can
    // fall in the next or the previous one: look at three years.
    const int year = int(year_month_day{floor<days>(utc + minutes{m_stdOffset})}.year());
    std::optional<TimePoint> latest;
    bool dst = false;
    for (int y = year - 1; y <= year + 1; ++y) {
        // The start is given in the local time before it (standard time),
        // the end in the local time before it (daylight time).
        const std::array<std::pair<TimePoint, bool>, 2> changes{{
            {nthWeekday(y, m_dstStart.month, m_dstStart.week, m_dstStart.weekday) +
                 minutes{m_dstStart.minuteOfDay} - minutes{m_stdOffset},
             true},
            {nthWeekday(y, m_dstEnd.month, m_dstEnd.week, m_dstEnd.weekday) + minutes{m_dstEnd.minuteOfDay} -
                 minutes{m_dstOffset},
             false},
        }};
        for (const auto& [at, startsDst] : changes) {
            if (at <= utc && (!latest || at > *latest)) {
                latest = at;
                dst = startsDst;
            }
        }
    }
    return dst;
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
    const TimePoint wall = sys_days{local.date} + minutes{local.minuteOfDay};
    const TimePoint asStd = wall - minutes{m_stdOffset};
    if (!m_hasDst)
        return asStd;
    const TimePoint asDst = wall - minutes{m_dstOffset};
    const bool stdFits = offsetMinutesAt(asStd) == m_stdOffset;
    const bool dstFits = offsetMinutesAt(asDst) == m_dstOffset;
    if (stdFits && dstFits) // the overlap: the earlier instant (daylight time where DST is ahead)
        return std::min(asStd, asDst);
    if (dstFits)
        return asDst;
    if (stdFits)
        return asStd;
    // The gap: read with the offset in force before the jump, the smaller
    // one, so 02:30 becomes 03:30 after a spring-forward at 02:00.
    return std::max(asStd, asDst);
}

} // namespace heart::roster
