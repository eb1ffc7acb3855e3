// The rule-set editor with its impact preview, from the keyboard, offscreen
// on the demo database (the shipped Durham rules apply; the demo's calls end
// now):
//   - the administrator opens the rules (Ctrl+Alt+R), goes to the pilot and
//     makes a new version from it (New version from this…): effective next Monday, an id of
//     its own;
//   - turns it into the citywide rules: CRT and CN serve every beat but 999
//     (check all, End, Space on the list; Home/Space and a click on the beat
//     map toggle beats the same way), CRT's hours 09:00-21:00 typed for Monday and
//     copied to every day, CRT open on holidays; the summary says "CRT: +24
//     beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00; holidays closed
//     → open" before anything is saved;
//   - previews the impact against the pilot on the last 8 weeks of demo
//     calls: CRT gains calls (none lost), by hour and by beat, and needs more
//     team-hours; the window is not blocked while the replay runs;
//   - saves: the list shows the new version, upcoming, stored as version 1,
//     and its history names who saved it and what changed;
//   - a typed hour that is not a time is refused at the field before saving;
//   - the supervisor reads the same rules with no editor and no button;
//   - the hours painted on the week grid from the keyboard (arrows, Shift+
//     arrows, Shift/Ctrl+Space, Space, Enter, Delete) turn Mon–Fri
//     08:30–16:30 into daily 09:00–21:00, the typed fields follow, and the
//     saved rule set has those hours; typed hours show on the grid;
//   - a mouse drag paints a rectangle of the grid (and a range past midnight
//     typed on the day before is not doubled);
//   - the rules window follows another workstation's save without F5, and
//     an editor holding edits is warned, its edits kept.
// The editor is grabbed to /tmp/heartdesk-rule-set-editor-*.png.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CounselorHome.h"
#include "map/BeatMapView.h"
#include "rules/ImpactView.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetHistory.h"
#include "rules/RuleSetsWidget.h"
#include "rules/WeekHoursEditor.h"
#include "shell/MainWindow.h"
#include "store/AccountStore.h"
#include "usecases/RuleSetUseCases.h"
#include "usecases/SettingsUseCases.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace heart;

namespace {

void grab(QWidget* widget, const char* name)
{
    const QString path = QStringLiteral("/tmp/heartdesk-rule-set-editor-%1.png").arg(QLatin1String(name));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

ui::RuleSetsWidget* openRuleSets(ui::MainWindow& window)
{
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
    auto* dialog = window.findChild<QDialog*>(QStringLiteral("ruleSetsWindow"));
    if (!dialog || !dialog->isVisible())
        return nullptr;
    return dialog->findChild<ui::RuleSetsWidget*>(QStringLiteral("ruleSetsWidget"));
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Moves a combo box to the item with this text with the arrow keys.
bool chooseByKeys(QComboBox* combo, const QString& text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    return combo->currentText() == text;
}

void press(QWidget* widget)
{
    widget->setFocus();
    QTest::keyClick(widget, Qt::Key_Space);
}

// Every beat but 999 for the program shown, from the keyboard.
void serveEveryBeatBut999(QWidget* editor)
{
    auto* mode = child<QComboBox>(editor, "ruleSetEditorAreaMode");
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_End);
    press(child<QPushButton>(editor, "ruleSetEditorCheckAllBeats"));
    auto* beats = child<QListWidget>(editor, "ruleSetEditorBeats");
    beats->setFocus();
    QTest::keyClick(beats, Qt::Key_End);
    QCOMPARE(beats->currentItem()->text(), QStringLiteral("999"));
    QTest::keyClick(beats, Qt::Key_Space);
    QCOMPARE(beats->currentItem()->checkState(), Qt::Unchecked);
}

void typeInto(QLineEdit* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

} // namespace

class TestRuleSetEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void administratorTurnsPilotIntoCitywideWithPreview();
    void supervisorHasNoEditor();
    void counselorWorkstationPicksUpSavedVersion();
    void hoursPaintedOnTheWeekGridFromTheKeyboard();
    void hoursPaintedWithTheMouse();
    void rulesWindowFollowsAnotherWorkstationsSave();
};

void TestRuleSetEditor::administratorTurnsPilotIntoCitywideWithPreview()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::RuleSetsWidget* rules = openRuleSets(f.window());
    QVERIFY(rules);
    auto* dialog = f.window().findChild<QDialog*>(QStringLiteral("ruleSetsWindow"));
    dialog->resize(1500, 1150);
    auto* list = child<QTreeWidget>(rules, "ruleSetList");
    QCOMPARE(list->topLevelItemCount(), 3);

