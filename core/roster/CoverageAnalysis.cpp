// Teams on duty per hour of the week against the teams the expected calls
// need, and how many more responders of each kind would close a gap.
//
// The model (nominal shift times, no DST):
//  * a shift counts in an hour for the part of the hour it covers (a
//    09:30 start counts half in hour 9); a shift past midnight runs into
//    the next day, Sunday into Monday;
//  * counts are averaged over the weeks of the cycle: complete teams, and
//    "spare" clinicians and support people on a shift without a partner;
//  * a responder added to the rotation on a shift template works a given
//    weekday in a fraction f of the weeks, from the rules: a weekend day in
//    (weeks / weekendOneIn) of the weeks, times the share of open weekend
//    days worked in such a week (Durham: 1/3); a weekday in the weekday
//    shifts left after the weekend ones, (shiftsPerWeek * weeks - weekend
//    shifts) / (open weekdays * weeks) (Durham: (18 - 4) / 30); 0 on a day
//    the program is closed;
//  * an hour short by s teams is closed by pairing spare clinicians with
//    added support people, then spare support people with added
//    clinicians, then by added pairs (spares of one kind on one shift may
//    be on duty beside spares of the other kind on another); added people
//    work the template and start day that reach the hour most (f times the
//    part of the hour covered): more = ceil(lacking / reach), and a gap
//    needs the most any of its hours needs. An hour no template covers on
//    an open day cannot be closed by adding people: it is counted in
//    CoverageGap::hoursOutsideShifts instead.
#include "core/roster/CoverageAnalysis.h"

#include "core/roster/RotationValidator.h"

#include <algorithm>
#include <cmath>

