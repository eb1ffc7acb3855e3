#pragma once
// The versions a sync could not merge, for the team lead to choose: each
// conflict names the record and why, and shows side by side only the fields
// that differ (this laptop's version and the center's). "Keep mine" writes
// the laptop's version again (it goes to the center with the next sync);
// "Keep theirs" leaves what stands.
#include "store/sync/SyncEngine.h"
#include "usecases/Context.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace heart::ui {

class SyncConflictDialog : public QDialog
{
    Q_OBJECT

public:
    SyncConflictDialog(const usecases::Context& context, QWidget* parent = nullptr);

    int conflictCount() const;
    // Tests: choose for the selected conflict.
    void keepMine();
    void keepTheirs();

    static QString reasonText(const QString& reason);
    static QString recordText(const QString& recordType);

private:
    void reload();
    void showSelected();
    void resolve(bool keepMine);

    usecases::Context m_context;
    QList<store::sync::SyncConflict> m_conflicts;
    QListWidget* m_list;
    QLabel* m_reason;
    QTableWidget* m_fields;
    QLabel* m_error;
    QPushButton* m_mine;
    QPushButton* m_theirs;
};

} // namespace heart::ui
