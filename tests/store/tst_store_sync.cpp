// The van laptop's offline sync (store/sync), laptop on SQLite and the center
// on the engine under test (PostgreSQL in the .postgresql variant): setting a
// laptop up copies only the unit's records and its crew; a whole call worked
// offline (status, note, entry, signature, safety plan) reaches the center
// with its journal and audit rows; a batch sent twice is applied once; and
// the conflict rules of docs/offline-sync.md one by one: status events merge
// by time, a unit reassigned by the center shows after the sync, a signed
// note is immutable, an unsigned note edited in both places keeps both and
// asks the lead; crew sign-ins expire offline and the lockout still counts.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/Uuid.h"
#include "core/safety/SafetyPlan.h"
#include "core/triage/Cssrs.h"
#include "store/CoreText.h"
#include "store/EncounterStore.h"
#include "store/IntakeStore.h"
#include "store/RosterStore.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"
#include "store/sync/SyncEngine.h"
#include "usecases/SettingsUseCases.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using namespace heart::store::sync;
using namespace std::chrono_literals;
using heart::test::TestDatabase;
using units::UnitStatus;

namespace {

const QString kPersonName = QStringLiteral("Rosalind Okonkwo-Vega");

encounter::EncounterNote signableNote(const std::string& assessment)
{
    encounter::EncounterNote note;
    note.presentingConcern = "Could not sleep, pacing outside";
    triage::CssrsAnswers cssrs;
    cssrs[triage::CssrsQuestion::WishedDead] = triage::Answer::No;
    cssrs[triage::CssrsQuestion::Thoughts] = triage::Answer::No;
    note.cssrs = cssrs;
    note.assessment = assessment;
    note.interventions = "Grounding, safety planning";
    note.disposition = encounter::EncounterDisposition::ResolvedOnScene;
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = encounter::ContactPreference::Phone;
    note.contactPhone = "(919) 555-0177";
    note.narrative = "Talked on the porch for forty minutes.";
    return note;
}

safety::SafetyPlan plan()
{
    safety::SafetyPlan plan;
    plan.language = "es";
    plan.step(safety::SafetyPlanStep::WarningSigns) = {{"No puedo dormir", ""}};
    plan.step(safety::SafetyPlanStep::PeopleToAsk) = {{"Hermana", "(919) 555-0101"}};
    plan.reasonsForLiving = {"Mi hija"};
    return safety::withDefaults(plan, {{"988 Lifeline", "988"}});
}

// The laptop: its own SQLite file, its own clock and stores.
struct Laptop
{
    QTemporaryDir dir;
    Database db;
    ManualClock clock{TestDatabase::startTime()};
    std::unique_ptr<AccountStore> accounts;
    std::unique_ptr<UnitStore> units;
    std::unique_ptr<EncounterStore> encounters;
    std::unique_ptr<SafetyPlanStore> plans;

