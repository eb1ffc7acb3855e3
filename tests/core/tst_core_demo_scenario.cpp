// The demo scenario: deterministic for a seed and an end time, different for
// another seed, staff for every role, calls inside [end - days, end) oldest
// first with plausible fields (Durham's call type codes, 3-digit beats, matching
// program and disposition), repeat callers and calls still open at the end.
// And a consistent story, routed by Durham's rules, at any hour: each call as
// the intake form stores it (a risk its C-SSRS answers give, a disposition the
// recommendation allows or a reason why not, a unit when one went out) and
// its steps in order, no unit on two calls at once.
#include "RoutingTestSupport.h"
#include "core/DemoScenario.h"
#include "core/roster/TimeZoneRule.h"
#include "core/routing/Disposition.h"
#include "core/triage/Cssrs.h"

#include <QTest>
#include <map>
#include <set>
#include <string>

using namespace heart;
using namespace std::chrono_literals;

namespace {

// 2026-03-02T15:00:00Z: 10:00 in Durham on a Monday.
const TimePoint kEnd = TimePoint{std::chrono::seconds{1772463600}};

DemoOptions options(std::uint64_t seed, TimePoint end = kEnd)
{
    DemoOptions o;
    o.seed = seed;
    o.end = end;
    o.historyMonths = 0; // the recent days only; history() below has the months before
    return o;
}

bool sameCall(const DemoCall& a, const DemoCall& b)
{
    return a.cadNumber == b.cadNumber && a.receivedAt == b.receivedAt && a.callType == b.callType &&
           a.beat == b.beat && a.program == b.program && a.disposition == b.disposition &&
           a.status == b.status && a.riskLevel == b.riskLevel && a.person == b.person;
}

bool sameScenario(const DemoScenario& a, const DemoScenario& b)
{
    if (a.staff.size() != b.staff.size() || a.people.size() != b.people.size() ||
        a.calls.size() != b.calls.size())
        return false;
    for (std::size_t i = 0; i < a.staff.size(); ++i) {
        if (a.staff[i].login != b.staff[i].login || a.staff[i].role != b.staff[i].role ||
            a.staff[i].password != b.staff[i].password || a.staff[i].displayName != b.staff[i].displayName)
            return false;
    }
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        const DemoPerson& p = a.people[i];
        const DemoPerson& r = b.people[i];
        if (p.givenName != r.givenName || p.familyName != r.familyName ||
            p.approximateAge != r.approximateAge || p.language != r.language || p.phone != r.phone)
            return false;
    }
    for (std::size_t i = 0; i < a.calls.size(); ++i) {
        if (!sameCall(a.calls[i], b.calls[i]))
            return false;
    }
    return true;
}

// The codes of Durham's rule sets: what the intake form stores and reads back.
const std::set<std::string> kDurhamCallTypes = {
    "assist-person", "mental-health-crisis", "follow-up", "indecency",     "intoxicated-person",
    "panhandling",   "suicide-threat",       "trespass",  "welfare-check",
};

} // namespace

class TestCoreDemoScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameScenario();
    void differentSeedDifferentScenario();
    void staffForEveryRole();
    void callsInsideTheWindowOldestFirst_data();
    void callsInsideTheWindowOldestFirst();
    void plausibleFields();
    void plausiblePeople();
    void repeatCallers();
    void openCallsAtTheEnd_data();
    void openCallsAtTheEnd();
    void randomIsPortable();
    void thirteenMonthsOfHistory();
    void consistentStory_data();
    void consistentStory();
};

void TestCoreDemoScenario::sameSeedSameScenario()
{
    const DemoScenario a = makeDemoScenario(options(7));
    const DemoScenario b = makeDemoScenario(options(7));
    QVERIFY(!a.calls.empty());
    QVERIFY(sameScenario(a, b));
}

void TestCoreDemoScenario::differentSeedDifferentScenario()
{
    const DemoScenario a = makeDemoScenario(options(7));
    const DemoScenario b = makeDemoScenario(options(8));
    QVERIFY(!sameScenario(a, b));
    // Not just one field: most calls differ.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < std::min(a.calls.size(), b.calls.size()); ++i)
        differing += sameCall(a.calls[i], b.calls[i]) ? 0 : 1;
    QVERIFY(differing > std::min(a.calls.size(), b.calls.size()) / 2);
    // And another end time moves the calls.
    QVERIFY(!sameScenario(a, makeDemoScenario(options(7, kEnd + 24h))));
}

