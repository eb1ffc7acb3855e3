#pragma once
// Care Navigation's workplace: the follow-up queue (overdue first), its
// filters, the chosen task in detail and the work on it — claim, assign,
// log an attempt, record the outcome, extend the attempts. Every role with
// Action::ViewFollowUps may use it and sees what the store gives that role
// (core/followup/FollowUpVisibility.h); buttons are enabled only where the
// role and the task's state allow. The store audits every read and write.
//
// Keyboard: Alt+M mine, Alt+G unassigned, Alt+T due today, Alt+O overdue,
// Alt+S due soon, Alt+P program, Alt+C include closed, Alt+N (or Ctrl+F)
// name; F5 refreshes; Ctrl+K claim, Ctrl+Shift+K assign, Ctrl+T log an
// attempt, Ctrl+O record the outcome, Ctrl+Shift+T extend the attempts.
// While shown it reads the queue again by itself when tasks change
// (LiveRefresh) or when a task turns due soon or overdue; the shown task is
// read again only when it changed.
#include "core/followup/FollowUpPolicy.h"
#include "home/Services.h"
#include "store/FollowUpQueue.h"
#include "store/FollowUpStore.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace heart::ui {

class DraftWriter;
class FollowUpDetailPane;
class FollowUpQueueModel;
class LiveRefresh;

class FollowUpQueueWidget : public QWidget
{
    Q_OBJECT

public:
    explicit FollowUpQueueWidget(Services services, QWidget* parent = nullptr);

    FollowUpQueueModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    FollowUpDetailPane* detailPane() const { return m_detail; }
    LiveRefresh* liveRefresh() const { return m_live; }
    // The last thing done or refused, as shown under the queue.
    QString statusText() const;
    QString countText() const;
    // The task the detail pane shows, or empty.
    QString shownTaskId() const;
    // Selects (and so opens) the task's row; false when it is not listed.
    bool selectTask(const QString& taskId);

    // Reads the queue again (F5), keeping the chosen task.
    void refresh();
    // The work on the shown task; each asks what it needs in a dialog.
    void claim();
    void assign();
    void logAttempt();
    void recordOutcome();
    void extend();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildFilterBar();
    QWidget* buildActionBar();
    store::FollowUpQueueFilter currentFilter() const;
    void applyFilter();
    void onLoaded();
    // What changed elsewhere, or a due time passed: the rows again, quietly.
    void refreshBySelf();
    void onCurrentRowChanged();
    void openTask(const QString& taskId);
    // After a write: the pane, the row (refreshed in place) and the status.
    void finishWrite(const store::StoreResult<store::FollowUpTask>& result, const QString& done);
    void reselectShownTask();
    // The shown task read again after the navigator chose "Reload theirs".
    void readTaskAgain(const QString& taskId);
    void updateActions();
    void updateCount();
    void showStatus(const QString& text, bool error = false);
    void retranslate();

    Services m_services;
    followup::FollowUpPolicy m_policy;
    FollowUpQueueModel* m_model;
    FollowUpDetailPane* m_detail;
    QTableView* m_table;
    QLabel* m_title;
    QLabel* m_blurb;
    QLabel* m_count;
    QLabel* m_empty;
    QLabel* m_status;
    QPushButton* m_refresh;
    QCheckBox* m_mine;
    QCheckBox* m_unassigned;
    QCheckBox* m_dueToday;
    QCheckBox* m_overdue;
    QCheckBox* m_dueSoon;
    QCheckBox* m_includeClosed;
    QLabel* m_programLabel;
    QComboBox* m_program;
    QLabel* m_searchLabel;
    QLineEdit* m_search;
    QPushButton* m_claim;
    QPushButton* m_assign;
    QPushButton* m_attempt;
    QPushButton* m_outcome;
    QPushButton* m_extend;
    QTimer m_searchDelay;
    LiveRefresh* m_live;
    bool m_settingRow = false; // the view's current row is being set by the widget itself
    bool m_policyError = false;
    DraftWriter* m_drafts = nullptr; // the outcome dialog's drafts; made when first needed
};

} // namespace heart::ui
