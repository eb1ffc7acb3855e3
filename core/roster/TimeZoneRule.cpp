#include "core/roster/TimeZoneRule.h"
