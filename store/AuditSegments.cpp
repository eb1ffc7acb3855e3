#include "store/AuditSegments.h"

#include "store/AuditRows.h"
#include "store/AuditTrail.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"

#include <QRegularExpression>
#include <QVariant>
#include <algorithm>
#include <map>

namespace heart::store {
namespace {

// verify() reads a segment this many rows at a time.
constexpr int kPage = 5000;

const QString kColumns = QStringLiteral(
    "seq, at_utc, user_id, role, workstation, action, record_type, record_id, prev_hash, hash");

// A null QString binds as SQL NULL, which the NOT NULL columns refuse; the
// hash covers the empty text.
QString notNull(const std::string& text)
{
    return text.empty() ? QStringLiteral("") : QString::fromStdString(text);
}

const char* breakInWords(AuditBreak::Kind kind)
{
    switch (kind) {
    case AuditBreak::Kind::HashMismatch:
        return "its hash does not match its contents";
    case AuditBreak::Kind::PrevHashMismatch:
        return "it does not follow the previous row's hash";
    case AuditBreak::Kind::SequenceGap:
        return "it is not the next seq";
    }
    return "it does not continue the chain";
}

struct Anchor
{
    qint64 centerSeq = 0;
    qint64 deviceSeq = 0;
    QString hash;
};

struct ParsedAnchor
{
    QString deviceId;
    std::optional<Anchor> anchor; // empty: malformed
};

ParsedAnchor parseAnchor(qint64 centerSeq, const QString& recordId)
{
    // "<device>:<seq>:<hash>"; a device id holds no ':'.
    const QStringList parts = recordId.split(QLatin1Char(':'));
    ParsedAnchor parsed;
    parsed.deviceId = parts.value(0);
    if (parts.size() != 3)
        return parsed;
    bool ok = false;
    const qint64 seq = parts[1].toLongLong(&ok);
    if (!ok || seq < 1 || parts[2].isEmpty())
        return parsed;
    parsed.anchor = Anchor{centerSeq, seq, parts[2]};
    return parsed;
}

} // namespace

bool AuditSegments::isValidDeviceId(const QString& deviceId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(deviceId).hasMatch();
}

QString AuditSegments::anchorRecordId(const QString& deviceId, qint64 seq, const QString& hash)
{
    return QStringLiteral("%1:%2:%3").arg(deviceId).arg(seq).arg(hash);
}

StoreResult<qint64> AuditSegments::lastReceived(const QString& deviceId)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM device_audit_log WHERE device_id = ?"));
    query.addBindValue(deviceId);
    if (StoreError error = m_db.exec(query, "read a device segment's head"))
        return error;
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

StoreResult<std::vector<AuditEntry>> AuditSegments::entries(const QString& deviceId, qint64 fromSeq,
                                                            int limit)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT %1 FROM device_audit_log WHERE device_id = ? AND "
                                                  "seq >= ? ORDER BY seq LIMIT ?")
                                       .arg(kColumns));
    query.addBindValue(deviceId);
    query.addBindValue(fromSeq);
    query.addBindValue(limit);
    if (StoreError error = m_db.exec(query, "read device audit rows"))
        return error;
    std::vector<AuditEntry> rows;
    while (query.next())
        rows.push_back(auditEntryFrom(query));
    return rows;
}

