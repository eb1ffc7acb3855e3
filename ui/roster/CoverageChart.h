#pragma once
// Coverage at a glance: teams on duty and the teams the expected calls need,
// for each of the 168 hours of the week, short hours shaded.
#include "core/roster/CoverageAnalysis.h"

#include <QChartView>

namespace heart::ui {

class CoverageChart : public QChartView
{
    Q_OBJECT

public:
    explicit CoverageChart(QWidget* parent = nullptr);
    void setReport(const roster::CoverageReport& report, double callsPerTeamHour);
};

} // namespace heart::ui
