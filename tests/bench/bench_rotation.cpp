// How long generating a 6-week rotation for 100 staff takes (the issue's
// target: under a second), reported against a reference measured in the
// same run so the number means something on any machine: one pass of the
// validator over the result, the least any generator that checks its output
// must spend. Also times the failing case (one team more than the staff
// allow), where the generator searches for how many more people it needs.
// Never asserts a time: it prints, and passes whenever it runs.
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationValidator.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace heart::roster;
using Clock = std::chrono::steady_clock;

namespace {

// 40 clinicians, 30 peer support specialists and 30 EMTs over two shifts.
std::vector<StaffMember> hundredStaff()
{
    std::vector<StaffMember> staff;
    auto add = [&](int count, ResponderRole role, const char* code) {
        for (int i = 0; i < count; ++i) {
            const std::string id = std::string(code) + std::to_string(staff.size());
            staff.push_back({id, "Responder " + id, role, code});
        }
    };
    for (const char* code : {"early", "late"}) {
        add(20, ResponderRole::Clinician, code);
        add(15, ResponderRole::PeerSupport, code);
        add(15, ResponderRole::Emt, code);
    }
    return staff;
}

// Runs f at least minRuns times and for at least half a second.
template <typename F> double secondsPerRun(F&& f, int minRuns)
{
    int runs = 0;
    const auto start = Clock::now();
    std::chrono::duration<double> elapsed{0};
    while (runs < minRuns || elapsed.count() < 0.5) {
        f();
        ++runs;
        elapsed = Clock::now() - start;
    }
    return elapsed.count() / runs;
}

} // namespace

int main()
{
    const auto staff = hundredStaff();
    const std::chrono::year_month_day monday{std::chrono::year{2026}, std::chrono::month{11},
                                             std::chrono::day{2}};
    RotationRules rules;
    // The largest K the staff allow (20 clinicians a shift, each on one
    // weekend in three: 6 complete teams).
    int largest = 0;
    for (int k = 1; k <= 20; ++k) {
        rules.teamsPerShift = k;
        if (generateRotation(staff, rules, monday, 1).schedule)
            largest = k;
    }
    if (largest == 0) {
        std::printf("bench_rotation: no feasible K for 100 staff: nothing to time\n");
        return 0;
    }
    rules.teamsPerShift = largest;
    std::uint64_t seed = 1;
    GenerationResult result;
    const double generate =
        secondsPerRun([&] { result = generateRotation(staff, rules, monday, seed++); }, 20);
    std::size_t violations = 0;
    const double validate =
        secondsPerRun([&] { violations = validateRotation(*result.schedule, rules).size(); }, 20);

    RotationRules tooMany = rules;
    tooMany.teamsPerShift = largest + 1;
    std::size_t shortages = 0;
    const double explain = secondsPerRun(
        [&] { shortages = generateRotation(staff, tooMany, monday, seed++).shortages.size(); }, 20);

    std::printf("bench_rotation: 100 staff (40 clinicians, 30 peers, 30 EMTs; early and late), 6 weeks, "
                "K=%d (the largest feasible): %.3f ms per rotation, %zu violations\n",
                largest, generate * 1000.0, violations);
    std::printf("bench_rotation: reference, one validateRotation pass over the result: %.3f ms\n",
                validate * 1000.0);
    std::printf("bench_rotation: ratio generate/validate = %.2f\n", generate / validate);
    std::printf("bench_rotation: infeasible K=%d explained (%zu shortages) in %.3f ms (ratio %.2f)\n",
                largest + 1, shortages, explain * 1000.0, explain / validate);
    std::printf("bench_rotation: target (under 1 s per rotation): %s\n",
                generate < 1.0 && explain < 1.0 ? "met" : "NOT met");
    return 0;
}
