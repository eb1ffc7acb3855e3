// Shifts as UTC instants (wall-clock start and end through the program's
// TimeZoneRule, so DST changes give real lengths), and the two export
// formats a supervisor hands out: CSV (RFC 4180) for spreadsheets and
// iCalendar (RFC 5545) for phone calendars.
#include "core/roster/ShiftCalendar.h"

#include <cstdio>

namespace heart::roster {
namespace {

using namespace std::chrono;

// Day `day` of the schedule at `minute` after its local midnight (beyond
// 1440: the following days).
LocalDateTime localAt(const Schedule& schedule, int day, int minute)
{
    const int dayOffset = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440);
    const sys_days date = sys_days{schedule.start} + days{day + dayOffset};
    return {year_month_day{date}, minute - dayOffset * 1440};
}

std::string twoDigits(int v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string isoDate(const year_month_day& d)
{
    return std::to_string(int(d.year())) + "-" + twoDigits(int(unsigned(d.month()))) + "-" +
           twoDigits(int(unsigned(d.day())));
}

std::string hhmm(int minuteOfDay)
{
    return twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60);
}

std::string utcStamp(TimePoint t)
{
    const auto secs = floor<seconds>(t);
    const auto day = floor<days>(secs);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> time{secs - day};
    return std::to_string(int(ymd.year())) + twoDigits(int(unsigned(ymd.month()))) +
           twoDigits(int(unsigned(ymd.day()))) + "T" + twoDigits(int(time.hours().count())) +
           twoDigits(int(time.minutes().count())) + twoDigits(int(time.seconds().count())) + "Z";
}

// RFC 4180 quoting. Text that a spreadsheet would run as a formula (a
// leading = + - @, tab or carriage return) gets a leading apostrophe, the
// usual defence against CSV injection through a name.
std::string csvField(std::string text)
{
    if (!text.empty() && std::string("=+-@\t\r").find(text.front()) != std::string::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string icsText(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r')
            continue;
        out += c;
    }
    return out;
}

// RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and a space;
// never split inside a UTF-8 sequence.
void icsLine(std::string& out, const std::string& line)
{
    std::size_t pos = 0, width = 75;
    while (line.size() - pos > width) {
        std::size_t cut = pos + width;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        if (cut == pos) // not UTF-8 at all: cut at the width rather than loop forever
            cut = pos + width;
        out += line.substr(pos, cut - pos) + "\r\n ";
        pos = cut;
        width = 74; // the leading space counts
    }
    out += line.substr(pos) + "\r\n";
}

// A schedule being edited may have short rows: a missing day is off.
const Duty& dutyAt(const Schedule& schedule, int person, int day)
{
    static const Duty off{};
    const auto p = static_cast<std::size_t>(person);
    const auto d = static_cast<std::size_t>(day);
    if (p >= schedule.duties.size() || d >= schedule.duties[p].size())
        return off;
    return schedule.duties[p][d];
}

const char* roleName(ResponderRole role)
{
    switch (role) {
    case ResponderRole::Clinician:
        return "clinician";
    case ResponderRole::PeerSupport:
        return "peer_support";
    case ResponderRole::Emt:
        return "emt";
    }
    return "";
}

} // namespace

std::vector<ShiftInstance> shiftInstances(const Schedule& schedule, const RotationRules& rules,
                                          const TimeZoneRule& zone)
{
    std::vector<ShiftInstance> out;
    for (int person = 0; person < static_cast<int>(schedule.staff.size()); ++person) {
        for (int day = 0; day < schedule.dayCount(); ++day) {
            const Duty& duty = dutyAt(schedule, person, day);
            if (duty.kind != DutyKind::Shift)
                continue;
            const ShiftTemplate* shift = rules.shift(duty.shiftCode);
            if (!shift)
                continue;
            ShiftInstance instance;
            instance.person = person;
            instance.day = day;
            instance.shiftCode = duty.shiftCode;
            // Start and end are wall-clock times: across a DST change the
            // real length differs from the nominal one.
            instance.startUtc = zone.toUtc(localAt(schedule, day, shift->startMinute));
            instance.endUtc = zone.toUtc(localAt(schedule, day, shift->startMinute + shift->lengthMinutes));
            out.push_back(instance);
        }
    }
    return out;
}

std::string scheduleCsv(const Schedule& schedule, const RotationRules& rules, const TimeZoneRule& zone)
{
    std::string out = "person,role,date,duty,shift,start_local,end_local,hours\r\n";
    for (int person = 0; person < static_cast<int>(schedule.staff.size()); ++person) {
        const StaffMember& member = schedule.staff[static_cast<std::size_t>(person)];
        for (int day = 0; day < schedule.dayCount(); ++day) {
            const Duty& duty = dutyAt(schedule, person, day);
            if (duty.kind == DutyKind::Off)
                continue;
            const std::string date = isoDate(year_month_day{sys_days{schedule.start} + days{day}});
            std::string row = csvField(member.name) + "," + roleName(member.role) + "," + date + ",";
            if (duty.kind == DutyKind::Admin) {
                char hours[16];
                std::snprintf(hours, sizeof hours, "%.2f", duty.adminMinutes / 60.0);
                row += "admin,,,," + std::string(hours);
            } else {
                const ShiftTemplate* shift = rules.shift(duty.shiftCode);
                const int start = shift ? shift->startMinute : 0;
                const int length = shift ? shift->lengthMinutes : 0;
                const TimePoint begin = zone.toUtc(localAt(schedule, day, start));
                const TimePoint end = zone.toUtc(localAt(schedule, day, start + length));
                char hours[16];
                std::snprintf(hours, sizeof hours, "%.2f",
                              double(duration_cast<minutes>(end - begin).count()) / 60.0);
                row += "shift," + csvField(duty.shiftCode) + "," + hhmm(start) + "," +
                       hhmm((start + length) % 1440) + "," + hours;
            }
            out += row + "\r\n";
        }
    }
    return out;
}

std::string scheduleIcs(const Schedule& schedule, const RotationRules& rules, const TimeZoneRule& zone,
                        int person, TimePoint stamp)
{
    std::string out;
    icsLine(out, "BEGIN:VCALENDAR");
    icsLine(out, "VERSION:2.0");
    icsLine(out, "PRODID:-//HEART Desk//Roster//EN");
    icsLine(out, "CALSCALE:GREGORIAN");
    icsLine(out, "METHOD:PUBLISH");
    for (const ShiftInstance& shift : shiftInstances(schedule, rules, zone)) {
        if (person >= 0 && shift.person != person)
            continue;
        const StaffMember& member = schedule.staff[static_cast<std::size_t>(shift.person)];
        const ShiftTemplate* tmpl = rules.shift(shift.shiftCode);
        const std::string date = isoDate(year_month_day{sys_days{schedule.start} + days{shift.day}});
        icsLine(out, "BEGIN:VEVENT");
        icsLine(out, "UID:" + icsText(member.id) + "-" + date + "@heartdesk");
        icsLine(out, "DTSTAMP:" + utcStamp(stamp));
        icsLine(out, "DTSTART:" + utcStamp(shift.startUtc));
        icsLine(out, "DTEND:" + utcStamp(shift.endUtc));
        icsLine(out,
                "SUMMARY:" + icsText("HEART shift " + shift.shiftCode + " (" + hhmm(tmpl->startMinute) + "-" +
                                     hhmm((tmpl->startMinute + tmpl->lengthMinutes) % 1440) + ")"));
        icsLine(out, "DESCRIPTION:" + icsText(member.name));
        icsLine(out, "END:VEVENT");
    }
    icsLine(out, "END:VCALENDAR");
    return out;
}

} // namespace heart::roster
