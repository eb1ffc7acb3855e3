// Calls from the CAD at the use cases, on both engines: a new incident is an
// open call nobody has taken, with every CAD value mapped; the same message
// again writes nothing, an older one is ignored; before a counselor takes the
// call a later message rewrites it, afterwards it waits as differences that
// are accepted or dismissed; a call typed in by hand under the CAD number is
// linked, not doubled; decisions, dispatch, unit statuses and the close go
// into the outbox once each, in order, until delivered; every step is audited.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/cad/CadDifferences.h"
#include "store/CallStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"
#include "usecases/CadUseCases.h"
#include "usecases/CallUseCases.h"

#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

namespace {

cad::CadIncident incident(const std::string& number, TimePoint updatedAt)
{
    cad::CadIncident i;
    i.incidentId = "urn:emergency:uid:incidentid:" + number + ":cad.example";
    i.cadNumber = number;
    i.updatedAt = updatedAt;
    i.receivedAt = updatedAt - 2min;
    i.natureCode = "MENT";
    i.natureText = "Mental Health Crisis";
    i.address = "120 Main St, Durham, NC";
    i.latitude = 35.994;
    i.longitude = -78.899;
    i.callerName = "Ana Ruiz";
    i.callerPhone = "+19195550101";
    i.callerRelationship = "family";
    i.personName = "Luis Ruiz";
    i.personAge = 34;
    i.language = "es";
    i.interpreter = true;
    i.flags = {"weapon"};
    i.cautions = {"Has a knife"};
    i.notes = "Caller worried about her brother";
    return i;
}

usecases::CadMapping mapping()
{
    usecases::CadMapping m;
    m.callTypeOf = [](const cad::CadIncident& i) {
        return i.natureCode == "MENT" ? std::string("mental-health-crisis") : std::string();
    };
    return m; // no beat map: the position stays, no beat
}

int count(TestDatabase& f, const QString& sql, const QVariantList& values = {})
{
    const auto result = f.sql(sql, values);
    return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
}

} // namespace

