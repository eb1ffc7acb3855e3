#include "core/cad/EidoReader.h"

#include "core/cad/EidoFields.h"
#include "core/cad/EidoSchema.h"
#include "core/cad/EidoTime.h"
#include "core/cad/MarkupText.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace heart::cad {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxCautions = 50;

DataError refusal(std::string location, std::string code, std::string message)
{
    return DataError{"", std::move(location), std::move(code), std::move(message)};
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// The members the schema guarantees are of the right type when present; the
// accessors still check, so the mapping never throws.
const std::string& str(const json& object, const char* key)
{
    static const std::string empty;
    if (!object.is_object())
        return empty;
    const auto& members = object.get_ref<const json::object_t&>();
    const auto found = members.find(key);
    return found != members.end() && found->second.is_string() ? found->second.get_ref<const std::string&>()
                                                               : empty;
}

const json& nullJson()
{
    static const json null;
    return null;
}

const json& member(const json& object, const char* key)
{
    const json& null = nullJson();
    if (!object.is_object())
        return null;
    const auto found = object.find(key);
    return found == object.end() ? null : *found;
}

std::string refTarget(const json& reference)
{
    return str(reference, "$ref");
}

// Components of one kind ("personComponent") by "$id", the first one of an id.
class ComponentIndex
{
public:
    ComponentIndex(const json& document, const char* kind)
    {
        const json& list = member(document, kind);
        if (!list.is_array())
            return;
        for (const auto& component : list) {
            const std::string& id = str(component, "$id");
            if (!id.empty())
                m_byId.try_emplace(id, &component);
        }
    }
    const json* find(const std::string& id) const
    {
        const auto found = m_byId.find(id);
        return found == m_byId.end() ? nullptr : found->second;
    }

private:
    std::unordered_map<std::string, const json*> m_byId;
};

// "urn:emergency:uid:incidentid:<id>:<domain>" -> "<id>", else empty.
std::string incidentIdPart(const std::string& id)
{
    static constexpr std::string_view prefix = "urn:emergency:uid:incidentid:";
    if (id.size() <= prefix.size() || lower(id.substr(0, prefix.size())) != prefix)
        return {};
    const std::string rest = id.substr(prefix.size());
    const auto colon = rest.find(':');
    if (colon == 0 || colon == std::string::npos || colon + 1 == rest.size())
        return {};
    return rest.substr(0, colon);
}

bool hasRole(const json& person, std::span<const std::string_view> roles)
{
    const json& list = member(person, "personIncidentRoleRegistryText");
    if (!list.is_array())
        return false;
    for (const auto& role : list) {
        if (!role.is_string())
            continue;
        const std::string folded = lower(role.get_ref<const std::string&>());
        for (const auto wanted : roles)
            if (folded == wanted)
                return true;
    }
    return false;
}

constexpr std::array<std::string_view, 1> kCallerRoles = {"caller"};
constexpr std::array<std::string_view, 5> kSelfRoles = {"patient", "subject", "personincrisis",
                                                        "person in crisis", "victim"};
constexpr std::array<std::string_view, 6> kFamilyRoles = {"family",   "relative", "parent",
                                                          "guardian", "spouse",   "familymember"};
constexpr std::array<std::string_view, 3> kBystanderRoles = {"witness", "bystander", "passerby"};
constexpr std::array<std::string_view, 5> kProfessionalRoles = {"professional", "staff", "provider",
                                                                "clinician", "responder"};

std::string relationshipOf(const json& caller)
{
    if (hasRole(caller, kSelfRoles))
        return "self";
    if (hasRole(caller, kFamilyRoles))
        return "family";
    if (hasRole(caller, kBystanderRoles))
        return "bystander";
    if (hasRole(caller, kProfessionalRoles))
        return "professional";
    return {};
}

// The first location among the references that gives an address or a position.
bool mapLocation(const json& references, const ComponentIndex& locations, CadIncident& incident)
{
    if (!references.is_array())
        return false;
    for (const auto& reference : references) {
        const json* location = locations.find(refTarget(reference));
        if (!location)
            continue;
        PidfLocation found = readPidfLocation(str(*location, "locationByValue"));
        if (found.address.empty())
            found.address = oneLine(str(*location, "locationDescriptionText"), kEidoMaxLineBytes);
        if (found.address.empty() && !found.latitude)
            continue;
        incident.address = found.address;
        incident.latitude = found.latitude;
        incident.longitude = found.longitude;
        return true;
    }
    return false;
}

std::vector<std::string> stringList(const json& list)
{
    std::vector<std::string> out;
    if (!list.is_array())
        return out;
    for (const auto& item : list)
        if (item.is_string() && out.size() < 20)
            out.push_back(item.get<std::string>());
    return out;
}

std::string phoneOf(const json& owner, const ComponentIndex& callbacks)
{
    const json* callback = callbacks.find(refTarget(member(owner, "callBackReference")));
    if (!callback)
        return {};
    auto uris = stringList(member(*callback, "callBackInformationUri"));
    if (const std::string& updated = str(member(*callback, "updatedCbn"), "updatedCbnIdentifierUri");
        !updated.empty())
        uris.push_back(updated);
    return callbackPhone(uris);
}

void mapPeople(const json& document, const ComponentIndex& callbacks, CadIncident& incident,
               const json*& callerOut)
{
    const json& people = member(document, "personComponent");
    if (!people.is_array())
        return;
    const json* caller = nullptr;
    const json* subject = nullptr;
    for (const auto& person : people) {
        if (!caller && hasRole(person, kCallerRoles))
            caller = &person;
        else if (!subject && !hasRole(person, kCallerRoles))
            subject = &person;
    }
    callerOut = caller;
    if (caller) {
        incident.callerName =
            oneLine(niemPersonName(member(*caller, "ncPersonComponent")), kEidoMaxLineBytes);
        incident.callerPhone = phoneOf(*caller, callbacks);
        incident.callerRelationship = relationshipOf(*caller);
    }
    const json* about = subject ? subject : (incident.callerRelationship == "self" ? caller : nullptr);
    if (about) {
        const json& niem = member(*about, "ncPersonComponent");
        incident.personName = oneLine(niemPersonName(niem), kEidoMaxLineBytes);
        incident.personAge = niemPersonAge(niem, incident.updatedAt);
    }
    // The language of the person on the phone first, else of the person the call is about.
    for (const json* person : {caller, about}) {
        if (!person)
            continue;
        const json& niem = member(*person, "ncPersonComponent");
        const std::string language = niemPersonLanguage(niem);
        const auto english = niemPersonEnglish(niem);
        if (language.empty() && !english.has_value())
            continue;
        incident.language = language.empty() && english == false ? "other" : language;
        incident.interpreter = (!incident.language.empty() && incident.language != "en") || english == false;
        break;
    }
}

void mapCautions(const json& document, CadIncident& incident)
{
    const json& cautions = member(document, "cautionComponent");
    if (!cautions.is_array())
        return;
    for (const auto& caution : cautions) {
        if (incident.cautions.size() >= kMaxCautions)
            break;
        const std::string internal = oneLine(str(caution, "cautionTypeInternalText"), 400);
        const std::string registry = oneLine(str(caution, "cautionTypeCommonRegistryText"), 200);
        const std::string severity = oneLine(str(caution, "cautionSeverity"), 20);
        std::string keywords = internal + " " + registry;
        for (const auto& sub : stringList(member(caution, "cautionTypeCommonSubRegistryText")))
            keywords += " " + oneLine(sub, 200);
        std::string line = internal.empty() ? registry : internal;
        std::string details;
        if (!internal.empty() && !registry.empty() && lower(registry) != lower(internal))
            details = registry;
        if (!severity.empty() && severity != "normal") // "normal" says nothing a counselor needs
            details += (details.empty() ? "" : ", ") + severity;
        if (!details.empty())
            line += " (" + details + ")";
        line = oneLine(line, kEidoMaxLineBytes);
        if (!line.empty())
            incident.cautions.push_back(line);
        for (auto& flag : cautionFlags(keywords))
            if (std::find(incident.flags.begin(), incident.flags.end(), flag) == incident.flags.end())
                incident.flags.push_back(flag);
    }
    // The flags in their fixed order, whatever order the cautions came in.
    static constexpr std::array<std::string_view, 5> order = {"weapon", "violence", "medical", "intoxication",
                                                              "minors"};
    std::sort(incident.flags.begin(), incident.flags.end(), [](const std::string& a, const std::string& b) {
        return std::find(order.begin(), order.end(), a) < std::find(order.begin(), order.end(), b);
    });
}

void mapNotes(const json& document, CadIncident& incident)
{
    struct Note
    {
        TimePoint at;
        std::string text;
    };
    std::vector<Note> notes;
    auto timeOf = [&](const json& component) {
        return parseEidoTime(str(component, "lastUpdateTimeStamp")).value_or(incident.updatedAt);
    };
    std::size_t budget = kEidoMaxNotesBytes;
    auto add = [&](const json& component, std::string text) {
        if (text.empty() || budget == 0)
            return;
        text = cutUtf8(text, budget);
        budget -= std::min(budget, text.size() + 1);
        notes.push_back(Note{timeOf(component), std::move(text)});
    };
    if (const json& list = member(document, "notesComponent"); list.is_array())
        for (const auto& note : list)
            add(note, htmlToText(str(note, "notesActionComments")));
    if (const json& list = member(document, "additionalDataComponent"); list.is_array())
        for (const auto& data : list)
            add(data, readCallDataComments(str(data, "additionalDataByValue")));
    std::stable_sort(notes.begin(), notes.end(), [](const Note& a, const Note& b) { return a.at < b.at; });
    for (const auto& note : notes)
        incident.notes += (incident.notes.empty() ? "" : "\n") + note.text;
}

Result<CadIncident, DataError> mapIncident(const json& document)
{
    CadIncident incident;
    const std::string& id = str(document, "$id");
    if (oneLine(id, kEidoMaxIdBytes + 1).empty() || id.size() > kEidoMaxIdBytes)
        return refusal("$id", "bad-value",
                       "the incident id must be 1.." + std::to_string(kEidoMaxIdBytes) + " bytes of text");
    incident.incidentId = id;

    const auto updated = parseEidoTime(str(document, "lastUpdateTimeStamp"));
    if (!updated)
        return refusal("lastUpdateTimeStamp", "bad-time",
                       "outside the years " + std::to_string(kEidoMinYear) + ".." +
                           std::to_string(kEidoMaxYear));
    incident.updatedAt = *updated;
    incident.receivedAt = *updated;
    const json& calls = member(document, "callComponent");
    const json& firstCall = calls.is_array() && !calls.empty() ? calls.front() : nullJson();
    if (const std::string& start = str(firstCall, "callStartTimestamp"); !start.empty()) {
        const auto received = parseEidoTime(start);
        if (!received)
            return refusal("callComponent[0].callStartTimestamp", "bad-time",
                           "outside the years " + std::to_string(kEidoMinYear) + ".." +
                               std::to_string(kEidoMaxYear));
        incident.receivedAt = *received;
    }
    incident.issuingElement = oneLine(str(document, "issuingElementIdentification"), kEidoMaxIdBytes);
    incident.agency = oneLine(str(member(document, "updatedByAgencyReference"), "$ref"), kEidoMaxIdBytes);

    const json& incidentPart = member(document, "incidentComponent");
    incident.cadNumber = oneLine(str(incidentPart, "internalIncidentId"), kEidoMaxIdBytes);
    if (incident.cadNumber.empty())
        incident.cadNumber = incidentIdPart(id);
    if (incident.cadNumber.empty())
        incident.cadNumber = oneLine(id, kEidoMaxIdBytes);
    incident.natureCode = oneLine(str(incidentPart, "incidentTypeInternalCode"), kEidoMaxIdBytes);
    incident.natureText = oneLine(str(incidentPart, "incidentTypeInternalText"), kEidoMaxLineBytes);
    if (incident.natureText.empty())
        incident.natureText = oneLine(str(incidentPart, "incidentTypeCommonRegistryText"), kEidoMaxLineBytes);

    const ComponentIndex locations(document, "locationComponent");
    const ComponentIndex callbacks(document, "callbackComponent");
    const json* caller = nullptr;
    mapPeople(document, callbacks, incident, caller);
    if (incident.callerPhone.empty())
        incident.callerPhone = phoneOf(firstCall, callbacks);
    if (!mapLocation(member(incidentPart, "locationReference"), locations, incident) &&
        !mapLocation(member(firstCall, "locationReference"), locations, incident) && caller)
        mapLocation(member(*caller, "locationReference"), locations, incident);
    mapCautions(document, incident);
    mapNotes(document, incident);
    return incident;
}

std::string problemList(const std::vector<DataError>& problems)
{
    std::string text = std::to_string(problems.size()) +
                       (problems.size() >= kEidoMaxErrors ? " or more" : "") + " schema problem(s): ";
    for (std::size_t i = 0; i < problems.size(); ++i)
        text += (i ? "; " : "") + problems[i].location + ": " + problems[i].message;
    return text;
}

} // namespace

