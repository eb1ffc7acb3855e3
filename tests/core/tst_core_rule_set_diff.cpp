// The difference between two rule sets, checked against Durham's shipped
// files. The expected differences were read off the JSON by hand:
//
// pilot (2022-06-27) -> citywide (2023-10-23)
//   CCD  unchanged (Mon-Fri 08:00-16:30, holidays closed, the same 8 call types)
//   CRT  12 listed beats -> every beat but 999: the map has 37 beats, so
//        36 - 12 = 24 more (121 123 124 211 212 213 221 222 224 299 311 312
//        313 314 321 322 323 324 412 414 415 421 422 423); hours Mon-Fri
//        08:30-16:30 -> every day 09:00-21:00; holidays closed -> open;
//        call types and exclusions unchanged
//   CoR  added (daily 06:00-21:00, holidays open, every beat but 999)
//   CN   the same 24 beats more; hours "always" both; holidays open both
//   set  holidays: 15 pilot dates (2022-07-04 .. 2023-09-04) all gone, 45
//        citywide dates (2023-11-10 .. 2026-12-28) new; same 19 call types
#include "RoutingTestSupport.h"
#include "core/routing/RuleSetDiff.h"

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

QStringList toList(const std::vector<std::string>& items)
{
    QStringList out;
    for (const std::string& item : items)
        out << QString::fromStdString(item);
    return out;
}

QStringList texts(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromUtf8(item);
    return out;
}

const QStringList kNewBeats =
    texts({"121", "123", "124", "211", "212", "213", "221", "222", "224", "299", "311", "312",
           "313", "314", "321", "322", "323", "324", "412", "414", "415", "421", "422", "423"});

} // namespace

class TestRuleSetDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pilotToCitywide();
    void pilotToCitywideWithoutMap();
    void coResponseToCitywide();
    void identicalSetsGiveNone();
    void eachKindOfChange();
    void hoursInWords();
};

void TestRuleSetDiff::pilotToCitywide()
{
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const RuleSetDiff diff = diffRuleSets(pilot, citywide, durhamBeats().get());

    QCOMPARE(diff.beforeId, std::string("durham-2022-06-27-pilot"));
    QCOMPARE(diff.afterId, std::string("durham-2023-10-23-citywide"));
    QVERIFY(!diff.sameRules());
    QVERIFY(diff.effectiveFromChanged);
    QVERIFY(diff.nameChanged);
    QVERIFY(!diff.timeZoneChanged);
    QVERIFY(diff.callTypesAdded.empty());
    QVERIFY(diff.callTypesRemoved.empty());
    QVERIFY(diff.callTypesRenamed.empty());
    QCOMPARE(diff.holidaysAdded.size(), std::size_t(45));
    QCOMPARE(diff.holidaysRemoved.size(), std::size_t(15));
    QCOMPARE(diff.holidaysAdded.front(), sys_days{2023y / November / 10});
    QCOMPARE(diff.holidaysAdded.back(), sys_days{2026y / December / 28});
    QCOMPARE(diff.holidaysRemoved.front(), sys_days{2022y / July / 4});
    QCOMPARE(diff.holidaysRemoved.back(), sys_days{2023y / September / 4});

    // Exactly three programs changed: CRT, CoR, CN (CCD did not).
    QCOMPARE(diff.programs.size(), std::size_t(3));
    QVERIFY(!diff.program(Program::CrisisCallDiversion));
    QVERIFY(!diff.program(Program::PoliceEms));

    const ProgramDiff* crt = diff.program(Program::CommunityResponse);
    QVERIFY(crt);
    QCOMPARE(crt->presence, ProgramPresence::Both);
    QVERIFY(crt->areaChanged);
    QVERIFY(crt->servedBeatsKnown);
    QCOMPARE(toList(crt->beatsAdded), kNewBeats);
    QVERIFY(crt->beatsRemoved.empty());
    QVERIFY(crt->hoursChanged);
    QCOMPARE(crt->weekdays.size(), std::size_t(7));
    QCOMPARE(crt->weekdays[0].isoWeekday, 0);
    QCOMPARE(crt->weekdays[0].before, (std::vector<TimeRange>{{8 * 60 + 30, 16 * 60 + 30}}));
    QCOMPARE(crt->weekdays[0].after, (std::vector<TimeRange>{{9 * 60, 21 * 60}}));
    QCOMPARE(crt->weekdays[6].isoWeekday, 6);
    QVERIFY(crt->weekdays[6].before.empty());
    QCOMPARE(crt->weekdays[6].after, (std::vector<TimeRange>{{9 * 60, 21 * 60}}));
    QVERIFY(crt->holidaysChanged);
    QVERIFY(crt->callTypesAdded.empty() && crt->callTypesRemoved.empty() && !crt->allCallTypesChanged);
    QVERIFY(crt->excludeAdded.empty() && crt->excludeRemoved.empty());
    QVERIFY(crt->onlyWhenAdded.empty() && crt->onlyWhenRemoved.empty());
    QVERIFY(crt->followsAdded.empty() && crt->followsRemoved.empty());

    const ProgramDiff* cor = diff.program(Program::CoResponse);
    QVERIFY(cor);
    QCOMPARE(cor->presence, ProgramPresence::Added);
    QVERIFY(!cor->before);
    QVERIFY(cor->after);

    const ProgramDiff* cn = diff.program(Program::CareNavigation);
    QVERIFY(cn);
    QCOMPARE(toList(cn->beatsAdded), kNewBeats);
    QVERIFY(!cn->hoursChanged);
    QVERIFY(!cn->holidaysChanged);
    QVERIFY(cn->followsAdded.empty() && cn->followsRemoved.empty());

    const QStringList summary = toList(summariseDiff(diff, pilot, citywide));
    QCOMPARE(summary,
             texts({"CRT: +24 beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00; holidays closed → open",
                    "CoR: added (daily 06:00–21:00; holidays open; every beat but 999)", "CN: +24 beats",
                    "holiday dates +45 −15; takes effect 2022-06-27 → 2023-10-23"}));
}

