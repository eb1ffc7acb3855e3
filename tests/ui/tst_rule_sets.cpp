// The program's rule sets on screen, from the keyboard, offscreen on the
// demo database (the shipped Durham rules apply):
//   - the administrator opens them with Ctrl+Alt+R: three rule sets by date,
//     the citywide rules "In force now";
//   - Enter on the pilot shows it: CRT in 12 beats, Monday 10:00 open,
//     Saturday closed on the week grid, 15 holidays, 19 call types;
//   - side by side, pilot against citywide, the screen says what changes:
//     "CRT: +24 beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00;
//     holidays closed → open", with the rows that differ;
//   - the supervisor reads the same screen and is told it is read-only; a
//     call counselor has no such menu entry.
// Each screen is grabbed to /tmp/heartdesk-rule-sets-*.png for a look.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "map/BeatMapView.h"
#include "rules/RuleSetDiffView.h"
#include "rules/RuleSetView.h"
#include "rules/RuleSetsWidget.h"
#include "rules/WeekHoursGrid.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace heart;

namespace {

void grab(QWidget* widget, const char* name)
{
    const QString path = QStringLiteral("/tmp/heartdesk-rule-sets-%1.png").arg(QLatin1String(name));
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

QString cell(QTableWidget* table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

int rowOf(QTableWidget* table, const QString& startsWith)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (cell(table, row, 0).startsWith(startsWith))
            return row;
    }
    return -1;
}

} // namespace

class TestRuleSets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void administratorListsViewsAndCompares();
    void supervisorReadsCounselorDoesNot();
};

