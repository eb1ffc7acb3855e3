#pragma once
// How the center merges a record a laptop sends with the one it has
// (docs/offline-sync.md, "Conflict rules"). Pure on snapshots: no SQL.
#include "store/sync/SyncRecords.h"

#include <optional>

namespace heart::store::sync {

struct MergeResult
{
    Snapshot merged;             // what the center keeps (version and updated_at set)
    bool write = true;           // false: the center already has this content
    QString conflict;            // empty, or the reason a copy is kept
    bool keepTheirsCopy = false; // the copy kept is the center's (the laptop's signed note stood)
};

// `base` is what both sides last agreed on (exists == false when unknown).
MergeResult mergeRecord(const Snapshot& base, const Snapshot& theirs, const Snapshot& mine);

} // namespace heart::store::sync
