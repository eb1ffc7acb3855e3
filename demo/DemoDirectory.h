#pragma once
// The demo program's resource directory: fictional community services in
// Durham, NC, shipped as a CSV file (resources/demo/directory.csv, embedded
// as ":/demo/directory.csv") and imported through the same reader and store
// call as an administrator's import, so the demo exercises that path.
#include "core/Clock.h"
#include "store/Actor.h"
#include "store/StoreError.h"

namespace heart::store {

class Database;

// Imports the demo directory as `administrator`. InvalidInput when the
// shipped file has a bad row (the detail names its line and code).
StoreError writeDemoDirectory(Database& db, const Clock& clock, const Actor& administrator);

} // namespace heart::store
