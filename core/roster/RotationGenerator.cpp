#include "core/roster/RotationGenerator.h"
