#pragma once
// The program's rule sets for administrators and supervisors (read-only
// here): the list with effective dates and the one in force today, a
// readable view of the one chosen, and two rule sets side by side.
#include "home/Services.h"
#include "usecases/RuleSetUseCases.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace heart::ui {

class RuleSetDiffView;
class RuleSetView;

class RuleSetsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetsWidget(Services services, QWidget* parent = nullptr);
    void reload();
    // Shows the rule set at `index` (in effective-date order) in the view tab.
    void viewRuleSet(int index);
    // The side-by-side tab with the two rule sets (indexes in effective-date order).
    void compareRuleSets(int before, int after);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showSelected();
    void compareSelectedWithInForce();
    void retranslate();
    int selectedIndex() const;

    Services m_services;
    usecases::RuleSetListing m_listing;
    bool m_loaded = false;
    QLabel* m_title;
    QLabel* m_note;
    QTreeWidget* m_list;
    QPushButton* m_view;
    QPushButton* m_compare;
    QTabWidget* m_tabs;
    RuleSetView* m_ruleSetView;
    RuleSetDiffView* m_diffView;
};

} // namespace heart::ui
