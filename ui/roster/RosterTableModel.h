#pragma once
// The rotation as a person x day grid: a letter per duty, colored by shift,
// weekends shaded, today's column marked.
#include "core/roster/RotationRules.h"

#include <QAbstractTableModel>

namespace heart::ui {

class RosterTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit RosterTableModel(QObject* parent = nullptr);

    void setSchedule(const roster::Schedule& schedule, const roster::RotationRules& rules, int todayIndex);
    const roster::Schedule& schedule() const { return m_schedule; }
    // The duty after this one when the user presses Space: off, the person's shift, admin, off.
    roster::Duty nextDuty(int person, int day) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleName(roster::ResponderRole role);

private:
    roster::Schedule m_schedule;
    roster::RotationRules m_rules;
    int m_today = -1;
};

} // namespace heart::ui
