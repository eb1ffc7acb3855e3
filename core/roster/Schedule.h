#pragma once
// A rotation: who works which shift (or administrative hours) on each day of
// a cycle of weeks that starts on a Monday and then repeats. Plain data; the
// rules that judge it are in RotationValidator, the rules that build it in
// RotationGenerator.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace heart::roster {

enum class ResponderRole
{
    Clinician,
    PeerSupport,
    Emt
};

// A shift as the program defines it, in the program's local time.
// Durham: "early" 09:00-21:00, "late" 12:00-24:00.
struct ShiftTemplate
{
    std::string code;        // stable id, e.g. "early"
    int startMinute = 0;     // minutes after local midnight
    int lengthMinutes = 720; // nominal length; the real length may differ across a DST change
    bool operator==(const ShiftTemplate&) const = default;
};

struct StaffMember
{
    std::string id; // the store's record id (or any stable id in tests)
    std::string name;
    ResponderRole role = ResponderRole::Clinician;
    std::string shiftCode; // the person's fixed shift ("shift hours stay the same unless changed")
    bool operator==(const StaffMember&) const = default;
};

enum class DutyKind
{
    Off,
    Shift,
    Admin
};

struct Duty
{
    DutyKind kind = DutyKind::Off;
    std::string shiftCode; // DutyKind::Shift: which template
    int adminMinutes = 0;  // DutyKind::Admin: how long (4 hours a week in Durham)
    bool operator==(const Duty&) const = default;
};

struct Schedule
{
    std::chrono::year_month_day start; // a Monday: day 0 of the cycle
    int weeks = 6;
    std::vector<StaffMember> staff;
    // duties[person][day], day 0..weeks*7-1; every row has weeks*7 entries.
    std::vector<std::vector<Duty>> duties;

    int dayCount() const { return weeks * 7; }
    // 0 = Monday .. 6 = Sunday
    static int weekdayOf(int day) { return day % 7; }
    bool operator==(const Schedule&) const = default;
};

} // namespace heart::roster
