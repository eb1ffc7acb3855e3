#pragma once
// A call as the rules see it: its status as a value (not text), the time
// points of its steps and its disposition as the routing enum. The store maps
// its rows to and from this; screens ask it, never compare status codes.
#include "core/Clock.h"
#include "core/routing/Disposition.h"
#include "core/routing/RoutingTypes.h"

#include <optional>
#include <string>
#include <string_view>

namespace heart::intake {

enum class CallStatus : std::uint8_t
{
    Open,       // "open": being taken
    Dispatched, // "dispatched": a unit is on its way
    Closed,     // "closed": read-only, changes go through addenda
};

std::string_view callStatusCode(CallStatus status);
std::optional<CallStatus> callStatusFromCode(std::string_view code);

struct Call
{
    std::string id;
    int version = 0;
    std::string cadNumber;
    CallStatus status = CallStatus::Open;
    TimePoint receivedAt{};
    std::optional<TimePoint> triagedAt;
    std::optional<TimePoint> decidedAt;
    std::optional<TimePoint> dispatchedAt;
    std::optional<TimePoint> closedAt;
    std::optional<routing::Program> program;
    std::optional<routing::Disposition> disposition;
    std::string assignedUnit; // e.g. "CRT-2" once dispatched

    // A closed call takes no more changes but addenda.
    bool isClosed() const { return status == CallStatus::Closed; }
    // A unit may still be sent: the call is open (not yet dispatched, not closed).
    bool awaitsDispatch() const { return status == CallStatus::Open; }
    // A unit was sent and the call is still running.
    bool isDispatched() const { return status == CallStatus::Dispatched && !assignedUnit.empty(); }
};

} // namespace heart::intake