void TestCoreDemoScenario::staffForEveryRole()
{
    const DemoScenario s = makeDemoScenario(options(7));
    std::set<Role> roles;
    std::set<std::string> logins;
    for (const DemoStaff& staff : s.staff) {
        roles.insert(staff.role);
        QVERIFY2(logins.insert(staff.login).second, staff.login.c_str());
        QVERIFY(!staff.displayName.empty());
        QVERIFY2(staff.password.size() >= 8, staff.login.c_str()); // the store's minimum
        QVERIFY(staff.password != staff.login);
    }
    for (Role role : kAllRoles)
        QVERIFY2(roles.count(role) == 1, roleCode(role).data());
}

void TestCoreDemoScenario::callsInsideTheWindowOldestFirst_data()
{
    QTest::addColumn<qint64>("endSeconds");
    QTest::addColumn<int>("days");
    QTest::newRow("morning, 21 days") << qint64(1772463600) << 21;
    QTest::newRow("just after midnight UTC") << qint64(1772409660) << 21;
    QTest::newRow("late evening UTC, 3 days") << qint64(1772495940) << 3;
    QTest::newRow("DST change week, 7 days") << qint64(1773025200) << 7;
}

void TestCoreDemoScenario::callsInsideTheWindowOldestFirst()
{
    QFETCH(qint64, endSeconds);
    QFETCH(int, days);
    DemoOptions o = options(11, TimePoint{std::chrono::seconds{endSeconds}});
    o.days = days;
    const DemoScenario s = makeDemoScenario(o);
    QVERIFY(!s.calls.empty());
    const TimePoint begin = o.end - std::chrono::hours{24 * days};
    std::set<std::string> cadNumbers;
    for (std::size_t i = 0; i < s.calls.size(); ++i) {
        const DemoCall& call = s.calls[i];
        QVERIFY2(call.receivedAt >= begin, call.cadNumber.c_str());
        QVERIFY2(call.receivedAt < o.end, call.cadNumber.c_str());
        if (i > 0)
            QVERIFY2(s.calls[i - 1].receivedAt <= call.receivedAt, call.cadNumber.c_str());
        QVERIFY2(cadNumbers.insert(call.cadNumber).second, call.cadNumber.c_str());
    }
    // Roughly callsPerDay a day.
    QVERIFY(s.calls.size() >= std::size_t(days * (o.callsPerDay - 5)) / 2);
    QVERIFY(s.calls.size() <= std::size_t(days * (o.callsPerDay + 5)));
}

void TestCoreDemoScenario::plausibleFields()
{
    const DemoScenario s = makeDemoScenario(options(7));
    const std::map<std::string, std::set<std::string>> dispositionsOf = {
        {"ccd", {"diverted", "transferred_988", "declined"}},
        {"crt", {"crt_dispatch"}},
        {"cor", {"cor_dispatch"}},
        {"police_ems", {"police_ems"}},
    };
    std::set<std::string> typesSeen, programsSeen;
    for (const DemoCall& call : s.calls) {
        const char* cad = call.cadNumber.c_str();
        QVERIFY2(kDurhamCallTypes.count(call.callType) == 1, call.callType.c_str());
        typesSeen.insert(call.callType);
        QCOMPARE(call.beat.size(), std::size_t(3));
        QVERIFY2(std::all_of(call.beat.begin(), call.beat.end(), [](char c) { return c >= '0' && c <= '9'; }),
                 cad);
        QVERIFY2(call.cadNumber.rfind("DEMO-", 0) == 0, cad);
        if (call.person) {
            QVERIFY(*call.person < s.people.size());
            QCOMPARE(call.language, s.people[*call.person].language);
        }
        // Where (block level, fictional streets) and what the caller reported.
        QVERIFY2(call.address.find(" block of ") != std::string::npos, cad);
        if (call.callType == "intoxicated-person")
            QVERIFY2(call.flags.find("intoxication") != std::string::npos, cad);
        QVERIFY2(call.status == "open" || call.status == "dispatched" || call.status == "closed", cad);
        QVERIFY2(call.riskLevel == "none" || call.riskLevel == "low" || call.riskLevel == "moderate" ||
                     call.riskLevel == "high",
                 cad);
        if (call.program.empty()) {
            // Still in the 911 center's queue: no routing decision yet.
            QVERIFY2(call.status == "open" && call.disposition.empty(), cad);
            continue;
        }
        QVERIFY2(dispositionsOf.count(call.program) == 1, call.program.c_str());
        // The program is the one that handled the call, as the intake form stores it.
        const bool fits = dispositionsOf.at(call.program).count(call.disposition) == 1;
        QVERIFY2(fits, (call.program + "/" + call.disposition).c_str());
        programsSeen.insert(call.program);
        if (call.riskLevel == "high") // high risk calls for an in-person response
            QVERIFY2(call.program == "cor" || call.program == "police_ems", cad);
        if (call.status == "dispatched")
            QVERIFY2(call.disposition == "crt_dispatch" || call.disposition == "cor_dispatch", cad);
    }
    QVERIFY(typesSeen.size() >= 7); // a three-week sample shows nearly all of them
    QCOMPARE(programsSeen.size(), std::size_t(4));
}

