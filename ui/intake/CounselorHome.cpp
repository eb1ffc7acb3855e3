#include "intake/CounselorHome.h"

#include "core/intake/IntakeDraft.h"
#include "core/triage/Cssrs.h"
#include "home/CallListHome.h"
#include "intake/DraftListDialog.h"
#include "intake/DraftWriter.h"
#include "intake/IntakeForm.h"
#include "shell/DomainText.h"
#include "shell/UiLog.h"
#include "store/StoreTime.h"
#include "units/TeamBoard.h"
#include "usecases/CadUseCases.h"
#include "usecases/CallUseCases.h"
#include "usecases/RuleSetUseCases.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableView>

namespace heart::ui {

CounselorHome::CounselorHome(Services services, QWidget* parent)
    : QTabWidget(parent), m_services(std::move(services)),
      m_queue(new CallListHome(CallListHome::Kind::CallQueue, m_services, this))
{
    setObjectName(QStringLiteral("counselorHome"));
    QString error;
    m_routing = RoutingContext::load(m_services, &error);
    m_drafts = std::make_unique<DraftWriter>(m_services.db, m_services.clock);
    addTab(m_queue, QString());
    m_board = new TeamBoard(m_services, this);
    addTab(m_board, QString());
    setTabsClosable(false);
    if (!m_routing) {
        qCWarning(lcUi) << "routing rules could not be loaded:" << error;
        auto* message = new QLabel(
            tr("The routing rules could not be loaded, so calls cannot be taken here: %1").arg(error), this);
        message->setWordWrap(true);
        addTab(message, tr("Problem"));
    }

    connect(&usecases::changeFeed(m_services), &store::ChangeFeed::changes, this,
            [this](const QList<store::JournalEntry>& entries) {
                if (usecases::RuleSetUseCases::changesRuleSets(entries))
                    reloadRouting();
            });

    m_newCallAction = new QAction(this);
    m_newCallAction->setObjectName(QStringLiteral("actionNewCall"));
    m_newCallAction->setShortcut(QKeySequence::New);
    m_newCallAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newCallAction->setEnabled(m_routing != nullptr);
    connect(m_newCallAction, &QAction::triggered, this, &CounselorHome::newCall);
    addAction(m_newCallAction);
    m_draftsAction = new QAction(this);
    m_draftsAction->setObjectName(QStringLiteral("actionMyDrafts"));
    m_draftsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_draftsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_draftsAction->setEnabled(m_routing != nullptr);
    connect(m_draftsAction, &QAction::triggered, this, &CounselorHome::showDrafts);
    addAction(m_draftsAction);
    // The same two as buttons beside the tabs, in sight on every tab.
    auto* corner = new QWidget(this);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 2);
    m_newCallButton = new QPushButton(corner);
    m_newCallButton->setObjectName(QStringLiteral("newCallButton"));
    m_draftsButton = new QPushButton(corner);
    m_draftsButton->setObjectName(QStringLiteral("myDraftsButton"));
    for (QPushButton* button : {m_newCallButton, m_draftsButton}) {
        button->setFocusPolicy(Qt::TabFocus);
        button->setAutoDefault(false);
        cornerLayout->addWidget(button);
    }
    connect(m_newCallButton, &QPushButton::clicked, m_newCallAction, &QAction::trigger);
    connect(m_draftsButton, &QPushButton::clicked, m_draftsAction, &QAction::trigger);
    m_newCallButton->setEnabled(m_routing != nullptr);
    m_draftsButton->setEnabled(m_routing != nullptr);
    setCornerWidget(corner, Qt::TopRightCorner);
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
    connect(form, &IntakeForm::titleChanged, this,
            [this, form](const QString& title) { setTabText(indexOf(form), title); });
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
    // A call from the CAD that nobody has taken becomes this counselor's:
    // from now on the CAD's later changes wait beside it, never over it.
    if (m_routing) {
        auto taken = usecases::CadUseCases(m_services).take(callId);
        if (!taken.ok()) {
            QMessageBox::warning(this, tr("Call"), DomainText::errorText(taken.error()));
            return nullptr;
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
            tr("This call has changes that are not saved as a call. Keep them as a draft and close the tab? "
               "My drafts (Ctrl+Shift+D) reopens it."),
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
    auto loaded = usecases::CallUseCases(m_services).drafts();
    if (!loaded.ok())
        return;
    for (auto it = loaded.value().cbegin(); it != loaded.value().cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("intake/")))
            continue;
        IntakeForm* form = addForm();
        form->restoreDraftText(it.key(), it.value()); // an unreadable draft: an empty form that says so
        setTabText(indexOf(form), form->title());
    }
}

