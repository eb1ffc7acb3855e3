// The supervisor's year report over a city's year of calls (issue 16):
// fills a database with N calls received in 2025 (default 500,000, a city
// larger than Durham; written straight into the table with prepared
// multi-row INSERTs in one transaction, not through the use cases), then
// times, in one run,
//   - the report as the window and `heartdesk-cli report` get it
//     (ReportUseCases::report for the year 2025 with 2024 beside it: the
//     calls aggregated in SQL, grouped by what the routing engine reads and
//     by time class so that the engine decides each group once, counted per
//     hour and per person; both periods computed), and its parts;
//   - the same numbers from one row per call (read, judged, computed: the
//     definition), which must equal the report's, table by table;
//   - hand-written SQL for the numbers SQL can give on its own: calls by
//     program, call type, beat, disposition, local month and hour of the
//     week (GROUP BY on the same range), read to the last row;
// checks that both give the same counts, and prints the ratio (goal: the
// report within 1.5x of the SQL). Eligibility has no SQL counterpart: it is
// the routing engine's decision for every call (docs/metrics.md), so the
// ratio is printed with and without it.
// With HEARTDESK_PG_TEST_URL and HEARTDESK_DB_PASSWORD set (scripts/test
// sets them), the same on PostgreSQL, in a database of its own.
// Both ratios are printed by the wall clock and by CPU time (this process
// and, on PostgreSQL, its server process, parallel workers off): on a
// machine shared with other builds the wall clock measures the load too.
// Asserts no time; fails only when the report, one row per call and the
// SQL disagree.
//
// bench_report [CALLS]      (BENCH_REPORT_ENGINE=sqlite|postgresql: one engine)
#include "bench/ReportBenchFill.h"
#include "common/ReportCompare.h"
#include "common/TestDatabase.h"
#include "core/report/Metrics.h"
#include "core/report/Period.h"
#include "core/roster/TimeZoneRule.h"
#include "store/Database.h"
#include "store/ReportRows.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"
#include "usecases/ReportUseCases.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace heart;
using namespace std::chrono;

namespace {

using bench::fill; // tests/bench/ReportBenchFill.h

// CPU time, in ms, of this process and of the PostgreSQL server process
// serving its connection (0: SQLite, in this process): on a machine shared
// with other builds the wall clock measures the load as much as the work,
// so the bench prints the ratio both ways.
int g_backendPid = 0;

double cpuMs()
{
    timespec own{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &own);
    double ms = double(own.tv_sec) * 1e3 + double(own.tv_nsec) / 1e6;
    if (g_backendPid > 0) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(g_backendPid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 12) // utime, stime: fields 14 and 15 of the line
                ms += double(fields[11].toLongLong() + fields[12].toLongLong()) * 1000.0 /
                      double(sysconf(_SC_CLK_TCK));
        }
    }
    return ms;
}

// Median of `runs` (wall ms), and the median CPU ms in g_lastCpuMs.
double g_lastCpuMs = 0;
double timeMs(int runs, const std::function<void()>& f)
{
    std::vector<double> times, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpuBefore = cpuMs();
        timer.start();
        f();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs() - cpuBefore);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    g_lastCpuMs = cpu[cpu.size() / 2];
    return times[times.size() / 2];
}

using Counts = std::map<std::string, std::map<std::string, long long>>; // table -> key -> count

// The UTC instants daylight saving time starts and ends in `y` (New York).
std::pair<QString, QString> summer(const roster::TimeZoneRule& zone, int y)
{
    TimePoint t = sys_days{year{y} / 1 / 1} + hours{5};
    TimePoint begins{}, ends{};
    int offset = zone.offsetMinutesAt(t);
    for (int h = 0; h < 366 * 24; ++h, t += hours{1}) {
        const int now = zone.offsetMinutesAt(t);
        if (now != offset) {
            (now > offset ? begins : ends) = t;
            offset = now;
        }
    }
    return {store::toStoredTime(begins), store::toStoredTime(ends)};
}

