// The team lead's laptop: my unit (from the demo: CRT-1, on scene at a live
// call), the call's intake details (an audited read, allowed only for the
// unit sent to it), status moved from the keyboard (Ctrl+5 transporting,
// Ctrl+6 clear, Ctrl+1 available) with only the allowed moves offered, the
// times computed from the status changes, and the team board showing it.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "store/IntakeStore.h"
#include "units/TeamBoard.h"
#include "units/TeamLeadHome.h"

#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace heart;
using units::UnitStatus;

class TestTeamLead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movesTheUnitThroughTheCallByKeyboard()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().code, QStringLiteral("CRT-1"));
        QCOMPARE(home->unit().status, UnitStatus::OnScene);
        QVERIFY2(home->callText().startsWith(QStringLiteral("Call DEMO-")), qPrintable(home->callText()));
        // The demo sent CRT-1 16 minutes before it arrived, 69 minutes ago.
        QCOMPARE(home->timesText(), QStringLiteral("Dispatch to arrival: 16 min"));
        QCOMPARE(f.countRows(QStringLiteral(
                     "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id "
                     "WHERE u.login = 'teamlead' AND a.action = 'open' AND a.record_type = 'call'")),
                 2); // read for the home and for the safety plan's header (the person's name and language)
        // Only the moves the rules allow are offered: transporting or clear.
        const auto offered = [&](const char* status) {
            return home->findChild<QPushButton*>(QStringLiteral("status_") + QLatin1String(status))
                ->isVisibleTo(home);
        };
        QVERIFY(offered("transporting") && offered("clear"));
        QVERIFY(!offered("available") && !offered("dispatched") && !offered("en_route"));

        f.clock().advance(std::chrono::minutes(20));
        QTest::keyClick(home, Qt::Key_5, Qt::ControlModifier); // transporting
        QTRY_COMPARE(home->unit().status, UnitStatus::Transporting);
        QVERIFY2(home->timesText().contains(QStringLiteral("On scene: 1 h 29 min")),
                 qPrintable(home->timesText()));
        f.clock().advance(std::chrono::minutes(15));
        QTest::keyClick(home, Qt::Key_6, Qt::ControlModifier); // clear
        QTRY_COMPARE(home->unit().status, UnitStatus::Clear);
        QTest::keyClick(home, Qt::Key_1, Qt::ControlModifier); // available
        QTRY_COMPARE(home->unit().status, UnitStatus::Available);
        QVERIFY(home->unit().callId.isEmpty());
        QCOMPARE(home->callText(), QStringLiteral("No call assigned."));
        // Each change is an event with a time and the user, and audited.
        QCOMPARE(f.countRows(QStringLiteral(
                     "SELECT COUNT(*) FROM unit_status_events e JOIN units u ON u.id = e.unit_id "
                     "WHERE u.code = 'CRT-1' AND e.status IN ('transporting', 'clear', 'available') "
                     "AND e.at_utc IS NOT NULL")),
                 4); // available also once when the demo put it in service
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id "
                                       "WHERE u.login = 'teamlead' AND a.action = 'status_change'")),
            7); // the demo's 4 (CRT-1 available, en route, on scene; CRT-2 available) + 3 here
        auto* board = home->findChild<ui::TeamBoard*>();
        QVERIFY(board);
        bool shown = false;
        for (int row = 0; row < board->model()->rowCount(); ++row)
            shown |= board->model()->unit(row).code == QLatin1String("CRT-1") &&
                     board->model()->unit(row).status == UnitStatus::Available;
        QVERIFY(shown);
    }

    void theBoardIsOnEveryWorkstation_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("counselor") << QStringLiteral("counselor");
        QTest::newRow("supervisor") << QStringLiteral("supervisor");
        QTest::newRow("emt") << QStringLiteral("emt");
    }

    void theBoardIsOnEveryWorkstation()
    {
        QFETCH(QString, login);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(login, test::UiTestFixture::demoPassword(login));
        auto* board = f.window().home()->findChild<ui::TeamBoard*>();
        QVERIFY(board);
        QCOMPARE(board->model()->rowCount(), 4);
        QCOMPARE(board->model()->data(board->model()->index(2, ui::UnitBoardModel::Code)).toString(),
                 QStringLiteral("CRT-1"));
        QCOMPARE(board->model()->data(board->model()->index(2, ui::UnitBoardModel::Status)).toString(),
                 QStringLiteral("On scene"));
    }

    void anotherUnitsCallStaysClosed()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        // The peer on CRT-1 may open CRT-1's call but not COR-1's.
        f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QCOMPARE(home->unit().code, QStringLiteral("CRT-1"));
        const QString otherCall = [&] {
            QSqlQuery q(f.db().connection());
            q.exec(QStringLiteral("SELECT call_id FROM units WHERE code = 'COR-1'"));
            return q.next() ? q.value(0).toString() : QString();
        }();
        QVERIFY(!otherCall.isEmpty());
        store::IntakeStore calls(f.db(), f.clock());
        auto refused = calls.openAssigned(*f.window().actor(), otherCall);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, store::StoreErrorCode::PermissionDenied);
    }
};

HEART_TEST_MAIN(TestTeamLead)
#include "tst_team_lead.moc"