    // The pilot, then Alt+W: a new version made from it.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    QCOMPARE(list->currentItem()->text(3), QStringLiteral("durham-2022-06-27-pilot"));
    press(child<QPushButton>(rules, "ruleSetNewVersionButton"));
    ui::RuleSetEditor* editor = rules->editor();
    QVERIFY(editor);
    auto* tabs = child<QTabWidget>(rules, "ruleSetTabs");
    QCOMPARE(tabs->currentWidget(), editor);
    QVERIFY(editor->isEditing());

    // Next Monday, after today; the id follows the date.
    auto* effective = child<QDateEdit>(editor, "ruleSetEditorEffective");
    const QDate from = effective->date();
    QCOMPARE(from.dayOfWeek(), 1);
    QVERIFY(from > QDate::currentDate().addDays(-1));
    QVERIFY(from <= QDate::currentDate().addDays(8));
    QCOMPARE(child<QLineEdit>(editor, "ruleSetEditorId")->text(),
             QStringLiteral("durham-%1-pilot").arg(from.toString(Qt::ISODate)));
    QVERIFY2(editor->summary().join(QLatin1Char('\n')).contains(QStringLiteral("takes effect")),
             qPrintable(editor->summary().join(QLatin1Char('\n'))));
    typeInto(child<QLineEdit>(editor, "ruleSetEditorId"),
             QStringLiteral("durham-%1-citywide").arg(from.toString(Qt::ISODate)));
    typeInto(child<QLineEdit>(editor, "ruleSetEditorName"), QStringLiteral("Durham HEART citywide, daily"));

    // CRT: every beat but 999, daily 09:00-21:00, open on holidays.
    auto* program = child<QComboBox>(editor, "ruleSetEditorProgram");
    QVERIFY(chooseByKeys(program, QStringLiteral("Community Response Team")));
    serveEveryBeatBut999(editor);
    typeInto(child<QLineEdit>(editor, "ruleSetEditorHours_mon"), QStringLiteral("09:00-21:00"));
    press(child<QPushButton>(editor, "ruleSetEditorSameEveryDay"));
    QCOMPARE(child<QLineEdit>(editor, "ruleSetEditorHours_sun")->text(), QStringLiteral("09:00-21:00"));
    auto* closed = child<QCheckBox>(editor, "ruleSetEditorClosedOnHolidays");
    QVERIFY(closed->isChecked());
    press(closed);
    QVERIFY(!closed->isChecked());
    // The week grid shows the typed hours: Saturday noon open, Monday 08:00 closed.
    auto* grid = child<ui::WeekHoursEditor>(editor, "ruleSetEditorGrid");
    QCOMPARE(grid->openPart(5, 12), 1.0);
    QCOMPARE(grid->openPart(0, 8), 0.0);
    QCOMPARE(grid->openPart(6, 20), 1.0);
    QCOMPARE(grid->openPart(6, 21), 0.0);

    // CN follows CRT citywide.
    QVERIFY(chooseByKeys(program, QStringLiteral("Care Navigation")));
    serveEveryBeatBut999(editor);

