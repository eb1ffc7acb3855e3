// The counselor's drafts: a call's tab closed with Ctrl+W comes back from
// "My drafts" (Ctrl+Shift+D, Enter) without signing out; signing out, quitting,
// changing role or another user signing in at the locked window with an
// unsaved call at imminent risk warns, naming the call, and may be cancelled;
// new calls never get a CAD number a draft holds, nor one another
// workstation on the same database was given.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CounselorHome.h"
#include "intake/CssrsPanel.h"
#include "intake/IntakeForm.h"
#include "store/ConnectionSpec.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

using namespace heart;
using namespace std::chrono;

namespace {

TimePoint wednesdayMorning()
{
    return TimePoint{sys_days{year{2026} / 11 / 18} + hours{15}};
}

void clickButton(QWidget* modal, const char* name)
{
    if (auto* button = modal->findChild<QPushButton*>(QLatin1String(name)))
        button->click();
    else
        QTest::keyClick(modal, Qt::Key_Escape);
}

// After a dialog closed, the main window takes the keys again (offscreen, nothing gives it back by itself).
void reactivate()
{
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (top->objectName() == QLatin1String("mainWindow") && top->isVisible() &&
            !QApplication::activeModalWidget()) {
            top->activateWindow();
            (void)QTest::qWaitForWindowActive(top);
            return;
        }
    }
}

} // namespace

class TestIntakeDrafts : public QObject
{
    Q_OBJECT

private:
    ui::CounselorHome* signIn(test::UiTestFixture& f)
    {
        f.clock().set(wednesdayMorning());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        f.window().activateWindow();
        if (!QTest::qWaitForWindowActive(&f.window()))
            return nullptr;
        return qobject_cast<ui::CounselorHome*>(f.window().home());
    }
    static void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTRY_VERIFY(!QApplication::activeModalWidget());
        reactivate();
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), k, modifiers);
    }
    static ui::IntakeForm* newCall(ui::CounselorHome* home)
    {
        reactivate();
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : home, Qt::Key_N,
                        Qt::ControlModifier);
        return qobject_cast<ui::IntakeForm*>(home->currentWidget());
    }
    static QString cadOf(ui::IntakeForm* form)
    {
        return form->findChild<QLineEdit*>(QStringLiteral("cadNumber"))->text();
    }
    static void imminentRisk(ui::IntakeForm* form)
    {
        auto* panel = form->findChild<ui::CssrsPanel*>();
        panel->answerBox(triage::CssrsQuestion::WishedDead)->setCurrentIndex(1);
        panel->answerBox(triage::CssrsQuestion::Thoughts)->setCurrentIndex(1);
        panel->answerBox(triage::CssrsQuestion::Intent)->setCurrentIndex(1);
    }
    // Ctrl+W on the call's tab, keeping the changes as a draft.
    static void closeTabKeepingDraft(ui::CounselorHome* home, ui::IntakeForm* form)
    {
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))->setFocus();
        QString seen;
        test::onNextModal(&seen, [](QWidget* modal) {
            if (auto* box = qobject_cast<QMessageBox*>(modal))
                box->button(QMessageBox::Yes)->click();
        });
        key(Qt::Key_W, Qt::ControlModifier);
        QTRY_VERIFY(!home->forms().contains(form));
    }

