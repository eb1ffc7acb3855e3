#include "roster/RosterTableModel.h"

#include "roster/ViolationText.h"
#include "shell/DomainText.h"

#include <QBrush>
#include <QDate>
#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace heart::ui {
namespace {

struct ShiftPalette
{
    QColor fill;
    QColor text;
};

// Soft fills that stay readable in print and for common color blindness; the letter carries the meaning too.
const QColor kAdminText(0x47, 0x55, 0x69);
const ShiftPalette kShifts[] = {{QColor(0xd6, 0xe8, 0xfa), QColor(0x0d, 0x3c, 0x6e)},
                                {QColor(0xe6, 0xdc, 0xf7), QColor(0x4a, 0x23, 0x7a)},
                                {QColor(0xd6, 0xf0, 0xdc), QColor(0x1b, 0x5e, 0x20)},
                                {QColor(0xfd, 0xe7, 0xc8), QColor(0x7a, 0x41, 0x00)}};

QString swatch(const QColor& fill, const QColor& text, const QString& letter)
{
    return QStringLiteral("<span style=\"background-color:%1; color:%2;\">&nbsp;<b>%3</b>&nbsp;</span>")
        .arg(fill.name(), text.name(), letter.toHtmlEscaped());
}

QDate qDate(const std::chrono::year_month_day& d)
{
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}

} // namespace

RosterTableModel::RosterTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QColor RosterTableModel::shiftColor(int shiftIndex)
{
    return shiftIndex < 0 ? QColor(0xf8, 0xd7, 0xda) : kShifts[shiftIndex % 4].fill;
}

QColor RosterTableModel::shiftTextColor(int shiftIndex)
{
    return shiftIndex < 0 ? QColor(0x8b, 0x00, 0x1a) : kShifts[shiftIndex % 4].text;
}

QColor RosterTableModel::adminColor()
{
    return QColor(0xec, 0xee, 0xf1);
}

QColor RosterTableModel::weekendColor()
{
    return QColor(0xf5, 0xf2, 0xea);
}

QColor RosterTableModel::todayColor()
{
    return QColor(0xd9, 0x5d, 0x0b);
}

QString RosterTableModel::legendHtml(const roster::RotationRules& rules)
{
    QStringList legend;
    for (std::size_t i = 0; i < rules.shifts.size(); ++i) {
        const std::string& code = rules.shifts[i].code;
        legend << swatch(shiftColor(static_cast<int>(i)), shiftTextColor(static_cast<int>(i)),
                         DomainText::shiftLetter(code)) +
                      QLatin1Char(' ') + ViolationText::shiftText(code, rules).toHtmlEscaped();
    }
    legend << swatch(adminColor(), kAdminText, tr("A", "administrative hours")) + QLatin1Char(' ') +
                  tr("administrative hours");
    legend << swatch(weekendColor(), Qt::black, QStringLiteral(" ")) + QLatin1Char(' ') + tr("weekend");
    legend << swatch(todayColor(), Qt::white, tr("today"));
    return legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp; "));
}

QColor RosterTableModel::roleColor(roster::ResponderRole role)
{
    switch (role) {
    case roster::ResponderRole::Clinician:
        return QColor(0x1f, 0x6f, 0x8b);
    case roster::ResponderRole::PeerSupport:
        return QColor(0xc2, 0x7c, 0x0e);
    case roster::ResponderRole::Emt:
        return QColor(0xb0, 0x2a, 0x37);
    }
    return {};
}

void RosterTableModel::setSchedule(const roster::Schedule& schedule, const roster::RotationRules& rules,
                                   int todayIndex)
{
    // Same people, same days: an edit. Keep selection and scroll position; only the cells changed.
    if (rowCount() > 0 && schedule.staff == m_schedule.staff && schedule.start == m_schedule.start &&
        schedule.weeks == m_schedule.weeks) {
        m_schedule = schedule;
        m_rules = rules;
        m_today = todayIndex;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        return;
    }
    beginResetModel();
    m_schedule = schedule;
    m_rules = rules;
    m_today = todayIndex;
    endResetModel();
}

roster::Duty RosterTableModel::dutyAt(int person, int day) const
{
    if (person < 0 || person >= rowCount() || day < 0 || day >= columnCount())
        return {};
    return m_schedule.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(day)];
}

