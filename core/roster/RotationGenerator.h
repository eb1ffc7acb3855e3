#pragma once
// Builds a rotation for a staff list that passes validateRotation(), or says
// why none exists: e.g. "needs 3 more peer support specialists or EMTs for
// Saturday late shifts". Deterministic for a seed.
#include "core/roster/RotationRules.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace heart::roster {

struct StaffShortage
{
    bool support = false; // false: clinicians; true: peer support specialists or EMTs
    std::string shiftCode;
    int weekday = 0;      // 0 = Monday .. 6 = Sunday
    int more = 0;         // how many more people of that kind on that shift
};

struct GenerationResult
{
    std::optional<Schedule> schedule;   // set when every rule holds
    std::vector<StaffShortage> shortages; // why not, when it is not set
};

GenerationResult generateRotation(const std::vector<StaffMember>& staff, const RotationRules& rules,
                                  std::chrono::year_month_day startMonday, std::uint64_t seed = 1);

} // namespace heart::roster
