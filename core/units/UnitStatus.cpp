// Which unit status may follow which, and the times a program reports for a
// call, computed from the unit's time-stamped status changes.
//
// The transitions, and why each is allowed (everything else is refused, so a
// unit can never be "on scene" without having been dispatched):
//
//   available      -> dispatched      assigned a call
//                  -> out_of_service  break, shift end, van trouble
//   dispatched     -> en_route        the usual way
//                  -> on_scene        arrived at once (the call was next door,
//                                     or en route was never pressed)
//                  -> clear           cancelled after the unit had committed
//                  -> available       cancelled before the unit moved
//   en_route       -> on_scene
//                  -> clear           cancelled on the way
//   on_scene       -> transporting    taking the person somewhere
//                  -> clear           resolved, referred, handed over
//   transporting   -> clear           dropped off
//   clear          -> available       back in service
//                  -> dispatched      straight to the next call
//                  -> out_of_service  break or shift end after the call
//   out_of_service -> available
//
// Not allowed, on purpose: en_route -> available and on_scene -> available
// (a unit that moved or arrived goes through clear, which ends the call's
// times); on_scene -> en_route (a second location is a new call); anything
// -> itself (a repeated press is not a change).
#include "core/units/UnitStatus.h"

#include <algorithm>
#include <string>

namespace heart::units {

namespace {

using S = UnitStatus;

constexpr std::array<std::string_view, 7> kStatusCodes = {
    "available", "dispatched", "en_route", "on_scene", "transporting", "clear", "out_of_service",
};

constexpr std::array<std::string_view, 2> kKindCodes = {"crt", "cor"};

std::string statusName(UnitStatus status)
{
    return std::string(unitStatusCode(status));
}

std::string indexed(std::size_t index, std::string_view member)
{
    return "changes[" + std::to_string(index) + "]." + std::string(member);
}

// Off-call statuses that may end a call's changes: after clear the unit goes
// back in service or out of service; a call cancelled before the unit moved
// ends in available.
bool endsCall(UnitStatus status)
{
    return status == S::Clear || status == S::Available;
}

} // namespace

std::string_view unitKindCode(UnitKind kind)
{
    return kKindCodes.at(std::size_t(kind));
}

std::optional<UnitKind> unitKindFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kKindCodes.size(); ++i) {
        if (kKindCodes[i] == code)
            return UnitKind(i);
    }
    return std::nullopt;
}

std::string_view unitStatusCode(UnitStatus status)
{
    return kStatusCodes.at(std::size_t(status));
}

std::optional<UnitStatus> unitStatusFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kStatusCodes.size(); ++i) {
        if (kStatusCodes[i] == code)
            return UnitStatus(i);
    }
    return std::nullopt;
}

// Listed in the order a team usually goes; checkTransition reads this too,
// so the table exists once.
std::vector<UnitStatus> nextStatuses(UnitStatus from)
{
    switch (from) {
    case S::Available:
        return {S::Dispatched, S::OutOfService};
    case S::Dispatched:
        return {S::EnRoute, S::OnScene, S::Clear, S::Available};
    case S::EnRoute:
        return {S::OnScene, S::Clear};
    case S::OnScene:
        return {S::Transporting, S::Clear};
    case S::Transporting:
        return {S::Clear};
    case S::Clear:
        return {S::Available, S::Dispatched, S::OutOfService};
    case S::OutOfService:
        return {S::Available};
    }
    return {};
}

std::optional<Error> checkTransition(UnitStatus from, UnitStatus to)
{
    const std::vector<UnitStatus> next = nextStatuses(from);
    if (std::find(next.begin(), next.end(), to) != next.end())
        return std::nullopt;
    return Error{"transition-not-allowed", "status", statusName(to) + " after " + statusName(from)};
}

bool isOnCall(UnitStatus status)
{
    switch (status) {
    case S::Dispatched:
    case S::EnRoute:
    case S::OnScene:
    case S::Transporting:
    case S::Clear:
        return true;
    case S::Available:
    case S::OutOfService:
        return false;
    }
    return false;
}

Result<CallTimes> callTimes(const std::vector<StatusChange>& changes)
{
    using std::chrono::floor;
    using std::chrono::seconds;

    CallTimes times;
    if (changes.empty())
        return times;
    if (changes.front().status != S::Dispatched) {
        return Error{"transition-not-allowed", indexed(0, "status"),
                     "a call starts with dispatched, not " + statusName(changes.front().status)};
    }

    const TimePoint dispatched = changes.front().at;
    std::optional<TimePoint> arrived, transporting;
    bool ended = false;
    for (std::size_t i = 1; i < changes.size(); ++i) {
        const StatusChange& previous = changes[i - 1];
        const StatusChange& change = changes[i];
        if (change.at < previous.at) {
            return Error{"times-out-of-order", indexed(i, "at"),
                         "change " + std::to_string(i) + " is earlier than the change before it"};
        }
        if (auto refused = checkTransition(previous.status, change.status)) {
            refused->field = indexed(i, "status");
            return *refused;
        }
        if (ended) {
            // Only the way back into (or out of) service may follow the end.
            if (isOnCall(change.status)) {
                return Error{"transition-not-allowed", indexed(i, "status"),
                             statusName(change.status) + " after the call ended: another call"};
            }
            continue;
        }
        switch (change.status) {
        case S::OnScene:
            arrived = change.at;
            times.dispatchToArrival = floor<seconds>(change.at - dispatched);
            break;
        case S::Transporting:
            transporting = change.at;
            if (arrived)
                times.onScene = floor<seconds>(change.at - *arrived);
            break;
        case S::Clear:
            if (arrived && !transporting)
                times.onScene = floor<seconds>(change.at - *arrived);
            if (transporting)
                times.transport = floor<seconds>(change.at - *transporting);
            break;
        case S::Available:
        case S::Dispatched:
        case S::EnRoute:
        case S::OutOfService:
            break;
        }
        if (endsCall(change.status)) {
            ended = true;
            times.total = floor<seconds>(change.at - dispatched);
        }
    }
    return times;
}

} // namespace heart::units
