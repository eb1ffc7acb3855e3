#pragma once
// Reading an inbound EIDO (NENA-STA-021, JSON) into a CadIncident.
//
// In this order, each step refusing with a DataError (file left empty for the
// caller to fill; location a JSON path or "byte N"; code stable; message
// technical English that never quotes a person's data: the values of the
// document are never copied into it):
//  1. size: at most kEidoMaxBytes ("too-large"), not blank ("json-syntax");
//  2. nesting: at most kEidoMaxDepth arrays/objects deep ("too-deep"), checked
//     on the text before any JSON is built;
//  3. JSON syntax, UTF-8, numbers in range ("json-syntax");
//  4. a JSON object ("not-eido"), then the schema's required members and
//     types (core/cad/EidoSchema.h: "missing-member", "wrong-type",
//     "bad-value", "too-few-items", "bad-time"): the message lists up to
//     kEidoMaxErrors problems, the location is the first one's;
//  5. the mapping: "bad-time" for a time the incident uses outside years
//     kEidoMinYear..kEidoMaxYear, "bad-value" for an empty or overlong $id.
// Nothing is half-read: a refusal returns no incident at all.
//
// The mapping, member by member, is in docs/cad-eido.md ("Inbound mapping").
#include "core/JsonLimits.h"
#include "core/Result.h"
#include "core/cad/CadIncident.h"

#include <cstddef>
#include <string_view>

namespace heart::cad {

inline constexpr std::size_t kEidoMaxBytes = 1024 * 1024;
inline constexpr int kEidoMaxDepth = kJsonMaxDepth;          // core/JsonLimits.h
inline constexpr std::size_t kEidoMaxIdBytes = 255;          // incidentId, cadNumber
inline constexpr std::size_t kEidoMaxLineBytes = 1000;       // any one-line field (address, names, cautions)
inline constexpr std::size_t kEidoMaxNotesBytes = 64 * 1024; // notes as a whole, cut at a character

Result<CadIncident, DataError> readEido(std::string_view text);

// The deepest nesting of arrays and objects in JSON text (strings skipped),
// stopping as soon as it passes `limit` (returns limit + 1 then): linear,
// no allocation, any bytes. For the depth check before parsing; the same
// as heart::jsonNestingDepth (core/JsonLimits.h).
int jsonNestingDepth(std::string_view text, int limit);

} // namespace heart::cad
