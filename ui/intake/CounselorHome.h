#pragma once
// The crisis call counselor's workplace: the call queue, and one tab per call
// being taken. Ctrl+N (or the New call button, or File > New call) starts a
// call, Enter on the queue opens one; calls whose drafts survived a crash or a
// sign-out come back as tabs at sign-in, and "My drafts" (Ctrl+Shift+D)
// reopens a draft whose tab was closed.
#include "home/Services.h"
#include "intake/RoutingContext.h"

#include <QTabWidget>

class QAction;
class QPushButton;

namespace heart::ui {

class CallListHome;
class DraftWriter;
class IntakeForm;
class TeamBoard;

class CounselorHome : public QTabWidget
{
    Q_OBJECT

public:
    explicit CounselorHome(Services services, QWidget* parent = nullptr);
    ~CounselorHome() override;

    IntakeForm* newCall();
    IntakeForm* openCall(const QString& callId);
    CallListHome* queue() const { return m_queue; }
    QList<IntakeForm*> forms() const;
    void closeCurrentCall();
    // Lists the counselor's drafts not open in a tab; Enter reopens one.
    void showDrafts();
    IntakeForm* reopenDraft(const QString& form);
    // "New call" and "My drafts", for the window's File menu as well.
    QList<QAction*> callActions() const;
    // The rule book and beats new calls are decided with: read again when any
    // workstation saves a rule set (the change feed), so a new version decides
    // the calls from its effective date on without a restart. Calls already
    // open in a tab keep the rules they were opened with.
    std::shared_ptr<const RoutingContext> routing() const { return m_routing; }
    // False when the routing rules could not be loaded.
    bool canTakeCalls() const { return m_routing != nullptr; }
    // Tab titles of the calls at imminent risk (C-SSRS high) not saved as calls.
    QStringList unsavedImminentRiskCalls() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    IntakeForm* addForm();
    void restoreDrafts();
    void retranslate();
    void reloadRouting();

    Services m_services;
    std::shared_ptr<const RoutingContext> m_routing;
    std::unique_ptr<DraftWriter> m_drafts;
    CallListHome* m_queue;
    TeamBoard* m_board = nullptr;
    QAction* m_newCallAction;
    QAction* m_draftsAction;
    QPushButton* m_newCallButton;
    QPushButton* m_draftsButton;
};

} // namespace heart::ui
