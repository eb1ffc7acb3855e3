#pragma once
// The crisis services a program puts on every safety plan (step 5), per
// language, as the program's setting "crisis_services" holds them in JSON:
//
//   {"en": [{"name": "988 Suicide & Crisis Lifeline", "phone": "988"}, ...],
//    "es": [{"name": "988 Línea de Prevención del Suicidio y Crisis", "phone": "988"}, ...]}
//
// "en" is required; a language the setting does not list gets the English
// services. Read through core/JsonLimits.h's parseJsonText, so any text
// gives a table or a DataError whose location is a JSON path in the form
// "$.en[0]" (or "byte N" for syntax), never an exception.
#include "core/Result.h"
#include "core/safety/SafetyPlan.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace heart::safety {

struct CrisisServiceTable
{
    std::map<std::string, std::vector<SafetyContact>, std::less<>> byLanguage; // always holds "en"

    // The services for a plan in `language`: its own list, else the English one.
    const std::vector<SafetyContact>& forLanguage(std::string_view language) const;
};

// Error codes: the parseJsonText ones, "wrong-type" ($ or $.xx not as
// described), "missing-member" ($.en), "language-code" ($.xx: not 2 or 3
// lower-case letters), "incomplete-service" ($.xx[i]: no name or no phone).
Result<CrisisServiceTable, DataError> parseCrisisServices(std::string_view json,
                                                          const std::string& sourceName);

} // namespace heart::safety
