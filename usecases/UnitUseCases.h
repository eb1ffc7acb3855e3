#pragma once
// What the team in the van and their supervisor do with response units, as
// use cases: setting a unit up (code, members for the shift), moving it
// through its statuses, and the reads the team board and the team lead's
// home show. Each write is one unit of work (permission, transaction, audit
// and journal rows); sending a unit to a call is CallUseCases::dispatch.
#include "store/IntakeStore.h"
#include "store/UnitStore.h"
#include "usecases/Context.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace heart::usecases {

class UnitUseCases
{
public:
    explicit UnitUseCases(const Context& context) : m_context(context) {}

    // A new unit, out of service (supervisors).
    store::StoreResult<store::Unit> createUnit(const QString& code, units::UnitKind kind);
    // Who is on the unit this shift: the unit's version moves on and its
    // member rows are replaced, both or neither.
    store::StoreResult<store::Unit> setMembers(const QString& unitId, int version,
                                               const QStringList& staffIds);
    // The team moves its unit (en route, on scene, clear, ...). StatusRefused
    // when the core's rules refuse the change.
    store::StoreResult<store::Unit> changeStatus(const QString& unitId, int version, units::UnitStatus to);

    // Reads.
    store::StoreResult<QList<store::Unit>> board();
    store::StoreResult<store::Unit> unit(const QString& unitId);
    // The unit the actor is on this shift (an empty id when none).
    store::StoreResult<store::Unit> myUnit();
    store::StoreResult<QList<store::UnitStatusEvent>> callHistory(const QString& unitId,
                                                                  const QString& callId);
    store::StoreResult<QList<store::UnitCallSummary>> recentCalls(const QString& unitId,
                                                                  const QDateTime& since);
    // The call the actor's unit was sent to (audited open; refused unless the unit was sent).
    store::StoreResult<store::CallRecord> assignedCall(const QString& callId);

private:
    Context m_context;
};

} // namespace heart::usecases
