// Small-cell suppression (docs/metrics.md, "Suppression"): counts 1..10 are
// shown as "<11", and no withheld cell can be worked out from what is
// published. An attacker here gets every published cell and total and tries
// (1) lines with one unknown, solved over and over as values come out, and
// (2) the whole linear system: a withheld value is pinned down when its unit
// vector lies in the row space of the published equations. Over thousands of
// random tables neither recovers a single withheld value; with primary
// suppression alone (no complementary cells) the same attacker does.
//
// Linked tables (suppressLinked, suppressReport): an attacker holding every
// published table of the report at once, and knowing which quantities are
// the same (the missed eligible calls of a program in "eligibility",
// "missed_by_reason" and "missed_by_beat"), solves one linear system over
// all of them; over random report-shaped tables it recovers nothing, while
// the same tables suppressed one at a time give values away.
#include "core/report/Suppression.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace heart::report;

namespace {

// The table with its totals as one grid, and which cells the attacker does not see.
struct Published
{
    std::size_t rows = 0, columns = 0; // with totals
    std::vector<long long> value;
    std::vector<bool> hidden;
    std::size_t at(std::size_t r, std::size_t c) const { return r * columns + c; }
};

Published publish(const SuppressedTable& s)
{
    const std::size_t r = s.table.rows.size(), c = s.table.columns.size();
    Published p;
    p.rows = r + 1;
    p.columns = c + 1;
    p.value.assign(p.rows * p.columns, 0);
    p.hidden.assign(p.value.size(), false);
    for (std::size_t i = 0; i < r; ++i) {
        for (std::size_t j = 0; j < c; ++j) {
            p.value[p.at(i, j)] = s.table.cells[i][j];
            p.hidden[p.at(i, j)] = s.cells[i][j] != CellState::Published;
        }
        p.value[p.at(i, c)] = s.table.rowTotal(i);
        p.hidden[p.at(i, c)] = s.rowTotals[i] != CellState::Published;
    }
    for (std::size_t j = 0; j < c; ++j) {
        p.value[p.at(r, j)] = s.table.columnTotal(j);
        p.hidden[p.at(r, j)] = s.columnTotals[j] != CellState::Published;
    }
    p.value[p.at(r, c)] = s.table.total();
    p.hidden[p.at(r, c)] = s.grandTotal != CellState::Published;
    return p;
}

// The lines of the grid: each is a list of (cell, sign) whose signed sum is 0
// (the cells, minus the total at the end).
std::vector<std::vector<std::pair<std::size_t, int>>> lines(const Published& p)
{
    std::vector<std::vector<std::pair<std::size_t, int>>> out;
    for (std::size_t i = 0; i < p.rows; ++i) {
        std::vector<std::pair<std::size_t, int>> line;
        for (std::size_t j = 0; j < p.columns; ++j)
            line.push_back({p.at(i, j), j + 1 == p.columns ? -1 : 1});
        out.push_back(line);
    }
    for (std::size_t j = 0; j < p.columns; ++j) {
        std::vector<std::pair<std::size_t, int>> line;
        for (std::size_t i = 0; i < p.rows; ++i)
            line.push_back({p.at(i, j), i + 1 == p.rows ? -1 : 1});
        out.push_back(line);
    }
    return out;
}

// Attack 1: a line with one unknown gives it away; what comes out helps
// with the next line. Returns the cells recovered.
std::vector<std::size_t> lineAttack(const Published& p)
{
    std::vector<bool> known(p.value.size());
    for (std::size_t i = 0; i < known.size(); ++i)
        known[i] = !p.hidden[i];
    std::vector<std::size_t> recovered;
    bool progress = true;
    while (progress) {
        progress = false;
        for (const auto& line : lines(p)) {
            std::size_t unknowns = 0, last = 0;
            for (const auto& [cell, sign] : line) {
                if (!known[cell]) {
                    ++unknowns;
                    last = cell;
                }
            }
            if (unknowns == 1) {
                known[last] = true;
                recovered.push_back(last);
                progress = true;
            }
        }
    }
    return recovered;
}

// Attack 2: Gaussian elimination over the hidden cells. A hidden cell is
// determined when adding its unit vector to the equations does not raise
// their rank. Returns the cells determined.
std::size_t rankOf(std::vector<std::vector<double>> m)
{
    std::size_t rank = 0;
    const std::size_t columns = m.empty() ? 0 : m[0].size();
    for (std::size_t c = 0; c < columns && rank < m.size(); ++c) {
        std::size_t pivot = rank;
        for (std::size_t r = rank; r < m.size(); ++r) {
            if (std::fabs(m[r][c]) > std::fabs(m[pivot][c]))
                pivot = r;
        }
        if (std::fabs(m[pivot][c]) < 1e-9)
            continue;
        std::swap(m[pivot], m[rank]);
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == rank)
                continue;
            const double f = m[r][c] / m[rank][c];
            for (std::size_t k = c; k < columns; ++k)
                m[r][k] -= f * m[rank][k];
        }
        ++rank;
    }
    return rank;
}

