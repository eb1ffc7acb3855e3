// The rotation validator: a hand-made valid Durham rotation has no
// violation; each violation code is caught when one edit breaks exactly that
// rule (and nothing else), with the person, day, week and parameters the
// UI puts into words; violations come in the documented stable order.
#include "core/RosterTestSupport.h"
#include "core/roster/RotationValidator.h"

#include <QTest>
#include <functional>
#include <set>

using namespace heart::roster;
using namespace heart::roster::test;

namespace {

using Edit = std::function<void(Schedule&, RotationRules&)>;

struct Case
{
    const char* name;
    Edit edit;
    Violation expected;
};

Duty shift(const std::string& code)
{
    return Duty{DutyKind::Shift, code, 0};
}

// Person 0 is the first "early" clinician; their week 1 is "SSAS..."
// (Monday, Tuesday, Thursday shifts; Wednesday admin), week 0 "...ASSS".
const std::vector<Case>& cases()
{
    using C = Violation::Code;
    static const std::vector<Case> all{
        {"fourth shift in a week",
         [](Schedule& s, RotationRules&) { s.duties[0][7 + 4] = shift("early"); },
         {C::ShiftsPerWeek, 0, -1, 1, {}, {{"count", 4}, {"expected", 3}}}},
        {"admin too short",
         [](Schedule& s, RotationRules&) { s.duties[0][7 + 2].adminMinutes = 120; },
         {C::AdminHours, 0, -1, 1, {}, {{"minutes", 120}, {"expected", 240}}}},
        {"admin missing",
         [](Schedule& s, RotationRules&) { s.duties[0][7 + 2] = Duty{}; },
         {C::AdminHours, 0, -1, 1, {}, {{"minutes", 0}, {"expected", 240}}}},
        {"admin split over two days",
         [](Schedule& s, RotationRules&) {
             s.duties[0][7 + 2].adminMinutes = 120;
             s.duties[0][7 + 4] = Duty{DutyKind::Admin, {}, 120};
         },
         {C::AdminHours, 0, -1, 1, {}, {{"minutes", 240}, {"expected", 240}}}},
        {"admin where the rules have none",
         [](Schedule& s, RotationRules& r) {
             r.adminMinutesPerWeek = 0;
             for (auto& row : s.duties)
                 for (Duty& d : row)
                     if (d.kind == DutyKind::Admin)
                         d = Duty{};
             s.duties[0][7 + 2] = Duty{DutyKind::Admin, {}, 60};
         },
         {C::AdminHours, 0, -1, 1, {}, {{"minutes", 60}, {"expected", 0}}}},
        {"weekend right after a weekend",
         [](Schedule& s, RotationRules&) { // Monday is covered by another clinician that week
             s.duties[0][7 + 0] = Duty{};
             s.duties[0][7 + 5] = shift("early");
         },
         {C::WeekendFrequency, 0, -1, 1, {}, {{"weekendsWorked", 3}, {"allowed", 2}}}},
        {"too few weekends in the cycle",
         [](Schedule& s, RotationRules& r) { // no team rule, so an empty weekend breaks nothing else
             r.teamsPerShift = 0;
             const auto week = weekFromText("SSSA...", "early");
             std::copy(week.begin(), week.end(), s.duties[0].begin() + 21);
         },
         {C::WeekendFrequency, 0, -1, -1, {}, {{"weekendsWorked", 1}, {"allowed", 2}}}},
        {"weekend where the program is closed on weekends",
         [](Schedule& s, RotationRules& r) {
             r = RotationRules{};
             r.shifts = {{"early", 9 * 60, 720}};
             r.teamsPerShift = 0;
             r.minBreakDays = 3;
             r.programDays = {true, true, true, true, true, false, false};
             s.staff.resize(1);
             s.duties.assign(1, {});
             for (int week = 0; week < 6; ++week) {
                 const auto part = weekFromText(week == 2 ? "SS.A.S." : "SSSA...", "early");
                 s.duties[0].insert(s.duties[0].end(), part.begin(), part.end());
             }
         },
         {C::WeekendFrequency, 0, -1, -1, {}, {{"weekendsWorked", 1}, {"allowed", 0}}}},
        {"no six-day break",
         [](Schedule& s, RotationRules&) { // admin from Thursday to Tuesday of week 0: Fri..Mon is 4 days
             s.duties[0][3] = Duty{};
             s.duties[0][1] = Duty{DutyKind::Admin, {}, 240};
         },
         {C::NoBreak, 0, -1, -1, {}, {{"longestBreakDays", 5}, {"required", 6}}}},
        {"shift start changed",
         [](Schedule& s, RotationRules&) { s.duties[0][7].shiftCode = "late"; },
         {C::ShiftStartChanged, 0, 7, 1, "late", {}}},
        {"unknown shift",
         [](Schedule& s, RotationRules&) { s.duties[0][7].shiftCode = "night"; },
         {C::UnknownShift, 0, 7, 1, "night", {}}},
        {"team short",
         [](Schedule& s, RotationRules&) { // the only early clinician on Thursday of week 1 moves to Friday
             s.duties[0][7 + 3] = Duty{};
             s.duties[0][7 + 4] = shift("early");
         },
         {C::TeamShortfall,
          -1,
          10,
          1,
          "early",
          {{"teams", 0}, {"required", 1}, {"clinicians", 0}, {"support", 1}}}},
    };
    return all;
}

} // namespace

class TestRotationValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handMadeRotationIsValid();
    void eachRuleBroken_data();
    void eachRuleBroken();
    void everyCodeHasACase();
    void stableOrder();
    void staffing();
    void malformedScheduleIsSafe();
};

void TestRotationValidator::handMadeRotationIsValid()
{
    const Schedule s = handMadeSchedule({"early", "late"});
    const auto violations = validateRotation(s, RotationRules{});
    QVERIFY2(violations.empty(), qPrintable(describe(violations)));
    // Durham's numbers: 18 shifts and 6 administrative blocks per person.
    for (const auto& row : s.duties) {
        QCOMPARE(
            std::count_if(row.begin(), row.end(), [](const Duty& d) { return d.kind == DutyKind::Shift; }),
            18);
        QCOMPARE(
            std::count_if(row.begin(), row.end(), [](const Duty& d) { return d.kind == DutyKind::Admin; }),
            6);
    }
}

void TestRotationValidator::eachRuleBroken_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << static_cast<int>(i);
}

void TestRotationValidator::eachRuleBroken()
{
    QFETCH(int, index);
    const Case& c = cases()[static_cast<std::size_t>(index)];
    Schedule s = handMadeSchedule({"early", "late"});
    RotationRules rules;
    c.edit(s, rules);
    const auto violations = validateRotation(s, rules);
    QVERIFY2(violations.size() == 1, qPrintable(describe(violations)));
    const Violation& v = violations.front();
    QCOMPARE(int(v.code), int(c.expected.code));
    QCOMPARE(v.person, c.expected.person);
    QCOMPARE(v.day, c.expected.day);
    QCOMPARE(v.week, c.expected.week);
    QCOMPARE(v.shiftCode, c.expected.shiftCode);
    QCOMPARE(v.params, c.expected.params);
    for (const auto& [key, value] : c.expected.params)
        QCOMPARE(v.param(key), value);
    QCOMPARE(v.param("no such parameter"), 0);
}

void TestRotationValidator::everyCodeHasACase()
{
    std::set<int> codes;
    for (const Case& c : cases())
        codes.insert(int(c.expected.code));
    QCOMPARE(codes.size(), std::size_t(7)); // ShiftsPerWeek .. TeamShortfall
}

void TestRotationValidator::stableOrder()
{
    Schedule s = handMadeSchedule({"early", "late"});
    RotationRules rules;
    s.duties[0][1] = Duty{DutyKind::Admin, {}, 240}; // person 0: two admin blocks in week 0, break Fri..Mon
    s.duties[0][7 + 4] = shift("early");             // person 0: a fourth shift in week 1
    s.duties[0][7].shiftCode = "late";               // person 0: shift start changed on day 7
    s.duties[6][7 + 3] = Duty{}; // person 6 (late clinician): two shifts in week 1, late short day 10
    s.duties[7][7 + 5].shiftCode = "night"; // person 7: unknown shift on day 12, late short that day
    const auto v = validateRotation(s, rules);
    QStringList got;
    for (const Violation& x : v)
        got << QStringLiteral("%1/%2/%3/%4/%5")
                   .arg(int(x.code))
                   .arg(x.person)
                   .arg(x.day)
                   .arg(x.week)
                   .arg(QString::fromStdString(x.shiftCode));
    using C = Violation::Code;
    const QStringList expected{
        QStringLiteral("%1/0/-1/-1/").arg(int(C::NoBreak)),             // a whole-cycle rule first
        QStringLiteral("%1/0/-1/0/").arg(int(C::AdminHours)),           // week 0 at its Monday
        QStringLiteral("%1/0/-1/1/").arg(int(C::ShiftsPerWeek)),        // week 1 at its Monday (day 7) ...
        QStringLiteral("%1/0/7/1/late").arg(int(C::ShiftStartChanged)), // ... before day 7's own rule
        QStringLiteral("%1/6/-1/1/").arg(int(C::ShiftsPerWeek)),
        QStringLiteral("%1/7/12/1/night").arg(int(C::UnknownShift)),
        QStringLiteral("%1/-1/10/1/late").arg(int(C::TeamShortfall)), // then shortfalls by day and shift
        QStringLiteral("%1/-1/12/1/late").arg(int(C::TeamShortfall)),
    };
    QCOMPARE(got, expected);
    QCOMPARE(v[1].param("minutes"), 480);
    QCOMPARE(v[0].param("longestBreakDays"), 5);
}

void TestRotationValidator::staffing()
{
    const Schedule s = handMadeSchedule({"early", "late"});
    // Monday of week 0: the clinicians at pattern weeks 0, 5, 4 -> two work Monday.
    const ShiftStaffing monday = staffingOn(s, 0, "early");
    QCOMPARE(monday.clinicians, 2);
    QCOMPARE(monday.support, 2);
    QCOMPARE(monday.teams(), 2);
    QCOMPARE(staffingOn(s, 0, "night").teams(), 0);
    QCOMPARE((ShiftStaffing{3, 1}.teams()), 1);
}

void TestRotationValidator::malformedScheduleIsSafe()
{
    Schedule s = handMadeSchedule({"early"});
    s.duties[0].resize(10); // a half-edited row
    s.duties.pop_back();    // and a missing one
    const auto v = validateRotation(s, RotationRules{});
    QVERIFY(countCode(v, Violation::Code::ShiftsPerWeek) > 0);
    QCOMPARE(staffingOn(s, 40, "early").clinicians, 1);
}

QTEST_GUILESS_MAIN(TestRotationValidator)
#include "tst_core_rotation_validator.moc"
