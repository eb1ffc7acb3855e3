#pragma once
// The mapping the CAD link uses (CadMapping): the center's nature-code table
// (a CSV file given to the link, else the table stored as a setting, else
// the shipped one) and the beat map of the rule sets in force.
#include "usecases/CadUseCases.h"

#include <optional>

namespace heart::usecases {

// nullopt with `error` naming the file or setting that could not be read.
std::optional<CadMapping> cadMapping(const Context& context, const QString& natureCodesFile, QString* error);

} // namespace heart::usecases
