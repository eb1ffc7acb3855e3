// Coverage against demand, with numbers worked out by hand: teams per hour
// of the week (partial hours, past midnight, averaged over the cycle),
// gaps as runs of short hours, and how many more responders of each kind
// close a gap under the model in CoverageAnalysis.cpp (an added responder
// works a weekday in (3*6 - 2*2)/(5*6) = 14/30 of the weeks, a weekend day
// in 1/3, under Durham's rules).
#include "core/RosterTestSupport.h"
#include "core/roster/CoverageAnalysis.h"

#include <QTest>

using namespace heart::roster;
using namespace heart::roster::test;

namespace {

constexpr int hourOf(int weekday, int hour)
{
    return weekday * 24 + hour;
}

// `weeks` weeks; the people work `code` on the days where `works` is true.
Schedule scheduleWith(const std::vector<StaffMember>& staff, int weeks, const std::string& code,
                      const std::vector<bool>& works)
{
    Schedule s;
    s.start = kMonday;
    s.weeks = weeks;
    s.staff = staff;
    s.duties.assign(staff.size(), std::vector<Duty>(static_cast<std::size_t>(weeks * 7)));
    for (auto& row : s.duties)
        for (std::size_t d = 0; d < row.size() && d < works.size(); ++d)
            if (works[d])
                row[d] = Duty{DutyKind::Shift, code, 0};
    return s;
}

RotationRules earlyOnly()
{
    RotationRules rules;
    rules.shifts = {{"early", 9 * 60, 720}};
    return rules;
}

} // namespace

class TestCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneTeamEveryDay();
    void spareClinicians();
    void partialHoursAndPastMidnight();
    void averagedOverTheCycle();
    void closedDaysAndHoursNoShiftReaches();
    void gapsDoNotWrap();
    void validRotationCoversItsShifts();
};

void TestCoverage::oneTeamEveryDay()
{
    // One clinician and one peer on "early" (09:00-21:00) every day; demand
    // 0.5 calls an hour in the day, 2 on Saturday 10:00-13:00, and 1 at
    // 22:00 on Wednesday when no shift runs.
    const RotationRules rules = earlyOnly();
    const Schedule s = scheduleWith(staffList(1, 1, 0, "early"), 1, "early", std::vector<bool>(7, true));
    std::array<double, 168> demand{};
    for (int day = 0; day < 7; ++day)
        for (int h = 9; h < 21; ++h)
            demand[static_cast<std::size_t>(hourOf(day, h))] = 0.5;
    for (int h = 10; h < 13; ++h)
        demand[static_cast<std::size_t>(hourOf(5, h))] = 2.0;
    demand[static_cast<std::size_t>(hourOf(2, 22))] = 1.0;

    const CoverageReport report = analyseCoverage(s, rules, demand);
    for (int h = 0; h < 168; ++h)
        QCOMPARE(report.hours[static_cast<std::size_t>(h)].hourOfWeek, h);
    QCOMPARE(report.hours[hourOf(0, 8)].teamsOnDuty, 0.0);
    QCOMPARE(report.hours[hourOf(0, 9)].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[hourOf(0, 20)].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[hourOf(0, 21)].teamsOnDuty, 0.0); // the shift ends at 21:00
    QCOMPARE(report.hours[hourOf(5, 11)].expectedCalls, 2.0);
    QCOMPARE(report.hours[hourOf(5, 11)].shortfallTeams, 1.0);
    QCOMPARE(report.hours[hourOf(5, 14)].shortfallTeams, 0.0);

    QCOMPARE(report.gaps.size(), std::size_t(2));
    const CoverageGap& wednesday = report.gaps[0];
    QCOMPARE(wednesday.firstHourOfWeek, hourOf(2, 22));
    QCOMPARE(wednesday.hours, 1);
    QCOMPARE(wednesday.worstShortfallTeams, 1.0);
    // No shift reaches 22:00: more people on "early" would not help.
    QCOMPARE(wednesday.hoursOutsideShifts, 1);
    QCOMPARE(wednesday.moreClinicians, 0);
    QCOMPARE(wednesday.moreSupport, 0);
    const CoverageGap& saturday = report.gaps[1];
    QCOMPARE(saturday.firstHourOfWeek, hourOf(5, 10));
    QCOMPARE(saturday.hours, 3);
    QCOMPARE(saturday.worstShortfallTeams, 1.0);
    QCOMPARE(saturday.hoursOutsideShifts, 0);
    // One more team on Saturdays: a responder works one Saturday in three.
    QCOMPARE(saturday.moreClinicians, 3);
    QCOMPARE(saturday.moreSupport, 3);

    // A team that takes two calls an hour closes the Saturday gap.
    CoverageOptions faster;
    faster.callsPerTeamHour = 2.0;
    const CoverageReport fast = analyseCoverage(s, rules, demand, faster);
    QCOMPARE(fast.gaps.size(), std::size_t(1));
    QCOMPARE(fast.hours[hourOf(5, 11)].shortfallTeams, 0.0);
    QCOMPARE(fast.hours[hourOf(2, 22)].shortfallTeams, 0.5);
}

