// Call intake at the store, on both engines: every field of a call comes back
// exactly as written (coordinates, flags, the recommendation in order, an
// unknown age, every step's time stamp); a stale version is refused and
// changes nothing; a closed call refuses changes and dispatch but takes
// addenda, listed oldest first with the author's name; a CAD number is used
// once; roles without the permission are refused (and the refusal audited);
// every step leaves an audit row naming the call and no one's data.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/CallStore.h"
#include "store/DraftStore.h"
#include "store/IntakeStore.h"
#include "store/StoreTime.h"

#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <latch>
#include <thread>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

// HEARTDESK_VERIFY_RESULT evaluates its argument more than once: for calls that change something.
#define VERIFY_DONE(expr)                                                                                    \
    do {                                                                                                     \
        const auto done_ = (expr);                                                                           \
        HEARTDESK_VERIFY_RESULT(done_);                                                                      \
    } while (false)

namespace {

QDateTime utc(int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(2026, 3, 2), QTime(hour, minute, second, ms), QTimeZone::utc());
}

CallRecord fullCall(const QString& cad = QStringLiteral("2026-0302-0001"))
{
    CallRecord call;
    call.cadNumber = cad;
    call.receivedAt = utc(14, 58, 3, 123);
    call.callerName = QStringLiteral("Dolores Whitfield");
    call.callerPhone = QStringLiteral("+19195550123");
    call.callerRelationship = QStringLiteral("family");
    call.personName = QStringLiteral("Terrence Whitfield");
    call.personAge = 34;
    call.personDescription = QStringLiteral("tall, green jacket, pacing");
    call.address = QStringLiteral("1200 W Chapel Hill St, Durham");
    call.latitude = 35.994033;
    call.longitude = -78.898612;
    call.beat = QStringLiteral("212");
    call.beatSource = QStringLiteral("from_position");
    call.callType = QStringLiteral("welfare-check");
    call.flags = {QStringLiteral("intoxication"), QStringLiteral("minors")};
    call.language = QStringLiteral("es");
    call.interpreter = true;
    call.narrative = QStringLiteral("Brother has not slept in three days; talking about the river.");
    call.cssrs = QStringLiteral("YYN-N--");
    call.riskLevel = QStringLiteral("moderate");
    call.ruleSetId = QStringLiteral("durham-2023-10-23-citywide");
    call.recommended = {QStringLiteral("crt"), QStringLiteral("ccd"), QStringLiteral("police_ems")};
    call.program = QStringLiteral("ccd");
    call.disposition = QStringLiteral("diverted");
    call.overrideReason = QStringLiteral("caller declined a team visit");
    call.assignedUnit = QStringLiteral("CRT-2");
    call.triagedAt = utc(15, 1, 9, 7);
    call.decidedAt = utc(15, 2, 30, 999);
    call.dispatchedAt = utc(15, 3, 0, 1);
    call.closedAt = utc(15, 40, 0, 0);
    return call;
}

// Names of the fields that differ; doubles compared exactly.
QStringList differences(const CallRecord& a, const CallRecord& b)
{
    QStringList out;
    const auto check = [&out](bool same, const char* name) {
        if (!same)
            out.append(QLatin1String(name));
    };
    check(a.id == b.id, "id");
    check(a.version == b.version, "version");
    check(a.cadNumber == b.cadNumber, "cadNumber");
    check(a.receivedAt == b.receivedAt, "receivedAt");
    check(a.callerName == b.callerName, "callerName");
    check(a.callerPhone == b.callerPhone, "callerPhone");
    check(a.callerRelationship == b.callerRelationship, "callerRelationship");
    check(a.personId == b.personId, "personId");
    check(a.personName == b.personName, "personName");
    check(a.personAge == b.personAge, "personAge");
    check(a.personDescription == b.personDescription, "personDescription");
    check(a.address == b.address, "address");
    check(a.latitude == b.latitude, "latitude");
    check(a.longitude == b.longitude, "longitude");
    check(a.beat == b.beat, "beat");
    check(a.beatSource == b.beatSource, "beatSource");
    check(a.callType == b.callType, "callType");
    check(a.flags == b.flags, "flags");
    check(a.language == b.language, "language");
    check(a.interpreter == b.interpreter, "interpreter");
    check(a.narrative == b.narrative, "narrative");
    check(a.cssrs == b.cssrs, "cssrs");
    check(a.riskLevel == b.riskLevel, "riskLevel");
    check(a.ruleSetId == b.ruleSetId, "ruleSetId");
    check(a.recommended == b.recommended, "recommended");
    check(a.program == b.program, "program");
    check(a.disposition == b.disposition, "disposition");
    check(a.overrideReason == b.overrideReason, "overrideReason");
    check(a.status == b.status, "status");
    check(a.assignedUnit == b.assignedUnit, "assignedUnit");
    check(a.counselorId == b.counselorId, "counselorId");
    check(a.triagedAt == b.triagedAt, "triagedAt");
    check(a.decidedAt == b.decidedAt, "decidedAt");
    check(a.dispatchedAt == b.dispatchedAt, "dispatchedAt");
    check(a.closedAt == b.closedAt, "closedAt");
    return out;
}

