#include "store/ReportRows.h"

#include "store/CoreText.h"
#include "store/Database.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"

#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>
#include <iterator>
#include <sqlite3.h>
#include <string_view>
#include <unordered_map>

namespace heart::store {
namespace {

const QString kReport = QStringLiteral("report");

// The stored form "2026-10-04T13:05:09.123Z" read straight into a time
// point (QDateTime::fromString is most of the cost of reading a year of
// calls); anything else through fromStoredTime.
std::optional<TimePoint> parseStoredUtc(const QString& text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':' ||
        text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return std::nullopt;
    const auto number = [&](int from, int length, int& out) {
        out = 0;
        for (int i = from; i < from + length; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + int(c - u'0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, ms = 0;
    if (!number(0, 4, y) || !number(5, 2, mo) || !number(8, 2, d) || !number(11, 2, h) ||
        !number(14, 2, mi) || !number(17, 2, se) || !number(20, 3, ms) || h > 23 || mi > 59 || se > 59)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                           std::chrono::day{unsigned(d)}};
    if (!date.ok())
        return std::nullopt;
    return TimePoint{std::chrono::sys_days{date} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                     std::chrono::seconds{se} + std::chrono::milliseconds{ms}};
}

std::optional<TimePoint> timeOf(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    const QString text = value.toString();
    if (auto fast = parseStoredUtc(text))
        return fast;
    const QDateTime t = fromStoredTime(text);
    if (!t.isValid())
        return std::nullopt;
    return toTimePoint(t);
}

// "police_ems" as the intake form stores it, "police-ems" as routing writes it.
std::optional<routing::Program> programOf(const QString& code)
{
    QString text = code.trimmed();
    text.replace(u'_', u'-');
    return routing::programFromCode(toStdString(text));
}

// The routing facts and outcome of a call from the query's columns at
// `at`: call type, beat, latitude, longitude, flags, risk level, program,
// disposition, recommended, override reason.
// The part of readCallFacts() after call type and beat.
void fillCallFacts(report::CallRow& row, std::optional<double> latitude, std::optional<double> longitude,
                   const QString& flags, const QString& risk, const QString& program,
                   const QString& disposition, const QString& recommended)
{
    if (latitude && longitude)
        row.position = geo::GeoPoint{*longitude, *latitude};
    for (const QString& flag : flags.split(u';', Qt::SkipEmptyParts)) {
        if (auto parsed = routing::flagFromCode(toStdString(flag.trimmed())))
            row.flags.set(*parsed);
    }
    row.risk = routing::riskFromCode(toStdString(risk)).value_or(routing::RiskLevel::NotAssessed);
    row.program = programOf(program);
    row.disposition = routing::dispositionFromCode(toStdString(disposition));
    for (const QString& code : recommended.split(u';', Qt::SkipEmptyParts)) {
        if (auto parsed = programOf(code))
            row.recommended.push_back(*parsed);
    }
}

void readCallFacts(const QSqlQuery& query, int at, report::CallRow& row)
{
    row.callType = toStdString(query.value(at).toString());
    row.beat = toStdString(query.value(at + 1).toString());
    const auto number = [&](int column) {
        return query.value(column).isNull() ? std::nullopt
                                            : std::optional<double>(query.value(column).toDouble());
    };
    fillCallFacts(row, number(at + 2), number(at + 3), query.value(at + 4).toString(),
                  query.value(at + 5).toString(), query.value(at + 6).toString(),
                  query.value(at + 7).toString(), query.value(at + 8).toString());
    row.overrideReason = !query.value(at + 9).toString().trimmed().isEmpty();
}

// SQLite, in this process: the connection's own handle, to read a period's
// calls in one pass without a QVariant per value (nullptr: not SQLite).
sqlite3* sqliteHandle(Database& db)
{
    if (db.spec().engine != Engine::Sqlite || !db.connection().driver())
        return nullptr;
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

// A column's text as bytes (empty for NULL) and whether it was NULL.
struct Text
{
    const char* data = nullptr;
    int size = 0;
    bool null() const { return data == nullptr; }
    std::string_view view() const
    {
        return data ? std::string_view(data, std::size_t(size)) : std::string_view();
    }
    QString string() const { return data ? QString::fromUtf8(data, size) : QString(); }
};

Text columnText(sqlite3_stmt* statement, int column)
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    return {data, data ? sqlite3_column_bytes(statement, column) : 0};
}

// QString::trimmed().isEmpty() without making a QString for ASCII text.
bool blankText(const Text& text)
{
    for (int i = 0; i < text.size; ++i) {
        const auto c = static_cast<unsigned char>(text.data[i]);
        if (c >= 0x80)
            return text.string().trimmed().isEmpty();
        if (c != ' ' && (c < '\t' || c > '\r'))
            return false;
    }
    return true;
}

// What the routing engine reads of where a call is: a beat that is not
// blank (spaces and tabs, the engine's trim) wins over coordinates.
bool beatGiven(const Text& beat)
{
    for (int i = 0; i < beat.size; ++i) {
        if (beat.data[i] != ' ' && beat.data[i] != '\t')
            return true;
    }
    return false;
}

void appendKeyPart(std::string& key, const Text& text)
{
    if (text.null()) {
        key += '\x01';
    } else {
        key.append(text.data, std::size_t(text.size));
        key += '\0';
    }
}

// The row of a call met in a detail query (nullptr: not one of ours). The
// query's columns from `at` are the call's received_at, program, disposition.
using RowFinder = std::function<report::CallRow*(const QString& callId, const QSqlQuery& query, int at)>;

// The unit status times, encounter notes (with the referrals' kinds) and
// follow-up tasks of the calls received in [from, to), into their rows.
StoreError readDetails(Database& db, const QString& fromText, const QString& toText, const RowFinder& find)
{
    // The units' status changes on those calls, oldest first (on
    // unit_status_events_call). The first unit dispatched is the one timed.
    QSqlQuery events = db.prepare(QStringLiteral(
        "SELECT e.call_id, e.unit_id, e.status, e.at_utc, c.received_at, c.program, c.disposition, "
        "c.dispatched_at FROM unit_status_events e JOIN calls c ON c.id = e.call_id "
        "WHERE c.received_at >= ? AND c.received_at < ? AND e.status IN ('dispatched', 'on_scene', "
        "'transporting', 'clear') ORDER BY e.call_id, e.at_utc, e.seq"));
    events.addBindValue(fromText);
    events.addBindValue(toText);
    if (StoreError error = db.exec(events, "report unit times"))
        return error;
    QHash<QString, QString> timedUnit; // call id -> unit id
    QHash<QString, report::CallRow*> timed;
    QHash<QString, std::optional<TimePoint>> callDispatched; // calls.dispatched_at
    while (events.next()) {
        const QString callId = events.value(0).toString();
        report::CallRow* found = find(callId, events, 4);
        if (!found)
            continue;
        report::CallRow& row = *found;
        if (!timed.contains(callId)) {
            timed.insert(callId, found);
            callDispatched.insert(callId, timeOf(events.value(7)));
        }
        const QString unitId = events.value(1).toString();
        const QString status = events.value(2).toString();
        const std::optional<TimePoint> at = timeOf(events.value(3));
        if (!at)
            continue;
        if (!timedUnit.contains(callId))
            timedUnit.insert(callId, unitId);
        if (timedUnit.value(callId) != unitId)
            continue;
        if (status == QLatin1String("dispatched")) {
            if (!row.dispatched)
                row.dispatched = at;
        } else if (status == QLatin1String("on_scene")) {
            if (!row.arrived)
                row.arrived = at;
        } else if (row.arrived && !row.cleared && *at >= *row.arrived) {
            row.cleared = at;
        }
    }
    for (auto it = timed.cbegin(); it != timed.cend(); ++it) {
        report::CallRow& row = **it;
        if (!row.dispatched && row.arrived)
            row.dispatched = callDispatched.value(it.key());
    }

    // The encounter notes (on encounters_call), the first written per call,
    // with the kind of the service referred to.
    QSqlQuery notes = db.prepare(QStringLiteral(
        "SELECT e.call_id, e.disposition, e.felt_safe, e.referral_resource_id, e.referral_text, r.kind, "
        "c.received_at, c.program, c.disposition "
        "FROM encounters e JOIN calls c ON c.id = e.call_id LEFT JOIN resources r ON r.id = "
        "e.referral_resource_id "
        "WHERE c.received_at >= ? AND c.received_at < ? ORDER BY e.call_id, e.created_at, e.id"));
    notes.addBindValue(fromText);
    notes.addBindValue(toText);
    if (StoreError error = db.exec(notes, "report encounters"))
        return error;
    QSet<QString> noted;
    while (notes.next()) {
        const QString callId = notes.value(0).toString();
        if (noted.contains(callId))
            continue;
        report::CallRow* found = find(callId, notes, 6);
        if (!found)
            continue;
        noted.insert(callId);
        report::CallRow& row = *found;
        row.encounterDisposition =
            encounter::encounterDispositionFromCode(toStdString(notes.value(1).toString()));
        if (!notes.value(2).isNull())
            row.feltSafe = notes.value(2).toInt() != 0;
        if (row.encounterDisposition == encounter::EncounterDisposition::Referred) {
            if (!notes.value(5).isNull())
                row.referralKinds.push_back(toStdString(notes.value(5).toString()));
            else if (!notes.value(3).toString().isEmpty() || !notes.value(4).toString().trimmed().isEmpty())
                row.referralKinds.push_back("unlisted");
        }
    }

    // The follow-up tasks (on followup_tasks_call, migration 15).
    QSqlQuery tasks = db.prepare(QStringLiteral(
        "SELECT t.call_id, t.kind, t.contact_at, t.due_at, t.closed_at, t.outcome, c.received_at, c.program, "
        "c.disposition FROM followup_tasks t "
        "JOIN calls c ON c.id = t.call_id WHERE c.received_at >= ? AND c.received_at < ? "
        "ORDER BY t.call_id, t.contact_at, t.id"));
    tasks.addBindValue(fromText);
    tasks.addBindValue(toText);
    if (StoreError error = db.exec(tasks, "report follow-ups"))
        return error;
    while (tasks.next()) {
        const auto kind = followup::taskKindFromCode(toStdString(tasks.value(1).toString()));
        if (!kind)
            continue;
        report::CallRow* found = find(tasks.value(0).toString(), tasks, 6);
        if (!found)
            continue;
        report::FollowUpRow task;
        task.kind = *kind;
        task.contactAt = timeOf(tasks.value(2)).value_or(TimePoint{});
        task.dueAt = timeOf(tasks.value(3)).value_or(TimePoint{});
        task.closedAt = timeOf(tasks.value(4));
        task.outcome = followup::outcomeFromCode(toStdString(tasks.value(5).toString()));
        found->followUps.push_back(task);
    }
    return {};
}

} // namespace

StoreResult<std::optional<report::AggregatedRows>> ReportRowStore::aggregatedRows(const Actor& actor,
                                                                                  const AggregatedRead& read,
                                                                                  const QString& what,
                                                                                  bool audited)
{
    if (StoreError error = m_audit.require(actor, Action::ViewReports, kReport))
        return error;
    auto rows = readAggregated(read);
    if (!rows.ok())
        return rows.error();
    if (!audited)
        return rows;
    if (StoreError error = m_audit.record(actor, {audit::ReportRead, kReport, what}))
        return error;
    return rows;
}

StoreResult<std::optional<report::AggregatedRows>> ReportRowStore::readAggregated(const AggregatedRead& read)
{
    const QString fromText = toStoredTime(read.from), toText = toStoredTime(read.to);
    report::AggregatedRows out;
    if (read.slices.empty())
        return std::optional<report::AggregatedRows>(std::move(out));
    if (sqlite3* handle = sqliteHandle(m_db)) {
        auto counted = countSqliteCalls(handle, read, out);
        if (!counted.ok())
            return counted.error();
        if (!counted.value())
            return std::optional<report::AggregatedRows>();
        return readAggregatedDetails(fromText, toText, std::move(out));
    }

    // PostgreSQL: the read in one transaction (one snapshot for every query
    // below), in which the grouped query's hash table (some 11 MB for the
    // 27,000 groups of a year of 500,000 calls and the year before) stays in
    // memory where work_mem's 4 MB default had the server sort the 500,000
    // rows on disk instead (2.4 s against 0.8 s), and with no JIT compiling
    // (the planner takes the slices' join for millions of rows and compiled
    // for 0.35 s, more than it saved).
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    for (const char* setting : {"SET LOCAL work_mem = '32MB'", "SET LOCAL jit = off"}) {
        if (StoreError error = m_db.execDirect(QLatin1String(setting), "report read settings"))
            return error;
    }

    // 1. Every call, grouped by what the routing engine and the call-level
    // tables look at and by its time slice's class (one index range scan
    // per slice on calls_received_at). The position only counts without a
    // beat (the engine's rule); a written reason only as written or not.
    QString slices;
    slices.reserve(int(read.slices.size()) * 64);
    for (const report::TimeSlice& slice : read.slices) {
        if (!slices.isEmpty())
            slices += QStringLiteral(", ");
        slices +=
            QStringLiteral("('%1', '%2', %3)")
                .arg(toStoredTime(slice.from), toStoredTime(slice.to), QString::number(slice.timeClass));
    }
    // Cheap tests first: most calls have no coordinates or a reason that
    // starts with a letter. Any call of a group is one it can be decided at
    // (MIN in bytes: no collation work per call).
    const QString noBeat = QStringLiteral(
        "(c.beat IS NULL OR c.beat = '' OR c.beat LIKE ' %' OR c.beat LIKE '% ' OR c.beat LIKE ?)");
    const bool postgres = m_db.spec().engine == Engine::Postgres;
    QSqlQuery calls = m_db.prepare(
        QStringLiteral(
            "WITH slices (a, b, k) AS (VALUES %1) "
            "SELECT s.k, c.call_type, c.beat, "
            "CASE WHEN c.latitude IS NOT NULL AND c.longitude IS NOT NULL AND %2 THEN c.latitude END, "
            "CASE WHEN c.latitude IS NOT NULL AND c.longitude IS NOT NULL AND %2 THEN c.longitude END, "
            "c.flags, c.risk_level, c.program, c.disposition, c.recommended, "
            "CASE WHEN c.override_reason IS NULL OR c.override_reason = '' THEN '' "
            "WHEN %4('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', "
            "substr(c.override_reason, 1, 1)) > 0 THEN 'x' "
            "ELSE c.override_reason END, COUNT(*), MIN(c.received_at%3) "
            "FROM slices s CROSS JOIN calls c WHERE c.received_at >= s.a AND c.received_at < s.b "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")
            .arg(slices, noBeat, postgres ? QStringLiteral(" COLLATE \"C\"") : QString(),
                 postgres ? QStringLiteral("strpos") : QStringLiteral("instr")));
    const QString tab = QStringLiteral("%\t%");
    calls.addBindValue(tab);
    calls.addBindValue(tab);
    if (StoreError error = m_db.exec(calls, "report calls grouped"))
        return error;
    while (calls.next()) {
        report::CallRow row;
        readCallFacts(calls, 1, row);
        row.count = calls.value(11).toLongLong();
        const auto received = parseStoredUtc(calls.value(12).toString());
        if (!received)
            return std::optional<report::AggregatedRows>();
        row.received = *received;
        out.calls.push_back(std::move(row));
    }

    // 2. Calls per UTC hour (or minute) and program: the hours of the week
    // and the months, in local time, are worked out from them.
    const bool hourly = read.bucketMinutes == 60;
    QSqlQuery buckets =
        m_db.prepare(QStringLiteral("SELECT substr(received_at, 1, %1), program, COUNT(*) FROM "
                                    "calls WHERE received_at >= ? AND received_at < ? "
                                    "GROUP BY 1, 2")
                         .arg(hourly ? 13 : 16));
    buckets.addBindValue(fromText);
    buckets.addBindValue(toText);
    if (StoreError error = m_db.exec(buckets, "report calls by hour"))
        return error;
    const QString rest = hourly ? QStringLiteral(":00:00.000Z") : QStringLiteral(":00.000Z");
    while (buckets.next()) {
        const auto start = parseStoredUtc(buckets.value(0).toString() + rest);
        if (!start)
            return std::optional<report::AggregatedRows>();
        out.buckets.push_back(
            {*start, programOf(buckets.value(1).toString()), buckets.value(2).toLongLong(), {}});
    }

    // 3. Calls per person, program and period (on calls_received_at; the
    // person only as an opaque key).
    QSqlQuery people = m_db.prepare(QStringLiteral(
        "SELECT person_id, program, COUNT(*), MIN(received_at) FROM calls WHERE received_at >= ? AND "
        "received_at < ? AND person_id IS NOT NULL AND person_id <> '' GROUP BY person_id, program, "
        "CASE WHEN received_at >= ? THEN 1 ELSE 0 END"));
    people.addBindValue(fromText);
    people.addBindValue(toText);
    people.addBindValue(toStoredTime(read.split));
    if (StoreError error = m_db.exec(people, "report repeat contacts"))
        return error;
    while (people.next()) {
        const auto received = parseStoredUtc(people.value(3).toString());
        if (!received)
            return std::optional<report::AggregatedRows>();
        out.people.push_back({*received, programOf(people.value(1).toString()), people.value(2).toLongLong(),
                              toStdString(people.value(0).toString())});
    }

    auto rows = readAggregatedDetails(fromText, toText, std::move(out));
    if (!rows.ok())
        return rows;
    if (StoreError error = tx.commit())
        return error;
    return rows;
}

StoreResult<std::optional<report::AggregatedRows>>
ReportRowStore::readAggregatedDetails(const QString& fromText, const QString& toText,
                                      report::AggregatedRows out)
{
    // 4. One row per call with unit times, a note or follow-up tasks.
    std::deque<report::CallRow> details; // stays where it is as it grows
    QHash<QString, std::size_t> byId;
    bool parsed = true;
    const RowFinder find = [&](const QString& callId, const QSqlQuery& query, int at) -> report::CallRow* {
        if (const auto it = byId.constFind(callId); it != byId.constEnd())
            return &details[*it];
        report::CallRow row;
        row.id = toStdString(callId);
        const auto received = parseStoredUtc(query.value(at).toString());
        if (!received) {
            parsed = false;
            return nullptr;
        }
        row.received = *received;
        row.program = programOf(query.value(at + 1).toString());
        row.disposition = routing::dispositionFromCode(toStdString(query.value(at + 2).toString()));
        byId.insert(callId, details.size());
        details.push_back(std::move(row));
        return &details.back();
    };
    if (StoreError error = readDetails(m_db, fromText, toText, find))
        return error;
    if (!parsed)
        return std::optional<report::AggregatedRows>();
    out.details.assign(std::make_move_iterator(details.begin()), std::make_move_iterator(details.end()));
    // In the order one row per call has them (received, then id): a kind of
    // service the directory does not list comes in the same place.
    std::sort(out.details.begin(), out.details.end(), [](const report::CallRow& a, const report::CallRow& b) {
        return a.received != b.received ? a.received < b.received : a.id < b.id;
    });
    return std::optional<report::AggregatedRows>(std::move(out));
}

// SQLite: the same groups, buckets and people as the SQL of
// readAggregated() (PostgreSQL aggregates on the server, where the rows
// are), counted here in one pass over the period's calls on
// calls_received_at: in this process the rows cost no transfer, and a hash
// here is cheaper than SQLite sorting every call for each GROUP BY.
StoreResult<bool> ReportRowStore::countSqliteCalls(sqlite3* handle, const AggregatedRead& read,
                                                   report::AggregatedRows& out)
{
    const QByteArray from = toStoredTime(read.from).toUtf8(), to = toStoredTime(read.to).toUtf8();
    const QByteArray split = toStoredTime(read.split).toUtf8();
    std::vector<QByteArray> starts; // each slice's first instant, as stored
    starts.reserve(read.slices.size());
    for (const report::TimeSlice& slice : read.slices)
        starts.push_back(toStoredTime(slice.from).toUtf8());
    sqlite3_stmt* statement = nullptr;
    const char* sql = "SELECT received_at, call_type, beat, latitude, longitude, flags, risk_level, program, "
                      "disposition, recommended, override_reason, person_id FROM calls "
                      "WHERE received_at >= ?1 AND received_at < ?2";
    const auto failed = [&](const char* what) {
        const QString detail =
            QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(handle)));
        sqlite3_finalize(statement);
        return StoreError::make(StoreErrorCode::QueryFailed, detail);
    };
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK)
        return failed("report calls counted");
    sqlite3_bind_text(statement, 1, from.constData(), int(from.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 2, to.constData(), int(to.size()), SQLITE_TRANSIENT);

    std::unordered_map<std::string, std::size_t> groups, buckets, people;
    std::vector<std::string> bucketKeys, peopleKeys, peopleFirst;
    std::vector<long long> bucketCounts, peopleCounts;
    std::vector<std::string> firstReceived; // per group: one of its calls
    const std::size_t bucketLength = read.bucketMinutes == 60 ? 13 : 16;
    std::string key;
    bool wellFormed = true;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        const Text received = columnText(statement, 0);
        if (received.size != 24) { // not the store's own form: the caller reads one row per call
            wellFormed = false;
            break;
        }
        const std::string_view when = received.view();
        // The slice: the last whose start is at or before the call.
        const auto after =
            std::upper_bound(starts.begin(), starts.end(), when, [](std::string_view t, const QByteArray& s) {
                return t < std::string_view(s.constData(), std::size_t(s.size()));
            });
        if (after == starts.begin()) {
            wellFormed = false;
            break;
        }
        const int timeClass = read.slices[std::size_t(after - starts.begin()) - 1].timeClass;
        const Text callType = columnText(statement, 1), beat = columnText(statement, 2);
        const bool located = !beatGiven(beat);
        const bool hasLatitude = sqlite3_column_type(statement, 3) != SQLITE_NULL;
        const bool hasLongitude = sqlite3_column_type(statement, 4) != SQLITE_NULL;
        const double latitude = hasLatitude ? sqlite3_column_double(statement, 3) : 0.0;
        const double longitude = hasLongitude ? sqlite3_column_double(statement, 4) : 0.0;
        const Text flags = columnText(statement, 5), risk = columnText(statement, 6),
                   program = columnText(statement, 7), disposition = columnText(statement, 8),
                   recommended = columnText(statement, 9), reason = columnText(statement, 10),
                   person = columnText(statement, 11);
        const bool written = !blankText(reason);

        key.assign(reinterpret_cast<const char*>(&timeClass), sizeof timeClass);
        appendKeyPart(key, callType);
        appendKeyPart(key, beat);
        const bool position = located && hasLatitude && hasLongitude;
        key += position ? '\x02' : '\x03';
        if (position) {
            key.append(reinterpret_cast<const char*>(&latitude), sizeof latitude);
            key.append(reinterpret_cast<const char*>(&longitude), sizeof longitude);
        }
        appendKeyPart(key, flags);
        appendKeyPart(key, risk);
        appendKeyPart(key, program);
        appendKeyPart(key, disposition);
        appendKeyPart(key, recommended);
        key += written ? '\x02' : '\x03';
        const auto [group, isNew] = groups.try_emplace(key, out.calls.size());
        if (isNew) {
            report::CallRow row;
            row.callType = std::string(callType.view());
            row.beat = std::string(beat.view());
            fillCallFacts(row, position ? std::optional(latitude) : std::nullopt,
                          position ? std::optional(longitude) : std::nullopt, flags.string(), risk.string(),
                          program.string(), disposition.string(), recommended.string());
            row.overrideReason = written;
            row.count = 0;
            out.calls.push_back(std::move(row));
            firstReceived.emplace_back(when);
        }
        ++out.calls[group->second].count;

        key.assign(when.substr(0, bucketLength));
        appendKeyPart(key, program);
        const auto [bucket, newBucket] = buckets.try_emplace(key, bucketCounts.size());
        if (newBucket) {
            bucketKeys.push_back(key);
            bucketCounts.push_back(0);
        }
        ++bucketCounts[bucket->second];

        if (!person.null() && person.size > 0) {
            key.assign(person.view());
            key += '\0';
            appendKeyPart(key, program);
            key += when >= std::string_view(split.constData(), std::size_t(split.size())) ? '1' : '0';
            const auto [seen, newPerson] = people.try_emplace(key, peopleCounts.size());
            if (newPerson) {
                peopleKeys.push_back(key);
                peopleFirst.emplace_back(when);
                peopleCounts.push_back(0);
            }
            ++peopleCounts[seen->second];
        }
    }
    if (wellFormed && step != SQLITE_DONE)
        return failed("report calls counted");
    sqlite3_finalize(statement);
    if (!wellFormed)
        return false;

