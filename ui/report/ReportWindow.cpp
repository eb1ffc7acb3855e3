#include "report/ReportWindow.h"

#include "home/LiveRefresh.h"
#include "map/BeatMapView.h"
#include "report/MonthlyReportPdf.h"
#include "report/ReportBeatMap.h"
#include "report/ReportReader.h"
#include "report/ReportTableModel.h"
#include "report/ReportText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/PrivateFiles.h"
#include "store/StoreTime.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace heart::ui {
namespace {

using namespace std::chrono;

year_month_day toDay(const QDate& date)
{
    return year{date.year()} / month{unsigned(date.month())} / day{unsigned(date.day())};
}

QDate toQDate(year_month_day date)
{
    return QDate(int(date.year()), int(unsigned(date.month())), int(unsigned(date.day())));
}

report::Period periodContaining(report::PeriodKind kind, const QDate& date)
{
    switch (kind) {
    case report::PeriodKind::Quarter:
        return report::quarterPeriod(year{date.year()}, (date.month() - 1) / 3 + 1);
    case report::PeriodKind::Year:
        return report::yearPeriod(year{date.year()});
    case report::PeriodKind::Month:
    case report::PeriodKind::Custom:
        break;
    }
    return report::monthPeriod(year{date.year()} / month{unsigned(date.month())});
}

// The period after: the next month, quarter or year; custom dates as many days on.
report::Period nextPeriod(const report::Period& period)
{
    const QDate after = toQDate(period.last).addDays(1);
    if (period.kind != report::PeriodKind::Custom)
        return periodContaining(period.kind, after);
    auto next = report::customPeriod(toDay(after), toDay(after.addDays(report::dayCount(period) - 1)));
    return next.ok() ? next.value() : period;
}

QLabel* makeTile(QWidget* parent, const QString& objectName)
{
    auto* tile = new QLabel(parent);
    tile->setObjectName(objectName);
    tile->setTextFormat(Qt::RichText);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setMargin(10);
    tile->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    tile->setWordWrap(true);
    tile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return tile;
}

QString tileHtml(const QString& value, const QString& caption, const QString& comparison)
{
    return QStringLiteral("<div style='font-size:20pt;font-weight:600'>%1</div><div>%2</div>"
                          "<div style='color:#555'>%3</div>")
        .arg(value, caption.toHtmlEscaped(), comparison.toHtmlEscaped());
}

QString signedText(double value, int decimals)
{
    const QString digits = QLocale().toString(std::abs(value), 'f', decimals);
    if (QLocale().toString(0.0, 'f', decimals) == digits)
        return digits;
    return (value < 0 ? QStringLiteral("−") : QStringLiteral("+")) + digits;
}

QString percentText(std::optional<double> share)
{
    return share ? QLocale().toString(100.0 * *share, 'f', 0) + QLatin1Char('%') : QStringLiteral("–");
}

} // namespace

QString ReportWindow::minutesText(std::optional<double> seconds)
{
    return seconds ? tr("%1 min").arg(QLocale().toString(*seconds / 60.0, 'f', 1)) : QStringLiteral("–");
}

namespace {} // namespace

ReportWindow::ReportWindow(Services services, QWidget* parent)
    : ReportWindow(services,
                   periodContaining(report::PeriodKind::Month,
                                    ProgramTime::localDate(store::toDateTime(services.clock.now()))),
                   parent)
{}