// The generated CAD number for a sequence number under a prefix.
std::function<QString(int)> cadNumber(const QString& prefix)
{
    // -> QString: deduced, the type would be a QStringBuilder holding the
    // .arg() temporary, read after it is gone (AddressSanitizer).
    return [prefix](int sequence) -> QString {
        return prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
    };
}

#define VERIFY_SAME_CALL(actual, expected)                                                                   \
    do {                                                                                                     \
        const QStringList differing_ = differences((actual), (expected));                                    \
        QVERIFY2(differing_.isEmpty(), qPrintable(QStringLiteral("differs: ") + differing_.join(u',')));     \
    } while (false)

} // namespace

class TestStoreIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void everyFieldRoundTrips();
    void emptyFieldsStayEmpty();
    void staleVersionIsRefused();
    void dispatchAndClose();
    void closedCallTakesOnlyAddenda();
    void addendaNeedTextAndACall();
    void duplicateCadNumberIsRefused();
    void linkedPersonMustExist();
    void rolesWithoutPermissionAreRefused();
    void everyStepIsAuditedWithoutPersonData();
    void reservedCadSequencesAreNeverGivenTwice();
    void simultaneousWorkstationsGetDistinctCadNumbers();
    void importedCallsOpen();

private:
    int count(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
    }
    int auditRows(const QString& action, const QString& callId)
    {
        return count(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_type = 'call' "
                           "AND record_id = ?"),
            {action, callId});
    }

    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStoreIntake::everyFieldRoundTrips()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    CallRecord input = fullCall();
    input.status = heart::intake::CallStatus::Closed; // ignored: a new call is open
    input.counselorId = QStringLiteral("someone-else");
    auto created = intake.create(counselor, input);
    HEARTDESK_VERIFY_RESULT(created);
    CallRecord expected = fullCall();
    expected.id = created.value().id;
    expected.version = 1;
    expected.status = heart::intake::CallStatus::Open;
    expected.counselorId = counselor.userId();
    QVERIFY(!expected.id.isEmpty());
    VERIFY_SAME_CALL(created.value(), expected);

    auto opened = intake.open(counselor, expected.id);
    HEARTDESK_VERIFY_RESULT(opened);
    VERIFY_SAME_CALL(opened.value(), expected);
    QVERIFY(*opened.value().latitude == 35.994033);
    QVERIFY(*opened.value().longitude == -78.898612);
    QCOMPARE(opened.value().receivedAt.toMSecsSinceEpoch(), fullCall().receivedAt.toMSecsSinceEpoch());

    // Every field written by update, including awkward doubles.
    CallRecord changed = opened.value();
    changed.latitude = 0.1 + 0.2;
    changed.longitude = -78.89861234567891;
    changed.personAge = 0;
    changed.flags = {QStringLiteral("weapon")};
    changed.recommended = {QStringLiteral("police_ems"), QStringLiteral("crt")};
    changed.interpreter = false;
    changed.narrative = QStringLiteral("Line one.\nLine two; with a semicolon.");
    changed.status = heart::intake::CallStatus::Dispatched;
    m_fixture->clock().advance(90s);
    auto updated = intake.update(counselor, changed);
    HEARTDESK_VERIFY_RESULT(updated);
    changed.version = 2;
    VERIFY_SAME_CALL(updated.value(), changed);
    auto again = intake.open(counselor, expected.id);
    HEARTDESK_VERIFY_RESULT(again);
    VERIFY_SAME_CALL(again.value(), changed);
    QVERIFY(*again.value().latitude == 0.1 + 0.2);
    QVERIFY(*again.value().longitude == -78.89861234567891);

    const test::RawResult stamps = m_fixture->sql(
        QStringLiteral("SELECT created_at, updated_at FROM calls WHERE id = ?"), {expected.id});
    QVERIFY2(stamps.ok, qPrintable(stamps.error));
    QCOMPARE(stamps.rows.first().at(0).toString(), toStoredTime(TestDatabase::startTime()));
    QCOMPARE(stamps.rows.first().at(1).toString(), toStoredTime(TestDatabase::startTime() + 90s));
}

