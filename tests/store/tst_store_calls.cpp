// CallStore and DemoDataWriter on both engines: imported calls come back
// field for field; the 911 queue lists calls not closed, highest risk first
// then oldest; unit calls, follow-up contacts and the program summary select
// and count what they promise, in the same order on both engines; a bad
// import writes nothing; the demo scenario is written whole and every demo
// login signs in with its published password.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/DemoScenario.h"
#include "core/Uuid.h"
#include "demo/DemoDataWriter.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
#include "store/StoreTime.h"

#include <QRegularExpression>
#include <QTest>
#include <algorithm>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

namespace {

// One line per call: cad, risk, status, minutes before the fixture's start.
NewCall makeCall(const QString& cad, int minutesAgo, const QString& program, const QString& disposition,
                 const QString& status, const QString& risk, const QString& beat = QStringLiteral("111"))
{
    NewCall call;
    call.cadNumber = cad;
    call.receivedAt = toDateTime(TestDatabase::startTime()).addSecs(-60 * minutesAgo);
    call.callType = QStringLiteral("Welfare Check");
    call.beat = beat;
    call.program = program;
    call.disposition = disposition;
    call.status = heart::intake::callStatusFromCode(status.toStdString()).value();
    call.riskLevel = risk;
    return call;
}

QStringList cads(const QList<CallSummary>& calls)
{
    QStringList out;
    for (const CallSummary& c : calls)
        out.append(c.cadNumber);
    return out;
}

} // namespace

class TestStoreCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void importedCallsComeBackFieldForField();
    void activeCallsHighestRiskThenOldest();
    void unitCallsNewestFirstSince();
    void recentContactsAreClosedCcdAndCrt();
    void programSummaryCounts();
    void badImportWritesNothing_data();
    void badImportWritesNothing();
    void demoScenarioIsWrittenWhole();

private:
    QStringList importAll(const QList<NewCall>& calls);
    std::unique_ptr<TestDatabase> m_fixture;
};

QStringList TestStoreCalls::importAll(const QList<NewCall>& calls)
{
    CallStore store(m_fixture->db(), m_fixture->clock());
    auto imported = store.importCalls(m_fixture->actorFor(Role::CallCounselor), {}, calls);
    if (!imported.ok())
        qFatal("import failed: %s", qPrintable(imported.error().detail));
    return imported.value();
}

void TestStoreCalls::importedCallsComeBackFieldForField()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    CallStore store(m_fixture->db(), m_fixture->clock());
    NewCall call =
        makeCall(QStringLiteral("CAD-2026-000123"), 7, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 QStringLiteral("dispatched"), QStringLiteral("moderate"), QStringLiteral("413"));
    call.callType = QStringLiteral("Mental Health Crisis");
    call.receivedAt = call.receivedAt.addMSecs(457); // milliseconds survive
    call.person = 0;
    auto imported = store.importCalls(counselor,
                                      {{QStringLiteral("Ann"), QStringLiteral("Example"), 33,
                                        QStringLiteral("es"), QStringLiteral("919-555-0100")}},
                                      {call});
    HEARTDESK_VERIFY_RESULT(imported);
    QCOMPARE(imported.value().size(), 1);
    QVERIFY(isRecordId(imported.value().at(0).toStdString()));

    auto queue = store.activeCalls(counselor);
    HEARTDESK_VERIFY_RESULT(queue);
    QCOMPARE(queue.value().size(), 1);
    const CallSummary& back = queue.value().at(0);
    QCOMPARE(back.id, imported.value().at(0));
    QCOMPARE(back.cadNumber, call.cadNumber);
    QCOMPARE(back.receivedAt, call.receivedAt);
    QCOMPARE(back.receivedAt.timeSpec(), Qt::UTC);
    QCOMPARE(back.callType, call.callType);
    QCOMPARE(back.beat, call.beat);
    QCOMPARE(back.program, call.program);
    QCOMPARE(back.disposition, call.disposition);
    QCOMPARE(back.status, call.status);
    QCOMPARE(back.riskLevel, call.riskLevel);
    // The call points at its person.
    const test::RawResult person =
        m_fixture->sql(QStringLiteral("SELECT p.given_name, p.language FROM calls c JOIN people p ON p.id = "
                                      "c.person_id WHERE c.id = ?"),
                       {back.id});
    QCOMPARE(person.rows.size(), 1);
    QCOMPARE(person.rows.at(0).at(0).toString(), QStringLiteral("Ann"));
    QCOMPARE(person.rows.at(0).at(1).toString(), QStringLiteral("es"));
}

