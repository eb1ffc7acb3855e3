// The routing decision on Durham's shipped rule sets: a table over every call
// type x flag x rule-set era (checked against the program facts in
// shared/domain/HEART.md, written here independently of the rule files), and
// the edges: the closing minute, weekends, holidays, both DST days, a beat
// next to the pilot area, coordinates outside Durham, an unknown call type,
// the C-SSRS risk, the choice of rule set by date, and bad times.
#include "RoutingTestSupport.h"

#include <QTest>
#include <set>

using namespace heart;
using namespace heart::routing;
using namespace heart::routing::test;

namespace {

const std::set<std::string> kCrtTypes = {"suicide-threat", "mental-health-crisis", "trespass",
                                         "welfare-check",  "intoxicated-person",   "panhandling",
                                         "nuisance",       "prostitution",         "indecency",
                                         "lost-person"};
const std::set<std::string> kCcdTypes = {"suicide-threat",     "mental-health-crisis", "welfare-check",
                                         "intoxicated-person", "assist-person",        "follow-up",
                                         "trespass",           "lost-person"};
const std::set<std::string> kCorTypes = {
    "suicide-threat", "mental-health-crisis", "welfare-check", "intoxicated-person",
    "trespass",       "assist-person",        "disturbance",   "lost-person"};

struct Era
{
    const char* ruleSet;
    roster::LocalDateTime weekdayMorning; // a Wednesday, 10:00
    bool coResponse;
};

const Era kEras[] = {
    {"durham-2022-06-27-pilot", at(2022, 8, 17, 10), false},
    {"durham-2022-09-26-co-response", at(2023, 3, 15, 10), true},
    {"durham-2023-10-23-citywide", at(2024, 5, 15, 10), true},
};

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private:
    Router m_router{durhamRuleBook(), durhamBeats()};

    Decision decide(std::string_view type, roster::LocalDateTime when, std::string_view beat = "111",
                    FlagSet flags = {}, RiskLevel risk = RiskLevel::NotAssessed)
    {
        CallFacts call;
        call.callType = type;
        call.received = when;
        call.beat = beat;
        call.flags = flags;
        call.risk = risk;
        auto decision = m_router.decide(call);
        if (!decision)
            qFatal("no decision: %s", decision.error().code.c_str());
        return decision.value();
    }

private Q_SLOTS:
    void everyCallTypeFlagAndEra()
    {
        const RuleSet* any = m_router.rules().inForce(kEras[2].weekdayMorning.date);
        QVERIFY(any);
        QCOMPARE(any->callTypes.size(), std::size_t(19));
        int cases = 0;
        for (const Era& era : kEras) {
            for (const CallType& type : any->callTypes) {
                for (int flagIndex = -1; flagIndex < int(kAllFlags.size()); ++flagIndex) {
                    FlagSet flags;
                    if (flagIndex >= 0)
                        flags.set(kAllFlags[std::size_t(flagIndex)]);
                    const Decision d = decide(type.name, era.weekdayMorning, "111", flags);
                    const std::string label =
                        std::string(era.ruleSet) + " / " + type.code + " / " +
                        (flagIndex < 0 ? "no flag"
                                       : std::string(flagCode(kAllFlags[std::size_t(flagIndex)])));
                    QCOMPARE(d.ruleSetId, std::string(era.ruleSet));
                    const bool weapon = flags.has(CallFlag::Weapon), violence = flags.has(CallFlag::Violence),
                               medical = flags.has(CallFlag::Medical);
                    const bool ccd = kCcdTypes.count(type.code) && !medical;
                    const bool crt = kCrtTypes.count(type.code) && !weapon && !violence && !medical;
                    const bool cor =
                        era.coResponse && kCorTypes.count(type.code) && (weapon || violence) && !medical;
                    const auto check = [&](Program program, bool expected) {
                        if (d.eligible(program) != expected)
                            QFAIL((label + ": " + describe(d.verdict(program))).c_str());
                    };
                    check(Program::CrisisCallDiversion, ccd);
                    check(Program::CommunityResponse, crt);
                    check(Program::CoResponse, cor);
                    check(Program::CareNavigation, ccd || crt);
                    check(Program::PoliceEms, true);

                    // Every reason is there, not just the first one found.
                    const ProgramVerdict& team = d.verdict(Program::CommunityResponse);
                    QCOMPARE(hasReason(team, ReasonCode::CallTypeNotEligible, type.code),
                             !kCrtTypes.count(type.code));
                    QCOMPARE(hasReason(team, ReasonCode::ExcludedByFlag, "weapon"), weapon);
                    QCOMPARE(hasReason(team, ReasonCode::ExcludedByFlag, "violence"), violence);
                    if (!era.coResponse)
                        QVERIFY(
                            hasReason(d.verdict(Program::CoResponse), ReasonCode::NotInRuleSet, era.ruleSet));
                    else if (kCorTypes.count(type.code) && !weapon && !violence)
                        QVERIFY(hasReason(d.verdict(Program::CoResponse), ReasonCode::NeedsElevatedRisk,
                                          "weapon|violence|risk:high"));

                    std::vector<Program> expected;
                    if (ccd)
                        expected.push_back(Program::CrisisCallDiversion);
                    expected.push_back(crt   ? Program::CommunityResponse
                                       : cor ? Program::CoResponse
                                             : Program::PoliceEms);
                    if (d.recommended != expected)
                        QFAIL((label + ": unexpected recommendation").c_str());
                    ++cases;
                }
            }
        }
        QCOMPARE(cases, 3 * 19 * 6);
    }

