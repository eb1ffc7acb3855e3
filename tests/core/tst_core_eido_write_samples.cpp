// eido_write_samples DIR: writes the EIDO updates HEART Desk sends for a set
// of CadUpdates (every unit status, disposition, a closed call, a note with
// markup, no agent) into DIR as update-NN.json, and an incident as the CAD
// simulator sends it (incident-01.json), for tests/cad/validate_eido.py
// to check against NENA's official schema (ctest fixture eido_samples).
#include "core/cad/EidoWriter.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace heart::cad;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: eido_write_samples DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::error_code error;
    std::filesystem::remove_all(dir, error);
    std::filesystem::create_directories(dir, error);
    if (error) {
        std::fprintf(stderr, "eido_write_samples: cannot make %s\n", argv[1]);
        return 1;
    }

    CadUpdate base;
    base.incidentId = "urn:emergency:uid:incidentid:2026-000417:durham911.example.org";
    base.cadNumber = "D26-041723";
    base.at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{14};
    base.issuingElement = "heartdesk.durham911.example.org";
    base.agency = "heart.durham.example.org";
    base.agentId = "u-0042";
    base.callType = "welfare-check";

    std::vector<CadUpdate> updates;
    CadUpdate decided = base;
    decided.program = "ccd";
    decided.note = "Counselor on the line; no unit yet.";
    updates.push_back(decided);
    const char* statuses[] = {"dispatched", "en_route",  "on_scene",       "transporting",
                              "clear",      "available", "out_of_service", ""};
    for (const char* status : statuses) {
        CadUpdate unit = base;
        unit.program = "crt";
        unit.disposition = "crt_dispatch";
        unit.unitCode = "CRT-2";
        unit.unitStatus = status;
        updates.push_back(unit);
    }
    CadUpdate coResponse = base;
    coResponse.program = "cor";
    coResponse.disposition = "cor_dispatch";
    coResponse.unitCode = "COR-1";
    coResponse.unitStatus = "dispatched";
    coResponse.note = "Caller <asked> for \"quiet\" approach & no sirens.\nSecond line.";
    updates.push_back(coResponse);
    for (const char* disposition : {"diverted", "transferred_988", "police_ems", "declined"}) {
        CadUpdate closed = base;
        closed.disposition = disposition;
        closed.closed = true;
        updates.push_back(closed);
    }
    CadUpdate anonymous = base; // no agent, no call type, no CAD number
    anonymous.agentId.clear();
    anonymous.callType.clear();
    anonymous.cadNumber.clear();
    anonymous.unitCode = "CRT-1";
    anonymous.unitStatus = "on_scene";
    updates.push_back(anonymous);

    for (std::size_t i = 0; i < updates.size(); ++i) {
        updates[i].messageId = "urn:uuid:6f1c2f7e-3b1a-4c55-9a57-2f0a5b8c1d" + std::to_string(10 + i);
        char name[48];
        std::snprintf(name, sizeof name, "update-%02zu.json", i + 1);
        std::ofstream out(dir / name, std::ios::binary);
        out << writeEidoUpdate(updates[i]);
        if (!out) {
            std::fprintf(stderr, "eido_write_samples: cannot write %s\n", name);
            return 1;
        }
    }
    // And an incident as the CAD simulator sends it (writeEidoIncident).
    CadIncident incident;
    incident.incidentId = base.incidentId;
    incident.cadNumber = base.cadNumber;
    incident.updatedAt = base.at;
    incident.receivedAt = base.at - std::chrono::minutes{3};
    incident.issuingElement = "cad.durham911.example.org";
    incident.agency = "durham911.example.org";
    incident.natureCode = "WELF";
    incident.natureText = "Welfare Check";
    incident.address = "1201 W Main Street, Durham, NC 27701";
    incident.latitude = 35.9971;
    incident.longitude = -78.9085;
    incident.callerName = "Marisol Quintanilla";
    incident.callerPhone = "+19195550147";
    incident.callerRelationship = "family";
    incident.personName = "Quill Thistledown";
    incident.personAge = 34;
    incident.language = "es";
    incident.interpreter = true;
    incident.flags = {"weapon", "minors"};
    incident.cautions = {"Has a kitchen knife (Weapon, high)"};
    incident.notes = "Sister says he has not slept in three days & is <upset>.\nNo one else home.";
    std::ofstream out(dir / "incident-01.json", std::ios::binary);
    out << writeEidoIncident(incident);
    if (!out) {
        std::fprintf(stderr, "eido_write_samples: cannot write incident-01.json\n");
        return 1;
    }
    std::printf("eido_write_samples: %zu updates and 1 incident in %s\n", updates.size(), argv[1]);
    return 0;
}
