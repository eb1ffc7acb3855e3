#include "usecases/EncounterUseCases.h"

#include "core/Permissions.h"
#include "store/AccountStore.h"
#include "store/DraftStore.h"
#include "store/UnitOfWork.h"

namespace heart::usecases {

store::StoreResult<store::Encounter> EncounterUseCases::openOrCreate(const QString& callId,
                                                                     const QString& unitId)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    store::EncounterStore encounters(m_context.db, m_context.clock, accounts);
    auto found = encounters.openFor(m_context.actor, callId, unitId);
    if (!found.ok() && found.error().code == store::StoreErrorCode::NotFound &&
        permits(m_context.actor.role(), Action::WriteEncounterEntry))
        return encounters.create(m_context.actor, callId, unitId);
    return found;
}

store::StoreResult<store::Encounter> EncounterUseCases::open(const QString& encounterId)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts).open(m_context.actor, encounterId);
}

store::StoreResult<store::Encounter> EncounterUseCases::writeNote(const QString& encounterId, int version,
                                                                  const encounter::EncounterNote& note)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .update(m_context.actor, encounterId, version, note);
}

store::StoreResult<store::Encounter> EncounterUseCases::writeNote(const QString& encounterId, int version,
                                                                  const encounter::EncounterNote& note,
                                                                  const QString& draftForm)
{
    // A refusal is audited on its own, outside a transaction that would take it back.
    if (!encounter::maySign(m_context.actor.role()))
        return writeNote(encounterId, version, note);
    // The note's own unit (permission, audit) joins this one; the draft is the actor's own.
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, store::UnitOfWork::OwnAccount{});
    if (!work.ok())
        return work.error();
    auto written = writeNote(encounterId, version, note);
    if (!written.ok())
        return written.error();
    if (store::StoreError error =
            store::DraftStore(m_context.db, m_context.clock).discard(m_context.actor, draftForm))
        return error;
    if (store::StoreError error = work.commit())
        return error;
    return written;
}

store::StoreResult<store::Encounter> EncounterUseCases::addEntry(const QString& encounterId,
                                                                 const QString& text)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .addEntry(m_context.actor, encounterId, text);
}

store::StoreResult<store::Encounter> EncounterUseCases::updateEntry(const QString& entryId, int version,
                                                                    const QString& text)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .updateEntry(m_context.actor, entryId, version, text);
}

store::StoreResult<store::Encounter> EncounterUseCases::sign(const QString& encounterId, int version,
                                                             const QString& password)
{
    // Not inside an outer unit of work: the password check (and the audit
    // row of a failed one) must stand on its own; the store's sign then
    // writes note and follow-up task in one unit.
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .sign(m_context.actor, encounterId, version, password);
}

store::StoreResult<store::EncounterAddendum> EncounterUseCases::addAddendum(const QString& encounterId,
                                                                            const QString& text,
                                                                            const QString& password,
                                                                            const QString& draftForm)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .addAddendum(m_context.actor, encounterId, text, password, draftForm);
}

store::StoreResult<store::EncounterVerification> EncounterUseCases::verify(const QString& encounterId)
{
    store::AccountStore accounts(m_context.db, m_context.clock);
    return store::EncounterStore(m_context.db, m_context.clock, accounts)
        .verify(m_context.actor, encounterId);
}

} // namespace heart::usecases
