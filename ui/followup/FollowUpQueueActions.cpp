// The work on the shown task: claim, assign, log an attempt, record the
// outcome, extend the attempts. Each write names the version the pane shows;
// the store refuses a stale one (Conflict) and the task is read again.
#include "followup/AssignTaskDialog.h"
#include "followup/FollowUpDetailPane.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpQueueWidget.h"
#include "followup/FollowUpText.h"
#include "followup/LogAttemptDialog.h"
#include "followup/RecordOutcomeDialog.h"
#include "home/LiveRefresh.h"
#include "intake/DraftWriter.h"
#include "shell/DomainText.h"
#include "usecases/FollowUpUseCases.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <algorithm>

namespace heart::ui {

namespace {

// How many more attempts the task may be given (0: none).
int extraAttemptsAllowed(const store::FollowUpTask& task)
{
    const int used = std::max(task.maxAttempts, task.unsuccessfulAttempts);
    return std::clamp(2 * followup::kMaxAttemptsLimit - used, 0, followup::kMaxAttemptsLimit);
}

} // namespace

QWidget* FollowUpQueueWidget::buildActionBar()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("followUpActions"));
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const std::pair<QPushButton*, const char*> buttons[] = {
        {m_claim, "followUpClaim"},     {m_assign, "followUpAssign"}, {m_attempt, "followUpLogAttempt"},
        {m_outcome, "followUpOutcome"}, {m_extend, "followUpExtend"},
    };
    for (const auto& [button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAutoDefault(false);
        row->addWidget(button);
    }
    row->addStretch(1);
    connect(m_claim, &QPushButton::clicked, this, &FollowUpQueueWidget::claim);
    connect(m_assign, &QPushButton::clicked, this, &FollowUpQueueWidget::assign);
    connect(m_attempt, &QPushButton::clicked, this, &FollowUpQueueWidget::logAttempt);
    connect(m_outcome, &QPushButton::clicked, this, &FollowUpQueueWidget::recordOutcome);
    connect(m_extend, &QPushButton::clicked, this, &FollowUpQueueWidget::extend);
    return bar;
}

void FollowUpQueueWidget::updateActions()
{
    const auto& detail = m_detail->detail();
    const Role role = m_services.actor.role();
    bool work = false;
    bool assign = false;
    bool open = false;
    bool reopenable = false;
    bool unassigned = false;
    int extra = 0;
    if (detail) {
        const store::FollowUpTask& task = detail->task;
        work = permits(role, Action::WorkFollowUps) && followup::mayWork(role, task.kind);
        assign = permits(role, Action::AssignFollowUps) && followup::mayOpen(role, task.kind);
        open = !task.isClosed();
        reopenable = task.outcome == followup::Outcome::UnableToReach;
        unassigned = task.assignedTo.isEmpty();
        extra = extraAttemptsAllowed(task);
    }
    m_claim->setEnabled(work && open && unassigned);
    m_assign->setEnabled(assign && open);
    m_attempt->setEnabled(work && open);
    m_outcome->setEnabled(work && open);
    m_extend->setEnabled(work && (open || reopenable) && extra > 0);
    // Roles that may do none of it (a supervisor may assign) see only what they may use.
    const bool mayWork = permits(role, Action::WorkFollowUps);
    m_claim->setVisible(mayWork);
    m_attempt->setVisible(mayWork);
    m_outcome->setVisible(mayWork);
    m_extend->setVisible(mayWork);
    m_assign->setVisible(permits(role, Action::AssignFollowUps));
}

