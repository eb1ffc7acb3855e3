#include "load/LoadHarness.h"
#include "store/AuditTrail.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace heart::load {
namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index =
        size_t(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)));
    return values[index];
}

} // namespace

Analysis analyse(test::TestDatabase& fixture, const Shift& shift, const std::vector<StationReport>& reports,
                 bool exact)
{
    Analysis a;
    const auto problem = [&](const QString& text) {
        if (a.details.size() < 40)
            a.details.append(text);
    };

    // The journal: 1..N, once each; what the shift wrote is after the baseline.
    const test::RawResult journal = fixture.sql(
        QStringLiteral("SELECT seq, record_type, record_id, version FROM change_journal ORDER BY seq"));
    if (!journal.ok) {
        problem(QStringLiteral("reading the journal: ") + journal.error);
        return a;
    }
    a.journalGapless = true;
    qint64 expected = 1;
    std::set<std::tuple<QString, QString, int>> journaled;
    QHash<QString, int> lastVersion; // "type/id" -> the last version the journal names
    for (const QVariantList& row : journal.rows) {
        const qint64 seq = row.at(0).toLongLong();
        if (seq != expected) {
            a.journalGapless = false;
            problem(QStringLiteral("journal: seq %1 where %2 was due").arg(seq).arg(expected));
        }
        expected = seq + 1;
        if (seq <= shift.baseline)
            continue;
        ++a.changesCommitted;
        const QString type = row.at(1).toString(), id = row.at(2).toString();
        const int version = row.at(3).toInt();
        if (!journaled.emplace(type, id, version).second) {
            // Two commits that both claim one version of a record: one of them was lost.
            ++a.lostUpdates;
            problem(QStringLiteral("journal: %1 %2 version %3 twice").arg(type, id).arg(version));
        }
        lastVersion[key(type, id)] = std::max(lastVersion.value(key(type, id)), version);
    }
    const qint64 head = expected - 1;

    store::AuditTrail trail(fixture.db(), fixture.clock());
    auto verified = trail.verify();
    if (!verified.ok()) {
        problem(QStringLiteral("audit verify: ") + verified.error().detail);
    } else {
        a.auditRows = verified.value().rowsChecked;
        a.auditValid = !verified.value().firstBreak.has_value();
        if (!a.auditValid)
            problem(QStringLiteral("the audit chain breaks"));
    }

    // The final rows.
    QHash<QString, std::pair<int, QString>> rows; // "type/id" -> (version, value)
    const auto readRows = [&](const QString& type, const QString& sql) {
        const test::RawResult result = fixture.sql(sql);
        if (!result.ok)
            problem(type + QStringLiteral(": ") + result.error);
        for (const QVariantList& row : result.rows)
            rows.insert(key(type, row.at(0).toString()), {row.at(1).toInt(), row.at(2).toString()});
    };
    readRows(kCall, QStringLiteral("SELECT id, version, COALESCE(narrative, '') FROM calls"));
    readRows(kUnit, QStringLiteral("SELECT id, version, status FROM units"));
    readRows(kEncounter, QStringLiteral("SELECT id, version, COALESCE(narrative, '') FROM encounters"));
    readRows(kTask, QStringLiteral("SELECT t.id, t.version, CAST((SELECT COUNT(*) FROM followup_attempts a "
                                   "WHERE a.task_id = t.id) AS TEXT) FROM followup_tasks t"));

    // Replays every station's own log of successful writes against them.
    struct Last
    {
        int version = 0;
        QString value;
        QString station;
    };
    QHash<QString, Last> last;
    QHash<QString, std::set<int>> versionsSaved;
    QHash<QString, int> attemptsLogged;
    std::vector<double> saves, inserts;
    for (const StationReport& report : reports) {
        for (const QString& error : report.errors)
            problem(error);
        a.conflictsDetected += report.conflicts;
        a.collisionsAttempted += report.collisionRounds;
        a.reads += report.reads;
        a.connectionFailures += report.connectionFailures;
        saves.insert(saves.end(), report.saveMs.begin(), report.saveMs.end());
        inserts.insert(inserts.end(), report.insertMs.begin(), report.insertMs.end());
        for (auto it = report.attemptsLogged.begin(); it != report.attemptsLogged.end(); ++it)
            attemptsLogged[it.key()] += it.value();
        for (const Write& write : report.writes) {
            const QString k = key(write.recordType, write.recordId);
            if (write.version != write.basedOn + 1) {
                // Saved from version n, it should have made n + 1: it wrote over a change it never saw.
                ++a.lostUpdates;
                problem(QStringLiteral("%1: %2 saved version %3 from version %4")
                            .arg(k, report.name)
                            .arg(write.version)
                            .arg(write.basedOn));
            }
            if (!versionsSaved[k].insert(write.version).second) {
                ++a.lostUpdates;
                problem(QStringLiteral("%1 version %2 saved twice").arg(k).arg(write.version));
            }
            if (!journaled.count({write.recordType, write.recordId, write.version})) {
                ++a.loggedNotInJournal;
                problem(
                    QStringLiteral("%1 saved version %2 that the journal lacks").arg(k).arg(write.version));
            }
            if (write.version > last.value(k).version)
                last.insert(k, {write.version, write.value, report.name});
        }
    }
    qint64 logged = 0;
    for (auto it = versionsSaved.begin(); it != versionsSaved.end(); ++it)
        logged += qint64(it.value().size());
    if (exact && logged != a.changesCommitted) {
        a.journalRowsNotLogged = int(a.changesCommitted - logged);
        problem(QStringLiteral("the journal has %1 rows of the shift, the stations saw %2 saves")
                    .arg(a.changesCommitted)
                    .arg(logged));
    }
    for (auto it = last.begin(); it != last.end(); ++it) {
        const auto row = rows.find(it.key());
        bool lost = false;
        if (row == rows.end()) {
            lost = true;
        } else if (exact || row->first == it->version) {
            // The last save anyone saw succeed is what the row holds (with
            // writes in doubt, only when nothing came after it).
            const bool valueDiffers = !it.key().startsWith(kTask) && row->second != it->value;
            lost = row->first != it->version || valueDiffers;
        } else {
            lost = row->first < it->version;
        }
        if (lost) {
            ++a.lostUpdates;
            problem(QStringLiteral("%1: %2 saved version %3 '%4', the row holds version %5 '%6'")
                        .arg(it.key(), it->station)
                        .arg(it->version)
                        .arg(it->value)
                        .arg(row == rows.end() ? -1 : row->first)
                        .arg(row == rows.end() ? QString() : row->second));
        }
    }
    for (auto it = attemptsLogged.begin(); it != attemptsLogged.end(); ++it) {
        const int stored = rows.value(key(kTask, it.key())).second.toInt();
        if (exact ? stored != it.value() : stored < it.value()) {
            ++a.lostUpdates;
            problem(QStringLiteral("task %1: %2 attempts logged, %3 stored")
                        .arg(it.key())
                        .arg(it.value())
                        .arg(stored));
        }
    }

    // Collisions: every round one save and one Conflict.
    for (const auto& pair : shift.pairs) {
        for (const auto& [round, outcome] : pair->outcomes) {
            if (outcome.first != 1 || outcome.second != 1) {
                ++a.collisionRoundsNotOneWinner;
                problem(QStringLiteral("collision on %1, round %2: %3 saved, %4 conflicts")
                            .arg(pair->recordId)
                            .arg(round)
                            .arg(outcome.first)
                            .arg(outcome.second));
            }
        }
    }

    // The feeds: every station was told 1..head after the baseline, in
    // order, once each, and its last version per record is the database's.
    QHash<qint64, qint64> committedAt;
    QHash<qint64, int> committedBy;
    for (size_t s = 0; s < reports.size(); ++s) {
        for (const auto& [seq, ns] : reports[s].committed) {
            committedAt.insert(seq, ns);
            committedBy.insert(seq, int(s));
        }
    }
    std::vector<double> delays;
    for (size_t s = 0; s < reports.size(); ++s) {
        const StationReport& report = reports[s];
        qint64 next = shift.baseline + 1;
        bool inOrder = true;
        for (const auto& [seq, ns] : report.delivered) {
            inOrder = inOrder && seq == next;
            next = seq + 1;
            const auto by = committedBy.find(seq);
            if (by != committedBy.end() && *by != int(s))
                delays.push_back(double(ns - committedAt.value(seq)) / 1e6);
        }
        if (!inOrder || next - 1 != head || report.lastSeen != head) {
            ++a.feedsBehind;
            problem(QStringLiteral("%1's feed: delivered up to %2 (last seen %3) of %4%5")
                        .arg(report.name)
                        .arg(next - 1)
                        .arg(report.lastSeen)
                        .arg(head)
                        .arg(inOrder ? QString() : QStringLiteral(", out of order")));
        }
        int differing = 0;
        for (auto it = lastVersion.begin(); it != lastVersion.end(); ++it) {
            const auto row = rows.find(it.key());
            const int inDatabase = row != rows.end() ? row->first : it.value();
            if (report.view.value(it.key()) != inDatabase) {
                if (++differing == 1)
                    problem(QStringLiteral("%1 was told %2 version %3, the database has %4")
                                .arg(report.name, it.key())
                                .arg(report.view.value(it.key()))
                                .arg(inDatabase));
            }
        }
        a.viewsDiffering += differing > 0 ? 1 : 0;
    }
    a.delaySamples = qint64(delays.size());
    a.delayP50Ms = percentile(delays, 0.50);
    a.delayP99Ms = percentile(delays, 0.99);
    a.delayMaxMs = percentile(delays, 1.0);
    a.saves = qint64(saves.size());
    a.saveP50Ms = percentile(saves, 0.50);
    a.saveP99Ms = percentile(saves, 0.99);
    a.inserts = qint64(inserts.size());
    a.insertP50Ms = percentile(inserts, 0.50);
    a.insertP99Ms = percentile(inserts, 0.99);
    return a;
}

