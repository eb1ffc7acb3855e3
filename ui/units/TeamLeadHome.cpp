#include "units/TeamLeadHome.h"

#include "core/Permissions.h"
#include "core/units/UnitCallVisibility.h"
#include "core/units/UnitStatus.h"
#include "encounter/EncounterForm.h"
#include "home/CallTableModel.h"
#include "home/LiveRefresh.h"
#include "safety/SafetyPlanEditor.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/StoreTime.h"
#include "units/PriorContactsView.h"
#include "units/TeamBoard.h"
#include "units/UnitCallPanel.h"
#include "usecases/Freshness.h"
#include "usecases/UnitCallUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace heart::ui {

using units::UnitStatus;

TeamLeadHome::TeamLeadHome(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_title(new QLabel(this)),
      m_unitLine(new QLabel(this)), m_times(new QLabel(this)),
      m_call(new UnitCallPanel(m_services.actor.role(), this)), m_message(new QLabel(this)),
      m_alert(new QLabel(this)), m_board(new TeamBoard(m_services, this)), m_tabs(new QTabWidget(this)),
      m_callsTitle(new QLabel(this)), m_calls(new QListWidget(this)), m_notePage(new QWidget(this)),
      m_planPage(new QWidget(this)), m_noNote(new QLabel(m_notePage)), m_noPlan(new QLabel(m_planPage)),
      m_live(new LiveRefresh(
          m_services,
          usecases::Freshness::Units | usecases::Freshness::Calls | usecases::Freshness::Encounters, this))
{
    setObjectName(QStringLiteral("teamLeadHome"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    m_unitLine->setObjectName(QStringLiteral("myUnit"));
    m_times->setObjectName(QStringLiteral("unitTimes"));
    m_message->setObjectName(QStringLiteral("unitMessage"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    QFont unitFont = m_unitLine->font();
    unitFont.setPointSizeF(unitFont.pointSizeF() * 1.2);
    unitFont.setBold(true);
    m_unitLine->setFont(unitFont);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_alert->setObjectName(QStringLiteral("unitAlert"));
    m_alert->setWordWrap(true);
    m_alert->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdf0c8; border: 1px solid #e0b84a; padding: 6px; font-weight: 600; }"));
    m_alert->hide();

    auto* buttons = new QHBoxLayout;
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        const UnitStatus status = units::kAllUnitStatuses[i];
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("status_") +
                              QString::fromLatin1(units::unitStatusCode(status).data()));
        connect(button, &QPushButton::clicked, this, [this, status] { moveTo(status); });
        m_buttons[i] = button;
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_calls->setObjectName(QStringLiteral("unitRecentCalls"));
    QFont bold = m_callsTitle->font();
    bold.setBold(true);
    m_callsTitle->setFont(bold);
    m_callsTitle->setBuddy(m_calls);
    connect(m_calls, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        openNote(item->data(Qt::UserRole).toString());
        showTab(NoteTab);
    });
    // The unit page scrolls: on a 1366x768 laptop the call alone can be taller than the screen.
    auto* unitPage = new QWidget;
    auto* unitLayout = new QVBoxLayout(unitPage);
    unitLayout->addWidget(m_title);
    unitLayout->addWidget(m_unitLine);
    unitLayout->addLayout(buttons);
    unitLayout->addWidget(m_message);
    unitLayout->addWidget(m_times);
    unitLayout->addWidget(m_call);
    unitLayout->addWidget(m_callsTitle);
    // Rows enough to pick from; the page scrolls, not the list away.
    m_calls->setMinimumHeight(m_calls->fontMetrics().height() * 7);
    unitLayout->addWidget(m_calls, 1);
    auto* unitScroll = new QScrollArea(this);
    unitScroll->setObjectName(QStringLiteral("unitScroll"));
    unitScroll->setWidgetResizable(true);
    unitScroll->setFrameShape(QFrame::NoFrame);
    unitScroll->setWidget(unitPage);
    for (auto [page, empty] : {std::pair{m_notePage, m_noNote}, std::pair{m_planPage, m_noPlan}}) {
        auto* pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
        empty->setAlignment(Qt::AlignCenter);
        empty->setWordWrap(true);
        pageLayout->addWidget(empty);
    }
    m_tabs->setObjectName(QStringLiteral("teamLeadTabs"));
    m_tabs->addTab(unitScroll, QString());
    m_tabs->addTab(m_notePage, QString());
    m_tabs->addTab(m_planPage, QString());
    if (units::seesPriorContacts(m_services.actor.role())) {
        m_prior = new PriorContactsView(m_services, this);
        m_tabs->addTab(m_prior, QString());
    }
    m_tabs->addTab(m_board, QString());
    const std::pair<Qt::Key, Tab> keys[] = {{Qt::Key_F2, UnitTab},
                                            {Qt::Key_F3, NoteTab},
                                            {Qt::Key_F4, SafetyPlanTab},
                                            {Qt::Key_F5, PriorContactsTab},
                                            {Qt::Key_F6, BoardTab}};
    for (const auto& [key, tab] : keys) {
        if (!pageOf(tab))
            continue;
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        connect(shortcut, &QShortcut::activated, this, [this, tab = tab] { showTab(tab); });
    }
    // On the way, from whichever tab is open.
    auto* copy = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this);
    connect(copy, &QShortcut::activated, this, &TeamLeadHome::copyCallbackNumber);
    if (units::seesCallPart(m_services.actor.role(), units::CallPart::SafetyPlan)) {
        auto* reprint = new QShortcut(QKeySequence(Qt::Key_F8), this);
        connect(reprint, &QShortcut::activated, this, &TeamLeadHome::reprintLatestPlan);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_alert);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == UnitTab)
            openNewCall();
        // Each opening reads afresh, and is audited.
        if (m_prior && m_tabs->widget(index) == m_prior)
            m_prior->open(m_unit.callId);
    });
    connect(m_live, &LiveRefresh::changed, this, &TeamLeadHome::refresh);
    connect(m_live, &LiveRefresh::tick, this, &TeamLeadHome::render);
    retranslate();
    refresh();
}

