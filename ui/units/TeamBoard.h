#pragma once
// The team board every workstation shows: each unit, its status and since
// when, the call it is on and who is on it. Refreshes itself while shown
// (LiveRefresh), keeping the chosen unit; the minutes tick.
#include "home/Services.h"
#include "store/UnitStore.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace heart::ui {

class LiveRefresh;

class UnitBoardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Code,
        Kind,
        Status,
        Since,
        Call,
        Members,
        ColumnCount
    };
    explicit UnitBoardModel(const Clock& clock, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_clock(clock)
    {}

    void setUnits(QList<store::Unit> units);
    // The minutes since each status moved on (no reading).
    void tick();
    const store::Unit& unit(int row) const { return m_units.at(row); }
    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_units.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusName(units::UnitStatus status);
    static QColor statusColor(units::UnitStatus status);

private:
    const Clock& m_clock;
    QList<store::Unit> m_units;
};

class TeamBoard : public QWidget
{
    Q_OBJECT

public:
    explicit TeamBoard(Services services, QWidget* parent = nullptr);
    void refresh();
    UnitBoardModel* model() const { return m_model; }
    LiveRefresh* liveRefresh() const { return m_live; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Services m_services;
    UnitBoardModel* m_model;
    QLabel* m_title;
    QLabel* m_error;
    QTableView* m_table;
    LiveRefresh* m_live;
    bool m_sized = false;
};

} // namespace heart::ui
