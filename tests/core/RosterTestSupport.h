#pragma once
// Shared by the roster core tests: staff lists, a hand-made valid Durham
// rotation written as text (so the validator is tested without trusting
// the generator), and violations printed for failure messages.
#include "core/roster/RotationRules.h"

#include <QString>
#include <QStringList>
#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <vector>

namespace heart::roster::test {

inline constexpr std::chrono::year_month_day kMonday{std::chrono::year{2026}, std::chrono::month{11},
                                                     std::chrono::day{2}};

inline std::vector<StaffMember> staffList(int clinicians, int peers, int emts, const std::string& code)
{
    std::vector<StaffMember> staff;
    int id = 0;
    auto add = [&](int count, ResponderRole role) {
        for (int i = 0; i < count; ++i) {
            ++id;
            staff.push_back(
                {code + "-" + std::to_string(id), "Person " + code + " " + std::to_string(id), role, code});
        }
    };
    add(clinicians, ResponderRole::Clinician);
    add(peers, ResponderRole::PeerSupport);
    add(emts, ResponderRole::Emt);
    return staff;
}

// One week as text, Monday first: S shift, A admin (240 minutes), . off.
inline std::vector<Duty> weekFromText(const std::string& text, const std::string& code)
{
    std::vector<Duty> week;
    for (char c : text) {
        if (c == 'S')
            week.push_back(Duty{DutyKind::Shift, code, 0});
        else if (c == 'A')
            week.push_back(Duty{DutyKind::Admin, {}, 240});
        else
            week.push_back(Duty{});
    }
    return week;
}

// A Durham rotation for three people of one kind on one shift, worked out
// by hand: person o starts the six-week pattern in week o. Every weekday and
// weekend day of every week has exactly one or two of them on shift; the
// break runs from Friday of pattern week 5 to Wednesday of pattern week 0.
inline const std::array<std::string, 6>& durhamPattern()
{
    static const std::array<std::string, 6> pattern{
        "...ASSS", // 0: the weekend after the break
        "SSAS...", // 1
        "SAS.S..", // 2
        "...ASSS", // 3: the second weekend, three weeks on
        "SSAS...", // 4
        "SSSA...", // 5: before the break
    };
    return pattern;
}

inline std::vector<Duty> patternRow(int offset, const std::string& code)
{
    std::vector<Duty> row;
    for (int week = 0; week < 6; ++week) {
        const auto part =
            weekFromText(durhamPattern()[static_cast<std::size_t>((week - offset + 6) % 6)], code);
        row.insert(row.end(), part.begin(), part.end());
    }
    return row;
}

// Three clinicians and three support people (one peer, two EMTs) on each of
// the given shifts, one complete team on every shift of every day.
inline Schedule handMadeSchedule(const std::vector<std::string>& codes)
{
    Schedule s;
    s.start = kMonday;
    s.weeks = 6;
    for (const std::string& code : codes) {
        const auto staff = staffList(3, 1, 2, code);
        for (std::size_t i = 0; i < staff.size(); ++i) {
            s.staff.push_back(staff[i]);
            s.duties.push_back(patternRow(static_cast<int>(i % 3), code));
        }
    }
    return s;
}

inline int countCode(const std::vector<Violation>& violations, Violation::Code code)
{
    return static_cast<int>(std::count_if(violations.begin(), violations.end(),
                                          [code](const Violation& v) { return v.code == code; }));
}

inline QString describe(const std::vector<Violation>& violations)
{
    QStringList lines;
    for (const Violation& v : violations) {
        QString params;
        for (const auto& [key, value] : v.params)
            params += QStringLiteral(" %1=%2").arg(QString::fromStdString(key)).arg(value);
        lines << QStringLiteral("code %1 person %2 day %3 week %4 shift %5%6")
                     .arg(int(v.code))
                     .arg(v.person)
                     .arg(v.day)
                     .arg(v.week)
                     .arg(QString::fromStdString(v.shiftCode), params);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace heart::roster::test
