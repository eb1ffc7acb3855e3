#pragma once
// The supervisor's roster: the 6-week rotation as a person x day grid edited
// from the keyboard (Space cycles a cell, Ctrl+Shift+Up/Down swaps a day's
// duty with the neighbour's), every broken rule listed at once, who is on
// duty now, coverage against the calls of the last eight weeks, generation
// and export to CSV and iCalendar.
#include "core/roster/RotationRules.h"
#include "core/roster/TimeZoneRule.h"
#include "home/Services.h"
#include "store/RosterStore.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace heart::ui {

class CoverageChart;
class RosterTableModel;

class RosterWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RosterWidget(Services services, QWidget* parent = nullptr);

    void reload();
    bool cycleDuty(int person, int day);
    bool swapWithNeighbour(int person, int day, int direction);
    bool generate(int teamsPerShift);
    // The person's fixed shift moves to the next shift of the program.
    bool changeFixedShift(int person);
    bool exportTo(const QString& path, bool calendar);
    int violationCount() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refreshDerived();
    void showMessage(const QString& text, bool error);
    int todayIndex() const;
    void retranslate();

    Services m_services;
    roster::RotationRules m_rules;
    roster::TimeZoneRule m_zone;
    store::RosterCycle m_cycle;
    bool m_hasCycle = false;
    std::array<double, 168> m_demand{};
    RosterTableModel* m_model;
    QLabel* m_title;
    QLabel* m_message;
    QTableView* m_table;
    QListWidget* m_violations;
    QLabel* m_onDuty;
    QTableWidget* m_gaps;
    QLabel* m_teamsLabel;
    QSpinBox* m_teams;
    QPushButton* m_generate;
    QPushButton* m_changeShift;
    QPushButton* m_exportCsv;
    QPushButton* m_exportIcs;
    QLabel* m_violationsLabel;
    QLabel* m_gapsLabel;
    CoverageChart* m_chart;
};

} // namespace heart::ui
