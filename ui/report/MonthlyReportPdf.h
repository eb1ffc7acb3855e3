#pragma once
// The supervisor's report for a period as the document a program hands a
// city council: a cover naming the program, the period and the rule set in
// force, the headline tiles, the charts (calls by day of the week and by
// hour of the week), the beat map, then every table with its totals. The
// public version applies small-cell suppression everywhere (the tables as
// report::suppress publishes them, shares and times resting on 10 calls or
// fewer withheld, the map's withheld beats hatched, no hour-of-week line).
// Laid out as one rich-text document printed onto Letter pages, so the
// text stays text (pdftotext reads it) and long tables break across pages.
#include "report/ReportBeatMap.h"
#include "usecases/ReportUseCases.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class QPagedPaintDevice;
class QTextDocument;

namespace heart::ui {

struct MonthlyReportInput
{
    const usecases::PeriodReport& report;
    std::optional<routing::Program> program; // the report's program filter
    bool publicVersion = false;
    BeatMeasure mapMeasure = BeatMeasure::Calls;
};

class MonthlyReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(MonthlyReportPdf)

public:
    // The whole report as rich text, its figures as image resources of `document`.
    static void build(const MonthlyReportInput& input, QTextDocument& document);
    // Prints onto `device` (a QPdfWriter or a QPrinter).
    static void paint(const MonthlyReportInput& input, QPagedPaintDevice& device);
    // A PDF file (Letter), 0600, written whole or not at all; false and `error` on failure.
    static bool write(const MonthlyReportInput& input, const QString& path, QString* error = nullptr);
};

} // namespace heart::ui