    // The map shows the service area outlined and toggles beats: Home and Space, a click.
    auto* map = child<ui::BeatMapView>(editor, "ruleSetEditorMap");
    auto* beatList = child<QListWidget>(editor, "ruleSetEditorBeats");
    auto beatItem = [beatList](const QString& id) {
        return beatList->findItems(id, Qt::MatchExactly).first();
    };
    QVERIFY(map->outlinedBeats().contains(QStringLiteral("311")));
    QVERIFY(!map->outlinedBeats().contains(QStringLiteral("999")));
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Home);
    QCOMPARE(map->currentBeat(), QStringLiteral("111"));
    QTest::keyClick(map, Qt::Key_Space);
    QCOMPARE(beatItem(QStringLiteral("111"))->checkState(), Qt::Unchecked);
    QVERIFY(!map->outlinedBeats().contains(QStringLiteral("111")));
    QTest::keyClick(map, Qt::Key_Space);
    QCOMPARE(beatItem(QStringLiteral("111"))->checkState(), Qt::Checked);
    const auto inside999 = map->beatMap()->interiorPoint("999");
    QVERIFY(inside999);
    const QPoint at999 = map->widgetPosition(*inside999).toPoint();
    QCOMPARE(map->beatAt(at999), QStringLiteral("999"));
    QTest::mouseClick(map, Qt::LeftButton, {}, at999);
    QCOMPARE(beatItem(QStringLiteral("999"))->checkState(), Qt::Checked);
    QVERIFY(map->outlinedBeats().contains(QStringLiteral("999")));
    QTest::mouseClick(map, Qt::LeftButton, {}, at999);
    QCOMPARE(beatItem(QStringLiteral("999"))->checkState(), Qt::Unchecked);

    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    QVERIFY(editor->edited());
    const QString summary = child<QLabel>(editor, "ruleSetEditorSummary")->text();
    QVERIFY2(summary.contains(QString::fromUtf8(
                 "CRT: +24 beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00; holidays closed → open")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("CN: +24 beats")), qPrintable(summary));

    // A typo in an hour is refused at the field and nothing can be saved until it is fixed.
    QVERIFY(chooseByKeys(program, QStringLiteral("Community Response Team")));
    auto* saturday = child<QLineEdit>(editor, "ruleSetEditorHours_sat");
    typeInto(saturday, QStringLiteral("09:00-25:00"));
    QVERIFY(!editor->edited());
    const QString problem = child<QLabel>(editor, "ruleSetEditorError")->text();
    QVERIFY2(problem.contains(QStringLiteral("programs.crt.hours.sat")), qPrintable(problem));
    QVERIFY(!child<QPushButton>(editor, "ruleSetEditorSave")->isEnabled());
    QVERIFY(!program->isEnabled());
    typeInto(saturday, QStringLiteral("09:00-21:00"));
    QVERIFY(editor->edited());
    QVERIFY(child<QPushButton>(editor, "ruleSetEditorSave")->isEnabled());
    grab(dialog, "edit");

    // The preview: against the pilot it is made from, on the last 8 weeks of demo calls.
    QVERIFY(chooseByKeys(child<QComboBox>(editor, "ruleSetEditorCompareWith"),
                         QStringLiteral("the rules it is made from (durham-2022-06-27-pilot)")));
    QCOMPARE(child<QSpinBox>(editor, "ruleSetEditorWeeks")->value(), 8);
    press(child<QPushButton>(editor, "ruleSetEditorPreview"));
    QVERIFY(editor->isPreviewRunning() || editor->impact());
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isPreviewRunning(), 60000);
    const routing::ImpactReport* impact = editor->impact();
    QVERIFY(impact);
    QVERIFY(impact->calls > 0);
    const routing::ProgramImpact& crt = impact->program(routing::Program::CommunityResponse);
    QVERIFY2(crt.becomeEligible > 0, "CRT gains no calls citywide and daily");
    QVERIFY(crt.eligibleAfter > crt.eligibleBefore);
    QVERIFY(crt.staffingAfter.teamHoursPerWeek > crt.staffingBefore.teamHoursPerWeek);
    auto* view = child<ui::ImpactView>(editor, "impactView");
    QVERIFY(view->changedCalls() > 0);
    auto* impactProgram = child<QComboBox>(view, "impactProgram");
    QVERIFY(chooseByKeys(impactProgram, QStringLiteral("Community Response Team")));
    auto* beats = child<QTableWidget>(view, "impactBeats");
    QVERIFY(beats->rowCount() > 0);
    // Gains in beats the pilot did not serve.
    const QStringList pilotBeats = {QStringLiteral("111"), QStringLiteral("112"), QStringLiteral("113"),
                                    QStringLiteral("114"), QStringLiteral("122"), QStringLiteral("214"),
                                    QStringLiteral("223"), QStringLiteral("411"), QStringLiteral("413"),
                                    QStringLiteral("511"), QStringLiteral("512"), QStringLiteral("513")};
    bool newBeatGain = false;
    for (int row = 0; row < beats->rowCount(); ++row)
        newBeatGain = newBeatGain || (!pilotBeats.contains(beats->item(row, 0)->text()) &&
                                      beats->item(row, 1)->text().toInt() > 0);
    QVERIFY2(newBeatGain, "no call gained outside the pilot's beats");
    auto* hours = child<QTableWidget>(view, "impactHours");
    // The new evening hours (17:00-21:00) gain calls somewhere in the week.
    bool eveningGain = false;
    for (int day = 0; day < 7; ++day) {
        for (int hour = 17; hour < 21; ++hour)
            eveningGain = eveningGain || hours->item(day, hour)->text().startsWith(QLatin1Char('+'));
    }
    QVERIFY2(eveningGain, "no call gained in the new evening hours");
    QVERIFY2(child<QLabel>(view, "impactHeadline")->text().contains(QStringLiteral("last 8 weeks")),
             qPrintable(child<QLabel>(view, "impactHeadline")->text()));
    grab(dialog, "preview");

    // The teams the hours need against the demo's roster (CRT's rotation):
    // what it provides in the open hours, and the hours it leaves short.
    QVERIFY(crt.staffingAfter.rostered);
    QVERIFY(crt.staffingAfter.rosterTeamHoursPerWeek > crt.staffingBefore.rosterTeamHoursPerWeek);
    QVERIFY(crt.staffingAfter.uncoveredHours <= crt.staffingAfter.openHoursPerWeek);
    QVERIFY(!impact->program(routing::Program::CareNavigation).staffingAfter.rostered);
    auto* staffing = child<QTableWidget>(view, "impactStaffing");
    QVERIFY(staffing->isVisible());
    QStringList rostered;
    for (int row = 0; row < staffing->rowCount(); ++row) {
        if (staffing->item(row, 2)->text() != QStringLiteral("not on the roster"))
            rostered << staffing->item(row, 0)->text();
    }
    QCOMPARE(rostered.size(), 1);
    QVERIFY2(rostered.first().contains(QStringLiteral("CRT")) ||
                 rostered.first().contains(QStringLiteral("Community")),
             qPrintable(rostered.first()));
    grab(view, "impact-staffing");

    // Save: a new version, upcoming, and its history.
    const QString key = QStringLiteral("durham-%1-citywide").arg(from.toString(Qt::ISODate));
    press(child<QPushButton>(editor, "ruleSetEditorSave"));
    const QString saved = child<QLabel>(editor, "ruleSetEditorSaveMessage")->text();
    QVERIFY2(saved.contains(QStringLiteral("version 1")), qPrintable(saved));
    QCOMPARE(list->topLevelItemCount(), 4);
    QTreeWidgetItem* added = list->currentItem();
    QVERIFY(added);
    QCOMPARE(added->text(3), key);
    QCOMPARE(added->text(0), from.toString(Qt::ISODate));
    QCOMPARE(added->text(2), QStringLiteral("Upcoming"));
    QCOMPARE(added->text(4), QStringLiteral("stored, version 1"));
    auto* history = child<ui::RuleSetHistory>(rules, "ruleSetHistory");
    QCOMPARE(history->versionCount(), 1);
    QTreeWidgetItem* version = child<QTreeWidget>(history, "ruleSetVersions")->topLevelItem(0);
    QCOMPARE(version->text(3), from.toString(Qt::ISODate));
    QCOMPARE(version->text(4), QStringLiteral("durham-2022-06-27-pilot"));
    QVERIFY2(version->text(5).contains(QStringLiteral("CRT: +24 beats")), qPrintable(version->text(5)));
    QVERIFY(!version->text(2).isEmpty()); // who saved it
    QVERIFY(!version->text(1).isEmpty()); // when
    tabs->setCurrentWidget(history);
    grab(dialog, "history");
    // Audited: one create of a rule set by the administrator.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_type = 'rule_set' "
                                        "AND action = 'create' AND record_id IN (SELECT id FROM rule_sets "
                                        "WHERE rule_set_key = '%1')")
                             .arg(key)),
             1);
}

