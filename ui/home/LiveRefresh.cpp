#include "home/LiveRefresh.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace heart::ui {
namespace {

std::chrono::milliseconds g_pollInterval{2000};
std::chrono::milliseconds g_tickInterval{1000};

} // namespace

LiveRefresh::LiveRefresh(const usecases::Context& context, usecases::Freshness::Areas areas, QWidget* watched)
    : QObject(watched), m_freshness(context), m_areas(areas), m_watched(watched)
{
    setObjectName(QStringLiteral("liveRefresh"));
    m_poll.setInterval(g_pollInterval);
    m_tick.setInterval(g_tickInterval);
    connect(&m_poll, &QTimer::timeout, this, &LiveRefresh::poll);
    connect(&m_tick, &QTimer::timeout, this, &LiveRefresh::tick);
    m_watched->installEventFilter(this);
    if (m_watched->isVisible())
        start();
}

void LiveRefresh::setDefaultIntervals(std::chrono::milliseconds poll, std::chrono::milliseconds tick)
{
    g_pollInterval = poll;
    g_tickInterval = tick;
}

void LiveRefresh::setPollInterval(std::chrono::milliseconds interval)
{
    m_poll.setInterval(interval);
}

void LiveRefresh::setTickInterval(std::chrono::milliseconds interval)
{
    m_tick.setInterval(interval);
}

void LiveRefresh::markCurrent()
{
    auto stamp = m_freshness.stamp(m_areas);
    m_stamp = stamp.ok() ? stamp.value() : QString();
}

bool LiveRefresh::checkForChanges()
{
    auto stamp = m_freshness.stamp(m_areas);
    if (!stamp.ok())
        return false; // the screen says so when it reads; the next poll tries again
    if (stamp.value() == m_stamp)
        return false;
    m_stamp = stamp.value();
    Q_EMIT changed();
    return true;
}

void LiveRefresh::poll()
{
    // A dialog on top may be working on what the screen shows: wait for it.
    if (QApplication::activeModalWidget())
        return;
    checkForChanges();
}

void LiveRefresh::start()
{
    m_poll.start();
    m_tick.start();
}

bool LiveRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_watched) {
        if (event->type() == QEvent::Show) {
            start();
            // Shown again (its tab chosen, the window unlocked): current at once.
            poll();
            Q_EMIT tick();
        } else if (event->type() == QEvent::Hide) {
            m_poll.stop();
            m_tick.stop();
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace heart::ui
