// Rows for one class of interchangeable people (see RotationPatterns.h).
//
// Every person follows the same cycle from their own starting week (their
// offset). Relative to it, weeks 0, N, 2N.. (N = weekendOneIn) are worked
// weekends, N weeks apart; the break is kept free across the end of the
// last week and the start of week 0 (Durham: Friday to Wednesday, 6 days:
// Monday-Wednesday shifts and Thursday admin before it, Thursday-or-Friday
// plus the weekend after it). Everything else is chosen per calendar week:
// weekend days by the offsets, weekday shifts by water filling (the least
// covered allowed open weekday first, the least free people first), the
// administrative block on the best covered free weekday, then a repair
// that moves single shifts inside a person's week from a day with more
// than K people to one with fewer. Offsets are chosen greedily so the
// weekends are balanced first and the break weeks spread second. Nothing
// depends on who the people are, only on how many.
//
// Limits: in a worked-weekend week a person works every open weekend day
// the weekly shifts allow, which wastes people where weekdays are scarce
// (e.g. 3 shifts a week with every weekend worked); a break sits at the
// same weekdays for everyone, so a one-week cycle with a long break cannot
// cover the days everyone keeps free.
#include "core/roster/RotationPatterns.h"

#include <algorithm>
#include <tuple>

namespace heart::roster::detail {
namespace {

enum Slot : char
{
    Off = 0,
    Work = 1,
    Admin = 2
};
using WeekPlan = std::array<char, 7>;
using DayMask = std::array<bool, 7>;

struct Shape
{
    int weeks = 6;
    int shifts = 3;
    int adminMinutes = 0;
    bool admin = false;
    int window = 3;        // weekendOneIn
    int weekendWeeks = 0;  // worked weekends per cycle
    int weekendShifts = 0; // shifts on weekend days in a worked-weekend week
    int teams = 1;
    std::array<bool, 7> open{};
    std::vector<int> openWeekdays; // 0..4
    std::vector<int> weekendDays;  // open ones of 5, 6
    DayMask breakBefore{};         // days kept free at the end of offset week weeks-1
    DayMask breakAfter{}; // days kept free at the start of offset week 0 (with weeks == 1, both ends)

