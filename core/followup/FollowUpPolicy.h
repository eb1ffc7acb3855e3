#pragma once
// Care Navigation's follow-up decisions: which contact gets a task and when
// it is due, the queue's priority, a task's state at an instant, what an
// attempt to reach the person does to the task, extending the attempts, and
// which outcomes a task may close with. Time is always an argument (never
// read here), so every rule is testable at any instant, DST included. The
// numbers come from FollowUpConfig (see there for due times, DST and
// weekends).
//
// Tasks:
//   follow_up  after a signed CRT / Co-Response encounter whose person
//              consented to follow-up ("encounter:<id>"); no consent, or
//              consent not given, no task. Due at contact + the program's hours.
//   check_in   after a CCD call closed as "diverted" ("call:<id>"); due at
//              contact + checkIn hours.
// The contact time is decided by the store (see FollowUpStore.h).
//
// Priority: risk high > moderate > low > none (not screened counts as none),
// then the earliest due time first.
//
// States at an instant: closed; overdue from the due instant on; due soon
// within dueSoonHours before it; open otherwise.
//
// Attempts: channel phone, text, in_person; result reached, no_answer,
// left_message, wrong_number. Every result but "reached" counts as
// unsuccessful; the attempt that makes the unsuccessful count reach the
// task's limit closes it as "unable_to_reach". A navigator may extend the
// limit (extra attempts), before that attempt or after it: extending a task
// closed as "unable_to_reach" reopens it. A task closed with any other
// outcome takes no attempts, outcomes or extensions.
//
// Outcomes: connected (to a service: a resource-directory id or a free-text
// name, either will do), declined, already_connected, unable_to_reach.
#include "core/Clock.h"
#include "core/Result.h"
#include "core/encounter/EncounterRules.h"
#include "core/followup/FollowUpConfig.h"
#include "core/roster/TimeZoneRule.h"
#include "core/routing/Disposition.h"
#include "core/routing/RoutingTypes.h"
#include "core/triage/Cssrs.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heart::followup {

enum class TaskKind : std::uint8_t
{
    FollowUp, // "follow_up"
    CheckIn,  // "check_in"
};
inline constexpr std::array<TaskKind, 2> kAllTaskKinds = {TaskKind::FollowUp, TaskKind::CheckIn};
std::string_view taskKindCode(TaskKind kind);
std::optional<TaskKind> taskKindFromCode(std::string_view code);

// Stored is only "open" or "closed"; due soon and overdue are computed at an instant.
enum class TaskState : std::uint8_t
{
    Open,    // "open"
    DueSoon, // "due_soon"
    Overdue, // "overdue"
    Closed,  // "closed"
};
inline constexpr std::array<TaskState, 4> kAllTaskStates = {TaskState::Open, TaskState::DueSoon,
                                                            TaskState::Overdue, TaskState::Closed};
std::string_view taskStateCode(TaskState state);
std::optional<TaskState> taskStateFromCode(std::string_view code);

enum class AttemptChannel : std::uint8_t
{
    Phone,    // "phone"
    Text,     // "text"
    InPerson, // "in_person"
};
inline constexpr std::array<AttemptChannel, 3> kAllAttemptChannels = {
    AttemptChannel::Phone, AttemptChannel::Text, AttemptChannel::InPerson};
std::string_view attemptChannelCode(AttemptChannel channel);
std::optional<AttemptChannel> attemptChannelFromCode(std::string_view code);

enum class AttemptResult : std::uint8_t
{
    Reached,     // "reached"
    NoAnswer,    // "no_answer"
    LeftMessage, // "left_message"
    WrongNumber, // "wrong_number"
};
inline constexpr std::array<AttemptResult, 4> kAllAttemptResults = {
    AttemptResult::Reached, AttemptResult::NoAnswer, AttemptResult::LeftMessage, AttemptResult::WrongNumber};
std::string_view attemptResultCode(AttemptResult result);
std::optional<AttemptResult> attemptResultFromCode(std::string_view code);
bool isUnsuccessful(AttemptResult result);

enum class Outcome : std::uint8_t
{
    Connected,        // "connected": to a service
    Declined,         // "declined"
    AlreadyConnected, // "already_connected"
    UnableToReach,    // "unable_to_reach"
};
inline constexpr std::array<Outcome, 4> kAllOutcomes = {Outcome::Connected, Outcome::Declined,
                                                        Outcome::AlreadyConnected, Outcome::UnableToReach};