ReportWindow::ReportWindow(Services services, const report::Period& period, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_title(new QLabel(this)),
      m_kindLabel(new QLabel(this)), m_kind(new QComboBox(this)), m_previousButton(new QPushButton(this)),
      m_periodLabel(new QLabel(this)), m_nextButton(new QPushButton(this)), m_fromLabel(new QLabel(this)),
      m_from(new QDateEdit(this)), m_untilLabel(new QLabel(this)), m_until(new QDateEdit(this)),
      m_programLabel(new QLabel(this)), m_programFilter(new QComboBox(this)),
      m_comparedWith(new QLabel(this)), m_busy(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_error(new QLabel(this)), m_tileCalls(makeTile(this, QStringLiteral("tileCalls"))),
      m_tileAnswered(makeTile(this, QStringLiteral("tileAnswered"))),
      m_tileArrival(makeTile(this, QStringLiteral("tileArrival"))),
      m_tileFollowUps(makeTile(this, QStringLiteral("tileFollowUps"))), m_chart(new QChartView(this)),
      m_tableLabel(new QLabel(this)), m_tableChoice(new QComboBox(this)),
      m_publicVersion(new QCheckBox(this)), m_exportButton(new QPushButton(this)),
      m_tableView(new QTableView(this)), m_mapLabel(new QLabel(this)), m_mapMeasure(new QComboBox(this)),
      m_map(new BeatMapView(this)), m_pdfButton(new QPushButton(this)), m_model(new ReportTableModel(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::Calls, this)),
      m_reader(new ReportReader(m_services, this))
{
    setObjectName(QStringLiteral("reportWindow"));
    m_title->setObjectName(QStringLiteral("homeTitle")); // as every home's title
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_previousButton->setObjectName(QStringLiteral("previousPeriod"));
    m_periodLabel->setObjectName(QStringLiteral("periodLabel"));
    m_nextButton->setObjectName(QStringLiteral("nextPeriod"));
    m_from->setObjectName(QStringLiteral("customFrom"));
    m_until->setObjectName(QStringLiteral("customUntil"));
    m_programFilter->setObjectName(QStringLiteral("programFilter"));
    m_comparedWith->setObjectName(QStringLiteral("comparedWith"));
    m_busy->setObjectName(QStringLiteral("reportBusy"));
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_error->setObjectName(QStringLiteral("reportError"));
    m_chart->setObjectName(QStringLiteral("reportChart"));
    m_tableChoice->setObjectName(QStringLiteral("tableChoice"));
    m_publicVersion->setObjectName(QStringLiteral("publicVersion"));
    m_exportButton->setObjectName(QStringLiteral("exportCsv"));
    m_tableView->setObjectName(QStringLiteral("reportTable"));
    m_mapMeasure->setObjectName(QStringLiteral("mapMeasure"));
    m_map->setObjectName(QStringLiteral("reportMap"));
    m_pdfButton->setObjectName(QStringLiteral("exportPdf"));
    m_mapLabel->setBuddy(m_mapMeasure);
    for (BeatMeasure measure : {BeatMeasure::Calls, BeatMeasure::MissedEligible})
        m_mapMeasure->addItem(QString(), int(measure));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont periodFont = m_periodLabel->font();
    periodFont.setBold(true);
    m_periodLabel->setFont(periodFont);
    m_periodLabel->setMinimumWidth(
        m_periodLabel->fontMetrics().horizontalAdvance(QStringLiteral("September 2026 ")));
    m_periodLabel->setAlignment(Qt::AlignCenter);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_busy->hide();
    m_progress->setRange(0, 0); // busy: how long a read takes is not known
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    m_kindLabel->setBuddy(m_kind);
    m_fromLabel->setBuddy(m_from);
    m_untilLabel->setBuddy(m_until);
    m_programLabel->setBuddy(m_programFilter);
    m_tableLabel->setBuddy(m_tableChoice);
    for (QDateEdit* edit : {m_from, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    for (auto kind : {report::PeriodKind::Month, report::PeriodKind::Quarter, report::PeriodKind::Year,
                      report::PeriodKind::Custom})
        m_kind->addItem(QString(), int(kind));
    m_programFilter->addItem(QString(), -1);
    for (routing::Program program : routing::kAllPrograms)
        m_programFilter->addItem(QString(), int(program));
    m_tableView->setModel(m_model);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setTabKeyNavigation(false);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);

    auto* picker = new QHBoxLayout;
    picker->addWidget(m_kindLabel);
    picker->addWidget(m_kind);
    picker->addSpacing(8);
    picker->addWidget(m_previousButton);
    picker->addWidget(m_periodLabel);
    picker->addWidget(m_nextButton);
    picker->addWidget(m_fromLabel);
    picker->addWidget(m_from);
    picker->addWidget(m_untilLabel);
    picker->addWidget(m_until);
    picker->addSpacing(8);
    picker->addWidget(m_programLabel);
    picker->addWidget(m_programFilter);
    picker->addStretch(1);
    picker->addWidget(m_busy);
    picker->addWidget(m_progress);
    picker->addWidget(m_pdfButton); // the whole report, not one table

    auto* tiles = new QGridLayout;
    tiles->addWidget(m_tileCalls, 0, 0);
    tiles->addWidget(m_tileAnswered, 0, 1);
    tiles->addWidget(m_tileArrival, 0, 2);
    tiles->addWidget(m_tileFollowUps, 0, 3);
    tiles->setColumnStretch(1, 2);
    for (int c : {0, 2, 3})
        tiles->setColumnStretch(c, 1);

    auto* tableBar = new QHBoxLayout;
    tableBar->addWidget(m_tableLabel);
    tableBar->addWidget(m_tableChoice, 1);
    tableBar->addWidget(m_publicVersion);
    tableBar->addWidget(m_exportButton);
    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(tableBar);
    tableLayout->addWidget(m_tableView, 1);
    auto* mapBar = new QHBoxLayout;
    mapBar->addWidget(m_mapLabel);
    mapBar->addWidget(m_mapMeasure);
    mapBar->addStretch(1);
    auto* mapPane = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapPane);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addLayout(mapBar);
    mapLayout->addWidget(m_map, 1);
    auto* figures = new QSplitter(Qt::Vertical, this);
    figures->addWidget(m_chart);
    figures->addWidget(mapPane);
    figures->setChildrenCollapsible(false);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(figures);
    split->addWidget(tablePane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // Proportions, not pixels: the figures three fifths of the width, the
    // chart and the map half of their height each.
    split->setSizes({3000, 2000});
    figures->setSizes({1000, 1000});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(picker);
    layout->addWidget(m_comparedWith);
    layout->addWidget(m_error);
    layout->addLayout(tiles);
    layout->addWidget(split, 1);

    auto* back = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    auto* forward = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    forward->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, &ReportWindow::showPreviousPeriod);
    connect(forward, &QShortcut::activated, this, &ReportWindow::showNextPeriod);
    connect(m_previousButton, &QPushButton::clicked, this, &ReportWindow::showPreviousPeriod);
    connect(m_nextButton, &QPushButton::clicked, this, &ReportWindow::showNextPeriod);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportWindow::kindChosen);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportWindow::customDatesChanged);
    connect(m_until, &QDateEdit::dateChanged, this, &ReportWindow::customDatesChanged);
    connect(m_programFilter, &QComboBox::currentIndexChanged, this, &ReportWindow::programChosen);
    connect(m_tableChoice, &QComboBox::currentIndexChanged, this, &ReportWindow::tableChosen);
    connect(m_publicVersion, &QCheckBox::toggled, m_model, &ReportTableModel::setPublicVersion);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportWindow::chooseExport);
    connect(m_pdfButton, &QPushButton::clicked, this, &ReportWindow::choosePdfExport);
    auto* print = new QShortcut(QKeySequence::Print, this); // Ctrl+P
    print->setContext(Qt::WidgetWithChildrenShortcut);
    connect(print, &QShortcut::activated, this, &ReportWindow::choosePdfExport);
    connect(m_publicVersion, &QCheckBox::toggled, this, &ReportWindow::showMap);
    connect(m_mapMeasure, &QComboBox::currentIndexChanged, this, &ReportWindow::showMap);
    connect(m_map, &BeatMapView::beatClicked, this, &ReportWindow::openBeatDrillDown);
    connect(m_tableView, &QTableView::activated, this, &ReportWindow::openDrillDown);
    connect(m_live, &LiveRefresh::changed, this, [this] { reload(true); });
    connect(
        m_reader, &ReportReader::finished, this,
        [this](const usecases::ReportRequest& request,
               const std::shared_ptr<const ReportReader::Result>& result) { reportRead(request, *result); });

    m_period = period; // this month in the program's time zone, unless told
    retranslate();
    reload();
}

