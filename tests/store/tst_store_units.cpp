// Response units at the store, on both engines: a unit code is used once;
// members show on the board clinician first, then by name; a full run
// (dispatched by the counselor, moved by the team) leaves one time-stamped
// event per step, from which the core computes the call's times; the rules
// refuse forbidden moves and a stale version with nothing written; a busy
// unit or a closed call cannot be dispatched; every role gets exactly what
// the permission table grants; every change is audited naming the unit and
// no one's data, and nothing about a person reaches the log.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/units/UnitStatus.h"
#include "store/IntakeStore.h"
#include "store/RosterStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"

#include <QTest>
#include <QTimeZone>
#include <utility>
#include <vector>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;
using units::UnitKind;
using units::UnitStatus;

namespace {

const QString kCallerName = QStringLiteral("Dolores Whitfield");
const QString kPersonName = QStringLiteral("Terrence Whitfield");

QStringList g_log; // every message while a test case runs

void collectMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

CallRecord newCall(const QString& cad)
{
    CallRecord call;
    call.cadNumber = cad;
    call.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 58), QTimeZone::utc());
    call.callType = QStringLiteral("welfare-check");
    call.callerName = kCallerName;
    call.personName = kPersonName;
    call.narrative = QStringLiteral("Brother has not slept in three days.");
    return call;
}

QStringList statusCodes(const QList<UnitStatusEvent>& events)
{
    QStringList out;
    for (const UnitStatusEvent& event : events)
        out.append(QString::fromUtf8(units::unitStatusCode(event.status)));
    return out;
}

QStringList memberNames(const Unit& unit)
{
    QStringList out;
    for (const UnitMember& member : unit.members)
        out.append(member.displayName);
    return out;
}

QStringList codes(const QList<Unit>& units)
{
    QStringList out;
    for (const Unit& unit : units)
        out.append(unit.code);
    return out;
}

} // namespace

class TestStoreUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_units = std::make_unique<UnitStore>(m_fixture->db(), m_fixture->clock());
        g_log.clear();
        m_previousHandler = qInstallMessageHandler(collectMessage);
    }
    void cleanup()
    {
        qInstallMessageHandler(m_previousHandler);
        m_units.reset();
        m_fixture.reset();
    }

    void createAndDuplicateCode();
    void membersOnTheBoardInOrder();
    void fullRunWithEventsAndTimes();
    void forbiddenTransitionsWriteNothing();
    void staleVersionIsAConflict();
    void dispatchRules();
    void rolesGetWhatTheTableGrants();
    void changesAreAuditedWithoutPersonData();

