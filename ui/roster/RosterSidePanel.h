#pragma once
// The column beside the roster grid: who is on duty now and the teams they
// form, the selected cell in words, the keyboard keys, and room for panels
// built elsewhere (RosterWidget::addSidePanel).
#include "core/roster/RotationRules.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace heart::ui {

class RosterSidePanel : public QWidget
{
    Q_OBJECT

public:
    explicit RosterSidePanel(bool editable, QWidget* parent = nullptr);

    // today: day of the cycle in the program's time zone; minuteOfDay: the local time now.
    // An empty schedule (no staff) shows that nobody is on duty.
    void showOnDuty(const roster::Schedule& schedule, const roster::RotationRules& rules, int today,
                    int minuteOfDay);
    // person < 0: nothing selected.
    void showCell(const roster::Schedule& schedule, const roster::RotationRules& rules, int person, int day);
    void addPanel(QWidget* panel);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    bool m_editable;
    QVBoxLayout* m_layout;
    QLabel* m_onDuty;
    QLabel* m_cellInfo;
    QLabel* m_keys;
};

} // namespace heart::ui