void TeamLeadHome::refresh()
{
    m_live->markCurrent();
    auto mine = usecases::UnitUseCases(m_services).myUnit();
    m_problem.clear();
    if (!mine.ok()) {
        m_problem = DomainText::errorText(mine.error());
        m_unit = {};
    } else {
        m_unit = mine.value();
    }
    readCallDetails();
    render();
    // The board refreshes itself when its tab is shown.
    if (m_board->isVisible())
        m_board->refresh();
    renderRecentCalls();
    openNewCall();
}

void TeamLeadHome::openNewCall()
{
    // A new call for the unit opens its note; a call picked from the list stays open otherwise.
    if (m_unit.callId.isEmpty() || m_unit.callId == m_callSeen) {
        if (m_unit.callId.isEmpty() || m_tabs->currentIndex() == UnitTab)
            m_alert->hide();
        return;
    }
    const int tab = m_tabs->currentIndex();
    if (m_form && (tab == NoteTab || tab == SafetyPlanTab) && isVisible()) {
        // Not from under the lead's hands: the note they are writing stays until they go back to the unit.
        m_alert->setText(tr("%1 was sent to call %2 (%3). F2 shows it and opens its note.")
                             .arg(m_unit.code, m_unit.callCad, UnitBoardModel::statusName(m_unit.status)));
        m_alert->show();
        return;
    }
    m_alert->hide();
    m_callSeen = m_unit.callId;
    openNote(m_unit.callId);
}

void TeamLeadHome::readCallDetails()
{
    m_history.clear();
    if (m_unit.callId.isEmpty()) {
        m_callRecord.reset();
        m_callError.clear();
        return;
    }
    usecases::UnitUseCases units(m_services);
    auto history = units.callHistory(m_unit.id, m_unit.callId);
    if (history.ok()) {
        for (const store::UnitStatusEvent& event : history.value())
            m_history.push_back({event.status, store::toTimePoint(event.at)});
    }
    // Reading the call is an audited open: only when it is another call, or changed.
    if (m_callRecord && m_callRecord->call.id == m_unit.callId && m_callError.isEmpty()) {
        auto version = usecases::Freshness(m_services).version(usecases::Freshness::Calls, m_unit.callId);
        if (version.ok() && version.value() == m_callRecord->call.version)
            return;
    }
    auto call = usecases::UnitCallUseCases(m_services).open(m_unit.callId);
    if (call.ok()) {
        m_callRecord = call.value();
        m_callError.clear();
    } else {
        m_callRecord.reset();
        m_callError = DomainText::errorText(call.error());
    }
}

QWidget* TeamLeadHome::pageOf(Tab tab) const
{
    switch (tab) {
    case UnitTab:
    case NoteTab:
    case SafetyPlanTab:
        return m_tabs->widget(int(tab));
    case PriorContactsTab:
        return m_prior;
    case BoardTab:
        return m_board;
    }
    return nullptr;
}

bool TeamLeadHome::copyCallbackNumber()
{
    if (!m_call->copyCallbackNumber()) {
        m_message->setText(tr("There is no callback number to copy."));
        return false;
    }
    m_message->clear();
    return true;
}

bool TeamLeadHome::reprintLatestPlan()
{
    if (!m_prior || m_unit.callId.isEmpty())
        return false;
    return m_prior->reprintLatestPlan(m_unit.callId);
}

