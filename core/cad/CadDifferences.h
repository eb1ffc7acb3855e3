#pragma once
// What a later CAD message changed, field by field, against the CAD values a
// call was last based on. A call a counselor has taken is never rewritten by
// the CAD: these differences are shown to accept or dismiss instead.
#include "core/cad/CadIncident.h"

#include <string_view>
#include <vector>

namespace heart::cad {

// The parts of a CAD incident that become fields of the call.
enum class CadField
{
    Nature, // -> call type (through the center's nature-code table)
    Address,
    Position, // latitude and longitude together (-> beat)
    CallerName,
    CallerPhone,
    CallerRelationship,
    PersonName,
    PersonAge,
    Language, // language and interpreter together
    Flags,
    Notes, // notes and cautions -> narrative
};

inline constexpr CadField kAllCadFields[] = {
    CadField::Nature,     CadField::Address,     CadField::Position,
    CadField::CallerName, CadField::CallerPhone, CadField::CallerRelationship,
    CadField::PersonName, CadField::PersonAge,   CadField::Language,
    CadField::Flags,      CadField::Notes,
};

// Stable code of a field ("address", "position", ...), for storage and logs.
std::string_view cadFieldCode(CadField field);

// The fields whose CAD values differ between two messages of one incident,
// in kAllCadFields order. Flags compare as sets.
std::vector<CadField> changedFields(const CadIncident& before, const CadIncident& after);

// The narrative a call gets from the CAD: its notes, then one line per caution.
std::string cadNarrative(const CadIncident& incident);

} // namespace heart::cad
