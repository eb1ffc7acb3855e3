// The rotation generator: its output passes the validator for hundreds of
// seeded random staff lists (sizes, role mixes, shift codes, K = 1..3);
// when it gives no schedule it explains why, and adding the people the
// explanation asks for makes it succeed; it is deterministic for a seed,
// exactly as demanding as the one-weekend-in-three rule (3K people of each
// kind per shift), and handles other rule sets (a program closed on
// weekends, other cycle lengths) or says they need a hand-made rotation.
#include "core/RosterTestSupport.h"
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationPatterns.h"
#include "core/roster/RotationValidator.h"

#include <QTest>
#include <map>

using namespace heart::roster;
using namespace heart::roster::test;

namespace {

// A small seeded generator (PCG-style LCG step), so the lists are the same
// on every run and every platform.
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    int between(int lo, int hi)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return lo + static_cast<int>((m_state >> 33) % static_cast<std::uint64_t>(hi - lo + 1));
    }

private:
    std::uint64_t m_state;
};

const std::vector<ShiftTemplate>& allTemplates()
{
    static const std::vector<ShiftTemplate> all{
        {"early", 9 * 60, 720}, {"late", 12 * 60, 720}, {"night", 20 * 60, 720}, {"mid", 10 * 60, 600}};
    return all;
}

int shiftsOf(const std::vector<Duty>& row)
{
    return static_cast<int>(
        std::count_if(row.begin(), row.end(), [](const Duty& d) { return d.kind == DutyKind::Shift; }));
}

// Checks a result the way the issue demands; returns an empty string when
// it holds, else what failed.
QString checkResult(const std::vector<StaffMember>& staff, const RotationRules& rules,
                    const GenerationResult& result, std::uint64_t seed)
{
    if (result.schedule) {
        const auto violations = validateRotation(*result.schedule, rules);
        if (!violations.empty())
            return QStringLiteral("violations:\n") + describe(violations);
        if (result.schedule->staff != staff)
            return QStringLiteral("staff changed");
        for (std::size_t p = 0; p < staff.size(); ++p)
            for (const Duty& d : result.schedule->duties[p])
                if (d.kind == DutyKind::Shift && d.shiftCode != staff[p].shiftCode)
                    return QStringLiteral("someone works another shift");
        return {};
    }
    if (result.shortages.empty())
        return QStringLiteral("no schedule and no reason");
    // Add exactly what the explanation asks for: now it must work.
    std::vector<StaffMember> more = staff;
    std::map<std::pair<bool, std::string>, int> add;
    for (const StaffShortage& s : result.shortages) {
        if (s.more <= 0 || s.weekday < 0 || s.weekday > 6 || !rules.shift(s.shiftCode))
            return QStringLiteral("a shortage without a number, a day or a known shift");
        add[{s.support, s.shiftCode}] = std::max(add[{s.support, s.shiftCode}], s.more);
    }
    int extra = 0;
    for (const auto& [key, count] : add) {
        for (int i = 0; i < count; ++i) {
            ++extra;
            const ResponderRole role = !key.first
                                           ? ResponderRole::Clinician
                                           : (extra % 2 ? ResponderRole::Emt : ResponderRole::PeerSupport);
            more.push_back({"extra-" + std::to_string(extra), "Extra", role, key.second});
        }
    }
    const auto again = generateRotation(more, rules, kMonday, seed);
    if (!again.schedule)
        return QStringLiteral("still infeasible after adding %1 people").arg(extra);
    if (!validateRotation(*again.schedule, rules).empty())
        return QStringLiteral("invalid after adding people");
    return {};
}

} // namespace

class TestRotationGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durhamRotationIsValid();
    void propertyOverRandomStaffLists();
    void propertyOverOtherRules();
    void exactlyThreeKPerKindAndShift_data();
    void exactlyThreeKPerKindAndShift();
    void infeasibleListIsExplained();
    void unknownShiftIsAPrecondition();
    void unbuildableRulesGiveNoShortage();
    void closedOnWeekends();
    void deterministicForASeed();
};

void TestRotationGenerator::durhamRotationIsValid()
{
    auto staff = staffList(3, 2, 1, "early");
    const auto late = staffList(3, 1, 2, "late");
    staff.insert(staff.end(), late.begin(), late.end());
    const auto result = generateRotation(staff, RotationRules{}, kMonday, 7);
    QVERIFY(result.schedule.has_value());
    QVERIFY(result.shortages.empty());
    QCOMPARE(checkResult(staff, RotationRules{}, result, 7), QString());
    QVERIFY(result.schedule->start == kMonday);
    QCOMPARE(result.schedule->weeks, 6);
    for (const auto& row : result.schedule->duties) {
        QCOMPARE(row.size(), std::size_t(42));
        QCOMPARE(shiftsOf(row), 18);
    }
}

