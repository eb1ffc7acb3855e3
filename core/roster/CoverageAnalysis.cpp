#include "core/roster/CoverageAnalysis.h"

#include "core/roster/RotationValidator.h"

#include <algorithm>
#include <cmath>

namespace heart::roster {
namespace {

// How often a responder added to the rotation works a given day: a weekend
// day in one week of `weekendOneIn`; a weekday in the share of weekday
// shifts left after the weekend ones.
double attendance(const RotationRules& rules, int weekday)
{
    const double weekendOneIn = std::max(1, rules.weekendOneIn);
    if (weekday >= 5)
        return 1.0 / weekendOneIn;
    const double weekdayShiftsPerWeek = rules.shiftsPerWeek - 2.0 / weekendOneIn;
    return std::max(0.0, weekdayShiftsPerWeek / 5.0);
}

} // namespace

CoverageReport analyseCoverage(const Schedule& schedule, const RotationRules& rules,
                               const std::array<double, 168>& expected, const CoverageOptions& options)
{
    CoverageReport report;
    // Teams per hour of the week, summed over the weeks of the cycle.
    std::array<double, 168> teams{};
    // A shift starting on a weekday may run past midnight into the next day.
    for (int day = 0; day < schedule.dayCount(); ++day) {
        for (const ShiftTemplate& shift : rules.shifts) {
            const int n = staffingOn(schedule, day, shift.code).teams();
            if (n == 0)
                continue;
            const int firstHour = Schedule::weekdayOf(day) * 24 + shift.startMinute / 60;
            const int hours = (shift.startMinute % 60 + shift.lengthMinutes + 59) / 60;
            for (int h = 0; h < hours; ++h)
                teams[static_cast<std::size_t>((firstHour + h) % 168)] += n;
        }
    }
    const double weeks = std::max(1, schedule.weeks);
    const double capacity = options.callsPerTeamHour > 0 ? options.callsPerTeamHour : 1.0;
    for (int h = 0; h < 168; ++h) {
        HourCoverage& hour = report.hours[static_cast<std::size_t>(h)];
        hour.hourOfWeek = h;
        hour.teamsOnDuty = teams[static_cast<std::size_t>(h)] / weeks;
        hour.expectedCalls = expected[static_cast<std::size_t>(h)];
        hour.shortfallTeams = std::max(0.0, hour.expectedCalls / capacity - hour.teamsOnDuty);
    }
    // Runs of short hours (not wrapping: Monday 00:00 starts a report).
    for (int h = 0; h < 168;) {
        if (report.hours[static_cast<std::size_t>(h)].shortfallTeams <= 1e-9) {
            ++h;
            continue;
        }
        CoverageGap gap;
        gap.firstHourOfWeek = h;
        double worstAttendance = 1.0;
        while (h < 168 && report.hours[static_cast<std::size_t>(h)].shortfallTeams > 1e-9) {
            gap.worstShortfallTeams =
                std::max(gap.worstShortfallTeams, report.hours[static_cast<std::size_t>(h)].shortfallTeams);
            worstAttendance = std::min(worstAttendance, attendance(rules, h / 24));
            ++gap.hours;
            ++h;
        }
        // Each missing team needs a clinician and a peer or EMT on that day,
        // and a responder is there only `attendance` of the weeks.
        const int people = worstAttendance > 0
                               ? static_cast<int>(std::ceil(gap.worstShortfallTeams / worstAttendance - 1e-9))
                               : 0;
        gap.moreClinicians = people;
        gap.moreSupport = people;
        report.gaps.push_back(gap);
    }
    return report;
}

} // namespace heart::roster
