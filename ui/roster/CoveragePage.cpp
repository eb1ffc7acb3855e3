#include "roster/CoveragePage.h"

#include "core/roster/CoverageAnalysis.h"
#include "roster/CoverageChart.h"
#include "roster/ViolationText.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {
namespace {

QString hourText(int hourOfWeek)
{
    return QStringLiteral("%1 %2:00")
        .arg(ViolationText::weekdayName(hourOfWeek / 24 % 7))
        .arg(hourOfWeek % 24, 2, 10, QLatin1Char('0'));
}

} // namespace

CoveragePage::CoveragePage(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_label(new QLabel(this)),
      m_chart(new CoverageChart(this)), m_gaps(new QTableWidget(this)), m_legend(new QLabel(this))
{
    setObjectName(QStringLiteral("rosterCoverage"));
    m_gaps->setObjectName(QStringLiteral("coverageGaps"));
    m_gaps->setColumnCount(3);
    m_gaps->verticalHeader()->hide();
    // Sized to their contents, headers included, in whichever language: a
    // header never reads "…uipos que falt…".
    m_gaps->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gaps->horizontalHeader()->setStretchLastSection(true);
    m_gaps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_legend->setObjectName(QStringLiteral("coverageLegend"));
    m_legend->setWordWrap(true);
    m_legend->setStyleSheet(QStringLiteral("color: #4b5563;"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_gaps, 2);
    layout->addWidget(m_legend);
    retranslate();
}

void CoveragePage::reloadDemand(const roster::TimeZoneRule& zone)
{
    // Demand: the calls of the last eight weeks, per hour of the week, local time.
    m_demand.fill(0.0);
    const QDateTime now = store::toDateTime(m_services.clock.now());
    auto times = usecases::CallUseCases(m_services).receivedTimes(now.addDays(-56));
    if (!times.ok() || times.value().isEmpty())
        return;
    // Average over the weeks the history really covers (at most eight).
    QDateTime earliest = times.value().first();
    for (const QDateTime& t : times.value())
        earliest = std::min(earliest, t);
    const double weeks = std::clamp(earliest.secsTo(now) / 86400.0 / 7.0, 1.0, 8.0);
    for (const QDateTime& t : times.value()) {
        const roster::LocalDateTime local = zone.toLocal(store::toTimePoint(t));
        const int weekday = static_cast<int>(std::chrono::weekday{local.date}.iso_encoding()) - 1;
        m_demand[static_cast<std::size_t>(weekday * 24 + local.minuteOfDay / 60)] += 1.0 / weeks;
    }
}

void CoveragePage::showCoverage(const roster::Schedule& schedule, const roster::RotationRules& rules)
{
    m_gaps->setRowCount(0);
    if (schedule.staff.empty())
        return;
    m_cycleWeeks = rules.weeks;
    retranslate();
    const roster::CoverageOptions options;
    const roster::CoverageReport report = roster::analyseCoverage(schedule, rules, m_demand, options);
    m_chart->setReport(report, options.callsPerTeamHour);
    m_gaps->setRowCount(static_cast<int>(report.gaps.size()));
    int row = 0;
    for (const roster::CoverageGap& gap : report.gaps) {
        m_gaps->setItem(row, 0,
                        new QTableWidgetItem(tr("%1 – %2").arg(hourText(gap.firstHourOfWeek),
                                                               hourText(gap.firstHourOfWeek + gap.hours))));
        // The run's worst hour, the one its number comes from.
        const roster::HourCoverage* worst = nullptr;
        for (int h = gap.firstHourOfWeek; h < gap.firstHourOfWeek + gap.hours; ++h) {
            const roster::HourCoverage& hour = report.hours[static_cast<std::size_t>(h % 168)];
            if (!worst || hour.shortfallTeams > worst->shortfallTeams)
                worst = &hour;
        }
        auto* shortfall = new QTableWidgetItem(QLocale().toString(gap.worstShortfallTeams, 'f', 1));
        if (worst) {
            const double needed =
                worst->expectedCalls / (options.callsPerTeamHour > 0 ? options.callsPerTeamHour : 1.0);
            shortfall->setToolTip(
                tr("Worst hour %1: the calls need %2 team(s) on average, %3 team(s) are on duty "
                   "on average over the %4 weeks of the rotation.")
                    .arg(hourText(worst->hourOfWeek), QLocale().toString(needed, 'f', 1),
                         QLocale().toString(worst->teamsOnDuty, 'f', 1))
                    .arg(m_cycleWeeks));
        }
        m_gaps->setItem(row, 1, shortfall);
        // More people cannot help in hours no shift reaches: say so rather than "0 more".
        QString remedy = gap.hoursOutsideShifts >= gap.hours
                             ? tr("No shift reaches these hours: it takes a new or longer shift")
                             : tr("%1 more clinician(s) and %2 more peer support/EMT")
                                   .arg(gap.moreClinicians)
                                   .arg(gap.moreSupport);
        if (gap.hoursOutsideShifts > 0 && gap.hoursOutsideShifts < gap.hours)
            remedy += tr(" (%n hour(s) of it outside every shift)", nullptr, gap.hoursOutsideShifts);
        m_gaps->setItem(row, 2, new QTableWidgetItem(remedy));
        ++row;
    }
    m_gaps->resizeColumnsToContents();
}

void CoveragePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CoveragePage::retranslate()
{
    m_gaps->setHorizontalHeaderLabels({tr("When"), tr("Teams short"), tr("To close it")});
    m_label->setText(tr("Coverage against the calls of the last 8 weeks (or as far back as they go)"));
    const QString meaning =
        tr("Teams short: in the worst hour of the run, the teams its calls need (one team for each call "
           "expected in the hour, from the past weeks' calls) minus the complete teams on duty, averaged "
           "over "
           "the %1 weeks of the rotation. A fraction is an average: 0.3 teams short is, for example, "
           "no team for that hour in about 3 weeks out of 10.")
            .arg(m_cycleWeeks);
    m_legend->setText(meaning);
    if (QTableWidgetItem* header = m_gaps->horizontalHeaderItem(1))
        header->setToolTip(meaning);
}

} // namespace heart::ui
