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

// An EIDO as a CAD would send it about an incident (for the CAD simulator and
// tests): readEido gives the incident back, every field equal, except that
// a caution line comes back as written (its registry text is the line itself),
// each flag no caution names adds a caution line naming the flag ("weapon"),
// `interpreter` false with a language other than English reads back true,
// notes come back with blank lines and runs of blanks removed, and an
// address without coordinates or with them is sent as the location's
// description (and a gml:Point).
std::string writeEidoIncident(const CadIncident& incident);

// NENA registry words for HEART Desk's codes (documented in docs/cad-eido.md):
// unit status ("en_route" -> "Enroute"; unknown -> "Unknown").
std::string_view primaryUnitStatusFor(std::string_view unitStatus);

} // namespace heart::cad
