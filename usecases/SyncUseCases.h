#pragma once
// The van laptop's sync, as the window uses it: is this a van's store, where
// is its center, and the conflicts the lead is asked about.
#include "store/StoreError.h"
#include "store/sync/SyncEngine.h"
#include "usecases/Context.h"

namespace heart::usecases {

class SyncQueries
{
public:
    SyncQueries(store::Database& db) : m_db(db) {}

    // The laptop's identity and bookkeeping, or an empty device id when this
    // database is not a van's store.
    store::StoreResult<store::sync::SyncState> state();

private:
    store::Database& m_db;
};

class SyncUseCases
{
public:
    explicit SyncUseCases(const Context& context) : m_context(context) {}

    // The versions kept aside by a sync, oldest first: a role that may write
    // notes sees them (the versions are notes, units and plans of its unit).
    store::StoreResult<QList<store::sync::SyncConflict>> conflicts();
    // Keep mine: the laptop's version is written again and sent with the next
    // sync. Keep theirs: what stands stays. Audited either way.
    store::StoreError resolve(const QString& conflictId, bool keepMine);

private:
    Context m_context;
};

} // namespace heart::usecases
