#include "intake/RoutingPanel.h"

#include "intake/ReasonText.h"

#include <QEvent>
#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

namespace heart::ui {

RoutingPanel::RoutingPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_recommendation(new QLabel(this)),
      m_basis(new QLabel(this)), m_context(new QLabel(this)), m_verdicts(new QLabel(this))
{
    setObjectName(QStringLiteral("routingPanel"));
    m_recommendation->setObjectName(QStringLiteral("routingRecommendation"));
    m_basis->setObjectName(QStringLiteral("routingBasis"));
    m_basis->setWordWrap(true);
    m_basis->setStyleSheet(QStringLiteral("QLabel { color: #7a0014; }"));
    m_verdicts->setObjectName(QStringLiteral("routingVerdicts"));
    m_context->setObjectName(QStringLiteral("routingContext"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_recommendation->setWordWrap(true);
    setImminent(false);
    m_context->setWordWrap(true);
    m_context->setStyleSheet(QStringLiteral("color: #555;"));
    m_verdicts->setWordWrap(true);
    m_verdicts->setTextFormat(Qt::RichText);
    m_verdicts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_recommendation);
    layout->addWidget(m_basis);
    layout->addWidget(m_context);
    layout->addWidget(m_verdicts);
    layout->addStretch(1);
    render();
}

void RoutingPanel::showDecision(const routing::Decision& decision, const routing::RuleSet* ruleSet)
{
    m_decision = decision;
    m_ruleSet = ruleSet;
    m_missing.clear();
    render();
}

void RoutingPanel::showMissing(const QString& what)
{
    m_decision.reset();
    m_missing = what;
    render();
}

QString RoutingPanel::recommendationText() const
{
    return m_recommendation->text();
}

QString RoutingPanel::basisText() const
{
    return m_basis->isHidden() ? QString() : m_basis->text();
}

QString RoutingPanel::verdictsText() const
{
    QTextDocument document;
    document.setHtml(m_verdicts->text());
    return document.toPlainText();
}

void RoutingPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

void RoutingPanel::setImminent(bool imminent)
{
    // Imminent risk looks like the C-SSRS banner: the in-person response is urgent.
    if (m_imminent == imminent)
        return; // a style sheet change restyles the label: not on every keystroke
    m_imminent = imminent;
    m_recommendation->setStyleSheet(
        imminent
            ? QStringLiteral("QLabel { background: #fde2e4; border: 1px solid #b00020; padding: 6px; "
                             "font-weight: 600; }")
            : QStringLiteral(
                  "QLabel { background: #e8f0fe; border: 1px solid #9ab; padding: 6px; font-weight: 600; }"));
}

void RoutingPanel::render()
{
    m_title->setText(tr("Routing decision"));
    if (!m_decision) {
        m_recommendation->setText(m_missing.isEmpty() ? tr("No decision yet.") : m_missing);
        setImminent(false);
        m_basis->clear();
        m_basis->hide();
        m_context->clear();
        m_verdicts->clear();
        return;
    }
    const routing::Decision& d = *m_decision;
    m_recommendation->setText(tr("Recommended: %1").arg(ReasonText::recommendation(d.recommended)));
    const QString basis = ReasonText::basis(d, m_ruleSet);
    setImminent(!basis.isEmpty());
    m_basis->setText(basis);
    m_basis->setVisible(!basis.isEmpty());

    QString where;
    switch (d.beatSource) {
    case routing::BeatSource::Given:
        where = tr("beat %1").arg(QString::fromStdString(d.beat));
        break;
    case routing::BeatSource::FromPosition:
        where = tr("beat %1 (from the coordinates)").arg(QString::fromStdString(d.beat));
        break;
    case routing::BeatSource::OutsideEveryBeat:
        where = tr("outside every beat");
        break;
    case routing::BeatSource::Unknown:
        where = tr("location unknown");
        break;
    }
    QString context =
        tr("%1 %2 · %3 · rules: %4")
            .arg(ReasonText::weekdayName(d.isoWeekday),
                 QString::fromStdString(routing::formatMinuteOfDay(d.local.minuteOfDay)), where,
                 m_ruleSet ? QString::fromStdString(m_ruleSet->name) : QString::fromStdString(d.ruleSetId));
    if (const QString note = ReasonText::timeNote(d); !note.isEmpty())
        context += QStringLiteral("\n") + note;
    m_context->setText(context);

    QString html = QStringLiteral("<table cellspacing='2'>");
    for (const routing::ProgramVerdict& verdict : d.verdicts) {
        QStringList reasons;
        for (const routing::Reason& reason : verdict.reasons)
            reasons << ReasonText::reason(reason, m_ruleSet).toHtmlEscaped();
        const QString mark = verdict.eligible ? QStringLiteral("<span style='color:#1b7f3a'>&#10004;</span>")
                                              : QStringLiteral("<span style='color:#b00020'>&#10008;</span>");
        const QString status = verdict.eligible ? tr("eligible") : reasons.join(QStringLiteral("; "));
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b>: %3</td></tr>")
                    .arg(mark, ReasonText::programName(verdict.program).toHtmlEscaped(), status);
    }
    html += QStringLiteral("</table>");
    m_verdicts->setText(html);
}

} // namespace heart::ui
