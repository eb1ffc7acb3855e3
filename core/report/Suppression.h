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
//
// Tables that share margins (suppressLinked, suppressReport): a quantity
// that appears in several tables (the missed eligible calls of a program are
// a cell of "eligibility", a row total of "missed_by_reason" and a column
// total of "missed_by_beat") is one unknown, withheld everywhere or nowhere,
// and the attacker is given every published table at once. After each
// table is bridge-free (as above, a cell withheld in one table is withheld
// in all its places), the whole system (every line of every table, plus the
// links) is row-reduced exactly (modulo the prime 2^31 - 1) over the
// withheld unknowns; while one of them is pinned down, one more published
// quantity of an equation it appears in is withheld, and round again.
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

// One quantity of one of the tables given to suppressLinked(): a cell, a
// row total (column = npos), a column total (row = npos) or the grand total
// (both npos).
struct QuantityRef
{
    static constexpr std::size_t kTotal = static_cast<std::size_t>(-1);
    std::size_t table = 0;
    std::size_t row = kTotal;
    std::size_t column = kTotal;
};

// What the public knows ties the tables together: the quantities on the
// left add up to those on the right. One on each side: the same quantity
// in two tables, suppressed alike in both.
struct TableLink
{
    std::vector<QuantityRef> left;
    std::vector<QuantityRef> right;
};

// Suppresses the tables together: no withheld value can be worked out from
// all the published tables and the links at once. A link whose two sides do
// not add up to the same value is ignored (it would not be public knowledge).
std::vector<SuppressedTable> suppressLinked(const std::vector<CountTable>& tables,
                                            const std::vector<TableLink>& links,
                                            long long limit = kSmallCellLimit);

// The public version of a whole report: every table of report.tables(), in
// that order, suppressed together with the margins they share
// (reportLinks(): missed eligible calls in "eligibility", "missed_by_reason"
// and "missed_by_beat"; the period's calls as the grand total of every
// calls_by_* table and "dispositions"; diversions in "ccd_diversions" and
// "dispositions"; unreached follow-ups in "follow_ups" and
// "follow_up_outcomes").
std::vector<SuppressedTable> suppressReport(const Report& report, long long limit = kSmallCellLimit);
// The links suppressReport() uses, over the tables in report.tables() order.
std::vector<TableLink> reportLinks(const Report& report);

// The text of one state and value.
std::string publishedText(CellState state, long long value);

} // namespace heart::report
