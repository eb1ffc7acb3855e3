#include "core/DemoScenario.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

namespace heart {

std::uint64_t DemoRandom::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int DemoRandom::uniform(int low, int high)
{
    const auto span = static_cast<std::uint64_t>(high - low + 1);
    return low + static_cast<int>(next() % span);
}

double DemoRandom::unit()
{
    return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53);
}

namespace {

// Whimsical names so nobody mistakes a demo record for a real person.
constexpr std::array<std::string_view, 24> kGiven = {
    "Avery", "Bramble", "Cosmo", "Dahlia", "Ember", "Fennel", "Gideon", "Hazel",
    "Indigo", "Juniper", "Kestrel", "Linden", "Marlow", "Nettle", "Orrin", "Poppy",
    "Quill", "Rowan", "Sorrel", "Tansy", "Umber", "Vesper", "Wren", "Yarrow",
};
constexpr std::array<std::string_view, 20> kFamily = {
    "Applewhistle", "Brightwater", "Cobblestone", "Dapplegate", "Elderberry", "Foxglove", "Greenbriar",
    "Hollowell", "Inkwood", "Juniperlane", "Kettleby", "Lanternfield", "Mossgrove", "Nimblefoot",
    "Oakhaven", "Pebbleton", "Quincefield", "Riverstone", "Starling", "Thistledown",
};

struct CallTypeWeight
{
    std::string_view name;
    int weight;
};

// Roughly the mix of Durham's nine eligible call types (2021 planning study).
constexpr std::array<CallTypeWeight, 9> kCallTypes = {{
    {"Welfare Check", 26},
    {"Mental Health Crisis", 18},
    {"Suicide Threat", 12},
    {"Trespass/Unwanted", 14},
    {"Intoxicated Person", 8},
    {"Assist Person", 10},
    {"Panhandling/Solicitation", 5},
    {"Indecency", 2},
    {"Follow Up", 5},
}};

constexpr std::array<std::string_view, 36> kBeats = {
    "111", "112", "113", "114", "121", "122", "123", "124", "211", "212", "213", "214",
    "221", "222", "223", "224", "311", "312", "313", "314", "321", "322", "323", "324",
    "411", "412", "413", "414", "415", "421", "422", "423", "511", "512", "513", "299",
};

constexpr std::array<std::string_view, 8> kLanguages = {"en", "en", "en", "en", "en", "es", "es", "ase"};

std::string_view weightedCallType(DemoRandom& random)
{
    int total = 0;
    for (const auto& type : kCallTypes)
        total += type.weight;
    int roll = random.uniform(1, total);
    for (const auto& type : kCallTypes) {
        roll -= type.weight;
        if (roll <= 0)
            return type.name;
    }
    return kCallTypes.front().name;
}

// Calls come mostly in daytime and evening (local time, approximated with a
// fixed offset: the demo needs plausibility, not DST).
int localHour(DemoRandom& random)
{
    static constexpr std::array<int, 24> kWeights = {2, 1, 1, 1, 1, 2, 3, 5, 7, 8, 9, 9,
                                                     9, 9, 9, 9, 8, 8, 7, 6, 5, 4, 3, 3};
    int total = 0;
    for (int w : kWeights)
        total += w;
    int roll = random.uniform(1, total);
    for (int h = 0; h < 24; ++h) {
        roll -= kWeights[static_cast<std::size_t>(h)];
        if (roll <= 0)
            return h;
    }
    return 12;
}

void assignOutcome(DemoRandom& random, DemoCall& call, std::string_view callType)
{
    const bool suicidal = callType == "Suicide Threat";
    const double r = random.unit();
    if (suicidal)
        call.riskLevel = r < 0.25 ? "high" : (r < 0.6 ? "moderate" : "low");
    else if (callType == "Mental Health Crisis")
        call.riskLevel = r < 0.1 ? "high" : (r < 0.35 ? "moderate" : (r < 0.7 ? "low" : "none"));
    else
        call.riskLevel = "none";

    const double d = random.unit();
    if (call.riskLevel == "high") {
        call.program = "cor";
        call.disposition = d < 0.8 ? "cor_dispatch" : "police_ems";
    } else if (d < 0.30) {
        call.program = "ccd";
        call.disposition = "diverted";
    } else if (d < 0.36) {
        call.program = "ccd";
        call.disposition = "transferred_988";
    } else if (d < 0.82) {
        call.program = "crt";
        call.disposition = "crt_dispatch";
    } else if (d < 0.92) {
        call.program = "police_ems";
        call.disposition = "police_ems";
    } else {
        call.program = "ccd";
        call.disposition = "declined";
    }
}

} // namespace

