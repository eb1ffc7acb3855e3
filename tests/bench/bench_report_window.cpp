// The supervisor's reporting window opened on a year of calls (issue 16):
// fills a database with N calls received in 2025 (default 500,000;
// tests/bench/ReportBenchFill.h, as bench_report), then times, offscreen, in
// one run (the median of three):
//   - from constructing the window on the year 2025 to its first paint (the
//     report is read on a worker thread, so this does not wait for it;
//     goal 300 ms), against the first paint of a window made of the same
//     widgets with nothing to read;
//   - from constructing it to the first paint after the year's numbers are
//     shown, against hand-written SQL that reads the year's calls by month
//     (2025 and 2024, GROUP BY, to the last row).
// Prints the milliseconds and the ratios; asserts no time. Fails only when
// the window shows no numbers or a count other than the calls filled.
//
// bench_report_window [CALLS]
#include "bench/ReportBenchFill.h"
#include "common/TestDatabase.h"
#include "map/BeatMapView.h"
#include "report/ReportWindow.h"
#include "store/StoreTime.h"
#include "usecases/ReportUseCases.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QSqlQuery>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace heart;
using namespace std::chrono;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Notes when its widget is painted, in ms since `clock` started.
class PaintWatch : public QObject
{
public:
    PaintWatch(QWidget* widget, const QElapsedTimer& clock) : m_clock(clock)
    {
        widget->installEventFilter(this);
    }
    std::vector<double> paints;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            paints.push_back(double(m_clock.nsecsElapsed()) / 1e6);
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& m_clock;
};

bool waitFor(const std::function<bool()>& done, int timeoutMs = 600000)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// The same kinds of widget as the report window (tiles, pickers, a chart,
// a table, the beat map), with nothing to read: the reference first paint.
QWidget* sameWidgets()
{
    auto* window = new QWidget;
    auto* picker = new QHBoxLayout;
    for (int i = 0; i < 3; ++i)
        picker->addWidget(new QComboBox(window));
    for (int i = 0; i < 3; ++i)
        picker->addWidget(new QPushButton(QStringLiteral("Button"), window));
    auto* tiles = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        auto* tile = new QLabel(QStringLiteral("<div style='font-size:20pt'>–</div><div>tile</div>"), window);
        tile->setFrameShape(QFrame::StyledPanel);
        tiles->addWidget(tile, 0, i);
    }
    auto* chart = new QChartView(new QChart, window);
    chart->setMinimumHeight(220);
    auto* split = new QSplitter(Qt::Horizontal, window);
    auto* figures = new QSplitter(Qt::Vertical, split);
    figures->addWidget(chart);
    figures->addWidget(new ui::BeatMapView(figures));
    split->addWidget(figures);
    auto* table = new QWidget(split);
    auto* tableLayout = new QVBoxLayout(table);
    tableLayout->addWidget(new QCheckBox(QStringLiteral("Public version"), table));
    tableLayout->addWidget(new QTableView(table));
    split->addWidget(table);
    auto* layout = new QVBoxLayout(window);
    layout->addWidget(new QLabel(QStringLiteral("Program report"), window));
    layout->addLayout(picker);
    layout->addLayout(tiles);
    layout->addWidget(split, 1);
    return window;
}

