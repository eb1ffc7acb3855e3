#include "intake/RoutingContext.h"

#include "store/RoutingData.h"
#include "store/RuleSetStore.h"

namespace heart::ui {

const routing::RuleSet* RoutingContext::ruleSetOn(std::chrono::year_month_day localDate) const
{
    const routing::RuleSet* set = router->rules().inForce(localDate);
    if (!set && !router->rules().empty())
        set = &router->rules().ruleSets().back();
    return set;
}

std::shared_ptr<const RoutingContext> RoutingContext::load(store::Database& db, QString* error)
{
    store::RuleSetStore rules(db, SystemClock::instance());
    auto book = rules.ruleBook();
    if (!book.ok()) {
        if (error)
            *error = book.error().detail;
        return nullptr;
    }
    auto beats = store::builtInBeatMap();
    if (!beats) {
        if (error)
            *error = QString::fromStdString(beats.error().toString());
        return nullptr;
    }
    auto context = std::make_shared<RoutingContext>();
    context->beats = beats.value();
    context->router = std::make_unique<routing::Router>(std::move(book).value(), context->beats);
    return context;
}

} // namespace heart::ui
