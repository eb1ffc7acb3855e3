#pragma once
// The Care Navigation follow-up policy's numbers, which programs change and
// other cities set for themselves: how long after a contact a follow-up is
// due (per program), how long after a diverted call the CCD check-in is due,
// when a task counts as "due soon", and how many unsuccessful attempts close
// a task as "unable to reach".
//
// Due times are ELAPSED hours from the contact, an absolute UTC instant: a
// person in crisis does not wait an hour longer because the clocks went back,
// nor an hour less when they went forward (the local wall time of the due
// instant moves by an hour across a DST change; showing it is the UI's job).
// Weekends count: the programs run 7 days a week since 2023-10-23. A
// program may set skipWeekends (off by default; the 2022 pilot ran Mon-Fri):
// then the hours from Saturday 00:00 to Monday 00:00 program-local time
// (timeZone, a POSIX TZ rule) do not count, and a contact on a weekend starts
// the clock on Monday 00:00.
//
// JSON, by example (every member is optional: a missing one keeps its
// default, so "{}" is the default policy; unknown members are errors, so a
// misspelt key cannot silently switch a rule off):
//
// {
//   "format": "heartdesk-follow-up-policy/1",
//   "timeZone": "EST5EDT,M3.2.0,M11.1.0",
//   "followUp": {                                  // after an in-person (or CCD) contact
//     "crt": {"dueHours": 48, "skipWeekends": false},
//     "cor": {"dueHours": 48, "skipWeekends": false},
//     "ccd": {"dueHours": 48, "skipWeekends": false}
//   },
//   "checkIn": {"dueHours": 48, "skipWeekends": false},  // CCD check-in after a diverted call
//   "dueSoonHours": 4,                             // "due soon" this long before due; 0: never
//   "maxUnsuccessfulAttempts": 3                   // the Nth unsuccessful attempt closes the task
// }
//
// Errors are DataErrors naming the source, the JSON path
// ("followUp.crt.dueHours") and what is wrong; validate() reports a typed
// config's problems with the same paths.
#include "core/Result.h"
#include "core/routing/RoutingTypes.h"

#include <optional>
#include <string>
#include <string_view>

namespace heart::followup {

inline constexpr std::string_view kFollowUpPolicyFormat = "heartdesk-follow-up-policy/1";
inline constexpr int kMaxDueHours = 336; // two weeks
inline constexpr int kMaxDueSoonHours = 72;
inline constexpr int kMaxAttemptsLimit = 20;

struct DueRule
{
    int dueHours = 48;         // 1..kMaxDueHours elapsed hours after the contact
    bool skipWeekends = false; // weekend hours (program-local) do not count
    friend bool operator==(const DueRule&, const DueRule&) = default;
};

struct FollowUpConfig
{
    std::string timeZone = "EST5EDT,M3.2.0,M11.1.0"; // where weekends begin and end
    DueRule crt;                                     // follow-up after a Community Response Team contact
    DueRule cor;                                     // after a Co-Response contact
    DueRule ccd;                     // after a CCD contact that is not a diverted-call check-in
    DueRule checkIn;                 // CCD check-in after a call closed as "diverted"
    int dueSoonHours = 4;            // 0..kMaxDueSoonHours
    int maxUnsuccessfulAttempts = 3; // 1..kMaxAttemptsLimit, for tasks created from now on
    friend bool operator==(const FollowUpConfig&, const FollowUpConfig&) = default;
};

// The follow-up rule of a program (crt, cor, ccd); nullptr for the others
// (Care Navigation and police/EMS contacts are not followed up by a task).
const DueRule* followUpRule(const FollowUpConfig& config, routing::Program program);

// The first problem of a typed config (out-of-range numbers, a time zone
// that does not parse), located by its JSON path; nullopt when valid.
std::optional<DataError> validate(const FollowUpConfig& config, const std::string& sourceName);

Result<FollowUpConfig, DataError> parseFollowUpConfig(std::string_view json, const std::string& sourceName);
// Every member, with "format": parseFollowUpConfig(toJson(c)) == c.
std::string toJson(const FollowUpConfig& config);

} // namespace heart::followup
