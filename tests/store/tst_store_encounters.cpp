// Encounter notes and safety plans at the store, on both engines: every note
// field comes back as written; peer support and EMTs add entries, a care
// navigator may not; signing needs a complete note (the first missing field
// is named), the signer's password (a wrong one is audited and counts towards
// the lockout like a sign-in) and a signing role; a signed note refuses every
// change and nothing moves; corrections are signed addenda, listed oldest
// first; an edit made in SQL behind the store's back shows in verify(); the
// safety plan is kept with the encounter and the person, read per person
// (audited), and only a plan without problems becomes final; neither the
// audit trail nor the log holds anything about the person.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/Uuid.h"
#include "core/safety/SafetyPlan.h"
#include "core/triage/Cssrs.h"
#include "store/EncounterStore.h"
#include "store/IntakeStore.h"
#include "store/PersonStore.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <utility>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using encounter::ContactPreference;
using encounter::EncounterDisposition;
using encounter::EncounterNote;
using heart::test::TestDatabase;
using safety::SafetyPlanStep;

// For calls that change something: the result is evaluated once.
#define VERIFY_DONE(expr)                                                                                    \
    do {                                                                                                     \
        const auto done_ = (expr);                                                                           \
        HEARTDESK_VERIFY_RESULT(done_);                                                                      \
    } while (false)

#define VERIFY_REFUSED(expr, expectedCode, expectedField)                                                    \
    do {                                                                                                     \
        const auto refused_ = (expr);                                                                        \
        QVERIFY(!refused_.ok());                                                                             \
        QCOMPARE(storeErrorCodeName(refused_.error().code), storeErrorCodeName(expectedCode));               \
        QCOMPARE(refused_.error().field, QString(QLatin1String(expectedField)));                             \
    } while (false)

namespace {

QStringList g_log; // every message while a test case runs

void collectMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

// Person data that must never reach the audit trail or the log.
const char* const kSecrets[] = {"Whitfield", "Terrence", "river",           "sleeping bag", "Duke Regional",
                                "5550142",   "Mi hija",  "No puedo dormir", "bridge"};

EncounterNote fullNote()
{
    EncounterNote note;
    note.presentingConcern = "Has not slept in three days, talking about the river";
    triage::CssrsAnswers cssrs;
    cssrs[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
    cssrs[triage::CssrsQuestion::Thoughts] = triage::Answer::Yes;
    cssrs[triage::CssrsQuestion::Method] = triage::Answer::No;
    cssrs[triage::CssrsQuestion::Behavior] = triage::Answer::No;
    note.cssrs = cssrs;
    note.assessment = "Oriented, tearful; no plan or intent";
    note.interventions = "Grounding, safety planning, warm handoff";
    note.disposition = EncounterDisposition::Transported;
    note.destination = "Duke Regional behavioral health urgent care";
    note.referralResourceId = "res-0042"; // belongs to "referred": kept all the same
    note.referralText = "Peer group on Tuesdays";
    note.escalationReason = "n/a";
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = ContactPreference::Text;
    note.contactPhone = "(919) 555-0142";
    note.contactPlace = "Church on Main St, side door"; // belongs to "in person": kept all the same
    note.narrative = "Found near the bridge with a sleeping bag; agreed to go.";
    return note;
}

safety::SafetyPlan validPlan()
{
    safety::SafetyPlan plan;
    plan.language = "es";
    plan.step(SafetyPlanStep::WarningSigns) = {{"No puedo dormir", ""}};
    plan.step(SafetyPlanStep::PeopleToAsk) = {{"Hermana", "(919) 555-0101"}};
    plan.reasonsForLiving = {"Mi hija"};
    return safety::withDefaults(plan, {{"988 Lifeline", "988"}});
}

} // namespace

class TestStoreEncounters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_encounters =
            std::make_unique<EncounterStore>(m_fixture->db(), m_fixture->clock(), m_fixture->accounts());
        m_plans = std::make_unique<SafetyPlanStore>(m_fixture->db(), m_fixture->clock());
        g_log.clear();
        m_previousHandler = qInstallMessageHandler(collectMessage);
    }
    void cleanup()
    {
        qInstallMessageHandler(m_previousHandler);
        m_plans.reset();
        m_encounters.reset();
        m_fixture.reset();
    }

    void everyNoteFieldRoundTrips();
    void entriesByTheTeamNotByACareNavigator();
    void signingNeedsACompleteNote();
    void signingNeedsThePasswordAndCountsTowardsLockout();
    void onlySigningRolesSign();
    void aSignedNoteRefusesEveryChange();
    void addendaAreSignedAndListedOldestFirst();
    void tamperingIsDetected();
    void safetyPlanWithEncounterAndPerson();
    void nothingAboutThePersonInAuditOrLog();

