#include "core/report/Suppression.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>

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

Grid gridOf(const CountTable& table)
{
    const std::size_t r = table.rows.size(), c = table.columns.size();
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
    return grid;
}

// The next published cell to withhold so that a bridge of `grid` comes on a
// cycle, nullopt when no withheld cell is a bridge (or nothing is left).
std::optional<std::size_t> nextForBridge(const Grid& grid)
{
    std::optional<std::size_t> bridge;
    for (std::size_t i = 0; i < grid.value.size() && !bridge; ++i) {
        if (grid.withheld(i) && isBridge(grid, i))
            bridge = i;
    }
    if (!bridge)
        return std::nullopt;
    const std::size_t row = *bridge / grid.columns, column = *bridge % grid.columns;
    // Best: a published cell joining the two sides of the bridge (a row
    // line on one side, a column line on the other) closes a cycle at once.
    const std::vector<char> rowSide = reach(grid, row, *bridge);
    const std::vector<char> columnSide = reach(grid, grid.rows + column, *bridge);
    std::vector<std::size_t> joining;
    for (std::size_t gr = 0; gr < grid.rows; ++gr) {
        for (std::size_t gc = 0; gc < grid.columns; ++gc) {
            const bool across =
                (rowSide[gr] && columnSide[grid.rows + gc]) || (columnSide[gr] && rowSide[grid.rows + gc]);
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
    return chosen; // nullopt: everything withheld (cannot happen on a 2 x 2 grid or larger)
}

void writeBack(const Grid& grid, SuppressedTable& out)
{
    const std::size_t r = grid.rows - 1, c = grid.columns - 1;
    for (std::size_t i = 0; i < r; ++i) {
        for (std::size_t j = 0; j < c; ++j)
            out.cells[i][j] = grid.state[grid.at(i, j)];
        out.rowTotals[i] = grid.state[grid.at(i, c)];
    }
    for (std::size_t j = 0; j < c; ++j)
        out.columnTotals[j] = grid.state[grid.at(r, j)];
    out.grandTotal = grid.state[grid.at(r, c)];
}

SuppressedTable allPublished(const CountTable& table)
{
    SuppressedTable out;
    out.table = table;
    out.cells.assign(table.rows.size(), std::vector<CellState>(table.columns.size(), CellState::Published));
    out.rowTotals.assign(table.rows.size(), CellState::Published);
    out.columnTotals.assign(table.columns.size(), CellState::Published);
    return out;
}

// ---- Exact elimination modulo a prime ---------------------------------------
// The equations have coefficients 0, 1 and -1; row reduction modulo
// 2^31 - 1 is exact arithmetic (a pivot could only vanish by accident if
// the prime divided a minor of the system, far beyond these tables).
constexpr std::uint64_t kPrime = 2147483647ULL;

std::uint64_t modPow(std::uint64_t base, std::uint64_t exponent)
{
    std::uint64_t result = 1;
    base %= kPrime;
    while (exponent > 0) {
        if (exponent & 1U)
            result = result * base % kPrime;
        base = base * base % kPrime;
        exponent >>= 1U;
    }
    return result;
}

std::uint64_t modOf(long long value)
{
    const long long m = value % static_cast<long long>(kPrime);
    return static_cast<std::uint64_t>(m < 0 ? m + static_cast<long long>(kPrime) : m);
}

// Which unknowns (columns 0..unknowns-1) the homogeneous system `equations`
// pins down: after reduction to row echelon form, a pivot column whose row
// has nothing in the free columns.
std::vector<std::size_t> pinnedDown(std::vector<std::vector<std::uint64_t>> m, std::size_t unknowns)
{
    std::vector<std::size_t> pivotColumns;
    std::size_t rank = 0;
    for (std::size_t c = 0; c < unknowns && rank < m.size(); ++c) {
        std::size_t pivot = rank;
        while (pivot < m.size() && m[pivot][c] == 0)
            ++pivot;
        if (pivot == m.size())
            continue;
        std::swap(m[pivot], m[rank]);
        const std::uint64_t inverse = modPow(m[rank][c], kPrime - 2);
        for (std::size_t k = c; k < unknowns; ++k)
            m[rank][k] = m[rank][k] * inverse % kPrime;
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == rank || m[r][c] == 0)
                continue;
            const std::uint64_t f = m[r][c];
            for (std::size_t k = c; k < unknowns; ++k)
                m[r][k] = (m[r][k] + (kPrime - f) * m[rank][k] % kPrime) % kPrime;
        }
        pivotColumns.push_back(c);
        ++rank;
    }
    std::vector<char> isPivot(unknowns, 0);
    for (std::size_t c : pivotColumns)
        isPivot[c] = 1;
    std::vector<std::size_t> pinned;
    for (std::size_t r = 0; r < pivotColumns.size(); ++r) {
        bool alone = true;
        for (std::size_t k = 0; k < unknowns && alone; ++k)
            alone = isPivot[k] || m[r][k] == 0;
        if (alone)
            pinned.push_back(pivotColumns[r]);
    }
    return pinned;
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
    SuppressedTable out = allPublished(table);
    if (table.rows.empty() || table.columns.empty())
        return out;
    Grid grid = gridOf(table);
    // 1. Primary.
    for (std::size_t i = 0; i < grid.value.size(); ++i) {
        if (grid.value[i] >= 1 && grid.value[i] <= limit)
            grid.state[i] = CellState::Primary;
    }
    // 2. Complementary, until no withheld cell is a bridge.
    while (const auto chosen = nextForBridge(grid))
        grid.state[*chosen] = CellState::Complementary;
    writeBack(grid, out);
    return out;
}

