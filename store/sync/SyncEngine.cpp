#include "store/sync/SyncEngine.h"

#include "core/Permissions.h"
#include "core/Role.h"
#include "core/Uuid.h"
#include "store/AuditTrail.h"
#include "store/ChangeJournal.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"
#include "store/sync/SyncAudit.h"
#include "store/sync/SyncMerge.h"
#include "store/sync/SyncPull.h"
#include "store/sync/SyncScope.h"
#include "store/sync/SyncStateStore.h"

#include <QJsonDocument>
#include <algorithm>

namespace heart::store::sync {
namespace {

const QString kSyncRole = QStringLiteral("sync");
const QString kSyncIn = QStringLiteral("sync_in");

// What each kind of record needs the author to be allowed on the center.
std::optional<Action> actionFor(const QString& type)
{
    if (type == QLatin1String("unit"))
        return Action::UpdateUnitStatus;
    if (type == QLatin1String("encounter") || type == QLatin1String("encounter_entry"))
        return Action::WriteEncounterEntry;
    if (type == QLatin1String("safety_plan"))
        return Action::WriteSafetyPlan;
    if (type == QLatin1String("followup_task"))
        return Action::SignEncounter; // made by signing a note
    if (type == QLatin1String("person"))
        return Action::OpenPersonRecord;
    return std::nullopt;
}

// The role the author acts in on the center for this kind of record, or
// empty when none of their roles may (or the account is gone or inactive).
StoreResult<QString> permittedRole(Database& center, const QString& userId, const QString& type)
{
    const auto action = actionFor(type);
    if (!action)
        return QString();
    QSqlQuery query = center.prepare(QStringLiteral(
        "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.id = ? AND u.active = 1 "
        "ORDER BY r.role"));
    query.addBindValue(userId);
    if (StoreError error = center.exec(query, "sync: read the author's roles"))
        return error;
    while (query.next()) {
        const auto role = roleFromCode(query.value(0).toString().toStdString());
        if (role && permits(*role, *action))
            return query.value(0).toString();
    }
    return QString();
}

StoreResult<std::optional<Snapshot>> deviceRecord(Database& center, const QString& deviceId,
                                                  const QString& type, const QString& id)
{
    QSqlQuery query = center.prepare(QStringLiteral("SELECT version, row_json FROM sync_device_records WHERE "
                                                    "device_id = ? AND record_type = ? AND record_id = ?"));
    query.addBindValue(deviceId);
    query.addBindValue(type);
    query.addBindValue(id);
    if (StoreError error = center.exec(query, "sync: read the device's last row"))
        return error;
    if (!query.next())
        return std::optional<Snapshot>{};
    Snapshot snapshot =
        Snapshot::fromJson(type, id, QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    return std::optional<Snapshot>{snapshot};
}

StoreError saveDeviceRecord(Database& center, const QString& deviceId, const Snapshot& mine)
{
    QSqlQuery query = center.prepare(QStringLiteral(
        "INSERT INTO sync_device_records (device_id, record_type, record_id, version, row_json) VALUES (?, "
        "?, ?, ?, ?) "
        "ON CONFLICT (device_id, record_type, record_id) DO UPDATE SET version = excluded.version, "
        "row_json = excluded.row_json"));
    query.addBindValue(deviceId);
    query.addBindValue(mine.type);
    query.addBindValue(mine.id);
    query.addBindValue(mine.version());
    query.addBindValue(QString::fromUtf8(QJsonDocument(mine.toJson()).toJson(QJsonDocument::Compact)));
    return center.exec(query, "sync: keep the device's row");
}

struct Outgoing
{
    WaitingRecord record;
    Snapshot mine;
    std::optional<Snapshot> base;
};

struct Applied
{
    Snapshot mine;
    QString conflict;
    QString conflictId;
    Snapshot copy;  // the version kept aside
    Snapshot stood; // the version that stands
};

bool byDependency(const Outgoing& a, const Outgoing& b)
{
    return dependencyRank(a.record.type) < dependencyRank(b.record.type);
}

} // namespace

SyncEngine::SyncEngine(Database& local, Database& center, const Clock& clock, SyncIdentity identity)
    : m_local(local), m_center(center), m_clock(clock), m_identity(std::move(identity))
{}

void SyncEngine::step(const QString& name)
{
    if (onStep)
        onStep(name);
}

SyncReport SyncEngine::syncOnce()
{
    SyncReport report = push();
    if (report.error)
        return report;
    const SyncReport pulled = pull();
    report.pulled = pulled.pulled;
    report.error = pulled.error;
    if (!report.error) {
        SqlTransaction tx(m_local);
        if (!tx.beginError()) {
            setStateValue(m_local, QString::fromLatin1(kLastSyncAt), toStoredTime(m_clock.now()));
            tx.commit();
        }
    }
    return report;
}

SyncReport SyncEngine::push()
{
    SyncReport report;
    const QString deviceKey = QString::fromLatin1(kPushedSeq);
    for (;;) {
        step(QStringLiteral("push:read"));
        auto pushedText = stateValue(m_local, deviceKey);
        if (!pushedText.ok())
            return {report.pushed, 0, report.conflicts, pushedText.error()};
        const qint64 pushedSeq = pushedText.value().toLongLong();
        qint64 lastSeq = pushedSeq;
        auto waiting = waitingRecords(m_local, pushedSeq, m_batch, &lastSeq);
        if (!waiting.ok())
            return {report.pushed, 0, report.conflicts, waiting.error()};
        auto auditRows = unsentAuditRows(m_local, m_center, m_identity.deviceId);
        if (!auditRows.ok())
            return {report.pushed, 0, report.conflicts, auditRows.error()};
        if (lastSeq == pushedSeq && auditRows.value().empty())
            return report; // caught up
        QList<Outgoing> outgoing;
        for (const WaitingRecord& record : waiting.value()) {
            auto mine = readSnapshot(m_local, record.type, record.id);
            auto base = readBase(m_local, record.type, record.id);
            if (!mine.ok())
                return {report.pushed, 0, report.conflicts, mine.error()};
            if (!base.ok())
                return {report.pushed, 0, report.conflicts, base.error()};
            outgoing.append({record, mine.value(), base.value()});
        }
        std::stable_sort(outgoing.begin(), outgoing.end(), byDependency);

        // One center transaction: the rows, their audit and journal rows, the
        // laptop's audit segment and the device's sequence commit together.
        QList<Applied> applied;
        {
            SqlTransaction tx(m_center);
            if (tx.beginError())
                return {report.pushed, 0, report.conflicts, tx.beginError()};
            const QString lock = m_center.dialect().lockAuditChain();
            if (!lock.isEmpty()) {
                if (StoreError error = m_center.execDirect(lock, "sync: lock the journal"))
                    return {report.pushed, 0, report.conflicts, error};
            }
            qint64 centerPushed = 0;
            {
                QSqlQuery device = m_center.prepare(
                    QStringLiteral("SELECT pushed_seq FROM sync_devices WHERE device_id = ?"));
                device.addBindValue(m_identity.deviceId);
                if (StoreError error = m_center.exec(device, "sync: read the device"))
                    return {report.pushed, 0, report.conflicts, error};
                if (device.next())
                    centerPushed = device.value(0).toLongLong();
            }
            const QDateTime now = toDateTime(m_clock.now());
            AuditTrail trail(m_center, m_clock);
            QMap<QString, QList<RecordChange>> changesByUser;
            for (const Outgoing& out : outgoing) {
                auto theirs = readSnapshot(m_center, out.record.type, out.record.id);
                if (!theirs.ok())
                    return {report.pushed, 0, report.conflicts, theirs.error()};
                auto remembered = deviceRecord(m_center, m_identity.deviceId, out.record.type, out.record.id);
                if (!remembered.ok())
                    return {report.pushed, 0, report.conflicts, remembered.error()};
                // The base: what the laptop last agreed, or what it last sent
                // here if its answer was lost on the way back.
                Snapshot base;
                if (out.base)
                    base = *out.base;
                if (remembered.value() && (!base.exists || remembered.value()->version() > base.version()))
                    base = *remembered.value();
                Applied result{out.mine, {}, {}, {}, {}};
                auto role = permittedRole(m_center, out.record.userId, out.record.type);
                if (!role.ok())
                    return {report.pushed, 0, report.conflicts, role.error()};
                if (role.value().isEmpty()) {
                    result.conflict = QStringLiteral("not_permitted");
                    result.copy = out.mine;
                    result.stood = theirs.value();
                    if (StoreError error =
                            trail.append(out.record.userId, kSyncRole, m_identity.deviceName,
                                         {audit::PermissionDenied, out.record.type, out.record.id}))
                        return {report.pushed, 0, report.conflicts, error};
                } else {
                    const MergeResult merge = mergeRecord(base, theirs.value(), out.mine);
                    if (merge.write) {
                        if (StoreError error = writeSnapshot(m_center, merge.merged, SeqClash::KeepMine))
                            return {report.pushed, 0, report.conflicts, error};
                        if (StoreError error =
                                trail.append(out.record.userId, role.value(), m_identity.deviceName,
                                             {kSyncIn, out.record.type, out.record.id}))
                            return {report.pushed, 0, report.conflicts, error};
                        changesByUser[out.record.userId].append(
                            {out.record.action, out.record.type, out.record.id, merge.merged.version()});
                    }
                    if (!merge.conflict.isEmpty()) {
                        result.conflict = merge.conflict;
                        result.copy = merge.keepTheirsCopy ? theirs.value() : out.mine;
                        result.stood = merge.merged;
                    }
                }
                if (!result.conflict.isEmpty()) {
                    result.conflictId = toQString(newRecordId(m_clock.now()));
                    if (StoreError error =
                            writeConflict(m_center, m_identity.deviceId, out.record.type, out.record.id,
                                          result.conflict, result.copy, result.stood, now, result.conflictId))
                        return {report.pushed, 0, report.conflicts, error};
                }
                if (StoreError error = saveDeviceRecord(m_center, m_identity.deviceId, out.mine))
                    return {report.pushed, 0, report.conflicts, error};
                applied.append(result);
            }
            if (StoreError error = receiveAuditRows(m_center, m_clock, m_identity, auditRows.value()))
                return {report.pushed, 0, report.conflicts, error};
            for (auto it = changesByUser.cbegin(); it != changesByUser.cend(); ++it) {
                auto journal =
                    ChangeJournal(m_center).append(it.value(), it.key(), m_identity.deviceName, now);
                if (!journal.ok())
                    return {report.pushed, 0, report.conflicts, journal.error()};
            }
            QSqlQuery device = m_center.prepare(
                QStringLiteral("INSERT INTO sync_devices (device_id, unit_id, name, pushed_seq, "
                               "last_seen_at) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (device_id) DO UPDATE SET pushed_seq = excluded.pushed_seq, "
                               "last_seen_at = excluded.last_seen_at, name = excluded.name"));
            device.addBindValue(m_identity.deviceId);
            device.addBindValue(m_identity.unitId);
            device.addBindValue(m_identity.deviceName);
            device.addBindValue(std::max(centerPushed, lastSeq));
            device.addBindValue(toStoredTime(now));
            if (StoreError error = m_center.exec(device, "sync: move the device's sequence on"))
                return {report.pushed, 0, report.conflicts, error};
            if (StoreError error = tx.commit())
                return {report.pushed, 0, report.conflicts, error};
        }
        step(QStringLiteral("push:center-commit"));

        // The laptop notes what was sent: the base of every record and the
        // conflicts the lead is to look at.
        {
            SqlTransaction tx(m_local);
            if (tx.beginError())
                return {report.pushed, 0, report.conflicts, tx.beginError()};
            const QDateTime now = toDateTime(m_clock.now());
            for (const Applied& result : applied) {
                if (StoreError error = writeBase(m_local, result.mine))
                    return {report.pushed, 0, report.conflicts, error};
                if (!result.conflict.isEmpty()) {
                    if (StoreError error =
                            writeConflict(m_local, m_identity.deviceId, result.mine.type, result.mine.id,
                                          result.conflict, result.copy, result.stood, now, result.conflictId))
                        return {report.pushed, 0, report.conflicts, error};
                    ++report.conflicts;
                }
            }
            if (StoreError error = setStateValue(m_local, deviceKey, QString::number(lastSeq)))
                return {report.pushed, 0, report.conflicts, error};
            if (StoreError error = tx.commit())
                return {report.pushed, 0, report.conflicts, error};
        }
        step(QStringLiteral("push:local-commit"));
        report.pushed += int(applied.size());
    }
}

SyncReport SyncEngine::pull()
{
    SyncReport report;
    const QString pulledKey = QString::fromLatin1(kPulledSeq);
    const auto stepper = [this](const QString& name) {
        step(name);
    };
    for (;;) {
        step(QStringLiteral("pull:read"));
        auto pulledText = stateValue(m_local, pulledKey);
        if (!pulledText.ok())
            return {0, report.pulled, 0, pulledText.error()};
        auto entries = ChangeJournal(m_center).after(pulledText.value().toLongLong(), m_batch);
        if (!entries.ok())
            return {0, report.pulled, 0, entries.error()};
        SyncScope scope(m_center, m_identity.unitId, toDateTime(m_clock.now()).addDays(-SyncScope::kDays));
        if (entries.value().isEmpty()) {
            // Caught up: the center still vouches for the crew as it is now
            // (written at most every few minutes, not at every sync).
            const QDateTime now = toDateTime(m_clock.now());
            if (m_crewConfirmedAt.isValid() && m_crewConfirmedAt.secsTo(now) < 300)
                return report;
            m_crewConfirmedAt = now;
            auto crew = scope.crewUserIds();
            if (!crew.ok())
                return {0, report.pulled, 0, crew.error()};
            auto confirmed =
                pullRecords(m_local, m_center, m_clock, m_identity, {{}, -1, false, crew.value()}, {});
            if (!confirmed.ok())
                return {0, report.pulled, 0, confirmed.error()};
            return report;
        }
        auto wanted = scope.recordsFor(entries.value());
        if (!wanted.ok())
            return {0, report.pulled, 0, wanted.error()};
        auto crew = scope.crewUserIds();
        if (!crew.ok())
            return {0, report.pulled, 0, crew.error()};
        PullBatch batch{wanted.value(), entries.value().constLast().seq, false, crew.value()};
        auto written = pullRecords(m_local, m_center, m_clock, m_identity, batch, stepper);
        if (!written.ok())
            return {0, report.pulled, 0, written.error()};
        step(QStringLiteral("pull:local-commit"));
        report.pulled += written.value();
    }
}

StoreError provisionLaptop(Database& local, Database& center, const Clock& clock,
                           const SyncIdentity& identity)
{
    if (identity.deviceId.isEmpty() || identity.unitId.isEmpty())
        return StoreError::make(StoreErrorCode::RequiredMissing,
                                QStringLiteral("a laptop needs a device and a unit"), QStringLiteral("unit"));
    auto head = ChangeJournal(center).lastSeq();
    if (!head.ok())
        return head.error();
    SyncScope scope(center, identity.unitId, toDateTime(clock.now()).addDays(-SyncScope::kDays));
    auto everything = scope.everything();
    if (!everything.ok())
        return everything.error();
    auto crew = scope.crewUserIds();
    if (!crew.ok())
        return crew.error();
    {
        SqlTransaction tx(local);
        if (tx.beginError())
            return tx.beginError();
        const QList<QPair<const char*, QString>> values = {
            {kDeviceId, identity.deviceId},     {kUnitId, identity.unitId},
            {kDeviceName, identity.deviceName}, {kCenterUrl, identity.centerLocation},
            {kPushedSeq, QStringLiteral("0")},  {kPulledSeq, QStringLiteral("0")}};
        for (const auto& [key, value] : values) {
            if (StoreError error = setStateValue(local, QString::fromLatin1(key), value))
                return error;
        }
        if (StoreError error = tx.commit())
            return error;
    }
    // The copy and the sequence it starts from commit together; what the
    // copy journaled here is not to be sent back.
    PullBatch batch{everything.value(), head.value(), true, crew.value()};
    auto written = pullRecords(local, center, clock, identity, batch, {});
    if (!written.ok())
        return written.error();
    return setStateValue(local, QString::fromLatin1(kLastSyncAt), toStoredTime(clock.now()));
}

} // namespace heart::store::sync
