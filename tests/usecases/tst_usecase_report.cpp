// The supervisor's report on both engines, from calls written through the
// normal write path (intake, dispatch, unit statuses, the signed encounter
// note, the follow-up outcome): the numbers below were worked out by hand
// from the fixture (the comments say how) and must come out of the store's
// rows and the core's metrics; reading the report is one audited aggregate
// read; the drill-down is refused to a counselor and audited for a supervisor.
#include "common/ReportCompare.h"
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/routing/RuleSetJson.h"
#include "store/IntakeStore.h"
#include "store/ReportRows.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"
#include "usecases/EncounterUseCases.h"
#include "usecases/FollowUpUseCases.h"
#include "usecases/ReportUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using namespace std::chrono;
using heart::test::TestDatabase;
using units::UnitStatus;

namespace {

// As in tests/core/tst_core_report.cpp: CCD for welfare checks and crises
// anywhere, always; CRT for the same without a weapon, in beats 311 and
// 312, 09:00-21:00.
const char* kRules = R"({"format": "heartdesk-rules/1", "id": "test-2026", "name": "Test rules",
  "effectiveFrom": "2026-01-01", "timeZone": "EST5EDT,M3.2.0,M11.1.0",
  "callTypes": [{"code": "welfare-check", "name": "Welfare Check"},
                {"code": "mental-health-crisis", "name": "Mental Health Crisis"},
                {"code": "assault", "name": "Assault"}],
  "programs": {
    "ccd": {"callTypes": ["welfare-check", "mental-health-crisis"], "serviceArea": "anywhere", "hours": "always"},
    "crt": {"callTypes": ["welfare-check", "mental-health-crisis"], "excludeWhen": ["weapon"],
            "serviceArea": {"beats": ["311", "312"]},
            "hours": {"mon": ["09:00-21:00"], "tue": ["09:00-21:00"], "wed": ["09:00-21:00"], "thu": ["09:00-21:00"],
                      "fri": ["09:00-21:00"], "sat": ["09:00-21:00"], "sun": ["09:00-21:00"]}}
  }})";

std::shared_ptr<const routing::Router> testRouter()
{
    auto set = routing::parseRuleSet(kRules, "test-2026.json");
    if (!set)
        qFatal("rules: %s", set.error().toString().c_str());
    routing::RuleBook book;
    if (!book.add(set.value()))
        qFatal("cannot add the rules");
    return std::make_shared<const routing::Router>(book);
}

// October 2026 is EDT: UTC = local + 4 h.
QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

encounter::EncounterNote note(encounter::EncounterDisposition disposition, bool consent)
{
    encounter::EncounterNote n;
    n.presentingConcern = "Distressed in a doorway";
    n.disposition = disposition;
    if (disposition == encounter::EncounterDisposition::Referred)
        n.referralText = "Walk-in clinic";
    n.feltSafe = true;
    n.consentToFollowUp = consent;
    if (consent) {
        n.preferredContact = encounter::ContactPreference::Phone;
        n.contactPhone = "(919) 555-0142";
    }
    return n;
}

} // namespace

class TestUseCaseReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        clock().set(toTimePoint(utc(9, 1, 12)));
        auto person =
            calls().createPerson(PersonRecord{{}, 0, QStringLiteral("Sam"), {}, {}, {}, {}, {}, {}, {}});
        HEARTDESK_VERIFY_RESULT(person);
        const QString p1 = person.value().id;
        auto unit =
            units(Role::Supervisor).createUnit(QStringLiteral("CRT-1"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(unit);
        m_unitId = unit.value().id;
        QVERIFY(move(UnitStatus::Available));

        // u1 Mon 5 Oct 10:00 local, welfare check in 311: CRT. Dispatched
        // 10:05, on scene 720 s later, clear 2400 s after that; referred
        // (free text), consented: the follow-up is reached 20 h after signing.
        const QString u1 =
            take(QStringLiteral("R-1"), utc(10, 5, 14), "welfare-check", "311", "crt_dispatch", p1);
        QVERIFY(!u1.isEmpty());
        QVERIFY(
            respond(u1, utc(10, 5, 14, 5), 720, 2400, note(encounter::EncounterDisposition::Referred, true)));
        {
            const auto task = m_fixture->sql(
                QStringLiteral("SELECT id, version FROM followup_tasks WHERE call_id = ?"), {u1});
            QCOMPARE(task.rows.size(), 1);
            clock().advance(hours{20});
            auto reached = usecases::FollowUpUseCases(context(Role::CareNavigator))
                               .recordOutcome(task.rows[0][0].toString(), task.rows[0][1].toInt(),
                                              followup::Outcome::Connected, {}, QStringLiteral("Clinic"), {});
            HEARTDESK_VERIFY_RESULT(reached);
        }
        // u2 Mon 5 Oct 14:00 local, crisis in 312: CRT, 1200 s and 3600 s; resolved, no follow-up.
        const QString u2 =
            take(QStringLiteral("R-2"), utc(10, 5, 18), "mental-health-crisis", "312", "crt_dispatch", p1);
        QVERIFY(respond(u2, utc(10, 5, 18, 2), 1200, 3600,
                        note(encounter::EncounterDisposition::ResolvedOnScene, false)));
        // u3 Tue 6 Oct 22:30 local in 311: after CRT's hours, resolved by phone; closed: a check-in, open.
        const QString u3 =
            take(QStringLiteral("R-3"), utc(10, 7, 2, 30), "welfare-check", "311", "diverted", p1);
        clock().set(toTimePoint(utc(10, 7, 2, 50)));
        auto opened = calls().open(u3);
        HEARTDESK_VERIFY_RESULT(opened);
        HEARTDESK_VERIFY_RESULT(calls().close(u3, opened.value().version));
        // u4 Fri 9 Oct 11:00 local in 312: CRT recommended, none free: police with a reason.
        QVERIFY(!take(QStringLiteral("R-4"), utc(10, 9, 15), "welfare-check", "312", "police_ems", p1,
                      QStringLiteral("Both CRT units were on other calls."))
                     .isEmpty());
        // u5 Mon 12 Oct 09:30 local, assault in 311: police (p1's fifth call).
        QVERIFY(
            !take(QStringLiteral("R-5"), utc(10, 12, 13, 30), "assault", "311", "police_ems", p1).isEmpty());
        // u6 Wed 30 Sep 23:30 local (1 Oct 03:30 UTC): September's.
        m_september = take(QStringLiteral("R-6"), utc(10, 1, 3, 30), "welfare-check", "311", "diverted", {});
        m_noUnit = u4ID();
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void theNumbersWorkedOutByHand()
    {
        const int readsBefore = m_fixture->auditCount(audit::ReportRead);
        usecases::ReportUseCases reports(context(Role::Supervisor), testRouter());
        auto got = reports.report({report::monthPeriod(year{2026} / October), {}});
        HEARTDESK_VERIFY_RESULT(got);
        const report::Report& r = got.value().current;
        QCOMPARE(r.calls, std::size_t(5)); // u1-u5
        QCOMPARE(r.byProgram.at("crt", "calls"), 2LL);
        QCOMPARE(r.byProgram.at("ccd", "calls"), 1LL);
        QCOMPARE(r.byProgram.at("police-ems", "calls"), 2LL);
        QCOMPARE(r.byBeat.at("311", "calls"), 3LL);
        QCOMPARE(r.byHourOfWeek.at("tue", "22"), 1LL); // u3 in local time
        // CCD: u1-u4 eligible; answered u3; missed u1 u2 (CRT went), u4 (police).
        QCOMPARE(r.eligibility.at("ccd", "answered"), 1LL);
        QCOMPARE(r.missedByReason.at("ccd", "other_program"), 2LL);
        QCOMPARE(r.missedByReason.at("ccd", "police_ems_took"), 1LL);
        // CRT: u1-u4 eligible; answered u1 u2; missed u3 (hours), u4 (no unit).
        QCOMPARE(r.eligibility.at("crt", "answered"), 2LL);
        QCOMPARE(r.missedByReason.at("crt", "outside_hours"), 1LL);
        QCOMPARE(r.missedByReason.at("crt", "no_unit_available"), 1LL);
        QCOMPARE(*r.shareAnswered(routing::Program::CommunityResponse), 0.5);
        // Dispatch to arrival 720, 1200: median 960, 90th 720 + 0.9 * 480 = 1152.
        QCOMPARE(*r.dispatchToArrival[0].median, 960.0);
        QCOMPARE(*r.dispatchToArrival[0].p90, 1152.0);
        // On scene 2400, 3600: median 3000, 90th 3480.
        QCOMPARE(*r.onSceneTime[0].median, 3000.0);
        QCOMPARE(*r.onSceneTime[0].p90, 3480.0);
        QCOMPARE(r.feltSafe.at("yes", "crt"), 2LL);
        QCOMPARE(r.encounterOutcomes.at("referred", "crt"), 1LL);
        QCOMPARE(r.encounterOutcomes.at("resolved_on_scene", "crt"), 1LL);
        QCOMPARE(r.referrals.at("unlisted", "referrals"), 1LL);
        QCOMPARE(r.followUps.at("follow_up", "within_48h"), 1LL);
        QCOMPARE(r.followUps.at("check_in", "open"), 1LL);
        QCOMPARE(r.followUpOutcomes.at("follow_up", "connected"), 1LL);
        QCOMPARE(r.repeatPeople.total(), 1LL); // p1: u1-u5
        QCOMPARE(r.diversions.at("diverted", "calls"), 1LL);
        // September: u6 alone.
        QCOMPARE(got.value().previous.calls, std::size_t(1));
        QCOMPARE(got.value().ruleSets, std::vector<std::string>{"test-2026"});
        QCOMPARE(m_fixture->auditCount(audit::ReportRead), readsBefore + 1);
    }

    void theProgramFilter()
    {
        usecases::ReportUseCases reports(context(Role::Supervisor), testRouter());
        auto got =
            reports.report({report::monthPeriod(year{2026} / October), routing::Program::CommunityResponse});
        HEARTDESK_VERIFY_RESULT(got);
        QCOMPARE(got.value().current.calls, std::size_t(2));
        QCOMPARE(got.value().current.eligibility.rows, std::vector<std::string>{"crt"});
        QCOMPARE(got.value().current.repeatPeople.total(), 0LL);
    }

    // The report is aggregated in SQL (the calls grouped by what the routing
    // engine reads and by time class, counted per hour and per person; one
    // row per call only for unit times, notes and follow-ups): it must give
    // exactly what one row per call gives, with and without a program.
    void theAggregatedReadGivesWhatOneRowPerCallGives()
    {
        const auto router = testRouter();
        const report::Period october = report::monthPeriod(year{2026} / October);
        const report::Period september = report::previousPeriod(october);
        for (const std::optional<routing::Program> program :
             {std::optional<routing::Program>{}, std::optional{routing::Program::CommunityResponse},
              std::optional{routing::Program::CrisisCallDiversion},
              std::optional{routing::Program::PoliceEms}}) {
            auto got = usecases::ReportUseCases(context(Role::Supervisor), router).report({october, program});
            HEARTDESK_VERIFY_RESULT(got);
            const roster::TimeZoneRule& zone = got.value().zone;
            auto rows = ReportRowStore(db(), clock())
                            .rows(context(Role::Supervisor).actor, report::utcRange(september, zone).from,
                                  report::utcRange(october, zone).to, QStringLiteral("test"), false);
            HEARTDESK_VERIFY_RESULT(rows);
            report::judgeEligibility(rows.value(), *router);
            report::ReportOptions options;
            options.program = program;
            QCOMPARE(test::reportDifference(got.value().current,
                                            report::computeReport(rows.value(), october, zone, options)),
                     std::string());
            QCOMPARE(test::reportDifference(got.value().previous,
                                            report::computeReport(rows.value(), september, zone, options)),
                     std::string());
        }
    }

    // PostgreSQL reads the report in a transaction of its own, with room to
    // hash its groups in memory and no JIT (store/ReportRows.cpp): set for
    // that transaction alone, so the workstation's other queries keep the
    // server's settings, and no transaction is left open behind it.
    void theReadsSettingsEndWithTheRead()
    {
        const auto setting = [&](const char* name) {
            if (m_fixture->isSqlite())
                return QStringLiteral("(none)");
            const auto r =
                m_fixture->sql(QStringLiteral("SELECT current_setting('%1')").arg(QLatin1String(name)));
            return r.ok ? r.rows.at(0).at(0).toString() : r.error;
        };
        const QString workMem = setting("work_mem"), jit = setting("jit");
        QVERIFY(workMem != QLatin1String("32MB"));
        auto got = usecases::ReportUseCases(context(Role::Supervisor), testRouter())
                       .report({report::monthPeriod(year{2026} / October), {}});
        HEARTDESK_VERIFY_RESULT(got);
        QCOMPARE(got.value().current.calls, std::size_t(5));
        QCOMPARE(db().transactionDepth(), 0);
        QCOMPARE(setting("work_mem"), workMem);
        QCOMPARE(setting("jit"), jit);
    }

    void drillDownIsCheckedAndAudited()
    {
        const report::Period october = report::monthPeriod(year{2026} / October);
        const int before = m_fixture->auditCount(audit::DrillDown);
        auto ids = usecases::ReportUseCases(context(Role::Supervisor), testRouter())
                       .drillDown({october, {}}, QStringLiteral("missed_by_reason"), QStringLiteral("crt"),
                                  QStringLiteral("no_unit_available"));
        HEARTDESK_VERIFY_RESULT(ids);
        QCOMPARE(ids.value(), QStringList{m_noUnit});
        QCOMPARE(m_fixture->auditCount(audit::DrillDown), before + 1);
        // The administrator may too; a counselor may not (and that is audited).
        HEARTDESK_VERIFY_RESULT(usecases::ReportUseCases(context(Role::Administrator), testRouter())
                                    .drillDown({october, {}}, QStringLiteral("calls_by_beat"),
                                               QStringLiteral("311"), QStringLiteral("calls")));
        const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
        const int denied = m_fixture->auditCount(audit::PermissionDenied, counselor.userId());
        auto refused = usecases::ReportUseCases(context(Role::CallCounselor), testRouter())
                           .drillDown({october, {}}, QStringLiteral("calls_by_beat"), QStringLiteral("311"),
                                      QStringLiteral("calls"));
        QCOMPARE(refused.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, counselor.userId()), denied + 1);
        // Nor does a counselor read the report.
        QCOMPARE(usecases::ReportUseCases(context(Role::CallCounselor), testRouter())
                     .report({october, {}})
                     .error()
                     .code,
                 StoreErrorCode::PermissionDenied);
        // The audit rows name the period and the cell, never a call.
        const auto rows = m_fixture->sql(QStringLiteral("SELECT record_id FROM audit_log WHERE action = ?"),
                                         {audit::DrillDown});
        for (const QVariantList& row : rows.rows)
            QVERIFY2(!row[0].toString().contains(m_noUnit), qPrintable(row[0].toString()));
    }

    void liveRefreshIsNotAuditedAgainButExportIs()
    {
        // issue 16: the window's live refresh reads again on every change in
        // the journal; only opening or choosing a period writes "report_read".
        const report::Period october = report::monthPeriod(year{2026} / October);
        usecases::ReportUseCases reports(context(Role::Supervisor), testRouter());
        const int reads = m_fixture->auditCount(audit::ReportRead);
        usecases::ReportRequest refresh{october, {}};
        refresh.automaticRefresh = true;
        auto refreshed = reports.report(refresh);
        HEARTDESK_VERIFY_RESULT(refreshed);
        QCOMPARE(refreshed.value().current.calls, std::size_t(5)); // the same report
        QCOMPARE(m_fixture->auditCount(audit::ReportRead), reads);
        HEARTDESK_VERIFY_RESULT(reports.report({october, {}}));
        QCOMPARE(m_fixture->auditCount(audit::ReportRead), reads + 1);
        // A refresh still needs the permission.
        refresh.automaticRefresh = true;
        QCOMPARE(
            usecases::ReportUseCases(context(Role::CallCounselor), testRouter()).report(refresh).error().code,
            StoreErrorCode::PermissionDenied);

        // A CSV export is audited: the period, the table, public or not; no number, no call.
        const int exports = m_fixture->auditCount(audit::ReportExport);
        HEARTDESK_VERIFY_OK(reports.recordExport({october, {}}, QStringLiteral("missed_by_reason"), true));
        HEARTDESK_VERIFY_OK(reports.recordExport({october, routing::Program::CommunityResponse},
                                                 QStringLiteral("calls_by_beat"), false));
        QCOMPARE(m_fixture->auditCount(audit::ReportExport), exports + 2);
        const auto rows =
            m_fixture->sql(QStringLiteral("SELECT record_id FROM audit_log WHERE action = ? ORDER BY seq"),
                           {audit::ReportExport});
        QVERIFY2(rows.ok, qPrintable(rows.error));
        QCOMPARE(rows.rows.value(rows.rows.size() - 2).value(0).toString(),
                 QStringLiteral("2026-10/missed_by_reason public"));
        QCOMPARE(rows.rows.value(rows.rows.size() - 1).value(0).toString(),
                 QStringLiteral("2026-10 crt/calls_by_beat"));
        QCOMPARE(usecases::ReportUseCases(context(Role::CallCounselor), testRouter())
                     .recordExport({october, {}}, QStringLiteral("calls_by_beat"), false)
                     .code,
                 StoreErrorCode::PermissionDenied);
    }

    void everyRoleAsThePermissionTableSays()
    {
        const TimePoint from = toTimePoint(utc(10, 1, 4)), to = toTimePoint(utc(11, 1, 4));
        ReportRowStore store(db(), clock());
        for (Role role : kAllRoles) {
            const Actor actor = m_fixture->actorFor(role);
            const auto rows = store.rows(actor, from, to, QStringLiteral("2026-10"));
            QVERIFY2(rows.ok() == permits(role, Action::ViewReports), roleCode(role).data());
            if (rows.ok())
                QCOMPARE(rows.value().size(), std::size_t(5));
            else
                QCOMPARE(rows.error().code, StoreErrorCode::PermissionDenied);
            const auto drill =
                store.drillDownRows(actor, from, to, QStringLiteral("2026-10 calls_by_beat/311/calls"));
            QVERIFY2(drill.ok() == permits(role, Action::DrillDownReports), roleCode(role).data());
        }
    }

private:
    Database& db() { return m_fixture->db(); }
    ManualClock& clock() { return m_fixture->clock(); }
    usecases::Context context(Role role) { return {db(), clock(), m_fixture->actorFor(role)}; }
    usecases::CallUseCases calls() { return usecases::CallUseCases(context(Role::CallCounselor)); }
    usecases::UnitUseCases units(Role role) { return usecases::UnitUseCases(context(role)); }

    QString u4ID()
    {
        const auto r = m_fixture->sql(QStringLiteral("SELECT id FROM calls WHERE cad_number = 'R-4'"));
        return r.rows.isEmpty() ? QString() : r.rows[0][0].toString();
    }

    // A call as the counselor saves it, decided: recommended CCD then CRT
    // (police alone for an assault).
    QString take(const QString& cad, const QDateTime& received, const char* type, const char* beat,
                 const char* disposition, const QString& personId, const QString& overrideReason = {})
    {
        clock().set(toTimePoint(received.addSecs(60)));
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = received;
        call.callType = QString::fromUtf8(type);
        call.beat = QString::fromUtf8(beat);
        call.beatSource = QStringLiteral("given");
        call.personId = personId;
        call.ruleSetId = QStringLiteral("test-2026");
        call.recommended = QString::fromUtf8(type) == QStringLiteral("assault")
                               ? QStringList{QStringLiteral("police-ems")}
                               : QStringList{QStringLiteral("ccd"), QStringLiteral("crt")};
        call.disposition = QString::fromUtf8(disposition);
        call.program = QString::fromStdString(std::string(routing::programCode(routing::handlingProgram(
                                                  *routing::dispositionFromCode(disposition)))))
                           .replace(u'-', u'_');
        call.overrideReason = overrideReason;
        auto saved = calls().save(call);
        if (!saved.ok())
            qWarning("save %s: %s", qPrintable(cad), qPrintable(saved.error().detail));
        return saved.ok() ? saved.value().id : QString();
    }

    bool move(UnitStatus to)
    {
        auto unit = units(Role::CrtTeamLead).unit(m_unitId);
        if (!unit.ok())
            return false;
        auto moved = units(Role::CrtTeamLead).changeStatus(m_unitId, unit.value().version, to);
        if (!moved.ok())
            qWarning("unit to %s: %s", units::unitStatusCode(to).data(), qPrintable(moved.error().detail));
        return moved.ok();
    }

    // Dispatch at `dispatched`, on scene `toArrival` s later, clear `onScene`
    // s after that, back in service; the lead's note, signed.
    bool respond(const QString& callId, const QDateTime& dispatched, int toArrival, int onScene,
                 const encounter::EncounterNote& written)
    {
        clock().set(toTimePoint(dispatched));
        auto call = calls().open(callId);
        auto unit = calls().unit(m_unitId);
        if (!call.ok() || !unit.ok())
            return false;
        auto sent = calls().dispatch(callId, call.value().version, m_unitId, unit.value().version,
                                     QStringLiteral("CRT-1"));
        if (!sent.ok()) {
            qWarning("dispatch: %s", qPrintable(sent.error().detail));
            return false;
        }
        clock().advance(seconds{60});
        if (!move(UnitStatus::EnRoute))
            return false;
        clock().set(toTimePoint(dispatched) + seconds{toArrival});
        if (!move(UnitStatus::OnScene))
            return false;
        clock().advance(seconds{onScene});
        if (!move(UnitStatus::Clear) || !move(UnitStatus::Available))
            return false;
        usecases::EncounterUseCases lead(context(Role::CrtTeamLead));
        auto opened = lead.openOrCreate(callId, m_unitId);
        if (!opened.ok())
            return false;
        auto noted = lead.writeNote(opened.value().id, opened.value().version, written);
        if (!noted.ok()) {
            qWarning("note: %s", qPrintable(noted.error().detail));
            return false;
        }
        auto signedNote = lead.sign(noted.value().id, noted.value().version, TestDatabase::userPassword());
        if (!signedNote.ok())
            qWarning("sign: %s", qPrintable(signedNote.error().detail));
        return signedNote.ok();
    }

    std::unique_ptr<TestDatabase> m_fixture;
    QString m_unitId;
    QString m_september;
    QString m_noUnit;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseReport)
#include "tst_usecase_report.moc"
