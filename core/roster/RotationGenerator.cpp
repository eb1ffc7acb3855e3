// Builds a rotation class by class (people of one fixed shift and one kind:
// a shift has K complete teams on a day iff it has K clinicians and K peer
// support specialists or EMTs), from rows that depend only on the class's
// head count (RotationPatterns). The seed decides only who gets which row.
// A class that cannot cover every open day says which weekdays fall short
// and exactly how many more people its rows need; the result is checked by
// validateRotation, never trusted.
#include "core/roster/RotationGenerator.h"

#include "core/roster/RotationPatterns.h"
#include "core/roster/RotationValidator.h"

#include <algorithm>
#include <numeric>

namespace heart::roster {
namespace {

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

bool isSupport(const StaffMember& member)
{
    return member.role != ResponderRole::Clinician;
}

// The shift codes in rules order, each once.
std::vector<std::string> shiftCodes(const RotationRules& rules)
{
    std::vector<std::string> codes;
    for (const ShiftTemplate& shift : rules.shifts) {
        if (std::find(codes.begin(), codes.end(), shift.code) == codes.end())
            codes.push_back(shift.code);
    }
    return codes;
}

} // namespace

GenerationResult generateRotation(const std::vector<StaffMember>& staff, const RotationRules& rules,
                                  std::chrono::year_month_day startMonday, std::uint64_t seed)
{
    GenerationResult result;
    // A person whose fixed shift the program does not run cannot be placed:
    // a precondition, reported as a shortage with more = 0 per unknown code.
    for (const StaffMember& member : staff) {
        const bool reported =
            std::any_of(result.shortages.begin(), result.shortages.end(),
                        [&](const StaffShortage& s) { return s.shiftCode == member.shiftCode; });
        if (!rules.shift(member.shiftCode) && !reported)
            result.shortages.push_back({isSupport(member), member.shiftCode, 0, 0});
    }
    if (!result.shortages.empty())
        return result;
    // Rules no rotation of this construction can satisfy: no schedule and
    // no shortage (more staff would not help).
    if (detail::unsupportedRules(rules))
        return result;

    Schedule schedule;
    schedule.start = startMonday;
    schedule.weeks = rules.weeks;
    schedule.staff = staff;
    schedule.duties.assign(staff.size(), std::vector<Duty>(static_cast<std::size_t>(rules.weeks * 7)));

    SplitMix random(seed);
    for (const std::string& code : shiftCodes(rules)) {
        for (bool support : {false, true}) {
            std::vector<std::size_t> people;
            for (std::size_t p = 0; p < staff.size(); ++p) {
                if (isSupport(staff[p]) == support && staff[p].shiftCode == code)
                    people.push_back(p);
            }
            const int n = static_cast<int>(people.size());
            detail::ClassRows rows = detail::buildClassRows(n, code, rules);
            if (!rows.covered()) {
                const std::optional<int> enough = detail::smallestCoveringCount(n, rules);
                if (!enough) { // no head count helps: these rules need a rotation made by hand
                    result.shortages.clear();
                    return result;
                }
                for (int weekday = 0; weekday < 7; ++weekday) {
                    if (rows.shortWeekdays[static_cast<std::size_t>(weekday)])
                        result.shortages.push_back({support, code, weekday, *enough - n});
                }
                continue;
            }
            // Seeded: who gets which row.
            std::vector<std::uint64_t> keys(people.size());
            for (std::uint64_t& key : keys)
                key = random.next();
            std::vector<std::size_t> order(people.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(),
                             [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
            for (std::size_t k = 0; k < order.size(); ++k)
                schedule.duties[people[order[k]]] = std::move(rows.rows[k]);
        }
    }
    if (!result.shortages.empty())
        return result;
    // Checked, never trusted: a rule broken here is a generator fault, and
    // no staff change would fix it, so it yields neither schedule nor shortage.
    if (!validateRotation(schedule, rules).empty())
        return result;
    result.schedule = std::move(schedule);
    return result;
}

} // namespace heart::roster
