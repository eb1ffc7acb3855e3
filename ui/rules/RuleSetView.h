#pragma once
// One rule set, readable: what it is and when it takes effect, per program
// its call types, exclusions, service area, hours and holidays; a program's
// hours as a week grid; the service area on the beat map and as a list of
// beats; the holidays and the call type list.
#include "core/geo/BeatMap.h"
#include "core/routing/RuleSet.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace heart::ui {

class BeatMapView;
class WeekHoursGrid;

class RuleSetView : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetView(QWidget* parent = nullptr);
    // `inForce`: the rule set is the one in force today. Null shows nothing.
    void showRuleSet(const routing::RuleSet* set, bool inForce);
    const routing::RuleSet* ruleSet() const { return m_set; }
    // The beat map the service area is drawn on (the one routing uses).
    void setBeatMap(std::shared_ptr<const geo::BeatMap> map);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProgram();
    void showAreaOnMap(const routing::ProgramRules* rules);
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
    BeatMapView* m_map;
    QLabel* m_holidaysLabel;
    QListWidget* m_holidays;
    QLabel* m_typesLabel;
    QTableWidget* m_callTypes;
};

} // namespace heart::ui
