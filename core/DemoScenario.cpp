#include "core/DemoScenario.h"

#include "core/routing/Disposition.h"

#include <algorithm>
#include <array>
#include <cmath>
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
    "Avery",  "Bramble", "Cosmo",   "Dahlia", "Ember",  "Fennel", "Gideon", "Hazel",
    "Indigo", "Juniper", "Kestrel", "Linden", "Marlow", "Nettle", "Orrin",  "Poppy",
    "Quill",  "Rowan",   "Sorrel",  "Tansy",  "Umber",  "Vesper", "Wren",   "Yarrow",
};
constexpr std::array<std::string_view, 20> kFamily = {
    "Applewhistle", "Brightwater", "Cobblestone", "Dapplegate", "Elderberry",   "Foxglove",    "Greenbriar",
    "Hollowell",    "Inkwood",     "Juniperlane", "Kettleby",   "Lanternfield", "Mossgrove",   "Nimblefoot",
    "Oakhaven",     "Pebbleton",   "Quincefield", "Riverstone", "Starling",     "Thistledown",
};

struct CallTypeWeight
{
    std::string_view code; // the rule set's code: what the intake form stores
    int weight;
};

// Roughly the mix of Durham's nine eligible call types (2021 planning study).
constexpr std::array<CallTypeWeight, 9> kCallTypes = {{
    {"welfare-check", 26},
    {"mental-health-crisis", 18},
    {"suicide-threat", 12},
    {"trespass", 14},
    {"intoxicated-person", 8},
    {"assist-person", 10},
    {"panhandling", 5},
    {"indecency", 2},
    {"follow-up", 5},
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
            return type.code;
    }
    return kCallTypes.front().code;
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

// C-SSRS answers that give a risk level, as a counselor would have recorded
// them (core/triage/Cssrs.h: "YN---N-" is a wish to be dead and nothing more).
std::string cssrsFor(std::string_view risk, DemoRandom& random)
{
    if (risk == "high")
        return random.unit() < 0.5 ? "YYYYNN-" : "YYYNYYY";
    if (risk == "moderate")
        return random.unit() < 0.5 ? "YYYNNN-" : "YN---YN";
    if (risk == "low")
        return random.unit() < 0.7 ? "YN---N-" : "YYNNNN-";
    if (risk == "none")
        return "NN---N-";
    return {};
}

std::string drawRisk(DemoRandom& random, std::string_view callType)
{
    const double r = random.unit();
    if (callType == "suicide-threat")
        return r < 0.25 ? "high" : (r < 0.6 ? "moderate" : "low");
    if (callType == "mental-health-crisis")
        return r < 0.1 ? "high" : (r < 0.35 ? "moderate" : (r < 0.7 ? "low" : "none"));
    return "none";
}

// What the counselor would have liked to do; the routing decision may say otherwise.
std::string drawDisposition(DemoRandom& random, std::string_view risk)
{
    const double d = random.unit();
    if (risk == "high")
        return d < 0.8 ? "cor_dispatch" : "police_ems";
    if (d < 0.30)
        return "diverted";
    if (d < 0.36)
        return "transferred_988";
    if (d < 0.82)
        return "crt_dispatch";
    if (d < 0.92)
        return "police_ems";
    return "declined";
}

std::string programOf(std::string_view disposition)
{
    const auto parsed = routing::dispositionFromCode(disposition);
    if (!parsed)
        return {};
    std::string code(routing::programCode(routing::handlingProgram(*parsed)));
    std::replace(code.begin(), code.end(), '-', '_'); // "police_ems", as the intake form stores it
    return code;
}

std::string dispositionFor(routing::Program program)
{
    switch (program) {
    case routing::Program::CrisisCallDiversion:
        return "diverted";
    case routing::Program::CommunityResponse:
        return "crt_dispatch";
    case routing::Program::CoResponse:
        return "cor_dispatch";
    default:
        return "police_ems";
    }
}

routing::FlagSet flagSet(const std::string& flags)
{
    routing::FlagSet set;
    std::size_t from = 0;
    while (from <= flags.size()) {
        const std::size_t to = std::min(flags.find(';', from), flags.size());
        if (auto flag = routing::flagFromCode(std::string_view(flags).substr(from, to - from)))
            set.set(*flag);
        from = to + 1;
    }
    return set;
}

// The routing decision for the call as taken: the recommendation is stored,
// and a disposition the recommendation does not allow is replaced by the
// first one it does (`keep`: the disposition stays and carries its reason).
void route(const routing::Router& router, DemoCall& call, bool keep, std::string_view reason)
{
    routing::CallFacts facts;
    facts.callType = call.callType;
    facts.flags = flagSet(call.flags);
    facts.beat = call.beat;
    facts.received = call.receivedAt;
    facts.risk = routing::riskFromCode(call.riskLevel).value_or(routing::RiskLevel::NotAssessed);
    auto decision = router.decide(facts);
    if (!decision)
        return; // no rule set in force then: nothing to recommend
    call.ruleSetId = decision.value().ruleSetId;
    call.recommended.clear();
    for (routing::Program program : decision.value().recommended)
        call.recommended.emplace_back(routing::programCode(program));
    if (call.disposition.empty())
        return;
    const auto chosen = routing::dispositionFromCode(call.disposition);
    if (!chosen || routing::followsRecommendation(*chosen, decision.value().recommended))
        return;
    if (keep || decision.value().recommended.empty()) {
        call.overrideReason = std::string(reason);
        return;
    }
    // At high risk the person needs someone in person: never the phone alone.
    const auto& recommended = decision.value().recommended;
    auto next = recommended.front();
    if (facts.risk == routing::RiskLevel::High) {
        for (routing::Program program : recommended) {
            if (program != routing::Program::CrisisCallDiversion) {
                next = program;
                break;
            }
        }
    }
    call.disposition = dispositionFor(next);
}

// The steps of a decided call after it was received; nullopt times for the
// steps it did not go through. Returns when it was closed (or would be).
TimePoint addSteps(DemoRandom& random, DemoCall& call)
{
    using std::chrono::minutes;
    TimePoint t = call.receivedAt + minutes{random.uniform(2, 6)};
    if (!call.cssrs.empty())
        call.triagedAt = t;
    t += minutes{random.uniform(1, 4)};
    call.decidedAt = t;
    if (call.disposition == "crt_dispatch" || call.disposition == "cor_dispatch") {
        t += minutes{random.uniform(1, 3)};
        call.dispatchedAt = t;
        t += minutes{random.uniform(2, 4) + random.uniform(8, 20) + random.uniform(30, 60)};
    } else {
        t += minutes{random.uniform(3, 20)};
    }
    return t;
}

// Where and what, drawn from a stream of its own so the calls themselves stay
// as they were for a seed.
void addCallDetails(DemoRandom& random, DemoCall& call, std::string_view desired)
{
    static constexpr std::array<std::string_view, 12> kStreets = {
        "Alder Row",  "Birchwood Ln", "Cedar Hollow Rd", "Dogwood Ct",  "Elm Terrace",   "Foxglove Way",
        "Juniper St", "Magnolia Ave", "Quarry Rd",       "Sycamore Pl", "Tanglewood Dr", "Willow Bend",
    };
    call.address =
        std::to_string(random.uniform(1, 29) * 100) + " block of " + std::string(random.pick(kStreets));
    std::string flags;
    const auto add = [&](const char* flag) {
        flags += (flags.empty() ? "" : ";") + std::string(flag);
    };
    if (call.callType == "intoxicated-person" || random.unit() < 0.08)
        add("intoxication");
    if (desired == "cor_dispatch" && random.unit() < 0.6)
        add("weapon");
    if (desired == "police_ems" && random.unit() < 0.4)
        add(random.unit() < 0.5 ? "violence" : "medical");
    if (random.unit() < 0.05)
        add("minors");
    call.flags = flags;
}

struct UnitTime
{
    const char* code;
    TimePoint until{};                  // free again from then
    std::optional<TimePoint> liveSince; // on a live call from then on
};

// Gives the call a unit of its kind that is free from its dispatch to its
// close, waiting up to 30 minutes for one to clear (the call's dispatch and
// close move later). False when none can go. `closed` is the close time.
bool sendUnit(std::array<UnitTime, 4>& units, DemoCall& call, TimePoint& closed, TimePoint closedBy)
{
    using std::chrono::minutes;
    const std::string_view kind = call.disposition == "crt_dispatch" ? "CRT" : "COR";
    call.unit = std::string(kind); // remembered for the reason when none can go
    UnitTime* best = nullptr;
    std::chrono::system_clock::duration bestWait{};
    for (UnitTime& unit : units) {
        if (std::string_view(unit.code).substr(0, 3) != kind)
            continue;
        const auto wait =
            std::max(std::chrono::system_clock::duration::zero(), unit.until - *call.dispatchedAt);
        const TimePoint until = closed + wait;
        if (wait > minutes{30} || until > closedBy || (unit.liveSince && until > *unit.liveSince))
            continue;
        if (!best || wait < bestWait) {
            best = &unit;
            bestWait = wait;
        }
    }
    if (!best)
        return false;
    *call.dispatchedAt += bestWait;
    closed += bestWait;
    best->until = closed;
    call.unit = best->code;
    return true;
}

// A closed history call: the unit's steps (dispatched, en route 2-4
// minutes later, on scene after 8-20 minutes on the road, cleared as the
// call closed) and the follow-up it led to - after about half of the CRT's
// visits and of the calls resolved by phone: reached within 48 hours (about
// three in five), late (one in five) or never reached (the third
// unsuccessful attempt closes it).
void addHistorySteps(DemoRandom& random, DemoCall& call)
{
    using namespace std::chrono;
    const TimePoint closed = *call.closedAt;
    if (call.dispatchedAt && !call.unit.empty()) {
        const TimePoint enRoute = *call.dispatchedAt + minutes{random.uniform(2, 4)};
        const TimePoint onScene = enRoute + minutes{random.uniform(8, 20)};
        call.enRouteAt = std::min(enRoute, closed);
        call.onSceneAt = std::min(onScene, closed);
        call.clearedAt = closed;
    }
    const bool visited = call.disposition == "crt_dispatch" && call.clearedAt;
    const bool byPhone = call.disposition == "diverted";
    if ((!visited && !byPhone) || random.unit() >= 0.5)
        return;
    DemoFollowUp task;
    task.kind = visited ? "follow_up" : "check_in";
    // A follow-up runs from the signed note (within two hours), a check-in from the call's close.
    task.contactAt = closed + minutes{visited ? random.uniform(20, 120) : random.uniform(5, 20)};
    task.dueAt = task.contactAt + hours{48};
    const double how = random.unit();
    if (how < 0.62) {
        task.closedAt = task.contactAt + minutes{random.uniform(60, 47 * 60)};
        const double outcome = random.unit();
        task.outcome = outcome < 0.6 ? "connected" : outcome < 0.8 ? "already_connected" : "declined";
        task.attempts = random.uniform(0, 1);
    } else if (how < 0.82) {
        task.closedAt = task.contactAt + minutes{random.uniform(49 * 60, 110 * 60)};
        task.outcome = random.unit() < 0.75 ? "connected" : "declined";
        task.attempts = random.uniform(1, 2);
    } else {
        task.closedAt = task.contactAt + minutes{random.uniform(30 * 60, 96 * 60)};
        task.outcome = "unable_to_reach";
        task.attempts = 3;
    }
    call.followUp = task;
}

std::string cadNumber(TimePoint received, int sequence)
{
    using namespace std::chrono;
    char cad[32];
    const auto ymd = year_month_day{floor<days>(received)};
    std::snprintf(cad, sizeof cad, "DEMO-%04d%02u%02u-%04d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), sequence);
    return cad;
}

} // namespace

std::vector<DemoStaff> demoStaff()
{
    return {
        {"admin", "Demo Administrator (Alex Ledger)", Role::Administrator, "admin-demo-desk"},
        {"counselor", "Casey Brightwater, LCSW", Role::CallCounselor, "counselor-demo"},
        {"teamlead", "Jordan Mossgrove, LCMHC", Role::CrtTeamLead, "teamlead-demo"},
        {"peer", "Sam Riverstone", Role::PeerSupport, "peer-demo"},
        {"emt", "Morgan Kettleby, EMT-B", Role::Emt, "emt-demo"},
        {"coresponse", "Riley Oakhaven, LCAS", Role::CoResponseClinician, "coresponse-demo"},
        {"navigator", "Taylor Starling", Role::CareNavigator, "navigator-demo"},
        {"supervisor", "Dana Lanternfield", Role::Supervisor, "supervisor-demo"},
    };
}

DemoScenario makeDemoScenario(const DemoOptions& options)
{
    DemoRandom random(options.seed);
    DemoRandom details(options.seed ^ 0x9E3779B97F4A7C15ULL);
    DemoScenario scenario;
    scenario.generated = true;
    scenario.seed = options.seed;
    scenario.end = options.end;
    scenario.days = options.days;
    scenario.callsPerDay = options.callsPerDay;
    scenario.historyMonths = options.historyMonths;
    scenario.routed = options.router != nullptr;
    scenario.staff = demoStaff();

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
    const auto finish = [&](DemoCall& call) {
        if (call.person)
            call.language = scenario.people[*call.person].language;
    };

    using namespace std::chrono;
    const auto endDay = floor<days>(options.end);
    constexpr hours kLocalOffset{5}; // Eastern, roughly
    // The newest hour and a half belongs to the live calls below: an older
    // call is closed by the time the demo begins.
    const TimePoint closedBy = options.end - minutes{2};
    const TimePoint liveFrom = options.end - minutes{100};
    // Live calls: CRT-1 sent 85 minutes ago (on scene since 69), COR-1 38 minutes ago.
    constexpr minutes kCrtLiveSent{85}, kCorLiveSent{38};
    // Two units of each kind: a call that went out had one that was not on
    // another call then (the counselor waits a little for one to clear, or
    // does without).
    std::array<UnitTime, 4> units = {{{kDemoCrtOnScene, {}, options.end - kCrtLiveSent},
                                      {"CRT-2", {}, std::nullopt},
                                      {kDemoCorEnRoute, {}, options.end - kCorLiveSent},
                                      {"COR-2", {}, std::nullopt}}};
    int sequence = 0;
    // One day of calls, `count` of them, drawn with `draw` (what and where)
    // and `detail` (the steps after).
    // `history`: the unit's steps and the follow-up of a history call, from a
    // stream of their own (the calls stay as they were for a seed).
    const auto addDay = [&](DemoRandom& draw, DemoRandom& detail, sys_days dayStart, int count,
                            DemoRandom* history = nullptr) {
        std::vector<DemoCall> dayCalls;
        for (int i = 0; i < count; ++i) {
            DemoCall call;
            const auto local = hours{localHour(draw)} + minutes{draw.uniform(0, 59)};
            call.receivedAt = time_point_cast<system_clock::duration>(dayStart + local + kLocalOffset);
            call.callType = std::string(weightedCallType(draw));
            // Pilot beats see more calls: downtown and east Durham.
            call.beat = draw.unit() < 0.45 ? std::string(draw.pick(std::array<std::string_view, 12>{
                                                 "111", "112", "113", "114", "122", "214", "223", "411",
                                                 "413", "511", "512", "513"}))
                                           : std::string(draw.pick(kBeats));
            call.riskLevel = drawRisk(draw, call.callType);
            call.disposition = drawDisposition(draw, call.riskLevel);
            // "Familiar neighbors": a few people call again and again.
            const double who = draw.unit();
            if (who < 0.35)
                call.person = static_cast<std::size_t>(draw.uniform(0, 7));
            else if (who < 0.85)
                call.person = static_cast<std::size_t>(draw.uniform(0, peopleCount - 1));
            dayCalls.push_back(std::move(call));
        }
        std::stable_sort(dayCalls.begin(), dayCalls.end(),
                         [](const DemoCall& a, const DemoCall& b) { return a.receivedAt < b.receivedAt; });
        for (auto& call : dayCalls) {
            if (call.receivedAt >= liveFrom)
                continue;
            const std::string wanted = call.disposition;
            addCallDetails(detail, call, wanted);
            call.cssrs = cssrsFor(call.riskLevel, detail);
            if (options.router)
                route(*options.router, call, false, {});
            call.program = programOf(call.disposition);
            TimePoint closed = addSteps(detail, call);
            if (call.dispatchedAt && !sendUnit(units, call, closed, closedBy)) {
                // No unit could go: the call is handled without one.
                const bool phone = call.riskLevel != "high" &&
                                   std::find(call.recommended.begin(), call.recommended.end(), "ccd") !=
                                       call.recommended.end();
                call.disposition = phone ? "diverted" : "police_ems";
                call.program = programOf(call.disposition);
                if (!phone && options.router &&
                    std::find(call.recommended.begin(), call.recommended.end(), "police-ems") ==
                        call.recommended.end())
                    call.overrideReason = call.unit.rfind("CRT", 0) == 0
                                              ? "Both CRT units were on other calls."
                                              : "Both Co-Response units were on other calls.";
                call.unit.clear();
                call.dispatchedAt.reset();
                closed = *call.decidedAt + minutes{10};
            }
            if (closed > closedBy)
                continue; // would still be going on: the live calls cover the last hour
            call.cadNumber = cadNumber(call.receivedAt, ++sequence);
            call.closedAt = closed;
            call.status = "closed";
            if (history)
                addHistorySteps(*history, call);
            finish(call);
            scenario.calls.push_back(std::move(call));
        }
    };
    // The history before the recent days: from the first of the month
    // `historyMonths` months back, fewer calls a day than the recent weeks,
    // with the seasons (more in summer, fewer around the winter holidays),
    // the weekend dip and the program's growth over the year. Its own
    // generators, so the recent days are the same with or without it.
    const sys_days firstRecent = endDay - days{options.days - 1};
    if (options.historyMonths > 0) {
        const auto unitsBefore = units; // the recent days start as without history
        DemoRandom draw(options.seed ^ 0x5DEECE66DULL), detail(options.seed ^ 0xD1B54A32D192ED03ULL),
            steps(options.seed ^ 0x2545F4914F6CDD1DULL);
        const year_month_day endDate{endDay};
        const sys_days historyStart{year_month_day{endDate.year() / endDate.month() / 1} -
                                    months{options.historyMonths}};
        const double span = double((firstRecent - historyStart).count());
        for (sys_days day = historyStart; day < firstRecent; day += days{1}) {
            const year_month_day date{day};
            const int month = int(unsigned(date.month()));
            // Seasons: highest in July, lowest in January (+-20 %).
            const double season = 1.0 + 0.2 * std::cos(2.0 * 3.141592653589793 * double(month - 7) / 12.0);
            const double growth = 0.8 + 0.2 * double((day - historyStart).count()) / std::max(1.0, span);
            const unsigned weekdayNumber = weekday{day}.c_encoding();
            const double weekend = weekdayNumber == 0 || weekdayNumber == 6 ? 0.8 : 1.0;
            const bool holidays = month == 12 && unsigned(date.day()) >= 24;
            const double rate =
                double(options.callsPerDay) * 0.75 * season * growth * weekend * (holidays ? 0.7 : 1.0);
            const int count = std::max(0, int(rate + 0.5) + draw.uniform(-3, 3));
            addDay(draw, detail, day, count, &steps);
        }
        units = unitsBefore;
    }
    for (int day = options.days - 1; day >= 0; --day)
        addDay(random, details, endDay - days{day}, options.callsPerDay + random.uniform(-5, 5));
    // The last hour and a half: calls still in the 911 center's queue, and the
    // two with a unit (CRT-1 on scene with its note under way, COR-1 en route).
    struct Live
    {
        int minutesAgo;
        std::string_view type;
        std::string_view risk;
        std::string_view disposition; // empty: not decided yet
        const char* unit;
        std::string_view reason; // when the rules would not send this unit now
    };
    static constexpr Live kLive[] = {
        {4, "suicide-threat", "high", "", nullptr, ""},
        {9, "mental-health-crisis", "moderate", "", nullptr, ""},
        {16, "welfare-check", "none", "", nullptr, ""},
        {23, "intoxicated-person", "none", "", nullptr, ""},
        {31, "assist-person", "low", "", nullptr, ""},
        {44, "suicide-threat", "high", "cor_dispatch", kDemoCorEnRoute,
         "Co-Response was still in service and the supervisor approved sending it."},
        {92, "trespass", "low", "crt_dispatch", kDemoCrtOnScene,
         "CRT-1 was still in service and the team lead accepted the call."},
    };
    std::vector<DemoCall> live;
    for (const Live& spec : kLive) {
        DemoCall call;
        call.receivedAt = time_point_cast<system_clock::duration>(options.end - minutes{spec.minutesAgo});
        call.callType = std::string(spec.type);
        call.beat = std::string(random.pick(kBeats));
        call.riskLevel = std::string(spec.risk);
        if (random.unit() < 0.5)
            call.person = static_cast<std::size_t>(random.uniform(0, 7));
        addCallDetails(details, call, spec.disposition);
        call.cssrs = cssrsFor(call.riskLevel, details);
        call.disposition = std::string(spec.disposition);
        if (options.router)
            route(*options.router, call, true, spec.reason);
        call.program = programOf(call.disposition);
        call.status = "open";
        // Screened three minutes after it came in (two minutes ago at the latest).
        call.triagedAt = options.end - minutes{std::max(2, spec.minutesAgo - 3)};
        if (spec.unit) {
            call.unit = spec.unit;
            call.status = "dispatched";
            // CRT-1: sent 16 minutes before it arrived, 69 minutes ago; COR-1: sent 38 minutes ago.
            const bool onScene = std::string_view(spec.unit) == kDemoCrtOnScene;
            const TimePoint dispatched = options.end - (onScene ? kCrtLiveSent : kCorLiveSent);
            call.decidedAt = dispatched - minutes{2};
            call.dispatchedAt = dispatched;
            call.enRouteAt = dispatched + minutes{2};
            if (onScene)
                call.onSceneAt = dispatched + minutes{16};
        }
        finish(call);
        live.push_back(std::move(call));
    }
    std::stable_sort(live.begin(), live.end(),
                     [](const DemoCall& a, const DemoCall& b) { return a.receivedAt < b.receivedAt; });
    for (DemoCall& call : live) {
        call.cadNumber = cadNumber(call.receivedAt, ++sequence);
        scenario.calls.push_back(std::move(call));
    }
    return scenario;
}

} // namespace heart