void TestStoreIntake::emptyFieldsStayEmpty()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    CallRecord bare;
    bare.cadNumber = QStringLiteral("2026-0302-0009");
    bare.receivedAt = utc(15, 0, 0, 0);
    auto created = intake.create(counselor, bare);
    HEARTDESK_VERIFY_RESULT(created);
    auto opened = intake.open(counselor, created.value().id);
    HEARTDESK_VERIFY_RESULT(opened);
    const CallRecord& call = opened.value();
    QVERIFY(!call.personAge.has_value());
    QVERIFY(!call.latitude.has_value());
    QVERIFY(!call.longitude.has_value());
    QVERIFY(call.flags.isEmpty());
    QVERIFY(call.recommended.isEmpty());
    QVERIFY(!call.interpreter);
    QVERIFY(call.callerName.isEmpty());
    QVERIFY(call.cssrs.isEmpty());
    QVERIFY(!call.triagedAt.isValid());
    QVERIFY(!call.decidedAt.isValid());
    QVERIFY(!call.dispatchedAt.isValid());
    QVERIFY(!call.closedAt.isValid());
    QCOMPARE(call.status, heart::intake::CallStatus::Open);

    // Emptying fields that were set empties them in the row.
    auto full = intake.create(counselor, fullCall(QStringLiteral("2026-0302-0010")));
    HEARTDESK_VERIFY_RESULT(full);
    CallRecord emptied = bare;
    emptied.id = full.value().id;
    emptied.version = 1;
    emptied.cadNumber = QStringLiteral("2026-0302-0010");
    emptied.status = heart::intake::CallStatus::Open;
    auto updated = intake.update(counselor, emptied);
    HEARTDESK_VERIFY_RESULT(updated);
    emptied.version = 2;
    VERIFY_SAME_CALL(updated.value(), emptied);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = ? AND latitude IS NULL AND flags IS NULL "
                             "AND person_age IS NULL AND caller_name IS NULL"),
              {emptied.id}),
        1);
}

void TestStoreIntake::staleVersionIsRefused()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto created = intake.create(counselor, fullCall());
    HEARTDESK_VERIFY_RESULT(created);
    CallRecord mine = created.value();
    CallRecord theirs = created.value();
    theirs.narrative = QStringLiteral("their change");
    auto saved = intake.update(counselor, theirs);
    HEARTDESK_VERIFY_RESULT(saved);
    QCOMPARE(saved.value().version, 2);

    mine.narrative = QStringLiteral("my change");
    auto stale = intake.update(counselor, mine);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, StoreErrorCode::Conflict);
    auto now = intake.open(counselor, mine.id);
    HEARTDESK_VERIFY_RESULT(now);
    VERIFY_SAME_CALL(now.value(), saved.value());
    QCOMPARE(auditRows(QStringLiteral("update"), mine.id), 1);

    QCOMPARE(intake.dispatch(counselor, mine.id, 1, QStringLiteral("CRT-1")).error().code,
             StoreErrorCode::Conflict);
    QCOMPARE(intake.close(counselor, mine.id, 1).error().code, StoreErrorCode::Conflict);
    CallRecord missing = fullCall(QStringLiteral("2026-0302-0404"));
    missing.id = QStringLiteral("no-such-call");
    missing.version = 1;
    missing.status = heart::intake::CallStatus::Open;
    QCOMPARE(intake.update(counselor, missing).error().code, StoreErrorCode::NotFound);
    QCOMPARE(intake.open(counselor, missing.id).error().code, StoreErrorCode::NotFound);
    auto unchanged = intake.open(counselor, mine.id);
    HEARTDESK_VERIFY_RESULT(unchanged);
    VERIFY_SAME_CALL(unchanged.value(), saved.value());
}