private:
    Actor lead() { return m_fixture->actorFor(Role::CrtTeamLead); }
    QString password() const { return TestDatabase::userPassword(); }
    int count(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
    }
    QString rows(const QString& sql)
    {
        const test::RawResult result = m_fixture->sql(sql);
        QStringList lines;
        for (const QVariantList& row : result.rows) {
            QStringList cells;
            for (const QVariant& v : row)
                cells.append(v.isNull() ? QStringLiteral("<null>") : v.toString());
            lines.append(cells.join(u'|'));
        }
        return result.ok ? lines.join(u'\n') : QStringLiteral("error: ") + result.error;
    }
    // Every row under encounters (and the audit trail's length, refusals aside).
    QString snapshot()
    {
        return rows(QStringLiteral("SELECT * FROM encounters ORDER BY id")) + u'#' +
               rows(QStringLiteral("SELECT * FROM encounter_entries ORDER BY id")) + u'#' +
               rows(QStringLiteral("SELECT * FROM encounter_addenda ORDER BY id")) + u'#' +
               rows(QStringLiteral("SELECT * FROM safety_plans ORDER BY id")) + u'#' +
               QString::number(count(QStringLiteral(
                   "SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('permission_denied', 'sign_failed', "
                   "'sign_in_failed', 'account_locked')")));
    }
    QString addPerson()
    {
        PersonStore people(m_fixture->db(), m_fixture->clock());
        PersonRecord person;
        person.givenName = QStringLiteral("Terrence");
        person.familyName = QStringLiteral("Whitfield");
        auto created = people.create(m_fixture->actorFor(Role::CallCounselor), person);
        return created.ok() ? created.value().id : QString();
    }
    QString addCall(const QString& cad, const QString& personId = QString())
    {
        IntakeStore intake(m_fixture->db(), m_fixture->clock());
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
        call.callType = QStringLiteral("welfare-check");
        call.personName = QStringLiteral("Terrence Whitfield");
        call.personId = personId;
        auto created = intake.create(m_fixture->actorFor(Role::CallCounselor), call);
        return created.ok() ? created.value().id : QString();
    }
    QString addUnit(const QString& code)
    {
        UnitStore units(m_fixture->db(), m_fixture->clock());
        auto unit =
            units.createUnit(m_fixture->actorFor(Role::Supervisor), code, units::UnitKind::CommunityResponse);
        return unit.ok() ? unit.value().id : QString();
    }
    // A new encounter for a new call (on `personId`, if given) and unit.
    Encounter newEncounter(const QString& cad = QStringLiteral("2026-0302-0001"),
                           const QString& personId = QString())
    {
        auto created = m_encounters->create(lead(), addCall(cad, personId),
                                            addUnit(QStringLiteral("CRT-") + cad.right(1)));
        return created.ok() ? created.value() : Encounter{};
    }
    // A complete note, written: ready to sign.
    Encounter completeEncounter(const QString& cad = QStringLiteral("2026-0302-0001"))
    {
        const Encounter created = newEncounter(cad);
        auto updated = m_encounters->update(lead(), created.id, created.version, fullNote());
        return updated.ok() ? updated.value() : Encounter{};
    }
    Encounter signedEncounter()
    {
        const Encounter complete = completeEncounter();
        auto entry = m_encounters->addEntry(m_fixture->actorFor(Role::PeerSupport), complete.id,
                                            QStringLiteral("Sat with him on the bench by the river."));
        if (!entry.ok())
            return {};
        auto done = m_encounters->sign(lead(), complete.id, entry.value().version, password());
        return done.ok() ? done.value() : Encounter{};
    }

    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<EncounterStore> m_encounters;
    std::unique_ptr<SafetyPlanStore> m_plans;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestStoreEncounters::everyNoteFieldRoundTrips()
{
    const QString callId = addCall(QStringLiteral("2026-0302-0001"));
    const QString unitId = addUnit(QStringLiteral("CRT-1"));
    auto created = m_encounters->create(lead(), callId, unitId);
    HEARTDESK_VERIFY_RESULT(created);
    const Encounter& empty = created.value();
    QVERIFY(isRecordId(empty.id.toStdString()));
    QCOMPARE(empty.version, 1);
    QCOMPARE(empty.callId, callId);
    QCOMPARE(empty.unitId, unitId);
    QCOMPARE(empty.createdBy, lead().userId());
    QCOMPARE(empty.createdAt, toDateTime(TestDatabase::startTime()));
    QVERIFY(empty.note == EncounterNote{});
    QVERIFY(!empty.isSigned());
    VERIFY_REFUSED(m_encounters->create(lead(), callId, unitId), StoreErrorCode::InvalidInput, "unitId");
    VERIFY_REFUSED(m_encounters->create(lead(), QStringLiteral("nope"), unitId), StoreErrorCode::NotFound,
                   "callId");
    VERIFY_REFUSED(m_encounters->create(lead(), callId, QStringLiteral("nope")), StoreErrorCode::NotFound,
                   "unitId");

    m_fixture->clock().advance(90s);
    auto updated = m_encounters->update(lead(), empty.id, empty.version, fullNote());
    HEARTDESK_VERIFY_RESULT(updated);
    EncounterNote expected = fullNote();
    expected.contactPhone = "+19195550142"; // stored normalised
    QCOMPARE(updated.value().version, 2);
    QCOMPARE(updated.value().updatedAt, toDateTime(TestDatabase::startTime() + 90s));
    auto opened = m_encounters->openFor(m_fixture->actorFor(Role::Emt), callId, unitId);
    HEARTDESK_VERIFY_RESULT(opened);
    QCOMPARE(opened.value().id, empty.id);
    QVERIFY(opened.value().note == expected);
    QVERIFY(opened.value().note.cssrs == fullNote().cssrs);
    QVERIFY(opened.value().note.contactPhone == "+19195550142");
    QVERIFY(opened.value().note.narrative == fullNote().narrative);

    // Every other choice of each coded field, and everything unset again.
    for (EncounterDisposition disposition : encounter::kAllEncounterDispositions) {
        for (ContactPreference contact : encounter::kAllContactPreferences) {
            EncounterNote note = expected;
            note.disposition = disposition;
            note.preferredContact = contact;
            note.feltSafe = false;
            note.consentToFollowUp = false;
            auto again = m_encounters->update(lead(), empty.id,
                                              m_encounters->open(lead(), empty.id).value().version, note);
            HEARTDESK_VERIFY_RESULT(again);
            QVERIFY(again.value().note == note);
        }
    }
    auto cleared =
        m_encounters->update(lead(), empty.id, m_encounters->open(lead(), empty.id).value().version, {});
    HEARTDESK_VERIFY_RESULT(cleared);
    QVERIFY(m_encounters->open(lead(), empty.id).value().note == EncounterNote{});

    // A stale version is refused and nothing is written.
    const QString before = snapshot();
    VERIFY_REFUSED(m_encounters->update(lead(), empty.id, 2, fullNote()), StoreErrorCode::Conflict, "");
    QCOMPARE(snapshot(), before);
    VERIFY_REFUSED(m_encounters->open(lead(), QStringLiteral("nope")), StoreErrorCode::NotFound, "");
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'open' AND record_type = "
                                 "'encounter' AND record_id = ?"),
                  {empty.id}) >= 1);
}

