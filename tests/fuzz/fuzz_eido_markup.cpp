// libFuzzer: the XML and HTML an EIDO carries in strings (PIDF-LO, call data
// comments, HTML notes) is scanned without a crash, whatever the bytes.
#include "core/cad/EidoFields.h"
#include "core/cad/MarkupText.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace heart::cad;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const PidfLocation location = readPidfLocation(text);
    if (location.latitude && (std::fabs(*location.latitude) > 90 || std::fabs(*location.longitude) > 180))
        std::abort();
    (void)readCallDataComments(text);
    (void)htmlToText(text);
    (void)cautionFlags(text);
    (void)languageCodeFor(text);
    return 0;
}
