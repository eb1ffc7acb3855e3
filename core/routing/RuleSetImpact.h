#pragma once
// What a change of rules would have done to past calls: every call decided
// under the old and the new rule set (whatever their effective dates), and
// per program the calls that become eligible or ineligible, by hour of the
// week and by beat, and the teams the program's hours would need under each
// (the roster's coverage arithmetic, core/roster/CoverageAnalysis.h). This is
// the editor's preview before a new rule set version is saved.
//
// The staffing model: in every hour of the week a program is open it needs at
// least one complete team for the part of the hour it is open, and more when
// the calls it takes in that hour (averaged over the weeks of history) exceed
// what one team takes (CoverageOptions::callsPerTeamHour):
//     teamsNeeded(h) = max(openFraction(h), eligibleCalls(h) / weeks / callsPerTeamHour)
// and 0 when closed. Holidays are not part of a week's profile.
#include "core/Result.h"
#include "core/geo/BeatMap.h"
#include "core/roster/CoverageAnalysis.h"
#include "core/roster/RotationRules.h"
#include "core/roster/Schedule.h"
#include "core/routing/Router.h"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace heart::routing {

struct BeatImpact
{
    std::size_t gained = 0; // calls in the beat that become eligible
    std::size_t lost = 0;   // calls in the beat that become ineligible
};

struct StaffingEstimate
{
    bool operates = false;                 // the program is in the rule set
    std::array<double, 168> teamsNeeded{}; // Monday 00h = 0 (see the model above)
    double teamHoursPerWeek = 0;           // the sum of teamsNeeded
    double peakTeams = 0;                  // the most in any hour
    int openHoursPerWeek = 0;              // hours with any open minute
    // The roster given in ImpactOptions (or nobody) against teamsNeeded:
    // gaps and the responders that would close each.
    roster::CoverageReport coverage;
    int moreClinicians = 0; // the most any gap needs (a lower bound for the whole week)
    int moreSupport = 0;
    int hoursOutsideShifts = 0; // open hours no shift template reaches
    // What the roster provides in the hours the program is open, from
    // coverage.hours: the team-hours on duty (averaged over the cycle), the
    // open hours with fewer teams on duty than needed, and the team-hours
    // short. `rostered`: the roster given staffs this program
    // (ImpactOptions::rosterProgram); otherwise nobody does, so every open
    // hour is short.
    bool rostered = false;
    double rosterTeamHoursPerWeek = 0;
    int uncoveredHours = 0;
    double shortTeamHours = 0;
};

struct ProgramImpact
{
    Program program = Program::PoliceEms;
    std::size_t eligibleBefore = 0, eligibleAfter = 0;
    std::size_t becomeEligible = 0, becomeIneligible = 0;
    // Hour of the week of the call's local time, Monday 00h = 0.
    std::array<std::size_t, 168> eligibleByHourBefore{}, eligibleByHourAfter{};
    std::array<std::size_t, 168> gainedByHour{}, lostByHour{};
    std::map<std::string, BeatImpact> byBeat; // beat as decided ("" when unknown); only beats with a change
    StaffingEstimate staffingBefore, staffingAfter;
};

struct ImpactOptions
{
    std::shared_ptr<const geo::BeatMap> beats; // locates calls given by coordinates
    // Weeks of history the calls span, for averages; 0 = from the calls'
    // local dates (days from the first to the last, rounded up to weeks).
    double weeks = 0;
    roster::CoverageOptions coverage;
    // The roster the program has now (null: nobody, so the gaps are the whole need).
    const roster::Schedule* schedule = nullptr;
    // The program whose teams the roster's rotation is (the responders on it
    // are CRT's); the other programs are measured against nobody.
    Program rosterProgram = Program::CommunityResponse;
    // Shift templates and rotation rules; the days the program is open are
    // taken from each rule set's hours.
    roster::RotationRules rotation;
};

struct ImpactReport
{
    std::string beforeId, afterId;
    std::size_t calls = 0;     // given
    std::size_t decided = 0;   // decided under both rule sets
    std::size_t undecided = 0; // a time that is not a date and time of day
    double weeks = 0;          // used for the averages
    std::array<ProgramImpact, kAllPrograms.size()> programs{};

    const ProgramImpact& program(Program program) const { return programs[std::size_t(program)]; }
};

// Decides every call under both rule sets. The calls' string views must
// outlive the call only (nothing is kept).
ImpactReport compareRuleSets(const std::vector<CallFacts>& calls, const RuleSet& before, const RuleSet& after,
                             const ImpactOptions& options = {});

// The staffing estimate alone (also used by the editor for hours without history).
StaffingEstimate estimateStaffing(const ProgramRules* rules,
                                  const std::array<std::size_t, 168>& eligibleByHour, double weeks,
                                  const ImpactOptions& options = {});

// 0..1: how much of hour `hourOfWeek` (Monday 00h = 0) the program is open.
double openFraction(const ProgramRules& rules, int hourOfWeek);

} // namespace heart::routing
