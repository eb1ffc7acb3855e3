#include "rules/WeekHoursEditor.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <algorithm>

namespace heart::ui {

namespace {

// Open, part open, closed: the cell's colour; a selection is laid over it
// (not instead of it), so painting a selection still shows what it covers.
class HoursCellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        painter->save();
        painter->fillRect(option.rect, index.data(Qt::BackgroundRole).value<QBrush>());
        if (option.state & QStyle::State_Selected) {
            QColor overlay = option.palette.color(QPalette::Highlight);
            overlay.setAlpha(120);
            painter->fillRect(option.rect, overlay);
        }
        if (option.state & QStyle::State_HasFocus) {
            painter->setPen(QPen(option.palette.color(QPalette::Text), 2));
            painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
        }
        painter->restore();
    }
};

QString minuteText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

WeekHoursEditor::WeekHoursEditor(QWidget* parent) : QTableWidget(7, kSlotsPerDay, parent)
{
    setObjectName(QStringLiteral("weekHoursEditor"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTabKeyNavigation(false); // Tab leaves the grid; the arrows move in it
    setItemDelegate(new HoursCellDelegate(this));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(6);
    verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setShowGrid(true);
    for (int slot = 0; slot < kSlotsPerDay; ++slot) {
        // Every other hour labelled: a half-hour column is too narrow for more.
        const int hour = slot / 2;
        setHorizontalHeaderItem(
            slot, new QTableWidgetItem(slot % 4 == 0 ? QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'))
                                                     : QString()));
    }
    for (int day = 0; day < 7; ++day)
        setVerticalHeaderItem(day, new QTableWidgetItem);
    for (int day = 0; day < 7; ++day)
        for (int slot = 0; slot < kSlotsPerDay; ++slot)
            setItem(day, slot, new QTableWidgetItem);
    setMinimumHeight(180);
    setMaximumHeight(240);
    retranslate();
    setRules(nullptr);
    setCurrentCell(0, 0);
}

void WeekHoursEditor::setRules(const routing::ProgramRules* rules)
{
    for (int day = 0; day < 7; ++day) {
        for (int slot = 0; slot < kSlotsPerDay; ++slot) {
            double open = 0;
            if (rules && rules->alwaysOpen) {
                open = 1;
            } else if (rules) {
                const int start = slot * kSlotMinutes, end = start + kSlotMinutes;
                int minutes = 0;
                for (const routing::TimeRange& range : rules->hours[std::size_t(day)])
                    minutes += std::max(0, std::min(end, range.end) - std::max(start, range.start));
                open = std::min(kSlotMinutes, minutes) / double(kSlotMinutes);
            }
            setCell(day, slot, open);
        }
    }
}

void WeekHoursEditor::setCell(int weekday, int slot, double open)
{
    m_open[std::size_t(weekday)][std::size_t(slot)] = open;
    QTableWidgetItem* cell = item(weekday, slot);
    cell->setBackground(open >= 1.0  ? QColor(0x2e, 0x7d, 0x32)
                        : open > 0.0 ? QColor(0xa5, 0xd6, 0xa7)
                                     : QColor(0xf5, 0xf5, 0xf5));
    const int start = slot * kSlotMinutes;
    const QString when =
        tr("%1 %2–%3")
            .arg(verticalHeaderItem(weekday)->text(), minuteText(start), minuteText(start + kSlotMinutes));
    const QString text = open >= 1.0  ? tr("%1: open").arg(when)
                         : open > 0.0 ? tr("%1: open %2 minutes").arg(when).arg(qRound(open * kSlotMinutes))
                                      : tr("%1: closed").arg(when);
    cell->setToolTip(text);
    cell->setData(Qt::AccessibleTextRole, text);
}

bool WeekHoursEditor::isOpen(int weekday, int slot) const
{
    return m_open[std::size_t(weekday)][std::size_t(slot)] >= 0.5;
}

double WeekHoursEditor::openPart(int weekday, int hour) const
{
    const auto& day = m_open[std::size_t(weekday)];
    return (day[std::size_t(hour * 2)] + day[std::size_t(hour * 2 + 1)]) / 2.0;
}

QString WeekHoursEditor::dayText(int weekday) const
{
    QStringList ranges;
    int slot = 0;
    while (slot < kSlotsPerDay) {
        if (!isOpen(weekday, slot)) {
            ++slot;
            continue;
        }
        const int first = slot;
        while (slot < kSlotsPerDay && isOpen(weekday, slot))
            ++slot;
        ranges << minuteText(first * kSlotMinutes) + QLatin1Char('-') + minuteText(slot * kSlotMinutes);
    }
    return ranges.join(QStringLiteral(", "));
}

void WeekHoursEditor::reportChanges(const Week& before)
{
    QList<int> days;
    for (int day = 0; day < 7; ++day) {
        for (int slot = 0; slot < kSlotsPerDay; ++slot) {
            if ((before[std::size_t(day)][std::size_t(slot)] >= 0.5) != isOpen(day, slot) ||
                (before[std::size_t(day)][std::size_t(slot)] > 0 &&
                 before[std::size_t(day)][std::size_t(slot)] < 1 &&
                 m_open[std::size_t(day)][std::size_t(slot)] !=
                     before[std::size_t(day)][std::size_t(slot)])) {
                days << day;
                break;
            }
        }
    }
    if (!days.isEmpty())
        Q_EMIT daysEdited(days);
}

void WeekHoursEditor::setSelected(bool open)
{
    const Week before = m_open;
    QModelIndexList cells = selectionModel()->selectedIndexes();
    if (cells.isEmpty() && currentIndex().isValid())
        cells << currentIndex();
    for (const QModelIndex& cell : cells)
        setCell(cell.row(), cell.column(), open ? 1.0 : 0.0);
    reportChanges(before);
}

void WeekHoursEditor::keyPressEvent(QKeyEvent* event)
{
    const QModelIndex current = currentIndex();
    const Qt::KeyboardModifiers mods = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    if (event->key() == Qt::Key_Space && current.isValid()) {
        if (mods == Qt::ShiftModifier) { // the whole day
            selectionModel()->select(current,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        } else if (mods == Qt::ControlModifier) { // this half hour, every day
            selectionModel()->select(current,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Columns);
        } else {
            setSelected(!isOpen(current.row(), current.column()));
        }
        event->accept();
        return;
    }
    if (mods == Qt::NoModifier &&
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Insert)) {
        setSelected(true);
        event->accept();
        return;
    }
    if (mods == Qt::NoModifier && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        setSelected(false);
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
    // A move without Shift leaves the cursor cell alone selected, even where
    // the cursor could not move (Home on the first column): what Space,
    // Enter and Delete then change is the cell in sight.
    static constexpr int kMoves[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,     Qt::Key_Down,
                                     Qt::Key_Home, Qt::Key_End,   Qt::Key_PageUp, Qt::Key_PageDown};
    if (mods == Qt::NoModifier && currentIndex().isValid() &&
        std::find(std::begin(kMoves), std::end(kMoves), event->key()) != std::end(kMoves))
        selectionModel()->select(currentIndex(), QItemSelectionModel::ClearAndSelect);
}

void WeekHoursEditor::mousePressEvent(QMouseEvent* event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !index.isValid()) {
        QTableWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_beforePaint = m_open;
    m_paintFrom = index;
    m_paintValue = !isOpen(index.row(), index.column());
    m_painting = true;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    paintRectangle(index);
    event->accept();
}

void WeekHoursEditor::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_painting) {
        QTableWidget::mouseMoveEvent(event);
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid())
        paintRectangle(index);
    event->accept();
}

void WeekHoursEditor::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_painting) {
        QTableWidget::mouseReleaseEvent(event);
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid())
        paintRectangle(index);
    m_painting = false;
    event->accept();
    reportChanges(m_beforePaint);
}

