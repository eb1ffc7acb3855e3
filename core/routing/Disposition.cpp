#include "core/routing/Disposition.h"

#include <algorithm>
#include <array>

namespace heart::routing {

namespace {
constexpr std::array<std::string_view, 6> kCodes = {"diverted",     "transferred_988", "crt_dispatch",
                                                    "cor_dispatch", "police_ems",      "declined"};
}

std::string_view dispositionCode(Disposition disposition)
{
    return kCodes.at(std::size_t(disposition));
}

std::optional<Disposition> dispositionFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (kCodes[i] == code)
            return Disposition(i);
    }
    return std::nullopt;
}

Program handlingProgram(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Diverted:
    case Disposition::Transferred988:
    case Disposition::Declined:
        return Program::CrisisCallDiversion;
    case Disposition::CrtDispatch:
        return Program::CommunityResponse;
    case Disposition::CorDispatch:
        return Program::CoResponse;
    case Disposition::PoliceEms:
        return Program::PoliceEms;
    }
    return Program::PoliceEms;
}

bool sendsUnit(Disposition disposition)
{
    return disposition == Disposition::CrtDispatch || disposition == Disposition::CorDispatch;
}

bool followsRecommendation(Disposition disposition, const std::vector<Program>& recommended)
{
    const auto has = [&](Program program) {
        return std::find(recommended.begin(), recommended.end(), program) != recommended.end();
    };
    switch (disposition) {
    case Disposition::Declined:
        return true;
    case Disposition::Diverted:
    case Disposition::Transferred988:
        return has(Program::CrisisCallDiversion);
    case Disposition::CrtDispatch:
        return has(Program::CommunityResponse);
    case Disposition::CorDispatch:
        return has(Program::CoResponse);
    case Disposition::PoliceEms:
        return has(Program::PoliceEms);
    }
    return false;
}

} // namespace heart::routing
