#pragma once
// The supervisor's roster: the 6-week rotation as a person x day grid edited
// from the keyboard (Space cycles a day, Shift+F10 sets any duty, Ctrl+W
// swaps it with someone else's, Ctrl+Shift+Up/Down with the neighbour's);
// every change is saved and audited, and every broken rule listed, at once.
// Around the grid: who is on duty now (RosterSidePanel), coverage against
// the calls (CoveragePage), generation, export to CSV and iCalendar.
// Read-only for roles that may view but not edit the roster.
#include "core/roster/RotationRules.h"
#include "core/roster/TimeZoneRule.h"
#include "home/Services.h"
#include "store/RosterStore.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace heart::ui {

class CoveragePage;
class LiveRefresh;
class RosterSidePanel;
class RosterTableModel;

class RosterWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RosterWidget(Services services, QWidget* parent = nullptr);

    // Places for panels built elsewhere: a tab beside "Rotation" and "Coverage",
    // and a panel in the side column under "On duty now".
    void addTab(QWidget* page, const QString& title);
    void addSidePanel(QWidget* panel);

    void reload();
    bool cycleDuty(int person, int day);
    bool setDutyAt(int person, int day, const roster::Duty& duty);
    bool swapWith(int person, int other, int day);
    bool swapWithNeighbour(int person, int day, int direction);
    // Asks whom to swap the current cell with (Ctrl+W).
    void chooseSwap();
    bool generate(int teamsPerShift);
    // The person's fixed shift moves to the next shift of the program.
    bool changeFixedShift(int person);
    bool exportTo(const QString& path, bool calendar);
    int violationCount() const;
    bool isEditable() const { return m_editable; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refreshDerived();
    void showOnDuty(); // who is on duty now: moves with the clock, reads nothing
    void refreshCellInfo();
    void showCellMenu(const QPoint& globalPos);
    void confirmAndGenerate();
    void chooseExport(bool calendar);
    bool failed(const store::StoreError& error);
    void showMessage(const QString& text, bool error);
    int todayIndex() const;
    void retranslate();

    Services m_services;
    bool m_editable;
    roster::RotationRules m_rules;
    roster::TimeZoneRule m_zone;
    store::RosterCycle m_cycle;
    bool m_hasCycle = false;
    RosterTableModel* m_model;
    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QTableView* m_table;
    QLabel* m_legend;
    QLabel* m_violationsLabel;
    QListWidget* m_violations;
    RosterSidePanel* m_side;
    CoveragePage* m_coverage;
    QLabel* m_teamsLabel;
    QSpinBox* m_teams;
    QPushButton* m_generate;
    QPushButton* m_changeShift;
    QPushButton* m_exportCsv;
    QPushButton* m_exportIcs;
    LiveRefresh* m_live;
};

} // namespace heart::ui
