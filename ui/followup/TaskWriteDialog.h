#pragma once
// A dialog that writes on one follow-up task (log an attempt, record the
// outcome) and does the write itself when the navigator saves, so that what
// they typed is never lost to someone else's change: while it is open a
// change to the task by another navigator or workstation shows in the
// dialog (ChangedElsewhereBar: who, what, when), and a save that meets one
// keeps the dialog open with the same choice - "Reload theirs" closes it
// (done(ReloadTheirs)) for the task to be read again, "Keep mine" saves
// what is typed over the new version.
#include "home/Services.h"
#include "store/FollowUpStore.h"

#include <QDialog>
#include <functional>
#include <optional>

namespace heart::ui {

class ChangedElsewhereBar;

class TaskWriteDialog : public QDialog
{
    Q_OBJECT

public:
    // exec()'s result when the navigator chose "Reload theirs".
    static constexpr int ReloadTheirs = 2;
    using Write = std::function<store::StoreResult<store::FollowUpTask>(int version)>;

    explicit TaskWriteDialog(QWidget* parent = nullptr) : QDialog(parent) {}

    // The task at the version the pane showed, and the write the save runs.
    void watchTask(const Services& services, const QString& taskId, int version, Write write);
    // What the last save gave (empty when nothing was saved).
    const std::optional<store::StoreResult<store::FollowUpTask>>& written() const { return m_written; }
    ChangedElsewhereBar* changedElsewhereBar() const { return m_bar; }

    // Saves (when a write is set): closes unless the task changed meanwhile.
    void accept() override;

private:
    void keepMine();
    void fitToBar();

    std::optional<Services> m_services;
    QString m_taskId;
    Write m_write;
    ChangedElsewhereBar* m_bar = nullptr;
    std::optional<store::StoreResult<store::FollowUpTask>> m_written;
};

} // namespace heart::ui
