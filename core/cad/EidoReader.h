#pragma once
// TEMPORARY STUB (lead's tree only, not committed): replaced by the eido helper's reader.
#include "core/Result.h"
#include "core/cad/CadIncident.h"
#include <string_view>
namespace heart::cad {
Result<CadIncident, DataError> readEido(std::string_view text);
}
