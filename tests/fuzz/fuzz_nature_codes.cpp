// libFuzzer: a nature-code table read from any CSV either fails with a
// DataError or writes back to CSV and JSON that read to the same table; the
// same bytes read as the stored JSON setting give a table or an error.
#include "core/cad/NatureCodeTable.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace heart::cad;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The same bytes as the stored setting (JSON): a table or an error, bounded.
    if (const auto stored = NatureCodeTable::fromJson(text); !stored.ok() && stored.error().code.empty())
        std::abort();
    const auto table = NatureCodeTable::fromCsv(text);
    if (!table.ok())
        return table.error().code.empty() ? (std::abort(), 0) : 0;
    const auto csv = NatureCodeTable::fromCsv(table.value().toCsv());
    if (!csv.ok() || csv.value().entries() != table.value().entries())
        std::abort();
    const auto json = NatureCodeTable::fromJson(table.value().toJson());
    if (!json.ok() || json.value().entries().size() != table.value().entries().size())
        std::abort();
    return 0;
}
