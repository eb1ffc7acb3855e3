// Follow-up tasks at the store, on both engines: signing a note with consent
// makes exactly one task due 48 elapsed hours after the unit arrived (none
// without consent; the setting's hours when set; a broken setting stops the
// signature instead of guessing); closing a diverted call makes a check-in;
// a task is claimed, assigned and worked to closure at the third unsuccessful
// attempt, extended (and reopened), closed with a directory service; each role
// sees only its parts (a peer gets no clinical part, a counselor no
// follow-up, a role without ViewFollowUps nothing) and every open, write and
// refusal is audited naming the task, never its contents; a stale version
// changes nothing.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/safety/SafetyPlan.h"
#include "store/EncounterStore.h"
#include "store/FollowUpSettings.h"
#include "store/FollowUpStore.h"
#include "store/IntakeStore.h"
#include "store/PersonStore.h"
#include "store/SafetyPlanStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"

#include <QTest>
#include <QTimeZone>
#include <tuple>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using encounter::ContactPreference;
using encounter::EncounterDisposition;
using encounter::EncounterNote;
using followup::AttemptChannel;
using followup::AttemptResult;
using followup::Outcome;
using followup::TaskPart;
using followup::TaskState;
using heart::test::TestDatabase;

#define VERIFY_REFUSED(expr, expectedCode, expectedField)                                                    \
    do {                                                                                                     \
        const auto refused_ = (expr);                                                                        \
        QVERIFY(!refused_.ok());                                                                             \
        QCOMPARE(storeErrorCodeName(refused_.error().code), storeErrorCodeName(expectedCode));               \
        QCOMPARE(refused_.error().field, QString(QLatin1String(expectedField)));                             \
    } while (false)

namespace {

// The person's words and the notes: never in the audit trail.
const char* const kSecrets[] = {"Whitfield", "Terrence", "river", "hopeless", "tearful", "sister", "5550142"};

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

EncounterNote consentingNote()
{
    EncounterNote note;
    note.presentingConcern = "Terrence feels hopeless, talks about the river";
    triage::CssrsAnswers cssrs;
    cssrs[triage::CssrsQuestion::WishedDead] = triage::Answer::Yes;
    cssrs[triage::CssrsQuestion::Thoughts] = triage::Answer::No;
    cssrs[triage::CssrsQuestion::Behavior] = triage::Answer::No;
    note.cssrs = cssrs; // low, in person
    note.assessment = "Oriented, tearful; no plan or intent";
    note.interventions = "Safety planning";
    note.disposition = EncounterDisposition::Referred;
    note.referralText = "Peer group on Tuesdays";
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = ContactPreference::Text;
    note.contactPhone = "(919) 555-0142";
    note.narrative = "His sister was there.";
    return note;
}

safety::SafetyPlan plan()
{
    safety::SafetyPlan p;
    p.step(safety::SafetyPlanStep::WarningSigns) = {{"Walking to the river at night", ""}};
    return safety::withDefaults(p, {{"988 Lifeline", "988"}});
}

} // namespace

class TestStoreFollowUps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_store = std::make_unique<FollowUpStore>(m_fixture->db(), m_fixture->clock());
    }
    void cleanup()
    {
        m_store.reset();
        m_fixture.reset();
    }

    void signingWithConsentCreatesOneTask();
    void signingWithoutConsentCreatesNone();
    void policySettingSetsDueHoursAndABrokenOneRefuses();
    void closingADivertedCallCreatesACheckIn();
    void claimAssignAndAttemptsToClosure();
    void extendingRaisesTheLimitAndReopens();
    void outcomeWithADirectoryService();
    void outcomeKeepsTheNavigatorsNote();
    void eachRoleSeesItsParts();
    void refusalsAreAudited();
    void staleVersionsChangeNothing();
    void statesFollowTheClock();

