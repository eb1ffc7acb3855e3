#pragma once
// The supervisor's report's hand-computed fixture, shared by the metric tests
// (tests/core/tst_core_report.cpp works every number out) and the monthly
// report PDF's golden text (tests/ui/tst_monthly_report_pdf.cpp): three call
// types under the rule set kReportRules, thirteen calls around October 2026
// in New York time. Pure core: no Qt.
#include "core/report/ReportRows.h"
#include "core/roster/TimeZoneRule.h"

#include <string>
#include <vector>

namespace heart::test::reportfixture {

// Three call types; CCD everywhere, always, for two of them; CRT for the
// same two, not with a weapon, in beats 311 and 312, 09:00-21:00 every day;
// Co-Response for a mental health crisis with a weapon only.
extern const char* const kRules;
const roster::TimeZoneRule& zone();

// A program-local wall time in 2026.
TimePoint local(int m, int d, int hour, int minute = 0);
// A call handled as `disposition`, CCD and CRT recommended.
report::CallRow call(std::string id, TimePoint at, std::string type, std::string beat,
                     routing::Disposition disposition);
// The thirteen calls c1..c13, not yet judged (report::judgeEligibility).
std::vector<report::CallRow> calls();

} // namespace heart::test::reportfixture
