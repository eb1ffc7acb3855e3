// The intake form's shortcuts from the keyboard, as the counselor meets them:
// Ctrl+S, Ctrl+D, Ctrl+E, Ctrl+F, Ctrl+H (and Ctrl+Shift+A on a closed call)
// work from every kind of field — line edits, the narrative, spin box, date,
// drop-downs, the C-SSRS answers — even where the field has an editing
// meaning for the key (X11 key bindings: Ctrl+E end of line, Ctrl+D delete,
// Ctrl+H backspace), and the text is left alone. Closing a call whose unit
// has not cleared asks first (default: keep it open; Escape cancels).
// Starting a call is in the File menu and a button beside the tabs, and no
// Alt letter is used twice, in English or Spanish.
//
// Runs offscreen and, through xvfb-run, on a real X server (-platform xcb),
// where the X11 key bindings of text fields are in force.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "home/CallListHome.h"
#include "intake/CounselorHome.h"
#include "intake/CssrsPanel.h"
#include "intake/IntakeForm.h"
#include "store/PersonStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace heart;
using namespace std::chrono;

namespace {

// Wednesday 2026-11-18, 10:00 in Durham (15:00 UTC): CRT, CCD and Co-Response all open.
TimePoint wednesdayMorning()
{
    return TimePoint{sys_days{year{2026} / 11 / 18} + hours{15}};
}

void escape(QWidget* modal)
{
    QTest::keyClick(modal, Qt::Key_Escape);
}

// Menu items of one menu whose Alt letters clash.
QStringList clashingMenuMnemonics(QMenu* menu)
{
    QMultiHash<QChar, QString> owners;
    for (QAction* action : menu->actions()) {
        if (!action->isVisible() || action->isSeparator())
            continue;
        const QString text = action->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (amp >= 0 && amp + 1 < text.size())
            owners.insert(text.at(amp + 1).toLower(), text);
    }
    QStringList clashes;
    for (const QChar letter : owners.uniqueKeys()) {
        if (owners.count(letter) > 1)
            clashes << owners.values(letter).join(QStringLiteral(" / "));
    }
    return clashes;
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

class TestIntakeKeys : public QObject
{
    Q_OBJECT

private:
    ui::CounselorHome* signInCounselor(test::UiTestFixture& f)
    {
        f.clock().set(wednesdayMorning());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        f.window().activateWindow();
        if (!QTest::qWaitForWindowActive(&f.window()))
            return nullptr;
        return qobject_cast<ui::CounselorHome*>(f.window().home());
    }
    ui::IntakeForm* startCall(test::UiTestFixture& f)
    {
        ui::CounselorHome* home = signInCounselor(f);
        if (!home)
            return nullptr;
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : home, Qt::Key_N,
                        Qt::ControlModifier);
        return qobject_cast<ui::IntakeForm*>(home->currentWidget());
    }
    // A form shortcut pressed where the focus is; a button's shortcut
    // "animates" the click, which lands ~100 ms later.
    static void press(Qt::Key k, Qt::KeyboardModifiers modifiers)
    {
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), k, modifiers);
        QTest::qWait(250);
    }
    static bool focusIsIn(QWidget* field)
    {
        QWidget* focus = QApplication::focusWidget();
        return focus && (focus == field || field->isAncestorOf(focus));
    }
    // The text a field shows, to see that a shortcut did not edit it.
    static QString textOf(QWidget* field)
    {
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            return edit->text();
        if (auto* edit = qobject_cast<QPlainTextEdit*>(field))
            return edit->toPlainText();
        if (auto* box = qobject_cast<QComboBox*>(field))
            return box->currentText();
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(field))
            return spin->text();
        return {};
    }
    static void focusAtStart(QWidget* field)
    {
        QTRY_VERIFY(!QApplication::activeModalWidget());
        reactivate();
        field->setFocus();
        // At the start of the text: X11's Ctrl+E would move, Ctrl+D delete a letter.
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            edit->setCursorPosition(0);
        else if (auto* text = qobject_cast<QPlainTextEdit*>(field))
            text->moveCursor(QTextCursor::Start);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Which key bindings the text fields have here (xcb: X11's, offscreen: Windows').
        const bool x11 = QKeySequence::keyBindings(QKeySequence::MoveToEndOfLine)
                             .contains(QKeySequence(Qt::CTRL | Qt::Key_E));
        qInfo("platform %s: Ctrl+E %s in text fields", qPrintable(QGuiApplication::platformName()),
              x11 ? "moves to the end of the line" : "has no editing meaning");
        if (QGuiApplication::platformName() == QLatin1String("xcb"))
            QVERIFY2(x11, "on X11 the text fields should have the X11 key bindings");
    }

    void shortcutsWorkFromEveryField()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        {
            store::PersonStore people(f.db(), f.clock());
            store::PersonRecord known;
            known.givenName = QStringLiteral("Jordan");
            known.familyName = QStringLiteral("Quarrystone");
            QVERIFY(people.create(*f.window().actor(), known).ok());
        }
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))
            ->setText(QStringLiteral("Robin Quillfeather"));
        form->findChild<QLineEdit*>(QStringLiteral("personName"))->setText(QStringLiteral("Quarrystone"));
        form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))
            ->setPlainText(QStringLiteral("Worried about her brother."));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        form->findChild<QSpinBox*>(QStringLiteral("personAge"))->setValue(34);

        auto* panel = form->findChild<ui::CssrsPanel*>();
        const QList<QWidget*> fields = {
            form->findChild<QLineEdit*>(QStringLiteral("callerName")),
            form->findChild<QLineEdit*>(QStringLiteral("address")),
            form->findChild<QPlainTextEdit*>(QStringLiteral("narrative")),
            form->findChild<QSpinBox*>(QStringLiteral("personAge")),
            form->findChild<QDateTimeEdit*>(QStringLiteral("receivedAt")),
            form->findChild<QComboBox*>(QStringLiteral("callType")), // editable: a line edit inside
            form->findChild<QComboBox*>(QStringLiteral("callerRelationship")),
            form->findChild<QComboBox*>(QStringLiteral("disposition")),
            panel->answerBox(triage::CssrsQuestion::WishedDead),
        };
        form->findChild<QLineEdit*>(QStringLiteral("address"))->setText(QStringLiteral("400 W Main St"));

        // Ctrl+F from a text field links the person (Enter in the dialog).
        focusAtStart(fields.at(0));
        QString seen;
        test::onNextModal(&seen,
                          [](QWidget*) { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); });
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("personDialog"), 30000);
        QTRY_COMPARE(form->findChild<QLabel*>(QStringLiteral("personLink"))->text(),
                     QStringLiteral("Linked: Jordan Quarrystone"));

        for (QWidget* field : fields) {
            QVERIFY(field);
            const QString name = field->objectName();
            focusAtStart(field);
            QVERIFY2(focusIsIn(field), qPrintable(name));
            const QString before = textOf(field);

            press(Qt::Key_S, Qt::ControlModifier);
            QVERIFY2(form->statusText() == QStringLiteral("Saved."),
                     qPrintable(name + QStringLiteral(": ") + form->statusText()));
            focusAtStart(field);
            press(Qt::Key_E, Qt::ControlModifier);
            QVERIFY2(form->statusText() == QStringLiteral("Record the disposition before closing the call."),
                     qPrintable(name + QStringLiteral(" Ctrl+E: ") + form->statusText()));
            focusAtStart(field);
            press(Qt::Key_S, Qt::ControlModifier);
            // Ctrl+D is the form's even while dispatch is not possible (no unit to send): nothing happens.
            focusAtStart(field);
            press(Qt::Key_D, Qt::ControlModifier);
            QVERIFY2(form->statusText() == QStringLiteral("Saved."),
                     qPrintable(name + QStringLiteral(" Ctrl+D: ") + form->statusText()));

            focusAtStart(field);
            seen.clear();
            test::onNextModal(&seen, escape);
            press(Qt::Key_H, Qt::ControlModifier);
            QTRY_VERIFY2_WITH_TIMEOUT(seen == QStringLiteral("personHistoryDialog"),
                                      qPrintable(name + QStringLiteral(" Ctrl+H: ") + seen), 30000);
            focusAtStart(field);
            seen.clear();
            test::onNextModal(&seen, escape);
            press(Qt::Key_F, Qt::ControlModifier);
            QTRY_VERIFY2_WITH_TIMEOUT(seen == QStringLiteral("personDialog"),
                                      qPrintable(name + QStringLiteral(" Ctrl+F: ") + seen), 30000);
            QTRY_VERIFY(!QApplication::activeModalWidget());

            QVERIFY2(textOf(field) == before, qPrintable(name + QStringLiteral(": ") + textOf(field)));
        }
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Robin Quillfeather' "
                                       "AND narrative = 'Worried about her brother.' AND person_age = 34")),
            1);
    }

    void closingWhileTheUnitIsOutAsksFirst()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))
            ->setText(QStringLiteral("Robin Quillfeather"));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        form->findChild<QComboBox*>(QStringLiteral("beat"))->setCurrentText(QStringLiteral("313"));
        auto* disposition = form->findChild<QComboBox*>(QStringLiteral("disposition"));
        disposition->setCurrentIndex(disposition->findData(QStringLiteral("crt_dispatch")));
        auto* unit = form->findChild<QComboBox*>(QStringLiteral("unit"));
        unit->setCurrentText(QStringLiteral("CRT-2"));
        QVERIFY2(form->dispatchUnit(), qPrintable(form->statusText()));
        const auto closed = [&] {
            return f.countRows(
                QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Robin Quillfeather' "
                               "AND status = 'closed'"));
        };

        // From the drop-down, Ctrl+E asks; the default is to keep the call open, and Escape keeps it.
        disposition->setFocus();
        QString seen;
        QString defaultButton;
        QString text;
        test::onNextModal(&seen, [&](QWidget* modal) {
            if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                defaultButton = box->defaultButton() ? box->defaultButton()->objectName() : QString();
                text = box->text();
            }
            escape(modal);
        });
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("confirmCloseCall"), 30000);
        QCOMPARE(defaultButton, QStringLiteral("confirmCloseCallNo"));
        QCOMPARE(text,
                 QStringLiteral(
                     "CRT-2 is still dispatched on this call and has not cleared. Close the call anyway?"));
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(closed(), 0);
        QVERIFY(!form->isClosed());
        QCOMPARE(form->statusText(), QStringLiteral("Not closed: the unit has not cleared."));

        // From the narrative, Enter takes the default: still open.
        reactivate();
        form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->setFocus();
        seen.clear();
        test::onNextModal(&seen, [](QWidget* modal) { QTest::keyClick(modal, Qt::Key_Return); });
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("confirmCloseCall"), 30000);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(closed(), 0);

        // The counselor may still close it, on purpose.
        seen.clear();
        test::onNextModal(&seen, [](QWidget* modal) {
            modal->findChild<QPushButton*>(QStringLiteral("confirmCloseCallYes"))->click();
        });
        reactivate();
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))->setFocus();
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(seen, QStringLiteral("confirmCloseCall"), 30000);
        QTRY_COMPARE(closed(), 1);
        QVERIFY(form->isClosed());

        // Ctrl+Shift+A from a read-only field of the closed call asks for the addendum.
        QTRY_VERIFY(!QApplication::activeModalWidget());
        reactivate();
        form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))->setFocus();
        seen.clear();
        test::onNextModal(&seen, escape);
        press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(seen == QLatin1String("QInputDialog"), qPrintable(seen), 30000);
    }

    void closingAfterTheUnitClearedDoesNotAsk()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))
            ->setText(QStringLiteral("Robin Quillfeather"));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        form->findChild<QComboBox*>(QStringLiteral("beat"))->setCurrentText(QStringLiteral("313"));
        auto* disposition = form->findChild<QComboBox*>(QStringLiteral("disposition"));
        disposition->setCurrentIndex(disposition->findData(QStringLiteral("crt_dispatch")));
        form->findChild<QComboBox*>(QStringLiteral("unit"))->setCurrentText(QStringLiteral("CRT-2"));
        QVERIFY2(form->dispatchUnit(), qPrintable(form->statusText()));
        // The team cleared and is available again.
        QSqlQuery clear(f.db().connection());
        QVERIFY(clear.exec(
            QStringLiteral("UPDATE units SET status = 'available', call_id = NULL WHERE code = 'CRT-2'")));
        disposition->setFocus();
        QString seen;
        test::onNextModal(&seen, escape);
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(form->isClosed());
        QVERIFY2(seen.isEmpty(), qPrintable(seen));
    }

    void newCallFromTheMenuAndTheButton()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signInCounselor(f);
        QVERIFY(home);
        // File > New call, with its shortcut shown.
        auto* fileMenu = f.window().findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(fileMenu);
        QAction* newCall = nullptr;
        QAction* drafts = nullptr;
        for (QAction* action : fileMenu->actions()) {
            if (action->objectName() == QLatin1String("actionNewCall"))
                newCall = action;
            if (action->objectName() == QLatin1String("actionMyDrafts"))
                drafts = action;
        }
        QVERIFY(newCall);
        QVERIFY(drafts);
        QCOMPARE(newCall->text(), QStringLiteral("&New call"));
        QCOMPARE(newCall->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(newCall->isEnabled() && newCall->isVisible());
        newCall->trigger();
        QCOMPARE(home->forms().size(), 1);
        QVERIFY(qobject_cast<ui::IntakeForm*>(home->currentWidget()));
        // The button beside the tabs, in sight from every tab.
        home->setCurrentWidget(home->queue());
        auto* button = home->findChild<QPushButton*>(QStringLiteral("newCallButton"));
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("New call (Ctrl+N)"));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(home->forms().size(), 2);
        QVERIFY(home->findChild<QPushButton*>(QStringLiteral("myDraftsButton"))->isVisible());

        // Locked: not from the menu either.
        f.window().lock();
        QVERIFY(!newCall->isEnabled());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        QVERIFY(!f.window().isLocked());
        QVERIFY(newCall->isEnabled());

        // No Alt letter twice, with the queue or a call in front, in both languages.
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("es")}) {
            f.language().setLanguage(language);
            QCoreApplication::processEvents();
            for (QWidget* page :
                 {static_cast<QWidget*>(home->queue()), static_cast<QWidget*>(home->forms().first())}) {
                home->setCurrentWidget(page);
                QCoreApplication::processEvents();
                const QStringList clashes = test::clashingMnemonics(&f.window());
                QVERIFY2(clashes.isEmpty(),
                         qPrintable(language + QStringLiteral(": ") + clashes.join(u'\n')));
            }
            const QStringList inMenu = clashingMenuMnemonics(fileMenu);
            QVERIFY2(inMenu.isEmpty(),
                     qPrintable(language + QStringLiteral(" File menu: ") + inMenu.join(u'\n')));
        }
        f.language().setLanguage(QStringLiteral("en"));

        // Signed out: the counselor's items leave the menu with the home.
        f.window().signOut();
        for (QAction* action : fileMenu->actions())
            QVERIFY(action->objectName() != QLatin1String("actionNewCall"));
    }
};

HEART_TEST_MAIN(TestIntakeKeys)
#include "tst_intake_keys.moc"
