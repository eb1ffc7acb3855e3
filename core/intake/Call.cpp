#include "core/intake/Call.h"

namespace heart::intake {

std::string_view callStatusCode(CallStatus status)
{
    switch (status) {
    case CallStatus::Open:
        return "open";
    case CallStatus::Dispatched:
        return "dispatched";
    case CallStatus::Closed:
        return "closed";
    }
    return "open";
}

std::optional<CallStatus> callStatusFromCode(std::string_view code)
{
    for (CallStatus status : {CallStatus::Open, CallStatus::Dispatched, CallStatus::Closed}) {
        if (callStatusCode(status) == code)
            return status;
    }
    return std::nullopt;
}

} // namespace heart::intake