void TestRotationGenerator::propertyOverRandomStaffLists()
{
    Lcg random(20221023);
    int feasible = 0, infeasible = 0;
    for (int round = 0; round < 240; ++round) {
        RotationRules rules;
        rules.teamsPerShift = random.between(1, 3);
        // One to three shift templates, in a random order.
        std::vector<ShiftTemplate> templates = allTemplates();
        for (std::size_t i = templates.size() - 1; i > 0; --i)
            std::swap(templates[i],
                      templates[static_cast<std::size_t>(random.between(0, static_cast<int>(i)))]);
        templates.resize(static_cast<std::size_t>(random.between(1, 3)));
        rules.shifts = templates;
        std::vector<StaffMember> staff;
        for (const ShiftTemplate& t : templates) {
            // Per kind: mostly around the 3K boundary, sometimes anything
            // from nobody up, sometimes far above it.
            const int k = rules.teamsPerShift;
            auto count = [&] {
                const int pick = random.between(0, 9);
                if (pick == 0)
                    return random.between(0, 3 * k);
                if (pick == 1)
                    return random.between(3 * k, 10 * k);
                return std::max(0, 3 * k + random.between(-1, 6));
            };
            const int support = count();
            const int peers = random.between(0, support);
            auto part = staffList(count(), peers, support - peers, t.code);
            staff.insert(staff.end(), part.begin(), part.end());
        }
        // Shuffle so classes interleave in the list.
        for (std::size_t i = staff.size(); i > 1; --i)
            std::swap(staff[i - 1],
                      staff[static_cast<std::size_t>(random.between(0, static_cast<int>(i - 1)))]);
        const auto seed = static_cast<std::uint64_t>(round);
        const auto result = generateRotation(staff, rules, kMonday, seed);
        (result.schedule ? feasible : infeasible) += 1;
        const QString problem = checkResult(staff, rules, result, seed);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("round %1 (K=%2, %3 staff): %4")
                                                   .arg(round)
                                                   .arg(rules.teamsPerShift)
                                                   .arg(staff.size())
                                                   .arg(problem)));
    }
    qInfo("%d lists built, %d explained and fixed by adding the people asked for", feasible, infeasible);
    // Both outcomes are exercised.
    QVERIFY2(feasible > 40, qPrintable(QString::number(feasible)));
    QVERIFY2(infeasible > 40, qPrintable(QString::number(infeasible)));
}

void TestRotationGenerator::propertyOverOtherRules()
{
    // Other programs' rules: cycle length, weekend interval, break, days
    // open, shifts a week. Where the generator's construction applies, the
    // same property holds; otherwise it says so without a shortage.
    Lcg random(911);
    int built = 0, unbuildable = 0;
    for (int round = 0; round < 120; ++round) {
        RotationRules rules;
        rules.weeks = random.between(3, 8);
        rules.shiftsPerWeek = random.between(2, 4);
        rules.weekendOneIn = random.between(2, 4);
        rules.minBreakDays = random.between(0, 6);
        rules.adminMinutesPerWeek = random.between(0, 1) * 240;
        rules.teamsPerShift = random.between(1, 2);
        if (random.between(0, 2) == 0)
            rules.programDays = {true, true, true, true, true, false, false};
        rules.shifts = {{"early", 9 * 60, 720}};
        const auto staff =
            staffList(random.between(0, 14), random.between(0, 6), random.between(0, 6), "early");
        const auto result = generateRotation(staff, rules, kMonday, static_cast<std::uint64_t>(round));
        if (detail::unsupportedRules(rules)) {
            ++unbuildable;
            QVERIFY(!result.schedule && result.shortages.empty());
            continue;
        }
        ++built;
        const QString problem = checkResult(staff, rules, result, static_cast<std::uint64_t>(round));
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problem)));
    }
    qInfo("%d rule sets built or explained, %d beyond the generator", built, unbuildable);
    QVERIFY(built > 60);
    QVERIFY(unbuildable > 0);
}

void TestRotationGenerator::exactlyThreeKPerKindAndShift_data()
{
    QTest::addColumn<int>("teams");
    for (int k = 1; k <= 5; ++k)
        QTest::newRow(qPrintable(QStringLiteral("K=%1").arg(k))) << k;
}

void TestRotationGenerator::exactlyThreeKPerKindAndShift()
{
    // Each person works one weekend in three, so a shift needs 3K people of
    // each kind for K teams every weekend; the generator needs no more.
    QFETCH(int, teams);
    RotationRules rules;
    rules.teamsPerShift = teams;
    rules.shifts = {{"late", 12 * 60, 720}};
    const auto enough = generateRotation(staffList(3 * teams, teams, 2 * teams, "late"), rules, kMonday, 3);
    QVERIFY(enough.schedule.has_value());
    QVERIFY(validateRotation(*enough.schedule, rules).empty());
    const auto fewer =
        generateRotation(staffList(3 * teams, teams, 2 * teams - 1, "late"), rules, kMonday, 3);
    QVERIFY(!fewer.schedule);
    for (const StaffShortage& s : fewer.shortages) {
        QVERIFY(s.support);
        QCOMPARE(s.more, 1);
    }
    QCOMPARE(detail::smallestCoveringCount(0, rules), std::optional<int>(3 * teams));
}