// The hand-written SQL: the year's calls by month, this year and the one before.
long long callsBySql(store::Database& db)
{
    long long total = 0;
    for (const auto& [from, to] : {std::pair{year{2025} / 1 / 1, year{2026} / 1 / 1},
                                   std::pair{year{2024} / 1 / 1, year{2025} / 1 / 1}}) {
        QSqlQuery query(db.connection());
        query.prepare(
            QStringLiteral("SELECT substr(received_at, 1, 7), COUNT(*) FROM calls WHERE received_at >= ? "
                           "AND received_at < ? GROUP BY 1 ORDER BY 1"));
        query.addBindValue(store::toStoredTime(sys_days{from} + hours{5}));
        query.addBindValue(store::toStoredTime(sys_days{to} + hours{5}));
        if (!query.exec())
            return -1;
        while (query.next())
            total += from == year{2025} / 1 / 1 ? query.value(1).toLongLong() : 0;
    }
    return total;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int calls = argc > 1 ? std::max(100, QString::fromLocal8Bit(argv[1]).toInt()) : 500000;
    test::TestDatabase fixture;
    if (const QString problem = fixture.setUp(); !problem.isEmpty()) {
        std::printf("bench_report_window: %s\n", qPrintable(problem));
        return 1;
    }
    store::Database& db = fixture.db();
    std::printf("bench_report_window: %s, %d calls in 2025\n", qPrintable(fixture.engineName()), calls);
    QElapsedTimer filled;
    filled.start();
    if (!bench::fill(db, calls)) {
        std::printf("  filling failed\n");
        return 1;
    }
    db.execDirect(db.spec().engine == store::Engine::Postgres ? QStringLiteral("VACUUM ANALYZE")
                                                              : QStringLiteral("ANALYZE"),
                  "analyze");
    std::printf("  filled in %.1f s\n", double(filled.elapsed()) / 1000.0);
    const usecases::Context context{db, fixture.clock(), fixture.actorFor(Role::Supervisor)};
    const report::Period year2025 = report::yearPeriod(year{2025});

    constexpr int kRuns = 3;
    std::vector<double> referencePaint, firstPaint, numbersPaint, sql;
    bool right = true;
    for (int run = 0; run < kRuns; ++run) {
        {
            QElapsedTimer clock;
            clock.start();
            std::unique_ptr<QWidget> reference(sameWidgets());
            PaintWatch watch(reference.get(), clock);
            reference->resize(1280, 800);
            reference->show();
            if (!waitFor([&] { return !watch.paints.empty(); }, 10000)) {
                std::printf("  the reference window was never painted\n");
                return 1;
            }
            referencePaint.push_back(watch.paints.front());
        }
        {
            QElapsedTimer clock;
            clock.start();
            ui::ReportWindow window(context, year2025);
            PaintWatch watch(&window, clock);
            double shownAt = -1;
            QObject::connect(&window, &ui::ReportWindow::reportShown, &window,
                             [&] { shownAt = double(clock.nsecsElapsed()) / 1e6; });
            window.resize(1280, 800);
            window.show();
            if (!waitFor([&] { return !watch.paints.empty(); }, 10000)) {
                std::printf("  the report window was never painted\n");
                return 1;
            }
            firstPaint.push_back(watch.paints.front());
            if (!waitFor([&] {
                    return shownAt >= 0 && std::any_of(watch.paints.begin(), watch.paints.end(),
                                                       [&](double at) { return at >= shownAt; });
                })) {
                std::printf("  the numbers never arrived\n");
                return 1;
            }
            numbersPaint.push_back(*std::find_if(watch.paints.begin(), watch.paints.end(),
                                                 [&](double at) { return at >= shownAt; }));
            const usecases::PeriodReport* shown = window.shownReport();
            if (!shown || shown->current.calls != std::size_t(calls)) {
                std::printf("  the window shows %lld calls, not %d\n",
                            shown ? static_cast<long long>(shown->current.calls) : -1LL, calls);
                right = false;
            }
        }
        QElapsedTimer clock;
        clock.start();
        const long long counted = callsBySql(db);
        sql.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (counted != calls) {
            std::printf("  the SQL counts %lld calls, not %d\n", counted, calls);
            right = false;
        }
    }
    const double reference = median(referencePaint), paint = median(firstPaint),
                 numbers = median(numbersPaint), bySql = median(sql);
    std::printf("  first paint of the report window:          %8.1f ms (goal 300 ms)\n", paint);
    std::printf("  first paint of the same widgets, no data:  %8.1f ms\n", reference);
    std::printf("  ratio (first paint): %.2fx\n", paint / std::max(0.1, reference));
    std::printf("  the year's numbers shown (painted):        %8.1f ms\n", numbers);
    std::printf("  hand-written SQL, calls by month x 2 years: %7.1f ms\n", bySql);
    std::printf("  ratio (numbers shown / SQL): %.1fx\n", numbers / std::max(0.1, bySql));
    return right ? 0 : 1;
}