StoreResult<SegmentReceipt> AuditSegments::receive(const QString& deviceId,
                                                   const std::vector<AuditEntry>& rows)
{
    if (!isValidDeviceId(deviceId)) {
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("a device id is 1 to 64 letters, digits, '.', '_' or '-'"),
                                QStringLiteral("device_id"));
    }
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    // The audit chain's lock first: two pushes of one device (a retry while
    // the first still runs) queue here, and the second sees the first's rows.
    if (const QString lock = m_db.dialect().lockAuditChain(); !lock.isEmpty()) {
        if (StoreError error = m_db.execDirect(lock, "lock audit chain"))
            return error;
    }
    SegmentReceipt receipt;
    std::string headHash = kAuditGenesisHash;
    {
        QSqlQuery head = m_db.prepare(QStringLiteral(
            "SELECT seq, hash FROM device_audit_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1"));
        head.addBindValue(deviceId);
        if (StoreError error = m_db.exec(head, "read a device segment's head"))
            return error;
        if (head.next()) {
            receipt.head = head.value(0).toLongLong();
            headHash = head.value(1).toString().toStdString();
        }
    }

    // Rows held already: the same rows, or the device's chain is not the one
    // the center holds (a laptop database made anew under the same device id).
    auto fresh = rows.begin();
    if (fresh != rows.end() && fresh->seq <= receipt.head) {
        QSqlQuery held = m_db.prepare(QStringLiteral("SELECT seq, hash FROM device_audit_log WHERE device_id "
                                                     "= ? AND seq >= ? AND seq <= ? ORDER BY seq"));
        held.addBindValue(deviceId);
        held.addBindValue(static_cast<qlonglong>(fresh->seq));
        held.addBindValue(static_cast<qlonglong>(fresh->seq + static_cast<qint64>(rows.size())));
        if (StoreError error = m_db.exec(held, "read a device segment"))
            return error;
        std::map<qint64, std::string> heldHashes;
        while (held.next())
            heldHashes.emplace(held.value(0).toLongLong(), held.value(1).toString().toStdString());
        for (; fresh != rows.end() && fresh->seq <= receipt.head; ++fresh) {
            const auto it = heldHashes.find(fresh->seq);
            if (it == heldHashes.end() || it->second != fresh->hash || auditHash(*fresh) != fresh->hash) {
                return StoreError::make(
                    StoreErrorCode::Conflict,
                    QStringLiteral("device %1: audit row %2 differs from the row received before")
                        .arg(deviceId)
                        .arg(fresh->seq));
            }
            ++receipt.skipped;
        }
    }
    const std::vector<AuditEntry> newRows(fresh, rows.end());
    if (newRows.empty()) {
        if (StoreError error = tx.commit())
            return error;
        return receipt;
    }
    if (auto broken = findAuditBreak(newRows, headHash, receipt.head + 1)) {
        const QString detail =
            broken->kind == AuditBreak::Kind::SequenceGap && broken->seq == newRows.front().seq
                ? QStringLiteral("device %1: audit row %2 does not follow row %3, the last received")
                      .arg(deviceId)
                      .arg(broken->seq)
                      .arg(receipt.head)
                : QStringLiteral("device %1: audit row %2 does not continue the segment: %3")
                      .arg(deviceId)
                      .arg(broken->seq)
                      .arg(QLatin1String(breakInWords(broken->kind)));
        return StoreError::make(StoreErrorCode::Conflict, detail);
    }

    const QString receivedAt = toStoredTime(m_clock.now());
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO device_audit_log (device_id, %1, received_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                         .arg(kColumns));
    for (const AuditEntry& e : newRows) {
        insert.addBindValue(deviceId);
        insert.addBindValue(static_cast<qlonglong>(e.seq));
        insert.addBindValue(notNull(e.atUtc));
        insert.addBindValue(notNull(e.userId));
        insert.addBindValue(notNull(e.role));
        insert.addBindValue(notNull(e.workstation));
        insert.addBindValue(notNull(e.action));
        insert.addBindValue(notNull(e.recordType));
        insert.addBindValue(notNull(e.recordId));
        insert.addBindValue(notNull(e.prevHash));
        insert.addBindValue(notNull(e.hash));
        insert.addBindValue(receivedAt);
        if (StoreError error = m_db.exec(insert, "append device audit row"))
            return error;
    }
    receipt.stored = static_cast<qint64>(newRows.size());
    receipt.head = newRows.back().seq;

    // The anchor: the center's chain now covers the device's up to its new
    // head. No user acted on the center; the workstation is the device.
    const QString anchorId =
        anchorRecordId(deviceId, receipt.head, QString::fromStdString(newRows.back().hash));
    if (StoreError error = AuditTrail(m_db, m_clock)
                               .append(QString(), QString(), deviceId,
                                       {audit::AuditAnchor, audit::DeviceAuditRecord, anchorId}))
        return error;
    QSqlQuery anchorSeq = m_db.prepare(QStringLiteral("SELECT MAX(seq) FROM audit_log"));
    if (StoreError error = m_db.exec(anchorSeq, "read the anchor's seq"))
        return error;
    if (anchorSeq.next())
        receipt.anchorSeq = anchorSeq.value(0).toLongLong();
    if (StoreError error = tx.commit())
        return error;
    qCInfo(lcStore) << "device audit segment" << deviceId << "received" << receipt.stored << "rows, head"
                    << receipt.head << "anchored at" << receipt.anchorSeq;
    return receipt;
}

