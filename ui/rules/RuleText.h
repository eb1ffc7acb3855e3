#pragma once
// Rule sets in words for the rule-set screens: programs, hours, service
// areas, conditions and the difference summary, all through tr().
#include "core/routing/RuleSetDiff.h"

#include <QCoreApplication>
#include <QString>

namespace heart::ui {

class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)

public:
    // The words core's summary and descriptions are made of, translated.
    static routing::DiffWords diffWords();
    static QString programName(routing::Program program); // "CRT"
    static QString hours(const routing::ProgramRules& rules);
    static QString area(const routing::ProgramRules& rules);
    static QString holidays(const routing::ProgramRules& rules);
    // "all" or the call types' names, comma-separated.
    static QString callTypes(const routing::RuleSet& set, const routing::ProgramRules& rules);
    // "weapon, violence, C-SSRS risk high or above"; "—" when none.
    static QString conditions(const std::vector<routing::Condition>& conditions);
    static QString follows(const routing::ProgramRules& rules);
    static QString date(std::chrono::year_month_day date);
    static QString text(const std::string& utf8) { return QString::fromStdString(utf8); }
};

} // namespace heart::ui
