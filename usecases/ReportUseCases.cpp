#include "usecases/ReportUseCases.h"

#include "store/CoreText.h"
#include "store/ReportRows.h"
#include "store/RoutingData.h"
#include "usecases/CallUseCases.h"

#include <QFileInfo>
#include <algorithm>
#include <set>

namespace heart::usecases {

namespace {

// About 64 characters of SQL each: well under SQLite's 1,000,000-byte
// statement (a year with the year before is some 2,000).
constexpr std::size_t kMaxTimeSlices = 12000;

QString describe(const ReportRequest& request)
{
    QString text = QString::fromStdString(report::periodLabel(request.period));
    if (request.program)
        text += QStringLiteral(" ") + QString::fromUtf8(routing::programCode(*request.program));
    return text;
}

} // namespace

store::StoreResult<std::shared_ptr<const routing::Router>> ReportUseCases::router()
{
    if (m_router)
        return m_router;
    auto data = CallUseCases(m_context).routing();
    if (!data.ok())
        return data.error();
    m_router = std::make_shared<const routing::Router>(std::move(data.value().rules), data.value().beats);
    return m_router;
}

store::StoreResult<PeriodReport> ReportUseCases::report(const ReportRequest& request)
{
    auto routed = router();
    if (!routed.ok())
        return routed.error();
    const routing::Router& engine = *routed.value();
    PeriodReport out;
    out.zone = engine.rules().zone();
    const report::Period previous = report::previousPeriod(request.period);
    const report::UtcRange now = report::utcRange(request.period, out.zone);
    const report::UtcRange before = report::utcRange(previous, out.zone);
    const QString what =
        describe(request) + QStringLiteral(" with ") + QString::fromStdString(report::periodLabel(previous));
    report::ReportOptions options;
    options.program = request.program;
    store::ReportRowStore store(m_context.db, m_context.clock);
    std::set<int> used; // the rule sets in force over the two periods
    const auto noteRuleSet = [&](TimePoint received) {
        const auto local = out.zone.toLocal(received);
        if (const routing::RuleSet* set = engine.rules().inForce(local.date))
            used.insert(int(set - engine.rules().ruleSets().data()));
    };

    // Aggregated in SQL (the calls grouped so that the routing engine
    // decides each distinct call once); one row per call when the store
    // cannot (a stored time not in its own form) or the slices would make
    // too long a statement (a custom period of many years).
    store::AggregatedRead read;
    read.from = before.from;
    read.to = now.to;
    read.split = now.from;
    read.slices = report::timeSlices(engine.rules(), out.zone, before.from, now.to, now.from);
    read.bucketMinutes = report::bucketMinutes(out.zone, before.from, now.to);
    bool audited = !request.automaticRefresh, done = false;
    if (read.slices.size() <= kMaxTimeSlices) {
        auto aggregated = store.aggregatedRows(m_context.actor, read, what, audited);
        if (!aggregated.ok())
            return aggregated.error();
        audited = false;
        if (aggregated.value()) {
            report::AggregatedRows& rows = *aggregated.value();
            report::judgeEligibility(rows.calls, engine);
            out.current = report::computeReport(rows, request.period, out.zone, options);
            out.previous = report::computeReport(rows, previous, out.zone, options);
            for (const report::CallRow& row : rows.calls)
                noteRuleSet(row.received);
            done = true;
        }
    }
    if (!done) {
        auto rows = store.rows(m_context.actor, before.from, now.to, what, audited);
        if (!rows.ok())
            return rows.error();
        report::judgeEligibility(rows.value(), engine);
        out.current = report::computeReport(rows.value(), request.period, out.zone, options);
        out.previous = report::computeReport(rows.value(), previous, out.zone, options);
        used.clear();
        for (const report::CallRow& row : rows.value())
            noteRuleSet(row.received);
    }
    out.trends = report::trends(out.current, out.previous);
    for (int index : used)
        out.ruleSets.push_back(engine.rules().ruleSets()[std::size_t(index)].id);
    if (const routing::RuleSet* set = engine.rules().inForce(request.period.last))
        out.ruleSetInForce = *set;
    // Shares the router's ownership: the map lives as long as the report.
    if (engine.beats())
        out.beats = std::shared_ptr<const geo::BeatMap>(routed.value(), engine.beats());
    else if (auto shipped = store::builtInBeatMap(); shipped.ok())
        out.beats = shipped.value();
    return out;
}

store::StoreError ReportUseCases::recordExport(const ReportRequest& request, const QString& tableId,
                                               bool publicVersion)
{
    return store::ReportRowStore(m_context.db, m_context.clock)
        .recordExport(m_context.actor, describe(request) + u'/' + tableId +
                                           (publicVersion ? QStringLiteral(" public") : QString()));
}

store::StoreError ReportUseCases::recordPdfExport(const ReportRequest& request, const QString& fileName,
                                                  bool publicVersion)
{
    return store::ReportRowStore(m_context.db, m_context.clock)
        .recordExport(m_context.actor,
                      describe(request) + QStringLiteral("/pdf ") +
                          (publicVersion ? QStringLiteral("public ") : QStringLiteral("internal ")) +
                          QFileInfo(fileName).fileName());
}

store::StoreResult<QStringList> ReportUseCases::drillDown(const ReportRequest& request,
                                                          const QString& tableId, const QString& row,
                                                          const QString& column)
{
    auto routed = router();
    if (!routed.ok())
        return routed.error();
    const routing::Router& engine = *routed.value();
    const roster::TimeZoneRule& zone = engine.rules().zone();
    const report::UtcRange range = report::utcRange(request.period, zone);
    auto rows =
        store::ReportRowStore(m_context.db, m_context.clock)
            .drillDownRows(m_context.actor, range.from, range.to,
                           describe(request) + QStringLiteral(" ") + tableId + u'/' + row + u'/' + column);
    if (!rows.ok())
        return rows.error();
    report::judgeEligibility(rows.value(), engine);
    report::ReportOptions options;
    options.program = request.program;
    const auto ids =
        report::callsBehind(rows.value(), request.period, zone, options, store::toStdString(tableId),
                            store::toStdString(row), store::toStdString(column));
    QStringList out;
    for (const std::string& id : ids)
        out.append(QString::fromStdString(id));
    return out;
}

} // namespace heart::usecases
