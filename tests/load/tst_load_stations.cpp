// 50 workstations on one PostgreSQL server, each with its own connection and
// its own change feed in its own thread, work a shift through the use cases
// (tests/load/LoadHarness.h): counselors take and dispatch calls, team leads
// move their units and write notes, navigators work follow-ups, supervisors
// read the dashboard, and pairs of stations save the same record from the
// same read version at the same moment. Afterwards:
//   - every collision had exactly one winner and one Conflict, and the
//     conflicts detected equal the collisions attempted;
//   - no update was lost: each station's own log of successful saves,
//     replayed against the final rows, matches (the last save's version and
//     value is the row's), every save made version n + 1 from the version n
//     it read (never over a change it did not see), no version of a record
//     was saved twice, and the journal holds exactly the saves the stations
//     saw succeed;
//   - the audit chain verifies and the journal is gapless (1..N, once each);
//   - every feed delivered every change in order, once, and its last version
//     per record is the database's;
//   - the notification delay from a commit to each other station's feed
//     (p50, p99; goal p99 <= 1 s, failing only beyond 5 s, since a loaded CI
//     machine is noisy) and the save latency as a ratio to a bare one-row
//     INSERT measured on the same connections in the same run are printed.
// HEARTDESK_LOAD_SECONDS sets the shift's length (default 25),
// HEARTDESK_LOAD_THINK_MS each station's pause between operations (150).
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "load/LoadHarness.h"

#include <QTest>
#include <cstdio>

using namespace heart;
using namespace heart::load;

class TestLoadStations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("HEARTDESK_PG_TEST_URL") ||
            qEnvironmentVariableIsEmpty("HEARTDESK_DB_PASSWORD"))
            HEART_SKIP_MISSING_TOOL("the load test needs PostgreSQL: HEARTDESK_PG_TEST_URL and "
                                    "HEARTDESK_DB_PASSWORD (scripts/test and scripts/load-test set them)");
        qputenv("HEARTDESK_TEST_ENGINE", "postgresql");
    }

    void fiftyStationsWorkAShift()
    {
        const int seconds = qEnvironmentVariableIsSet("HEARTDESK_LOAD_SECONDS")
                                ? qEnvironmentVariableIntValue("HEARTDESK_LOAD_SECONDS")
                                : 25;
        const int think = qEnvironmentVariableIsSet("HEARTDESK_LOAD_THINK_MS")
                              ? qEnvironmentVariableIntValue("HEARTDESK_LOAD_THINK_MS")
                              : 150;
        QVERIFY2(seconds > 0, "HEARTDESK_LOAD_SECONDS must be a number of seconds");

        std::unique_ptr<test::TestDatabase> fixture;
        HEARTDESK_FRESH_DATABASE(fixture);
        Layout layout;
        layout.counselors = 25;
        layout.counselorsWithUnit = 10;
        layout.teamLeads = 10;
        layout.navigators = 12;
        layout.supervisors = 3;
        const Shift shift = seedShift(*fixture, layout);
        QVERIFY2(shift.problem.isEmpty(), qPrintable(shift.problem));
        QCOMPARE(int(shift.plans.size()), 50);

        ShiftOptions options;
        options.duration = std::chrono::seconds(seconds);
        options.thinkMs = think;
        QStringList problems;
        const std::vector<StationReport> reports = runShift(*fixture, shift, options, &problems);
        const Analysis a = analyse(*fixture, shift, reports, true);

        std::printf("\n50-station load test, %d s, %d ms think time, %zu collision pairs:\n%s\n\n", seconds,
                    think, shift.pairs.size(), qPrintable(describe(a)));
        std::fflush(stdout);
        const QString details = (problems + a.details).join(QStringLiteral("\n  "));
        QVERIFY2(problems.isEmpty(), qPrintable(details));
        QVERIFY2(a.details.isEmpty(), qPrintable(details));
        QVERIFY(a.changesCommitted > 0);
        QVERIFY(a.collisionsAttempted > 0);
        QCOMPARE(a.conflictsDetected, a.collisionsAttempted);
        QCOMPARE(a.collisionRoundsNotOneWinner, 0);
        QCOMPARE(a.lostUpdates, 0);
        QCOMPARE(a.loggedNotInJournal, 0);
        QCOMPARE(a.journalRowsNotLogged, 0);
        QVERIFY(a.auditValid);
        QVERIFY(a.journalGapless);
        QCOMPARE(a.feedsBehind, 0);
        QCOMPARE(a.viewsDiffering, 0);
        QVERIFY(a.delaySamples > 0);
        QVERIFY2(a.delayP99Ms <= 5000,
                 qPrintable(QStringLiteral("notification delay p99 %1 ms (goal 1000 ms)").arg(a.delayP99Ms)));
    }
};

HEART_TEST_GUILESS_MAIN(TestLoadStations)
#include "tst_load_stations.moc"
