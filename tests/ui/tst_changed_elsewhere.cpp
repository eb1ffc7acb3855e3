// Someone else changes what I am editing: the counselor's open call, the
// team lead's encounter note, the navigator's follow-up task (in the dialog
// that logs an attempt). Two workstations on one database file: the user
// types, a colleague at the other workstation changes the same record, and
// within a second a line in the form says who (name and role), what and
// when; the typed text is still there, the focus where it was, and nothing
// was saved over the colleague's change (saving waits for a choice).
// "Reload theirs" (Alt+Z) shows their values; "Keep mine" (Alt+K) saves what
// was typed over their version as an ordinary audited update: the fields the
// user changed keep their text, the others take the colleague's. A save that
// meets a change the feed has not told yet shows the same line, not an error.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "encounter/EncounterForm.h"
#include "followup/FollowUpDetailPane.h"
#include "followup/FollowUpQueueWidget.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "shell/ChangedElsewhereBar.h"
#include "shell/ProgramTime.h"
#include "store/AccountStore.h"
#include "store/StoreTime.h"
#include "units/TeamLeadHome.h"
#include "usecases/AccountUseCases.h"
#include "usecases/CallUseCases.h"
#include "usecases/EncounterUseCases.h"
#include "usecases/FollowUpUseCases.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTabBar>
#include <QTest>
#include <QTimer>

using namespace heart;
using namespace std::chrono_literals;

namespace {

// "Within a second" of the commit, with room for a loaded machine.
constexpr int kWithinASecond = 2000;

void savePng(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // the layout settles, as it would on screen
    widget->grab().save(QDir(dir).filePath(name));
}

QString firstValue(store::Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

// A colleague at the other workstation: an account made by the administrator, signed in there.
store::Actor colleague(store::Database& db, const Clock& clock, const QString& login, const QString& name,
                       Role role)
{
    store::AccountStore accounts(db, clock);
    auto admin = accounts.signIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"),
                                 QStringLiteral("ws-other"));
    if (!admin.ok())
        qFatal("admin sign-in failed");
    const usecases::Context asAdmin{db, clock, admin.value()};
    store::NewUser user;
    user.login = login;
    user.displayName = name;
    user.roles = {role};
    user.password = QStringLiteral("Colleague-pass-2026");
    if (!usecases::AccountUseCases(asAdmin).createUser(user).ok())
        qFatal("could not make the colleague's account");
    auto actor = accounts.signIn(login, user.password, QStringLiteral("ws-other"));
    if (!actor.ok())
        qFatal("colleague sign-in failed");
    return actor.value();
}

// The words "at 9:30 PM" of a change made now.
QString timeNow(const Clock& clock)
{
    return ui::ProgramTime::timeText(store::toDateTime(clock.now()));
}

// The bar's words fit in the height it was given.
bool barFits(ui::ChangedElsewhereBar* bar)
{
    auto* text = bar->findChild<QLabel*>(QStringLiteral("changedElsewhereText"));
    return text && text->heightForWidth(text->width()) <= text->height();
}

bool activate(QWidget* window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

} // namespace

class TestChangedElsewhere : public QObject
{
    Q_OBJECT

private:
    struct CallSetup
    {
        std::unique_ptr<test::UiTestFixture::Workstation> other;
        store::Actor counselor;
        store::Actor colleague;
        QString callId;
        ui::IntakeForm* form = nullptr;
        QPlainTextEdit* narrative = nullptr;
    };

    // The counselor has a call open and types in its narrative.
    static std::optional<CallSetup> openCallAndType(test::UiTestFixture& f)
    {
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        if (!home || !f.window().actor())
            return std::nullopt;
        CallSetup s{f.openWorkstation(), *f.window().actor(), *f.window().actor(), {}, nullptr, nullptr};
        if (!s.other->ok())
            return std::nullopt;
        s.colleague = colleague(s.other->db(), f.clock(), QStringLiteral("counselor2"),
                                QStringLiteral("Avery Quillfeather"), Role::CallCounselor);
        store::CallRecord call;
        call.cadNumber = QStringLiteral("HD-EDIT-0001");
        call.receivedAt = store::toDateTime(f.clock().now());
        call.callType = QStringLiteral("welfare-check");
        call.address = QStringLiteral("410 Foster St");
        call.narrative = QStringLiteral("Neighbour worried.");
        auto created = usecases::CallUseCases({f.db(), f.clock(), s.counselor}).save(call);
        if (!created.ok())
            return std::nullopt;
        s.callId = created.value().id;
        s.form = home->openCall(s.callId);
        if (!s.form)
            return std::nullopt;
        s.narrative = s.form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        if (!activate(&f.window()))
            return std::nullopt;
        s.narrative->setFocus();
        s.narrative->moveCursor(QTextCursor::End);
        QTest::keyClicks(s.narrative, QStringLiteral(" She says she is safe now."));
        return s;
    }