void TestCoreDemoScenario::plausiblePeople()
{
    const DemoScenario s = makeDemoScenario(options(7));
    QVERIFY(!s.people.empty());
    for (const DemoPerson& p : s.people) {
        QVERIFY(!p.givenName.empty() && !p.familyName.empty());
        QVERIFY(p.approximateAge >= 12 && p.approximateAge <= 100);
        QVERIFY2(p.phone.rfind("919-555-01", 0) == 0 && p.phone.size() == 12,
                 p.phone.c_str()); // fictional range
        QVERIFY(p.language == "en" || p.language == "es" || p.language == "ase");
    }
}

void TestCoreDemoScenario::repeatCallers()
{
    const DemoScenario s = makeDemoScenario(options(7));
    std::map<std::size_t, int> callsPerPerson;
    int anonymous = 0;
    for (const DemoCall& call : s.calls) {
        if (call.person)
            ++callsPerPerson[*call.person];
        else
            ++anonymous;
    }
    int familiar = 0; // seen five times or more
    for (const auto& [person, count] : callsPerPerson)
        familiar += count >= 5 ? 1 : 0;
    QVERIFY(familiar >= 3);
    QVERIFY(anonymous > 0); // some callers give no name
}

void TestCoreDemoScenario::openCallsAtTheEnd_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("endSeconds");
    // The counselor's queue is the first screen of a demo: whatever the
    // seed and hour, some calls are still open (or dispatched) at the end.
    const qint64 kEndSeconds[] = {1772463600, 1772409660, 1772488800, 1772506800, 1772521200};
    for (quint64 seed : {1ULL, 2ULL, 3ULL, 7ULL, 20220627ULL, 42ULL}) {
        for (qint64 end : kEndSeconds)
            QTest::addRow("seed %llu end %lld", seed, end) << seed << end;
    }
}

void TestCoreDemoScenario::openCallsAtTheEnd()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, endSeconds);
    const DemoOptions o = options(seed, TimePoint{std::chrono::seconds{endSeconds}});
    const DemoScenario s = makeDemoScenario(o);
    int open = 0, active = 0;
    for (const DemoCall& call : s.calls) {
        if (call.status != "closed") {
            ++active;
            QVERIFY2(o.end - call.receivedAt < 3h,
                     call.cadNumber.c_str()); // only recent calls are still active
        }
        open += call.status == "open" ? 1 : 0;
    }
    QVERIFY2(open >= 1, qPrintable(QStringLiteral("%1 open, %2 active").arg(open).arg(active)));
    // Older calls are all closed.
    QVERIFY(s.calls.front().status == "closed");
}

void TestCoreDemoScenario::randomIsPortable()
{
    // splitmix64 from seed 0: the published reference outputs, so a demo
    // looks the same with every standard library.
    DemoRandom random(0);
    QCOMPARE(random.next(), 0xe220a8397b1dcdafULL);
    QCOMPARE(random.next(), 0x6e789e6aa1b965f4ULL);
    QCOMPARE(random.next(), 0x06c45d188009454fULL);
    DemoRandom range(99);
    for (int i = 0; i < 1000; ++i) {
        const int v = range.uniform(-5, 5);
        QVERIFY(v >= -5 && v <= 5);
        const double u = range.unit();
        QVERIFY(u >= 0.0 && u < 1.0);
    }
}

