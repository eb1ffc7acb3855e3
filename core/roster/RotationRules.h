#pragma once
// The rules of a program's rotation, all configuration (Durham's values as
// defaults): 12-hour shifts, three a week plus 4 administrative hours, one
// weekend in three, a 6-7 day break every six weeks, and at least K complete
// teams (a clinician lead plus a peer support specialist or an EMT) on every
// shift of every day the program is open.
#include "core/roster/Schedule.h"

#include <array>
#include <string>
#include <vector>

namespace heart::roster {

struct RotationRules
{
    int weeks = 6;
    int shiftsPerWeek = 3;
    int adminMinutesPerWeek = 240;
    int weekendOneIn = 3;  // works one weekend (Saturday or Sunday) of every N
    int minBreakDays = 6;  // at least this many consecutive free days in each cycle (counted cyclically)
    int teamsPerShift = 1; // K: complete teams required on every shift
    std::vector<ShiftTemplate> shifts{{"early", 9 * 60, 720}, {"late", 12 * 60, 720}};
    std::array<bool, 7> programDays{true, true, true, true, true, true, true}; // Monday..Sunday

    const ShiftTemplate* shift(const std::string& code) const
    {
        for (const ShiftTemplate& s : shifts)
            if (s.code == code)
                return &s;
        return nullptr;
    }
};

// A broken rule, as a code with parameters the UI puts into words.
struct Violation
{
    enum class Code
    {
        ShiftsPerWeek,     // person, week: params count, expected
        AdminHours,        // person, week: params minutes, expected
        WeekendFrequency,  // person, week of the offending weekend: params weekendsWorked, allowed
                           // (at most one per person; week -1 when only the count in the cycle is wrong)
        NoBreak,           // person: params longestBreakDays, required
        ShiftStartChanged, // person, day: params shift (worked), fixed (the person's)
        UnknownShift,      // person, day: params shift
        TeamShortfall,     // day, shift: params teams, required, clinicians, support
    };
    Code code;
    int person = -1; // index into Schedule::staff, -1 for program-wide rules
    int day = -1;    // day of the cycle, -1 when the rule is about the whole cycle
    int week = -1;
    std::string shiftCode;
    std::vector<std::pair<std::string, int>> params;

    int param(const std::string& name) const
    {
        for (const auto& [key, value] : params)
            if (key == name)
                return value;
        return 0;
    }
};

} // namespace heart::roster
