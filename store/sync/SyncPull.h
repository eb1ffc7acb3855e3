#pragma once
// Internal to store/sync: bringing the center's records onto the laptop.
#include "core/Clock.h"
#include "store/StoreError.h"
#include "store/sync/SyncEngine.h"
#include "store/sync/SyncScope.h"

#include <functional>

namespace heart::store::sync {

struct PullBatch
{
    QList<RecordRef> records;
    qint64 pulledSeq = -1;             // moved on in the same transaction (-1: leave)
    bool markLocalJournalSent = false; // setting up: what the copy journaled is not to be sent back
    QStringList crew;                  // their sign-ins are confirmed now
};

// Reads the records (and what they point at) from the center, then writes in
// one laptop transaction those the laptop has no unsent change to, with
// their journal and audit rows, the base, and the batch's sequence.
StoreResult<int> pullRecords(Database& local, Database& center, const Clock& clock,
                             const SyncIdentity& identity, const PullBatch& batch,
                             const std::function<void(const QString&)>& step);

} // namespace heart::store::sync