void TestStoreIntake::dispatchAndClose()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    CallRecord input = fullCall();
    input.assignedUnit.clear();
    input.dispatchedAt = {};
    input.closedAt = {};
    auto created = intake.create(counselor, input);
    HEARTDESK_VERIFY_RESULT(created);
    const QString id = created.value().id;

    QCOMPARE(intake.dispatch(counselor, id, 1, QStringLiteral("  ")).error().field, QStringLiteral("unit"));
    m_fixture->clock().advance(2min);
    // A supervisor may dispatch too.
    auto dispatched =
        intake.dispatch(m_fixture->actorFor(Role::Supervisor), id, 1, QStringLiteral(" CRT-2 "));
    HEARTDESK_VERIFY_RESULT(dispatched);
    QCOMPARE(dispatched.value().status, heart::intake::CallStatus::Dispatched);
    QCOMPARE(dispatched.value().assignedUnit, QStringLiteral("CRT-2"));
    QCOMPARE(dispatched.value().dispatchedAt, toDateTime(TestDatabase::startTime() + 2min));
    QCOMPARE(dispatched.value().version, 2);
    QCOMPARE(dispatched.value().narrative, input.narrative); // the rest untouched

    m_fixture->clock().advance(30min);
    auto closed = intake.close(counselor, id, 2);
    HEARTDESK_VERIFY_RESULT(closed);
    QCOMPARE(closed.value().status, heart::intake::CallStatus::Closed);
    QCOMPARE(closed.value().closedAt, toDateTime(TestDatabase::startTime() + 32min));
    QCOMPARE(closed.value().dispatchedAt, dispatched.value().dispatchedAt);
    QCOMPARE(closed.value().version, 3);
    auto opened = intake.open(counselor, id);
    HEARTDESK_VERIFY_RESULT(opened);
    VERIFY_SAME_CALL(opened.value(), closed.value());
}

void TestStoreIntake::closedCallTakesOnlyAddenda()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto created = intake.create(counselor, fullCall());
    HEARTDESK_VERIFY_RESULT(created);
    auto closed = intake.close(counselor, created.value().id, 1);
    HEARTDESK_VERIFY_RESULT(closed);
    const QString rowSql =
        QStringLiteral("SELECT version, status, narrative, assigned_unit, updated_at FROM calls "
                       "WHERE id = ?");
    const test::RawResult before = m_fixture->sql(rowSql, {closed.value().id});
    QVERIFY2(before.ok, qPrintable(before.error));
    m_fixture->clock().advance(5min);

    CallRecord edit = closed.value();
    edit.narrative = QStringLiteral("changed after closing");
    auto refused = intake.update(counselor, edit);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, StoreErrorCode::CallClosed);
    auto notDispatched = intake.dispatch(counselor, edit.id, edit.version, QStringLiteral("CRT-1"));
    QCOMPARE(notDispatched.error().code, StoreErrorCode::CallClosed);
    QCOMPARE(intake.close(counselor, edit.id, edit.version).error().code, StoreErrorCode::CallClosed);
    QVERIFY(m_fixture->sql(rowSql, {edit.id}).rows == before.rows);

    // Addenda: oldest first, with who wrote them.
    auto first =
        intake.addAddendum(counselor, edit.id, QStringLiteral("  Sister called back: he is home.  "));
    HEARTDESK_VERIFY_RESULT(first);
    QCOMPARE(first.value().text, QStringLiteral("Sister called back: he is home."));
    QCOMPARE(first.value().authorId, counselor.userId());
    QCOMPARE(first.value().authorName, counselor.displayName());
    m_fixture->clock().advance(1h);
    const Actor other = m_fixture->newActor(QStringLiteral("second_counselor"), {Role::CallCounselor});
    VERIFY_DONE(intake.addAddendum(other, edit.id, QStringLiteral("Follow-up referral made.")));

    auto listed = intake.addenda(m_fixture->actorFor(Role::Supervisor), edit.id);
    HEARTDESK_VERIFY_RESULT(listed);
    QCOMPARE(listed.value().size(), 2);
    QCOMPARE(listed.value().at(0).text, QStringLiteral("Sister called back: he is home."));
    QCOMPARE(listed.value().at(0).authorName, counselor.displayName());
    QCOMPARE(listed.value().at(0).writtenAt, toDateTime(TestDatabase::startTime() + 5min));
    QCOMPARE(listed.value().at(0).id, first.value().id);
    QCOMPARE(listed.value().at(1).text, QStringLiteral("Follow-up referral made."));
    QCOMPARE(listed.value().at(1).authorName, QStringLiteral("Fixture second_counselor"));
    QCOMPARE(listed.value().at(1).authorId, other.userId());
    QCOMPARE(listed.value().at(1).writtenAt, toDateTime(TestDatabase::startTime() + 5min + 1h));
    // The call itself is still as it was closed.
    QVERIFY(m_fixture->sql(rowSql, {edit.id}).rows == before.rows);
}

