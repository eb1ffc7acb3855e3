// Nothing typed is lost when HEART Desk stops before it saves: the team
// lead's encounter note and the care navigator's outcome dialog keep what is
// typed as a draft (DraftStore), a window built again on the same database
// puts it back, and the save that writes the record deletes the draft.
//
// "Stops" without killing anything: the first window's note is never saved
// again (its save timer is stopped, as a killed program's would be), the
// outcome dialog is destroyed without OK or Cancel, and a second window on
// the same database file stands for the program started again.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "core/units/UnitStatus.h"
#include "encounter/EncounterForm.h"
#include "followup/FollowUpQueueWidget.h"
#include "followup/RecordOutcomeDialog.h"
#include "intake/DraftWriter.h"
#include "shell/MainWindow.h"
#include "store/AccountStore.h"
#include "store/UnitStore.h"
#include "units/TeamLeadHome.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSqlQuery>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <memory>

using namespace heart;
using units::UnitStatus;

namespace {

// The content of the draft of `form`, read with the fixture's own connection; empty when there is none.
QString draftContent(test::UiTestFixture& f, const QString& form)
{
    QSqlQuery query(f.db().connection());
    query.prepare(QStringLiteral("SELECT content FROM drafts WHERE form = ?"));
    query.addBindValue(form);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

QString firstValue(test::UiTestFixture& f, const QString& sql, const QString& bound)
{
    QSqlQuery query(f.db().connection());
    query.prepare(sql);
    query.addBindValue(bound);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace

class TestFormDrafts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encounterNoteComesBackAfterTheProgramStopped()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        store::AccountStore accounts(f.db(), f.clock());
        store::UnitStore units(f.db(), f.clock());
        auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"),
                                    QStringLiteral("test"));
        QVERIFY(lead.ok());
        // CRT-1 finishes its demo call and is sent to an open welfare check: a new, empty note.
        auto crt1 = units.myUnit(lead.value());
        QVERIFY(crt1.ok());
        auto clear =
            units.changeStatus(lead.value(), crt1.value().id, crt1.value().version, UnitStatus::Clear);
        QVERIFY(clear.ok());
        auto available =
            units.changeStatus(lead.value(), crt1.value().id, clear.value().version, UnitStatus::Available);
        QVERIFY(available.ok());
        QSqlQuery open(f.db().connection());
        QVERIFY(open.exec(
            QStringLiteral("SELECT id FROM calls WHERE status = 'open' AND call_type = 'welfare-check'")));
        QVERIFY(open.next());
        const QString callId = open.value(0).toString();
        open.finish();
        auto counselor = accounts.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"),
                                         QStringLiteral("test"));
        QVERIFY(counselor.ok());
        auto sent =
            units.dispatchToCall(counselor.value(), crt1.value().id, available.value().version, callId);
        QVERIFY(sent.ok());
        auto enRoute =
            units.changeStatus(lead.value(), crt1.value().id, sent.value().version, UnitStatus::EnRoute);
        QVERIFY(enRoute.ok());
        QVERIFY(
            units.changeStatus(lead.value(), crt1.value().id, enRoute.value().version, UnitStatus::OnScene)
                .ok());

        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QTest::keyClick(home, Qt::Key_F3);
        ui::EncounterForm* form = home->encounterForm();
        QVERIFY(form && form->isLoaded());
        const QString encounterId = form->encounter().id;
        const QString key = QStringLiteral("encounter/") + encounterId;
        QCOMPARE(form->draftKey(), key);