void TestRuleSetDiff::pilotToCitywideWithoutMap()
{
    // Without the beat map "every beat but 999" cannot be counted: the area
    // is described instead of inventing a number.
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const RuleSetDiff diff = diffRuleSets(pilot, citywide);
    const ProgramDiff* crt = diff.program(Program::CommunityResponse);
    QVERIFY(crt && crt->areaChanged);
    QVERIFY(!crt->servedBeatsKnown);
    QVERIFY(crt->beatsAdded.empty());
    const auto summary = summariseDiff(diff, pilot, citywide);
    QCOMPARE(
        QString::fromStdString(summary[0]),
        QStringLiteral("CRT: service area 12 beats → every beat but 999; hours Mon–Fri 08:30–16:30 → daily "
                       "09:00–21:00; holidays closed → open"));
}

void TestRuleSetDiff::coResponseToCitywide()
{
    // The change Durham made on 2023-10-23 itself: CoR widened its hours too.
    const RuleSet before = load("durham-2022-09-26-co-response.json");
    const RuleSet citywide = load("durham-2023-10-23-citywide.json");
    const RuleSetDiff diff = diffRuleSets(before, citywide, durhamBeats().get());
    const ProgramDiff* cor = diff.program(Program::CoResponse);
    QVERIFY(cor);
    QCOMPARE(cor->presence, ProgramPresence::Both);
    QVERIFY(!cor->areaChanged); // every beat but 999 on both sides
    QVERIFY(cor->hoursChanged);
    QVERIFY(cor->holidaysChanged);
    const QStringList summary = toList(summariseDiff(diff, before, citywide));
    QVERIFY2(summary.contains(QString::fromUtf8(
                 "CoR: hours Mon–Fri 08:30–16:30 → daily 06:00–21:00; holidays closed → open")),
             qPrintable(summary.join(QLatin1Char('\n'))));
}

void TestRuleSetDiff::identicalSetsGiveNone()
{
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    const RuleSet again = load("durham-2022-06-27-pilot.json");
    const RuleSetDiff diff = diffRuleSets(pilot, again, durhamBeats().get());
    QVERIFY(diff.sameRules());
    QVERIFY(diff.programs.empty());
    QVERIFY(diff.holidaysAdded.empty() && diff.holidaysRemoved.empty());
    QVERIFY(!diff.nameChanged && !diff.effectiveFromChanged);
    QCOMPARE(toList(summariseDiff(diff, pilot, again)), texts({"no change in the rules"}));

    // The same rules as a new version (another id and date): still no rule change.
    RuleSet copy = pilot;
    copy.id = "durham-2026-12-07-pilot";
    copy.effectiveFrom = 2026y / December / 7;
    const RuleSetDiff versionDiff = diffRuleSets(pilot, copy, durhamBeats().get());
    QVERIFY(versionDiff.sameRules());
    QCOMPARE(toList(summariseDiff(versionDiff, pilot, copy)),
             texts({"no change in the rules", "takes effect 2022-06-27 → 2026-12-07"}));
}

