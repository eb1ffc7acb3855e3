#pragma once
// The demo's encounter documentation beyond what the follow-ups need: the
// note CRT-1's team is writing on scene right now (a draft with the in-person
// C-SSRS, entries by the peer and the EMT, a safety plan in the person's
// language) and a signed addendum under the newest signed note, as a
// correction is made in life.
#include "core/Clock.h"
#include "store/StoreError.h"

#include <QString>

namespace heart::store {

class Database;

// After the units and the follow-ups (whose signed notes it corrects).
StoreError writeDemoEncounters(Database& db, const Clock& clock, const QString& workstation);

} // namespace heart::store