        // Typed; the note's own save never comes (the program is gone before it).
        const QString concern = QStringLiteral("Neighbour worried: has not left the flat in days");
        const QString narrative = QStringLiteral("Spoke through the door first, then inside; ate with us.");
        auto* concernBox = form->findChild<QPlainTextEdit*>(QStringLiteral("presentingConcern"));
        auto* narrativeBox = form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        concernBox->setFocus();
        QTest::keyClicks(concernBox, concern);
        narrativeBox->setFocus();
        QTest::keyClicks(narrativeBox, narrative);
        auto* saveTimer = form->findChild<QTimer*>(QStringLiteral("encounterSaveTimer"));
        QVERIFY(saveTimer);
        saveTimer->stop();
        // The draft follows the typing within kDraftMs, in the background.
        QTRY_VERIFY_WITH_TIMEOUT(draftContent(f, key).contains(narrative), 10000);
        const QJsonObject draft = QJsonDocument::fromJson(draftContent(f, key).toUtf8()).object();
        QCOMPARE(draft.value(QStringLiteral("note")).toObject().value(QStringLiteral("presentingConcern")),
                 QJsonValue(concern));
        QVERIFY(saveTimer->isActive() == false);
        // The note itself holds none of it.
        QCOMPARE(firstValue(f, QStringLiteral("SELECT COALESCE(narrative, '') FROM encounters WHERE id = ?"),
                            encounterId),
                 QString());

        // The program started again on the same database: the lead signs in, the note opens with it.
        auto again = f.openWorkstation();
        QVERIFY(again->ok());
        again->typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home2 = qobject_cast<ui::TeamLeadHome*>(again->window().home());
        QVERIFY(home2);
        QTest::keyClick(home2, Qt::Key_F3);
        ui::EncounterForm* form2 = home2->encounterForm();
        QVERIFY(form2 && form2->isLoaded());
        QCOMPARE(form2->encounter().id, encounterId);
        QCOMPARE(form2->findChild<QPlainTextEdit*>(QStringLiteral("presentingConcern"))->toPlainText(),
                 concern);
        QCOMPARE(form2->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->toPlainText(), narrative);
        QVERIFY2(
            form2->statusText().contains(QStringLiteral("What you typed before HEART Desk stopped is back")),
            qPrintable(form2->statusText()));

        // It is saved as the note (a moment later, as typing is), and the draft goes in the same write.
        QTRY_COMPARE_WITH_TIMEOUT(
            firstValue(f, QStringLiteral("SELECT narrative FROM encounters WHERE id = ?"), encounterId),
            narrative, 10000);
        QCOMPARE(firstValue(f, QStringLiteral("SELECT presenting_concern FROM encounters WHERE id = ?"),
                            encounterId),
                 concern);
        QCOMPARE(draftContent(f, key), QString());
        QVERIFY2(form2->statusText().startsWith(QStringLiteral("Saved")), qPrintable(form2->statusText()));

