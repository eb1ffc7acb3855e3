// Two workstations on one database (two connections to one SQLite file, as
// two laptops on one server): what one does shows in the other's homes by
// itself within a second, and when a tab is shown — my unit, the call queue,
// the team board, the dashboard, the follow-up queue, the roster's "on duty
// now". Elapsed minutes tick with the clock without a key press. A status
// key pressed on a view a moment stale is not refused as a conflict. An idle
// window writes no audit rows.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "core/roster/TimeZoneRule.h"
#include "encounter/EncounterForm.h"
#include "followup/FollowUpDetailPane.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpQueueWidget.h"
#include "home/CallListHome.h"
#include "home/CallTableModel.h"
#include "home/LiveRefresh.h"
#include "intake/CounselorHome.h"
#include "report/ReportWindow.h"
#include "roster/RosterWidget.h"
#include "store/AccountStore.h"
#include "store/FollowUpStore.h"
#include "store/IntakeStore.h"
#include "store/RosterStore.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"
#include "units/TeamBoard.h"
#include "units/TeamLeadHome.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

using namespace heart;
using namespace std::chrono_literals;
using units::UnitStatus;

namespace {

// "Within a few seconds": the default poll is 2 s.
constexpr int kFewSeconds = 5000;

store::Actor signInAt(store::Database& db, const Clock& clock, const QString& login)
{
    store::AccountStore accounts(db, clock);
    auto actor = accounts.signIn(login, test::UiTestFixture::demoPassword(login), QStringLiteral("ws-other"));
    if (!actor.ok())
        qFatal("sign-in failed");
    return actor.value();
}

store::Unit unitAt(store::Database& db, const Clock& clock, const store::Actor& actor, const QString& code)
{
    store::UnitStore units(db, clock);
    auto board = units.board(actor);
    for (const store::Unit& unit : board.value()) {
        if (unit.code == code)
            return unit;
    }
    return {};
}

QString firstValue(store::Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

QString newCallAt(store::Database& db, const Clock& clock, const store::Actor& counselor, const QString& cad)
{
    store::CallRecord call;
    call.cadNumber = cad;
    call.receivedAt = store::toDateTime(clock.now());
    call.callType = QStringLiteral("welfare-check");
    call.address = QStringLiteral("410 Foster St");
    store::IntakeStore intake(db, clock);
    auto created = intake.create(counselor, call);
    return created.ok() ? created.value().id : QString();
}

QString boardStatus(ui::TeamBoard* board, const QString& code)
{
    for (int row = 0; row < board->model()->rowCount(); ++row) {
        if (board->model()->unit(row).code == code)
            return board->model()->data(board->model()->index(row, ui::UnitBoardModel::Status)).toString();
    }
    return {};
}

// What the screen shows, as the user reads it.
QString labelText(QWidget* home, const char* name)
{
    auto* label = home->findChild<QLabel*>(QLatin1String(name));
    if (!label)
        return QStringLiteral("(no label %1)").arg(QLatin1String(name));
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText().simplified();
}

int dashboardTotal(QWidget* dashboard)
{
    return QLocale().toInt(labelText(dashboard, "tileCalls").section(QLatin1Char(' '), 0, 0));
}

void savePng(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // the layout settles, as it would on screen
    widget->grab().save(QDir(dir).filePath(name));
}

} // namespace

class TestLiveRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { ui::LiveRefresh::setDefaultTickInterval(1000ms); }