void TestStoreEncounters::entriesByTheTeamNotByACareNavigator()
{
    const Encounter encounter = newEncounter();
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    const Actor emt = m_fixture->actorFor(Role::Emt);
    // Same millisecond: the order is still the order written.
    VERIFY_DONE(m_encounters->addEntry(peer, encounter.id, QStringLiteral("  Talked about his daughter.  ")));
    VERIFY_DONE(m_encounters->addEntry(emt, encounter.id, QStringLiteral("Vitals normal, BP 128/82.")));
    m_fixture->clock().advance(5min);
    auto third = m_encounters->addEntry(lead(), encounter.id, QStringLiteral("Agreed to a safety plan."));
    HEARTDESK_VERIFY_RESULT(third);
    const QList<EncounterEntry>& entries = third.value().entries;
    QCOMPARE(entries.size(), 3);
    QCOMPARE(third.value().version, 4); // each entry moves the encounter on
    QCOMPARE(entries[0].text, QStringLiteral("Talked about his daughter."));
    QCOMPARE(entries[0].authorId, peer.userId());
    QCOMPARE(entries[0].authorName, peer.displayName());
    QCOMPARE(entries[0].authorRole, Role::PeerSupport);
    QCOMPARE(entries[0].writtenAt, toDateTime(TestDatabase::startTime()));
    QCOMPARE(entries[1].authorRole, Role::Emt);
    QCOMPARE(entries[1].authorName, emt.displayName());
    QCOMPARE(entries[2].authorRole, Role::CrtTeamLead);
    QCOMPARE(entries[2].writtenAt, toDateTime(TestDatabase::startTime() + 5min));

    // Refused: a care navigator (and the refusal audited), blank text, someone else's entry, a stale version.
    const Actor navigator = m_fixture->actorFor(Role::CareNavigator);
    const QString before = snapshot();
    VERIFY_REFUSED(m_encounters->addEntry(navigator, encounter.id, QStringLiteral("Called him back.")),
                   StoreErrorCode::PermissionDenied, "");
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND user_id = ?"),
                   {navigator.userId()}),
             1);
    VERIFY_REFUSED(m_encounters->addEntry(peer, encounter.id, QStringLiteral(" \n ")),
                   StoreErrorCode::InvalidInput, "text");
    VERIFY_REFUSED(m_encounters->updateEntry(emt, entries[0].id, entries[0].version, QStringLiteral("x")),
                   StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_encounters->updateEntry(peer, entries[0].id, 7, QStringLiteral("x")),
                   StoreErrorCode::Conflict, "");
    QCOMPARE(snapshot(), before);

    m_fixture->clock().advance(1min);
    auto edited = m_encounters->updateEntry(peer, entries[0].id, entries[0].version,
                                            QStringLiteral("Talked about his daughter and sister."));
    HEARTDESK_VERIFY_RESULT(edited);
    QCOMPARE(edited.value().entries[0].text, QStringLiteral("Talked about his daughter and sister."));
    QCOMPARE(edited.value().entries[0].version, 2);
    QCOMPARE(edited.value().entries[0].writtenAt, toDateTime(TestDatabase::startTime()));
    QCOMPARE(edited.value().entries[0].updatedAt, toDateTime(TestDatabase::startTime() + 6min));
    QCOMPARE(edited.value().version, 5);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_type = 'encounter_entry' AND "
                                  "action IN ('create', 'update')")),
             4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_type = 'encounter_entry' AND "
                                  "action = 'permission_denied' AND user_id = ? AND record_id = ?"),
                   {emt.userId(), entries[0].id}),
             1);
}