    void closingAndOpeningMinute()
    {
        // Pilot CRT: Mon-Fri 08:30-16:30, the closing minute is closed.
        QVERIFY(decide("Welfare Check", at(2022, 8, 17, 16, 29)).eligible(Program::CommunityResponse));
        const Decision closed = decide("Welfare Check", at(2022, 8, 17, 16, 30));
        QVERIFY(
            hasReason(closed.verdict(Program::CommunityResponse), ReasonCode::OutsideHours, "wed", "16:30"));
        QVERIFY(!decide("Welfare Check", at(2022, 8, 17, 8, 29)).eligible(Program::CommunityResponse));
        QVERIFY(decide("Welfare Check", at(2022, 8, 17, 8, 30)).eligible(Program::CommunityResponse));
        // CCD opens at 08:00 and is a phone program: recommended alone with police.
        const Decision early = decide("Mental Health Crisis", at(2022, 8, 17, 8, 15));
        QCOMPARE(early.recommended, (std::vector{Program::CrisisCallDiversion, Program::PoliceEms}));
    }

    void weekend()
    {
        const Decision pilotSaturday = decide("Welfare Check", at(2022, 8, 20, 2, 10));
        QVERIFY(hasReason(pilotSaturday.verdict(Program::CommunityResponse), ReasonCode::OutsideHours, "sat",
                          "02:10"));
        QVERIFY(hasReason(pilotSaturday.verdict(Program::CrisisCallDiversion), ReasonCode::OutsideHours,
                          "sat", "02:10"));
        QCOMPARE(pilotSaturday.recommended, std::vector{Program::PoliceEms});
        const Decision citySaturday = decide("Welfare Check", at(2024, 5, 18, 10), "313");
        QVERIFY(citySaturday.eligible(Program::CommunityResponse));
        QCOMPARE(citySaturday.isoWeekday, 5);
    }

    void holidays()
    {
        // Pilot: closed on the Fourth of July (a Monday).
        const Decision july4 = decide("Welfare Check", at(2022, 7, 4, 10));
        QVERIFY(hasReason(july4.verdict(Program::CommunityResponse), ReasonCode::Holiday, "2022-07-04"));
        QVERIFY(hasReason(july4.verdict(Program::CrisisCallDiversion), ReasonCode::Holiday, "2022-07-04"));
        QVERIFY(decide("Welfare Check", at(2022, 7, 5, 10)).eligible(Program::CommunityResponse));
        // Citywide: CRT works holidays, CCD does not.
        const Decision christmas = decide("Welfare Check", at(2024, 12, 25, 10), "313");
        QVERIFY(christmas.eligible(Program::CommunityResponse));
        QVERIFY(
            hasReason(christmas.verdict(Program::CrisisCallDiversion), ReasonCode::Holiday, "2024-12-25"));
    }