namespace {

// Where and what, drawn from a stream of its own so the calls themselves stay
// as they were for a seed.
void addCallDetails(std::uint64_t seed, DemoScenario& scenario)
{
    static constexpr std::array<std::string_view, 12> kStreets = {
        "Alder Row", "Birchwood Ln", "Cedar Hollow Rd", "Dogwood Ct", "Elm Terrace", "Foxglove Way",
        "Juniper St", "Magnolia Ave", "Quarry Rd", "Sycamore Pl", "Tanglewood Dr", "Willow Bend",
    };
    DemoRandom random(seed ^ 0x9E3779B97F4A7C15ULL);
    for (DemoCall& call : scenario.calls) {
        call.address = std::to_string(random.uniform(1, 29) * 100) + " block of " + std::string(random.pick(kStreets));
        std::string flags;
        const auto add = [&](const char* flag) { flags += (flags.empty() ? "" : ";") + std::string(flag); };
        if (call.callType == "Intoxicated Person" || random.unit() < 0.08)
            add("intoxication");
        if (call.program == "cor" && random.unit() < 0.6)
            add("weapon");
        if (call.program == "police_ems" && random.unit() < 0.4)
            add(random.unit() < 0.5 ? "violence" : "medical");
        if (random.unit() < 0.05)
            add("minors");
        call.flags = flags;
        if (call.person)
            call.language = scenario.people[*call.person].language;
    }
}

} // namespace