std::vector<std::size_t> linearAttack(const Published& p)
{
    std::vector<std::size_t> hidden;
    std::vector<int> column(p.value.size(), -1);
    for (std::size_t i = 0; i < p.value.size(); ++i) {
        if (p.hidden[i]) {
            column[i] = int(hidden.size());
            hidden.push_back(i);
        }
    }
    if (hidden.empty())
        return {};
    std::vector<std::vector<double>> equations;
    for (const auto& line : lines(p)) {
        std::vector<double> row(hidden.size(), 0.0);
        for (const auto& [cell, sign] : line) {
            if (column[cell] >= 0)
                row[std::size_t(column[cell])] = sign;
        }
        equations.push_back(row);
    }
    const std::size_t base = rankOf(equations);
    std::vector<std::size_t> determined;
    for (std::size_t k = 0; k < hidden.size(); ++k) {
        auto with = equations;
        std::vector<double> unit(hidden.size(), 0.0);
        unit[k] = 1.0;
        with.push_back(unit);
        if (rankOf(with) == base)
            determined.push_back(hidden[k]);
    }
    return determined;
}

CountTable randomTable(std::mt19937& random)
{
    std::uniform_int_distribution<int> size(1, 6), kind(0, 9), small(1, 10), large(11, 80);
    CountTable t;
    t.id = "random";
    const int r = size(random), c = size(random);
    for (int i = 0; i < r; ++i)
        t.rows.push_back("r" + std::to_string(i));
    for (int j = 0; j < c; ++j)
        t.columns.push_back("c" + std::to_string(j));
    t.cells.assign(std::size_t(r), std::vector<long long>(std::size_t(c), 0));
    for (auto& row : t.cells) {
        for (long long& cell : row) {
            const int k = kind(random);
            cell = k < 2 ? 0 : k < 5 ? small(random) : large(random);
        }
    }
    return t;
}

CountTable table(std::vector<std::vector<long long>> cells)
{
    CountTable t;
    for (std::size_t i = 0; i < cells.size(); ++i)
        t.rows.push_back("r" + std::to_string(i));
    for (std::size_t j = 0; j < cells.at(0).size(); ++j)
        t.columns.push_back("c" + std::to_string(j));
    t.cells = std::move(cells);
    return t;
}

// ---- Linked tables ------------------------------------------------------------

// Every quantity of every table is its own unknown (cell, row totals,
// column totals, grand total: the grid of publish()); the attacker's
// equations are each table's lines and each link (left - right = 0). The
// attacker knows every quantity published in any table.
struct LinkedPublished
{
    std::vector<Published> tables;
    std::vector<std::size_t> offset;
    std::size_t size = 0;

    std::size_t quantity(const QuantityRef& ref) const
    {
        const Published& p = tables.at(ref.table);
        const std::size_t r = ref.row == QuantityRef::kTotal ? p.rows - 1 : ref.row;
        const std::size_t c = ref.column == QuantityRef::kTotal ? p.columns - 1 : ref.column;
        return offset.at(ref.table) + p.at(r, c);
    }
    long long value(std::size_t q) const
    {
        for (std::size_t t = tables.size(); t-- > 0;) {
            if (q >= offset[t])
                return tables[t].value[q - offset[t]];
        }
        return 0;
    }
    bool hidden(std::size_t q) const
    {
        for (std::size_t t = tables.size(); t-- > 0;) {
            if (q >= offset[t])
                return tables[t].hidden[q - offset[t]];
        }
        return false;
    }
};

LinkedPublished publishAll(const std::vector<SuppressedTable>& suppressed)
{
    LinkedPublished all;
    for (const SuppressedTable& s : suppressed) {
        all.offset.push_back(all.size);
        all.tables.push_back(s.table.rows.empty() || s.table.columns.empty() ? Published{} : publish(s));
        all.size += all.tables.back().value.size();
    }
    return all;
}

