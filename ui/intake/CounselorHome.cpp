#include "intake/CounselorHome.h"

#include "home/CallListHome.h"
#include "intake/DraftWriter.h"
#include "intake/IntakeForm.h"
#include "shell/UiLog.h"
#include "store/DraftStore.h"
#include "units/TeamBoard.h"

#include <QAction>
#include <QEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QTableView>

namespace heart::ui {

CounselorHome::CounselorHome(Services services, QWidget* parent)
    : QTabWidget(parent), m_services(std::move(services)),
      m_queue(new CallListHome(CallListHome::Kind::CallQueue, m_services, this))
{
    setObjectName(QStringLiteral("counselorHome"));
    QString error;
    m_routing = RoutingContext::load(m_services.db, &error);
    m_drafts = std::make_unique<DraftWriter>(m_services.db, m_services.clock);
    addTab(m_queue, QString());
    m_board = new TeamBoard(m_services, this);
    addTab(m_board, QString());
    setTabsClosable(false);
    if (!m_routing) {
        qCWarning(lcUi) << "routing rules could not be loaded:" << error;
        auto* message = new QLabel(tr("The routing rules could not be loaded, so calls cannot be taken here: %1").arg(error), this);
        message->setWordWrap(true);
        addTab(message, tr("Problem"));
    }

    auto* newCallAction = new QAction(this);
    newCallAction->setShortcut(QKeySequence::New);
    newCallAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newCallAction, &QAction::triggered, this, &CounselorHome::newCall);
    addAction(newCallAction);
    auto* closeAction = new QAction(this);
    closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(closeAction, &QAction::triggered, this, &CounselorHome::closeCurrentCall);
    addAction(closeAction);
    connect(m_queue, &CallListHome::callActivated, this, &CounselorHome::openCall);
    retranslate();
    restoreDrafts();
}

CounselorHome::~CounselorHome()
{
    // The forms write their last drafts through m_drafts: delete them first.
    for (IntakeForm* form : forms()) {
        form->flushDraft();
        removeTab(indexOf(form));
        delete form;
    }
}

QList<IntakeForm*> CounselorHome::forms() const
{
    QList<IntakeForm*> result;
    for (int i = 0; i < count(); ++i) {
        if (auto* form = qobject_cast<IntakeForm*>(widget(i)))
            result << form;
    }
    return result;
}

IntakeForm* CounselorHome::addForm()
{
    if (!m_routing)
        return nullptr;
    auto* form = new IntakeForm(m_services, m_routing, m_drafts.get(), this);
    const int index = addTab(form, form->title());
    connect(form, &IntakeForm::titleChanged, this, [this, form](const QString& title) {
        setTabText(indexOf(form), title);
    });
    connect(form, &IntakeForm::callSaved, m_queue, &CallListHome::refresh);
    setCurrentIndex(index);
    return form;
}

IntakeForm* CounselorHome::newCall()
{
    IntakeForm* form = addForm();
    if (form) {
        form->startNew();
        setTabText(indexOf(form), form->title());
    }
    return form;
}

IntakeForm* CounselorHome::openCall(const QString& callId)
{
    for (IntakeForm* form : forms()) {
        if (form->callId() == callId) {
            setCurrentWidget(form);
            return form;
        }
    }
    IntakeForm* form = addForm();
    if (form && !form->openCall(callId)) {
        QMessageBox::warning(this, tr("Call"), form->statusText());
        removeTab(indexOf(form));
        form->deleteLater();
        return nullptr;
    }
    if (form)
        setTabText(indexOf(form), form->title());
    return form;
}

void CounselorHome::closeCurrentCall()
{
    auto* form = qobject_cast<IntakeForm*>(currentWidget());
    if (!form)
        return;
    if (form->hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(
            this, tr("Close the call's tab"),
            tr("This call has changes that are not saved as a call. Keep them as a draft and close the tab?"),
            QMessageBox::Yes | QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    form->flushDraft();
    removeTab(indexOf(form));
    delete form;
    setCurrentWidget(m_queue);
    m_queue->refresh();
}

void CounselorHome::restoreDrafts()
{
    if (!m_routing)
        return;
    store::DraftStore drafts(m_services.db, m_services.clock);
    auto loaded = drafts.load(m_services.actor);
    if (!loaded.ok())
        return;
    for (auto it = loaded.value().cbegin(); it != loaded.value().cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("intake/")))
            continue;
        IntakeForm* form = addForm();
        form->restoreDraft(QJsonDocument::fromJson(it.value().toUtf8()).object());
        setTabText(indexOf(form), form->title());
    }
}

void CounselorHome::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTabWidget::changeEvent(event);
}

void CounselorHome::retranslate()
{
    setTabText(indexOf(m_queue), tr("Queue"));
    setTabText(indexOf(m_board), tr("Team board"));
    m_queue->setToolTip(tr("Ctrl+N starts a call; Enter opens the selected one; Ctrl+W closes a call's tab."));
}

} // namespace heart::ui
