#pragma once
// The audit trails of other devices (van laptops), as the center holds them:
// one segment per device, its rows verbatim (the device's own seq and hashes)
// in device_audit_log, and each new head of a segment anchored by one row of
// the center's own chain (action "audit_anchor", record type "device_audit",
// record id "<device id>:<seq>:<hash>"). So the center's chain covers every
// device's chain: a device row edited afterwards breaks its segment, and a
// segment replaced by a recomputed one no longer matches its anchors
// (docs/architecture.md, "One audit trail, several writers").
#include "core/AuditChain.h"
#include "core/Clock.h"
#include "store/StoreError.h"

#include <QString>
#include <optional>
#include <vector>

namespace heart::store {

class Database;

namespace audit {
inline const QString AuditAnchor = QStringLiteral("audit_anchor"); // a device segment's new head
inline const QString DeviceAuditRecord = QStringLiteral("device_audit");
} // namespace audit

// What one receive() did.
struct SegmentReceipt
{
    qint64 stored = 0;    // rows new to the center, appended
    qint64 skipped = 0;   // rows the center held already (a batch sent again)
    qint64 head = 0;      // the device's last seq the center holds now (0: none)
    qint64 anchorSeq = 0; // the center audit_log row anchoring the new head; 0 when nothing was new
};

// An anchor of the center's chain that the device's segment does not match.
struct AnchorBreak
{
    enum class Kind
    {
        HashMismatch, // the device row the anchor names has another hash
        MissingRow,   // the device row the anchor names is not there
        Unanchored,   // device rows after the last anchor: stored behind the program's back
        Malformed     // the anchor's record id is not "<device>:<seq>:<hash>"
    } kind = Kind::HashMismatch;
    qint64 centerSeq = 0; // the anchor's seq in the center's audit_log (0 for Unanchored)
    qint64 deviceSeq = 0; // the device row it names (Unanchored: the first row no anchor covers)
};

struct SegmentVerification
{
    QString deviceId;
    qint64 rowsChecked = 0;               // rows found intact (all of them, or those before the first break)
    qint64 anchors = 0;                   // anchor rows in the center's chain naming this device
    std::optional<AuditBreak> firstBreak; // in the device's own chain
    std::optional<AnchorBreak> anchorBreak; // the first anchor (by device seq) that does not hold

    bool intact() const { return !firstBreak && !anchorBreak; }
};

class AuditSegments
{
public:
    AuditSegments(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // 1 to 64 of A-Z a-z 0-9 . _ - (a UUID fits): it is part of the anchor's record id.
    static bool isValidDeviceId(const QString& deviceId);

    // On the center, inside the sync push's write transaction (joins it; opens
    // one of its own when none is open). `rows` are the device's audit rows in
    // ascending seq order, as AuditTrail::entries() reads them on the device.
    // Rows the center holds already are skipped (after checking they are the
    // same rows); the rest must continue the stored segment: the next seq, the
    // head's hash as prev_hash, each hash the hash of its row. Then one center
    // audit row anchors the new head (none when nothing was new).
    // Refusals, after which nothing of the batch may be committed (the error
    // dooms the caller's transaction):
    //   InvalidInput (field "device_id")  the device id is not one isValidDeviceId() accepts;
    //   Conflict                          the batch does not continue the stored segment (a gap,
    //                                     another prev_hash, a hash that does not match its row)
    //                                     or a row held already differs: the detail names the
    //                                     device and the seq. Sending it again will not help.
    StoreResult<SegmentReceipt> receive(const QString& deviceId, const std::vector<AuditEntry>& rows);

    // The last seq the center holds for the device, 0 if none: the device
    // sends its rows from lastReceived() + 1 on.
    StoreResult<qint64> lastReceived(const QString& deviceId);
    // The stored rows of a device from `fromSeq` on, in seq order.
    StoreResult<std::vector<AuditEntry>> entries(const QString& deviceId, qint64 fromSeq, int limit);

    // Every device segment (those with rows and those an anchor names), by
    // device id: its chain from the genesis hash, and every anchor of the
    // center's chain against the device row it names. Empty on a database that
    // received none (a laptop, a center without vans).
    StoreResult<std::vector<SegmentVerification>> verify();

    // The record id of the anchor row for a device's head.
    static QString anchorRecordId(const QString& deviceId, qint64 seq, const QString& hash);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