void TestStoreIntake::addendaNeedTextAndACall()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto created = intake.create(counselor, fullCall());
    HEARTDESK_VERIFY_RESULT(created);
    auto empty = intake.addAddendum(counselor, created.value().id, QStringLiteral(" \n\t "));
    QCOMPARE(empty.error().code, StoreErrorCode::RequiredMissing);
    QCOMPARE(empty.error().field, QStringLiteral("text"));
    QCOMPARE(
        intake.addAddendum(counselor, QStringLiteral("no-such-call"), QStringLiteral("text")).error().code,
        StoreErrorCode::NotFound);
    QCOMPARE(intake.addenda(counselor, QStringLiteral("no-such-call")).error().code,
             StoreErrorCode::NotFound);
    // An open call takes addenda as well.
    VERIFY_DONE(intake.addAddendum(counselor, created.value().id, QStringLiteral("note")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM call_addenda")), 1);
    auto listed = intake.addenda(counselor, created.value().id);
    HEARTDESK_VERIFY_RESULT(listed);
    QCOMPARE(listed.value().size(), 1);
}

void TestStoreIntake::duplicateCadNumberIsRefused()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    VERIFY_DONE(intake.create(counselor, fullCall(QStringLiteral("2026-0302-0001"))));
    auto twice = intake.create(counselor, fullCall(QStringLiteral(" 2026-0302-0001 ")));
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, StoreErrorCode::InvalidInput);
    QCOMPARE(twice.error().field, QStringLiteral("cadNumber"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND record_type = 'call'")),
             1);

    auto second = intake.create(counselor, fullCall(QStringLiteral("2026-0302-0002")));
    HEARTDESK_VERIFY_RESULT(second);
    CallRecord renumbered = second.value();
    renumbered.cadNumber = QStringLiteral("2026-0302-0001");
    QCOMPARE(intake.update(counselor, renumbered).error().field, QStringLiteral("cadNumber"));
    CallRecord noNumber = fullCall(QStringLiteral("   "));
    QCOMPARE(intake.create(counselor, noNumber).error().field, QStringLiteral("cadNumber"));
}

void TestStoreIntake::linkedPersonMustExist()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    CallRecord call = fullCall();
    call.personId = QStringLiteral("no-such-person");
    auto refused = intake.create(counselor, call);
    QCOMPARE(refused.error().code, StoreErrorCode::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("personId"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), 0);
}