DemoScenario makeDemoScenario(const DemoOptions& options)
{
    DemoRandom random(options.seed);
    DemoScenario scenario;
    scenario.staff = {
        {"admin", "Demo Administrator (Alex Ledger)", Role::Administrator, "admin-demo"},
        {"counselor", "Casey Brightwater, LCSW", Role::CallCounselor, "counselor-demo"},
        {"teamlead", "Jordan Mossgrove, LCMHC", Role::CrtTeamLead, "teamlead-demo"},
        {"peer", "Sam Riverstone", Role::PeerSupport, "peer-demo"},
        {"emt", "Morgan Kettleby, EMT-B", Role::Emt, "emt-demo"},
        {"coresponse", "Riley Oakhaven, LCAS", Role::CoResponseClinician, "coresponse-demo"},
        {"navigator", "Taylor Starling", Role::CareNavigator, "navigator-demo"},
        {"supervisor", "Dana Lanternfield", Role::Supervisor, "supervisor-demo"},
    };

    const int peopleCount = 60;
    for (int i = 0; i < peopleCount; ++i) {
        DemoPerson person;
        person.givenName = std::string(random.pick(kGiven));
        person.familyName = std::string(random.pick(kFamily));
        person.approximateAge = random.uniform(17, 78);
        person.language = std::string(random.pick(kLanguages));
        char phone[20];
        std::snprintf(phone, sizeof phone, "919-555-01%02d", random.uniform(0, 99));
        person.phone = phone;
        scenario.people.push_back(std::move(person));
    }

    using namespace std::chrono;
    const auto endDay = floor<days>(options.end);
    constexpr hours kLocalOffset{5}; // Eastern, roughly
    int sequence = 0;
    for (int day = options.days - 1; day >= 0; --day) {
        const auto dayStart = endDay - days{day};
        const int count = options.callsPerDay + random.uniform(-5, 5);
        std::vector<DemoCall> dayCalls;
        for (int i = 0; i < count; ++i) {
            DemoCall call;
            const auto local = hours{localHour(random)} + minutes{random.uniform(0, 59)};
            call.receivedAt = time_point_cast<system_clock::duration>(dayStart + local + kLocalOffset);
            const std::string_view type = weightedCallType(random);
            call.callType = std::string(type);
            // Pilot beats see more calls: downtown and east Durham.
            call.beat = random.unit() < 0.45 ? std::string(random.pick(std::array<std::string_view, 12>{
                                                   "111", "112", "113", "114", "122", "214", "223", "411",
                                                   "413", "511", "512", "513"}))
                                             : std::string(random.pick(kBeats));
            assignOutcome(random, call, type);
            // "Familiar neighbors": a few people call again and again.
            const double who = random.unit();
            if (who < 0.35)
                call.person = static_cast<std::size_t>(random.uniform(0, 7));
            else if (who < 0.85)
                call.person = static_cast<std::size_t>(random.uniform(0, peopleCount - 1));
            dayCalls.push_back(std::move(call));
        }
        std::sort(dayCalls.begin(), dayCalls.end(),
                  [](const DemoCall& a, const DemoCall& b) { return a.receivedAt < b.receivedAt; });
        for (auto& call : dayCalls) {
            if (call.receivedAt >= options.end)
                continue;
            char cad[32];
            const auto ymd = year_month_day{floor<days>(call.receivedAt)};
            std::snprintf(cad, sizeof cad, "DEMO-%04d%02u%02u-%04d", int(ymd.year()), unsigned(ymd.month()),
                          unsigned(ymd.day()), ++sequence);
            call.cadNumber = cad;
            const auto age = options.end - call.receivedAt;
            if (age < hours{2} && (call.disposition == "crt_dispatch" || call.disposition == "cor_dispatch"))
                call.status = "dispatched";
            else
                call.status = "closed";
            scenario.calls.push_back(std::move(call));
        }
    }
    // The last hour: calls still in the 911 center's queue or with a unit.
    struct Live
    {
        int minutesAgo;
        std::string_view type;
        std::string_view risk;
        std::string_view status;
        std::string_view program;
        std::string_view disposition;
    };
    constexpr Live kLive[] = {
        {4, "Suicide Threat", "high", "open", "", ""},
        {9, "Mental Health Crisis", "moderate", "open", "", ""},
        {16, "Welfare Check", "none", "open", "", ""},
        {23, "Intoxicated Person", "none", "open", "", ""},
        {31, "Trespass/Unwanted", "none", "dispatched", "crt", "crt_dispatch"},
        {44, "Suicide Threat", "high", "dispatched", "cor", "cor_dispatch"},
        {52, "Assist Person", "low", "dispatched", "crt", "crt_dispatch"},
    };
    for (const Live& live : kLive) {
        DemoCall call;
        call.receivedAt = time_point_cast<system_clock::duration>(options.end - minutes{live.minutesAgo});
        call.callType = std::string(live.type);
        call.beat = std::string(random.pick(kBeats));
        call.riskLevel = std::string(live.risk);
        call.status = std::string(live.status);
        call.program = std::string(live.program);
        call.disposition = std::string(live.disposition);
        if (random.unit() < 0.5)
            call.person = static_cast<std::size_t>(random.uniform(0, 7));
        char cad[32];
        const auto ymd = year_month_day{floor<days>(call.receivedAt)};
        std::snprintf(cad, sizeof cad, "DEMO-%04d%02u%02u-%04d", int(ymd.year()), unsigned(ymd.month()),
                      unsigned(ymd.day()), ++sequence);
        call.cadNumber = cad;
        scenario.calls.push_back(std::move(call));
    }
    std::stable_sort(scenario.calls.begin(), scenario.calls.end(),
                     [](const DemoCall& a, const DemoCall& b) { return a.receivedAt < b.receivedAt; });
    addCallDetails(options.seed, scenario);
    return scenario;
}

} // namespace heart
