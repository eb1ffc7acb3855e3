#pragma once
// Keeps a screen that shows shared records current, until the journal
// replaces polling: while the watched widget is visible it reads the
// freshness stamp (usecases::Freshness) of the screen's areas every poll interval (2 s) and emits
// changed() when the stamp moved since the screen last read its rows
// (markCurrent()); a screen shown again checks at once. tick(), every
// second while visible, moves elapsed-time counters on without reading
// anything. Hidden screens read nothing; a screen behind a modal dialog
// waits until it closes.
#include "usecases/Freshness.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>

class QWidget;

namespace heart::ui {

class LiveRefresh : public QObject
{
    Q_OBJECT

public:
    LiveRefresh(const usecases::Context& context, usecases::Freshness::Areas areas, QWidget* watched);

    // The records as of now are what the screen shows: call before reading them.
    void markCurrent();
    // Reads the stamp; true, with changed(), when it moved since markCurrent().
    bool checkForChanges();

    void setPollInterval(std::chrono::milliseconds interval);
    void setTickInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds pollInterval() const { return m_poll.intervalAsDuration(); }
    bool isPolling() const { return m_poll.isActive(); }
    // For screens made later (tests make them poll faster).
    static void setDefaultIntervals(std::chrono::milliseconds poll, std::chrono::milliseconds tick);

Q_SIGNALS:
    void changed();
    void tick();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void start();
    void poll();

    usecases::Freshness m_freshness;
    usecases::Freshness::Areas m_areas;
    QWidget* m_watched;
    QString m_stamp; // empty: not read yet (or the read failed)
    QTimer m_poll;
    QTimer m_tick;
};

} // namespace heart::ui
