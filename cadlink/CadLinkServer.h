#pragma once
// HEART Desk's end of the CAD link: a WebSocket server over TLS with
// certificates on both sides (cadlink/CadTls.h) that the CAD connects to.
//
// Inbound: every "notify" frame's EIDO is read and checked
// (core/cad/EidoReader.h) and applied through CadUseCases::receive in one
// transaction; only then is it answered 200, so a CAD that gets no answer
// sends again, and the second copy writes nothing (at-least-once delivery,
// applied once). A bad EIDO is answered 400 with the reason and written
// nowhere; the log names the reason's code and place, never the content.
//
// Outbound: after every change the journal brings (and every few seconds),
// CadUseCases::collectOutbound queues the updates owed to the CAD; they are
// sent oldest first to the connected CAD and marked delivered when it
// answers 200. While no CAD is connected they wait in the database; after a
// reconnect every unanswered one is sent again, in order.
//
// Heartbeats: a ping every heartbeat interval; a CAD that has not answered
// for three intervals is disconnected (it reconnects by itself).
#include "cadlink/CadTls.h"
#include "usecases/CadUseCases.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QWebSocket;
class QWebSocketServer;

namespace heart::cadlink {

struct CadLinkOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port (tests)
    QSslConfiguration tls;
    usecases::CadIdentity identity;
    int heartbeatMs = 5000;
    int outboundRetryMs = 2000;
};

struct CadLinkStats
{
    qint64 received = 0; // notify frames
    qint64 created = 0;
    qint64 updated = 0;
    qint64 held = 0;
    qint64 duplicates = 0;
    qint64 stale = 0;
    qint64 refused = 0; // answered 400
    qint64 failed = 0;  // answered 503 (the database refused; the CAD sends again)
    qint64 updatesSent = 0;
    qint64 updatesDelivered = 0;
    qint64 connections = 0;
    qint64 tlsRefused = 0; // connections refused for their certificate
};

class CadLinkServer : public QObject
{
    Q_OBJECT

public:
    CadLinkServer(usecases::Context context, usecases::CadMapping mapping, CadLinkOptions options,
                  QObject* parent = nullptr);
    ~CadLinkServer() override;

    // Starts listening; false with `error` saying why.
    bool listen(QString* error);
    quint16 port() const;
    const CadLinkStats& stats() const { return m_stats; }
    bool cadConnected() const { return !m_cad.isNull(); }

    // Queues and sends what is owed to the CAD now (also runs by itself).
    void pumpOutbound();

Q_SIGNALS:
    void incidentApplied(const QString& callId, heart::usecases::CadUseCases::Outcome outcome);
    void messageRefused(const QString& code, const QString& location);
    void cadConnectionChanged(bool connected);
    void updateDelivered(const QString& messageId);

private:
    void onNewConnection();
    void onFrame(QWebSocket* socket, const QString& frame);
    void onNotify(QWebSocket* socket, const QString& messageId, const QString& eidoJson);
    void onDisconnected(QWebSocket* socket);
    void heartbeat();
    void sendPending();

    usecases::Context m_context;
    usecases::CadMapping m_mapping;
    CadLinkOptions m_options;
    QWebSocketServer* m_server;
    QPointer<QWebSocket> m_cad; // the connection updates go to (the latest)
    QList<QPointer<QWebSocket>> m_sockets;
    QHash<QWebSocket*, qint64> m_lastPong; // ms of m_clock
    QElapsedTimer m_clock;
    QElapsedTimer m_lastTlsWarning;
    QSet<QString> m_inFlight;      // sent on m_cad, not answered yet
    qint64 m_journalPosition = -1; // the outbound side's, in memory (CadUseCases::collectOutbound)
    QTimer m_heartbeat;
    QTimer m_outboundRetry;
    QTimer m_outboundSoon;
    CadLinkStats m_stats;
};

} // namespace heart::cadlink
