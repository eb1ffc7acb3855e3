#pragma once
// The CRT lead's laptop (and the peer's and EMT's): my unit, the call it is
// on with the intake details and triage, keys to move the unit's status
// (Ctrl+1 available … Ctrl+7 out of service), the times a program reports,
// the unit's calls of the last day; the encounter note and the safety plan
// of the chosen call; the person's prior contacts; and the team board. Tabs:
// Ctrl+Tab / Ctrl+Shift+Tab, or F2 (unit), F3 (note), F4 (safety plan), F5
// (prior contacts), F6 (board). On the way, from any tab: Ctrl+Shift+C
// copies the callback number, F8 prints the person's latest safety plan again.
//
// The call is shown complete for the member's role (UnitCallPanel), the
// prior contacts only for the roles that may see them (no tab otherwise);
// the unit page scrolls, so nothing is lost on a 1366x768 van laptop.
//
// It refreshes itself while shown (LiveRefresh): a dispatch or a status
// change made at another workstation shows within seconds, and the minutes
// tick without reading anything. The call's details are read again (an
// audited open) only when the call changed. A new call opens its note,
// unless the lead is working in a note or plan: then a line above the tabs
// tells of it, and the note opens when they go back to My unit.
#include "home/Services.h"
#include "store/IntakeStore.h"
#include "store/UnitCallStore.h"
#include "store/UnitStore.h"

#include <QWidget>
#include <array>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace heart::ui {

class EncounterForm;
class LiveRefresh;
class PriorContactsView;
class SafetyPlanEditor;
class TeamBoard;
class UnitCallPanel;

class TeamLeadHome : public QWidget
{
    Q_OBJECT

public:
    explicit TeamLeadHome(Services services, QWidget* parent = nullptr);
    void refresh();
    bool moveTo(units::UnitStatus status);
    const store::Unit& unit() const { return m_unit; }
    QString callText() const;
    QString timesText() const;

    enum Tab
    {
        UnitTab,
        NoteTab,
        SafetyPlanTab,
        PriorContactsTab, // only for the roles that may see prior contacts
        BoardTab
    };
    // Opens the unit's encounter note (and safety plan) on the call; the
    // current call's by default.
    void openNote(const QString& callId);
    void showTab(Tab tab);
    EncounterForm* encounterForm() const { return m_form; }
    SafetyPlanEditor* safetyPlanEditor() const { return m_plan; }
    QListWidget* recentCalls() const { return m_calls; }
    UnitCallPanel* callPanel() const { return m_call; }
    PriorContactsView* priorContacts() const { return m_prior; } // null for a role that may not see them
    bool copyCallbackNumber();
    bool reprintLatestPlan();
    LiveRefresh* liveRefresh() const { return m_live; }
    // The unit's line ("CRT-1 · On scene for 12 min") and the new-call notice.
    QString unitText() const;
    QString alertText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // Reads the call's status changes, and the call itself when it changed.
    void readCallDetails();
    // Shows what was read; reads nothing (the clock's ticks call it).
    void render();
    void renderRecentCalls();
    void openNewCall();
    QWidget* pageOf(Tab tab) const;

    Services m_services;
    store::Unit m_unit;
    QString m_problem;
    QLabel* m_title;
    QLabel* m_unitLine;
    QLabel* m_times;
    UnitCallPanel* m_call;
    QLabel* m_message;
    QLabel* m_alert;
    std::array<QPushButton*, 7> m_buttons{};
    TeamBoard* m_board;
    QTabWidget* m_tabs;
    PriorContactsView* m_prior = nullptr;
    QLabel* m_callsTitle;
    QListWidget* m_calls;
    QWidget* m_notePage;
    QWidget* m_planPage;
    QLabel* m_noNote;
    QLabel* m_noPlan;
    EncounterForm* m_form = nullptr;
    SafetyPlanEditor* m_plan = nullptr;
    QString m_noteCallId;
    QString m_callSeen;                                // the unit's call whose note was last opened for it
    std::vector<units::StatusChange> m_history;        // on the unit's call
    std::optional<store::UnitCallDetail> m_callRecord; // the unit's call as last read
    QString m_callError;
    LiveRefresh* m_live;
};

} // namespace heart::ui
