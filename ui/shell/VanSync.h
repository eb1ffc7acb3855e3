#pragma once
// The van laptop's side of the window: runs the sync in the background
// (store::sync::SyncService) when the open database is a van's store, and
// shows its state in the status bar: online or offline, the last sync, the
// changes waiting and the conflicts to look at. "Sync now" (F9) and "Review
// sync conflicts" are File menu actions.
#include "core/Clock.h"
#include "store/Actor.h"
#include "store/sync/SyncService.h"

#include <QLabel>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QWidget;

namespace heart::store {
class Database;
}

namespace heart::ui {

class VanSync : public QObject
{
    Q_OBJECT

public:
    // Null when the database is not a van laptop's store.
    static VanSync* create(store::Database& db, const Clock& clock, QWidget* window);
    ~VanSync() override;

    QLabel* statusLabel() const { return m_label; }
    QAction* syncNowAction() const { return m_syncNow; }
    QAction* conflictsAction() const { return m_conflicts; }
    store::sync::SyncService* service() const { return m_service.get(); }
    // Who may resolve conflicts (set on sign-in, cleared on sign-out).
    void setActor(const std::optional<store::Actor>& actor);
    void retranslate();

    // The status in words, as the status bar shows it.
    QString statusText() const;

private:
    VanSync(store::Database& db, const Clock& clock, const store::sync::SyncState& state, QWidget* window);
    void onStatus(const store::sync::SyncStatus& status);
    void syncNow();
    void reviewConflicts();
    bool ensurePassword();
    bool startService(const QString& password);

    store::Database& m_db;
    const Clock& m_clock;
    QWidget* m_window;
    store::sync::SyncIdentity m_identity;
    std::unique_ptr<store::sync::SyncService> m_service;
    store::sync::SyncStatus m_status;
    std::optional<store::Actor> m_actor;
    QLabel* m_label;
    QAction* m_syncNow;
    QAction* m_conflicts;
};

} // namespace heart::ui