std::vector<SuppressedTable> suppressLinked(const std::vector<CountTable>& tables,
                                            const std::vector<TableLink>& links, long long limit)
{
    std::vector<SuppressedTable> out;
    std::vector<Grid> grids;
    std::vector<std::size_t> offset; // of each table's first quantity among all
    std::size_t quantities = 0;
    for (const CountTable& table : tables) {
        out.push_back(allPublished(table));
        grids.push_back(table.rows.empty() || table.columns.empty() ? Grid{} : gridOf(table));
        offset.push_back(quantities);
        quantities += grids.back().value.size();
    }
    // Each quantity's table and cell, and the same quantities joined (union-find).
    std::vector<std::pair<std::size_t, std::size_t>> place(quantities);
    for (std::size_t t = 0; t < grids.size(); ++t) {
        for (std::size_t i = 0; i < grids[t].value.size(); ++i)
            place[offset[t] + i] = {t, i};
    }
    std::vector<std::size_t> parent(quantities);
    std::iota(parent.begin(), parent.end(), std::size_t(0));
    const auto find = [&](std::size_t q) {
        while (parent[q] != q)
            q = parent[q] = parent[parent[q]];
        return q;
    };
    const auto quantityOf = [&](const QuantityRef& ref) -> std::optional<std::size_t> {
        if (ref.table >= grids.size() || grids[ref.table].value.empty())
            return std::nullopt;
        const Grid& grid = grids[ref.table];
        const std::size_t r = ref.row == QuantityRef::kTotal ? grid.rows - 1 : ref.row;
        const std::size_t c = ref.column == QuantityRef::kTotal ? grid.columns - 1 : ref.column;
        if (r >= grid.rows || c >= grid.columns)
            return std::nullopt;
        return offset[ref.table] + grid.at(r, c);
    };
    const auto valueOf = [&](std::size_t q) {
        return grids[place[q].first].value[place[q].second];
    };

    // The equations, as signed quantities: every line of every table, then the links.
    std::vector<std::vector<std::pair<std::size_t, long long>>> equations;
    for (std::size_t t = 0; t < grids.size(); ++t) {
        const Grid& grid = grids[t];
        for (std::size_t r = 0; r < grid.rows; ++r) {
            auto& line = equations.emplace_back();
            for (std::size_t c = 0; c < grid.columns; ++c)
                line.push_back({offset[t] + grid.at(r, c), c + 1 == grid.columns ? -1 : 1});
        }
        for (std::size_t c = 0; c < grid.columns; ++c) {
            auto& line = equations.emplace_back();
            for (std::size_t r = 0; r < grid.rows; ++r)
                line.push_back({offset[t] + grid.at(r, c), r + 1 == grid.rows ? -1 : 1});
        }
    }
    for (const TableLink& link : links) {
        std::vector<std::pair<std::size_t, long long>> equation;
        long long balance = 0;
        bool valid = !link.left.empty() && !link.right.empty();
        for (const auto& [side, sign] : {std::pair{&link.left, 1LL}, std::pair{&link.right, -1LL}}) {
            for (const QuantityRef& ref : *side) {
                const auto q = quantityOf(ref);
                valid = valid && q.has_value();
                if (q) {
                    equation.push_back({*q, sign});
                    balance += sign * valueOf(*q);
                }
            }
        }
        if (!valid || balance != 0)
            continue; // not true of these tables: not something the public knows
        if (equation.size() == 2)
            parent[find(equation[0].first)] = find(equation[1].first); // the same quantity
        else
            equations.push_back(std::move(equation));
    }
    std::vector<std::vector<std::size_t>> copies(quantities); // root -> its places
    for (std::size_t q = 0; q < quantities; ++q)
        copies[find(q)].push_back(q);
    const auto stateOf = [&](std::size_t q) {
        return grids[place[q].first].state[place[q].second];
    };
    const auto withhold = [&](std::size_t q, CellState state) {
        for (std::size_t copy : copies[find(q)]) {
            CellState& s = grids[place[copy].first].state[place[copy].second];
            if (s == CellState::Published)
                s = state;
        }
    };

    // 1. Primary, everywhere the quantity appears.
    for (std::size_t q = 0; q < quantities; ++q) {
        if (valueOf(q) >= 1 && valueOf(q) <= limit)
            withhold(q, CellState::Primary);
    }
    for (;;) {
        // 2. Every table bridge-free on its own, a withheld quantity withheld in all its places.
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t t = 0; t < grids.size(); ++t) {
                if (grids[t].value.empty())
                    continue;
                while (const auto chosen = nextForBridge(grids[t])) {
                    withhold(offset[t] + *chosen, CellState::Complementary);
                    changed = true;
                }
            }
        }
        // 3. The whole system: is any withheld quantity pinned down?
        std::vector<int> column(quantities, -1);
        std::vector<std::size_t> unknowns;
        for (std::size_t q = 0; q < quantities; ++q) {
            if (find(q) == q && stateOf(q) != CellState::Published) {
                column[q] = int(unknowns.size());
                unknowns.push_back(q);
            }
        }
        if (unknowns.empty())
            break;
        std::vector<std::vector<std::uint64_t>> matrix;
        for (const auto& equation : equations) {
            std::vector<std::uint64_t> row(unknowns.size(), 0);
            bool any = false;
            for (const auto& [q, sign] : equation) {
                const int k = column[find(q)];
                if (k >= 0) {
                    row[std::size_t(k)] = (row[std::size_t(k)] + modOf(sign)) % kPrime;
                    any = true;
                }
            }
            if (any)
                matrix.push_back(std::move(row));
        }
        const std::vector<std::size_t> pinned = pinnedDown(std::move(matrix), unknowns.size());
        if (pinned.empty())
            break;
        // 4. Withhold one more published quantity of an equation the first
        // pinned one is in: interior cells before totals, non-zero before
        // zero, smallest first; else any published quantity.
        const std::size_t target = unknowns[pinned.front()];
        const auto rank = [&](std::size_t q) {
            const Grid& grid = grids[place[q].first];
            const int zero = valueOf(q) == 0 ? 2 : 0;
            return std::make_tuple(zero + (grid.isTotal(place[q].second) ? 1 : 0), valueOf(q), q);
        };
        std::optional<std::size_t> chosen;
        const auto consider = [&](std::size_t q) {
            if (stateOf(q) == CellState::Published && (!chosen || rank(q) < rank(*chosen)))
                chosen = q;
        };
        for (const auto& equation : equations) {
            const bool holds = std::any_of(equation.begin(), equation.end(),
                                           [&](const auto& term) { return find(term.first) == target; });
            if (holds) {
                for (const auto& term : equation)
                    consider(term.first);
            }
        }
        if (!chosen) {
            for (std::size_t q = 0; q < quantities; ++q)
                consider(q);
        }
        if (!chosen)
            break; // everything withheld
        withhold(*chosen, CellState::Complementary);
    }
    for (std::size_t t = 0; t < grids.size(); ++t) {
        if (!grids[t].value.empty())
            writeBack(grids[t], out[t]);
    }
    return out;
}