void TeamLeadHome::showTab(Tab tab)
{
    QWidget* page = pageOf(tab);
    if (!page)
        return;
    // F5 on the prior contacts reads them again, as it refreshes other lists.
    if (page == m_prior && m_tabs->currentWidget() == m_prior)
        m_prior->open(m_unit.callId);
    m_tabs->setCurrentWidget(page);
    // The keyboard goes with the tab: to the note's first field, the plan's
    // language, the list of the unit's calls.
    if (tab == NoteTab && m_form)
        m_form->focusFirstField();
    else if (tab == SafetyPlanTab && m_plan)
        m_plan->focusFirstField();
    else if (tab == PriorContactsTab)
        m_prior->focusFirst();
    else if (tab == UnitTab)
        m_calls->setFocus();
}

void TeamLeadHome::openNote(const QString& callId)
{
    if (m_unit.id.isEmpty() || callId.isEmpty() || (callId == m_noteCallId && m_form))
        return;
    if (m_form) {
        m_form->save();
        m_form->deleteLater();
    }
    if (m_plan) {
        m_plan->save();
        m_plan->deleteLater();
    }
    m_plan = nullptr;
    m_noteCallId = callId;
    m_form = new EncounterForm(m_services, callId, m_unit.id, m_notePage);
    QString cad;
    for (int row = 0; row < m_calls->count(); ++row) {
        if (m_calls->item(row)->data(Qt::UserRole).toString() == callId)
            cad = m_calls->item(row)->data(Qt::UserRole + 1).toString();
    }
    m_form->setHeading(
        tr("Encounter note · call %1 · %2").arg(cad.isEmpty() ? m_unit.callCad : cad, m_unit.code));
    m_noNote->hide();
    m_notePage->layout()->addWidget(m_form);
    if (m_form->isLoaded()) {
        m_plan = new SafetyPlanEditor(m_services, m_form->encounter().id, callId, m_planPage);
        m_plan->setReadOnly(m_form->encounter().isSigned() ||
                            !permits(m_services.actor.role(), Action::WriteSafetyPlan));
        m_noPlan->hide();
        m_planPage->layout()->addWidget(m_plan);
        connect(m_plan, &SafetyPlanEditor::saved, m_form, [this] {
            if (!m_form->refreshFromStore())
                m_form->reload();
        });
        connect(m_form, &EncounterForm::signedNote, m_plan, [this] {
            m_plan->reload();
            m_plan->setReadOnly(true);
            renderRecentCalls();
        });
    }
}

void TeamLeadHome::renderRecentCalls()
{
    // The call chosen in the list stays chosen, and the list where it was scrolled.
    const QString chosen =
        m_calls->currentItem() ? m_calls->currentItem()->data(Qt::UserRole).toString() : QString();
    const int scrolled = m_calls->verticalScrollBar()->value();
    const auto restore = qScopeGuard([this, chosen, scrolled] {
        for (int row = 0; row < m_calls->count() && !chosen.isEmpty(); ++row) {
            if (m_calls->item(row)->data(Qt::UserRole).toString() == chosen)
                m_calls->setCurrentRow(row);
        }
        m_calls->verticalScrollBar()->setValue(scrolled);
    });
    m_calls->clear();
    if (m_unit.id.isEmpty())
        return;
    const QDateTime since = store::toDateTime(m_services.clock.now()).addDays(-1);
    auto calls = usecases::UnitUseCases(m_services).recentCalls(m_unit.id, since);
    if (!calls.ok()) {
        m_calls->addItem(DomainText::errorText(calls.error()));
        return;
    }
    for (const store::UnitCallSummary& call : calls.value()) {
        auto* item = new QListWidgetItem(tr("%1 · %2 · sent %3 · %4")
                                             .arg(call.cadNumber, DomainText::callTypeName(call.callType),
                                                  ProgramTime::dateTimeText(call.dispatchedAt),
                                                  call.signedNote ? tr("note signed") : tr("note to finish")),
                                         m_calls);
        item->setData(Qt::UserRole, call.callId);
        item->setData(Qt::UserRole + 1, call.cadNumber);
    }
    if (calls.value().isEmpty())
        m_calls->addItem(tr("No calls in the last 24 hours."));
}

