// The supervisor's report against a small fixture whose every number was
// worked out by hand (the comments say how): calls by program, call type,
// beat, hour of week and month; eligibility by the routing engine with the
// missed calls by reason; diversions; response times (median and 90th
// percentile); on scene; referrals; follow-ups; repeat contacts; periods in
// local time; drill-down; trends.
#include "common/ReportFixture.h"
#include "core/report/Metrics.h"
#include "core/report/Period.h"
#include "core/report/ReportRows.h"
#include "core/routing/RuleSetJson.h"

#include <QTest>

using namespace heart;
using namespace heart::report;
using namespace std::chrono;
using routing::Disposition;
using routing::Program;

namespace {

// The hand-computed fixture (tests/common/ReportFixture.cpp says each call;
// the tests below work every number out).
namespace fixture_ = test::reportfixture;
using fixture_::call;
using fixture_::kRules;
const roster::TimeZoneRule& kZone = fixture_::zone();

std::vector<CallRow> fixture()
{
    return fixture_::calls();
}

routing::Router testRouter()
{
    auto set = routing::parseRuleSet(kRules, "test-2026.json");
    if (!set)
        qFatal("rules: %s", set.error().toString().c_str());
    routing::RuleBook book;
    if (!book.add(set.value()))
        qFatal("cannot add the rules");
    return routing::Router(book);
}

std::vector<std::string> ids(std::initializer_list<const char*> list)
{
    return {list.begin(), list.end()};
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    std::vector<CallRow> m_rows;
    Period m_october = monthPeriod(year{2026} / October);

private Q_SLOTS:
    void initTestCase()
    {
        m_rows = fixture();
        judgeEligibility(m_rows, testRouter());
    }

    void periods()
    {
        QCOMPARE(periodLabel(m_october), std::string("2026-10"));
        QCOMPARE(periodLabel(previousPeriod(m_october)), std::string("2026-09"));
        QCOMPARE(periodLabel(previousPeriod(monthPeriod(year{2026} / January))), std::string("2025-12"));
        QCOMPARE(periodLabel(previousPeriod(quarterPeriod(year{2026}, 1))), std::string("2025-Q4"));
        QCOMPARE(periodLabel(previousPeriod(yearPeriod(year{2026}))), std::string("2025"));
        // Custom: the same number of days just before.
        const Period custom = customPeriod(2026y / October / 10, 2026y / October / 16).value();
        QCOMPARE(periodLabel(previousPeriod(custom)), std::string("2026-10-03..2026-10-09"));
        QVERIFY(!customPeriod(2026y / October / 10, 2026y / October / 9).ok());
        for (const char* text : {"2026-10", "2026-Q4", "2026", "2026-10-10..2026-10-16"})
            QCOMPARE(periodLabel(parsePeriod(text).value()), std::string(text));
        for (const char* text : {"2026-13", "2026-Q5", "26", "2026-10-10..2026-10", "October", ""})
            QVERIFY2(!parsePeriod(text).ok(), text);
        // Local midnight to local midnight: October 2026 starts at 04:00 UTC
        // (EDT); 1 November is the fall-back day, but its midnight is still
        // EDT, so it ends at 04:00 UTC too.
        const UtcRange range = utcRange(m_october, kZone);
        QCOMPARE(range.from, sys_days{2026y / October / 1} + hours{4});
        QCOMPARE(range.to, sys_days{2026y / November / 1} + hours{4});
        // December: EST both ends, 31 * 24 hours; March 2026 loses an hour.
        const UtcRange march = utcRange(monthPeriod(year{2026} / March), kZone);
        QCOMPARE(duration_cast<hours>(march.to - march.from).count(), 31 * 24 - 1);
    }

    void callsByProgramTypeBeat()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        QCOMPARE(r.calls, std::size_t(11));                   // c1..c10 and c12
        QCOMPARE(r.byProgram.at("crt", "calls"), 3LL);        // c1 c2 c9
        QCOMPARE(r.byProgram.at("ccd", "calls"), 4LL);        // c3 c4 c10, c7 declined
        QCOMPARE(r.byProgram.at("cor", "calls"), 1LL);        // c5
        QCOMPARE(r.byProgram.at("police-ems", "calls"), 3LL); // c6 c8 c12
        QCOMPARE(r.byProgram.total(), 11LL);
        QCOMPARE(r.byCallType.at("welfare-check", "calls"), 6LL);
        QCOMPARE(r.byCallType.at("mental-health-crisis", "calls"), 3LL);
        QCOMPARE(r.byCallType.at("assault", "calls"), 2LL);
        QCOMPARE(r.byBeat.at("311", "calls"), 6LL);
        QCOMPARE(r.byBeat.at("312", "calls"), 3LL);
        QCOMPARE(r.byBeat.at("999", "calls"), 1LL);
        QCOMPARE(r.byBeat.at("unknown", "calls"), 1LL);
        QCOMPARE(r.byMonth.rows, std::vector<std::string>{"2026-10"});
        QCOMPARE(r.byMonth.at("2026-10", "calls"), 11LL);
    }