// The withheld quantities the whole system pins down (reduced row echelon
// form over the hidden unknowns; an unknown is determined when it is a pivot
// whose row has nothing in the free columns). A quantity withheld in one
// table but published in another counts as recovered too.
std::vector<std::size_t> linkedAttack(const LinkedPublished& all, const std::vector<TableLink>& links)
{
    std::vector<std::vector<std::pair<std::size_t, int>>> equations;
    for (std::size_t t = 0; t < all.tables.size(); ++t) {
        for (auto line : lines(all.tables[t])) {
            for (auto& term : line)
                term.first += all.offset[t];
            equations.push_back(line);
        }
    }
    for (const TableLink& link : links) {
        std::vector<std::pair<std::size_t, int>> equation;
        for (const QuantityRef& ref : link.left)
            equation.push_back({all.quantity(ref), 1});
        for (const QuantityRef& ref : link.right)
            equation.push_back({all.quantity(ref), -1});
        equations.push_back(equation);
    }
    std::vector<int> column(all.size, -1);
    std::vector<std::size_t> hidden;
    for (std::size_t q = 0; q < all.size; ++q) {
        if (all.hidden(q)) {
            column[q] = int(hidden.size());
            hidden.push_back(q);
        }
    }
    const std::size_t n = hidden.size();
    std::vector<std::vector<double>> m;
    for (const auto& equation : equations) {
        std::vector<double> row(n, 0.0);
        for (const auto& [q, sign] : equation) {
            if (column[q] >= 0)
                row[std::size_t(column[q])] += sign;
        }
        m.push_back(row);
    }
    std::vector<std::size_t> pivots;
    std::size_t rank = 0;
    for (std::size_t c = 0; c < n && rank < m.size(); ++c) {
        std::size_t pivot = rank;
        for (std::size_t r = rank; r < m.size(); ++r) {
            if (std::fabs(m[r][c]) > std::fabs(m[pivot][c]))
                pivot = r;
        }
        if (std::fabs(m[pivot][c]) < 1e-9)
            continue;
        std::swap(m[pivot], m[rank]);
        const double p = m[rank][c];
        for (double& x : m[rank])
            x /= p;
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == rank || std::fabs(m[r][c]) < 1e-12)
                continue;
            const double f = m[r][c];
            for (std::size_t k = 0; k < n; ++k)
                m[r][k] -= f * m[rank][k];
        }
        pivots.push_back(c);
        ++rank;
    }
    std::vector<char> isPivot(n, 0);
    for (std::size_t c : pivots)
        isPivot[c] = 1;
    std::vector<std::size_t> determined;
    for (std::size_t r = 0; r < pivots.size(); ++r) {
        bool alone = true;
        for (std::size_t k = 0; k < n && alone; ++k)
            alone = isPivot[k] || std::fabs(m[r][k]) < 1e-9;
        if (alone)
            determined.push_back(hidden[pivots[r]]);
    }
    return determined;
}

// A report's three tables of missed eligible calls, at random: P programs,
// K reasons, B beats. eligibility (P x answered, missed), missed_by_reason
// (P x K), missed_by_beat (B x P), with the links the report has.
struct LinkedCase
{
    std::vector<CountTable> tables;
    std::vector<TableLink> links;
};

LinkedCase randomLinked(std::mt19937& random)
{
    std::uniform_int_distribution<int> programs(1, 3), reasons(2, 6), beats(1, 6), kind(0, 9), small(1, 10),
        large(11, 60);
    const auto count = [&] {
        const int k = kind(random);
        return static_cast<long long>(k < 2 ? 0 : k < 5 ? small(random) : large(random));
    };
    const int p = programs(random), k = reasons(random), b = beats(random);
    CountTable eligibility =
        table(std::vector<std::vector<long long>>(std::size_t(p), std::vector<long long>(2, 0)));
    CountTable byReason =
        table(std::vector<std::vector<long long>>(std::size_t(p), std::vector<long long>(std::size_t(k), 0)));
    CountTable byBeat =
        table(std::vector<std::vector<long long>>(std::size_t(b), std::vector<long long>(std::size_t(p), 0)));
    std::uniform_int_distribution<int> beat(0, b - 1);
    for (std::size_t i = 0; i < std::size_t(p); ++i) {
        for (auto& cell : byReason.cells[i])
            cell = count();
        eligibility.cells[i][0] = count();
        eligibility.cells[i][1] = byReason.rowTotal(i);
        // The same missed calls over the beats: each call to a beat, some beats favoured.
        std::vector<int> weight(static_cast<std::size_t>(b));
        for (int& w : weight)
            w = kind(random) < 3 ? 0 : 1 + kind(random);
        if (std::all_of(weight.begin(), weight.end(), [](int w) { return w == 0; }))
            weight[0] = 1;
        std::discrete_distribution<int> where(weight.begin(), weight.end());
        for (long long call = 0; call < eligibility.cells[i][1]; ++call)
            ++byBeat.cells[std::size_t(where(random))][i];
    }
    LinkedCase c;
    c.tables = {eligibility, byReason, byBeat};
    constexpr std::size_t total = QuantityRef::kTotal;
    for (std::size_t i = 0; i < std::size_t(p); ++i) {
        c.links.push_back({{{0, i, 1}}, {{1, i, total}}});
        c.links.push_back({{{0, i, 1}}, {{2, total, i}}});
    }
    c.links.push_back({{{0, total, 1}}, {{1, total, total}}});
    c.links.push_back({{{0, total, 1}}, {{2, total, total}}});
    return c;
}

