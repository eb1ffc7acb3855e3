#pragma once
// The in-person encounter a response unit documents for a call: one per
// (call, unit). The note's fields (core/encounter/EncounterRules.h) are the
// clinician lead's: only the roles that may sign (encounter::maySign) write
// them; every member of the unit adds entries of their own
// (encounter::mayAddEntry: lead, peer support, EMT, co-response clinician).
//
// Signing takes the signer's password again (AccountStore::confirmPassword:
// a wrong one counts towards the lockout like a sign-in and is audited) and
// only a complete note (encounter::missingForSigning). A signed note is
// locked: the store refuses every change to it, its entries and its safety
// plan (RecordSigned); SHA-256 of the signed content (note,
// entries, safety plan, signer, time) is stored with it, so an edit made
// behind the store's back shows in verify(). Corrections are addenda, each
// signed the same way (password, signing roles) and hashed on its own.
//
// The encounter's version counts every change under it (note, entries,
// safety plan), so a signature covers exactly what the lead last read: a
// stale version is refused (Conflict) and nothing is written.
//
// Reading needs Action::ViewUnitCalls and is audited ("open"); every change
// is audited naming the record, never its contents. Ids are UUIDv7, times
// UTC: a van laptop can document alone on SQLite and sync later.
#include "core/Role.h"
#include "core/encounter/EncounterRules.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace heart::store {

class AccountStore;
class Database;

// A team member's own entry: what they saw and did.
struct EncounterEntry
{
    QString id;
    int version = 0;
    QString authorId;
    QString authorName;
    Role authorRole = Role::PeerSupport; // the role the author wrote in
    QDateTime writtenAt;                 // UTC, first written
    QDateTime updatedAt;                 // UTC, last changed by the author
    QString text;
};

// A correction or later information after signing; signed when written.
struct EncounterAddendum
{
    QString id;
    QString authorId;
    QString authorName;
    Role authorRole = Role::CrtTeamLead;
    QDateTime signedAt; // UTC: written and signed at once
    QString text;
    QString contentHash; // SHA-256 (hex) of the addendum and the note's signature hash
};

struct Encounter
{
    QString id;
    int version = 0;
    QString callId;
    QString unitId;
    QString personId;  // the call's linked person, or empty (read from the call)
    QString createdBy; // user id
    QDateTime createdAt;
    QDateTime updatedAt;

    encounter::EncounterNote note; // contactPhone is stored normalised when it can be

    QString signedBy; // user id; empty until signed
    QString signedByName;
    QDateTime signedAt;    // UTC; invalid until signed
    QString signatureHash; // SHA-256 (hex) of the signed content

    QList<EncounterEntry> entries;    // oldest first
    QList<EncounterAddendum> addenda; // oldest first (only on a signed note)

    bool isSigned() const { return signedAt.isValid(); }
};

// What verify() found. Nothing about the contents: only whether they still
// hash to what was stored when they were signed.
struct EncounterVerification
{
    bool isSigned = false;
    // The note, its entries and safety plan hash to the stored signature (true
    // for a note never signed; false for one the audit trail says was signed
    // but whose signature is gone).
    bool noteIntact = false;
    QStringList alteredAddenda; // ids of addenda whose hash no longer matches

    bool intact() const { return noteIntact && alteredAddenda.isEmpty(); }
};

class EncounterStore
{
public:
    // `accounts` checks the password at signing (its lockout policy applies).
    EncounterStore(Database& db, const Clock& clock, AccountStore& accounts)
        : m_db(db), m_clock(clock), m_accounts(accounts), m_audit(db, clock)
    {}

    // A new, empty note for the unit's visit on the call (Action::WriteEncounterEntry).
    // NotFound when the call or unit does not exist (field "callId" / "unitId");
    // InvalidInput (field "unitId") when the unit has an encounter for the call already.
    StoreResult<Encounter> create(const Actor& actor, const QString& callId, const QString& unitId);
    // The whole encounter with entries and addenda: an audited "open".
    StoreResult<Encounter> open(const Actor& actor, const QString& encounterId);
    // The same, found by call and unit (NotFound when none yet).
    StoreResult<Encounter> openFor(const Actor& actor, const QString& callId, const QString& unitId);

    // Writes every note field as given (signing roles only; version must match).
    StoreResult<Encounter> update(const Actor& actor, const QString& encounterId, int version,
                                  const encounter::EncounterNote& note);

    // Entries (encounter::mayAddEntry roles). Each returns the encounter as it
    // now stands (its version moved on); the new entry is the last one.
    // InvalidInput (field "text") when the text is blank.
    StoreResult<Encounter> addEntry(const Actor& actor, const QString& encounterId, const QString& text);
    // Only the entry's author; `version` is the entry's.
    StoreResult<Encounter> updateEntry(const Actor& actor, const QString& entryId, int version,
                                       const QString& text);

    // Signs and locks the note (encounter::maySign roles). Refused, in this order:
    // RecordSigned (signed already), Conflict (stale version),
    // InvalidInput naming the first field encounter::missingForSigning reports
    // (the detail lists them all), then the password: BadCredentials,
    // AccountLocked or AccountInactive from AccountStore, audited ("sign_failed").
    // With consent to follow-up, the same unit of work creates Care
    // Navigation's task (FollowUpStore::createForSignedEncounter; an
    // unreadable follow-up policy setting refuses the signature).
    StoreResult<Encounter> sign(const Actor& actor, const QString& encounterId, int version,
                                const QString& password);
    // A signed addendum to a signed note (encounter::maySign roles, password as
    // for signing). InvalidInput field "signed" when the note is not signed yet
    // (change the note instead), field "text" when the text is blank. With
    // `draftForm`, the actor's draft of that form (DraftStore) is deleted in
    // the addendum's own transaction: the addendum made of a signed note's
    // leftover draft, and the draft gone, both or neither.
    StoreResult<EncounterAddendum> addAddendum(const Actor& actor, const QString& encounterId,
                                               const QString& text, const QString& password,
                                               const QString& draftForm = {});

    // Recomputes the hashes of the signed note and every addendum (Action::ViewUnitCalls).
    StoreResult<EncounterVerification> verify(const Actor& actor, const QString& encounterId);

    // Inside a write transaction, for every change under an encounter (the
    // safety plan's too): version + 1 and updated_at = `now`, unless signed.
    // NotFound; RecordSigned once signed; Conflict when
    // `expectedVersion` is given and stale. Returns the new version.
    static StoreResult<int> touchUnsigned(Database& db, const QString& encounterId, const QString& now,
                                          std::optional<int> expectedVersion = std::nullopt);

private:
    // Audits and refuses unless `allowed` (the core's rule, which agrees with `action`).
    StoreError refuseUnless(bool allowed, const Actor& actor, Action action, const QString& recordId);
    // No permission check, no audit: the stored encounter, or NotFound.
    StoreResult<Encounter> read(const QString& encounterId);
    // The password check of signing and addenda; a refusal is audited on the encounter.
    StoreError confirmSigner(const Actor& actor, const QString& encounterId, const QString& password);

    Database& m_db;
    const Clock& m_clock;
    AccountStore& m_accounts;
    AuditTrail m_audit;
};

} // namespace heart::store
