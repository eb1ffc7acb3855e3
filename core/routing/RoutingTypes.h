#pragma once
// The vocabulary of a routing decision: programs, call flags, the C-SSRS risk
// level and the reason codes the UI puts into words. Codes are stable strings
// because they are written to files (rule sets, replay output) and databases.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heart::routing {

enum class Program : std::uint8_t
{
    CrisisCallDiversion, // "ccd": clinicians in the 911 center, by phone
    CommunityResponse,   // "crt": unarmed team in person
    CoResponse,          // "cor": clinician with a crisis-trained officer
    CareNavigation,      // "cn": follow-up within 48 hours of a CCD/CRT contact
    PoliceEms,           // "police-ems": the response when no program fits
};
inline constexpr std::array<Program, 5> kAllPrograms = {
    Program::CrisisCallDiversion, Program::CommunityResponse, Program::CoResponse,
    Program::CareNavigation,      Program::PoliceEms,
};
std::string_view programCode(Program program);
std::optional<Program> programFromCode(std::string_view code);

enum class CallFlag : std::uint8_t
{
    Weapon,       // "weapon": a weapon is reported
    Violence,     // "violence": physically violent toward others
    Medical,      // "medical": a medical emergency that needs EMS first
    Intoxication, // "intoxication"
    Minors,       // "minors": minors present
};
inline constexpr std::array<CallFlag, 5> kAllFlags = {
    CallFlag::Weapon, CallFlag::Violence, CallFlag::Medical, CallFlag::Intoxication, CallFlag::Minors,
};
std::string_view flagCode(CallFlag flag);
std::optional<CallFlag> flagFromCode(std::string_view code);

class FlagSet
{
public:
    constexpr FlagSet() = default;
    constexpr FlagSet(std::initializer_list<CallFlag> flags)
    {
        for (CallFlag flag : flags)
            set(flag);
    }
    constexpr bool has(CallFlag flag) const { return (m_bits & bit(flag)) != 0; }
    constexpr void set(CallFlag flag, bool on = true)
    {
        m_bits = on ? std::uint8_t(m_bits | bit(flag)) : std::uint8_t(m_bits & ~bit(flag));
    }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr std::uint8_t bits() const { return m_bits; }
    friend constexpr bool operator==(FlagSet, FlagSet) = default;

private:
    static constexpr std::uint8_t bit(CallFlag flag) { return std::uint8_t(1u << unsigned(flag)); }
    std::uint8_t m_bits = 0;
};

// The C-SSRS screener's result (computed by the triage code; "not assessed"
// when the screener was not done).
enum class RiskLevel : std::uint8_t
{
    NotAssessed,
    None,
    Low,
    Moderate,
    High
};
std::string_view riskCode(RiskLevel risk);
std::optional<RiskLevel> riskFromCode(std::string_view code);

// Why a program is not eligible. The parameters (Reason::first/second) are
// documented per code; the UI words them, replay output counts them.
enum class ReasonCode : std::uint8_t
{
    UnknownCallType,     // first: the call type as given
    CallTypeNotEligible, // first: call type code
    ExcludedByFlag,      // first: flag code ("weapon")
    ExcludedByRisk,      // first: risk code ("high")
    NeedsElevatedRisk,   // first: the conditions, e.g. "weapon|violence|risk:high"
    NotInRuleSet,        // first: rule set id (the program did not operate then)
    LocationUnknown,     // neither beat nor coordinates
    OutsideEveryBeat,    // first: longitude, second: latitude (as given)
    OutsideServiceArea,  // first: beat
    OutsideHours,        // first: weekday code ("sat"), second: local time "02:10"
    Holiday,             // first: date "2024-12-25"
    NoContactProgram,    // care navigation: none of the programs it follows is eligible
};
inline constexpr int kReasonCodeCount = 12;
std::string_view reasonCode(ReasonCode code);
std::optional<ReasonCode> reasonFromCode(std::string_view code);

struct Reason
{
    ReasonCode code = ReasonCode::UnknownCallType;
    std::string first;
    std::string second;
    friend bool operator==(const Reason&, const Reason&) = default;
};

// Why the recommended response is ordered as it is: the answer the
// counselor's screen explains and replay counts.
enum class RecommendationBasis : std::uint8_t
{
    PhoneFirst,   // "phone-first": phone triage first, then one in-person response
    ImminentRisk, // "imminent-risk": high C-SSRS risk needs an in-person evaluation now: the
                  // in-person response leads; phone diversion only keeps the caller on the line
};
inline constexpr std::array<RecommendationBasis, 2> kAllBases = {RecommendationBasis::PhoneFirst,
                                                                 RecommendationBasis::ImminentRisk};
std::string_view basisCode(RecommendationBasis basis);
std::optional<RecommendationBasis> basisFromCode(std::string_view code);

// Weekdays Monday = 0 .. Sunday = 6, as in ISO 8601.
std::string_view weekdayCode(int isoWeekday); // "mon".."sun"
std::optional<int> weekdayFromCode(std::string_view code);

} // namespace heart::routing