void TestStoreEncounters::signingNeedsACompleteNote()
{
    Encounter encounter = newEncounter();
    EncounterNote note;
    note.presentingConcern = "Welfare check";
    note.consentToFollowUp = true;
    note.preferredContact = ContactPreference::Phone;
    note.contactPhone = "988"; // a service, not the person's number
    auto partial = m_encounters->update(lead(), encounter.id, encounter.version, note);
    HEARTDESK_VERIFY_RESULT(partial);
    auto refused = m_encounters->sign(lead(), encounter.id, partial.value().version, password());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, StoreErrorCode::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("disposition"));
    for (const char* field : {"disposition", "feltSafe", "contactPhone"})
        QVERIFY2(refused.error().detail.contains(QLatin1String(field)), qPrintable(refused.error().detail));

    note.disposition = EncounterDisposition::Referred; // needs a service
    note.feltSafe = true;
    auto fewer = m_encounters->update(lead(), encounter.id, partial.value().version, note);
    HEARTDESK_VERIFY_RESULT(fewer);
    VERIFY_REFUSED(m_encounters->sign(lead(), encounter.id, fewer.value().version, password()),
                   StoreErrorCode::InvalidInput, "referralService");
    note.referralText = "Walk-in clinic";
    auto last = m_encounters->update(lead(), encounter.id, fewer.value().version, note);
    HEARTDESK_VERIFY_RESULT(last);
    VERIFY_REFUSED(m_encounters->sign(lead(), encounter.id, last.value().version, password()),
                   StoreErrorCode::InvalidInput, "contactPhone");
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE signed_at IS NOT NULL")), 0);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("sign")), 0);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("sign_in_failed")), 0); // no password was tried
}

void TestStoreEncounters::signingNeedsThePasswordAndCountsTowardsLockout()
{
    const Encounter encounter = completeEncounter();
    const Actor signer = lead();
    const QString before = snapshot();
    VERIFY_REFUSED(
        m_encounters->sign(signer, encounter.id, encounter.version, QStringLiteral("not-my-password")),
        StoreErrorCode::BadCredentials, "");
    QCOMPARE(snapshot(), before);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_failed' AND record_type = "
                             "'encounter' AND record_id = ? AND user_id = ?"),
              {encounter.id, signer.userId()}),
        1);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("sign_in_failed"), signer.userId()), 1);
    QCOMPARE(count(QStringLiteral("SELECT failed_attempts FROM users WHERE id = ?"), {signer.userId()}), 1);

    // Like sign-in: after five wrong passwords the account is locked, the right one included.
    for (int attempt = 2; attempt <= 4; ++attempt)
        VERIFY_REFUSED(m_encounters->sign(signer, encounter.id, encounter.version, QStringLiteral("guess")),
                       StoreErrorCode::BadCredentials, "");
    VERIFY_REFUSED(m_encounters->sign(signer, encounter.id, encounter.version, QStringLiteral("guess")),
                   StoreErrorCode::AccountLocked, "");
    VERIFY_REFUSED(m_encounters->sign(signer, encounter.id, encounter.version, password()),
                   StoreErrorCode::AccountLocked, "");
    QCOMPARE(m_fixture->auditCount(QStringLiteral("account_locked"), signer.userId()), 1);
    const auto signIn = m_fixture->accounts().signIn(signer.login(), password(), TestDatabase::workstation());
    QCOMPARE(signIn.error().code, StoreErrorCode::AccountLocked);
    QCOMPARE(snapshot(), before);

    // Once the lock has run out, the right password signs.
    m_fixture->clock().advance(6min);
    auto done = m_encounters->sign(signer, encounter.id, encounter.version, password());
    HEARTDESK_VERIFY_RESULT(done);
    QCOMPARE(count(QStringLiteral("SELECT failed_attempts FROM users WHERE id = ?"), {signer.userId()}), 0);
}

