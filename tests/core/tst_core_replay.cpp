// What-if replay of a call history: counts per program, the hour-of-week
// profile, exclusions per reason, column mapping and other call-type
// spellings, time formats, and malformed rows reported with their line
// number and counted, never dropped; columns recognised by their usual
// names and a file without a location refused; calls before the rule sets
// counted apart; the per-call rows summing to the counts.
#include "RoutingTestSupport.h"
#include "core/routing/Replay.h"

#include <QTest>

using namespace heart;
using namespace heart::routing;
using namespace heart::routing::test;

class TestReplay : public QObject
{
    Q_OBJECT

private:
    Router m_router{durhamRuleBook(), durhamBeats()};

    ReplaySummary replay(const std::string& csv, const ReplayOptions& options = {})
    {
        auto summary = replayCsv(csv, "calls.csv", m_router, options);
        if (!summary)
            qFatal("replay failed: %s", summary.error().toString().c_str());
        return summary.value();
    }

private Q_SLOTS:
    void countsProfileAndReasons()
    {
        const std::string csv = "id,time,call_type,beat,lat,lon,flags\n"
                                "1,2024-05-15 10:05,Welfare Check,313,,,\n"        // Wednesday: CCD + CRT
                                "2,2024-05-15 10:40,Suicide Threat,313,,,weapon\n" // CCD + CoR
                                "3,2024-05-18 02:10,Welfare Check,313,,,\n" // Saturday night: nothing open
                                "4,2022-08-17 10:00,Welfare Check,313,,,\n" // pilot: 313 outside the area
                                "5,2024-05-15 10:59,Welfare Check,999,,,\n" // the sheriff's beat
                                "6,2024-05-15 11:00,Assault,313,,,violence;weapon\n" // police only
                                "7,2024-05-15 11:30,Moon Landing,313,,,\n";          // unknown call type
        const ReplaySummary s = replay(csv);
        QCOMPARE(s.rows, std::size_t(7));
        QCOMPARE(s.decided, std::size_t(7));
        QCOMPARE(s.malformed, std::size_t(0));
        const ProgramTally& crt = s.tally(Program::CommunityResponse);
        QCOMPARE(crt.eligible, std::size_t(1));
        QCOMPARE(crt.hourOfWeek[2 * 24 + 10], std::size_t(1)); // Wednesday 10h
        QCOMPARE(crt.excludedBy[std::size_t(ReasonCode::OutsideHours)], std::size_t(1));
        QCOMPARE(crt.excludedBy[std::size_t(ReasonCode::OutsideServiceArea)],
                 std::size_t(2)); // 313 in 2022, 999
        QCOMPARE(crt.excludedBy[std::size_t(ReasonCode::ExcludedByFlag)],
                 std::size_t(2)); // rows 2 and 6, once each
        QCOMPARE(crt.excludedBy[std::size_t(ReasonCode::UnknownCallType)], std::size_t(1));
        QCOMPARE(crt.excludedBy[std::size_t(ReasonCode::CallTypeNotEligible)], std::size_t(1));
        const ProgramTally& ccd = s.tally(Program::CrisisCallDiversion);
        QCOMPARE(ccd.eligible, std::size_t(4));                // rows 1, 2, 4, 5
        QCOMPARE(ccd.hourOfWeek[2 * 24 + 10], std::size_t(4)); // 2022-08-17 is a Wednesday too
        QCOMPARE(s.tally(Program::CoResponse).eligible, std::size_t(1));
        QCOMPARE(s.tally(Program::CoResponse).recommended, std::size_t(1));
        QCOMPARE(s.tally(Program::PoliceEms).eligible, std::size_t(7));
        QCOMPARE(s.tally(Program::PoliceEms).recommended, std::size_t(5)); // 3, 4, 5, 6, 7
        QCOMPARE(s.ruleSetUse.at("durham-2023-10-23-citywide"), std::size_t(6));
        QCOMPARE(s.ruleSetUse.at("durham-2022-06-27-pilot"), std::size_t(1));
        QCOMPARE(s.unknownCallTypes.at("Moon Landing"), std::size_t(1));
    }

