#pragma once
// A program's opening hours as an editable week grid: one row per weekday,
// one column per half hour. The mouse paints: press on a cell and drag, and
// the rectangle from there to the pointer takes the opposite of the first
// cell (open or closed). From the keyboard: the arrow keys move the cursor
// cell, Shift+arrows extend a selection, Shift+Space selects the whole day,
// Ctrl+Space the same half hour on every day, Ctrl+A everything; Space
// toggles (the selection takes the opposite of the cursor cell), Enter opens
// and Delete closes. The editor turns each day's row into typed ranges
// ("09:00-21:00") and back, so the loader checks the grid's edits as it
// checks typed ones.
#include "core/routing/RuleSet.h"

#include <QList>
#include <QTableWidget>
#include <array>

namespace heart::ui {

class WeekHoursEditor : public QTableWidget
{
    Q_OBJECT

public:
    static constexpr int kSlotsPerDay = 48; // half hours
    static constexpr int kSlotMinutes = 30;

    explicit WeekHoursEditor(QWidget* parent = nullptr);

    // Shows the rules' hours (null: all closed). Emits nothing.
    void setRules(const routing::ProgramRules* rules);
    bool isOpen(int weekday, int slot) const;
    // 0..1 of the hour (Monday = 0) open, as shown.
    double openPart(int weekday, int hour) const;
    // The day's row as typed ranges, "09:00-21:00, 22:00-24:00" ("" closed).
    QString dayText(int weekday) const;

Q_SIGNALS:
    // The user changed cells of these days (Monday = 0), in order.
    void daysEdited(const QList<int>& weekdays);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    using Week = std::array<std::array<double, kSlotsPerDay>, 7>;
    void setCell(int weekday, int slot, double open);
    void paintRectangle(const QModelIndex& to);
    // Sets the selected cells (the cursor cell when none) and reports the changed days.
    void setSelected(bool open);
    void reportChanges(const Week& before);
    void retranslate();

    Week m_open{};
    Week m_beforePaint{};
    QModelIndex m_paintFrom;
    bool m_paintValue = false;
    bool m_painting = false;
};

} // namespace heart::ui
