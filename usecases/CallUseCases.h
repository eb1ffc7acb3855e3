#pragma once
// What the crisis call counselor does to a call, as use cases: each one
// transaction with its permission check, audit rows and journal rows; and the
// reads the call screens show (queue, the open call, addenda, drafts, people,
// the routing data), so no screen builds a store itself.
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "store/CallStore.h"
#include "store/DraftStore.h"
#include "store/IntakeStore.h"
#include "store/PersonStore.h"
#include "store/UnitStore.h"
#include "usecases/Context.h"

#include <functional>
#include <memory>
#include <optional>

namespace heart::usecases {

class CallUseCases
{
public:
    explicit CallUseCases(const Context& context) : m_context(context) {}

    // --- The call ---------------------------------------------------------
    // Hands out the next CAD number sequence for the prefix (IntakeStore::reserveCadSequence).
    store::StoreResult<int> reserveCadNumber(const QString& prefix,
                                             const std::function<QString(int)>& numberFor);
    // A new call (no id yet) is created, a known one updated (its version must match).
    store::StoreResult<store::CallRecord> save(const store::CallRecord& call);
    // Sends a unit to a call: a unit on the board (unitId given) is moved to
    // "dispatched" on the call and the call is marked dispatched to it, both
    // or neither. A busy unit or a closed call refuses.
    struct Dispatched
    {
        store::CallRecord call;
        std::optional<store::Unit> unit; // empty for a unit typed by hand (not on the board)
    };
    store::StoreResult<Dispatched> dispatch(const QString& callId, int callVersion, const QString& unitId,
                                            int unitVersion, const QString& unitCode);
    // Closes the call; a diverted call gets its CCD check-in with it (both or neither).
    store::StoreResult<store::CallRecord> close(const QString& callId, int version);
    store::StoreResult<store::CallAddendum> addAddendum(const QString& callId, const QString& text);

    // --- Reads --------------------------------------------------------------
    store::StoreResult<store::CallRecord> open(const QString& callId);
    store::StoreResult<QList<store::CallAddendum>> addenda(const QString& callId);
    store::StoreResult<QList<store::CallSummary>> queue();
    store::StoreResult<QList<store::CallSummary>> unitCalls(const QDateTime& since);
    store::StoreResult<QList<store::CallSummary>> recentContacts(const QDateTime& since);
    store::StoreResult<QList<store::ProgramCount>> programSummary(const QDateTime& since);
    store::StoreResult<QList<QDateTime>> receivedTimes(const QDateTime& since);
    // The team board and one unit, for the dispatch choice and the close question.
    store::StoreResult<QList<store::Unit>> unitBoard();
    store::StoreResult<store::Unit> unit(const QString& unitId);

    // --- Drafts (the actor's own) -----------------------------------------
    store::StoreError keepDraft(const QString& form, const QString& content);
    store::StoreError discardDraft(const QString& form);
    store::StoreResult<QMap<QString, QString>> drafts();
    store::StoreResult<QList<store::Draft>> drafts(const QString& formPrefix);

    // --- People -----------------------------------------------------------
    store::StoreResult<store::PersonRecord> createPerson(const store::PersonRecord& person);
    store::StoreResult<QList<store::PersonMatch>> searchPeople(const store::PersonQuery& query);
    store::StoreResult<QList<store::PersonMatch>> possibleDuplicates(const store::PersonRecord& person);
    store::StoreResult<store::PersonHistory> personHistory(const QString& personId);

    // --- Routing data -------------------------------------------------------
    struct Routing
    {
        routing::RuleBook rules;
        std::shared_ptr<const geo::BeatMap> beats;
    };
    // The rule sets in force (imported ones included) and the beat map.
    store::StoreResult<Routing> routing();

private:
    Context m_context;
};

} // namespace heart::usecases
