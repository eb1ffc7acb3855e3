#include "safety/EntryTable.h"

#include "core/PhoneFormat.h"
#include "core/intake/IntakeRules.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace heart::ui {

EntryTable::EntryTable(bool withPhone, QWidget* parent)
    : QTableWidget(0, withPhone ? 2 : 1, parent), m_withPhone(withPhone)
{
    setTabKeyNavigation(true); // within a row only: see moveCursor()
    setEditTriggers(QAbstractItemView::AllEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (withPhone) {
        horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
        setColumnWidth(1, 170);
    }
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    connect(this, &QTableWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        keepOneEmptyRow();
        Q_EMIT entriesChanged();
    });
    keepOneEmptyRow();
}

void EntryTable::setHeaders(const QString& text, const QString& phone)
{
    setHorizontalHeaderLabels(m_withPhone ? QStringList{text, phone} : QStringList{text});
}

bool EntryTable::rowIsEmpty(int row) const
{
    for (int column = 0; column < columnCount(); ++column) {
        if (const QTableWidgetItem* cell = item(row, column); cell && !cell->text().trimmed().isEmpty())
            return false;
    }
    return true;
}

std::vector<safety::SafetyPlanEntry> EntryTable::entries() const
{
    std::vector<safety::SafetyPlanEntry> result;
    for (int row = 0; row < rowCount(); ++row) {
        if (rowIsEmpty(row))
            continue;
        safety::SafetyPlanEntry entry;
        if (const QTableWidgetItem* cell = item(row, 0))
            entry.text = cell->text().trimmed().toStdString();
        if (m_withPhone)
            if (const QTableWidgetItem* cell = item(row, 1)) {
                // Shown in the national format, stored normalised; a number
                // that cannot be dialled stays as typed for problems() to name.
                entry.phone = cell->text().trimmed().toStdString();
                if (const auto normalised = intake::normalisePhone(entry.phone); normalised)
                    entry.phone = normalised.value();
            }
        result.push_back(std::move(entry));
    }
    return result;
}

void EntryTable::setEntries(const std::vector<safety::SafetyPlanEntry>& entries)
{
    m_filling = true;
    setRowCount(0);
    for (const safety::SafetyPlanEntry& entry : entries) {
        const int row = rowCount();
        insertRow(row);
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(entry.text)));
        if (m_withPhone)
            setItem(row, 1, new QTableWidgetItem(QString::fromStdString(phoneForDisplay(entry.phone))));
    }
    m_filling = false;
    keepOneEmptyRow();
}

void EntryTable::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers : QAbstractItemView::AllEditTriggers);
    keepOneEmptyRow();
}

void EntryTable::keepOneEmptyRow()
{
    m_filling = true;
    // Blank rows in the middle go; exactly one empty row stays at the end
    // (none when read-only).
    for (int row = rowCount() - 2; row >= 0; --row) {
        if (rowIsEmpty(row) && currentRow() != row)
            removeRow(row);
    }
    const bool lastEmpty = rowCount() > 0 && rowIsEmpty(rowCount() - 1);
    if (m_readOnly) {
        if (lastEmpty)
            removeRow(rowCount() - 1);
    } else if (!lastEmpty) {
        insertRow(rowCount());
    }
    m_filling = false;
    fitHeight();
}

void EntryTable::fitHeight()
{
    const int header = horizontalHeader()->sizeHint().height();
    const int rows = std::max(1, rowCount());
    setFixedHeight(header + rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
}

QModelIndex EntryTable::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = currentIndex();
    if (!current.isValid()) // coming into the table: its first entry
        return rowCount() > 0 ? model()->index(0, 0) : QModelIndex();
    if (action == MoveNext)
        return current.isValid() && current.column() + 1 < columnCount()
                   ? model()->index(current.row(), current.column() + 1)
                   : QModelIndex();
    if (action == MovePrevious)
        return current.isValid() && current.column() > 0 ? model()->index(current.row(), current.column() - 1)
                                                         : QModelIndex();
    return QTableWidget::moveCursor(action, modifiers);
}

void EntryTable::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint)
{
    const int row = currentRow();
    // Return closes the editor on the next event loop turn: by then the user
    // may have gone to another field, which keeps the focus.
    const bool stillHere = editor && editor->hasFocus();
    QTableWidget::closeEditor(editor, hint);
    if (hint == QAbstractItemDelegate::SubmitModelCache && stillHere && row + 1 < rowCount())
        setCurrentCell(row + 1, 0);
}

QSize EntryTable::sizeHint() const
{
    return {420, height()};
}

void EntryTable::keyPressEvent(QKeyEvent* event)
{
    if (!m_readOnly && (event->key() == Qt::Key_Delete) && state() != QAbstractItemView::EditingState &&
        currentRow() >= 0 && currentRow() < rowCount() - 1) {
        removeRow(currentRow());
        keepOneEmptyRow();
        Q_EMIT entriesChanged();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace heart::ui
