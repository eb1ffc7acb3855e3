#include "store/ChangeFeed.h"

#include "store/Database.h"
#include "store/StoreLog.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace heart::store {
namespace {

std::chrono::milliseconds g_sqliteCheck{250};
std::chrono::milliseconds g_heartbeat{5000};
constexpr std::chrono::milliseconds kReconnectEvery{1000};
constexpr int kPage = 1000;

} // namespace

void ChangeFeed::setIntervals(std::chrono::milliseconds sqliteCheck, std::chrono::milliseconds heartbeat)
{
    g_sqliteCheck = sqliteCheck;
    g_heartbeat = heartbeat;
}

ChangeFeed& ChangeFeed::of(Database& db)
{
    if (auto* feed = db.findChild<ChangeFeed*>(QString(), Qt::FindDirectChildrenOnly))
        return *feed;
    return *new ChangeFeed(db);
}

ChangeFeed::ChangeFeed(Database& db) : QObject(&db), m_db(db)
{
    setObjectName(QStringLiteral("changeFeed"));
    connect(&m_db, &Database::changesCommitted, this, [this] { catchUp(); });
    connect(&m_db, &Database::connectionStateChanged, this, &ChangeFeed::connectionChanged);
    m_reconnect.setInterval(kReconnectEvery);
    connect(&m_reconnect, &QTimer::timeout, this, [this] { m_db.ping(); });
    if (m_db.spec().engine == Engine::Sqlite) {
        m_check.setInterval(g_sqliteCheck);
        connect(&m_check, &QTimer::timeout, this, &ChangeFeed::checkSqlite);
    } else {
        m_check.setInterval(g_heartbeat);
        connect(&m_check, &QTimer::timeout, this, &ChangeFeed::heartbeat);
    }
    m_check.start();
    if (m_db.isConnected()) {
        listen();
        auto head = ChangeJournal(m_db).lastSeq();
        if (head.ok())
            m_lastSeen = head.value();
    } else {
        m_reconnect.start();
    }
}

ChangeFeed::~ChangeFeed() = default;

bool ChangeFeed::isListening() const
{
    return m_listening;
}

void ChangeFeed::listen()
{
    if (m_db.spec().engine != Engine::Postgres || !m_db.isOpen())
        return;
    QSqlDriver* driver = m_db.connection().driver();
    if (driver != m_driver) {
        if (m_driver)
            disconnect(m_driver, nullptr, this, nullptr);
        m_driver = driver;
        connect(driver, &QSqlDriver::notification, this, [this](const QString& name) {
            if (name == QLatin1String(kChannel))
                scheduleCatchUp();
        });
    }
    // A reconnect (Database::ping) closes and opens the connection, which
    // drops the subscription: take it again.
    m_listening = driver->subscribedToNotifications().contains(QLatin1String(kChannel)) ||
                  driver->subscribeToNotification(QLatin1String(kChannel));
    if (!m_listening)
        qCWarning(lcStore) << "cannot listen for journal notifications";
}

void ChangeFeed::connectionChanged(bool connected)
{
    if (!connected) {
        m_listening = false;
        m_reconnect.start();
        return;
    }
    m_reconnect.stop();
    listen();
    catchUp(); // what the other workstations did meanwhile
}

void ChangeFeed::scheduleCatchUp()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        catchUp();
    });
}

StoreError ChangeFeed::catchUp()
{
    if (m_inCatchUp) {
        m_again = true;
        return {};
    }
    if (!m_db.isOpen() || !m_db.isConnected())
        return StoreError::make(StoreErrorCode::ConnectionFailed, QStringLiteral("not connected"));
    if (m_db.transactionDepth() > 0) {
        // A unit of work is open on this connection: read after it ends.
        QTimer::singleShot(10, this, [this] { catchUp(); });
        return {};
    }
    ChangeJournal journal(m_db);
    if (m_lastSeen < 0) {
        auto head = journal.lastSeq();
        if (!head.ok())
            return head.error();
        m_lastSeen = head.value();
        return {};
    }
    m_inCatchUp = true;
    StoreError failure;
    do {
        m_again = false;
        for (;;) {
            auto rows = journal.after(m_lastSeen, kPage);
            if (!rows.ok()) {
                failure = rows.error();
                break;
            }
            if (rows.value().isEmpty())
                break;
            m_lastSeen = rows.value().constLast().seq;
            Q_EMIT changes(rows.value());
            if (rows.value().size() < kPage)
                break;
        }
    } while (m_again && !failure);
    m_inCatchUp = false;
    return failure;
}

void ChangeFeed::checkSqlite()
{
    if (!m_db.isOpen() || m_db.transactionDepth() > 0)
        return;
    QSqlQuery query = m_db.prepare(QStringLiteral("PRAGMA data_version"));
    if (m_db.exec(query, "read data version") || !query.next())
        return;
    const qint64 version = query.value(0).toLongLong();
    query.finish();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    catchUp();
}

void ChangeFeed::heartbeat()
{
    if (m_db.transactionDepth() > 0 || !m_db.isConnected())
        return; // busy, or the reconnect timer is at work
    // The driver closes a connection it saw die (its notifier read the end
    // of the socket): reconnect now rather than at the next user action.
    if (!m_db.isOpen()) {
        m_db.ping();
        return;
    }
    // A round trip that also notices a server gone quiet (restarted, cable
    // pulled) and, should a notification have been lost, catches up.
    auto head = ChangeJournal(m_db).lastSeq();
    if (!head.ok()) {
        if (m_db.isConnected())
            m_db.ping();
        return;
    }
    if (head.value() > m_lastSeen)
        catchUp();
}

} // namespace heart::store