void TestStoreEncounters::onlySigningRolesSign()
{
    const Encounter encounter = completeEncounter();
    const QList<Role> refusedRoles = {Role::PeerSupport, Role::Emt, Role::CareNavigator, Role::Supervisor};
    for (Role role : refusedRoles)
        m_fixture->actorFor(role); // signed in before the snapshot
    const QString before = snapshot();
    for (Role role : refusedRoles) {
        const Actor actor = m_fixture->actorFor(role);
        VERIFY_REFUSED(m_encounters->sign(actor, encounter.id, encounter.version, password()),
                       StoreErrorCode::PermissionDenied, "");
        VERIFY_REFUSED(m_encounters->update(actor, encounter.id, encounter.version, fullNote()),
                       StoreErrorCode::PermissionDenied, "");
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                      "record_type = 'encounter' AND record_id = ? AND user_id = ?"),
                       {encounter.id, actor.userId()}),
                 2);
    }
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("sign_in_failed")), 0);
    // The co-response clinician signs.
    VERIFY_DONE(m_encounters->sign(m_fixture->actorFor(Role::CoResponseClinician), encounter.id,
                                   encounter.version, password()));
}

void TestStoreEncounters::aSignedNoteRefusesEveryChange()
{
    m_fixture->clock().advance(1h);
    const Encounter signedNote = signedEncounter();
    QVERIFY(signedNote.isSigned());
    QCOMPARE(signedNote.signedBy, lead().userId());
    QCOMPARE(signedNote.signedByName, lead().displayName());
    QCOMPARE(signedNote.signedAt, toDateTime(TestDatabase::startTime() + 1h));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(signedNote.signatureHash).hasMatch());
    QCOMPARE(m_fixture->auditCount(QStringLiteral("sign"), lead().userId()), 1);

    const QString before = snapshot();
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    EncounterNote changed = signedNote.note;
    changed.narrative = "Rewritten after the fact";
    VERIFY_REFUSED(m_encounters->update(lead(), signedNote.id, signedNote.version, changed),
                   StoreErrorCode::RecordSigned, "");
    VERIFY_REFUSED(m_encounters->update(lead(), signedNote.id, 1, changed), StoreErrorCode::RecordSigned, "");
    VERIFY_REFUSED(m_encounters->addEntry(peer, signedNote.id, QStringLiteral("One more thing")),
                   StoreErrorCode::RecordSigned, "");
    const EncounterEntry& entry = signedNote.entries.first();
    VERIFY_REFUSED(m_encounters->updateEntry(peer, entry.id, entry.version, QStringLiteral("Edited")),
                   StoreErrorCode::RecordSigned, "");
    VERIFY_REFUSED(m_encounters->sign(lead(), signedNote.id, signedNote.version, password()),
                   StoreErrorCode::RecordSigned, "");
    VERIFY_REFUSED(m_plans->save(lead(), signedNote.id, 0, validPlan()), StoreErrorCode::RecordSigned, "");
    VERIFY_REFUSED(m_plans->finalise(lead(), signedNote.id, 1), StoreErrorCode::RecordSigned, "");
    QCOMPARE(snapshot(), before);
    auto reopened = m_encounters->open(lead(), signedNote.id);
    HEARTDESK_VERIFY_RESULT(reopened);
    QVERIFY(reopened.value().note == signedNote.note);
    QCOMPARE(reopened.value().version, signedNote.version);
    auto verified = m_encounters->verify(m_fixture->actorFor(Role::Supervisor), signedNote.id);
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().isSigned);
    QVERIFY(verified.value().intact());
}