class TestStoreCad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_f);
        m_link.emplace(m_f->newActor(QStringLiteral("cad-link"), {Role::CallCounselor}));
        m_counselor.emplace(m_f->actorFor(Role::CallCounselor));
    }
    void cleanup() { m_f.reset(); }

    void newIncidentIsAnUntakenCallWithEverythingMapped()
    {
        usecases::CadUseCases cad(context(*m_link));
        auto receipt = cad.receive(incident("C-1", m_f->clock().now()), mapping());
        QVERIFY2(receipt.ok(), qPrintable(receipt.error().detail));
        QCOMPARE(receipt.value().outcome, usecases::CadUseCases::Outcome::Created);
        auto call = usecases::CallUseCases(context(*m_counselor)).open(receipt.value().callId);
        QVERIFY(call.ok());
        QCOMPARE(call.value().cadNumber, QStringLiteral("C-1"));
        QCOMPARE(call.value().callType, QStringLiteral("mental-health-crisis"));
        QCOMPARE(call.value().address, QStringLiteral("120 Main St, Durham, NC"));
        QCOMPARE(call.value().latitude.value_or(0), 35.994);
        QCOMPARE(call.value().callerName, QStringLiteral("Ana Ruiz"));
        QCOMPARE(call.value().callerPhone, QStringLiteral("+19195550101"));
        QCOMPARE(call.value().callerRelationship, QStringLiteral("family"));
        QCOMPARE(call.value().personName, QStringLiteral("Luis Ruiz"));
        QCOMPARE(call.value().personAge.value_or(0), 34);
        QCOMPARE(call.value().language, QStringLiteral("es"));
        QVERIFY(call.value().interpreter);
        QCOMPARE(call.value().flags, QStringList{QStringLiteral("weapon")});
        QVERIFY(call.value().narrative.contains(QStringLiteral("worried about her brother")));
        QVERIFY(call.value().narrative.contains(QStringLiteral("Has a knife")));
        QCOMPARE(call.value().receivedAt, toDateTime(m_f->clock().now() - 2min));
        // In the queue, as nobody's yet.
        auto queue = usecases::CallUseCases(context(*m_counselor)).queue();
        QVERIFY(queue.ok());
        QCOMPARE(queue.value().size(), 1);
        QCOMPARE(queue.value().first().cadState, QStringLiteral("new"));
        // Audited as the link's, and in the journal for every workstation.
        QCOMPARE(
            count(*m_f,
                  QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cad_in' AND user_id = ?"),
                  {m_link->userId()}),
            1);
        QCOMPARE(
            count(*m_f, QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE record_type = 'call'")), 1);
    }

    void sameMessageTwiceWritesNothingAndOlderIsIgnored()
    {
        usecases::CadUseCases cad(context(*m_link));
        const TimePoint t = m_f->clock().now();
        QVERIFY(cad.receive(incident("C-2", t), mapping()).ok());
        const int audit = count(*m_f, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        const int journal = count(*m_f, QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        auto again = cad.receive(incident("C-2", t), mapping());
        QVERIFY(again.ok());
        QCOMPARE(again.value().outcome, usecases::CadUseCases::Outcome::Duplicate);
        cad::CadIncident older = incident("C-2", t - 1min);
        older.address = "somewhere older";
        auto stale = cad.receive(older, mapping());
        QVERIFY(stale.ok());
        QCOMPARE(stale.value().outcome, usecases::CadUseCases::Outcome::Stale);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM change_journal")), journal);
        auto call = usecases::CallUseCases(context(*m_counselor)).open(again.value().callId);
        QCOMPARE(call.value().address, QStringLiteral("120 Main St, Durham, NC"));
    }

    void laterMessageRewritesAnUntakenCall()
    {
        usecases::CadUseCases cad(context(*m_link));
        const TimePoint t = m_f->clock().now();
        QVERIFY(cad.receive(incident("C-3", t), mapping()).ok());
        cad::CadIncident later = incident("C-3", t + 30s);
        later.address = "122 Main St, Durham, NC";
        later.flags = {"weapon", "intoxication"};
        auto receipt = cad.receive(later, mapping());
        QVERIFY(receipt.ok());
        QCOMPARE(receipt.value().outcome, usecases::CadUseCases::Outcome::Updated);
        auto call = usecases::CallUseCases(context(*m_counselor)).open(receipt.value().callId);
        QCOMPARE(call.value().address, QStringLiteral("122 Main St, Durham, NC"));
        QCOMPARE(call.value().flags.size(), 2);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
    }

    void takenCallKeepsWhatTheCounselorTypedAndShowsDifferences()
    {
        usecases::CadUseCases link(context(*m_link));
        const TimePoint t = m_f->clock().now();
        auto created = link.receive(incident("C-4", t), mapping());
        QVERIFY(created.ok());
        const QString callId = created.value().callId;
        usecases::CadUseCases counselor(context(*m_counselor));
        auto taken = counselor.take(callId);
        QVERIFY(taken.ok());
        QVERIFY(taken.value());
        QVERIFY(!counselor.take(callId).value()); // once
        // The counselor corrects the address and saves.
        usecases::CallUseCases calls(context(*m_counselor));
        CallRecord call = calls.open(callId).value();
        QCOMPARE(call.counselorId, m_counselor->userId());
        call.address = QStringLiteral("120 Main St, apartment 4, Durham, NC");
        QVERIFY(calls.save(call).ok());
        // The CAD changes the address and the callback number.
        cad::CadIncident later = incident("C-4", t + 1min);
        later.address = "130 Main St, Durham, NC";
        later.callerPhone = "+19195550199";
        auto held = link.receive(later, mapping());
        QVERIFY(held.ok());
        QCOMPARE(held.value().outcome, usecases::CadUseCases::Outcome::Held);
        QCOMPARE(calls.open(callId).value().address, QStringLiteral("120 Main St, apartment 4, Durham, NC"));
        auto row = counselor.incidentOfCall(callId);
        QVERIFY(row.ok() && row.value());
        const auto fields = cad::changedFields(row.value()->baseline, row.value()->snapshot);
        QCOMPARE(fields, (std::vector<cad::CadField>{cad::CadField::Address, cad::CadField::CallerPhone}));
        QCOMPARE(calls.queue().value().first().cadState, QStringLiteral("update"));
        // A stale version is refused; the current one settles it.
        QCOMPARE(counselor.settleDifferences(callId, row.value()->version - 1, true).code,
                 StoreErrorCode::Conflict);
        HEARTDESK_VERIFY_OK(counselor.settleDifferences(callId, row.value()->version, true));
        auto settled = counselor.incidentOfCall(callId);
        QVERIFY(cad::changedFields(settled.value()->baseline, settled.value()->snapshot).empty());
        QCOMPARE(calls.queue().value().first().cadState, QStringLiteral("taken"));
        QCOMPARE(
            count(*m_f,
                  QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN ('cad_take', 'cad_accept') "
                                 "AND user_id = ?"),
                  {m_counselor->userId()}),
            2);
    }

    void callTypedByHandUnderTheCadNumberIsLinkedNotDoubled()
    {
        usecases::CallUseCases calls(context(*m_counselor));
        CallRecord typed;
        typed.cadNumber = QStringLiteral("C-5");
        typed.receivedAt = toDateTime(m_f->clock().now());
        typed.address = QStringLiteral("typed by the counselor");
        auto saved = calls.save(typed);
        QVERIFY(saved.ok());
        auto receipt =
            usecases::CadUseCases(context(*m_link)).receive(incident("C-5", m_f->clock().now()), mapping());
        QVERIFY(receipt.ok());
        QCOMPARE(receipt.value().callId, saved.value().id);
        QCOMPARE(receipt.value().outcome, usecases::CadUseCases::Outcome::Held);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
        QCOMPARE(calls.open(saved.value().id).value().address, QStringLiteral("typed by the counselor"));
        QCOMPARE(calls.queue().value().first().cadState, QStringLiteral("update"));
    }

    void decisionsDispatchStatusAndCloseGoOutOnceEachInOrder()
    {
        usecases::CadUseCases link(context(*m_link));
        usecases::CadIdentity identity;
        QVERIFY(link.collectOutbound(identity).ok()); // starts at the journal's head
        auto created = link.receive(incident("C-6", m_f->clock().now()), mapping());
        QVERIFY(created.ok());
        const QString callId = created.value().callId;
        QCOMPARE(link.collectOutbound(identity).value(), 0); // nothing decided yet
        usecases::CadUseCases(context(*m_counselor)).take(callId);
        usecases::CallUseCases calls(context(*m_counselor));
        CallRecord call = calls.open(callId).value();
        call.program = QStringLiteral("crt");
        call.disposition = QStringLiteral("crt_dispatch");
        call = calls.save(call).value();
        QCOMPARE(link.collectOutbound(identity).value(), 1);
        call.narrative += QStringLiteral(" more words"); // nothing the CAD is told about
        call = calls.save(call).value();
        QCOMPARE(link.collectOutbound(identity).value(), 0);
        // Dispatch a unit, then the team moves it.
        Actor lead = m_f->actorFor(Role::CrtTeamLead);
        auto unit = UnitStore(m_f->db(), m_f->clock())
                        .createUnit(m_f->actorFor(Role::Supervisor), QStringLiteral("CRT-1"),
                                    units::UnitKind::CommunityResponse);
        QVERIFY(unit.ok());
        auto available =
            UnitStore(m_f->db(), m_f->clock())
                .changeStatus(lead, unit.value().id, unit.value().version, units::UnitStatus::Available);
        QVERIFY2(available.ok(), qPrintable(available.error().detail));
        auto dispatched = calls.dispatch(callId, call.version, unit.value().id, available.value().version,
                                         QStringLiteral("CRT-1"));
        QVERIFY2(dispatched.ok(), qPrintable(dispatched.error().detail));
        QCOMPARE(link.collectOutbound(identity).value(), 1);
        auto enRoute = UnitStore(m_f->db(), m_f->clock())
                           .changeStatus(lead, unit.value().id, dispatched.value().unit->version,
                                         units::UnitStatus::EnRoute);
        QVERIFY2(enRoute.ok(), qPrintable(enRoute.error().detail));
        QCOMPARE(link.collectOutbound(identity).value(), 1);
        auto pending = link.pendingOutbound();
        QVERIFY(pending.ok());
        QCOMPARE(pending.value().size(), 3);
        QVERIFY(pending.value().at(0).seq < pending.value().at(1).seq);
        QVERIFY(pending.value().at(1).body.contains(QStringLiteral("CRT-1")));
        QVERIFY(
            !pending.value().at(0).body.contains(QStringLiteral("Ana Ruiz"))); // no person's data goes back
        // Delivered ones leave the queue; the rest stay, in order.
        HEARTDESK_VERIFY_OK(link.outboundDelivered(pending.value().at(0).messageId));
        QCOMPARE(link.pendingOutboundCount().value(), 2);
        QCOMPARE(link.pendingOutbound().value().first().messageId, pending.value().at(1).messageId);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cad_out'")), 3);
    }

    void aRoleThatMayNotTakeCallsIsRefused()
    {
        usecases::CadUseCases peer(context(m_f->actorFor(Role::PeerSupport)));
        auto refused = peer.receive(incident("C-7", m_f->clock().now()), mapping());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(count(*m_f, QStringLiteral("SELECT COUNT(*) FROM calls")), 0);
    }

private:
    usecases::Context context(const Actor& actor) { return {m_f->db(), m_f->clock(), actor}; }

    std::unique_ptr<TestDatabase> m_f;
    std::optional<Actor> m_link;
    std::optional<Actor> m_counselor;
};

HEART_TEST_GUILESS_MAIN(TestStoreCad)
#include "tst_store_cad.moc"