    // The colleague changes the call's narrative at the other workstation.
    static bool colleagueChangesTheCall(test::UiTestFixture& f, CallSetup& s, const QString& narrative,
                                        const QString& address = QStringLiteral("410 Foster St"))
    {
        usecases::CallUseCases calls({s.other->db(), f.clock(), s.colleague});
        auto theirs = calls.open(s.callId);
        if (!theirs.ok())
            return false;
        store::CallRecord changed = theirs.value();
        changed.narrative = narrative;
        changed.address = address;
        return calls.save(changed).ok();
    }

    static store::CallRecord storedCall(test::UiTestFixture& f, const CallSetup& s)
    {
        return usecases::CallUseCases({f.db(), f.clock(), s.counselor}).open(s.callId).value();
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void callChangedElsewhereThenReloadTheirs()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        auto s = openCallAndType(f);
        QVERIFY(s);
        const QString typed = QStringLiteral("Neighbour worried. She says she is safe now.");
        QCOMPARE(s->narrative->toPlainText(), typed);
        ui::ChangedElsewhereBar* bar = s->form->changedElsewhereBar();
        QVERIFY(bar->isHidden());

        f.clock().advance(1min);
        QVERIFY(colleagueChangesTheCall(f, *s, QStringLiteral("Neighbour worried; caller hung up.")));
        const QString when = timeNow(f.clock());
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kWithinASecond);
        QVERIFY2(bar->text().startsWith(
                     QStringLiteral("Avery Quillfeather (Crisis call counselor) changed it at ") + when),
                 qPrintable(bar->text()));
        QVERIFY(bar->reloadButton()->isVisible() && bar->keepButton()->isVisible());
        // Everything typed is still there, and the keyboard where it was.
        QCOMPARE(s->narrative->toPlainText(), typed);
        QCOMPARE(QApplication::focusWidget(), s->narrative);
        QTest::keyClicks(s->narrative, QStringLiteral(" Ok."));
        QCOMPARE(s->narrative->toPlainText(), typed + QStringLiteral(" Ok."));
        savePng(s->form, QStringLiteral("changed-elsewhere-call.png"));
        QVERIFY(barFits(bar));
        const QStringList clashes = test::clashingMnemonics(&f.window());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));

        // Nothing saved over theirs: not by the drafts' autosave, not by Ctrl+S.
        QTest::qWait(ui::IntakeForm::kAutosaveMs + 300);
        QTest::keyClick(s->narrative, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(s->form->statusText().contains(QStringLiteral("Reload theirs or Keep mine")),
                 qPrintable(s->form->statusText()));
        QCOMPARE(storedCall(f, *s).narrative, QStringLiteral("Neighbour worried; caller hung up."));
        QCOMPARE(storedCall(f, *s).version, 2);

        // Alt+Z: their version; what was typed goes.
        QTest::keyClick(&f.window(), Qt::Key_Z, Qt::AltModifier);
        QTRY_COMPARE(s->narrative->toPlainText(), QStringLiteral("Neighbour worried; caller hung up."));
        QVERIFY(bar->isHidden());
        QCOMPARE(QApplication::focusWidget(), s->narrative);
        QCOMPARE(storedCall(f, *s).version, 2);
    }

    void callChangedElsewhereThenKeepMine()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        auto s = openCallAndType(f);
        QVERIFY(s);
        ui::ChangedElsewhereBar* bar = s->form->changedElsewhereBar();
        // The colleague changes the narrative too, and the address the counselor left alone.
        QVERIFY(colleagueChangesTheCall(f, *s, QStringLiteral("Neighbour worried; caller hung up."),
                                        QStringLiteral("77 Pettigrew St")));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kWithinASecond);
        const int updatesBefore = f.countRows(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_id = '%1' AND action = 'update' "
                           "AND user_id = '%2'")
                .arg(s->callId, s->counselor.userId()));

        // Alt+K: what was typed, saved over their version.
        QTest::keyClick(&f.window(), Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(bar->isHidden());
        const store::CallRecord stored = storedCall(f, *s);
        QCOMPARE(stored.narrative, QStringLiteral("Neighbour worried. She says she is safe now."));
        QCOMPARE(stored.address, QStringLiteral("77 Pettigrew St")); // theirs, where nothing was typed
        QCOMPARE(s->form->findChild<QLineEdit*>(QStringLiteral("address"))->text(),
                 QStringLiteral("77 Pettigrew St"));
        QCOMPARE(s->narrative->toPlainText(), QStringLiteral("Neighbour worried. She says she is safe now."));
        QCOMPARE(s->narrative->textCursor().position(),
                 s->narrative->toPlainText().size()); // where the typing was
        QCOMPARE(stored.version, 3);
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_id = '%1' AND "
                                            "action = 'update' AND user_id = '%2'")
                                 .arg(s->callId, s->counselor.userId())),
                 updatesBefore + 1);
        QCOMPARE(s->form->statusText(), QStringLiteral("Saved."));
        QCOMPARE(QApplication::focusWidget(), s->narrative);
    }

    // The colleague's save lands; before the feed tells of it, the counselor
    // saves: a Conflict, shown as the same line with who changed it.
    void callSaveMeetsAChangeNotYetTold()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        auto s = openCallAndType(f);
        QVERIFY(s);
        ui::ChangedElsewhereBar* bar = s->form->changedElsewhereBar();
        QVERIFY(colleagueChangesTheCall(f, *s, QStringLiteral("Neighbour worried; caller hung up.")));
        QVERIFY(!s->form->save()); // at once: the feed has not looked yet
        QVERIFY(bar->isVisible());
        QVERIFY2(
            bar->text().startsWith(QStringLiteral("Avery Quillfeather (Crisis call counselor) changed it")),
            qPrintable(bar->text()));
        QVERIFY2(!s->form->statusText().contains(QStringLiteral("onflict")),
                 qPrintable(s->form->statusText()));
        QCOMPARE(s->narrative->toPlainText(), QStringLiteral("Neighbour worried. She says she is safe now."));
        QCOMPARE(storedCall(f, *s).narrative, QStringLiteral("Neighbour worried; caller hung up."));
    }

    void encounterNoteChangedElsewhere_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("reload theirs") << false;
        QTest::newRow("keep mine") << true;
    }

    void encounterNoteChangedElsewhere()
    {
        QFETCH(bool, keep);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home && home->encounterForm() && home->encounterForm()->isLoaded());
        const store::Actor lead = *f.window().actor();
        home->showTab(ui::TeamLeadHome::NoteTab);
        ui::EncounterForm* form = home->encounterForm();
        const QString encounterId = form->encounter().id;
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor theirActor = colleague(other->db(), f.clock(), QStringLiteral("teamlead2"),
                                                  QStringLiteral("Quinn Harrowgate"), Role::CrtTeamLead);

        QVERIFY(activate(&f.window()));
        auto* narrative = form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        narrative->setFocus();
        narrative->moveCursor(QTextCursor::End);
        const QString before = narrative->toPlainText();
        QTest::keyClicks(narrative, QStringLiteral(" Calmer after twenty minutes."));
        const QString typed = before + QStringLiteral(" Calmer after twenty minutes.");

        // The other lead rewrites the narrative before the autosave.
        f.clock().advance(1min);
        usecases::EncounterUseCases theirs({other->db(), f.clock(), theirActor});
        auto current = theirs.open(encounterId);
        QVERIFY(current.ok());
        encounter::EncounterNote note = current.value().note;
        note.narrative = "Narrative by the second lead.";
        note.assessment = "Assessment by the second lead.";
        auto written = theirs.writeNote(encounterId, current.value().version, note);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().detail));
        const int theirVersion = written.value().version;
        const QString when = timeNow(f.clock());

        ui::ChangedElsewhereBar* bar = form->changedElsewhereBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kWithinASecond);
        QVERIFY2(
            bar->text().startsWith(QStringLiteral("Quinn Harrowgate (CRT team lead) changed it at ") + when),
            qPrintable(bar->text()));
        QCOMPARE(narrative->toPlainText(), typed);
        QCOMPARE(QApplication::focusWidget(), narrative);
        // The autosave waits: nothing goes over theirs.
        QTest::qWait(1200);
        QCOMPARE(theirs.open(encounterId).value().version, theirVersion);
        QCOMPARE(theirs.open(encounterId).value().note.narrative,
                 std::string("Narrative by the second lead."));
        savePng(form, QStringLiteral("changed-elsewhere-note.png"));
        QVERIFY(barFits(bar));
        const QStringList clashes = test::clashingMnemonics(&f.window());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));

        if (!keep) {
            QTest::keyClick(&f.window(), Qt::Key_Z, Qt::AltModifier);
            QTRY_COMPARE(narrative->toPlainText(), QStringLiteral("Narrative by the second lead."));
            QVERIFY(bar->isHidden());
            QCOMPARE(form->encounter().version, theirVersion);
            QCOMPARE(theirs.open(encounterId).value().version, theirVersion);
            return;
        }
        const QString audit = QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_id = '%1' AND "
                                             "action = 'update' AND user_id = '%2'")
                                  .arg(encounterId, lead.userId());
        const int updatesBefore = f.countRows(audit);
        QTest::keyClick(&f.window(), Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(bar->isHidden());
        const store::Encounter stored = theirs.open(encounterId).value();
        QCOMPARE(QString::fromStdString(stored.note.narrative), typed);
        // The assessment the lead did not touch is the other lead's.
        QCOMPARE(stored.note.assessment, std::string("Assessment by the second lead."));
        QCOMPARE(form->findChild<QPlainTextEdit*>(QStringLiteral("assessment"))->toPlainText(),
                 QStringLiteral("Assessment by the second lead."));
        QCOMPARE(stored.version, theirVersion + 1);
        QCOMPARE(f.countRows(audit), updatesBefore + 1);
        QCOMPARE(narrative->toPlainText(), typed);
        QCOMPARE(QApplication::focusWidget(), narrative);
    }

    // The lead saves (Ctrl+S) right after the other lead's save, before the
    // feed has told of it: the line, not an error.
    void encounterSaveMeetsAChangeNotYetTold()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home && home->encounterForm() && home->encounterForm()->isLoaded());
        home->showTab(ui::TeamLeadHome::NoteTab);
        ui::EncounterForm* form = home->encounterForm();
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor theirActor = colleague(other->db(), f.clock(), QStringLiteral("teamlead2"),
                                                  QStringLiteral("Quinn Harrowgate"), Role::CrtTeamLead);
        auto* narrative = form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        narrative->setPlainText(QStringLiteral("Mine."));
        usecases::EncounterUseCases theirs({other->db(), f.clock(), theirActor});
        auto current = theirs.open(form->encounter().id);
        QVERIFY(current.ok());
        encounter::EncounterNote note = current.value().note;
        note.narrative = "Theirs.";
        QVERIFY(theirs.writeNote(current.value().id, current.value().version, note).ok());

        QVERIFY(!form->save());
        ui::ChangedElsewhereBar* bar = form->changedElsewhereBar();
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().startsWith(QStringLiteral("Quinn Harrowgate (CRT team lead) changed it at ")),
                 qPrintable(bar->text()));
        QVERIFY2(form->statusText().contains(QStringLiteral("Choose Reload theirs or Keep mine")),
                 qPrintable(form->statusText()));
        QCOMPARE(narrative->toPlainText(), QStringLiteral("Mine."));
        QCOMPARE(theirs.open(current.value().id).value().note.narrative, std::string("Theirs."));
    }

    void followUpAttemptChangedElsewhere_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::addColumn<bool>("saveFirst"); // Save pressed before the feed told of the change
        QTest::newRow("reload theirs") << false << false;
        QTest::newRow("keep mine") << true << false;
        QTest::newRow("save meets their change, keep mine") << true << true;
    }

    void followUpAttemptChangedElsewhere()
    {
        QFETCH(bool, keep);
        QFETCH(bool, saveFirst);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        const store::Actor navigator = *f.window().actor();
        const QString taskId =
            firstValue(f.db(), QStringLiteral("SELECT id FROM followup_tasks WHERE state = 'open' "
                                              "AND assigned_to IS NULL ORDER BY due_at, id LIMIT 1"));
        QVERIFY(queue->selectTask(taskId));
        const int version = queue->detailPane()->detail()->task.version;
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        const store::Actor theirActor = colleague(other->db(), f.clock(), QStringLiteral("navigator2"),
                                                  QStringLiteral("Jesse Fernwood"), Role::CareNavigator);
        QVERIFY(activate(&f.window()));

        const QString attempts =
            QStringLiteral("SELECT COUNT(*) FROM followup_attempts WHERE task_id = '%1'").arg(taskId);
        const QString mine = QStringLiteral("SELECT COUNT(*) FROM followup_attempts WHERE task_id = '%1' AND "
                                            "user_id = '%2' AND note = 'Rang twice, no voicemail'")
                                 .arg(taskId, navigator.userId());
        const int attemptsBefore = f.countRows(attempts);
        QString failure;
        bool driven = false;
        QString when;
        // Inside the dialog (its own event loop) once it is open: polled
        // until then, so that the steps run above the dialog's exec().
        std::function<void()> inDialog;
        std::function<void()> waitForDialog = [&] {
            if (!QApplication::activeModalWidget())
                return QTimer::singleShot(20, qApp, waitForDialog);
            inDialog();
        };
        QTimer::singleShot(20, qApp, waitForDialog);
        inDialog = [&] {
            const auto finish = qScopeGuard([&] {
                driven = true;
                if (auto* open = QApplication::activeModalWidget())
                    open->close();
            });
            QWidget* dialog = QApplication::activeModalWidget();
            dialog->activateWindow();
            if (!QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }))
                return void(failure = QStringLiteral("the dialog is not active"));
            QTest::keyClick(dialog, Qt::Key_P, Qt::AltModifier); // phone
            QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier); // no answer
            QTest::keyClick(dialog, Qt::Key_E, Qt::AltModifier); // the note
            auto* note = qobject_cast<QPlainTextEdit*>(QApplication::focusWidget());
            if (!note)
                return void(failure = QStringLiteral("Alt+E did not reach the note"));
            QTest::keyClicks(note, QStringLiteral("Rang twice, no voicemail"));

            f.clock().advance(1min);
            auto logged = usecases::FollowUpUseCases({other->db(), f.clock(), theirActor})
                              .logAttempt(taskId, version, followup::AttemptChannel::Text,
                                          followup::AttemptResult::LeftMessage, QStringLiteral("Texted."));
            if (!logged.ok())
                return void(failure = QStringLiteral("the colleague's attempt: ") + logged.error().detail);
            when = timeNow(f.clock());
            auto* save = dialog->findChild<QAbstractButton*>(QStringLiteral("attemptSave"));
            if (saveFirst) {
                save->click(); // a Conflict: the dialog stays open with the line
                if (!dialog->isVisible())
                    return void(failure = QStringLiteral("the dialog closed on a conflict"));
            }
            auto* bar = dialog->findChild<ui::ChangedElsewhereBar*>();
            if (!QTest::qWaitFor([bar] { return bar->isVisible(); }, kWithinASecond))
                return void(failure = QStringLiteral("no line about the change"));
            const QString expected =
                QStringLiteral("Jesse Fernwood (Care navigator) logged an attempt at ") + when;
            if (!bar->text().startsWith(expected))
                return void(failure = QStringLiteral("the line says: ") + bar->text());
            if (note->toPlainText() != QStringLiteral("Rang twice, no voicemail") ||
                QApplication::focusWidget() != note)
                return void(failure = QStringLiteral("the typed note or its focus was lost"));
            // Return (the dialog's save) does not save over theirs while the choice is open.
            save->click();
            if (!dialog->isVisible() || f.countRows(attempts) != attemptsBefore + 1)
                return void(failure = QStringLiteral("saved before the choice"));
            savePng(dialog, QStringLiteral("changed-elsewhere-followup.png"));
            if (!barFits(bar))
                return void(failure = QStringLiteral("the line is squeezed in the dialog"));
            if (const QStringList clashes = test::clashingMnemonics(dialog); !clashes.isEmpty())
                return void(failure = clashes.join(u'\n'));
            QTest::keyClick(dialog, keep ? Qt::Key_K : Qt::Key_Z, Qt::AltModifier);
            if (!QTest::qWaitFor([dialog] { return !dialog->isVisible(); }))
                failure = QStringLiteral("the dialog stayed open after the choice");
        };
        QTest::keyClick(&f.window(), Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(driven);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const store::FollowUpTask shown = queue->detailPane()->detail()->task;
        if (!keep) {
            QCOMPARE(f.countRows(attempts), attemptsBefore + 1);
            QCOMPARE(f.countRows(mine), 0);
            QCOMPARE(shown.version, version + 1); // their attempt shows
            QCOMPARE(shown.attempts.size(), attemptsBefore + 1);
            QVERIFY2(queue->statusText().startsWith(QStringLiteral("Their version of the task is shown")),
                     qPrintable(queue->statusText()));
            return;
        }
        QCOMPARE(f.countRows(attempts), attemptsBefore + 2);
        QCOMPARE(f.countRows(mine), 1);
        QCOMPARE(shown.version, version + 2);
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_id = '%1' AND "
                                            "action = 'attempt' AND user_id = '%2'")
                                 .arg(taskId, navigator.userId())),
                 1);
        QVERIFY2(queue->statusText().startsWith(QStringLiteral("Attempt logged: no answer by phone.")),
                 qPrintable(queue->statusText()));
    }
};

HEART_TEST_MAIN(TestChangedElsewhere)
#include "tst_changed_elsewhere.moc"
