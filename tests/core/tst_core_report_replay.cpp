// The report's eligibility agrees with what `heartdesk-cli replay`
// (core/routing/Replay) decides for the same calls: random calls over
// Durham's shipped rule sets (2022 pilot to 2023 citywide) and beat map,
// judged once as report rows and once written as a replay CSV and replayed;
// every call's verdict and reasons, and every program's counts, must match.
#include "RoutingTestSupport.h"
#include "core/report/Metrics.h"
#include "core/report/ReportRows.h"
#include "core/routing/Replay.h"

#include <QTest>
#include <cstdio>
#include <map>
#include <random>

using namespace heart;
using namespace heart::report;
using namespace heart::routing;
using namespace std::chrono;

class TestReportReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The store groups the calls of a report by time slice class
    // (timeSlices) and the engine decides each group once, at one of its
    // calls: any two instants of one class must get the same decision for
    // the same call. Random calls over Durham's rule sets (half-hour hours,
    // holidays, four rule sets, DST), each decided at its own time and at
    // the first instant of its class.
    void aTimeClassGetsOneDecision()
    {
        const auto beats = test::durhamBeats();
        const Router router(test::durhamRuleBook(), beats);
        const roster::TimeZoneRule& zone = router.rules().zone();
        const TimePoint from = sys_days{2022y / January / 1} + hours{5};
        const TimePoint split = sys_days{2024y / March / 1} + hours{5};
        const TimePoint to = sys_days{2026y / January / 1} + hours{5};
        const std::vector<TimeSlice> slices = timeSlices(router.rules(), zone, from, to, split);
        QVERIFY(!slices.empty());
        QCOMPARE(slices.front().from, from);
        QCOMPARE(slices.back().to, to);
        std::map<int, TimePoint> firstOfClass;
        for (std::size_t i = 0; i < slices.size(); ++i) {
            QVERIFY(slices[i].from < slices[i].to);
            if (i > 0) {
                QCOMPARE(slices[i].from, slices[i - 1].to);
                QVERIFY(slices[i].timeClass != slices[i - 1].timeClass); // merged
            }
            firstOfClass.emplace(slices[i].timeClass, slices[i].from);
        }
        // Far fewer classes than slices: what makes the grouping pay.
        QVERIFY2(firstOfClass.size() < 200, std::to_string(firstOfClass.size()).c_str());
        QVERIFY2(slices.size() < 12000, std::to_string(slices.size()).c_str());

        const std::vector<std::string> types = {"suicide-threat", "Welfare Check", "trespass",
                                                "assault",        "disturbance",   "overdose"};
        std::mt19937 random(16);
        std::uniform_int_distribution<long long> when(0, duration_cast<seconds>(to - from).count() - 1);
        std::uniform_int_distribution<int> pick(0, 99);
        Decision atCall, atClass;
        Error error;
        int compared = 0, outsideHours = 0, holiday = 0;
        for (int i = 0; i < 20000; ++i) {
            const TimePoint t = from + seconds{when(random)};
            const auto slice = std::upper_bound(slices.begin(), slices.end(), t,
                                                [](TimePoint x, const TimeSlice& s) { return x < s.from; }) -
                               1;
            QVERIFY(t >= slice->from && t < slice->to);
            const std::string beat = beats->beatIds()[std::size_t(pick(random)) % beats->beatIds().size()];
            CallFacts facts;
            facts.callType = types[std::size_t(pick(random)) % types.size()];
            facts.beat = beat;
            facts.risk = RiskLevel(pick(random) % 5);
            facts.received = t;
            const bool decided = router.decideInto(facts, atCall, error, ReasonDetail::CodesOnly);
            facts.received = firstOfClass.at(slice->timeClass);
            QCOMPARE(router.decideInto(facts, atClass, error, ReasonDetail::CodesOnly), decided);
            if (!decided)
                continue;
            QCOMPARE(atClass.ruleSetIndex, atCall.ruleSetIndex);
            for (std::size_t p = 0; p < kAllPrograms.size(); ++p) {
                QCOMPARE(atClass.verdicts[p].eligible, atCall.verdicts[p].eligible);
                QCOMPARE(atClass.verdicts[p].reasons.size(), atCall.verdicts[p].reasons.size());
                for (std::size_t r = 0; r < atCall.verdicts[p].reasons.size(); ++r) {
                    QCOMPARE(atClass.verdicts[p].reasons[r].code, atCall.verdicts[p].reasons[r].code);
                    outsideHours += atCall.verdicts[p].reasons[r].code == ReasonCode::OutsideHours;
                    holiday += atCall.verdicts[p].reasons[r].code == ReasonCode::Holiday;
                }
            }
            ++compared;
        }
        qInfo("%zu slices, %zu classes; %d calls compared (the rest before the first rule set)",
              slices.size(), firstOfClass.size(), compared);
        QVERIFY(compared > 15000);
        QVERIFY(outsideHours > 1000); // the hours and holidays were really tested
        QVERIFY(holiday > 10);
    }

    // Calls can be counted per UTC hour where every UTC hour is one local
    // hour (New York: whole-hour offsets, changes on the hour), per minute
    // elsewhere (India's half hour; a period starting off the hour).
    void bucketsFollowTheZone()
    {
        const TimePoint from = sys_days{2025y / January / 1} + hours{5};
        const TimePoint to = sys_days{2026y / January / 1} + hours{5};
        QCOMPARE(bucketMinutes(roster::TimeZoneRule::newYork(), from, to), 60);
        const auto india = roster::TimeZoneRule::parse("IST-5:30");
        QVERIFY(india.ok());
        QCOMPARE(bucketMinutes(india.value(), from, to), 1);
        QCOMPARE(bucketMinutes(roster::TimeZoneRule::newYork(), from + minutes{30}, to), 1);
    }

    void eligibilityAgreesWithReplay()
    {
        const auto beats = test::durhamBeats();
        const Router router(test::durhamRuleBook(), beats);
        const std::vector<std::string> types = {"suicide-threat", "Welfare Check", "trespass",
                                                "assault",        "disturbance",   "overdose",
                                                "Noise Complaint"};
        std::mt19937 random(2026);
        std::uniform_int_distribution<int> day(0, 5 * 365), minute(0, 24 * 60 - 1), pick(0, 99);
        std::vector<CallRow> rows;
        std::string csv = "id,time,call_type,beat,latitude,longitude,flags,risk\n";
        for (int i = 0; i < 3000; ++i) {
            CallRow row;
            row.id = "r" + std::to_string(i);
            row.received = sys_days{2022y / January / 1} + days{day(random)} + minutes{minute(random)};
            row.callType = types[std::size_t(pick(random)) % types.size()];
            const int where = pick(random);
            if (where < 80)
                row.beat = beats->beatIds()[std::size_t(pick(random)) % beats->beatIds().size()];
            else if (where < 90)
                row.position = geo::GeoPoint{-78.9 + pick(random) * 0.002, 35.95 + pick(random) * 0.001};
            for (CallFlag flag : kAllFlags) {
                if (pick(random) < 8)
                    row.flags.set(flag);
            }
            row.risk = RiskLevel(pick(random) % 5);
            rows.push_back(row);

            std::string flags;
            for (CallFlag flag : kAllFlags) {
                if (row.flags.has(flag))
                    flags += (flags.empty() ? "" : ";") + std::string(flagCode(flag));
            }
            const auto seconds = duration_cast<std::chrono::seconds>(row.received.time_since_epoch()).count();
            const year_month_day date{floor<days>(row.received)};
            const auto inDay = seconds % 86400;
            char time[32];
            std::snprintf(time, sizeof time, "%04d-%02u-%02uT%02lld:%02lld:00Z", int(date.year()),
                          unsigned(date.month()), unsigned(date.day()), static_cast<long long>(inDay / 3600),
                          static_cast<long long>(inDay % 3600 / 60));
            char lat[32] = "", lon[32] = "";
            if (row.position) {
                std::snprintf(lat, sizeof lat, "%.6f", row.position->lat);
                std::snprintf(lon, sizeof lon, "%.6f", row.position->lon);
            }
            csv += row.id + "," + time + "," + row.callType + "," + row.beat + "," + lat + "," + lon + "," +
                   flags + "," +
                   (row.risk == RiskLevel::NotAssessed ? std::string() : std::string(riskCode(row.risk))) +
                   "\n";
        }
        judgeEligibility(rows, router);

        // Replay: every call's verdicts, by id.
        std::map<std::string, std::array<ProgramVerdict, kAllPrograms.size()>> replayed;
        ReplayOptions options;
        options.onCall = [&](const ReplayCall& call) {
            if (call.status == ReplayRowStatus::Decided && call.decision)
                replayed[std::string(call.id)] = call.decision->verdicts;
        };
        auto summary = replayCsv(csv, "report-calls.csv", router, options);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().toString().c_str());
        QCOMPARE(summary.value().malformed, std::size_t(0));
        QVERIFY(summary.value().noRuleSet > 0); // calls before the pilot began (June 2022)

        std::array<std::size_t, kAllPrograms.size()> openForCall{};
        std::size_t compared = 0;
        for (const CallRow& row : rows) {
            const auto found = replayed.find(row.id);
            if (found == replayed.end()) {
                // Replay decided nothing (before the first rule set): the
                // report counts it for no program.
                for (Program program : kAllPrograms)
                    QCOMPARE(row.judgement(program).eligibility, Eligibility::NotOperating);
                continue;
            }
            ++compared;
            for (Program program : kAllPrograms) {
                const ProgramVerdict& verdict = found->second[std::size_t(program)];
                const ProgramJudgement& judgement = row.judgement(program);
                std::vector<ReasonCode> codes;
                for (const Reason& reason : verdict.reasons)
                    codes.push_back(reason.code);
                QVERIFY2(codes == judgement.reasons,
                         (row.id + " " + std::string(programCode(program))).c_str());
                // Replay's "eligible" is the report's eligible with nothing
                // (hours, area) in the way.
                QCOMPARE(verdict.eligible,
                         judgement.eligibility == Eligibility::Eligible && judgement.reasons.empty());
                if (verdict.eligible)
                    ++openForCall[std::size_t(program)];
            }
        }
        QVERIFY(compared > 2000);
        for (Program program : kAllPrograms)
            QCOMPARE(openForCall[std::size_t(program)], summary.value().tally(program).eligible);
        // And the program really had eligible calls to agree on.
        QVERIFY(summary.value().tally(Program::CommunityResponse).eligible > 50);
    }
};

QTEST_APPLESS_MAIN(TestReportReplay)
#include "tst_core_report_replay.moc"
