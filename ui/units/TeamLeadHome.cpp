#include "units/TeamLeadHome.h"

#include "core/units/UnitStatus.h"
#include "home/CallTableModel.h"
#include "shell/DomainText.h"
#include "store/IntakeStore.h"
#include "store/StoreTime.h"
#include "units/TeamBoard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace heart::ui {

using units::UnitStatus;

TeamLeadHome::TeamLeadHome(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_title(new QLabel(this)), m_unitLine(new QLabel(this)),
      m_times(new QLabel(this)), m_call(new QLabel(this)), m_message(new QLabel(this)),
      m_board(new TeamBoard(m_services, this))
{
    setObjectName(QStringLiteral("teamLeadHome"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    m_unitLine->setObjectName(QStringLiteral("myUnit"));
    m_times->setObjectName(QStringLiteral("unitTimes"));
    m_call->setObjectName(QStringLiteral("unitCall"));
    m_message->setObjectName(QStringLiteral("unitMessage"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    QFont unitFont = m_unitLine->font();
    unitFont.setPointSizeF(unitFont.pointSizeF() * 1.2);
    unitFont.setBold(true);
    m_unitLine->setFont(unitFont);
    m_call->setWordWrap(true);
    m_call->setTextFormat(Qt::RichText);
    m_call->setStyleSheet(QStringLiteral("QLabel { background: #fafafa; border: 1px solid #ccc; padding: 8px; }"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* buttons = new QHBoxLayout;
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        const UnitStatus status = units::kAllUnitStatuses[i];
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("status_") + QString::fromLatin1(units::unitStatusCode(status).data()));
        connect(button, &QPushButton::clicked, this, [this, status] { moveTo(status); });
        m_buttons[i] = button;
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_unitLine);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_times);
    layout->addWidget(m_call);
    layout->addWidget(m_board, 1);
    retranslate();
    refresh();
}

void TeamLeadHome::refresh()
{
    store::UnitStore units(m_services.db, m_services.clock);
    auto mine = units.myUnit(m_services.actor);
    m_problem.clear();
    if (!mine.ok()) {
        m_problem = DomainText::errorText(mine.error());
        m_unit = {};
    } else {
        m_unit = mine.value();
    }
    render();
    m_board->refresh();
}

bool TeamLeadHome::moveTo(UnitStatus status)
{
    if (m_unit.id.isEmpty())
        return false;
    store::UnitStore units(m_services.db, m_services.clock);
    auto moved = units.changeStatus(m_services.actor, m_unit.id, m_unit.version, status);
    if (!moved.ok()) {
        m_message->setText(moved.error().code == store::StoreErrorCode::InvalidInput
                               ? tr("%1 cannot follow %2.").arg(UnitBoardModel::statusName(status),
                                                                UnitBoardModel::statusName(m_unit.status))
                               : DomainText::errorText(moved.error()));
        if (moved.error().code == store::StoreErrorCode::Conflict)
            refresh();
        return false;
    }
    m_message->clear();
    m_unit = moved.value();
    render();
    m_board->refresh();
    return true;
}

QString TeamLeadHome::callText() const
{
    QTextDocument document;
    document.setHtml(m_call->text());
    return document.toPlainText();
}

QString TeamLeadHome::timesText() const
{
    return m_times->text();
}

void TeamLeadHome::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TeamLeadHome::retranslate()
{
    m_title->setText(tr("My unit"));
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        m_buttons[i]->setText(tr("%1 (Ctrl+%2)").arg(UnitBoardModel::statusName(units::kAllUnitStatuses[i])).arg(i + 1));
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
        m_call->clear();
        m_call->hide();
        return;
    }
    const qint64 minutes = m_unit.statusSince.secsTo(store::toDateTime(m_services.clock.now())) / 60;
    m_unitLine->setText(tr("%1 · %2 for %3").arg(m_unit.code, UnitBoardModel::statusName(m_unit.status),
                                                 CallTableModel::ageText(qMax<qint64>(0, minutes))));
    const std::vector<UnitStatus> next = units::nextStatuses(m_unit.status);
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        const UnitStatus status = units::kAllUnitStatuses[i];
        // Dispatch comes from the 911 center with a call, not from the van.
        const bool offered = status != UnitStatus::Dispatched && std::find(next.begin(), next.end(), status) != next.end();
        m_buttons[i]->setVisible(offered);
    }
    if (m_unit.callId.isEmpty()) {
        m_times->clear();
        m_call->setText(tr("No call assigned."));
        m_call->show();
        return;
    }
    store::UnitStore units(m_services.db, m_services.clock);
    auto history = units.callHistory(m_services.actor, m_unit.id, m_unit.callId);
    QStringList times;
    if (history.ok()) {
        std::vector<units::StatusChange> changes;
        for (const store::UnitStatusEvent& event : history.value())
            changes.push_back({event.status, store::toTimePoint(event.at)});
        if (auto computed = units::callTimes(changes); computed.ok()) {
            const auto minutesText = [](std::chrono::seconds s) { return CallTableModel::ageText(s.count() / 60); };
            if (computed.value().dispatchToArrival)
                times << tr("Dispatch to arrival: %1").arg(minutesText(*computed.value().dispatchToArrival));
            if (computed.value().onScene)
                times << tr("On scene: %1").arg(minutesText(*computed.value().onScene));
        }
    }
    m_times->setText(times.join(QStringLiteral(" · ")));
    store::IntakeStore calls(m_services.db, m_services.clock);
    auto call = calls.openAssigned(m_services.actor, m_unit.callId);
    if (!call.ok()) {
        m_call->setText(DomainText::errorText(call.error()).toHtmlEscaped());
        m_call->show();
        return;
    }
    const store::CallRecord& c = call.value();
    QStringList flags;
    for (const QString& flag : c.flags)
        flags << flag;
    m_call->setText(tr("<b>Call %1</b> · %2 · risk: %3<br>%4 (beat %5)<br>Person: %6 %7<br>Flags: %8<br>%9")
                        .arg(c.cadNumber.toHtmlEscaped(), DomainText::callTypeName(c.callType).toHtmlEscaped(),
                             DomainText::riskLevelName(c.riskLevel), c.address.toHtmlEscaped(), c.beat.toHtmlEscaped(),
                             c.personName.isEmpty() ? tr("unknown") : c.personName.toHtmlEscaped(),
                             c.personAge ? tr("(about %1)").arg(*c.personAge) : QString(),
                             flags.isEmpty() ? tr("none") : flags.join(QStringLiteral(", ")).toHtmlEscaped(),
                             c.narrative.toHtmlEscaped()));
    m_call->show();
}

} // namespace heart::ui
