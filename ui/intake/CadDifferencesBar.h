#pragma once
// The line above a call from the CAD that says what the CAD changed since
// the counselor took the call: field by field, the CAD's new value. The CAD
// never writes over what the counselor typed; "Use the CAD's changes"
// (Ctrl+Shift+C) puts the new values into the form (saved with the call, as
// the counselor's own change), "Dismiss" (Ctrl+Shift+X) leaves the form as it
// is. Either way the differences are settled for every workstation and the
// audit trail says which. Follows the change feed: a new CAD message for the
// call shows here within a second.
#include "core/cad/CadDifferences.h"
#include "home/Services.h"
#include "store/ChangeJournal.h"
#include "usecases/CadUseCases.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace heart::ui {

class CadDifferencesBar : public QFrame
{
    Q_OBJECT

public:
    explicit CadDifferencesBar(Services services, QWidget* parent = nullptr);

    // The call the form shows (empty: none yet); reads its CAD side.
    void setCall(const QString& callId);
    void refresh();
    // Settles the differences (accept: the form took the values in).
    bool settle(bool accepted);
    const std::vector<cad::CadField>& fields() const { return m_fields; }
    QString text() const;

Q_SIGNALS:
    // The counselor wants these CAD values in the form.
    void accept(const heart::cad::CadIncident& latest, const std::vector<heart::cad::CadField>& fields);
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void take(const QList<store::JournalEntry>& entries);
    void render();
    QString fieldText(cad::CadField field, const cad::CadIncident& incident) const;

    Services m_services;
    QString m_callId;
    std::optional<store::CadIncidentRow> m_row;
    std::vector<cad::CadField> m_fields;
    QLabel* m_text;
    QPushButton* m_accept;
    QPushButton* m_dismiss;
};

} // namespace heart::ui
