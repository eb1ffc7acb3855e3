#include "intake/RoutingContext.h"

#include "usecases/CallUseCases.h"

namespace heart::ui {

const routing::RuleSet* RoutingContext::ruleSetOn(std::chrono::year_month_day localDate) const
{
    const routing::RuleSet* set = router->rules().inForce(localDate);
    if (!set && !router->rules().empty())
        set = &router->rules().ruleSets().back();
    return set;
}

std::shared_ptr<const RoutingContext> RoutingContext::load(const Services& services, QString* error)
{
    auto data = usecases::CallUseCases(services).routing();
    if (!data.ok()) {
        if (error)
            *error = data.error().detail;
        return nullptr;
    }
    auto context = std::make_shared<RoutingContext>();
    context->beats = data.value().beats;
    context->router = std::make_unique<routing::Router>(std::move(data.value().rules), context->beats);
    return context;
}

} // namespace heart::ui
