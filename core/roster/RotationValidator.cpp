#include "core/roster/RotationValidator.h"

#include <algorithm>

namespace heart::roster {
namespace {

using P = std::vector<std::pair<std::string, int>>;

bool isWeekendDay(int day)
{
    return Schedule::weekdayOf(day) >= 5;
}

void checkPerson(const Schedule& s, const RotationRules& rules, int person, std::vector<Violation>& out)
{
    const std::vector<Duty>& duties = s.duties[static_cast<std::size_t>(person)];
    const StaffMember& member = s.staff[static_cast<std::size_t>(person)];
    const int days = s.dayCount();

    for (int day = 0; day < days; ++day) {
        const Duty& duty = duties[static_cast<std::size_t>(day)];
        if (duty.kind != DutyKind::Shift)
            continue;
        if (!rules.shift(duty.shiftCode)) {
            out.push_back({Violation::Code::UnknownShift, person, day, day / 7, duty.shiftCode, {}});
        } else if (duty.shiftCode != member.shiftCode) {
            Violation v{Violation::Code::ShiftStartChanged, person, day, day / 7, duty.shiftCode, {}};
            out.push_back(v);
        }
    }

    std::vector<bool> weekendWorked(static_cast<std::size_t>(s.weeks), false);
    for (int week = 0; week < s.weeks; ++week) {
        int shifts = 0, adminMinutes = 0, adminDays = 0;
        for (int day = week * 7; day < week * 7 + 7; ++day) {
            const Duty& duty = duties[static_cast<std::size_t>(day)];
            if (duty.kind == DutyKind::Shift) {
                ++shifts;
                if (isWeekendDay(day))
                    weekendWorked[static_cast<std::size_t>(week)] = true;
            } else if (duty.kind == DutyKind::Admin) {
                adminMinutes += duty.adminMinutes;
                ++adminDays;
            }
        }
        if (shifts != rules.shiftsPerWeek) {
            out.push_back({Violation::Code::ShiftsPerWeek, person, -1, week, {},
                           P{{"count", shifts}, {"expected", rules.shiftsPerWeek}}});
        }
        if (adminMinutes != rules.adminMinutesPerWeek || (rules.adminMinutesPerWeek > 0 && adminDays != 1)) {
            out.push_back({Violation::Code::AdminHours, person, -1, week, {},
                           P{{"minutes", adminMinutes}, {"expected", rules.adminMinutesPerWeek}}});
        }
    }

    // One worked weekend in every `weekendOneIn` consecutive weeks, counted
    // around the cycle because the rotation repeats.
    const int window = std::max(1, rules.weekendOneIn);
    // A program closed on weekends has nobody work them.
    const bool weekendOpen = rules.programDays[5] || rules.programDays[6];
    const int expectedWeekends = weekendOpen ? s.weeks / window : 0;
    int worked = 0;
    for (bool w : weekendWorked)
        worked += w ? 1 : 0;
    bool reported = false;
    for (int week = 0; week < s.weeks && !reported; ++week) {
        if (!weekendWorked[static_cast<std::size_t>(week)])
            continue;
        for (int gap = 1; gap < window; ++gap) {
            const int next = (week + gap) % s.weeks;
            if (next != week && weekendWorked[static_cast<std::size_t>(next)]) {
                out.push_back({Violation::Code::WeekendFrequency, person, -1, next, {},
                               P{{"weekendsWorked", worked}, {"allowed", expectedWeekends}}});
                reported = true;
                break;
            }
        }
    }
    if (!reported && worked != expectedWeekends) {
        out.push_back({Violation::Code::WeekendFrequency, person, -1, -1, {},
                       P{{"weekendsWorked", worked}, {"allowed", expectedWeekends}}});
    }

    // The longest run of free days, cyclically.
    int longest = 0, run = 0;
    bool anyDuty = false;
    for (int i = 0; i < 2 * days; ++i) {
        if (duties[static_cast<std::size_t>(i % days)].kind == DutyKind::Off) {
            run = std::min(run + 1, days);
            longest = std::max(longest, run);
        } else {
            anyDuty = true;
            run = 0;
        }
    }
    if (anyDuty && longest < rules.minBreakDays) {
        out.push_back({Violation::Code::NoBreak, person, -1, -1, {},
                       P{{"longestBreakDays", longest}, {"required", rules.minBreakDays}}});
    }
}

} // namespace

ShiftStaffing staffingOn(const Schedule& schedule, int day, const std::string& shiftCode)
{
    ShiftStaffing staffing;
    for (std::size_t person = 0; person < schedule.staff.size(); ++person) {
        const Duty& duty = schedule.duties[person][static_cast<std::size_t>(day)];
        if (duty.kind != DutyKind::Shift || duty.shiftCode != shiftCode)
            continue;
        if (schedule.staff[person].role == ResponderRole::Clinician)
            ++staffing.clinicians;
        else
            ++staffing.support;
    }
    return staffing;
}

std::vector<Violation> validateRotation(const Schedule& schedule, const RotationRules& rules)
{
    std::vector<Violation> out;
    for (int person = 0; person < static_cast<int>(schedule.staff.size()); ++person)
        checkPerson(schedule, rules, person, out);
    // Person rules in person, then day order (whole-week and whole-cycle rules first within a person).
    std::stable_sort(out.begin(), out.end(), [](const Violation& a, const Violation& b) {
        if (a.person != b.person)
            return a.person < b.person;
        const int da = a.day >= 0 ? a.day : a.week * 7;
        const int db = b.day >= 0 ? b.day : b.week * 7;
        return da < db;
    });
    for (int day = 0; day < schedule.dayCount(); ++day) {
        if (!rules.programDays[static_cast<std::size_t>(Schedule::weekdayOf(day))])
            continue;
        for (const ShiftTemplate& shift : rules.shifts) {
            const ShiftStaffing staffing = staffingOn(schedule, day, shift.code);
            if (staffing.teams() < rules.teamsPerShift) {
                out.push_back({Violation::Code::TeamShortfall, -1, day, day / 7, shift.code,
                               P{{"teams", staffing.teams()},
                                 {"required", rules.teamsPerShift},
                                 {"clinicians", staffing.clinicians},
                                 {"support", staffing.support}}});
            }
        }
    }
    return out;
}

} // namespace heart::roster
