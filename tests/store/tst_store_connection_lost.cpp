// PostgreSQL only: when the server drops the connection (a restart, a
// failover, an administrator ending the session) the next store call fails
// with ConnectionFailed and the connection state turns false — that is what
// the status bar shows — and a ping reconnects with the credentials given.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/AccountStore.h"

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

HEART_TEST_GUILESS_MAIN(TestConnectionLost)
#include "tst_store_connection_lost.moc"
