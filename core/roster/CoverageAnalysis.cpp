#include "core/roster/CoverageAnalysis.h"
