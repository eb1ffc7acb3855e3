#pragma once
// A synthetic, clearly fictional crisis program for the --demo database: staff
// for every role, a few busy weeks of calls and thirteen months of history
// before them. Deterministic for a seed and an end time, so a demo or a
// screenshot can be reproduced exactly.
#include "core/Clock.h"
#include "core/Role.h"
#include "core/routing/Router.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace heart {

struct DemoStaff
{
    std::string login;
    std::string displayName;
    Role role;
    std::string password; // published in the README: demo databases only
};

struct DemoPerson
{
    std::string givenName;
    std::string familyName;
    int approximateAge = 0;
    std::string language; // ISO 639-1 / 639-3 code
    std::string phone;    // 555-01xx numbers are reserved for fiction
};

// The follow-up task a history call led to (DemoScenario's months before the
// recent days), already closed: a follow-up after the CRT's visit or a
// check-in after a call resolved by phone; most reached within 48 hours,
// some late, some never reached.
struct DemoFollowUp
{
    std::string kind; // "follow_up", "check_in"
    TimePoint contactAt;
    TimePoint dueAt; // 48 hours after the contact
    TimePoint closedAt;
    std::string outcome; // "connected", "declined", "already_connected", "unable_to_reach"
    int attempts = 0;    // unsuccessful ones (3 for "unable_to_reach")
};

// A call as HEART Desk stores it (the codes the intake form writes and reads
// back), with a time for each step it went through:
// received <= triaged <= decided <= dispatched <= en route <= on scene <= closed.
struct DemoCall
{
    std::string cadNumber;
    TimePoint receivedAt;
    std::string callType; // the rule set's call type code, e.g. "suicide-threat"
    std::string beat;
    std::string program;     // "ccd", "crt", "cor", "police_ems" (the disposition's handling program)
    std::string disposition; // "diverted", "transferred_988", "crt_dispatch", ...
    std::string status;      // "open", "dispatched", "closed"
    std::string riskLevel;   // "none", "low", "moderate", "high": what the C-SSRS answers give
    std::string cssrs;       // the C-SSRS answers (core/triage/Cssrs.h encoding)
    std::optional<std::size_t> person; // index into people; repeat callers recur
    std::string address;               // block level, fictional streets
    std::string flags;                 // ";"-joined: weapon, violence, medical, intoxication, minors
    std::string language;              // ISO 639 code of the person, when known

    // The routing decision (set when DemoOptions::router is given): the rule
    // set, the recommended programs in order ("ccd", "crt", "cor",
    // "police-ems") and the reason when the disposition goes against them.
    std::string ruleSetId;
    std::vector<std::string> recommended;
    std::string overrideReason;
    std::string unit; // the unit sent ("CRT-1", "COR-2"), for CRT and Co-Response dispatches

    std::optional<TimePoint> triagedAt;
    std::optional<TimePoint> decidedAt;
    std::optional<TimePoint> dispatchedAt;
    // The unit's own steps: set for the calls a unit is on now, and for the
    // history's calls a unit went to (then cleared as the call closed).
    std::optional<TimePoint> enRouteAt;
    std::optional<TimePoint> onSceneAt;
    std::optional<TimePoint> clearedAt;
    std::optional<TimePoint> closedAt;
    std::optional<DemoFollowUp> followUp; // history calls only
};

struct DemoScenario
{
    std::vector<DemoStaff> staff;
    std::vector<DemoPerson> people;
    std::vector<DemoCall> calls; // oldest first
    // Made by makeDemoScenario with these options (router: whether the calls were routed).
    bool generated = false;
    std::uint64_t seed = 0;
    TimePoint end{};
    int days = 0;
    int callsPerDay = 0;
    int historyMonths = 0;
    bool routed = false;
};

struct DemoOptions
{
    std::uint64_t seed = 2022'06'27; // HEART's launch day
    TimePoint end;                   // the newest call is shortly before this
    int days = 21;                   // the recent days, callsPerDay (+-5) each
    int callsPerDay = 18;
    // Older history before them, from the first of the month this many
    // months back (13: a year's report and the month before it all have
    // calls), fewer a day and with the seasons (core/DemoScenario.cpp).
    // 0: only the recent days (quick tests).
    int historyMonths = 13;
    // The rules the calls are routed by (not owned). Without it the calls get
    // no recommendation and keep the disposition drawn for them.
    const routing::Router* router = nullptr;
};

// The units the demo's live calls have: CRT-1 on scene, COR-1 en route.
inline constexpr const char* kDemoCrtOnScene = "CRT-1";
inline constexpr const char* kDemoCorEnRoute = "COR-1";

DemoScenario makeDemoScenario(const DemoOptions& options);
// The demo's staff accounts (the README's table); every password passes the
// password policy (core/account/PasswordPolicy.h), the administrator's its
// 12 characters.
std::vector<DemoStaff> demoStaff();

// The deterministic generator behind the scenario (splitmix64): the standard
// distributions differ between library vendors, this does not.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    int uniform(int lowInclusive, int highInclusive);
    double unit();
    template <typename Container> const auto& pick(const Container& c)
    {
        return c[static_cast<std::size_t>(uniform(0, int(c.size()) - 1))];
    }

private:
    std::uint64_t m_state;
};

} // namespace heart