private:
    int count(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
    }
    // The unit's row and events and the audit trail's length: "nothing written" compares these.
    QString snapshot(const QString& unitId)
    {
        QStringList parts;
        const test::RawResult row = m_fixture->sql(
            QStringLiteral(
                "SELECT status, status_since, call_id, updated_at, version FROM units WHERE id = ?"),
            {unitId});
        for (const QVariantList& r : row.rows)
            for (const QVariant& v : r)
                parts.append(v.toString());
        parts.append(QString::number(
            count(QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ?"), {unitId})));
        parts.append(QString::number(
            count(QStringLiteral("SELECT COUNT(*) FROM unit_members WHERE unit_id = ?"), {unitId})));
        parts.append(QString::number(
            count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"))));
        return parts.join(u'|');
    }
    QString addStaff(const std::string& name, roster::ResponderRole role)
    {
        RosterStore roster(m_fixture->db(), m_fixture->clock());
        auto id = roster.addStaff(m_fixture->actorFor(Role::Supervisor), {{}, name, role, "early"});
        return id.ok() ? id.value() : QString();
    }
    QString addCall(const QString& cad)
    {
        IntakeStore intake(m_fixture->db(), m_fixture->clock());
        auto call = intake.create(m_fixture->actorFor(Role::CallCounselor), newCall(cad));
        return call.ok() ? call.value().id : QString();
    }
    // A new unit, put in service by the team lead.
    Unit availableUnit(const QString& code)
    {
        auto created =
            m_units->createUnit(m_fixture->actorFor(Role::Supervisor), code, UnitKind::CommunityResponse);
        if (!created.ok())
            return {};
        auto available = m_units->changeStatus(m_fixture->actorFor(Role::CrtTeamLead), created.value().id,
                                               created.value().version, UnitStatus::Available);
        return available.ok() ? available.value() : Unit{};
    }

    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<UnitStore> m_units;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestStoreUnits::createAndDuplicateCode()
{
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    auto created = m_units->createUnit(supervisor, QStringLiteral("  CRT-1 "), UnitKind::CommunityResponse);
    HEARTDESK_VERIFY_RESULT(created);
    const Unit& unit = created.value();
    QVERIFY(!unit.id.isEmpty());
    QCOMPARE(unit.code, QStringLiteral("CRT-1"));
    QCOMPARE(unit.kind, UnitKind::CommunityResponse);
    QCOMPARE(unit.status, UnitStatus::OutOfService);
    QCOMPARE(unit.statusSince, toDateTime(TestDatabase::startTime()));
    QCOMPARE(unit.version, 1);
    QVERIFY(unit.callId.isEmpty());
    QVERIFY(unit.members.isEmpty());

    auto coResponse = m_units->createUnit(supervisor, QStringLiteral("COR-1"), UnitKind::CoResponse);
    HEARTDESK_VERIFY_RESULT(coResponse);
    auto read = m_units->unit(supervisor, coResponse.value().id);
    HEARTDESK_VERIFY_RESULT(read);
    QCOMPARE(read.value().kind, UnitKind::CoResponse);
    QCOMPARE(read.value().code, QStringLiteral("COR-1"));

    for (const QString& taken :
         {QStringLiteral("CRT-1"), QStringLiteral(" CRT-1"), QStringLiteral("crt-1")}) {
        auto again = m_units->createUnit(supervisor, taken, UnitKind::CoResponse);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, StoreErrorCode::InvalidInput);
        QCOMPARE(again.error().field, QStringLiteral("code"));
    }
    auto empty = m_units->createUnit(supervisor, QStringLiteral(" \t "), UnitKind::CommunityResponse);
    QCOMPARE(empty.error().code, StoreErrorCode::RequiredMissing);
    QCOMPARE(empty.error().field, QStringLiteral("code"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM units")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND "
                                  "record_type = 'unit' AND user_id = ?"),
                   {supervisor.userId()}),
             2);
    QCOMPARE(m_units->unit(supervisor, QStringLiteral("no-such-unit")).error().code,
             StoreErrorCode::NotFound);
}

void TestStoreUnits::membersOnTheBoardInOrder()
{
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    const QString zoe = addStaff("Zoe Peer", roster::ResponderRole::PeerSupport);
    const QString avery = addStaff("Avery Emt", roster::ResponderRole::Emt);
    const QString morgan = addStaff("Morgan Clinician", roster::ResponderRole::Clinician);
    const QString bea = addStaff("Bea Peer", roster::ResponderRole::PeerSupport);
    QVERIFY(!zoe.isEmpty() && !avery.isEmpty() && !morgan.isEmpty() && !bea.isEmpty());

    auto crt2 = m_units->createUnit(supervisor, QStringLiteral("CRT-2"), UnitKind::CommunityResponse);
    auto crt1 = m_units->createUnit(supervisor, QStringLiteral("CRT-1"), UnitKind::CommunityResponse);
    auto cor1 = m_units->createUnit(supervisor, QStringLiteral("COR-1"), UnitKind::CoResponse);
    HEARTDESK_VERIFY_RESULT(crt2);
    HEARTDESK_VERIFY_RESULT(crt1);
    HEARTDESK_VERIFY_RESULT(cor1);

    m_fixture->clock().advance(1min);
    auto manned = m_units->setMembers(supervisor, crt1.value().id, 1, {zoe, avery, morgan, bea, zoe});
    HEARTDESK_VERIFY_RESULT(manned);
    QCOMPARE(manned.value().version, 2);
    const QStringList expected = {QStringLiteral("Morgan Clinician"), QStringLiteral("Avery Emt"),
                                  QStringLiteral("Bea Peer"), QStringLiteral("Zoe Peer")};
    QCOMPARE(memberNames(manned.value()), expected);
    QCOMPARE(manned.value().members.first().staffId, morgan);
    QCOMPARE(manned.value().members.first().role, QStringLiteral("clinician"));
    QCOMPARE(manned.value().members.at(1).role, QStringLiteral("emt"));
    QCOMPARE(manned.value().members.at(2).role, QStringLiteral("peer_support"));
    QCOMPARE(manned.value().statusSince,
             toDateTime(TestDatabase::startTime())); // members are no status change
    HEARTDESK_VERIFY_RESULT(m_units->setMembers(supervisor, cor1.value().id, 1, {morgan}));

    // The board: every unit by code, members in order, for the counselor and the team alike.
    for (const Role role : {Role::CallCounselor, Role::CrtTeamLead, Role::CoResponseClinician}) {
        auto board = m_units->board(m_fixture->actorFor(role));
        HEARTDESK_VERIFY_RESULT(board);
        QCOMPARE(codes(board.value()),
                 QStringList({QStringLiteral("COR-1"), QStringLiteral("CRT-1"), QStringLiteral("CRT-2")}));
        QCOMPARE(memberNames(board.value().at(1)), expected);
        QCOMPARE(memberNames(board.value().at(0)), QStringList{QStringLiteral("Morgan Clinician")});
        QVERIFY(board.value().at(2).members.isEmpty());
    }

    // An unknown responder: refused, nothing changed.
    const QString before = snapshot(crt1.value().id);
    auto unknown =
        m_units->setMembers(supervisor, crt1.value().id, 2, {morgan, QStringLiteral("no-such-staff")});
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, StoreErrorCode::InvalidInput);
    QCOMPARE(unknown.error().field, QStringLiteral("members"));
    QCOMPARE(snapshot(crt1.value().id), before);
    // A stale version: Conflict; an unknown unit: NotFound.
    QCOMPARE(m_units->setMembers(supervisor, crt1.value().id, 1, {bea}).error().code,
             StoreErrorCode::Conflict);
    QCOMPARE(m_units->setMembers(supervisor, QStringLiteral("no-such-unit"), 1, {bea}).error().code,
             StoreErrorCode::NotFound);
    QCOMPARE(snapshot(crt1.value().id), before);

    // Replacing, then emptying.
    auto replaced = m_units->setMembers(supervisor, crt1.value().id, 2, {bea});
    HEARTDESK_VERIFY_RESULT(replaced);
    QCOMPARE(memberNames(replaced.value()), QStringList{QStringLiteral("Bea Peer")});
    auto emptied = m_units->setMembers(supervisor, crt1.value().id, 3, {});
    HEARTDESK_VERIFY_RESULT(emptied);
    QVERIFY(emptied.value().members.isEmpty());
    QCOMPARE(emptied.value().version, 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM unit_members WHERE unit_id = ?"), {crt1.value().id}),
             0);
}

void TestStoreUnits::fullRunWithEventsAndTimes()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    const Unit start = availableUnit(QStringLiteral("CRT-1"));
    QVERIFY(!start.id.isEmpty());
    QCOMPARE(start.status, UnitStatus::Available);
    QCOMPARE(start.version, 2);
    const QString callId = addCall(QStringLiteral("2026-0302-0001"));
    QVERIFY(!callId.isEmpty());

    m_fixture->clock().advance(2min);
    const TimePoint dispatchedAt = m_fixture->clock().now();
    auto dispatched = m_units->dispatchToCall(counselor, start.id, start.version, callId);
    HEARTDESK_VERIFY_RESULT(dispatched);
    QCOMPARE(dispatched.value().status, UnitStatus::Dispatched);
    QCOMPARE(dispatched.value().callId, callId);
    QCOMPARE(dispatched.value().callCad, QStringLiteral("2026-0302-0001"));
    QCOMPARE(dispatched.value().statusSince, toDateTime(dispatchedAt));
    QCOMPARE(dispatched.value().version, 3);

    // The team moves it; the board follows.
    const struct
    {
        std::chrono::milliseconds after;
        UnitStatus to;
    } steps[] = {{4min, UnitStatus::EnRoute},
                 {7min, UnitStatus::OnScene},
                 {25min, UnitStatus::Transporting},
                 {15min, UnitStatus::Clear},
                 {5min, UnitStatus::Available}};
    Unit unit = dispatched.value();
    for (const auto& step : steps) {
        m_fixture->clock().advance(step.after);
        auto moved = m_units->changeStatus(lead, unit.id, unit.version, step.to);
        HEARTDESK_VERIFY_RESULT(moved);
        QCOMPARE(moved.value().status, step.to);
        QCOMPARE(moved.value().version, unit.version + 1);
        QCOMPARE(moved.value().statusSince, toDateTime(m_fixture->clock().now()));
        // On the call until back in service; clear still shows it.
        if (step.to == UnitStatus::Available) {
            QVERIFY(moved.value().callId.isEmpty());
            QVERIFY(moved.value().callCad.isEmpty());
        } else {
            QCOMPARE(moved.value().callId, callId);
            QCOMPARE(moved.value().callCad, QStringLiteral("2026-0302-0001"));
        }
        auto board = m_units->board(counselor);
        HEARTDESK_VERIFY_RESULT(board);
        QCOMPARE(board.value().size(), 1);
        QCOMPARE(board.value().first().status, step.to);
        QCOMPARE(board.value().first().version, moved.value().version);
        unit = moved.value();
    }
    QCOMPARE(unit.version, 8);
    QVERIFY(m_fixture->sql(QStringLiteral("SELECT call_id FROM units WHERE id = ?"), {unit.id})
                .rows.first()
                .first()
                .isNull());

    // The call's events, oldest first, each with its time, user and the call.
    auto history = m_units->callHistory(lead, unit.id, callId);
    HEARTDESK_VERIFY_RESULT(history);
    QCOMPARE(
        statusCodes(history.value()),
        QStringList({QStringLiteral("dispatched"), QStringLiteral("en_route"), QStringLiteral("on_scene"),
                     QStringLiteral("transporting"), QStringLiteral("clear"), QStringLiteral("available")}));
    TimePoint expectedAt = dispatchedAt;
    for (qsizetype i = 0; i < history.value().size(); ++i) {
        const UnitStatusEvent& event = history.value().at(i);
        if (i > 0)
            expectedAt += steps[i - 1].after;
        QCOMPARE(event.at, toDateTime(expectedAt));
        QCOMPARE(event.unitId, unit.id);
        QCOMPARE(event.callId, callId);
        QCOMPARE(event.userId, i == 0 ? counselor.userId() : lead.userId());
    }
    // The same list for the counselor (ViewCallQueue and ViewUnitCalls) and a supervisor.
    auto forCounselor = m_units->callHistory(counselor, unit.id, callId);
    HEARTDESK_VERIFY_RESULT(forCounselor);
    QCOMPARE(statusCodes(forCounselor.value()), statusCodes(history.value()));

    // The core computes the program's times from them.
    std::vector<units::StatusChange> changes;
    for (const UnitStatusEvent& event : history.value())
        changes.push_back({event.status, toTimePoint(event.at)});
    const auto times = units::callTimes(changes);
    QVERIFY2(times.ok(), times.ok() ? "" : times.error().code.c_str());
    QCOMPARE(times.value().dispatchToArrival, std::optional<std::chrono::seconds>(11min));
    QCOMPARE(times.value().onScene, std::optional<std::chrono::seconds>(25min));
    QCOMPARE(times.value().transport, std::optional<std::chrono::seconds>(15min));
    QCOMPARE(times.value().total, std::optional<std::chrono::seconds>(51min));

    // Putting it in service was no call's change: it is listed without a call.
    auto offCall = m_units->callHistory(lead, unit.id, QString());
    HEARTDESK_VERIFY_RESULT(offCall);
    QCOMPARE(statusCodes(offCall.value()), QStringList{QStringLiteral("available")});
    QVERIFY(offCall.value().first().callId.isEmpty());
    QCOMPARE(m_units->callHistory(lead, QStringLiteral("no-such-unit"), callId).error().code,
             StoreErrorCode::NotFound);
    // Another call: nothing.
    auto other = m_units->callHistory(lead, unit.id, QStringLiteral("another-call"));
    HEARTDESK_VERIFY_RESULT(other);
    QVERIFY(other.value().isEmpty());
}

void TestStoreUnits::forbiddenTransitionsWriteNothing()
{
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    const Unit unit = availableUnit(QStringLiteral("CRT-1"));
    QVERIFY(!unit.id.isEmpty());
    const QString callId = addCall(QStringLiteral("2026-0302-0002"));
    m_fixture->clock().advance(1min);
    const QString before = snapshot(unit.id);

    auto onScene = m_units->changeStatus(lead, unit.id, unit.version, UnitStatus::OnScene);
    QVERIFY(!onScene.ok());
    QCOMPARE(onScene.error().code, StoreErrorCode::StatusRefused);
    QCOMPARE(onScene.error().field, QStringLiteral("status"));
    QVERIFY2(onScene.error().detail.contains(QStringLiteral("transition-not-allowed")),
             qPrintable(onScene.error().detail));
    QVERIFY2(onScene.error().detail.contains(QStringLiteral("on_scene after available")),
             qPrintable(onScene.error().detail));
    for (const UnitStatus to :
         {UnitStatus::Available, UnitStatus::EnRoute, UnitStatus::Transporting, UnitStatus::Clear}) {
        auto refused = m_units->changeStatus(lead, unit.id, unit.version, to);
        QCOMPARE(refused.error().code, StoreErrorCode::StatusRefused);
        QCOMPARE(refused.error().field, QStringLiteral("status"));
        QVERIFY(refused.error().detail.contains(QStringLiteral("transition-not-allowed")));
    }
    // Dispatched needs a call: only dispatchToCall gives one.
    auto noCall = m_units->changeStatus(lead, unit.id, unit.version, UnitStatus::Dispatched);
    QCOMPARE(noCall.error().code, StoreErrorCode::StatusRefused);
    QCOMPARE(noCall.error().field, QStringLiteral("status"));
    QCOMPARE(snapshot(unit.id), before);
    QCOMPARE(m_fixture->auditCount(audit::StatusChange), 1); // putting it in service

    // On a call: a unit that moved goes through clear, never straight back.
    auto dispatched =
        m_units->dispatchToCall(m_fixture->actorFor(Role::CallCounselor), unit.id, unit.version, callId);
    HEARTDESK_VERIFY_RESULT(dispatched);
    auto enRoute = m_units->changeStatus(lead, unit.id, dispatched.value().version, UnitStatus::EnRoute);
    HEARTDESK_VERIFY_RESULT(enRoute);
    const QString onTheWay = snapshot(unit.id);
    for (const UnitStatus to :
         {UnitStatus::Available, UnitStatus::EnRoute, UnitStatus::OutOfService, UnitStatus::Dispatched}) {
        auto refused = m_units->changeStatus(lead, unit.id, enRoute.value().version, to);
        QCOMPARE(refused.error().code, StoreErrorCode::StatusRefused);
        QCOMPARE(refused.error().field, QStringLiteral("status"));
    }
    QCOMPARE(snapshot(unit.id), onTheWay);
    auto history = m_units->callHistory(lead, unit.id, callId);
    HEARTDESK_VERIFY_RESULT(history);
    QCOMPARE(statusCodes(history.value()),
             QStringList({QStringLiteral("dispatched"), QStringLiteral("en_route")}));
}

void TestStoreUnits::staleVersionIsAConflict()
{
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    const Unit unit = availableUnit(QStringLiteral("CRT-1"));
    QVERIFY(!unit.id.isEmpty());
    const QString callId = addCall(QStringLiteral("2026-0302-0003"));

    // Two people read version 2; the first to press wins.
    auto first = m_units->changeStatus(lead, unit.id, unit.version, UnitStatus::OutOfService);
    HEARTDESK_VERIFY_RESULT(first);
    const QString after = snapshot(unit.id);
    auto second = m_units->changeStatus(peer, unit.id, unit.version, UnitStatus::OutOfService);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, StoreErrorCode::Conflict);
    QCOMPARE(m_units->dispatchToCall(m_fixture->actorFor(Role::CallCounselor), unit.id, unit.version, callId)
                 .error()
                 .code,
             StoreErrorCode::Conflict);
    QCOMPARE(
        m_units->setMembers(m_fixture->actorFor(Role::Supervisor), unit.id, unit.version, {}).error().code,
        StoreErrorCode::Conflict);
    QCOMPARE(snapshot(unit.id), after);
    QCOMPARE(
        m_units->changeStatus(lead, QStringLiteral("no-such-unit"), 1, UnitStatus::Available).error().code,
        StoreErrorCode::NotFound);
    QCOMPARE(m_units
                 ->dispatchToCall(m_fixture->actorFor(Role::CallCounselor), QStringLiteral("no-such-unit"), 1,
                                  callId)
                 .error()
                 .code,
             StoreErrorCode::NotFound);
    // With the current version it goes through.
    HEARTDESK_VERIFY_RESULT(
        m_units->changeStatus(peer, unit.id, first.value().version, UnitStatus::Available));
}