    bool isWeekendWeek(int rel) const
    {
        return weekendWeeks > 0 && rel % window == 0 && rel / window < weekendWeeks;
    }
    const DayMask* forbidden(int rel) const
    {
        if (rel == 0)
            return &breakAfter;
        return rel == weeks - 1 ? &breakBefore : nullptr;
    }
};

// How many open weekdays a week leaves for its weekday shifts beyond those
// it needs (its freedom), or -1 when its duties do not fit around the days
// kept free.
int weekSlack(const Shape& s, const DayMask& kept, bool weekendWeek)
{
    int weekendAllowed = 0, weekdayAllowed = 0, free = 0;
    for (int d = 0; d < 7; ++d) {
        if (kept[static_cast<std::size_t>(d)])
            continue;
        ++free;
        if (s.open[static_cast<std::size_t>(d)])
            ++(d < 5 ? weekdayAllowed : weekendAllowed);
    }
    const int weekendNeeded = weekendWeek ? s.weekendShifts : 0;
    if (weekendAllowed < weekendNeeded || weekdayAllowed < s.shifts - weekendNeeded ||
        free < s.shifts + (s.admin ? 1 : 0))
        return -1;
    return weekdayAllowed - (s.shifts - weekendNeeded);
}

DayMask firstDays(int count)
{
    DayMask mask{};
    for (int d = 0; d < std::min(count, 7); ++d)
        mask[static_cast<std::size_t>(d)] = true;
    return mask;
}

DayMask lastDays(int count)
{
    DayMask mask{};
    for (int d = std::max(0, 7 - count); d < 7; ++d)
        mask[static_cast<std::size_t>(d)] = true;
    return mask;
}

// How many open days some week of the cycle can put a shift on: with one
// or two weeks, days kept free for the break may leave a day nobody works.
int usableOpenDays(const Shape& s)
{
    DayMask usable{};
    for (int rel = 0; rel < s.weeks; ++rel) {
        const DayMask* kept = s.forbidden(rel);
        const bool weekend = s.isWeekendWeek(rel);
        const bool weekdayShifts = s.shifts - (weekend ? s.weekendShifts : 0) > 0;
        for (int d = 0; d < 7; ++d) {
            if (kept && (*kept)[static_cast<std::size_t>(d)])
                continue;
            if (d < 5 ? weekdayShifts : weekend)
                usable[static_cast<std::size_t>(d)] = true;
        }
    }
    int count = 0;
    for (int d = 0; d < 7; ++d)
        count += usable[static_cast<std::size_t>(d)] && s.open[static_cast<std::size_t>(d)] ? 1 : 0;
    return count;
}

// The break: `lead` free days at the start of offset week 0 and `trail` at
// the end of the week before it (cyclically: the last week of the cycle),
// split so that every open day stays workable in some week and then so both
// weeks keep as much freedom as possible.
bool chooseBreak(Shape& s, int minBreakDays)
{
    if (s.shifts + (s.admin ? 1 : 0) == 0 || minBreakDays <= 0)
        return true;
    std::pair<int, int> best{-1, -1}; // usable open days, freedom
    DayMask bestAfter{}, bestBefore{};
    for (int trail = 0; trail <= std::min(7, minBreakDays); ++trail) {
        const int lead = minBreakDays - trail;
        if (lead > 7 || (s.weeks == 1 && lead + trail > 7))
            continue;
        DayMask after = firstDays(lead), before = lastDays(trail);
        int freedom = 0;
        if (s.weeks == 1) {
            for (int d = 0; d < 7; ++d)
                after[static_cast<std::size_t>(d)] =
                    after[static_cast<std::size_t>(d)] || before[static_cast<std::size_t>(d)];
            before = DayMask{};
            freedom = weekSlack(s, after, s.isWeekendWeek(0));
        } else {
            freedom = std::min(weekSlack(s, after, s.isWeekendWeek(0)),
                               weekSlack(s, before, s.isWeekendWeek(s.weeks - 1)));
        }
        if (freedom < 0)
            continue;
        s.breakAfter = after;
        s.breakBefore = before;
        const std::pair<int, int> score{usableOpenDays(s), freedom};
        if (score > best) {
            best = score;
            bestAfter = after;
            bestBefore = before;
        }
    }
    s.breakAfter = bestAfter;
    s.breakBefore = bestBefore;
    return best.second >= 0;
}

struct ShapeOrReason
{
    Shape shape;
    std::optional<std::string> reason;
};

ShapeOrReason makeShape(const RotationRules& rules)
{
    ShapeOrReason out;
    Shape& s = out.shape;
    auto fail = [&out](std::string why) {
        out.reason = std::move(why);
        return out;
    };
    s.weeks = rules.weeks;
    s.shifts = rules.shiftsPerWeek;
    s.adminMinutes = rules.adminMinutesPerWeek;
    s.admin = rules.adminMinutesPerWeek > 0;
    s.window = std::max(1, rules.weekendOneIn);
    s.teams = std::max(0, rules.teamsPerShift);
    s.open = rules.programDays;
    if (s.weeks < 1)
        return fail("the cycle has no weeks");
    if (s.shifts < 0 || s.adminMinutes < 0)
        return fail("negative shifts or administrative minutes");
    for (int d = 0; d < 7; ++d) {
        if (s.open[static_cast<std::size_t>(d)])
            (d < 5 ? s.openWeekdays : s.weekendDays).push_back(d);
    }
    const bool anyOpen = !s.openWeekdays.empty() || !s.weekendDays.empty();
    s.weekendWeeks = s.weekendDays.empty() ? 0 : s.weeks / s.window;
    // In a worked-weekend week a person works every open weekend day the
    // weekly shifts allow (Durham: Saturday and Sunday, plus one weekday).
    s.weekendShifts = std::min(s.shifts, static_cast<int>(s.weekendDays.size()));
    if (s.shifts + (s.admin ? 1 : 0) > 7)
        return fail("the shifts and the administrative block do not fit in a week");
    if (s.shifts == 0 && s.teams > 0 && anyOpen)
        return fail("no shifts a week, but teams are required");
    if (!s.weekendDays.empty() && s.weekendWeeks == 0 && s.teams > 0)
        return fail("the program is open on weekends, but the cycle is shorter than the weekend interval");
    if (s.weekendWeeks > 0 && s.weekendShifts == 0)
        return fail("a worked weekend needs a shift on a weekend day");
    if (s.weekendWeeks > 0 && s.shifts - s.weekendShifts > static_cast<int>(s.openWeekdays.size()))
        return fail("too few open weekdays for the shifts of a weekend week");
    if (s.weekendWeeks < s.weeks && s.shifts > static_cast<int>(s.openWeekdays.size()))
        return fail("too few open weekdays for the shifts of a week");
    if (s.weekendWeeks == s.weeks && s.shifts == s.weekendShifts && !s.openWeekdays.empty() && s.teams > 0)
        return fail("every week is a worked weekend with no weekday shift: the weekdays cannot be covered");
    if (!chooseBreak(s, rules.minBreakDays))
        return fail("a break of " + std::to_string(rules.minBreakDays) +
                    " days does not fit around the weekly duties");
    return out;
}

struct Fill
{
    int n = 0;
    std::vector<char> slots; // [person][day of the cycle]
    std::array<bool, 7> shortWeekdays{};
};

std::vector<int> chooseOffsets(int n, const Shape& s)
{
    std::vector<int> offsets(static_cast<std::size_t>(n));
    std::vector<int> weekendCover(static_cast<std::size_t>(s.weeks), 0);
    std::vector<int> perOffset(static_cast<std::size_t>(s.weeks), 0);
    for (int i = 0; i < n; ++i) {
        std::tuple<int, int, int, int> best{0, 0, 0, -1};
        for (int o = 0; o < s.weeks; ++o) {
            int worst = 0, sum = 0;
            for (int j = 0; j < s.weekendWeeks; ++j) {
                const int c = weekendCover[static_cast<std::size_t>((o + j * s.window) % s.weeks)];
                worst = std::max(worst, c);
                sum += c;
            }
            const std::tuple<int, int, int, int> key{worst, sum, perOffset[static_cast<std::size_t>(o)], o};
            if (std::get<3>(best) < 0 || key < best)
                best = key;
        }
        const int o = std::get<3>(best);
        offsets[static_cast<std::size_t>(i)] = o;
        ++perOffset[static_cast<std::size_t>(o)];
        for (int j = 0; j < s.weekendWeeks; ++j)
            ++weekendCover[static_cast<std::size_t>((o + j * s.window) % s.weeks)];
    }
    return offsets;
}

// One calendar week of the class: weekend days as the offsets decide,
// weekday shifts by water filling (the least covered allowed open weekday
// first, the most constrained people first), then repaired.
void fillWeek(const Shape& s, const std::vector<int>& offsets, int week, Fill& fill)
{
    const int n = fill.n;
    std::array<int, 7> cover{};
    std::vector<WeekPlan> plan(static_cast<std::size_t>(n), WeekPlan{});
    std::vector<DayMask> kept(static_cast<std::size_t>(n), DayMask{});
    struct Todo
    {
        int person = 0, weekdayShifts = 0, choices = 0;
    };
    std::vector<Todo> todo;
    auto at = [](auto& array, int i) -> auto&
    {
        return array[static_cast<std::size_t>(i)];
    };
    // Ties rotate with the person, spreading people over the week.
    auto leastCovered = [&](const std::vector<int>& days, int person, const DayMask& skip) {
        std::vector<int> order;
        const int count = static_cast<int>(days.size());
        for (int k = 0; k < count; ++k) {
            const int d = days[static_cast<std::size_t>((k + person) % count)];
            if (!at(skip, d))
                order.push_back(d);
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return at(cover, a) < at(cover, b); });
        return order;
    };
    for (int i = 0; i < n; ++i) {
        const int rel = ((week - at(offsets, i)) % s.weeks + s.weeks) % s.weeks;
        if (const DayMask* forbidden = s.forbidden(rel))
            at(kept, i) = *forbidden;
        int weekdayShifts = s.shifts;
        if (s.isWeekendWeek(rel)) {
            const std::vector<int> days = leastCovered(s.weekendDays, i, at(kept, i));
            for (int k = 0; k < s.weekendShifts; ++k) {
                at(at(plan, i), days[static_cast<std::size_t>(k)]) = Work;
                ++at(cover, days[static_cast<std::size_t>(k)]);
            }
            weekdayShifts -= s.weekendShifts;
        }
        int choices = 0;
        for (int d : s.openWeekdays)
            choices += at(at(kept, i), d) ? 0 : 1;
        todo.push_back({i, weekdayShifts, choices});
    }
    // Those with least freedom choose first (the break weeks: none at all).
    std::stable_sort(todo.begin(), todo.end(), [](const Todo& a, const Todo& b) {
        const int slackA = a.choices - a.weekdayShifts, slackB = b.choices - b.weekdayShifts;
        return slackA != slackB ? slackA < slackB : a.weekdayShifts > b.weekdayShifts;
    });
    for (const Todo& t : todo) {
        WeekPlan& p = at(plan, t.person);
        const std::vector<int> days = leastCovered(s.openWeekdays, t.person, at(kept, t.person));
        for (int k = 0; k < t.weekdayShifts; ++k) {
            at(p, days[static_cast<std::size_t>(k)]) = Work;
            ++at(cover, days[static_cast<std::size_t>(k)]);
        }
        if (!s.admin)
            continue;
        // On the free weekday where the person is needed least (the best
        // covered), keeping thin days free for the repair below.
        int best = -1;
        for (int d = 0; d < 7; ++d) {
            if (at(p, d) != Off || at(at(kept, t.person), d))
                continue;
            const bool better = best < 0 || (d < 5 && best >= 5) ||
                                ((d < 5) == (best < 5) && at(cover, d) >= at(cover, best));
            if (better)
                best = d;
        }
        at(p, best) = Admin; // there is a free day: checked by weekSlack
    }
    // Repair: move one shift from a day with more than K people to one with
    // fewer, inside a person's week and between days of the same kind
    // (weekday to weekday, weekend day to weekend day), never onto a day
    // kept free: counts, weekends and the break stay as they were. Each
    // move lowers the total deficit, so this ends.
    for (bool moved = true; moved;) {
        moved = false;
        for (int d = 0; d < 7; ++d) {
            if (!at(s.open, d) || at(cover, d) >= s.teams)
                continue;
            const std::vector<int>& sameKind = d < 5 ? s.openWeekdays : s.weekendDays;
            int donor = -1, from = -1;
            for (int i = 0; i < n && donor < 0; ++i) {
                const WeekPlan& p = at(plan, i);
                if (at(at(kept, i), d) || at(p, d) == Work)
                    continue;
                for (int e : sameKind) {
                    if (at(p, e) == Work && at(cover, e) > s.teams &&
                        (from < 0 || at(cover, e) > at(cover, from))) {
                        donor = i;
                        from = e;
                    }
                }
            }
            if (donor < 0)
                continue;
            WeekPlan& p = at(plan, donor);
            at(p, from) = at(p, d); // Off, or the administrative block
            at(p, d) = Work;
            --at(cover, from);
            ++at(cover, d);
            moved = true;
        }
    }
    for (int d = 0; d < 7; ++d) {
        if (at(s.open, d) && at(cover, d) < s.teams)
            at(fill.shortWeekdays, d) = true;
    }
    const std::size_t days = static_cast<std::size_t>(s.weeks * 7);
    for (int i = 0; i < n; ++i) {
        std::copy(at(plan, i).begin(), at(plan, i).end(),
                  fill.slots.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * days +
                                                                   static_cast<std::size_t>(week * 7)));
    }
}

