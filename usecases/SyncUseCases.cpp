#include "usecases/SyncUseCases.h"

#include "store/AuditTrail.h"
#include "store/Database.h"

namespace heart::usecases {
namespace {

const QString kConflict = QStringLiteral("sync_conflict");

} // namespace

store::StoreResult<store::sync::SyncState> SyncQueries::state()
{
    auto van = store::sync::isVanStore(m_db);
    if (!van.ok())
        return van.error();
    if (!van.value())
        return store::sync::SyncState{};
    return store::sync::readSyncState(m_db);
}

store::StoreResult<QList<store::sync::SyncConflict>> SyncUseCases::conflicts()
{
    store::AuditTrail trail(m_context.db, m_context.clock);
    if (store::StoreError error = trail.require(m_context.actor, Action::WriteEncounterEntry, kConflict))
        return error;
    return store::sync::openConflicts(m_context.db);
}

store::StoreError SyncUseCases::resolve(const QString& conflictId, bool keepMine)
{
    store::AuditTrail trail(m_context.db, m_context.clock);
    if (store::StoreError error =
            trail.require(m_context.actor, Action::WriteEncounterEntry, kConflict, conflictId))
        return error;
    return store::sync::resolveConflict(m_context.db, m_context.clock, conflictId, keepMine, m_context.actor);
}

} // namespace heart::usecases