        // Typing again keeps a draft again; Ctrl+S saves the note and deletes it.
        auto* narrative2 = form2->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        narrative2->setFocus();
        narrative2->moveCursor(QTextCursor::End);
        QTest::keyClicks(narrative2, QStringLiteral(" Plan agreed."));
        form2->findChild<QTimer*>(QStringLiteral("encounterSaveTimer"))->stop();
        QTRY_VERIFY_WITH_TIMEOUT(draftContent(f, key).contains(QStringLiteral("Plan agreed.")), 10000);
        QVERIFY(form2->save());
        QCOMPARE(draftContent(f, key), QString());
        QCOMPARE(firstValue(f, QStringLiteral("SELECT narrative FROM encounters WHERE id = ?"), encounterId),
                 narrative + QStringLiteral(" Plan agreed."));
        QTest::qWait(2 * ui::EncounterForm::kDraftMs); // no late draft write brings it back
        QCOMPARE(draftContent(f, key), QString());
    }

    void outcomeNoteComesBackWhenTheTaskIsOpenedAgain()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        store::AccountStore accounts(f.db(), f.clock());
        auto navigator = accounts.signIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"),
                                         QStringLiteral("test"));
        QVERIFY(navigator.ok());
        QSqlQuery open(f.db().connection());
        QVERIFY(
            open.exec(QStringLiteral("SELECT id FROM followup_tasks WHERE state = 'open' ORDER BY due_at")));
        QVERIFY(open.next());
        const QString taskId = open.value(0).toString();
        open.finish();
        const QString key = QStringLiteral("followup-outcome/") + taskId;
        const QString note = QStringLiteral("Said to call back after the weekend; prefers texts");

        // The navigator chooses "declined" and writes a note; HEART Desk stops before OK.
        {
            ui::DraftWriter drafts(f.db(), f.clock());
            auto dialog =
                std::make_unique<ui::RecordOutcomeDialog>(ui::Services{f.db(), f.clock(), navigator.value()});
            dialog->keepDraft(taskId, &drafts);
            QVERIFY(!dialog->restoredDraft());
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            dialog->findChild<QRadioButton*>(QStringLiteral("outcome_declined"))->setChecked(true);
            auto* noteBox = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote"));
            noteBox->setFocus();
            QTest::keyClicks(noteBox, note);
            QTRY_VERIFY_WITH_TIMEOUT(draftContent(f, key).contains(note), 10000);
            dialog.reset(); // neither OK nor Cancel
        }
        QVERIFY(draftContent(f, key).contains(note));
        QCOMPARE(firstValue(f, QStringLiteral("SELECT state FROM followup_tasks WHERE id = ?"), taskId),
                 QStringLiteral("open"));

        // Started again: the navigator opens the task and "Record outcome"; the dialog has it back.
        auto again = f.openWorkstation();
        QVERIFY(again->ok());
        again->typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(again->window().home());
        QVERIFY(queue);
        QVERIFY(queue->selectTask(taskId));
        QTRY_COMPARE(queue->shownTaskId(), taskId);
        QString seen;
        QString restoredNote;
        bool declined = false;
        bool shownAsBack = false;
        test::onNextModal(&seen, [&](QWidget* dialog) {
            restoredNote = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote"))->toPlainText();
            declined = dialog->findChild<QRadioButton*>(QStringLiteral("outcome_declined"))->isChecked();
            shownAsBack = dialog->findChild<QLabel*>(QStringLiteral("outcomeDraftRestored"))->isVisible();
            dialog->findChild<QAbstractButton*>(QStringLiteral("outcomeRecord"))->click();
        });
        queue->recordOutcome();
        QCOMPARE(seen, QStringLiteral("recordOutcomeDialog"));
        QCOMPARE(restoredNote, note);
        QVERIFY(declined);
        QVERIFY(shownAsBack);
        // Recorded: the task is closed with the note, and the draft is gone.
        QCOMPARE(firstValue(f, QStringLiteral("SELECT state FROM followup_tasks WHERE id = ?"), taskId),
                 QStringLiteral("closed"));
        QCOMPARE(
            firstValue(f, QStringLiteral("SELECT outcome_note FROM followup_tasks WHERE id = ?"), taskId),
            note);
        QTRY_COMPARE_WITH_TIMEOUT(draftContent(f, key), QString(), 10000);
    }

    void cancellingTheOutcomeDialogDropsItsDraft()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        QSqlQuery open(f.db().connection());
        QVERIFY(
            open.exec(QStringLiteral("SELECT id FROM followup_tasks WHERE state = 'open' ORDER BY due_at")));
        QVERIFY(open.next());
        const QString taskId = open.value(0).toString();
        open.finish();
        const QString key = QStringLiteral("followup-outcome/") + taskId;
        QVERIFY(queue->selectTask(taskId));
        QString seen;
        bool drafted = false;
        test::onNextModal(&seen, [&](QWidget* dialog) {
            auto* noteBox = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote"));
            noteBox->setFocus();
            QTest::keyClicks(noteBox, QStringLiteral("Wrong task"));
            drafted = QTest::qWaitFor(
                [&] { return draftContent(f, key).contains(QStringLiteral("Wrong task")); }, 10000);
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        queue->recordOutcome();
        QCOMPARE(seen, QStringLiteral("recordOutcomeDialog"));
        QVERIFY(drafted);
        QTRY_COMPARE_WITH_TIMEOUT(draftContent(f, key), QString(), 10000);
        QCOMPARE(firstValue(f, QStringLiteral("SELECT state FROM followup_tasks WHERE id = ?"), taskId),
                 QStringLiteral("open"));
    }
};

HEART_TEST_MAIN(TestFormDrafts)
#include "tst_form_drafts.moc"
