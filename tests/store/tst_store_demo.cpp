// The demo database tells one consistent story, whatever the seed and the
// hour it is made at (a weekday morning, a weekend night, either side of a
// DST change): every call's steps in order (received <= triaged <= decided <=
// dispatched <= closed, none in the future) and read back by IntakeStore as
// the queue lists it; every unit's status events in order and after its
// call's decision; a unit dispatched, en route or on scene is on exactly one
// live call that is marked dispatched with that unit, and every call marked
// dispatched has that unit on it; the crews of the units are on shift in the
// roster today; follow-up contacts come after their calls. A failure names
// the row.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/DemoScenario.h"
#include "core/roster/TimeZoneRule.h"
#include "core/triage/Cssrs.h"
#include "demo/DemoDataWriter.h"
#include "store/AuditTrail.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
#include "store/IntakeStore.h"
#include "store/RosterStore.h"
#include "store/StoreTime.h"
#include "usecases/ReportUseCases.h"

#include <QElapsedTimer>
#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

QDateTime timeOf(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromStoredTime(value.toString());
}

} // namespace

class TestStoreDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }
    void consistentStory_data();
    void consistentStory();
    void failureHalfWayLeavesNothing_data();
    void failureHalfWayLeavesNothing();
    void thirteenMonthsOfCalls();

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStoreDemo::consistentStory_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("nowSeconds");
    QTest::newRow("weekday morning") << quint64(20220627) << qint64(1772463600); // Mon 2026-03-02 10:00 EST
    QTest::newRow("weekend night") << quint64(7) << qint64(1772872200);          // Sat 2026-03-07 03:30 EST
    QTest::newRow("spring forward") << quint64(42) << qint64(1772955000);        // Sun 2026-03-08 03:30 EDT
    QTest::newRow("fall back") << quint64(20220627) << qint64(1793514600);       // Sun 2026-11-01 01:30 EST
    QTest::newRow("weekday late evening") << quint64(7) << qint64(1772685000);   // Wed 2026-03-04 23:30 EST
    QTest::newRow("Thursday afternoon") << quint64(3) << qint64(1796329200);     // Thu 2026-12-03 15:20 EST
}

