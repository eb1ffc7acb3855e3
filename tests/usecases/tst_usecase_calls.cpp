// The call counselor's use cases on both engines. Closing a diverted call
// writes the call and its CCD check-in; importing calls writes people and
// calls: each journals every changed record once, signals once, and a failure
// between its writes leaves nothing. The single-record actions (create,
// update, close, addendum, a draft, a person) journal one row with the
// record's version, and refusals carry the precise code.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/CallStore.h"
#include "store/ChangeJournal.h"
#include "usecases/CallUseCases.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

class TestUseCaseCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        // Accounts are records too: made before the journal's baseline.
        m_fixture->actorFor(Role::CallCounselor);
        m_fixture->actorFor(Role::CareNavigator);
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void createJournalsTheNewCall()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto created = calls().save(newCall(QStringLiteral("C-1")));
        HEARTDESK_VERIFY_RESULT(created);
        QCOMPARE(created.value().status, intake::CallStatus::Open);
        const QList<JournalEntry> rows = journal();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("call"));
        QCOMPARE(rows[0].recordId, created.value().id);
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(spy.count(), 1);
    }

    void updateJournalsTheNewVersion()
    {
        auto created = calls().save(newCall(QStringLiteral("C-2")));
        HEARTDESK_VERIFY_RESULT(created);
        CallRecord changed = created.value();
        changed.narrative = QStringLiteral("Caller calmer now.");
        auto updated = calls().save(changed);
        HEARTDESK_VERIFY_RESULT(updated);
        QCOMPARE(updated.value().version, 2);
        const QList<JournalEntry> rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].recordId, created.value().id);
        QCOMPARE(rows[1].version, 2);
    }

    void missingCadNumberIsRequiredMissing()
    {
        CallRecord call = newCall(QString());
        auto refused = calls().save(call);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreErrorCode::RequiredMissing);
        QCOMPARE(refused.error().field, QStringLiteral("cadNumber"));
        QVERIFY(journal().isEmpty());
    }

    // A call closed as anything but diverted: the call alone.
    void closeJournalsTheCall()
    {
        CallRecord call = newCall(QStringLiteral("C-3"));
        call.disposition = QStringLiteral("declined");
        auto created = calls().save(call);
        HEARTDESK_VERIFY_RESULT(created);
        const qint64 after = ChangeJournal(db()).lastSeq().value();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto closed = calls().close(created.value().id, created.value().version);
        HEARTDESK_VERIFY_RESULT(closed);
        QVERIFY(closed.value().isClosed());
        const QList<JournalEntry> rows = journal(after);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("call"));
        QCOMPARE(rows[0].version, closed.value().version);
        QCOMPARE(spy.count(), 1);
    }

    // Diverted: the call and its check-in task, journaled together, one signal.
    void closingADivertedCallWritesCallAndCheckIn()
    {
        const CallRecord call = divertedCall(QStringLiteral("C-4"));
        const qint64 after = ChangeJournal(db()).lastSeq().value();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto closed = calls().close(call.id, call.version);
        HEARTDESK_VERIFY_RESULT(closed);
        const QList<JournalEntry> rows = journal(after);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("call"));
        QCOMPARE(rows[0].recordId, call.id);
        QCOMPARE(rows[0].version, closed.value().version);
        QCOMPARE(rows[1].recordType, QStringLiteral("followup_task"));
        QCOMPARE(rows[1].version, 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), rows);
        QCOMPARE(countOf(QStringLiteral("SELECT COUNT(*) FROM followup_tasks WHERE call_id = ?"), {call.id}),
                 1);
    }

    // The call is closed first; the check-in's insert then fails as a server
    // error would: the call stays open and nothing of the close remains.
    void failureBetweenCloseAndCheckInLeavesNothing()
    {
        const CallRecord call = divertedCall(QStringLiteral("C-5"));
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot(call.id);
        db().injectFault(QStringLiteral("insert follow-up task"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("insert follow-up task failed")));
        auto closed = calls().close(call.id, call.version);
        QVERIFY(!closed.ok());
        QCOMPARE(closed.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(call.id), before);
        QCOMPARE(spy.count(), 0);

        auto again = calls().close(call.id, call.version);
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(spy.count(), 1);
    }

    void closedCallRefusesChangesWithCallClosed()
    {
        CallRecord call = newCall(QStringLiteral("C-6"));
        call.disposition = QStringLiteral("declined");
        auto created = calls().save(call);
        HEARTDESK_VERIFY_RESULT(created);
        auto closed = calls().close(created.value().id, created.value().version);
        HEARTDESK_VERIFY_RESULT(closed);
        CallRecord changed = closed.value();
        changed.narrative = QStringLiteral("late change");
        QCOMPARE(calls().save(changed).error().code, StoreErrorCode::CallClosed);
        QCOMPARE(calls().close(changed.id, changed.version).error().code, StoreErrorCode::CallClosed);
        QCOMPARE(calls().dispatch(changed.id, changed.version, {}, 0, QStringLiteral("CRT-9")).error().code,
                 StoreErrorCode::CallClosed);
    }

    // The addendum joins the call: one journal row for the call, its version unmoved.
    void addendumJournalsTheCall()
    {
        CallRecord call = newCall(QStringLiteral("C-7"));
        call.disposition = QStringLiteral("declined");
        auto created = calls().save(call);
        HEARTDESK_VERIFY_RESULT(created);
        auto closed = calls().close(created.value().id, created.value().version);
        HEARTDESK_VERIFY_RESULT(closed);
        const qint64 after = ChangeJournal(db()).lastSeq().value();
        QCOMPARE(calls().addAddendum(closed.value().id, QStringLiteral("  ")).error().code,
                 StoreErrorCode::RequiredMissing);
        HEARTDESK_VERIFY_RESULT(calls().addAddendum(closed.value().id, QStringLiteral("Called back, safe.")));
        const QList<JournalEntry> rows = journal(after);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("call"));
        QCOMPARE(rows[0].recordId, closed.value().id);
        QCOMPARE(rows[0].version, closed.value().version);
        auto addenda = calls().addenda(closed.value().id);
        HEARTDESK_VERIFY_RESULT(addenda);
        QCOMPARE(addenda.value().size(), 1);
    }

    void draftAndPersonJournalOneRowEach()
    {
        QVERIFY(!calls().keepDraft(QStringLiteral("intake/x"), QStringLiteral("{\"cadNumber\":\"C-8\"}")));
        PersonRecord person;
        person.givenName = QStringLiteral("Dana");
        person.familyName = QStringLiteral("Reyes");
        auto created = calls().createPerson(person);
        HEARTDESK_VERIFY_RESULT(created);
        const QList<JournalEntry> rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("draft"));
        QCOMPARE(rows[1].recordType, QStringLiteral("person"));
        QCOMPARE(rows[1].recordId, created.value().id);
        QCOMPARE(rows[1].version, 1);
        QCOMPARE(calls().createPerson(PersonRecord{}).error().code, StoreErrorCode::RequiredMissing);
        auto drafts = calls().drafts(QStringLiteral("intake/"));
        HEARTDESK_VERIFY_RESULT(drafts);
        QCOMPARE(drafts.value().size(), 1);
    }

    // People and calls imported together: every record journaled, one signal;
    // a failure at the call's insert leaves not even the person.
    void importWritesPeopleAndCallsTogether()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto imported =
            CallStore(db(), clock()).importCalls(counselor(), {importedPerson()}, {importedCall()});
        HEARTDESK_VERIFY_RESULT(imported);
        const QList<JournalEntry> rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("person"));
        QCOMPARE(rows[1].recordType, QStringLiteral("call"));
        QCOMPARE(rows[1].recordId, imported.value().first());
        QCOMPARE(spy.count(), 1);
    }

    void importFailureLeavesNothing()
    {
        const Actor actor = counselor(); // signed in before the snapshot (signing in is audited)
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot({});
        db().injectFault(QStringLiteral("insert call"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("insert call failed")));
        auto imported = CallStore(db(), clock()).importCalls(actor, {importedPerson()}, {importedCall()});
        QVERIFY(!imported.ok());
        QCOMPARE(snapshot({}), before);
        QCOMPARE(spy.count(), 0);
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        const Actor navigator = m_fixture->actorFor(Role::CareNavigator);
        const QString before = snapshot({});
        auto refused =
            usecases::CallUseCases({db(), clock(), navigator}).save(newCall(QStringLiteral("C-9")));
        QCOMPARE(refused.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, navigator.userId()), 1);
        QCOMPARE(snapshot({}), before);
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    Actor counselor() { return m_fixture->actorFor(Role::CallCounselor); }
    usecases::CallUseCases calls() { return usecases::CallUseCases({db(), clock(), counselor()}); }

    static CallRecord newCall(const QString& cad)
    {
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        return call;
    }
    CallRecord divertedCall(const QString& cad)
    {
        CallRecord call = newCall(cad);
        call.program = QStringLiteral("ccd");
        call.disposition = QStringLiteral("diverted");
        call.riskLevel = QStringLiteral("low");
        call.callerPhone = QStringLiteral("+19195550101");
        auto created = calls().save(call);
        if (!created.ok())
            qFatal("could not create the call");
        return created.value();
    }
    static NewPerson importedPerson()
    {
        return {QStringLiteral("Sam"), QStringLiteral("Ortiz"), 40, QStringLiteral("en"), QString()};
    }
    static NewCall importedCall()
    {
        NewCall call;
        call.cadNumber = QStringLiteral("I-1");
        call.receivedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        call.status = intake::CallStatus::Closed;
        call.person = 0;
        return call;
    }

    QList<JournalEntry> journal(qint64 after = -1)
    {
        auto rows = ChangeJournal(db()).after(after < 0 ? m_journalBefore : after);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    int countOf(const QString& sql, const QVariantList& values)
    {
        const auto r = m_fixture->sql(sql, values);
        return r.rows.isEmpty() ? -1 : r.rows.first().first().toInt();
    }
    // The call's row, the counts of calls, people, tasks, the journal and the
    // audit trail (but refusals): what "nothing remains" compares.
    QString snapshot(const QString& callId)
    {
        QStringList parts;
        const auto add = [&](const QString& sql, const QVariantList& values) {
            for (const QVariantList& row : m_fixture->sql(sql, values).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        if (!callId.isEmpty())
            add(QStringLiteral("SELECT status, closed_at, version FROM calls WHERE id = ?"), {callId});
        add(QStringLiteral("SELECT COUNT(*) FROM calls"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM people"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM followup_tasks"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"), {});
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseCalls)
#include "tst_usecase_calls.moc"
