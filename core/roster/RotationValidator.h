#pragma once
// Lists every broken rule of a schedule, generated or edited by hand, per
// person and day, in a stable order (person rules by person and day, then
// team shortfalls by day and shift).
#include "core/roster/RotationRules.h"

#include <vector>

namespace heart::roster {

std::vector<Violation> validateRotation(const Schedule& schedule, const RotationRules& rules);

// Complete teams on one day's shift: min(clinicians, peer support + EMTs).
struct ShiftStaffing
{
    int clinicians = 0;
    int support = 0; // peer support specialists and EMTs
    int teams() const { return clinicians < support ? clinicians : support; }
};
ShiftStaffing staffingOn(const Schedule& schedule, int day, const std::string& shiftCode);

} // namespace heart::roster
