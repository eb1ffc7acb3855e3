#include "shell/ProgramTime.h"

#include "shell/UiLog.h"
#include "store/StoreTime.h"
#include "usecases/SettingsUseCases.h"

#include <QLocale>
#include <QStringList>

namespace heart::ui {
namespace {

roster::TimeZoneRule& programZone()
{
    static roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    return zone;
}

// The program's wall time at an instant.
roster::LocalDateTime wall(const QDateTime& instant)
{
    return programZone().toLocal(store::toTimePoint(instant.toUTC()));
}

QDate toQDate(std::chrono::year_month_day date)
{
    return {int(date.year()), int(unsigned(date.month())), int(unsigned(date.day()))};
}

bool spanish()
{
    return QLocale().language() == QLocale::Spanish;
}

// The names in a POSIX TZ rule: "EST5EDT,M3.2.0,M11.1.0" -> {"EST", "EDT"};
// a quoted name ("<-03>3") without its brackets.
QStringList zoneNames(const QString& rule)
{
    QStringList names;
    int i = 0;
    const auto readName = [&] {
        QString name;
        if (i < rule.size() && rule.at(i) == u'<') {
            const int end = rule.indexOf(u'>', i);
            if (end < 0)
                return name;
            name = rule.mid(i + 1, end - i - 1);
            i = end + 1;
        } else {
            while (i < rule.size() && rule.at(i).isLetter())
                name += rule.at(i++);
        }
        return name;
    };
    names << readName();
    while (i < rule.size() &&
           (rule.at(i).isDigit() || rule.at(i) == u'+' || rule.at(i) == u'-' || rule.at(i) == u':'))
        ++i;
    if (i < rule.size() && rule.at(i) != u',') {
        const QString daylight = readName();
        if (!daylight.isEmpty())
            names << daylight;
    }
    return names;
}

} // namespace

void ProgramTime::setZone(const roster::TimeZoneRule& zone)
{
    programZone() = zone;
}

const roster::TimeZoneRule& ProgramTime::zone()
{
    return programZone();
}

bool ProgramTime::loadZone(store::Database& db)
{
    auto book = usecases::SettingsQueries(db, SystemClock::instance()).ruleBook();
    if (!book.ok()) {
        qCWarning(lcUi) << "program time zone: the rule book cannot be read, keeping"
                        << zone().text().c_str();
        return false;
    }
    setZone(book.value().zone());
    return true;
}

QDate ProgramTime::localDate(const QDateTime& utc)
{
    return utc.isValid() ? toQDate(wall(utc).date) : QDate();
}

QString ProgramTime::timeText(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    const int minuteOfDay = wall(utc).minuteOfDay;
    const int hour = minuteOfDay / 60, minute = minuteOfDay % 60;
    const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
    // The locale's own AM/PM words as they are: "AM", "a. m." (Qt's "AP"
    // format would shout "A. M." in Spanish).
    const QLocale locale;
    return QStringLiteral("%1:%2 %3")
        .arg(hour12)
        .arg(minute, 2, 10, QLatin1Char('0'))
        .arg(hour < 12 ? locale.amText() : locale.pmText());
}

QString ProgramTime::dateText(const QDate& date)
{
    if (!date.isValid())
        return {};
    // The month's short name without an abbreviation point ("dic", not "dic.").
    QString month = QLocale().monthName(date.month(), QLocale::ShortFormat);
    if (month.endsWith(u'.'))
        month.chop(1);
    if (spanish())
        return QStringLiteral("%1 %2 %3").arg(date.day()).arg(month).arg(date.year());
    return QStringLiteral("%1 %2, %3").arg(month).arg(date.day()).arg(date.year());
}

QString ProgramTime::dateText(const QDateTime& utc)
{
    return dateText(localDate(utc));
}

QString ProgramTime::dateTimeText(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    return QStringLiteral("%1, %2").arg(dateText(utc), timeText(utc));
}

QString ProgramTime::dateTimeZoneText(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    return QStringLiteral("%1 %2").arg(dateTimeText(utc), zoneAbbreviation(utc));
}

QString ProgramTime::zoneAbbreviation(const QDateTime& utc)
{
    const QStringList names = zoneNames(QString::fromStdString(zone().text()));
    const bool daylight = utc.isValid() && names.size() > 1 && zone().isDst(store::toTimePoint(utc.toUTC()));
    return names.value(daylight ? 1 : 0);
}

QString ProgramTime::zoneLabel()
{
    // "EST"/"EDT" -> "ET", "AKST"/"AKDT" -> "AKT"; a zone without daylight
    // time, or with names of another shape, keeps its standard name.
    const QStringList names = zoneNames(QString::fromStdString(zone().text()));
    const QString standard = names.value(0);
    if (names.size() > 1) {
        const QString& daylight = names.at(1);
        if (standard.endsWith(QLatin1String("ST")) && daylight.endsWith(QLatin1String("DT")) &&
            standard.chopped(2) == daylight.chopped(2))
            return standard.chopped(2) + u'T';
    }
    return standard;
}

QString ProgramTime::sentence(const QString& text)
{
    if (text.endsWith(QLatin1String("..")) && !text.endsWith(QLatin1String("...")))
        return text.chopped(1);
    return text;
}

} // namespace heart::ui
