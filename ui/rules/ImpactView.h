#pragma once
// What a change of rules would have done to the center's own past calls
// (core/routing/RuleSetImpact.h), for the rule-set editor's preview: per
// program the calls that become eligible or ineligible and the teams the
// hours would need - against what the current roster provides (the roster's
// coverage arithmetic: hours short, responders that would close the gaps) -,
// the change by hour of the week as a heat grid, and by
// beat on the beat map (green: more calls, red: fewer) and in a table. Counts only: no call or person is
// named.
#include "core/routing/RuleSetImpact.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace heart::ui {

class BeatMapView;

class ImpactView : public QWidget
{
    Q_OBJECT

public:
    explicit ImpactView(QWidget* parent = nullptr);
    // The map the change by beat is drawn on (none: the table alone).
    void setBeatMap(std::shared_ptr<const geo::BeatMap> beats);
    // Null clears the view. `weeks` is how far back the calls go.
    void showReport(const routing::ImpactReport* report, int weeks);
    const routing::ImpactReport* report() const { return m_report.get(); }
    // Calls that change eligibility for any program (0 without a report).
    std::size_t changedCalls() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProgram();
    void showStaffing();
    void retranslate();

    std::unique_ptr<routing::ImpactReport> m_report;
    int m_weeks = 0;
    QLabel* m_headline;
    QTableWidget* m_programs;
    QLabel* m_staffingLabel;
    QTableWidget* m_staffing;
    QLabel* m_programLabel;
    QComboBox* m_program;
    QTableWidget* m_hours;
    QLabel* m_beatsLabel;
    QTableWidget* m_beats;
    BeatMapView* m_map;
};

} // namespace heart::ui
