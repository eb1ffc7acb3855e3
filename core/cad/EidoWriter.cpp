#include "core/cad/EidoWriter.h"

#include "core/cad/EidoTime.h"

#include <array>
#include <nlohmann/json.hpp>

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