void TestRuleSets::administratorListsViewsAndCompares()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), test::UiTestFixture::demoPassword(QStringLiteral("admin")));
    ui::RuleSetsWidget* rules = openRuleSets(f.window());
    QVERIFY(rules);
    auto* dialog = f.window().findChild<QDialog*>(QStringLiteral("ruleSetsWindow"));

    // The list: by date, the one in force today marked and chosen.
    auto* list = rules->findChild<QTreeWidget*>(QStringLiteral("ruleSetList"));
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("2022-06-27"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("2022-09-26"));
    QCOMPARE(list->topLevelItem(2)->text(0), QStringLiteral("2023-10-23"));
    QCOMPARE(list->topLevelItem(2)->text(2), QStringLiteral("In force now"));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("Past"));
    QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("shipped"));
    QCOMPARE(list->currentItem(), list->topLevelItem(2));
    auto* note = rules->findChild<QLabel*>(QStringLiteral("ruleSetsNote"));
    QVERIFY2(note->text().contains(QStringLiteral("shipped")), qPrintable(note->text()));
    QVERIFY2(!note->text().contains(QStringLiteral("only an administrator")), qPrintable(note->text()));
    dialog->resize(1200, 820);
    grab(dialog, "list");

    // Up to the pilot with the keyboard, Enter: the readable view.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    QTest::keyClick(list, Qt::Key_Return);
    auto* tabs = rules->findChild<QTabWidget*>(QStringLiteral("ruleSetTabs"));
    auto* view = rules->findChild<ui::RuleSetView*>(QStringLiteral("ruleSetView"));
    QCOMPARE(tabs->currentWidget(), view);
    QCOMPARE(view->ruleSet()->id, std::string("durham-2022-06-27-pilot"));
    QCOMPARE(view->findChild<QLabel*>(QStringLiteral("ruleSetHeading"))->text(),
             QStringLiteral("Durham HEART pilot: CRT and Care Navigation in 12 beats, weekdays"));
    auto* programs = view->findChild<QTableWidget*>(QStringLiteral("ruleSetPrograms"));
    QCOMPARE(programs->rowCount(), 3); // CCD, CRT, CN: no Co-Response in the pilot
    const int crt = rowOf(programs, QStringLiteral("CRT"));
    QVERIFY(crt >= 0);
    QCOMPARE(cell(programs, crt, 4), QStringLiteral("12 beats"));
    QCOMPARE(cell(programs, crt, 5), QString::fromUtf8("Mon–Fri 08:30–16:30"));
    QCOMPARE(cell(programs, crt, 6), QStringLiteral("closed on holidays"));
    QVERIFY2(cell(programs, crt, 2).contains(QStringLiteral("weapon")), qPrintable(cell(programs, crt, 2)));
    // The week grid shows CRT's hours.
    auto* program = view->findChild<QComboBox*>(QStringLiteral("ruleSetHoursProgram"));
    QCOMPARE(program->currentText(), QStringLiteral("Community Response Team"));
    auto* grid = view->findChild<ui::WeekHoursGrid*>(QStringLiteral("weekHoursGrid"));
    QCOMPARE(grid->openPart(0, 10), 1.0); // Monday 10:00
    QCOMPARE(grid->openPart(0, 8), 0.5);  // Monday 08:30-09:00
    QCOMPARE(grid->openPart(0, 17), 0.0);
    QCOMPARE(grid->openPart(5, 12), 0.0); // Saturday
    auto* beats = view->findChild<QListWidget*>(QStringLiteral("ruleSetBeats"));
    QCOMPARE(beats->count(), 12);
    QCOMPARE(beats->item(0)->text(), QStringLiteral("111"));
    // The service area on the beat map: CRT's 12 beats outlined, served or not in each beat's hover.
    auto* map = view->findChild<ui::BeatMapView*>(QStringLiteral("ruleSetMap"));
    QVERIFY(map && map->beatMap());
    QCOMPARE(map->outlinedBeats().size(), 12);
    QVERIFY(map->outlinedBeats().contains(QStringLiteral("111")));
    QVERIFY2(map->hoverText(QStringLiteral("111")).contains(QStringLiteral("served")) &&
                 !map->hoverText(QStringLiteral("111")).contains(QStringLiteral("not served")),
             qPrintable(map->hoverText(QStringLiteral("111"))));
    QVERIFY2(map->hoverText(QStringLiteral("999")).contains(QStringLiteral("not served")),
             qPrintable(map->hoverText(QStringLiteral("999"))));
    QCOMPARE(view->findChild<QListWidget*>(QStringLiteral("ruleSetHolidays"))->count(), 15);
    QCOMPARE(view->findChild<QTableWidget*>(QStringLiteral("ruleSetCallTypes"))->rowCount(), 19);
    grab(dialog, "view-pilot");

    // Side by side: pilot against citywide.
    rules->compareRuleSets(0, 2);
    auto* diff = rules->findChild<ui::RuleSetDiffView*>(QStringLiteral("ruleSetDiffView"));
    QCOMPARE(tabs->currentWidget(), diff);
    const QString summary = diff->findChild<QLabel*>(QStringLiteral("diffSummary"))->text();
    QVERIFY2(summary.contains(QString::fromUtf8(
                 "CRT: +24 beats; hours Mon–Fri 08:30–16:30 → daily 09:00–21:00; holidays closed → open")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("CN: +24 beats")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("CoR: added")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("CCD")), qPrintable(summary)); // CCD did not change
    auto* table = diff->findChild<QTableWidget*>(QStringLiteral("diffTable"));
    bool sawHours = false, sawArea = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        QVERIFY2(cell(table, row, 0) != QStringLiteral("CCD"), "only differences are listed");
        if (cell(table, row, 0) == QStringLiteral("CRT") && cell(table, row, 1) == QStringLiteral("Hours")) {
            QCOMPARE(cell(table, row, 2), QString::fromUtf8("Mon–Fri 08:30–16:30"));
            QCOMPARE(cell(table, row, 3), QString::fromUtf8("daily 09:00–21:00"));
            sawHours = true;
        }
        if (cell(table, row, 0) == QStringLiteral("CRT") &&
            cell(table, row, 1) == QStringLiteral("Service area")) {
            QCOMPARE(cell(table, row, 2), QStringLiteral("12 beats"));
            QVERIFY2(
                cell(table, row, 3).startsWith(QStringLiteral("every beat but 999\nbeats added: 121, 123")),
                qPrintable(cell(table, row, 3)));
            sawArea = true;
        }
    }
    QVERIFY(sawHours && sawArea);
    grab(dialog, "diff-pilot-citywide");

    // The same rule set on both sides: nothing changes.
    diff->compare(2, 2);
    QCOMPARE(diff->summaryLines(), QStringList{QStringLiteral("no change in the rules")});
    QCOMPARE(table->rowCount(), 0);
}

void TestRuleSets::supervisorReadsCounselorDoesNot()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("counselor"), test::UiTestFixture::demoPassword(QStringLiteral("counselor")));
    auto* action = f.window().findChild<QAction*>(QStringLiteral("actionRuleSets"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());
    QVERIFY(!openRuleSets(f.window()));
    QVERIFY(!f.window().findChild<QDialog*>(QStringLiteral("ruleSetsWindow")));

    auto second = f.openWorkstation();
    QVERIFY(second && second->ok());
    second->typeSignIn(QStringLiteral("supervisor"),
                       test::UiTestFixture::demoPassword(QStringLiteral("supervisor")));
    ui::RuleSetsWidget* rules = openRuleSets(second->window());
    QVERIFY(rules);
    auto* note = rules->findChild<QLabel*>(QStringLiteral("ruleSetsNote"));
    QVERIFY2(note->text().contains(QStringLiteral("only an administrator changes them")),
             qPrintable(note->text()));
    QCOMPARE(rules->findChild<QTreeWidget*>(QStringLiteral("ruleSetList"))->topLevelItemCount(), 3);
    auto* dialog = second->window().findChild<QDialog*>(QStringLiteral("ruleSetsWindow"));
    dialog->resize(1200, 820);
    grab(dialog, "supervisor");
}

HEART_TEST_MAIN(TestRuleSets)
#include "tst_rule_sets.moc"