void FollowUpQueueWidget::finishWrite(const store::StoreResult<store::FollowUpTask>& result,
                                      const QString& done)
{
    const QString taskId = shownTaskId();
    m_live->markCurrent(); // the queue is read again here, with this write in it
    if (!result.ok()) {
        const store::StoreError& error = result.error();
        if (error.code == store::StoreErrorCode::Conflict) {
            // Someone else worked the task meanwhile: show it as it is now.
            m_model->refresh();
            openTask(taskId);
            reselectShownTask();
            showStatus(tr("Someone else changed this task meanwhile. It has been read again: check it and "
                          "try again."),
                       true);
        } else {
            showStatus(DomainText::errorText(error), true);
        }
        updateActions();
        return;
    }
    m_detail->updateTask(result.value());
    m_settingRow = true; // the row is refreshed in place; the pane shows the task already
    m_model->refresh();
    m_settingRow = false;
    reselectShownTask();
    updateActions();
    QString status = done;
    if (m_model->rowOfTask(taskId) < 0)
        status += QLatin1Char(' ') + tr("It no longer matches the filters, so it has left the list.");
    showStatus(status);
}

void FollowUpQueueWidget::claim()
{
    const auto& detail = m_detail->detail();
    if (!detail || !m_claim->isEnabled())
        return;
    finishWrite(usecases::FollowUpUseCases(m_services).claim(detail->task.id, detail->task.version),
                tr("Claimed: the task is yours."));
}

