#pragma once
// Giving a follow-up task to someone, or back to the unassigned queue: the
// people FollowUpStore::assignees() accepts for the task's kind, by name,
// with the one who has it now marked. Type a name's first letters to jump.
#include "store/FollowUpStore.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace heart::ui {

class AssignTaskDialog : public QDialog
{
    Q_OBJECT

public:
    AssignTaskDialog(const QList<store::FollowUpAssignee>& people, const QString& currentUserId,
                     QWidget* parent = nullptr);

    // The chosen user's id; empty for nobody (back to the unassigned queue).
    QString chosenUserId() const;
    // Chooses the person with this display name (false when not listed).
    bool choose(const QString& displayName);

private:
    QListWidget* m_list;
    QPushButton* m_assign;
};

} // namespace heart::ui
