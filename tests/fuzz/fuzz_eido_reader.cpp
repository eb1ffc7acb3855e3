// libFuzzer: readEido on any bytes never crashes, leaks or overflows; a
// refusal's message stays short; an accepted incident written back as an
// update reads again with the same incident id and CAD number, and written
// as a CAD would send it, reads again with the same ids, address and phone.
#include "core/cad/EidoReader.h"
#include "core/cad/EidoWriter.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace heart::cad;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto incident = readEido(text);
    if (!incident.ok()) {
        if (incident.error().code.empty() || incident.error().message.size() > 8192)
            std::abort();
        return 0;
    }
    CadUpdate update;
    update.incidentId = incident.value().incidentId;
    update.cadNumber = incident.value().cadNumber;
    update.messageId = "urn:uuid:00000000-0000-4000-8000-000000000000";
    update.at = incident.value().updatedAt;
    update.note = incident.value().notes;
    const auto back = readEido(writeEidoUpdate(update));
    if (!back.ok() || back.value().incidentId != update.incidentId ||
        back.value().cadNumber != update.cadNumber)
        std::abort();
    // As the CAD simulator would send it again: the same incident.
    const auto resent = readEido(writeEidoIncident(incident.value()));
    if (!resent.ok() || resent.value().incidentId != update.incidentId ||
        resent.value().cadNumber != update.cadNumber || resent.value().address != incident.value().address ||
        resent.value().callerPhone != incident.value().callerPhone)
        std::abort();
    return 0;
}