// The hand-written SQL: one GROUP BY per table over [from, to), local time
// by the DST instants of the year (bound, so one plan).
Counts bySql(store::Database& db, const report::UtcRange& range, const roster::TimeZoneRule& zone, int y)
{
    const bool postgres = db.spec().engine == store::Engine::Postgres;
    const auto [dstFrom, dstTo] = summer(zone, y);
    const QString local =
        postgres
            ? QStringLiteral("(received_at::timestamptz AT TIME ZONE 'UTC' - CASE WHEN received_at >= ? AND "
                             "received_at < ? THEN interval '4 hours' ELSE interval '5 hours' END)")
            : QStringLiteral("datetime(received_at, CASE WHEN received_at >= ? AND received_at < ? THEN "
                             "'-4 hours' ELSE '-5 hours' END)");
    const QString month = postgres ? QStringLiteral("to_char(%1, 'YYYY-MM')").arg(local)
                                   : QStringLiteral("strftime('%Y-%m', %1)").arg(local);
    const QString hourOfWeek = postgres ? QStringLiteral("to_char(%1, 'ID-HH24')").arg(local)
                                        : QStringLiteral("strftime('%w-%H', %1)").arg(local);
    struct Query
    {
        const char* table;
        QString key;
        bool local;
    };
    const Query queries[] = {
        {"calls_by_program", QStringLiteral("COALESCE(program, '')"), false},
        {"calls_by_call_type", QStringLiteral("call_type"), false},
        {"calls_by_beat", QStringLiteral("COALESCE(beat, '')"), false},
        {"dispositions", QStringLiteral("COALESCE(disposition, '')"), false},
        {"calls_by_month", month, true},
        {"calls_by_hour_of_week", hourOfWeek, true},
    };
    Counts out;
    for (const Query& q : queries) {
        QSqlQuery query =
            db.prepare(QStringLiteral("SELECT %1 AS k, COUNT(*) FROM calls WHERE received_at >= ? "
                                      "AND received_at < ? GROUP BY k")
                           .arg(q.key));
        if (q.local) {
            query.addBindValue(dstFrom);
            query.addBindValue(dstTo);
        }
        query.addBindValue(store::toStoredTime(range.from));
        query.addBindValue(store::toStoredTime(range.to));
        if (db.exec(query, "bench sql"))
            return {};
        while (query.next())
            out[q.table][query.value(0).toString().toStdString()] += query.value(1).toLongLong();
    }
    return out;
}

// The same tables from the report, keyed as the SQL keys them.
Counts fromReport(const report::Report& r)
{
    Counts out;
    const auto column = [&](const report::CountTable& t, const char* id, auto key) {
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            if (t.rowTotal(i) > 0)
                out[id][key(t.rows[i])] += t.rowTotal(i);
        }
    };
    column(r.byProgram, "calls_by_program", [](std::string k) {
        std::replace(k.begin(), k.end(), '-', '_');
        return k == "none" ? std::string() : k;
    });
    column(r.byCallType, "calls_by_call_type", [](const std::string& k) { return k; });
    column(r.byBeat, "calls_by_beat",
           [](const std::string& k) { return k == "unknown" ? std::string() : k; });
    column(r.dispositions, "dispositions",
           [](const std::string& k) { return k == "none" ? std::string() : k; });
    column(r.byMonth, "calls_by_month", [](const std::string& k) { return k; });
    return out;
}

bool same(const Counts& sql, const Counts& fromReport, const char* engine)
{
    bool ok = true;
    for (const auto& [table, counts] : fromReport) {
        const auto it = sql.find(table);
        if (it == sql.end() || it->second != counts) {
            std::printf("  %s: %s differs between the report and the SQL\n", engine, table.c_str());
            ok = false;
        }
    }
    long long week = 0, calls = 0;
    if (const auto it = sql.find("calls_by_hour_of_week"); it != sql.end()) {
        for (const auto& entry : it->second)
            week += entry.second;
    }
    if (const auto it = fromReport.find("calls_by_month"); it != fromReport.end()) {
        for (const auto& entry : it->second)
            calls += entry.second;
    }
    if (week != calls) {
        std::printf("  %s: the hour-of-week profile does not add up to the calls\n", engine);
        ok = false;
    }
    return ok;
}

struct Ratio
{
    std::string engine;
    double report = 0, withoutEligibility = 0, cpu = 0;
};
std::vector<Ratio> g_ratios;

