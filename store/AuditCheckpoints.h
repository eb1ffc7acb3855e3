#pragma once
// Anchors for the audit hash chain that the database alone cannot forge or
// forget (docs/audit-trail.md):
//
// - an **audit key**: 32 random bytes kept outside the database (a key file,
//   owner-only, in the key folder of store/DatabaseKeys), named by its key id;
// - **checkpoints** in `audit_checkpoints`: (seq, head hash, key id, time,
//   HMAC-SHA-256 with the audit key). Written by whichever workstation holds
//   the key, every kInterval rows as part of the append that reaches the
//   multiple (under the chain lock the append holds already), and at the head
//   when `verify-audit` finds the trail intact. Without the key nobody can
//   write one that verifies, so a chain edited and rehashed no longer matches
//   the checkpoints before its end, and a checkpoint naming a row that is gone
//   shows the trail was cut;
// - a **remembered head** per workstation and database, outside the database
//   (a small file in the key folder): the head this computer last signed
//   after verifying the trail (or the genesis, for a database it made). Deleting the newest rows together
//   with their checkpoints, or every checkpoint, contradicts it.
#include "core/AuditChain.h"
#include "core/Clock.h"
#include "store/ConnectionSpec.h"
#include "store/StoreError.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace heart::store {

class Database;

struct AuditKey
{
    QString id;        // 16 hex digits, derived from the secret
    QByteArray secret; // 32 bytes
};

class AuditKeys
{
public:
    // The key with this id, when this computer holds it (cached per process).
    static std::optional<AuditKey> find(const QString& keyId);
    // A new random key, kept in the key folder (0600 in a 0700 folder).
    static StoreResult<AuditKey> create();
    // "heartdesk-audit-key 1 <id> <base64 secret>\n": what `audit-key export` writes.
    static QByteArray exportText(const AuditKey& key);
    // Keeps a key given as exportText() wrote it; InvalidInput when it is not one.
    static StoreResult<AuditKey> importText(const QByteArray& text);
    static QString folder(); // DatabaseKeys::keyFolder()/audit
    static QString idOf(const QByteArray& secret);
    // After a demo database was written at `spec` (heartdesk --demo,
    // heartdesk-cli demo): the audit key of the demo database written there
    // before, which the new one replaced, is deleted, and the new one's key
    // is noted as this location's demo key. So starting the demo again and
    // again keeps one audit key per demo location instead of one per start.
    // Only a key noted as a demo key is ever deleted. Returns how many key
    // files were deleted (0 or 1).
    static int retireReplacedDemoKey(const ConnectionSpec& spec);
    // Drops what find() cached, so the next look-up reads the key folder
    // again (a key imported meanwhile by another process; tests).
    static void forgetCache();
};

// The newest checkpoint this computer wrote or authenticated for a database.
struct RememberedHead
{
    QString keyId;
    qint64 seq = 0;
    QString hash;
};

class AuditHeadMemory
{
public:
    // "sqlite:<absolute path>" or "postgresql:<host>:<port>/<database>".
    static QString identity(const ConnectionSpec& spec);
    static std::optional<RememberedHead> read(const ConnectionSpec& spec);
    // Keeps `head` when it is newer than the one remembered under the same
    // key (or `replace`: a new key for this database, made on this computer).
    static void remember(const ConnectionSpec& spec, const RememberedHead& head, bool replace = false);
};

// What anchors the chain, or what contradicts it.
struct AuditAnchoring
{
    enum class State
    {
        Anchored,   // an authenticated checkpoint or the remembered head holds
        Unanchored, // nothing outside the database vouches for the chain here
        Tampered    // a checkpoint or the remembered head contradicts the trail
    } state = State::Unanchored;
    enum class Problem
    {
        None,
        RecordsWithoutTrail,   // records in the database, no audit row at all
        ForgedCheckpoint,      // a checkpoint under a key we hold whose MAC does not verify
        CheckpointMismatch,    // an authenticated checkpoint names a row with another hash
        CheckpointRowMissing,  // an authenticated checkpoint names a row that is gone: the trail was cut
        RememberedRowMismatch, // the remembered head's row has another hash
        RememberedRowMissing,  // the remembered head's row is gone: the trail was cut
        CheckpointsMissing     // the database lost the checkpoints this computer saw
    } problem = Problem::None;
    qint64 problemSeq = 0;   // the row (or checkpoint) concerned
    qint64 anchoredUpTo = 0; // rows 1..anchoredUpTo are fixed by a checkpoint or the remembered head
    qint64 checkpoints = 0;  // checkpoints this computer could authenticate
    QString keyId;           // the database's audit key (newest checkpoint), empty when none
    bool haveKey = false;    // this computer holds that key
};

class AuditCheckpoints
{
public:
    static constexpr qint64 kInterval = 100;

    AuditCheckpoints(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // Called by AuditTrail::append for a row whose seq is a multiple of
    // kInterval, inside its transaction and chain lock: signs a checkpoint
    // when this computer holds the database's key; otherwise does nothing.
    StoreError atInterval(qint64 seq, const std::string& hash);

    // On opening: a database with no users, no audit rows and no checkpoint
    // is new; it gets a new key (on this computer) and a checkpoint of the
    // genesis hash, so it is anchored from its first row.
    StoreError provisionIfNew();

    // Its own transaction: a checkpoint of the current head under `key`
    // (none when the newest one is at the head already), remembered here.
    // Call only after the chain verified.
    StoreResult<qint64> checkpointHead(const AuditKey& key);

    // Checks the checkpoints and the remembered head against the chain;
    // `chainRows` is the number of rows the chain walk found linked.
    StoreResult<AuditAnchoring> check(qint64 chainRows, bool chainBroken);

    // The key id of the newest checkpoint, empty when none.
    StoreResult<QString> databaseKeyId();

    static QString mac(const AuditKey& key, qint64 seq, const QString& headHash, const QString& atUtc);

private:
    StoreError insert(const AuditKey& key, qint64 seq, const QString& hash);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
