#include "store/ReportRows.h"

#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

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

} // namespace

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
                                    "risk_level, program, disposition, "
                                    "recommended, override_reason, person_id, dispatched_at FROM calls "
                                    "WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id"));
    calls.addBindValue(fromText);
    calls.addBindValue(toText);
    if (StoreError error = m_db.exec(calls, "report calls"))
        return error;
    std::vector<std::optional<TimePoint>> callDispatched;
    while (calls.next()) {
        report::CallRow row;
        const QString id = calls.value(0).toString();
        row.id = toStdString(id);
        row.received = timeOf(calls.value(1)).value_or(TimePoint{});
        row.callType = toStdString(calls.value(2).toString());
        row.beat = toStdString(calls.value(3).toString());
        if (!calls.value(4).isNull() && !calls.value(5).isNull())
            row.position = geo::GeoPoint{calls.value(5).toDouble(), calls.value(4).toDouble()};
        for (const QString& flag : calls.value(6).toString().split(u';', Qt::SkipEmptyParts)) {
            if (auto parsed = routing::flagFromCode(toStdString(flag.trimmed())))
                row.flags.set(*parsed);
        }
        row.risk = routing::riskFromCode(toStdString(calls.value(7).toString()))
                       .value_or(routing::RiskLevel::NotAssessed);
        row.program = programOf(calls.value(8).toString());
        row.disposition = routing::dispositionFromCode(toStdString(calls.value(9).toString()));
        for (const QString& code : calls.value(10).toString().split(u';', Qt::SkipEmptyParts)) {
            if (auto parsed = programOf(code))
                row.recommended.push_back(*parsed);
        }
        row.overrideReason = !calls.value(11).toString().trimmed().isEmpty();
        row.personKey = toStdString(calls.value(12).toString());
        callDispatched.push_back(timeOf(calls.value(13)));
        byId.insert(id, rows.size());
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        return rows;

    // The units' status changes on those calls, oldest first (on
    // unit_status_events_call). The first unit dispatched is the one timed.
    QSqlQuery events = m_db.prepare(QStringLiteral(
        "SELECT e.call_id, e.unit_id, e.status, e.at_utc FROM unit_status_events e JOIN calls c ON c.id = "
        "e.call_id "
        "WHERE c.received_at >= ? AND c.received_at < ? AND e.status IN ('dispatched', 'on_scene', "
        "'transporting', 'clear') ORDER BY e.call_id, e.at_utc, e.seq"));
    events.addBindValue(fromText);
    events.addBindValue(toText);
    if (StoreError error = m_db.exec(events, "report unit times"))
        return error;
    QHash<QString, QString> timedUnit; // call id -> unit id
    while (events.next()) {
        const QString callId = events.value(0).toString();
        const auto it = byId.constFind(callId);
        if (it == byId.constEnd())
            continue;
        report::CallRow& row = rows[*it];
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
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].dispatched && rows[i].arrived)
            rows[i].dispatched = callDispatched[i];
    }

    // The encounter notes (on encounters_call), the first written per call,
    // with the kind of the service referred to.
    QSqlQuery notes = m_db.prepare(QStringLiteral(
        "SELECT e.call_id, e.disposition, e.felt_safe, e.referral_resource_id, e.referral_text, r.kind "
        "FROM encounters e JOIN calls c ON c.id = e.call_id LEFT JOIN resources r ON r.id = "
        "e.referral_resource_id "
        "WHERE c.received_at >= ? AND c.received_at < ? ORDER BY e.call_id, e.created_at, e.id"));
    notes.addBindValue(fromText);
    notes.addBindValue(toText);
    if (StoreError error = m_db.exec(notes, "report encounters"))
        return error;
    QSet<QString> noted;
    while (notes.next()) {
        const QString callId = notes.value(0).toString();
        const auto it = byId.constFind(callId);
        if (it == byId.constEnd() || noted.contains(callId))
            continue;
        noted.insert(callId);
        report::CallRow& row = rows[*it];
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
    QSqlQuery tasks = m_db.prepare(QStringLiteral(
        "SELECT t.call_id, t.kind, t.contact_at, t.due_at, t.closed_at, t.outcome FROM followup_tasks t "
        "JOIN calls c ON c.id = t.call_id WHERE c.received_at >= ? AND c.received_at < ? "
        "ORDER BY t.call_id, t.contact_at, t.id"));
    tasks.addBindValue(fromText);
    tasks.addBindValue(toText);
    if (StoreError error = m_db.exec(tasks, "report follow-ups"))
        return error;
    while (tasks.next()) {
        const auto it = byId.constFind(tasks.value(0).toString());
        const auto kind = followup::taskKindFromCode(toStdString(tasks.value(1).toString()));
        if (it == byId.constEnd() || !kind)
            continue;
        report::FollowUpRow task;
        task.kind = *kind;
        task.contactAt = timeOf(tasks.value(2)).value_or(TimePoint{});
        task.dueAt = timeOf(tasks.value(3)).value_or(TimePoint{});
        task.closedAt = timeOf(tasks.value(4));
        task.outcome = followup::outcomeFromCode(toStdString(tasks.value(5).toString()));
        rows[*it].followUps.push_back(task);
    }
    return rows;
}

} // namespace heart::store