void WeekHoursEditor::paintRectangle(const QModelIndex& to)
{
    // From the cells as they were at the press: dragging back shrinks the rectangle.
    const int top = std::min(m_paintFrom.row(), to.row()), bottom = std::max(m_paintFrom.row(), to.row());
    const int left = std::min(m_paintFrom.column(), to.column()),
              right = std::max(m_paintFrom.column(), to.column());
    for (int day = 0; day < 7; ++day) {
        for (int slot = 0; slot < kSlotsPerDay; ++slot) {
            const bool inside = day >= top && day <= bottom && slot >= left && slot <= right;
            const double value =
                inside ? (m_paintValue ? 1.0 : 0.0) : m_beforePaint[std::size_t(day)][std::size_t(slot)];
            if (value != m_open[std::size_t(day)][std::size_t(slot)])
                setCell(day, slot, value);
        }
    }
    selectionModel()->setCurrentIndex(to, QItemSelectionModel::NoUpdate);
}

void WeekHoursEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void WeekHoursEditor::retranslate()
{
    const QString days[7] = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int day = 0; day < 7; ++day)
        verticalHeaderItem(day)->setText(days[day]);
    setAccessibleName(tr("Opening hours by weekday and half hour"));
    setAccessibleDescription(
        tr("Arrow keys move, Shift+arrows select, Shift+Space selects the day, Ctrl+Space the half hour "
           "on every day; Space toggles, Enter opens, Delete closes. Drag with the mouse to paint."));
    setToolTip(accessibleDescription());
    for (int day = 0; day < 7; ++day)
        for (int slot = 0; slot < kSlotsPerDay; ++slot)
            setCell(day, slot, m_open[std::size_t(day)][std::size_t(slot)]);
}

} // namespace heart::ui
