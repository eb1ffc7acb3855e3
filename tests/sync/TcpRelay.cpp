#include "sync/TcpRelay.h"

#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace heart::test {

// One forwarded connection: the laptop's socket and the one to the server.
struct RelayLink
{
    QTcpSocket* client = nullptr;
    QTcpSocket* server = nullptr;
    QByteArray waiting; // from the client while the server connection is being made
    bool serverUp = false;
};

// Everything that touches a socket, in the relay's thread.
class RelayWorker : public QObject
{
public:
    explicit RelayWorker(TcpRelay& relay) : m_relay(relay) {}

    QString listen()
    {
        m_listener = new QTcpServer(this);
        QObject::connect(m_listener, &QTcpServer::newConnection, this, &RelayWorker::accept);
        if (!m_listener->listen(QHostAddress::LocalHost, 0))
            return m_listener->errorString();
        return {};
    }
    quint16 port() const { return m_listener ? m_listener->serverPort() : 0; }

    void cutAll()
    {
        if (!m_links.isEmpty())
            ++m_relay.m_cuts;
        const QList<RelayLink*> links = m_links;
        m_links.clear();
        for (RelayLink* link : links) {
            link->client->abort();
            link->server->abort();
            link->client->deleteLater();
            link->server->deleteLater();
            delete link;
        }
    }

    void arm(qint64 n, TcpRelay::Direction direction, TcpRelay::AfterCut after)
    {
        m_armed = true;
        m_remaining = n;
        m_direction = direction;
        m_after = after;
    }
    void disarm() { m_armed = false; }

    void shutdown()
    {
        cutAll();
        if (m_listener)
            m_listener->close();
    }

private:
    void accept()
    {
        while (QTcpSocket* client = m_listener->nextPendingConnection()) {
            if (!m_relay.m_linkUp.load()) {
                ++m_relay.m_refused;
                client->abort();
                client->deleteLater();
                continue;
            }
            ++m_relay.m_forwarded;
            auto* link = new RelayLink;
            link->client = client;
            link->server = new QTcpSocket(this);
            m_links.append(link);
            QTcpSocket* server = link->server;
            QObject::connect(server, &QTcpSocket::connected, this, [this, link] {
                if (!m_links.contains(link))
                    return;
                link->serverUp = true;
                const QByteArray waiting = std::exchange(link->waiting, {});
                if (!waiting.isEmpty())
                    forward(link, TcpRelay::Direction::ToServer, waiting);
            });
            QObject::connect(client, &QTcpSocket::readyRead, this, [this, link] {
                if (!m_links.contains(link))
                    return;
                const QByteArray data = link->client->readAll();
                if (link->serverUp)
                    forward(link, TcpRelay::Direction::ToServer, data);
                else
                    link->waiting += data;
            });
            QObject::connect(server, &QTcpSocket::readyRead, this, [this, link] {
                if (m_links.contains(link))
                    forward(link, TcpRelay::Direction::ToClient, link->server->readAll());
            });
            // One side went away: the other is closed after what it still has to send.
            const auto closeBoth = [this, link] {
                if (!m_links.removeOne(link))
                    return;
                for (QTcpSocket* socket : {link->client, link->server}) {
                    if (socket->state() == QAbstractSocket::ConnectedState) {
                        socket->flush();
                        socket->disconnectFromHost();
                    } else {
                        socket->abort();
                    }
                    socket->deleteLater();
                }
                delete link;
            };
            QObject::connect(client, &QTcpSocket::disconnected, this, closeBoth);
            QObject::connect(server, &QTcpSocket::disconnected, this, closeBoth);
            QObject::connect(client, &QTcpSocket::errorOccurred, this, closeBoth);
            QObject::connect(server, &QTcpSocket::errorOccurred, this, closeBoth);
            server->connectToHost(m_relay.m_targetHost, m_relay.m_targetPort);
        }
    }

    void forward(RelayLink* link, TcpRelay::Direction direction, QByteArray data)
    {
        if (data.isEmpty())
            return;
        QTcpSocket* to = direction == TcpRelay::Direction::ToServer ? link->server : link->client;
        std::atomic<qint64>& counter =
            direction == TcpRelay::Direction::ToServer ? m_relay.m_toServer : m_relay.m_toClient;
        if (m_armed && direction == m_direction && data.size() >= m_remaining) {
            // The cut: exactly the bytes allowed, then every connection goes.
            const QByteArray allowed = data.left(m_remaining);
            if (!allowed.isEmpty()) {
                to->write(allowed);
                counter += allowed.size();
                while (to->bytesToWrite() > 0 && to->waitForBytesWritten(200)) {
                }
            }
            m_armed = false;
            ++m_relay.m_cutsFired;
            if (m_after == TcpRelay::AfterCut::GoesDown)
                m_relay.m_linkUp = false;
            cutAll();
            return;
        }
        if (m_armed && direction == m_direction)
            m_remaining -= data.size();
        to->write(data);
        counter += data.size();
    }

    TcpRelay& m_relay;
    QTcpServer* m_listener = nullptr;
    QList<RelayLink*> m_links;
    bool m_armed = false;
    qint64 m_remaining = 0;
    TcpRelay::Direction m_direction = TcpRelay::Direction::ToServer;
    TcpRelay::AfterCut m_after = TcpRelay::AfterCut::StaysUp;
};

TcpRelay::TcpRelay(const QString& targetHost, quint16 targetPort)
    : m_targetHost(targetHost), m_targetPort(targetPort)
{}

TcpRelay::~TcpRelay()
{
    if (!m_thread)
        return;
    runInRelay([this] { m_worker->shutdown(); });
    m_thread->quit();
    m_thread->wait();
}

void TcpRelay::runInRelay(const std::function<void()>& job)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, job, Qt::BlockingQueuedConnection);
}

QString TcpRelay::start()
{
    if (m_thread)
        return QStringLiteral("the relay is already started");
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("tcp-relay"));
    m_worker = new RelayWorker(*this);
    m_worker->moveToThread(m_thread.get());
    // The worker and its sockets go with the thread's last events.
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    QString problem;
    runInRelay([&] {
        problem = m_worker->listen();
        m_port = m_worker->port();
    });
    return problem;
}

void TcpRelay::cutAll()
{
    runInRelay([this] { m_worker->cutAll(); });
}

void TcpRelay::setLinkUp(bool up)
{
    m_linkUp = up;
    if (!up)
        cutAll();
}

void TcpRelay::cutAfterBytes(qint64 n, Direction direction, AfterCut after)
{
    runInRelay([&] { m_worker->arm(qMax<qint64>(0, n), direction, after); });
}

void TcpRelay::clearCut()
{
    runInRelay([this] { m_worker->disarm(); });
}

qint64 TcpRelay::bytes(Direction direction) const
{
    return direction == Direction::ToServer ? m_toServer.load() : m_toClient.load();
}

void TcpRelay::resetCounters()
{
    m_toServer = 0;
    m_toClient = 0;
    m_forwarded = 0;
    m_refused = 0;
    m_cuts = 0;
    m_cutsFired = 0;
}

} // namespace heart::test
