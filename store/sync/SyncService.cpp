#include "store/sync/SyncService.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/StoreLog.h"
#include "store/sync/SyncStateStore.h"

#include <QMutexLocker>
#include <QThread>
#include <QTimer>

namespace heart::store::sync {

// Lives in the service's thread: every connection and timer is made there.
class SyncWorker : public QObject
{
public:
    explicit SyncWorker(SyncService& service) : m_service(service) {}

    void begin()
    {
        m_retry = new QTimer(this);
        m_retry->setInterval(m_service.m_retry);
        connect(m_retry, &QTimer::timeout, this, &SyncWorker::attempt);
        m_soon = new QTimer(this);
        m_soon->setSingleShot(true);
        m_soon->setInterval(300);
        connect(m_soon, &QTimer::timeout, this, &SyncWorker::attempt);
        m_local = std::make_unique<Database>();
        if (StoreError error = m_local->open(m_service.m_laptop)) {
            m_status.lastError = error.detail;
            m_service.publish(m_status);
            return;
        }
        auto state = readSyncState(*m_local);
        if (!state.ok() || state.value().identity.deviceId.isEmpty()) {
            m_status.lastError = QStringLiteral("this file is not set up as a van laptop's store");
            m_service.publish(m_status);
            return;
        }
        m_identity = state.value().identity;
        // A change committed on the laptop (by the window's own connection) is sent soon.
        connect(&ChangeFeed::of(*m_local), &ChangeFeed::changes, this, [this] { m_soon->start(); });
        m_retry->start();
        attempt();
    }

    void finish()
    {
        m_engine.reset();
        m_center.reset();
        m_local.reset();
    }

    void attempt()
    {
        if (!m_local || !m_local->isOpen() || m_identity.deviceId.isEmpty())
            return;
        if (!m_center && !connectCenter()) {
            refreshCounts();
            m_service.publish(m_status);
            return;
        }
        m_status.syncing = true;
        m_service.publish(m_status);
        const SyncReport report = m_engine->syncOnce();
        m_status.syncing = false;
        if (report.error) {
            qCInfo(lcStore) << "sync failed:" << storeErrorCodeName(report.error.code);
            m_status.lastError = report.error.detail;
            if (report.error.code == StoreErrorCode::ConnectionFailed || !m_center->isConnected())
                dropCenter();
        } else {
            m_status.lastError.clear();
            if (report.pushed || report.pulled || report.conflicts)
                Q_EMIT m_service.synced(report.pushed, report.pulled, report.conflicts);
        }
        refreshCounts();
        m_service.publish(m_status);
    }

private:
    bool connectCenter()
    {
        auto center = std::make_unique<Database>();
        if (StoreError error = center->open(m_service.m_center, m_service.m_password)) {
            m_status.online = false;
            m_status.lastError = error.detail;
            return false;
        }
        m_center = std::move(center);
        m_engine = std::make_unique<SyncEngine>(*m_local, *m_center, m_service.m_clock, m_identity);
        // The center's journal moved: bring it soon. A lost connection: offline.
        ChangeFeed& feed = ChangeFeed::of(*m_center);
        connect(&feed, &ChangeFeed::changes, this, [this] { m_soon->start(); });
        connect(m_center.get(), &Database::connectionStateChanged, this, [this](bool connected) {
            if (!connected)
                QTimer::singleShot(0, this, [this] { dropCenter(); });
        });
        m_status.online = true;
        m_status.lastError.clear();
        qCInfo(lcStore) << "sync: the center is reachable";
        return true;
    }

    void dropCenter()
    {
        if (!m_center)
            return;
        qCInfo(lcStore) << "sync: the center is out of reach";
        m_engine.reset();
        m_center.reset();
        m_status.online = false;
    }

    void refreshCounts()
    {
        auto state = readSyncState(*m_local);
        if (!state.ok())
            return;
        m_status.waiting = state.value().waiting;
        m_status.conflicts = state.value().openConflicts;
        m_status.lastSyncAt = state.value().lastSyncAt;
    }

    SyncService& m_service;
    std::unique_ptr<Database> m_local;
    std::unique_ptr<Database> m_center;
    std::unique_ptr<SyncEngine> m_engine;
    SyncIdentity m_identity;
    SyncStatus m_status;
    QTimer* m_retry = nullptr;
    QTimer* m_soon = nullptr;
};

SyncService::SyncService(ConnectionSpec laptop, ConnectionSpec center, QString centerPassword,
                         const Clock& clock, QObject* parent)
    : QObject(parent), m_laptop(std::move(laptop)), m_center(std::move(center)),
      m_password(std::move(centerPassword)), m_clock(clock)
{
    qRegisterMetaType<heart::store::sync::SyncStatus>();
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::setRetryInterval(std::chrono::milliseconds interval)
{
    m_retry = interval;
}

void SyncService::start()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("heartdesk-sync"));
    m_worker = new SyncWorker(*this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, [worker = m_worker] { worker->begin(); });
    m_thread->start();
}

void SyncService::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->finish();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void SyncService::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->attempt(); }, Qt::QueuedConnection);
}

SyncStatus SyncService::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void SyncService::publish(const SyncStatus& status)
{
    {
        QMutexLocker lock(&m_mutex);
        m_status = status;
    }
    Q_EMIT statusChanged(status);
}

} // namespace heart::store::sync
