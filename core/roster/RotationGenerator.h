#pragma once
// Builds a rotation for a staff list that passes validateRotation(), or says
// why none exists: e.g. "needs 3 more peer support specialists or EMTs for
// Saturday late shifts". Deterministic for a seed: the seed decides who of
// the people sharing a shift and kind gets which row of the rotation.
#include "core/roster/RotationRules.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace heart::roster {

struct StaffShortage
{
    bool support = false; // false: clinicians; true: peer support specialists or EMTs
    std::string shiftCode;
    int weekday = 0; // 0 = Monday .. 6 = Sunday
    int more = 0;    // how many more people of that kind on that shift
};

// No schedule, and then:
//  * shortages with more > 0: these classes (kind and shift) cannot cover
//    the listed weekdays; `more` people of that kind on that shift make
//    the generator succeed for that class (the same `more` on each listed
//    weekday of a class);
//  * one shortage with more == 0 per shift code some staff member holds
//    but rules.shifts does not define (a precondition: nothing else is
//    tried until it is fixed);
//  * no shortage at all: the rules themselves cannot be met by the
//    generator's construction (e.g. a break longer than the weekly duties
//    leave room for), whatever the staff; such rotations are made by hand.
struct GenerationResult
{
    std::optional<Schedule> schedule;     // set when every rule holds
    std::vector<StaffShortage> shortages; // why not, when it is not set
};

GenerationResult generateRotation(const std::vector<StaffMember>& staff, const RotationRules& rules,
                                  std::chrono::year_month_day startMonday, std::uint64_t seed = 1);

} // namespace heart::roster
