#pragma once
// The van laptop's sync with the center (docs/offline-sync.md).
//
// The laptop works on its own SQLite store and journals every change there
// as any workstation does. Whenever the center's PostgreSQL is reachable:
//
//   push - the laptop's journal after the last sequence the center applied:
//          each changed record's row (and the rows hanging off it) with the
//          base both sides last agreed on, in ONE center transaction that
//          also stores the laptop's audit rows and moves the device's pushed
//          sequence on. A batch sent twice (the answer was lost) is applied
//          once. The center merges by the rules of the record type and keeps
//          whatever it could not merge as a conflict copy: nothing is
//          silently overwritten.
//   pull - the center's journal after the last sequence the laptop saw,
//          limited to the unit's records (its calls, their people, its
//          encounters, its crew's accounts) and the shared references
//          (settings, rule sets, directory), in one laptop transaction.
//          A record with changes not yet pushed is left alone: the next
//          push merges it on the center and the pull after brings it back.
#include "core/Clock.h"
#include "store/Actor.h"
#include "store/StoreError.h"
#include "store/sync/SyncRecords.h"

#include <QDateTime>
#include <QString>
#include <functional>

namespace heart::store {
class Database;
}

namespace heart::store::sync {

struct SyncIdentity
{
    QString deviceId;       // the laptop's own id, made when it was set up
    QString unitId;         // the unit it rides with
    QString deviceName;     // shown in the center's journal and audit ("CRT-2 laptop")
    QString centerLocation; // the center's server, as a --database location (no password)
};

struct SyncReport
{
    int pushed = 0;    // records sent and applied on the center
    int pulled = 0;    // records brought from the center
    int conflicts = 0; // versions kept for someone to choose
    StoreError error;
};

// One open conflict, as the laptop shows it.
struct SyncConflict
{
    QString id;
    QString recordType;
    QString recordId;
    QString reason; // "edited_both", "signed_at_center", "signed_on_laptop", "signed_both", "not_permitted"
    QJsonObject mine;
    QJsonObject theirs;
    QDateTime detectedAt;
};

// The laptop's own bookkeeping, read by the status bar.
struct SyncState
{
    SyncIdentity identity;
    qint64 pushedSeq = 0;
    qint64 pulledSeq = 0;
    QDateTime lastSyncAt; // the last sync that ran to the end
    int waiting = 0;      // changed records not yet sent
    int openConflicts = 0;
};

// The laptop side: is this database a van store, and how far is it.
StoreResult<bool> isVanStore(Database& local);
StoreResult<SyncState> readSyncState(Database& local);
StoreResult<QList<SyncConflict>> openConflicts(Database& local);
// On a van store: refuses (CredentialsExpired) a crew member whose account
// the center has not confirmed for longer than Setting::OfflineSignInDays.
// Anywhere else: nothing to check.
StoreError checkOfflineSignIn(Database& local, const QString& userId, TimePoint now);
// The lead chose: "mine" writes the laptop's version again over the current
// one (it is then sent as any change), "theirs" keeps what stands.
StoreError resolveConflict(Database& local, const Clock& clock, const QString& conflictId, bool keepMine,
                           const Actor& actor);

class SyncEngine
{
public:
    SyncEngine(Database& local, Database& center, const Clock& clock, SyncIdentity identity);

    // Push, then pull, until both are caught up.
    SyncReport syncOnce();
    SyncReport push();
    SyncReport pull();

    // Called between the steps of a sync ("push:read", "push:center-commit",
    // "push:local-commit", "pull:read", "pull:local-commit"): the fault tests
    // cut the link there.
    std::function<void(const QString& step)> onStep;

    // Batch size for both directions (tests make it small).
    void setBatchSize(int records) { m_batch = records; }

private:
    void step(const QString& name);

    Database& m_local;
    Database& m_center;
    const Clock& m_clock;
    SyncIdentity m_identity;
    int m_batch = 200;
    QDateTime m_crewConfirmedAt; // the last confirmation of the crew's accounts by this engine
};

// A new laptop store (an empty, migrated SQLite file): takes its identity
// and copies the unit's records, the crew's accounts and the shared
// references from the center. The pull after it goes on from the center's
// journal as it stood before the copy.
StoreError provisionLaptop(Database& local, Database& center, const Clock& clock,
                           const SyncIdentity& identity);

} // namespace heart::store::sync
