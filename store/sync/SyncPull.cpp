#include "store/sync/SyncPull.h"

#include "store/AuditTrail.h"
#include "store/ChangeJournal.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"
#include "store/sync/SyncStateStore.h"

#include <algorithm>

namespace heart::store::sync {
namespace {

// Records a center row points at, which the laptop needs first.
QList<RecordRef> dependencies(const Snapshot& snapshot)
{
    QList<RecordRef> needs;
    const auto add = [&needs](const char* type, const QVariant& id) {
        if (!id.isNull() && id.isValid() && !id.toString().isEmpty())
            needs.append({QString::fromLatin1(type), id.toString(), {}, {}, {}});
    };
    const QVariantMap& row = snapshot.row;
    const QString& type = snapshot.type;
    if (type == QLatin1String("call")) {
        add("person", row.value(QStringLiteral("person_id")));
    } else if (type == QLatin1String("unit")) {
        add("call", row.value(QStringLiteral("call_id")));
        for (const QVariantMap& event : snapshot.children.value(QStringLiteral("unit_status_events")))
            add("call", event.value(QStringLiteral("call_id")));
        for (const QVariantMap& member : snapshot.children.value(QStringLiteral("unit_members")))
            add("staff", member.value(QStringLiteral("staff_id")));
    } else if (type == QLatin1String("staff")) {
        add("user", row.value(QStringLiteral("user_id")));
    } else if (type == QLatin1String("encounter")) {
        add("call", row.value(QStringLiteral("call_id")));
    } else if (type == QLatin1String("encounter_entry")) {
        add("encounter", row.value(QStringLiteral("encounter_id")));
    } else if (type == QLatin1String("safety_plan")) {
        add("encounter", row.value(QStringLiteral("encounter_id")));
        add("person", row.value(QStringLiteral("person_id")));
    }
    return needs;
}

struct Incoming
{
    RecordRef ref;
    Snapshot theirs;
};

} // namespace

StoreResult<int> pullRecords(Database& local, Database& center, const Clock& clock,
                             const SyncIdentity& identity, const PullBatch& batch,
                             const std::function<void(const QString&)>& step)
{
    // Read everything from the center first: the laptop's write lock is held
    // only for the local writes.
    QList<Incoming> incoming;
    QList<RecordRef> queue = batch.records;
    for (int i = 0; i < queue.size(); ++i) {
        const RecordRef ref = queue.at(i);
        auto theirs = readSnapshot(center, ref.type, ref.id);
        if (!theirs.ok())
            return theirs.error();
        if (!theirs.value().exists)
            continue;
        for (const RecordRef& need : dependencies(theirs.value())) {
            if (need.type == QLatin1String("unit"))
                continue;
            if (!queue.contains(need))
                queue.append(need);
        }
        incoming.append({ref, theirs.value()});
    }
    std::stable_sort(incoming.begin(), incoming.end(), [](const Incoming& a, const Incoming& b) {
        return dependencyRank(a.ref.type) < dependencyRank(b.ref.type);
    });
    if (step)
        step(QStringLiteral("pull:read-center"));

    SqlTransaction tx(local);
    if (tx.beginError())
        return tx.beginError();
    if (local.dialect().engine() == Engine::Sqlite) {
        if (StoreError error =
                local.execDirect(QStringLiteral("PRAGMA defer_foreign_keys = ON"), "sync: defer keys"))
            return error;
    }
    const QDateTime now = toDateTime(clock.now());
    AuditTrail trail(local, clock);
    QMap<QPair<QString, QString>, QList<RecordChange>> changes; // by (user, workstation)
    int written = 0;
    for (const Incoming& in : std::as_const(incoming)) {
        const RecordSpec* spec = specFor(in.ref.type);
        auto mine = readSnapshot(local, in.ref.type, in.ref.id);
        if (!mine.ok())
            return mine.error();
        auto base = readBase(local, in.ref.type, in.ref.id);
        if (!base.ok())
            return base.error();
        if (mine.value().exists && spec->versioned) {
            // A change made here and not yet sent stays: the next push merges it.
            const bool unsent = !base.value() || mine.value().version() > base.value()->version();
            if (unsent && !sameContent(mine.value(), in.theirs))
                continue;
            if (mine.value().version() >= in.theirs.version() && sameContent(mine.value(), in.theirs)) {
                if (StoreError error = writeBase(local, in.theirs))
                    return error;
                continue;
            }
            if (mine.value().version() > in.theirs.version())
                continue;
        } else if (mine.value().exists && sameContent(mine.value(), in.theirs)) {
            continue;
        }
        if (StoreError error = writeSnapshot(local, in.theirs, SeqClash::TakeTheirs))
            return error;
        if (StoreError error = writeBase(local, in.theirs))
            return error;
        if (StoreError error = trail.append(in.ref.userId, QStringLiteral("sync"), identity.deviceName,
                                            {QStringLiteral("sync_in"), in.ref.type, in.ref.id}))
            return error;
        const QString action = in.ref.action.isEmpty() ? audit::Update : in.ref.action;
        changes[{in.ref.userId, in.ref.workstation}].append(
            {action, in.ref.type, in.ref.id, spec->versioned ? in.theirs.version() : 1});
        ++written;
    }
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        auto journal = ChangeJournal(local).append(it.value(), it.key().first, it.key().second, now);
        if (!journal.ok())
            return journal.error();
    }
    if (batch.markLocalJournalSent) {
        auto head = ChangeJournal(local).lastSeq();
        if (!head.ok())
            return head.error();
        if (StoreError error =
                setStateValue(local, QString::fromLatin1(kPushedSeq), QString::number(head.value())))
            return error;
    }
    if (batch.pulledSeq >= 0) {
        if (StoreError error =
                setStateValue(local, QString::fromLatin1(kPulledSeq), QString::number(batch.pulledSeq)))
            return error;
    }
    // The center vouches for the crew's accounts as they are now.
    for (const QString& userId : batch.crew) {
        QSqlQuery confirm = local.prepare(QStringLiteral(
            "INSERT INTO sync_credentials (user_id, confirmed_at) SELECT id, ? FROM users WHERE id = ? "
            "ON CONFLICT (user_id) DO UPDATE SET confirmed_at = excluded.confirmed_at"));
        confirm.addBindValue(toStoredTime(now));
        confirm.addBindValue(userId);
        if (StoreError error = local.exec(confirm, "sync: confirm a crew account"))
            return error;
    }
    if (!batch.crew.isEmpty()) {
        // Someone no longer on the crew can no longer sign in here.
        QString placeholders = QStringList(batch.crew.size(), QStringLiteral("?")).join(QLatin1String(", "));
        QSqlQuery drop = local.prepare(
            QStringLiteral("DELETE FROM sync_credentials WHERE user_id NOT IN (%1)").arg(placeholders));
        for (const QString& userId : batch.crew)
            drop.addBindValue(userId);
        if (StoreError error = local.exec(drop, "sync: forget former crew"))
            return error;
    }
    if (step)
        step(QStringLiteral("pull:apply"));
    if (StoreError error = tx.commit())
        return error;
    return written;
}

} // namespace heart::store::sync
