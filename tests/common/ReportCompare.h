#pragma once
// Whether two supervisor's reports give the same numbers (every table's
// rows, columns and cells, the call count, the times' samples, medians and
// 90th percentiles): the aggregated read against one row per call.
#include "core/report/Metrics.h"

#include <string>

namespace heart::test {

// Empty when equal, else the first difference, e.g. "calls_by_beat: cells".
inline std::string reportDifference(const report::Report& a, const report::Report& b)
{
    if (a.calls != b.calls)
        return "calls: " + std::to_string(a.calls) + " against " + std::to_string(b.calls);
    const auto tablesA = a.tables(), tablesB = b.tables();
    for (std::size_t i = 0; i < tablesA.size(); ++i) {
        const report::CountTable& x = *tablesA[i];
        const report::CountTable& y = *tablesB[i];
        if (x.id != y.id)
            return x.id + ": id";
        if (x.rows != y.rows)
            return x.id + ": rows";
        if (x.columns != y.columns)
            return x.id + ": columns";
        if (x.cells != y.cells)
            return x.id + ": cells";
    }
    for (std::size_t i = 0; i < 2; ++i) {
        for (const auto& [x, y] : {std::pair{a.dispatchToArrival[i], b.dispatchToArrival[i]},
                                   std::pair{a.onSceneTime[i], b.onSceneTime[i]}}) {
            if (x.count != y.count || x.median != y.median || x.p90 != y.p90)
                return "times of " + std::string(i == 0 ? "crt" : "cor");
        }
    }
    return {};
}

} // namespace heart::test
