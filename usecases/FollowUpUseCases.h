#pragma once
// What a care navigator (or supervisor) does with follow-up tasks, as use
// cases: claim, assign, log an attempt, record the outcome, extend; and the
// reads the follow-up screens need (the queue, a task's detail, who may be
// given a task, the policy in force). Each write is one unit of work: its
// permission check (a refusal audited), the task's rows, their audit rows
// and one journal row for the task, or nothing of it.
#include "core/followup/FollowUpPolicy.h"
#include "store/FollowUpQueue.h"
#include "store/FollowUpStore.h"
#include "usecases/Context.h"

namespace heart::usecases {

class FollowUpUseCases
{
public:
    static constexpr int kMaxNoteLength = store::FollowUpStore::kMaxNoteLength;
    static constexpr int kMaxPageRows = store::FollowUpQueue::kMaxPageRows;

    explicit FollowUpUseCases(const Context& context) : m_context(context) {}

    // Queries.
    store::StoreResult<int> queueCount(const store::FollowUpQueueFilter& filter, TimePoint now);
    store::StoreResult<QList<store::FollowUpQueueRow>> queuePage(const store::FollowUpQueueFilter& filter,
                                                                 const store::FollowUpQueueSort& sort,
                                                                 TimePoint now, int offset, int limit);
    store::StoreResult<store::FollowUpDetail> open(const QString& taskId);
    store::StoreResult<QList<store::FollowUpAssignee>> assignees(followup::TaskKind kind);
    // The follow-up policy in force (the queue's due-soon window, attempt limits).
    store::StoreResult<followup::FollowUpPolicy> policy();

    // Actions, each naming the version of the task the user read.
    store::StoreResult<store::FollowUpTask> claim(const QString& taskId, int version);
    // An empty userId gives the task back to the unassigned queue.
    store::StoreResult<store::FollowUpTask> assign(const QString& taskId, int version, const QString& userId);
    store::StoreResult<store::FollowUpTask> logAttempt(const QString& taskId, int version,
                                                       followup::AttemptChannel channel,
                                                       followup::AttemptResult result, const QString& note);
    store::StoreResult<store::FollowUpTask> recordOutcome(const QString& taskId, int version,
                                                          followup::Outcome outcome,
                                                          const QString& resourceId,
                                                          const QString& serviceText, const QString& note);
    // The same, and the actor's draft of the outcome (DraftStore's form
    // `draftForm`) is deleted in the same transaction: after a crash there is
    // the draft or the closed task, never a stale draft beside the outcome;
    // a recording that fails keeps the draft.
    store::StoreResult<store::FollowUpTask>
    recordOutcome(const QString& taskId, int version, followup::Outcome outcome, const QString& resourceId,
                  const QString& serviceText, const QString& note, const QString& draftForm);
    store::StoreResult<store::FollowUpTask> extend(const QString& taskId, int version, int extraAttempts);

private:
    store::FollowUpStore tasks() { return store::FollowUpStore(m_context.db, m_context.clock); }

    Context m_context;
};

} // namespace heart::usecases
