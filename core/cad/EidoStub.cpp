// TEMPORARY STUB
#include "core/cad/EidoReader.h"
#include "core/cad/EidoWriter.h"
#include <nlohmann/json.hpp>
namespace heart::cad {
Result<CadIncident, DataError> readEido(std::string_view text)
{
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("$id"))
        return DataError{"<eido>", "$", "not-eido", "not an EIDO"};
    CadIncident i;
    i.incidentId = j["$id"].get<std::string>();
    i.cadNumber = j.value("incidentComponent", nlohmann::json::object()).value("internalIncidentId", i.incidentId);
    i.updatedAt = std::chrono::system_clock::now();
    i.receivedAt = i.updatedAt;
    i.natureCode = j.value("incidentComponent", nlohmann::json::object()).value("incidentTypeInternalCode", "");
    return i;
}
std::string writeEidoUpdate(const CadUpdate& u)
{
    nlohmann::json j;
    j["$id"] = u.incidentId;
    j["eidoVersion"] = "1.0";
    j["x"] = u.unitCode + "/" + u.unitStatus + "/" + u.program;
    return j.dump();
}
}
#include "core/cad/NatureCodeTable.h"
namespace heart::cad {
Result<NatureCodeTable, DataError> NatureCodeTable::fromCsv(std::string_view, std::string_view) { return builtIn(); }
Result<NatureCodeTable, DataError> NatureCodeTable::fromJson(std::string_view, std::string_view) { return builtIn(); }
NatureCodeTable NatureCodeTable::builtIn() { NatureCodeTable t; t.codes["MH"] = "mental_health"; return t; }
std::optional<std::string> NatureCodeTable::callTypeFor(const CadIncident& i) const
{
    auto it = codes.find(i.natureCode);
    if (it == codes.end()) return std::nullopt;
    return it->second;
}
}
