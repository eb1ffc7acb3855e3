// ChangeStamp on both engines: the fingerprint of an area moves when a record
// of it is added or changed at another connection (a second workstation),
// stays put when nothing changed — reads and their audit rows included —
// and is not moved by another area's records; a record's version is read
// without an audit row.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeStamp.h"
#include "store/IntakeStore.h"
#include "store/UnitStore.h"

#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

class TestStoreChangeStamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void movesWithChangesAtAnotherConnection()
    {
        TestDatabase& f = *m_fixture;
        const Actor counselor = f.actorFor(Role::CallCounselor);
        const Actor supervisor = f.actorFor(Role::Supervisor);
        auto second = f.openSecond();
        QVERIFY(second);
        ChangeStamp stamp(f.db());
        const ChangeStamp::Areas areas = ChangeStamp::Calls | ChangeStamp::Units;
        auto before = stamp.read(areas);
        HEARTDESK_VERIFY_RESULT(before);
        auto followUps = stamp.read(ChangeStamp::FollowUps | ChangeStamp::Roster | ChangeStamp::Encounters);
        HEARTDESK_VERIFY_RESULT(followUps);

        // A call taken at the other workstation.
        CallRecord call;
        call.cadNumber = QStringLiteral("HD-STAMP-1");
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        IntakeStore intake(*second, f.clock());
        auto created = intake.create(counselor, call);
        HEARTDESK_VERIFY_RESULT(created);
        auto afterCall = stamp.read(areas);
        HEARTDESK_VERIFY_RESULT(afterCall);
        QVERIFY(afterCall.value() != before.value());
        // Another area stays as it was.
        QCOMPARE(stamp.read(ChangeStamp::FollowUps | ChangeStamp::Roster | ChangeStamp::Encounters).value(),
                 followUps.value());

        // Reading (an audited open) changes nothing.
        const int audited = f.auditCount(QStringLiteral("open"));
        HEARTDESK_VERIFY_RESULT(intake.open(counselor, created.value().id));
        QCOMPARE(f.auditCount(QStringLiteral("open")), audited + 1);
        QCOMPARE(stamp.read(areas).value(), afterCall.value());

        // An update in place (same row count, same instant) moves it: the version.
        CallRecord changed = created.value();
        changed.narrative = QStringLiteral("More detail from the caller.");
        auto updated = intake.update(counselor, changed);
        HEARTDESK_VERIFY_RESULT(updated);
        auto afterUpdate = stamp.read(areas);
        QVERIFY(afterUpdate.value() != afterCall.value());
        auto version = stamp.version(ChangeStamp::Calls, created.value().id);
        HEARTDESK_VERIFY_RESULT(version);
        QCOMPARE(version.value(), updated.value().version);
        QCOMPARE(stamp.version(ChangeStamp::Calls, QStringLiteral("no-such-call")).value(), 0);
        QCOMPARE(f.auditCount(QStringLiteral("open")), audited + 1);

        // A unit put in service.
        UnitStore units(*second, f.clock());
        auto unit = units.createUnit(supervisor, QStringLiteral("CRT-9"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(unit);
        QVERIFY(stamp.read(areas).value() != afterUpdate.value());
    }

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

HEART_TEST_MAIN(TestStoreChangeStamp)
#include "tst_store_change_stamp.moc"
