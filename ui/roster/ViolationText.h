#pragma once
// A rotation rule broken, or a staffing shortage, in the user's words.
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationRules.h"

#include <QCoreApplication>
#include <QString>

namespace heart::ui {

class ViolationText
{
    Q_DECLARE_TR_FUNCTIONS(ViolationText)

public:
    static QString describe(const roster::Violation& violation, const roster::Schedule& schedule);
    static QString describe(const roster::StaffShortage& shortage);
    static QString weekdayName(int weekday);
    static QString dayText(const roster::Schedule& schedule, int day);
};

} // namespace heart::ui