void TestRuleSetEditor::supervisorHasNoEditor()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("supervisor"),
                 test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::RuleSetsWidget* rules = openRuleSets(f.window());
    QVERIFY(rules);
    QVERIFY(!rules->editor());
    QVERIFY(!rules->findChild<QPushButton*>(QStringLiteral("ruleSetNewVersionButton")));
    QVERIFY(!rules->newVersionFrom(0));
    QVERIFY(rules->findChild<ui::RuleSetHistory*>(QStringLiteral("ruleSetHistory")));
}

// Another workstation, a counselor's, signed in before the save: its home
// reads the rule book again when the administrator's save reaches it through
// the change feed, so its next call is decided with the new version on and
// after its date - no restart.
void TestRuleSetEditor::counselorWorkstationPicksUpSavedVersion()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::RuleSetsWidget* rules = openRuleSets(f.window());
    QVERIFY(rules);

    auto other = f.openWorkstation();
    QVERIFY(other && other->ok());
    other->typeSignIn(QStringLiteral("counselor"),
                      test::UiTestFixture::demoPassword(QStringLiteral("counselor")));
    auto* home = qobject_cast<ui::CounselorHome*>(other->window().home());
    QVERIFY(home);
    QVERIFY(home->routing());
    QCOMPARE(home->routing()->router->rules().ruleSets().size(), std::size_t(3));

    QVERIFY(rules->newVersionFrom(2)); // the citywide rules, as they are, from next Monday
    QVERIFY(rules->editor()->save());

    QTRY_COMPARE_WITH_TIMEOUT(home->routing()->router->rules().ruleSets().size(), std::size_t(4), 10000);
    const routing::RuleSet& newest = home->routing()->router->rules().ruleSets().back();
    QCOMPARE(QString::fromStdString(newest.id),
             rules->editor()->findChild<QLineEdit*>(QStringLiteral("ruleSetEditorId"))->text());
}