usecases::ReportRequest ReportWindow::request() const
{
    return {m_period, m_program};
}

void ReportWindow::setPeriod(const report::Period& period)
{
    m_period = period;
    reload();
}

void ReportWindow::setProgram(std::optional<routing::Program> program)
{
    m_program = program;
    reload();
}

void ReportWindow::showNextPeriod()
{
    setPeriod(nextPeriod(m_period));
}

void ReportWindow::showPreviousPeriod()
{
    setPeriod(report::previousPeriod(m_period));
}

void ReportWindow::kindChosen()
{
    if (m_updatingControls)
        return;
    const auto kind = report::PeriodKind(m_kind->currentData().toInt());
    if (kind == report::PeriodKind::Custom) {
        auto custom = report::customPeriod(m_period.first, m_period.last);
        if (custom.ok())
            setPeriod(custom.value());
        return;
    }
    // The new kind's period that holds the shown one's last day, or today when that is later.
    const QDate today = ProgramTime::localDate(store::toDateTime(m_services.clock.now()));
    setPeriod(periodContaining(kind, std::min(toQDate(m_period.last), today)));
}

void ReportWindow::customDatesChanged()
{
    if (m_updatingControls)
        return;
    auto custom = report::customPeriod(toDay(m_from->date()), toDay(m_until->date()));
    if (!custom.ok()) {
        m_reader->cancel();
        unsetCursor();
        m_busy->hide();
        m_progress->hide();
        showError(tr("The first date must not be after the last one."));
        return;
    }
    setPeriod(custom.value());
}

