#pragma once
// An incident from the 911 center's computer-aided dispatch system (CAD), as
// HEART Desk reads it out of a NENA EIDO (NENA-STA-021, JSON), and the update
// HEART Desk sends back. Plain values: core/cad/EidoReader.h makes a
// CadIncident out of EIDO text, core/cad/EidoWriter.h makes EIDO text out of
// a CadUpdate. Times are UTC time points; text is UTF-8.
#include "core/Clock.h"

#include <optional>
#include <string>
#include <vector>

namespace heart::cad {

// What the CAD knows about one incident at one moment. Every member may be
// empty: a CAD sends what it has, and a later message for the same incident
// (same incidentId) replaces the earlier one as a whole.
struct CadIncident
{
    std::string incidentId;     // the EIDO's top-level "$id" (stable across updates of the incident)
    std::string cadNumber;      // the CAD's own incident number, as its call-takers read it
    TimePoint updatedAt{};      // the EIDO's top-level lastUpdateTimeStamp (orders updates per incident)
    TimePoint receivedAt{};     // when the call started (callComponent callStartTimestamp), else updatedAt
    std::string issuingElement; // issuingElementIdentification
    std::string agency;         // updatedByAgencyReference

    std::string natureCode; // incidentTypeInternalCode: the center's own code, mapped by a NatureCodeTable
    std::string natureText; // incidentTypeInternalText, else incidentTypeCommonRegistryText

    std::string address; // one line, from the PIDF-LO civic address (or locationDescriptionText)
    std::optional<double> latitude;
    std::optional<double> longitude;

    std::string callerName;         // the person with role "Caller"
    std::string callerPhone;        // from the caller's callback URI ("tel:+19195550123" -> "+19195550123")
    std::string callerRelationship; // self, family, bystander, professional, or empty
    std::string personName;         // the person the call is about, when not the caller
    std::optional<int> personAge;
    std::string language; // ISO 639 code of the caller's or person's language, or empty
    bool interpreter = false;

    std::vector<std::string> flags; // HEART Desk flag codes: weapon, violence, medical, intoxication, minors
    std::vector<std::string> cautions; // the CAD's cautions as written (one line each)
    std::string notes;                 // the CAD's notes, oldest first, plain text (HTML removed)
};

// What HEART Desk tells the CAD about an incident it took: the counselor's
// decision, a unit sent and its status, the disposition, notes.
struct CadUpdate
{
    std::string incidentId; // the CadIncident's incidentId
    std::string cadNumber;
    std::string messageId;      // unique per update (urn:uuid:...), for the CAD's idempotency
    TimePoint at{};             // lastUpdateTimeStamp
    std::string issuingElement; // HEART Desk's identification ("heartdesk.<center>")
    std::string agency;         // HEART Desk's agency id
    std::string agentId;        // the user who acted (user id, never a name)

    std::string callType;   // rule-set call type code
    std::string program;    // ccd, crt, cor, police_ems, or empty (not decided)
    std::string unitCode;   // "CRT-2", or empty
    std::string unitStatus; // dispatched, en_route, on_scene, transporting, available, ... or empty
    std::string
        disposition; // diverted, transferred_988, crt_dispatch, cor_dispatch, police_ems, declined, or empty
    bool closed = false;
    std::string note; // a short plain-text note (no person's data beyond what the CAD sent)
};

} // namespace heart::cad
