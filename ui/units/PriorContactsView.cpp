#include "units/PriorContactsView.h"

#include "core/units/UnitCallVisibility.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/CoreText.h"
#include "units/SafetyPlanReview.h"
#include "usecases/UnitCallUseCases.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace heart::ui {

using units::CallPart;

namespace {

constexpr int kShownRows = 6; // a list taller than this scrolls inside itself

// A list as tall as its rows (up to kShownRows), so the page scrolls as one.
void fitHeight(QTreeWidget* list)
{
    const int rows = qBound(1, list->topLevelItemCount(), kShownRows);
    const int row =
        list->topLevelItemCount() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 6;
    list->setFixedHeight(list->header()->sizeHint().height() + rows * row + 2 * list->frameWidth() + 4);
}

QLabel* sectionTitle(QWidget* parent)
{
    auto* title = new QLabel(parent);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    return title;
}

} // namespace

PriorContactsView::PriorContactsView(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_heading(new QLabel), m_message(new QLabel)
{
    setObjectName(QStringLiteral("priorContacts"));
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setObjectName(QStringLiteral("priorHeading"));
    m_message->setObjectName(QStringLiteral("priorMessage"));
    m_message->setWordWrap(true);
    column->addWidget(m_heading);
    column->addWidget(m_message);
    const Role role = m_services.actor.role();
    // A section the role may not see is not made.
    if (units::seesCallPart(role, CallPart::PriorCalls)) {
        m_callsTitle = sectionTitle(page);
        m_calls = addList("priorCalls", m_callsTitle);
        column->addWidget(m_callsTitle);
        column->addWidget(m_calls);
    }
    if (units::seesCallPart(role, CallPart::PriorEncounters)) {
        m_encountersTitle = sectionTitle(page);
        m_encounters = addList("priorEncounters", m_encountersTitle);
        column->addWidget(m_encountersTitle);
        column->addWidget(m_encounters);
    }
    if (units::seesCallPart(role, CallPart::SafetyPlan)) {
        m_planTitle = sectionTitle(page);
        m_planLine = new QLabel(page);
        m_planLine->setObjectName(QStringLiteral("priorPlan"));
        m_planLine->setWordWrap(true);
        m_review = new QPushButton(page);
        m_review->setObjectName(QStringLiteral("reviewPlan"));
        m_reprint = new QPushButton(page);
        m_reprint->setObjectName(QStringLiteral("reprintPlan"));
        connect(m_review, &QPushButton::clicked, this, [this] { reviewPlan(); });
        connect(m_reprint, &QPushButton::clicked, this, [this] { reprintLatestPlan(m_callId); });
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(m_review);
        buttons->addWidget(m_reprint);
        buttons->addStretch(1);
        column->addWidget(m_planTitle);
        column->addWidget(m_planLine);
        column->addLayout(buttons);
    }
    if (units::seesCallPart(role, CallPart::FollowUps)) {
        m_followUpsTitle = sectionTitle(page);
        m_followUps = addList("priorFollowUps", m_followUpsTitle);
        column->addWidget(m_followUpsTitle);
        column->addWidget(m_followUps);
    }
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("priorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    retranslate();
}

QTreeWidget* PriorContactsView::addList(const char* name, QLabel* title)
{
    auto* list = new QTreeWidget(title->parentWidget());
    list->setObjectName(QString::fromLatin1(name));
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setUniformRowHeights(true);
    list->setTabKeyNavigation(false);
    list->header()->setStretchLastSection(true);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    title->setBuddy(list);
    return list;
}

void PriorContactsView::open(const QString& callId)
{
    m_callId = callId;
    m_contacts.reset();
    m_error.clear();
    if (!callId.isEmpty()) {
        auto read = usecases::UnitCallUseCases(m_services).priorContacts(callId);
        if (read.ok())
            m_contacts = read.value();
        else
            m_error = DomainText::errorText(read.error());
    }
    render();
}

QString PriorContactsView::messageText() const
{
    return m_message->text();
}

void PriorContactsView::focusFirst()
{
    for (QWidget* widget : {static_cast<QWidget*>(m_calls), static_cast<QWidget*>(m_encounters),
                            static_cast<QWidget*>(m_review), static_cast<QWidget*>(m_followUps)}) {
        if (widget && widget->isEnabled()) {
            widget->setFocus();
            return;
        }
    }
}

bool PriorContactsView::reviewPlan()
{
    if (!m_contacts || !m_contacts->safetyPlan)
        return false;
    SafetyPlanReview review(m_services, *m_contacts->safetyPlan, m_contacts->personName, this);
    review.exec();
    return true;
}

bool PriorContactsView::reprintLatestPlan(const QString& callId)
{
    auto plan = usecases::UnitCallUseCases(m_services).latestSafetyPlan(callId);
    if (!plan.ok()) {
        m_message->setText(plan.error().code == store::StoreErrorCode::NotFound
                               ? tr("There is no final safety plan of this person to print again.")
                               : DomainText::errorText(plan.error()));
        m_message->show();
        return false;
    }
    return SafetyPlanReview::askAndPrint(m_services, plan.value().record, plan.value().personName, this);
}

int PriorContactsView::printLatestPlanTo(const QString& callId, QPagedPaintDevice& device)
{
    auto plan = usecases::UnitCallUseCases(m_services).latestSafetyPlan(callId);
    if (!plan.ok())
        return 0;
    return SafetyPlanReview::printCopy(m_services, plan.value().record, plan.value().personName, device);
}

void PriorContactsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PriorContactsView::retranslate()
{
    if (m_calls) {
        m_callsTitle->setText(tr("Earlier calls"));
        m_calls->setHeaderLabels(
            {tr("Received"), tr("Call"), tr("Type"), tr("Risk"), tr("Disposition"), tr("Unit sent")});
    }
    if (m_encounters) {
        m_encountersTitle->setText(tr("Earlier encounters"));
        m_encounters->setHeaderLabels(
            {tr("Date"), tr("Call"), tr("Unit"), tr("Who responded"), tr("Disposition"), tr("Referred to")});
    }
    if (m_planTitle) {
        m_planTitle->setText(tr("Latest safety plan"));
        m_review->setText(tr("Review…"));
        m_reprint->setText(tr("Print again (F8)"));
    }
    if (m_followUps) {
        m_followUpsTitle->setText(tr("Follow-up tasks"));
        m_followUps->setHeaderLabels({tr("Due"), tr("Kind"), tr("State"), tr("Assigned to"), tr("Outcome")});
    }
    render();
}

void PriorContactsView::render()
{
    for (QTreeWidget* list : {m_calls, m_encounters, m_followUps}) {
        if (list)
            list->clear();
    }
    const bool known = m_contacts && !m_contacts->personId.isEmpty();
    m_heading->setText(known ? tr("Prior contacts of %1").arg(m_contacts->personName) : tr("Prior contacts"));
    QString message;
    if (!m_error.isEmpty())
        message = m_error;
    else if (m_callId.isEmpty())
        message = tr("Your unit is on no call.");
    else if (!known)
        message = tr("The call is not linked to a known person: nothing to show.");
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    for (QWidget* section :
         std::initializer_list<QWidget*>{m_callsTitle, m_calls, m_encountersTitle, m_encounters, m_planTitle,
                                         m_planLine, m_review, m_reprint, m_followUpsTitle, m_followUps}) {
        if (section)
            section->setVisible(known);
    }
    if (!known)
        return;
    const store::PriorContacts& prior = *m_contacts;
    if (m_calls) {
        for (const store::PriorCall& call : prior.calls) {
            auto* item = new QTreeWidgetItem(
                m_calls,
                {ProgramTime::dateTimeText(call.receivedAt), call.cadNumber,
                 DomainText::callTypeName(call.callType), DomainText::riskLevelName(call.riskLevel),
                 call.disposition.isEmpty() ? tr("none yet") : DomainText::dispositionName(call.disposition),
                 call.assignedUnit.isEmpty() ? tr("none") : call.assignedUnit});
            item->setData(0, Qt::UserRole, call.id);
        }
        if (prior.calls.isEmpty())
            new QTreeWidgetItem(m_calls, {tr("No earlier calls.")});
        fitHeight(m_calls);
    }
    if (m_encounters) {
        for (const store::PriorEncounter& encounter : prior.encounters) {
            const store::FollowUpEncounterOutline& o = encounter.outline;
            QString referral = !o.referralResourceName.isEmpty() ? o.referralResourceName : o.referralText;
            auto* item = new QTreeWidgetItem(
                m_encounters,
                {ProgramTime::dateTimeText(encounter.startedAt), encounter.cadNumber, o.unitCode,
                 encounter.responders.join(QStringLiteral(", ")),
                 o.disposition ? FollowUpText::dispositionName(*o.disposition) : tr("not recorded"),
                 referral.isEmpty() ? tr("none") : referral});
            item->setData(0, Qt::UserRole, encounter.id);
            if (!o.signedAt.isValid())
                item->setToolTip(0, tr("Not signed yet"));
        }
        if (prior.encounters.isEmpty())
            new QTreeWidgetItem(m_encounters, {tr("No earlier encounters.")});
        fitHeight(m_encounters);
    }
    if (m_planLine) {
        if (prior.safetyPlan) {
            const store::SafetyPlanRecord& plan = *prior.safetyPlan;
            const QDateTime made = plan.finalisedAt.isValid() ? plan.finalisedAt : plan.savedAt;
            m_planLine->setText(
                tr("Made final %1 by %2, in %3 (call of the encounter: %4).")
                    .arg(ProgramTime::dateTimeText(made), plan.authorName,
                         plan.plan.language == "es" ? QStringLiteral("Español") : QStringLiteral("English"),
                         [&] {
                             for (const store::PriorEncounter& e : prior.encounters) {
                                 if (e.id == plan.encounterId)
                                     return e.cadNumber;
                             }
                             return tr("this call");
                         }()));
        } else {
            m_planLine->setText(tr("No final safety plan."));
        }
        m_review->setEnabled(prior.safetyPlan.has_value());
        m_reprint->setEnabled(prior.safetyPlan.has_value());
    }
    if (m_followUps) {
        for (const store::FollowUpTask& task : prior.followUps) {
            QString outcome;
            if (task.outcome) {
                outcome = FollowUpText::outcomeName(*task.outcome);
                const QString service =
                    !task.outcomeResourceName.isEmpty() ? task.outcomeResourceName : task.outcomeText;
                if (!service.isEmpty())
                    outcome = tr("%1: %2").arg(outcome, service);
            } else {
                outcome = tr("%1 of %2 attempts").arg(task.unsuccessfulAttempts).arg(task.maxAttempts);
            }
            auto* item = new QTreeWidgetItem(
                m_followUps,
                {ProgramTime::dateTimeText(task.dueAt),
                 FollowUpQueueModel::kindName(store::toQString(followup::taskKindCode(task.kind))),
                 FollowUpQueueModel::stateText(task.state, QString()),
                 task.assigneeName.isEmpty() ? tr("unassigned") : task.assigneeName, outcome});
            item->setData(0, Qt::UserRole, task.id);
        }
        if (prior.followUps.isEmpty())
            new QTreeWidgetItem(m_followUps, {tr("No follow-up tasks.")});
        fitHeight(m_followUps);
    }
}

} // namespace heart::ui