// The states of the places linked as the same quantity differ somewhere.
bool inconsistent(const LinkedPublished& all, const std::vector<TableLink>& links)
{
    for (const TableLink& link : links) {
        if (link.left.size() == 1 && link.right.size() == 1 &&
            all.hidden(all.quantity(link.left[0])) != all.hidden(all.quantity(link.right[0])))
            return true;
    }
    return false;
}
} // namespace

class TestSuppression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallCountsAreShownAsLessThanEleven()
    {
        const SuppressedTable s = suppress(table({{5, 20}, {30, 40}}));
        QCOMPARE(s.cellText(0, 0), std::string("<11"));
        // The cheapest cover: the four cells, every total published.
        QCOMPARE(s.cellText(0, 1), std::string("*"));
        QCOMPARE(s.cellText(1, 0), std::string("*"));
        QCOMPARE(s.cellText(1, 1), std::string("*"));
        QCOMPARE(s.rowTotalText(0), std::string("25"));
        QCOMPARE(s.columnTotalText(0), std::string("35"));
        QCOMPARE(s.grandTotalText(), std::string("95"));
        // Zero is published as it is; 11 and more too when nothing is small.
        const SuppressedTable none = suppress(table({{0, 11}, {12, 0}}));
        QCOMPARE(none.withheldCount(), std::size_t(0));
        QCOMPARE(none.cellText(0, 0), std::string("0"));
        QCOMPARE(none.cellText(0, 1), std::string("11"));
    }

    void aSmallTotalIsWithheldToo()
    {
        // Row 0 sums to 7: its total is a small cell itself.
        const SuppressedTable s = suppress(table({{3, 4}, {50, 60}}));
        QCOMPARE(s.rowTotals[0], CellState::Primary);
        QCOMPARE(s.rowTotalText(0), std::string("<11"));
        QVERIFY(linearAttack(publish(s)).empty());
    }

    void oneColumnTables()
    {
        // Calls by beat: the column total is published, so a single small
        // beat would follow from it; a second beat is withheld with it.
        const SuppressedTable s = suppress(table({{40}, {3}, {25}, {60}}));
        QCOMPARE(s.cells[1][0], CellState::Primary);
        QCOMPARE(s.cells[2][0], CellState::Complementary); // the smallest other beat
        QCOMPARE(s.cells[0][0], CellState::Published);
        QCOMPARE(s.cells[3][0], CellState::Published);
        QCOMPARE(s.columnTotalText(0), std::string("128"));
        QVERIFY(lineAttack(publish(s)).empty());
        QVERIFY(linearAttack(publish(s)).empty());
    }

    void theAttackerWorksOnPrimarySuppressionAlone()
    {
        // Without complementary cells, one small cell in a row is its
        // total minus the rest: both attacks must find it, or they prove nothing.
        const CountTable t = table({{5, 20}, {30, 40}});
        SuppressedTable primaryOnly;
        primaryOnly.table = t;
        primaryOnly.cells = {{CellState::Primary, CellState::Published},
                             {CellState::Published, CellState::Published}};
        primaryOnly.rowTotals = {CellState::Published, CellState::Published};
        primaryOnly.columnTotals = {CellState::Published, CellState::Published};
        const Published p = publish(primaryOnly);
        QCOMPARE(lineAttack(p), std::vector<std::size_t>{0});
        QCOMPARE(linearAttack(p), std::vector<std::size_t>{0});
        // A bridge between two cycles: every line has two unknowns, yet the
        // linear system pins the bridge down (the line attack does not).
        // Cells withheld: a 4-cycle in rows 0-1 x columns 0-1, another in
        // rows 2-3 x columns 2-3, and (1,2) joining them.
        const CountTable big = table({{20, 20, 20, 20}, {20, 20, 5, 20}, {20, 20, 20, 20}, {20, 20, 20, 20}});
        SuppressedTable bridged;
        bridged.table = big;
        bridged.cells.assign(4, std::vector<CellState>(4, CellState::Published));
        for (auto [i, j] : {std::pair{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {1, 2}})
            bridged.cells[std::size_t(i)][std::size_t(j)] = CellState::Complementary;
        bridged.cells[1][2] = CellState::Primary;
        bridged.rowTotals.assign(4, CellState::Published);
        bridged.columnTotals.assign(4, CellState::Published);
        const Published q = publish(bridged);
        QVERIFY(lineAttack(q).empty());
        QCOMPARE(linearAttack(q), std::vector<std::size_t>{q.at(1, 2)});
        // And suppress() does not leave such a bridge.
        QVERIFY(linearAttack(publish(suppress(big))).empty());
    }

    void noWithheldValueCanBeRecovered()
    {
        std::mt19937 random(16);
        std::size_t withheld = 0, complementary = 0;
        for (int trial = 0; trial < 3000; ++trial) {
            const CountTable t = randomTable(random);
            const SuppressedTable s = suppress(t);
            const Published p = publish(s);
            // Every 1..10 withheld as "<11"; nothing published in 1..10.
            for (std::size_t i = 0; i < p.value.size(); ++i) {
                const bool small = p.value[i] >= 1 && p.value[i] <= 10;
                if (small && !p.hidden[i])
                    QFAIL(qPrintable(QStringLiteral("trial %1: a small count is published").arg(trial)));
                withheld += p.hidden[i] ? 1 : 0;
            }
            for (std::size_t i = 0; i < t.rows.size(); ++i) {
                for (std::size_t j = 0; j < t.columns.size(); ++j) {
                    complementary += s.cells[i][j] == CellState::Complementary ? 1 : 0;
                    if (t.cells[i][j] >= 1 && t.cells[i][j] <= 10)
                        QCOMPARE(s.cellText(i, j), std::string("<11"));
                }
            }
            const auto byLines = lineAttack(p);
            const auto bySystem = linearAttack(p);
            if (!byLines.empty() || !bySystem.empty())
                QFAIL(qPrintable(QStringLiteral("trial %1: %2 cells recovered by lines, %3 by the system")
                                     .arg(trial)
                                     .arg(byLines.size())
                                     .arg(bySystem.size())));
        }
        QVERIFY(withheld > 3000);     // the tables had small cells to hide
        QVERIFY(complementary > 500); // and hiding them needed more
    }

    void linkedTablesRevealNothingTogether()
    {
        std::mt19937 random(1616);
        std::size_t withheld = 0;
        for (int trial = 0; trial < 1500; ++trial) {
            const LinkedCase c = randomLinked(random);
            const std::vector<SuppressedTable> s = suppressLinked(c.tables, c.links);
            QCOMPARE(s.size(), c.tables.size());
            const LinkedPublished all = publishAll(s);
            for (std::size_t q = 0; q < all.size; ++q) {
                const long long v = all.value(q);
                if (v >= 1 && v <= 10 && !all.hidden(q))
                    QFAIL(qPrintable(QStringLiteral("trial %1: a small count is published").arg(trial)));
                withheld += all.hidden(q) ? 1 : 0;
            }
            if (inconsistent(all, c.links))
                QFAIL(qPrintable(
                    QStringLiteral("trial %1: a shared quantity is withheld in one table only").arg(trial)));
            const auto recovered = linkedAttack(all, c.links);
            if (!recovered.empty())
                QFAIL(qPrintable(
                    QStringLiteral("trial %1: %2 withheld values recovered from the tables together")
                        .arg(trial)
                        .arg(recovered.size())));
        }
        QVERIFY(withheld > 5000);
    }

    void theLinkedAttackWorksOnTablesSuppressedAlone()
    {
        // The same random tables, each suppressed on its own (the linking
        // turned off): the attacker with all of them recovers values.
        std::mt19937 random(1616);
        int leaky = 0;
        for (int trial = 0; trial < 300; ++trial) {
            const LinkedCase c = randomLinked(random);
            std::vector<SuppressedTable> alone;
            for (const CountTable& t : c.tables)
                alone.push_back(suppress(t));
            const LinkedPublished all = publishAll(alone);
            // Each table alone is safe against its own equations ...
            for (const Published& p : all.tables)
                QVERIFY(linearAttack(p).empty());
            // ... but not all of them together.
            if (!linkedAttack(all, c.links).empty())
                ++leaky;
        }
        qInfo("suppressed one at a time, %d of 300 random report-shaped triples leak", leaky);
        QVERIFY2(leaky > 30, qPrintable(QStringLiteral("only %1 of 300 leaked").arg(leaky)));

        // One by hand: CRT missed 25 eligible calls, 4 for lack of a team
        // and 21 outside hours; 23 in beat 1 and 2 in beat 2. The 25 is one
        // quantity in three tables; together they must hide the 4 and the 2.
        const CountTable eligibility = table({{40, 25}});
        const CountTable byReason = table({{4, 21}});
        const CountTable byBeat = table({{23}, {2}});
        const std::vector<TableLink> links = {{{{0, 0, 1}}, {{1, 0, QuantityRef::kTotal}}},
                                              {{{0, 0, 1}}, {{2, QuantityRef::kTotal, 0}}}};
        const auto joint = suppressLinked({eligibility, byReason, byBeat}, links);
        QVERIFY(linkedAttack(publishAll(joint), links).empty());
        QCOMPARE(joint[1].cellText(0, 0), std::string("<11"));
        QCOMPARE(joint[2].cellText(1, 0), std::string("<11"));
        // The 25 is one quantity: withheld in all three places or none.
        QCOMPARE(joint[0].cells[0][1] == CellState::Published, joint[1].rowTotals[0] == CellState::Published);
        QCOMPARE(joint[0].cells[0][1] == CellState::Published,
                 joint[2].columnTotals[0] == CellState::Published);
    }

    void aWholeReportIsSuppressedTogether()
    {
        // Three programs' missed eligible calls in a report, and the calls
        // by program and by beat sharing the period's total.
        Report report;
        report.eligibility = table({{120, 25}, {60, 14}, {30, 8}});
        report.eligibility.id = "eligibility";
        report.eligibility.rows = {"ccd", "crt", "cor"};
        report.eligibility.columns = {"answered", "missed"};
        report.missedByReason = table({{4, 21}, {9, 5}, {0, 8}});
        report.missedByReason.id = "missed_by_reason";
        report.missedByReason.rows = {"ccd", "crt", "cor"};
        report.missedByReason.columns = {"no_unit_available", "outside_hours"};
        report.missedByBeat = table({{20, 12, 8}, {5, 2, 0}});
        report.missedByBeat.id = "missed_by_beat";
        report.missedByBeat.rows = {"1", "2"};
        report.missedByBeat.columns = {"ccd", "crt", "cor"};
        report.byProgram = table({{150}, {3}});
        report.byProgram.id = "calls_by_program";
        report.byBeat = table({{145}, {8}});
        report.byBeat.id = "calls_by_beat";
        const std::vector<TableLink> links = reportLinks(report);
        QCOMPARE(links.size(),
                 std::size_t(3 * 2 + 2 + 1)); // 3 programs x 2, the missed totals, the calls total
        const std::vector<SuppressedTable> s = suppressReport(report);
        QCOMPARE(s.size(), report.tables().size());
        const LinkedPublished all = publishAll(s);
        QVERIFY(!inconsistent(all, links));
        QVERIFY(linkedAttack(all, links).empty());
        // The period's 153 calls: published in neither or both.
        QCOMPARE(s[0].grandTotal == CellState::Published, s[2].grandTotal == CellState::Published);
        // cor's 8 missed calls are small: withheld as "<11" in all three tables.
        QCOMPARE(s[5].cellText(2, 1), std::string("<11"));
        QCOMPARE(s[6].rowTotalText(2), std::string("<11"));
        QCOMPARE(s[7].columnTotalText(2), std::string("<11"));
        // Suppressed one at a time, the same report gives something away.
        std::vector<SuppressedTable> alone;
        for (const CountTable* t : report.tables())
            alone.push_back(suppress(*t));
        QVERIFY(!linkedAttack(publishAll(alone), links).empty());
    }
};

QTEST_APPLESS_MAIN(TestSuppression)
#include "tst_core_suppression.moc"
