#include "usecases/CallUseCases.h"

#include "store/UnitOfWork.h"

namespace heart::usecases {

store::StoreResult<CallUseCases::Dispatched> CallUseCases::dispatch(const QString& callId, int callVersion,
                                                                     const QString& unitId, int unitVersion,
                                                                     const QString& unitCode)
{
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::DispatchUnit,
                           QStringLiteral("call"), callId);
    if (!work.ok())
        return work.error();
    Dispatched result;
    if (!unitId.isEmpty()) {
        store::UnitStore units(m_context.db, m_context.clock);
        auto sent = units.dispatchToCall(m_context.actor, unitId, unitVersion, callId);
        if (!sent.ok())
            return sent.error();
        result.unit = sent.value();
    }
    store::IntakeStore calls(m_context.db, m_context.clock);
    auto dispatched = calls.dispatch(m_context.actor, callId, callVersion, unitCode);
    if (!dispatched.ok())
        return dispatched.error();
    result.call = dispatched.value();
    if (store::StoreError error = work.commit())
        return error;
    return result;
}

} // namespace heart::usecases