int measure(test::TestDatabase& fixture, const char* engine, int calls)
{
    store::Database& db = fixture.db();
    std::printf("\n%s, %d calls in 2025:\n", engine, calls);
    QElapsedTimer timer;
    timer.start();
    if (!fill(db, calls)) {
        std::printf("  filling failed\n");
        return 1;
    }
    std::printf("  filled in %.1f s\n", double(timer.elapsed()) / 1000.0);
    db.execDirect(db.spec().engine == store::Engine::Postgres ? QStringLiteral("VACUUM ANALYZE")
                                                              : QStringLiteral("ANALYZE"),
                  "analyze");

    g_backendPid = 0;
    if (db.spec().engine == store::Engine::Postgres) {
        // All of a query's work in the one server process measured (no
        // parallel workers, whose CPU time would go uncounted), for the
        // report and the SQL alike.
        db.execDirect(QStringLiteral("SET max_parallel_workers_per_gather = 0"), "no parallel workers");
        QSqlQuery pid = db.prepare(QStringLiteral("SELECT pg_backend_pid()"));
        if (!db.exec(pid, "backend pid") && pid.next())
            g_backendPid = pid.value(0).toInt();
    }
    const usecases::Context context{db, fixture.clock(), fixture.actorFor(Role::Supervisor)};
    usecases::ReportUseCases reports(context);
    const report::Period year2025 = report::yearPeriod(year{2025});
    store::StoreResult<usecases::PeriodReport> result = reports.report({year2025, std::nullopt}); // warm
    if (!result.ok()) {
        std::printf("  the report failed: %s\n", qPrintable(result.error().detail));
        return 1;
    }
    const roster::TimeZoneRule zone = result.value().zone;
    const double reportMs = timeMs(3, [&] { result = reports.report({year2025, std::nullopt}); });
    const double reportCpuMs = g_lastCpuMs;
    if (!result.ok())
        return 1;

    // Its parts: the aggregated read (the calls grouped in SQL), judging
    // the groups, computing both periods.
    auto routing = usecases::CallUseCases(context).routing();
    if (!routing.ok())
        return 1;
    const routing::Router router(std::move(routing.value().rules), routing.value().beats);
    const report::Period year2024 = report::previousPeriod(year2025);
    const report::UtcRange now = report::utcRange(year2025, zone);
    const report::UtcRange before = report::utcRange(year2024, zone);
    store::AggregatedRead plan;
    plan.from = before.from;
    plan.to = now.to;
    plan.split = now.from;
    const double planMs = timeMs(3, [&] {
        plan.slices = report::timeSlices(router.rules(), zone, before.from, now.to, now.from);
        plan.bucketMinutes = report::bucketMinutes(zone, before.from, now.to);
    });
    report::AggregatedRows aggregated;
    const double readMs = timeMs(3, [&] {
        auto read = store::ReportRowStore(db, fixture.clock())
                        .aggregatedRows(context.actor, plan, QStringLiteral("bench"));
        if (read.ok() && read.value())
            aggregated = std::move(*read.value());
    });
    const double judgeMs = timeMs(1, [&] { report::judgeEligibility(aggregated.calls, router); });
    const double computeMs = timeMs(3, [&] {
        (void)report::computeReport(aggregated, year2025, zone);
        (void)report::computeReport(aggregated, year2024, zone);
    });

    // One row per call (the report before issue 16's scale work, and the
    // definition the aggregated read must agree with, table by table).
    std::vector<report::CallRow> rows;
    QElapsedTimer perCall;
    perCall.start();
    auto read = store::ReportRowStore(db, fixture.clock())
                    .rows(context.actor, before.from, now.to, QStringLiteral("bench"), false);
    if (!read.ok())
        return 1;
    rows = std::move(read.value());
    report::judgeEligibility(rows, router);
    const report::Report perCallNow = report::computeReport(rows, year2025, zone);
    const report::Report perCallBefore = report::computeReport(rows, year2024, zone);
    const double perCallMs = double(perCall.nsecsElapsed()) / 1e6;
    const std::string differs = test::reportDifference(result.value().current, perCallNow) +
                                test::reportDifference(result.value().previous, perCallBefore);

    Counts sql;
    const double sqlMs = timeMs(3, [&] {
        sql = bySql(db, now, zone, 2025);
        (void)bySql(db, before, zone, 2024);
    });
    const double sqlCpuMs = g_lastCpuMs;
    const bool agree = same(sql, fromReport(result.value().current), engine) && differs.empty();
    std::printf("  report (ReportUseCases, 2025 with 2024): %8.0f ms\n", reportMs);
    std::printf("    time slices (rule sets, hours, DST):  %8.0f ms\n", planMs);
    std::printf("    read, aggregated in SQL:             %8.0f ms (%zu call groups, %zu hour buckets, "
                "%zu calls with details, %zu people rows; %zu time slices)\n",
                readMs, aggregated.calls.size(), aggregated.buckets.size(), aggregated.details.size(),
                aggregated.people.size(), plan.slices.size());
    std::printf("    judge eligibility (routing engine):  %8.0f ms\n", judgeMs);
    std::printf("    compute both periods:                %8.0f ms\n", computeMs);
    std::printf("  one row per call (%zu rows read, judged, computed): %.0f ms; its numbers and the "
                "report's: %s\n",
                rows.size(), perCallMs, differs.empty() ? "the same" : differs.c_str());
    std::printf("  hand-written SQL (6 GROUP BYs x 2 years): %5.0f ms\n", sqlMs);
    const double without = std::max(0.0, reportMs - judgeMs);
    std::printf("  ratio: %.2fx (without eligibility, which SQL cannot give: %.2fx); goal 1.5x\n",
                reportMs / sqlMs, without / sqlMs);
    std::printf("  CPU time (this process%s): report %.0f ms, SQL %.0f ms: %.2fx\n",
                g_backendPid ? " and its PostgreSQL server process" : "", reportCpuMs, sqlCpuMs,
                reportCpuMs / std::max(1.0, sqlCpuMs));
    std::printf("  the report's counts and the SQL's: %s\n", agree ? "the same" : "DIFFERENT");
    g_ratios.push_back({engine, reportMs / sqlMs, without / sqlMs, reportCpuMs / std::max(1.0, sqlCpuMs)});
    return agree ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::max(1000, QString::fromLocal8Bit(argv[1]).toInt()) : 500'000;
    int failed = 0;
    // BENCH_REPORT_ENGINE=postgresql (or sqlite): that engine alone.
    const QByteArray only = qgetenv("BENCH_REPORT_ENGINE");
    if (only.isEmpty() || only == "sqlite") {
        qputenv("HEARTDESK_TEST_ENGINE", "sqlite");
        test::TestDatabase fixture;
        if (const QString problem = fixture.setUp(); !problem.isEmpty()) {
            std::printf("bench_report, SQLite: %s\n", qPrintable(problem));
            return 1;
        }
        failed |= measure(fixture, "SQLite", calls);
    }
    if (only == "sqlite") {
    } else if (!qEnvironmentVariableIsEmpty("HEARTDESK_PG_TEST_URL") &&
               !qEnvironmentVariableIsEmpty("HEARTDESK_DB_PASSWORD")) {
        qputenv("HEARTDESK_TEST_ENGINE", "postgresql");
        test::TestDatabase fixture; // a database of its own, dropped at the end
        if (const QString problem = fixture.setUp(); !problem.isEmpty()) {
            std::printf("bench_report, PostgreSQL: %s\n", qPrintable(problem));
            return 1;
        }
        failed |= measure(fixture, "PostgreSQL", calls);
    } else {
        std::printf("\nPostgreSQL: not measured (set HEARTDESK_PG_TEST_URL and HEARTDESK_DB_PASSWORD)\n");
    }
    std::printf("\nThe year's report against hand-written SQL (goal: within 1.5x):\n");
    for (const Ratio& r : g_ratios)
        std::printf("  %s: %.2fx, without eligibility %.2fx %s; by CPU time %.2fx %s\n", r.engine.c_str(),
                    r.report, r.withoutEligibility, r.report <= 1.5 ? "(met)" : "(NOT met)", r.cpu,
                    r.cpu <= 1.5 ? "(met)" : "(NOT met)");
    return failed;
}
