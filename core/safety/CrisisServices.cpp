// The crisis services setting (see CrisisServices.h).
#include "core/safety/CrisisServices.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace heart::safety {

namespace {

std::string trimmed(const std::string& text)
{
    const auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    const auto begin = std::find_if_not(text.begin(), text.end(), blank);
    const auto end = std::find_if_not(text.rbegin(), std::make_reverse_iterator(begin), blank).base();
    return std::string(begin, end);
}

bool isLanguageCode(std::string_view code)
{
    return (code.size() == 2 || code.size() == 3) &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

const std::vector<SafetyContact>& CrisisServiceTable::forLanguage(std::string_view language) const
{
    static const std::vector<SafetyContact> none;
    if (const auto found = byLanguage.find(language); found != byLanguage.end())
        return found->second;
    const auto english = byLanguage.find("en");
    return english == byLanguage.end() ? none : english->second;
}

Result<CrisisServiceTable, DataError> parseCrisisServices(std::string_view json,
                                                          const std::string& sourceName)
{
    auto parsed = parseJsonText(json, sourceName, kJsonMaxBytes, "$");
    if (!parsed)
        return parsed.error();
    const nlohmann::json& root = parsed.value();
    const auto problem = [&](std::string location, const char* code, std::string message) {
        return DataError{sourceName, std::move(location), code, std::move(message)};
    };
    if (!root.is_object())
        return problem("$", "wrong-type", "expected an object of languages");
    if (!root.contains("en"))
        return problem("$.en", "missing-member", "the English services are missing");
    CrisisServiceTable table;
    for (const auto& [language, list] : root.items()) {
        const std::string path = "$." + excerpt(language, 20);
        if (!isLanguageCode(language))
            return problem(path, "language-code", "not a language code");
        if (!list.is_array())
            return problem(path, "wrong-type", "expected a list of services");
        std::vector<SafetyContact> services;
        services.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const nlohmann::json& service = list[i];
            const auto textOf = [&](const char* key) {
                const auto found = service.is_object() ? service.find(key) : service.end();
                return found != service.end() && found->is_string() ? trimmed(found->get<std::string>())
                                                                    : std::string();
            };
            SafetyContact contact{textOf("name"), textOf("phone")};
            if (contact.name.empty() || contact.phone.empty())
                return problem(path + "[" + std::to_string(i) + "]", "incomplete-service",
                               "a service needs a name and a phone");
            services.push_back(std::move(contact));
        }
        table.byLanguage.emplace(language, std::move(services));
    }
    return table;
}

} // namespace heart::safety
