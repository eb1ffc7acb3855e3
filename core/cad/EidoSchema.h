#pragma once
// The product's own structural check of an inbound EIDO: the required members
// and the JSON types of NENA's schema (NENA-STA-021, openapi.yaml), carried
// in core as core/cad/eido-schema.json (made by scripts/eido-schema.py; NIEM
// types reduced to their JSON type). The official openapi.yaml itself is
// applied by the tests (tests/cad/validate_eido.py).
//
// Semantics are JSON Schema's for the kept keywords: type, required,
// properties, items, minItems, enum, allOf, $ref, format date-time; members
// the schema does not name are allowed. A message never quotes a value of the
// document (it may hold a person's data): only member names of the schema,
// array indices, expected types and allowed enum values.
#include "core/Result.h"

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace heart::cad {

inline constexpr std::size_t kEidoMaxErrors = 20; // reported; the check stops after them

// Problems with the JSON path of each ("callComponent[0].lastUpdateTimeStamp"),
// in document order, at most kEidoMaxErrors. Codes: "missing-member",
// "wrong-type", "bad-value" (not in the enum), "too-few-items", "bad-time"
// (not an RFC 3339 date-time), "too-deep" (nesting past the bound the reader
// already enforces). file is left empty. Empty: the document fits the schema.
std::vector<DataError> checkEidoSchema(const nlohmann::json& document);

} // namespace heart::cad
