#include "roster/ViolationText.h"

#include "shell/DomainText.h"

#include <QDate>
#include <QLocale>

namespace heart::ui {

QString ViolationText::weekdayName(int weekday)
{
    // Monday = 0; QLocale counts Monday = 1.
    return QLocale().dayName(weekday + 1);
}

QString ViolationText::dayText(const roster::Schedule& schedule, int day)
{
    const QDate start(int(schedule.start.year()), int(unsigned(schedule.start.month())),
                      int(unsigned(schedule.start.day())));
    return QLocale().toString(start.addDays(day), QStringLiteral("dddd d MMM"));
}

QString ViolationText::shiftText(const std::string& code, const roster::RotationRules& rules)
{
    const roster::ShiftTemplate* shift = rules.shift(code);
    if (!shift)
        return tr("%1 shift").arg(DomainText::shiftName(code));
    const auto clock = [](int minute) {
        return QStringLiteral("%1:%2")
            .arg(minute / 60 % 24, 2, 10, QLatin1Char('0'))
            .arg(minute % 60, 2, 10, QLatin1Char('0'));
    };
    const int end = shift->startMinute + shift->lengthMinutes;
    // A shift that ends at midnight reads 24:00, as the program's schedule says it.
    const QString endText = end == 1440 ? QStringLiteral("24:00") : clock(end);
    return tr("%1 shift (%2–%3)").arg(DomainText::shiftName(code), clock(shift->startMinute), endText);
}

QString ViolationText::dutyText(const roster::Duty& duty, const roster::RotationRules& rules)
{
    switch (duty.kind) {
    case roster::DutyKind::Off:
        return tr("off");
    case roster::DutyKind::Shift:
        return shiftText(duty.shiftCode, rules);
    case roster::DutyKind::Admin:
        return tr("administrative hours (%1 h)").arg(duty.adminMinutes / 60.0);
    }
    return {};
}

QString ViolationText::describe(const roster::Violation& v, const roster::Schedule& schedule)
{
    using Code = roster::Violation::Code;
    const QString who = v.person >= 0 && static_cast<std::size_t>(v.person) < schedule.staff.size()
                            ? QString::fromStdString(schedule.staff[static_cast<std::size_t>(v.person)].name)
                            : QString();
    const QString shift = DomainText::shiftName(v.shiftCode);
    switch (v.code) {
    case Code::ShiftsPerWeek:
        return tr("%1 works %2 shifts in week %3; the rotation has %4.")
            .arg(who)
            .arg(v.param("count"))
            .arg(v.week + 1)
            .arg(v.param("expected"));
    case Code::AdminHours:
        return tr("%1 has %2 administrative hours in week %3 instead of %4 on one free day.")
            .arg(who)
            .arg(v.param("minutes") / 60.0)
            .arg(v.week + 1)
            .arg(v.param("expected") / 60.0);
    case Code::WeekendFrequency:
        return tr("%1 works %2 weekends in the cycle or two too close together; one in three is the rule.")
            .arg(who)
            .arg(v.param("weekendsWorked"));
    case Code::NoBreak:
        return tr("%1 has no break of %2 days in a row (longest: %3).")
            .arg(who)
            .arg(v.param("required"))
            .arg(v.param("longestBreakDays"));
    case Code::ShiftStartChanged:
        return tr("%1 works the %2 shift on %3, but their fixed shift is %4.")
            .arg(who, shift, dayText(schedule, v.day),
                 DomainText::shiftName(schedule.staff[static_cast<std::size_t>(v.person)].shiftCode));
    case Code::UnknownShift:
        return tr("%1 has an unknown shift \"%2\" on %3.").arg(who, shift, dayText(schedule, v.day));
    case Code::TeamShortfall:
        return tr("%1, %2 shift: %3 complete team(s), %4 needed (%5 clinician(s), %6 peer support/EMT).")
            .arg(dayText(schedule, v.day), shift)
            .arg(v.param("teams"))
            .arg(v.param("required"))
            .arg(v.param("clinicians"))
            .arg(v.param("support"));
    }
    return {};
}

QString ViolationText::describe(const roster::StaffShortage& s)
{
    const QString shift = DomainText::shiftName(s.shiftCode);
    if (s.more == 0)
        return tr("No staff member may work the unknown shift \"%1\".").arg(shift);
    if (s.support)
        return tr("Needs %n more peer support specialist(s) or EMT(s) for %1 %2 shifts.", nullptr, s.more)
            .arg(weekdayName(s.weekday), shift);
    return tr("Needs %n more clinician(s) for %1 %2 shifts.", nullptr, s.more)
        .arg(weekdayName(s.weekday), shift);
}

} // namespace heart::ui