    QString open()
    {
        ConnectionSpec spec;
        spec.engine = Engine::Sqlite;
        spec.sqlitePath = dir.filePath(QStringLiteral("van.db"));
        if (StoreError error = db.open(spec))
            return error.detail;
        accounts = std::make_unique<AccountStore>(db, clock);
        units = std::make_unique<UnitStore>(db, clock);
        encounters = std::make_unique<EncounterStore>(db, clock, *accounts);
        plans = std::make_unique<SafetyPlanStore>(db, clock);
        return {};
    }
};

qint64 count(Database& db, const QString& sql, const QVariantList& values = {})
{
    const auto rows = TestDatabase::sqlOn(db, sql, values);
    return rows.ok && !rows.rows.isEmpty() ? rows.rows.at(0).at(0).toLongLong() : -1;
}

QString text(Database& db, const QString& sql, const QVariantList& values = {})
{
    const auto rows = TestDatabase::sqlOn(db, sql, values);
    return rows.ok && !rows.rows.isEmpty() ? rows.rows.at(0).at(0).toString() : QStringLiteral("<none>");
}

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_center);
        m_laptop = std::make_unique<Laptop>();
        const QString problem = m_laptop->open();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // At the center: a unit with the team lead and a peer on it, another
        // unit, a call dispatched to each.
        const Actor supervisor = m_center->actorFor(Role::Supervisor);
        m_leadActor = m_center->actorFor(Role::CrtTeamLead);
        m_peerActor = m_center->actorFor(Role::PeerSupport);
        RosterStore roster(m_center->db(), m_center->clock());
        auto leadStaff = roster.addStaff(
            supervisor, {{}, "Lee Lead", roster::ResponderRole::Clinician, "early"}, (*m_leadActor).userId());
        auto peerStaff =
            roster.addStaff(supervisor, {{}, "Pat Peer", roster::ResponderRole::PeerSupport, "early"},
                            (*m_peerActor).userId());
        HEARTDESK_VERIFY_RESULT(leadStaff);
        HEARTDESK_VERIFY_RESULT(peerStaff);
        UnitStore units(m_center->db(), m_center->clock());
        m_unit = makeUnit(units, QStringLiteral("CRT-2"), {leadStaff.value(), peerStaff.value()});
        m_otherUnit = makeUnit(units, QStringLiteral("CRT-1"), {});
        m_callId = newCall(QStringLiteral("26-100001"), kPersonName);
        m_otherCallId = newCall(QStringLiteral("26-100002"), QStringLiteral("Someone Elsewhere"));
        m_unit = dispatch(units, m_unit, m_callId);
        m_otherUnit = dispatch(units, m_otherUnit, m_otherCallId);
        m_identity = {toQString(newRecordId(m_center->clock().now())), m_unit.id,
                      QStringLiteral("CRT-2 laptop"), QString()};
        HEARTDESK_VERIFY_OK(provisionLaptop(m_laptop->db, m_center->db(), m_center->clock(), m_identity));
        m_engine = std::make_unique<SyncEngine>(m_laptop->db, m_center->db(), m_center->clock(), m_identity);
    }
    void cleanup()
    {
        m_engine.reset();
        m_laptop.reset();
        m_center.reset();
    }

    void settingUpCopiesTheUnitsRecordsAndCrewOnly()
    {
        Database& van = m_laptop->db;
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM units")), 1);
        QCOMPARE(text(van, QStringLiteral("SELECT code FROM units")), QStringLiteral("CRT-2"));
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
        QCOMPARE(text(van, QStringLiteral("SELECT person_name FROM calls")), kPersonName);
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM calls WHERE person_name LIKE 'Someone%'")),
                 0);
        // The crew's accounts (with their hashes, so they can sign in), nobody else's.
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM users")), 2);
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM sync_credentials")), 2);
        QCOMPARE(count(van, QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 0);
        auto state = readSyncState(van);
        HEARTDESK_VERIFY_RESULT(state);
        QCOMPARE(state.value().waiting, 0);
        QCOMPARE(state.value().identity.unitId, m_unit.id);
        // The lead signs in on the laptop with the center's password.
        HEARTDESK_VERIFY_RESULT(signInOnLaptop());
        // Nothing to send or bring.
        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.pushed, 0);
    }

    void aCallWorkedOfflineReachesTheCenterAudited()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        const Actor actor = lead.value();
        // The link is down the whole time: none of this needs the center.
        Unit unit = move(actor, UnitStatus::EnRoute);
        unit = move(actor, UnitStatus::OnScene);
        auto created = m_laptop->encounters->create(actor, m_callId, m_unit.id);
        HEARTDESK_VERIFY_RESULT(created);
        auto written = m_laptop->encounters->update(actor, created.value().id, created.value().version,
                                                    signableNote("Calm, oriented, no plan"));
        HEARTDESK_VERIFY_RESULT(written);
        auto entry =
            m_laptop->encounters->addEntry(actor, created.value().id, QStringLiteral("Sister on the way"));
        HEARTDESK_VERIFY_RESULT(entry);
        auto savedPlan = m_laptop->plans->save(actor, created.value().id, 0, plan());
        HEARTDESK_VERIFY_RESULT(savedPlan);
        auto finalPlan = m_laptop->plans->finalise(actor, created.value().id, savedPlan.value().version);
        HEARTDESK_VERIFY_RESULT(finalPlan);
        auto reread = m_laptop->encounters->open(actor, created.value().id);
        HEARTDESK_VERIFY_RESULT(reread);
        auto signedNote = m_laptop->encounters->sign(actor, created.value().id, reread.value().version,
                                                     TestDatabase::userPassword());
        HEARTDESK_VERIFY_RESULT(signedNote);
        auto state = readSyncState(m_laptop->db);
        HEARTDESK_VERIFY_RESULT(state);
        QVERIFY2(state.value().waiting >= 4, qPrintable(QString::number(state.value().waiting)));

        // The link comes back.
        const qint64 journalBefore =
            count(m_center->db(), QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 0);
        Database& center = m_center->db();
        QCOMPARE(text(center, QStringLiteral("SELECT status FROM units WHERE id = ?"), {m_unit.id}),
                 QStringLiteral("on_scene"));
        QCOMPARE(
            count(center,
                  QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ? AND status IN "
                                 "('en_route', 'on_scene')"),
                  {m_unit.id}),
            2);
        QCOMPARE(text(center, QStringLiteral("SELECT signature_hash FROM encounters WHERE id = ?"),
                      {created.value().id}),
                 signedNote.value().signatureHash);
        QCOMPARE(text(center, QStringLiteral("SELECT status FROM safety_plans WHERE encounter_id = ?"),
                      {created.value().id}),
                 QStringLiteral("final"));
        QCOMPARE(count(center,
                       QStringLiteral("SELECT COUNT(*) FROM encounter_entries WHERE encounter_id = ?"),
                       {created.value().id}),
                 1);
        // Consent to follow up: Care Navigation's task made by the signature arrived too.
        QCOMPARE(count(center, QStringLiteral("SELECT COUNT(*) FROM followup_tasks WHERE encounter_id = ?"),
                       {created.value().id}),
                 1);
        // The center's journal names the laptop; its audit trail names the team lead.
        QVERIFY(count(center, QStringLiteral("SELECT COUNT(*) FROM change_journal")) > journalBefore);
        QCOMPARE(count(center,
                       QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE workstation = ? AND "
                                      "record_type = 'encounter'"),
                       {m_identity.deviceName}),
                 1);
        QVERIFY(
            count(center,
                  QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sync_in' AND user_id = ?"),
                  {actor.userId()}) >= 4);
        // The center's own checks agree with the laptop's signature.
        EncounterStore centerNotes(center, m_center->clock(), m_center->accounts());
        auto verified = centerNotes.verify(m_center->actorFor(Role::Supervisor), created.value().id);
        HEARTDESK_VERIFY_RESULT(verified);
        QVERIFY(verified.value().intact());

        // The laptop's audit trail reached the center's in order, as the
        // device's own segment anchored in the center's chain: both verify.
        HEARTDESK_VERIFY_OK(m_engine->syncOnce().error); // the rows the pull itself wrote
        const qint64 laptopRows = count(m_laptop->db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        QCOMPARE(count(center, QStringLiteral("SELECT COUNT(*) FROM device_audit_log WHERE device_id = ?"),
                       {m_identity.deviceId}),
                 laptopRows);
        QCOMPARE(count(center,
                       QStringLiteral("SELECT COUNT(*) FROM device_audit_log WHERE device_id = ? AND "
                                      "action = 'sign' AND user_id = ?"),
                       {m_identity.deviceId, actor.userId()}),
                 1);
        auto centerChain = usecases::SettingsQueries(center, m_center->clock()).verifyAudit();
        HEARTDESK_VERIFY_RESULT(centerChain);
        QVERIFY(!centerChain.value().firstBreak);
        auto segments = usecases::SettingsQueries(center, m_center->clock()).verifyDeviceAudit();
        HEARTDESK_VERIFY_RESULT(segments);
        QCOMPARE(segments.value().size(), std::size_t(1));
        QVERIFY(segments.value().at(0).intact());
        QCOMPARE(segments.value().at(0).rowsChecked, laptopRows);
        auto laptopChain = usecases::SettingsQueries(m_laptop->db, m_laptop->clock).verifyAudit();
        HEARTDESK_VERIFY_RESULT(laptopChain);
        QVERIFY(!laptopChain.value().firstBreak);

        // Nothing waits, and a second sync changes nothing anywhere.
        state = readSyncState(m_laptop->db);
        QCOMPARE(state.value().waiting, 0);
        const qint64 journalAfter = count(center, QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        const SyncReport again = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(again.error);
        QCOMPARE(again.pushed, 0);
        QCOMPARE(count(center, QStringLiteral("SELECT COUNT(*) FROM change_journal")), journalAfter);
    }

    void aBatchSentTwiceIsAppliedOnce()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        move(lead.value(), UnitStatus::EnRoute);
        // The center commits, then the answer is lost: the laptop's own
        // bookkeeping is put back as it was before the push.
        const auto pushedBefore =
            TestDatabase::sqlOn(m_laptop->db, QStringLiteral("SELECT key, value FROM sync_state"));
        HEARTDESK_VERIFY_OK(m_engine->push().error);
        TestDatabase::sqlOn(m_laptop->db, QStringLiteral("DELETE FROM sync_base WHERE record_type = 'unit'"));
        for (const QVariantList& row : pushedBefore.rows) {
            TestDatabase::sqlOn(m_laptop->db, QStringLiteral("UPDATE sync_state SET value = ? WHERE key = ?"),
                                {row.at(1), row.at(0)});
        }
        const qint64 events =
            count(m_center->db(), QStringLiteral("SELECT COUNT(*) FROM unit_status_events"));
        const qint64 journal = count(m_center->db(), QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        const SyncReport again = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(again.error);
        QCOMPARE(again.conflicts, 0);
        QCOMPARE(count(m_center->db(), QStringLiteral("SELECT COUNT(*) FROM unit_status_events")), events);
        QCOMPARE(count(m_center->db(), QStringLiteral("SELECT COUNT(*) FROM change_journal")), journal);
        QCOMPARE(readSyncState(m_laptop->db).value().waiting, 0);
    }

    void statusEventsFromBothSidesMergeByTime()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        // Offline, the van goes en route; at the center, a peer on another
        // workstation marks the same unit on scene a minute later.
        move(lead.value(), UnitStatus::EnRoute);
        m_center->clock().advance(60s);
        UnitStore centerUnits(m_center->db(), m_center->clock());
        auto current = centerUnits.unit((*m_peerActor), m_unit.id);
        HEARTDESK_VERIFY_RESULT(current);
        HEARTDESK_VERIFY_RESULT(centerUnits.changeStatus((*m_peerActor), m_unit.id, current.value().version,
                                                         UnitStatus::OnScene));

        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 0);
        // Every event once on both sides, and the latest one gives the status.
        for (Database* db : {&m_center->db(), &m_laptop->db}) {
            const auto events = TestDatabase::sqlOn(
                *db,
                QStringLiteral(
                    "SELECT status FROM unit_status_events WHERE unit_id = ? ORDER BY at_utc, seq"),
                {m_unit.id});
            QStringList statuses;
            for (const QVariantList& row : events.rows)
                statuses.append(row.at(0).toString());
            QCOMPARE(statuses.join(u','), QStringLiteral("available,dispatched,en_route,on_scene"));
            QCOMPARE(text(*db, QStringLiteral("SELECT status FROM units WHERE id = ?"), {m_unit.id}),
                     QStringLiteral("on_scene"));
        }
    }

    void aUnitReassignedByTheCenterShowsAfterTheSync()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        move(lead.value(), UnitStatus::EnRoute);
        // Meanwhile the center takes the unit off the call and sends it to a new one.
        UnitStore centerUnits(m_center->db(), m_center->clock());
        const QString urgent = newCall(QStringLiteral("26-100003"), QStringLiteral("Marisol Quintanilla"));
        auto current = centerUnits.unit((*m_peerActor), m_unit.id);
        auto cleared = centerUnits.changeStatus((*m_peerActor), m_unit.id, current.value().version,
                                                UnitStatus::Available);
        HEARTDESK_VERIFY_RESULT(cleared);
        Unit moved = dispatch(centerUnits, cleared.value(), urgent);
        QCOMPARE(moved.callId, urgent);

        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        // The laptop shows the new call, and has the call itself to open.
        auto here = m_laptop->units->unit(lead.value(), m_unit.id);
        HEARTDESK_VERIFY_RESULT(here);
        QCOMPARE(here.value().callId, urgent);
        QCOMPARE(here.value().status, UnitStatus::Dispatched);
        QCOMPARE(text(m_laptop->db, QStringLiteral("SELECT person_name FROM calls WHERE id = ?"), {urgent}),
                 QStringLiteral("Marisol Quintanilla"));
        // The team's en route stays in the center's history.
        QCOMPARE(count(m_center->db(),
                       QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ? AND "
                                      "status = 'en_route'"),
                       {m_unit.id}),
                 1);
        QCOMPARE(text(m_center->db(), QStringLiteral("SELECT call_id FROM units WHERE id = ?"), {m_unit.id}),
                 urgent);
    }

    void aSignedNoteIsNeverChangedBySync()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        const QString id = syncedEncounter(lead.value(), "First look: calm");
        // At the center the note is completed and signed; on the laptop,
        // offline, the lead edits the unsigned copy it still has.
        EncounterStore centerNotes(m_center->db(), m_center->clock(), m_center->accounts());
        auto there = centerNotes.open((*m_leadActor), id);
        auto centerEdit = centerNotes.update((*m_leadActor), id, there.value().version,
                                             signableNote("Signed at the center"));
        HEARTDESK_VERIFY_RESULT(centerEdit);
        auto signedThere =
            centerNotes.sign((*m_leadActor), id, centerEdit.value().version, TestDatabase::userPassword());
        HEARTDESK_VERIFY_RESULT(signedThere);
        auto here = m_laptop->encounters->open(lead.value(), id);
        HEARTDESK_VERIFY_RESULT(m_laptop->encounters->update(lead.value(), id, here.value().version,
                                                             signableNote("Edited offline, never signed")));

        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 1);
        // The signed note stands on both sides, hash intact; the offline edit
        // is kept for the lead, not lost.
        for (Database* db : {&m_center->db(), &m_laptop->db}) {
            QCOMPARE(text(*db, QStringLiteral("SELECT assessment FROM encounters WHERE id = ?"), {id}),
                     QStringLiteral("Signed at the center"));
            QCOMPARE(text(*db, QStringLiteral("SELECT signature_hash FROM encounters WHERE id = ?"), {id}),
                     signedThere.value().signatureHash);
        }
        auto conflicts = openConflicts(m_laptop->db);
        HEARTDESK_VERIFY_RESULT(conflicts);
        QCOMPARE(conflicts.value().size(), 1);
        QCOMPARE(conflicts.value().at(0).reason, QStringLiteral("signed_at_center"));
        QVERIFY(QString::fromUtf8(QJsonDocument(conflicts.value().at(0).mine).toJson())
                    .contains(QStringLiteral("Edited offline, never signed")));
        // Keeping the laptop's version over a signed note is refused: an addendum is the way.
        QCOMPARE(
            resolveConflict(m_laptop->db, m_laptop->clock, conflicts.value().at(0).id, true, lead.value())
                .code,
            StoreErrorCode::RecordSigned);
    }

    void anUnsignedNoteEditedInBothPlacesKeepsBothAndAsksTheLead()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        const QString id = syncedEncounter(lead.value(), "First look: calm");
        EncounterStore centerNotes(m_center->db(), m_center->clock(), m_center->accounts());
        auto there = centerNotes.open((*m_leadActor), id);
        HEARTDESK_VERIFY_RESULT(
            centerNotes.update((*m_leadActor), id, there.value().version, signableNote("Center's words")));
        auto here = m_laptop->encounters->open(lead.value(), id);
        HEARTDESK_VERIFY_RESULT(m_laptop->encounters->update(lead.value(), id, here.value().version,
                                                             signableNote("Van's words")));

        SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 1);
        // Nothing overwritten silently: the center's stands for now, the
        // laptop's is kept on both sides.
        QCOMPARE(text(m_center->db(), QStringLiteral("SELECT assessment FROM encounters WHERE id = ?"), {id}),
                 QStringLiteral("Center's words"));
        QCOMPARE(count(m_center->db(),
                       QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE record_id = ? AND "
                                      "mine_json LIKE '%Van''s words%'"),
                       {id}),
                 1);
        auto conflicts = openConflicts(m_laptop->db);
        HEARTDESK_VERIFY_RESULT(conflicts);
        QCOMPARE(conflicts.value().size(), 1);
        QCOMPARE(conflicts.value().at(0).reason, QStringLiteral("edited_both"));
        QCOMPARE(readSyncState(m_laptop->db).value().openConflicts, 1);
        // The lead keeps the van's words: they go to the center with the next sync.
        HEARTDESK_VERIFY_OK(
            resolveConflict(m_laptop->db, m_laptop->clock, conflicts.value().at(0).id, true, lead.value()));
        QCOMPARE(readSyncState(m_laptop->db).value().openConflicts, 0);
        report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 0);
        for (Database* db : {&m_center->db(), &m_laptop->db}) {
            QCOMPARE(text(*db, QStringLiteral("SELECT assessment FROM encounters WHERE id = ?"), {id}),
                     QStringLiteral("Van's words"));
        }
    }

    void fieldsChangedOnOneSideEachAreBothKept()
    {
        auto lead = signInOnLaptop();
        HEARTDESK_VERIFY_RESULT(lead);
        const QString id = syncedEncounter(lead.value(), "First look: calm");
        // The center adds an entry (a peer at the center); the van edits the note.
        EncounterStore centerNotes(m_center->db(), m_center->clock(), m_center->accounts());
        HEARTDESK_VERIFY_RESULT(
            centerNotes.addEntry((*m_peerActor), id, QStringLiteral("Called the sister")));
        auto here = m_laptop->encounters->open(lead.value(), id);
        HEARTDESK_VERIFY_RESULT(m_laptop->encounters->update(lead.value(), id, here.value().version,
                                                             signableNote("Van's words")));
        const SyncReport report = m_engine->syncOnce();
        HEARTDESK_VERIFY_OK(report.error);
        QCOMPARE(report.conflicts, 0);
        for (Database* db : {&m_center->db(), &m_laptop->db}) {
            QCOMPARE(text(*db, QStringLiteral("SELECT assessment FROM encounters WHERE id = ?"), {id}),
                     QStringLiteral("Van's words"));
            QCOMPARE(count(*db,
                           QStringLiteral("SELECT COUNT(*) FROM encounter_entries WHERE encounter_id = ?"),
                           {id}),
                     1);
        }
    }

    void crewSignInExpiresWithoutTheCenterAndTheLockoutCounts()
    {
        // Fresh from the center: fine. Eight days later, offline: refused, audited.
        HEARTDESK_VERIFY_RESULT(signInOnLaptop());
        m_laptop->clock.advance(std::chrono::hours(24 * 8));
        auto late = signInOnLaptop();
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, StoreErrorCode::CredentialsExpired);
        // The center confirms the crew again at the next sync (its clock is the same day).
        m_center->clock().advance(std::chrono::hours(24 * 8));
        HEARTDESK_VERIFY_OK(m_engine->syncOnce().error);
        HEARTDESK_VERIFY_RESULT(signInOnLaptop());
        // Wrong passwords on the laptop lock the account there, and a sync
        // bringing the center's copy of the account does not lift the lock.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("account locked")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(
                !m_laptop->accounts
                     ->signIn((*m_leadActor).login(), QStringLiteral("wrong-guess"), QStringLiteral("van"))
                     .ok());
        QCOMPARE(signInOnLaptop().error().code, StoreErrorCode::AccountLocked);
        UnitStore centerUnits(m_center->db(), m_center->clock());
        TestDatabase::sqlOn(
            m_center->db(),
            QStringLiteral(
                "UPDATE users SET display_name = 'Lee R. Lead', version = version + 1 WHERE id = ?"),
            {(*m_leadActor).userId()});
        // (journal the account change as a store would)
        TestDatabase::sqlOn(
            m_center->db(),
            QStringLiteral("INSERT INTO change_journal (seq, record_type, record_id, version, action, "
                           "user_id, workstation, changed_at) SELECT COALESCE(MAX(seq), 0) + 1, 'user', ?, "
                           "2, 'update', '', 'ws', '2026-01-01T00:00:00.000Z' FROM change_journal"),
            {(*m_leadActor).userId()});
        HEARTDESK_VERIFY_OK(m_engine->syncOnce().error);
        QCOMPARE(text(m_laptop->db, QStringLiteral("SELECT display_name FROM users WHERE id = ?"),
                      {(*m_leadActor).userId()}),
                 QStringLiteral("Lee R. Lead"));
        QCOMPARE(signInOnLaptop().error().code, StoreErrorCode::AccountLocked);
    }

