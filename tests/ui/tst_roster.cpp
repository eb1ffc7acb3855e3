// The supervisor's roster offscreen: the demo rotation is valid; a shift
// added from the keyboard breaks a rule, the message names the person and
// week at once and the change is saved; undoing it clears the message; a
// swap is saved; the calendar export parses and is audited.
#include "UiTestFixture.h"

#include "core/roster/TimeZoneRule.h"
#include "roster/RosterWidget.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace heart;

class TestRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editIntoViolationAndBack();
    void swapAndExport();
    void onDutyNow();

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
    const QString name = table->model()->headerData(0, Qt::Vertical).toString().section(QStringLiteral(" · "), 0, 0);
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(!table->model()->index(0, day).data().toString().isEmpty());
    QVERIFY(roster->violationCount() > 0);
    bool named = false;
    for (int i = 0; i < violations->count(); ++i) {
        const QString text = violations->item(i)->text();
        if (text.startsWith(name) && text.contains(QStringLiteral("works 4 shifts in week %1").arg(day / 7 + 1)))
            named = true;
    }
    QVERIFY2(named, qPrintable(violations->item(0)->text()));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM roster_duties d JOIN staff s ON s.id = d.staff_id "
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
    QVERIFY(roster->exportTo(path, true));
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
        if (table->model()->headerData(c, Qt::Horizontal).toString().startsWith(QStringLiteral("Today")))
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
        const QString name = table->model()->headerData(r, Qt::Vertical).toString().section(QStringLiteral(" · "), 0, 0);
        QVERIFY2(onDuty.contains(name.toHtmlEscaped()), qPrintable(name + QStringLiteral(" missing from ") + onDuty));
    }
}

QTEST_MAIN(TestRoster)
#include "tst_roster.moc"
