// The rotation at the store, on both engines: staff and a generated cycle
// round-trip exactly; a responder or a counselor may read but not change it
// (refused and audited); a stale version is refused; a swap trades two
// duties in one step; single-cell edits and exports are audited.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/roster/RotationGenerator.h"
#include "store/RosterStore.h"

#include <QTest>

using namespace heart;

class TestStoreRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }
    void cycleRoundTrips();
    void respondersReadButCannotEdit();
    void staleVersionIsRefused();
    void fixedShiftChanges();
    void swapTradesOneDay();
    void counselorReadsButCannotEdit();

private:
    store::RosterCycle makeCycle(store::RosterStore& roster, const store::Actor& supervisor);
    std::unique_ptr<test::TestDatabase> m_fixture;
};

store::RosterCycle TestStoreRoster::makeCycle(store::RosterStore& roster, const store::Actor& supervisor)
{
    using roster::ResponderRole;
    std::vector<roster::StaffMember> staff;
    const struct
    {
        ResponderRole role;
        int count;
    } kinds[] = {{ResponderRole::Clinician, 3}, {ResponderRole::PeerSupport, 2}, {ResponderRole::Emt, 1}};
    int n = 0;
    for (const char* code : {"early", "late"}) {
        for (const auto& kind : kinds) {
            for (int i = 0; i < kind.count; ++i) {
                roster::StaffMember member{{}, "Responder " + std::to_string(++n), kind.role, code};
                auto id = roster.addStaff(supervisor, member);
                if (!id.ok())
                    return {};
                member.id = id.value().toStdString();
                staff.push_back(member);
            }
        }
    }
    auto listed = roster.listStaff(supervisor);
    if (!listed.ok())
        return {};
    std::vector<roster::StaffMember> ordered(listed.value().begin(), listed.value().end());
    const auto generated = roster::generateRotation(
        ordered, roster::RotationRules{},
        std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{2}}, 3);
    store::RosterCycle cycle;
    cycle.teamsPerShift = 1;
    cycle.schedule = generated.schedule.value_or(roster::Schedule{});
    auto saved = roster.saveCycle(supervisor, cycle);
    return saved.ok() ? saved.value() : store::RosterCycle{};
}

void TestStoreRoster::cycleRoundTrips()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    const store::RosterCycle saved = makeCycle(roster, supervisor);
    QVERIFY(!saved.id.isEmpty());
    QCOMPARE(saved.schedule.staff.size(), std::size_t(12));
    auto loaded = roster.currentCycle(supervisor);
    HEARTDESK_VERIFY_RESULT(loaded);
    QVERIFY(loaded.value().schedule == saved.schedule);
    QCOMPARE(loaded.value().version, 1);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM roster_duties WHERE kind = 'shift'"))
                 .rows.first()
                 .first()
                 .toInt(),
             12 * 18);

    store::RosterCycle cycle = loaded.value();
    HEARTDESK_VERIFY_OK(roster.setDuty(supervisor, cycle, 0, 0, roster::Duty{}));
    QCOMPARE(cycle.version, 2);
    auto again = roster.currentCycle(supervisor);
    HEARTDESK_VERIFY_RESULT(again);
    QVERIFY(again.value().schedule == cycle.schedule);
    HEARTDESK_VERIFY_OK(roster.recordExport(supervisor, cycle.id));
    QCOMPARE(m_fixture->auditCount(QStringLiteral("export")), 1);
}

void TestStoreRoster::respondersReadButCannotEdit()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    store::RosterCycle cycle = makeCycle(roster, supervisor);
    QVERIFY(!cycle.id.isEmpty());
    const store::Actor emt = m_fixture->actorFor(Role::Emt);
    HEARTDESK_VERIFY_RESULT(roster.currentCycle(emt));
    const store::StoreError refused = roster.setDuty(emt, cycle, 0, 0, roster::Duty{});
    QCOMPARE(refused.code, store::StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), emt.userId()), 1);
    const store::Actor admin = m_fixture->administrator();
    QCOMPARE(roster.currentCycle(admin).error().code, store::StoreErrorCode::PermissionDenied);
}

void TestStoreRoster::staleVersionIsRefused()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    store::RosterCycle mine = makeCycle(roster, supervisor);
    store::RosterCycle theirs = mine;
    HEARTDESK_VERIFY_OK(roster.setDuty(supervisor, theirs, 1, 1, roster::Duty{}));
    const store::StoreError stale = roster.setDuty(supervisor, mine, 2, 2, roster::Duty{});
    QCOMPARE(stale.code, store::StoreErrorCode::Conflict);
    QCOMPARE(mine.version, 1); // unchanged on refusal
}

