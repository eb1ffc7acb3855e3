#include "core/routing/RuleSet.h"

#include <algorithm>

namespace heart::routing {

std::string Condition::code() const
{
    return isRisk ? "risk:" + std::string(riskCode(risk)) : std::string(flagCode(flag));
}

bool ProgramRules::inArea(std::string_view beat) const
{
    switch (area) {
    case AreaKind::Anywhere:
        return true;
    case AreaKind::AllBeatsExcept:
        return !std::binary_search(areaBeats.begin(), areaBeats.end(), beat);
    case AreaKind::OnlyBeats:
        return std::binary_search(areaBeats.begin(), areaBeats.end(), beat);
    }
    return false;
}

const ProgramRules* RuleSet::rulesFor(Program program) const
{
    for (const ProgramRules& rules : programs) {
        if (rules.program == program)
            return &rules;
    }
    return nullptr;
}

std::string normaliseSpelling(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingBlank = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pendingBlank = !out.empty();
            continue;
        }
        if (pendingBlank)
            out.push_back(' ');
        pendingBlank = false;
        out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

int RuleSet::callTypeIndex(std::string_view spelled) const
{
    // Fast path: most spellings are already in normal form.
    const auto exact = callTypeLookup.find(spelled);
    if (exact != callTypeLookup.end())
        return exact->second;
    const auto found = callTypeLookup.find(normaliseSpelling(spelled));
    return found == callTypeLookup.end() ? -1 : found->second;
}

bool RuleSet::isHoliday(std::chrono::sys_days day) const
{
    return std::binary_search(holidays.begin(), holidays.end(), day);
}

} // namespace heart::routing
