#pragma once
// Rule sets as JSON files (resources/rules/*.json). The format, by example:
//
// {
//   "format": "heartdesk-rules/1",
//   "id": "durham-2022-06-27-pilot",
//   "name": "Durham HEART pilot",
//   "effectiveFrom": "2022-06-27",
//   "timeZone": "EST5EDT,M3.2.0,M11.1.0",           // POSIX TZ rule
//   "notes": "CRT in the 12 pilot beats ...",       // optional, for people; not read
//   "holidays": ["2022-07-04", "2022-09-05"],
//   "callTypes": [ {"code": "welfare-check", "name": "Welfare Check", "aliases": ["WELFARE CHK"]} ],
//   "programs": {
//     "crt": {
//       "callTypes": ["welfare-check"],                // or "all"
//       "excludeWhen": ["weapon", "violence", "medical", "risk:high"],
//       "onlyWhen": [],                                // at least one must hold (co-response)
//       "serviceArea": {"beats": ["111", "112"]},      // or {"allBeatsExcept": ["999"]} or "anywhere"
//       "hours": {"mon": ["08:30-16:30"], "sat": []},  // or "always"; "21:00-07:00" runs past midnight
//       "holidays": "closed",                          // or "open"
//       "follows": []                                  // programs whose contacts it follows up (cn)
//     }
//   }
// }
//
// Anything wrong gives a DataError naming the file, the JSON path
// ("programs.crt.hours.sat[0]") and what is wrong; unknown members are errors
// too, so a misspelt key cannot silently switch a rule off. docs/replay.md
// describes every member.
#include "core/Result.h"
#include "core/routing/RuleSet.h"

#include <string>
#include <string_view>

namespace heart::routing {

inline constexpr std::string_view kRuleSetFormat = "heartdesk-rules/1";

Result<RuleSet, DataError> parseRuleSet(std::string_view json, const std::string& sourceName);
Result<RuleSet, DataError> loadRuleSetFile(const std::string& path);

} // namespace heart::routing
