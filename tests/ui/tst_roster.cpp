// The supervisor's roster offscreen: the demo rotation is valid; a shift
// added from the keyboard breaks a rule, the message names the person and
// week at once and the change is saved; undoing it clears the message; the
// cell menu sets any shift; a swap (with the neighbour, or with a person
// chosen from a list) is saved as one change; the calendar export parses
// and is audited; a responder sees the rotation but cannot change it.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "core/roster/TimeZoneRule.h"
#include "roster/RosterTableModel.h"
#include "roster/RosterWidget.h"
#include "store/AccountStore.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <sys/stat.h>

using namespace heart;

class TestRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editIntoViolationAndBack();
    void swapAndExport();
    void onDutyNow();
    void cellMenuSetsAnyShift();
    void swapWithChosenPerson();
    void readOnlyForResponders();
    void shiftNamesInSpanish();
    void coverageExplainedAndHeadersFit();

private:
    static ui::RosterWidget* openRoster(test::UiTestFixture& f);
    static int freeWeekday(QTableView* table, int row);
};

ui::RosterWidget* TestRoster::openRoster(test::UiTestFixture& f)
{
    f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
    auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
    if (!tabs)
        return nullptr;
    auto* roster = f.window().findChild<ui::RosterWidget*>(QStringLiteral("rosterWidget"));
    tabs->setCurrentWidget(roster);
    return roster;
}

int TestRoster::freeWeekday(QTableView* table, int row)
{
    for (int day = 7; day < table->model()->columnCount(); ++day) {
        if (day % 7 < 5 && table->model()->index(row, day).data().toString().isEmpty())
            return day;
    }
    return -1;
}

void TestRoster::editIntoViolationAndBack()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    QVERIFY(roster->isVisible());
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    auto* violations = roster->findChild<QListWidget*>(QStringLiteral("rosterViolations"));
    QCOMPARE(table->model()->rowCount(), 16);
    QCOMPARE(table->model()->columnCount(), 42);
    QCOMPARE(roster->violationCount(), 0);
    QCOMPARE(violations->item(0)->text(), QStringLiteral("Every rule holds."));

    // Keyboard: go to the first person's first free weekday and press Space.
    const int day = freeWeekday(table, 0);
    QVERIFY(day > 0);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    for (int i = 0; i < day; ++i)
        QTest::keyClick(table, Qt::Key_Right);
    QCOMPARE(table->currentIndex().column(), day);
    const QString name =
        table->model()->headerData(0, Qt::Vertical).toString().section(QStringLiteral(" · "), 0, 0);
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(!table->model()->index(0, day).data().toString().isEmpty());
    QVERIFY(roster->violationCount() > 0);
    bool named = false;
    for (int i = 0; i < violations->count(); ++i) {
        const QString text = violations->item(i)->text();
        if (text.startsWith(name) &&
            text.contains(QStringLiteral("works 4 shifts in week %1").arg(day / 7 + 1)))
            named = true;
    }
    QVERIFY2(named, qPrintable(violations->item(0)->text()));
    QCOMPARE(
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM roster_duties d JOIN staff s ON s.id = d.staff_id "
                                   "WHERE d.day_index = %1 AND d.kind = 'shift' AND s.display_name = '%2'")
                        .arg(day)
                        .arg(name)),
        1);
    // Space twice more: administrative hours, then off again — the rotation is valid once more.
    QTest::keyClick(table, Qt::Key_Space);
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(roster->violationCount(), 0);
    QCOMPARE(violations->item(0)->text(), QStringLiteral("Every rule holds."));
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE record_type = 'roster_cycle' "
                                       "AND action = 'update'")) >= 3);
}

