#include "core/cad/EidoWriter.h"

#include "core/cad/EidoFields.h"
#include "core/cad/EidoTime.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>
#include <vector>

namespace heart::cad {

namespace {

using ojson = nlohmann::ordered_json;

// The Registry words NENA-STA-021 refers to are not part of the schema; where
// HEART Desk has no exact registry word it sends "Other" with its own code
// in the matching internal member (docs/cad-eido.md, "Outbound update").
constexpr const char* kOther = "Other";

std::string htmlText(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += "<br>";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string_view dispositionWords(std::string_view code)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> words = {{
        {"diverted", "Resolved by phone (crisis call diversion)"},
        {"transferred_988", "Transferred to 988"},
        {"crt_dispatch", "Community Response Team dispatched"},
        {"cor_dispatch", "Co-Response team dispatched"},
        {"police_ems", "Returned to police/EMS"},
        {"declined", "Declined or disconnected"},
    }};
    for (const auto& [known, text] : words)
        if (known == code)
            return text;
    return code;
}

// "CRT-2" -> "crt": the unit kind HEART Desk codes its units by.
std::string unitKind(const CadUpdate& update)
{
    std::string kind;
    for (const char c : update.unitCode) {
        if (c == '-' || c == ' ' || (c >= '0' && c <= '9'))
            break;
        kind += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (kind == "crt" || kind == "cor")
        return kind;
    return update.program == "cor" ? "cor" : "crt";
}

} // namespace

std::string_view primaryUnitStatusFor(std::string_view unitStatus)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> statuses = {{
        {"available", "Available"},
        {"dispatched", "Dispatched"},
        {"en_route", "Enroute"},
        {"on_scene", "OnScene"},
        {"transporting", "Transporting"},
        {"clear", "Cleared"},
        {"out_of_service", "OutOfService"},
    }};
    for (const auto& [code, word] : statuses)
        if (code == unitStatus)
            return word;
    return "Unknown";
}

std::string writeEidoUpdate(const CadUpdate& update)
{
    const std::string time = formatEidoTime(update.at);
    const std::string agency = update.agency;
    const std::string agentRef = update.agentId.empty() ? std::string() : update.agentId + "@" + agency;
    const std::string& messageId = update.messageId;
    auto prologue = [&](const std::string& id) {
        ojson component;
        component["$id"] = id;
        component["lastUpdateTimeStamp"] = time;
        component["updatedByAgencyReference"] = {{"$ref", agency}};
        if (!agentRef.empty())
            component["updatedByAgentReference"] = {{"$ref", agentRef}};
        return component;
    };
    auto reference = [](const std::string& id) {
        return ojson{{"$ref", id}};
    };

    ojson document = prologue(update.incidentId);
    document["eidoVersion"] = "1.0";
    document["issuingElementIdentification"] = update.issuingElement;

    const std::string noteId = messageId + "/note";
    const bool hasNote = !update.note.empty();

    ojson incident = prologue(messageId);
    incident["incidentTypeCommonRegistryText"] = kOther;
    if (!update.callType.empty())
        incident["incidentTypeInternalCode"] = update.callType;
    ojson statusInternal = ojson::array();
    if (!update.program.empty())
        statusInternal.push_back("program:" + update.program);
    if (update.closed)
        statusInternal.push_back("closed");
    if (!statusInternal.empty())
        incident["incidentStatusInternalText"] = statusInternal;
    if (update.closed)
        incident["incidentStatusCommonRegistryText"] = ojson::array({"Closed"});
    if (!update.cadNumber.empty())
        incident["internalIncidentId"] = update.cadNumber;
    if (!agentRef.empty())
        incident["agentReference"] = ojson::array({reference(agentRef)});
    if (!update.disposition.empty()) {
        ojson disposition = prologue(messageId + "/disposition");
        disposition["dispositionCommonRegistryCode"] = update.disposition;
        disposition["dispositionPrimaryIndicator"] = true;
        if (!update.program.empty())
            disposition["dispositionCategoryText"] = update.program;
        disposition["dispositionDescriptionText"] = std::string(dispositionWords(update.disposition));
        incident["dispositionComponent"] = ojson::array({disposition});
    }
    if (hasNote)
        incident["notesReference"] = ojson::array({reference(noteId)});
    document["incidentComponent"] = incident;

    if (!update.unitCode.empty()) {
        const std::string unitId = "unit:" + update.unitCode + "@" + agency;
        ojson dispatch = prologue(messageId + "/dispatch");
        dispatch["agencyReference"] = reference(agency);
        if (!agentRef.empty())
            dispatch["agentReference"] = reference(agentRef);
        dispatch["emergencyResourceReference"] = ojson::array({reference(unitId)});
        document["dispatchComponent"] = ojson::array({dispatch});

        const std::string kind = unitKind(update);
        ojson unit = prologue(unitId);
        unit["emergencyResourceTypeCommonRegistryText"] = kOther;
        unit["emergencyResourceTypeInternalText"] = kind;
        unit["resourceAttributeRegistryText"] = ojson::array({kOther});
        unit["resourceAttributeInternalText"] = ojson::array(
            {kind == "cor" ? "clinician-with-crisis-trained-officer" : "unarmed-crisis-response"});
        unit["emergencyResourceName"] = update.unitCode;
        unit["primaryUnitStatusRegistryText"] = std::string(primaryUnitStatusFor(update.unitStatus));
        unit["secondaryUnitStatusRegistryText"] = ojson::array();
        if (!update.unitStatus.empty())
            unit["unitStatusInternal"] = ojson::array({update.unitStatus});
        unit["agentReference"] = agentRef.empty() ? ojson::array() : ojson::array({reference(agentRef)});
        if (update.unitStatus != "available" && update.unitStatus != "out_of_service")
            unit["activeOnIncidentId"] = update.incidentId;
        document["emergencyResourceComponent"] = ojson::array({unit});
    }

    if (hasNote) {
        ojson note = prologue(noteId);
        note["notesActionComments"] = htmlText(update.note);
        if (!agentRef.empty())
            note["agentReference"] = reference(agentRef);
        document["notesComponent"] = ojson::array({note});
    }

    ojson agencyComponent = prologue(agency);
    agencyComponent["agencyRoleDescriptionRegistryText"] = ojson::array({"Responding"});
    agencyComponent["agencyType"] = ojson::array({kOther});
    document["agencyComponent"] = ojson::array({agencyComponent});
    if (!agentRef.empty()) {
        ojson agent = prologue(agentRef);
        agent["agentRoleRegistryText"] = ojson::array({kOther});
        agent["agencyReference"] = reference(agency);
        document["agentComponent"] = ojson::array({agent});
    }
    // Text from the product is UTF-8; should a byte not be, it becomes U+FFFD rather than an exception.
    return document.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

} // namespace heart::cad

namespace heart::cad {

namespace {

std::string number(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

ojson niemText(const std::string& text)
{
    return ojson::array({ojson{{"value", text}}});
}

std::string_view relationshipRole(std::string_view relationship)
{
    if (relationship == "self")
        return "Subject";
    if (relationship == "family")
        return "Relative";
    if (relationship == "bystander")
        return "Witness";
    if (relationship == "professional")
        return "Professional";
    return {};
}

} // namespace

std::string writeEidoIncident(const CadIncident& incident)
{
    const std::string time = formatEidoTime(incident.updatedAt);
    const std::string& agency = incident.agency;
    const std::string& id = incident.incidentId;
    auto prologue = [&](const std::string& componentId) {
        ojson component;
        component["$id"] = componentId;
        component["lastUpdateTimeStamp"] = time;
        component["updatedByAgencyReference"] = {{"$ref", agency}};
        return component;
    };
    auto reference = [](const std::string& target) {
        return ojson{{"$ref", target}};
    };
    const std::string callId = id + "/call";
    const std::string callbackId = id + "/callback";
    const std::string locationId = id + "/location";
    const std::string callerId = id + "/caller";
    const std::string personId = id + "/person";
    const bool self = incident.callerRelationship == "self";
    const bool hasCaller = !incident.callerName.empty() || !incident.callerPhone.empty() ||
                           !incident.callerRelationship.empty() || !incident.language.empty() ||
                           incident.interpreter;
    const bool hasPerson = !self && (!incident.personName.empty() || incident.personAge.has_value());
    const bool hasLocation = !incident.address.empty() || incident.latitude.has_value();

    ojson document = prologue(id);
    document["eidoVersion"] = "1.0";
    document["issuingElementIdentification"] = incident.issuingElement;

    ojson incidentPart = prologue(id + "/incident");
    if (!incident.natureCode.empty())
        incidentPart["incidentTypeInternalCode"] = incident.natureCode;
    if (!incident.natureText.empty())
        incidentPart["incidentTypeInternalText"] = incident.natureText;
    incidentPart["incidentTypeCommonRegistryText"] = incident.natureText;
    if (!incident.cadNumber.empty())
        incidentPart["internalIncidentId"] = incident.cadNumber;
    if (hasLocation)
        incidentPart["locationReference"] = ojson::array({reference(locationId)});
    document["incidentComponent"] = incidentPart;

    ojson call = prologue(callId);
    call["standardPrimaryCallType"] = "emergency";
    call["direction"] = "incoming";
    call["callStartTimestamp"] = formatEidoTime(incident.receivedAt);
    call["callStateRegistryText"] = "callAnswered";
    if (!incident.callerPhone.empty())
        call["callBackReference"] = reference(callbackId);
    if (hasCaller)
        call["personReference"] = ojson::array({reference(callerId)});
    document["callComponent"] = ojson::array({call});

    if (!incident.callerPhone.empty()) {
        ojson callback = prologue(callbackId);
        callback["callBackInformationUri"] = ojson::array({"tel:" + incident.callerPhone});
        document["callbackComponent"] = ojson::array({callback});
    }
    ojson agencyComponent = prologue(agency);
    agencyComponent["agencyRoleDescriptionRegistryText"] = ojson::array({"CallReceiving"});
    agencyComponent["agencyType"] = ojson::array({"psap"});
    document["agencyComponent"] = ojson::array({agencyComponent});

    if (hasLocation) {
        ojson location = prologue(locationId);
        location["locationTypeDescriptionRegistryText"] = "Incident";
        if (incident.latitude && incident.longitude)
            location["locationByValue"] =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                "xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" xmlns:gml=\"http://www.opengis.net/gml\" "
                "entity=\"pres:incident\"><tuple id=\"location\"><status><gp:geopriv><gp:location-info>"
                "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" +
                number(*incident.latitude) + " " + number(*incident.longitude) +
                "</gml:pos></gml:Point></gp:location-info></gp:geopriv></status></tuple></presence>";
        if (!incident.address.empty())
            location["locationDescriptionText"] = incident.address;
        document["locationComponent"] = ojson::array({location});
    }

    ojson people = ojson::array();
    if (hasCaller) {
        ojson caller = prologue(callerId);
        ojson roles = ojson::array({"Caller"});
        if (const auto role = relationshipRole(incident.callerRelationship); !role.empty())
            roles.push_back(std::string(role));
        caller["personIncidentRoleRegistryText"] = roles;
        ojson niem = ojson::object();
        if (!incident.callerName.empty())
            niem["name"] = ojson::array({ojson{{"personFullName", niemText(incident.callerName)}}});
        if (self && incident.personAge)
            niem["ageMeasure"] =
                ojson::array({ojson{{"integerValue", ojson::array({{{"value", *incident.personAge}}})}}});
        if (!incident.language.empty())
            niem["primaryLanguage"] = ojson::array({ojson{{"languageCode", niemText(incident.language)}}});
        if (incident.interpreter)
            niem["isLanguageEnglish"] = ojson::array({ojson{{"value", false}}});
        if (!niem.empty())
            caller["ncPersonComponent"] = niem;
        if (!incident.callerPhone.empty())
            caller["callBackReference"] = reference(callbackId);
        people.push_back(caller);
    }
    if (hasPerson) {
        ojson person = prologue(personId);
        person["personIncidentRoleRegistryText"] = ojson::array({"Subject"});
        ojson niem = ojson::object();
        if (!incident.personName.empty())
            niem["name"] = ojson::array({ojson{{"personFullName", niemText(incident.personName)}}});
        if (incident.personAge)
            niem["ageMeasure"] =
                ojson::array({ojson{{"integerValue", ojson::array({{{"value", *incident.personAge}}})}}});
        person["ncPersonComponent"] = niem;
        people.push_back(person);
    }
    if (!people.empty())
        document["personComponent"] = people;

    std::vector<std::string> cautionLines = incident.cautions;
    for (const auto& flag : incident.flags) {
        bool named = false;
        for (const auto& line : incident.cautions)
            for (const auto& found : cautionFlags(line))
                named = named || found == flag;
        if (!named)
            cautionLines.push_back(flag);
    }
    if (!cautionLines.empty()) {
        ojson cautions = ojson::array();
        for (std::size_t i = 0; i < cautionLines.size(); ++i) {
            ojson caution = prologue(id + "/caution/" + std::to_string(i + 1));
            caution["cautionTypeInternalText"] = cautionLines[i];
            caution["cautionTypeCommonRegistryText"] = cautionLines[i];
            caution["cautionSeverity"] = "normal";
            cautions.push_back(caution);
        }
        document["cautionComponent"] = cautions;
    }
    if (!incident.notes.empty()) {
        ojson note = prologue(id + "/notes");
        note["notesActionComments"] = htmlText(incident.notes);
        document["notesComponent"] = ojson::array({note});
    }
    return document.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

} // namespace heart::cad
