#pragma once
// The CAD's end of the link, as a CAD adapter (and the simulator) runs it:
// connects to HEART Desk's link over TLS with its own certificate,
// reconnects with exponential backoff and jitter (0.25 s doubling to 30 s),
// pings every heartbeat interval and drops a connection whose pongs stop.
//
// Delivery is at-least-once and in order: every EIDO notified stays queued
// until HEART Desk answers it (200 applied, 400 refused with a reason); a
// 503 answer, a lost answer or a broken connection sends it again, after
// the ones queued before it. HEART Desk's updates are answered 200 at once
// and reported once each (an update sent again after a reconnect is
// recognised by its messageId).
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace heart::cadlink {

struct CadClientStats
{
    qint64 notified = 0;     // EIDOs queued
    qint64 frames = 0;       // notify frames sent (resends included)
    qint64 applied = 0;      // answered 200
    qint64 refused = 0;      // answered 400
    qint64 retried = 0;      // answered 503, sent again
    qint64 connects = 0;     // connections made
    qint64 updates = 0;      // distinct updates received from HEART Desk
    qint64 updateCopies = 0; // updates received again (after a reconnect)
};

class CadClient : public QObject
{
    Q_OBJECT

public:
    CadClient(QUrl url, QSslConfiguration tls, QObject* parent = nullptr);
    ~CadClient() override;

    void start();
    void stop();
    void setHeartbeatMs(int ms);

    // Queues an EIDO for HEART Desk (sent now when connected).
    void notify(const QString& messageId, const QString& eidoJson);
    int unanswered() const { return int(m_order.size()); }
    bool isConnected() const { return m_connected; }
    const CadClientStats& stats() const { return m_stats; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void answered(const QString& messageId, int status, const QString& outcome, const QJsonObject& reason);
    void updateReceived(const QString& messageId, const QString& eidoJson);
    void connectionFailed(const QString& reason);

private:
    void connectNow();
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onFrame(const QString& frame);
    void heartbeat();
    void sendAll();

    QUrl m_url;
    QSslConfiguration m_tls;
    QWebSocket m_socket;
    bool m_running = false;
    bool m_connected = false;
    int m_backoffMs = 250;
    QTimer m_reconnect;
    QTimer m_heartbeat;
    QTimer m_retry; // after a 503
    QElapsedTimer m_sincePong;
    int m_heartbeatMs = 5000;
    QList<QString> m_order;           // unanswered message ids, oldest first
    QHash<QString, QString> m_frames; // their frames
    QSet<QString> m_sent;             // sent on this connection
    QSet<QString> m_updatesSeen;
    CadClientStats m_stats;
};

} // namespace heart::cadlink
