// The impact of a rule change on past calls, on a small fixture worked out
// by hand under Durham's pilot (CRT Mon-Fri 08:30-16:30 in 12 beats, CCD
// Mon-Fri 08:00-16:30, no CoR) and citywide rules (CRT and CN daily
// 09:00-21:00 in every beat but 999, CoR daily 06:00-21:00):
//
//   #  local time          type                 beat  flags/risk    CRT   CCD   CoR   CN
//   1  Mon 2024-03-04 10:00 welfare check        111   -             y/y   y/y   n/n   y/y
//   2  Sat 2024-03-09 14:00 mental health crisis 311   -             n/Y   n/n   n/n   n/Y
//   3  Wed 2024-03-06 17:00 trespass             112   -             n/Y   n/n   n/n   n/Y
//   4  Thu 2024-03-07 08:45 nuisance             113   -             y/N   n/n   n/n   y/N
//   5  Tue 2024-03-05 11:00 suicide threat       214   weapon, high  n/n   y/y   n/Y   y/y
//   6  Fri 2024-03-08 12:00 burglary             999   -             n/n   n/n   n/n   n/n
//   7  Mon 2024-03-04 20:30 welfare check        999   -             n/n   n/n   n/n   n/n
//   8  a time of 25:00: not decided
//   (before/after; capitals: a change)
//
// Hours of the week (Monday 00h = 0): #2 Sat 14h = 134, #3 Wed 17h = 65,
// #4 Thu 08h = 80, #5 Tue 11h = 35, #1 Mon 10h = 10.
// The calls span 2024-03-04 .. 2024-03-09: 6 days, one week.
//
// Teams (callsPerTeamHour 0.5, so one call in an hour needs 2 teams):
//   CRT before: Mon-Fri 08:30-16:30 = 40 open team-hours (08h and 16h half);
//     Mon 10h: 1 call -> 2 (+1); Thu 08h: 1 call -> 2 instead of 0.5 (+1.5):
//     42.5 team-hours a week, peak 2, 45 open hours (9 a day).
//   CRT after: 7 x 12 = 84; Mon 10h, Wed 17h, Sat 14h: 2 each (+3) = 87.
//   Nobody on the roster: each open day is a gap. An added responder works a
//   weekday in 14/30 of the weeks and a weekend day in 1/3 when open 7 days
//   (CoverageAnalysis.cpp), a weekday in 18/30 when open Mon-Fri only:
//     after, Tue (1 team short): ceil(1 / (14/30)) = 3 clinicians;
//            Mon (2 short at 10h): ceil(2 / (14/30)) = 5;
//            Sat (2 short at 14h): ceil(2 / (1/3)) = 6, the most of any gap.
//     before, Mon: ceil(2 / 0.6) = 4; hour 08 (08:30-09:00) is before
//            every shift: one hour outside shifts on each of 5 days.
#include "RoutingTestSupport.h"
#include "core/routing/RuleSetImpact.h"

#include <QTest>

using namespace heart::routing;
using namespace heart::routing::test;
using namespace std::chrono;

namespace {

RuleSet load(const char* file)
{
    auto set = loadRuleSetFile(resourcePath(std::string("rules/") + file));
    if (!set)
        qFatal("cannot load %s: %s", file, set.error().toString().c_str());
    return std::move(set).value();
}

CallFacts call(std::string_view type, std::string_view beat, heart::roster::LocalDateTime when,
               FlagSet flags = {}, RiskLevel risk = RiskLevel::NotAssessed)
{
    CallFacts facts;
    facts.callType = type;
    facts.beat = beat;
    facts.received = when;
    facts.flags = flags;
    facts.risk = risk;
    return facts;
}

std::vector<CallFacts> fixture()
{
    return {
        call("Welfare Check", "111", at(2024, 3, 4, 10)),
        call("Mental Health Crisis", "311", at(2024, 3, 9, 14)),
        call("Trespass", "112", at(2024, 3, 6, 17)),
        call("Nuisance", "113", at(2024, 3, 7, 8, 45)),
        call("Suicide Threat", "214", at(2024, 3, 5, 11), {CallFlag::Weapon}, RiskLevel::High),
        call("Burglary", "999", at(2024, 3, 8, 12)),
        call("Welfare Check", "999", at(2024, 3, 4, 20, 30)),
        call("Welfare Check", "111", heart::roster::LocalDateTime{2024y / March / 4, 25 * 60}),
    };
}

std::size_t sum(const std::array<std::size_t, 168>& hours)
{
    std::size_t total = 0;
    for (std::size_t n : hours)
        total += n;
    return total;
}

} // namespace

class TestRuleSetImpact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pilotToCitywide();
    void teamsTheHoursNeed();
    void sameRulesChangeNothing();
    void openFractionOfAnHour();
};

