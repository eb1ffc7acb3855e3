#pragma once
// Runs the van laptop's sync in the background (its own thread and its own
// connections), so typing never waits for the network:
//   - offline, it tries to reach the center every few seconds;
//   - online, it syncs shortly after every change committed on the laptop
//     and whenever the center's journal moves (LISTEN/NOTIFY), and at
//     least every few seconds;
//   - a lost connection puts it back to offline at once.
// The status (online, last sync, changes waiting, conflicts) is told to the
// window through statusChanged(), across threads.
#include "core/Clock.h"
#include "store/ConnectionSpec.h"
#include "store/sync/SyncEngine.h"

#include <QDateTime>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class QThread;

namespace heart::store::sync {

struct SyncStatus
{
    bool online = false;
    bool syncing = false;
    QDateTime lastSyncAt; // UTC; invalid until the first sync
    int waiting = 0;      // changed records not yet at the center
    int conflicts = 0;    // versions kept for the lead to choose
    QString lastError;    // why the last attempt failed (no person's data)
};

class SyncWorker;

class SyncService : public QObject
{
    Q_OBJECT

public:
    // `laptop` is the laptop's own SQLite file; `center` the center's server.
    SyncService(ConnectionSpec laptop, ConnectionSpec center, QString centerPassword, const Clock& clock,
                QObject* parent = nullptr);
    ~SyncService() override;

    // How often an offline laptop tries, and an online one syncs anyway (tests shorten it).
    void setRetryInterval(std::chrono::milliseconds interval);
    void start();
    void stop();
    // Sync as soon as possible (the "Sync now" key). Thread-safe.
    void syncNow();

    SyncStatus status() const;

Q_SIGNALS:
    void statusChanged(const heart::store::sync::SyncStatus& status);
    // After a sync that brought or sent something.
    void synced(int pushed, int pulled, int conflicts);

private:
    friend class SyncWorker;
    void publish(const SyncStatus& status);

    ConnectionSpec m_laptop;
    ConnectionSpec m_center;
    QString m_password;
    const Clock& m_clock;
    std::chrono::milliseconds m_retry{3000};
    QThread* m_thread = nullptr;
    SyncWorker* m_worker = nullptr;
    mutable QMutex m_mutex;
    SyncStatus m_status;
};

} // namespace heart::store::sync

Q_DECLARE_METATYPE(heart::store::sync::SyncStatus)
