#pragma once
// A synthetic, clearly fictional crisis program for the --demo database: staff
// for every role and a few weeks of calls. Deterministic for a seed and an end
// time, so a demo or a screenshot can be reproduced exactly.
#include "core/Clock.h"
#include "core/Role.h"

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

struct DemoCall
{
    std::string cadNumber;
    TimePoint receivedAt;
    std::string callType;
    std::string beat;
    std::string program;     // "ccd", "crt", "cor", "police_ems"
    std::string disposition; // "diverted", "transferred_988", "crt_dispatch", ...
    std::string status;      // "open", "dispatched", "closed"
    std::string riskLevel;   // "none", "low", "moderate", "high"
    std::optional<std::size_t> person; // index into people; repeat callers recur
    std::string address;  // block level, fictional streets
    std::string flags;    // ";"-joined: weapon, violence, medical, intoxication, minors
    std::string language; // ISO 639 code of the person, when known
};

struct DemoScenario
{
    std::vector<DemoStaff> staff;
    std::vector<DemoPerson> people;
    std::vector<DemoCall> calls; // oldest first
};

struct DemoOptions
{
    std::uint64_t seed = 2022'06'27; // HEART's launch day
    TimePoint end;                   // the newest call is shortly before this
    int days = 21;
    int callsPerDay = 18;
};

DemoScenario makeDemoScenario(const DemoOptions& options);

// The deterministic generator behind the scenario (splitmix64): the standard
// distributions differ between library vendors, this does not.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    int uniform(int lowInclusive, int highInclusive);
    double unit();
    template <typename Container>
    const auto& pick(const Container& c) { return c[static_cast<std::size_t>(uniform(0, int(c.size()) - 1))]; }

private:
    std::uint64_t m_state;
};

} // namespace heart