std::vector<TableLink> reportLinks(const Report& report)
{
    const std::vector<const CountTable*> tables = report.tables();
    const auto indexOf = [&](std::string_view id) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            if (tables[i]->id == id && !tables[i]->rows.empty() && !tables[i]->columns.empty())
                return i;
        }
        return std::nullopt;
    };
    constexpr std::size_t kTotal = QuantityRef::kTotal;
    std::vector<TableLink> links;
    const auto same = [&](QuantityRef a, QuantityRef b) {
        links.push_back({{a}, {b}});
    };

    // Missed eligible calls: eligibility's "missed" cell of a program is
    // missed_by_reason's row total and missed_by_beat's column total.
    const auto eligibility = indexOf("eligibility"), byReason = indexOf("missed_by_reason"),
               byBeat = indexOf("missed_by_beat");
    if (eligibility && byReason && byBeat) {
        const CountTable &e = *tables[*eligibility], &r = *tables[*byReason], &b = *tables[*byBeat];
        const int missed = e.columnIndex("missed");
        if (missed >= 0) {
            for (std::size_t row = 0; row < e.rows.size(); ++row) {
                const QuantityRef cell{*eligibility, row, std::size_t(missed)};
                if (const int i = r.rowIndex(e.rows[row]); i >= 0)
                    same(cell, {*byReason, std::size_t(i), kTotal});
                if (const int j = b.columnIndex(e.rows[row]); j >= 0)
                    same(cell, {*byBeat, kTotal, std::size_t(j)});
            }
            same({*eligibility, kTotal, std::size_t(missed)}, {*byReason, kTotal, kTotal});
            same({*eligibility, kTotal, std::size_t(missed)}, {*byBeat, kTotal, kTotal});
        }
    }
    // The period's calls: the grand total of every calls_by_* table and of dispositions.
    std::optional<std::size_t> first;
    for (std::string_view id : {"calls_by_program", "calls_by_call_type", "calls_by_beat",
                                "calls_by_hour_of_week", "calls_by_month", "dispositions"}) {
        const auto t = indexOf(id);
        if (!t)
            continue;
        if (first)
            same({*first, kTotal, kTotal}, {*t, kTotal, kTotal});
        else
            first = t;
    }
    // Diversions: a row of ccd_diversions is that disposition's row in dispositions.
    const auto diversions = indexOf("ccd_diversions"), dispositions = indexOf("dispositions");
    if (diversions && dispositions) {
        const CountTable &d = *tables[*diversions], &all = *tables[*dispositions];
        for (std::size_t row = 0; row < d.rows.size(); ++row) {
            if (const int i = all.rowIndex(d.rows[row]); i >= 0 && !d.columns.empty() && !all.columns.empty())
                same({*diversions, row, 0}, {*dispositions, std::size_t(i), 0});
        }
    }
    // Follow-ups: "not_reached" is the outcome "unable_to_reach"; the closed
    // tasks (within, after 48 h, not reached) are the outcomes' row total.
    const auto followUps = indexOf("follow_ups"), outcomes = indexOf("follow_up_outcomes");
    if (followUps && outcomes) {
        const CountTable &f = *tables[*followUps], &o = *tables[*outcomes];
        const int notReached = f.columnIndex("not_reached"), unreachable = o.columnIndex("unable_to_reach");
        for (std::size_t row = 0; row < f.rows.size(); ++row) {
            const int i = o.rowIndex(f.rows[row]);
            if (i < 0)
                continue;
            if (notReached >= 0 && unreachable >= 0)
                same({*followUps, row, std::size_t(notReached)},
                     {*outcomes, std::size_t(i), std::size_t(unreachable)});
            TableLink closed;
            for (std::string_view column : {"within_48h", "after_48h", "not_reached"}) {
                if (const int j = f.columnIndex(column); j >= 0)
                    closed.left.push_back({*followUps, row, std::size_t(j)});
            }
            closed.right.push_back({*outcomes, std::size_t(i), kTotal});
            links.push_back(std::move(closed));
        }
    }
    return links;
}

std::vector<SuppressedTable> suppressReport(const Report& report, long long limit)
{
    std::vector<CountTable> tables;
    for (const CountTable* table : report.tables())
        tables.push_back(*table);
    return suppressLinked(tables, reportLinks(report), limit);
}

} // namespace heart::report
