#include "core/roster/ShiftCalendar.h"
