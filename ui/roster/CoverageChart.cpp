#include "roster/CoverageChart.h"

#include "roster/ViolationText.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

namespace heart::ui {

CoverageChart::CoverageChart(QWidget* parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("coverageChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
}

void CoverageChart::setReport(const roster::CoverageReport& report, double callsPerTeamHour)
{
    auto* chart = new QChart;
    auto* teams = new QLineSeries(chart);
    auto* needed = new QLineSeries(chart);
    teams->setName(tr("Teams on duty"));
    needed->setName(tr("Teams the calls need"));
    double top = 1.0;
    for (const roster::HourCoverage& hour : report.hours) {
        const double need = hour.expectedCalls / (callsPerTeamHour > 0 ? callsPerTeamHour : 1.0);
        // Steps: each hour is a flat segment.
        teams->append(hour.hourOfWeek, hour.teamsOnDuty);
        teams->append(hour.hourOfWeek + 1, hour.teamsOnDuty);
        needed->append(hour.hourOfWeek, need);
        needed->append(hour.hourOfWeek + 1, need);
        top = std::max({top, hour.teamsOnDuty, need});
    }
    auto* teamsArea = new QAreaSeries(teams);
    teamsArea->setName(teams->name());
    teamsArea->setColor(QColor(0x2a, 0x6f, 0x97, 90));
    teamsArea->setBorderColor(QColor(0x2a, 0x6f, 0x97));
    QPen needPen(QColor(0xb0, 0x00, 0x20));
    needPen.setWidthF(1.6);
    needed->setPen(needPen);
    chart->addSeries(teamsArea);
    chart->addSeries(needed);
    auto* x = new QCategoryAxis(chart);
    x->setRange(0, 168);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (int day = 0; day < 7; ++day)
        x->append(ViolationText::weekdayName(day).left(3), (day + 1) * 24);
    auto* y = new QValueAxis(chart);
    y->setRange(0, top * 1.15);
    y->setLabelFormat(QStringLiteral("%.1f"));
    y->setTitleText(tr("teams"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(2, 2, 2, 2));
    QChart* old = this->chart();
    setChart(chart);
    delete old;
    setAccessibleName(tr("Teams on duty against the teams the expected calls need, per hour of the week"));
}

} // namespace heart::ui
