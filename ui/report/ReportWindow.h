#pragma once
// The supervisor's reporting window (docs/metrics.md): a period (month,
// quarter, year or custom dates; Alt+Left / Alt+Right step through them) and
// a program, the headline numbers beside the period before, calls by hour of
// the week, every count table (the public version suppressed: "<11", "*"),
// the calls behind a number (Enter or double-click) and the shown table as
// CSV; a beat map of calls or missed eligible calls per beat with the
// program's service area outlined (ReportBeatMap); the monthly report as a
// PDF (Ctrl+P, MonthlyReportPdf). Everything is read through
// usecases::ReportUseCases, which checks the role and audits each read; the
// report itself on a worker thread (ReportReader), the numbers shown staying
// until the new ones arrive.
#include "home/Services.h"
#include "usecases/ReportUseCases.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QTableView;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace heart::ui {

class BeatMapView;
class LiveRefresh;
class ReportReader;
class ReportTableModel;

class ReportWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ReportWindow(Services services, QWidget* parent = nullptr);
    // Opens on `period` rather than this month (one read, not two).
    ReportWindow(Services services, const report::Period& period, QWidget* parent = nullptr);

    const report::Period& period() const { return m_period; }
    std::optional<routing::Program> program() const { return m_program; }
    void setPeriod(const report::Period& period);
    void setProgram(std::optional<routing::Program> program);
    // The period after / before the shown one (Alt+Right / Alt+Left).
    void showNextPeriod();
    void showPreviousPeriod();
    // Reads the report again (the current period and program) on a worker
    // thread: the numbers shown stay until the new ones arrive (reportShown()).
    void reload(bool automatic = false); // automatic: a live refresh (no new report_read audit row)
    // A read asked for has not arrived yet (the window says so).
    bool isReading() const;
    // The report shown; null when the read failed. While a read is under way
    // it is the one before, for shownRequest()'s period and program.
    const usecases::PeriodReport* shownReport() const { return m_report ? &*m_report : nullptr; }
    const usecases::ReportRequest& shownRequest() const { return m_shownRequest; }
    ReportTableModel* tableModel() const { return m_model; }
    // Writes the shown table (as shown: the public version when it is on) to
    // `path`, 0600; false with the reason shown when it cannot.
    bool exportCsv(const QString& path);
    // Writes the shown report (the public version when it is on) as the
    // monthly report PDF to `path`, 0600; false with the reason shown.
    bool exportPdf(const QString& path);
    BeatMapView* beatMap() const { return m_map; }
    // The calls behind one count of the shown table, in a dialog.
    void openDrillDown(const QModelIndex& index);
    // The calls behind a beat's number on the map (a click, Space or Enter).
    void openBeatDrillDown(const QString& beat);
    LiveRefresh* liveRefresh() const { return m_live; }

Q_SIGNALS:
    void reportShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void kindChosen();
    void customDatesChanged();
    void programChosen();
    void tableChosen();
    void chooseExport();
    void choosePdfExport();
    void showReport();
    void reportRead(const usecases::ReportRequest& request,
                    const store::StoreResult<usecases::PeriodReport>& result);
    void showTiles();
    void showChart();
    void showTable();
    void showMap();
    void openDrillDownFor(const QString& tableId, const QString& row, const QString& column);
    void showError(const QString& text);
    usecases::ReportRequest request() const;
    static QString minutesText(std::optional<double> seconds); // "16.0 min", "–"

    Services m_services;
    report::Period m_period;
    std::optional<routing::Program> m_program;
    std::optional<usecases::PeriodReport> m_report;
    usecases::ReportRequest m_shownRequest; // what m_report answers
    bool m_updatingControls = false;

    QLabel* m_title;
    QLabel* m_kindLabel;
    QComboBox* m_kind;
    QPushButton* m_previousButton;
    QLabel* m_periodLabel;
    QPushButton* m_nextButton;
    QLabel* m_fromLabel;
    QDateEdit* m_from;
    QLabel* m_untilLabel;
    QDateEdit* m_until;
    QLabel* m_programLabel;
    QComboBox* m_programFilter;
    QLabel* m_comparedWith;
    QLabel* m_busy;
    QProgressBar* m_progress;
    QLabel* m_error;
    QLabel* m_tileCalls;
    QLabel* m_tileAnswered;
    QLabel* m_tileArrival;
    QLabel* m_tileFollowUps;
    QChartView* m_chart;
    QLabel* m_tableLabel;
    QComboBox* m_tableChoice;
    QCheckBox* m_publicVersion;
    QPushButton* m_exportButton;
    QTableView* m_tableView;
    QLabel* m_mapLabel;
    QComboBox* m_mapMeasure;
    BeatMapView* m_map;
    QPushButton* m_pdfButton;
    ReportTableModel* m_model;
    LiveRefresh* m_live;
    ReportReader* m_reader;
};

} // namespace heart::ui