namespace {

// The editor on a new version of the pilot with CRT shown, or null.
ui::RuleSetEditor* editPilotCrt(test::UiTestFixture& f, ui::RuleSetsWidget** widget = nullptr)
{
    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::RuleSetsWidget* rules = openRuleSets(f.window());
    if (!rules)
        return nullptr;
    f.window().findChild<QDialog*>(QStringLiteral("ruleSetsWindow"))->resize(1500, 1150);
    if (widget)
        *widget = rules;
    auto* list = child<QTreeWidget>(rules, "ruleSetList");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home); // the pilot
    if (!rules->newVersionFrom(0))
        return nullptr;
    ui::RuleSetEditor* editor = rules->editor();
    if (!chooseByKeys(child<QComboBox>(editor, "ruleSetEditorProgram"),
                      QStringLiteral("Community Response Team")))
        return nullptr;
    return editor;
}

QStringList dayFields(QWidget* editor)
{
    QStringList texts;
    for (const char* day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        texts << editor
                     ->findChild<QLineEdit*>(QStringLiteral("ruleSetEditorHours_%1").arg(QLatin1String(day)))
                     ->text();
    return texts;
}

void keys(QWidget* widget, Qt::Key key, int times, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    for (int i = 0; i < times; ++i)
        QTest::keyClick(widget, key, modifiers);
}

// A press, moves and a release on the grid, as a dragging mouse sends them.
void drag(ui::WeekHoursEditor* grid, QPoint fromCell, QPoint toCell)
{
    QWidget* viewport = grid->viewport();
    auto centre = [grid](QPoint cell) {
        return grid->visualRect(grid->model()->index(cell.y(), cell.x())).center();
    };
    const QPoint from = centre(fromCell), to = centre(toCell);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = from + (to - from) * step / 4;
        QMouseEvent move(QEvent::MouseMove, at, viewport->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

} // namespace

// The pilot's CRT hours (Mon-Fri 08:30-16:30) made daily 09:00-21:00 on the
// week grid from the keyboard alone; the typed fields follow each change,
// the loader checks it, and the saved version has those hours.
void TestRuleSetEditor::hoursPaintedOnTheWeekGridFromTheKeyboard()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RuleSetEditor* editor = editPilotCrt(f);
    QVERIFY(editor);
    auto* grid = child<ui::WeekHoursEditor>(editor, "ruleSetEditorGrid");
    QVERIFY(grid->focusPolicy() & Qt::TabFocus);
    QVERIFY(!grid->accessibleName().isEmpty());
    QVERIFY(grid->isOpen(0, 17));  // Monday 08:30
    QVERIFY(!grid->isOpen(0, 16)); // Monday 08:00
    QVERIFY(!grid->isOpen(5, 24)); // Saturday noon
    QCOMPARE(grid->item(0, 17)->data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Mon 08:30–09:00: open"));

    grid->setFocus();
    // Everything closed: Ctrl+A, Delete.
    QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(grid, Qt::Key_Delete);
    QCOMPARE(dayFields(editor), QStringList(7, QString()));
    // Space toggles the cursor cell, Monday 00:00-00:30 (Ctrl+Home goes
    // there keeping the selection, Home makes the cursor cell the selection).
    QTest::keyClick(grid, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(grid, Qt::Key_Home);
    QTest::keyClick(grid, Qt::Key_Space);
    QCOMPARE(dayFields(editor).first(), QStringLiteral("00:00-00:30"));
    QTest::keyClick(grid, Qt::Key_Space);
    QCOMPARE(dayFields(editor).first(), QString());
    // Monday 09:00 to Sunday 20:30-21:00 selected with Shift+arrows; Enter opens them.
    keys(grid, Qt::Key_Right, 18);
    QCOMPARE(grid->currentIndex().column(), 18);
    keys(grid, Qt::Key_Right, 23, Qt::ShiftModifier);
    keys(grid, Qt::Key_Down, 6, Qt::ShiftModifier);
    QCOMPARE(grid->currentIndex(), grid->model()->index(6, 41));
    QTest::keyClick(grid, Qt::Key_Return);
    QCOMPARE(dayFields(editor), QStringList(7, QStringLiteral("09:00-21:00")));

    // A whole day (Shift+Space) closed with Delete, then one half hour on
    // every day (Ctrl+Space) toggled with Space: Saturday gets 20:30-21:00 alone.
    QTest::keyClick(grid, Qt::Key_Up);
    QCOMPARE(grid->currentIndex(), grid->model()->index(5, 41));
    QTest::keyClick(grid, Qt::Key_Space, Qt::ShiftModifier);
    QTest::keyClick(grid, Qt::Key_Delete);
    QCOMPARE(dayFields(editor).at(5), QString());
    QTest::keyClick(grid, Qt::Key_Space, Qt::ControlModifier);
    QTest::keyClick(grid, Qt::Key_Space);
    QCOMPARE(dayFields(editor).at(5), QStringLiteral("20:30-21:00"));
    QCOMPARE(dayFields(editor).at(4), QStringLiteral("09:00-21:00"));
    // Saturday 09:00-20:30 back: Left to 09:00, Shift+Right to 20:00-20:30, Enter.
    keys(grid, Qt::Key_Left, 23);
    keys(grid, Qt::Key_Right, 22, Qt::ShiftModifier);
    QTest::keyClick(grid, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(dayFields(editor), QStringList(7, QStringLiteral("09:00-21:00")));
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    const QString summary = editor->summary().join(QLatin1Char('\n'));
    QVERIFY2(summary.contains(QString::fromUtf8("hours Mon–Fri 08:30–16:30 → daily 09:00–21:00")),
             qPrintable(summary));
    grab(grid, "week-grid");

    // Typed hours show on the grid.
    typeInto(child<QLineEdit>(editor, "ruleSetEditorHours_tue"), QStringLiteral("10:00-12:00, 13:00-14:30"));
    QVERIFY(!grid->isOpen(1, 19));
    QVERIFY(grid->isOpen(1, 20));
    QVERIFY(!grid->isOpen(1, 24));
    QVERIFY(grid->isOpen(1, 28));
    QVERIFY(!grid->isOpen(1, 29));
    typeInto(child<QLineEdit>(editor, "ruleSetEditorHours_tue"), QStringLiteral("09:00-21:00"));
    QVERIFY(grid->isOpen(1, 18));

    // Saved: the rule set in the database has CRT open 09:00-21:00 every day.
    QVERIFY(editor->save());
    const QString id = child<QLineEdit>(editor, "ruleSetEditorId")->text();
    auto book = usecases::SettingsQueries(f.db(), f.clock()).ruleBook();
    HEARTDESK_VERIFY_RESULT(book);
    const routing::RuleSet* saved = nullptr;
    for (const routing::RuleSet& set : book.value().ruleSets())
        if (QString::fromStdString(set.id) == id)
            saved = &set;
    QVERIFY(saved);
    const routing::ProgramRules* crt = saved->rulesFor(routing::Program::CommunityResponse);
    QVERIFY(crt && !crt->alwaysOpen);
    for (const auto& day : crt->hours)
        QCOMPARE(day, (std::vector<routing::TimeRange>{{9 * 60, 21 * 60}}));
}

// A drag paints the rectangle from the pressed cell to the pointer with the
// opposite of the pressed cell; a click on one cell toggles it.
void TestRuleSetEditor::hoursPaintedWithTheMouse()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RuleSetEditor* editor = editPilotCrt(f);
    QVERIFY(editor);
    auto* grid = child<ui::WeekHoursEditor>(editor, "ruleSetEditorGrid");
    QVERIFY(grid->isVisible());
    // Saturday 10:00 to Sunday 11:30-12:00: both days 10:00-12:00.
    drag(grid, {20, 5}, {23, 6});
    QStringList days = dayFields(editor);
    QCOMPARE(days.at(5), QStringLiteral("10:00-12:00"));
    QCOMPARE(days.at(6), QStringLiteral("10:00-12:00"));
    QCOMPARE(days.at(0), QStringLiteral("08:30-16:30")); // untouched days keep their text
    // Dragging back over open cells closes them: Sunday 10:00-11:00 only.
    drag(grid, {20, 6}, {21, 6});
    QCOMPARE(dayFields(editor).at(6), QStringLiteral("11:00-12:00"));
    // A click toggles one cell: Monday 09:00-09:30 closed.
    drag(grid, {18, 0}, {18, 0});
    QCOMPARE(dayFields(editor).at(0), QStringLiteral("08:30-09:00, 09:30-16:30"));
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));

    // Friday typed past midnight: Saturday's row shows its end; painting
    // Saturday rewrites Friday from its own row, so 00:00-02:00 is not there twice.
    typeInto(child<QLineEdit>(editor, "ruleSetEditorHours_fri"), QStringLiteral("08:30-16:30, 22:00-02:00"));
    QVERIFY(grid->isOpen(5, 0));
    QVERIFY(grid->isOpen(5, 3));
    QVERIFY(!grid->isOpen(5, 4));
    drag(grid, {30, 5}, {31, 5}); // Saturday 15:00-16:00
    days = dayFields(editor);
    QCOMPARE(days.at(4), QStringLiteral("08:30-16:30, 22:00-24:00"));
    QCOMPARE(days.at(5), QStringLiteral("00:00-02:00, 10:00-12:00, 15:00-16:00"));
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    const routing::ProgramRules* crt = editor->edited()->rulesFor(routing::Program::CommunityResponse);
    QCOMPARE(crt->hours[5], (std::vector<routing::TimeRange>{{0, 120}, {600, 720}, {900, 960}}));

    // Always open: the grid is all open and takes no painting.
    press(child<QCheckBox>(editor, "ruleSetEditorAlwaysOpen"));
    QVERIFY(!grid->isEnabled());
    QVERIFY(grid->isOpen(2, 47));
}

// Another workstation saves a new version while this administrator edits
// one: the list and the history show it without F5 (the change feed), and
// the editor warns and keeps its edits.
void TestRuleSetEditor::rulesWindowFollowsAnotherWorkstationsSave()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RuleSetsWidget* rules = nullptr;
    ui::RuleSetEditor* editor = editPilotCrt(f, &rules);
    QVERIFY(editor);
    auto* list = child<QTreeWidget>(rules, "ruleSetList");
    QCOMPARE(list->topLevelItemCount(), 3);
    typeInto(child<QLineEdit>(editor, "ruleSetEditorName"), QStringLiteral("Pilot, my edits"));
    QVERIFY(editor->hasUnsavedEdits());
    auto* warning = child<QLabel>(editor, "ruleSetEditorChangedElsewhere");
    QVERIFY(!warning->isVisible());

    // Workstation B, its own connection: an administrator saves a version of the citywide rules.
    auto other = f.openWorkstation();
    QVERIFY(other && other->ok());
    store::AccountStore accounts(other->db(), f.clock());
    auto admin =
        accounts.signIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")),
                        QStringLiteral("ws-b"));
    HEARTDESK_VERIFY_RESULT(admin);
    usecases::RuleSetUseCases onB({other->db(), f.clock(), admin.value()});
    auto listing = onB.listing();
    HEARTDESK_VERIFY_RESULT(listing);
    // A week after the Monday this editor's version takes effect.
    const QDate from = listing.value().today.addDays(15 - listing.value().today.dayOfWeek());
    auto document = onB.document(QStringLiteral("durham-2023-10-23-citywide"));
    HEARTDESK_VERIFY_RESULT(document);
    QJsonObject json = QJsonDocument::fromJson(document.value()).object();
    const QString key = QStringLiteral("durham-%1-from-b").arg(from.toString(Qt::ISODate));
    json.insert(QStringLiteral("id"), key);
    json.insert(QStringLiteral("effectiveFrom"), from.toString(Qt::ISODate));
    HEARTDESK_VERIFY_RESULT(
        onB.saveNewVersion(QJsonDocument(json).toJson(), QStringLiteral("durham-2023-10-23-citywide")));

    // A: the list shows it, the rule set shown stays the pilot, the editor warns.
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 4, 10000);
    QCOMPARE(list->currentItem()->text(3), QStringLiteral("durham-2022-06-27-pilot"));
    QVERIFY(rules->selectRuleSet(key));
    QCOMPARE(child<ui::RuleSetHistory>(rules, "ruleSetHistory")->versionCount(), 1);
    QTRY_VERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("Your edits here are kept")),
             qPrintable(warning->text()));
    QCOMPARE(child<QLineEdit>(editor, "ruleSetEditorName")->text(), QStringLiteral("Pilot, my edits"));
    QVERIFY(editor->hasUnsavedEdits());
    QVERIFY2(editor->save(), qPrintable(child<QLabel>(editor, "ruleSetEditorSaveMessage")->text()));
    QTRY_COMPARE(list->topLevelItemCount(), 5);
}

HEART_TEST_MAIN(TestRuleSetEditor)
#include "tst_rule_set_editor.moc"
