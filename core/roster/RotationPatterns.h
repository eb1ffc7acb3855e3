#pragma once
// The generator's building block, apart so it can be tested on its own: the
// rows of one "class" of interchangeable people, those who share a fixed
// shift and a kind (clinician, or peer support/EMT). A shift has K complete
// teams on a day exactly when it has K clinicians and K support people, so
// classes never compete and each is filled alone. A class's rows depend only
// on its head count and the rules, which makes "how many more people would
// make this work" an exact question: the smallest head count that covers.
#include "core/roster/RotationRules.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace heart::roster::detail {

// Why the generator cannot build any rotation under these rules (e.g. the
// break cannot fit between the weekly duties), or nullopt when it can.
// Not about staff numbers: those are shortages.
std::optional<std::string> unsupportedRules(const RotationRules& rules);

struct ClassRows
{
    std::vector<std::vector<Duty>> rows; // one per person, weeks*7 duties, each passing the person rules
    std::array<bool, 7> shortWeekdays{}; // open weekdays with fewer than K on shift in some week
    bool covered() const;
};

// Rows for n people on shift `code`; deterministic in n and the rules.
// Requires !unsupportedRules(rules).
ClassRows buildClassRows(int n, const std::string& code, const RotationRules& rules);

// The smallest head count >= n whose rows cover every open day K times;
// nullopt when no count up to a generous bound does.
std::optional<int> smallestCoveringCount(int n, const RotationRules& rules);

} // namespace heart::roster::detail
