#pragma once
// Every time on screen in the program's time zone — the POSIX TZ rule of its
// rule book, the zone routing judges hours in — whatever the workstation's
// clock is set to, in one format that reads the same way in both languages:
// "Dec 3, 2026, 9:30 AM" and "3 dic 2026, 9:30 a. m.", never a numeric date
// that is day-first in one language and month-first in the other.
#include "core/roster/TimeZoneRule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace heart::store {
class Database;
}

namespace heart::ui {

class ProgramTime
{
    Q_DECLARE_TR_FUNCTIONS(ProgramTime)

public:
    // The program's zone: New York until a session reads its rule book.
    static void setZone(const roster::TimeZoneRule& zone);
    static const roster::TimeZoneRule& zone();
    // The newest rule set's zone (stored or shipped rules); keeps the current
    // zone and returns false when the rule book cannot be read.
    static bool loadZone(store::Database& db);

    // The program's calendar date at an instant.
    static QDate localDate(const QDateTime& utc);

    // An instant (any time spec) in the program's zone; empty when invalid.
    static QString timeText(const QDateTime& utc);     // "9:30 AM" / "9:30 a. m."
    static QString dateText(const QDateTime& utc);     // "Dec 3, 2026" / "3 dic 2026"
    static QString dateTimeText(const QDateTime& utc); // "Dec 3, 2026, 9:30 AM" / "3 dic 2026, 9:30 a. m."
    // With the zone's abbreviation at that instant: "Dec 3, 2026, 9:30 AM EST" (tooltips).
    static QString dateTimeZoneText(const QDateTime& utc);
    // A calendar date as it is (a roster day, a date of birth).
    static QString dateText(const QDate& date);

    // "EST" or "EDT": the zone's name at an instant.
    static QString zoneAbbreviation(const QDateTime& utc);
    // "ET": the zone without its season, for column headers.
    static QString zoneLabel();

    // A sentence whose placeholder ended in a time ("Saved %1." with
    // "9:30 a. m.") keeps one final period, not "a. m..".
    static QString sentence(const QString& text);
};

} // namespace heart::ui