void TestRotationGenerator::infeasibleListIsExplained()
{
    // 2 clinicians and 2 EMTs on "late", one team: each works one weekend in
    // three, so some weekends have nobody; one more of each fixes it.
    RotationRules rules; // early and late
    const auto result = generateRotation(staffList(2, 0, 2, "late"), rules, kMonday, 1);
    QVERIFY(!result.schedule);
    for (bool support : {false, true}) {
        for (int weekday : {5, 6}) {
            const auto found =
                std::find_if(result.shortages.begin(), result.shortages.end(), [&](const StaffShortage& s) {
                    return s.support == support && s.shiftCode == "late" && s.weekday == weekday;
                });
            QVERIFY2(found != result.shortages.end(),
                     qPrintable(QStringLiteral("%1 %2").arg(support).arg(weekday)));
            QCOMPARE(found->more, 1);
        }
    }
    // Nobody holds "early": 3 of each kind, on every day.
    int early = 0;
    for (const StaffShortage& s : result.shortages) {
        QVERIFY(s.more == 1 || s.shiftCode == "early");
        if (s.shiftCode == "early") {
            ++early;
            QCOMPARE(s.more, 3);
        }
    }
    QCOMPARE(early, 14);
    QCOMPARE(checkResult(staffList(2, 0, 2, "late"), rules, result, 1), QString());
}

void TestRotationGenerator::unknownShiftIsAPrecondition()
{
    auto staff = staffList(3, 3, 0, "early");
    staff.push_back({"x1", "Night Owl", ResponderRole::Emt, "night"});
    staff.push_back({"x2", "Night Owl 2", ResponderRole::Clinician, "night"});
    const auto result = generateRotation(staff, RotationRules{}, kMonday, 1);
    QVERIFY(!result.schedule);
    QCOMPARE(result.shortages.size(), std::size_t(1)); // one per unknown code
    QCOMPARE(result.shortages[0].shiftCode, std::string("night"));
    QCOMPARE(result.shortages[0].more, 0);
    QVERIFY(result.shortages[0].support);
}

void TestRotationGenerator::unbuildableRulesGiveNoShortage()
{
    RotationRules rules;
    rules.minBreakDays = 7; // three shifts and an admin block a week leave at most 6 free days in a row
    QVERIFY(detail::unsupportedRules(rules).has_value());
    const auto result = generateRotation(staffList(9, 9, 0, "early"), rules, kMonday, 1);
    QVERIFY(!result.schedule);
    QVERIFY(result.shortages.empty());
    QVERIFY(!detail::unsupportedRules(RotationRules{}));
}

void TestRotationGenerator::closedOnWeekends()
{
    // The 2022 pilot ran Monday to Friday: nobody works a weekend.
    RotationRules rules;
    rules.programDays = {true, true, true, true, true, false, false};
    rules.minBreakDays = 4;
    auto staff = staffList(3, 3, 0, "early");
    const auto late = staffList(3, 0, 3, "late");
    staff.insert(staff.end(), late.begin(), late.end());
    const auto result = generateRotation(staff, rules, kMonday, 5);
    QVERIFY(result.schedule.has_value());
    QVERIFY(validateRotation(*result.schedule, rules).empty());
    for (const auto& row : result.schedule->duties)
        for (int day = 0; day < 42; ++day)
            if (Schedule::weekdayOf(day) >= 5)
                QVERIFY(row[static_cast<std::size_t>(day)].kind != DutyKind::Shift);
}

void TestRotationGenerator::deterministicForASeed()
{
    auto staff = staffList(7, 4, 3, "early");
    const auto late = staffList(6, 3, 3, "late");
    staff.insert(staff.end(), late.begin(), late.end());
    RotationRules rules;
    rules.teamsPerShift = 2;
    const auto a = generateRotation(staff, rules, kMonday, 42);
    const auto b = generateRotation(staff, rules, kMonday, 42);
    const auto c = generateRotation(staff, rules, kMonday, 43);
    QVERIFY(a.schedule && b.schedule && c.schedule);
    QVERIFY(*a.schedule == *b.schedule);
    QVERIFY(!(*a.schedule == *c.schedule)); // another seed, another assignment of the same rows
    QVERIFY(validateRotation(*c.schedule, rules).empty());
}

QTEST_GUILESS_MAIN(TestRotationGenerator)
#include "tst_core_rotation_generator.moc"
