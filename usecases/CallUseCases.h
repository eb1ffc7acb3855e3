#pragma once
// What the crisis call counselor does to a call, as use cases: each one
// transaction with its permission check, audit rows and journal rows.
#include "store/IntakeStore.h"
#include "store/UnitStore.h"
#include "usecases/Context.h"

#include <optional>

namespace heart::usecases {

class CallUseCases
{
public:
    explicit CallUseCases(const Context& context) : m_context(context) {}

    struct Dispatched
    {
        store::CallRecord call;
        std::optional<store::Unit> unit; // empty for a unit typed by hand (not on the board)
    };
    // Sends a unit to a call: a unit on the board (unitId given) is moved to
    // "dispatched" on the call and the call is marked dispatched to it, both
    // or neither. A busy unit or a closed call refuses.
    store::StoreResult<Dispatched> dispatch(const QString& callId, int callVersion, const QString& unitId,
                                            int unitVersion, const QString& unitCode);

private:
    Context m_context;
};

} // namespace heart::usecases
