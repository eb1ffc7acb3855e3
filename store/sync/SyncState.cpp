// The laptop's sync bookkeeping: identity, sequences, bases and conflicts.
#include "core/Uuid.h"
#include "store/AuditTrail.h"
#include "store/ChangeJournal.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SettingsStore.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"
#include "store/sync/SyncEngine.h"
#include "store/sync/SyncStateStore.h"

#include <QJsonDocument>

namespace heart::store::sync {

StoreResult<QString> stateValue(Database& db, const QString& key)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    if (StoreError error = db.exec(query, "sync: read state"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

StoreError setStateValue(Database& db, const QString& key, const QString& value)
{
    QSqlQuery query = db.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) ON "
                                                "CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value.isNull() ? QStringLiteral("") : value);
    return db.exec(query, "sync: write state");
}

StoreResult<std::optional<Snapshot>> readBase(Database& db, const QString& type, const QString& id)
{
    QSqlQuery query = db.prepare(
        QStringLiteral("SELECT version, row_json FROM sync_base WHERE record_type = ? AND record_id = ?"));
    query.addBindValue(type);
    query.addBindValue(id);
    if (StoreError error = db.exec(query, "sync: read base"))
        return error;
    if (!query.next())
        return std::optional<Snapshot>{};
    Snapshot base =
        Snapshot::fromJson(type, id, QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    base.row.insert(QStringLiteral("version"), query.value(0).toInt());
    return std::optional<Snapshot>{base};
}

StoreError writeBase(Database& db, const Snapshot& snapshot)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "INSERT INTO sync_base (record_type, record_id, version, row_json) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (record_type, record_id) DO UPDATE SET version = excluded.version, row_json = "
        "excluded.row_json"));
    query.addBindValue(snapshot.type);
    query.addBindValue(snapshot.id);
    query.addBindValue(snapshot.version());
    query.addBindValue(QString::fromUtf8(QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Compact)));
    return db.exec(query, "sync: write base");
}

