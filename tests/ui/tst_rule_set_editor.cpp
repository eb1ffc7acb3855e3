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
//   - the supervisor reads the same rules with no editor and no button.
// The editor is grabbed to /tmp/heartdesk-rule-set-editor-*.png.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CounselorHome.h"
#include "map/BeatMapView.h"
#include "rules/ImpactView.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetHistory.h"
#include "rules/RuleSetsWidget.h"
#include "rules/WeekHoursGrid.h"
#include "shell/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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
    auto* grid = child<ui::WeekHoursGrid>(editor, "ruleSetEditorGrid");
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

HEART_TEST_MAIN(TestRuleSetEditor)
#include "tst_rule_set_editor.moc"