namespace heart::roster {
namespace {

constexpr int kWeekMinutes = 7 * 24 * 60;
constexpr double kEpsilon = 1e-9;

// Calls `visit(hourOfWeek, partOfHour)` for every hour a shift started on
// `weekday` covers.
template <typename Visit> void forEachHour(int weekday, const ShiftTemplate& shift, Visit&& visit)
{
    const int start = weekday * 24 * 60 + shift.startMinute;
    const int end = start + std::max(0, shift.lengthMinutes);
    for (int hourStart = start - start % 60; hourStart < end; hourStart += 60) {
        const int covered = std::min(end, hourStart + 60) - std::max(start, hourStart);
        if (covered <= 0)
            continue;
        const int hour = ((hourStart % kWeekMinutes + kWeekMinutes) % kWeekMinutes) / 60;
        visit(hour, covered / 60.0);
    }
}

// How often an added responder works `weekday` (see the model above).
double attendance(const RotationRules& rules, int weekday)
{
    if (!rules.programDays[static_cast<std::size_t>(weekday)])
        return 0.0;
    int openWeekdays = 0, openWeekendDays = 0;
    for (int d = 0; d < 7; ++d) {
        if (rules.programDays[static_cast<std::size_t>(d)])
            ++(d < 5 ? openWeekdays : openWeekendDays);
    }
    const int weeks = std::max(1, rules.weeks);
    const int weekendWeeks = openWeekendDays > 0 ? weeks / std::max(1, rules.weekendOneIn) : 0;
    const int weekendShifts = std::min(std::max(0, rules.shiftsPerWeek), openWeekendDays);
    if (weekday >= 5)
        return double(weekendWeeks) / weeks * weekendShifts / openWeekendDays;
    const int weekdayShifts = std::max(0, rules.shiftsPerWeek) * weeks - weekendShifts * weekendWeeks;
    return double(weekdayShifts) / (double(openWeekdays) * weeks);
}

std::vector<const ShiftTemplate*> distinctShifts(const RotationRules& rules)
{
    std::vector<const ShiftTemplate*> out;
    for (const ShiftTemplate& shift : rules.shifts) {
        if (std::none_of(out.begin(), out.end(),
                         [&](const ShiftTemplate* s) { return s->code == shift.code; }))
            out.push_back(&shift);
    }
    return out;
}

int peopleFor(double lacking, double reach)
{
    if (lacking <= kEpsilon || reach <= kEpsilon)
        return 0;
    return static_cast<int>(std::ceil(lacking / reach - kEpsilon));
}

} // namespace

CoverageReport analyseCoverage(const Schedule& schedule, const RotationRules& rules,
                               const std::array<double, 168>& expected, const CoverageOptions& options)
{
    const std::vector<const ShiftTemplate*> shifts = distinctShifts(rules);
    // Sums over the cycle, per hour of the week.
    std::array<double, 168> teams{}, spareClinicians{}, spareSupport{};
    for (int day = 0; day < schedule.dayCount(); ++day) {
        for (const ShiftTemplate* shift : shifts) {
            const ShiftStaffing staffing = staffingOn(schedule, day, shift->code);
            const int complete = staffing.teams();
            if (staffing.clinicians == 0 && staffing.support == 0)
                continue;
            forEachHour(Schedule::weekdayOf(day), *shift, [&](int hour, double part) {
                const auto h = static_cast<std::size_t>(hour);
                teams[h] += complete * part;
                spareClinicians[h] += (staffing.clinicians - complete) * part;
                spareSupport[h] += (staffing.support - complete) * part;
            });
        }
    }
    // What an added responder brings to each hour, at best.
    std::array<double, 168> reach{};
    for (const ShiftTemplate* shift : shifts) {
        for (int weekday = 0; weekday < 7; ++weekday) {
            const double f = attendance(rules, weekday);
            forEachHour(weekday, *shift, [&](int hour, double part) {
                reach[static_cast<std::size_t>(hour)] =
                    std::max(reach[static_cast<std::size_t>(hour)], f * part);
            });
        }
    }

    CoverageReport report;
    const double weeks = std::max(1, schedule.weeks);
    const double capacity = options.callsPerTeamHour > 0 ? options.callsPerTeamHour : 1.0;
    for (std::size_t h = 0; h < 168; ++h) {
        HourCoverage& hour = report.hours[h];
        hour.hourOfWeek = static_cast<int>(h);
        hour.teamsOnDuty = teams[h] / weeks;
        hour.expectedCalls = expected[h];
        hour.shortfallTeams = std::max(0.0, hour.expectedCalls / capacity - hour.teamsOnDuty);
    }
    // Runs of short hours; a report starts on Monday 00:00, so a run does
    // not wrap from Sunday night into Monday.
    for (int h = 0; h < 168;) {
        if (report.hours[static_cast<std::size_t>(h)].shortfallTeams <= kEpsilon) {
            ++h;
            continue;
        }
        CoverageGap gap;
        gap.firstHourOfWeek = h;
        for (; h < 168 && report.hours[static_cast<std::size_t>(h)].shortfallTeams > kEpsilon; ++h) {
            const auto i = static_cast<std::size_t>(h);
            const double shortfall = report.hours[i].shortfallTeams;
            ++gap.hours;
            gap.worstShortfallTeams = std::max(gap.worstShortfallTeams, shortfall);
            if (reach[i] <= kEpsilon) {
                ++gap.hoursOutsideShifts;
                continue;
            }
            // Spare clinicians take an added support person each, then spare
            // support people an added clinician each, the rest a new pair.
            const double pairedWithClinicians = std::min(shortfall, spareClinicians[i] / weeks);
            const double pairedWithSupport =
                std::min(shortfall - pairedWithClinicians, spareSupport[i] / weeks);
            const double newPairs = shortfall - pairedWithClinicians - pairedWithSupport;
            const double lackingClinicians = pairedWithSupport + newPairs;
            const double lackingSupport = pairedWithClinicians + newPairs;
            gap.moreClinicians = std::max(gap.moreClinicians, peopleFor(lackingClinicians, reach[i]));
            gap.moreSupport = std::max(gap.moreSupport, peopleFor(lackingSupport, reach[i]));
        }
        report.gaps.push_back(gap);
    }
    return report;
}

} // namespace heart::roster
