// libFuzzer: heart::fuzz::intakeDraft (FuzzReaders.h) on any input; whatever it
// finds wrong aborts, and so does a crash, a sanitizer finding or a hang.
#include "FuzzReaders.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const char* problem = heart::fuzz::intakeDraft(text)) {
        std::fprintf(stderr, "fuzz_intake_draft: %s\n", problem);
        std::abort();
    }
    return 0;
}