void TestRuleSetImpact::pilotToCitywide()
{
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const auto calls = fixture();
    const ImpactReport report = compareRuleSets(calls, pilot, citywide);

    QCOMPARE(report.calls, std::size_t(8));
    QCOMPARE(report.decided, std::size_t(7));
    QCOMPARE(report.undecided, std::size_t(1));
    QCOMPARE(report.weeks, 1.0);

    const ProgramImpact& crt = report.program(Program::CommunityResponse);
    QCOMPARE(crt.eligibleBefore, std::size_t(2)); // #1, #4
    QCOMPARE(crt.eligibleAfter, std::size_t(3));  // #1, #2, #3
    QCOMPARE(crt.becomeEligible, std::size_t(2));
    QCOMPARE(crt.becomeIneligible, std::size_t(1));
    QCOMPARE(crt.gainedByHour[134], std::size_t(1));
    QCOMPARE(crt.gainedByHour[65], std::size_t(1));
    QCOMPARE(crt.lostByHour[80], std::size_t(1));
    QCOMPARE(sum(crt.gainedByHour), std::size_t(2));
    QCOMPARE(sum(crt.lostByHour), std::size_t(1));
    QCOMPARE(crt.byBeat.size(), std::size_t(3));
    QCOMPARE(crt.byBeat.at("311").gained, std::size_t(1));
    QCOMPARE(crt.byBeat.at("112").gained, std::size_t(1));
    QCOMPARE(crt.byBeat.at("113").lost, std::size_t(1));
    QCOMPARE(crt.byBeat.at("113").gained, std::size_t(0));

    const ProgramImpact& cor = report.program(Program::CoResponse);
    QCOMPARE(cor.eligibleBefore, std::size_t(0));
    QCOMPARE(cor.eligibleAfter, std::size_t(1));
    QCOMPARE(cor.gainedByHour[35], std::size_t(1));
    QCOMPARE(cor.byBeat.at("214").gained, std::size_t(1));
    QVERIFY(!cor.staffingBefore.operates);
    QVERIFY(cor.staffingAfter.operates);

    const ProgramImpact& ccd = report.program(Program::CrisisCallDiversion);
    QCOMPARE(ccd.eligibleBefore, std::size_t(2)); // #1, #5
    QCOMPARE(ccd.eligibleAfter, std::size_t(2));
    QCOMPARE(ccd.becomeEligible + ccd.becomeIneligible, std::size_t(0));
    QVERIFY(ccd.byBeat.empty());

    const ProgramImpact& cn = report.program(Program::CareNavigation);
    QCOMPARE(cn.eligibleBefore, std::size_t(3)); // #1, #4, #5
    QCOMPARE(cn.eligibleAfter, std::size_t(4));  // #1, #2, #3, #5
    QCOMPARE(cn.becomeEligible, std::size_t(2));
    QCOMPARE(cn.becomeIneligible, std::size_t(1));

    const ProgramImpact& police = report.program(Program::PoliceEms);
    QCOMPARE(police.eligibleBefore, std::size_t(7));
    QCOMPARE(police.eligibleAfter, std::size_t(7));
}

