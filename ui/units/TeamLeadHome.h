#pragma once
// The CRT lead's laptop (and the peer's and EMT's): my unit, the call it is
// on with the intake details and triage, keys to move the unit's status
// (Ctrl+1 available … Ctrl+7 out of service), the times a program reports,
// and the team board.
#include "home/Services.h"
#include "store/UnitStore.h"

#include <QWidget>

#include <array>

class QLabel;
class QPushButton;

namespace heart::ui {

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();

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
};

} // namespace heart::ui
