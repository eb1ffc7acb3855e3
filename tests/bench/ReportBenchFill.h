#pragma once
// A year of calls for the report's benchmarks (bench_report,
// bench_report_window): N calls received over the local year 2025 in the
// demo's mix of programs, dispositions, beats and risks, written straight
// into the calls table with prepared multi-row INSERTs in one transaction
// (not through the use cases). Deterministic.
#include "store/Database.h"

namespace heart::bench {

bool fill(store::Database& db, int calls);

} // namespace heart::bench
