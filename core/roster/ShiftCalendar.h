#pragma once
// Shifts as real instants: a schedule day and a template in the program's
// time zone become a UTC start and end, so a shift across a DST change has
// its real length (11 or 13 hours for a 12-hour night shift). Also the
// schedule as CSV and as iCalendar (RFC 5545, one VEVENT per shift).
#include "core/Clock.h"
#include "core/roster/RotationRules.h"
#include "core/roster/TimeZoneRule.h"

#include <string>
#include <vector>

namespace heart::roster {

struct ShiftInstance
{
    int person = 0;
    int day = 0;
    std::string shiftCode;
    TimePoint startUtc;
    TimePoint endUtc;
    std::chrono::minutes realLength() const
    {
        return std::chrono::duration_cast<std::chrono::minutes>(endUtc - startUtc);
    }
};

std::vector<ShiftInstance> shiftInstances(const Schedule& schedule, const RotationRules& rules,
                                          const TimeZoneRule& zone);

// person,role,date,duty,shift,start_local,end_local,hours — one row per person and day with a duty.
std::string scheduleCsv(const Schedule& schedule, const RotationRules& rules, const TimeZoneRule& zone);
// One VCALENDAR; events in UTC (DTSTART:...Z), UID stable per person and day, CRLF lines, folded at 75
// octets. person < 0: every person; else only that person's shifts (for their phone).
std::string scheduleIcs(const Schedule& schedule, const RotationRules& rules, const TimeZoneRule& zone,
                        int person = -1, TimePoint stamp = {});

} // namespace heart::roster