    void fallBackNight()
    {
        // 01:30 on 2023-11-05 happens twice; the wall time is what counts.
        const Decision wall = decide("Suicide Threat", at(2023, 11, 5, 1, 30), "313", {CallFlag::Weapon});
        QCOMPARE(wall.timeNote, LocalTimeNote::Ambiguous);
        QCOMPARE(wall.local.minuteOfDay, 90);
        QVERIFY(hasReason(wall.verdict(Program::CoResponse), ReasonCode::OutsideHours, "sun", "01:30"));
        // Both instants that read 01:30 give the same decision.
        using namespace std::chrono;
        for (int utcHour : {5, 6}) {
            CallFacts call;
            call.callType = "Suicide Threat";
            call.beat = "313";
            call.received = TimePoint{sys_days{year{2023} / 11 / 5} + hours{utcHour} + minutes{30}};
            const Decision d = m_router.decide(call).value();
            QCOMPARE(d.local.minuteOfDay, 90);
            QCOMPARE(d.timeNote, LocalTimeNote::Exact);
        }
        // An instant: 2023-11-05 14:00 UTC is 09:00 EST, when CRT opens.
        CallFacts morning;
        morning.callType = "Welfare Check";
        morning.beat = "313";
        morning.received = TimePoint{sys_days{year{2023} / 11 / 5} + hours{14}};
        QVERIFY(m_router.decide(morning).value().eligible(Program::CommunityResponse));
        morning.received = TimePoint{sys_days{year{2023} / 11 / 5} + hours{13} + minutes{59}};
        QVERIFY(!m_router.decide(morning).value().eligible(Program::CommunityResponse));
    }

