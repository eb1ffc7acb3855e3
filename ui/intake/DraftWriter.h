#pragma once
// Writes intake drafts on a thread of its own, over a second connection to
// the same database, so a slow disk or a distant PostgreSQL server never
// holds up typing. Drafts of one form are coalesced (only the newest content
// is written) and kept in order with discards. If the second connection
// cannot be opened, drafts are written on the calling thread as before.
#include "core/Clock.h"
#include "store/Actor.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

namespace heart::store {
class Database;
}

namespace heart::ui {

class DraftWorker;

class DraftWriter : public QObject
{
    Q_OBJECT

public:
    DraftWriter(store::Database& db, const Clock& clock, QObject* parent = nullptr);
    ~DraftWriter() override; // writes what is queued, then stops the thread

    // Return at once; the write follows in the background.
    void save(const store::Actor& actor, const QString& key, const QString& content);
    void discard(const store::Actor& actor, const QString& key);
    // Drops what is queued for key without touching the stored draft, and
    // waits until a write of it already under way has ended: the caller then
    // deletes the draft in the same transaction as the record that replaces
    // it (no older draft can land after that record).
    void forget(const QString& key);
    // Blocks until everything queued so far is written.
    void waitForIdle();
    bool inBackground() const { return m_worker != nullptr; }

Q_SIGNALS:
    // In the caller's thread; error is empty on success (words for the user).
    void saved(const QString& key, const QString& error);

private:
    friend class DraftWorker;
    std::optional<QString> takeLatest(const QString& key);
    void keepUnwritten(const QString& key, const QString& content);

    store::Database& m_db;
    const Clock& m_clock;
    QThread m_thread;
    DraftWorker* m_worker = nullptr;
    QMutex m_mutex;
    QHash<QString, QString> m_latest; // key -> newest content not yet written
};

} // namespace heart::ui
