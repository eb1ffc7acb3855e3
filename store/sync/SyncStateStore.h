#pragma once
// Internal to store/sync: the laptop's bookkeeping rows.
#include "store/sync/SyncRecords.h"

#include <QDateTime>
#include <optional>

namespace heart::store::sync {

inline constexpr const char* kDeviceId = "device_id";
inline constexpr const char* kUnitId = "unit_id";
inline constexpr const char* kDeviceName = "device_name";
inline constexpr const char* kPushedSeq = "pushed_seq";
inline constexpr const char* kPulledSeq = "pulled_seq";
inline constexpr const char* kLastSyncAt = "last_sync_at";
inline constexpr const char* kCenterUrl = "center_url";

struct WaitingRecord
{
    QString type;
    QString id;
    QString action; // the latest journal action on it
    QString userId; // who made that change
};

StoreResult<QString> stateValue(Database& db, const QString& key);
StoreError setStateValue(Database& db, const QString& key, const QString& value);
StoreResult<std::optional<Snapshot>> readBase(Database& db, const QString& type, const QString& id);
StoreError writeBase(Database& db, const Snapshot& snapshot);
StoreError writeConflict(Database& db, const QString& deviceId, const QString& type, const QString& id,
                         const QString& reason, const Snapshot& mine, const Snapshot& theirs,
                         const QDateTime& at, const QString& conflictId);
// The records changed on the laptop and not yet sent, from its journal after
// `afterSeq` (at most `limit` journal rows read; `lastSeq` gets the last one read).
StoreResult<QList<WaitingRecord>> waitingRecords(Database& local, qint64 afterSeq, int limit = 100000,
                                                 qint64* lastSeq = nullptr);

} // namespace heart::store::sync
