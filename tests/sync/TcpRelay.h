#pragma once
// A TCP relay between the van laptop and the center's server, for the fault
// tests: it listens on 127.0.0.1 (a free port) and forwards each connection
// it accepts to the target (the PostgreSQL test server) byte for byte, so
// TLS passes through untouched and verify-full still holds for 127.0.0.1.
// The test cuts the link with it: every forwarded connection at once, after
// n more bytes in one direction, or for as long as the link is down.
//
// The relay runs in a thread of its own with its own event loop: a sync
// blocked in libpq on the test's thread (or in another process) never stalls
// it. Every control call below returns once the relay's thread has done it.
#include <QString>
#include <QtGlobal>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace heart::test {

class RelayWorker;

class TcpRelay
{
public:
    enum class Direction
    {
        ToServer, // laptop -> center
        ToClient, // center -> laptop
    };
    // What the link does after a cutAfterBytes() fired.
    enum class AfterCut
    {
        StaysUp,  // the next connection goes through
        GoesDown, // as setLinkUp(false) until told otherwise
    };

    TcpRelay(const QString& targetHost, quint16 targetPort);
    ~TcpRelay();
    TcpRelay(const TcpRelay&) = delete;
    TcpRelay& operator=(const TcpRelay&) = delete;

    // Starts the thread and listens. Empty on success, otherwise why not.
    QString start();
    quint16 port() const { return m_port; }

    // Closes every forwarded connection abruptly (both sides); the link stays
    // as it was (up: the next connection goes through).
    void cutAll();
    // Down: every forwarded connection is cut, and new ones are accepted and
    // closed at once (the client sees the server close before any byte).
    void setLinkUp(bool up);
    bool isLinkUp() const { return m_linkUp.load(); }
    // Once exactly n more bytes have passed in `direction` (over all
    // connections), cuts every connection; the bytes beyond n are not
    // forwarded. One-shot; n = 0 cuts at the next byte.
    void cutAfterBytes(qint64 n, Direction direction, AfterCut after = AfterCut::StaysUp);
    // Forgets a cutAfterBytes() that has not fired.
    void clearCut();

    // Counters since start() or resetCounters().
    qint64 bytes(Direction direction) const;
    int connectionsForwarded() const { return m_forwarded.load(); }
    int connectionsRefused() const { return m_refused.load(); }
    int cuts() const
    {
        return m_cuts.load();
    } // cutAll(), setLinkUp(false) and fired cuts that closed something
    int cutsFired() const { return m_cutsFired.load(); }
    void resetCounters();

private:
    friend class RelayWorker;
    void runInRelay(const std::function<void()>& job);

    QString m_targetHost;
    quint16 m_targetPort = 0;
    quint16 m_port = 0;
    std::unique_ptr<QThread> m_thread;
    RelayWorker* m_worker = nullptr; // lives in m_thread, deleted there
    std::atomic<bool> m_linkUp{true};
    std::atomic<qint64> m_toServer{0};
    std::atomic<qint64> m_toClient{0};
    std::atomic<int> m_forwarded{0};
    std::atomic<int> m_refused{0};
    std::atomic<int> m_cuts{0};
    std::atomic<int> m_cutsFired{0};
};

} // namespace heart::test