private:
    Actor lead() { return m_fixture->actorFor(Role::CrtTeamLead); }
    Actor navigator() { return m_fixture->actorFor(Role::CareNavigator); }
    Actor counselor() { return m_fixture->actorFor(Role::CallCounselor); }
    int count(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
    }
    QString value(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toString()
                                                   : QStringLiteral("?");
    }
    int audits(const QString& action, const QString& taskId)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_type = "
                                    "'followup_task' AND record_id = ?"),
                     {action, taskId});
    }
    // Everything under follow-ups and the audit trail's length.
    QString snapshot()
    {
        QStringList lines;
        for (const QString& table : {QStringLiteral("followup_tasks"), QStringLiteral("followup_attempts")}) {
            for (const QVariantList& row : m_fixture->sql(QStringLiteral("SELECT * FROM ") + table).rows) {
                QStringList cells;
                for (const QVariant& v : row)
                    cells.append(v.toString());
                lines.append(cells.join(u'|'));
            }
        }
        lines.sort();
        return lines.join(u'\n') + u'#' +
               QString::number(count(
                   QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'")));
    }
    QString addCall(const QString& cad, const QString& disposition = QString(),
                    const QString& personId = QString())
    {
        IntakeStore intake(m_fixture->db(), m_fixture->clock());
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = utc(2026, 3, 2, 14, 58);
        call.callType = QStringLiteral("welfare-check");
        call.personName = QStringLiteral("Terrence Whitfield");
        call.personId = personId;
        call.address = QStringLiteral("300 block of Alder Row");
        call.narrative = QStringLiteral("Caller says he is hopeless");
        call.riskLevel = QStringLiteral("moderate");
        call.callerPhone = QStringLiteral("+19195550123");
        call.disposition = disposition;
        call.program =
            disposition == QLatin1String("diverted") ? QStringLiteral("ccd") : QStringLiteral("crt");
        auto created = intake.create(counselor(), call);
        return created.ok() ? created.value().id : QString();
    }
    // A unit of the kind sent to the call, on scene at `onScene` (if valid).
    QString addUnit(const QString& code, const QString& callId, const QDateTime& onScene,
                    units::UnitKind kind = units::UnitKind::CommunityResponse)
    {
        UnitStore units(m_fixture->db(), m_fixture->clock());
        const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
        auto unit = units.createUnit(supervisor, code, kind);
        if (!unit.ok() || !onScene.isValid())
            return unit.ok() ? unit.value().id : QString();
        auto step =
            units.changeStatus(lead(), unit.value().id, unit.value().version, units::UnitStatus::Available);
        step = units.dispatchToCall(counselor(), unit.value().id, step.value().version, callId);
        step = units.changeStatus(lead(), unit.value().id, step.value().version, units::UnitStatus::EnRoute);
        const TimePoint before = m_fixture->clock().now();
        m_fixture->clock().set(toTimePoint(onScene));
        step = units.changeStatus(lead(), unit.value().id, step.value().version, units::UnitStatus::OnScene);
        m_fixture->clock().set(before);
        return step.ok() ? unit.value().id : QString();
    }
    // Signs a note for the call and unit; with the plan when asked. Returns the encounter id.
    QString signNote(const QString& callId, const QString& unitId, const EncounterNote& note,
                     bool withPlan = false)
    {
        EncounterStore encounters(m_fixture->db(), m_fixture->clock(), m_fixture->accounts());
        auto created = encounters.create(lead(), callId, unitId);
        if (!created.ok())
            return {};
        auto written = encounters.update(lead(), created.value().id, created.value().version, note);
        if (!written.ok())
            return {};
        if (withPlan) {
            SafetyPlanStore plans(m_fixture->db(), m_fixture->clock());
            if (!plans.save(lead(), created.value().id, 0, plan()).ok())
                return {};
        }
        const int version = encounters.open(lead(), created.value().id).value().version;
        auto done = encounters.sign(lead(), created.value().id, version, TestDatabase::userPassword());
        return done.ok() ? created.value().id : QString();
    }
    // A follow-up task from a signed note (unit on scene at 15:20 UTC); its id.
    QString followUpTask(const QString& cad = QStringLiteral("2026-0302-0001"), bool withPlan = true)
    {
        const QString personId = [&] {
            PersonStore people(m_fixture->db(), m_fixture->clock());
            PersonRecord person;
            person.givenName = QStringLiteral("Terrence");
            person.familyName = QStringLiteral("Whitfield");
            auto created = people.create(counselor(), person);
            return created.ok() ? created.value().id : QString();
        }();
        const QString callId = addCall(cad, QStringLiteral("crt_dispatch"), personId);
        const QString unitId =
            addUnit(QStringLiteral("CRT-") + cad.right(2), callId, utc(2026, 3, 2, 15, 20));
        const QString encounterId = signNote(callId, unitId, consentingNote(), withPlan);
        return value(QStringLiteral("SELECT id FROM followup_tasks WHERE source_key = ?"),
                     {QString(QStringLiteral("encounter:") + encounterId)});
    }
    // A check-in task from a closed diverted call; its id.
    QString checkInTask(const QString& cad = QStringLiteral("2026-0302-0101"))
    {
        const QString callId = addCall(cad, QStringLiteral("diverted"));
        IntakeStore intake(m_fixture->db(), m_fixture->clock());
        auto closed = intake.close(counselor(), callId, 1);
        if (!closed.ok())
            return {};
        return value(QStringLiteral("SELECT id FROM followup_tasks WHERE source_key = ?"),
                     {QString(QStringLiteral("call:") + callId)});
    }
    FollowUpTask task(const QString& id)
    {
        auto opened = m_store->open(navigator(), id);
        return opened.ok() ? opened.value().task : FollowUpTask{};
    }

    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<FollowUpStore> m_store;
};

void TestStoreFollowUps::signingWithConsentCreatesOneTask()
{
    const QString id = followUpTask();
    QVERIFY(!id.isEmpty() && id != QStringLiteral("?"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);
    const FollowUpTask t = task(id);
    QCOMPARE(t.kind, followup::TaskKind::FollowUp);
    QCOMPARE(t.program, routing::Program::CommunityResponse);
    // 48 elapsed hours from the unit's arrival on scene, not from the signature.
    QCOMPARE(t.contactAt, utc(2026, 3, 2, 15, 20));
    QCOMPARE(t.dueAt, utc(2026, 3, 4, 15, 20));
    QCOMPARE(t.maxAttempts, 3);
    QCOMPARE(t.unsuccessfulAttempts, 0);
    QCOMPARE(t.state, TaskState::Open);
    QCOMPARE(t.risk, routing::RiskLevel::Low); // the in-person screen, not the call's "moderate"
    QCOMPARE(value(QStringLiteral("SELECT risk_rank FROM followup_tasks")), QStringLiteral("1"));
    QCOMPARE(value(QStringLiteral("SELECT preferred_contact FROM followup_tasks")), QStringLiteral("text"));
    QCOMPARE(value(QStringLiteral("SELECT contact_phone FROM followup_tasks")),
             QStringLiteral("+19195550142"));
    QVERIFY(t.assignedTo.isEmpty());
    QCOMPARE(audits(QStringLiteral("create"), id), 1);
    QCOMPARE(value(QStringLiteral("SELECT user_id FROM audit_log WHERE action = 'create' AND record_id = ?"),
                   {id}),
             lead().userId());

    // Asked again (a retried write): the same task, nothing new.
    const QString encounterId = t.encounterId;
    auto again =
        FollowUpStore::createForSignedEncounter(m_fixture->db(), encounterId, m_fixture->clock().now());
    HEARTDESK_VERIFY_RESULT(again);
    QCOMPARE(again.value().taskId, id);
    QVERIFY(!again.value().created);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);

    // Co-Response, no arrival recorded, no screen: the call's dispatch... or receipt, and the call's risk.
    EncounterNote unscreened = consentingNote();
    unscreened.cssrs.reset();
    const QString callId = addCall(QStringLiteral("2026-0302-0002"), QStringLiteral("cor_dispatch"));
    const QString unitId = addUnit(QStringLiteral("COR-1"), callId, {}, units::UnitKind::CoResponse);
    const QString corEncounter = signNote(callId, unitId, unscreened);
    QVERIFY(!corEncounter.isEmpty());
    const QString corTask =
        value(QStringLiteral("SELECT id FROM followup_tasks WHERE encounter_id = ?"), {corEncounter});
    const FollowUpTask cor = task(corTask);
    QCOMPARE(cor.program, routing::Program::CoResponse);
    QCOMPARE(cor.contactAt, utc(2026, 3, 2, 14, 58));
    QCOMPARE(cor.dueAt, utc(2026, 3, 4, 14, 58));
    QCOMPARE(cor.risk, routing::RiskLevel::Moderate);
}

void TestStoreFollowUps::signingWithoutConsentCreatesNone()
{
    for (const std::optional<bool> consent : {std::optional<bool>(false), std::optional<bool>()}) {
        EncounterNote note = consentingNote();
        note.consentToFollowUp = consent;
        note.disposition = EncounterDisposition::Declined; // consent may be left out only then
        const QString cad = consent ? QStringLiteral("2026-0302-0011") : QStringLiteral("2026-0302-0012");
        const QString callId = addCall(cad, QStringLiteral("crt_dispatch"));
        QVERIFY(
            !signNote(callId, addUnit(QStringLiteral("CRT-") + cad.right(2), callId, {}), note).isEmpty());
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE signed_at IS NOT NULL")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_type = 'followup_task'")), 0);
}

