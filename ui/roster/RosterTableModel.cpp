#include "roster/RosterTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QFont>
#include <QLocale>

namespace heart::ui {
namespace {

const QColor kShiftColors[] = {QColor(0xcf, 0xe8, 0xfc), QColor(0xd9, 0xf2, 0xd0), QColor(0xfd, 0xe7, 0xc8),
                               QColor(0xe8, 0xdc, 0xf7)};
const QColor kAdmin(0xee, 0xee, 0xee);
const QColor kWeekend(0xf6, 0xf3, 0xea);

} // namespace

RosterTableModel::RosterTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RosterTableModel::setSchedule(const roster::Schedule& schedule, const roster::RotationRules& rules, int todayIndex)
{
    beginResetModel();
    m_schedule = schedule;
    m_rules = rules;
    m_today = todayIndex;
    endResetModel();
}

roster::Duty RosterTableModel::nextDuty(int person, int day) const
{
    const roster::Duty& now = m_schedule.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(day)];
    switch (now.kind) {
    case roster::DutyKind::Off:
        return {roster::DutyKind::Shift, m_schedule.staff[static_cast<std::size_t>(person)].shiftCode, 0};
    case roster::DutyKind::Shift: return {roster::DutyKind::Admin, {}, m_rules.adminMinutesPerWeek};
    case roster::DutyKind::Admin: return {};
    }
    return {};
}

int RosterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_schedule.staff.size());
}

int RosterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_schedule.dayCount();
}

QString RosterTableModel::roleName(roster::ResponderRole role)
{
    switch (role) {
    case roster::ResponderRole::Clinician: return tr("Clinician");
    case roster::ResponderRole::PeerSupport: return tr("Peer support");
    case roster::ResponderRole::Emt: return tr("EMT");
    }
    return {};
}

QVariant RosterTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const roster::Duty& duty =
        m_schedule.duties[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(index.column())];
    const bool weekend = roster::Schedule::weekdayOf(index.column()) >= 5;
    switch (role) {
    case Qt::DisplayRole:
        if (duty.kind == roster::DutyKind::Admin)
            return tr("A", "administrative hours");
        if (duty.kind == roster::DutyKind::Shift)
            return QString::fromStdString(duty.shiftCode).left(1).toUpper();
        return QString();
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        if (duty.kind == roster::DutyKind::Admin)
            return tr("Administrative hours (%1 h)").arg(duty.adminMinutes / 60.0);
        if (duty.kind == roster::DutyKind::Shift)
            return tr("Shift %1").arg(QString::fromStdString(duty.shiftCode));
        return tr("Off");
    case Qt::BackgroundRole: {
        if (duty.kind == roster::DutyKind::Admin)
            return QBrush(kAdmin);
        if (duty.kind == roster::DutyKind::Shift) {
            for (std::size_t i = 0; i < m_rules.shifts.size(); ++i) {
                if (m_rules.shifts[i].code == duty.shiftCode)
                    return QBrush(kShiftColors[i % 4]);
            }
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        }
        return weekend ? QBrush(kWeekend) : QVariant();
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    case Qt::FontRole:
        if (index.column() == m_today) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default: return {};
    }
}

QVariant RosterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        const roster::StaffMember& member = m_schedule.staff[static_cast<std::size_t>(section)];
        return QStringLiteral("%1 · %2 · %3")
            .arg(QString::fromStdString(member.name), roleName(member.role), QString::fromStdString(member.shiftCode));
    }
    const QDate start(int(m_schedule.start.year()), int(unsigned(m_schedule.start.month())),
                      int(unsigned(m_schedule.start.day())));
    const QDate date = start.addDays(section);
    const QString text = QLocale().toString(date, QStringLiteral("ddd\nd/M"));
    return section == m_today ? tr("Today\n%1").arg(QLocale().toString(date, QStringLiteral("d/M"))) : text;
}

} // namespace heart::ui
