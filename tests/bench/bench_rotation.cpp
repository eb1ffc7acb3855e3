// How long generating a 6-week rotation for 100 staff takes (target: under a
// second), reported against a reference measured in the same run: one pass of
// the validator over the result, the least any generator that checks its
// output must spend.
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationValidator.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace heart::roster;
using Clock = std::chrono::steady_clock;

namespace {

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

template <typename F>
double secondsPerRun(F&& f, int minRuns)
{
    int runs = 0;
    const auto start = Clock::now();
    auto elapsed = std::chrono::duration<double>(0);
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
    RotationRules rules;
    rules.teamsPerShift = 6; // 20 clinicians and 30 support per shift: 20/3 = 6 complete teams every weekend
    const std::chrono::year_month_day monday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{2}};
    std::uint64_t seed = 1;
    GenerationResult result;
    const double generate = secondsPerRun([&] { result = generateRotation(staff, rules, monday, seed++); }, 5);
    if (!result.schedule) {
        std::printf("bench_rotation: generation failed for 100 staff\n");
        return 1;
    }
    std::size_t violations = 0;
    const double validate = secondsPerRun([&] { violations = validateRotation(*result.schedule, rules).size(); }, 5);
    std::printf("bench_rotation: 100 staff, 6 weeks, K=%d: %.3f ms per rotation (%zu violations)\n",
                rules.teamsPerShift, generate * 1000.0, violations);
    std::printf("bench_rotation: reference (one validation pass): %.3f ms\n", validate * 1000.0);
    std::printf("bench_rotation: ratio generate/validate = %.2f\n", generate / validate);
    std::printf("bench_rotation: target under 1 s: %s\n", generate < 1.0 ? "met" : "NOT met");
    return 0;
}