QList<QAction*> CounselorHome::callActions() const
{
    return {m_newCallAction, m_draftsAction};
}

QStringList CounselorHome::unsavedImminentRiskCalls() const
{
    QStringList calls;
    for (IntakeForm* form : forms()) {
        if (form->hasUnsavedChanges() && form->atImminentRisk())
            calls << form->title();
    }
    return calls;
}

void CounselorHome::showDrafts()
{
    if (!m_routing)
        return;
    for (IntakeForm* form : forms())
        form->flushDraft(); // what the tabs hold now, so the list is current
    auto listed = usecases::CallUseCases(m_services).drafts(QStringLiteral("intake/"));
    if (!listed.ok()) {
        QMessageBox::warning(this, tr("My drafts"), DomainText::errorText(listed.error()));
        return;
    }
    QSet<QString> open;
    for (IntakeForm* form : forms())
        open.insert(form->draftKey());
    QList<DraftListDialog::Entry> entries;
    for (const store::Draft& draft : listed.value()) {
        if (open.contains(draft.form))
            continue;
        const QByteArray utf8 = draft.content.toUtf8();
        const auto parsed =
            intake::parseIntakeDraft(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        const intake::IntakeDraft content = parsed ? parsed.value() : intake::IntakeDraft{};
        DraftListDialog::Entry entry;
        entry.form = draft.form;
        entry.cadNumber = QString::fromStdString(content.cadNumber);
        // The form keeps the time received as the program's wall time.
        const QDateTime received =
            QDateTime::fromString(QString::fromStdString(content.received), Qt::ISODate);
        entry.received =
            received.isValid() ? received.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
        entry.callType =
            parsed ? QString::fromStdString(content.callType) : tr("(this draft cannot be read)");
        const roster::LocalDateTime saved = m_routing->zone().toLocal(store::toTimePoint(draft.savedAt));
        entry.saved = QStringLiteral("%1-%2-%3 %4:%5")
                          .arg(int(saved.date.year()), 4, 10, QLatin1Char('0'))
                          .arg(unsigned(saved.date.month()), 2, 10, QLatin1Char('0'))
                          .arg(unsigned(saved.date.day()), 2, 10, QLatin1Char('0'))
                          .arg(saved.minuteOfDay / 60, 2, 10, QLatin1Char('0'))
                          .arg(saved.minuteOfDay % 60, 2, 10, QLatin1Char('0'));
        if (auto answers = triage::decodeCssrs(content.cssrs))
            entry.imminentRisk = triage::assessCssrs(answers.value()).risk == routing::RiskLevel::High;
        entries << entry;
    }
    DraftListDialog dialog(entries, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenForm().isEmpty())
        reopenDraft(dialog.chosenForm());
}

IntakeForm* CounselorHome::reopenDraft(const QString& formKey)
{
    for (IntakeForm* form : forms()) {
        if (form->draftKey() == formKey) {
            setCurrentWidget(form);
            return form;
        }
    }
    auto loaded = usecases::CallUseCases(m_services).drafts();
    if (!loaded.ok() || !loaded.value().contains(formKey))
        return nullptr;
    IntakeForm* form = addForm();
    if (!form)
        return nullptr;
    form->restoreDraftText(formKey, loaded.value().value(formKey), true);
    setTabText(indexOf(form), form->title());
    form->setFocus();
    return form;
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
    m_queue->setToolTip(
        tr("Ctrl+N starts a call; Enter opens the selected one; Ctrl+W closes a call's tab."));
    m_newCallAction->setText(tr("&New call"));
    m_draftsAction->setText(tr("My &drafts…"));
    m_newCallButton->setText(tr("New call (Ctrl+N)"));
    m_draftsButton->setText(tr("My drafts (Ctrl+Shift+D)"));
    m_newCallButton->setToolTip(tr("Start taking a call"));
    m_draftsButton->setToolTip(tr("Reopen a call kept as your draft"));
}

void CounselorHome::reloadRouting()
{
    QString error;
    auto routing = RoutingContext::load(m_services, &error);
    if (!routing) {
        // The rules read before stay in use; the log says why (no person's data in it).
        qCWarning(lcUi) << "changed routing rules could not be loaded:" << error;
        return;
    }
    const bool hadRouting = m_routing != nullptr;
    m_routing = std::move(routing);
    if (!hadRouting) {
        for (QAction* action : {m_newCallAction, m_draftsAction})
            action->setEnabled(true);
        m_newCallButton->setEnabled(true);
        m_draftsButton->setEnabled(true);
    }
}

} // namespace heart::ui