    void malformedRowsReportedWithLineNumbers()
    {
        const std::string csv =
            "id,time,call_type,beat,flags\n"                   // line 1
            "1,2024-02-30 10:00,Welfare Check,313,\n"          // 2: no such date
            "2,\"2024-05-15 10:00\",\"Welfare\nCheck\",313,\n" // 3-4: a quoted line break (a blank in the
                                                               // call type)
            "3,2024-05-15 25:00,Welfare Check,313,\n"          // 5: no such hour
            "4,2024-05-15 10:00,Welfare Check,313,knife\n"     // 6: unknown flag
            "5,2024-05-15 10:00,Welfare Check\n"               // 7: too few fields
            "6,,Welfare Check,313,\n"                          // 8: no time
            "7,2020-01-01 10:00,Welfare Check,313,\n"          // 9: before every rule set: not malformed
            "8,2024-05-15 10:00,,313,\n"                       // 10: no call type
            "9,yesterday,Welfare Check,313,\n"                 // 11: not a time
            "10,2024-05-15 10:00,Welfare Check,313,weapon\n"   // 12: fine
            "11,\"2024-05-15 10:00\"x,Welfare Check,313,\n";   // 13: junk after a quote
        std::vector<std::size_t> reported;
        ReplayOptions options;
        options.onError = [&](const ReplayRowError& error) {
            reported.push_back(error.line);
        };
        const ReplaySummary s = replay(csv, options);
        QCOMPARE(s.rows, std::size_t(11));
        QCOMPARE(s.decided, std::size_t(2));
        QCOMPARE(s.malformed, std::size_t(8));
        QCOMPARE(reported, (std::vector<std::size_t>{2, 5, 6, 7, 8, 10, 11, 13}));
        QCOMPARE(s.errors.size(), std::size_t(8));
        // A call before the earliest rule set is counted apart, with its date.
        QCOMPARE(s.noRuleSet, std::size_t(1));
        QVERIFY(s.noRuleSetFirst == std::chrono::year{2020} / 1 / 1);
        QVERIFY(s.noRuleSetLast == std::chrono::year{2020} / 1 / 1);
        QVERIFY2(s.errors[0].message.find("2024-02-30") != std::string::npos, s.errors[0].message.c_str());
        QVERIFY(s.errors[0].message.find("not a calendar date") != std::string::npos);
        QVERIFY(s.errors[1].message.find("not a time of day") != std::string::npos);
        QVERIFY(s.errors[2].message.find("unknown flag \"knife\"") != std::string::npos);
        QVERIFY(s.errors[3].message.find("expected 5 fields, found 3") != std::string::npos);
        QVERIFY(s.unknownCallTypes.empty());
        QCOMPARE(s.tally(Program::CommunityResponse).eligible, std::size_t(1)); // row 2; row 10 has a weapon
        // The error list is capped; the count is not.
        options.keepErrors = 2;
        const ReplaySummary capped = replay(csv, options);
        QCOMPARE(capped.errors.size(), std::size_t(2));
        QCOMPARE(capped.malformed, std::size_t(8));
    }

    void otherLayoutsAndSpellings()
    {
        const std::string csv = "\xEF\xBB\xBFIncident,CallTime,Nature,Y,X,Weapon\r\n"
                                "A1,05/15/2024 2:05 PM,WELF CK,35.99,-78.90,\r\n"
                                "A2,5/15/2024 9:00 AM,CHECK WELFARE,,,\r\n"
                                "A3,2024-05-15T18:30:00Z,welf ck,35.99,-78.90,\r\n";
        auto layout =
            parseColumnMapping("id=Incident, time=CallTime, type=Nature, lat=Y, lon=X, flags=Weapon");
        QVERIFY(layout.ok());
        auto map = CallTypeMap::parse(
            "spelling,call_type\nWELF CK,Welfare Check\ncheck welfare,welfare-check\n", "types.csv");
        QVERIFY2(map.ok(), map.ok() ? "" : map.error().toString().c_str());
        ReplayOptions options;
        options.layout = layout.value();
        options.callTypeMap = &map.value();
        const ReplaySummary s = replay(csv, options);
        QCOMPARE(s.malformed, std::size_t(0));
        QCOMPARE(s.decided, std::size_t(3));
        QCOMPARE(s.beatsFromCoordinates, std::size_t(2));
        QVERIFY(s.unknownCallTypes.empty());
        // 14:05 and 14:30 (18:30 UTC is 14:30 EDT) are Wednesday 14h; 09:00 is 9h.
        const ProgramTally& ccd = s.tally(Program::CrisisCallDiversion);
        QCOMPARE(ccd.hourOfWeek[2 * 24 + 14], std::size_t(2));
        QCOMPARE(ccd.hourOfWeek[2 * 24 + 9], std::size_t(1));
        // The row without coordinates has an unknown location for CRT.
        QCOMPARE(s.tally(Program::CommunityResponse).excludedBy[std::size_t(ReasonCode::LocationUnknown)],
                 std::size_t(1));
    }