int jsonNestingDepth(std::string_view text, int limit)
{
    return heart::jsonNestingDepth(text, limit);
}

Result<CadIncident, DataError> readEido(std::string_view text)
{
    if (text.size() > kEidoMaxBytes)
        return refusal("", "too-large",
                       "the message has " + std::to_string(text.size()) + " bytes; at most " +
                           std::to_string(kEidoMaxBytes) + " are read");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return refusal("", "json-syntax", "the message is empty");
    if (jsonNestingDepth(text, kEidoMaxDepth) > kEidoMaxDepth)
        return refusal("", "too-deep",
                       "arrays and objects nested deeper than " + std::to_string(kEidoMaxDepth) + " levels");
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
        // Never error.what(): it quotes the text it stopped at.
        return refusal("byte " + std::to_string(error.byte), "json-syntax",
                       "not JSON (or not UTF-8) at byte " + std::to_string(error.byte));
    } catch (const json::out_of_range&) {
        return refusal("", "json-syntax", "a number is out of range");
    } catch (const std::exception&) {
        return refusal("", "json-syntax", "the message could not be read as JSON");
    }
    if (!document.is_object())
        return refusal("(root)", "not-eido", "an EIDO is a JSON object");
    if (auto problems = checkEidoSchema(document); !problems.empty()) {
        const std::string message = problemList(problems);
        return refusal(problems.front().location, problems.front().code, message);
    }
    try {
        return mapIncident(document);
    } catch (const std::exception&) {
        return refusal("", "not-eido", "the message could not be mapped");
    }
}

} // namespace heart::cad
