// The team's note as use cases, on both engines: every record a use case
// changes is journaled once with its new version and the change is signalled
// once; signing writes the locked note and Care Navigation's follow-up task
// in one unit of work, so a failure between them leaves neither (nor any
// journal or audit row); an entry moves the encounter's version on with the
// entry, a safety plan save or finalise with the plan, both or neither; a
// wrong password at signing is audited while nothing else is written; and a
// signed note refuses changes with RecordSigned.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/safety/SafetyPlan.h"
#include "core/triage/Cssrs.h"
#include "store/ChangeJournal.h"
#include "store/DraftStore.h"
#include "store/IntakeStore.h"
#include "store/UnitStore.h"
#include "usecases/EncounterUseCases.h"
#include "usecases/SafetyPlanUseCases.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using encounter::ContactPreference;
using encounter::EncounterDisposition;
using encounter::EncounterNote;
using heart::test::TestDatabase;

namespace {

EncounterNote completeNote()
{
    EncounterNote note;
    note.presentingConcern = "Has not slept in three days";
    triage::CssrsAnswers cssrs;
    cssrs[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
    cssrs[triage::CssrsQuestion::Thoughts] = triage::Answer::No;
    note.cssrs = cssrs;
    note.assessment = "Oriented, tearful; no plan or intent";
    note.interventions = "Grounding, safety planning";
    note.disposition = EncounterDisposition::ResolvedOnScene;
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = ContactPreference::Text;
    note.contactPhone = "(919) 555-0142";
    note.narrative = "Agreed to a call from Care Navigation.";
    return note;
}

safety::SafetyPlan validPlan()
{
    safety::SafetyPlan plan;
    plan.language = "en";
    plan.step(safety::SafetyPlanStep::WarningSigns) = {{"Cannot sleep", ""}};
    plan.step(safety::SafetyPlanStep::PeopleToAsk) = {{"Sister", "(919) 555-0101"}};
    plan.reasonsForLiving = {"My daughter"};
    return safety::withDefaults(plan, {{"988 Lifeline", "988"}});
}

} // namespace

class TestUseCaseEncounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        CallRecord call;
        call.cadNumber = QStringLiteral("E-2001");
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        auto created = IntakeStore(db(), clock()).create(m_fixture->actorFor(Role::CallCounselor), call);
        HEARTDESK_VERIFY_RESULT(created);
        auto unit = UnitStore(db(), clock())
                        .createUnit(m_fixture->actorFor(Role::Supervisor), QStringLiteral("CRT-1"),
                                    units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(unit);
        auto opened = encounters().openOrCreate(created.value().id, unit.value().id);
        HEARTDESK_VERIFY_RESULT(opened);
        auto written = encounters().writeNote(opened.value().id, opened.value().version, completeNote());
        HEARTDESK_VERIFY_RESULT(written);
        m_encounter = written.value();
        // Every actor's account now, so that none is created (and audited) inside a snapshot.
        for (const Role role : {Role::PeerSupport, Role::CareNavigator})
            m_fixture->actorFor(role);
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void writingTheNoteJournalsTheEncounterOnce()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        EncounterNote note = completeNote();
        note.narrative = "Agreed to a call tomorrow.";
        auto written = encounters().writeNote(m_encounter.id, m_encounter.version, note);
        HEARTDESK_VERIFY_RESULT(written);
        QCOMPARE(written.value().version, m_encounter.version + 1);
        const auto rows = journal();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("encounter"));
        QCOMPARE(rows[0].recordId, m_encounter.id);
        QCOMPARE(rows[0].version, written.value().version);
        QCOMPARE(spy.count(), 1);
    }

    void signingWritesNoteAndTaskTogether()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto done = lead().sign(m_encounter.id, m_encounter.version, TestDatabase::userPassword());
        HEARTDESK_VERIFY_RESULT(done);
        QVERIFY(done.value().isSigned());
        const QString taskId =
            value(QStringLiteral("SELECT id FROM followup_tasks WHERE encounter_id = ?"), {m_encounter.id});
        QVERIFY(!taskId.isEmpty());
        const auto rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("encounter"));
        QCOMPARE(rows[0].action, QStringLiteral("sign"));
        QCOMPARE(rows[0].version, done.value().version);
        QCOMPARE(rows[1].recordId, taskId);
        QCOMPARE(rows[1].version, 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), rows);

        // Locked: the note, its entries and its plan refuse with RecordSigned.
        QCOMPARE(lead().writeNote(m_encounter.id, done.value().version, completeNote()).error().code,
                 StoreErrorCode::RecordSigned);
        QCOMPARE(usecases::EncounterUseCases(context(Role::PeerSupport))
                     .addEntry(m_encounter.id, QStringLiteral("late"))
                     .error()
                     .code,
                 StoreErrorCode::RecordSigned);
        QCOMPARE(plans().save(m_encounter.id, 0, validPlan()).error().code, StoreErrorCode::RecordSigned);
        QCOMPARE(lead().sign(m_encounter.id, done.value().version, TestDatabase::userPassword()).error().code,
                 StoreErrorCode::RecordSigned);
    }

    // The note is locked first; creating the task then fails as a server
    // error would. The note stays unsigned and no task, journal or audit row remains.
    void failureBetweenNoteAndTaskLeavesNothing()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("insert follow-up task"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("insert follow-up task failed")));
        auto done = lead().sign(m_encounter.id, m_encounter.version, TestDatabase::userPassword());
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);

        auto again = lead().sign(m_encounter.id, m_encounter.version, TestDatabase::userPassword());
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);
        QCOMPARE(spy.count(), 1);
    }

    void wrongPasswordIsAuditedAndWritesNothingElse()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        auto refused = lead().sign(m_encounter.id, m_encounter.version, QStringLiteral("not-the-password"));
        QCOMPARE(refused.error().code, StoreErrorCode::BadCredentials);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_failed' "
                                      "AND record_id = ?"),
                       {m_encounter.id}),
                 1);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
    }

    // An addendum made of the signed note's leftover draft takes the draft
    // in its own transaction: a fault at the draft's deletion takes the
    // addendum back with it (nothing journaled or signalled), the draft
    // stays; then both go together.
    void anAddendumTakesItsLeftoverDraftInItsTransaction()
    {
        auto signedNote = lead().sign(m_encounter.id, m_encounter.version, TestDatabase::userPassword());
        HEARTDESK_VERIFY_RESULT(signedNote);
        const Actor teamLead = m_fixture->actorFor(Role::CrtTeamLead);
        const QString form = QStringLiteral("encounter/") + m_encounter.id;
        QVERIFY(!DraftStore(db(), clock()).save(teamLead, form, QStringLiteral("{\"narrative\":\"late\"}")));
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
        const auto drafts = [&] {
            return count(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form = ?"), {form});
        };
        const auto addenda = [&] {
            return count(QStringLiteral("SELECT COUNT(*) FROM encounter_addenda WHERE encounter_id = ?"),
                         {m_encounter.id});
        };
        QSignalSpy spy(&db(), &Database::changesCommitted);
        db().injectFault(QStringLiteral("discard draft"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("discard draft failed")));
        auto failed =
            lead().addAddendum(m_encounter.id, QStringLiteral("late"), TestDatabase::userPassword(), form);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(addenda(), 0);
        QCOMPARE(drafts(), 1);
        QCOMPARE(journal().size(), 0);
        QCOMPARE(spy.count(), 0);

        auto added =
            lead().addAddendum(m_encounter.id, QStringLiteral("late"), TestDatabase::userPassword(), form);
        HEARTDESK_VERIFY_RESULT(added);
        QCOMPARE(addenda(), 1);
        QCOMPARE(drafts(), 0);
        QCOMPARE(journal().size(), 1);
        QCOMPARE(spy.count(), 1);
    }

    void anEntryMovesTheEncounterOnWithIt()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        usecases::EncounterUseCases peer(context(Role::PeerSupport));
        auto added = peer.addEntry(m_encounter.id, QStringLiteral("Sat with him on the bench."));
        HEARTDESK_VERIFY_RESULT(added);
        QCOMPARE(added.value().version, m_encounter.version + 1);
        const EncounterEntry& entry = added.value().entries.last();
        const auto rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("encounter"));
        QCOMPARE(rows[0].version, added.value().version);
        QCOMPARE(rows[1].recordType, QStringLiteral("encounter_entry"));
        QCOMPARE(rows[1].recordId, entry.id);
        QCOMPARE(rows[1].version, 1);
        QCOMPARE(spy.count(), 1);

        auto changed =
            peer.updateEntry(entry.id, entry.version, QStringLiteral("Sat with him by the river."));
        HEARTDESK_VERIFY_RESULT(changed);
        const auto after = journal();
        QCOMPARE(after.size(), 4);
        QCOMPARE(after[2].version, changed.value().version);
        QCOMPARE(after[3].recordId, entry.id);
        QCOMPARE(after[3].version, 2);
        QCOMPARE(spy.count(), 2);
    }

    void failureBetweenEncounterAndEntryLeavesNothing()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("insert encounter entry"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("insert encounter entry failed")));
        auto added = usecases::EncounterUseCases(context(Role::PeerSupport))
                         .addEntry(m_encounter.id, QStringLiteral("Sat with him on the bench."));
        QCOMPARE(added.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
    }

    void safetyPlanSaveAndFinaliseJournalPlanAndEncounter()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto saved = plans().save(m_encounter.id, 0, validPlan());
        HEARTDESK_VERIFY_RESULT(saved);
        auto rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("encounter"));
        QCOMPARE(rows[0].version, m_encounter.version + 1);
        QCOMPARE(rows[1].recordType, QStringLiteral("safety_plan"));
        QCOMPARE(rows[1].recordId, saved.value().id);
        QCOMPARE(rows[1].version, 1);

        auto final = plans().finalise(m_encounter.id, saved.value().version);
        HEARTDESK_VERIFY_RESULT(final);
        QVERIFY(final.value().isFinal);
        rows = journal();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[2].version, m_encounter.version + 2);
        QCOMPARE(rows[3].action, QStringLiteral("finalise"));
        QCOMPARE(rows[3].version, final.value().version);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(plans().finalise(m_encounter.id, final.value().version).error().code,
                 StoreErrorCode::RecordSigned);
    }

    void failureInASafetyPlanWriteLeavesNothing()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("insert safety plan"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("insert safety plan failed")));
        QCOMPARE(plans().save(m_encounter.id, 0, validPlan()).error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);

        auto saved = plans().save(m_encounter.id, 0, validPlan());
        HEARTDESK_VERIFY_RESULT(saved);
        const QString draft = snapshot();
        db().injectFault(QStringLiteral("finalise safety plan"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("finalise safety plan failed")));
        QCOMPARE(plans().finalise(m_encounter.id, saved.value().version).error().code,
                 StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), draft);
        QCOMPARE(spy.count(), 1); // the save only
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        const QString before = snapshot();
        auto refused = usecases::EncounterUseCases(context(Role::CareNavigator))
                           .writeNote(m_encounter.id, m_encounter.version, completeNote());
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
    usecases::EncounterUseCases encounters()
    {
        return usecases::EncounterUseCases(context(Role::CrtTeamLead));
    }
    usecases::EncounterUseCases lead() { return encounters(); }
    usecases::SafetyPlanUseCases plans() { return usecases::SafetyPlanUseCases(context(Role::CrtTeamLead)); }
    QList<JournalEntry> journal()
    {
        auto rows = ChangeJournal(db()).after(m_journalBefore);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    int count(const QString& sql, const QVariantList& values = {})
    {
        const auto r = m_fixture->sql(sql, values);
        return r.ok && !r.rows.isEmpty() ? r.rows.first().first().toInt() : -1;
    }
    QString value(const QString& sql, const QVariantList& values = {})
    {
        const auto r = m_fixture->sql(sql, values);
        return r.ok && !r.rows.isEmpty() ? r.rows.first().first().toString() : QString();
    }
    // The encounter with its entries, plan and tasks, the journal and the
    // audit trail (but refusals and failed signatures): what "nothing remains" compares.
    QString snapshot()
    {
        QStringList parts;
        const auto add = [&](const QString& sql) {
            const auto r = m_fixture->sql(sql);
            if (!r.ok)
                parts.append(QStringLiteral("error: ") + r.error);
            for (const QVariantList& row : r.rows)
                for (const QVariant& v : row)
                    parts.append(v.isNull() ? QStringLiteral("<null>") : v.toString());
        };
        add(QStringLiteral("SELECT * FROM encounters ORDER BY id"));
        add(QStringLiteral("SELECT * FROM encounter_entries ORDER BY id"));
        add(QStringLiteral("SELECT * FROM safety_plans ORDER BY id"));
        add(QStringLiteral("SELECT COUNT(*) FROM followup_tasks"));
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('permission_denied', "
                           "'sign_failed', 'sign_in_failed', 'account_locked')"));
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    Encounter m_encounter;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseEncounter)
#include "tst_usecase_encounter.moc"