void TestStoreEncounters::addendaAreSignedAndListedOldestFirst()
{
    const Encounter unsignedNote = completeEncounter(QStringLiteral("2026-0302-0002"));
    VERIFY_REFUSED(
        m_encounters->addAddendum(lead(), unsignedNote.id, QStringLiteral("Too early"), password()),
        StoreErrorCode::InvalidInput, "signed");

    const Encounter signedNote = signedEncounter();
    const QString rowBefore = rows(QStringLiteral("SELECT * FROM encounters WHERE signed_at IS NOT NULL"));
    const Actor coResponse = m_fixture->actorFor(Role::CoResponseClinician);
    VERIFY_REFUSED(m_encounters->addAddendum(m_fixture->actorFor(Role::PeerSupport), signedNote.id,
                                             QStringLiteral("Correction"), password()),
                   StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_encounters->addAddendum(lead(), signedNote.id, QStringLiteral("Correction"),
                                             QStringLiteral("wrong-password")),
                   StoreErrorCode::BadCredentials, "");
    VERIFY_REFUSED(m_encounters->addAddendum(lead(), signedNote.id, QStringLiteral("  "), password()),
                   StoreErrorCode::InvalidInput, "text");
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounter_addenda")), 0);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_failed' AND record_id = ?"),
              {signedNote.id}),
        1);

    m_fixture->clock().advance(2h);
    auto first = m_encounters->addAddendum(
        lead(), signedNote.id, QStringLiteral("Destination was the walk-in clinic, not urgent care."),
        password());
    HEARTDESK_VERIFY_RESULT(first);
    QCOMPARE(first.value().authorId, lead().userId());
    QCOMPARE(first.value().authorName, lead().displayName());
    QCOMPARE(first.value().signedAt, toDateTime(TestDatabase::startTime() + 2h));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(first.value().contentHash).hasMatch());
    // Same millisecond: still listed in the order written.
    VERIFY_DONE(m_encounters->addAddendum(coResponse, signedNote.id, QStringLiteral("Sister called back."),
                                          password()));

    auto opened = m_encounters->open(lead(), signedNote.id);
    HEARTDESK_VERIFY_RESULT(opened);
    const QList<EncounterAddendum>& addenda = opened.value().addenda;
    QCOMPARE(addenda.size(), 2);
    QCOMPARE(addenda[0].id, first.value().id);
    QCOMPARE(addenda[0].text, QStringLiteral("Destination was the walk-in clinic, not urgent care."));
    QCOMPARE(addenda[0].contentHash, first.value().contentHash);
    QCOMPARE(addenda[1].authorName, coResponse.displayName());
    QCOMPARE(addenda[1].authorRole, Role::CoResponseClinician);
    // The signed note itself did not move.
    QCOMPARE(rows(QStringLiteral("SELECT * FROM encounters WHERE signed_at IS NOT NULL")), rowBefore);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("addendum")), 2);
    auto verified = m_encounters->verify(lead(), signedNote.id);
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().intact());
}

void TestStoreEncounters::tamperingIsDetected()
{
    const Encounter signedNote = signedEncounter();
    QVERIFY(signedNote.isSigned());
    auto addendum =
        m_encounters->addAddendum(lead(), signedNote.id, QStringLiteral("Follow-up booked."), password());
    HEARTDESK_VERIFY_RESULT(addendum);
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    const auto check = [&]() {
        return m_encounters->verify(supervisor, signedNote.id).value();
    };
    QVERIFY(check().intact());

    // One column at a time (one row per table here), then put back.
    struct Tamper
    {
        const char* table;
        const char* column;
        QVariant value;
        bool noteBroken;
    };
    const Tamper tampers[] = {
        {"encounters", "narrative", QStringLiteral("Nothing happened."), true},
        {"encounters", "felt_safe", 0, true},
        {"encounters", "contact_place", QStringLiteral("Somewhere else"), true},
        {"encounters", "disposition", QStringLiteral("declined"), true},
        {"encounters", "signed_at", QStringLiteral("2026-03-01T00:00:00.000Z"), true},
        {"encounters", "signed_by", m_fixture->actorFor(Role::CoResponseClinician).userId(), true},
        {"encounter_entries", "text", QStringLiteral("Edited."), true},
        {"encounter_entries", "author_id", supervisor.userId(), true},
        {"encounter_addenda", "text", QStringLiteral("Nothing to add."), false},
        {"encounter_addenda", "signed_at", QStringLiteral("2026-03-01T00:00:00.000Z"), false},
    };
    for (const Tamper& tamper : tampers) {
        const QString table = QLatin1String(tamper.table);
        const QString column = QLatin1String(tamper.column);
        const QString snapshotBefore = snapshot();
        const test::RawResult original =
            m_fixture->sql(QStringLiteral("SELECT ") + column + QStringLiteral(" FROM ") + table);
        QVERIFY2(original.ok && original.rows.size() == 1, tamper.column);
        const QString set =
            QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") + column + QStringLiteral(" = ?");
        QVERIFY(m_fixture->sql(set, {tamper.value}).ok);
        const EncounterVerification found = check();
        QVERIFY2(!found.intact(), tamper.column);
        QCOMPARE(found.noteIntact, !tamper.noteBroken);
        QCOMPARE(found.alteredAddenda, tamper.noteBroken ? QStringList() : QStringList{addendum.value().id});
        QVERIFY(m_fixture->sql(set, {original.rows.first().first()}).ok);
        QCOMPARE(snapshot(), snapshotBefore);
        QVERIFY2(check().intact(), tamper.column);
    }
    // A signature removed altogether: the audit trail remembers the signing.
    QVERIFY(m_fixture
                ->sql(QStringLiteral("UPDATE encounters SET signed_at = NULL, signed_by = NULL, "
                                     "signature_hash = NULL"))
                .ok);
    QVERIFY(!check().isSigned);
    QVERIFY(!check().noteIntact);
    // An unsigned note with nothing to compare is intact.
    const Encounter fresh = newEncounter(QStringLiteral("2026-0302-0003"));
    auto unsignedCheck = m_encounters->verify(supervisor, fresh.id);
    HEARTDESK_VERIFY_RESULT(unsignedCheck);
    QVERIFY(unsignedCheck.value().intact());
}

