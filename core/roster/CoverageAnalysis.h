#pragma once
// Teams on duty against expected calls, per hour of the week (168 hours,
// Monday 00:00 first, program local time), and how many more responders
// would close each gap. The model behind the numbers (partial hours,
// averaging over the cycle, how often an added responder works a day) is
// described in CoverageAnalysis.cpp.
#include "core/roster/RotationRules.h"

#include <array>
#include <vector>

namespace heart::roster {

struct CoverageOptions
{
    double callsPerTeamHour = 1.0; // what one complete team can take in an hour
};

struct HourCoverage
{
    int hourOfWeek = 0;
    double teamsOnDuty = 0;    // averaged over the weeks of the cycle
    double expectedCalls = 0;  // from the demand profile
    double shortfallTeams = 0; // max(0, expected/callsPerTeamHour - teams)
};

struct CoverageGap
{
    int firstHourOfWeek = 0; // a run of consecutive short hours
    int hours = 0;
    double worstShortfallTeams = 0;
    int moreClinicians = 0;     // responders of each kind that, added to the rotation, close the run
    int moreSupport = 0;        // peer support specialists or EMTs
    int hoursOutsideShifts = 0; // hours of the run no shift template reaches on an open day:
                                // more people cannot close those (moreClinicians/moreSupport ignore them)
};

struct CoverageReport
{
    std::array<HourCoverage, 168> hours{};
    std::vector<CoverageGap> gaps;
};

// expectedCallsPerHourOfWeek: average calls in each hour of the week (from the
// routing replay's hour-of-week profile or from the call history).
CoverageReport analyseCoverage(const Schedule& schedule, const RotationRules& rules,
                               const std::array<double, 168>& expectedCallsPerHourOfWeek,
                               const CoverageOptions& options = {});

} // namespace heart::roster
