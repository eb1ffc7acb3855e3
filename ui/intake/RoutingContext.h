#pragma once
// What the intake needs to decide: the rule book (from the database, or the
// shipped Durham rules) and the beat map, loaded once per signed-in session.
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "home/Services.h"

#include <QString>
#include <memory>

namespace heart::ui {

struct RoutingContext
{
    std::shared_ptr<const geo::BeatMap> beats;
    std::unique_ptr<routing::Router> router;

    // The rule set in force on a local date (for the call type list), or the newest.
    const routing::RuleSet* ruleSetOn(std::chrono::year_month_day localDate) const;
    const roster::TimeZoneRule& zone() const { return router->rules().zone(); }

    // nullptr and `error` set (technical English, for the log) when the rules or beats cannot be read.
    static std::shared_ptr<const RoutingContext> load(const Services& services, QString* error);
};

} // namespace heart::ui
