#include "roster/RosterSidePanel.h"

#include "roster/RosterTableModel.h"
#include "roster/ViolationText.h"
#include "shell/DomainText.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

RosterSidePanel::RosterSidePanel(bool editable, QWidget* parent)
    : QWidget(parent), m_editable(editable), m_layout(new QVBoxLayout(this)), m_onDuty(new QLabel(this)),
      m_cellInfo(new QLabel(this)), m_keys(new QLabel(this))
{
    setObjectName(QStringLiteral("rosterSidePanel"));
    m_onDuty->setObjectName(QStringLiteral("rosterOnDuty"));
    m_cellInfo->setObjectName(QStringLiteral("rosterCellInfo"));
    for (QLabel* label : {m_onDuty, m_cellInfo, m_keys}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    m_keys->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_layout->setContentsMargins(6, 0, 0, 0);
    m_layout->addWidget(m_onDuty);
    m_layout->addSpacing(8);
    m_layout->addWidget(m_cellInfo);
    m_layout->addStretch(1);
    m_layout->addWidget(m_keys);
    retranslate();
}

void RosterSidePanel::addPanel(QWidget* panel)
{
    // Below the built-in panels, above the stretch and the keys.
    m_layout->insertWidget(m_layout->count() - 2, panel);
}

void RosterSidePanel::showOnDuty(const roster::Schedule& schedule, const roster::RotationRules& rules,
                                 int today, int minuteOfDay)
{
    // A shift that began yesterday may still be running.
    QStringList lines;
    const int days = schedule.dayCount();
    for (const roster::ShiftTemplate& shift : rules.shifts) {
        for (int back = 0; back <= 1 && !schedule.staff.empty() && today >= 0; ++back) {
            const int day = (today - back + days) % days;
            const int minute = minuteOfDay + back * 1440;
            if (minute < shift.startMinute || minute >= shift.startMinute + shift.lengthMinutes)
                continue;
            QStringList clinicians, support;
            for (std::size_t p = 0; p < schedule.staff.size(); ++p) {
                const roster::Duty& d = schedule.duties[p][static_cast<std::size_t>(day)];
                if (d.kind != roster::DutyKind::Shift || d.shiftCode != shift.code)
                    continue;
                const QString name = QString::fromStdString(schedule.staff[p].name).toHtmlEscaped();
                (schedule.staff[p].role == roster::ResponderRole::Clinician ? clinicians : support)
                    .append(name);
            }
            QStringList teams;
            for (qsizetype i = 0; i < std::min(clinicians.size(), support.size()); ++i) {
                teams << QStringLiteral("&nbsp;•&nbsp;%1<br>&nbsp;&nbsp;&nbsp;&nbsp;+&nbsp;%2")
                             .arg(clinicians.at(i), support.at(i));
            }
            lines << tr("<b>%1 shift</b>: %n team(s)", nullptr, static_cast<int>(teams.size()))
                         .arg(DomainText::shiftName(shift.code).toHtmlEscaped())
                  << teams;
            const QStringList unpaired = clinicians.size() > support.size() ? clinicians.mid(support.size())
                                                                            : support.mid(clinicians.size());
            if (!unpaired.isEmpty())
                lines << tr("<i>Without a team:</i> %1").arg(unpaired.join(QStringLiteral(", ")));
        }
    }
    m_onDuty->setText(tr("<h4>On duty now</h4>") + (lines.isEmpty() ? tr("Nobody: no shift is running.")
                                                                    : lines.join(QStringLiteral("<br>"))));
}

void RosterSidePanel::showCell(const roster::Schedule& schedule, const roster::RotationRules& rules,
                               int person, int day)
{
    if (person < 0 || static_cast<std::size_t>(person) >= schedule.staff.size() || day < 0 ||
        day >= schedule.dayCount()) {
        m_cellInfo->clear();
        return;
    }
    const roster::StaffMember& member = schedule.staff[static_cast<std::size_t>(person)];
    const roster::Duty& duty =
        schedule.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(day)];
    m_cellInfo->setText(tr("<h4>Selected</h4><b>%1</b><br>%2, fixed shift: %3<br><br>%4:<br>%5")
                            .arg(QString::fromStdString(member.name).toHtmlEscaped(),
                                 RosterTableModel::roleName(member.role),
                                 DomainText::shiftName(member.shiftCode).toHtmlEscaped(),
                                 ViolationText::dayText(schedule, day).toHtmlEscaped(),
                                 ViolationText::dutyText(duty, rules).toHtmlEscaped()));
}

void RosterSidePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RosterSidePanel::retranslate()
{
    m_keys->setText(m_editable ? tr("<b>Space</b> off → shift → admin → off<br><b>Shift+F10</b> any duty<br>"
                                    "<b>Ctrl+W</b> swap with…<br><b>Ctrl+Shift+↑/↓</b> swap with neighbour")
                               : tr("View only: a supervisor edits the rotation."));
}

} // namespace heart::ui
