#pragma once
// The CRT lead's laptop (and the peer's and EMT's): my unit, the call it is
// on with the intake details and triage, keys to move the unit's status
// (Ctrl+1 available … Ctrl+7 out of service), the times a program reports,
// the unit's calls of the last day; the encounter note and the safety plan
// of the chosen call; and the team board. Tabs: Ctrl+Tab / Ctrl+Shift+Tab,
// or F2 (unit), F3 (note), F4 (safety plan), F6 (board).
#include "home/Services.h"
#include "store/UnitStore.h"

#include <QWidget>

#include <array>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace heart::ui {

class EncounterForm;
class SafetyPlanEditor;
class TeamBoard;

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
        BoardTab
    };
    // Opens the unit's encounter note (and safety plan) on the call; the
    // current call's by default.
    void openNote(const QString& callId);
    void showTab(Tab tab);
    EncounterForm* encounterForm() const { return m_form; }
    SafetyPlanEditor* safetyPlanEditor() const { return m_plan; }
    QListWidget* recentCalls() const { return m_calls; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();
    void renderRecentCalls();

    Services m_services;
    store::Unit m_unit;
    QString m_problem;
    QLabel* m_title;
    QLabel* m_unitLine;
    QLabel* m_times;
    QLabel* m_call;
    QLabel* m_message;
    std::array<QPushButton*, 7> m_buttons{};
    TeamBoard* m_board;
    QTabWidget* m_tabs;
    QLabel* m_callsTitle;
    QListWidget* m_calls;
    QWidget* m_notePage;
    QWidget* m_planPage;
    QLabel* m_noNote;
    QLabel* m_noPlan;
    EncounterForm* m_form = nullptr;
    SafetyPlanEditor* m_plan = nullptr;
    QString m_noteCallId;
    QString m_callSeen; // the unit's call when last refreshed
};

} // namespace heart::ui