StoreError writeConflict(Database& db, const QString& deviceId, const QString& type, const QString& id,
                         const QString& reason, const Snapshot& mine, const Snapshot& theirs,
                         const QDateTime& at, const QString& conflictId)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "INSERT INTO sync_conflicts (id, device_id, record_type, record_id, reason, mine_json, theirs_json, "
        "detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"));
    query.addBindValue(conflictId);
    query.addBindValue(deviceId);
    query.addBindValue(type);
    query.addBindValue(id);
    query.addBindValue(reason);
    query.addBindValue(QString::fromUtf8(QJsonDocument(mine.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(QString::fromUtf8(QJsonDocument(theirs.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(toStoredTime(at));
    return db.exec(query, "sync: keep a conflict copy");
}

StoreResult<bool> isVanStore(Database& local)
{
    auto device = stateValue(local, QString::fromLatin1(kDeviceId));
    if (!device.ok())
        return device.error();
    return !device.value().isEmpty();
}

StoreResult<SyncState> readSyncState(Database& local)
{
    SyncState state;
    const auto read = [&](const char* key) {
        return stateValue(local, QString::fromLatin1(key));
    };
    auto device = read(kDeviceId);
    if (!device.ok())
        return device.error();
    state.identity.deviceId = device.value();
    const auto or_empty = [](const StoreResult<QString>& result) {
        return result.ok() ? result.value() : QString();
    };
    state.identity.unitId = or_empty(read(kUnitId));
    state.identity.deviceName = or_empty(read(kDeviceName));
    state.identity.centerLocation = or_empty(read(kCenterUrl));
    state.pushedSeq = or_empty(read(kPushedSeq)).toLongLong();
    state.pulledSeq = or_empty(read(kPulledSeq)).toLongLong();
    const QString last = or_empty(read(kLastSyncAt));
    if (!last.isEmpty())
        state.lastSyncAt = fromStoredTime(last);
    auto waiting = waitingRecords(local, state.pushedSeq);
    if (!waiting.ok())
        return waiting.error();
    state.waiting = int(waiting.value().size());
    QSqlQuery conflicts =
        local.prepare(QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE resolved_at IS NULL"));
    if (StoreError error = local.exec(conflicts, "sync: count conflicts"))
        return error;
    state.openConflicts = conflicts.next() ? conflicts.value(0).toInt() : 0;
    return state;
}

StoreResult<QList<WaitingRecord>> waitingRecords(Database& local, qint64 afterSeq, int limit, qint64* lastSeq)
{
    auto entries = ChangeJournal(local).after(afterSeq, limit);
    if (!entries.ok())
        return entries.error();
    QList<WaitingRecord> records;
    for (const JournalEntry& entry : entries.value()) {
        if (lastSeq)
            *lastSeq = entry.seq;
        const RecordSpec* spec = specFor(entry.recordType);
        if (!spec || !spec->pushable)
            continue;
        const auto same = [&](const WaitingRecord& r) {
            return r.type == entry.recordType && r.id == entry.recordId;
        };
        auto found = std::find_if(records.begin(), records.end(), same);
        if (found != records.end()) {
            found->action = entry.action;
            found->userId = entry.userId;
            continue;
        }
        auto base = readBase(local, entry.recordType, entry.recordId);
        if (!base.ok())
            return base.error();
        QSqlQuery version =
            local.prepare(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(spec->table));
        version.addBindValue(entry.recordId);
        if (StoreError error = local.exec(version, "sync: read version"))
            return error;
        if (!version.next())
            continue;
        const int current = version.value(0).toInt();
        if (base.value() && current <= base.value()->version())
            continue; // came from the center, or already sent
        records.append({entry.recordType, entry.recordId, entry.action, entry.userId});
    }
    return records;
}

StoreError checkOfflineSignIn(Database& local, const QString& userId, TimePoint now)
{
    auto van = isVanStore(local);
    if (!van.ok())
        return van.error();
    if (!van.value())
        return {};
    QSqlQuery query =
        local.prepare(QStringLiteral("SELECT confirmed_at FROM sync_credentials WHERE user_id = ?"));
    query.addBindValue(userId);
    if (StoreError error = local.exec(query, "sync: read the account's confirmation"))
        return error;
    const QString confirmed = query.next() ? query.value(0).toString() : QString();
    query.finish();
    bool ok = false;
    int days = SettingsStore(local, SystemClock::instance()).value(Setting::OfflineSignInDays).toInt(&ok);
    if (!ok || days < 1)
        days = SettingsStore::defaultValue(Setting::OfflineSignInDays).toInt();
    if (!confirmed.isEmpty() && fromStoredTime(confirmed).addDays(days) > toDateTime(now))
        return {};
    return StoreError::make(
        StoreErrorCode::CredentialsExpired,
        QStringLiteral("the center last confirmed this account more than %1 days ago").arg(days));
}

StoreResult<QList<SyncConflict>> openConflicts(Database& local)
{
    QSqlQuery query = local.prepare(QStringLiteral(
        "SELECT id, record_type, record_id, reason, mine_json, theirs_json, detected_at FROM sync_conflicts "
        "WHERE resolved_at IS NULL ORDER BY detected_at, id"));
    if (StoreError error = local.exec(query, "sync: read conflicts"))
        return error;
    QList<SyncConflict> conflicts;
    while (query.next()) {
        conflicts.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toString(),
                          QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object(),
                          QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object(),
                          fromStoredTime(query.value(6).toString())});
    }
    return conflicts;
}

StoreError resolveConflict(Database& local, const Clock& clock, const QString& conflictId, bool keepMine,
                           const Actor& actor)
{
    SqlTransaction tx(local);
    if (tx.beginError())
        return tx.beginError();
    QSqlQuery query = local.prepare(QStringLiteral(
        "SELECT record_type, record_id, mine_json, theirs_json, reason FROM sync_conflicts WHERE id = ? AND "
        "resolved_at IS NULL"));
    query.addBindValue(conflictId);
    if (StoreError error = local.exec(query, "sync: read conflict"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound,
                                QStringLiteral("no open conflict %1").arg(conflictId));
    const QString type = query.value(0).toString();
    const QString id = query.value(1).toString();
    // "Mine" is the laptop's version; when the laptop's signed note stood,
    // the copy kept is the center's, and choosing it is choosing "theirs".
    const bool copyIsTheirs = query.value(4).toString() == QLatin1String("signed_on_laptop");
    const QJsonObject chosen =
        QJsonDocument::fromJson(query.value(copyIsTheirs ? 3 : 2).toString().toUtf8()).object();
    query.finish();
    const QDateTime now = toDateTime(clock.now());
    QList<RecordChange> changes;
    if (keepMine && !copyIsTheirs) {
        auto current = readSnapshot(local, type, id);
        if (!current.ok())
            return current.error();
        if (current.value().exists &&
            (type == QLatin1String("encounter") &&
             !current.value().row.value(QStringLiteral("signed_at")).toString().isEmpty())) {
            return StoreError::make(
                StoreErrorCode::RecordSigned,
                QStringLiteral("the note was signed at the center: add an addendum instead"));
        }
        Snapshot mine = Snapshot::fromJson(type, id, chosen);
        mine.row.insert(QStringLiteral("version"), current.value().version() + 1);
        mine.row.insert(QStringLiteral("updated_at"), toStoredTime(now));
        if (StoreError error = writeSnapshot(local, mine, SeqClash::TakeTheirs))
            return error;
        changes.append({audit::Update, type, id, mine.version()});
    }
    QSqlQuery resolve = local.prepare(QStringLiteral(
        "UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?"));
    resolve.addBindValue(toStoredTime(now));
    resolve.addBindValue(actor.userId());
    resolve.addBindValue(keepMine ? QStringLiteral("mine") : QStringLiteral("theirs"));
    resolve.addBindValue(conflictId);
    if (StoreError error = local.exec(resolve, "sync: resolve conflict"))
        return error;
    AuditTrail trail(local, clock);
    if (StoreError error = trail.append(actor, {QStringLiteral("resolve_conflict"), type, id}))
        return error;
    if (!changes.isEmpty()) {
        auto journal = ChangeJournal(local).append(changes, actor.userId(), actor.workstation(), now);
        if (!journal.ok())
            return journal.error();
    }
    return tx.commit();
}

} // namespace heart::store::sync
