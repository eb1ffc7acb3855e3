#pragma once
// The encounter note a Community Response Team (or Co-Response) lead writes
// after an in-person contact, and what it must hold before it can be signed.
// A signed note is locked (corrections are addenda), so every required field
// is checked here, before signing, and reported field by field in the order
// of the form so the UI can take the lead to the first one.
//
// The form, in order (field names are stable: the UI and the store use them):
//   presentingConcern   what the call and the person were about     always required
//   cssrs               in-person C-SSRS screener                   optional: the
//                       screener may be stopped at any point, like the call taker's
//   assessment          the lead's assessment, free text            optional
//   interventions       what the team did, free text                optional
//   disposition         how the encounter ended                     always required
//     destination       where the person was taken                  transported
//     referralService   resource-directory id or free text          referred
//     escalationReason  why police or EMS were requested            police_requested, ems_requested
//   feltSafe            whether the responders felt safe            always required
//   consentToFollowUp   yes / no                                    unless declined
//   preferredContact    phone, text, in person, none                when consent is yes
//   contactPhone        a dialable number (core/intake normalisePhone) for phone or text
//   contactPlace        where to meet (an address or a place), free text  for in person
//   narrative           free text                                   optional
//
// Text that is empty or only blanks counts as missing. A field that belongs
// to another disposition (a destination on a referral) is ignored, not an
// error: the lead may have changed the disposition and the UI hides it.
#include "core/Result.h"
#include "core/Role.h"
#include "core/triage/Cssrs.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heart::encounter {

enum class EncounterDisposition : std::uint8_t
{
    ResolvedOnScene, // "resolved_on_scene"
    Transported,     // "transported": needs a destination
    Referred,        // "referred": needs a service
    Declined,        // "declined": the person declined services
    PoliceRequested, // "police_requested": needs a reason
    EmsRequested,    // "ems_requested": needs a reason
};
inline constexpr std::array<EncounterDisposition, 6> kAllEncounterDispositions = {
    EncounterDisposition::ResolvedOnScene, EncounterDisposition::Transported,
    EncounterDisposition::Referred,        EncounterDisposition::Declined,
    EncounterDisposition::PoliceRequested, EncounterDisposition::EmsRequested,
};
std::string_view encounterDispositionCode(EncounterDisposition disposition);
std::optional<EncounterDisposition> encounterDispositionFromCode(std::string_view code);

// How the person would like Care Navigation to reach them for follow-up.
enum class ContactPreference : std::uint8_t
{
    Phone,    // "phone"
    Text,     // "text"
    InPerson, // "in_person"
    None,     // "none": agrees to follow-up, no preferred way
};
inline constexpr std::array<ContactPreference, 4> kAllContactPreferences = {
    ContactPreference::Phone,
    ContactPreference::Text,
    ContactPreference::InPerson,
    ContactPreference::None,
};
std::string_view contactPreferenceCode(ContactPreference preference);
std::optional<ContactPreference> contactPreferenceFromCode(std::string_view code);
// Phone and text need a number.
bool needsPhone(ContactPreference preference);
// In person needs a place to meet.
bool needsPlace(ContactPreference preference);

struct EncounterNote
{
    std::string presentingConcern;
    std::optional<triage::CssrsAnswers> cssrs; // nullopt: not screened in person
    std::string assessment;
    std::string interventions;
    std::optional<EncounterDisposition> disposition;
    std::string destination;        // transported
    std::string referralResourceId; // referred: an id from the resource directory, or
    std::string referralText;       //   free text when the service is not listed (either will do)
    std::string escalationReason;   // police_requested, ems_requested
    std::optional<bool> feltSafe;
    std::optional<bool> consentToFollowUp;
    std::optional<ContactPreference> preferredContact;
    std::string contactPhone; // as typed; store the normalised form (intake::normalisePhone)
    std::string contactPlace; // in person: where Care Navigation can meet the person
    std::string narrative;
    friend bool operator==(const EncounterNote&, const EncounterNote&) = default;
};

// The stable field names, in form order ("referralService" stands for the
// resource id and the free text together).
inline constexpr std::array<std::string_view, 14> kEncounterFields = {
    "presentingConcern", "cssrs",           "assessment",       "interventions", "disposition",
    "destination",       "referralService", "escalationReason", "feltSafe",      "consentToFollowUp",
    "preferredContact",  "contactPhone",    "contactPlace",     "narrative",
};

// One Error per missing or invalid field, in form order; empty when the note
// may be signed. Codes: "required" (missing: contactPlace when meeting in
// person) and, for contactPhone,
// "phone-not-dialable" (from intake::normalisePhone; a service code such as
// 988 or 911 is not the person's number and is refused the same way).
std::vector<Error> missingForSigning(const EncounterNote& note);

// Only the clinician lead signs: the CRT team lead or the co-response
// clinician. Every member of a unit (lead, peer support, EMT, co-response
// clinician) may add entries. Both agree with the permission table
// (Action::SignEncounter, Action::WriteEncounterEntry).
bool maySign(Role role);
bool mayAddEntry(Role role);

} // namespace heart::encounter
