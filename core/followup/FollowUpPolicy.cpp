// Care Navigation's follow-up decisions (see FollowUpPolicy.h).
#include "core/followup/FollowUpPolicy.h"

#include <algorithm>

namespace heart::followup {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 2> kKindCodes = {"follow_up", "check_in"};
constexpr std::array<std::string_view, 4> kStateCodes = {"open", "due_soon", "overdue", "closed"};
constexpr std::array<std::string_view, 3> kChannelCodes = {"phone", "text", "in_person"};
constexpr std::array<std::string_view, 4> kResultCodes = {"reached", "no_answer", "left_message",
                                                          "wrong_number"};
constexpr std::array<std::string_view, 4> kOutcomeCodes = {"connected", "declined", "already_connected",
                                                           "unable_to_reach"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromCode(const std::array<std::string_view, N>& codes, std::string_view code)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (codes[i] == code)
            return Enum(i);
    }
    return std::nullopt;
}

bool blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Error taskClosed()
{
    return Error{"task-closed", "state", "the task is closed"};
}

roster::TimeZoneRule zoneOf(const FollowUpConfig& config)
{
    const auto zone = roster::TimeZoneRule::parse(config.timeZone);
    return zone.ok() ? zone.value() : roster::TimeZoneRule::newYork();
}

} // namespace

std::string_view taskKindCode(TaskKind kind)
{
    return kKindCodes.at(std::size_t(kind));
}
std::optional<TaskKind> taskKindFromCode(std::string_view code)
{
    return fromCode<TaskKind>(kKindCodes, code);
}
std::string_view taskStateCode(TaskState state)
{
    return kStateCodes.at(std::size_t(state));
}
std::optional<TaskState> taskStateFromCode(std::string_view code)
{
    return fromCode<TaskState>(kStateCodes, code);
}
std::string_view attemptChannelCode(AttemptChannel channel)
{
    return kChannelCodes.at(std::size_t(channel));
}
std::optional<AttemptChannel> attemptChannelFromCode(std::string_view code)
{
    return fromCode<AttemptChannel>(kChannelCodes, code);
}
std::string_view attemptResultCode(AttemptResult result)
{
    return kResultCodes.at(std::size_t(result));
}
std::optional<AttemptResult> attemptResultFromCode(std::string_view code)
{
    return fromCode<AttemptResult>(kResultCodes, code);
}
bool isUnsuccessful(AttemptResult result)
{
    return result != AttemptResult::Reached;
}
std::string_view outcomeCode(Outcome outcome)
{
    return kOutcomeCodes.at(std::size_t(outcome));
}
std::optional<Outcome> outcomeFromCode(std::string_view code)
{
    return fromCode<Outcome>(kOutcomeCodes, code);
}

routing::RiskLevel taskRisk(const std::optional<triage::CssrsAnswers>& inPerson, routing::RiskLevel callRisk)
{
    if (inPerson) {
        const routing::RiskLevel screened = triage::assessCssrs(*inPerson).risk;
        if (screened != routing::RiskLevel::NotAssessed)
            return screened;
    }
    return callRisk;
}

int riskRank(routing::RiskLevel risk)
{
    switch (risk) {
    case routing::RiskLevel::High:
        return 3;
    case routing::RiskLevel::Moderate:
        return 2;
    case routing::RiskLevel::Low:
        return 1;
    case routing::RiskLevel::None:
    case routing::RiskLevel::NotAssessed:
        return 0;
    }
    return 0;
}

bool comesBefore(const PriorityKey& a, const PriorityKey& b)
{
    if (riskRank(a.risk) != riskRank(b.risk))
        return riskRank(a.risk) > riskRank(b.risk);
    return a.dueAt < b.dueAt;
}

Result<AttemptEffect> applyAttempt(const TaskProgress& task, AttemptResult result)
{
    if (task.closed)
        return taskClosed();
    AttemptEffect effect;
    effect.unsuccessfulAttempts = task.unsuccessfulAttempts + (isUnsuccessful(result) ? 1 : 0);
    effect.closesTask = isUnsuccessful(result) && effect.unsuccessfulAttempts >= task.maxAttempts;
    return effect;
}

Result<Extension> extendAttempts(const TaskProgress& task, int extraAttempts)
{
    if (task.closed && task.outcome != Outcome::UnableToReach)
        return taskClosed();
    if (extraAttempts < 1 || extraAttempts > kMaxAttemptsLimit)
        return Error{"invalid-extension", "extraAttempts",
                     "extra attempts must be 1 to " + std::to_string(kMaxAttemptsLimit)};
    // From what has been tried: a task closed by its last attempt gets exactly
    // the extra attempts, never fewer because its old limit was lower.
    const int limit = std::max(task.maxAttempts, task.unsuccessfulAttempts) + extraAttempts;
    if (limit > 2 * kMaxAttemptsLimit)
        return Error{"invalid-extension", "extraAttempts",
                     "no task takes more than " + std::to_string(2 * kMaxAttemptsLimit) + " attempts"};
    return Extension{limit, task.closed};
}