void TestStoreFollowUps::policySettingSetsDueHoursAndABrokenOneRefuses()
{
    FollowUpSettings settings(m_fixture->db(), m_fixture->clock());
    followup::FollowUpConfig config;
    config.crt.dueHours = 24;
    config.maxUnsuccessfulAttempts = 5;
    // Only an administrator, and the refusal is audited.
    QCOMPARE(settings.setConfig(navigator(), config).code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), navigator().userId()), 1);
    HEARTDESK_VERIFY_OK(settings.setConfig(m_fixture->administrator(), config));
    const FollowUpTask t = task(followUpTask());
    QCOMPARE(t.dueAt, utc(2026, 3, 3, 15, 20));
    QCOMPARE(t.maxAttempts, 5);

    // A bad value is refused naming the path, and the stored one stays.
    const StoreError bad = settings.setJson(m_fixture->administrator(),
                                            QStringLiteral(R"({"followUp": {"crt": {"dueHours": 0}}})"));
    QCOMPARE(bad.code, StoreErrorCode::InvalidInput);
    QCOMPARE(bad.field, QStringLiteral("followUp.crt.dueHours"));
    QVERIFY2(bad.detail.startsWith(QStringLiteral("setting follow_up_policy: followUp.crt.dueHours")),
             qPrintable(bad.detail));
    QCOMPARE(settings.config().value().crt.dueHours, 24);
    followup::FollowUpConfig zero;
    zero.crt.dueHours = 0;
    QCOMPARE(settings.setConfig(m_fixture->administrator(), zero).field,
             QStringLiteral("followUp.crt.dueHours"));

    // Broken behind the store's back: signing is refused (the note stays a draft), nothing guessed.
    QVERIFY(m_fixture
                ->sql(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'follow_up_policy'"),
                      {QStringLiteral(R"({"checkIn": {"dueHours": "two days"}})")})
                .ok);
    QCOMPARE(settings.config().error().field, QStringLiteral("checkIn.dueHours"));
    const QString callId = addCall(QStringLiteral("2026-0302-0003"), QStringLiteral("crt_dispatch"));
    const QString unitId = addUnit(QStringLiteral("CRT-9"), callId, {});
    QVERIFY(signNote(callId, unitId, consentingNote()).isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE call_id = ? AND signed_at IS NULL"),
                   {callId}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);
    // Reading a task says why too.
    QCOMPARE(m_store->open(navigator(), t.id).error().field, QStringLiteral("checkIn.dueHours"));
}

