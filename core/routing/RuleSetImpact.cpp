#include "core/routing/RuleSetImpact.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <cmath>

namespace heart::routing {

using namespace std::chrono;

namespace {

// A router that judges every call by `set`, whatever the call's date: the
// copy takes effect from the earliest year a router accepts.
Router routerFor(const RuleSet& set, const std::shared_ptr<const geo::BeatMap>& beats)
{
    RuleSet always = set;
    always.effectiveFrom = year{kMinYear} / January / 1;
    RuleBook book;
    book.add(std::move(always)); // one rule set: no clash possible
    return Router(std::move(book), beats);
}

int hourOfWeek(const Decision& decision)
{
    return decision.isoWeekday * 24 + decision.local.minuteOfDay / 60;
}

} // namespace

double openFraction(const ProgramRules& rules, int hourOfWeek)
{
    if (rules.alwaysOpen)
        return 1.0;
    const int day = hourOfWeek / 24;
    const int start = (hourOfWeek % 24) * 60, end = start + 60;
    int open = 0;
    for (const TimeRange& range : rules.hours[std::size_t(day)])
        open += std::max(0, std::min(end, range.end) - std::max(start, range.start));
    return std::min(60, open) / 60.0;
}

StaffingEstimate estimateStaffing(const ProgramRules* rules,
                                  const std::array<std::size_t, 168>& eligibleByHour, double weeks,
                                  const ImpactOptions& options)
{
    StaffingEstimate estimate;
    if (!rules)
        return estimate;
    estimate.operates = true;
    const double capacity = options.coverage.callsPerTeamHour > 0 ? options.coverage.callsPerTeamHour : 1.0;
    const double span = weeks > 0 ? weeks : 1.0;
    roster::RotationRules rotation = options.rotation;
    for (int day = 0; day < 7; ++day)
        rotation.programDays[std::size_t(day)] = rules->alwaysOpen || !rules->hours[std::size_t(day)].empty();
    std::array<double, 168> demand{};
    for (int h = 0; h < 168; ++h) {
        const double open = openFraction(*rules, h);
        if (open <= 0)
            continue;
        ++estimate.openHoursPerWeek;
        const double need = std::max(open, double(eligibleByHour[std::size_t(h)]) / span / capacity);
        estimate.teamsNeeded[std::size_t(h)] = need;
        estimate.teamHoursPerWeek += need;
        estimate.peakTeams = std::max(estimate.peakTeams, need);
        demand[std::size_t(h)] = need * capacity; // what analyseCoverage divides by the capacity again
    }
    static const roster::Schedule nobody{};
    estimate.rostered = options.schedule != nullptr && rules->program == options.rosterProgram;
    estimate.coverage = roster::analyseCoverage(estimate.rostered ? *options.schedule : nobody, rotation,
                                                demand, options.coverage);
    for (int h = 0; h < 168; ++h) {
        if (estimate.teamsNeeded[std::size_t(h)] <= 0)
            continue;
        const roster::HourCoverage& hour = estimate.coverage.hours[std::size_t(h)];
        estimate.rosterTeamHoursPerWeek += hour.teamsOnDuty;
        if (hour.shortfallTeams > 1e-9) {
            ++estimate.uncoveredHours;
            estimate.shortTeamHours += hour.shortfallTeams;
        }
    }
    for (const roster::CoverageGap& gap : estimate.coverage.gaps) {
        estimate.moreClinicians = std::max(estimate.moreClinicians, gap.moreClinicians);
        estimate.moreSupport = std::max(estimate.moreSupport, gap.moreSupport);
        estimate.hoursOutsideShifts += gap.hoursOutsideShifts;
    }
    return estimate;
}

ImpactReport compareRuleSets(const std::vector<CallFacts>& calls, const RuleSet& before, const RuleSet& after,
                             const ImpactOptions& options)
{
    ImpactReport report;
    report.beforeId = before.id;
    report.afterId = after.id;
    report.calls = calls.size();
    for (Program program : kAllPrograms)
        report.programs[std::size_t(program)].program = program;

    const Router oldRouter = routerFor(before, options.beats);
    const Router newRouter = routerFor(after, options.beats);
    Decision oldDecision, newDecision;
    Error error;
    std::optional<sys_days> first, last;
    for (const CallFacts& call : calls) {
        if (!oldRouter.decideInto(call, oldDecision, error, ReasonDetail::CodesOnly) ||
            !newRouter.decideInto(call, newDecision, error, ReasonDetail::CodesOnly)) {
            ++report.undecided;
            continue;
        }
        ++report.decided;
        const sys_days day{newDecision.local.date};
        first = first ? std::min(*first, day) : day;
        last = last ? std::max(*last, day) : day;
        const auto oldHour = std::size_t(hourOfWeek(oldDecision));
        const auto newHour = std::size_t(hourOfWeek(newDecision));
        for (Program program : kAllPrograms) {
            ProgramImpact& impact = report.programs[std::size_t(program)];
            const bool was = oldDecision.eligible(program), is = newDecision.eligible(program);
            if (was) {
                ++impact.eligibleBefore;
                ++impact.eligibleByHourBefore[oldHour];
            }
            if (is) {
                ++impact.eligibleAfter;
                ++impact.eligibleByHourAfter[newHour];
            }
            if (was == is)
                continue;
            if (is) {
                ++impact.becomeEligible;
                ++impact.gainedByHour[newHour];
                ++impact.byBeat[newDecision.beat].gained;
            } else {
                ++impact.becomeIneligible;
                ++impact.lostByHour[oldHour];
                ++impact.byBeat[oldDecision.beat].lost;
            }
        }
    }

    report.weeks = options.weeks;
    if (report.weeks <= 0)
        report.weeks = first ? std::ceil(double((*last - *first).count() + 1) / 7.0) : 1.0;
    for (Program program : kAllPrograms) {
        ProgramImpact& impact = report.programs[std::size_t(program)];
        impact.staffingBefore =
            estimateStaffing(before.rulesFor(program), impact.eligibleByHourBefore, report.weeks, options);
        impact.staffingAfter =
            estimateStaffing(after.rulesFor(program), impact.eligibleByHourAfter, report.weeks, options);
    }
    return report;
}

} // namespace heart::routing