void TestRoster::swapAndExport()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    // Find a day where person 0 and person 1 have different duties, and swap them.
    int day = -1;
    for (int d = 0; d < 42 && day < 0; ++d) {
        if (table->model()->index(0, d).data() != table->model()->index(1, d).data())
            day = d;
    }
    QVERIFY(day >= 0);
    const QString first = table->model()->index(0, day).data().toString();
    const QString second = table->model()->index(1, day).data().toString();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, day));
    QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(table->model()->index(0, day).data().toString(), second);
    QCOMPARE(table->model()->index(1, day).data().toString(), first);
    QVERIFY(roster->violationCount() > 0); // each now breaks their weekly pattern

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rotation.ics"));
    const mode_t umaskBefore = ::umask(022);
    QVERIFY(roster->exportTo(path, true));
    ::umask(umaskBefore);
    struct stat info = {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
    QCOMPARE(int(info.st_mode & 0777), 0600); // issue 19: the user's alone, whatever the umask
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString ics = QString::fromUtf8(file.readAll());
    QVERIFY(ics.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\n")));
    QVERIFY(ics.endsWith(QStringLiteral("END:VCALENDAR\r\n")));
    int shifts = 0;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            const QString cell = table->model()->index(r, c).data().toString();
            shifts += (cell == QStringLiteral("E") || cell == QStringLiteral("L")) ? 1 : 0;
        }
    QCOMPARE(ics.count(QStringLiteral("BEGIN:VEVENT")), shifts);
    // Changing someone's fixed shift makes their existing shifts break the rule, and says so.
    const int before = roster->violationCount();
    table->setCurrentIndex(table->model()->index(5, 0));
    QVERIFY(roster->changeFixedShift(5));
    QVERIFY(roster->violationCount() > before);
    QVERIFY(roster->findChild<QListWidget*>(QStringLiteral("rosterViolations"))
                ->findItems(QStringLiteral("but their fixed shift is"), Qt::MatchContains)
                .size() >= 18);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export' "
                                        "AND record_type = 'roster_cycle'")),
             1);
}

void TestRoster::onDutyNow()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    // 13:00 in Durham today: both the early (09-21) and the late (12-24) shift are running.
    const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    const roster::LocalDateTime today = zone.toLocal(f.clock().now());
    f.clock().set(zone.toUtc({today.date, 13 * 60}));
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    roster->reload();
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    int column = -1;
    for (int c = 0; c < table->model()->columnCount(); ++c) {
        const QString tip = table->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        if (tip.startsWith(QStringLiteral("Today")))
            column = c;
    }
    QVERIFY(column >= 0);
    const QString onDuty = roster->findChild<QLabel*>(QStringLiteral("rosterOnDuty"))->text();
    QVERIFY2(onDuty.contains(QStringLiteral("<b>early shift</b>")), qPrintable(onDuty));
    QVERIFY2(onDuty.contains(QStringLiteral("<b>late shift</b>")), qPrintable(onDuty));
    // Everyone on shift today appears in a team (the demo has one clinician and one peer/EMT per shift).
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        const QString cell = table->model()->index(r, column).data().toString();
        if (cell != QStringLiteral("E") && cell != QStringLiteral("L"))
            continue;
        const QString name =
            table->model()->headerData(r, Qt::Vertical).toString().section(QStringLiteral(" · "), 0, 0);
        QVERIFY2(onDuty.contains(name.toHtmlEscaped()),
                 qPrintable(name + QStringLiteral(" missing from ") + onDuty));
    }
}

void TestRoster::cellMenuSetsAnyShift()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    auto* model = qobject_cast<ui::RosterTableModel*>(table->model());
    QVERIFY(model);
    QCOMPARE(model->schedule().staff.front().shiftCode, std::string("early")); // clinicians, early first
    const int day = freeWeekday(table, 0);
    QVERIFY(day > 0);
    const QString name = QString::fromStdString(model->schedule().staff.front().name);
    table->setFocus();
    table->setCurrentIndex(model->index(0, day));
    // Shift+F10 opens the cell's menu; "2" picks the program's second shift (late) by its mnemonic.
    QTimer::singleShot(0, this, [] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget()))
            QTest::keyClick(menu, Qt::Key_2);
    });
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    QCOMPARE(model->index(0, day).data().toString(), QStringLiteral("L"));
    auto* violations = roster->findChild<QListWidget*>(QStringLiteral("rosterViolations"));
    QVERIFY(!violations->findItems(name + QStringLiteral(" works the late shift on"), Qt::MatchStartsWith)
                 .isEmpty());
    QCOMPARE(f.countRows(
                 QStringLiteral("SELECT COUNT(*) FROM roster_duties d JOIN staff s ON s.id = d.staff_id "
                                "WHERE d.day_index = %1 AND d.shift_code = 'late' AND s.display_name = '%2'")
                     .arg(day)
                     .arg(name)),
             1);
    // And "O" sets the day off again: every rule holds once more, nothing left in the database.
    QTimer::singleShot(0, this, [] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget()))
            QTest::keyClick(menu, Qt::Key_O);
    });
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY(model->index(0, day).data().toString().isEmpty());
    QCOMPARE(roster->violationCount(), 0);
    QCOMPARE(
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM roster_duties d JOIN staff s ON s.id = d.staff_id "
                                   "WHERE d.day_index = %1 AND s.display_name = '%2'")
                        .arg(day)
                        .arg(name)),
        0);
}