void TestRuleSetDiff::eachKindOfChange()
{
    const RuleSet pilot = load("durham-2022-06-27-pilot.json");
    RuleSet edited = pilot;
    ProgramRules& crt = const_cast<ProgramRules&>(*edited.rulesFor(Program::CommunityResponse));
    // A call type more (overdose, index 15) and one fewer (nuisance, index 6).
    crt.eligibleCallType[15] = true;
    crt.eligibleCallType[6] = false;
    // Exclusion threshold lowered: risk:high -> risk:moderate.
    crt.excludeWhen.back().risk = RiskLevel::Moderate;
    // One beat dropped, one added.
    crt.areaBeats = {"111", "112", "113", "114", "121", "122", "214", "223", "411", "413", "511", "512"};
    // Saturday opened.
    crt.hours[5] = {{10 * 60, 14 * 60}};
    ProgramRules& cn = const_cast<ProgramRules&>(*edited.rulesFor(Program::CareNavigation));
    cn.follows = {Program::CommunityResponse};
    edited.holidays.push_back(sys_days{2023y / December / 25});

    const RuleSetDiff diff = diffRuleSets(pilot, edited, durhamBeats().get());
    const ProgramDiff* changed = diff.program(Program::CommunityResponse);
    QVERIFY(changed);
    QCOMPARE(toList(changed->callTypesAdded), texts({"overdose"}));
    QCOMPARE(toList(changed->callTypesRemoved), texts({"nuisance"}));
    QCOMPARE(toList(changed->excludeAdded), texts({"risk:moderate"}));
    QCOMPARE(toList(changed->excludeRemoved), texts({"risk:high"}));
    QCOMPARE(toList(changed->beatsAdded), texts({"121"}));
    QCOMPARE(toList(changed->beatsRemoved), texts({"513"}));
    QCOMPARE(changed->weekdays.size(), std::size_t(1));
    QCOMPARE(changed->weekdays[0].isoWeekday, 5);
    QVERIFY(!changed->holidaysChanged);
    const ProgramDiff* navigation = diff.program(Program::CareNavigation);
    QVERIFY(navigation);
    QCOMPARE(navigation->followsRemoved, std::vector<Program>{Program::CrisisCallDiversion});
    QCOMPARE(diff.holidaysAdded, std::vector<sys_days>{sys_days{2023y / December / 25}});

    const QStringList summary = toList(summariseDiff(diff, pilot, edited));
    QCOMPARE(summary, texts({"CRT: +1 beat, −1 beat; hours Mon–Fri 08:30–16:30 → Mon–Fri 08:30–16:30, Sat "
                             "10:00–14:00; call types +overdose −nuisance; excluded when +risk:moderate "
                             "−risk:high",
                             "CN: follows −CCD", "holiday dates +1"}));
}

void TestRuleSetDiff::hoursInWords()
{
    ProgramRules rules;
    rules.alwaysOpen = false;
    QCOMPARE(describeHours(rules), std::string("never"));
    rules.hours[0] = {{8 * 60, 12 * 60}, {13 * 60, 17 * 60}};
    rules.hours[1] = rules.hours[0];
    rules.hours[3] = {{21 * 60, 1440}};
    rules.hours[4] = {{0, 7 * 60}};
    QCOMPARE(describeHours(rules),
             std::string("Mon–Tue 08:00–12:00/13:00–17:00, Thu 21:00–24:00, Fri 00:00–07:00"));
    rules.alwaysOpen = true;
    QCOMPARE(describeHours(rules), std::string("always"));
    // Words from a screen.
    DiffWords spanish;
    spanish.weekdays = {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"};
    spanish.daily = "todos los días";
    rules.alwaysOpen = false;
    rules.hours.fill({{9 * 60, 21 * 60}});
    QCOMPARE(describeHours(rules, spanish), std::string("todos los días 09:00–21:00"));
}

QTEST_APPLESS_MAIN(TestRuleSetDiff)
#include "tst_core_rule_set_diff.moc"