    // The case: a dispatch at the 911 center shows in the team lead's
    // My unit without a key press, and the lead's next key is taken.
    void myUnitShowsADispatchFromAnotherWorkstation()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().code, QStringLiteral("CRT-1"));
        QCOMPARE(home->unit().status, UnitStatus::OnScene);

        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor peer = signInAt(other->db(), f.clock(), QStringLiteral("peer"));
        const store::Actor counselor = signInAt(other->db(), f.clock(), QStringLiteral("counselor"));
        store::UnitStore units(other->db(), f.clock());
        // The peer on CRT-1 clears it and puts it back in service from another
        // laptop. (The lead's window locks itself after 10 idle minutes: less here.)
        f.clock().advance(4min);
        store::Unit crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        auto cleared = units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Clear);
        QVERIFY(cleared.ok());
        QTRY_COMPARE_WITH_TIMEOUT(home->unit().status, UnitStatus::Clear, kFewSeconds);
        auto available = units.changeStatus(peer, crt1.id, cleared.value().version, UnitStatus::Available);
        QVERIFY(available.ok());
        QTRY_COMPARE_WITH_TIMEOUT(home->unit().status, UnitStatus::Available, kFewSeconds);
        QCOMPARE(home->callText(), QStringLiteral("No call assigned."));

        // The counselor sends CRT-1 to a call.
        const QString callId = newCallAt(other->db(), f.clock(), counselor, QStringLiteral("HD-LIVE-0001"));
        QVERIFY(!callId.isEmpty());
        f.clock().advance(1min);
        auto sent = units.dispatchToCall(counselor, crt1.id, available.value().version, callId);
        QVERIFY2(sent.ok(), qPrintable(sent.error().detail));
        QTRY_COMPARE_WITH_TIMEOUT(home->unit().status, UnitStatus::Dispatched, kFewSeconds);
        QCOMPARE(home->unit().callId, callId);
        QVERIFY2(home->callText().startsWith(QStringLiteral("Call HD-LIVE-0001")),
                 qPrintable(home->callText()));
        QCOMPARE(labelText(home, "myUnit"), QStringLiteral("CRT-1 · Dispatched for 0 min"));
        // Its note opens, ready for the visit.
        QVERIFY(home->encounterForm());
        QCOMPARE(home->encounterForm()->encounter().callId, callId);
        savePng(home, QStringLiteral("live-my-unit.png"));

        // The lead's key is taken: en route.
        f.clock().advance(2min);
        f.window().activateWindow(); // keys go to the active window
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        QTest::keyClick(home, Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(home->unit().status, UnitStatus::EnRoute);
        QCOMPARE(home->findChild<QLabel*>(QStringLiteral("unitMessage"))->text(), QString());
        home->showTab(ui::TeamLeadHome::BoardTab);
        auto* board = home->findChild<ui::TeamBoard*>();
        QCOMPARE(boardStatus(board, QStringLiteral("CRT-1")), QStringLiteral("En route"));
        savePng(board, QStringLiteral("live-team-board.png"));
    }

    // Writing in the note when a new call comes: the note stays under the
    // lead's hands and a line above the tabs tells of the call.
    void aNewCallDoesNotTakeTheNoteFromUnderTheLead()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home && home->encounterForm());
        const QString firstCall = home->unit().callId;
        home->showTab(ui::TeamLeadHome::NoteTab);

        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor peer = signInAt(other->db(), f.clock(), QStringLiteral("peer"));
        const store::Actor counselor = signInAt(other->db(), f.clock(), QStringLiteral("counselor"));
        store::UnitStore units(other->db(), f.clock());
        store::Unit crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        auto cleared = units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Clear);
        QVERIFY(cleared.ok());
        const QString callId = newCallAt(other->db(), f.clock(), counselor, QStringLiteral("HD-LIVE-0002"));
        auto sent = units.dispatchToCall(counselor, crt1.id, cleared.value().version, callId);
        QVERIFY2(sent.ok(), qPrintable(sent.error().detail));

        QVERIFY(home->liveRefresh()->checkForChanges());
        QCOMPARE(home->unit().callId, callId);
        QCOMPARE(home->encounterForm()->encounter().callId, firstCall);
        QVERIFY2(home->alertText().contains(QStringLiteral("HD-LIVE-0002")), qPrintable(home->alertText()));
        // Back on My unit, the new call's note opens and the line goes.
        home->showTab(ui::TeamLeadHome::UnitTab);
        QCOMPARE(home->encounterForm()->encounter().callId, callId);
        QCOMPARE(home->alertText(), QString());
    }

    // Someone else moved the unit a moment ago; the lead's view has not
    // caught up yet. The key still means what the lead meant.
    void aStaleKeyPressIsNotRefused()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        // The view stays stale: nothing below lets the event loop run before the key.
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor peer = signInAt(other->db(), f.clock(), QStringLiteral("peer"));
        store::UnitStore units(other->db(), f.clock());
        store::Unit crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        QVERIFY(units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Transporting).ok());
        QCOMPARE(home->unit().status, UnitStatus::OnScene); // stale

        // Clear may follow transporting: done.
        QVERIFY(home->moveTo(UnitStatus::Clear));
        QCOMPARE(home->unit().status, UnitStatus::Clear);
        QCOMPARE(home->findChild<QLabel*>(QStringLiteral("unitMessage"))->text(), QString());

        // The peer put it back in service first: the lead's "available" is done already.
        crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        QVERIFY(units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Available).ok());
        QVERIFY(home->moveTo(UnitStatus::Available));
        QCOMPARE(home->unit().status, UnitStatus::Available);
        QCOMPARE(home->findChild<QLabel*>(QStringLiteral("unitMessage"))->text(), QString());
    }

    void elapsedMinutesTickWithTheClock()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        const int onScene = [&] {
            const qint64 seconds = home->unit().statusSince.secsTo(store::toDateTime(f.clock().now()));
            return int(seconds / 60);
        }();
        const auto shown = [](int minutes) -> QString {
            return QStringLiteral("CRT-1 · On scene for ") + ui::CallTableModel::ageText(minutes);
        };
        QCOMPARE(labelText(home, "myUnit"), shown(onScene));
        f.clock().advance(7min);
        QTRY_COMPARE_WITH_TIMEOUT(labelText(home, "myUnit"), shown(onScene + 7), 3000);
    }

    // The counselor's queue shows a call taken at another console, keeping
    // the row the counselor chose; the board shows a unit moved elsewhere as
    // soon as its tab is chosen.
    void theQueueAndTheBoardFollowAnotherWorkstation()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        auto* queue = home->findChild<ui::CallListHome*>();
        auto* board = home->findChild<ui::TeamBoard*>();
        QVERIFY(queue && board);
        const int before = queue->rowCount();
        QVERIFY(before >= 2);
        queue->table()->setCurrentIndex(queue->table()->model()->index(1, 0));
        const QString chosen = queue->table()->model()->index(1, 2).data().toString(); // CAD number

        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor counselor = signInAt(other->db(), f.clock(), QStringLiteral("counselor"));
        const store::Actor peer = signInAt(other->db(), f.clock(), QStringLiteral("peer"));
        QVERIFY(!newCallAt(other->db(), f.clock(), counselor, QStringLiteral("HD-LIVE-0003")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), before + 1, kFewSeconds);
        QCOMPARE(queue->table()->currentIndex().siblingAtColumn(2).data().toString(), chosen);

        QVERIFY(!board->isVisible());
        store::UnitStore units(other->db(), f.clock());
        store::Unit crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        QVERIFY(units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Transporting).ok());
        home->setCurrentWidget(board); // at once, no waiting
        QCOMPARE(boardStatus(board, QStringLiteral("CRT-1")), QStringLiteral("Transporting"));
        // And while shown, by itself.
        crt1 = unitAt(other->db(), f.clock(), peer, QStringLiteral("CRT-1"));
        QVERIFY(units.changeStatus(peer, crt1.id, crt1.version, UnitStatus::Clear).ok());
        QTRY_COMPARE_WITH_TIMEOUT(boardStatus(board, QStringLiteral("CRT-1")), QStringLiteral("Clear"),
                                  kFewSeconds);
    }

    // The supervisor's dashboard counts a new call; the follow-up queue shows
    // a task claimed by the navigator elsewhere.
    void theDashboardAndTheFollowUpQueueFollowAnotherWorkstation()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
        QVERIFY(tabs);
        auto* dashboard = tabs->findChild<ui::ReportWindow*>();
        auto* followUps = tabs->findChild<ui::FollowUpQueueWidget*>();
        QVERIFY(dashboard && followUps);
        QVERIFY(dashboard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isReading(), kFewSeconds); // read on a worker thread
        const int total = dashboardTotal(dashboard);
        QVERIFY(total > 0);

        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor counselor = signInAt(other->db(), f.clock(), QStringLiteral("counselor"));
        const store::Actor navigator = signInAt(other->db(), f.clock(), QStringLiteral("navigator"));
        QVERIFY(!newCallAt(other->db(), f.clock(), counselor, QStringLiteral("HD-LIVE-0004")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(dashboardTotal(dashboard), total + 1, kFewSeconds);

        tabs->setCurrentWidget(followUps);
        ui::FollowUpQueueModel* model = followUps->model();
        int row = 0;
        while (row < model->rowCount() &&
               !(model->task(row).isOpen() && model->task(row).assignedTo.isEmpty()))
            ++row;
        QVERIFY(row < model->rowCount());
        const QString taskId = model->taskId(row);
        QVERIFY(followUps->selectTask(taskId));
        store::FollowUpStore store(other->db(), f.clock());
        auto claimed = store.claim(navigator, taskId, model->task(row).version);
        QVERIFY2(claimed.ok(), qPrintable(claimed.error().detail));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfTask(taskId) >= 0 &&
                                     model->task(model->rowOfTask(taskId)).assignedTo == navigator.userId(),
                                 kFewSeconds);
        // The task stays chosen, and the pane shows it as it is now.
        QCOMPARE(followUps->shownTaskId(), taskId);
        QCOMPARE(followUps->detailPane()->detail()->task.assignedTo, navigator.userId());
    }

    // On duty now follows the roster changed at another workstation, and the clock.
    void onDutyNowFollowsTheRosterAndTheClock()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        // 11:55 in the program's time zone: the early shift (09:00-21:00) is on, the late one not yet.
        const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
        const roster::LocalDateTime local = zone.toLocal(f.clock().now());
        f.clock().advance(std::chrono::minutes((11 * 60 + 55 - local.minuteOfDay + 1440) % 1440));
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
        QVERIFY(tabs);
        auto* roster = tabs->findChild<ui::RosterWidget*>();
        QVERIFY(roster);
        tabs->setCurrentWidget(roster);
        auto* onDuty = roster->findChild<QLabel*>(QStringLiteral("rosterOnDuty"));
        QVERIFY(onDuty);
        const QString early = onDuty->text();

        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor supervisor = signInAt(other->db(), f.clock(), QStringLiteral("supervisor"));
        store::RosterStore rosters(other->db(), f.clock());
        auto cycle = rosters.currentCycle(supervisor);
        QVERIFY(cycle.ok());
        using namespace std::chrono;
        const roster::LocalDateTime now = zone.toLocal(f.clock().now());
        const int length = cycle.value().schedule.dayCount();
        const int today =
            int(((sys_days{now.date} - sys_days{cycle.value().schedule.start}).count() % length + length) %
                length);
        // The first person works the early shift today, or stops working it.
        const roster::Duty was = cycle.value().schedule.duties[0][std::size_t(today)];
        roster::Duty duty;
        if (!(was.kind == roster::DutyKind::Shift && was.shiftCode == "early")) {
            duty.kind = roster::DutyKind::Shift;
            duty.shiftCode = "early";
        }
        QVERIFY(!rosters.setDuty(supervisor, cycle.value(), 0, today, duty));
        QTRY_VERIFY_WITH_TIMEOUT(onDuty->text() != early, kFewSeconds);

        // 12:01: the late shift has begun too.
        const QString changed = onDuty->text();
        f.clock().advance(6min);
        QTRY_VERIFY_WITH_TIMEOUT(onDuty->text() != changed, 3000);
        QVERIFY2(onDuty->text().contains(QStringLiteral("late")), qPrintable(onDuty->text()));
    }

    // Following the journal reads no record: nothing is audited until something changed.
    void anIdleWindowWritesNoAuditRows()
    {
        ui::LiveRefresh::setDefaultTickInterval(50ms);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        other->typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* lead = qobject_cast<ui::TeamLeadHome*>(other->window().home());
        QVERIFY(lead);
        QVERIFY(queue->isVisible() && lead->isVisible());
        QVERIFY(queue->model()->rowCount() > 0);
        QVERIFY(queue->selectTask(queue->model()->taskId(0)));
        QTest::qWait(300); // whatever the sign-ins set off has settled
        const QString auditRows = QStringLiteral("SELECT COUNT(*) FROM audit_log");
        const int before = f.countRows(auditRows);
        QTest::qWait(1500); // six checks of the shared file each, 30 ticks
        QCOMPARE(f.countRows(auditRows), before);

        // Another task changes: the queue reads its listing once (one "search"),
        // not the task it shows (unchanged), and all is quiet again.
        const store::Actor navigator = signInAt(other->db(), f.clock(), QStringLiteral("navigator"));
        const QString otherTask =
            firstValue(f.db(), QStringLiteral("SELECT id FROM followup_tasks WHERE id <> '%1' AND "
                                              "state = 'open' AND assigned_to IS NULL")
                                   .arg(queue->shownTaskId()));
        QVERIFY(!otherTask.isEmpty());
        const int version =
            firstValue(f.db(),
                       QStringLiteral("SELECT version FROM followup_tasks WHERE id = '%1'").arg(otherTask))
                .toInt();
        store::FollowUpStore tasks(other->db(), f.clock());
        QVERIFY(tasks.claim(navigator, otherTask, version).ok());
        const int afterClaim = f.countRows(auditRows);
        QTest::qWait(600);
        const int settled = f.countRows(auditRows);
        QCOMPARE(settled - afterClaim, 1);
        QTest::qWait(600);
        QCOMPARE(f.countRows(auditRows), settled);
    }
};

HEART_TEST_MAIN(TestLiveRefresh)
#include "tst_live_refresh.moc"
