#include "core/cad/CadDifferences.h"

#include <algorithm>

namespace heart::cad {

std::string_view cadFieldCode(CadField field)
{
    switch (field) {
    case CadField::Nature:
        return "nature";
    case CadField::Address:
        return "address";
    case CadField::Position:
        return "position";
    case CadField::CallerName:
        return "caller_name";
    case CadField::CallerPhone:
        return "caller_phone";
    case CadField::CallerRelationship:
        return "caller_relationship";
    case CadField::PersonName:
        return "person_name";
    case CadField::PersonAge:
        return "person_age";
    case CadField::Language:
        return "language";
    case CadField::Flags:
        return "flags";
    case CadField::Notes:
        return "notes";
    }
    return "unknown";
}

namespace {

std::vector<std::string> sorted(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

bool same(const CadIncident& a, const CadIncident& b, CadField field)
{
    switch (field) {
    case CadField::Nature:
        return a.natureCode == b.natureCode && a.natureText == b.natureText;
    case CadField::Address:
        return a.address == b.address;
    case CadField::Position:
        return a.latitude == b.latitude && a.longitude == b.longitude;
    case CadField::CallerName:
        return a.callerName == b.callerName;
    case CadField::CallerPhone:
        return a.callerPhone == b.callerPhone;
    case CadField::CallerRelationship:
        return a.callerRelationship == b.callerRelationship;
    case CadField::PersonName:
        return a.personName == b.personName;
    case CadField::PersonAge:
        return a.personAge == b.personAge;
    case CadField::Language:
        return a.language == b.language && a.interpreter == b.interpreter;
    case CadField::Flags:
        return sorted(a.flags) == sorted(b.flags);
    case CadField::Notes:
        return a.notes == b.notes && a.cautions == b.cautions;
    }
    return true;
}

} // namespace

std::vector<CadField> changedFields(const CadIncident& before, const CadIncident& after)
{
    std::vector<CadField> fields;
    for (CadField field : kAllCadFields)
        if (!same(before, after, field))
            fields.push_back(field);
    return fields;
}

std::string cadNarrative(const CadIncident& incident)
{
    std::string text = incident.notes;
    for (const std::string& caution : incident.cautions) {
        if (!text.empty())
            text += '\n';
        text += "CAD caution: ";
        text += caution;
    }
    return text;
}

} // namespace heart::cad
