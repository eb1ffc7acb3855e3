#pragma once
// The counselor's disposition of a call and whether it follows the routing
// recommendation: a choice against it needs a written reason.
#include "core/routing/RoutingTypes.h"

#include <optional>
#include <string_view>
#include <vector>

namespace heart::routing {

enum class Disposition : std::uint8_t
{
    Diverted,       // "diverted": resolved by phone
    Transferred988, // "transferred_988"
    CrtDispatch,    // "crt_dispatch"
    CorDispatch,    // "cor_dispatch"
    PoliceEms,      // "police_ems": returned to police/EMS
    Declined,       // "declined": declined or disconnected
};
inline constexpr std::array<Disposition, 6> kAllDispositions = {
    Disposition::Diverted,    Disposition::Transferred988, Disposition::CrtDispatch,
    Disposition::CorDispatch, Disposition::PoliceEms,      Disposition::Declined,
};
std::string_view dispositionCode(Disposition disposition);
std::optional<Disposition> dispositionFromCode(std::string_view code);

// The program that handled the call with this disposition ("ccd" for phone
// resolutions, the team's program for a dispatch).
Program handlingProgram(Disposition disposition);
// A unit goes out: CRT or Co-Response dispatch.
bool sendsUnit(Disposition disposition);

// True when the disposition is one the recommendation allows without a
// reason: phone resolutions (diverted, 988) when CCD is recommended, the
// recommended team's dispatch, police/EMS when recommended; a declined or
// disconnected call never needs one.
bool followsRecommendation(Disposition disposition, const std::vector<Program>& recommended);

} // namespace heart::routing