void TestCoverage::spareClinicians()
{
    // Two clinicians and one EMT: one team and a spare clinician. Two calls
    // an hour on Monday daytime need one more team, which only needs a
    // support person: ceil(1 / (14/30)) = 3 of them.
    const Schedule s = scheduleWith(staffList(2, 0, 1, "early"), 1, "early", std::vector<bool>(7, true));
    std::array<double, 168> demand{};
    for (int h = 9; h < 21; ++h)
        demand[static_cast<std::size_t>(hourOf(0, h))] = 2.0;
    const CoverageReport report = analyseCoverage(s, earlyOnly(), demand);
    QCOMPARE(report.hours[hourOf(0, 9)].teamsOnDuty, 1.0);
    QCOMPARE(report.gaps.size(), std::size_t(1));
    QCOMPARE(report.gaps[0].firstHourOfWeek, hourOf(0, 9));
    QCOMPARE(report.gaps[0].hours, 12);
    QCOMPARE(report.gaps[0].moreClinicians, 0);
    QCOMPARE(report.gaps[0].moreSupport, 3);
}

void TestCoverage::partialHoursAndPastMidnight()
{
    // A night shift 20:30-08:30 worked on Sundays runs into Monday; it
    // counts half in the hours it half covers.
    RotationRules rules;
    rules.shifts = {{"night", 20 * 60 + 30, 720}};
    std::vector<bool> sundays(7, false);
    sundays[6] = true;
    const Schedule s = scheduleWith(staffList(1, 1, 0, "night"), 1, "night", sundays);
    std::array<double, 168> demand{};
    demand[static_cast<std::size_t>(hourOf(0, 8))] = 1.0; // Monday 08:00-09:00: half covered
    const CoverageReport report = analyseCoverage(s, rules, demand);
    QCOMPARE(report.hours[hourOf(6, 19)].teamsOnDuty, 0.0);
    QCOMPARE(report.hours[hourOf(6, 20)].teamsOnDuty, 0.5);
    QCOMPARE(report.hours[hourOf(6, 23)].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[hourOf(0, 0)].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[hourOf(0, 7)].teamsOnDuty, 1.0);
    QCOMPARE(report.hours[hourOf(0, 8)].teamsOnDuty, 0.5);
    QCOMPARE(report.hours[hourOf(0, 9)].teamsOnDuty, 0.0);
    QCOMPARE(report.gaps.size(), std::size_t(1));
    QCOMPARE(report.gaps[0].worstShortfallTeams, 0.5);
    // Only the Sunday night reaches Monday 08:00, for half the hour, one
    // Sunday in three: 0.5 / (1/3 * 1/2) = 3 people of each kind.
    QCOMPARE(report.gaps[0].moreClinicians, 3);
    QCOMPARE(report.gaps[0].moreSupport, 3);
}