private:
    Unit makeUnit(UnitStore& units, const QString& code, const QStringList& members)
    {
        const Actor supervisor = m_center->actorFor(Role::Supervisor);
        auto created = units.createUnit(supervisor, code, units::UnitKind::CommunityResponse);
        if (!created.ok())
            return {};
        auto manned = units.setMembers(supervisor, created.value().id, created.value().version, members);
        if (!manned.ok())
            return {};
        auto available = units.changeStatus(m_center->actorFor(Role::CrtTeamLead), created.value().id,
                                            manned.value().version, UnitStatus::Available);
        return available.ok() ? available.value() : Unit{};
    }
    QString newCall(const QString& cad, const QString& person)
    {
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        call.personName = person;
        call.narrative = QStringLiteral("Neighbour worried, person pacing outside.");
        IntakeStore intake(m_center->db(), m_center->clock());
        auto created = intake.create(m_center->actorFor(Role::CallCounselor), call);
        return created.ok() ? created.value().id : QString();
    }
    Unit dispatch(UnitStore& units, const Unit& unit, const QString& callId)
    {
        auto sent =
            units.dispatchToCall(m_center->actorFor(Role::CallCounselor), unit.id, unit.version, callId);
        return sent.ok() ? sent.value() : Unit{};
    }
    StoreResult<Actor> signInOnLaptop()
    {
        return m_laptop->accounts->signIn((*m_leadActor).login(), TestDatabase::userPassword(),
                                          QStringLiteral("van"));
    }
    Unit move(const Actor& actor, UnitStatus to)
    {
        m_laptop->clock.advance(30s);
        auto current = m_laptop->units->unit(actor, m_unit.id);
        if (!current.ok())
            return {};
        auto moved = m_laptop->units->changeStatus(actor, m_unit.id, current.value().version, to);
        if (!moved.ok())
            qWarning("move failed: %s", qPrintable(moved.error().detail));
        return moved.ok() ? moved.value() : Unit{};
    }
    // An unsigned note written on the laptop and synced to the center.
    QString syncedEncounter(const Actor& actor, const std::string& assessment)
    {
        auto created = m_laptop->encounters->create(actor, m_callId, m_unit.id);
        if (!created.ok())
            return {};
        auto written = m_laptop->encounters->update(actor, created.value().id, created.value().version,
                                                    signableNote(assessment));
        if (!written.ok())
            return {};
        const SyncReport report = m_engine->syncOnce();
        if (report.error)
            qWarning("sync failed: %s", qPrintable(report.error.detail));
        return created.value().id;
    }

    std::unique_ptr<TestDatabase> m_center;
    std::unique_ptr<Laptop> m_laptop;
    std::unique_ptr<SyncEngine> m_engine;
    std::optional<Actor> m_leadActor;
    std::optional<Actor> m_peerActor;
    Unit m_unit;
    Unit m_otherUnit;
    QString m_callId;
    QString m_otherCallId;
    SyncIdentity m_identity;
};

HEART_TEST_GUILESS_MAIN(TestStoreSync)
#include "tst_store_sync.moc"