void TestStoreUnits::dispatchRules()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    const Unit unit = availableUnit(QStringLiteral("CRT-1"));
    QVERIFY(!unit.id.isEmpty());
    const QString firstCall = addCall(QStringLiteral("2026-0302-0004"));
    const QString secondCall = addCall(QStringLiteral("2026-0302-0005"));
    const QString closedCall = addCall(QStringLiteral("2026-0302-0006"));
    IntakeStore intake(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_RESULT(intake.close(counselor, closedCall, 1));

    // Out of service: not available for a call.
    auto resting = m_units->createUnit(m_fixture->actorFor(Role::Supervisor), QStringLiteral("CRT-9"),
                                       UnitKind::CommunityResponse);
    HEARTDESK_VERIFY_RESULT(resting);
    auto outOfService = m_units->dispatchToCall(counselor, resting.value().id, 1, firstCall);
    QCOMPARE(outOfService.error().code, StoreErrorCode::UnitBusy);
    QCOMPARE(outOfService.error().field, QStringLiteral("unit"));

    const QString before = snapshot(unit.id);
    auto missing = m_units->dispatchToCall(counselor, unit.id, unit.version, QStringLiteral("no-such-call"));
    QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
    auto closed = m_units->dispatchToCall(counselor, unit.id, unit.version, closedCall);
    QCOMPARE(closed.error().code, StoreErrorCode::CallClosed);
    QCOMPARE(closed.error().field, QStringLiteral("call"));
    QCOMPARE(snapshot(unit.id), before);

    auto dispatched = m_units->dispatchToCall(counselor, unit.id, unit.version, firstCall);
    HEARTDESK_VERIFY_RESULT(dispatched);
    // Busy: refused, nothing written.
    const QString busy = snapshot(unit.id);
    auto again = m_units->dispatchToCall(counselor, unit.id, dispatched.value().version, secondCall);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, StoreErrorCode::UnitBusy);
    QCOMPARE(again.error().field, QStringLiteral("unit"));
    QCOMPARE(snapshot(unit.id), busy);
    auto onScene = m_units->changeStatus(lead, unit.id, dispatched.value().version, UnitStatus::OnScene);
    HEARTDESK_VERIFY_RESULT(onScene);
    QCOMPARE(m_units->dispatchToCall(counselor, unit.id, onScene.value().version, secondCall).error().field,
             QStringLiteral("unit"));

    // Clear: straight on to the next call; each call keeps its own history.
    auto clear = m_units->changeStatus(lead, unit.id, onScene.value().version, UnitStatus::Clear);
    HEARTDESK_VERIFY_RESULT(clear);
    auto next = m_units->dispatchToCall(m_fixture->actorFor(Role::Supervisor), unit.id, clear.value().version,
                                        secondCall);
    HEARTDESK_VERIFY_RESULT(next);
    QCOMPARE(next.value().callId, secondCall);
    QCOMPARE(next.value().callCad, QStringLiteral("2026-0302-0005"));
    auto firstHistory = m_units->callHistory(lead, unit.id, firstCall);
    HEARTDESK_VERIFY_RESULT(firstHistory);
    QCOMPARE(
        statusCodes(firstHistory.value()),
        QStringList({QStringLiteral("dispatched"), QStringLiteral("on_scene"), QStringLiteral("clear")}));
    auto secondHistory = m_units->callHistory(lead, unit.id, secondCall);
    HEARTDESK_VERIFY_RESULT(secondHistory);
    QCOMPARE(statusCodes(secondHistory.value()), QStringList{QStringLiteral("dispatched")});

    // Cancelled before moving: back in service, the call let go.
    auto cancelled = m_units->changeStatus(lead, unit.id, next.value().version, UnitStatus::Available);
    HEARTDESK_VERIFY_RESULT(cancelled);
    QVERIFY(cancelled.value().callId.isEmpty());
    // The calls themselves are the intake's business: untouched.
    QCOMPARE(count(QStringLiteral("SELECT version FROM calls WHERE id = ?"), {firstCall}), 1);
}

