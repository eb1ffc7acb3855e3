#pragma once
// A program's opening hours as a week grid: one row per weekday, one column
// per hour, a cell filled for the part of the hour the program is open.
// Read-only: the rule-set editor paints hours on WeekHoursEditor.
#include "core/routing/RuleSet.h"

#include <QTableWidget>

namespace heart::ui {

class WeekHoursGrid : public QTableWidget
{
    Q_OBJECT

public:
    explicit WeekHoursGrid(QWidget* parent = nullptr);
    // Null: no hours (the program is not in the rule set).
    void setRules(const routing::ProgramRules* rules);
    // 0..1 for weekday (Monday = 0) and hour, as shown.
    double openPart(int weekday, int hour) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
};

} // namespace heart::ui
