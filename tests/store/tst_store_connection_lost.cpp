// PostgreSQL only: when the server drops the connection (a restart, a
// failover, an administrator ending the session) the next store call fails
// with ConnectionFailed and the connection state turns false — that is what
// the status bar shows — and a ping reconnects with the credentials given.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/AccountStore.h"
#include "store/ChangeFeed.h"
#include "store/UnitOfWork.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace heart;

class TestConnectionLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }
    void droppedConnectionIsNoticedAndRecovered();
    void connectionTheDriverClosedIsLostNotAFailedQuery();

private:
    std::unique_ptr<test::TestDatabase> m_fixture;
};

void TestConnectionLost::droppedConnectionIsNoticedAndRecovered()
{
    QCOMPARE(m_fixture->engine(), store::Engine::Postgres);
    store::Database& db = m_fixture->db();
    QVERIFY(db.isConnected());
    const test::RawResult pid = m_fixture->sql(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY2(pid.ok && !pid.rows.isEmpty(), qPrintable(pid.error));
    QSignalSpy state(&db, &store::Database::connectionStateChanged);

    store::StoreError secondError;
    auto other = m_fixture->openSecond(&secondError);
    QVERIFY2(other, qPrintable(secondError.detail));
    const test::RawResult killed = test::TestDatabase::sqlOn(
        *other, QStringLiteral("SELECT pg_terminate_backend(?)"), {pid.rows.first().first()});
    QVERIFY2(killed.ok, qPrintable(killed.error));

    store::AccountStore accounts(db, m_fixture->clock());
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^prepare failed: .*terminating connection")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^count users failed: .*no connection")));
    auto lost = accounts.hasUsers();
    QVERIFY(!lost.ok());
    QCOMPARE(lost.error().code, store::StoreErrorCode::ConnectionFailed);
    QVERIFY(!db.isConnected());
    QCOMPARE(state.count(), 1);
    QCOMPARE(state.first().first().toBool(), false);

    QVERIFY(db.ping());
    QVERIFY(db.isConnected());
    QCOMPARE(state.last().first().toBool(), true);
    auto back = accounts.hasUsers();
    HEARTDESK_VERIFY_RESULT(back);
}

// A workstation listening for the journal's notifications learns of the
// server's goodbye between two operations: Qt's driver reads it from the
// socket, libpq marks the connection bad and the driver reports itself not
// open. The next store call must fail as ConnectionFailed (and the state
// turn false, so the feed reconnects), not as an ordinary failed query with
// an empty message while the connection still counts as alive.
void TestConnectionLost::connectionTheDriverClosedIsLostNotAFailedQuery()
{
    store::Database& db = m_fixture->db();
    const store::Actor admin = m_fixture->administrator();
    store::ChangeFeed& feed = store::ChangeFeed::of(db);
    QVERIFY(feed.isListening());
    const test::RawResult pid = m_fixture->sql(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY2(pid.ok && !pid.rows.isEmpty(), qPrintable(pid.error));
    auto other = m_fixture->openSecond();
    QVERIFY(other);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^QSocketNotifier: Invalid socket")));
    const test::RawResult killed = test::TestDatabase::sqlOn(
        *other, QStringLiteral("SELECT pg_terminate_backend(?)"), {pid.rows.first().first()});
    QVERIFY2(killed.ok, qPrintable(killed.error));
    QTRY_VERIFY(!db.isOpen()); // the driver has read the goodbye
    QVERIFY(db.isConnected()); // and nobody has told the store yet

    // A change: its transaction cannot begin.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "^begin transaction failed: no connection to the server$")));
    {
        store::UnitOfWork work(db, m_fixture->clock(), admin, Action::ManageSettings,
                               QStringLiteral("probe"));
        QCOMPARE(work.error().code, store::StoreErrorCode::ConnectionFailed);
    }
    QVERIFY(!db.isConnected());
    QCOMPARE(db.transactionDepth(), 0);
    // The feed reconnects by itself (every second) and listens again.
    QTRY_VERIFY_WITH_TIMEOUT(db.isConnected(), 5000);
    QVERIFY(feed.isListening());
    store::AccountStore accounts(db, m_fixture->clock());
    HEARTDESK_VERIFY_RESULT(accounts.hasUsers());
}

HEART_TEST_GUILESS_MAIN(TestConnectionLost)
#include "tst_store_connection_lost.moc"