void FollowUpQueueWidget::assign()
{
    const auto& detail = m_detail->detail();
    if (!detail || !m_assign->isEnabled())
        return;
    const store::FollowUpTask task = detail->task;
    usecases::FollowUpUseCases followUps(m_services);
    auto people = followUps.assignees(task.kind);
    if (!people.ok()) {
        showStatus(DomainText::errorText(people.error()), true);
        return;
    }
    AssignTaskDialog dialog(people.value(), task.assignedTo, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString userId = dialog.chosenUserId();
    if (userId.isEmpty()) {
        finishWrite(followUps.assign(task.id, task.version, QString()), tr("Back in the unassigned queue."));
        return;
    }
    QString name;
    for (const store::FollowUpAssignee& person : people.value()) {
        if (person.userId == userId)
            name = person.displayName;
    }
    finishWrite(followUps.assign(task.id, task.version, userId), tr("Assigned to %1.").arg(name));
}

void FollowUpQueueWidget::logAttempt()
{
    const auto& detail = m_detail->detail();
    if (!detail || !m_attempt->isEnabled())
        return;
    const store::FollowUpTask task = detail->task;
    const auto preferred = detail->contact ? detail->contact->preferredContact : std::nullopt;
    LogAttemptDialog dialog(preferred, task.maxAttempts - task.unsuccessfulAttempts, this);
    // The dialog saves itself, so a change made meanwhile keeps it open with what is typed.
    dialog.watchTask(m_services, task.id, task.version, [this, &dialog, id = task.id](int version) {
        return usecases::FollowUpUseCases(m_services)
            .logAttempt(id, version, dialog.channel(), dialog.result().value_or(followup::AttemptResult{}),
                        dialog.note());
    });
    const int chosen = dialog.exec();
    if (chosen == TaskWriteDialog::ReloadTheirs) {
        readTaskAgain(task.id);
        return;
    }
    if (chosen != QDialog::Accepted || !dialog.result() || !dialog.written())
        return;
    const followup::AttemptResult attempt = *dialog.result();
    const store::StoreResult<store::FollowUpTask>& result = *dialog.written();
    QString done;
    if (result.ok()) {
        const store::FollowUpTask& now = result.value();
        done = tr("Attempt logged: %1 by %2.")
                   .arg(FollowUpText::resultName(attempt).toLower(),
                        FollowUpText::channelName(dialog.channel()).toLower());
        if (now.isClosed())
            done += QLatin1Char(' ') +
                    tr("That was the last attempt allowed: the task is closed as unable to reach.");
        else if (followup::isUnsuccessful(attempt))
            done += QLatin1Char(' ') +
                    tr("%1 of %2 unsuccessful attempts.").arg(now.unsuccessfulAttempts).arg(now.maxAttempts);
    }
    finishWrite(result, done);
}

void FollowUpQueueWidget::recordOutcome()
{
    const auto& detail = m_detail->detail();
    if (!detail || !m_outcome->isEnabled())
        return;
    const store::FollowUpTask task = detail->task;
    RecordOutcomeDialog dialog(m_services, this);
    if (!m_drafts)
        m_drafts = new DraftWriter(m_services.db, m_services.clock, this);
    dialog.keepDraft(task.id, m_drafts); // what a crash left on this task comes back
    dialog.watchTask(m_services, task.id, task.version, [this, &dialog, id = task.id](int version) {
        // The recording deletes the draft in its own transaction; one that
        // fails keeps what is typed as the draft for the next try.
        dialog.holdDraft();
        auto recorded =
            usecases::FollowUpUseCases(m_services)
                .recordOutcome(id, version, dialog.outcome().value_or(followup::Outcome{}),
                               dialog.resourceId(), dialog.serviceText(), dialog.note(), dialog.draftKey());
        if (!recorded.ok())
            dialog.keepDraftNow();
        return recorded;
    });
    const int chosen = dialog.exec();
    // Cancelled or theirs reloaded: the draft has served (a recorded outcome took it with it).
    if (chosen != QDialog::Accepted)
        dialog.discardDraft();
    if (chosen == TaskWriteDialog::ReloadTheirs) {
        readTaskAgain(task.id);
        return;
    }
    if (chosen != QDialog::Accepted || !dialog.outcome() || !dialog.written())
        return;
    const store::StoreResult<store::FollowUpTask>& result = *dialog.written();
    QString done;
    if (result.ok()) {
        const store::FollowUpTask& now = result.value();
        QString outcome = FollowUpText::outcomeName(*dialog.outcome());
        const QString service =
            !now.outcomeResourceName.isEmpty() ? now.outcomeResourceName : now.outcomeText;
        if (*dialog.outcome() == followup::Outcome::Connected && !service.isEmpty())
            outcome = tr("%1: %2").arg(outcome, service);
        done = tr("Outcome recorded (%1); the task is closed.").arg(outcome);
    }
    finishWrite(result, done);
}

void FollowUpQueueWidget::readTaskAgain(const QString& taskId)
{
    // "Reload theirs": the task as the other navigator left it; what was typed goes.
    m_live->markCurrent();
    m_model->refresh();
    openTask(taskId);
    reselectShownTask();
    updateActions();
    showStatus(tr("Their version of the task is shown; what you typed was not saved."));
}

void FollowUpQueueWidget::extend()
{
    const auto& detail = m_detail->detail();
    if (!detail || !m_extend->isEnabled())
        return;
    const store::FollowUpTask task = detail->task;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("extendAttemptsDialog"));
    dialog.setWindowTitle(tr("Extend the attempts"));
    dialog.setLabelText(
        task.isClosed() ? tr("The task closed as unable to reach after %1 attempts. How many more attempts "
                             "(this reopens it)?")
                              .arg(task.unsuccessfulAttempts)
                        : tr("%1 of %2 unsuccessful attempts so far. How many more attempts?")
                              .arg(task.unsuccessfulAttempts)
                              .arg(task.maxAttempts));
    dialog.setInputMode(QInputDialog::IntInput);
    dialog.setIntRange(1, extraAttemptsAllowed(task));
    dialog.setIntValue(std::min(2, extraAttemptsAllowed(task)));
    dialog.setOkButtonText(tr("Extend"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto result = usecases::FollowUpUseCases(m_services).extend(task.id, task.version, dialog.intValue());
    QString done;
    if (result.ok()) {
        done = task.isClosed() ? tr("Reopened: %1 attempts allowed now.").arg(result.value().maxAttempts)
                               : tr("Extended: %1 attempts allowed now.").arg(result.value().maxAttempts);
    }
    finishWrite(result, done);
}

} // namespace heart::ui
