#pragma once
// TEMPORARY STUB (lead's tree only, not committed): replaced by the eido helper's writer.
#include "core/cad/CadIncident.h"
#include <string>
namespace heart::cad {
std::string writeEidoUpdate(const CadUpdate& update);
}
