#pragma once
// The supervisor's report as use cases (docs/metrics.md): a period with the
// one before it, optionally one program, computed in core from the rows the
// store reads (every call of both periods run through the routing engine
// under the rule set in force at its time); and the drill-down from one
// number to the call ids behind it, a separate, permission-checked and
// audited read. The reporting window and `heartdesk-cli report` call these.
#include "core/report/Metrics.h"
#include "core/report/Period.h"
#include "core/routing/Router.h"
#include "store/StoreError.h"
#include "usecases/Context.h"

#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace heart::usecases {

struct ReportRequest
{
    report::Period period;
    std::optional<routing::Program> program; // the program filter
    // A live refresh of a report already open (the journal said a call
    // changed): read without another "report_read" audit row. Opening a
    // report or choosing a period is audited.
    bool automaticRefresh = false;
};

struct PeriodReport
{
    report::Report current;
    report::Report previous; // report::previousPeriod(period)
    std::vector<report::Trend> trends;
    std::vector<std::string> ruleSets; // ids of the rule sets the calls were judged under, oldest first
    roster::TimeZoneRule zone;         // the program's: the periods' local time
    // The rule set in force on the period's last day (the service areas the
    // beat map outlines, the rule set a printed report names), if any.
    std::optional<routing::RuleSet> ruleSetInForce;
    // The beat map the calls were located with (the map the report draws).
    std::shared_ptr<const geo::BeatMap> beats;
};

class ReportUseCases
{
public:
    // Routing: the rule book and beat map the calls are judged with; without
    // one, the database's rule sets and the shipped beat map (as intake).
    explicit ReportUseCases(const Context& context, std::shared_ptr<const routing::Router> router = nullptr)
        : m_context(context), m_router(std::move(router))
    {}

    // ViewReports; audited as one "report_read" row naming the period.
    store::StoreResult<PeriodReport> report(const ReportRequest& request);
    // The call ids behind one cell (report::callsBehind): DrillDownReports
    // (supervisor, administrator); audited as "drill_down" naming the period
    // and the cell, never a call or a person.
    store::StoreResult<QStringList> drillDown(const ReportRequest& request, const QString& tableId,
                                              const QString& row, const QString& column);

    // A table saved to a file (the window's CSV export): ViewReports;
    // audited as "report_export" naming the period, program filter and
    // table (and "public" for the public version), never a number or a call.
    store::StoreError recordExport(const ReportRequest& request, const QString& tableId, bool publicVersion);
    // The monthly report saved as a PDF (the window's "Save report PDF…",
    // `heartdesk --report-pdf`): ViewReports; audited as "report_export"
    // naming the period, program filter, "pdf", public or internal and the
    // file's name (not its folder), never a number or a call.
    store::StoreError recordPdfExport(const ReportRequest& request, const QString& fileName,
                                      bool publicVersion);

private:
    store::StoreResult<std::shared_ptr<const routing::Router>> router();

    Context m_context;
    std::shared_ptr<const routing::Router> m_router;
};

} // namespace heart::usecases
