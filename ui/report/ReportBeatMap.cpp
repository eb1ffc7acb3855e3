#include "report/ReportBeatMap.h"

#include "core/report/Suppression.h"
#include "map/BeatMapView.h"
#include "report/ReportText.h"
#include "shell/DomainText.h"

#include <QLocale>

namespace heart::ui {
namespace {

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The table as shown: counts, or in the public version what may be published.
// In the public version a table is suppressed together with every other
// table of the report (suppressReport: a total shared by several tables is
// withheld in all or none), as the window's tables and the PDF's are.
report::SuppressedTable shown(const report::Report& now, const report::CountTable& table, bool publicVersion)
{
    if (publicVersion) {
        const std::vector<const report::CountTable*> tables = now.tables();
        const std::vector<report::SuppressedTable> published = report::suppressReport(now);
        for (std::size_t i = 0; i < tables.size(); ++i)
            if (tables[i] == &table)
                return published[i];
        return report::suppress(table);
    }
    report::SuppressedTable s;
    s.table = table;
    s.cells.assign(table.rows.size(), std::vector<report::CellState>(table.columns.size()));
    s.rowTotals.assign(table.rows.size(), report::CellState::Published);
    s.columnTotals.assign(table.columns.size(), report::CellState::Published);
    return s;
}

QString countText(report::CellState state, long long value)
{
    return state == report::CellState::Published ? QLocale().toString(value)
                                                 : fromStd(report::publishedText(state, value));
}

} // namespace

QString ReportBeatMap::measureName(BeatMeasure measure)
{
    return measure == BeatMeasure::Calls ? tr("Calls per beat") : tr("Missed eligible calls per beat");
}

ReportBeatMap ReportBeatMap::compute(const usecases::PeriodReport& report,
                                     std::optional<routing::Program> program, BeatMeasure measure,
                                     bool publicVersion)
{
    ReportBeatMap out;
    const report::Report& now = report.current;
    // Every beat of the map has a number: a beat without calls has 0.
    if (report.beats) {
        for (const std::string& id : report.beats->beatIds())
            out.values.insert(QString::fromStdString(id), 0.0);
    }
    const auto show = [&](const QString& beat, report::CellState state, long long value,
                          const QString& text) {
        if (beat.isEmpty()) // calls with no beat are not on the map
            return;
        if (state == report::CellState::Published) {
            out.values.insert(beat, double(value));
        } else {
            out.values.remove(beat);
            out.withheld.insert(beat);
        }
        out.texts.insert(beat, text);
    };

    if (measure == BeatMeasure::Calls) {
        out.title = tr("Calls, %1").arg(ReportText::periodName(now.period));
        const report::SuppressedTable s = shown(now, now.byBeat, publicVersion);
        for (std::size_t r = 0; r < s.table.rows.size(); ++r) {
            const long long n = s.table.cells[r][0];
            show(QString::fromStdString(s.table.rows[r]), s.cells[r][0], n,
                 tr("Calls: %1").arg(countText(s.cells[r][0], n)));
        }
        for (auto it = out.values.cbegin(); it != out.values.cend(); ++it)
            if (!out.texts.contains(it.key()))
                out.texts.insert(it.key(), tr("Calls: %1").arg(QLocale().toString(0)));
    } else {
        out.title = tr("Missed eligible calls, %1").arg(ReportText::periodName(now.period));
        const report::SuppressedTable s = shown(now, now.missedByBeat, publicVersion);
        const int column = program ? s.table.columnIndex(routing::programCode(*program)) : -1;
        for (std::size_t r = 0; r < s.table.rows.size(); ++r) {
            // The selected program's misses, or every program's (a call two
            // programs missed counts for each), with the split in the text.
            long long n = 0;
            report::CellState state = report::CellState::Published;
            if (program) {
                if (column >= 0) {
                    n = s.table.cells[r][std::size_t(column)];
                    state = s.cells[r][std::size_t(column)];
                }
            } else {
                n = s.table.rowTotal(r);
                state = s.rowTotals[r];
            }
            QStringList parts;
            for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
                if (program && int(c) != column)
                    continue;
                parts << tr("%1 %2").arg(QString::fromStdString(s.table.columns[c]).toUpper(),
                                         countText(s.cells[r][c], s.table.cells[r][c]));
            }
            QString text = tr("Missed eligible calls: %1").arg(countText(state, n));
            if (!program && !parts.isEmpty())
                text += tr(" (%1)").arg(parts.join(QStringLiteral(", ")));
            show(QString::fromStdString(s.table.rows[r]), state, n, text);
        }
        for (auto it = out.values.cbegin(); it != out.values.cend(); ++it)
            if (!out.texts.contains(it.key()))
                out.texts.insert(it.key(), tr("Missed eligible calls: %1").arg(QLocale().toString(0)));
    }

    // The service area under the rule set in force at the period's end.
    const routing::Program areaProgram = program.value_or(routing::Program::CommunityResponse);
    const routing::ProgramRules* rules =
        report.ruleSetInForce ? report.ruleSetInForce->rulesFor(areaProgram) : nullptr;
    if (rules && report.beats && rules->area != routing::AreaKind::Anywhere) {
        for (const std::string& id : report.beats->beatIds())
            if (rules->inArea(id))
                out.serviceArea.insert(QString::fromStdString(id));
        out.serviceAreaText = tr("%1 service area (%2)")
                                  .arg(DomainText::programName(fromStd(routing::programCode(areaProgram))),
                                       QString::fromStdString(report.ruleSetInForce->name));
    }
    return out;
}

void ReportBeatMap::applyTo(BeatMapView& view) const
{
    view.setValues(values, title);
    view.setSuppressedBeats(withheld, tr("Withheld (<11 or *)"));
    view.setBeatTexts(texts);
    view.setOutlinedBeats(serviceArea, serviceAreaText);
}

} // namespace heart::ui