void TestStoreIntake::rolesWithoutPermissionAreRefused()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto created = intake.create(counselor, fullCall());
    HEARTDESK_VERIFY_RESULT(created);
    const CallRecord call = created.value();

    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    QCOMPARE(intake.create(peer, fullCall(QStringLiteral("2026-0302-0002"))).error().code,
             StoreErrorCode::PermissionDenied);
    CallRecord edit = call;
    edit.narrative = QStringLiteral("edited by a peer");
    QCOMPARE(intake.update(peer, edit).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(intake.dispatch(peer, call.id, 1, QStringLiteral("CRT-1")).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(intake.open(peer, call.id).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), peer.userId()), 4);

    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    QCOMPARE(intake.create(lead, fullCall(QStringLiteral("2026-0302-0003"))).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(intake.close(lead, call.id, 1).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(intake.addAddendum(lead, call.id, QStringLiteral("note")).error().code,
             StoreErrorCode::PermissionDenied);
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    QCOMPARE(intake.update(supervisor, edit).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(intake
                 .reserveCadSequence(m_fixture->administrator(), QStringLiteral("2026"),
                                     cadNumber(QStringLiteral("2026")))
                 .error()
                 .code,
             StoreErrorCode::PermissionDenied);

    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                  "record_type = 'call'")),
             9);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                  "record_type = 'call' AND record_id = ?"),
                   {call.id}),
             6);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM call_addenda")), 0);
    auto unchanged = intake.open(counselor, call.id);
    HEARTDESK_VERIFY_RESULT(unchanged);
    VERIFY_SAME_CALL(unchanged.value(), call);
}

void TestStoreIntake::everyStepIsAuditedWithoutPersonData()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto created = intake.create(counselor, fullCall());
    HEARTDESK_VERIFY_RESULT(created);
    const QString id = created.value().id;
    VERIFY_DONE(intake.open(counselor, id));
    CallRecord edit = created.value();
    edit.personName = QStringLiteral("Terrence J. Whitfield");
    VERIFY_DONE(intake.update(counselor, edit));
    VERIFY_DONE(intake.dispatch(counselor, id, 2, QStringLiteral("CRT-2")));
    VERIFY_DONE(intake.close(counselor, id, 3));
    VERIFY_DONE(intake.addAddendum(counselor, id, QStringLiteral("Whitfield family reached at home")));

    for (const char* action : {"create", "open", "update", "dispatch", "close", "addendum"}) {
        QVERIFY2(auditRows(QLatin1String(action), id) == 1, action);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ? AND "
                                      "user_id = ? AND workstation = ?"),
                       {QLatin1String(action), id, counselor.userId(), TestDatabase::workstation()}),
                 1);
    }
    const test::RawResult audit = m_fixture->sql(QStringLiteral(
        "SELECT at_utc, user_id, role, workstation, action, record_type, record_id FROM audit_log"));
    QVERIFY2(audit.ok, qPrintable(audit.error));
    for (const QVariantList& row : audit.rows) {
        for (const QVariant& value : row) {
            const QString text = value.toString();
            for (const char* secret : {"Whitfield", "Dolores", "Terrence", "5550123", "river", "Chapel Hill",
                                       "green jacket", "CRT-2"}) {
                QVERIFY2(!text.contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
            }
        }
    }
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(!verified.value().firstBreak.has_value());
}

