// Small-cell suppression (docs/metrics.md, "Suppression"): counts 1..10 are
// shown as "<11", and no withheld cell can be worked out from what is
// published. An attacker here gets every published cell and total and tries
// (1) lines with one unknown, solved over and over as values come out, and
// (2) the whole linear system: a withheld value is pinned down when its unit
// vector lies in the row space of the published equations. Over thousands of
// random tables neither recovers a single withheld value; with primary
// suppression alone (no complementary cells) the same attacker does.
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
};

QTEST_APPLESS_MAIN(TestSuppression)
#include "tst_core_suppression.moc"
