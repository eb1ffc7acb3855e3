#include "store/AuditBatch.h"

#include "store/AuditRows.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QVariant>
#include <algorithm>
#include <optional>

namespace heart::store {
namespace {

// As AuditTrail: "no user" is stored as the empty text, which the hash covers.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

StoreError appendAuditRows(Database& db, const Clock& clock, const QString& userId, const QString& role,
                           const QString& workstation, const QList<AuditEvent>& events)
{
    if (events.isEmpty())
        return {};
    const QString lock = db.dialect().lockAuditChain();
    if (!lock.isEmpty()) {
        if (StoreError error = db.execDirect(lock, "lock audit chain"))
            return error;
    }
    qint64 seq = 0;
    std::string prevHash = kAuditGenesisHash;
    {
        QSqlQuery last =
            db.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (StoreError error = db.exec(last, "read audit chain head"))
            return error;
        if (last.next()) {
            seq = last.value(0).toLongLong();
            prevHash = last.value(1).toString().toStdString();
        }
    }
    const std::string at = toStoredTime(clock.now()).toStdString();
    // Up to kBatch rows a statement (10 values each: within SQLite's and
    // PostgreSQL's limits on bound values); a batch ends at a checkpoint's row.
    constexpr qsizetype kBatch = 50;
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    qsizetype done = 0;
    while (done < events.size()) {
        qsizetype count = std::min(kBatch, events.size() - done);
        const qint64 toCheckpoint = AuditCheckpoints::kInterval - seq % AuditCheckpoints::kInterval;
        count = std::min<qsizetype>(count, qsizetype(toCheckpoint));
        const QString sql = QStringLiteral("INSERT INTO audit_log (seq, at_utc, user_id, role, workstation, "
                                           "action, record_type, record_id, prev_hash, hash) VALUES ") +
                            QList<QString>(count, row).join(QStringLiteral(", "));
        // One statement a batch, freed before the next (a failed one alone is
        // left to free in the aborted transaction).
        QSqlQuery insert = db.prepare(sql);
        int bound = 0;
        for (qsizetype i = done; i < done + count; ++i) {
            const AuditEvent& event = events[i];
            AuditEntry entry;
            entry.seq = ++seq;
            entry.prevHash = prevHash;
            entry.atUtc = at;
            entry.userId = userId.toStdString();
            entry.role = role.toStdString();
            entry.workstation = workstation.toStdString();
            entry.action = event.action.toStdString();
            entry.recordType = event.recordType.toStdString();
            entry.recordId = event.recordId.toStdString();
            entry.hash = auditHash(entry);
            for (const QVariant& value :
                 {QVariant(static_cast<qlonglong>(entry.seq)), QVariant(QString::fromStdString(entry.atUtc)),
                  QVariant(notNull(userId)), QVariant(notNull(role)), QVariant(notNull(workstation)),
                  QVariant(notNull(event.action)), QVariant(notNull(event.recordType)),
                  QVariant(notNull(event.recordId)), QVariant(QString::fromStdString(entry.prevHash)),
                  QVariant(QString::fromStdString(entry.hash))})
                insert.bindValue(bound++, value);
            prevHash = entry.hash;
        }
        if (StoreError error = db.exec(insert, "append audit row"))
            return error;
        done += count;
        if (seq % AuditCheckpoints::kInterval == 0) {
            if (StoreError error = AuditCheckpoints(db, clock).atInterval(seq, prevHash))
                return error;
        }
    }
    return {};
}

} // namespace heart::store
