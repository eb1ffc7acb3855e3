#include "core/routing/Router.h"

#include "core/JsonLimits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace heart::routing {

using namespace std::chrono;

// ---- RuleBook --------------------------------------------------------------

Result<bool> RuleBook::add(RuleSet set)
{
    for (const RuleSet& existing : m_sets) {
        if (existing.effectiveFrom == set.effectiveFrom)
            return Error{"duplicate-effective-date", set.id,
                         "takes effect on the same day as " + existing.id};
        if (existing.id == set.id)
            return Error{"duplicate-rule-set", set.id, "a rule set with this id is loaded already"};
    }
    m_sets.push_back(std::move(set));
    std::sort(m_sets.begin(), m_sets.end(), [](const RuleSet& a, const RuleSet& b) {
        return sys_days{a.effectiveFrom} < sys_days{b.effectiveFrom};
    });
    return true;
}

const RuleSet* RuleBook::inForce(year_month_day localDate) const
{
    const RuleSet* found = nullptr;
    for (const RuleSet& set : m_sets) {
        if (sys_days{set.effectiveFrom} <= sys_days{localDate})
            found = &set;
    }
    return found;
}

const roster::TimeZoneRule& RuleBook::zone() const
{
    static const roster::TimeZoneRule newYork = roster::TimeZoneRule::newYork();
    return m_sets.empty() ? newYork : m_sets.back().zone;
}

// ---- helpers ----------------------------------------------------------------

std::string formatMinuteOfDay(int minuteOfDay)
{
    const int h = (minuteOfDay / 60) % 100, m = minuteOfDay % 60;
    return {char('0' + h / 10), char('0' + h % 10), ':', char('0' + m / 10), char('0' + m % 10)};
}

std::string formatDate(year_month_day date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()));
    return text;
}

namespace {

bool holds(const Condition& condition, const CallFacts& call)
{
    if (!condition.isRisk)
        return call.flags.has(condition.flag);
    return call.risk != RiskLevel::NotAssessed && call.risk >= condition.risk;
}

bool openAt(const ProgramRules& rules, int isoWeekday, int minute)
{
    if (rules.alwaysOpen)
        return true;
    for (const TimeRange& range : rules.hours[std::size_t(isoWeekday)]) {
        if (minute >= range.start && minute < range.end)
            return true;
    }
    return false;
}

// Six decimals (about 10 cm), without printf: replay formats one per call
// located outside every beat.
std::string formatCoordinate(double value)
{
    const long long micro = std::llround(value * 1e6);
    const unsigned long long magnitude =
        micro < 0 ? 0ULL - static_cast<unsigned long long>(micro) : static_cast<unsigned long long>(micro);
    char text[32];
    auto result = std::to_chars(text, text + 24, magnitude / 1000000);
    *result.ptr++ = '.';
    const unsigned long long fraction = magnitude % 1000000;
    for (unsigned long long scale = 100000; scale > 0; scale /= 10)
        *result.ptr++ = char('0' + fraction / scale % 10);
    return (micro < 0 ? "-" : "") + std::string(text, result.ptr);
}

// The reasons of one verdict, written over the previous decision's: their
// strings keep their buffers, so deciding a million calls into one Decision
// (replay) does not allocate a string per reason.
class ReasonList
{
public:
    ReasonList(std::vector<Reason>& reasons, bool details) : m_reasons(reasons), m_details(details) {}
    ~ReasonList() { m_reasons.resize(m_used); }
    ReasonList(const ReasonList&) = delete;
    ReasonList& operator=(const ReasonList&) = delete;