void TestStoreEncounters::safetyPlanWithEncounterAndPerson()
{
    const QString personId = addPerson();
    QVERIFY(!personId.isEmpty());
    const Encounter encounter = newEncounter(QStringLiteral("2026-0302-0001"), personId);
    const Actor navigator = m_fixture->actorFor(Role::CareNavigator);

    // Refused: a role without WriteSafetyPlan; no plan to read yet.
    VERIFY_REFUSED(m_plans->save(m_fixture->actorFor(Role::PeerSupport), encounter.id, 0, validPlan()),
                   StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_plans->safetyPlanForPerson(navigator, personId), StoreErrorCode::NotFound, "");

    // A draft may be incomplete; it cannot be finalised.
    safety::SafetyPlan draft = validPlan();
    draft.step(SafetyPlanStep::Professionals).clear();
    auto saved = m_plans->save(lead(), encounter.id, 0, draft);
    HEARTDESK_VERIFY_RESULT(saved);
    QCOMPARE(saved.value().personId, personId);
    QCOMPARE(saved.value().encounterId, encounter.id);
    QCOMPARE(saved.value().callId, encounter.callId);
    QVERIFY(saved.value().plan == draft);
    QVERIFY(!saved.value().isFinal);
    QCOMPARE(saved.value().authorName, lead().displayName());
    QCOMPARE(m_encounters->open(lead(), encounter.id).value().version, encounter.version + 1);
    const QString before = snapshot();
    VERIFY_REFUSED(m_plans->finalise(lead(), encounter.id, saved.value().version),
                   StoreErrorCode::InvalidInput, "steps[4].entries");
    VERIFY_REFUSED(m_plans->save(lead(), encounter.id, 0, validPlan()), StoreErrorCode::Conflict, "");
    QCOMPARE(snapshot(), before);

    m_fixture->clock().advance(10min);
    auto complete = m_plans->save(lead(), encounter.id, saved.value().version, validPlan());
    HEARTDESK_VERIFY_RESULT(complete);
    auto finalised = m_plans->finalise(lead(), encounter.id, complete.value().version);
    HEARTDESK_VERIFY_RESULT(finalised);
    QVERIFY(finalised.value().isFinal);
    QCOMPARE(finalised.value().finalisedBy, lead().userId());
    QCOMPARE(finalised.value().finalisedAt, toDateTime(TestDatabase::startTime() + 10min));
    QCOMPARE(m_fixture->auditCount(QStringLiteral("finalise")), 1);

    // Read per person (OpenPersonRecord, audited) and per encounter; the administrator may not.
    auto forPerson = m_plans->safetyPlanForPerson(navigator, personId);
    HEARTDESK_VERIFY_RESULT(forPerson);
    QVERIFY(forPerson.value().plan == validPlan());
    QCOMPARE(forPerson.value().id, finalised.value().id);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'open' AND record_type = "
                                  "'safety_plan' AND record_id = ? AND user_id = ?"),
                   {finalised.value().id, navigator.userId()}),
             1);
    VERIFY_REFUSED(m_plans->safetyPlanForPerson(m_fixture->administrator(), personId),
                   StoreErrorCode::PermissionDenied, "");
    auto ofEncounter = m_plans->safetyPlanOfEncounter(m_fixture->actorFor(Role::Emt), encounter.id);
    HEARTDESK_VERIFY_RESULT(ofEncounter);
    QCOMPARE(ofEncounter.value().id, finalised.value().id);

    // A later encounter's draft is the latest; the latest final one is still the first.
    m_fixture->clock().advance(24h);
    const Encounter later = newEncounter(QStringLiteral("2026-0303-0002"), personId);
    safety::SafetyPlan revised = validPlan();
    revised.reasonsForLiving.push_back("Volver a pescar");
    auto newer = m_plans->save(m_fixture->actorFor(Role::CoResponseClinician), later.id, 0, revised);
    HEARTDESK_VERIFY_RESULT(newer);
    QCOMPARE(m_plans->safetyPlanForPerson(navigator, personId).value().id, newer.value().id);
    QCOMPARE(m_plans->safetyPlanForPerson(navigator, personId, SafetyPlanStore::Pick::LatestFinal).value().id,
             finalised.value().id);
    // Saving a final plan makes it a draft again.
    auto reopened = m_plans->save(lead(), encounter.id, finalised.value().version, validPlan());
    HEARTDESK_VERIFY_RESULT(reopened);
    QVERIFY(!reopened.value().isFinal);
    QVERIFY(!reopened.value().finalisedAt.isValid());
    // The signature covers the plan: signing, then changing it in SQL, shows.
    auto note = m_encounters->open(lead(), encounter.id);
    auto written = m_encounters->update(lead(), encounter.id, note.value().version, fullNote());
    HEARTDESK_VERIFY_RESULT(written);
    VERIFY_DONE(m_encounters->sign(lead(), encounter.id, written.value().version, password()));
    QVERIFY(m_encounters->verify(lead(), encounter.id).value().intact());
    QVERIFY(m_fixture
                ->sql(QStringLiteral("UPDATE safety_plans SET status = 'final' WHERE encounter_id = ?"),
                      {encounter.id})
                .ok);
    QVERIFY(!m_encounters->verify(lead(), encounter.id).value().noteIntact);
}

