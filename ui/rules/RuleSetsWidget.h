#pragma once
// The program's rule sets for administrators and supervisors: the list with
// effective dates and the one in force today, a readable view of the one
// chosen, two rule sets side by side, and the saved versions of the one
// chosen. Administrators also get "New version from this…", the editor with
// its impact preview (RuleSetEditor); supervisors read only. The list follows
// the change feed: a version saved on another workstation shows up without F5.
#include "home/Services.h"
#include "usecases/RuleSetUseCases.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace heart::ui {

class RuleSetDiffView;
class RuleSetEditor;
class RuleSetHistory;
class RuleSetView;

class RuleSetsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetsWidget(Services services, QWidget* parent = nullptr);
    void reload();
    // A rule set was added or changed on some workstation (the change feed's
    // journal rows): the list and history are read again, the rule set shown
    // kept; an editor holding unsaved edits is told, not reset.
    void ruleSetsChangedElsewhere(const QDateTime& at);
    // Shows the rule set at `index` (in effective-date order) in the view tab.
    void viewRuleSet(int index);
    // The side-by-side tab with the two rule sets (indexes in effective-date order).
    void compareRuleSets(int before, int after);
    // Administrators: the editor on a copy of the rule set at `index`; false
    // when the role may not edit (no editor) or the document is unreadable.
    bool newVersionFrom(int index);
    // Null for a role that may not edit.
    RuleSetEditor* editor() const { return m_editor; }
    // Selects the rule set with this key in the list; false when not listed.
    bool selectRuleSet(const QString& key);

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
    QPushButton* m_newVersion = nullptr;
    QTabWidget* m_tabs;
    RuleSetView* m_ruleSetView;
    RuleSetDiffView* m_diffView;
    RuleSetHistory* m_history;
    RuleSetEditor* m_editor = nullptr;
};

} // namespace heart::ui
