#include "cadlink/CadLinkServer.h"

#include "cadlink/CadProtocol.h"
#include "core/cad/EidoReader.h"
#include "store/ChangeFeed.h"
#include "store/CoreText.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QWebSocket>
#include <QWebSocketServer>

Q_LOGGING_CATEGORY(lcCadLink, "heartdesk.cad")

namespace heart::cadlink {

namespace {

QString outcomeCode(usecases::CadUseCases::Outcome outcome)
{
    using Outcome = usecases::CadUseCases::Outcome;
    switch (outcome) {
    case Outcome::Created:
        return QStringLiteral("created");
    case Outcome::Updated:
        return QStringLiteral("updated");
    case Outcome::Held:
        return QStringLiteral("held");
    case Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case Outcome::Stale:
        return QStringLiteral("stale");
    }
    return QStringLiteral("unknown");
}

} // namespace

CadLinkServer::CadLinkServer(usecases::Context context, usecases::CadMapping mapping, CadLinkOptions options,
                             QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_mapping(std::move(mapping)),
      m_options(std::move(options)), m_server(new QWebSocketServer(QStringLiteral("HEART Desk CAD link"),
                                                                   QWebSocketServer::SecureMode, this))
{
    m_clock.start();
    m_server->setSslConfiguration(m_options.tls);
    connect(m_server, &QWebSocketServer::newConnection, this, &CadLinkServer::onNewConnection);
    // A peer that fails TLS is refused by Qt before it is a connection. Said
    // as a warning once a minute, in between as information: a CAD with a
    // wrong certificate retries every few seconds.
    connect(m_server, &QWebSocketServer::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& error : errors)
            texts.append(error.errorString());
        ++m_stats.tlsRefused;
        if (!m_lastTlsWarning.isValid() || m_lastTlsWarning.elapsed() > 60000) {
            m_lastTlsWarning.start();
            qCWarning(lcCadLink) << "refused a connection that failed TLS:"
                                 << texts.join(QStringLiteral("; "));
        } else {
            qCInfo(lcCadLink) << "refused a connection that failed TLS:" << texts.join(QStringLiteral("; "));
        }
    });
    m_heartbeat.setInterval(m_options.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &CadLinkServer::heartbeat);
    m_outboundRetry.setInterval(m_options.outboundRetryMs);
    connect(&m_outboundRetry, &QTimer::timeout, this, &CadLinkServer::pumpOutbound);
    m_outboundSoon.setSingleShot(true);
    m_outboundSoon.setInterval(20);
    connect(&m_outboundSoon, &QTimer::timeout, this, &CadLinkServer::pumpOutbound);
    // Every change any workstation commits (a decision, a dispatch, a unit's
    // status, a close) may owe the CAD an update.
    connect(&store::ChangeFeed::of(m_context.db), &store::ChangeFeed::changes, this,
            [this](const QList<store::JournalEntry>& entries) {
                for (const store::JournalEntry& entry : entries)
                    if (entry.recordType == QLatin1String("call") ||
                        entry.recordType == QLatin1String("unit")) {
                        m_outboundSoon.start();
                        return;
                    }
            });
}

CadLinkServer::~CadLinkServer()
{
    m_server->close();
}

bool CadLinkServer::listen(QString* error)
{
    if (!m_server->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_server->errorString());
        return false;
    }
    m_heartbeat.start();
    m_outboundRetry.start();
    pumpOutbound(); // the link's journal position, and what waited while it was down
    return true;
}

quint16 CadLinkServer::port() const
{
    return m_server->serverPort();
}

void CadLinkServer::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
        socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
        ++m_stats.connections;
        m_sockets.append(socket);
        m_lastPong.insert(socket, m_clock.elapsed());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& frame) { onFrame(socket, frame); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [socket](const QByteArray&) {
            socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                          QStringLiteral("text frames only"));
        });
        connect(socket, &QWebSocket::pong, this,
                [this, socket](quint64, const QByteArray&) { m_lastPong.insert(socket, m_clock.elapsed()); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        // The newest connection gets the updates: a CAD that reconnected
        // before its old connection timed out is the same CAD.
        m_cad = socket;
        m_inFlight.clear();
        qCInfo(lcCadLink) << "CAD connected from" << socket->peerAddress().toString();
        Q_EMIT cadConnectionChanged(true);
        sendPending();
    }
}

void CadLinkServer::onDisconnected(QWebSocket* socket)
{
    m_lastPong.remove(socket);
    m_sockets.removeAll(socket);
    if (m_cad == socket) {
        m_cad.clear();
        m_inFlight.clear(); // unanswered updates go again, in order, to the next connection
        qCInfo(lcCadLink) << "CAD disconnected";
        Q_EMIT cadConnectionChanged(false);
    }
    socket->deleteLater();
}

void CadLinkServer::heartbeat()
{
    const qint64 now = m_clock.elapsed();
    for (const QPointer<QWebSocket>& socket : std::as_const(m_sockets)) {
        if (!socket)
            continue;
        if (now - m_lastPong.value(socket, now) > 3 * m_options.heartbeatMs) {
            qCWarning(lcCadLink) << "CAD silent for" << (now - m_lastPong.value(socket))
                                 << "ms: disconnecting";
            socket->abort();
            continue;
        }
        socket->ping();
    }
}

