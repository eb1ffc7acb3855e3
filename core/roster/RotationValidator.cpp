// The rotation rules as checks over a schedule, generated or edited by hand
// (the generator's output is checked here too, never trusted). A schedule
// may come from a file or a half-finished edit: missing rows or days read as
// "off" instead of being trusted to have weeks*7 entries.
#include "core/roster/RotationValidator.h"

#include <algorithm>
#include <tuple>

namespace heart::roster {
namespace {

using P = std::vector<std::pair<std::string, int>>;

const Duty& dutyAt(const Schedule& s, std::size_t person, int day)
{
    static const Duty off{};
    if (person >= s.duties.size() || day < 0)
        return off;
    const std::vector<Duty>& row = s.duties[person];
    return static_cast<std::size_t>(day) < row.size() ? row[static_cast<std::size_t>(day)] : off;
}

bool isWeekendDay(int day)
{
    return Schedule::weekdayOf(day) >= 5;
}

void checkShiftCodes(const Schedule& s, const RotationRules& rules, int person, std::vector<Violation>& out)
{
    const StaffMember& member = s.staff[static_cast<std::size_t>(person)];
    for (int day = 0; day < s.dayCount(); ++day) {
        const Duty& duty = dutyAt(s, static_cast<std::size_t>(person), day);
        if (duty.kind != DutyKind::Shift)
            continue;
        if (!rules.shift(duty.shiftCode))
            out.push_back({Violation::Code::UnknownShift, person, day, day / 7, duty.shiftCode, {}});
        else if (duty.shiftCode != member.shiftCode)
            out.push_back({Violation::Code::ShiftStartChanged, person, day, day / 7, duty.shiftCode, {}});
    }
}

// Shifts and administrative time per Monday..Sunday week; returns which
// weeks have a worked weekend (any shift on Saturday or Sunday).
std::vector<bool> checkWeeks(const Schedule& s, const RotationRules& rules, int person,
                             std::vector<Violation>& out)
{
    std::vector<bool> weekendWorked(static_cast<std::size_t>(std::max(0, s.weeks)), false);
    const int expectedAdminDuties = rules.adminMinutesPerWeek > 0 ? 1 : 0;
    for (int week = 0; week < s.weeks; ++week) {
        int shifts = 0, adminMinutes = 0, adminDuties = 0;
        for (int day = week * 7; day < week * 7 + 7; ++day) {
            const Duty& duty = dutyAt(s, static_cast<std::size_t>(person), day);
            if (duty.kind == DutyKind::Shift) {
                ++shifts;
                if (isWeekendDay(day))
                    weekendWorked[static_cast<std::size_t>(week)] = true;
            } else if (duty.kind == DutyKind::Admin) {
                adminMinutes += duty.adminMinutes;
                ++adminDuties;
            }
        }
        if (shifts != rules.shiftsPerWeek) {
            out.push_back({Violation::Code::ShiftsPerWeek,
                           person,
                           -1,
                           week,
                           {},
                           P{{"count", shifts}, {"expected", rules.shiftsPerWeek}}});
        }
        // Exactly one administrative block a week, of the configured length
        // (none at all when the rules give no administrative time).
        if (adminMinutes != rules.adminMinutesPerWeek || adminDuties != expectedAdminDuties) {
            out.push_back({Violation::Code::AdminHours,
                           person,
                           -1,
                           week,
                           {},
                           P{{"minutes", adminMinutes}, {"expected", rules.adminMinutesPerWeek}}});
        }
    }
    return weekendWorked;
}

// At most one worked weekend in any `weekendOneIn` consecutive weeks,
// counted around the cycle because the rotation repeats, and exactly
// weeks / weekendOneIn of them in the cycle (none where the program is
// closed on weekends). One violation per person at most: the first weekend
// that follows another too soon, else the count for the whole cycle.
void checkWeekends(const Schedule& s, const RotationRules& rules, int person, const std::vector<bool>& worked,
                   std::vector<Violation>& out)
{
    const int window = std::max(1, rules.weekendOneIn);
    const bool weekendOpen = rules.programDays[5] || rules.programDays[6];
    const int expected = weekendOpen ? s.weeks / window : 0;
    const int count = static_cast<int>(std::count(worked.begin(), worked.end(), true));
    for (int week = 0; week < s.weeks; ++week) {
        if (!worked[static_cast<std::size_t>(week)])
            continue;
        for (int gap = 1; gap < window; ++gap) {
            const int next = (week + gap) % s.weeks;
            if (next != week && worked[static_cast<std::size_t>(next)]) {
                out.push_back({Violation::Code::WeekendFrequency,
                               person,
                               -1,
                               next,
                               {},
                               P{{"weekendsWorked", count}, {"allowed", expected}}});
                return;
            }
        }
    }
    if (count != expected) {
        out.push_back({Violation::Code::WeekendFrequency,
                       person,
                       -1,
                       -1,
                       {},
                       P{{"weekendsWorked", count}, {"allowed", expected}}});
    }
}

// The longest run of days without any duty, counted cyclically.
void checkBreak(const Schedule& s, const RotationRules& rules, int person, std::vector<Violation>& out)
{
    const int days = s.dayCount();
    int longest = 0, run = 0;
    bool anyDuty = false;
    for (int i = 0; i < 2 * days; ++i) {
        if (dutyAt(s, static_cast<std::size_t>(person), i % days).kind == DutyKind::Off) {
            run = std::min(run + 1, days);
            longest = std::max(longest, run);
        } else {
            anyDuty = true;
            run = 0;
        }
    }
    // Someone with no duty at all has a break; ShiftsPerWeek reports them.
    if (anyDuty && longest < rules.minBreakDays) {
        out.push_back({Violation::Code::NoBreak,
                       person,
                       -1,
                       -1,
                       {},
                       P{{"longestBreakDays", longest}, {"required", rules.minBreakDays}}});
    }
}

} // namespace

ShiftStaffing staffingOn(const Schedule& schedule, int day, const std::string& shiftCode)
{
    ShiftStaffing staffing;
    for (std::size_t person = 0; person < schedule.staff.size(); ++person) {
        const Duty& duty = dutyAt(schedule, person, day);
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
    for (int person = 0; person < static_cast<int>(schedule.staff.size()); ++person) {
        checkShiftCodes(schedule, rules, person, out);
        const std::vector<bool> weekends = checkWeeks(schedule, rules, person, out);
        checkWeekends(schedule, rules, person, weekends, out);
        checkBreak(schedule, rules, person, out);
    }
    // Person rules by person, then day: a whole-cycle rule first, a
    // whole-week rule at the week's Monday, before that Monday's own rules.
    std::stable_sort(out.begin(), out.end(), [](const Violation& a, const Violation& b) {
        auto key = [](const Violation& v) {
            return std::tuple{v.person, v.day >= 0 ? v.day : v.week * 7, v.day >= 0 ? 1 : 0};
        };
        return key(a) < key(b);
    });
    // Then every shift template on every day the program is open, in the
    // order of rules.shifts: a template nobody holds is short too.
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
