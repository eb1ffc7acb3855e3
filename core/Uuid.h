#pragma once
// Time-ordered UUIDs (RFC 9562 version 7): records made on a van laptop while
// offline can later join the shared server's tables without id clashes, and
// sort by creation time.
#include "core/Clock.h"

#include <string>

namespace heart {

std::string newRecordId(TimePoint now);
bool isRecordId(const std::string& text);

} // namespace heart