    // The per-call rows (reasons spelt out) sum to the counts, and the
    // counts are the same when replay keeps the reasons' codes alone.
    void perCallRowsSumToTheCounts()
    {
        const std::string csv = "id,time,call_type,beat,lat,lon,flags,risk\n"
                                "1,2024-05-15 10:05,Welfare Check,313,,,,\n"
                                "2,2024-05-15 10:40,Suicide Threat,313,,,weapon,\n"
                                "3,2024-05-18 02:10,Welfare Check,313,,,,\n"
                                "4,2022-08-17 10:00,Welfare Check,999,,,,\n"
                                "5,2019-05-15 10:00,Welfare Check,313,,,,\n"
                                "6,2024-05-15 11:00,Moon Landing,,35.7796,-78.6382,,\n"
                                "7,2024-12-25 11:00,Welfare Check,,,,,high\n"
                                "8,not a time,Welfare Check,313,,,,\n";
        std::array<std::size_t, kAllPrograms.size()> eligible{};
        std::array<std::array<std::size_t, kReasonCodeCount>, kAllPrograms.size()> excluded{};
        std::size_t decided = 0, malformed = 0, noRuleSet = 0;
        std::vector<std::string> ids;
        ReplayOptions options;
        options.onCall = [&](const ReplayCall& call) {
            ids.emplace_back(call.id);
            if (call.status == ReplayRowStatus::Malformed) {
                ++malformed;
                QVERIFY(!call.message.empty());
                return;
            }
            QVERIFY(call.decision);
            if (call.status == ReplayRowStatus::NoRuleSet) {
                ++noRuleSet;
                QCOMPARE(formatDate(call.decision->local.date), std::string("2019-05-15"));
                return;
            }
            ++decided;
            for (const ProgramVerdict& verdict : call.decision->verdicts) {
                eligible[std::size_t(verdict.program)] += verdict.eligible ? 1 : 0;
                unsigned seen = 0;
                for (const Reason& reason : verdict.reasons) {
                    if (!(seen & (1u << unsigned(reason.code))))
                        ++excluded[std::size_t(verdict.program)][std::size_t(reason.code)];
                    seen |= 1u << unsigned(reason.code);
                    if (reason.code == ReasonCode::OutsideHours) // spelt out for the per-call output
                        QVERIFY(!reason.first.empty() && !reason.second.empty());
                }
            }
        };
        const ReplaySummary withRows = replay(csv, options);
        const ReplaySummary countsOnly = replay(csv);
        QCOMPARE(ids, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8"}));
        for (const ReplaySummary* s : {&withRows, &countsOnly}) {
            QCOMPARE(s->decided, decided);
            QCOMPARE(s->malformed, malformed);
            QCOMPARE(s->noRuleSet, noRuleSet);
            for (Program program : kAllPrograms) {
                QCOMPARE(s->tally(program).eligible, eligible[std::size_t(program)]);
                for (int code = 0; code < kReasonCodeCount; ++code)
                    QCOMPARE(s->tally(program).excludedBy[std::size_t(code)],
                             excluded[std::size_t(program)][std::size_t(code)]);
            }
        }
        QCOMPARE(decided, std::size_t(6));
        QCOMPARE(noRuleSet, std::size_t(1));
        QCOMPARE(malformed, std::size_t(1));
    }

    void columnsRecognisedAndLocationRequired()
    {
        // Usual spellings, in any case and punctuation; the summary names them.
        ReplaySummary s = replay("Incident Number,DATE,Time,Call-Type,LAT,LNG,Priority\n"
                                 "A1,05/15/2024,2:05 PM,Welfare Check,35.99,-78.90,1\n");
        QCOMPARE(s.decided, std::size_t(1));
        QCOMPARE(s.beatsFromCoordinates, std::size_t(1));
        QCOMPARE(s.tally(Program::CrisisCallDiversion).hourOfWeek[2 * 24 + 14], std::size_t(1));
        std::string used;
        for (const ColumnUse& use : s.columns)
            used += std::string(replayColumnKey(use.column)) + "=" + use.header + ";";
        QCOMPARE(used, std::string("id=Incident Number;time=Time;date=DATE;type=Call-Type;lat=LAT;lon=LNG;"));
        QCOMPARE(s.unusedColumns, std::vector<std::string>{"Priority"});
        // latitude wins over y when a file has both.
        s = replay(
            "time,call_type,y,x,latitude,longitude\n2024-05-15 10:00,Welfare Check,1,2,35.99,-78.90\n");
        QCOMPARE(s.beatsFromCoordinates, std::size_t(1));

        auto refused = replayCsv("id,time,call_type,address\n", "calls.csv", m_router);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("no-location-column"));
        QVERIFY(refused.error().message.find("found: id, time, call_type, address") != std::string::npos);
        ReplayOptions without;
        without.withoutLocations = true;
        QVERIFY(replayCsv("id,time,call_type,address\n", "calls.csv", m_router, without).ok());
    }

