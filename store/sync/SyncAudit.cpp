#include "store/sync/SyncAudit.h"

#include "core/Clock.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"

namespace heart::store::sync {

StoreResult<std::vector<AuditEntry>> unsentAuditRows(Database& local, Database& center,
                                                     const QString& deviceId, int limit)
{
    auto last = AuditSegments(center, SystemClock::instance()).lastReceived(deviceId);
    if (!last.ok())
        return last.error();
    return AuditTrail(local, SystemClock::instance()).entries(last.value() + 1, limit);
}

StoreError receiveAuditRows(Database& center, const Clock& clock, const SyncIdentity& identity,
                            const std::vector<AuditEntry>& rows)
{
    if (rows.empty())
        return {};
    auto receipt = AuditSegments(center, clock).receive(identity.deviceId, rows);
    if (!receipt.ok())
        return receipt.error();
    return {};
}

} // namespace heart::store::sync
