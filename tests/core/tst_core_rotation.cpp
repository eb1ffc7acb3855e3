// Shift rotation rules: every violation type caught on an otherwise valid
// schedule; the generator's output passes the validator for many random
// staff lists (property test), infeasible lists are explained and adding
// what the explanation asks for makes them feasible; coverage arithmetic.
#include "core/roster/CoverageAnalysis.h"
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationValidator.h"

#include <QTest>

using namespace heart::roster;
using namespace std::chrono;

namespace {

constexpr year_month_day kMonday{year{2026}, month{11}, day{2}};

std::vector<StaffMember> staffList(int clinicians, int peers, int emts, const std::string& code)
{
    std::vector<StaffMember> staff;
    int id = 0;
    auto add = [&](int count, ResponderRole role) {
        for (int i = 0; i < count; ++i) {
            ++id;
            staff.push_back({code + "-" + std::to_string(id), "Person " + std::to_string(id), role, code});
        }
    };
    add(clinicians, ResponderRole::Clinician);
    add(peers, ResponderRole::PeerSupport);
    add(emts, ResponderRole::Emt);
    return staff;
}

std::vector<StaffMember> durhamLike()
{
    auto staff = staffList(3, 2, 1, "early");
    auto late = staffList(3, 1, 2, "late");
    staff.insert(staff.end(), late.begin(), late.end());
    return staff;
}

int countCode(const std::vector<Violation>& violations, Violation::Code code)
{
    return static_cast<int>(std::count_if(violations.begin(), violations.end(),
                                          [code](const Violation& v) { return v.code == code; }));
}

QString describe(const std::vector<Violation>& violations)
{
    QStringList lines;
    for (const Violation& v : violations)
        lines << QStringLiteral("code %1 person %2 day %3 week %4 shift %5")
                     .arg(int(v.code))
                     .arg(v.person)
                     .arg(v.day)
                     .arg(v.week)
                     .arg(QString::fromStdString(v.shiftCode));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedDurhamRotationIsValid();
    void eachViolationIsCaught();
    void generatorPropertyOverRandomStaffLists();
    void infeasibleListIsExplained();
    void generatorIsDeterministic();
    void coverageMath();

private:
    static Schedule validSchedule(const RotationRules& rules)
    {
        auto result = generateRotation(durhamLike(), rules, kMonday, 7);
        return result.schedule.value_or(Schedule{});
    }
};

void TestRotation::generatedDurhamRotationIsValid()
{
    RotationRules rules;
    auto result = generateRotation(durhamLike(), rules, kMonday, 7);
    QVERIFY(result.schedule.has_value());
    QVERIFY(result.shortages.empty());
    const auto violations = validateRotation(*result.schedule, rules);
    QVERIFY2(violations.empty(), qPrintable(describe(violations)));
    // Every person: 18 shifts and 6 admin blocks in the cycle, on their own shift.
    for (std::size_t p = 0; p < result.schedule->staff.size(); ++p) {
        int shifts = 0, admin = 0;
        for (const Duty& d : result.schedule->duties[p]) {
            shifts += d.kind == DutyKind::Shift;
            admin += d.kind == DutyKind::Admin;
            if (d.kind == DutyKind::Shift)
                QCOMPARE(d.shiftCode, result.schedule->staff[p].shiftCode);
        }
        QCOMPARE(shifts, 18);
        QCOMPARE(admin, 6);
    }
}

void TestRotation::eachViolationIsCaught()
{
    RotationRules rules;
    const Schedule valid = validSchedule(rules);
    QVERIFY(validateRotation(valid, rules).empty());
    auto firstDay = [&](int person, DutyKind kind, int fromDay, bool weekend) {
        for (int d = fromDay; d < valid.dayCount(); ++d) {
            const bool isWeekend = Schedule::weekdayOf(d) >= 5;
            if (valid.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(d)].kind == kind &&
                isWeekend == weekend)
                return d;
        }
        return -1;
    };

