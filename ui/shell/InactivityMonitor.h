#pragma once
// Automatic logoff (HIPAA 164.312(a)(2)(iii)): any key or mouse input in the
// application restarts the idle time; after the set minutes idleTimeout() is
// emitted. Time comes from an injected Clock, and check() can be called
// directly, so tests need not wait.
#include "core/Clock.h"

#include <QObject>
#include <QTimer>
#include <chrono>

namespace heart::ui {

class InactivityMonitor : public QObject
{
    Q_OBJECT

public:
    InactivityMonitor(const Clock& clock, QObject* parent = nullptr);

    void setIdleLimit(std::chrono::minutes limit) { m_limit = limit; }
    std::chrono::minutes idleLimit() const { return m_limit; }
    // Watches the whole application while armed.
    void arm();
    void disarm();
    bool isArmed() const { return m_armed; }
    void noteActivity();
    // Emits idleTimeout() once if the limit has passed.
    void check();

Q_SIGNALS:
    void idleTimeout();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    std::chrono::minutes m_limit{10};
    TimePoint m_lastActivity;
    QTimer m_poll;
    bool m_armed = false;
};

} // namespace heart::ui
