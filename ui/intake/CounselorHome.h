#pragma once
// The crisis call counselor's workplace: the call queue, and one tab per call
// being taken. Ctrl+N starts a call, Enter on the queue opens one; calls
// whose drafts survived a crash or a sign-out come back as tabs at sign-in.
#include "home/Services.h"
#include "intake/RoutingContext.h"

#include <QTabWidget>

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

protected:
    void changeEvent(QEvent* event) override;

private:
    IntakeForm* addForm();
    void restoreDrafts();
    void retranslate();

    Services m_services;
    std::shared_ptr<const RoutingContext> m_routing;
    std::unique_ptr<DraftWriter> m_drafts;
    CallListHome* m_queue;
    TeamBoard* m_board = nullptr;
};

} // namespace heart::ui
