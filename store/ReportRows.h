#pragma once
// The rows of the supervisor's report (core/report/ReportRows.h) for the
// calls received in a UTC range, read from the real tables: the call, its
// first unit's status times, its encounter note's outcome, the kinds of the
// services referred to and its follow-up tasks. Reading them is an aggregate
// read: it needs ViewReports and is audited as one "report_read" row naming
// the period, never a call or a person. The person is only an opaque key
// (to count repeat contacts), never a name.
#include "core/Clock.h"
#include "core/report/ReportRows.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QString>
#include <optional>
#include <vector>

struct sqlite3;

namespace heart::store {

class Database;

namespace audit {
inline const QString ReportRead = QStringLiteral("report_read"); // record "report", id: the period
inline const QString DrillDown = QStringLiteral("drill_down"); // record "report", id: period/table/row/column
inline const QString ReportExport =
    QStringLiteral("report_export"); // record "report", id: period/table (+ " public"), never a number
} // namespace audit

// What the aggregated read needs, worked out in core from the rule book and
// the time zone (report::timeSlices, report::bucketMinutes).
struct AggregatedRead
{
    TimePoint from{}, to{};
    TimePoint split{}; // the current period's start: calls per person are counted per period
    std::vector<report::TimeSlice> slices; // covering [from, to)
    int bucketMinutes = 60;                // 60 or 1
};

class ReportRowStore
{
public:
    ReportRowStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // Calls received in [from, to), oldest first, not yet judged
    // (report::judgeEligibility). `what` names the read in the audit trail
    // (e.g. "2026-10 with 2026-09"). `audited` false: an automatic refresh
    // of a report the supervisor opened (and that was audited) reads again
    // without another row; the permission is checked all the same.
    StoreResult<std::vector<report::CallRow>> rows(const Actor& actor, TimePoint from, TimePoint to,
                                                   const QString& what, bool audited = true);
    // The same calls aggregated in SQL (report::AggregatedRows): the calls
    // grouped by routing facts, outcome and time slice class, counted per
    // UTC hour (or minute) and per person, and one row only for each call
    // with unit times, a note or follow-ups. Permission and audit as rows().
    // nullopt (after the audit) when a stored time is not in the store's own
    // form: the caller then reads rows() (audited false).
    StoreResult<std::optional<report::AggregatedRows>>
    aggregatedRows(const Actor& actor, const AggregatedRead& read, const QString& what, bool audited = true);
    // A table of the report saved to a file (CSV): needs ViewReports and is
    // audited as "report_export" with `what` naming the period and table.
    StoreError recordExport(const Actor& actor, const QString& what);
    // The same rows for a drill-down (the call ids behind one number):
    // needs DrillDownReports (supervisor, administrator) and is audited as
    // "drill_down" with `what` naming the period and the cell.
    StoreResult<std::vector<report::CallRow>> drillDownRows(const Actor& actor, TimePoint from, TimePoint to,
                                                            const QString& what);

private:
    StoreResult<std::vector<report::CallRow>> readRows(TimePoint from, TimePoint to);
    StoreResult<std::optional<report::AggregatedRows>> readAggregated(const AggregatedRead& read);
    StoreResult<std::optional<report::AggregatedRows>>
    readAggregatedDetails(const QString& fromText, const QString& toText, report::AggregatedRows out);
    StoreResult<bool> countSqliteCalls(::sqlite3* handle, const AggregatedRead& read,
                                       report::AggregatedRows& out);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