roster::Duty RosterTableModel::nextDuty(int person, int day) const
{
    switch (dutyAt(person, day).kind) {
    case roster::DutyKind::Off:
        return {roster::DutyKind::Shift, m_schedule.staff[static_cast<std::size_t>(person)].shiftCode, 0};
    case roster::DutyKind::Shift:
        return {roster::DutyKind::Admin, {}, m_rules.adminMinutesPerWeek};
    case roster::DutyKind::Admin:
        return {};
    }
    return {};
}

int RosterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_schedule.staff.size());
}

int RosterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_schedule.staff.empty() ? 0 : m_schedule.dayCount();
}

int RosterTableModel::shiftIndex(const std::string& code) const
{
    for (std::size_t i = 0; i < m_rules.shifts.size(); ++i) {
        if (m_rules.shifts[i].code == code)
            return static_cast<int>(i);
    }
    return -1;
}

QString RosterTableModel::roleName(roster::ResponderRole role)
{
    switch (role) {
    case roster::ResponderRole::Clinician:
        return tr("Clinician");
    case roster::ResponderRole::PeerSupport:
        return tr("Peer support");
    case roster::ResponderRole::Emt:
        return tr("EMT");
    }
    return {};
}

QVariant RosterTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const roster::Duty duty = dutyAt(index.row(), index.column());
    const bool weekend = roster::Schedule::weekdayOf(index.column()) >= 5;
    switch (role) {
    case Qt::DisplayRole:
        if (duty.kind == roster::DutyKind::Admin)
            return tr("A", "administrative hours");
        if (duty.kind == roster::DutyKind::Shift)
            return DomainText::shiftLetter(duty.shiftCode);
        return QString();
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const roster::StaffMember& member = m_schedule.staff[static_cast<std::size_t>(index.row())];
        return tr("%1, %2: %3")
            .arg(QString::fromStdString(member.name), ViolationText::dayText(m_schedule, index.column()),
                 ViolationText::dutyText(duty, m_rules));
    }
    case Qt::BackgroundRole:
        if (duty.kind == roster::DutyKind::Admin)
            return QBrush(adminColor());
        if (duty.kind == roster::DutyKind::Shift)
            return QBrush(shiftColor(shiftIndex(duty.shiftCode)));
        return weekend ? QBrush(weekendColor()) : QVariant();
    case Qt::ForegroundRole:
        if (duty.kind == roster::DutyKind::Shift)
            return QBrush(shiftTextColor(shiftIndex(duty.shiftCode)));
        return duty.kind == roster::DutyKind::Admin ? QBrush(kAdminText) : QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::FontRole:
        if (index.column() == m_today) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case GroupStartRole:
        return index.row() > 0 && m_schedule.staff[static_cast<std::size_t>(index.row())].role !=
                                      m_schedule.staff[static_cast<std::size_t>(index.row() - 1)].role;
    case WeekStartRole:
        return index.column() > 0 && index.column() % 7 == 0;
    case TodayRole:
        return index.column() == m_today;
    default:
        return {};
    }
}

QVariant RosterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        const roster::StaffMember& member = m_schedule.staff[static_cast<std::size_t>(section)];
        switch (role) {
        case Qt::DisplayRole:
            return QString::fromStdString(member.name);
        case Qt::ToolTipRole:
            return tr("%1 · %2 · fixed shift: %3")
                .arg(QString::fromStdString(member.name), roleName(member.role),
                     DomainText::shiftName(member.shiftCode));
        case Qt::DecorationRole: {
            // A role swatch: the grid groups people by role, the color says which group at a glance.
            QPixmap swatch(10, 10);
            swatch.fill(Qt::transparent);
            QPainter painter(&swatch);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(roleColor(member.role));
            painter.drawRoundedRect(QRectF(0.5, 0.5, 9, 9), 2, 2);
            return swatch;
        }
        default:
            return {};
        }
    }
    if (section < 0 || section >= columnCount())
        return {};
    const QDate date = qDate(m_schedule.start).addDays(section);
    const bool weekend = roster::Schedule::weekdayOf(section) >= 5;
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat).left(2),
                                            QString::number(date.day()));
    case Qt::ToolTipRole: {
        const QString day = QLocale().toString(date, QLocale::LongFormat);
        return section == m_today ? tr("Today, %1").arg(day)
                                  : tr("Week %1, %2").arg(section / 7 + 1).arg(day);
    }
    case Qt::FontRole:
        if (section == m_today) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        return section == m_today ? QBrush(Qt::white) : QVariant();
    case Qt::BackgroundRole:
        if (section == m_today)
            return QBrush(todayColor());
        return weekend ? QBrush(weekendColor().darker(104)) : QVariant();
    default:
        return {};
    }
}

} // namespace heart::ui
