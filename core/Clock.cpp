#include "core/Clock.h"

namespace heart {

TimePoint SystemClock::now() const
{
    return std::chrono::system_clock::now();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace heart