std::optional<Error> checkOutcome(const TaskProgress& task, Outcome outcome, std::string_view resourceId,
                                  std::string_view serviceText)
{
    if (task.closed)
        return taskClosed();
    if (outcome == Outcome::Connected && blank(resourceId) && blank(serviceText))
        return Error{"required", "service", "connected needs a service from the directory or its name"};
    return std::nullopt;
}

FollowUpPolicy::FollowUpPolicy() : m_zone(roster::TimeZoneRule::newYork()) {}

FollowUpPolicy::FollowUpPolicy(FollowUpConfig config, roster::TimeZoneRule zone)
    : m_config(std::move(config)), m_zone(std::move(zone))
{}

Result<FollowUpPolicy, DataError> FollowUpPolicy::make(FollowUpConfig config, const std::string& sourceName)
{
    if (auto problem = validate(config, sourceName))
        return *problem;
    roster::TimeZoneRule zone = zoneOf(config);
    return FollowUpPolicy(std::move(config), std::move(zone));
}

TimePoint FollowUpPolicy::dueAt(const DueRule& rule, TimePoint contactAt) const
{
    const TimePoint plain = contactAt + hours{rule.dueHours};
    if (!rule.skipWeekends)
        return plain;
    // Walk weekday stretches: from t to the next Saturday 00:00 local counts,
    // Saturday 00:00 to Monday 00:00 does not. Local midnights are found by
    // the zone rule, so a DST change inside a weekday stretch still counts
    // the hours that really pass.
    auto remaining = duration_cast<TimePoint::duration>(hours{rule.dueHours});
    TimePoint t = contactAt;
    for (int guard = 0; guard < 1000; ++guard) {
        const roster::LocalDateTime local = m_zone.toLocal(t);
        const weekday day{sys_days{local.date}};
        if (day == Saturday || day == Sunday) {
            const sys_days monday = sys_days{local.date} + (Monday - day);
            t = m_zone.toUtc({year_month_day{monday}, 0});
            continue;
        }
        const sys_days saturday = sys_days{local.date} + (Saturday - day);
        const TimePoint weekendStarts = m_zone.toUtc({year_month_day{saturday}, 0});
        if (t + remaining <= weekendStarts)
            return t + remaining;
        remaining -= weekendStarts - t;
        t = weekendStarts;
    }
    return plain; // not reached: 336 hours span at most three weekends
}

std::optional<NewTask> FollowUpPolicy::followUpForEncounter(const EncounterContact& contact) const
{
    if (!contact.isSigned || contact.consentToFollowUp != true)
        return std::nullopt;
    const DueRule* rule = followUpRule(m_config, contact.program);
    if (!rule)
        return std::nullopt;
    NewTask task;
    task.kind = TaskKind::FollowUp;
    task.program = contact.program;
    task.risk = contact.risk;
    task.preferredContact = contact.preferredContact;
    task.contactPhone = contact.contactPhone;
    task.contactAt = contact.contactAt;
    task.dueAt = dueAt(*rule, contact.contactAt);
    task.maxAttempts = m_config.maxUnsuccessfulAttempts;
    return task;
}

std::optional<NewTask> FollowUpPolicy::checkInForCall(const ClosedCall& call) const
{
    if (!call.isClosed || call.disposition != routing::Disposition::Diverted)
        return std::nullopt;
    NewTask task;
    task.kind = TaskKind::CheckIn;
    task.program = routing::Program::CrisisCallDiversion;
    task.risk = call.risk;
    task.preferredContact =
        blank(call.contactPhone) ? encounter::ContactPreference::None : encounter::ContactPreference::Phone;
    task.contactPhone = blank(call.contactPhone) ? std::string() : call.contactPhone;
    task.contactAt = call.contactAt;
    task.dueAt = dueAt(m_config.checkIn, call.contactAt);
    task.maxAttempts = m_config.maxUnsuccessfulAttempts;
    return task;
}

TaskState FollowUpPolicy::state(bool closed, TimePoint dueAt, TimePoint now) const
{
    if (closed)
        return TaskState::Closed;
    if (now >= dueAt)
        return TaskState::Overdue;
    if (now >= dueAt - hours{m_config.dueSoonHours})
        return TaskState::DueSoon;
    return TaskState::Open;
}

} // namespace heart::followup
