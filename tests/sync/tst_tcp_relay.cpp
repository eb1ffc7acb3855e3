// The fault tests' relay on its own (tests/sync/TcpRelay.h), against a plain
// TCP server in this test: it forwards both ways and counts the bytes; a cut
// after n bytes lets exactly n through and closes both sides; a link that is
// down closes new connections before a byte reaches the server and cuts the
// open ones; and a client blocked in a read on this thread is cut all the
// same by a call from another thread (the relay never waits for the test).
#include "common/StrictTestMain.h"
#include "sync/TcpRelay.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <thread>

using heart::test::TcpRelay;
using Direction = heart::test::TcpRelay::Direction;

class TestTcpRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_target = std::make_unique<QTcpServer>();
        QVERIFY(m_target->listen(QHostAddress::LocalHost, 0));
        m_relay = std::make_unique<TcpRelay>(QStringLiteral("127.0.0.1"), m_target->serverPort());
        const QString problem = m_relay->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_relay->port() != 0);
    }
    void cleanup()
    {
        m_relay.reset();
        m_target.reset();
    }

    void forwardsBothWaysAndCountsBytes()
    {
        QTcpSocket client;
        QTcpSocket* server = connectThrough(client);
        QVERIFY(server);
        client.write("hello");
        QVERIFY(QTest::qWaitFor([&] { return server->bytesAvailable() >= 5; }, 5000));
        QCOMPARE(server->readAll(), QByteArray("hello"));
        server->write("welcome");
        QVERIFY(QTest::qWaitFor([&] { return client.bytesAvailable() >= 7; }, 5000));
        QCOMPARE(client.readAll(), QByteArray("welcome"));
        QCOMPARE(m_relay->bytes(Direction::ToServer), 5);
        QCOMPARE(m_relay->bytes(Direction::ToClient), 7);
        QCOMPARE(m_relay->connectionsForwarded(), 1);
        QCOMPARE(m_relay->cutsFired(), 0);
        // A graceful close reaches the other side.
        client.disconnectFromHost();
        QVERIFY(QTest::qWaitFor([&] { return server->state() == QAbstractSocket::UnconnectedState; }, 5000));
    }

    void cutAfterBytesLetsExactlyThemThrough()
    {
        QTcpSocket client;
        QTcpSocket* server = connectThrough(client);
        QVERIFY(server);
        m_relay->cutAfterBytes(10, Direction::ToServer);
        client.write("abcd");
        QVERIFY(QTest::qWaitFor([&] { return server->bytesAvailable() >= 4; }, 5000));
        client.write(QByteArray(20, 'x'));
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return server->state() == QAbstractSocket::UnconnectedState; }, 5000));
        QCOMPARE(server->readAll(), QByteArray("abcd") + QByteArray(6, 'x'));
        QCOMPARE(m_relay->bytes(Direction::ToServer), 10);
        QCOMPARE(m_relay->cutsFired(), 1);
        QVERIFY(m_relay->isLinkUp());

        // One-shot, and the link stayed up: the next connection goes through in full.
        QTcpSocket again;
        QTcpSocket* server2 = connectThrough(again);
        QVERIFY(server2);
        again.write(QByteArray(50, 'y'));
        QVERIFY(QTest::qWaitFor([&] { return server2->bytesAvailable() >= 50; }, 5000));
        QCOMPARE(again.state(), QAbstractSocket::ConnectedState);
    }

    void cutTowardsTheClientCanTakeTheLinkDown()
    {
        QTcpSocket client;
        QTcpSocket* server = connectThrough(client);
        QVERIFY(server);
        m_relay->cutAfterBytes(33, Direction::ToClient, TcpRelay::AfterCut::GoesDown);
        server->write(QByteArray(100, 'z'));
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QCOMPARE(client.readAll(), QByteArray(33, 'z'));
        QVERIFY(!m_relay->isLinkUp());

        // Down: the relay closes a new connection, the server never sees it.
        QTcpSocket refused;
        refused.connectToHost(QHostAddress::LocalHost, m_relay->port());
        QVERIFY(QTest::qWaitFor([&] { return refused.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QCOMPARE(m_relay->connectionsRefused(), 1);
        QTest::qWait(100);
        QVERIFY(!m_target->hasPendingConnections());

        m_relay->setLinkUp(true);
        QTcpSocket back;
        QVERIFY(connectThrough(back));
    }

    void linkDownCutsOpenConnections()
    {
        QTcpSocket client;
        QTcpSocket* server = connectThrough(client);
        QVERIFY(server);
        m_relay->setLinkUp(false);
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return server->state() == QAbstractSocket::UnconnectedState; }, 5000));
        QCOMPARE(m_relay->cuts(), 1);
    }

    // This thread blocks in a read, as libpq does in a sync; the cut comes
    // from another thread and ends the read at once.
    void aBlockedClientIsCutAllTheSame()
    {
        QTcpSocket client;
        QTcpSocket* server = connectThrough(client);
        QVERIFY(server);
        std::thread cutter([this] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            m_relay->cutAll();
        });
        QElapsedTimer blocked;
        blocked.start();
        const bool gotData = client.waitForReadyRead(10000);
        const qint64 ms = blocked.elapsed();
        cutter.join();
        QVERIFY(!gotData);
        QVERIFY2(ms < 5000, qPrintable(QStringLiteral("the read waited %1 ms").arg(ms)));
        QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

private:
    // Connects `client` through the relay; the server's side of it, or null.
    QTcpSocket* connectThrough(QTcpSocket& client)
    {
        client.connectToHost(QHostAddress::LocalHost, m_relay->port());
        if (!client.waitForConnected(5000))
            return nullptr;
        if (!m_target->waitForNewConnection(5000))
            return nullptr;
        QTcpSocket* server = m_target->nextPendingConnection();
        return server;
    }

    std::unique_ptr<QTcpServer> m_target;
    std::unique_ptr<TcpRelay> m_relay;
};

HEART_TEST_GUILESS_MAIN(TestTcpRelay)
#include "tst_tcp_relay.moc"