void TestCoreDemoScenario::consistentStory_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("endSeconds");
    const struct
    {
        const char* name;
        qint64 end;
    } kEnds[] = {
        {"weekday morning", 1772463600},      // Mon 2026-03-02 10:00 EST
        {"weekend night", 1772872200},        // Sat 2026-03-07 03:30 EST
        {"spring forward", 1772955000},       // Sun 2026-03-08 03:30 EDT, just after the change
        {"fall back", 1793514600},            // Sun 2026-11-01 01:30 EST, the second one
        {"weekday late evening", 1772685000}, // Wed 2026-03-04 23:30 EST
        {"holiday evening", 1781920200},      // Fri 2026-06-19 21:50 EDT
    };
    for (quint64 seed : {7ULL, 20220627ULL, 42ULL}) {
        for (const auto& end : kEnds)
            QTest::addRow("seed %llu, %s", seed, end.name) << seed << end.end;
    }
}

void TestCoreDemoScenario::consistentStory()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, endSeconds);
    const routing::Router router(routing::test::durhamRuleBook(), routing::test::durhamBeats());
    DemoOptions o = options(seed, TimePoint{std::chrono::seconds{endSeconds}});
    o.router = &router;
    const DemoScenario s = makeDemoScenario(o);
    QVERIFY(s.routed);
    // The same calls as without the rules: routing changes decisions, not how many calls there are.
    QCOMPARE(s.calls.size(), makeDemoScenario(options(seed, o.end)).calls.size());

    struct Busy
    {
        TimePoint from, to;
        std::string cad;
    };
    std::map<std::string, std::vector<Busy>> unitBusy;
    std::map<std::string, int> liveCalls;
    for (const DemoCall& call : s.calls) {
        const std::string row =
            call.cadNumber + " (" + call.callType + ", " + call.status + ", " + call.disposition + ")";
        const auto fail = [&](const char* what) {
            return (row + ": " + what);
        };
        // What the intake form reads: a call type code of the rules in force.
        const routing::RuleSet* set =
            router.rules().inForce(router.rules().zone().toLocal(call.receivedAt).date);
        QVERIFY(set);
        const int type = set->callTypeIndex(call.callType);
        QVERIFY2(type >= 0 && set->callTypes[std::size_t(type)].code == call.callType,
                 fail("not a call type code").c_str());
        // The risk the C-SSRS answers give.
        const auto answers = triage::decodeCssrs(call.cssrs);
        QVERIFY2(answers.ok(), fail("unreadable C-SSRS answers").c_str());
        QCOMPARE(std::string(routing::riskCode(triage::assessCssrs(answers.value()).risk)), call.riskLevel);
        QVERIFY2(triage::assessCssrs(answers.value()).complete, fail("screener not finished").c_str());
        // The recommendation of the rules, and a disposition it allows or a reason.
        QCOMPARE(call.ruleSetId, set->id);
        QVERIFY2(!call.recommended.empty(), fail("no recommendation").c_str());
        const auto disposition = routing::dispositionFromCode(call.disposition);
        if (!call.disposition.empty()) {
            QVERIFY2(disposition, fail("unknown disposition").c_str());
            std::vector<routing::Program> recommended;
            for (const std::string& code : call.recommended)
                recommended.push_back(*routing::programFromCode(code));
            QVERIFY2(routing::followsRecommendation(*disposition, recommended) ||
                         !call.overrideReason.empty(),
                     fail("against the recommendation without a reason").c_str());
            if (routing::followsRecommendation(*disposition, recommended))
                QVERIFY2(call.overrideReason.empty(), fail("a reason where none is needed").c_str());
            std::string program(routing::programCode(routing::handlingProgram(*disposition)));
            std::replace(program.begin(), program.end(), '-', '_');
            QCOMPARE(call.program, program);
        } else {
            QVERIFY2(call.status == "open" && call.program.empty(), fail("closed or sent undecided").c_str());
        }
        if (call.riskLevel == "high" && disposition)
            QVERIFY2(*disposition != routing::Disposition::Diverted &&
                         *disposition != routing::Disposition::Transferred988,
                     fail("high risk left on the phone").c_str());
        // Every step in order, none in the future, each present when it happened.
        const std::vector<std::pair<const char*, std::optional<TimePoint>>> steps = {
            {"received", call.receivedAt},     {"triaged", call.triagedAt},  {"decided", call.decidedAt},
            {"dispatched", call.dispatchedAt}, {"en route", call.enRouteAt}, {"on scene", call.onSceneAt},
            {"closed", call.closedAt},
        };
        TimePoint previous = call.receivedAt;
        const char* previousName = "received";
        for (const auto& [name, at] : steps) {
            if (!at)
                continue;
            QVERIFY2(previous <= *at, fail((std::string(name) + " before " + previousName).c_str()).c_str());
            QVERIFY2(*at <= o.end, fail((std::string(name) + " after the demo's now").c_str()).c_str());
            previous = *at;
            previousName = name;
        }
        QVERIFY2(call.triagedAt.has_value(), fail("screened without a time").c_str());
        QVERIFY2(call.decidedAt.has_value() == !call.disposition.empty(), fail("decision time").c_str());
        const bool sendsUnit = disposition && routing::sendsUnit(*disposition);
        QVERIFY2(call.dispatchedAt.has_value() == sendsUnit, fail("dispatch time").c_str());
        QVERIFY2(call.unit.empty() != sendsUnit, fail("unit").c_str());
        QVERIFY2(call.closedAt.has_value() == (call.status == "closed"), fail("close time").c_str());
        if (call.status == "dispatched") {
            QVERIFY2(sendsUnit && call.enRouteAt, fail("dispatched but no unit on the way").c_str());
            QVERIFY2(++liveCalls[call.unit] == 1, fail("a unit on two live calls").c_str());
        }
        if (sendsUnit) {
            QVERIFY2(
                call.unit.rfind(*disposition == routing::Disposition::CrtDispatch ? "CRT-" : "COR-", 0) == 0,
                fail("a unit of the wrong kind").c_str());
            const TimePoint to = call.closedAt.value_or(TimePoint::max());
            for (const Busy& other : unitBusy[call.unit])
                QVERIFY2(to <= other.from || other.to <= *call.dispatchedAt,
                         fail(("on " + call.unit + " while it was on " + other.cad).c_str()).c_str());
            unitBusy[call.unit].push_back({*call.dispatchedAt, to, call.cadNumber});
        }
    }
    // The demo's showcase: CRT-1 on scene, COR-1 en route, and calls waiting.
    QCOMPARE(liveCalls, (std::map<std::string, int>{{kDemoCorEnRoute, 1}, {kDemoCrtOnScene, 1}}));
}