    for (std::size_t i = 0; i < out.calls.size(); ++i) {
        const auto at = parseStoredUtc(QString::fromLatin1(firstReceived[i]));
        if (!at)
            return false;
        out.calls[i].received = *at;
    }
    const QString rest =
        read.bucketMinutes == 60 ? QStringLiteral(":00:00.000Z") : QStringLiteral(":00.000Z");
    for (std::size_t i = 0; i < bucketKeys.size(); ++i) {
        const std::string& k = bucketKeys[i];
        const auto start = parseStoredUtc(QString::fromLatin1(k.substr(0, bucketLength)) + rest);
        if (!start)
            return false;
        const std::string_view programText(k.data() + bucketLength, k.size() - bucketLength);
        const QString program =
            programText == "\x01" ? QString()
                                  : QString::fromUtf8(programText.data(), qsizetype(programText.size() - 1));
        out.buckets.push_back({*start, programOf(program), bucketCounts[i], {}});
    }
    for (std::size_t i = 0; i < peopleKeys.size(); ++i) {
        const std::string& k = peopleKeys[i];
        const std::size_t end = k.find('\0');
        const std::string_view programText(k.data() + end + 1, k.size() - end - 2);
        const QString program =
            programText == "\x01" ? QString()
                                  : QString::fromUtf8(programText.data(), qsizetype(programText.size() - 1));
        const auto received = parseStoredUtc(QString::fromLatin1(peopleFirst[i]));
        if (!received)
            return false;
        out.people.push_back({*received, programOf(program), peopleCounts[i], k.substr(0, end)});
    }
    return true;
}

StoreResult<std::vector<report::CallRow>>
ReportRowStore::rows(const Actor& actor, TimePoint from, TimePoint to, const QString& what, bool audited)
{
    if (StoreError error = m_audit.require(actor, Action::ViewReports, kReport))
        return error;
    auto read = readRows(from, to);
    if (!read.ok())
        return read.error();
    if (!audited)
        return read;
    if (StoreError error = m_audit.record(actor, {audit::ReportRead, kReport, what}))
        return error;
    return read;
}

StoreError ReportRowStore::recordExport(const Actor& actor, const QString& what)
{
    if (StoreError error = m_audit.require(actor, Action::ViewReports, kReport))
        return error;
    return m_audit.record(actor, {audit::ReportExport, kReport, what});
}

StoreResult<std::vector<report::CallRow>> ReportRowStore::drillDownRows(const Actor& actor, TimePoint from,
                                                                        TimePoint to, const QString& what)
{
    if (StoreError error = m_audit.require(actor, Action::DrillDownReports, kReport))
        return error;
    auto read = readRows(from, to);
    if (!read.ok())
        return read.error();
    if (StoreError error = m_audit.record(actor, {audit::DrillDown, kReport, what}))
        return error;
    return read;
}

StoreResult<std::vector<report::CallRow>> ReportRowStore::readRows(TimePoint from, TimePoint to)
{
    const QString fromText = toStoredTime(from), toText = toStoredTime(to);
    std::vector<report::CallRow> rows;
    QHash<QString, std::size_t> byId;

    // The calls (on calls_received_at).
    QSqlQuery calls = m_db.prepare(
        QStringLiteral("SELECT id, received_at, call_type, beat, latitude, longitude, flags, "
                       "risk_level, program, disposition, recommended, override_reason, person_id "
                       "FROM calls WHERE received_at >= ? AND received_at < ? "
                       "ORDER BY received_at, id"));
    calls.addBindValue(fromText);
    calls.addBindValue(toText);
    if (StoreError error = m_db.exec(calls, "report calls"))
        return error;
    while (calls.next()) {
        report::CallRow row;
        const QString id = calls.value(0).toString();
        row.id = toStdString(id);
        row.received = timeOf(calls.value(1)).value_or(TimePoint{});
        readCallFacts(calls, 2, row);
        row.personKey = toStdString(calls.value(12).toString());
        byId.insert(id, rows.size());
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        return rows;
    const RowFinder find = [&](const QString& callId, const QSqlQuery&, int) -> report::CallRow* {
        const auto it = byId.constFind(callId);
        return it == byId.constEnd() ? nullptr : &rows[*it];
    };
    if (StoreError error = readDetails(m_db, fromText, toText, find))
        return error;
    return rows;
}

} // namespace heart::store
