#include "shell/InactivityMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace heart::ui {

InactivityMonitor::InactivityMonitor(const Clock& clock, QObject* parent) : QObject(parent), m_clock(clock)
{
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &InactivityMonitor::check);
}

void InactivityMonitor::arm()
{
    m_lastActivity = m_clock.now();
    if (!m_armed)
        QCoreApplication::instance()->installEventFilter(this);
    m_armed = true;
    m_poll.start();
}

void InactivityMonitor::disarm()
{
    if (m_armed)
        QCoreApplication::instance()->removeEventFilter(this);
    m_armed = false;
    m_poll.stop();
}

void InactivityMonitor::noteActivity()
{
    m_lastActivity = m_clock.now();
}

void InactivityMonitor::check()
{
    if (!m_armed)
        return;
    if (m_clock.now() - m_lastActivity >= m_limit) {
        disarm();
        Q_EMIT idleTimeout();
    }
}

bool InactivityMonitor::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace heart::ui
