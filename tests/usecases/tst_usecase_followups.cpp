// The care navigator's follow-up work as use cases, on both engines: each
// write journals the task once, with its version after the change, and
// signals once; a failure injected between its writes (the task row and the
// attempt row, or the task row and its audit row) leaves nothing of it; the
// refusals have codes of their own. A task made inside a caller's unit of
// work (a closed diverted call, a signed note) is journaled in it. Recording
// the outcome with its draft deletes the draft in the same transaction.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeJournal.h"
#include "store/DraftStore.h"
#include "store/FollowUpStore.h"
#include "store/IntakeStore.h"
#include "store/UnitOfWork.h"
#include "usecases/ChangeFeed.h"
#include "usecases/FollowUpUseCases.h"
#include "usecases/Freshness.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <optional>

using namespace heart;
using namespace heart::store;
using followup::AttemptChannel;
using followup::AttemptResult;
using followup::Outcome;
using heart::test::TestDatabase;

class TestUseCaseFollowUps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_taskId = checkInTask(QStringLiteral("2026-0302-0101"));
        QVERIFY(!m_taskId.isEmpty());
        navigator(); // made now: an injected fault must meet the write under test, not the sign-in
        // Accounts are records too (journaled): made before the journal's baseline.
        m_fixture->actorFor(Role::CallCounselor);
        m_fixture->actorFor(Role::Emt);
        m_second = m_fixture->newActor(QStringLiteral("navigator2"), {Role::CareNavigator});
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void claimJournalsTheTaskWithItsNewVersion()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto claimed = followUps().claim(m_taskId, 1);
        HEARTDESK_VERIFY_RESULT(claimed);
        QCOMPARE(claimed.value().version, 2);
        QCOMPARE(claimed.value().assignedTo, navigator().userId());
        expectJournal({{QStringLiteral("claim"), 2}});
        QCOMPARE(spy.count(), 1);

        // Someone else cannot take it now: a code of its own.
        auto other = usecases::FollowUpUseCases(context(*m_second)).claim(m_taskId, 2);
        QCOMPARE(storeErrorCodeName(other.error().code), storeErrorCodeName(StoreErrorCode::HeldByOther));
        QCOMPARE(spy.count(), 1);
    }

    void assignAndGiveBackAreOneRecordEach()
    {
        const Actor second = *m_second;
        auto assigned = followUps().assign(m_taskId, 1, second.userId());
        HEARTDESK_VERIFY_RESULT(assigned);
        QCOMPARE(assigned.value().assignedTo, second.userId());
        auto back = followUps().assign(m_taskId, assigned.value().version, QString());
        HEARTDESK_VERIFY_RESULT(back);
        QVERIFY(back.value().assignedTo.isEmpty());
        expectJournal({{QStringLiteral("assign"), 2}, {QStringLiteral("unassign"), 3}});

        // An account that does not do this work is refused as such.
        const Actor emt = m_fixture->actorFor(Role::Emt);
        auto refused = followUps().assign(m_taskId, back.value().version, emt.userId());
        QCOMPARE(storeErrorCodeName(refused.error().code),
                 storeErrorCodeName(StoreErrorCode::IneligibleAssignee));
    }

    void assignFailingAtItsAuditRowLeavesNothing()
    {
        const Actor second = *m_second;
        expectNothingLeftBy(QStringLiteral("append audit row"),
                            [&] { return followUps().assign(m_taskId, 1, second.userId()); });
    }

    // An attempt writes the task (its count) and the attempt's row: one
    // journal row for the task, one signal.
    void logAttemptJournalsTheTaskOnce()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto logged = followUps().logAttempt(m_taskId, 1, AttemptChannel::Phone, AttemptResult::NoAnswer,
                                             QStringLiteral("rang"));
        HEARTDESK_VERIFY_RESULT(logged);
        QCOMPARE(logged.value().version, 2);
        QCOMPARE(logged.value().attempts.size(), 1);
        expectJournal({{QStringLiteral("attempt"), 2}});
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>().size(), 1);
    }

    // The task's count is written, then the attempt's row fails as a server
    // error would: neither remains, nor an audit or journal row.
    void logAttemptFailingBetweenItsWritesLeavesNothing()
    {
        expectNothingLeftBy(QStringLiteral("insert follow-up attempt"), [&] {
            return followUps().logAttempt(m_taskId, 1, AttemptChannel::Phone, AttemptResult::NoAnswer, {});
        });
    }

    // The attempt that reaches the limit closes the task: two audit rows
    // (attempt, close), still one journal row for the one record.
    void lastAttemptClosesTheTaskInOneJournalRow()
    {
        int version = 1;
        for (int i = 0; i < 3; ++i) {
            auto logged =
                followUps().logAttempt(m_taskId, version, AttemptChannel::Text, AttemptResult::NoAnswer, {});
            HEARTDESK_VERIFY_RESULT(logged);
            version = logged.value().version;
            if (logged.value().isClosed())
                break;
        }
        const auto rows = ChangeJournal(db()).after(m_journalBefore).value();
        QCOMPARE(rows.last().version, version);
        QCOMPARE(rows.size(), version - 1); // one per change, the closing one too
        QCOMPARE(
            value(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'close' AND record_id = ?"),
                  {m_taskId}),
            QStringLiteral("1"));
        auto closed = followUps().open(m_taskId);
        HEARTDESK_VERIFY_RESULT(closed);
        QVERIFY(closed.value().task.isClosed());
        auto again =
            followUps().logAttempt(m_taskId, version, AttemptChannel::Text, AttemptResult::Reached, {});
        QCOMPARE(storeErrorCodeName(again.error().code), storeErrorCodeName(StoreErrorCode::TaskClosed));
    }

    void recordOutcomeJournalsTheClosedTask()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto recorded = followUps().recordOutcome(m_taskId, 1, Outcome::Connected, {},
                                                  QStringLiteral("Eno River Recovery Community"),
                                                  QStringLiteral("warm hand-off"));
        HEARTDESK_VERIFY_RESULT(recorded);
        QVERIFY(recorded.value().isClosed());
        expectJournal({{QStringLiteral("close"), 2}});
        QCOMPARE(spy.count(), 1);
    }

    void recordOutcomeFailingAtItsAuditRowLeavesNothing()
    {
        expectNothingLeftBy(QStringLiteral("append audit row"), [&] {
            return followUps().recordOutcome(m_taskId, 1, Outcome::Declined, {}, {},
                                             QStringLiteral("no thanks"));
        });
    }

    // Recorded with the navigator's draft of the outcome: the draft goes in
    // the recording's own transaction. A stale version keeps it; a fault at
    // the draft's deletion takes the recording back with it; then both go.
    void recordOutcomeTakesItsDraftInItsTransaction()
    {
        const QString form = QStringLiteral("followup-outcome/") + m_taskId;
        QVERIFY(
            !DraftStore(db(), clock()).save(navigator(), form, QStringLiteral("{\"note\":\"no thanks\"}")));
        m_journalBefore = ChangeJournal(db()).lastSeq().value(); // the draft's own row before
        const auto drafts = [&] {
            return value(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form = ?"), {form});
        };
        const auto record = [&](int version) {
            return followUps().recordOutcome(m_taskId, version, Outcome::Declined, {}, {},
                                             QStringLiteral("no thanks"), form);
        };
        const QString before = snapshot();
        auto stale = record(7);
        QCOMPARE(storeErrorCodeName(stale.error().code), storeErrorCodeName(StoreErrorCode::Conflict));
        QCOMPARE(drafts(), QStringLiteral("1"));

        QSignalSpy spy(&db(), &Database::changesCommitted);
        db().injectFault(QStringLiteral("discard draft"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("discard draft failed")));
        auto failed = record(1);
        QCOMPARE(storeErrorCodeName(failed.error().code), storeErrorCodeName(StoreErrorCode::QueryFailed));
        QCOMPARE(snapshot(), before); // the task still open, nothing journaled or audited
        QCOMPARE(drafts(), QStringLiteral("1"));
        QCOMPARE(spy.count(), 0);

        auto recorded = record(1);
        HEARTDESK_VERIFY_RESULT(recorded);
        QVERIFY(recorded.value().isClosed());
        QCOMPARE(drafts(), QStringLiteral("0"));
        expectJournal({{QStringLiteral("close"), 2}});
        QCOMPARE(spy.count(), 1);
    }

    void recordOutcomeRefusalsHaveTheirCodes()
    {
        const QString before = snapshot();
        auto noService =
            followUps().recordOutcome(m_taskId, 1, Outcome::Connected, {}, QStringLiteral(" "), {});
        QCOMPARE(storeErrorCodeName(noService.error().code),
                 storeErrorCodeName(StoreErrorCode::RequiredMissing));
        QCOMPARE(noService.error().field, QStringLiteral("service"));
        auto longNote = followUps().recordOutcome(m_taskId, 1, Outcome::Declined, {}, {},
                                                  QString(FollowUpStore::kMaxNoteLength + 1, u'x'));
        QCOMPARE(storeErrorCodeName(longNote.error().code), storeErrorCodeName(StoreErrorCode::TooLong));
        QCOMPARE(longNote.error().field, QStringLiteral("note"));
        QCOMPARE(longNote.error().limit, FollowUpStore::kMaxNoteLength);
        QCOMPARE(snapshot(), before);
    }

    void extendJournalsAndFailingLeavesNothing()
    {
        expectNothingLeftBy(QStringLiteral("append audit row"),
                            [&] { return followUps().extend(m_taskId, 1, 2); });
        // The retry went through whole: 3 + 2 attempts allowed.
        QCOMPARE(followUps().open(m_taskId).value().task.maxAttempts, 5);
        expectJournal({{QStringLiteral("extend"), 2}});
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        const Actor emt = m_fixture->actorFor(Role::Emt);
        const QString before = snapshot();
        auto refused = usecases::FollowUpUseCases(context(emt)).claim(m_taskId, 1);
        QCOMPARE(storeErrorCodeName(refused.error().code),
                 storeErrorCodeName(StoreErrorCode::PermissionDenied));
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, emt.userId()), 1);
        QCOMPARE(snapshot(), before);
    }

    // The creator inside a caller's unit of work: the new task is that
    // unit's change (audit "create", journal version 1) and commits with it.
    void taskMadeInsideACallersUnitOfWorkIsJournaledThere()
    {
        const QString callId = closedDivertedCallWithoutTask();
        const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
        const qint64 before = ChangeJournal(db()).lastSeq().value();
        const int creates = m_fixture->auditCount(QStringLiteral("create"));
        {
            UnitOfWork work(db(), clock(), counselor, Action::TakeCall, QStringLiteral("call"), callId);
            QVERIFY(work.ok());
            auto created = FollowUpStore::createCheckInForClosedCall(work, callId);
            HEARTDESK_VERIFY_RESULT(created);
            QVERIFY(created.value().created);
            HEARTDESK_VERIFY_OK(work.commit());
        }
        const auto rows = ChangeJournal(db()).after(before).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, FollowUpStore::recordType());
        QCOMPARE(rows[0].action, QStringLiteral("create"));
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(m_fixture->auditCount(QStringLiteral("create")), creates + 1);

        // Asked again: the same task, no new row, nothing journaled.
        {
            UnitOfWork work(db(), clock(), counselor, Action::TakeCall, QStringLiteral("call"), callId);
            auto again = FollowUpStore::createCheckInForClosedCall(work, callId);
            HEARTDESK_VERIFY_RESULT(again);
            QVERIFY(!again.value().created);
            HEARTDESK_VERIFY_OK(work.commit());
        }
        QCOMPARE(ChangeJournal(db()).after(before).value().size(), 1);
    }

    // What the follow-up queue asks: a task's version is the one the use case
    // returned, and its journal row falls in the follow-up area LiveRefresh watches.
    void freshnessFollowsTheChanges()
    {
        usecases::Freshness freshness(context(navigator()));
        const qint64 before = ChangeJournal(db()).lastSeq().value();
        auto claimed = followUps().claim(m_taskId, 1);
        HEARTDESK_VERIFY_RESULT(claimed);
        const auto rows = ChangeJournal(db()).after(before).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(usecases::areaOf(rows.first().recordType), usecases::Freshness::FollowUps);
        QCOMPARE(freshness.version(usecases::Freshness::FollowUps, m_taskId).value(),
                 claimed.value().version);
        QCOMPARE(freshness.version(usecases::Freshness::FollowUps, QStringLiteral("no-such-task")).value(),
                 0);
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    Actor navigator() { return m_fixture->actorFor(Role::CareNavigator); }
    usecases::Context context(const Actor& actor) { return {db(), clock(), actor}; }
    usecases::FollowUpUseCases followUps() { return usecases::FollowUpUseCases(context(navigator())); }

    QString addDivertedCall(const QString& cad)
    {
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        call.riskLevel = QStringLiteral("low");
        call.callerPhone = QStringLiteral("+19195550123");
        call.disposition = QStringLiteral("diverted");
        call.program = QStringLiteral("ccd");
        auto created = IntakeStore(db(), clock()).create(m_fixture->actorFor(Role::CallCounselor), call);
        return created.ok() ? created.value().id : QString();
    }
    // A check-in task from a closed diverted call; its id.
    QString checkInTask(const QString& cad)
    {
        const QString callId = addDivertedCall(cad);
        auto closed = IntakeStore(db(), clock()).close(m_fixture->actorFor(Role::CallCounselor), callId, 1);
        if (!closed.ok())
            return {};
        return value(QStringLiteral("SELECT id FROM followup_tasks WHERE source_key = ?"),
                     {QString(QStringLiteral("call:") + callId)});
    }
    // A diverted call closed by SQL alone, so that no task was made for it yet.
    QString closedDivertedCallWithoutTask()
    {
        const QString callId = addDivertedCall(QStringLiteral("2026-0302-0102"));
        m_fixture->sql(QStringLiteral("UPDATE calls SET status = 'closed' WHERE id = ?"), {callId});
        return callId;
    }
    QString value(const QString& sql, const QVariantList& values)
    {
        const auto r = m_fixture->sql(sql, values);
        return r.rows.isEmpty() ? QString() : r.rows.first().first().toString();
    }
    // The journal rows since init(): the task's, with these actions and versions.
    void expectJournal(const QList<std::pair<QString, int>>& expected)
    {
        auto rows = ChangeJournal(db()).after(m_journalBefore);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(rows.value().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(rows.value()[i].recordType, FollowUpStore::recordType());
            QCOMPARE(rows.value()[i].recordId, m_taskId);
            QCOMPARE(rows.value()[i].action, expected[i].first);
            QCOMPARE(rows.value()[i].version, expected[i].second);
        }
    }
    // Runs `write` with a fault at `what`: refused, nothing of it remains,
    // no signal; the same write afterwards goes through.
    template <typename Write> void expectNothingLeftBy(const QString& what, Write write)
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(what);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QRegularExpression::escape(what) + QStringLiteral(" failed")));
        auto failed = write();
        QVERIFY(!failed.ok());
        QCOMPARE(storeErrorCodeName(failed.error().code), storeErrorCodeName(StoreErrorCode::QueryFailed));
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
        auto again = write();
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(spy.count(), 1);
    }
    // The task's row, its attempts, the journal and the audit trail (but
    // refusals): what "nothing remains" compares.
    QString snapshot()
    {
        QStringList parts;
        const auto add = [&](const QString& sql, const QVariantList& values) {
            for (const QVariantList& row : m_fixture->sql(sql, values).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        add(QStringLiteral("SELECT state, attempts, max_attempts, assigned_to, outcome, outcome_text, "
                           "outcome_note, closed_at, updated_at, version FROM followup_tasks WHERE id = ?"),
            {m_taskId});
        add(QStringLiteral("SELECT COUNT(*) FROM followup_attempts WHERE task_id = ?"), {m_taskId});
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"), {});
        return parts.join(u'|');
    }

    std::optional<Actor> m_second; // a second care navigator
    std::unique_ptr<TestDatabase> m_fixture;
    QString m_taskId;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseFollowUps)
#include "tst_usecase_followups.moc"
