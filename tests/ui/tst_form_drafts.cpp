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
#include "store/DraftStore.h"
#include "store/EncounterStore.h"
#include "store/UnitStore.h"
#include "units/TeamLeadHome.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
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

// CRT-1 finishes its demo call and is sent to an open welfare check, on
// scene: the lead's F3 opens a new, empty note.
bool sendCrt1ToWelfareCheck(test::UiTestFixture& f)
{
    store::AccountStore accounts(f.db(), f.clock());
    store::UnitStore units(f.db(), f.clock());
    auto lead =
        accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), QStringLiteral("test"));
    auto counselor = accounts.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"),
                                     QStringLiteral("test"));
    if (!lead.ok() || !counselor.ok())
        return false;
    auto crt1 = units.myUnit(lead.value());
    if (!crt1.ok())
        return false;
    auto clear = units.changeStatus(lead.value(), crt1.value().id, crt1.value().version, UnitStatus::Clear);
    if (!clear.ok())
        return false;
    auto available =
        units.changeStatus(lead.value(), crt1.value().id, clear.value().version, UnitStatus::Available);
    if (!available.ok())
        return false;
    const QString callId =
        firstValue(f, QStringLiteral("SELECT id FROM calls WHERE status = 'open' AND call_type = ?"),
                   QStringLiteral("welfare-check"));
    if (callId.isEmpty())
        return false;
    auto sent = units.dispatchToCall(counselor.value(), crt1.value().id, available.value().version, callId);
    if (!sent.ok())
        return false;
    auto enRoute =
        units.changeStatus(lead.value(), crt1.value().id, sent.value().version, UnitStatus::EnRoute);
    return enRoute.ok() &&
           units.changeStatus(lead.value(), crt1.value().id, enRoute.value().version, UnitStatus::OnScene)
               .ok();
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
        QVERIFY(sendCrt1ToWelfareCheck(f));

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

    // HEART Desk was killed after a draft write, and the note was signed on
    // another workstation: the signed note takes no change, so the draft is
    // shown above it when the lead opens it (never applied, never silently
    // dropped) until the lead starts an addendum with it or discards it.
    void draftOfANoteSignedSinceIsOfferedForAnAddendum()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        QVERIFY(sendCrt1ToWelfareCheck(f));
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QTest::keyClick(home, Qt::Key_F3);
        ui::EncounterForm* form = home->encounterForm();
        QVERIFY(form && form->isLoaded());
        const QString encounterId = form->encounter().id;
        const QString key = QStringLiteral("encounter/") + encounterId;
        const QString narrative = QStringLiteral("Sister will drive over tonight; the cat needs feeding.");
        auto* narrativeBox = form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        narrativeBox->setFocus();
        QTest::keyClicks(narrativeBox, narrative);
        form->findChild<QTimer*>(QStringLiteral("encounterSaveTimer"))->stop(); // killed before its save
        QTRY_VERIFY_WITH_TIMEOUT(draftContent(f, key).contains(narrative), 10000);

        // Meanwhile the note is completed and signed on another workstation.
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        {
            store::AccountStore accounts(other->db(), f.clock());
            store::EncounterStore encounters(other->db(), f.clock(), accounts);
            auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"),
                                        QStringLiteral("other"));
            QVERIFY(lead.ok());
            auto stored = encounters.open(lead.value(), encounterId);
            QVERIFY(stored.ok());
            encounter::EncounterNote note;
            note.presentingConcern = "Neighbour worried about her";
            note.assessment = "Calm, oriented";
            note.interventions = "Talked it through";
            note.disposition = encounter::EncounterDisposition::ResolvedOnScene;
            note.feltSafe = true;
            note.consentToFollowUp = false;
            auto written = encounters.update(lead.value(), encounterId, stored.value().version, note);
            QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().detail));
            auto signedNote = encounters.sign(lead.value(), encounterId, written.value().version,
                                              QStringLiteral("teamlead-demo"));
            QVERIFY2(signedNote.ok(), qPrintable(signedNote.ok() ? QString() : signedNote.error().detail));
        }
        QVERIFY(draftContent(f, key).contains(narrative));

        // Started again: the lead opens the signed note; the draft is shown above it, not in it.
        auto again = f.openWorkstation();
        QVERIFY(again->ok());
        again->typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home2 = qobject_cast<ui::TeamLeadHome*>(again->window().home());
        QVERIFY(home2);
        QTest::keyClick(home2, Qt::Key_F3);
        ui::EncounterForm* form2 = home2->encounterForm();
        QVERIFY(form2 && form2->isLoaded());
        QCOMPARE(form2->encounter().id, encounterId);
        QVERIFY(form2->encounter().isSigned());
        QCOMPARE(form2->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->toPlainText(), QString());
        auto* leftover = form2->findChild<QPlainTextEdit*>(QStringLiteral("leftoverDraft"));
        QVERIFY2(leftover, "the signed note shows nothing of the draft left on it");
        QVERIFY(leftover->isVisibleTo(form2));
        QVERIFY2(leftover->toPlainText().contains(QStringLiteral("Narrative: ") + narrative),
                 qPrintable(leftover->toPlainText()));
        QVERIFY(leftover->isReadOnly());
        QVERIFY(draftContent(f, key).contains(narrative)); // shown, still kept

        // "Start an addendum with this": the dialog has the text; signed, the draft goes.
        QString seen;
        QString offered;
        test::onNextModal(&seen, [&](QWidget* dialog) {
            offered = dialog->findChild<QPlainTextEdit*>(QStringLiteral("addendumText"))->toPlainText();
            auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("signaturePassword"));
            QTest::keyClicks(password, QStringLiteral("teamlead-demo"));
            QTest::keyClick(password, Qt::Key_Return);
        });
        form2->findChild<QAbstractButton*>(QStringLiteral("leftoverToAddendum"))->click();
        QCOMPARE(seen, QStringLiteral("addendumDialog"));
        QVERIFY(offered.contains(narrative));
        auto* addenda = form2->findChild<QListWidget*>(QStringLiteral("encounterAddenda"));
        QTRY_COMPARE(addenda->count(), 1);
        QVERIFY2(addenda->item(0)->text().contains(narrative), qPrintable(addenda->item(0)->text()));
        QCOMPARE(draftContent(f, key), QString());
        QVERIFY(!leftover->isVisibleTo(form2));

        // A draft that holds nothing beyond the signed note is deleted unseen;
        // one that does, and is discarded, goes too.
        store::AccountStore accounts(f.db(), f.clock());
        auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"),
                                    QStringLiteral("test"));
        QVERIFY(lead.ok());
        const auto draftOf = [&](const char* concern) {
            QJsonObject note;
            note.insert(QStringLiteral("presentingConcern"), QString::fromUtf8(concern));
            QJsonObject draft;
            draft.insert(QStringLiteral("encounterId"), encounterId);
            draft.insert(QStringLiteral("note"), note);
            return QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact));
        };
        QVERIFY(!store::DraftStore(f.db(), f.clock())
                     .save(lead.value(), key, draftOf("Neighbour worried about her")));
        form2->reload();
        QVERIFY(!leftover->isVisibleTo(form2));
        QCOMPARE(draftContent(f, key), QString());
        QVERIFY(!store::DraftStore(f.db(), f.clock()).save(lead.value(), key, draftOf("Not eating")));
        form2->reload();
        QVERIFY(leftover->isVisibleTo(form2));
        QVERIFY(leftover->toPlainText().contains(QStringLiteral("Presenting concern: Not eating")));
        form2->findChild<QAbstractButton*>(QStringLiteral("leftoverDiscard"))->click();
        QVERIFY(!leftover->isVisibleTo(form2));
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

    // Recording the outcome deletes its draft in the recording's own
    // transaction: a recording that fails keeps the draft (with the last
    // letters typed before OK), and a draft that cannot be deleted takes the
    // recording back with it (never a closed task beside a stale draft).
    void outcomeDraftGoesInTheRecordingsTransaction()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        if (f.server())
            // The failures are made with SQLite triggers; on PostgreSQL the same
            // transaction is checked by tst_usecase_followups'
            // recordOutcomeTakesItsDraftInItsTransaction (a fault at the deletion).
            QSKIP("failures made by SQLite triggers; PostgreSQL: tst_usecase_followups");
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
        const QString stateSql = QStringLiteral("SELECT state FROM followup_tasks WHERE id = ?");
        QVERIFY(queue->selectTask(taskId));
        QTRY_COMPARE(queue->shownTaskId(), taskId);
        // Types the note and presses OK at once (no pause for the draft's timer).
        auto record = [&](const QString& note) {
            QString seen;
            test::onNextModal(&seen, [&](QWidget* dialog) {
                dialog->findChild<QRadioButton*>(QStringLiteral("outcome_declined"))->setChecked(true);
                auto* noteBox = dialog->findChild<QPlainTextEdit*>(QStringLiteral("outcomeNote"));
                noteBox->setFocus();
                noteBox->moveCursor(QTextCursor::End);
                QTest::keyClicks(noteBox, note);
                dialog->findChild<QAbstractButton*>(QStringLiteral("outcomeRecord"))->click();
            });
            queue->recordOutcome();
            return seen;
        };

        // 1. The task's row cannot be written: nothing is recorded, and the
        //    draft holds everything typed, the last letters too.
        QSqlQuery sql(f.db().connection());
        QVERIFY(sql.exec(QStringLiteral("CREATE TRIGGER test_task_fails BEFORE UPDATE ON followup_tasks "
                                        "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        const QString first = QStringLiteral("Reached by text; wants a call on Monday");
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("update follow-up task failed")));
        QCOMPARE(record(first), QStringLiteral("recordOutcomeDialog"));
        QCOMPARE(firstValue(f, stateSql, taskId), QStringLiteral("open"));
        QTRY_VERIFY_WITH_TIMEOUT(draftContent(f, key).contains(first), 10000);
        QTest::qWait(2 * ui::RecordOutcomeDialog::kDraftMs); // nothing deletes it later
        QVERIFY(draftContent(f, key).contains(first));
        QVERIFY(sql.exec(QStringLiteral("DROP TRIGGER test_task_fails")));

        // 2. The draft cannot be deleted: the recording is taken back with it.
        QVERIFY(sql.exec(QStringLiteral("CREATE TRIGGER test_draft_stays BEFORE DELETE ON drafts "
                                        "BEGIN SELECT RAISE(ABORT, 'locked'); END")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("discard draft failed")));
        QCOMPARE(record(QStringLiteral(" and")), QStringLiteral("recordOutcomeDialog"));
        QTest::qWait(2 * ui::RecordOutcomeDialog::kDraftMs);
        QCOMPARE(firstValue(f, stateSql, taskId), QStringLiteral("open"));
        QVERIFY(draftContent(f, key).contains(first + QStringLiteral(" and")));
        QVERIFY(sql.exec(QStringLiteral("DROP TRIGGER test_draft_stays")));

        // 3. Recorded: the task is closed and the draft gone in the same
        //    commit (no later background write needed, none brings it back).
        QCOMPARE(record(QStringLiteral(" Tuesday")), QStringLiteral("recordOutcomeDialog"));
        QCOMPARE(firstValue(f, stateSql, taskId), QStringLiteral("closed"));
        QCOMPARE(draftContent(f, key), QString());
        QCOMPARE(
            firstValue(f, QStringLiteral("SELECT outcome_note FROM followup_tasks WHERE id = ?"), taskId),
            first + QStringLiteral(" and Tuesday"));
        QTest::qWait(2 * ui::RecordOutcomeDialog::kDraftMs);
        QCOMPARE(draftContent(f, key), QString());
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