void ReportWindow::programChosen()
{
    if (m_updatingControls)
        return;
    const int code = m_programFilter->currentData().toInt();
    setProgram(code < 0 ? std::nullopt : std::optional<routing::Program>(routing::Program(code)));
}

void ReportWindow::reload(bool automatic)
{
    // The controls follow the period (the shortcuts and setPeriod() move it too).
    m_updatingControls = true;
    m_kind->setCurrentIndex(m_kind->findData(int(m_period.kind)));
    const bool custom = m_period.kind == report::PeriodKind::Custom;
    m_from->setDate(toQDate(m_period.first));
    m_until->setDate(toQDate(m_period.last));
    for (QWidget* w : std::initializer_list<QWidget*>{m_fromLabel, m_from, m_untilLabel, m_until})
        w->setVisible(custom);
    m_periodLabel->setText(ReportText::periodName(m_period));
    m_programFilter->setCurrentIndex(m_programFilter->findData(m_program ? int(*m_program) : -1));
    m_updatingControls = false;

    // The numbers shown stay until the new ones arrive; the controls answer meanwhile.
    m_busy->setText(tr("Reading the report for %1…").arg(ReportText::periodName(m_period)));
    if (m_report && (m_shownRequest.period != m_period || m_shownRequest.program != m_program))
        m_comparedWith->setText(tr("Still showing %1 until the report you chose has been read.")
                                    .arg(ReportText::periodName(m_shownRequest.period)));
    m_busy->show();
    m_progress->show();
    m_progress->setAccessibleName(m_busy->text());
    setCursor(Qt::BusyCursor);
    m_live->markCurrent();
    usecases::ReportRequest wanted = request();
    wanted.automaticRefresh = automatic;
    m_reader->read(wanted);
}

bool ReportWindow::isReading() const
{
    return m_reader->isReading();
}

void ReportWindow::reportRead(const usecases::ReportRequest& request,
                              const store::StoreResult<usecases::PeriodReport>& result)
{
    unsetCursor();
    m_busy->hide();
    m_progress->hide();
    m_shownRequest = request;
    m_shownRequest.automaticRefresh = false;
    if (!result.ok()) {
        m_comparedWith->clear();
        showError(DomainText::errorText(result.error()));
        Q_EMIT reportShown();
        return;
    }
    m_report = result.value();
    m_error->hide();
    showReport();
    Q_EMIT reportShown();
}

void ReportWindow::showError(const QString& text)
{
    m_report.reset();
    m_error->setText(tr("The report cannot be shown: %1").arg(text));
    m_error->show();
    for (QLabel* tile : {m_tileCalls, m_tileAnswered, m_tileArrival, m_tileFollowUps})
        tile->clear();
    m_model->setTable(report::CountTable{});
    ReportBeatMap{}.applyTo(*m_map);
    QChart* old = m_chart->chart();
    m_chart->setChart(new QChart);
    delete old;
}

void ReportWindow::showReport()
{
    m_comparedWith->setText(
        tr("Compared with %1 (the period before). All times are %2.")
            .arg(ReportText::periodName(m_report->previous.period), ProgramTime::zoneLabel()));
    showTiles();
    showChart();
    showMap();
    // The table list, keeping the chosen table.
    const QString chosen = m_tableChoice->currentData().toString();
    m_updatingControls = true;
    m_tableChoice->clear();
    for (const report::CountTable* table : m_report->current.tables()) {
        const QString id = QString::fromStdString(table->id);
        m_tableChoice->addItem(ReportText::tableName(id), id);
    }
    const int index = m_tableChoice->findData(chosen);
    m_tableChoice->setCurrentIndex(index >= 0 ? index : 0);
    m_updatingControls = false;
    showTable();
}

