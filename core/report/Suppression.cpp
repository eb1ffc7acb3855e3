#include "core/report/Suppression.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace heart::report {

namespace {

// The table with its totals as one (r+1) x (c+1) grid: row r is the column
// totals, column c the row totals, (r, c) the grand total. Line vertices:
// rows 0..r, then columns r+1..r+1+c.
struct Grid
{
    std::size_t rows = 0, columns = 0; // with the totals
    std::vector<long long> value;
    std::vector<CellState> state;

    std::size_t at(std::size_t r, std::size_t c) const { return r * columns + c; }
    bool withheld(std::size_t i) const { return state[i] != CellState::Published; }
    bool isTotal(std::size_t i) const { return i / columns == rows - 1 || i % columns == columns - 1; }
};

// The lines reachable from `start` over withheld cells other than `skip`
// (1 = reached). A withheld cell is a bridge when its column line is not
// reachable from its row line this way.
std::vector<char> reach(const Grid& grid, std::size_t start, std::size_t skip)
{
    const std::size_t lines = grid.rows + grid.columns;
    std::vector<char> seen(lines, 0);
    std::vector<std::size_t> stack{start};
    seen[start] = 1;
    while (!stack.empty()) {
        const std::size_t line = stack.back();
        stack.pop_back();
        const auto visit = [&](std::size_t i, std::size_t next) {
            if (i != skip && grid.withheld(i) && !seen[next]) {
                seen[next] = 1;
                stack.push_back(next);
            }
        };
        if (line < grid.rows) {
            for (std::size_t c = 0; c < grid.columns; ++c)
                visit(grid.at(line, c), grid.rows + c);
        } else {
            const std::size_t c = line - grid.rows;
            for (std::size_t r = 0; r < grid.rows; ++r)
                visit(grid.at(r, c), r);
        }
    }
    return seen;
}

bool isBridge(const Grid& grid, std::size_t cell)
{
    return !reach(grid, cell / grid.columns, cell)[grid.rows + cell % grid.columns];
}

// The published cell to withhold next among `candidates`: the smallest
// non-zero interior cell, else the smallest non-zero total, else a zero.
std::optional<std::size_t> pick(const Grid& grid, const std::vector<std::size_t>& candidates)
{
    std::optional<std::size_t> best;
    const auto rank = [&](std::size_t i) {
        const int zero = grid.value[i] == 0 ? 2 : 0;
        return std::make_tuple(zero + (grid.isTotal(i) ? 1 : 0), grid.value[i], i);
    };
    for (std::size_t i : candidates) {
        if (grid.withheld(i))
            continue;
        if (!best || rank(i) < rank(*best))
            best = i;
    }
    return best;
}

} // namespace

std::string publishedText(CellState state, long long value)
{
    switch (state) {
    case CellState::Published:
        return std::to_string(value);
    case CellState::Primary:
        return "<" + std::to_string(kSmallCellLimit + 1);
    case CellState::Complementary:
        return "*";
    }
    return {};
}

std::string SuppressedTable::cellText(std::size_t row, std::size_t column) const
{
    return publishedText(cells.at(row).at(column), table.cells.at(row).at(column));
}

std::string SuppressedTable::rowTotalText(std::size_t row) const
{
    return publishedText(rowTotals.at(row), table.rowTotal(row));
}

std::string SuppressedTable::columnTotalText(std::size_t column) const
{
    return publishedText(columnTotals.at(column), table.columnTotal(column));
}

std::string SuppressedTable::grandTotalText() const
{
    return publishedText(grandTotal, table.total());
}

std::size_t SuppressedTable::withheldCount() const
{
    std::size_t n = 0;
    for (const auto& row : cells)
        n += std::size_t(
            std::count_if(row.begin(), row.end(), [](CellState s) { return s != CellState::Published; }));
    for (CellState s : rowTotals)
        n += s != CellState::Published ? 1 : 0;
    for (CellState s : columnTotals)
        n += s != CellState::Published ? 1 : 0;
    return n + (grandTotal != CellState::Published ? 1 : 0);
}