void TestCoverage::averagedOverTheCycle()
{
    // Two weeks; a team only on Monday of the first week.
    std::vector<bool> firstMonday(14, false);
    firstMonday[0] = true;
    const Schedule s = scheduleWith(staffList(1, 0, 1, "early"), 2, "early", firstMonday);
    std::array<double, 168> demand{};
    demand[static_cast<std::size_t>(hourOf(0, 9))] = 1.0;
    const CoverageReport report = analyseCoverage(s, earlyOnly(), demand);
    QCOMPARE(report.hours[hourOf(0, 9)].teamsOnDuty, 0.5);
    QCOMPARE(report.hours[hourOf(0, 9)].shortfallTeams, 0.5);
    QCOMPARE(report.gaps.size(), std::size_t(1));
    // 0.5 / (14/30) = 1.07: two of each kind.
    QCOMPARE(report.gaps[0].moreClinicians, 2);
    QCOMPARE(report.gaps[0].moreSupport, 2);
}

void TestCoverage::closedDaysAndHoursNoShiftReaches()
{
    // Closed on Sundays: nobody added to the rotation works a Sunday, and
    // with only Saturday as a weekend day a responder works a weekday in
    // (18 - 2) / 30 of the weeks: one more team on Monday needs 2 of each.
    RotationRules rules = earlyOnly();
    rules.programDays = {true, true, true, true, true, true, false};
    const Schedule s = scheduleWith({}, 6, "early", {});
    std::array<double, 168> demand{};
    demand[static_cast<std::size_t>(hourOf(6, 10))] = 1.0;
    demand[static_cast<std::size_t>(hourOf(0, 10))] = 1.0;
    const CoverageReport report = analyseCoverage(s, rules, demand);
    QCOMPARE(report.gaps.size(), std::size_t(2));
    QCOMPARE(report.gaps[0].firstHourOfWeek, hourOf(0, 10));
    QCOMPARE(report.gaps[0].moreClinicians, 2);
    QCOMPARE(report.gaps[0].moreSupport, 2);
    QCOMPARE(report.gaps[1].firstHourOfWeek, hourOf(6, 10));
    QCOMPARE(report.gaps[1].hoursOutsideShifts, 1);
    QCOMPARE(report.gaps[1].moreClinicians, 0);
}

void TestCoverage::gapsDoNotWrap()
{
    // The week starts on Monday 00:00: a short Sunday night and a short
    // Monday early morning are two gaps.
    const Schedule s = scheduleWith({}, 1, "early", {});
    std::array<double, 168> demand{};
    demand[0] = 1.0;
    demand[167] = 1.0;
    const CoverageReport report = analyseCoverage(s, earlyOnly(), demand);
    QCOMPARE(report.gaps.size(), std::size_t(2));
    QCOMPARE(report.gaps[0].firstHourOfWeek, 0);
    QCOMPARE(report.gaps[1].firstHourOfWeek, 167);
    QCOMPARE(report.gaps[1].hours, 1);
}

void TestCoverage::validRotationCoversItsShifts()
{
    // The hand-made Durham rotation has a team on early (09-21) and on late
    // (12-24) every day: at least one team from 09:00 to midnight, two from
    // 12:00 to 21:00, none at night.
    const Schedule s = handMadeSchedule({"early", "late"});
    const CoverageReport report = analyseCoverage(s, RotationRules{}, std::array<double, 168>{});
    QVERIFY(report.gaps.empty());
    for (int day = 0; day < 7; ++day) {
        for (int h = 0; h < 24; ++h) {
            const double teams = report.hours[static_cast<std::size_t>(hourOf(day, h))].teamsOnDuty;
            const double least = h < 9 ? 0.0 : (h >= 12 && h < 21 ? 2.0 : 1.0);
            QVERIFY2(h < 9 ? teams == 0.0 : teams >= least - 1e-9,
                     qPrintable(QStringLiteral("day %1 hour %2: %3").arg(day).arg(h).arg(teams)));
        }
    }
}

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_core_coverage.moc"
