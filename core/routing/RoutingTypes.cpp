#include "core/routing/RoutingTypes.h"

namespace heart::routing {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& codes, std::string_view code)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (codes[i] == code)
            return Enum(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 5> kProgramCodes = {"ccd", "crt", "cor", "cn", "police-ems"};
constexpr std::array<std::string_view, 5> kFlagCodes = {"weapon", "violence", "medical", "intoxication",
                                                        "minors"};
constexpr std::array<std::string_view, 5> kRiskCodes = {"not-assessed", "none", "low", "moderate", "high"};
constexpr std::array<std::string_view, kReasonCodeCount> kReasonCodes = {
    "unknown-call-type",    "call-type-not-eligible", "excluded-by-flag", "excluded-by-risk",
    "needs-elevated-risk",  "not-in-rule-set",        "location-unknown", "outside-every-beat",
    "outside-service-area", "outside-hours",          "holiday",          "no-contact-program",
};
constexpr std::array<std::string_view, 2> kBasisCodes = {"phone-first", "imminent-risk"};
constexpr std::array<std::string_view, 7> kWeekdayCodes = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

} // namespace

std::string_view programCode(Program program)
{
    return kProgramCodes.at(std::size_t(program));
}
std::optional<Program> programFromCode(std::string_view code)
{
    return lookup<Program>(kProgramCodes, code);
}
std::string_view flagCode(CallFlag flag)
{
    return kFlagCodes.at(std::size_t(flag));
}
std::optional<CallFlag> flagFromCode(std::string_view code)
{
    return lookup<CallFlag>(kFlagCodes, code);
}
std::string_view riskCode(RiskLevel risk)
{
    return kRiskCodes.at(std::size_t(risk));
}
std::optional<RiskLevel> riskFromCode(std::string_view code)
{
    return lookup<RiskLevel>(kRiskCodes, code);
}
std::string_view reasonCode(ReasonCode code)
{
    return kReasonCodes.at(std::size_t(code));
}
std::optional<ReasonCode> reasonFromCode(std::string_view code)
{
    return lookup<ReasonCode>(kReasonCodes, code);
}
std::string_view basisCode(RecommendationBasis basis)
{
    return kBasisCodes.at(std::size_t(basis));
}
std::optional<RecommendationBasis> basisFromCode(std::string_view code)
{
    return lookup<RecommendationBasis>(kBasisCodes, code);
}
std::string_view weekdayCode(int isoWeekday)
{
    return kWeekdayCodes.at(std::size_t(isoWeekday));
}

std::optional<int> weekdayFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kWeekdayCodes.size(); ++i) {
        if (kWeekdayCodes[i] == code)
            return int(i);
    }
    return std::nullopt;
}

} // namespace heart::routing