void TestStoreFollowUps::closingADivertedCallCreatesACheckIn()
{
    const QString id = checkInTask();
    QVERIFY(!id.isEmpty() && id != QStringLiteral("?"));
    const FollowUpTask t = task(id);
    QCOMPARE(t.kind, followup::TaskKind::CheckIn);
    QCOMPARE(t.program, routing::Program::CrisisCallDiversion);
    QCOMPARE(t.contactAt, utc(2026, 3, 2, 14, 58));
    QCOMPARE(t.dueAt, utc(2026, 3, 4, 14, 58));
    QCOMPARE(t.risk, routing::RiskLevel::Moderate);
    QVERIFY(t.encounterId.isEmpty());
    auto detail = m_store->open(counselor(), id);
    HEARTDESK_VERIFY_RESULT(detail);
    QCOMPARE(detail.value().contact->phone, QStringLiteral("+19195550123"));
    QCOMPARE(detail.value().contact->preferredContact, ContactPreference::Phone);
    QCOMPARE(audits(QStringLiteral("create"), id), 1);

    // Closing a dispatched call (or any other disposition) makes none; asking twice makes one.
    const QString dispatched = addCall(QStringLiteral("2026-0302-0102"), QStringLiteral("crt_dispatch"));
    HEARTDESK_VERIFY_RESULT(
        IntakeStore(m_fixture->db(), m_fixture->clock()).close(counselor(), dispatched, 1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);
    auto again =
        FollowUpStore::createCheckInForClosedCall(m_fixture->db(), t.callId, m_fixture->clock().now());
    HEARTDESK_VERIFY_RESULT(again);
    QCOMPARE(again.value().taskId, id);
    QVERIFY(!again.value().created);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_tasks")), 1);
}

void TestStoreFollowUps::claimAssignAndAttemptsToClosure()
{
    const QString id = followUpTask();
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    auto claimed = m_store->claim(navigator(), id, 1);
    HEARTDESK_VERIFY_RESULT(claimed);
    QCOMPARE(claimed.value().assignedTo, navigator().userId());
    QCOMPARE(claimed.value().assigneeName, navigator().displayName());
    QCOMPARE(claimed.value().version, 2);
    VERIFY_REFUSED(m_store->claim(peer, id, 2), StoreErrorCode::HeldByOther, "");

    // Assigned to the peer, who may work follow-ups; never to a role that may not.
    const Actor emt = m_fixture->actorFor(Role::Emt);
    VERIFY_REFUSED(m_store->assign(navigator(), id, 2, emt.userId()), StoreErrorCode::IneligibleAssignee, "");
    auto assignees = m_store->assignees(navigator(), followup::TaskKind::FollowUp);
    HEARTDESK_VERIFY_RESULT(assignees);
    QStringList names;
    for (const FollowUpAssignee& a : assignees.value())
        names.append(a.userId);
    QVERIFY(names.contains(peer.userId()) && names.contains(navigator().userId()));
    QVERIFY(!names.contains(emt.userId()) && !names.contains(counselor().userId()));
    auto assigned = m_store->assign(navigator(), id, 2, peer.userId());
    HEARTDESK_VERIFY_RESULT(assigned);
    QCOMPARE(assigned.value().assignedTo, peer.userId());
    auto unassigned = m_store->unassign(m_fixture->actorFor(Role::Supervisor), id, 3);
    HEARTDESK_VERIFY_RESULT(unassigned);
    QVERIFY(unassigned.value().assignedTo.isEmpty());

    // Attempts: "reached" does not count; the third unsuccessful one closes the task.
    int version = unassigned.value().version;
    const struct
    {
        AttemptResult result;
        int unsuccessful;
        bool closed;
    } steps[] = {{AttemptResult::NoAnswer, 1, false},
                 {AttemptResult::Reached, 1, false},
                 {AttemptResult::LeftMessage, 2, false},
                 {AttemptResult::WrongNumber, 3, true}};
    for (const auto& step : steps) {
        m_fixture->clock().advance(1h);
        auto logged = m_store->logAttempt(peer, id, version, AttemptChannel::Phone, step.result,
                                          QStringLiteral("  tried the number  "));
        HEARTDESK_VERIFY_RESULT(logged);
        QCOMPARE(logged.value().unsuccessfulAttempts, step.unsuccessful);
        QCOMPARE(logged.value().isClosed(), step.closed);
        version = logged.value().version;
    }
    const FollowUpTask closed = task(id);
    QCOMPARE(closed.state, TaskState::Closed);
    QCOMPARE(closed.outcome, Outcome::UnableToReach);
    QCOMPARE(closed.closedBy, peer.userId());
    QCOMPARE(closed.closedAt, toDateTime(TestDatabase::startTime() + 4h));
    QCOMPARE(closed.attempts.size(), 4);
    QCOMPARE(closed.attempts.first().result, AttemptResult::NoAnswer);
    QCOMPARE(closed.attempts.first().note, QStringLiteral("tried the number"));
    QCOMPARE(closed.attempts.first().userName, peer.displayName());
    QCOMPARE(closed.attempts.last().result, AttemptResult::WrongNumber);
    QVERIFY(closed.attempts.first().seq < closed.attempts.last().seq);
    VERIFY_REFUSED(m_store->logAttempt(peer, id, version, AttemptChannel::Phone, AttemptResult::Reached, {}),
                   StoreErrorCode::TaskClosed, "");
    VERIFY_REFUSED(m_store->claim(navigator(), id, version), StoreErrorCode::TaskClosed, "");

    QCOMPARE(audits(QStringLiteral("claim"), id), 1);
    QCOMPARE(audits(QStringLiteral("assign"), id), 1);
    QCOMPARE(audits(QStringLiteral("unassign"), id), 1);
    QCOMPARE(audits(QStringLiteral("attempt"), id), 4);
    QCOMPARE(audits(QStringLiteral("close"), id), 1);
}

void TestStoreFollowUps::extendingRaisesTheLimitAndReopens()
{
    const QString id = checkInTask();
    int version = 1;
    const auto attempt = [&](AttemptResult result) {
        auto logged = m_store->logAttempt(counselor(), id, version, AttemptChannel::Text, result, {});
        version = logged.ok() ? logged.value().version : version;
        return logged;
    };
    QVERIFY(attempt(AttemptResult::NoAnswer).ok());
    QVERIFY(attempt(AttemptResult::NoAnswer).ok());
    auto extended = m_store->extend(counselor(), id, version, 2);
    HEARTDESK_VERIFY_RESULT(extended);
    QCOMPARE(extended.value().maxAttempts, 5);
    version = extended.value().version;
    QVERIFY(!attempt(AttemptResult::NoAnswer).value().isClosed()); // the third no longer closes
    QVERIFY(!attempt(AttemptResult::NoAnswer).value().isClosed());
    QVERIFY(attempt(AttemptResult::NoAnswer).value().isClosed()); // the fifth does

    // Closed as unable to reach: one more try reopens it.
    auto reopened = m_store->extend(navigator(), id, version, 1);
    HEARTDESK_VERIFY_RESULT(reopened);
    QCOMPARE(reopened.value().state, TaskState::Open);
    QCOMPARE(reopened.value().maxAttempts, 6);
    QVERIFY(!reopened.value().outcome);
    QVERIFY(reopened.value().closedAt.isNull());
    VERIFY_REFUSED(m_store->extend(navigator(), id, reopened.value().version, 0),
                   StoreErrorCode::InvalidInput, "extraAttempts");
    auto declined =
        m_store->recordOutcome(navigator(), id, reopened.value().version, Outcome::Declined, {}, {});
    HEARTDESK_VERIFY_RESULT(declined);
    VERIFY_REFUSED(m_store->extend(navigator(), id, declined.value().version, 1), StoreErrorCode::TaskClosed,
                   "");
    QCOMPARE(audits(QStringLiteral("extend"), id), 2);
}

void TestStoreFollowUps::outcomeWithADirectoryService()
{
    const QString now = toStoredTime(m_fixture->clock().now());
    for (const auto& [rid, name, active] :
         {std::tuple(QStringLiteral("res-peer-center"), QStringLiteral("Bull City Peer Center"), 1),
          std::tuple(QStringLiteral("res-closed"), QStringLiteral("Old Clinic"), 0)}) {
        QVERIFY(
            m_fixture
                ->sql(QStringLiteral("INSERT INTO resources (id, name, name_key, kind, active, created_at, "
                                     "updated_at) VALUES (?, ?, ?, 'peer_center', ?, ?, ?)"),
                      {rid, name, name.toLower(), active, now, now})
                .ok);
    }
    const QString id = followUpTask();
    VERIFY_REFUSED(m_store->recordOutcome(navigator(), id, 1, Outcome::Connected, {}, QStringLiteral("  ")),
                   StoreErrorCode::RequiredMissing, "service");
    VERIFY_REFUSED(
        m_store->recordOutcome(navigator(), id, 1, Outcome::Connected, QStringLiteral("res-nope"), {}),
        StoreErrorCode::InvalidInput, "resourceId");
    VERIFY_REFUSED(
        m_store->recordOutcome(navigator(), id, 1, Outcome::Connected, QStringLiteral("res-closed"), {}),
        StoreErrorCode::InvalidInput, "resourceId");
    QCOMPARE(task(id).state, TaskState::Open);
    auto connected =
        m_store->recordOutcome(navigator(), id, 1, Outcome::Connected, QStringLiteral("res-peer-center"), {});
    HEARTDESK_VERIFY_RESULT(connected);
    QCOMPARE(connected.value().state, TaskState::Closed);
    QCOMPARE(connected.value().outcome, Outcome::Connected);
    QCOMPARE(connected.value().outcomeResourceId, QStringLiteral("res-peer-center"));
    QCOMPARE(connected.value().outcomeResourceName, QStringLiteral("Bull City Peer Center"));
    QCOMPARE(connected.value().closedBy, navigator().userId());
    QCOMPARE(audits(QStringLiteral("close"), id), 1);

    // A service not in the directory, by name; other outcomes keep no service.
    const QString second = checkInTask();
    auto named = m_store->recordOutcome(navigator(), second, 1, Outcome::Connected, {},
                                        QStringLiteral(" Eno River Recovery Community "));
    HEARTDESK_VERIFY_RESULT(named);
    QCOMPARE(named.value().outcomeText, QStringLiteral("Eno River Recovery Community"));
    const QString third = checkInTask(QStringLiteral("2026-0302-0103"));
    auto already = m_store->recordOutcome(navigator(), third, 1, Outcome::AlreadyConnected,
                                          QStringLiteral("res-peer-center"), QStringLiteral("x"));
    HEARTDESK_VERIFY_RESULT(already);
    QVERIFY(already.value().outcomeResourceId.isEmpty() && already.value().outcomeText.isEmpty());
}

void TestStoreFollowUps::outcomeKeepsTheNavigatorsNote()
{
    const QString id = followUpTask();
    VERIFY_REFUSED(m_store->recordOutcome(navigator(), id, 1, Outcome::Declined, {}, {},
                                          QString(FollowUpStore::kMaxNoteLength + 1, u'x')),
                   StoreErrorCode::TooLong, "note");
    QCOMPARE(m_store
                 ->recordOutcome(navigator(), id, 1, Outcome::Declined, {}, {},
                                 QString(FollowUpStore::kMaxNoteLength + 1, u'x'))
                 .error()
                 .limit,
             FollowUpStore::kMaxNoteLength);
    QCOMPARE(task(id).state, TaskState::Open);
    auto declined =
        m_store->recordOutcome(navigator(), id, 1, Outcome::Declined, {}, {},
                               QStringLiteral("  Has a counselor at Lincoln; will call if needed.\n"));
    HEARTDESK_VERIFY_RESULT(declined);
    QCOMPARE(declined.value().outcomeNote,
             QStringLiteral("Has a counselor at Lincoln; will call if needed."));
    QCOMPARE(task(id).outcomeNote, QStringLiteral("Has a counselor at Lincoln; will call if needed."));

    // No note: nothing stored. Reopening a task clears the note with the outcome.
    const QString second = checkInTask();
    auto unreached = m_store->recordOutcome(navigator(), second, 1, Outcome::UnableToReach, {}, {},
                                            QStringLiteral("Number disconnected"));
    HEARTDESK_VERIFY_RESULT(unreached);
    QCOMPARE(unreached.value().outcomeNote, QStringLiteral("Number disconnected"));
    auto reopened = m_store->extend(navigator(), second, unreached.value().version, 1);
    HEARTDESK_VERIFY_RESULT(reopened);
    QVERIFY(reopened.value().outcomeNote.isEmpty());
    auto plain =
        m_store->recordOutcome(navigator(), second, reopened.value().version, Outcome::Declined, {}, {});
    HEARTDESK_VERIFY_RESULT(plain);
    QVERIFY(plain.value().outcomeNote.isEmpty());
}

void TestStoreFollowUps::eachRoleSeesItsParts()
{
    const QString id = followUpTask();
    using P = TaskPart;
    const QList<P> all = {P::Task,         P::Contact,          P::Call,
                          P::CallClinical, P::EncounterOutline, P::EncounterClinical,
                          P::SafetyPlan};
    for (Role role : {Role::CareNavigator, Role::Supervisor}) {
        auto detail = m_store->open(m_fixture->actorFor(role), id);
        HEARTDESK_VERIFY_RESULT(detail);
        const FollowUpDetail& d = detail.value();
        QCOMPARE(d.parts, all);
        QCOMPARE(d.contact->personName, QStringLiteral("Terrence Whitfield"));
        QCOMPARE(d.contact->preferredContact, ContactPreference::Text);
        QCOMPARE(d.call->cadNumber, QStringLiteral("2026-0302-0001"));
        QCOMPARE(d.call->receivedAt, utc(2026, 3, 2, 14, 58));
        QCOMPARE(d.callClinical->narrative, QStringLiteral("Caller says he is hopeless"));
        QCOMPARE(d.encounter->referralText, QStringLiteral("Peer group on Tuesdays"));
        QCOMPARE(d.encounter->disposition, EncounterDisposition::Referred);
        QVERIFY(d.encounter->signedAt.isValid());
        QCOMPARE(d.encounterClinical->assessment, QStringLiteral("Oriented, tearful; no plan or intent"));
        QVERIFY(d.encounterClinical->cssrs.has_value());
        QVERIFY(d.safetyPlan.has_value());
        QCOMPARE(d.safetyPlan->plan.step(safety::SafetyPlanStep::WarningSigns).front().text,
                 std::string("Walking to the river at night"));
        // Every read of a record is audited, by the reader.
        const QString reader = m_fixture->actorFor(role).userId();
        for (const auto& [type, record] : {std::pair(QStringLiteral("followup_task"), id),
                                           std::pair(QStringLiteral("call"), d.task.callId),
                                           std::pair(QStringLiteral("encounter"), d.task.encounterId),
                                           std::pair(QStringLiteral("safety_plan"), d.safetyPlan->id)}) {
            QCOMPARE(
                count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'open' AND user_id = ? "
                                     "AND record_type = ? AND record_id = ?"),
                      {reader, type, record}),
                1);
        }
    }

    // Peer support: who, how to reach them, what the call was and where they were referred; no clinical part.
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    auto peerView = m_store->open(peer, id);
    HEARTDESK_VERIFY_RESULT(peerView);
    const FollowUpDetail& d = peerView.value();
    QCOMPARE(d.parts, (QList<P>{P::Task, P::Contact, P::Call, P::EncounterOutline}));
    QCOMPARE(d.contact->phone, QStringLiteral("+19195550142"));
    QCOMPARE(d.call->callType, QStringLiteral("welfare-check"));
    QCOMPARE(d.encounter->referralText, QStringLiteral("Peer group on Tuesdays"));
    QVERIFY(!d.callClinical && !d.encounterClinical && !d.safetyPlan);
    QCOMPARE(d.task.risk, routing::RiskLevel::Low);
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND record_type = 'safety_plan'"),
                   {peer.userId()}),
             0);

    // Counselors: check-ins only, with the call's notes.
    VERIFY_REFUSED(m_store->open(counselor(), id), StoreErrorCode::PermissionDenied, "");
    auto checkIn = m_store->open(counselor(), checkInTask());
    HEARTDESK_VERIFY_RESULT(checkIn);
    QCOMPARE(checkIn.value().parts, (QList<P>{P::Task, P::Contact, P::Call, P::CallClinical}));
    QVERIFY(checkIn.value().callClinical && !checkIn.value().encounter && !checkIn.value().safetyPlan);
    auto peerCheckIn = m_store->open(peer, checkIn.value().task.id);
    HEARTDESK_VERIFY_RESULT(peerCheckIn);
    QVERIFY(!peerCheckIn.value().callClinical);

    // Roles without ViewFollowUps see nothing, and the attempt is on the record.
    for (Role role : {Role::CrtTeamLead, Role::Emt, Role::CoResponseClinician, Role::Administrator}) {
        const Actor actor =
            role == Role::Administrator ? m_fixture->administrator() : m_fixture->actorFor(role);
        VERIFY_REFUSED(m_store->open(actor, id), StoreErrorCode::PermissionDenied, "");
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                      "user_id = ? AND record_id = ?"),
                       {actor.userId(), id}),
                 1);
    }
    // The trail names records, never what is in them.
    for (const QVariantList& row : m_fixture->sql(QStringLiteral("SELECT * FROM audit_log")).rows) {
        for (const QVariant& cell : row) {
            for (const char* secret : kSecrets)
                QVERIFY2(!cell.toString().contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
        }
    }
}