void TestRoster::swapWithChosenPerson()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    auto* model = qobject_cast<ui::RosterTableModel*>(table->model());
    int day = 0;
    while (day < model->columnCount() && model->index(0, day).data().toString() != QStringLiteral("E"))
        ++day;
    QVERIFY(day < model->columnCount());
    const int versionBefore = f.countRows(QStringLiteral("SELECT version FROM roster_cycles"));
    const int updatesBefore =
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update'"));
    table->setFocus();
    table->setCurrentIndex(model->index(0, day));
    // Ctrl+W asks whom to swap with; the list offers people of the same role first; Down, Enter picks the
    // second.
    int chosen = -1;
    int offered = 0;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        auto* list = dialog ? dialog->findChild<QTreeWidget*>(QStringLiteral("swapCandidates")) : nullptr;
        if (!list)
            return;
        offered = list->topLevelItemCount();
        QTest::keyClick(list, Qt::Key_Down);
        chosen = list->currentItem()->data(0, Qt::UserRole).toInt();
        QTest::keyClick(list, Qt::Key_Return);
    });
    QTest::keyClick(table, Qt::Key_W, Qt::ControlModifier);
    QVERIFY(offered > 1);
    QVERIFY(chosen > 0);
    QCOMPARE(model->schedule().staff[std::size_t(chosen)].role, roster::ResponderRole::Clinician);
    QCOMPARE(model->index(chosen, day).data().toString(), QStringLiteral("E"));
    QVERIFY(model->index(0, day).data().toString() != QStringLiteral("E"));
    QCOMPARE(table->currentIndex(), model->index(0, day));
    // One change: one version step, one audit row, both cells in the database.
    QCOMPARE(f.countRows(QStringLiteral("SELECT version FROM roster_cycles")), versionBefore + 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update'")),
             updatesBefore + 1);
    const QString chosenName = QString::fromStdString(model->schedule().staff[std::size_t(chosen)].name);
    QCOMPARE(
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM roster_duties d JOIN staff s ON s.id = d.staff_id "
                                   "WHERE d.day_index = %1 AND d.kind = 'shift' AND s.display_name = '%2'")
                        .arg(day)
                        .arg(chosenName)),
        1);
    QVERIFY(roster->violationCount() > 0);
}

void TestRoster::readOnlyForResponders()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    store::AccountStore accounts(f.db(), f.clock());
    auto teamLead =
        accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), QStringLiteral("van-3"));
    QVERIFY(teamLead.ok());
    ui::RosterWidget roster(ui::Services{f.db(), f.clock(), teamLead.value()});
    roster.show();
    QVERIFY(QTest::qWaitForWindowExposed(&roster));
    QVERIFY(!roster.isEditable());
    QVERIFY(!roster.findChild<QPushButton*>(QStringLiteral("rosterGenerate"))->isVisible());
    auto* table = roster.findChild<QTableView*>(QStringLiteral("rosterTable"));
    QCOMPARE(table->model()->rowCount(), 16);
    const QString before = table->model()->index(0, 3).data().toString();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 3));
    QTest::keyClick(table, Qt::Key_Space);
    QTest::keyClick(table, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(table->model()->index(0, 3).data().toString(), before);
    QVERIFY(!roster.generate(1));
    QCOMPARE(f.countRows(QStringLiteral("SELECT version FROM roster_cycles")), 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied'")),
             0);
}

