#pragma once
// The roster's coverage tab: complete teams on duty in each hour of the week
// against the teams the calls of the last eight weeks need (from the call
// history), as a chart, and the runs of short hours with the responders
// that would close them. "Teams short" is an average (calls over the past
// weeks, teams over the weeks of the cycle), so it is often a fraction: the
// legend under the table and each cell's tooltip say what it means.
#include "core/roster/RotationRules.h"
#include "core/roster/TimeZoneRule.h"
#include "home/Services.h"

#include <QWidget>
#include <array>

class QLabel;
class QTableWidget;

namespace heart::ui {

class CoverageChart;

class CoveragePage : public QWidget
{
    Q_OBJECT

public:
    explicit CoveragePage(Services services, QWidget* parent = nullptr);

    // Reads the calls of the last eight weeks again.
    void reloadDemand(const roster::TimeZoneRule& zone);
    // An empty schedule (no staff) clears the page.
    void showCoverage(const roster::Schedule& schedule, const roster::RotationRules& rules);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Services m_services;
    std::array<double, 168> m_demand{};
    QLabel* m_label;
    CoverageChart* m_chart;
    QTableWidget* m_gaps;
    QLabel* m_legend;
    int m_cycleWeeks = 6;
};

} // namespace heart::ui
