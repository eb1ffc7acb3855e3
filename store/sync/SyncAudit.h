#pragma once
// Internal to store/sync: the laptop's audit rows travel with the push and
// join the center's trail as the device's own segment, anchored in the
// center's chain (store/AuditSegments.h).
#include "core/AuditChain.h"
#include "core/Clock.h"
#include "store/StoreError.h"
#include "store/sync/SyncEngine.h"

#include <vector>

namespace heart::store::sync {

// The laptop's audit rows the center has not stored yet, oldest first.
StoreResult<std::vector<AuditEntry>> unsentAuditRows(Database& local, Database& center,
                                                     const QString& deviceId, int limit = 2000);
// On the center, inside the push's transaction.
StoreError receiveAuditRows(Database& center, const Clock& clock, const SyncIdentity& identity,
                            const std::vector<AuditEntry>& rows);

} // namespace heart::store::sync
