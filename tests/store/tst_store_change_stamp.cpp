// ChangeStamp on both engines: a record's version, as another connection
// (a second workstation) moved it, read without an audit row.
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

    void versionsFollowChangesAtAnotherConnection()
    {
        TestDatabase& f = *m_fixture;
        const Actor counselor = f.actorFor(Role::CallCounselor);
        const Actor supervisor = f.actorFor(Role::Supervisor);
        auto second = f.openSecond();
        QVERIFY(second);
        ChangeStamp stamp(f.db());

        // A call taken at the other workstation.
        CallRecord call;
        call.cadNumber = QStringLiteral("HD-STAMP-1");
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        IntakeStore intake(*second, f.clock());
        auto created = intake.create(counselor, call);
        HEARTDESK_VERIFY_RESULT(created);
        QCOMPARE(stamp.version(ChangeStamp::Calls, created.value().id).value(), created.value().version);

        // Reading (an audited open) changes no version.
        const int audited = f.auditCount(QStringLiteral("open"));
        HEARTDESK_VERIFY_RESULT(intake.open(counselor, created.value().id));
        QCOMPARE(f.auditCount(QStringLiteral("open")), audited + 1);

        // An update moves the version.
        CallRecord changed = created.value();
        changed.narrative = QStringLiteral("More detail from the caller.");
        auto updated = intake.update(counselor, changed);
        HEARTDESK_VERIFY_RESULT(updated);
        auto version = stamp.version(ChangeStamp::Calls, created.value().id);
        HEARTDESK_VERIFY_RESULT(version);
        QCOMPARE(version.value(), updated.value().version);
        QCOMPARE(stamp.version(ChangeStamp::Calls, QStringLiteral("no-such-call")).value(), 0);
        QCOMPARE(f.auditCount(QStringLiteral("open")), audited + 1);

        // A unit put in service.
        UnitStore units(*second, f.clock());
        auto unit = units.createUnit(supervisor, QStringLiteral("CRT-9"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(unit);
        QCOMPARE(stamp.version(ChangeStamp::Units, unit.value().id).value(), 1);
    }

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

HEART_TEST_MAIN(TestStoreChangeStamp)
#include "tst_store_change_stamp.moc"
