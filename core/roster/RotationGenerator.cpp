#include "core/roster/RotationGenerator.h"

#include "core/roster/RotationValidator.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace heart::roster {
namespace {

// The rotation is built from one six-week pattern that every person follows
// from a different starting week (their offset). Relative to the offset:
//   week 0: admin Thu, shifts Fri Sat Sun   (a worked weekend)
//   week 3: shifts Sat Sun + one weekday, admin on another weekday (a worked weekend)
//   week 5: shifts Mon Tue Wed, admin Thu
//   weeks 1, 2, 4: three weekday shifts and admin on another weekday
// Week 5 Friday to week 0 Wednesday is the 6-day break; weekends fall three
// weeks apart. The weekdays of weeks 1-4 are chosen per week to fill the
// days with the fewest people ("water filling"), which is what makes the
// coverage work. Shifts and kinds (clinician, support) are independent
// classes: a shift has K complete teams iff it has K clinicians and K support.
constexpr int kMon = 0, kTue = 1, kWed = 2, kThu = 3, kFri = 4, kSat = 5, kSun = 6;

class SplitMix
{
public:
    explicit SplitMix(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t m_state;
};

bool supported(const RotationRules& rules)
{
    return rules.weeks == 6 && rules.shiftsPerWeek == 3 && rules.weekendOneIn == 3 && rules.minBreakDays <= 6 &&
           rules.programDays[kSat] && rules.programDays[kSun];
}

Duty shiftDuty(const std::string& code)
{
    return Duty{DutyKind::Shift, code, 0};
}

Duty adminDuty(int minutes)
{
    return minutes > 0 ? Duty{DutyKind::Admin, {}, minutes} : Duty{};
}

// Fills one class (people of one shift code and kind) week by week.
void fillClass(Schedule& schedule, const std::vector<int>& people, const std::string& code,
               const RotationRules& rules, SplitMix& random)
{
    const int n = static_cast<int>(people.size());
    std::vector<int> offset(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        offset[static_cast<std::size_t>(i)] = i % 6;
    for (int week = 0; week < 6; ++week) {
        std::array<int, 5> cover{};
        std::vector<std::pair<int, int>> flexible; // person index in `people`, shifts to place
        for (int i = 0; i < n; ++i) {
            auto& row = schedule.duties[static_cast<std::size_t>(people[static_cast<std::size_t>(i)])];
            auto at = [&](int weekday) -> Duty& { return row[static_cast<std::size_t>(week * 7 + weekday)]; };
            const int rel = ((week - offset[static_cast<std::size_t>(i)]) % 6 + 6) % 6;
            if (rel == 0) {
                at(kThu) = adminDuty(rules.adminMinutesPerWeek);
                at(kFri) = shiftDuty(code);
                at(kSat) = shiftDuty(code);
                at(kSun) = shiftDuty(code);
                ++cover[kFri];
            } else if (rel == 5) {
                for (int d : {kMon, kTue, kWed}) {
                    at(d) = shiftDuty(code);
                    ++cover[static_cast<std::size_t>(d)];
                }
                at(kThu) = adminDuty(rules.adminMinutesPerWeek);
            } else {
                if (rel == 3) {
                    at(kSat) = shiftDuty(code);
                    at(kSun) = shiftDuty(code);
                }
                flexible.emplace_back(i, rel == 3 ? 1 : 3);
            }
        }
        // Those with most shifts to place choose first; ties in seeded order.
        std::vector<std::uint64_t> tie(flexible.size());
        for (auto& t : tie)
            t = random.next();
        std::vector<std::size_t> order(flexible.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (flexible[a].second != flexible[b].second)
                return flexible[a].second > flexible[b].second;
            return tie[a] < tie[b];
        });
        for (std::size_t k : order) {
            const auto [i, count] = flexible[k];
            auto& row = schedule.duties[static_cast<std::size_t>(people[static_cast<std::size_t>(i)])];
            std::array<int, 5> days{kMon, kTue, kWed, kThu, kFri};
            const std::uint64_t salt = random.next();
            std::stable_sort(days.begin(), days.end(), [&](int a, int b) {
                if (cover[static_cast<std::size_t>(a)] != cover[static_cast<std::size_t>(b)])
                    return cover[static_cast<std::size_t>(a)] < cover[static_cast<std::size_t>(b)];
                return ((static_cast<std::uint64_t>(a) * 0x9e37ULL) ^ salt) % 97 <
                       ((static_cast<std::uint64_t>(b) * 0x9e37ULL) ^ salt) % 97;
            });
            for (int c = 0; c < count; ++c) {
                row[static_cast<std::size_t>(week * 7 + days[static_cast<std::size_t>(c)])] = shiftDuty(code);
                ++cover[static_cast<std::size_t>(days[static_cast<std::size_t>(c)])];
            }
            // Administrative hours on the busiest free weekday: the people
            // there are needed least.
            row[static_cast<std::size_t>(week * 7 + days[4])] = adminDuty(rules.adminMinutesPerWeek);
        }
    }
}

} // namespace

GenerationResult generateRotation(const std::vector<StaffMember>& staff, const RotationRules& rules,
                                  std::chrono::year_month_day startMonday, std::uint64_t seed)
{
    GenerationResult result;
    Schedule schedule;
    schedule.start = startMonday;
    schedule.weeks = rules.weeks;
    schedule.staff = staff;
    schedule.duties.assign(staff.size(), std::vector<Duty>(static_cast<std::size_t>(rules.weeks * 7)));

    // A person on a shift the program does not run cannot be placed at all.
    for (const StaffMember& member : staff) {
        if (!rules.shift(member.shiftCode)) {
            result.shortages.push_back({member.role != ResponderRole::Clinician, member.shiftCode, 0, 0});
            return result;
        }
    }
    if (!supported(rules))
        return result; // no schedule and no shortage: these rules need a hand-made rotation

    SplitMix random(seed);
    const int needed = rules.weekendOneIn * rules.teamsPerShift;
    for (const ShiftTemplate& shift : rules.shifts) {
        for (bool support : {false, true}) {
            std::vector<int> people;
            for (int p = 0; p < static_cast<int>(staff.size()); ++p) {
                const bool isSupport = staff[static_cast<std::size_t>(p)].role != ResponderRole::Clinician;
                if (isSupport == support && staff[static_cast<std::size_t>(p)].shiftCode == shift.code)
                    people.push_back(p);
            }
            // Seeded order: who starts in which week.
            std::vector<std::uint64_t> keys(people.size());
            for (auto& k : keys)
                k = random.next();
            std::vector<std::size_t> idx(people.size());
            std::iota(idx.begin(), idx.end(), 0);
            std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
            std::vector<int> ordered;
            for (std::size_t i : idx)
                ordered.push_back(people[i]);
            fillClass(schedule, ordered, shift.code, rules, random);

            // Each person works one weekend in `weekendOneIn`: fewer than
            // weekendOneIn*K people cannot staff every weekend.
            const int have = static_cast<int>(people.size());
            if (have < needed) {
                for (int weekday : {kSat, kSun})
                    result.shortages.push_back({support, shift.code, weekday, needed - have});
            }
        }
    }
    if (!result.shortages.empty())
        return result;
    // The construction is checked, never trusted.
    const std::vector<Violation> violations = validateRotation(schedule, rules);
    if (!violations.empty()) {
        for (const Violation& v : violations) {
            if (v.code != Violation::Code::TeamShortfall)
                continue;
            const bool support = v.param("support") < rules.teamsPerShift;
            result.shortages.push_back({support, v.shiftCode, Schedule::weekdayOf(v.day), 1});
        }
        if (result.shortages.empty())
            result.shortages.push_back({false, {}, 0, 0});
        return result;
    }
    result.schedule = std::move(schedule);
    return result;
}

} // namespace heart::roster