std::string_view outcomeCode(Outcome outcome);
std::optional<Outcome> outcomeFromCode(std::string_view code);

// What a signed encounter tells the policy.
struct EncounterContact
{
    routing::Program program = routing::Program::CommunityResponse; // the unit's: crt or cor
    bool isSigned = false;
    std::optional<bool> consentToFollowUp;
    std::optional<encounter::ContactPreference> preferredContact;
    std::string contactPhone;
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed; // see taskRisk()
    TimePoint contactAt;
};

// What a call tells the policy when it is closed.
struct ClosedCall
{
    bool isClosed = false;
    std::optional<routing::Disposition> disposition;
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    std::string contactPhone; // the number to call back (the caller's, else the person's), or empty
    TimePoint contactAt;
};

// A task to create.
struct NewTask
{
    TaskKind kind = TaskKind::FollowUp;
    routing::Program program = routing::Program::CommunityResponse;
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    std::optional<encounter::ContactPreference> preferredContact;
    std::string contactPhone;
    TimePoint contactAt;
    TimePoint dueAt;
    int maxAttempts = 3;
    friend bool operator==(const NewTask&, const NewTask&) = default;
};

// Where a task stands for the attempt, extension and outcome rules.
struct TaskProgress
{
    bool closed = false;
    std::optional<Outcome> outcome; // when closed
    int unsuccessfulAttempts = 0;
    int maxAttempts = 3;
};

struct AttemptEffect
{
    int unsuccessfulAttempts = 0; // after the attempt
    bool closesTask = false;      // as unable_to_reach
};

struct Extension
{
    int maxAttempts = 0;  // the new limit
    bool reopens = false; // the task was closed as unable_to_reach
};

struct PriorityKey
{
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;
    TimePoint dueAt;
};

// The risk of a task: the in-person C-SSRS when screened (anything answered),
// else the call's.
routing::RiskLevel taskRisk(const std::optional<triage::CssrsAnswers>& inPerson, routing::RiskLevel callRisk);
// 3 high, 2 moderate, 1 low, 0 none or not screened (followup_tasks.risk_rank).
int riskRank(routing::RiskLevel risk);
// True when `a` comes before `b` in the queue.
bool comesBefore(const PriorityKey& a, const PriorityKey& b);

// Error codes: "task-closed" (field "state") for anything on a closed task
// but extending one closed as unable_to_reach; "invalid-extension" (field
// "extraAttempts") for fewer than 1 or more than kMaxAttemptsLimit extra, or
// a limit beyond 2 x kMaxAttemptsLimit; "required" (field "service") for
// connected without a service.
Result<AttemptEffect> applyAttempt(const TaskProgress& task, AttemptResult result);
Result<Extension> extendAttempts(const TaskProgress& task, int extraAttempts);
std::optional<Error> checkOutcome(const TaskProgress& task, Outcome outcome, std::string_view resourceId,
                                  std::string_view serviceText);

class FollowUpPolicy
{
public:
    FollowUpPolicy(); // the defaults
    // DataError (from validate) when the config is not usable.
    static Result<FollowUpPolicy, DataError> make(FollowUpConfig config,
                                                  const std::string& sourceName = "<config>");

    const FollowUpConfig& config() const { return m_config; }

    // The due instant: contactAt + rule.dueHours elapsed hours, weekend
    // hours left out when rule.skipWeekends (see FollowUpConfig.h).
    TimePoint dueAt(const DueRule& rule, TimePoint contactAt) const;

    // A follow-up when the encounter is signed, the person consented and the
    // program is followed up (crt, cor, ccd); nullopt otherwise.
    std::optional<NewTask> followUpForEncounter(const EncounterContact& contact) const;
    // A check-in when the call is closed as "diverted"; nullopt otherwise.
    // Preferred contact: phone when there is a number, none otherwise.
    std::optional<NewTask> checkInForCall(const ClosedCall& call) const;

    TaskState state(bool closed, TimePoint dueAt, TimePoint now) const;

private:
    FollowUpPolicy(FollowUpConfig config, roster::TimeZoneRule zone);

    FollowUpConfig m_config;
    roster::TimeZoneRule m_zone;
};

} // namespace heart::followup