SuppressedTable suppress(const CountTable& table, long long limit)
{
    SuppressedTable out;
    out.table = table;
    const std::size_t r = table.rows.size(), c = table.columns.size();
    out.cells.assign(r, std::vector<CellState>(c, CellState::Published));
    out.rowTotals.assign(r, CellState::Published);
    out.columnTotals.assign(c, CellState::Published);
    if (r == 0 || c == 0)
        return out;

    Grid grid;
    grid.rows = r + 1;
    grid.columns = c + 1;
    grid.value.assign(grid.rows * grid.columns, 0);
    grid.state.assign(grid.value.size(), CellState::Published);
    for (std::size_t i = 0; i < r; ++i) {
        for (std::size_t j = 0; j < c; ++j)
            grid.value[grid.at(i, j)] = table.cells[i][j];
        grid.value[grid.at(i, c)] = table.rowTotal(i);
    }
    for (std::size_t j = 0; j < c; ++j)
        grid.value[grid.at(r, j)] = table.columnTotal(j);
    grid.value[grid.at(r, c)] = table.total();

    // 1. Primary.
    for (std::size_t i = 0; i < grid.value.size(); ++i) {
        if (grid.value[i] >= 1 && grid.value[i] <= limit)
            grid.state[i] = CellState::Primary;
    }
    // 2. Complementary, until no withheld cell is a bridge.
    for (;;) {
        std::optional<std::size_t> bridge;
        for (std::size_t i = 0; i < grid.value.size() && !bridge; ++i) {
            if (grid.withheld(i) && isBridge(grid, i))
                bridge = i;
        }
        if (!bridge)
            break;
        const std::size_t row = *bridge / grid.columns, column = *bridge % grid.columns;
        // Best: a published cell joining the two sides of the bridge (a row
        // line on one side, a column line on the other) closes a cycle at once.
        const std::vector<char> rowSide = reach(grid, row, *bridge);
        const std::vector<char> columnSide = reach(grid, grid.rows + column, *bridge);
        std::vector<std::size_t> joining;
        for (std::size_t gr = 0; gr < grid.rows; ++gr) {
            for (std::size_t gc = 0; gc < grid.columns; ++gc) {
                const bool across = (rowSide[gr] && columnSide[grid.rows + gc]) ||
                                    (columnSide[gr] && rowSide[grid.rows + gc]);
                if (across)
                    joining.push_back(grid.at(gr, gc));
            }
        }
        std::optional<std::size_t> chosen = pick(grid, joining);
        if (!chosen) {
            // An edge on its own: grow it along its row or column line.
            std::vector<std::size_t> inRow, inColumn;
            for (std::size_t j = 0; j < grid.columns; ++j)
                inRow.push_back(grid.at(row, j));
            for (std::size_t i = 0; i < grid.rows; ++i)
                inColumn.push_back(grid.at(i, column));
            const auto a = pick(grid, inRow), b = pick(grid, inColumn);
            if (a && b) {
                const auto rank = [&](std::size_t i) {
                    return std::make_tuple((grid.value[i] == 0 ? 2 : 0) + (grid.isTotal(i) ? 1 : 0),
                                           grid.value[i]);
                };
                chosen = rank(*a) <= rank(*b) ? a : b;
            } else {
                chosen = a ? a : b;
            }
        }
        if (!chosen) {
            // Both lines withheld whole: widen to any published cell.
            std::vector<std::size_t> all(grid.value.size());
            std::iota(all.begin(), all.end(), std::size_t(0));
            chosen = pick(grid, all);
        }
        if (!chosen)
            break; // everything withheld (cannot happen on a 2 x 2 grid or larger)
        grid.state[*chosen] = CellState::Complementary;
    }

    for (std::size_t i = 0; i < r; ++i) {
        for (std::size_t j = 0; j < c; ++j)
            out.cells[i][j] = grid.state[grid.at(i, j)];
        out.rowTotals[i] = grid.state[grid.at(i, c)];
    }
    for (std::size_t j = 0; j < c; ++j)
        out.columnTotals[j] = grid.state[grid.at(r, j)];
    out.grandTotal = grid.state[grid.at(r, c)];
    return out;
}

} // namespace heart::report
