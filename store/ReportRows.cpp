#include "store/ReportRows.h"

#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <deque>
#include <functional>
#include <iterator>

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
void readCallFacts(const QSqlQuery& query, int at, report::CallRow& row)
{
    row.callType = toStdString(query.value(at).toString());
    row.beat = toStdString(query.value(at + 1).toString());
    if (!query.value(at + 2).isNull() && !query.value(at + 3).isNull())
        row.position = geo::GeoPoint{query.value(at + 3).toDouble(), query.value(at + 2).toDouble()};
    for (const QString& flag : query.value(at + 4).toString().split(u';', Qt::SkipEmptyParts)) {
        if (auto parsed = routing::flagFromCode(toStdString(flag.trimmed())))
            row.flags.set(*parsed);
    }
    row.risk = routing::riskFromCode(toStdString(query.value(at + 5).toString()))
                   .value_or(routing::RiskLevel::NotAssessed);
    row.program = programOf(query.value(at + 6).toString());
    row.disposition = routing::dispositionFromCode(toStdString(query.value(at + 7).toString()));
    for (const QString& code : query.value(at + 8).toString().split(u';', Qt::SkipEmptyParts)) {
        if (auto parsed = programOf(code))
            row.recommended.push_back(*parsed);
    }
    row.overrideReason = !query.value(at + 9).toString().trimmed().isEmpty();
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

StoreResult<std::optional<report::AggregatedRows>>
ReportRowStore::aggregatedRows(const Actor& actor, const AggregatedRead& read, const QString& what, bool audited)
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

    // 1. Every call, grouped by what the routing engine and the call-level
    // tables look at and by its time slice's class (one index range scan
    // per slice on calls_received_at). The position only counts without a
    // beat (the engine's rule); a written reason only as written or not.
    QString slices;
    slices.reserve(int(read.slices.size()) * 64);
    for (const report::TimeSlice& slice : read.slices) {
        if (!slices.isEmpty())
            slices += QStringLiteral(", ");
        slices += QStringLiteral("('%1', '%2', %3)")
                      .arg(toStoredTime(slice.from), toStoredTime(slice.to), QString::number(slice.timeClass));
    }
    const QString noBeat = QStringLiteral(
        "(c.beat IS NULL OR c.beat = '' OR c.beat LIKE ' %' OR c.beat LIKE '% ' OR c.beat LIKE ?)");
    QSqlQuery calls = m_db.prepare(
        QStringLiteral("WITH slices (a, b, k) AS (VALUES %1) "
                       "SELECT s.k, c.call_type, c.beat, CASE WHEN %2 THEN c.latitude END, "
                       "CASE WHEN %2 THEN c.longitude END, c.flags, c.risk_level, c.program, c.disposition, "
                       "c.recommended, CASE WHEN c.override_reason IS NULL OR c.override_reason = '' THEN '' "
                       "WHEN UPPER(c.override_reason) <> LOWER(c.override_reason) THEN 'x' "
                       "ELSE c.override_reason END, COUNT(*), MIN(c.received_at) "
                       "FROM slices s CROSS JOIN calls c WHERE c.received_at >= s.a AND c.received_at < s.b "
                       "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")
            .arg(slices, noBeat));
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
    QSqlQuery buckets = m_db.prepare(QStringLiteral("SELECT substr(received_at, 1, %1), program, COUNT(*) FROM "
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
        out.buckets.push_back({*start, programOf(buckets.value(1).toString()), buckets.value(2).toLongLong(), {}});
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
    QSqlQuery calls =
        m_db.prepare(QStringLiteral("SELECT id, received_at, call_type, beat, latitude, longitude, flags, "
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
