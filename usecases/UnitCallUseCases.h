#pragma once
// What a response unit's members read on the way to a person: the call their
// unit was sent to, with the parts their role sees, and the person's prior
// contacts (earlier calls and encounters, the latest safety plan, follow-up
// tasks), each read audited in the store (store/UnitCallStore.h); and the
// record that the latest plan was printed again.
#include "store/UnitCallStore.h"
#include "usecases/Context.h"

namespace heart::usecases {

class UnitCallUseCases
{
public:
    explicit UnitCallUseCases(const Context& context) : m_context(context) {}

    // The call the actor's unit was sent to (an audited open; refused otherwise).
    store::StoreResult<store::UnitCallDetail> open(const QString& callId);
    // The linked person's prior contacts (each record returned audited "open").
    store::StoreResult<store::PriorContacts> priorContacts(const QString& callId);
    // The person's latest final safety plan, to print again (audited open).
    store::StoreResult<store::PriorSafetyPlan> latestSafetyPlan(const QString& callId);
    store::StoreError planPrinted(const QString& planId);

private:
    Context m_context;
};

} // namespace heart::usecases