StoreResult<std::vector<SegmentVerification>> AuditSegments::verify()
{
    // Every anchor of the center's chain, by device.
    std::map<QString, std::vector<Anchor>> anchors;
    std::map<QString, AnchorBreak> malformed;
    {
        QSqlQuery query = m_db.prepare(QStringLiteral(
            "SELECT seq, record_id FROM audit_log WHERE action = ? AND record_type = ? ORDER BY seq"));
        query.addBindValue(audit::AuditAnchor);
        query.addBindValue(audit::DeviceAuditRecord);
        if (StoreError error = m_db.exec(query, "read audit anchors"))
            return error;
        while (query.next()) {
            const qint64 centerSeq = query.value(0).toLongLong();
            const ParsedAnchor parsed = parseAnchor(centerSeq, query.value(1).toString());
            if (parsed.anchor)
                anchors[parsed.deviceId].push_back(*parsed.anchor);
            else if (!malformed.count(parsed.deviceId))
                malformed.emplace(parsed.deviceId, AnchorBreak{AnchorBreak::Kind::Malformed, centerSeq, 0});
        }
    }
    // Every device with rows, and every device an anchor names.
    std::map<QString, SegmentVerification> results;
    {
        QSqlQuery query = m_db.prepare(QStringLiteral("SELECT DISTINCT device_id FROM device_audit_log"));
        if (StoreError error = m_db.exec(query, "list device segments"))
            return error;
        while (query.next())
            results[query.value(0).toString()];
    }
    for (const auto& [device, list] : anchors)
        results[device].anchors = static_cast<qint64>(list.size());
    for (const auto& [device, broken] : malformed)
        results[device].anchorBreak = broken;

    for (auto& [device, result] : results) {
        result.deviceId = device;
        std::vector<Anchor>& named = anchors[device];
        std::sort(named.begin(), named.end(),
                  [](const Anchor& a, const Anchor& b) { return a.deviceSeq < b.deviceSeq; });
        // The stored hash of each row an anchor names, read on the way (none: no such row).
        std::map<qint64, std::optional<QString>> anchoredHashes;
        for (const Anchor& a : named)
            anchoredHashes.emplace(a.deviceSeq, std::nullopt);

        std::string prevHash = kAuditGenesisHash;
        qint64 nextSeq = 1;
        qint64 fromSeq = 1;
        qint64 lastSeq = 0;
        for (;;) {
            auto page = entries(device, fromSeq, kPage);
            if (!page.ok())
                return page.error();
            const auto& rows = page.value();
            if (rows.empty())
                break;
            for (const AuditEntry& e : rows) {
                if (auto it = anchoredHashes.find(e.seq); it != anchoredHashes.end())
                    it->second = QString::fromStdString(e.hash);
            }
            if (!result.firstBreak) {
                if (auto broken = findAuditBreak(rows, prevHash, nextSeq)) {
                    const auto at = std::find_if(rows.begin(), rows.end(),
                                                 [&](const AuditEntry& e) { return e.seq == broken->seq; });
                    result.rowsChecked += static_cast<qint64>(at - rows.begin());
                    result.firstBreak = broken;
                } else {
                    result.rowsChecked += static_cast<qint64>(rows.size());
                    prevHash = rows.back().hash;
                    nextSeq = rows.back().seq + 1;
                }
            }
            lastSeq = rows.back().seq;
            fromSeq = lastSeq + 1;
            if (static_cast<int>(rows.size()) < kPage)
                break;
        }

        if (result.anchorBreak)
            continue;
        for (const Anchor& a : named) {
            const std::optional<QString>& stored = anchoredHashes[a.deviceSeq];
            if (!stored) {
                result.anchorBreak = AnchorBreak{AnchorBreak::Kind::MissingRow, a.centerSeq, a.deviceSeq};
                break;
            }
            if (*stored != a.hash) {
                result.anchorBreak = AnchorBreak{AnchorBreak::Kind::HashMismatch, a.centerSeq, a.deviceSeq};
                break;
            }
        }
        const qint64 lastAnchored = named.empty() ? 0 : named.back().deviceSeq;
        if (!result.anchorBreak && lastSeq > lastAnchored)
            result.anchorBreak = AnchorBreak{AnchorBreak::Kind::Unanchored, 0, lastAnchored + 1};
    }

    std::vector<SegmentVerification> out;
    out.reserve(results.size());
    for (auto& [device, result] : results)
        out.push_back(std::move(result));
    return out;
}

} // namespace heart::store
