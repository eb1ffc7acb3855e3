#pragma once
// Fixture for tests/core/NoQtInCore.cmake: standard headers only, must not be reported.
#include <queue>
#include "core/QuietHours.h"