void ReportWindow::showTiles()
{
    const report::Report& now = m_report->current;
    const report::Report& before = m_report->previous;
    const QString previousName = ReportText::periodName(before.period);
    const QLocale locale;

    m_tileCalls->setText(tileHtml(locale.toString(qlonglong(now.calls)), tr("calls"),
                                  tr("%1: %2 (%3)")
                                      .arg(previousName, locale.toString(qlonglong(before.calls)),
                                           signedText(double(now.calls) - double(before.calls), 0))));

    QString rows;
    for (routing::Program program : report::kAnsweringPrograms) {
        const auto share = now.shareAnswered(program);
        const auto was = before.shareAnswered(program);
        const QString wasText =
            share && was ? tr("was %1, %2 pts").arg(percentText(was), signedText(100.0 * (*share - *was), 0))
                         : tr("was %1").arg(percentText(was));
        rows +=
            QStringLiteral("<tr><td>%1</td><td align='right' style='font-size:14pt;font-weight:600'>&nbsp;%2"
                           "</td><td style='color:#555'>&nbsp;%3</td></tr>")
                .arg(
                    DomainText::programName(QString::fromUtf8(routing::programCode(program))).toHtmlEscaped(),
                    percentText(share), wasText.toHtmlEscaped());
    }
    m_tileAnswered->setText(
        QStringLiteral("<div>%1</div><table>%2</table>")
            .arg(tr("Eligible calls answered, by program (before: %1)").arg(previousName).toHtmlEscaped(),
                 rows));

    const auto arrival = now.dispatchToArrival[0].median;
    const auto arrivalBefore = before.dispatchToArrival[0].median;
    m_tileArrival->setText(tileHtml(
        minutesText(arrival),
        tr("CRT median, dispatch to arrival (%n timed)", nullptr, int(now.dispatchToArrival[0].count)),
        arrival && arrivalBefore ? tr("%1: %2 (%3)")
                                       .arg(previousName, minutesText(arrivalBefore),
                                            signedText((*arrival - *arrivalBefore) / 60.0, 1))
                                 : tr("%1: %2").arg(previousName, minutesText(arrivalBefore))));

    const auto followUps = now.followUpWithin48hShare();
    const auto followUpsBefore = before.followUpWithin48hShare();
    m_tileFollowUps->setText(tileHtml(percentText(followUps), tr("follow-ups within 48 h"),
                                      followUps && followUpsBefore
                                          ? tr("%1: %2 (%3 pts)")
                                                .arg(previousName, percentText(followUpsBefore),
                                                     signedText(100.0 * (*followUps - *followUpsBefore), 0))
                                          : tr("%1: %2").arg(previousName, percentText(followUpsBefore))));
}

void ReportWindow::showChart()
{
    // Calls by hour of the week, this period against the one before.
    auto* chart = new QChart;
    double top = 0;
    auto addSeries = [&](const report::Report& report, const QString& name, const QColor& color) {
        auto* series = new QLineSeries(chart);
        series->setName(name);
        series->setColor(color);
        const report::CountTable& table = report.byHourOfWeek;
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const double n = double(table.cells[r][c]);
                series->append(double(r * table.columns.size() + c), n);
                top = std::max(top, n);
            }
        chart->addSeries(series);
        return series;
    };
    QLineSeries* before = addSeries(m_report->previous, ReportText::periodName(m_report->previous.period),
                                    QColor(0xa0, 0xa0, 0xa0));
    QLineSeries* now = addSeries(m_report->current, ReportText::periodName(m_report->current.period),
                                 QColor(0x2a, 0x6f, 0x97));
    chart->setTitle(tr("Calls by hour of the week"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* axisX = new QCategoryAxis(chart);
    const report::CountTable& table = m_report->current.byHourOfWeek;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        axisX->append(
            ReportText::keyName(QString::fromStdString(table.id), QString::fromStdString(table.rows[r])),
            double((r + 1) * table.columns.size()));
    axisX->setRange(0, double(std::max<std::size_t>(1, table.rows.size() * table.columns.size())));
    axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto* axisY = new QValueAxis(chart);
    axisY->setRange(0, std::max(4.0, top + 1));
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries* series : {before, now}) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    m_chart->setAccessibleName(tr("Calls by hour of the week, %1 and %2")
                                   .arg(ReportText::periodName(m_report->current.period),
                                        ReportText::periodName(m_report->previous.period)));
}

