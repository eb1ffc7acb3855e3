#pragma once
// Paints a roster cell so the grid reads at a glance: the duty's color stays
// visible when the cell is selected (an outline instead of a fill), a rule
// between weeks and between role groups, today's column framed.
#include <QStyledItemDelegate>

namespace heart::ui {

class RosterCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace heart::ui