void TestStoreUnits::rolesGetWhatTheTableGrants()
{
    const Unit unit = availableUnit(QStringLiteral("CRT-1"));
    QVERIFY(!unit.id.isEmpty());
    const QString callId = addCall(QStringLiteral("2026-0302-0007"));
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    const Actor emt = m_fixture->actorFor(Role::Emt);
    const Actor navigator = m_fixture->actorFor(Role::CareNavigator);
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);

    // A counselor cannot move a unit (only dispatch it); refused and audited.
    const QString before = snapshot(unit.id);
    auto counselorMove = m_units->changeStatus(counselor, unit.id, unit.version, UnitStatus::OutOfService);
    QCOMPARE(counselorMove.error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, counselor.userId()), 1);
    // A team lead cannot dispatch; an EMT cannot set units up.
    QCOMPARE(m_units->dispatchToCall(lead, unit.id, unit.version, callId).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(m_units->createUnit(emt, QStringLiteral("CRT-7"), UnitKind::CommunityResponse).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(m_units->setMembers(emt, unit.id, unit.version, {}).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, emt.userId()), 2);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, lead.userId()), 1);
    // A care navigator does not see the board.
    QCOMPARE(m_units->board(navigator).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_units->unit(navigator, unit.id).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_units->callHistory(navigator, unit.id, callId).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, navigator.userId()), 3);
    // Nor does an administrator.
    QCOMPARE(m_units->board(m_fixture->administrator()).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(snapshot(unit.id), before);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM units")), 1);

    // Every role the table lets read the board reads it.
    for (const Role role : kAllRoles) {
        const bool reads = permits(role, Action::ViewUnitCalls) || permits(role, Action::ViewCallQueue);
        if (role == Role::Administrator)
            continue; // made by the fixture, not by actorFor
        QCOMPARE(m_units->board(m_fixture->actorFor(role)).ok(), reads);
    }

    // A peer support specialist and an EMT move the unit.
    auto peerMove = m_units->changeStatus(peer, unit.id, unit.version, UnitStatus::OutOfService);
    HEARTDESK_VERIFY_RESULT(peerMove);
    auto emtMove = m_units->changeStatus(emt, unit.id, peerMove.value().version, UnitStatus::Available);
    HEARTDESK_VERIFY_RESULT(emtMove);
    // A counselor dispatches; a Co-Response clinician moves.
    auto dispatched = m_units->dispatchToCall(counselor, unit.id, emtMove.value().version, callId);
    HEARTDESK_VERIFY_RESULT(dispatched);
    HEARTDESK_VERIFY_RESULT(m_units->changeStatus(m_fixture->actorFor(Role::CoResponseClinician), unit.id,
                                                  dispatched.value().version, UnitStatus::EnRoute));
}