    { // a fourth shift in a week (on the person's free weekday)
        Schedule s = valid;
        const int day = firstDay(0, DutyKind::Off, 7, false);
        QVERIFY(day >= 0);
        s.duties[0][static_cast<std::size_t>(day)] = Duty{DutyKind::Shift, s.staff[0].shiftCode, 0};
        const auto v = validateRotation(s, rules);
        QCOMPARE(countCode(v, Violation::Code::ShiftsPerWeek), 1);
        const auto found = std::find_if(v.begin(), v.end(), [](const Violation& x) {
            return x.code == Violation::Code::ShiftsPerWeek;
        });
        QCOMPARE(found->person, 0);
        QCOMPARE(found->week, day / 7);
        QCOMPARE(found->param("count"), 4);
        QCOMPARE(found->param("expected"), 3);
    }
    { // admin hours missing
        Schedule s = valid;
        const int day = firstDay(0, DutyKind::Admin, 0, false);
        s.duties[0][static_cast<std::size_t>(day)] = Duty{};
        const auto v = validateRotation(s, rules);
        QCOMPARE(countCode(v, Violation::Code::AdminHours), 1);
    }
    { // the fixed shift start changed
        Schedule s = valid;
        const int day = firstDay(0, DutyKind::Shift, 0, false);
        s.duties[0][static_cast<std::size_t>(day)].shiftCode = "late";
        const auto v = validateRotation(s, rules);
        QCOMPARE(countCode(v, Violation::Code::ShiftStartChanged), 1);
        QCOMPARE(v.front().day, day);
    }
    { // an unknown shift
        Schedule s = valid;
        const int day = firstDay(0, DutyKind::Shift, 0, false);
        s.duties[0][static_cast<std::size_t>(day)].shiftCode = "night";
        QCOMPARE(countCode(validateRotation(s, rules), Violation::Code::UnknownShift), 1);
    }
    { // a second weekend too soon: move a weekday shift of a non-weekend week to Saturday
        Schedule s = valid;
        int week = -1;
        for (int w = 0; w < s.weeks && week < 0; ++w) {
            if (s.duties[0][static_cast<std::size_t>(w * 7 + 5)].kind == DutyKind::Off)
                week = w;
        }
        QVERIFY(week >= 0);
        for (int d = week * 7; d < week * 7 + 5; ++d) {
            if (s.duties[0][static_cast<std::size_t>(d)].kind == DutyKind::Shift) {
                s.duties[0][static_cast<std::size_t>(d)] = Duty{};
                break;
            }
        }
        s.duties[0][static_cast<std::size_t>(week * 7 + 5)] = Duty{DutyKind::Shift, s.staff[0].shiftCode, 0};
        const auto v = validateRotation(s, rules);
        QCOMPARE(countCode(v, Violation::Code::WeekendFrequency), 1);
    }
    { // no 6-day break: a shift in the middle of every free run
        Schedule s = valid;
        RotationRules strict = rules;
        strict.minBreakDays = 9; // longer than any run the pattern has
        QCOMPARE(countCode(validateRotation(s, strict), Violation::Code::NoBreak),
                 static_cast<int>(s.staff.size()));
    }
    { // a team short: take the only support person off a weekend shift
        Schedule s = valid;
        RotationRules more = rules;
        more.teamsPerShift = 2;
        const auto v = validateRotation(s, more);
        QVERIFY(countCode(v, Violation::Code::TeamShortfall) > 0);
        const auto shortfall = std::find_if(v.begin(), v.end(), [](const Violation& x) {
            return x.code == Violation::Code::TeamShortfall;
        });
        QCOMPARE(shortfall->person, -1);
        QCOMPARE(shortfall->param("required"), 2);
        QVERIFY(shortfall->param("teams") < 2);
    }
}

void TestRotation::generatorPropertyOverRandomStaffLists()
{
    std::uint64_t state = 20221023;
    auto next = [&state](int lo, int hi) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return lo + static_cast<int>((state >> 33) % static_cast<std::uint64_t>(hi - lo + 1));
    };
    int feasible = 0, infeasible = 0;
    for (int round = 0; round < 250; ++round) {
        RotationRules rules;
        rules.teamsPerShift = next(1, 3);
        std::vector<StaffMember> staff;
        for (const char* code : {"early", "late"}) {
            auto part = staffList(next(0, 12), next(0, 7), next(0, 7), code);
            staff.insert(staff.end(), part.begin(), part.end());
        }
        const auto result = generateRotation(staff, rules, kMonday, static_cast<std::uint64_t>(round));
        if (result.schedule) {
            ++feasible;
            const auto violations = validateRotation(*result.schedule, rules);
            QVERIFY2(violations.empty(), qPrintable(QStringLiteral("round %1:\n").arg(round) + describe(violations)));
            continue;
        }
        ++infeasible;
        QVERIFY2(!result.shortages.empty(), qPrintable(QStringLiteral("round %1: no schedule, no reason").arg(round)));
        // Add exactly what the explanation asks for: now it must work.
        std::vector<StaffMember> more = staff;
        std::map<std::pair<bool, std::string>, int> add;
        for (const StaffShortage& s : result.shortages)
            add[{s.support, s.shiftCode}] = std::max(add[{s.support, s.shiftCode}], s.more);
        int extra = 0;
        for (const auto& [key, count] : add) {
            for (int i = 0; i < count; ++i) {
                more.push_back({"extra-" + std::to_string(++extra), "Extra", key.first ? ResponderRole::Emt
                                                                                       : ResponderRole::Clinician,
                                key.second});
            }
        }
        const auto again = generateRotation(more, rules, kMonday, static_cast<std::uint64_t>(round));
        QVERIFY2(again.schedule.has_value(), qPrintable(QStringLiteral("round %1: still infeasible").arg(round)));
        QVERIFY(validateRotation(*again.schedule, rules).empty());
    }
    QVERIFY(feasible > 20);
    QVERIFY(infeasible > 20);
}