void TestStoreEncounters::nothingAboutThePersonInAuditOrLog()
{
    const QString personId = addPerson();
    const Encounter encounter = newEncounter(QStringLiteral("2026-0302-0001"), personId);
    VERIFY_DONE(m_encounters->addEntry(m_fixture->actorFor(Role::Emt), encounter.id,
                                       QStringLiteral("Terrence asked about the river path.")));
    auto current = m_encounters->open(lead(), encounter.id);
    auto written = m_encounters->update(lead(), encounter.id, current.value().version, fullNote());
    HEARTDESK_VERIFY_RESULT(written);
    auto plan = m_plans->save(lead(), encounter.id, 0, validPlan());
    HEARTDESK_VERIFY_RESULT(plan);
    VERIFY_DONE(m_plans->finalise(lead(), encounter.id, plan.value().version));
    const int version = m_encounters->open(lead(), encounter.id).value().version;
    VERIFY_REFUSED(m_encounters->sign(lead(), encounter.id, version, QStringLiteral("Whitfield-river")),
                   StoreErrorCode::BadCredentials, "");
    VERIFY_DONE(m_encounters->sign(lead(), encounter.id, version, password()));
    VERIFY_DONE(m_encounters->addAddendum(lead(), encounter.id, QStringLiteral("Whitfield's sister called."),
                                          password()));
    VERIFY_DONE(m_plans->safetyPlanForPerson(m_fixture->actorFor(Role::CareNavigator), personId));
    VERIFY_REFUSED(m_encounters->addEntry(m_fixture->actorFor(Role::Emt), encounter.id,
                                          QStringLiteral("Whitfield at the bridge")),
                   StoreErrorCode::RecordSigned, "");

    const test::RawResult audit = m_fixture->sql(QStringLiteral(
        "SELECT at_utc, user_id, role, workstation, action, record_type, record_id FROM audit_log"));
    QVERIFY2(audit.ok, qPrintable(audit.error));
    QVERIFY(audit.rows.size() > 10);
    for (const QVariantList& row : audit.rows) {
        for (const QVariant& value : row) {
            for (const char* secret : kSecrets)
                QVERIFY2(!value.toString().contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
        }
    }
    for (const QString& message : std::as_const(g_log)) {
        for (const char* secret : kSecrets)
            QVERIFY2(!message.contains(QLatin1String(secret), Qt::CaseInsensitive), qPrintable(message));
    }
    auto chain = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(chain);
    QVERIFY(!chain.value().firstBreak.has_value());
}

HEART_TEST_GUILESS_MAIN(TestStoreEncounters)
#include "tst_store_encounters.moc"
