#pragma once
// The EIDO HEART Desk sends back to the CAD about an incident it took: the
// decision (call type, program), the unit sent and its status, the
// disposition, closing, a note. It validates against NENA's openapi.yaml
// (tests/cad/validate_eido.py checks it in the tests) and reads back through
// readEido (incident id and CAD number).
//
// Deterministic: the same CadUpdate gives the same bytes (members in a fixed
// order, no clock, no random ids). The top-level "$id" is the incidentId so
// the CAD matches the update to its incident; the update's own unique
// messageId is the incidentComponent's "$id" and the prefix of the other
// per-message components ("<messageId>/dispatch", "/disposition", "/note");
// the unit is "unit:<unitCode>@<agency>", the agent "<agentId>@<agency>".
// Member by member in docs/cad-eido.md ("Outbound update").
#include "core/cad/CadIncident.h"

#include <string>
#include <string_view>

namespace heart::cad {

std::string writeEidoUpdate(const CadUpdate& update);

// NENA registry words for HEART Desk's codes (documented in docs/cad-eido.md):
// unit status ("en_route" -> "Enroute"; unknown -> "Unknown").
std::string_view primaryUnitStatusFor(std::string_view unitStatus);

} // namespace heart::cad