void TestRotation::infeasibleListIsExplained()
{
    RotationRules rules;
    rules.shifts = {{"late", 12 * 60, 720}};
    const auto result = generateRotation(staffList(2, 0, 2, "late"), rules, kMonday, 1);
    QVERIFY(!result.schedule);
    // Each works one weekend in three: three of each kind are needed for one team every weekend.
    QCOMPARE(result.shortages.size(), std::size_t(4));
    for (const StaffShortage& s : result.shortages) {
        QCOMPARE(s.shiftCode, std::string("late"));
        QVERIFY(s.weekday == 5 || s.weekday == 6);
        QCOMPARE(s.more, 1);
    }
}

void TestRotation::generatorIsDeterministic()
{
    RotationRules rules;
    const auto a = generateRotation(durhamLike(), rules, kMonday, 42);
    const auto b = generateRotation(durhamLike(), rules, kMonday, 42);
    QVERIFY(a.schedule && b.schedule);
    QVERIFY(*a.schedule == *b.schedule);
}

void TestRotation::coverageMath()
{
    // One team on "early" (09:00-21:00) every day; demand 2 calls an hour on
    // Saturdays 10:00-13:00, 0.5 elsewhere in the day.
    RotationRules rules;
    rules.shifts = {{"early", 9 * 60, 720}};
    Schedule s;
    s.start = kMonday;
    s.weeks = 1;
    s.staff = staffList(1, 1, 0, "early");
    s.duties.assign(2, std::vector<Duty>(7, Duty{DutyKind::Shift, "early", 0}));
    std::array<double, 168> demand{};
    for (int day = 0; day < 7; ++day)
        for (int h = 9; h < 21; ++h)
            demand[static_cast<std::size_t>(day * 24 + h)] = 0.5;
    for (int h = 10; h < 13; ++h)
        demand[static_cast<std::size_t>(5 * 24 + h)] = 2.0;
    demand[static_cast<std::size_t>(2 * 24 + 22)] = 1.0; // Wednesday 22:00: nobody on duty

    const CoverageReport report = analyseCoverage(s, rules, demand);
    QCOMPARE(report.hours[9].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[8].teamsOnDuty, 0.0);
    QCOMPARE(report.hours[5 * 24 + 11].shortfallTeams, 1.0);
    QCOMPARE(report.gaps.size(), std::size_t(2));
    const CoverageGap& wednesday = report.gaps[0];
    QCOMPARE(wednesday.firstHourOfWeek, 2 * 24 + 22);
    QCOMPARE(wednesday.hours, 1);
    // A weekday is worked in (3 - 2/3)/5 of weeks: one more team needs 3 people of each kind.
    QCOMPARE(wednesday.moreClinicians, 3);
    const CoverageGap& saturday = report.gaps[1];
    QCOMPARE(saturday.firstHourOfWeek, 5 * 24 + 10);
    QCOMPARE(saturday.hours, 3);
    QCOMPARE(saturday.worstShortfallTeams, 1.0);
    // A weekend day is worked one week in three.
    QCOMPARE(saturday.moreClinicians, 3);
    QCOMPARE(saturday.moreSupport, 3);
    // A team that takes two calls an hour closes the Saturday gap.
    CoverageOptions faster;
    faster.callsPerTeamHour = 2.0;
    QCOMPARE(analyseCoverage(s, rules, demand, faster).gaps.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_core_rotation.moc"