private Q_SLOTS:
    void closedTabComesBackFromMyDrafts()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = newCall(home);
        QVERIFY(form);
        const QString cad = cadOf(form);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Robin Quillfeather"));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Suicide Threat"));
        imminentRisk(form);
        closeTabKeepingDraft(home, form);
        QVERIFY(home->forms().isEmpty());
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%'")), 1);

        // Ctrl+Shift+D lists it (CAD number, time received, call type); Enter reopens it.
        QString seen;
        QStringList row;
        test::onNextModal(&seen, [&](QWidget* modal) {
            if (auto* list = modal->findChild<QTreeWidget*>(QStringLiteral("myDraftsList"))) {
                for (int column = 0; list->topLevelItemCount() == 1 && column < list->columnCount(); ++column)
                    row << list->topLevelItem(0)->text(column);
            }
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        key(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("myDraftsDialog"), 30000);
        QCOMPARE(row.size(), 4);
        QCOMPARE(row.at(0), cad + QStringLiteral(" — imminent risk"));
        QCOMPARE(row.at(1), QStringLiteral("2026-11-18 10:00"));
        QCOMPARE(row.at(2), QStringLiteral("Suicide Threat"));
        QTRY_COMPARE(home->forms().size(), 1);
        ui::IntakeForm* back = home->forms().first();
        QCOMPARE(home->currentWidget(), back);
        QCOMPARE(cadOf(back), cad);
        QCOMPARE(back->findChild<QLineEdit*>(QStringLiteral("callerName"))->text(),
                 QStringLiteral("Robin Quillfeather"));
        QVERIFY(back->atImminentRisk());
        QCOMPARE(back->statusText(), QStringLiteral("Reopened from your drafts."));

        // A draft open in a tab is not listed again; the button opens the same list.
        seen.clear();
        int listed = -1;
        bool emptyShown = false;
        test::onNextModal(&seen, [&](QWidget* modal) {
            listed = modal->findChild<QTreeWidget*>(QStringLiteral("myDraftsList"))->topLevelItemCount();
            emptyShown = modal->findChild<QLabel*>(QStringLiteral("myDraftsEmpty"))->isVisible();
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        home->findChild<QPushButton*>(QStringLiteral("myDraftsButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("myDraftsDialog"), 30000);
        QCOMPARE(listed, 0);
        QVERIFY(emptyShown);
        QCOMPARE(home->forms().size(), 1);
    }

    void signingOutWarnsOfAnUnsavedCallAtImminentRisk()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = newCall(home);
        QVERIFY(form);
        const QString cad = cadOf(form);
        imminentRisk(form);
        QVERIFY(form->hasUnsavedChanges());

        // Ctrl+Shift+L: a warning naming the call; Escape (the default) stays signed in.
        QString seen;
        QString text;
        QString defaultButton;
        test::onNextModal(&seen, [&](QWidget* modal) {
            if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                text = box->text();
                defaultButton = box->defaultButton() ? box->defaultButton()->text() : QString();
            }
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        key(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("imminentRiskWarning"), 30000);
        QVERIFY2(text.contains(QStringLiteral("New call ") + cad), qPrintable(text));
        QCOMPARE(defaultButton, QStringLiteral("Cancel"));
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY(f.window().actor().has_value());
        QCOMPARE(f.window().home(), home);
        QVERIFY(home->forms().contains(form));

        // Going on signs out and keeps the call as a draft.
        seen.clear();
        test::onNextModal(&seen, [](QWidget* modal) { clickButton(modal, "imminentRiskGoOn"); });
        f.window().signOut();
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("imminentRiskWarning"), 30000);
        QVERIFY(!f.window().actor().has_value());
        QCOMPARE(
            f.countRows(QStringLiteral(
                            "SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%' AND content LIKE '%%1%'")
                            .arg(cad)),
            1);

        // A saved call at imminent risk, or an unsaved one at lower risk, signs out without a word.
        home = signIn(f);
        QVERIFY(home);
        QCOMPARE(home->forms().size(), 1); // the draft came back
        ui::IntakeForm* restored = home->forms().first();
        restored->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Suicide Threat"));
        QVERIFY(restored->save());
        ui::IntakeForm* low = newCall(home);
        low->findChild<ui::CssrsPanel*>()->answerBox(triage::CssrsQuestion::WishedDead)->setCurrentIndex(1);
        QVERIFY(low->hasUnsavedChanges());
        seen.clear();
        test::onNextModal(&seen, [](QWidget* modal) { QTest::keyClick(modal, Qt::Key_Escape); });
        f.window().signOut();
        QVERIFY(!f.window().actor().has_value());
        QTest::qWait(100);
        QVERIFY2(seen.isEmpty(), qPrintable(seen));
    }

    void anotherUserAtTheLockedWindowIsWarned()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = newCall(home);
        const QString cad = cadOf(form);
        imminentRisk(form);
        f.window().lock();
        QVERIFY(f.window().isLocked());

        // The supervisor signs in at the locked window: warned, may step back.
        QString seen;
        QString text;
        test::onNextModal(&seen, [&](QWidget* modal) {
            text = qobject_cast<QMessageBox*>(modal)->text();
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("signInOtherUser")),
                          Qt::LeftButton);
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("imminentRiskWarning"), 30000);
        QVERIFY2(text.contains(cad), qPrintable(text));
        QVERIFY(f.window().isLocked());
        QCOMPARE(f.window().actor()->login(), QStringLiteral("counselor"));
        QVERIFY(home->forms().contains(form));

        seen.clear();
        test::onNextModal(&seen, [](QWidget* modal) { clickButton(modal, "imminentRiskGoOn"); });
        QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("signInOtherUser")),
                          Qt::LeftButton);
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("imminentRiskWarning"), 30000);
        QTRY_COMPARE(f.window().actor()->login(), QStringLiteral("supervisor"));
        QVERIFY(!f.window().isLocked());
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%'")), 1);
    }

    void newCallsNeverReuseADraftsNumber()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* first = newCall(home);
        QVERIFY(first);
        const QString firstCad = cadOf(first);
        QVERIFY(firstCad.startsWith(QStringLiteral("HD20261118-")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Robin Quillfeather"));
        const QString firstKey = first->draftKey();
        closeTabKeepingDraft(home, first);

        // Nothing saved as a call yet: the next call still gets a number of its own.
        ui::IntakeForm* second = newCall(home);
        QVERIFY(second);
        const QString secondCad = cadOf(second);
        QVERIFY2(secondCad != firstCad, qPrintable(secondCad));
        second->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        QVERIFY2(second->save(), qPrintable(second->statusText()));

        // The draft, reopened, saves under its own number.
        ui::IntakeForm* reopened = home->reopenDraft(firstKey);
        QVERIFY(reopened);
        QCOMPARE(cadOf(reopened), firstCad);
        reopened->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        QVERIFY2(reopened->save(), qPrintable(reopened->statusText()));

        // A second workstation on the same database: another number again.
        store::Database otherDb;
        QVERIFY(!otherDb.open(store::ConnectionSpec::sqlite(f.path())));
        ui::MainWindow other(otherDb, f.clock(), f.language());
        other.start();
        QVERIFY(other.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo")));
        auto* otherHome = qobject_cast<ui::CounselorHome*>(other.home());
        QVERIFY(otherHome);
        ui::IntakeForm* there = otherHome->newCall();
        ui::IntakeForm* here = home->newCall();
        QVERIFY(there && here);
        const QStringList numbers = {firstCad, secondCad, cadOf(there), cadOf(here)};
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), 4);
    }
};

HEART_TEST_MAIN(TestIntakeDrafts)
#include "tst_intake_drafts.moc"
