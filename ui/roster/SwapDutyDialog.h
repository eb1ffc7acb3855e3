#pragma once
// Picks the person to trade one day's duty with: everyone whose duty that
// day differs, people of the same role first, each with what the rule check
// would find after the swap, so a supervisor sees the cost before choosing.
#include "core/roster/RotationRules.h"

#include <QDialog>

class QTreeWidget;

namespace heart::ui {

class SwapDutyDialog : public QDialog
{
    Q_OBJECT

public:
    SwapDutyDialog(const roster::Schedule& schedule, const roster::RotationRules& rules, int person, int day,
                   QWidget* parent = nullptr);
    // The other person (a row of the schedule), or -1 when nobody was chosen.
    int chosenPerson() const;
    int candidateCount() const;

private:
    QTreeWidget* m_candidates;
};

} // namespace heart::ui
