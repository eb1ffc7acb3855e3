#include "cadlink/CadClient.h"

#include "cadlink/CadProtocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_DECLARE_LOGGING_CATEGORY(lcCadLink)

namespace heart::cadlink {

CadClient::CadClient(QUrl url, QSslConfiguration tls, QObject* parent)
    : QObject(parent), m_url(std::move(url)), m_tls(std::move(tls))
{
    m_socket.setSslConfiguration(m_tls);
    m_socket.setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &CadClient::connectNow);
    connect(&m_heartbeat, &QTimer::timeout, this, &CadClient::heartbeat);
    m_retry.setSingleShot(true);
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &CadClient::sendAll);
    connect(&m_socket, &QWebSocket::connected, this, &CadClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &CadClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &CadClient::onFrame);
    connect(&m_socket, &QWebSocket::pong, this,
            [this](quint64, const QByteArray&) { m_sincePong.restart(); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& error : errors)
            texts.append(error.errorString());
        Q_EMIT connectionFailed(texts.join(QStringLiteral("; ")));
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { Q_EMIT connectionFailed(m_socket.errorString()); });
}

CadClient::~CadClient()
{
    m_running = false;
    m_socket.abort();
}

void CadClient::setHeartbeatMs(int ms)
{
    m_heartbeatMs = ms;
}

void CadClient::start()
{
    m_running = true;
    connectNow();
}

void CadClient::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_heartbeat.stop();
    m_socket.close();
}

void CadClient::connectNow()
{
    if (!m_running)
        return;
    m_socket.open(m_url);
}

void CadClient::scheduleReconnect()
{
    if (!m_running || m_reconnect.isActive())
        return;
    // Exponential backoff with +-20 % jitter, so many clients do not return at once.
    const int jitter = int(m_backoffMs * 0.2);
    const int wait = m_backoffMs + int(QRandomGenerator::global()->bounded(2 * jitter + 1)) - jitter;
    m_reconnect.start(std::max(50, wait));
    m_backoffMs = std::min(m_backoffMs * 2, 30000);
}

void CadClient::onConnected()
{
    m_connected = true;
    m_backoffMs = 250;
    ++m_stats.connects;
    m_sent.clear();
    m_sincePong.restart();
    m_heartbeat.start(m_heartbeatMs);
    Q_EMIT connectedChanged(true);
    sendAll();
}

void CadClient::onDisconnected()
{
    const bool was = m_connected;
    m_connected = false;
    m_heartbeat.stop();
    m_sent.clear(); // every unanswered EIDO goes again on the next connection
    if (was)
        Q_EMIT connectedChanged(false);
    scheduleReconnect();
}

void CadClient::heartbeat()
{
    if (m_sincePong.elapsed() > 3 * m_heartbeatMs) {
        m_socket.abort(); // disconnected() follows and reconnects
        return;
    }
    m_socket.ping();
}

void CadClient::notify(const QString& messageId, const QString& eidoJson)
{
    ++m_stats.notified;
    if (!m_frames.contains(messageId))
        m_order.append(messageId);
    m_frames.insert(messageId, notifyFrame(messageId, eidoJson));
    if (m_connected) {
        m_socket.sendTextMessage(m_frames.value(messageId));
        m_sent.insert(messageId);
        ++m_stats.frames;
    }
}

void CadClient::sendAll()
{
    if (!m_connected)
        return;
    for (const QString& id : std::as_const(m_order)) {
        if (m_sent.contains(id))
            continue;
        m_socket.sendTextMessage(m_frames.value(id));
        m_sent.insert(id);
        ++m_stats.frames;
    }
}

void CadClient::onFrame(const QString& frame)
{
    m_sincePong.restart();
    QString error;
    const std::optional<Envelope> envelope = parseEnvelope(frame, &error);
    if (!envelope)
        return;
    if (envelope->type == kNotifyResponse) {
        if (envelope->status == 503) {
            ++m_stats.retried;
            m_sent.remove(envelope->messageId);
            m_retry.start();
            return;
        }
        if (!m_frames.contains(envelope->messageId))
            return; // an answer to a copy already answered
        m_frames.remove(envelope->messageId);
        m_order.removeOne(envelope->messageId);
        m_sent.remove(envelope->messageId);
        if (envelope->status == 200)
            ++m_stats.applied;
        else
            ++m_stats.refused;
        Q_EMIT answered(envelope->messageId, envelope->status, envelope->outcome, envelope->reason);
    } else if (envelope->type == kUpdate) {
        m_socket.sendTextMessage(responseFrame(kUpdateResponse, envelope->messageId, 200));
        if (m_updatesSeen.contains(envelope->messageId)) {
            ++m_stats.updateCopies;
            return;
        }
        m_updatesSeen.insert(envelope->messageId);
        ++m_stats.updates;
        Q_EMIT updateReceived(
            envelope->messageId,
            QString::fromUtf8(QJsonDocument(envelope->eido).toJson(QJsonDocument::Indented)));
    }
}

} // namespace heart::cadlink