void CadLinkServer::onFrame(QWebSocket* socket, const QString& frame)
{
    m_lastPong.insert(socket, m_clock.elapsed()); // any frame shows the CAD is alive
    QString error;
    const std::optional<Envelope> envelope = parseEnvelope(frame, &error);
    if (!envelope) {
        ++m_stats.refused;
        qCWarning(lcCadLink) << "refused a frame from the CAD:" << error;
        socket->sendTextMessage(responseFrame(
            kNotifyResponse, QStringLiteral("unknown"), 400, {},
            {{QStringLiteral("code"), QStringLiteral("bad-envelope")}, {QStringLiteral("message"), error}}));
        return;
    }
    if (envelope->type == kNotify) {
        onNotify(socket, envelope->messageId,
                 QString::fromUtf8(QJsonDocument(envelope->eido).toJson(QJsonDocument::Compact)));
    } else if (envelope->type == kUpdateResponse) {
        if (envelope->status != 200) {
            qCWarning(lcCadLink) << "the CAD refused an update with status" << envelope->status
                                 << envelope->reason.value(QStringLiteral("code")).toString();
            return; // stays in the outbox; sent again after the next reconnect
        }
        usecases::CadUseCases cad(m_context);
        if (store::StoreError failure = cad.outboundDelivered(envelope->messageId)) {
            qCWarning(lcCadLink) << "could not mark an update delivered:" << failure.detail;
            return;
        }
        m_inFlight.remove(envelope->messageId);
        ++m_stats.updatesDelivered;
        Q_EMIT updateDelivered(envelope->messageId);
    } else {
        qCWarning(lcCadLink) << "ignored a" << envelope->type << "frame from the CAD";
    }
}

void CadLinkServer::onNotify(QWebSocket* socket, const QString& messageId, const QString& eidoJson)
{
    ++m_stats.received;
    const QByteArray utf8 = eidoJson.toUtf8();
    auto incident = cad::readEido(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!incident.ok()) {
        const DataError& refusal = incident.error();
        ++m_stats.refused;
        // The reason's code and place only: the message text is the reader's
        // and holds no person's data, but the log keeps even less.
        qCWarning(lcCadLink) << "refused an EIDO:" << store::toQString(refusal.code) << "at"
                             << store::toQString(refusal.location);
        socket->sendTextMessage(
            responseFrame(kNotifyResponse, messageId, 400, {},
                          {{QStringLiteral("code"), store::toQString(refusal.code)},
                           {QStringLiteral("location"), store::toQString(refusal.location)},
                           {QStringLiteral("message"), store::toQString(refusal.message)}}));
        Q_EMIT messageRefused(store::toQString(refusal.code), store::toQString(refusal.location));
        return;
    }
    usecases::CadUseCases cad(m_context);
    auto receipt = cad.receive(incident.value(), m_mapping);
    if (!receipt.ok()) {
        ++m_stats.failed;
        qCWarning(lcCadLink) << "could not store an EIDO:" << receipt.error().detail;
        // 503: not the EIDO's fault; the CAD sends it again.
        socket->sendTextMessage(
            responseFrame(kNotifyResponse, messageId, 503, {},
                          {{QStringLiteral("code"), QStringLiteral("store-unavailable")}}));
        return;
    }
    using Outcome = usecases::CadUseCases::Outcome;
    switch (receipt.value().outcome) {
    case Outcome::Created:
        ++m_stats.created;
        break;
    case Outcome::Updated:
        ++m_stats.updated;
        break;
    case Outcome::Held:
        ++m_stats.held;
        break;
    case Outcome::Duplicate:
        ++m_stats.duplicates;
        break;
    case Outcome::Stale:
        ++m_stats.stale;
        break;
    }
    socket->sendTextMessage(
        responseFrame(kNotifyResponse, messageId, 200, outcomeCode(receipt.value().outcome)));
    Q_EMIT incidentApplied(receipt.value().callId, receipt.value().outcome);
}

void CadLinkServer::pumpOutbound()
{
    usecases::CadUseCases cad(m_context);
    auto queued = cad.collectOutbound(m_options.identity, &m_journalPosition);
    if (!queued.ok())
        qCWarning(lcCadLink) << "could not collect the updates owed to the CAD:" << queued.error().detail;
    sendPending();
}

void CadLinkServer::sendPending()
{
    if (!m_cad)
        return;
    usecases::CadUseCases cad(m_context);
    auto pending = cad.pendingOutbound(200);
    if (!pending.ok()) {
        qCWarning(lcCadLink) << "could not read the updates owed to the CAD:" << pending.error().detail;
        return;
    }
    for (const store::CadOutboxMessage& message : pending.value()) {
        if (m_inFlight.contains(message.messageId))
            continue;
        m_cad->sendTextMessage(updateFrame(message.messageId, message.body));
        m_inFlight.insert(message.messageId);
        ++m_stats.updatesSent;
    }
}

} // namespace heart::cadlink