void TestRuleSetImpact::teamsTheHoursNeed()
{
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const auto calls = fixture();
    ImpactOptions options;
    options.coverage.callsPerTeamHour = 0.5;
    const ImpactReport report = compareRuleSets(calls, pilot, citywide, options);
    const ProgramImpact& crt = report.program(Program::CommunityResponse);

    const StaffingEstimate& before = crt.staffingBefore;
    QVERIFY(before.operates);
    QCOMPARE(before.openHoursPerWeek, 45);
    QCOMPARE(before.teamHoursPerWeek, 42.5);
    QCOMPARE(before.peakTeams, 2.0);
    QCOMPARE(before.teamsNeeded[8], 0.5);  // Mon 08:30-09:00
    QCOMPARE(before.teamsNeeded[10], 2.0); // Mon 10h: call #1
    QCOMPARE(before.teamsNeeded[80], 2.0); // Thu 08h: call #4
    QCOMPARE(before.teamsNeeded[5 * 24 + 12], 0.0);
    QCOMPARE(before.coverage.gaps.size(), std::size_t(5)); // Mon..Fri
    QCOMPARE(before.coverage.gaps[0].firstHourOfWeek, 8);
    QCOMPARE(before.coverage.gaps[0].hours, 9);
    QCOMPARE(before.coverage.gaps[0].moreClinicians, 4);
    QCOMPARE(before.hoursOutsideShifts, 5);

    const StaffingEstimate& after = crt.staffingAfter;
    QCOMPARE(after.openHoursPerWeek, 84);
    QCOMPARE(after.teamHoursPerWeek, 87.0);
    QCOMPARE(after.peakTeams, 2.0);
    QCOMPARE(after.coverage.gaps.size(), std::size_t(7)); // every day 09-21
    QCOMPARE(after.coverage.gaps[0].firstHourOfWeek, 9);
    QCOMPARE(after.coverage.gaps[0].hours, 12);
    QCOMPARE(after.coverage.gaps[0].moreClinicians, 5); // Monday, 2 short at 10h
    QCOMPARE(after.coverage.gaps[1].moreClinicians, 3); // Tuesday
    QCOMPARE(after.coverage.gaps[5].firstHourOfWeek, 5 * 24 + 9);
    QCOMPARE(after.coverage.gaps[5].moreClinicians, 6); // Saturday, 2 short at 14h
    QCOMPARE(after.moreClinicians, 6);
    QCOMPARE(after.hoursOutsideShifts, 0);

    // Someone already on the roster shortens the gaps: one complete team on
    // the early shift every day of a 6-week cycle covers 1 team in 09-21.
    heart::roster::Schedule roster;
    roster.start = 2024y / March / 4;
    roster.weeks = 6;
    roster.staff = {{"c", "Clinician", heart::roster::ResponderRole::Clinician, "early"},
                    {"p", "Peer", heart::roster::ResponderRole::PeerSupport, "early"}};
    roster.duties.assign(2,
                         std::vector<heart::roster::Duty>(42, {heart::roster::DutyKind::Shift, "early", 0}));
    options.schedule = &roster;
    const ImpactReport staffed = compareRuleSets(calls, pilot, citywide, options);
    const StaffingEstimate& covered = staffed.program(Program::CommunityResponse).staffingAfter;
    // Only the three hours with a call are short now, by one team each.
    QCOMPARE(covered.coverage.gaps.size(), std::size_t(3));
    QCOMPARE(covered.coverage.gaps[0].firstHourOfWeek, 10);
    QCOMPARE(covered.coverage.gaps[0].hours, 1);
    QCOMPARE(covered.coverage.gaps[0].worstShortfallTeams, 1.0);
    // What the roster provides against the hours: 1 team 09-21 every day.
    QVERIFY(covered.rostered);
    QCOMPARE(covered.rosterTeamHoursPerWeek, 84.0);
    QCOMPARE(covered.uncoveredHours, 3);
    QCOMPARE(covered.shortTeamHours, 3.0);
    // Under the pilot's hours (Mon-Fri 08:30-16:30) the same team is on duty
    // 09-17: 8 of the 9 open hours a day; short at 08h every day (half a team
    // needed, none on duty; two on Thursday for call #4) and at Monday 10h (call #1).
    const StaffingEstimate& pilotCovered = staffed.program(Program::CommunityResponse).staffingBefore;
    QCOMPARE(pilotCovered.rosterTeamHoursPerWeek, 40.0);
    QCOMPARE(pilotCovered.uncoveredHours, 6);
    QCOMPARE(pilotCovered.shortTeamHours, 5.0);
    // Without a roster every open hour is short by its whole need.
    QVERIFY(!after.rostered);
    QCOMPARE(after.rosterTeamHoursPerWeek, 0.0);
    QCOMPARE(after.uncoveredHours, 84);
    QCOMPARE(after.shortTeamHours, 87.0);
    // The roster is CRT's: Care Navigation is measured against nobody.
    const StaffingEstimate& cn = staffed.program(Program::CareNavigation).staffingAfter;
    QVERIFY(cn.operates);
    QVERIFY(!cn.rostered);
    QCOMPARE(cn.rosterTeamHoursPerWeek, 0.0);
    QCOMPARE(cn.uncoveredHours, cn.openHoursPerWeek);
}

void TestRuleSetImpact::sameRulesChangeNothing()
{
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const auto calls = fixture();
    const ImpactReport report = compareRuleSets(calls, citywide, citywide);
    for (const ProgramImpact& impact : report.programs) {
        QCOMPARE(impact.becomeEligible, std::size_t(0));
        QCOMPARE(impact.becomeIneligible, std::size_t(0));
        QCOMPARE(impact.eligibleBefore, impact.eligibleAfter);
        QVERIFY(impact.byBeat.empty());
    }
    // A past call is judged by the rules given, not by the dates they take
    // effect: the 2024 calls under the 2022 pilot rules above, and here under
    // rules that take effect years later.
    RuleSet future = citywide;
    future.effectiveFrom = 2030y / January / 7;
    const ImpactReport later = compareRuleSets(calls, citywide, future);
    QCOMPARE(later.decided, std::size_t(7));
    QCOMPARE(later.program(Program::CommunityResponse).eligibleAfter, std::size_t(3));
}

void TestRuleSetImpact::openFractionOfAnHour()
{
    ProgramRules rules;
    rules.alwaysOpen = false;
    rules.hours[2] = {{8 * 60 + 30, 16 * 60 + 30}};
    QCOMPARE(openFraction(rules, 2 * 24 + 8), 0.5);
    QCOMPARE(openFraction(rules, 2 * 24 + 9), 1.0);
    QCOMPARE(openFraction(rules, 2 * 24 + 16), 0.5);
    QCOMPARE(openFraction(rules, 2 * 24 + 17), 0.0);
    rules.alwaysOpen = true;
    QCOMPARE(openFraction(rules, 0), 1.0);
}

QTEST_APPLESS_MAIN(TestRuleSetImpact)
#include "tst_core_rule_set_impact.moc"