void TestCoreDemoScenario::thirteenMonthsOfHistory()
{
    // issue 16: before the recent days, calls from the first of the month
    // thirteen months back, with the seasons; the recent days stay as they were.
    DemoOptions o = options(7);
    o.historyMonths = 13;
    const DemoScenario withHistory = makeDemoScenario(o);
    const DemoScenario recentOnly = makeDemoScenario(options(7));
    const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    using namespace std::chrono;
    std::map<std::pair<int, unsigned>, int> perMonth;
    for (const DemoCall& call : withHistory.calls) {
        const year_month_day date = zone.toLocal(call.receivedAt).date;
        ++perMonth[{int(date.year()), unsigned(date.month())}];
    }
    // kEnd is 2026-03-02: from 2025-02-01, every month there.
    QCOMPARE(perMonth.begin()->first, (std::pair<int, unsigned>{2025, 2}));
    QCOMPARE(perMonth.rbegin()->first, (std::pair<int, unsigned>{2026, 3}));
    QCOMPARE(perMonth.size(), std::size_t(14));
    const year_month_day first = zone.toLocal(withHistory.calls.front().receivedAt).date;
    QCOMPARE(unsigned(first.day()), 1U);
    for (const auto& [month, count] : perMonth) {
        if (month != std::pair<int, unsigned>{2026, 3})
            QVERIFY2(count > 150,
                     qPrintable(QStringLiteral("%1-%2: %3").arg(month.first).arg(month.second).arg(count)));
    }
    const int july = perMonth.at({2025, 7}), january = perMonth.at({2026, 1});
    QVERIFY2(july > 1.2 * january, qPrintable(QStringLiteral("July %1, January %2").arg(july).arg(january)));
    // Oldest first, and the recent days' calls the very same (but their CAD sequence numbers).
    for (std::size_t i = 1; i < withHistory.calls.size(); ++i)
        QVERIFY(withHistory.calls[i - 1].receivedAt <= withHistory.calls[i].receivedAt);
    QVERIFY(withHistory.calls.size() > recentOnly.calls.size() + 4000);
    const std::size_t offset = withHistory.calls.size() - recentOnly.calls.size();
    for (std::size_t i = 0; i < recentOnly.calls.size(); ++i) {
        const DemoCall &a = withHistory.calls[offset + i], &b = recentOnly.calls[i];
        QVERIFY(a.receivedAt == b.receivedAt && a.callType == b.callType && a.beat == b.beat &&
                a.disposition == b.disposition && a.person == b.person);
        QVERIFY(!a.followUp && !a.clearedAt);
    }

    // The history's units have their steps, so the report times past months:
    // dispatched <= en route <= on scene <= cleared = closed, 10 to 24 minutes
    // on the road; and about half of the CRT's visits and of the calls resolved
    // by phone led to a follow-up, closed: most within 48 hours, some late,
    // some never reached.
    std::map<std::pair<int, unsigned>, int> timed, followUps;
    int within = 0, late = 0, unreached = 0, visits = 0, visitFollowUps = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        const DemoCall& call = withHistory.calls[i];
        const year_month_day date = zone.toLocal(call.receivedAt).date;
        if (!call.unit.empty()) {
            QVERIFY(call.dispatchedAt && call.enRouteAt && call.onSceneAt && call.clearedAt);
            QVERIFY(*call.dispatchedAt <= *call.enRouteAt && *call.enRouteAt <= *call.onSceneAt &&
                    *call.onSceneAt <= *call.clearedAt && *call.clearedAt == *call.closedAt);
            const auto road = *call.onSceneAt - *call.dispatchedAt;
            QVERIFY2(road >= minutes{10} && road <= minutes{24}, call.cadNumber.c_str());
            if (call.disposition == "crt_dispatch")
                ++timed[{int(date.year()), unsigned(date.month())}];
        } else {
            QVERIFY(!call.enRouteAt && !call.onSceneAt && !call.clearedAt);
        }
        if (call.disposition == "crt_dispatch") {
            ++visits;
            visitFollowUps += call.followUp ? 1 : 0;
        }
        if (!call.followUp)
            continue;
        const DemoFollowUp& task = *call.followUp;
        QVERIFY(task.kind == (call.disposition == "crt_dispatch" ? "follow_up" : "check_in"));
        QVERIFY(call.disposition == "crt_dispatch" || call.disposition == "diverted");
        QVERIFY(*call.closedAt <= task.contactAt && task.contactAt < task.closedAt && task.closedAt <= o.end);
        QCOMPARE(task.dueAt, task.contactAt + hours{48});
        ++followUps[{int(date.year()), unsigned(date.month())}];
        if (task.outcome == "unable_to_reach") {
            QCOMPARE(task.attempts, 3);
            ++unreached;
        } else {
            QVERIFY(task.outcome == "connected" || task.outcome == "declined" ||
                    task.outcome == "already_connected");
            ++(task.closedAt <= task.dueAt ? within : late);
        }
    }
    for (const auto& [month, count] : perMonth) {
        if (month == std::pair<int, unsigned>{2026, 3} || month == std::pair<int, unsigned>{2026, 2})
            continue; // the recent days
        QVERIFY2(timed[month] > 5 && followUps[month] > 10,
                 qPrintable(QStringLiteral("%1-%2: %3 timed, %4 follow-ups")
                                .arg(month.first)
                                .arg(month.second)
                                .arg(timed[month])
                                .arg(followUps[month])));
    }
    const int all = within + late + unreached;
    QVERIFY2(
        within > all / 2 && late > all / 10 && unreached > all / 20 && unreached < all / 4,
        qPrintable(QStringLiteral("%1 within, %2 late, %3 unreached").arg(within).arg(late).arg(unreached)));
    QVERIFY2(visitFollowUps > visits / 3 && visitFollowUps < visits * 2 / 3,
             qPrintable(QStringLiteral("%1 of %2").arg(visitFollowUps).arg(visits)));
    // The same for the seed, every time.
    const DemoScenario again = makeDemoScenario(o);
    QCOMPARE(again.calls.size(), withHistory.calls.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const DemoCall &a = withHistory.calls[i], &b = again.calls[i];
        QVERIFY(a.onSceneAt == b.onSceneAt && a.followUp.has_value() == b.followUp.has_value());
        if (a.followUp)
            QVERIFY(a.followUp->closedAt == b.followUp->closedAt &&
                    a.followUp->outcome == b.followUp->outcome);
    }
}

QTEST_GUILESS_MAIN(TestCoreDemoScenario)
#include "tst_core_demo_scenario.moc"
