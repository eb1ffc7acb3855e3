#pragma once
// What the team writes about a visit, as use cases: the lead's note, every
// member's own entries, signing (the note locked and, with the person's
// consent, Care Navigation's follow-up task: one unit of work) and signed
// addenda. A wrong password at signing is audited ("sign_failed") and counts
// towards the lockout even though nothing else is written.
#include "store/EncounterStore.h"
#include "usecases/Context.h"

namespace heart::usecases {

class EncounterUseCases
{
public:
    explicit EncounterUseCases(const Context& context) : m_context(context) {}

    // The unit's note on the call; a new, empty one when there is none yet and
    // the actor may write entries (NotFound otherwise).
    store::StoreResult<store::Encounter> openOrCreate(const QString& callId, const QString& unitId);
    store::StoreResult<store::Encounter> open(const QString& encounterId);

    // The lead writes the note's fields (the encounter's version moves on).
    store::StoreResult<store::Encounter> writeNote(const QString& encounterId, int version,
                                                   const encounter::EncounterNote& note);
    // The same, and the actor's draft of the note (DraftStore's form `draftForm`)
    // is deleted in the same transaction: after a crash there is the draft, or
    // the note that replaced it, never an older draft beside a newer note.
    store::StoreResult<store::Encounter> writeNote(const QString& encounterId, int version,
                                                   const encounter::EncounterNote& note,
                                                   const QString& draftForm);
    // A member's own entry: the entry is written and the encounter's version
    // moves on, both or neither.
    store::StoreResult<store::Encounter> addEntry(const QString& encounterId, const QString& text);
    store::StoreResult<store::Encounter> updateEntry(const QString& entryId, int version,
                                                     const QString& text);

    // Signs and locks the note; with consent to follow-up the task is created
    // in the same unit of work. The password is checked first, outside it, so
    // that a failed attempt stays audited while nothing else is written.
    store::StoreResult<store::Encounter> sign(const QString& encounterId, int version,
                                              const QString& password);
    // With `draftForm`: the actor's draft of that form goes in the
    // addendum's own transaction (the leftover draft it was made of).
    store::StoreResult<store::EncounterAddendum> addAddendum(const QString& encounterId, const QString& text,
                                                             const QString& password,
                                                             const QString& draftForm = {});

    store::StoreResult<store::EncounterVerification> verify(const QString& encounterId);

private:
    Context m_context;
};

} // namespace heart::usecases
