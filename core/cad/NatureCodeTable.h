#pragma once
// TEMPORARY STUB (lead's tree only, not committed)
#include "core/Result.h"
#include "core/cad/CadIncident.h"
#include <map>
#include <optional>
#include <string>
#include <string_view>
namespace heart::cad {
class NatureCodeTable
{
public:
    static Result<NatureCodeTable, DataError> fromCsv(std::string_view text, std::string_view file);
    static Result<NatureCodeTable, DataError> fromJson(std::string_view text, std::string_view file);
    static NatureCodeTable builtIn();
    std::optional<std::string> callTypeFor(const CadIncident& incident) const;
    std::map<std::string, std::string> codes;
};
}