void TestStoreCalls::activeCallsHighestRiskThenOldest()
{
    const QString open = QStringLiteral("open"), dispatched = QStringLiteral("dispatched"),
                  closed = QStringLiteral("closed");
    importAll({
        makeCall(QStringLiteral("closed-high"), 90, QStringLiteral("cor"), QStringLiteral("cor_dispatch"),
                 closed, QStringLiteral("high")),
        makeCall(QStringLiteral("none-10"), 10, {}, {}, open, QStringLiteral("none")),
        makeCall(QStringLiteral("high-5"), 5, {}, {}, open, QStringLiteral("high")),
        makeCall(QStringLiteral("high-30"), 30, QStringLiteral("cor"), QStringLiteral("cor_dispatch"),
                 dispatched, QStringLiteral("high")),
        makeCall(QStringLiteral("moderate-40"), 40, {}, {}, open, QStringLiteral("moderate")),
        makeCall(QStringLiteral("low-2"), 2, {}, {}, open, QStringLiteral("low")),
        makeCall(QStringLiteral("unassessed-60"), 60, {}, {}, open, {}),
        makeCall(QStringLiteral("moderate-20"), 20, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 dispatched, QStringLiteral("moderate")),
        // Newer than the low and none calls: an unscreened call is not a
        // low-risk call, so it still comes before them.
        makeCall(QStringLiteral("unassessed-1"), 1, {}, {}, open, {}),
    });
    CallStore store(m_fixture->db(), m_fixture->clock());
    const QStringList expected = {QStringLiteral("high-30"),       QStringLiteral("high-5"),
                                  QStringLiteral("moderate-40"),   QStringLiteral("moderate-20"),
                                  QStringLiteral("unassessed-60"), QStringLiteral("unassessed-1"),
                                  QStringLiteral("low-2"),         QStringLiteral("none-10")};
    for (Role role : {Role::CallCounselor, Role::Supervisor, Role::CoResponseClinician}) {
        auto queue = store.activeCalls(m_fixture->actorFor(role));
        HEARTDESK_VERIFY_RESULT(queue);
        QCOMPARE(cads(queue.value()), expected);
    }
}

void TestStoreCalls::unitCallsNewestFirstSince()
{
    const QString closed = QStringLiteral("closed");
    importAll({
        makeCall(QStringLiteral("crt-old"), 60 * 30, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 closed, QStringLiteral("none")),
        makeCall(QStringLiteral("crt-1h"), 60, QStringLiteral("crt"), QStringLiteral("crt_dispatch"), closed,
                 QStringLiteral("none")),
        makeCall(QStringLiteral("cor-10m"), 10, QStringLiteral("cor"), QStringLiteral("cor_dispatch"),
                 QStringLiteral("dispatched"), QStringLiteral("high")),
        makeCall(QStringLiteral("ccd-5m"), 5, QStringLiteral("ccd"), QStringLiteral("diverted"), closed,
                 QStringLiteral("low")),
        makeCall(QStringLiteral("police-3m"), 3, QStringLiteral("police_ems"), QStringLiteral("police_ems"),
                 closed, QStringLiteral("none")),
        makeCall(QStringLiteral("crt-24h"), 24 * 60, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 closed, QStringLiteral("none")),
    });
    CallStore store(m_fixture->db(), m_fixture->clock());
    const QDateTime since = toDateTime(TestDatabase::startTime()).addSecs(-24 * 3600); // inclusive
    auto board = store.unitCalls(m_fixture->actorFor(Role::CrtTeamLead), since);
    HEARTDESK_VERIFY_RESULT(board);
    QCOMPARE(cads(board.value()),
             (QStringList{QStringLiteral("cor-10m"), QStringLiteral("crt-1h"), QStringLiteral("crt-24h")}));
}