void TestStoreUnits::changesAreAuditedWithoutPersonData()
{
    const Actor supervisor = m_fixture->actorFor(Role::Supervisor);
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    const QString clinician = addStaff("Rosalind Okafor", roster::ResponderRole::Clinician);
    const QString peerStaff = addStaff("Jamal Whitaker", roster::ResponderRole::PeerSupport);
    const QString callId = addCall(QStringLiteral("2026-0302-0008"));
    QVERIFY(!clinician.isEmpty() && !peerStaff.isEmpty() && !callId.isEmpty());
    const int auditBefore = count(QStringLiteral("SELECT MAX(seq) FROM audit_log"));

    auto created = m_units->createUnit(supervisor, QStringLiteral("CRT-3"), UnitKind::CommunityResponse);
    HEARTDESK_VERIFY_RESULT(created);
    const QString id = created.value().id;
    auto manned = m_units->setMembers(supervisor, id, 1, {clinician, peerStaff});
    HEARTDESK_VERIFY_RESULT(manned);
    auto available = m_units->changeStatus(lead, id, manned.value().version, UnitStatus::Available);
    HEARTDESK_VERIFY_RESULT(available);
    auto dispatched = m_units->dispatchToCall(counselor, id, available.value().version, callId);
    HEARTDESK_VERIFY_RESULT(dispatched);
    auto onScene = m_units->changeStatus(lead, id, dispatched.value().version, UnitStatus::OnScene);
    HEARTDESK_VERIFY_RESULT(onScene);
    // Refusals of the rules write no audit row (refusals of a role do, as permission_denied).
    QVERIFY(!m_units->changeStatus(lead, id, onScene.value().version, UnitStatus::EnRoute).ok());
    HEARTDESK_VERIFY_RESULT(m_units->board(counselor));

    const test::RawResult rows = m_fixture->sql(
        QStringLiteral("SELECT user_id, role, workstation, action, record_type, record_id FROM audit_log "
                       "WHERE seq > ? ORDER BY seq"),
        {auditBefore});
    QVERIFY2(rows.ok, qPrintable(rows.error));
    const QList<QStringList> expected = {
        {supervisor.userId(), QStringLiteral("supervisor"), audit::Create},
        {supervisor.userId(), QStringLiteral("supervisor"), audit::Update},
        {lead.userId(), QStringLiteral("crt_team_lead"), audit::StatusChange},
        {counselor.userId(), QStringLiteral("call_counselor"), audit::Dispatch},
        {lead.userId(), QStringLiteral("crt_team_lead"), audit::StatusChange},
    };
    QCOMPARE(rows.rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QVariantList& row = rows.rows.at(i);
        QCOMPARE(row.at(0).toString(), expected[i][0]);
        QCOMPARE(row.at(1).toString(), expected[i][1]);
        QCOMPARE(row.at(2).toString(), TestDatabase::workstation());
        QCOMPARE(row.at(3).toString(), expected[i][2]);
        QCOMPARE(row.at(4).toString(), QStringLiteral("unit"));
        QCOMPARE(row.at(5).toString(), id); // the unit, never the call, its people or its CAD number
    }
    // No name, no CAD number, no caller in the audit trail or the unit tables; nothing in the log.
    const QStringList secrets = {
        QStringLiteral("Rosalind"),       QStringLiteral("Whitaker"), kCallerName, kPersonName,
        QStringLiteral("2026-0302-0008"), QStringLiteral("slept")};
    for (const QString& table : {QStringLiteral("audit_log"), QStringLiteral("units"),
                                 QStringLiteral("unit_members"), QStringLiteral("unit_status_events")}) {
        const test::RawResult all = m_fixture->sql(QStringLiteral("SELECT * FROM ") + table);
        QVERIFY2(all.ok, qPrintable(all.error));
        for (const QVariantList& row : all.rows) {
            for (const QVariant& value : row) {
                for (const QString& secret : secrets)
                    QVERIFY2(!value.toString().contains(secret, Qt::CaseInsensitive),
                             qPrintable(table + QStringLiteral(" holds ") + secret));
            }
        }
    }
    for (const QString& line : std::as_const(g_log)) {
        for (const QString& secret : secrets)
            QVERIFY2(!line.contains(secret, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("log: ") + secret));
    }
    QVERIFY(m_fixture->columnsContaining(QStringLiteral("Rosalind")).isEmpty());
}

HEART_TEST_GUILESS_MAIN(TestStoreUnits)
#include "tst_store_units.moc"
