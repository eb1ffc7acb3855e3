// Dispatching a unit to a call is one use case on both engines: the unit
// moves to "dispatched" on the call and the call is marked dispatched to it
// in one transaction, journaled as two records and signalled once. A failure
// between the two writes, a busy unit or a refused role leaves nothing of it.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/units/UnitStatus.h"
#include "store/ChangeJournal.h"
#include "store/UnitStore.h"
#include "usecases/CallUseCases.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;
using units::UnitStatus;

class TestUseCaseDispatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        CallRecord call;
        call.cadNumber = QStringLiteral("D-1001");
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        auto created = IntakeStore(db(), clock()).create(m_fixture->actorFor(Role::CallCounselor), call);
        HEARTDESK_VERIFY_RESULT(created);
        m_call = created.value();
        UnitStore units(db(), clock());
        auto unit = units.createUnit(m_fixture->actorFor(Role::Supervisor), QStringLiteral("CRT-1"),
                                     units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(unit);
        auto available = units.changeStatus(m_fixture->actorFor(Role::CrtTeamLead), unit.value().id,
                                            unit.value().version, UnitStatus::Available);
        HEARTDESK_VERIFY_RESULT(available);
        m_unit = available.value();
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
        m_auditBefore = auditRows();
    }
    void cleanup() { m_fixture.reset(); }

    void dispatchMovesUnitAndCallTogether()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        usecases::CallUseCases calls(context(Role::CallCounselor));
        auto sent = calls.dispatch(m_call.id, m_call.version, m_unit.id, m_unit.version, m_unit.code);
        HEARTDESK_VERIFY_RESULT(sent);
        QCOMPARE(sent.value().call.status, intake::CallStatus::Dispatched);
        QCOMPARE(sent.value().call.assignedUnit, QStringLiteral("CRT-1"));
        QVERIFY(sent.value().unit.has_value());
        QCOMPARE(sent.value().unit->status, UnitStatus::Dispatched);
        QCOMPARE(sent.value().unit->callId, m_call.id);

        auto rows = ChangeJournal(db()).after(m_journalBefore);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(rows.value().size(), 2);
        QCOMPARE(rows.value()[0].recordType, QStringLiteral("unit"));
        QCOMPARE(rows.value()[0].version, sent.value().unit->version);
        QCOMPARE(rows.value()[1].recordType, QStringLiteral("call"));
        QCOMPARE(rows.value()[1].recordId, m_call.id);
        QCOMPARE(rows.value()[1].version, sent.value().call.version);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), rows.value());
    }

    // The unit is written first; the call's update then fails as a server
    // error would. Nothing of the dispatch may remain.
    void failureBetweenTheWritesLeavesNothing()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("dispatch call"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dispatch call failed")));
        auto sent = usecases::CallUseCases(context(Role::CallCounselor))
                        .dispatch(m_call.id, m_call.version, m_unit.id, m_unit.version, m_unit.code);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);

        // And it can be done again afterwards, whole.
        auto again = usecases::CallUseCases(context(Role::CallCounselor))
                         .dispatch(m_call.id, m_call.version, m_unit.id, m_unit.version, m_unit.code);
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(spy.count(), 1);
    }

    void busyUnitLeavesTheCallUndispatched()
    {
        usecases::CallUseCases calls(context(Role::CallCounselor));
        HEARTDESK_VERIFY_RESULT(
            calls.dispatch(m_call.id, m_call.version, m_unit.id, m_unit.version, m_unit.code));
        // A second call for the same, now busy, unit.
        CallRecord second;
        second.cadNumber = QStringLiteral("D-1002");
        second.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(15, 1), QTimeZone::utc());
        second.callType = QStringLiteral("welfare-check");
        auto created = IntakeStore(db(), clock()).create(m_fixture->actorFor(Role::CallCounselor), second);
        HEARTDESK_VERIFY_RESULT(created);
        auto unit = UnitStore(db(), clock()).unit(m_fixture->actorFor(Role::CallCounselor), m_unit.id);
        const QString before = snapshot(created.value().id);
        auto refused = calls.dispatch(created.value().id, created.value().version, m_unit.id,
                                      unit.value().version, m_unit.code);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreErrorCode::UnitBusy);
        QCOMPARE(snapshot(created.value().id), before);
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        const usecases::Context navigator = context(Role::CareNavigator); // signing in is audited
        const QString before = snapshot();
        auto refused = usecases::CallUseCases(navigator).dispatch(m_call.id, m_call.version, m_unit.id,
                                                                  m_unit.version, m_unit.code);
        QCOMPARE(refused.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(
            m_fixture->auditCount(audit::PermissionDenied, m_fixture->actorFor(Role::CareNavigator).userId()),
            1);
        QCOMPARE(snapshot(), before);
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    usecases::Context context(Role role) { return {db(), clock(), m_fixture->actorFor(role)}; }
    int auditRows(const QString& except = QStringLiteral("permission_denied"))
    {
        const auto r =
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> ?"), {except});
        return r.rows.isEmpty() ? -1 : r.rows.first().first().toInt();
    }
    // The call's and the unit's rows, the unit's events, the journal and the
    // audit trail (but refusals): what "nothing remains" compares.
    QString snapshot(const QString& callId = {})
    {
        QStringList parts;
        const auto add = [&](const QString& sql, const QVariantList& values) {
            for (const QVariantList& row : m_fixture->sql(sql, values).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        add(QStringLiteral("SELECT status, assigned_unit, dispatched_at, version FROM calls WHERE id = ?"),
            {callId.isEmpty() ? m_call.id : callId});
        add(QStringLiteral("SELECT status, call_id, version FROM units WHERE id = ?"), {m_unit.id});
        add(QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ?"), {m_unit.id});
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"), {});
        parts.append(QString::number(auditRows()));
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    CallRecord m_call;
    Unit m_unit;
    qint64 m_journalBefore = 0;
    int m_auditBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseDispatch)
#include "tst_usecase_dispatch.moc"