void ReportWindow::showMap()
{
    if (!m_report)
        return;
    if (!m_map->beatMap() || m_map->beatMap() != m_report->beats.get())
        m_map->setBeatMap(m_report->beats);
    const auto measure = BeatMeasure(m_mapMeasure->currentData().toInt());
    ReportBeatMap::compute(*m_report, m_shownRequest.program, measure, m_publicVersion->isChecked())
        .applyTo(*m_map);
    m_map->setAccessibleName(ReportBeatMap::measureName(measure));
}

void ReportWindow::tableChosen()
{
    if (!m_updatingControls)
        showTable();
}

void ReportWindow::showTable()
{
    if (!m_report)
        return;
    const QString id = m_tableChoice->currentData().toString();
    // The public version suppresses every table together (shared totals alike).
    const std::vector<const report::CountTable*> tables = m_report->current.tables();
    const std::vector<report::SuppressedTable> published = report::suppressReport(m_report->current);
    for (std::size_t i = 0; i < tables.size(); ++i)
        if (QString::fromStdString(tables[i]->id) == id) {
            m_model->setTable(published[i]);
            break;
        }
    m_tableView->resizeColumnsToContents();
}

void ReportWindow::openDrillDown(const QModelIndex& index)
{
    if (!m_report || !m_model->isCountCell(index))
        return;
    openDrillDownFor(QString::fromStdString(m_model->table().id),
                     index.data(ReportTableModel::RowKeyRole).toString(),
                     index.data(ReportTableModel::ColumnKeyRole).toString());
}

void ReportWindow::openBeatDrillDown(const QString& beat)
{
    // The calls behind the beat's number on the map: its calls, or the
    // selected program's missed calls (all programs' misses have no one cell).
    if (!m_report)
        return;
    if (BeatMeasure(m_mapMeasure->currentData().toInt()) == BeatMeasure::Calls)
        openDrillDownFor(QStringLiteral("calls_by_beat"), beat, QStringLiteral("calls"));
    else if (m_shownRequest.program)
        openDrillDownFor(QStringLiteral("missed_by_beat"), beat,
                         QString::fromUtf8(routing::programCode(*m_shownRequest.program)));
}

void ReportWindow::openDrillDownFor(const QString& tableId, const QString& row, const QString& column)
{
    auto calls = usecases::ReportUseCases(m_services).drillDown(m_shownRequest, tableId, row, column);
    if (!calls.ok()) {
        QMessageBox refused(
            QMessageBox::Warning, tr("Calls behind a number"),
            tr("The calls behind this number cannot be shown: %1").arg(DomainText::errorText(calls.error())),
            QMessageBox::Close, this);
        refused.setObjectName(QStringLiteral("drillDownRefused"));
        refused.exec();
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("drillDownDialog"));
    dialog.setWindowTitle(tr("Calls behind a number"));
    auto* caption = new QLabel(&dialog);
    caption->setWordWrap(true);
    const QString cell =
        tr("%1 — %2, %3, %4")
            .arg(ReportText::tableName(tableId), ReportText::keyName(tableId, row),
                 ReportText::keyName(tableId, column), ReportText::periodName(m_shownRequest.period));
    if (tableId == QLatin1String("repeat_people"))
        caption->setText(tr("%1: this number counts people, not calls; no calls are listed.").arg(cell));
    else
        caption->setText(tr("%1: %n call(s).", nullptr, int(calls.value().size())).arg(cell));
    auto* list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("drillDownCalls"));
    list->addItems(calls.value());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(caption);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(460, 420);
    list->setFocus();
    if (list->count() > 0)
        list->setCurrentRow(0);
    dialog.exec();
}

