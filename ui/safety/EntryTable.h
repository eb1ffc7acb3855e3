#pragma once
// One step of the safety plan as a small table typed from the keyboard: one
// row per entry (and a phone column for the steps that take one). There is
// always one empty row at the end: typing in it makes a new entry. Delete on
// a row removes it. Rows left blank are not entries.
#include "core/safety/SafetyPlan.h"

#include <QTableWidget>
#include <vector>

namespace heart::ui {

class EntryTable : public QTableWidget
{
    Q_OBJECT

public:
    EntryTable(bool withPhone, QWidget* parent = nullptr);

    std::vector<safety::SafetyPlanEntry> entries() const;
    void setEntries(const std::vector<safety::SafetyPlanEntry>& entries);
    void setHeaders(const QString& text, const QString& phone);
    void setReadOnly(bool readOnly);
    QSize sizeHint() const override;

Q_SIGNALS:
    void entriesChanged();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    // Tab goes from an entry's text to its phone, then out of the table;
    // Return commits the cell and goes to the next entry's text.
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    void keepOneEmptyRow();
    void fitHeight();
    bool rowIsEmpty(int row) const;

    bool m_withPhone;
    bool m_filling = false;
    bool m_readOnly = false;
};

} // namespace heart::ui
