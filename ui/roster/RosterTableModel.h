#pragma once
// The rotation as a person x day grid: a letter per duty, colored by shift,
// weekends shaded, today's column marked. Row = index into the schedule's
// staff (grouped by role by the store), column = day of the cycle.
#include "core/roster/RotationRules.h"

#include <QAbstractTableModel>
#include <QColor>

namespace heart::ui {

class RosterTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum DataRole
    {
        // true on the first row of a role group and on the first day of a week: the delegate draws a rule
        // there.
        GroupStartRole = Qt::UserRole + 1,
        WeekStartRole,
        TodayRole,
    };

    explicit RosterTableModel(QObject* parent = nullptr);

    void setSchedule(const roster::Schedule& schedule, const roster::RotationRules& rules, int todayIndex);
    const roster::Schedule& schedule() const { return m_schedule; }
    int todayColumn() const { return m_today; }
    // The duty after this one when the user presses Space: off, the person's shift, admin, off.
    roster::Duty nextDuty(int person, int day) const;
    roster::Duty dutyAt(int person, int day) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleName(roster::ResponderRole role);
    static QColor roleColor(roster::ResponderRole role);
    // Cell colors of a shift (by its place in the program's list), of admin hours and of weekends.
    static QColor shiftColor(int shiftIndex);
    static QColor shiftTextColor(int shiftIndex);
    static QColor adminColor();
    static QColor weekendColor();
    static QColor todayColor();
    // The key to the colors and letters, as rich text.
    static QString legendHtml(const roster::RotationRules& rules);

private:
    int shiftIndex(const std::string& code) const;

    roster::Schedule m_schedule;
    roster::RotationRules m_rules;
    int m_today = -1;
};

} // namespace heart::ui
