#pragma once
// Files core/ carries as text, without Qt resources: core/CMakeLists.txt turns
// each into a generated .cpp holding it as a raw string literal.
#include <string_view>

namespace heart::cad::embedded {

std::string_view eidoSchemaJson();        // core/cad/eido-schema.json (scripts/eido-schema.py)
std::string_view defaultNatureCodesCsv(); // resources/cad/nature-codes.csv

} // namespace heart::cad::embedded