bool TeamLeadHome::moveTo(UnitStatus status)
{
    if (m_unit.id.isEmpty())
        return false;
    usecases::UnitUseCases units(m_services);
    auto moved = units.changeStatus(m_unit.id, m_unit.version, status);
    if (!moved.ok() && moved.error().code == store::StoreErrorCode::Conflict) {
        // Changed at another workstation since it was read. Unless it was sent
        // to another call meanwhile, the key means what it meant: done
        // already, or done now.
        const store::Unit seen = m_unit;
        refresh();
        if (m_unit.id != seen.id || (!m_unit.callId.isEmpty() && m_unit.callId != seen.callId)) {
            m_message->setText(
                tr("%1 was changed at another workstation meanwhile: it is now %2. Check it and "
                   "press the key again.")
                    .arg(seen.code, UnitBoardModel::statusName(m_unit.status)));
            return false;
        }
        if (m_unit.status == status) {
            m_message->clear();
            return true;
        }
        moved = units.changeStatus(m_unit.id, m_unit.version, status);
    }
    if (!moved.ok()) {
        m_message->setText(
            moved.error().code == store::StoreErrorCode::StatusRefused
                ? tr("%1 cannot follow %2.")
                      .arg(UnitBoardModel::statusName(status), UnitBoardModel::statusName(m_unit.status))
                : DomainText::errorText(moved.error()));
        if (moved.error().code == store::StoreErrorCode::Conflict)
            refresh();
        return false;
    }
    m_message->clear();
    m_unit = moved.value();
    m_live->markCurrent();
    readCallDetails();
    render();
    m_board->refresh();
    renderRecentCalls();
    return true;
}

QString TeamLeadHome::callText() const
{
    return m_call->text();
}

QString TeamLeadHome::timesText() const
{
    return m_times->text();
}

QString TeamLeadHome::unitText() const
{
    return m_unitLine->text();
}

QString TeamLeadHome::alertText() const
{
    return m_alert->isVisibleTo(this) ? m_alert->text() : QString();
}

void TeamLeadHome::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        renderRecentCalls(); // its lines carry translated words and times
    }
    QWidget::changeEvent(event);
}

void TeamLeadHome::retranslate()
{
    m_title->setText(tr("My unit"));
    m_tabs->setTabText(UnitTab, tr("My unit (F2)"));
    m_tabs->setTabText(NoteTab, tr("Encounter note (F3)"));
    m_tabs->setTabText(SafetyPlanTab, tr("Safety plan (F4)"));
    if (m_prior)
        m_tabs->setTabText(m_tabs->indexOf(m_prior), tr("Prior contacts (F5)"));
    m_tabs->setTabText(m_tabs->indexOf(m_board), tr("Team board (F6)"));
    m_callsTitle->setText(tr("My unit's calls, last 24 hours (Enter opens the note):"));
    m_noNote->setText(
        tr("No call chosen: the note opens for the call your unit is on, or pick one of its calls "
           "on the first tab."));
    m_noPlan->setText(tr("The safety plan belongs to an encounter note: open the note first."));
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        m_buttons[i]->setText(
            tr("%1 (Ctrl+%2)").arg(UnitBoardModel::statusName(units::kAllUnitStatuses[i])).arg(i + 1));
        // After setText(), which replaces the shortcut with the text's mnemonic.
        m_buttons[i]->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
    }
    render();
}

void TeamLeadHome::render()
{
    if (m_unit.id.isEmpty()) {
        m_unitLine->setText(m_problem.isEmpty() ? tr("You are not on a unit this shift.") : m_problem);
        for (QPushButton* button : m_buttons)
            button->setVisible(false);
        m_times->clear();
        m_call->showMessage(QString());
        m_call->hide();
        return;
    }
    const qint64 minutes = m_unit.statusSince.secsTo(store::toDateTime(m_services.clock.now())) / 60;
    m_unitLine->setText(tr("%1 · %2 for %3")
                            .arg(m_unit.code, UnitBoardModel::statusName(m_unit.status),
                                 CallTableModel::ageText(qMax<qint64>(0, minutes))));
    const std::vector<UnitStatus> next = units::nextStatuses(m_unit.status);
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        const UnitStatus status = units::kAllUnitStatuses[i];
        // Dispatch comes from the 911 center with a call, not from the van.
        const bool offered =
            status != UnitStatus::Dispatched && std::find(next.begin(), next.end(), status) != next.end();
        m_buttons[i]->setVisible(offered);
    }
    if (m_unit.callId.isEmpty()) {
        m_times->clear();
        m_call->showMessage(tr("No call assigned."));
        m_call->show();
        return;
    }
    QStringList times;
    if (auto computed = units::callTimes(m_history); computed.ok()) {
        const auto minutesText = [](std::chrono::seconds s) {
            return CallTableModel::ageText(s.count() / 60);
        };
        if (computed.value().dispatchToArrival)
            times << tr("Dispatch to arrival: %1").arg(minutesText(*computed.value().dispatchToArrival));
        if (computed.value().onScene)
            times << tr("On scene: %1").arg(minutesText(*computed.value().onScene));
    }
    m_times->setText(times.join(QStringLiteral(" · ")));
    if (!m_callRecord) {
        m_call->showMessage(m_callError);
        m_call->show();
        return;
    }
    m_call->setCall(*m_callRecord);
    m_call->show();
}

} // namespace heart::ui
