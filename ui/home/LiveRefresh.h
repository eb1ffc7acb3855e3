#pragma once
// Keeps a screen that shows shared records current: it follows the change
// feed (usecases::changeFeed - every change any workstation commits, within
// a second) and emits changed() when a record of the screen's areas changed
// since the screen last read its rows (markCurrent()). A hidden screen is
// told when it is shown again; a screen behind a modal dialog when the
// dialog closes. Several changes in a row are told once. tick(), every
// second while visible, moves elapsed-time counters on without reading
// anything.
#include "usecases/ChangeFeed.h"

#include <QList>
#include <QObject>
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
    // Reads the journal now (rather than wait for the feed); true, with
    // changed() (unless hidden or behind a dialog), when a record of the
    // areas changed since markCurrent().
    bool checkForChanges();
    // A change is waiting to be told (the screen is hidden or behind a dialog).
    bool isPending() const { return m_pending; }

    void setTickInterval(std::chrono::milliseconds interval);
    // For screens made later (tests make them tick faster).
    static void setDefaultTickInterval(std::chrono::milliseconds tick);

Q_SIGNALS:
    void changed();
    void tick();
    // The journal rows of the screen's areas as they arrive, this
    // workstation's own included (forms tell "changed by ... at ...").
    void recordsChanged(const QList<heart::store::JournalEntry>& entries);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void take(const QList<store::JournalEntry>& entries);
    void deliverSoon(std::chrono::milliseconds delay = std::chrono::milliseconds{0});
    void deliver();

    usecases::Context m_context;
    usecases::Freshness::Areas m_areas;
    QWidget* m_watched;
    QTimer m_tick;
    QTimer m_deliver; // single shot: several changes in a row are told once
    bool m_pending = false;
};

} // namespace heart::ui
