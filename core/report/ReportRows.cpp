#include "core/report/ReportRows.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace heart::report {

using routing::ReasonCode;
using namespace std::chrono;

namespace {

// The instants in (from, to) where the zone's UTC offset changes (to the
// minute), and every offset in force over [from, to].
void offsetChanges(const roster::TimeZoneRule& zone, TimePoint from, TimePoint to,
                   std::vector<TimePoint>& changes, std::vector<int>& offsets)
{
    int offset = zone.offsetMinutesAt(from);
    offsets.push_back(offset);
    for (TimePoint t = floor<minutes>(from); t < to;) {
        const TimePoint next = t + hours{1};
        const int now = zone.offsetMinutesAt(next);
        if (now != offset) {
            TimePoint lo = t, hi = next; // offset(lo) == offset, offset(hi) == now
            while (hi - lo > minutes{1}) {
                const TimePoint mid = lo + floor<minutes>((hi - lo) / 2);
                if (zone.offsetMinutesAt(mid) == offset)
                    lo = mid;
                else
                    hi = mid;
            }
            if (hi > from && hi < to)
                changes.push_back(hi);
            offset = now;
            if (std::find(offsets.begin(), offsets.end(), now) == offsets.end())
                offsets.push_back(now);
        }
        t = next;
    }
}

// Router.cpp's openAt(): whether the program's hours hold the local minute.
bool openAt(const routing::ProgramRules& rules, int isoWeekday, int minute)
{
    if (rules.alwaysOpen)
        return true;
    for (const routing::TimeRange& range : rules.hours[std::size_t(isoWeekday)]) {
        if (minute >= range.start && minute < range.end)
            return true;
    }
    return false;
}

} // namespace

std::vector<TimeSlice> timeSlices(const routing::RuleBook& rules, const roster::TimeZoneRule& zone,
                                  TimePoint from, TimePoint to, TimePoint split)
{
    std::vector<TimeSlice> slices;
    if (!(from < to))
        return slices;
    std::vector<TimePoint> cuts = {from, to};
    if (split > from && split < to)
        cuts.push_back(split);
    std::vector<int> offsets;
    offsetChanges(zone, from, to, cuts, offsets);
    // Every local minute at which any program's hours open or close, and
    // midnight (the date: rule set in force, holiday, weekday), under every
    // offset in force (a wall time after the clocks fall back comes twice).
    std::vector<int> boundaries = {0};
    for (const routing::RuleSet& set : rules.ruleSets()) {
        for (const routing::ProgramRules& program : set.programs) {
            if (program.alwaysOpen)
                continue;
            for (const auto& day : program.hours) {
                for (const routing::TimeRange& range : day) {
                    boundaries.push_back(range.start);
                    boundaries.push_back(range.end);
                }
            }
        }
    }
    std::sort(boundaries.begin(), boundaries.end());
    boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());
    const int lowest = *std::min_element(offsets.begin(), offsets.end());
    const int highest = *std::max_element(offsets.begin(), offsets.end());
    const sys_days firstDay = floor<days>(from + minutes{lowest}) - days{1};
    const sys_days lastDay = floor<days>(to + minutes{highest}) + days{1};
    for (sys_days day = firstDay; day <= lastDay; day += days{1}) {
        for (int minute : boundaries) {
            for (int offset : offsets) {
                const TimePoint cut = TimePoint{day + minutes{minute} - minutes{offset}};
                if (cut > from && cut < to)
                    cuts.push_back(cut);
            }
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    // The class of each stretch, from its first instant.
    using Signature = std::tuple<int, int, bool, std::array<bool, routing::kAllPrograms.size()>>;
    std::map<Signature, int> classes;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const TimePoint start = cuts[i];
        const roster::LocalDateTime local = zone.toLocal(start);
        const sys_days day{local.date};
        const int isoWeekday = int(weekday{day}.iso_encoding()) - 1;
        const routing::RuleSet* set = rules.inForce(local.date);
        std::array<bool, routing::kAllPrograms.size()> open{};
        for (std::size_t p = 0; p < routing::kAllPrograms.size(); ++p) {
            const routing::ProgramRules* programRules =
                set ? set->rulesFor(routing::kAllPrograms[p]) : nullptr;
            open[p] = !programRules || openAt(*programRules, isoWeekday, local.minuteOfDay);
        }
        const Signature signature{start >= split ? 1 : 0, set ? int(set - rules.ruleSets().data()) : -1,
                                  set && set->isHoliday(day), open};
        const int id = classes.emplace(signature, int(classes.size())).first->second;
        if (!slices.empty() && slices.back().timeClass == id)
            slices.back().to = cuts[i + 1];
        else
            slices.push_back({start, cuts[i + 1], id});
    }
    return slices;
}

int bucketMinutes(const roster::TimeZoneRule& zone, TimePoint from, TimePoint to)
{
    std::vector<TimePoint> changes;
    std::vector<int> offsets;
    offsetChanges(zone, from, to, changes, offsets);
    const auto onTheHour = [](TimePoint t) {
        return floor<hours>(t) == t;
    };
    const bool hourly = onTheHour(from) && onTheHour(to) &&
                        std::all_of(offsets.begin(), offsets.end(), [](int o) { return o % 60 == 0; }) &&
                        std::all_of(changes.begin(), changes.end(), onTheHour);
    return hourly ? 60 : 1;
}

bool isCallNatureReason(ReasonCode code)
{
    switch (code) {
    case ReasonCode::UnknownCallType:
    case ReasonCode::CallTypeNotEligible:
    case ReasonCode::ExcludedByFlag:
    case ReasonCode::ExcludedByRisk:
    case ReasonCode::NeedsElevatedRisk:
    case ReasonCode::NoContactProgram:
        return true;
    case ReasonCode::NotInRuleSet:
    case ReasonCode::LocationUnknown:
    case ReasonCode::OutsideEveryBeat:
    case ReasonCode::OutsideServiceArea:
    case ReasonCode::OutsideHours:
    case ReasonCode::Holiday:
        return false;
    }
    return false;
}

void judgeEligibility(std::vector<CallRow>& rows, const routing::Router& router)
{
    routing::Decision decision;
    Error error;
    for (CallRow& row : rows) {
        row.judgements = {};
        row.judged = true;
        routing::CallFacts facts;
        facts.callType = row.callType;
        facts.flags = row.flags;
        facts.beat = row.beat;
        facts.position = row.position;
        facts.received = row.received;
        facts.risk = row.risk;
        if (!router.decideInto(facts, decision, error, routing::ReasonDetail::CodesOnly))
            continue; // before the first rule set: no program operated
        for (std::size_t i = 0; i < routing::kAllPrograms.size(); ++i) {
            const routing::ProgramVerdict& verdict = decision.verdicts[i];
            ProgramJudgement& judgement = row.judgements[i];
            for (const routing::Reason& reason : verdict.reasons)
                judgement.reasons.push_back(reason.code);
            if (verdict.eligible) {
                judgement.eligibility = Eligibility::Eligible;
            } else if (std::find(judgement.reasons.begin(), judgement.reasons.end(),
                                 ReasonCode::NotInRuleSet) != judgement.reasons.end()) {
                judgement.eligibility = Eligibility::NotOperating;
            } else if (std::any_of(judgement.reasons.begin(), judgement.reasons.end(), isCallNatureReason)) {
                judgement.eligibility = Eligibility::NotEligible;
            } else {
                judgement.eligibility = Eligibility::Eligible; // only where or when stood in the way
            }
        }
    }
}

} // namespace heart::report
