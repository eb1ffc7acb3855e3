// Every item model of the program, as its screen fills it from the demo
// program, under QAbstractItemModelTester (a broken model contract is a test
// failure) while the screen reloads it, the live refresh changes and ticks
// it, a filter narrows it, an edit changes cells and the language changes
// its headers. The follow-up queue model has its own test (tst_followup_model).
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "directory/ResourceDirectoryWidget.h"
#include "home/CallListHome.h"
#include "home/CallTableModel.h"
#include "home/LiveRefresh.h"
#include "intake/CounselorHome.h"
#include "roster/RosterWidget.h"
#include "units/TeamBoard.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace heart;
using namespace std::chrono_literals;

namespace {

QAbstractItemModelTester* testModel(QAbstractItemModel* model)
{
    return new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The counselor's call queue (CallTableModel) and team board (UnitBoardModel).
    void callQueueAndTeamBoard()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        auto* queue = home->findChild<ui::CallListHome*>();
        auto* board = home->findChild<ui::TeamBoard*>();
        QVERIFY(queue && board);

        auto* calls = qobject_cast<ui::CallTableModel*>(queue->table()->model());
        QVERIFY(calls);
        testModel(calls);
        QVERIFY(calls->rowCount() > 0);
        queue->refresh();
        f.clock().advance(3min);
        Q_EMIT queue->liveRefresh()->tick();
        Q_EMIT queue->liveRefresh()->changed();
        const int listed = calls->rowCount();
        calls->setCalls({});
        Q_EMIT queue->liveRefresh()->tick(); // nothing listed, nothing to redraw
        queue->refresh();
        QCOMPARE(calls->rowCount(), listed);

        ui::UnitBoardModel* units = board->model();
        testModel(units);
        board->refresh();
        QCOMPARE(units->rowCount(), 4); // CRT-1, COR-1 and two available
        units->tick();
        units->setUnits({});
        units->tick();
        board->refresh();
        QCOMPARE(units->rowCount(), 4);

        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QVERIFY(f.language().setLanguage(QStringLiteral("en")));
        QCOMPARE(calls->rowCount(), listed);
    }

    // The supervisor's roster (RosterTableModel): reloaded, a duty edited.
    void roster()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
        QVERIFY(tabs);
        auto* roster = f.window().findChild<ui::RosterWidget*>(QStringLiteral("rosterWidget"));
        QVERIFY(roster);
        tabs->setCurrentWidget(roster);
        auto* table = roster->findChild<QTableView*>(QStringLiteral("rosterTable"));
        QVERIFY(table);
        QAbstractItemModel* model = table->model();
        testModel(model);
        QCOMPARE(model->rowCount(), 16);
        roster->reload();
        const QString before = model->index(0, 8).data().toString();
        QVERIFY(roster->cycleDuty(0, 8));
        QVERIFY(model->index(0, 8).data().toString() != before);
        roster->reload();
        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QVERIFY(f.language().setLanguage(QStringLiteral("en")));
        QCOMPARE(model->rowCount(), 16);
    }

    // The resource directory (ResourceTableModel): searched, filtered, reloaded, retranslated.
    void resourceDirectory()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        QTest::keyClick(&f.window(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        auto* window = f.window().home()->findChild<QDialog*>(QStringLiteral("resourceDirectoryWindow"));
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        auto* directory = window->findChild<ui::ResourceDirectoryWidget*>();
        QVERIFY(directory);
        auto* table = directory->findChild<QTableView*>(QStringLiteral("directoryTable"));
        QAbstractItemModel* model = table->model();
        testModel(model);
        QCOMPARE(model->rowCount(), 26);

        auto* search = directory->findChild<QLineEdit*>(QStringLiteral("directorySearch"));
        QTest::keyClicks(search, QStringLiteral("clinica"));
        QCOMPARE(model->rowCount(), 1);
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QCOMPARE(model->rowCount(), 0);
        search->clear();
        auto* kind = directory->findChild<QComboBox*>(QStringLiteral("directoryKindFilter"));
        kind->setCurrentIndex(kind->findText(QStringLiteral("Crisis line")));
        QCOMPARE(model->rowCount(), 6);
        kind->setCurrentIndex(0);
        directory->reload();
        QCOMPARE(model->rowCount(), 26);
        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QVERIFY(f.language().setLanguage(QStringLiteral("en")));
        QCOMPARE(model->rowCount(), 26);
        window->close();
    }
};

HEART_TEST_MAIN(TestItemModels)

#include "tst_item_models.moc"