namespace {

// Renders a widget for a person to look at, when HEARTDESK_TEST_PNG_DIR is set.
void savePng(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

void TestRoster::shiftNamesInSpanish()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    // 13:00 in Durham: both shifts are running.
    const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    const roster::LocalDateTime today = zone.toLocal(f.clock().now());
    f.clock().set(zone.toUtc({today.date, 13 * 60}));
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    QVERIFY(f.language().setLanguage(QStringLiteral("es")));
    roster->reload();
    QCoreApplication::processEvents();
    const QString onDuty = roster->findChild<QLabel*>(QStringLiteral("rosterOnDuty"))->text();
    QVERIFY2(onDuty.contains(QStringLiteral("<b>Turno de mañana</b>")), qPrintable(onDuty));
    QVERIFY2(onDuty.contains(QStringLiteral("<b>Turno de tarde</b>")), qPrintable(onDuty));
    QVERIFY2(!onDuty.contains(QStringLiteral("early")) && !onDuty.contains(QStringLiteral("late")),
             qPrintable(onDuty));
    // The grid marks a shift with the Spanish name's letter; its tooltip names it.
    auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
    QSet<QString> letters;
    QString shiftTip;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        for (int c = 0; c < 7; ++c) {
            const QModelIndex cell = table->model()->index(r, c);
            const QString letter = cell.data().toString();
            if (letter == QStringLiteral("M") || letter == QStringLiteral("T") ||
                letter == QStringLiteral("E") || letter == QStringLiteral("L")) {
                letters << letter;
                shiftTip = cell.data(Qt::ToolTipRole).toString();
            }
        }
        const QString person = table->model()->headerData(r, Qt::Vertical, Qt::ToolTipRole).toString();
        QVERIFY2(!person.contains(QStringLiteral("early")) && !person.contains(QStringLiteral("late")),
                 qPrintable(person));
    }
    QCOMPARE(letters, (QSet<QString>{QStringLiteral("M"), QStringLiteral("T")}));
    QVERIFY2(shiftTip.contains(QStringLiteral("turno de mañana (09:00–21:00)")) ||
                 shiftTip.contains(QStringLiteral("turno de tarde (12:00–24:00)")),
             qPrintable(shiftTip));
    savePng(roster, QStringLiteral("roster-es"));
}

void TestRoster::coverageExplainedAndHeadersFit()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    ui::RosterWidget* roster = openRoster(f);
    QVERIFY(roster);
    auto* tabs = roster->findChild<QTabWidget*>(QStringLiteral("rosterTabs"));
    auto* coverage = roster->findChild<QWidget*>(QStringLiteral("rosterCoverage"));
    QVERIFY(tabs && coverage);
    tabs->setCurrentWidget(coverage);
    roster->reload();
    QCoreApplication::processEvents();
    auto* gaps = coverage->findChild<QTableWidget*>(QStringLiteral("coverageGaps"));
    QVERIFY(gaps);

    // "Teams short" says what its number is: an average shortfall of the run's worst hour.
    auto* legend = coverage->findChild<QLabel*>(QStringLiteral("coverageLegend"));
    QVERIFY2(legend && legend->isVisible(), "no legend under the gaps");
    QVERIFY2(legend->text().contains(QStringLiteral("worst hour")) &&
                 legend->text().contains(QStringLiteral("averaged")),
             qPrintable(legend->text()));
    QCOMPARE(gaps->horizontalHeaderItem(1)->toolTip(), legend->text());
    for (int row = 0; row < gaps->rowCount(); ++row)
        QVERIFY2(gaps->item(row, 1)->toolTip().startsWith(QStringLiteral("Worst hour ")),
                 qPrintable(gaps->item(row, 1)->toolTip()));

    // Every header reads in full, in English and after switching to Spanish.
    const auto headersFit = [&](const char* language) {
        QCoreApplication::processEvents();
        QHeaderView* header = gaps->horizontalHeader();
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        for (int i = 0; i < gaps->columnCount(); ++i) {
            const QString text = gaps->model()->headerData(i, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(text) + 2 * margin;
            if (header->sectionSize(i) < needed)
                return QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                    .arg(QLatin1String(language), text)
                    .arg(needed)
                    .arg(header->sectionSize(i));
        }
        return QString();
    };
    QString problem = headersFit("en");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(f.language().setLanguage(QStringLiteral("es")));
    QCoreApplication::processEvents();
    QCOMPARE(gaps->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Equipos que faltan"));
    problem = headersFit("es");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    savePng(roster, QStringLiteral("roster-coverage-es"));
}

HEART_TEST_MAIN(TestRoster)
#include "tst_roster.moc"
