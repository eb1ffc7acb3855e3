#include "home/LiveRefresh.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace heart::ui {
namespace {

std::chrono::milliseconds g_tickInterval{1000};
// Behind a modal dialog: look again this often until it closes.
constexpr std::chrono::milliseconds kModalRetry{200};

} // namespace

LiveRefresh::LiveRefresh(const usecases::Context& context, usecases::Freshness::Areas areas, QWidget* watched)
    : QObject(watched), m_context(context), m_areas(areas), m_watched(watched)
{
    setObjectName(QStringLiteral("liveRefresh"));
    m_tick.setInterval(g_tickInterval);
    connect(&m_tick, &QTimer::timeout, this, &LiveRefresh::tick);
    m_deliver.setSingleShot(true);
    connect(&m_deliver, &QTimer::timeout, this, &LiveRefresh::deliver);
    connect(&usecases::changeFeed(m_context), &store::ChangeFeed::changes, this, &LiveRefresh::take);
    m_watched->installEventFilter(this);
    if (m_watched->isVisible())
        m_tick.start();
}

void LiveRefresh::setDefaultTickInterval(std::chrono::milliseconds tick)
{
    g_tickInterval = tick;
}

void LiveRefresh::setTickInterval(std::chrono::milliseconds interval)
{
    m_tick.setInterval(interval);
}

void LiveRefresh::markCurrent()
{
    // What the screen is about to read includes every change told so far.
    m_pending = false;
    m_deliver.stop();
}

bool LiveRefresh::checkForChanges()
{
    usecases::changeFeed(m_context).catchUp();
    if (!m_pending)
        return false;
    m_deliver.stop();
    deliver();
    return true;
}

void LiveRefresh::take(const QList<store::JournalEntry>& entries)
{
    QList<store::JournalEntry> mine;
    for (const store::JournalEntry& entry : entries) {
        if (usecases::areaOf(entry.recordType) & m_areas)
            mine.append(entry);
    }
    if (mine.isEmpty())
        return;
    Q_EMIT recordsChanged(mine);
    m_pending = true;
    // Not at once: the change may be this screen's own, still in its
    // handler, which marks itself current right after.
    deliverSoon();
}

void LiveRefresh::deliverSoon(std::chrono::milliseconds delay)
{
    if (!m_deliver.isActive())
        m_deliver.start(delay);
}

void LiveRefresh::deliver()
{
    if (!m_pending || !m_watched->isVisible())
        return; // told when shown again
    // A dialog on top may be working on what the screen shows: after it.
    if (QApplication::activeModalWidget()) {
        deliverSoon(kModalRetry);
        return;
    }
    m_pending = false;
    Q_EMIT changed();
}

bool LiveRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_watched) {
        if (event->type() == QEvent::Show) {
            m_tick.start();
            Q_EMIT tick();
            // Shown again (its tab chosen, the window unlocked): current at
            // once, with what the journal holds by now.
            checkForChanges();
        } else if (event->type() == QEvent::Hide) {
            m_tick.stop();
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace heart::ui