Fill fillClass(int n, const Shape& s)
{
    Fill fill;
    fill.n = n;
    fill.slots.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(s.weeks * 7), Off);
    const std::vector<int> offsets = chooseOffsets(n, s);
    for (int week = 0; week < s.weeks; ++week)
        fillWeek(s, offsets, week, fill);
    return fill;
}

bool noShortDay(const std::array<bool, 7>& shortWeekdays)
{
    return std::none_of(shortWeekdays.begin(), shortWeekdays.end(), [](bool b) { return b; });
}

int ceilDiv(int a, int b)
{
    return b > 0 ? (a + b - 1) / b : 0;
}

} // namespace

bool ClassRows::covered() const
{
    return noShortDay(shortWeekdays);
}

std::optional<std::string> unsupportedRules(const RotationRules& rules)
{
    return makeShape(rules).reason;
}

ClassRows buildClassRows(int n, const std::string& code, const RotationRules& rules)
{
    const ShapeOrReason shape = makeShape(rules);
    ClassRows out;
    if (shape.reason)
        return out;
    const Shape& s = shape.shape;
    const Fill fill = fillClass(n, s);
    out.shortWeekdays = fill.shortWeekdays;
    const std::size_t days = static_cast<std::size_t>(s.weeks * 7);
    out.rows.assign(static_cast<std::size_t>(n), std::vector<Duty>(days));
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        for (std::size_t d = 0; d < days; ++d) {
            const char slot = fill.slots[i * days + d];
            if (slot == Work)
                out.rows[i][d] = Duty{DutyKind::Shift, code, 0};
            else if (slot == Admin)
                out.rows[i][d] = Duty{DutyKind::Admin, {}, s.adminMinutes};
        }
    }
    return out;
}

std::optional<int> smallestCoveringCount(int n, const RotationRules& rules)
{
    const ShapeOrReason shape = makeShape(rules);
    if (shape.reason)
        return std::nullopt;
    const Shape& s = shape.shape;
    if (s.teams == 0)
        return n;
    // Lower bounds: every open day needs K people a week from `shifts`
    // each; every open weekend day K people every week, from people who
    // work weekendShifts weekend days in weekendWeeks weeks of the cycle.
    const int openDays = static_cast<int>(s.openWeekdays.size() + s.weekendDays.size());
    int lower = ceilDiv(s.teams * openDays, s.shifts);
    if (!s.weekendDays.empty()) {
        lower = std::max(lower, ceilDiv(s.teams * s.weeks * static_cast<int>(s.weekendDays.size()),
                                        s.weekendWeeks * s.weekendShifts));
    }
    const int first = std::max(n, lower);
    const int last = 2 * first + 7 * s.weeks + 16;
    for (int count = first; count <= last; ++count) {
        if (noShortDay(fillClass(count, s).shortWeekdays))
            return count;
    }
    return std::nullopt;
}

} // namespace heart::roster::detail