void TestStoreIntake::reservedCadSequencesAreNeverGivenTwice()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    const auto reserve = [&](const QString& prefix) {
        return intake.reserveCadSequence(counselor, prefix, cadNumber(prefix));
    };
    auto first = reserve(QStringLiteral("2026-0302-"));
    HEARTDESK_VERIFY_RESULT(first);
    QCOMPARE(first.value(), 1);
    // Handed out, even though no call was saved with it: the next one moves on.
    QCOMPARE(reserve(QStringLiteral("2026-0302-")).value(), 2);
    // A prefix starts after the calls already numbered with it...
    for (const char* cad : {"2026-0301-0001", "2026-0301-0002", "2026x0301-0003"})
        VERIFY_DONE(intake.create(counselor, fullCall(QLatin1String(cad))));
    QCOMPARE(reserve(QStringLiteral("2026-0301-")).value(), 3);
    // ...and skips numbers a call (typed by hand) or a draft already holds.
    VERIFY_DONE(intake.create(counselor, fullCall(QStringLiteral("2026-0302-0003"))));
    HEARTDESK_VERIFY_OK(DraftStore(m_fixture->db(), m_fixture->clock())
                            .save(counselor, QStringLiteral("intake/x"),
                                  QStringLiteral("{\"cadNumber\":\"2026-0302-0004\",\"callerName\":\"\"}")));
    QCOMPARE(reserve(QStringLiteral("2026-0302-")).value(), 5);
    QCOMPARE(reserve(QStringLiteral("2026-0303-")).value(), 1);
    // The prefix is literal text: _ and % are no wildcards.
    QCOMPARE(reserve(QStringLiteral("2026_0302-")).value(), 1);
    QCOMPARE(reserve(QStringLiteral("2026%")).value(), 1);
    QCOMPARE(count(QStringLiteral("SELECT last_value FROM cad_sequences WHERE prefix = ?"),
                   {QStringLiteral("2026-0302-")}),
             5);
}

void TestStoreIntake::simultaneousWorkstationsGetDistinctCadNumbers()
{
    // Two counselors pressing Ctrl+N at the same moment on one database, each
    // on a workstation (a connection, a thread) of their own, many times.
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const QString prefix = QStringLiteral("HD20261118-");
    constexpr int kPerWorkstation = 40;
    std::latch start(2);
    QList<int> numbers[2];
    QString errors[2];
    const auto workstation = [&](int w) {
        Database db;
        const StoreError opened = db.open(m_fixture->spec(), m_fixture->password());
        start.arrive_and_wait();
        if (opened) {
            errors[w] = opened.detail;
            return;
        }
        IntakeStore intake(db, m_fixture->clock());
        for (int i = 0; i < kPerWorkstation; ++i) {
            auto next = intake.reserveCadSequence(counselor, prefix, cadNumber(prefix));
            if (!next.ok()) {
                errors[w] =
                    storeErrorCodeName(next.error().code) + QStringLiteral(": ") + next.error().detail;
                return;
            }
            numbers[w].append(next.value());
        }
    };
    std::thread a(workstation, 0);
    std::thread b(workstation, 1);
    a.join();
    b.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    QList<int> all = numbers[0] + numbers[1];
    std::sort(all.begin(), all.end());
    QCOMPARE(all.size(), 2 * kPerWorkstation);
    for (int i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i), i + 1); // each number once, none skipped
}

void TestStoreIntake::importedCallsOpen()
{
    // Calls written the older way (imports, demo data) read back with the new fields empty.
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    CallStore calls(m_fixture->db(), m_fixture->clock());
    NewCall imported;
    imported.cadNumber = QStringLiteral("2026-0301-0100");
    imported.receivedAt = utc(9, 0, 0, 0);
    imported.callType = QStringLiteral("welfare-check");
    imported.status = heart::intake::CallStatus::Closed;
    imported.person = 0;
    auto ids = calls.importCalls(counselor,
                                 {NewPerson{QStringLiteral("Ada"), QStringLiteral("Okafor"), 40,
                                            QStringLiteral("en"), QStringLiteral("+19195550199")}},
                                 {imported});
    HEARTDESK_VERIFY_RESULT(ids);
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    auto opened = intake.open(counselor, ids.value().first());
    HEARTDESK_VERIFY_RESULT(opened);
    QCOMPARE(opened.value().cadNumber, imported.cadNumber);
    QCOMPARE(opened.value().receivedAt, imported.receivedAt);
    QCOMPARE(opened.value().status, heart::intake::CallStatus::Closed);
    QVERIFY(!opened.value().personId.isEmpty());
    QVERIFY(!opened.value().interpreter);
    QVERIFY(opened.value().flags.isEmpty());
    QVERIFY(!opened.value().latitude.has_value());
    QCOMPARE(intake
                 .reserveCadSequence(counselor, QStringLiteral("2026-0301-"),
                                     cadNumber(QStringLiteral("2026-0301-")))
                 .value(),
             2);
}

HEART_TEST_GUILESS_MAIN(TestStoreIntake)
#include "tst_store_intake.moc"