    void springForwardGap()
    {
        // 02:30 on 2024-03-10 does not exist in New York: read as 03:30 EDT.
        auto set = parseRuleSet(R"({"format": "heartdesk-rules/1", "id": "night", "name": "Night team",
            "effectiveFrom": "2024-01-01", "timeZone": "EST5EDT,M3.2.0,M11.1.0",
            "callTypes": [{"code": "welfare-check", "name": "Welfare Check"}],
            "programs": {"crt": {"callTypes": "all", "serviceArea": "anywhere", "hours": {"sun": ["03:00-04:00"]}}}})",
                                "night.json");
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().toString().c_str());
        RuleBook book;
        QVERIFY(book.add(set.value()).ok());
        const Router night(book);
        CallFacts call;
        call.callType = "welfare check";
        call.received = at(2024, 3, 10, 2, 30);
        const Decision d = night.decide(call).value();
        QCOMPARE(d.timeNote, LocalTimeNote::InSpringForwardGap);
        QCOMPARE(d.local.minuteOfDay, 3 * 60 + 30);
        QVERIFY(d.eligible(Program::CommunityResponse));
        call.received = at(2024, 3, 10, 1, 59);
        QVERIFY(hasReason(night.decide(call).value().verdict(Program::CommunityResponse),
                          ReasonCode::OutsideHours, "sun", "01:59"));
    }

    void dstShortcutAgreesWithTheZone()
    {
        // The router takes wall times as they are except near a DST change;
        // over five years, every half hour of every day must agree with the
        // time zone's own round trip.
        using namespace std::chrono;
        const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
        CallFacts call;
        call.callType = "Welfare Check";
        call.beat = "313";
        int gaps = 0, repeats = 0;
        for (sys_days day = sys_days{year{2022} / 7 / 1}; day < sys_days{year{2027} / 7 / 1};
             day += days{1}) {
            for (int minute = 0; minute < 1440; minute += 30) {
                const roster::LocalDateTime local{year_month_day{day}, minute};
                call.received = local;
                const Decision d = m_router.decide(call).value();
                const roster::LocalDateTime back = zone.toLocal(zone.toUtc(local));
                const bool inGap = back.date != local.date || back.minuteOfDay != local.minuteOfDay;
                const bool repeated =
                    !inGap && zone.toLocal(zone.toUtc(local) + hours{1}).minuteOfDay == minute;
                QCOMPARE(d.timeNote == LocalTimeNote::InSpringForwardGap, inGap);
                QCOMPARE(d.timeNote == LocalTimeNote::Ambiguous, repeated);
                QCOMPARE(d.local.minuteOfDay, back.minuteOfDay);
                gaps += inGap;
                repeats += repeated;
            }
        }
        QCOMPARE(gaps, 2 * 5);    // 02:00 and 02:30 on five spring-forward days
        QCOMPARE(repeats, 2 * 5); // 01:00 and 01:30 on five fall-back nights
    }

    void beatNextToThePilotArea()
    {
        // 121 borders the pilot area but is not in it; 111 is.
        const Decision next = decide("Welfare Check", at(2022, 8, 17, 10), "121");
        QVERIFY(hasReason(next.verdict(Program::CommunityResponse), ReasonCode::OutsideServiceArea, "121"));
        QVERIFY(hasReason(next.verdict(Program::CareNavigation), ReasonCode::OutsideServiceArea, "121"));
        QVERIFY(next.eligible(Program::CrisisCallDiversion));
        QCOMPARE(next.recommended, (std::vector{Program::CrisisCallDiversion, Program::PoliceEms}));
        // Citywide: every beat but the county sheriff's 999.
        QVERIFY(decide("Welfare Check", at(2024, 5, 15, 10), "121").eligible(Program::CommunityResponse));
        QVERIFY(
            hasReason(decide("Welfare Check", at(2024, 5, 15, 10), "999").verdict(Program::CommunityResponse),
                      ReasonCode::OutsideServiceArea, "999"));
        // A beat that is not on the map is outside too.
        QVERIFY(
            hasReason(decide("Welfare Check", at(2024, 5, 15, 10), "777").verdict(Program::CommunityResponse),
                      ReasonCode::OutsideServiceArea, "777"));
    }

    void coordinates()
    {
        CallFacts call;
        call.callType = "Welfare Check";
        call.received = at(2022, 8, 17, 10);
        const auto inside = durhamBeats()->interiorPoint("112");
        QVERIFY(inside);
        call.position = *inside;
        Decision d = m_router.decide(call).value();
        QCOMPARE(d.beat, std::string("112"));
        QCOMPARE(d.beatSource, BeatSource::FromPosition);
        QVERIFY(d.eligible(Program::CommunityResponse));
        // Raleigh is outside every Durham beat.
        call.position = geo::GeoPoint{-78.6382, 35.7796};
        call.received = at(2024, 5, 15, 10);
        d = m_router.decide(call).value();
        QCOMPARE(d.beatSource, BeatSource::OutsideEveryBeat);
        QVERIFY(hasReason(d.verdict(Program::CommunityResponse), ReasonCode::OutsideEveryBeat, "-78.638200",
                          "35.779600"));
        QVERIFY(d.eligible(Program::CrisisCallDiversion)); // by phone, anywhere
        // No location at all.
        call.position.reset();
        d = m_router.decide(call).value();
        QVERIFY(hasReason(d.verdict(Program::CommunityResponse), ReasonCode::LocationUnknown));
        // A typed beat wins over coordinates.
        call.position = geo::GeoPoint{-78.6382, 35.7796};
        call.beat = "113";
        d = m_router.decide(call).value();
        QCOMPARE(d.beatSource, BeatSource::Given);
        QVERIFY(d.eligible(Program::CommunityResponse));
    }

    void unknownCallType()
    {
        const Decision d = decide("Alien Landing", at(2024, 5, 15, 10));
        for (Program program : {Program::CrisisCallDiversion, Program::CommunityResponse, Program::CoResponse,
                                Program::CareNavigation})
            QVERIFY(hasReason(d.verdict(program), ReasonCode::UnknownCallType, "Alien Landing"));
        QCOMPARE(d.callTypeIndex, -1);
        QCOMPARE(d.recommended, std::vector{Program::PoliceEms});
        // Spelling: case, blanks and aliases.
        QVERIFY(decide("  welfare   CHECK ", at(2024, 5, 15, 10)).eligible(Program::CommunityResponse));
        QVERIFY(decide("WELFARE CHK", at(2024, 5, 15, 10)).eligible(Program::CommunityResponse));
        QVERIFY(decide("welfare-check", at(2024, 5, 15, 10)).eligible(Program::CommunityResponse));
    }

    void highSuicideRiskGoesToCoResponse()
    {
        const Decision d = decide("Suicide Threat", at(2024, 5, 15, 10), "313", {}, RiskLevel::High);
        QVERIFY(hasReason(d.verdict(Program::CommunityResponse), ReasonCode::ExcludedByRisk, "high"));
        QVERIFY(d.eligible(Program::CoResponse));
        // In person first: the phone only keeps the caller on the line (tst_core_routing_risk).
        QCOMPARE(d.recommended, std::vector{Program::CoResponse});
        QVERIFY(d.stayOnLine);
        // Moderate risk: the unarmed team goes.
        QVERIFY(decide("Suicide Threat", at(2024, 5, 15, 10), "313", {}, RiskLevel::Moderate)
                    .eligible(Program::CommunityResponse));
        // High risk at 22:00: CoR is closed, so police/EMS.
        const Decision night = decide("Suicide Threat", at(2024, 5, 15, 22), "313", {}, RiskLevel::High);
        QCOMPARE(night.recommended, std::vector{Program::PoliceEms});
        QVERIFY(hasReason(night.verdict(Program::CoResponse), ReasonCode::OutsideHours, "wed", "22:00"));
        // Every reason at once: weapon, outside hours, on a Sunday night.
        const Decision many =
            decide("Suicide Threat", at(2024, 5, 19, 23, 5), "999", {CallFlag::Weapon, CallFlag::Violence});
        const ProgramVerdict& crt = many.verdict(Program::CommunityResponse);
        QCOMPARE(crt.reasons.size(), std::size_t(4));
        QVERIFY(hasReason(crt, ReasonCode::ExcludedByFlag, "weapon"));
        QVERIFY(hasReason(crt, ReasonCode::ExcludedByFlag, "violence"));
        QVERIFY(hasReason(crt, ReasonCode::OutsideServiceArea, "999"));
        QVERIFY(hasReason(crt, ReasonCode::OutsideHours, "sun", "23:05"));
    }

    void ruleSetChosenByDate()
    {
        QCOMPARE(decide("Welfare Check", at(2022, 9, 25, 10)).ruleSetId,
                 std::string("durham-2022-06-27-pilot"));
        QCOMPARE(decide("Welfare Check", at(2022, 9, 26, 0, 0)).ruleSetId,
                 std::string("durham-2022-09-26-co-response"));
        QCOMPARE(decide("Welfare Check", at(2023, 10, 22, 23, 59)).ruleSetId,
                 std::string("durham-2022-09-26-co-response"));
        QCOMPARE(decide("Welfare Check", at(2023, 10, 23, 0, 0)).ruleSetId,
                 std::string("durham-2023-10-23-citywide"));
        // A 2022 call in beat 313 is judged by the pilot rules, a 2024 one by the citywide rules.
        QVERIFY(!decide("Welfare Check", at(2022, 8, 17, 10), "313").eligible(Program::CommunityResponse));
        QVERIFY(decide("Welfare Check", at(2024, 8, 14, 10), "313").eligible(Program::CommunityResponse));
    }

    void badTimes()
    {
        CallFacts call;
        call.callType = "Welfare Check";
        call.beat = "111";
        call.received = at(2021, 5, 1, 10);
        auto before = m_router.decide(call);
        QVERIFY(!before.ok());
        QCOMPARE(before.error().code, std::string("no-rule-set"));
        QCOMPARE(before.error().field, std::string("2021-05-01"));
        call.received = at(2023, 2, 30, 10);
        QCOMPARE(m_router.decide(call).error().code, std::string("invalid-local-time"));
        call.received = at(2023, 2, 3, 24, 0);
        QCOMPARE(m_router.decide(call).error().code, std::string("invalid-local-time"));
    }

    void deterministic()
    {
        const Decision a = decide("Trespass", at(2024, 5, 15, 10), "999", {CallFlag::Minors});
        const Decision b = decide("Trespass", at(2024, 5, 15, 10), "999", {CallFlag::Minors});
        for (Program program : kAllPrograms)
            QCOMPARE(a.verdict(program).reasons, b.verdict(program).reasons);
        QCOMPARE(a.recommended, b.recommended);
    }
};

QTEST_APPLESS_MAIN(TestRouting)
#include "tst_core_routing.moc"
