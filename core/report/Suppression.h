#pragma once
// Small-cell suppression for everything published (docs/metrics.md,
// "Suppression"). Counts 1..10 are withheld and shown as "<11" (primary);
// then more cells are withheld (complementary, shown as "*") until no
// withheld cell can be worked out from what is published: the other cells,
// the row totals, the column totals and the grand total.
//
// The algorithm. Think of the table with its totals as one (r+1) x (c+1)
// table in which every row and every column sums to its total. Each
// withheld cell is an edge between its row line and its column line. A
// withheld value can be pinned down by the published sums exactly when its
// edge lies on no cycle of withheld edges (it is a bridge): summing the
// line equations on one side of a bridge leaves the bridge alone. So:
//   1. primary: withhold every cell and total of 1..10 (0 is published);
//   2. while some withheld edge is a bridge: withhold one more published
//      cell and look again. Preferred: a cell joining the two sides of the
//      bridge (its row line on one side, its column line on the other),
//      which puts the bridge on a cycle at once; else (the bridge stands
//      alone) a cell of the bridge's row or column line. Among candidates:
//      interior cells before totals, non-zero before zero, smallest first.
// A line with a single withheld cell makes that cell a bridge, so this
// covers the "one unknown in a row" case. It ends: every step withholds one
// more cell, and the whole table withheld has no bridge (at least 2 x 2).
// The guarantee is linear: no withheld cell is the only solution of the
// published equations (tests/core/tst_core_suppression.cpp attacks it).
#include "core/report/Metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace heart::report {

enum class CellState : std::uint8_t
{
    Published,
    Primary,       // 1..10: "<11"
    Complementary, // withheld so that a primary one cannot be worked out: "*"
};

inline constexpr long long kSmallCellLimit = 10; // 1..10 withheld

struct SuppressedTable
{
    CountTable table;                          // the true counts (never publish them as they are)
    std::vector<std::vector<CellState>> cells; // [row][column]
    std::vector<CellState> rowTotals;          // [row]
    std::vector<CellState> columnTotals;       // [column]
    CellState grandTotal = CellState::Published;

    // What to print: the number, "<11" or "*".
    std::string cellText(std::size_t row, std::size_t column) const;
    std::string rowTotalText(std::size_t row) const;
    std::string columnTotalText(std::size_t column) const;
    std::string grandTotalText() const;
    std::size_t withheldCount() const;
};

SuppressedTable suppress(const CountTable& table, long long limit = kSmallCellLimit);

// The text of one state and value.
std::string publishedText(CellState state, long long value);

} // namespace heart::report
