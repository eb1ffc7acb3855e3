#include "followup/FollowUpDetailPane.h"

#include "directory/DirectoryText.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpText.h"
#include "shell/DomainText.h"
#include "store/CoreText.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <utility>

namespace heart::ui {
namespace {

using followup::TaskPart;
using Rows = QList<std::pair<QString, QString>>; // label, value as HTML

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// Typed text (a note, a narrative) with its line breaks.
QString paragraph(const QString& text)
{
    return esc(text.trimmed()).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString dim(const QString& text)
{
    return QStringLiteral("<span style=\"color:#6b7280;\"><i>%1</i></span>").arg(esc(text));
}

QString table(const Rows& rows)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const auto& [label, value] : rows) {
        html += QStringLiteral("<tr><td width=\"150\" style=\"color:#4b5563; padding-right:10px;\" "
                               "valign=\"top\">%1</td>"
                               "<td valign=\"top\">%2</td></tr>")
                    .arg(esc(label), value);
    }
    return html + QStringLiteral("</table>");
}

// A row's value: the text, or a dimmed word when there is none.
QString orNone(const QString& text, const QString& none)
{
    return text.trimmed().isEmpty() ? dim(none) : paragraph(text);
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

FollowUpDetailPane::FollowUpDetailPane(const FollowUpQueueModel& texts, QWidget* parent)
    : QScrollArea(parent), m_texts(texts), m_message(new QLabel), m_header(new QLabel)
{
    setObjectName(QStringLiteral("followUpDetail"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("followUpDetailContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(2);
    m_message->setObjectName(QStringLiteral("detailMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_header->setObjectName(QStringLiteral("detailHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    static const char* const kNames[SectionCount] = {
        "detailTask",         "detailContact",   "detailAttempts",          "detailCall",
        "detailCallClinical", "detailEncounter", "detailEncounterClinical", "detailSafetyPlan"};
    for (int i = 0; i < SectionCount; ++i) {
        auto* title = new QLabel(content);
        QFont bold = title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        title->setFont(bold);
        title->setContentsMargins(0, i == 0 ? 6 : 10, 0, 0);
        auto* body = new QLabel(content);
        body->setObjectName(QString::fromLatin1(kNames[i]));
        body->setTextFormat(Qt::RichText);
        body->setWordWrap(true);
        body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layout->addWidget(title);
        layout->addWidget(body);
        m_headings[std::size_t(i)] = title;
        m_bodies[std::size_t(i)] = body;
    }
    layout->addStretch(1);
    setWidget(content);
    showMessage(tr("Choose a task in the list to see it here."));
}

QString FollowUpDetailPane::notShownText()
{
    return tr("Not shown to your role");
}

void FollowUpDetailPane::showDetail(const store::FollowUpDetail& detail)
{
    m_detail = detail;
    render();
}

void FollowUpDetailPane::updateTask(const store::FollowUpTask& task)
{
    if (!m_detail || m_detail->task.id != task.id)
        return;
    m_detail->task = task;
    render();
}

void FollowUpDetailPane::showMessage(const QString& message)
{
    m_detail.reset();
    m_message->setText(message);
    m_message->show();
    m_header->hide();
    for (int i = 0; i < SectionCount; ++i) {
        m_headings[std::size_t(i)]->hide();
        m_bodies[std::size_t(i)]->hide();
        m_bodies[std::size_t(i)]->clear();
    }
}

QString FollowUpDetailPane::sectionText(Section section) const
{
    return m_bodies[std::size_t(section)]->text();
}

void FollowUpDetailPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_detail)
            render();
        else
            m_message->setText(tr("Choose a task in the list to see it here."));
    }
    QScrollArea::changeEvent(event);
}

QString FollowUpDetailPane::heading(Section section) const
{
    switch (section) {
    case Task:
        return tr("Task");
    case Contact:
        return tr("Person and how to reach them");
    case Attempts:
        return tr("Attempts");
    case Call:
        return tr("Original call");
    case CallClinical:
        return tr("Call notes (clinical)");
    case Encounter:
        return tr("Encounter");
    case EncounterClinical:
        return tr("Encounter notes (clinical)");
    case SafetyPlan:
        return tr("Safety plan");
    case SectionCount:
        break;
    }
    return {};
}

void FollowUpDetailPane::render()
{
    if (!m_detail)
        return;
    m_message->hide();
    const store::FollowUpTask& task = m_detail->task;
    QString name = tr("No name given");
    if (!m_detail->sees(TaskPart::Contact))
        name = tr("Name not shown to your role");
    else if (m_detail->contact && !m_detail->contact->personName.trimmed().isEmpty())
        name = m_detail->contact->personName.trimmed();
    m_header->setText(
        QStringLiteral("<span style=\"font-size:large; font-weight:600;\">%1</span><br>"
                       "<span style=\"color:#4b5563;\">%2</span>")
            .arg(esc(name),
                 esc(tr("%1 · %2").arg(
                     FollowUpQueueModel::kindName(store::toQString(followup::taskKindCode(task.kind))),
                     DomainText::programName(store::toQString(routing::programCode(task.program)))))));
    m_header->show();
    const std::array<QString, SectionCount> bodies = {
        taskHtml(task),     contactHtml(),   attemptsHtml(task),      callHtml(),
        callClinicalHtml(), encounterHtml(), encounterClinicalHtml(), safetyPlanHtml(),
    };
    for (int i = 0; i < SectionCount; ++i) {
        const auto section = Section(i);
        m_headings[std::size_t(i)]->setText(heading(section));
        m_bodies[std::size_t(i)]->setText(bodies[std::size_t(i)]);
        m_bodies[std::size_t(i)]->setAccessibleName(heading(section));
        m_headings[std::size_t(i)]->show();
        m_bodies[std::size_t(i)]->show();
    }
}

QString FollowUpDetailPane::timeText(const QDateTime& utc) const
{
    return utc.isValid() ? m_texts.dueText(utc) : QString();
}

QString FollowUpDetailPane::taskHtml(const store::FollowUpTask& task) const
{
    const QString outcome = task.outcome ? store::toQString(followup::outcomeCode(*task.outcome)) : QString();
    QString state = esc(FollowUpQueueModel::stateText(task.state, outcome));
    if (task.state == followup::TaskState::Overdue)
        state = QStringLiteral("<b style=\"color:#b00020;\">%1</b>").arg(state);
    Rows rows = {
        {tr("Kind"), esc(FollowUpQueueModel::kindName(store::toQString(followup::taskKindCode(task.kind))))},
        {tr("Program"), esc(DomainText::programName(store::toQString(routing::programCode(task.program))))},
        {tr("Risk"), esc(DomainText::riskLevelName(store::toQString(routing::riskCode(task.risk))))},
        {tr("Due"), esc(timeText(task.dueAt))},
        {tr("State"), state},
        {tr("Contact was"), esc(timeText(task.contactAt))},
        {tr("Assigned to"), task.assigneeName.isEmpty() ? dim(tr("Unassigned")) : esc(task.assigneeName)},
        {tr("Unsuccessful attempts"),
         esc(tr("%1 of %2").arg(task.unsuccessfulAttempts).arg(task.maxAttempts))},
    };
    if (task.outcome) {
        QString text = esc(FollowUpText::outcomeName(*task.outcome));
        const QString service =
            !task.outcomeResourceName.isEmpty() ? task.outcomeResourceName : task.outcomeText;
        if (*task.outcome == followup::Outcome::Connected && !service.isEmpty())
            text += QStringLiteral(": ") + esc(service);
        rows.append({tr("Outcome"), text});
        if (!task.outcomeNote.trimmed().isEmpty())
            rows.append({tr("Note on the outcome"), paragraph(task.outcomeNote)});
        rows.append({tr("Closed"),
                     esc(tr("%1 by %2")
                             .arg(timeText(task.closedAt),
                                  task.closedByName.isEmpty() ? tr("the system") : task.closedByName))});
    }
    return table(rows);
}

QString FollowUpDetailPane::contactHtml() const
{
    if (!m_detail->sees(TaskPart::Contact))
        return dim(notShownText());
    if (!m_detail->contact)
        return dim(tr("Nothing recorded."));
    const store::FollowUpContact& c = *m_detail->contact;
    Rows rows = {{tr("Person"), orNone(c.personName, tr("No name given"))}};
    if (!c.callerName.isEmpty()) {
        QString caller = esc(c.callerName);
        if (!c.callerRelationship.isEmpty())
            caller += QStringLiteral(" (%1)").arg(esc(FollowUpText::relationshipName(c.callerRelationship)));
        rows.append({tr("Caller"), caller});
    }
    rows.append({tr("Preferred contact"), c.preferredContact
                                              ? esc(FollowUpText::contactPreferenceName(*c.preferredContact))
                                              : dim(tr("Not recorded"))});
    rows.append(
        {tr("Phone"), c.phone.isEmpty() ? dim(tr("None recorded")) : esc(DirectoryText::phone(c.phone))});
    if (!c.place.isEmpty() || c.preferredContact == encounter::ContactPreference::InPerson)
        rows.append({tr("Where to meet"), orNone(c.place, tr("Not recorded"))});
    rows.append({tr("Language"), c.language.isEmpty() ? dim(tr("Not recorded"))
                                                      : esc(DirectoryText::languageName(c.language))});
    return table(rows);
}

QString FollowUpDetailPane::attemptsHtml(const store::FollowUpTask& task) const
{
    if (task.attempts.isEmpty())
        return dim(tr("No attempts yet."));
    QStringList items;
    for (const store::FollowUpAttempt& a : task.attempts) {
        QString item =
            QStringLiteral("<b>%1</b> · %2<br>%3 · %4")
                .arg(esc(timeText(a.at)), esc(a.userName.isEmpty() ? tr("Unknown user") : a.userName),
                     esc(FollowUpText::channelName(a.channel)), esc(FollowUpText::resultName(a.result)));
        if (!a.note.trimmed().isEmpty())
            item += QStringLiteral("<br><i>%1</i>").arg(paragraph(a.note));
        items << QStringLiteral("<li style=\"margin-bottom:4px;\">%1</li>").arg(item);
    }
    return QStringLiteral("<ol style=\"margin-left:0px; -qt-list-indent:1;\">%1</ol>")
        .arg(items.join(QString()));
}

QString FollowUpDetailPane::callHtml() const
{
    if (!m_detail->sees(TaskPart::Call))
        return dim(notShownText());
    if (!m_detail->call)
        return dim(tr("The call is not on record."));
    const store::FollowUpCallSummary& c = *m_detail->call;
    QString language =
        c.language.isEmpty() ? dim(tr("Not recorded")) : esc(DirectoryText::languageName(c.language));
    if (c.interpreter)
        language += esc(tr(", interpreter used"));
    return table({
        {tr("CAD number"), orNone(c.cadNumber, tr("None"))},
        {tr("Received"), esc(timeText(c.receivedAt))},
        {tr("Call type"), orNone(DomainText::callTypeName(c.callType), tr("Not recorded"))},
        {tr("Address"), orNone(c.address, tr("Not recorded"))},
        {tr("Language"), language},
        {tr("Disposition"), esc(DomainText::dispositionName(c.disposition))},
    });
}

QString FollowUpDetailPane::callClinicalHtml() const
{
    if (!m_detail->sees(TaskPart::CallClinical))
        return dim(notShownText());
    if (!m_detail->callClinical)
        return dim(tr("No notes on the call."));
    const store::FollowUpCallClinical& c = *m_detail->callClinical;
    return table({
        {tr("C-SSRS (call)"), c.cssrs ? esc(FollowUpText::cssrsSummary(*c.cssrs)) : dim(tr("Not screened"))},
        {tr("Narrative"), orNone(c.narrative, tr("None written"))},
    });
}

QString FollowUpDetailPane::encounterHtml() const
{
    if (m_detail->task.kind == followup::TaskKind::CheckIn)
        return dim(tr("None: a check-in follows a call resolved by phone, without a visit."));
    if (!m_detail->sees(TaskPart::EncounterOutline))
        return dim(notShownText());
    if (!m_detail->encounter)
        return dim(tr("The encounter note is not on record."));
    const store::FollowUpEncounterOutline& e = *m_detail->encounter;
    QString referral =
        !e.referralResourceName.isEmpty() ? esc(e.referralResourceName) : orNone(e.referralText, tr("None"));
    if (e.referralResourceName.isEmpty() && !e.referralResourceId.isEmpty())
        referral = dim(tr("A service no longer in the directory"));
    return table({
        {tr("Unit"), orNone(e.unitCode, tr("Not recorded"))},
        {tr("Signed"), esc(tr("%1 by %2").arg(timeText(e.signedAt), e.signedByName))},
        {tr("Disposition"),
         e.disposition ? esc(FollowUpText::dispositionName(*e.disposition)) : dim(tr("Not recorded"))},
        {tr("Referred to"), referral},
    });
}

QString FollowUpDetailPane::encounterClinicalHtml() const
{
    if (m_detail->task.kind == followup::TaskKind::CheckIn)
        return dim(tr("None: no visit."));
    if (!m_detail->sees(TaskPart::EncounterClinical))
        return dim(notShownText());
    if (!m_detail->encounterClinical)
        return dim(tr("No clinical notes."));
    const store::FollowUpEncounterClinical& e = *m_detail->encounterClinical;
    return table({
        {tr("Presenting concern"), orNone(e.presentingConcern, tr("None written"))},
        {tr("C-SSRS (in person)"),
         e.cssrs ? esc(FollowUpText::cssrsSummary(*e.cssrs)) : dim(tr("Not screened"))},
        {tr("Assessment"), orNone(e.assessment, tr("None written"))},
        {tr("Interventions"), orNone(e.interventions, tr("None written"))},
        {tr("Destination"), orNone(e.destination, tr("None"))},
        {tr("Narrative"), orNone(e.narrative, tr("None written"))},
    });
}

QString FollowUpDetailPane::safetyPlanHtml() const
{
    if (m_detail->task.kind == followup::TaskKind::CheckIn)
        return dim(tr("None: no visit."));
    if (!m_detail->sees(TaskPart::SafetyPlan))
        return dim(notShownText());
    if (!m_detail->safetyPlan)
        return dim(tr("No safety plan was made at the visit."));
    const store::SafetyPlanRecord& record = *m_detail->safetyPlan;
    const QStringList titles = {tr("1. Warning signs"),
                                tr("2. Internal coping strategies"),
                                tr("3. People and places for distraction"),
                                tr("4. People to ask for help"),
                                tr("5. Professionals and agencies"),
                                tr("6. Making the environment safe")};
    Rows rows;
    for (safety::SafetyPlanStep step : safety::kAllSafetyPlanSteps) {
        QStringList entries;
        for (const safety::SafetyPlanEntry& entry : record.plan.step(step)) {
            QString text = esc(fromStd(entry.text));
            if (!entry.phone.empty())
                text += QStringLiteral(" (%1)").arg(esc(DirectoryText::phone(fromStd(entry.phone))));
            entries << text;
        }
        rows.append({titles.value(safety::stepNumber(step) - 1),
                     entries.isEmpty() ? dim(tr("Nothing written")) : entries.join(QStringLiteral("<br>"))});
    }
    if (!record.plan.reasonsForLiving.empty()) {
        QStringList reasons;
        for (const std::string& reason : record.plan.reasonsForLiving)
            reasons << esc(fromStd(reason));
        rows.append({tr("Reasons for living"), reasons.join(QStringLiteral("<br>"))});
    }
    const QString status = record.isFinal ? tr("Final, %1").arg(timeText(record.finalisedAt))
                                          : tr("Draft, last saved %1").arg(timeText(record.savedAt));
    return QStringLiteral("<p>%1</p>").arg(dim(status)) + table(rows);
}

} // namespace heart::ui
