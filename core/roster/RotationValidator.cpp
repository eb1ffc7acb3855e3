#include "core/roster/RotationValidator.h"
