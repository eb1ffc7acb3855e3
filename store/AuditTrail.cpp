#include "store/AuditTrail.h"

#include "store/AuditRows.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"

#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

// A null QString binds as SQL NULL, which the NOT NULL columns refuse: an
// unknown login's failed sign-in (no user, no role) would go unrecorded.
// "No user" is stored as the empty text, as the hash covers it.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

StoreError AuditTrail::append(const Actor& actor, const AuditEvent& event)
{
    return append(actor.userId(), toQString(roleCode(actor.role())), actor.workstation(), event);
}

StoreError AuditTrail::append(const QString& userId, const QString& role, const QString& workstation,
                              const AuditEvent& event)
{
    const QString lock = m_db.dialect().lockAuditChain();
    if (!lock.isEmpty()) {
        if (StoreError error = m_db.execDirect(lock, "lock audit chain"))
            return error;
    }
    AuditEntry entry;
    entry.seq = 1;
    entry.prevHash = kAuditGenesisHash;
    {
        QSqlQuery last =
            m_db.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (StoreError error = m_db.exec(last, "read audit chain head"))
            return error;
        if (last.next()) {
            entry.seq = last.value(0).toLongLong() + 1;
            entry.prevHash = last.value(1).toString().toStdString();
        }
    }
    entry.atUtc = toStoredTime(m_clock.now()).toStdString();
    entry.userId = userId.toStdString();
    entry.role = role.toStdString();
    entry.workstation = workstation.toStdString();
    entry.action = event.action.toStdString();
    entry.recordType = event.recordType.toStdString();
    entry.recordId = event.recordId.toStdString();
    entry.hash = auditHash(entry);

    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_log (seq, at_utc, user_id, role, workstation, action, record_type, record_id, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(static_cast<qlonglong>(entry.seq));
    insert.addBindValue(QString::fromStdString(entry.atUtc));
    insert.addBindValue(notNull(userId));
    insert.addBindValue(notNull(role));
    insert.addBindValue(notNull(workstation));
    insert.addBindValue(notNull(event.action));
    insert.addBindValue(notNull(event.recordType));
    insert.addBindValue(notNull(event.recordId));
    insert.addBindValue(QString::fromStdString(entry.prevHash));
    insert.addBindValue(QString::fromStdString(entry.hash));
    if (StoreError error = m_db.exec(insert, "append audit row"))
        return error;
    // Every kInterval rows, a checkpoint signed with the audit key, by a
    // workstation that holds it (still under the chain lock, in this transaction).
    if (entry.seq % AuditCheckpoints::kInterval == 0)
        return AuditCheckpoints(m_db, m_clock).atInterval(entry.seq, entry.hash);
    return {};
}

StoreError AuditTrail::record(const Actor& actor, const AuditEvent& event)
{
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    if (StoreError error = append(actor, event))
        return error;
    return tx.commit();
}

StoreError AuditTrail::recordAnonymous(const QString& userId, const QString& role, const QString& workstation,
                                       const AuditEvent& event)
{
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    if (StoreError error = append(userId, role, workstation, event))
        return error;
    return tx.commit();
}

StoreError AuditTrail::require(const Actor& actor, Action action, const QString& recordType,
                               const QString& recordId)
{
    if (permits(actor.role(), action))
        return {};
    record(actor, {audit::PermissionDenied, recordType, recordId});
    return StoreError::make(StoreErrorCode::PermissionDenied,
                            QStringLiteral("role %1 may not %2")
                                .arg(toQString(roleCode(actor.role())), toQString(actionCode(action))));
}

StoreResult<std::vector<AuditEntry>> AuditTrail::entries(qint64 fromSeq, int limit)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT seq, at_utc, user_id, role, workstation, action, record_type, record_id, prev_hash, hash "
        "FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?"));
    query.addBindValue(fromSeq);
    query.addBindValue(limit);
    if (StoreError error = m_db.exec(query, "read audit rows"))
        return error;
    std::vector<AuditEntry> rows;
    while (query.next()) {
        rows.push_back(auditEntryFrom(query));
    }
    return rows;
}

StoreResult<QString> AuditTrail::roleOfChange(const QString& userId, const QString& action,
                                              const QString& recordType, const QString& recordId)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT role FROM audit_log WHERE user_id = ? AND action = ? AND record_type = ? AND record_id = ? "
        "ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(userId);
    query.addBindValue(action);
    query.addBindValue(recordType);
    query.addBindValue(recordId);
    if (StoreError error = m_db.exec(query, "read the role of a change"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

StoreResult<AuditVerification> AuditTrail::verify()
{
    // In pages, so a long trail never needs to fit in memory at once.
    constexpr int kPage = 5000;
    AuditVerification result;
    std::string prevHash = kAuditGenesisHash;
    qint64 nextSeq = 1;
    for (;;) {
        auto page = entries(nextSeq, kPage);
        if (!page.ok())
            return page.error();
        const auto& rows = page.value();
        if (rows.empty())
            break;
        if (auto broken = findAuditBreak(rows, prevHash, nextSeq)) {
            // The rows before the broken one held. Count them by position:
            // after a deleted row the seq numbers skip one.
            const auto at = std::find_if(rows.begin(), rows.end(),
                                         [&](const AuditEntry& e) { return e.seq == broken->seq; });
            result.rowsChecked += static_cast<qint64>(at - rows.begin());
            result.firstBreak = broken;
            break;
        }
        result.rowsChecked += static_cast<qint64>(rows.size());
        prevHash = rows.back().hash;
        nextSeq = rows.back().seq + 1;
        if (static_cast<int>(rows.size()) < kPage)
            break;
    }
    auto anchoring = AuditCheckpoints(m_db, m_clock).check(result.rowsChecked, result.firstBreak.has_value());
    if (!anchoring.ok())
        return anchoring.error();
    result.anchoring = anchoring.value();
    return result;
}

} // namespace heart::store