void TestStoreCalls::recentContactsAreClosedCcdAndCrt()
{
    const QString closed = QStringLiteral("closed");
    importAll({
        makeCall(QStringLiteral("ccd-diverted"), 50, QStringLiteral("ccd"), QStringLiteral("diverted"),
                 closed, {}),
        makeCall(QStringLiteral("ccd-988"), 40, QStringLiteral("ccd"), QStringLiteral("transferred_988"),
                 closed, {}),
        makeCall(QStringLiteral("ccd-declined"), 35, QStringLiteral("ccd"), QStringLiteral("declined"),
                 closed, {}),
        makeCall(QStringLiteral("crt-closed"), 30, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 closed, {}),
        // Closed before anyone recorded a disposition: still a contact to follow up.
        makeCall(QStringLiteral("ccd-undocumented"), 25, QStringLiteral("ccd"), {}, closed, {}),
        makeCall(QStringLiteral("crt-still-out"), 20, QStringLiteral("crt"), QStringLiteral("crt_dispatch"),
                 QStringLiteral("dispatched"), {}),
        makeCall(QStringLiteral("cor-closed"), 15, QStringLiteral("cor"), QStringLiteral("cor_dispatch"),
                 closed, {}),
        makeCall(QStringLiteral("police-closed"), 10, QStringLiteral("police_ems"),
                 QStringLiteral("police_ems"), closed, {}),
        makeCall(QStringLiteral("ccd-last-week"), 8 * 24 * 60, QStringLiteral("ccd"),
                 QStringLiteral("diverted"), closed, {}),
    });
    CallStore store(m_fixture->db(), m_fixture->clock());
    const QDateTime since = toDateTime(TestDatabase::startTime()).addSecs(-48 * 3600);
    auto contacts = store.recentContacts(m_fixture->actorFor(Role::CareNavigator), since);
    HEARTDESK_VERIFY_RESULT(contacts);
    QCOMPARE(cads(contacts.value()),
             (QStringList{QStringLiteral("ccd-diverted"), QStringLiteral("ccd-988"),
                          QStringLiteral("crt-closed"), QStringLiteral("ccd-undocumented")}));
}

void TestStoreCalls::programSummaryCounts()
{
    const QString closed = QStringLiteral("closed");
    QList<NewCall> calls;
    int n = 0;
    auto add = [&](const QString& program, const QString& disposition, int count, int minutesAgo) {
        for (int i = 0; i < count; ++i)
            calls.append(makeCall(QStringLiteral("S-%1").arg(++n), minutesAgo, program, disposition,
                                  program.isEmpty() ? QStringLiteral("open") : closed, {}));
    };
    add(QStringLiteral("crt"), QStringLiteral("crt_dispatch"), 4, 60);
    add(QStringLiteral("ccd"), QStringLiteral("diverted"), 3, 90);
    add(QStringLiteral("ccd"), QStringLiteral("declined"), 1, 100);
    add(QStringLiteral("police_ems"), QStringLiteral("police_ems"), 2, 30);
    add(QString(), QString(), 2, 1); // waiting for a routing decision
    add(QStringLiteral("crt"), QStringLiteral("crt_dispatch"), 5, 10 * 24 * 60); // before the window
    importAll(calls);

    CallStore store(m_fixture->db(), m_fixture->clock());
    auto summary = store.programSummary(m_fixture->actorFor(Role::Supervisor),
                                        toDateTime(TestDatabase::startTime()).addDays(-7));
    HEARTDESK_VERIFY_RESULT(summary);
    QStringList lines;
    for (const ProgramCount& count : summary.value())
        lines.append(QStringLiteral("%1/%2=%3").arg(count.program, count.disposition).arg(count.calls));
    // The same order on both engines (NULLs sort first on SQLite and last on PostgreSQL).
    QCOMPARE(lines, (QStringList{QStringLiteral("/=2"), QStringLiteral("ccd/declined=1"),
                                 QStringLiteral("ccd/diverted=3"), QStringLiteral("crt/crt_dispatch=4"),
                                 QStringLiteral("police_ems/police_ems=2")}));
}