    void add(ReasonCode code, std::string_view first = {}, std::string_view second = {})
    {
        if (!m_details)
            first = second = {};
        if (m_used < m_reasons.size()) {
            Reason& reason = m_reasons[m_used];
            reason.code = code;
            reason.first.assign(first);
            reason.second.assign(second);
        } else {
            m_reasons.push_back(Reason{code, std::string(first), std::string(second)});
        }
        ++m_used;
    }
    bool empty() const { return m_used == 0; }

private:
    std::vector<Reason>& m_reasons;
    const bool m_details;
    std::size_t m_used = 0;
};

// "02:10" into `text`, without allocating.
std::string_view minuteOfDayText(int minuteOfDay, char (&text)[5])
{
    const int h = (minuteOfDay / 60) % 100, m = minuteOfDay % 60;
    text[0] = char('0' + h / 10);
    text[1] = char('0' + h % 10);
    text[2] = ':';
    text[3] = char('0' + m / 10);
    text[4] = char('0' + m % 10);
    return {text, 5};
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

// ---- Router -------------------------------------------------------------------

Router::Router(RuleBook rules, std::shared_ptr<const geo::BeatMap> beats)
    : m_rules(std::move(rules)), m_beats(std::move(beats))
{
    findTransitionDates();
    if (!m_beats)
        return;
    const auto& ids = m_beats->beatIds();
    for (const RuleSet& set : m_rules.ruleSets()) {
        for (Program program : kAllPrograms) {
            std::vector<std::uint8_t> inArea(ids.size(), 0);
            if (const ProgramRules* programRules = set.rulesFor(program)) {
                for (std::size_t i = 0; i < ids.size(); ++i)
                    inArea[i] = programRules->inArea(ids[i]) ? 1 : 0;
            }
            m_inArea.push_back(std::move(inArea));
        }
    }
}

void Router::findTransitionDates()
{
    const roster::TimeZoneRule& zone = m_rules.zone();
    const int firstYear = m_rules.empty() ? 2000 : int(m_rules.ruleSets().front().effectiveFrom.year()) - 1;
    m_scannedFrom = sys_days{year{firstYear} / 1 / 1};
    m_scannedTo = sys_days{year{firstYear + 150} / 1 / 1};
    const auto offsetAtNoon = [&](sys_days day) {
        return zone.offsetMinutesAt(TimePoint{day + hours{12}});
    };
    // Sample the 1st of every month; bisect each month whose offset changes.
    sys_days previous = m_scannedFrom;
    int previousOffset = offsetAtNoon(previous);
    for (int y = firstYear; y < firstYear + 150; ++y) {
        for (unsigned m = 1; m <= 12; ++m) {
            const sys_days monthEnd = sys_days{year_month_day{year{y} / month{m} / 1} + months{1}};
            const int endOffset = offsetAtNoon(monthEnd);
            sys_days lo = previous, hi = monthEnd; // offset(lo) == previousOffset, offset(hi) == endOffset
            if (endOffset != previousOffset) {
                while (hi - lo > days{1}) {
                    const sys_days mid = lo + (hi - lo) / 2;
                    if (offsetAtNoon(mid) == previousOffset)
                        lo = mid;
                    else
                        hi = mid;
                }
                // The change lies between noon UTC of lo and of hi: in local
                // dates, within two days either side.
                for (sys_days d = lo - days{1}; d <= hi + days{1}; d += days{1})
                    m_transitionDates.push_back(d);
            }
            previous = monthEnd;
            previousOffset = endOffset;
        }
    }
    std::sort(m_transitionDates.begin(), m_transitionDates.end());
    m_transitionDates.erase(std::unique(m_transitionDates.begin(), m_transitionDates.end()),
                            m_transitionDates.end());
}

bool Router::nearTransition(sys_days localDate) const
{
    if (localDate < m_scannedFrom || localDate >= m_scannedTo)
        return true; // not scanned: take the slow, always right way
    return std::binary_search(m_transitionDates.begin(), m_transitionDates.end(), localDate);
}

Result<Decision> Router::decide(const CallFacts& call) const
{
    Decision decision;
    Error error;
    if (!decideInto(call, decision, error))
        return error;
    return decision;
}

bool Router::decideInto(const CallFacts& call, Decision& out, Error& error, ReasonDetail detail) const
{
    const bool details = detail == ReasonDetail::Full;
    const roster::TimeZoneRule& zone = m_rules.zone();

    // 1. The local wall time the hours of operation are judged at.
    out.timeNote = LocalTimeNote::Exact;
    if (const auto* instant = std::get_if<TimePoint>(&call.received)) {
        out.local = zone.toLocal(*instant);
    } else {
        const roster::LocalDateTime& given = std::get<roster::LocalDateTime>(call.received);
        if (!given.date.ok() || given.minuteOfDay < 0 || given.minuteOfDay >= 1440) {
            error = Error{"invalid-local-time", "received", "not a calendar date and time of day"};
            return false;
        }
        // Checked before converting: toUtc() of a year past 2262 wraps the clock.
        if (!yearInRange(int(given.date.year()))) {
            error =
                Error{"time-out-of-range", "received",
                      "outside the years " + std::to_string(kMinYear) + " to " + std::to_string(kMaxYear)};
            return false;
        }
        out.local = given;
        if (nearTransition(sys_days{given.date})) {
            const TimePoint utc = zone.toUtc(given);
            const roster::LocalDateTime back = zone.toLocal(utc);
            if (back.date != given.date || back.minuteOfDay != given.minuteOfDay) {
                out.timeNote = LocalTimeNote::InSpringForwardGap;
                out.local = back;
            } else {
                // The same wall time again after the clocks fall back?
                const int laterShift = zone.offsetMinutesAt(utc) - zone.offsetMinutesAt(utc + hours{3});
                if (laterShift > 0) {
                    const roster::LocalDateTime again = zone.toLocal(utc + minutes{laterShift});
                    if (again.date == given.date && again.minuteOfDay == given.minuteOfDay)
                        out.timeNote = LocalTimeNote::Ambiguous;
                }
            }
        }
    }
    // Years the clock holds without wrapping and rules can mean (core/JsonLimits.h):
    // 2608 is not decided under the 2023 rules, 9999 does not come out as 1816.
    if (!yearInRange(int(out.local.date.year()))) {
        error = Error{"time-out-of-range", "received",
                      "outside the years " + std::to_string(kMinYear) + " to " + std::to_string(kMaxYear)};
        return false;
    }
    const sys_days day{out.local.date};
    out.isoWeekday = int(weekday{day}.iso_encoding()) - 1;

    // 2. The rule set in force that day.
    const RuleSet* set = m_rules.inForce(out.local.date);
    if (!set) {
        error = Error{"no-rule-set", formatDate(out.local.date), "no rule set is in force on this date"};
        return false;
    }
    const int setIndex = int(set - m_rules.ruleSets().data());
    if (setIndex != out.ruleSetIndex || out.ruleSetId != set->id) {
        out.ruleSetId.assign(set->id);
        out.ruleSetIndex = setIndex;
    }
    const bool holiday = set->isHoliday(day);

    // 3. Where: a given beat wins over coordinates.
    // The beat's index on the map, -1 when it is not on it (or there is no map).
    int beatIndex = -1;
    const std::string_view givenBeat = trimmed(call.beat);
    if (!givenBeat.empty()) {
        out.beat.assign(givenBeat);
        out.beatSource = BeatSource::Given;
        if (m_beats)
            beatIndex = m_beats->indexOf(givenBeat);
    } else if (call.position && m_beats) {
        const int index = m_beats->locateIndex(*call.position);
        beatIndex = index;
        if (index >= 0) {
            out.beat.assign(m_beats->beatIds()[std::size_t(index)]);
            out.beatSource = BeatSource::FromPosition;
        } else {
            out.beat.clear();
            out.beatSource = BeatSource::OutsideEveryBeat;
        }
    } else {
        out.beat.clear();
        out.beatSource = BeatSource::Unknown;
    }

    out.callTypeIndex = set->callTypeIndex(call.callType);
    std::string lonText, latText; // for "outside every beat", formatted once
    char minuteText[5];           // for "outside hours"
    if (details && out.beatSource == BeatSource::OutsideEveryBeat) {
        lonText = formatCoordinate(call.position->lon);
        latText = formatCoordinate(call.position->lat);
    }

    // 4. Every program, every reason.
    for (Program program : kAllPrograms) {
        ProgramVerdict& verdict = out.verdicts[std::size_t(program)];
        verdict.program = program;
        if (program == Program::PoliceEms) {
            verdict.reasons.clear();
            verdict.eligible = true; // the response that is always there
            continue;
        }
        ReasonList reasons(verdict.reasons, details);
        const ProgramRules* rules = set->rulesFor(program);
        if (!rules) {
            reasons.add(ReasonCode::NotInRuleSet, set->id);
            verdict.eligible = false;
            continue;
        }
        if (out.callTypeIndex < 0)
            reasons.add(ReasonCode::UnknownCallType, call.callType);
        else if (!rules->eligibleCallType[std::size_t(out.callTypeIndex)])
            reasons.add(ReasonCode::CallTypeNotEligible, set->callTypes[std::size_t(out.callTypeIndex)].code);

        for (const Condition& condition : rules->excludeWhen) {
            if (!holds(condition, call))
                continue;
            if (condition.isRisk)
                reasons.add(ReasonCode::ExcludedByRisk, riskCode(call.risk));
            else
                reasons.add(ReasonCode::ExcludedByFlag, flagCode(condition.flag));
        }
        if (!rules->onlyWhen.empty() &&
            std::none_of(rules->onlyWhen.begin(), rules->onlyWhen.end(),
                         [&](const Condition& condition) { return holds(condition, call); })) {
            reasons.add(ReasonCode::NeedsElevatedRisk, rules->onlyWhenCodes);
        }

        if (rules->area != AreaKind::Anywhere) {
            switch (out.beatSource) {
            case BeatSource::Unknown:
                reasons.add(ReasonCode::LocationUnknown);
                break;
            case BeatSource::OutsideEveryBeat:
                reasons.add(ReasonCode::OutsideEveryBeat, lonText, latText);
                break;
            case BeatSource::Given:
            case BeatSource::FromPosition:
                // Without a map any beat name is taken as given; with one it must be on it.
                if (m_beats ? beatIndex < 0 || !m_inArea[std::size_t(setIndex) * kAllPrograms.size() +
                                                         std::size_t(program)][std::size_t(beatIndex)]
                            : !rules->inArea(out.beat))
                    reasons.add(ReasonCode::OutsideServiceArea, out.beat);
                break;
            }
        }

        if (!openAt(*rules, out.isoWeekday, out.local.minuteOfDay))
            reasons.add(ReasonCode::OutsideHours, weekdayCode(out.isoWeekday),
                        minuteOfDayText(out.local.minuteOfDay, minuteText));
        if (rules->closedOnHolidays && holiday)
            reasons.add(ReasonCode::Holiday, details ? formatDate(out.local.date) : std::string());

        if (!rules->follows.empty() &&
            std::none_of(rules->follows.begin(), rules->follows.end(), [&](Program followed) {
                return followed < program && out.verdicts[std::size_t(followed)].eligible;
            }))
            reasons.add(ReasonCode::NoContactProgram);

        verdict.eligible = reasons.empty();
    }

    // 5. The recommended response, in order: phone triage first, then one
    // in-person response, and police/EMS when no program can go. At high
    // C-SSRS risk the person needs an in-person evaluation now (HEART.md):
    // the in-person response leads, Co-Response (clinician with a CIT
    // officer) first, and the phone only holds the line until it arrives.
    out.recommended.clear();
    const bool imminent = call.risk == RiskLevel::High;
    out.basis = imminent ? RecommendationBasis::ImminentRisk : RecommendationBasis::PhoneFirst;
    out.stayOnLine = imminent && out.eligible(Program::CrisisCallDiversion);
    if (imminent) {
        if (out.eligible(Program::CoResponse))
            out.recommended.push_back(Program::CoResponse);
        else if (out.eligible(Program::CommunityResponse)) // only where a rule set lets CRT take high risk
            out.recommended.push_back(Program::CommunityResponse);
        else
            out.recommended.push_back(Program::PoliceEms);
        return true;
    }
    if (out.eligible(Program::CrisisCallDiversion))
        out.recommended.push_back(Program::CrisisCallDiversion);
    if (out.eligible(Program::CommunityResponse))
        out.recommended.push_back(Program::CommunityResponse);
    else if (out.eligible(Program::CoResponse))
        out.recommended.push_back(Program::CoResponse);
    else
        out.recommended.push_back(Program::PoliceEms);
    return true;
}

} // namespace heart::routing
