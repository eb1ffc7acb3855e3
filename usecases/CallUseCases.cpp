#include "usecases/CallUseCases.h"

#include "store/BeatMapSetting.h"
#include "store/RuleSetStore.h"
#include "store/UnitOfWork.h"

namespace heart::usecases {

store::StoreResult<int> CallUseCases::reserveCadNumber(const QString& prefix,
                                                       const std::function<QString(int)>& numberFor)
{
    return store::IntakeStore(m_context.db, m_context.clock)
        .reserveCadSequence(m_context.actor, prefix, numberFor);
}

store::StoreResult<store::CallRecord> CallUseCases::save(const store::CallRecord& call)
{
    store::IntakeStore calls(m_context.db, m_context.clock);
    return call.id.isEmpty() ? calls.create(m_context.actor, call) : calls.update(m_context.actor, call);
}

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

store::StoreResult<store::CallRecord> CallUseCases::close(const QString& callId, int version)
{
    // The call and its check-in are written in the store's one unit of work.
    return store::IntakeStore(m_context.db, m_context.clock).close(m_context.actor, callId, version);
}

store::StoreResult<store::CallAddendum> CallUseCases::addAddendum(const QString& callId, const QString& text)
{
    return store::IntakeStore(m_context.db, m_context.clock).addAddendum(m_context.actor, callId, text);
}

store::StoreResult<store::CallRecord> CallUseCases::open(const QString& callId)
{
    return store::IntakeStore(m_context.db, m_context.clock).open(m_context.actor, callId);
}

store::StoreResult<QList<store::CallAddendum>> CallUseCases::addenda(const QString& callId)
{
    return store::IntakeStore(m_context.db, m_context.clock).addenda(m_context.actor, callId);
}

store::StoreResult<QList<store::CallSummary>> CallUseCases::queue()
{
    return store::CallStore(m_context.db, m_context.clock).activeCalls(m_context.actor);
}

store::StoreResult<QList<store::CallSummary>> CallUseCases::unitCalls(const QDateTime& since)
{
    return store::CallStore(m_context.db, m_context.clock).unitCalls(m_context.actor, since);
}

store::StoreResult<QList<store::CallSummary>> CallUseCases::recentContacts(const QDateTime& since)
{
    return store::CallStore(m_context.db, m_context.clock).recentContacts(m_context.actor, since);
}

store::StoreResult<QList<store::ProgramCount>> CallUseCases::programSummary(const QDateTime& since)
{
    return store::CallStore(m_context.db, m_context.clock).programSummary(m_context.actor, since);
}

store::StoreResult<QList<QDateTime>> CallUseCases::receivedTimes(const QDateTime& since)
{
    return store::CallStore(m_context.db, m_context.clock).receivedTimes(m_context.actor, since);
}

store::StoreResult<QList<store::Unit>> CallUseCases::unitBoard()
{
    return store::UnitStore(m_context.db, m_context.clock).board(m_context.actor);
}

store::StoreResult<store::Unit> CallUseCases::unit(const QString& unitId)
{
    return store::UnitStore(m_context.db, m_context.clock).unit(m_context.actor, unitId);
}

store::StoreError CallUseCases::keepDraft(const QString& form, const QString& content)
{
    return store::DraftStore(m_context.db, m_context.clock).save(m_context.actor, form, content);
}

store::StoreError CallUseCases::discardDraft(const QString& form)
{
    return store::DraftStore(m_context.db, m_context.clock).discard(m_context.actor, form);
}

store::StoreResult<QMap<QString, QString>> CallUseCases::drafts()
{
    return store::DraftStore(m_context.db, m_context.clock).load(m_context.actor);
}

store::StoreResult<QList<store::Draft>> CallUseCases::drafts(const QString& formPrefix)
{
    return store::DraftStore(m_context.db, m_context.clock).list(m_context.actor, formPrefix);
}

store::StoreResult<store::PersonRecord> CallUseCases::createPerson(const store::PersonRecord& person)
{
    return store::PersonStore(m_context.db, m_context.clock).create(m_context.actor, person);
}

store::StoreResult<QList<store::PersonMatch>> CallUseCases::searchPeople(const store::PersonQuery& query)
{
    return store::PersonStore(m_context.db, m_context.clock).search(m_context.actor, query);
}

store::StoreResult<QList<store::PersonMatch>>
CallUseCases::possibleDuplicates(const store::PersonRecord& person)
{
    return store::PersonStore(m_context.db, m_context.clock).possibleDuplicates(m_context.actor, person);
}

store::StoreResult<store::PersonHistory> CallUseCases::personHistory(const QString& personId)
{
    return store::PersonStore(m_context.db, m_context.clock).history(m_context.actor, personId);
}

store::StoreResult<CallUseCases::Routing> CallUseCases::routing()
{
    auto book = store::RuleSetStore(m_context.db, m_context.clock).ruleBook();
    if (!book.ok())
        return book.error();
    // The center's imported beat map, else the shipped one.
    auto beats = store::BeatMapSetting(m_context.db, m_context.clock).inForce();
    if (!beats)
        return store::StoreError::make(store::StoreErrorCode::QueryFailed,
                                       QString::fromStdString(beats.error().toString()));
    return Routing{std::move(book.value()), beats.value()};
}

} // namespace heart::usecases