void TestStoreCalls::badImportWritesNothing_data()
{
    QTest::addColumn<int>("personIndex");
    QTest::addColumn<bool>("duplicateCad");
    QTest::newRow("unknown person") << 3 << false;
    QTest::newRow("negative person") << -1 << false;
    QTest::newRow("duplicate CAD number") << 0 << true;
}

void TestStoreCalls::badImportWritesNothing()
{
    QFETCH(int, personIndex);
    QFETCH(bool, duplicateCad);
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    const int auditBefore =
        m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log")).rows.at(0).at(0).toInt();
    CallStore store(m_fixture->db(), m_fixture->clock());
    NewCall first = makeCall(QStringLiteral("CAD-1"), 5, {}, {}, QStringLiteral("open"), {});
    first.person = 0;
    NewCall second = makeCall(duplicateCad ? QStringLiteral("CAD-1") : QStringLiteral("CAD-2"), 4, {}, {},
                              QStringLiteral("open"), {});
    second.person = personIndex;
    if (duplicateCad) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^insert call failed: ")));
        // QPSQL frees the failed insert's statement inside the aborted transaction.
        if (m_fixture->engine() == Engine::Postgres)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("^Unable to free statement: ")));
    }
    auto imported = store.importCalls(
        counselor, {{QStringLiteral("Zebulon"), QStringLiteral("Quartzfeather"), 40, {}, {}}},
        {first, second});
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().code,
             duplicateCad ? StoreErrorCode::QueryFailed : StoreErrorCode::InvalidInput);
    // All or nothing: no person, no call, no audit row for the half that went in first.
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM people")).rows.at(0).at(0).toInt(), 0);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.at(0).at(0).toInt(), 0);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log")).rows.at(0).at(0).toInt(),
             auditBefore);
    QVERIFY(!imported.error().detail.contains(QLatin1String("Zebulon")));
    // And the connection is usable afterwards.
    HEARTDESK_VERIFY_RESULT(store.importCalls(
        counselor, {}, {makeCall(QStringLiteral("CAD-1"), 5, {}, {}, QStringLiteral("open"), {})}));
}

void TestStoreCalls::demoScenarioIsWrittenWhole()
{
    DemoOptions options;
    options.seed = 2022'06'27;
    options.end = TestDatabase::startTime();
    const DemoScenario scenario = makeDemoScenario(options);
    DemoDataWriter writer(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_OK(writer.write(scenario, TestDatabase::workstation()));

    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.at(0).at(0).toInt(),
             int(scenario.calls.size()));
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM people")).rows.at(0).at(0).toInt(),
             int(scenario.people.size()));
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt(),
             int(scenario.staff.size()));
    const int withPerson = int(std::count_if(scenario.calls.begin(), scenario.calls.end(),
                                             [](const DemoCall& c) { return c.person.has_value(); }));
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM calls WHERE person_id IS NOT NULL"))
                 .rows.at(0)
                 .at(0)
                 .toInt(),
             withPerson);

    for (const DemoStaff& staff : scenario.staff) {
        auto signedIn = m_fixture->accounts().signIn(toQString(staff.login), toQString(staff.password),
                                                     TestDatabase::workstation());
        QVERIFY2(signedIn.ok(), staff.login.c_str());
        QCOMPARE(signedIn.value().role(), staff.role);
        QCOMPARE(signedIn.value().displayName(), toQString(staff.displayName));
        if (staff.role == Role::CallCounselor) {
            auto queue = CallStore(m_fixture->db(), m_fixture->clock()).activeCalls(signedIn.value());
            HEARTDESK_VERIFY_RESULT(queue);
            QVERIFY(!queue.value().isEmpty()); // the demo opens on a live queue
        }
    }
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(!verified.value().firstBreak.has_value());

    // Demo data goes only into an empty database.
    QCOMPARE(
        DemoDataWriter(m_fixture->db(), m_fixture->clock()).write(scenario, TestDatabase::workstation()).code,
        StoreErrorCode::AlreadyInitialized);
}

HEART_TEST_GUILESS_MAIN(TestStoreCalls)
#include "tst_store_calls.moc"
