#include "usecases/FollowUpUseCases.h"

#include "core/Permissions.h"
#include "store/DraftStore.h"
#include "store/FollowUpSettings.h"
#include "store/UnitOfWork.h"

namespace heart::usecases {

using store::StoreResult;

StoreResult<int> FollowUpUseCases::queueCount(const store::FollowUpQueueFilter& filter, TimePoint now)
{
    return store::FollowUpQueue(m_context.db, m_context.clock).count(m_context.actor, filter, now);
}

StoreResult<QList<store::FollowUpQueueRow>>
FollowUpUseCases::queuePage(const store::FollowUpQueueFilter& filter, const store::FollowUpQueueSort& sort,
                            TimePoint now, int offset, int limit)
{
    return store::FollowUpQueue(m_context.db, m_context.clock)
        .page(m_context.actor, filter, sort, now, offset, limit);
}

StoreResult<store::FollowUpDetail> FollowUpUseCases::open(const QString& taskId)
{
    return tasks().open(m_context.actor, taskId);
}

StoreResult<QList<store::FollowUpAssignee>> FollowUpUseCases::assignees(followup::TaskKind kind)
{
    return tasks().assignees(m_context.actor, kind);
}

StoreResult<followup::FollowUpPolicy> FollowUpUseCases::policy()
{
    return store::FollowUpSettings(m_context.db, m_context.clock).policy();
}

StoreResult<store::FollowUpTask> FollowUpUseCases::claim(const QString& taskId, int version)
{
    return tasks().claim(m_context.actor, taskId, version);
}

StoreResult<store::FollowUpTask> FollowUpUseCases::assign(const QString& taskId, int version,
                                                          const QString& userId)
{
    if (userId.isEmpty())
        return tasks().unassign(m_context.actor, taskId, version);
    return tasks().assign(m_context.actor, taskId, version, userId);
}

StoreResult<store::FollowUpTask> FollowUpUseCases::logAttempt(const QString& taskId, int version,
                                                              followup::AttemptChannel channel,
                                                              followup::AttemptResult result,
                                                              const QString& note)
{
    return tasks().logAttempt(m_context.actor, taskId, version, channel, result, note);
}

StoreResult<store::FollowUpTask>
FollowUpUseCases::recordOutcome(const QString& taskId, int version, followup::Outcome outcome,
                                const QString& resourceId, const QString& serviceText, const QString& note)
{
    return tasks().recordOutcome(m_context.actor, taskId, version, outcome, resourceId, serviceText, note);
}

StoreResult<store::FollowUpTask>
FollowUpUseCases::recordOutcome(const QString& taskId, int version, followup::Outcome outcome,
                                const QString& resourceId, const QString& serviceText, const QString& note,
                                const QString& draftForm)
{
    // A refusal is audited on its own, outside a transaction that would take it back.
    if (!permits(m_context.actor.role(), Action::WorkFollowUps))
        return recordOutcome(taskId, version, outcome, resourceId, serviceText, note);
    {
        // The task's own unit (permission, audit, journal) joins this one; the draft is the actor's own.
        store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor,
                               store::UnitOfWork::OwnAccount{});
        if (!work.ok())
            return work.error();
        auto recorded = recordOutcome(taskId, version, outcome, resourceId, serviceText, note);
        if (recorded.ok()) {
            if (store::StoreError error =
                    store::DraftStore(m_context.db, m_context.clock).discard(m_context.actor, draftForm))
                return error;
            if (store::StoreError error = work.commit())
                return error;
            return recorded;
        }
        if (recorded.error().code != store::StoreErrorCode::PermissionDenied)
            return recorded.error();
    }
    // Refused for this task (not a task of the role's kind): its audit row went
    // with the transaction, so the refusal is asked again on its own.
    return recordOutcome(taskId, version, outcome, resourceId, serviceText, note);
}

StoreResult<store::FollowUpTask> FollowUpUseCases::extend(const QString& taskId, int version,
                                                          int extraAttempts)
{
    return tasks().extend(m_context.actor, taskId, version, extraAttempts);
}

} // namespace heart::usecases