void ReportWindow::chooseExport()
{
    if (!m_report)
        return;
    const QString suggested = QStringLiteral("%1-%2%3.csv")
                                  .arg(QString::fromStdString(m_model->table().id),
                                       QString::fromStdString(report::periodLabel(m_shownRequest.period)),
                                       m_publicVersion->isChecked() ? QStringLiteral("-public") : QString());
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the table"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool ReportWindow::exportCsv(const QString& path)
{
    if (!m_report)
        return false;
    QString text;
    auto quoted = [](QString field) -> QString {
        if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
            field.contains(QLatin1Char('\n'))) {
            field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            return QLatin1Char('"') + field + QLatin1Char('"');
        }
        return field;
    };
    for (const QStringList& line : m_model->shownRows()) {
        QStringList fields;
        for (const QString& field : line)
            fields.append(quoted(field));
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    const QByteArray bytes = text.toUtf8();
    // Audited before it is written: the period, filter and table, never a number.
    if (const store::StoreError error =
            usecases::ReportUseCases(m_services)
                .recordExport(m_shownRequest, QString::fromStdString(m_model->table().id),
                              m_publicVersion->isChecked())) {
        m_error->setText(tr("The file could not be written: %1").arg(DomainText::errorText(error)));
        m_error->show();
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !store::files::restrictToOwner(file) || file.write(bytes) < 0 ||
        !file.commit()) {
        m_error->setText(tr("The file could not be written: %1").arg(file.errorString()));
        m_error->show();
        return false;
    }
    m_error->hide();
    return true;
}

void ReportWindow::choosePdfExport()
{
    if (!m_report)
        return;
    const QString suggested =
        QStringLiteral("heart-report-%1%2%3.pdf")
            .arg(QString::fromStdString(report::periodLabel(m_shownRequest.period)),
                 m_shownRequest.program
                     ? QLatin1Char('-') + QString::fromUtf8(routing::programCode(*m_shownRequest.program))
                     : QString(),
                 m_publicVersion->isChecked() ? QStringLiteral("-public") : QString());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the monthly report"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

bool ReportWindow::exportPdf(const QString& path)
{
    if (!m_report)
        return false;
    MonthlyReportInput input{*m_report, m_shownRequest.program, m_publicVersion->isChecked(),
                             BeatMeasure(m_mapMeasure->currentData().toInt())};
    // Audited before it is written: the period, filter, version and file name, never a number.
    if (const store::StoreError refused =
            usecases::ReportUseCases(m_services)
                .recordPdfExport(m_shownRequest, path, m_publicVersion->isChecked())) {
        m_error->setText(tr("The file could not be written: %1").arg(DomainText::errorText(refused)));
        m_error->show();
        return false;
    }
    QString error;
    if (!MonthlyReportPdf::write(input, path, &error)) {
        m_error->setText(tr("The file could not be written: %1").arg(error));
        m_error->show();
        return false;
    }
    m_error->hide();
    return true;
}

void ReportWindow::retranslate()
{
    m_title->setText(tr("Program report"));
    m_kindLabel->setText(tr("Peri&od:"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, ReportText::kindName(report::PeriodKind(m_kind->itemData(i).toInt())));
    m_previousButton->setText(tr("◀ Previous"));
    m_previousButton->setToolTip(tr("The period before (Alt+Left)"));
    m_nextButton->setText(tr("Next ▶"));
    m_nextButton->setToolTip(tr("The period after (Alt+Right)"));
    m_fromLabel->setText(tr("Fro&m"));
    m_untilLabel->setText(tr("U&ntil"));
    m_programLabel->setText(tr("Pro&gram:"));
    m_programFilter->setItemText(0, tr("All programs"));
    for (int i = 1; i < m_programFilter->count(); ++i)
        m_programFilter->setItemText(
            i, DomainText::programName(QString::fromUtf8(routing::programCode(routing::Program(
                                                             m_programFilter->itemData(i).toInt())))
                                           .replace(QLatin1Char('-'), QLatin1Char('_'))));
    m_tableLabel->setText(tr("&Table:"));
    m_publicVersion->setText(tr("Publi&c version"));
    m_publicVersion->setToolTip(
        tr("Counts of 1 to 10 shown as \"<11\", and the cells that would give them away "
           "as \"*\": what may be published."));
    m_exportButton->setText(tr("E&xport CSV…"));
    m_exportButton->setToolTip(tr("The table as shown, as a CSV file"));
    m_pdfButton->setText(tr("&Save report PDF…"));
    m_pdfButton->setToolTip(tr("The whole report (cover, tiles, charts, map, every table) as a PDF, "
                               "the public version when it is on (Ctrl+P)"));
    m_mapLabel->setText(tr("M&ap:"));
    for (int i = 0; i < m_mapMeasure->count(); ++i)
        m_mapMeasure->setItemText(i,
                                  ReportBeatMap::measureName(BeatMeasure(m_mapMeasure->itemData(i).toInt())));
}

void ReportWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_report)
            showReport();
        m_periodLabel->setText(ReportText::periodName(m_period));
    }
    QWidget::changeEvent(event);
}

} // namespace heart::ui
