#include "report/ReportText.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"

#include <QDate>
#include <QLocale>

namespace heart::ui {
namespace {

QDate toQDate(std::chrono::year_month_day day)
{
    return QDate(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
}

bool isProgramCode(const QString& key)
{
    static const QStringList codes = {QStringLiteral("ccd"),        QStringLiteral("crt"),
                                      QStringLiteral("cor"),        QStringLiteral("cn"),
                                      QStringLiteral("police_ems"), QStringLiteral("police-ems")};
    return codes.contains(key);
}

} // namespace

QString ReportText::tableName(const QString& id)
{
    if (id == QLatin1String("calls_by_program"))
        return tr("Calls by program");
    if (id == QLatin1String("calls_by_call_type"))
        return tr("Calls by call type");
    if (id == QLatin1String("calls_by_beat"))
        return tr("Calls by beat");
    if (id == QLatin1String("calls_by_hour_of_week"))
        return tr("Calls by hour of the week");
    if (id == QLatin1String("calls_by_month"))
        return tr("Calls by month");
    if (id == QLatin1String("eligibility"))
        return tr("Eligible calls answered and missed");
    if (id == QLatin1String("missed_by_reason"))
        return tr("Missed eligible calls by reason");
    if (id == QLatin1String("missed_by_beat"))
        return tr("Missed eligible calls by beat");
    if (id == QLatin1String("ccd_diversions"))
        return tr("Crisis call diversions");
    if (id == QLatin1String("response_times"))
        return tr("Timed responses (sample sizes)");
    if (id == QLatin1String("felt_safe"))
        return tr("Felt safe on scene");
    if (id == QLatin1String("dispositions"))
        return tr("Call dispositions");
    if (id == QLatin1String("encounter_dispositions"))
        return tr("What happened on scene");
    if (id == QLatin1String("referrals_by_kind"))
        return tr("Referrals by kind");
    if (id == QLatin1String("follow_ups"))
        return tr("Follow-ups");
    if (id == QLatin1String("follow_up_outcomes"))
        return tr("Follow-up outcomes");
    if (id == QLatin1String("repeat_people"))
        return tr("People seen often");
    return id;
}

QString ReportText::keyName(const QString& tableId, const QString& key)
{
    if (key.isEmpty())
        return tr("Unknown");
    if (isProgramCode(key)) // the engine writes "police-ems", the calls "police_ems"
        return DomainText::programName(QString(key).replace(QLatin1Char('-'), QLatin1Char('_')));
    if (tableId == QLatin1String("calls_by_program") && key == QLatin1String("none"))
        return DomainText::programName(QString()); // "Awaiting a decision"
    if (tableId == QLatin1String("calls_by_call_type"))
        return DomainText::callTypeName(key);
    if (tableId == QLatin1String("dispositions"))
        return key == QLatin1String("none") ? tr("No disposition yet") : DomainText::dispositionName(key);
    if (tableId == QLatin1String("calls_by_hour_of_week")) {
        static const QStringList days = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                         QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                         QStringLiteral("sun")};
        const auto day = days.indexOf(key);
        if (day >= 0)
            return QLocale().standaloneDayName(int(day) + 1, QLocale::ShortFormat);
        return key + QStringLiteral(":00");
    }
    if (tableId == QLatin1String("calls_by_month")) {
        const QDate month = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
        if (month.isValid())
            return QLocale().standaloneMonthName(month.month(), QLocale::ShortFormat) + QLatin1Char(' ') +
                   QString::number(month.year());
    }
    struct Word
    {
        const char* key;
        QString text;
    };
    const Word words[] = {
        {"calls", tr("Calls")},
        {"answered", tr("Answered")},
        {"missed", tr("Missed")},
        {"no_unit_available", tr("No team available")},
        {"outside_hours", tr("Outside hours")},
        {"outside_service_area", tr("Outside the service area")},
        {"location_unknown", tr("Location unknown")},
        {"police_ems_took", tr("Police or EMS took it")},
        {"declined", tr("Declined")},
        {"other_program", tr("Another program answered")},
        {"not_decided", tr("Not decided yet")},
        {"diverted", tr("Diverted")},
        {"transferred_988", tr("Transferred to 988")},
        {"dispatch_to_arrival", tr("Dispatch to arrival")},
        {"on_scene", tr("On scene")},
        {"yes", tr("Yes")},
        {"no", tr("No")},
        {"not_recorded", tr("Not recorded")},
        {"referrals", tr("Referrals")},
        {"unlisted", tr("Not in the directory")},
        {"follow_up", tr("Follow-up")},
        {"check_in", tr("Check-in")},
        {"within_48h", tr("Within 48 h")},
        {"after_48h", tr("After 48 h")},
        {"not_reached", tr("Not reached")},
        {"open", tr("Open")},
        {"people", tr("People")},
        {"seen_5_plus", tr("Seen 5 times or more")},
        {"police_requested", tr("Police requested")},
        {"ems_requested", tr("EMS requested")},
    };
    for (const Word& word : words)
        if (key == QLatin1String(word.key))
            return word.text;
    QString text = key;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString ReportText::periodName(const report::Period& period)
{
    const QDate first = toQDate(period.first);
    const QLocale locale;
    switch (period.kind) {
    case report::PeriodKind::Month:
        return locale.standaloneMonthName(first.month()) + QLatin1Char(' ') + QString::number(first.year());
    case report::PeriodKind::Quarter:
        return tr("Q%1 %2").arg((first.month() - 1) / 3 + 1).arg(first.year());
    case report::PeriodKind::Year:
        return QString::number(first.year());
    case report::PeriodKind::Custom:
        break;
    }
    return tr("%1 – %2").arg(ProgramTime::dateText(first), ProgramTime::dateText(toQDate(period.last)));
}

QString ReportText::kindName(report::PeriodKind kind)
{
    switch (kind) {
    case report::PeriodKind::Month:
        return tr("Month");
    case report::PeriodKind::Quarter:
        return tr("Quarter");
    case report::PeriodKind::Year:
        return tr("Year");
    case report::PeriodKind::Custom:
        break;
    }
    return tr("Custom dates");
}

} // namespace heart::ui