    void hourOfWeekInLocalTime()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        QCOMPARE(r.byHourOfWeek.rows.size(), std::size_t(7));
        QCOMPARE(r.byHourOfWeek.columns.size(), std::size_t(24));
        QCOMPARE(r.byHourOfWeek.at("mon", "10"), 1LL); // c1
        QCOMPARE(r.byHourOfWeek.at("mon", "14"), 1LL); // c2
        QCOMPARE(r.byHourOfWeek.at("mon", "09"), 1LL); // c8
        QCOMPARE(r.byHourOfWeek.at("tue", "22"), 1LL); // c3
        QCOMPARE(r.byHourOfWeek.at("tue", "10"), 1LL); // c9
        QCOMPARE(r.byHourOfWeek.at("wed", "12"), 1LL); // c4
        QCOMPARE(r.byHourOfWeek.at("sat", "23"), 1LL); // c12, 03:30 UTC on Sunday
        QCOMPARE(r.byHourOfWeek.at("sun", "03"), 0LL);
        QCOMPARE(r.byHourOfWeek.total(), 11LL);
    }

    void eligibilityAndMissedCalls()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        // CCD: welfare checks and crises anywhere, always: c1-c7, c9, c10 = 9;
        // answered by phone: c3 c4 c10.
        QCOMPARE(r.eligibility.at("ccd", "answered"), 3LL);
        QCOMPARE(r.eligibility.at("ccd", "missed"), 6LL);
        QCOMPARE(r.missedByReason.at("ccd", "other_program"), 4LL);   // c1 c2 c9 CRT, c5 Co-Response
        QCOMPARE(r.missedByReason.at("ccd", "police_ems_took"), 1LL); // c6
        QCOMPARE(r.missedByReason.at("ccd", "declined"), 1LL);        // c7
        QCOMPARE(r.missedByReason.at("ccd", "no_unit_available"), 0LL);
        // CRT: the same kinds of call without a weapon (c5 is not its call) = 8;
        // answered c1 c2 c9; missed c3 hours, c4 area, c6 no unit, c7 declined, c10 location.
        QCOMPARE(r.eligibility.at("crt", "answered"), 3LL);
        QCOMPARE(r.eligibility.at("crt", "missed"), 5LL);
        QCOMPARE(r.missedByReason.at("crt", "outside_hours"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "outside_service_area"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "no_unit_available"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "declined"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "location_unknown"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "police_ems_took"), 0LL);
        // Co-Response: c5 only, answered.
        QCOMPARE(r.eligibility.at("cor", "answered"), 1LL);
        QCOMPARE(r.eligibility.at("cor", "missed"), 0LL);
        QCOMPARE(*r.shareAnswered(Program::CrisisCallDiversion), 3.0 / 9.0);
        QCOMPARE(*r.shareAnswered(Program::CommunityResponse), 3.0 / 8.0);
        QCOMPARE(*r.shareAnswered(Program::CoResponse), 1.0);
        // Where CRT misses: 311 c3, 312 c6 c7, 999 c4, unknown c10.
        QCOMPARE(r.missedByBeat.at("311", "crt"), 1LL);
        QCOMPARE(r.missedByBeat.at("312", "crt"), 2LL);
        QCOMPARE(r.missedByBeat.at("999", "crt"), 1LL);
        QCOMPARE(r.missedByBeat.at("unknown", "crt"), 1LL);
        QCOMPARE(r.missedByBeat.at("311", "ccd"), 3LL); // c1 c5 c9
    }

    void diversionsAndDispositions()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        QCOMPARE(r.diversions.at("diverted", "calls"), 2LL);        // c3 c10
        QCOMPARE(r.diversions.at("transferred_988", "calls"), 1LL); // c4
        QCOMPARE(r.dispositions.at("crt_dispatch", "calls"), 3LL);
        QCOMPARE(r.dispositions.at("police_ems", "calls"), 3LL);
        QCOMPARE(r.dispositions.at("declined", "calls"), 1LL);
        QCOMPARE(r.dispositions.at("none", "calls"), 0LL);
    }

    void responseTimes()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        // CRT dispatch to arrival 600, 720, 1200: median 720; 90th: rank
        // (3 - 1) * 0.9 = 1.8, 720 + 0.8 * (1200 - 720) = 1104.
        QCOMPARE(r.dispatchToArrival[0].count, std::size_t(3));
        QCOMPARE(*r.dispatchToArrival[0].median, 720.0);
        QCOMPARE(*r.dispatchToArrival[0].p90, 1104.0);
        // On scene 1200, 2400, 3600: median 2400, 90th 2400 + 0.8 * 1200 = 3360.
        QCOMPARE(*r.onSceneTime[0].median, 2400.0);
        QCOMPARE(*r.onSceneTime[0].p90, 3360.0);
        // Co-Response: one call, 1800 s both.
        QCOMPARE(*r.dispatchToArrival[1].median, 1800.0);
        QCOMPARE(*r.dispatchToArrival[1].p90, 1800.0);
        QCOMPARE(r.responseTimes.at("crt", "dispatch_to_arrival"), 3LL);
        // Percentiles on their own: 1..10, the 90th at rank 8.1 -> 9.1.
        QCOMPARE(*percentile({10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.9), 9.1);
        QCOMPARE(*percentile({4, 1, 3, 2}, 0.5), 2.5);
        QVERIFY(!percentile({}, 0.5));
    }

    void onSceneReferralsFollowUps()
    {
        const Report r = computeReport(m_rows, m_october, kZone);
        QCOMPARE(r.feltSafe.at("yes", "crt"), 3LL);
        QCOMPARE(r.feltSafe.at("no", "cor"), 1LL);
        QCOMPARE(*r.feltSafeShare(), 0.75);
        QCOMPARE(r.policeRequested(), 1LL); // c5
        QCOMPARE(r.emsRequested(), 0LL);
        QCOMPARE(r.encounterOutcomes.at("resolved_on_scene", "crt"), 1LL);
        QCOMPARE(r.encounterOutcomes.at("transported", "crt"), 1LL);
        QCOMPARE(r.referrals.at("clinic", "referrals"), 1LL);
        QCOMPARE(r.referrals.at("shelter", "referrals"), 1LL);
        QCOMPARE(r.referrals.total(), 2LL);
        QCOMPARE(r.followUps.at("follow_up", "within_48h"), 1LL); // c1, 20 h
        QCOMPARE(r.followUps.at("follow_up", "after_48h"), 1LL);  // c2, 60 h
        QCOMPARE(r.followUps.at("check_in", "not_reached"), 1LL); // c3
        QCOMPARE(*r.followUpWithin48hShare(), 1.0 / 3.0);
        QCOMPARE(r.followUpOutcomes.at("follow_up", "connected"), 2LL);
        QCOMPARE(r.followUpOutcomes.at("check_in", "unable_to_reach"), 1LL);
        // p1: c1-c5 = 5 calls; p2: c6-c9 = 4.
        QCOMPARE(r.repeatPeople.total(), 1LL);
    }

    void programFilter()
    {
        ReportOptions crt;
        crt.program = Program::CommunityResponse;
        const Report r = computeReport(m_rows, m_october, kZone, crt);
        QCOMPARE(r.calls, std::size_t(3));
        QCOMPARE(r.byBeat.at("311", "calls"), 2LL);
        QCOMPARE(r.byBeat.at("312", "calls"), 1LL);
        QCOMPARE(r.eligibility.rows, std::vector<std::string>{"crt"});
        QCOMPARE(r.eligibility.at("crt", "missed"), 5LL); // still every call of the period
        QCOMPARE(r.repeatPeople.total(), 0LL);            // p1 has two CRT calls
        QCOMPARE(r.diversions.total(), 0LL);
    }

    void drillDownAgreesWithTheNumbers()
    {
        const ReportOptions all;
        QCOMPARE(callsBehind(m_rows, m_october, kZone, all, "eligibility", "crt", "missed"),
                 ids({"c10", "c3", "c4", "c6", "c7"}));
        QCOMPARE(callsBehind(m_rows, m_october, kZone, all, "missed_by_reason", "crt", "no_unit_available"),
                 ids({"c6"}));
        QCOMPARE(callsBehind(m_rows, m_october, kZone, all, "calls_by_beat", "999", "calls"), ids({"c4"}));
        QCOMPARE(callsBehind(m_rows, m_october, kZone, all, "calls_by_hour_of_week", "sat", "23"),
                 ids({"c12"}));
        QCOMPARE(callsBehind(m_rows, m_october, kZone, all, "response_times", "crt", "on_scene"),
                 ids({"c1", "c2", "c9"}));
        QVERIFY(callsBehind(m_rows, m_october, kZone, all, "repeat_people", "people", "seen_5_plus").empty());
        QVERIFY(callsBehind(m_rows, m_october, kZone, all, "no_such_table", "x", "y").empty());
        // Every cell of every table: as many calls behind it as it counts
        // (one referral, one task per call in this fixture).
        const Report r = computeReport(m_rows, m_october, kZone);
        for (const CountTable* table : r.tables()) {
            if (table->id == "repeat_people")
                continue;
            for (std::size_t i = 0; i < table->rows.size(); ++i) {
                for (std::size_t j = 0; j < table->columns.size(); ++j) {
                    const auto behind = callsBehind(m_rows, m_october, kZone, all, table->id, table->rows[i],
                                                    table->columns[j]);
                    QVERIFY2(std::ptrdiff_t(behind.size()) == table->cells[i][j],
                             (table->id + " " + table->rows[i] + " " + table->columns[j]).c_str());
                }
            }
        }
    }

    void previousPeriodAndTrend()
    {
        const Report now = computeReport(m_rows, m_october, kZone);
        const Report before = computeReport(m_rows, previousPeriod(m_october), kZone);
        QCOMPARE(before.calls, std::size_t(1)); // c11, 23:30 local on 30 September
        // c11 came after CRT's hours, yet CRT went: answered counts it.
        QCOMPARE(before.eligibility.at("crt", "answered"), 1LL);
        const std::vector<Trend> list = trends(now, before);
        const auto find = [&](const std::string& metric) {
            for (const Trend& trend : list) {
                if (trend.metric == metric)
                    return trend;
            }
            return Trend{};
        };
        QCOMPARE(*find("calls").change(), 10.0);
        QCOMPARE(*find("share_answered_crt").current, 3.0 / 8.0);
        QCOMPARE(*find("share_answered_crt").previous, 1.0);
        QCOMPARE(*find("median_dispatch_to_arrival_crt").previous, 900.0);
        QVERIFY(!find("felt_safe_share").previous); // no encounter note in September
    }

    void unjudgedCallsHaveNoEligibility()
    {
        std::vector<CallRow> rows = fixture();
        const Report r = computeReport(rows, m_october, kZone);
        QCOMPARE(r.eligibility.total(), 0LL);
        // Before the first rule set: no program operated.
        CallRow early =
            call("e1", sys_days{2025y / June / 1} + hours{16}, "welfare-check", "311", Disposition::Diverted);
        std::vector<CallRow> one{early};
        judgeEligibility(one, testRouter());
        QCOMPARE(one[0].judgement(Program::CrisisCallDiversion).eligibility, Eligibility::NotOperating);
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_core_report.moc"
