#pragma once
// A response unit (CRT: clinician lead with a peer support specialist and/or
// an EMT; Co-Response: clinician with a crisis-trained officer) and its status
// through a call. Which status may follow which is decided here, and the
// times a program reports (dispatch to arrival, time on scene) are computed
// here from the time-stamped status changes.
#include "core/Clock.h"
#include "core/Result.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace heart::units {

enum class UnitKind : std::uint8_t
{
    CommunityResponse,
    CoResponse
};
std::string_view unitKindCode(UnitKind kind); // "crt", "cor"
std::optional<UnitKind> unitKindFromCode(std::string_view code);

enum class UnitStatus : std::uint8_t
{
    Available,    // "available": in service, no call
    Dispatched,   // "dispatched": assigned a call, not yet moving
    EnRoute,      // "en_route"
    OnScene,      // "on_scene"
    Transporting, // "transporting": taking the person somewhere
    Clear,        // "clear": done with the call (briefly, before available)
    OutOfService, // "out_of_service": break, shift end, van trouble
};
inline constexpr std::array<UnitStatus, 7> kAllUnitStatuses = {
    UnitStatus::Available,    UnitStatus::Dispatched, UnitStatus::EnRoute,      UnitStatus::OnScene,
    UnitStatus::Transporting, UnitStatus::Clear,      UnitStatus::OutOfService,
};
std::string_view unitStatusCode(UnitStatus status);
std::optional<UnitStatus> unitStatusFromCode(std::string_view code);

// Error code "transition-not-allowed" (field "status", detail "on_scene after available")
// when `to` may not follow `from`; changing to the same status is not allowed either.
std::optional<Error> checkTransition(UnitStatus from, UnitStatus to);
// The statuses that may follow `from`, in the order a team usually goes.
std::vector<UnitStatus> nextStatuses(UnitStatus from);
// Whether the status belongs to a call (dispatched .. clear): the unit has a call.
bool isOnCall(UnitStatus status);

struct StatusChange
{
    UnitStatus status = UnitStatus::Available;
    TimePoint at;
};

// For one call, from the unit's changes while on it (oldest first):
struct CallTimes
{
    std::optional<std::chrono::seconds> dispatchToArrival; // first dispatched -> first on_scene
    std::optional<std::chrono::seconds> onScene;   // first on_scene -> first clear/transporting after it
    std::optional<std::chrono::seconds> transport; // transporting -> clear
    std::optional<std::chrono::seconds> total;     // first dispatched -> clear
    friend bool operator==(const CallTimes&, const CallTimes&) = default;
};
// Errors "times-out-of-order" (a change earlier than the one before it) and
// "transition-not-allowed" (a sequence the rules forbid), naming the index.
//
// The changes of one call start with dispatched (error at index 0 otherwise)
// and follow the transition rules pair by pair. The call ends at clear, or at
// available when it was cancelled before the unit moved (total then runs to
// that available). After the end only off-call changes may follow (available,
// out_of_service: the unit back in or out of service); a dispatched after the
// end is the next call, refused here ("transition-not-allowed"): give each
// call its own changes, a back-to-back call starting with its own dispatched.
// A call still under way has only the times it has reached (no total before
// clear); one cancelled before arrival has no dispatchToArrival and no
// onScene. Equal times are in order. The errors' field is the offending
// change, "changes[3].at" or "changes[3].status". Times are UTC time points,
// so a call across a daylight-saving change lasts what the clocks of the
// world say (durations are rounded down to whole seconds).
Result<CallTimes> callTimes(const std::vector<StatusChange>& changes);

} // namespace heart::units
