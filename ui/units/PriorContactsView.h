#pragma once
// Whether the team has met the person before, for the call the unit is on
// (F5 on the lead's laptop): the person's earlier calls (date, type, risk,
// disposition, the unit sent), earlier encounters (when, unit, who
// responded, disposition, referral), the latest final safety plan (Enter on
// it, or Review…, opens it; F8 prints it again) and their follow-up tasks
// (due, state, who has it, outcome). Each part only for the roles that may
// see it (core/units/UnitCallVisibility.h): a section the role may not see is
// not there at all.
//
// Every opening reads afresh through UnitCallUseCases::priorContacts, and
// the store audits each record it returns; nothing is read until the view
// is opened.
#include "home/Services.h"
#include "store/UnitCallStore.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPagedPaintDevice;
class QPushButton;
class QTreeWidget;

namespace heart::ui {

class PriorContactsView : public QWidget
{
    Q_OBJECT

public:
    explicit PriorContactsView(Services services, QWidget* parent = nullptr);

    // Reads the prior contacts of the call's person (audited); an empty id clears.
    void open(const QString& callId);
    const std::optional<store::PriorContacts>& contacts() const { return m_contacts; }
    QString messageText() const;
    QTreeWidget* callsList() const { return m_calls; }
    QTreeWidget* encountersList() const { return m_encounters; }
    QTreeWidget* followUpsList() const { return m_followUps; }
    void focusFirst();

    // The latest plan read from the store (audited) and opened for review / printed again.
    bool reviewPlan();
    // F8: the latest final plan of the person of `callId`, through the print dialog.
    bool reprintLatestPlan(const QString& callId);
    // The same without the dialog (tests): pages painted, 0 when refused or none.
    int printLatestPlanTo(const QString& callId, QPagedPaintDevice& device);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();
    QTreeWidget* addList(const char* name, QLabel* title);

    Services m_services;
    QString m_callId;
    std::optional<store::PriorContacts> m_contacts;
    QString m_error;
    QLabel* m_heading;
    QLabel* m_message;
    QLabel* m_callsTitle = nullptr;
    QTreeWidget* m_calls = nullptr;
    QLabel* m_encountersTitle = nullptr;
    QTreeWidget* m_encounters = nullptr;
    QLabel* m_planTitle = nullptr;
    QLabel* m_planLine = nullptr;
    QPushButton* m_review = nullptr;
    QPushButton* m_reprint = nullptr;
    QLabel* m_followUpsTitle = nullptr;
    QTreeWidget* m_followUps = nullptr;
};

} // namespace heart::ui
