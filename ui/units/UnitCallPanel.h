#pragma once
// The call a unit is on, complete for the member's role, as the team reads it
// on the way: the call (number, type, risk, received, address and beat, the
// person, flags and cautions, language and interpreter, when the unit was
// dispatched and by whom); the contact (the callback number in one national
// format with a Copy button, Ctrl+Shift+C; the caller and their
// relationship); and for the clinicians the counselor's C-SSRS answers with
// the time they were taken, the narrative and the call's addenda.
//
// The rows of a part the role may not see (core/units/UnitCallVisibility.h)
// are never made: absent, not greyed. It reads nothing itself: the home
// hands it what UnitCallUseCases::open returned.
#include "core/units/UnitCallVisibility.h"
#include "store/UnitCallStore.h"

#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace heart::ui {

class UnitCallPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UnitCallPanel(Role role, QWidget* parent = nullptr);

    void setCall(const store::UnitCallDetail& detail);
    // A line in place of the call ("No call assigned.", an error).
    void showMessage(const QString& text);
    // Everything shown, as plain text (tests, screen readers' summary).
    QString text() const;
    // The callback number as shown, "(919) 555-0123"; empty when none or not this role's.
    QString callbackNumber() const;
    // Puts the callback number on the clipboard; false when there is none to copy.
    bool copyCallbackNumber();
    bool seesPart(units::CallPart part) const;

Q_SIGNALS:
    void copied(const QString& number);

protected:
    void changeEvent(QEvent* event) override;

private:
    QLabel* addRow(const char* name, units::CallPart part);
    void retranslate();
    void render();

    Role m_role;
    std::optional<store::UnitCallDetail> m_detail;
    QString m_message;
    QFormLayout* m_form;
    QLabel* m_heading;
    QLabel* m_messageLabel;
    QLabel* m_known = nullptr; // "seen before: F5", for the roles that see prior contacts
    struct Row
    {
        QLabel* label;
        QLabel* value;
        units::CallPart part;
    };
    QList<Row> m_rows;
    QPushButton* m_copy = nullptr;
};

} // namespace heart::ui
