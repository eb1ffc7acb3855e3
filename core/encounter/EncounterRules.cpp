// What an encounter note must hold before the clinician lead signs it (see
// EncounterRules.h for the form and its rules), and who may sign or add to it.
#include "core/encounter/EncounterRules.h"

#include "core/Permissions.h"
#include "core/intake/IntakeRules.h"

#include <algorithm>

namespace heart::encounter {

namespace {

using D = EncounterDisposition;

constexpr std::array<std::string_view, 6> kDispositionCodes = {
    "resolved_on_scene", "transported", "referred", "declined", "police_requested", "ems_requested",
};
constexpr std::array<std::string_view, 4> kContactCodes = {"phone", "text", "in_person", "none"};

bool blank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Error required(std::string_view field, std::string detail)
{
    return Error{"required", std::string(field), std::move(detail)};
}

template <std::size_t N, typename Enum>
std::optional<Enum> fromCode(const std::array<std::string_view, N>& codes, std::string_view code)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (codes[i] == code)
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

std::string_view encounterDispositionCode(EncounterDisposition disposition)
{
    return kDispositionCodes.at(std::size_t(disposition));
}

std::optional<EncounterDisposition> encounterDispositionFromCode(std::string_view code)
{
    return fromCode<6, EncounterDisposition>(kDispositionCodes, code);
}

std::string_view contactPreferenceCode(ContactPreference preference)
{
    return kContactCodes.at(std::size_t(preference));
}

std::optional<ContactPreference> contactPreferenceFromCode(std::string_view code)
{
    return fromCode<4, ContactPreference>(kContactCodes, code);
}

bool needsPhone(ContactPreference preference)
{
    return preference == ContactPreference::Phone || preference == ContactPreference::Text;
}

bool needsPlace(ContactPreference preference)
{
    return preference == ContactPreference::InPerson;
}

std::vector<Error> missingForSigning(const EncounterNote& note)
{
    std::vector<Error> errors;
    if (blank(note.presentingConcern))
        errors.push_back(required("presentingConcern", "always required"));
    // cssrs, assessment, interventions: optional.
    if (!note.disposition) {
        errors.push_back(required("disposition", "always required"));
    } else {
        switch (*note.disposition) {
        case D::Transported:
            if (blank(note.destination))
                errors.push_back(required("destination", "required when transported"));
            break;
        case D::Referred:
            if (blank(note.referralResourceId) && blank(note.referralText))
                errors.push_back(required("referralService", "required when referred"));
            break;
        case D::PoliceRequested:
        case D::EmsRequested:
            if (blank(note.escalationReason)) {
                errors.push_back(
                    required("escalationReason",
                             "required when " + std::string(encounterDispositionCode(*note.disposition))));
            }
            break;
        case D::ResolvedOnScene:
        case D::Declined:
            break;
        }
    }
    if (!note.feltSafe)
        errors.push_back(required("feltSafe", "always required"));
    // Someone who declined may not have been asked about follow-up; if they
    // were and said yes, the rules for a yes apply all the same.
    if (!note.consentToFollowUp && note.disposition != D::Declined)
        errors.push_back(required("consentToFollowUp", "required unless declined"));
    if (note.consentToFollowUp == true) {
        if (!note.preferredContact) {
            errors.push_back(required("preferredContact", "required when consenting to follow-up"));
        } else if (needsPhone(*note.preferredContact)) {
            if (blank(note.contactPhone)) {
                errors.push_back(required("contactPhone", "required for " + std::string(contactPreferenceCode(
                                                                                *note.preferredContact))));
            } else if (const auto phone = intake::normalisePhone(note.contactPhone); !phone) {
                Error error = phone.error();
                error.field = "contactPhone";
                errors.push_back(std::move(error));
            } else if (!phone.value().starts_with('+')) {
                errors.push_back(
                    Error{"phone-not-dialable", "contactPhone", "a service code is not a person's number"});
            }
        } else if (needsPlace(*note.preferredContact) && blank(note.contactPlace)) {
            errors.push_back(required("contactPlace", "required for in_person"));
        }
    }
    // narrative: optional.
    return errors;
}

bool maySign(Role role)
{
    return permits(role, Action::SignEncounter);
}

bool mayAddEntry(Role role)
{
    return permits(role, Action::WriteEncounterEntry);
}

} // namespace heart::encounter