void TestStoreFollowUps::refusalsAreAudited()
{
    const QString id = followUpTask();
    const QString checkIn = checkInTask();
    const Actor emt = m_fixture->actorFor(Role::Emt);
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    const QString before = snapshot();
    VERIFY_REFUSED(m_store->claim(emt, id, 1), StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_store->logAttempt(supervisor, id, 1, AttemptChannel::Phone, AttemptResult::Reached, {}),
                   StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_store->claim(counselor(), id, 1), StoreErrorCode::PermissionDenied,
                   ""); // not a check-in
    VERIFY_REFUSED(m_store->assign(peer, checkIn, 1, peer.userId()), StoreErrorCode::PermissionDenied, "");
    VERIFY_REFUSED(m_store->assignees(counselor(), followup::TaskKind::CheckIn),
                   StoreErrorCode::PermissionDenied, "");
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), emt.userId()), 1);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), supervisor.userId()), 1);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), counselor().userId()), 2);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), peer.userId()), 1);
    VERIFY_REFUSED(m_store->open(navigator(), QStringLiteral("nope")), StoreErrorCode::NotFound, "");
}

void TestStoreFollowUps::staleVersionsChangeNothing()
{
    const QString id = followUpTask();
    HEARTDESK_VERIFY_RESULT(m_store->claim(navigator(), id, 1));
    const QString before = snapshot();
    VERIFY_REFUSED(m_store->claim(navigator(), id, 1), StoreErrorCode::Conflict, "");
    VERIFY_REFUSED(
        m_store->logAttempt(navigator(), id, 1, AttemptChannel::Phone, AttemptResult::NoAnswer, {}),
        StoreErrorCode::Conflict, "");
    VERIFY_REFUSED(m_store->recordOutcome(navigator(), id, 1, Outcome::Declined, {}, {}),
                   StoreErrorCode::Conflict, "");
    VERIFY_REFUSED(m_store->extend(navigator(), id, 1, 1), StoreErrorCode::Conflict, "");
    VERIFY_REFUSED(m_store->assign(navigator(), id, 1, navigator().userId()), StoreErrorCode::Conflict, "");
    QCOMPARE(snapshot(), before);

    // Another workstation moved it on between the read and the write: the version guard holds.
    auto second = m_fixture->openSecond();
    QVERIFY(second);
    FollowUpStore other(*second, m_fixture->clock());
    HEARTDESK_VERIFY_RESULT(
        other.logAttempt(navigator(), id, 2, AttemptChannel::Phone, AttemptResult::NoAnswer, {}));
    VERIFY_REFUSED(
        m_store->logAttempt(navigator(), id, 2, AttemptChannel::Phone, AttemptResult::NoAnswer, {}),
        StoreErrorCode::Conflict, "");
    QCOMPARE(task(id).unsuccessfulAttempts, 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM followup_attempts")), 1);
}

void TestStoreFollowUps::statesFollowTheClock()
{
    const QString id = followUpTask(); // due 2026-03-04 15:20 UTC
    const struct
    {
        QDateTime at;
        TaskState state;
    } moments[] = {{utc(2026, 3, 4, 11, 19), TaskState::Open},
                   {utc(2026, 3, 4, 11, 20), TaskState::DueSoon},
                   {utc(2026, 3, 4, 15, 19), TaskState::DueSoon},
                   {utc(2026, 3, 4, 15, 20), TaskState::Overdue}};
    for (const auto& moment : moments) {
        m_fixture->clock().set(toTimePoint(moment.at));
        QCOMPARE(task(id).state, moment.state);
    }
    HEARTDESK_VERIFY_RESULT(m_store->recordOutcome(navigator(), id, 1, Outcome::Declined, {}, {}));
    QCOMPARE(task(id).state, TaskState::Closed);
}

HEART_TEST_GUILESS_MAIN(TestStoreFollowUps)
#include "tst_store_followups.moc"