void TestStoreDemo::consistentStory()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, nowSeconds);
    const TimePoint now{std::chrono::seconds{nowSeconds}};
    m_fixture->clock().set(now);
    DemoOptions options;
    options.seed = seed;
    options.end = now;
    options.days = 7; // a week is enough for every kind of row, and quick
    options.historyMonths = 0;
    const DemoScenario scenario = makeDemoScenario(options);
    HEARTDESK_VERIFY_OK(
        DemoDataWriter(m_fixture->db(), m_fixture->clock()).write(scenario, TestDatabase::workstation()));
    const QDateTime nowUtc = toDateTime(now);

    // Calls: every step in order and none after now; what the queue lists is what a read gives.
    auto counselor = m_fixture->accounts().signIn(
        QStringLiteral("counselor"), QStringLiteral("counselor-demo"), TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(counselor);
    auto calls = m_fixture->sql(QStringLiteral(
        "SELECT id, cad_number, received_at, triaged_at, decided_at, dispatched_at, closed_at, status, "
        "assigned_unit, disposition, cssrs, risk_level FROM calls ORDER BY received_at"));
    QVERIFY(calls.ok);
    QCOMPARE(calls.rows.size(), qsizetype(scenario.calls.size()));
    QMap<QString, QString> cadOf, statusOf, unitOf;
    QMap<QString, QDateTime> receivedOf, decidedOf, dispatchedOf;
    for (const QVariantList& row : calls.rows) {
        const QString cad = row[1].toString();
        cadOf[row[0].toString()] = cad;
        statusOf[row[0].toString()] = row[7].toString();
        unitOf[row[0].toString()] = row[8].toString();
        receivedOf[row[0].toString()] = timeOf(row[2]);
        decidedOf[row[0].toString()] = timeOf(row[4]);
        dispatchedOf[row[0].toString()] = timeOf(row[5]);
        const char* names[] = {"received", "triaged", "decided", "dispatched", "closed"};
        QDateTime previous;
        QString previousName;
        for (int step = 0; step < 5; ++step) {
            const QDateTime at = timeOf(row[2 + step]);
            if (!at.isValid())
                continue;
            QVERIFY2(
                !previous.isValid() || previous <= at,
                qPrintable(
                    QStringLiteral("%1: %2 before %3").arg(cad, QLatin1String(names[step]), previousName)));
            QVERIFY2(at <= nowUtc,
                     qPrintable(QStringLiteral("%1: %2 in the future").arg(cad, QLatin1String(names[step]))));
            previous = at;
            previousName = QLatin1String(names[step]);
        }
        QVERIFY2(timeOf(row[6]).isValid() == (row[7].toString() == QLatin1String("closed")),
                 qPrintable(cad + QStringLiteral(": close time and status disagree")));
        const bool sends = row[9].toString() == QLatin1String("crt_dispatch") ||
                           row[9].toString() == QLatin1String("cor_dispatch");
        QVERIFY2(timeOf(row[5]).isValid() == sends, qPrintable(cad + QStringLiteral(": dispatch time")));
        QVERIFY2(row[8].toString().isEmpty() != sends, qPrintable(cad + QStringLiteral(": assigned unit")));
        auto answers = triage::decodeCssrs(row[10].toString().toStdString());
        QVERIFY2(answers.ok(), qPrintable(cad + QStringLiteral(": C-SSRS answers")));
        QCOMPARE(QString::fromLatin1(routing::riskCode(triage::assessCssrs(answers.value()).risk).data()),
                 row[11].toString());
    }
    auto queue = CallStore(m_fixture->db(), m_fixture->clock()).activeCalls(counselor.value());
    HEARTDESK_VERIFY_RESULT(queue);
    QVERIFY(!queue.value().isEmpty());
    for (const CallSummary& row : queue.value()) {
        auto read = IntakeStore(m_fixture->db(), m_fixture->clock()).open(counselor.value(), row.id);
        HEARTDESK_VERIFY_RESULT(read);
        const CallRecord& call = read.value();
        QCOMPARE(call.callType, row.callType);
        QCOMPARE(call.riskLevel, row.riskLevel);
        QCOMPARE(call.status, row.status);
        QCOMPARE(call.program, row.program);
        QCOMPARE(call.disposition, row.disposition);
        QCOMPARE(call.beat, row.beat);
        QCOMPARE(call.address, row.address);
        QVERIFY2(!call.recommended.isEmpty() && !call.ruleSetId.isEmpty(), qPrintable(row.cadNumber));
    }

    // Units: events in order, after the call's decision; busy units on exactly one dispatched call.
    auto events = m_fixture->sql(QStringLiteral("SELECT u.code, e.status, e.at_utc, e.call_id FROM "
                                                "unit_status_events e JOIN units u ON u.id = e.unit_id "
                                                "ORDER BY u.code, e.seq"));
    QVERIFY(events.ok);
    QMap<QString, QDateTime> lastEvent;
    for (const QVariantList& row : events.rows) {
        const QString unit = row[0].toString();
        const QDateTime at = timeOf(row[2]);
        const QString what =
            QStringLiteral("%1 %2 at %3").arg(unit, row[1].toString(), at.toString(Qt::ISODate));
        QVERIFY2(!lastEvent.contains(unit) || lastEvent[unit] <= at,
                 qPrintable(what + QStringLiteral(": before the unit's previous event")));
        QVERIFY2(at <= nowUtc, qPrintable(what + QStringLiteral(": in the future")));
        lastEvent[unit] = at;
        const QString callId = row[3].toString();
        if (callId.isEmpty())
            continue;
        QVERIFY2(receivedOf[callId] <= at,
                 qPrintable(what + QStringLiteral(": before call %1 was received").arg(cadOf[callId])));
        QVERIFY2(decidedOf[callId].isValid() && decidedOf[callId] <= at,
                 qPrintable(what + QStringLiteral(": before call %1 was decided").arg(cadOf[callId])));
        if (row[1].toString() == QLatin1String("dispatched"))
            QVERIFY2(dispatchedOf[callId] == at,
                     qPrintable(what + QStringLiteral(": not when call %1 says").arg(cadOf[callId])));
        else
            QVERIFY2(dispatchedOf[callId] <= at,
                     qPrintable(what + QStringLiteral(": before call %1 was dispatched").arg(cadOf[callId])));
    }
    auto units = m_fixture->sql(QStringLiteral("SELECT id, code, status, call_id FROM units ORDER BY code"));
    QVERIFY(units.ok);
    QCOMPARE(units.rows.size(), qsizetype(4));
    QMap<QString, QString> unitOnCall;
    for (const QVariantList& row : units.rows) {
        const QString code = row[1].toString();
        const QString status = row[2].toString();
        const QString callId = row[3].toString();
        const bool busy = status == QLatin1String("dispatched") || status == QLatin1String("en_route") ||
                          status == QLatin1String("on_scene");
        QVERIFY2(busy == !callId.isEmpty(), qPrintable(code + QStringLiteral(" is ") + status));
        if (!busy)
            continue;
        QVERIFY2(!unitOnCall.contains(callId),
                 qPrintable(code + QStringLiteral(" shares call ") + cadOf[callId]));
        unitOnCall[callId] = code;
        QVERIFY2(statusOf[callId] == QLatin1String("dispatched"),
                 qPrintable(QStringLiteral("%1 is %2 on call %3, which is %4")
                                .arg(code, status, cadOf[callId], statusOf[callId])));
        QVERIFY2(
            unitOf[callId] == code,
            qPrintable(
                QStringLiteral("%1 is on call %2, which names %3").arg(code, cadOf[callId], unitOf[callId])));
    }
    for (auto it = statusOf.cbegin(); it != statusOf.cend(); ++it) {
        if (it.value() == QLatin1String("dispatched"))
            QVERIFY2(unitOnCall.value(it.key()) == unitOf[it.key()],
                     qPrintable(QStringLiteral("call %1 says %2 is on it, which is not")
                                    .arg(cadOf[it.key()], unitOf[it.key()])));
    }
    QCOMPARE(unitOnCall.size(), qsizetype(2)); // CRT-1 on scene, COR-1 en route

    // Crews on shift in the roster today.
    auto supervisor = m_fixture->accounts().signIn(
        QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"), TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(supervisor);
    auto cycle = RosterStore(m_fixture->db(), m_fixture->clock()).currentCycle(supervisor.value());
    HEARTDESK_VERIFY_RESULT(cycle);
    const roster::Schedule& schedule = cycle.value().schedule;
    using namespace std::chrono;
    const sys_days today{roster::TimeZoneRule::newYork().toLocal(now).date};
    const long dayIndex = long((today - sys_days{schedule.start}).count());
    QVERIFY(dayIndex >= 0);
    const auto day = std::size_t(dayIndex % schedule.dayCount());
    auto crews = m_fixture->sql(QStringLiteral(
        "SELECT u.code, m.staff_id FROM unit_members m JOIN units u ON u.id = m.unit_id ORDER BY u.code"));
    QVERIFY(crews.ok);
    QStringList crewed;
    for (const QVariantList& row : crews.rows) {
        const std::string staffId = row[1].toString().toStdString();
        bool found = false;
        for (std::size_t i = 0; i < schedule.staff.size(); ++i) {
            if (schedule.staff[i].id != staffId)
                continue;
            found = true;
            QVERIFY2(schedule.duties[i][day].kind == roster::DutyKind::Shift,
                     qPrintable(QStringLiteral("%1's %2 is not on shift today")
                                    .arg(row[0].toString(), toQString(schedule.staff[i].name))));
        }
        QVERIFY(found);
        crewed << row[0].toString();
    }
    QVERIFY2(crewed.count(QStringLiteral("CRT-1")) == 3 && crewed.count(QStringLiteral("CRT-2")) == 2 &&
                 crewed.count(QStringLiteral("COR-1")) == 1,
             qPrintable(crewed.join(u' ')));

    // Follow-up contacts after their calls.
    auto tasks = m_fixture->sql(QStringLiteral("SELECT t.id, t.contact_at, c.received_at, c.cad_number FROM "
                                               "followup_tasks t JOIN calls c ON c.id = t.call_id"));
    QVERIFY(tasks.ok);
    QVERIFY(!tasks.rows.isEmpty());
    for (const QVariantList& row : tasks.rows)
        QVERIFY2(
            timeOf(row[2]) <= timeOf(row[1]) && timeOf(row[1]) <= nowUtc,
            qPrintable(QStringLiteral("follow-up %1: contact %2, call %3 received %4")
                           .arg(row[0].toString(), row[1].toString(), row[3].toString(), row[2].toString())));
}

void TestStoreDemo::failureHalfWayLeavesNothing_data()
{
    QTest::addColumn<QString>("step");
    // Late steps: by then accounts, calls, roster and audit rows were written.
    QTest::newRow("signing the demo's notes") << QStringLiteral("store signature hash");
    QTest::newRow("completing a call") << QStringLiteral("complete a demo call");
}

void TestStoreDemo::failureHalfWayLeavesNothing()
{
    // issue 19: a demo cut short (the server restarted) left a half-written
    // database that a second run refused. Now it is all or nothing.
    QFETCH(QString, step);
    const TimePoint now{std::chrono::seconds{1772463600}};
    m_fixture->clock().set(now);
    DemoOptions options;
    options.seed = 5;
    options.end = now;
    options.days = 3;
    options.historyMonths = 0;
    const DemoScenario scenario = makeDemoScenario(options);
    m_fixture->db().injectFault(step);
    QTest::ignoreMessage(QtWarningMsg, qPrintable(step + QStringLiteral(" failed: injected fault")));
    const StoreError error =
        DemoDataWriter(m_fixture->db(), m_fixture->clock()).write(scenario, TestDatabase::workstation());
    QVERIFY2(error, "the injected fault did not stop the demo");
    QVERIFY2(error.detail.contains(step), qPrintable(error.detail));
    for (const char* table : {"users", "calls", "people", "audit_log", "staff", "units", "change_journal"}) {
        const auto count =
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        QVERIFY2(count.ok, qPrintable(count.error));
        QVERIFY2(count.rows.value(0).value(0).toInt() == 0,
                 qPrintable(QStringLiteral("%1 rows left in %2")
                                .arg(count.rows.value(0).value(0).toInt())
                                .arg(QLatin1String(table))));
    }
    // And the demo simply runs again.
    HEARTDESK_VERIFY_OK(
        DemoDataWriter(m_fixture->db(), m_fixture->clock()).write(scenario, TestDatabase::workstation()));
    QVERIFY(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.value(0).value(0).toInt() > 0);
}

void TestStoreDemo::thirteenMonthsOfCalls()
{
    // issue 16: the demo as `heartdesk-cli demo` writes it has calls from the
    // first of the month thirteen months back, so a year's report and the
    // month before it have a trend: every month has calls, summer more than winter.
    const TimePoint now{std::chrono::seconds{1796329200}}; // Thu 2026-12-03 15:20 EST
    m_fixture->clock().set(now);
    DemoOptions options;
    options.end = now;
    QCOMPARE(options.historyMonths, 13); // the default
    QElapsedTimer timer;
    timer.start();
    const DemoScenario scenario = makeDemoScenario(options);
    HEARTDESK_VERIFY_OK(
        DemoDataWriter(m_fixture->db(), m_fixture->clock()).write(scenario, TestDatabase::workstation()));
    qInfo("demo of %zu calls written in %lld ms", scenario.calls.size(), qlonglong(timer.elapsed()));

    auto calls = m_fixture->sql(QStringLiteral("SELECT received_at FROM calls"));
    QVERIFY(calls.ok);
    QCOMPARE(calls.rows.size(), qsizetype(scenario.calls.size()));
    QMap<QString, int> perMonth; // local "2026-07" -> calls
    const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    for (const QVariantList& row : calls.rows) {
        const QDateTime at = timeOf(row[0]);
        const auto local = zone.toLocal(TimePoint{std::chrono::milliseconds{at.toMSecsSinceEpoch()}});
        const std::chrono::year_month_day date{local.date};
        perMonth
            [QStringLiteral("%1-%2").arg(int(date.year())).arg(unsigned(date.month()), 2, 10, QChar(u'0'))] +=
            1;
    }
    QCOMPARE(perMonth.firstKey(), QStringLiteral("2025-11"));
    QCOMPARE(perMonth.lastKey(), QStringLiteral("2026-12"));
    QCOMPARE(perMonth.size(), 14); // 2025-11 .. 2026-12, none missing
    for (auto it = perMonth.cbegin(); it != perMonth.cend(); ++it)
        QVERIFY2(it.value() > 100 || it.key() == QStringLiteral("2026-12"),
                 qPrintable(QStringLiteral("%1: %2 calls").arg(it.key()).arg(it.value())));
    // The seasons: July busier than January by a good margin.
    QVERIFY2(perMonth.value(QStringLiteral("2026-07")) > 1.2 * perMonth.value(QStringLiteral("2026-01")),
             qPrintable(QStringLiteral("July %1, January %2")
                            .arg(perMonth.value(QStringLiteral("2026-07")))
                            .arg(perMonth.value(QStringLiteral("2026-01")))));

    // Past months have the CRT's times and the follow-ups, so the report's
    // trends show numbers for them (not "–"): every month from 2025-11 to
    // 2026-10, with and against the month before.
    auto supervisor = m_fixture->accounts().signIn(
        QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"), TestDatabase::workstation());
    HEARTDESK_VERIFY_RESULT(supervisor);
    usecases::ReportUseCases reports({m_fixture->db(), m_fixture->clock(), supervisor.value()});
    using namespace std::chrono;
    for (const auto month : {2025y / December, 2026y / March, 2026y / July, 2026y / October}) {
        auto read = reports.report({report::monthPeriod(month), std::nullopt});
        HEARTDESK_VERIFY_RESULT(read);
        const QString name = QString::fromStdString(report::periodLabel(report::monthPeriod(month)));
        for (const report::Report* r : {&read.value().current, &read.value().previous}) {
            const report::DurationStats& crt = r->dispatchToArrival[0];
            QVERIFY2(crt.median && crt.count > 10,
                     qPrintable(QStringLiteral("%1: %2 CRT calls timed").arg(name).arg(crt.count)));
            // 10 to 24 minutes on the road.
            QVERIFY2(*crt.median >= 600 && *crt.median <= 24 * 60, qPrintable(name));
            const auto within = r->followUpWithin48hShare();
            QVERIFY2(within && *within > 0.4 && *within < 0.9,
                     qPrintable(QStringLiteral("%1: %2 within 48 h").arg(name).arg(within.value_or(-1))));
        }
        // Some late, some never reached.
        const report::CountTable& tasks = read.value().current.followUps;
        for (const char* column : {"after_48h", "not_reached"})
            QVERIFY2(tasks.columnTotal(std::size_t(tasks.columnIndex(column))) > 0, column);
    }
    // Thousands of audit rows written a batch a statement: the chain holds.
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(!verified.value().firstBreak);
    QVERIFY(verified.value().rowsChecked > qint64(scenario.calls.size()));
}

HEART_TEST_GUILESS_MAIN(TestStoreDemo)
#include "tst_store_demo.moc"
