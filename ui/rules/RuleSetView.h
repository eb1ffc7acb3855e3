#pragma once
// One rule set, readable: what it is and when it takes effect, per program
// its call types, exclusions, service area, hours and holidays; a program's
// hours as a week grid; the service area as a list of beats; the holidays
// and the call type list.
#include "core/routing/RuleSet.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace heart::ui {

class WeekHoursGrid;

class RuleSetView : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetView(QWidget* parent = nullptr);
    // `inForce`: the rule set is the one in force today. Null shows nothing.
    void showRuleSet(const routing::RuleSet* set, bool inForce);
    const routing::RuleSet* ruleSet() const { return m_set; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProgram();
    void retranslate();
    void fill();

    const routing::RuleSet* m_set = nullptr;
    bool m_inForce = false;
    QLabel* m_heading;
    QLabel* m_details;
    QTableWidget* m_programs;
    QLabel* m_programLabel;
    QComboBox* m_program;
    WeekHoursGrid* m_grid;
    QLabel* m_hoursText;
    QLabel* m_beatsLabel;
    QListWidget* m_beats;
    QLabel* m_holidaysLabel;
    QListWidget* m_holidays;
    QLabel* m_typesLabel;
    QTableWidget* m_callTypes;
};

} // namespace heart::ui
