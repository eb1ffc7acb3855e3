#pragma once
// "My drafts": the counselor's calls kept only as drafts (a tab closed with
// Ctrl+W, work set aside at sign-out), with CAD number, time received and
// call type; Enter reopens the selected one in a tab of its own.
#include <QDialog>

class QLabel;
class QTreeWidget;

namespace heart::ui {

class DraftListDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString form; // the draft's key
        QString cadNumber;
        QString received; // as the form shows it, in the program's time
        QString callType;
        QString saved; // when it was last saved, in the program's time
        bool imminentRisk = false;
    };

    explicit DraftListDialog(const QList<Entry>& entries, QWidget* parent = nullptr);
    // The chosen draft's key, once accepted.
    QString chosenForm() const { return m_chosen; }
    QTreeWidget* list() const { return m_list; }

private:
    void choose();

    QTreeWidget* m_list;
    QLabel* m_empty;
    QString m_chosen;
};

} // namespace heart::ui
