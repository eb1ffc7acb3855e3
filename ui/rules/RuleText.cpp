#include "rules/RuleText.h"

#include "core/routing/Router.h"
#include "shell/DomainText.h"

#include <QStringList>

namespace heart::ui {

using routing::Program;

namespace {
std::string utf8(const QString& text)
{
    return text.toStdString();
}
} // namespace

routing::DiffWords RuleText::diffWords()
{
    routing::DiffWords words;
    words.weekdays = {utf8(tr("Mon")), utf8(tr("Tue")), utf8(tr("Wed")), utf8(tr("Thu")),
                      utf8(tr("Fri")), utf8(tr("Sat")), utf8(tr("Sun"))};
    for (Program program : routing::kAllPrograms)
        words.programs[std::size_t(program)] = utf8(programName(program));
    words.daily = utf8(tr("daily"));
    words.always = utf8(tr("always"));
    words.never = utf8(tr("never"));
    words.closed = utf8(tr("closed"));
    words.open = utf8(tr("open"));
    words.beatsAdded = utf8(tr("+%1 beats"));
    words.beatsRemoved = utf8(tr("−%1 beats"));
    words.beatAdded = utf8(tr("+1 beat"));
    words.beatRemoved = utf8(tr("−1 beat"));
    words.anywhere = utf8(tr("anywhere"));
    words.onlyBeats = utf8(tr("%1 beats"));
    words.allBeatsExcept = utf8(tr("every beat but %1"));
    words.allBeats = utf8(tr("every beat"));
    words.area = utf8(tr("service area %1"));
    words.hours = utf8(tr("hours %1"));
    words.holidays = utf8(tr("holidays %1"));
    words.callTypes = utf8(tr("call types %1"));
    words.allCallTypes = utf8(tr("all"));
    words.excludes = utf8(tr("excluded when %1"));
    words.onlyWhen = utf8(tr("only when %1"));
    words.follows = utf8(tr("follows %1"));
    words.programAdded = utf8(tr("added (%1)"));
    words.programRemoved = utf8(tr("removed"));
    words.holidayDates = utf8(tr("holiday dates %1"));
    words.catalogue = utf8(tr("call type list %1"));
    words.renamed = utf8(tr("renamed %1"));
    words.effective = utf8(tr("takes effect %1"));
    words.timeZone = utf8(tr("time zone %1"));
    words.noChange = utf8(tr("no change in the rules"));
    return words;
}

QString RuleText::programName(Program program)
{
    switch (program) {
    case Program::CrisisCallDiversion:
        return tr("CCD");
    case Program::CommunityResponse:
        return tr("CRT");
    case Program::CoResponse:
        return tr("CoR");
    case Program::CareNavigation:
        return tr("CN");
    case Program::PoliceEms:
        return tr("Police/EMS");
    }
    return {};
}

QString RuleText::hours(const routing::ProgramRules& rules)
{
    return text(routing::describeHours(rules, diffWords()));
}

QString RuleText::area(const routing::ProgramRules& rules)
{
    return text(routing::describeArea(rules, diffWords()));
}

QString RuleText::holidays(const routing::ProgramRules& rules)
{
    return rules.closedOnHolidays ? tr("closed on holidays") : tr("open on holidays");
}

QString RuleText::callTypes(const routing::RuleSet& set, const routing::ProgramRules& rules)
{
    if (rules.allCallTypes)
        return tr("all");
    QStringList names;
    for (std::size_t i = 0; i < set.callTypes.size() && i < rules.eligibleCallType.size(); ++i) {
        if (rules.eligibleCallType[i])
            names << text(set.callTypes[i].name);
    }
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}

QString RuleText::conditions(const std::vector<routing::Condition>& conditions)
{
    QStringList parts;
    for (const routing::Condition& condition : conditions) {
        if (condition.isRisk) {
            parts << tr("C-SSRS risk %1 or above")
                         .arg(
                             DomainText::riskLevelName(text(std::string(routing::riskCode(condition.risk)))));
            continue;
        }
        switch (condition.flag) {
        case routing::CallFlag::Weapon:
            parts << tr("weapon");
            break;
        case routing::CallFlag::Violence:
            parts << tr("violence");
            break;
        case routing::CallFlag::Medical:
            parts << tr("medical");
            break;
        case routing::CallFlag::Intoxication:
            parts << tr("intoxication");
            break;
        case routing::CallFlag::Minors:
            parts << tr("minors present");
            break;
        }
    }
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

QString RuleText::follows(const routing::ProgramRules& rules)
{
    QStringList names;
    for (Program program : rules.follows)
        names << programName(program);
    return names.isEmpty() ? QStringLiteral("—") : names.join(QStringLiteral(", "));
}

QString RuleText::date(std::chrono::year_month_day date)
{
    return text(routing::formatDate(date));
}

} // namespace heart::ui
