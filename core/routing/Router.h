#pragma once
// The routing decision: for a call (type, flags, where, when, C-SSRS risk),
// every program's eligibility with every reason against it, and the
// recommended response in order, under the rule set in force on the call's
// local date. Deterministic: the same call and rules give the same decision.
#include "core/Clock.h"
#include "core/Result.h"
#include "core/geo/BeatMap.h"
#include "core/routing/RuleSet.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace heart::routing {

// The rule sets of one program, ordered by the date they take effect. All
// share the program's time zone (the newest rule set's).
class RuleBook
{
public:
    // Error code "duplicate-effective-date" (field: the rule set id) when two
    // rule sets take effect on the same day.
    Result<bool> add(RuleSet set);
    const RuleSet* inForce(std::chrono::year_month_day localDate) const;
    const std::vector<RuleSet>& ruleSets() const { return m_sets; }
    const roster::TimeZoneRule& zone() const;
    bool empty() const { return m_sets.empty(); }

private:
    std::vector<RuleSet> m_sets;
};

struct CallFacts
{
    std::string_view callType; // code, name or alias
    FlagSet flags;
    std::string_view beat;                 // typed or from the CAD; empty when unknown
    std::optional<geo::GeoPoint> position; // used when no beat is given
    // When the call was received: a UTC instant (intake) or a program-local
    // wall time (histories, CAD exports).
    std::variant<TimePoint, roster::LocalDateTime> received;
    RiskLevel risk = RiskLevel::NotAssessed;
};

// How the local time was read (the wall clock is what hours of operation use).
enum class LocalTimeNote : std::uint8_t
{
    Exact,
    InSpringForwardGap, // 02:30 on the spring-forward day does not exist: read as 03:30 daylight time
    Ambiguous,          // 01:30 on the fall-back night happens twice: same wall time either way
};

enum class BeatSource : std::uint8_t
{
    Given,
    FromPosition,
    Unknown,
    OutsideEveryBeat
};

struct ProgramVerdict
{
    Program program = Program::PoliceEms;
    bool eligible = false;
    std::vector<Reason> reasons; // empty when eligible
};

struct Decision
{
    std::string ruleSetId;
    int ruleSetIndex = -1;       // into RuleBook::ruleSets()
    roster::LocalDateTime local; // wall time the hours were judged at
    int isoWeekday = 0;          // Monday = 0
    LocalTimeNote timeNote = LocalTimeNote::Exact;
    std::string beat; // as used; empty when unknown
    BeatSource beatSource = BeatSource::Unknown;
    int callTypeIndex = -1;                                   // into the rule set's call types
    std::array<ProgramVerdict, kAllPrograms.size()> verdicts; // in kAllPrograms order
    // The recommended response in order, e.g. {ccd, crt} or {ccd, police-ems};
    // at imminent risk the in-person response alone: {cor} or {police-ems}.
    std::vector<Program> recommended;
    RecommendationBasis basis = RecommendationBasis::PhoneFirst;
    // Imminent risk only: Crisis Call Diversion is open for the call and keeps
    // the caller on the line until the in-person response arrives. It is not
    // the answer, so it is not in `recommended` (resolving the call by phone
    // is against the recommendation and needs a written reason).
    bool stayOnLine = false;

    const ProgramVerdict& verdict(Program program) const { return verdicts[std::size_t(program)]; }
    bool eligible(Program program) const { return verdict(program).eligible; }
};

// How much of each reason a decision spells out: everything (the screen,
// per-call output), or the codes alone (the reasons' first and second are
// left empty: what replay's counts need, without formatting a time or a
// coordinate for every call).
enum class ReasonDetail : std::uint8_t
{
    Full,
    CodesOnly,
};

class Router
{
public:
    explicit Router(RuleBook rules, std::shared_ptr<const geo::BeatMap> beats = nullptr);

    // Errors: "no-rule-set" (field: the local date) when no rule set is in
    // force yet; "invalid-local-time" (field "received") for a wall time that
    // is not a date and time of day.
    Result<Decision> decide(const CallFacts& call) const;
    // The same, reusing `out`'s buffers: what replaying a million calls uses.
    bool decideInto(const CallFacts& call, Decision& out, Error& error,
                    ReasonDetail detail = ReasonDetail::Full) const;

    const RuleBook& rules() const { return m_rules; }
    const geo::BeatMap* beats() const { return m_beats.get(); }

private:
    // Local dates near a DST change (where a wall time may be missing or
    // repeated), found once: on every other date the wall time is taken as
    // it is, which keeps a million-call replay fast.
    void findTransitionDates();
    bool nearTransition(std::chrono::sys_days localDate) const;

    RuleBook m_rules;
    std::shared_ptr<const geo::BeatMap> m_beats;
    // With a beat map: per rule set and program (index set * 5 + program),
    // whether each beat of the map (by index) is in the program's area, so
    // a decision compares no beat names.
    std::vector<std::vector<std::uint8_t>> m_inArea;
    std::vector<std::chrono::sys_days> m_transitionDates; // sorted
    std::chrono::sys_days m_scannedFrom{}, m_scannedTo{};
};

// "02:10" from a minute of the day.
std::string formatMinuteOfDay(int minuteOfDay);
std::string formatDate(std::chrono::year_month_day date);

} // namespace heart::routing