    void dstInHistories()
    {
        const std::string csv = "time,call_type,beat\n"
                                "2024-03-10 02:30,Welfare Check,313\n"  // does not exist: 03:30 EDT
                                "2024-11-03 01:30,Welfare Check,313\n"; // happens twice
        const ReplaySummary s = replay(csv);
        QCOMPARE(s.inSpringForwardGap, std::size_t(1));
        QCOMPARE(s.ambiguousFallBack, std::size_t(1));
        QCOMPARE(s.tally(Program::PoliceEms).hourOfWeek[6 * 24 + 3], std::size_t(1));
        QCOMPARE(s.tally(Program::PoliceEms).hourOfWeek[6 * 24 + 1], std::size_t(1));
    }

    void fileErrors()
    {
        auto empty = replayCsv("", "calls.csv", m_router);
        QCOMPARE(empty.error().code, std::string("empty-file"));
        auto noTime =
            replayCsv("id,when,call_type\n1,2024-05-15 10:00,Welfare Check\n", "calls.csv", m_router);
        QVERIFY(!noTime.ok());
        QCOMPARE(noTime.error().code, std::string("missing-column"));
        QCOMPARE(noTime.error().location, std::string("line 1"));
        QVERIFY2(noTime.error().message.find("found: id, when, call_type") != std::string::npos,
                 noTime.error().message.c_str());
        QVERIFY(noTime.error().message.find("--columns time=HEADER") != std::string::npos);
        auto halfCoordinates = replayCsv("time,call_type,lat\n", "calls.csv", m_router);
        QCOMPARE(halfCoordinates.error().code, std::string("missing-column"));

        QCOMPARE(parseColumnMapping("when=CallTime").error().code, std::string("unknown-column-key"));
        QCOMPARE(parseColumnMapping("time=").error().code, std::string("missing-column-name"));
        QCOMPARE(CallTypeMap::parse("a,b,c\n", "t.csv").error().location, std::string("line 1"));
        QCOMPARE(CallTypeMap::parse("a,b\nA,c\n", "t.csv").error().code, std::string("duplicate-spelling"));
    }

    void coordinatesOutsideTheWorld()
    {
        const ReplaySummary s = replay("time,call_type,lat,lon\n2024-05-15 10:00,Welfare Check,123,-78.9\n"
                                       "2024-05-15 10:00,Welfare Check,north,-78.9\n");
        QCOMPARE(s.malformed, std::size_t(2));
        QVERIFY(s.errors[0].message.find("outside the world") != std::string::npos);
        QVERIFY(s.errors[1].message.find("not numbers") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestReplay)
#include "tst_core_replay.moc"