QString describe(const Analysis& a)
{
    const auto ratio = [](double x, double base) {
        return base > 0 ? x / base : 0.0;
    };
    QStringList lines;
    lines << QStringLiteral("changes committed:          %1 (journal rows; %2 reads)")
                 .arg(a.changesCommitted)
                 .arg(a.reads)
          << QStringLiteral("conflicts detected:         %1 of %2 collisions attempted%3")
                 .arg(a.conflictsDetected)
                 .arg(a.collisionsAttempted)
                 .arg(a.collisionRoundsNotOneWinner
                          ? QStringLiteral(" (%1 rounds without exactly one winner)")
                                .arg(a.collisionRoundsNotOneWinner)
                          : QString())
          << QStringLiteral("lost updates:               %1").arg(a.lostUpdates)
          << QStringLiteral("audit chain valid:          %1 (%2 rows)")
                 .arg(a.auditValid ? QStringLiteral("yes") : QStringLiteral("NO"))
                 .arg(a.auditRows)
          << QStringLiteral("journal gapless:            %1")
                 .arg(a.journalGapless ? QStringLiteral("yes") : QStringLiteral("NO"))
          << QStringLiteral("feeds at the head, in order: %1 behind, %2 views differing from the database")
                 .arg(a.feedsBehind)
                 .arg(a.viewsDiffering)
          << QStringLiteral("notification delay:         p50 %1 ms, p99 %2 ms, max %3 ms (%4 deliveries to "
                            "other stations)")
                 .arg(a.delayP50Ms, 0, 'f', 1)
                 .arg(a.delayP99Ms, 0, 'f', 1)
                 .arg(a.delayMaxMs, 0, 'f', 1)
                 .arg(a.delaySamples)
          << QStringLiteral("save latency:               p50 %1 ms, p99 %2 ms (%3 saves)")
                 .arg(a.saveP50Ms, 0, 'f', 2)
                 .arg(a.saveP99Ms, 0, 'f', 2)
                 .arg(a.saves)
          << QStringLiteral("bare one-row INSERT:        p50 %1 ms, p99 %2 ms (%3 inserts)")
                 .arg(a.insertP50Ms, 0, 'f', 2)
                 .arg(a.insertP99Ms, 0, 'f', 2)
                 .arg(a.inserts)
          << QStringLiteral(
                 "save / bare INSERT:         p50 %1x, p99 %2x (each to the INSERT's own p50 and p99)")
                 .arg(ratio(a.saveP50Ms, a.insertP50Ms), 0, 'f', 1)
                 .arg(ratio(a.saveP99Ms, a.insertP99Ms), 0, 'f', 1);
    if (a.connectionFailures)
        lines << QStringLiteral("connection failures seen:   %1").arg(a.connectionFailures);
    return lines.join(u'\n');
}

} // namespace heart::load
