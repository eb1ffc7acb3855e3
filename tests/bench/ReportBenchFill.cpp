#include "bench/ReportBenchFill.h"

#include "core/Clock.h"
#include "store/StoreTime.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <random>
#include <vector>

namespace heart::bench {

using namespace std::chrono;

namespace {
constexpr int kRowsPerInsert = 100;
} // namespace

// Calls spread over the local year 2025, in the mix the demo has.
bool fill(store::Database& db, int calls)
{
    static const char* const kTypes[] = {
        "welfare-check", "mental-health-crisis", "suicide-threat", "intoxicated-person",
        "trespass",      "assist-person",        "disturbance",    "noise-complaint"};
    static const char* const kBeats[] = {"111", "112", "113", "114", "122", "214", "223", "311",
                                         "312", "411", "413", "421", "511", "512", "513", "522"};
    struct Outcome
    {
        const char* program;
        const char* disposition;
        const char* recommended;
        int weight;
    };
    static const Outcome kOutcomes[] = {
        {"ccd", "diverted", "ccd", 30},
        {"ccd", "transferred_988", "ccd", 6},
        {"crt", "crt_dispatch", "crt;ccd", 25},
        {"cor", "cor_dispatch", "cor", 8},
        {"police_ems", "police_ems", "crt", 20},
        {"ccd", "declined", "ccd", 6},
        {"police_ems", "police_ems", "police-ems", 5},
    };
    static const char* const kRisks[] = {"none", "low", "moderate", "high"};
    std::mt19937 random(2025);
    std::vector<int> weights;
    for (const Outcome& o : kOutcomes)
        weights.push_back(o.weight);
    std::discrete_distribution<int> outcome(weights.begin(), weights.end());
    // 2025-01-01 05:00Z (local midnight) to 2026-01-01 05:00Z.
    const TimePoint start = sys_days{year{2025} / 1 / 1} + hours{5};
    const long long span =
        duration_cast<seconds>(sys_days{year{2026} / 1 / 1} - sys_days{year{2025} / 1 / 1}).count();
    std::uniform_int_distribution<long long> when(0, span - 1);

    QString sql = QStringLiteral(
        "INSERT INTO calls (id, cad_number, received_at, call_type, beat, program, disposition, status, "
        "risk_level, recommended, override_reason, dispatched_at, created_at, updated_at) VALUES ");
    const QString one = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, 'closed', ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < kRowsPerInsert; ++i)
        sql += (i ? QStringLiteral(", ") : QString()) + one;
    if (!db.connection().transaction())
        return false;
    QSqlQuery insert(db.connection());
    if (!insert.prepare(sql)) {
        std::printf("  prepare failed\n");
        return false;
    }
    std::vector<TimePoint> received(std::size_t(calls), TimePoint{});
    for (int i = 0; i < calls; ++i)
        received[std::size_t(i)] = start + seconds{when(random)};
    std::sort(received.begin(), received.end());
    for (int base = 0; base < calls; base += kRowsPerInsert) {
        const int n = std::min(kRowsPerInsert, calls - base);
        if (n < kRowsPerInsert) {
            QString last = sql.left(sql.indexOf(QStringLiteral("VALUES ")) + 7);
            for (int i = 0; i < n; ++i)
                last += (i ? QStringLiteral(", ") : QString()) + one;
            insert = QSqlQuery(db.connection());
            insert.prepare(last);
        }
        int at = 0;
        for (int i = base; i < base + n; ++i) {
            const Outcome& o = kOutcomes[outcome(random)];
            const TimePoint t = received[std::size_t(i)];
            const QString stamp = store::toStoredTime(t);
            const bool dispatched = QLatin1String(o.disposition).endsWith(QLatin1String("dispatch"));
            const bool overridden = QLatin1String(o.program) == QLatin1String("police_ems") &&
                                    QLatin1String(o.recommended) == QLatin1String("crt");
            insert.bindValue(at++, QStringLiteral("bench-%1").arg(i, 7, 10, QChar(u'0')));
            insert.bindValue(at++, QStringLiteral("B-%1").arg(i));
            insert.bindValue(at++, stamp);
            insert.bindValue(at++, QLatin1String(kTypes[random() % std::size(kTypes)]));
            insert.bindValue(at++, random() % 40 == 0
                                       ? QString()
                                       : QString(QLatin1String(kBeats[random() % std::size(kBeats)])));
            insert.bindValue(at++, QLatin1String(o.program));
            insert.bindValue(at++, QLatin1String(o.disposition));
            insert.bindValue(at++, QLatin1String(kRisks[random() % 4]));
            insert.bindValue(at++, QLatin1String(o.recommended));
            insert.bindValue(at++,
                             overridden ? QStringLiteral("Both CRT units were on other calls.") : QString());
            insert.bindValue(at++, dispatched ? store::toStoredTime(t + minutes{6}) : QString());
            insert.bindValue(at++, stamp);
            insert.bindValue(at++, stamp);
        }
        if (!insert.exec()) {
            std::printf("  insert failed: %s\n", qPrintable(insert.lastError().text()));
            db.connection().rollback();
            return false;
        }
    }
    return db.connection().commit();
}

} // namespace heart::bench