void TestStoreRoster::fixedShiftChanges()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    const store::RosterCycle cycle = makeCycle(roster, supervisor);
    const QString id = QString::fromStdString(cycle.schedule.staff[0].id);
    HEARTDESK_VERIFY_OK(roster.setStaffShift(supervisor, id, QStringLiteral("late")));
    auto staff = roster.listStaff(supervisor);
    HEARTDESK_VERIFY_RESULT(staff);
    bool found = false;
    for (const roster::StaffMember& m : staff.value())
        found = found || (m.id == id.toStdString() && m.shiftCode == "late");
    QVERIFY(found);
    const store::Actor peer = m_fixture->actorFor(Role::PeerSupport);
    QCOMPARE(roster.setStaffShift(peer, id, QStringLiteral("early")).code,
             store::StoreErrorCode::PermissionDenied);
    QCOMPARE(roster.setStaffShift(supervisor, QStringLiteral("no-such-id"), QStringLiteral("early")).code,
             store::StoreErrorCode::NotFound);
    // A missing shift or name is said as such, naming the input.
    const store::StoreError noShift = roster.setStaffShift(supervisor, id, QString());
    QCOMPARE(noShift.code, store::StoreErrorCode::RequiredMissing);
    QCOMPARE(noShift.field, QStringLiteral("shift"));
    const store::StoreError noName =
        roster.addStaff(supervisor, {{}, "", roster::ResponderRole::Emt, "early"}).error();
    QCOMPARE(noName.code, store::StoreErrorCode::RequiredMissing);
    QCOMPARE(noName.field, QStringLiteral("name"));
    const store::StoreError noFixedShift =
        roster.addStaff(supervisor, {{}, "Nobody Newcomer", roster::ResponderRole::Emt, ""}).error();
    QCOMPARE(noFixedShift.code, store::StoreErrorCode::RequiredMissing);
    QCOMPARE(noFixedShift.field, QStringLiteral("shift"));
    // Every supervisor sees the roster: no right-to-left override or escape in a name, and no novel.
    const store::StoreError overridden =
        roster.addStaff(supervisor, {{}, "Sam \u202Eenotsrevir", roster::ResponderRole::Emt, "early"})
            .error();
    QCOMPARE(overridden.code, store::StoreErrorCode::InvalidInput);
    QCOMPARE(overridden.field, QStringLiteral("name"));
    QCOMPARE(overridden.detail, QStringLiteral("control-character"));
    QCOMPARE(
        roster.addStaff(supervisor, {{}, "Sam\x1b[2J", roster::ResponderRole::Emt, "early"}).error().code,
        store::StoreErrorCode::InvalidInput);
    const store::StoreError novel =
        roster.addStaff(supervisor, {{}, std::string(100000, 'n'), roster::ResponderRole::Emt, "early"})
            .error();
    QCOMPARE(novel.code, store::StoreErrorCode::TooLong);
    QCOMPARE(novel.limit, 120);
}

void TestStoreRoster::swapTradesOneDay()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    store::RosterCycle cycle = makeCycle(roster, supervisor);
    QVERIFY(!cycle.id.isEmpty());
    const auto& duties = cycle.schedule.duties;
    int day = 0;
    while (day < cycle.schedule.dayCount() && duties[0][std::size_t(day)] == duties[1][std::size_t(day)])
        ++day;
    QVERIFY(day < cycle.schedule.dayCount());
    const roster::Duty first = duties[0][std::size_t(day)];
    const roster::Duty second = duties[1][std::size_t(day)];
    const store::RosterCycle stale = cycle;

    HEARTDESK_VERIFY_OK(roster.swapDuties(supervisor, cycle, 0, 1, day));
    QCOMPARE(cycle.version, 2); // one step for the pair
    QVERIFY(cycle.schedule.duties[0][std::size_t(day)] == second);
    QVERIFY(cycle.schedule.duties[1][std::size_t(day)] == first);
    auto loaded = roster.currentCycle(supervisor);
    HEARTDESK_VERIFY_RESULT(loaded);
    QVERIFY(loaded.value().schedule == cycle.schedule);
    QCOMPARE(loaded.value().version, 2);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("update")), 1);

    // A swap on the version read before is refused and changes neither cell.
    store::RosterCycle old = stale;
    QCOMPARE(roster.swapDuties(supervisor, old, 0, 1, day).code, store::StoreErrorCode::Conflict);
    QCOMPARE(old.version, 1);
    auto after = roster.currentCycle(supervisor);
    HEARTDESK_VERIFY_RESULT(after);
    QVERIFY(after.value().schedule == cycle.schedule);
    // Nonsense cells are refused before anything is written.
    QCOMPARE(roster.swapDuties(supervisor, cycle, 0, 0, day).code, store::StoreErrorCode::InvalidInput);
    QCOMPARE(roster.swapDuties(supervisor, cycle, 0, 1, cycle.schedule.dayCount()).code,
             store::StoreErrorCode::InvalidInput);
    QCOMPARE(cycle.version, 2);
}

void TestStoreRoster::counselorReadsButCannotEdit()
{
    const store::Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    store::RosterStore roster(m_fixture->db(), m_fixture->clock());
    store::RosterCycle cycle = makeCycle(roster, supervisor);
    QVERIFY(!cycle.id.isEmpty());
    const store::Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    auto read = roster.currentCycle(counselor);
    HEARTDESK_VERIFY_RESULT(read);
    QVERIFY(read.value().schedule == cycle.schedule);
    auto staff = roster.listStaff(counselor);
    HEARTDESK_VERIFY_RESULT(staff);

    QCOMPARE(roster.swapDuties(counselor, cycle, 0, 1, 3).code, store::StoreErrorCode::PermissionDenied);
    QCOMPARE(roster.setDuty(counselor, cycle, 0, 3, roster::Duty{}).code,
             store::StoreErrorCode::PermissionDenied);
    QCOMPARE(roster.saveCycle(counselor, cycle).error().code, store::StoreErrorCode::PermissionDenied);
    QCOMPARE(
        roster.addStaff(counselor, {{}, "Nobody Newcomer", roster::ResponderRole::Emt, "early"}).error().code,
        store::StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), counselor.userId()), 4);
    auto unchanged = roster.currentCycle(supervisor);
    HEARTDESK_VERIFY_RESULT(unchanged);
    QCOMPARE(unchanged.value().version, 1);
    QVERIFY(unchanged.value().schedule == cycle.schedule);
}

HEART_TEST_GUILESS_MAIN(TestStoreRoster)
#include "tst_store_roster.moc"
