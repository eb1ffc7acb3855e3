#include "store/AuditTrail.h"

#include "store/AuditBatch.h"
#include "store/AuditRows.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"

#include <QVariant>
#include <algorithm>

namespace heart::store {

StoreError AuditTrail::append(const Actor& actor, const AuditEvent& event)
{
    return append(actor.userId(), toQString(roleCode(actor.role())), actor.workstation(), event);
}

StoreError AuditTrail::append(const QString& userId, const QString& role, const QString& workstation,
                              const AuditEvent& event)
{
    // One row is a batch of one: the chain lock, the head read, the hash and
    // the checkpoint every kInterval rows are written in one place.
    return appendAuditRows(m_db, m_clock, userId, role, workstation, {event});
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
