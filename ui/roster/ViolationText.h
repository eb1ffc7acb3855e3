#pragma once
// A rotation rule broken, a staffing shortage, a day's duty, in the user's words.
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
    // "early shift (09:00–21:00)", "administrative hours (4 h)", "off".
    static QString dutyText(const roster::Duty& duty, const roster::RotationRules& rules);
    static QString shiftText(const std::string& code, const roster::RotationRules& rules);
};

} // namespace heart::ui
