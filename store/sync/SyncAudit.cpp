#include "store/sync/SyncAudit.h"

namespace heart::store::sync {

// Until the device segments land (migration 13), the laptop's rows stay on
// the laptop.
StoreResult<std::vector<AuditEntry>> unsentAuditRows(Database&, Database&, const QString&, int)
{
    return std::vector<AuditEntry>{};
}

StoreError receiveAuditRows(Database&, const Clock&, const SyncIdentity&, const std::vector<AuditEntry>&)
{
    return {};
}

} // namespace heart::store::sync
