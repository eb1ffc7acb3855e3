// The care navigator's follow-up queue on the demo database, driven from the
// keyboard offscreen: overdue tasks come first; the Overdue filter (Alt+O)
// lists only overdue tasks, as many as the database holds; headers sort;
// a navigator claims an unassigned task (Ctrl+K), logs an attempt with no
// answer (Ctrl+T) and records the outcome "connected" with a service chosen
// in the directory's picker (Ctrl+O), each saved with its audit row; a claim
// on a task changed meanwhile is refused and the task read again; F5 shows
// what others did; a peer
// support specialist sees the task but not the clinical parts; supervisors
// get a Follow-ups tab next to the ones they had; no two controls in the
// window answer to the same Alt letter.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "followup/FollowUpDetailPane.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpQueueWidget.h"
#include "store/ChangeFeed.h"
#include "store/FollowUpStore.h"
#include "store/StoreTime.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <functional>
#include <optional>

using namespace heart;
using ui::FollowUpDetailPane;
using ui::FollowUpQueueModel;
using ui::FollowUpQueueWidget;

namespace {

QString firstValue(test::UiTestFixture& f, const QString& sql)
{
    QSqlQuery query(f.db().connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

QString userId(test::UiTestFixture& f, const char* login)
{
    return firstValue(f, QStringLiteral("SELECT id FROM users WHERE login = '%1'").arg(QLatin1String(login)));
}

QStringList stateCodes(const FollowUpQueueModel& model)
{
    QStringList codes;
    for (int row = 0; row < model.rowCount(); ++row)
        codes << model.index(row, 0).data(FollowUpQueueModel::StateCodeRole).toString();
    return codes;
}

// Runs `act` on the modal dialog named `name` once it is open and active
// (the offscreen platform activates no new window by itself). `failure`
// says why it was not driven to the end.
void whenModal(const QString& name, std::function<void(QWidget*)> act, bool& done, QString& failure)
{
    QTimer::singleShot(20, qApp, [name, act, &done, &failure] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || modal->objectName() != name) {
            whenModal(name, act, done, failure);
            return;
        }
        modal->activateWindow();
        if (!QTest::qWaitFor([&] { return QApplication::activeWindow() == modal; })) {
            failure = name + QStringLiteral(" is not the active window");
            modal->close();
        } else {
            act(modal);
        }
        done = true;
    });
}

// Visible widgets of `dialog` (and of its group boxes) drawn over a sibling:
// "a / b" for each such pair, and wrapped labels given less height than
// their lines need (their text runs into what is below); empty when none.
QStringList overlappingWidgets(QWidget* dialog)
{
    QStringList overlaps;
    QList<QWidget*> parents = {dialog};
    for (QGroupBox* box : dialog->findChildren<QGroupBox*>())
        parents << box;
    const auto name = [](const QWidget* w) {
        QString text = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty())
            text += u'#' + w->objectName();
        if (const auto* label = qobject_cast<const QLabel*>(w))
            text += QStringLiteral(" \"%1\"").arg(label->text().left(30));
        return text;
    };
    for (QWidget* parent : parents) {
        QList<QWidget*> shown;
        for (QWidget* child : parent->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (child->isVisible() && !child->isWindow() && !child->geometry().isEmpty())
                shown << child;
            const auto* label = qobject_cast<QLabel*>(child);
            if (label && label->isVisible() && label->wordWrap() &&
                label->heightForWidth(label->width()) > label->height())
                overlaps << name(label) + QStringLiteral(" squeezed: needs %1 px, has %2")
                                              .arg(label->heightForWidth(label->width()))
                                              .arg(label->height());
        }
        for (qsizetype i = 0; i < shown.size(); ++i) {
            for (qsizetype j = i + 1; j < shown.size(); ++j) {
                if (shown[i]->geometry().intersects(shown[j]->geometry()))
                    overlaps << name(shown[i]) + QStringLiteral(" / ") + name(shown[j]);
            }
        }
    }
    return overlaps;
}

// Presses the keys on the main window again after a dialog has closed.
bool reactivate(test::UiTestFixture& f)
{
    f.window().activateWindow();
    return QTest::qWaitForWindowActive(&f.window());
}

} // namespace

class TestFollowUpQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void overdueFirstAndTheOverdueFilter()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        QVERIFY(queue->isVisible());
        FollowUpQueueModel* model = queue->model();
        const QString now = store::toStoredTime(f.clock().now());
        const int open =
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM followup_tasks WHERE state = 'open'"));
        const int overdue = f.countRows(
            QStringLiteral("SELECT COUNT(*) FROM followup_tasks WHERE state = 'open' AND due_at <= '%1'")
                .arg(now));
        QVERIFY2(overdue > 0 && open > overdue,
                 qPrintable(QStringLiteral("%1 open, %2 overdue").arg(open).arg(overdue)));
        QCOMPARE(model->totalCount(), open);
        QCOMPARE(queue->countText(), QStringLiteral("%1 tasks").arg(open));

        // Overdue first: every overdue row before every other.
        const QStringList states = stateCodes(*model);
        QCOMPARE(states.count(QStringLiteral("overdue")), overdue);
        QCOMPARE(states.mid(0, overdue), QStringList(overdue, QStringLiteral("overdue")));
        QCOMPARE(queue->table()->horizontalHeader()->sortIndicatorSection(), int(FollowUpQueueModel::Due));

        // Alt+O: the overdue ones only.
        QVERIFY(reactivate(f));
        QTest::keyClick(&f.window(), Qt::Key_O, Qt::AltModifier);
        QTest::qWait(250);
        QCOMPARE(model->totalCount(), overdue);
        QCOMPARE(stateCodes(*model), QStringList(overdue, QStringLiteral("overdue")));
        QCOMPARE(queue->countText(),
                 overdue == 1 ? QStringLiteral("1 task") : QStringLiteral("%1 tasks").arg(overdue));
        QTest::keyClick(&f.window(), Qt::Key_O, Qt::AltModifier);
        QTest::qWait(250);
        QCOMPARE(model->totalCount(), open);

        // A click on the Person header sorts by name, in SQL.
        QHeaderView* header = queue->table()->horizontalHeader();
        const int x = header->sectionViewportPosition(FollowUpQueueModel::Person) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(model->queueSort().key, store::FollowUpSortKey::PersonName);
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->task(row).personName.toLower();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(names, sorted);

        QVERIFY2(test::clashingMnemonics(&f.window()).isEmpty(),
                 qPrintable(test::clashingMnemonics(&f.window()).join(u'\n')));
    }

    void navigatorWorksATaskToAnOutcome()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        const QString navigator = userId(f, "navigator");
        QVERIFY(reactivate(f));

        // Alt+G: the unassigned tasks; the cursor into the list takes the first.
        QTest::keyClick(&f.window(), Qt::Key_G, Qt::AltModifier);
        QTest::qWait(250);
        QVERIFY(queue->model()->rowCount() > 0);
        for (int row = 0; row < queue->model()->rowCount(); ++row)
            QVERIFY(queue->model()->task(row).assignedTo.isEmpty());
        queue->table()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(!queue->shownTaskId().isEmpty());
        const QString taskId = queue->shownTaskId();
        QVERIFY(queue->model()->rowOfTask(taskId) >= 0); // one of the unassigned
        FollowUpDetailPane* pane = queue->detailPane();
        // A care navigator sees every part.
        for (int section = 0; section < FollowUpDetailPane::SectionCount; ++section)
            QVERIFY(!pane->sectionText(FollowUpDetailPane::Section(section))
                         .contains(FollowUpDetailPane::notShownText()));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Task).contains(QStringLiteral("Unassigned")));

        // Ctrl+K claims it.
        QTest::keyClick(&f.window(), Qt::Key_K, Qt::ControlModifier);
        QTest::qWait(250);
        QCOMPARE(pane->detail()->task.assignedTo, navigator);
        QVERIFY2(queue->statusText().startsWith(QStringLiteral("Claimed")), qPrintable(queue->statusText()));
        QCOMPARE(f.countRows(QStringLiteral(
                                 "SELECT COUNT(*) FROM followup_tasks WHERE id = '%1' AND assigned_to = '%2'")
                                 .arg(taskId, navigator)),
                 1);
        QCOMPARE(queue->model()->rowOfTask(taskId), -1); // no longer unassigned; the pane keeps it
        QCOMPARE(queue->shownTaskId(), taskId);
        QVERIFY(!queue->findChild<QAbstractButton*>(QStringLiteral("followUpClaim"))->isEnabled());

        // Ctrl+T: phone, no answer, a note.
        bool done = false;
        QString failure;
        whenModal(
            QStringLiteral("logAttemptDialog"),
            [&](QWidget* dialog) {
                QTest::keyClick(dialog, Qt::Key_P, Qt::AltModifier); // phone
                QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier); // no answer
                QTest::qWait(250);
                QTest::keyClick(dialog, Qt::Key_E, Qt::AltModifier); // the note
                QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Rang twice, no voicemail"));
                if (!qobject_cast<QPlainTextEdit*>(QApplication::focusWidget()))
                    failure = QStringLiteral("Alt+E did not reach the note");
                auto* save = dialog->findChild<QAbstractButton*>(QStringLiteral("attemptSave"));
                if (!save->isEnabled())
                    failure = QStringLiteral("save is not enabled");
                QTest::keyClick(save, Qt::Key_Space);
            },
            done, failure);
        QTest::keyClick(&f.window(), Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(done);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(reactivate(f));
        QTRY_COMPARE(pane->detail()->task.attempts.size(), 1);
        QCOMPARE(queue->shownTaskId(), taskId); // the focus coming back does not pick another task
        QCOMPARE(pane->detail()->task.unsuccessfulAttempts, 1);
        QVERIFY2(queue->statusText().startsWith(QStringLiteral("Attempt logged: no answer by phone.")),
                 qPrintable(queue->statusText()));
        QCOMPARE(
            f.countRows(QStringLiteral(
                            "SELECT COUNT(*) FROM followup_attempts WHERE task_id = '%1' AND user_id = '%2' "
                            "AND channel = 'phone' AND result = 'no_answer' "
                            "AND note = 'Rang twice, no voicemail'")
                            .arg(taskId, navigator)),
            1);
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT attempts FROM followup_tasks WHERE id = '%1'").arg(taskId)),
            1);
        QVERIFY(pane->sectionText(FollowUpDetailPane::Attempts).contains(QStringLiteral("No answer")));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Attempts)
                    .contains(QStringLiteral("Rang twice, no voicemail")));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Task).contains(QStringLiteral("1 of 3")));

        // Ctrl+O: connected, to a service chosen in the directory's picker.
        const QString service = QStringLiteral("Bull City Peer Recovery Center");
        const QString serviceId =
            firstValue(f, QStringLiteral("SELECT id FROM resources WHERE name = '%1'").arg(service));
        QVERIFY(!serviceId.isEmpty());
        {
            // A long address: the line under the service wraps to three lines.
            QSqlQuery longer(f.db().connection());
            QVERIFY(longer.exec(
                QStringLiteral("UPDATE resources SET address = 'Suite 210, Golden Belt Building 3, "
                               "807 East Main Street, entrance from the parking deck on Pettigrew "
                               "Street, Durham, NC 27701' WHERE id = '%1'")
                    .arg(serviceId)));
        }
        done = false;
        whenModal(
            QStringLiteral("recordOutcomeDialog"),
            [&](QWidget* dialog) {
                QTest::keyClick(dialog, Qt::Key_C, Qt::AltModifier); // connected
                QTest::qWait(250);
                bool picked = false;
                whenModal(
                    QStringLiteral("resourcePicker"),
                    [&](QWidget* picker) {
                        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("peer recovery"));
                        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
                        if (picker->isVisible())
                            failure = QStringLiteral("Enter did not pick");
                    },
                    picked, failure);
                QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier); // find in the directory
                if (!QTest::qWaitFor([&] { return picked; }))
                    failure = QStringLiteral("no picker");
                dialog->activateWindow();
                if (!QTest::qWaitFor([&] { return QApplication::activeWindow() == dialog; }))
                    failure = QStringLiteral("the outcome dialog is not active again");
                if (dialog->findChild<QLineEdit*>(QStringLiteral("outcomeService"))->text() != service)
                    failure = QStringLiteral("the chosen service is not shown");
                // The service's kind, phone and address, below it, over nothing else.
                QTest::qWait(50);
                if (const QStringList overlaps = overlappingWidgets(dialog); !overlaps.isEmpty())
                    failure = QStringLiteral("widgets overlap: ") + overlaps.join(QStringLiteral("; "));
                if (const QString png = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR"); !png.isEmpty())
                    dialog->grab().save(QDir(png).filePath(QStringLiteral("outcome-dialog.png")));
                // A note of the navigator's own, kept with the outcome.
                auto* note = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote"));
                if (!note) {
                    failure = QStringLiteral("the outcome dialog has no note");
                    dialog->close();
                    return;
                }
                QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier);
                QTest::keyClicks(QApplication::focusWidget(),
                                 QStringLiteral("Walk-in Thursday, Ash will drive"));
                if (note->toPlainText() != QStringLiteral("Walk-in Thursday, Ash will drive"))
                    failure = QStringLiteral("Alt+N does not reach the note");
                QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier); // record
            },
            done, failure);
        QTest::keyClick(&f.window(), Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(done);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(reactivate(f));
        QTRY_VERIFY(pane->detail()->task.isClosed());
        QCOMPARE(pane->detail()->task.outcome, followup::Outcome::Connected);
        QCOMPARE(f.countRows(QStringLiteral(
                                 "SELECT COUNT(*) FROM followup_tasks WHERE id = '%1' AND state = 'closed' "
                                 "AND outcome = 'connected' AND outcome_resource_id = '%2' "
                                 "AND outcome_text IS NULL AND closed_by = '%3' "
                                 "AND outcome_note = 'Walk-in Thursday, Ash will drive'")
                                 .arg(taskId, serviceId, navigator)),
                 1);
        QVERIFY2(queue->statusText().startsWith(
                     QStringLiteral("Outcome recorded (Connected to a service: %1)").arg(service)),
                 qPrintable(queue->statusText()));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Task).contains(service));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Task)
                    .contains(QStringLiteral("Walk-in Thursday, Ash will drive")));
        QTest::qWait(50); // the pane's layout follows the new text
        if (const QString png = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR"); !png.isEmpty())
            pane->grab().save(QDir(png).filePath(QStringLiteral("followup-detail.png")));
        // Closed: nothing more to do but look.
        for (const char* button :
             {"followUpClaim", "followUpAssign", "followUpLogAttempt", "followUpOutcome", "followUpExtend"})
            QVERIFY2(!queue->findChild<QAbstractButton*>(QLatin1String(button))->isEnabled(), button);

        // Every step in the audit trail, by the navigator, naming the task only.
        for (const char* action : {"open", "claim", "attempt", "close"}) {
            QVERIFY2(f.countRows(QStringLiteral(
                                     "SELECT COUNT(*) FROM audit_log WHERE user_id = '%1' AND action = '%2' "
                                     "AND record_type = 'followup_task' AND record_id = '%3'")
                                     .arg(navigator, QLatin1String(action), taskId)) >= 1,
                     action);
        }
        QCOMPARE(f.countRows(QStringLiteral(
                                 "SELECT COUNT(*) FROM audit_log WHERE user_id = '%1' AND action = 'close' "
                                 "AND record_id = '%2'")
                                 .arg(navigator, taskId)),
                 1);
    }

    void peerSeesTheTaskButNotTheClinicalParts()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
        QVERIFY(f.window().actor());
        // The demo gave the peer an overdue task; a follow-up after a visit shows every part there is.
        const QString taskId =
            firstValue(f, QStringLiteral("SELECT id FROM followup_tasks WHERE kind = 'follow_up' "
                                         "ORDER BY state DESC, due_at LIMIT 1"));
        QVERIFY(!taskId.isEmpty());
        FollowUpQueueWidget queue(ui::Services{f.db(), f.clock(), *f.window().actor()});
        queue.resize(1200, 800);
        queue.show();
        QVERIFY(QTest::qWaitForWindowExposed(&queue));
        queue.findChild<QAbstractButton*>(QStringLiteral("filterIncludeClosed"))->setChecked(true);
        QVERIFY(queue.model()->totalCount() > 0);
        QVERIFY(queue.selectTask(taskId));
        QCOMPARE(queue.shownTaskId(), taskId);
        FollowUpDetailPane* pane = queue.detailPane();
        const QString notShown = QStringLiteral("Not shown to your role");
        for (auto section : {FollowUpDetailPane::CallClinical, FollowUpDetailPane::EncounterClinical,
                             FollowUpDetailPane::SafetyPlan})
            QVERIFY2(pane->sectionText(section).contains(notShown), qPrintable(pane->sectionText(section)));
        for (auto section : {FollowUpDetailPane::Task, FollowUpDetailPane::Contact, FollowUpDetailPane::Call,
                             FollowUpDetailPane::Encounter, FollowUpDetailPane::Attempts})
            QVERIFY2(!pane->sectionText(section).contains(notShown), qPrintable(pane->sectionText(section)));
        QVERIFY(pane->sectionText(FollowUpDetailPane::Contact).contains(QStringLiteral("Preferred contact")));
        QVERIFY(!pane->detail()->encounterClinical && !pane->detail()->safetyPlan &&
                !pane->detail()->callClinical);
        // A peer works tasks but does not assign them.
        QVERIFY(queue.findChild<QAbstractButton*>(QStringLiteral("followUpLogAttempt"))->isVisible());
        QVERIFY(!queue.findChild<QAbstractButton*>(QStringLiteral("followUpAssign"))->isVisible());
        // The store was asked, and said so in the audit trail.
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id "
                                       "WHERE u.login = 'peer' AND a.action = 'open' AND a.record_id = '%1'")
                            .arg(taskId)),
            1);
    }

    void refreshAndConflict()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        const store::Actor navigator = *f.window().actor();
        const QString taskId =
            firstValue(f, QStringLiteral("SELECT id FROM followup_tasks WHERE state = 'open' "
                                         "AND assigned_to IS NULL ORDER BY due_at, id LIMIT 1"));
        QVERIFY(queue->selectTask(taskId));
        QCOMPARE(queue->shownTaskId(), taskId);
        const int version = queue->detailPane()->detail()->task.version;

        // Someone else, at another workstation, logs an attempt a moment
        // before the key, and the view has not caught up yet (held here: the
        // change feed would tell it within a second), so the claim names a
        // stale version.
        QVERIFY(reactivate(f));
        std::optional<QSignalBlocker> stale(std::in_place, &store::ChangeFeed::of(f.db()));
        store::Database elsewhere;
        QVERIFY(!elsewhere.open(store::ConnectionSpec::sqlite(f.path())));
        store::FollowUpStore store(elsewhere, f.clock());
        QVERIFY(store
                    .logAttempt(navigator, taskId, version, followup::AttemptChannel::Text,
                                followup::AttemptResult::LeftMessage, QString())
                    .ok());
        QTest::keyClick(&f.window(), Qt::Key_K, Qt::ControlModifier);
        QTest::qWait(250);
        stale.reset();
        QVERIFY2(queue->statusText().startsWith(QStringLiteral("Someone else changed this task meanwhile")),
                 qPrintable(queue->statusText()));
        QCOMPARE(
            f.countRows(
                QStringLiteral("SELECT COUNT(*) FROM followup_tasks WHERE id = '%1' AND assigned_to IS NULL")
                    .arg(taskId)),
            1);
        // The task was read again: the attempt shows, and the claim now goes through.
        QCOMPARE(queue->detailPane()->detail()->task.version, version + 1);
        QCOMPARE(queue->detailPane()->detail()->task.attempts.size(), 1);
        QTest::keyClick(&f.window(), Qt::Key_K, Qt::ControlModifier);
        QTest::qWait(250);
        QCOMPARE(queue->detailPane()->detail()->task.assignedTo, navigator.userId());

        // F5 shows what others did: a task given to the peer behind the screen.
        const QString other =
            firstValue(f, QStringLiteral("SELECT id FROM followup_tasks WHERE state = 'open' "
                                         "AND assigned_to IS NULL ORDER BY due_at, id LIMIT 1"));
        const int row = queue->model()->rowOfTask(other);
        QVERIFY(row >= 0);
        QCOMPARE(queue->model()->task(row).assignedToName, QString());
        QVERIFY(store.assign(navigator, other, queue->model()->task(row).version, userId(f, "peer")).ok());
        QTest::keyClick(&f.window(), Qt::Key_F5);
        QCOMPARE(queue->model()->task(queue->model()->rowOfTask(other)).assignedToName,
                 QStringLiteral("Sam Riverstone"));
        QCOMPARE(queue->statusText(), QStringLiteral("Queue refreshed."));
        QCOMPARE(queue->shownTaskId(), taskId); // the pane keeps its task
    }

    void supervisorHasAFollowUpsTab()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(3), QStringLiteral("Follow-&ups"));
        auto* queue = qobject_cast<FollowUpQueueWidget*>(tabs->widget(3));
        QVERIFY(queue);
        QVERIFY(reactivate(f));
        QTest::keyClick(&f.window(), Qt::Key_U, Qt::AltModifier);
        QTRY_COMPARE(tabs->currentIndex(), 3);
        QVERIFY(queue->model()->totalCount() > 0);
        // Supervisors assign; they do not work tasks or hold them.
        QVERIFY(queue->findChild<QAbstractButton*>(QStringLiteral("followUpAssign"))->isVisible());
        QVERIFY(!queue->findChild<QAbstractButton*>(QStringLiteral("followUpClaim"))->isVisible());
        QVERIFY(!queue->findChild<QAbstractButton*>(QStringLiteral("filterMine"))->isVisible());
        QVERIFY2(test::clashingMnemonics(&f.window()).isEmpty(),
                 qPrintable(test::clashingMnemonics(&f.window()).join(u'\n')));
        // The other tabs keep their letters.
        QTest::keyClick(&f.window(), Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(tabs->currentIndex(), 1);
        QTest::keyClick(&f.window(), Qt::Key_B, Qt::AltModifier);
        QTRY_COMPARE(tabs->currentIndex(), 2);
        QTest::keyClick(&f.window(), Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE(tabs->currentIndex(), 0);
    }
};

HEART_TEST_MAIN(TestFollowUpQueue)
#include "tst_followup_queue.moc"
