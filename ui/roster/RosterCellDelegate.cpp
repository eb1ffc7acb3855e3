#include "roster/RosterCellDelegate.h"

#include "roster/RosterTableModel.h"

#include <QPainter>

namespace heart::ui {

void RosterCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    painter->save();
    const QRect r = option.rect;
    const QVariant background = index.data(Qt::BackgroundRole);
    painter->fillRect(r,
                      background.canConvert<QBrush>() ? background.value<QBrush>() : option.palette.base());

    const QString text = index.data(Qt::DisplayRole).toString();
    if (!text.isEmpty()) {
        const QVariant font = index.data(Qt::FontRole);
        if (font.canConvert<QFont>())
            painter->setFont(font.value<QFont>());
        const QVariant foreground = index.data(Qt::ForegroundRole);
        painter->setPen(foreground.canConvert<QBrush>() ? foreground.value<QBrush>().color()
                                                        : option.palette.color(QPalette::Text));
        painter->drawText(r, Qt::AlignCenter, text);
    }

    const QColor rule = option.palette.color(QPalette::Mid);
    if (index.data(RosterTableModel::WeekStartRole).toBool()) {
        painter->setPen(QPen(rule, 1));
        painter->drawLine(r.topLeft(), r.bottomLeft());
    }
    if (index.data(RosterTableModel::GroupStartRole).toBool()) {
        painter->setPen(QPen(rule.darker(120), 2));
        painter->drawLine(r.left(), r.top() + 1, r.right(), r.top() + 1);
    }
    if (index.data(RosterTableModel::TodayRole).toBool()) {
        painter->setPen(QPen(RosterTableModel::todayColor(), 2));
        painter->drawLine(r.left() + 1, r.top(), r.left() + 1, r.bottom());
        painter->drawLine(r.right(), r.top(), r.right(), r.bottom());
    }
    if (option.state & QStyle::State_Selected) {
        const bool focused = option.state & QStyle::State_HasFocus;
        QPen pen(option.palette.color(QPalette::Highlight), focused ? 3 : 2);
        pen.setJoinStyle(Qt::MiterJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(1, 1, -2, -2));
    }
    painter->restore();
}

} // namespace heart::ui
