#include "report/MonthlyReportPdf.h"

#include "core/report/Suppression.h"
#include "map/BeatMapView.h"
#include "report/ReportTableModel.h"
#include "report/ReportText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/PrivateFiles.h"

#include <QDate>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace heart::ui {
namespace {

// Figures are drawn at three times their size on the page (about 290 dpi).
constexpr double kImageScale = 3.0;
constexpr double kPageWidth = 660; // the text width in layout pixels (Letter, 2 cm margins)
const QColor kNow(0x2c, 0x7f, 0xb8);
const QColor kBefore(0xa0, 0xa0, 0xa0);
const QColor kInk(0x20, 0x20, 0x20);

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isSmall(long long n)
{
    return n >= 1 && n <= report::kSmallCellLimit;
}

// A count as published: "<11" for 1..10 in the public version.
QString countShown(long long n, bool publicVersion)
{
    return publicVersion && isSmall(n) ? QStringLiteral("<11") : QLocale().toString(n);
}

// A share or a time resting on `basis` calls: withheld ("*") in the public
// version when the basis is 1..10, since it would give a small count away.
bool withheld(long long basis, bool publicVersion)
{
    return publicVersion && isSmall(basis);
}

QString percentShown(std::optional<double> share, long long basis, bool publicVersion)
{
    if (!share)
        return QStringLiteral("–");
    if (withheld(basis, publicVersion))
        return QStringLiteral("*");
    return QLocale().toString(100.0 * *share, 'f', 0) + QLatin1Char('%');
}

QString minutesShown(std::optional<double> seconds, std::size_t basis, bool publicVersion)
{
    if (!seconds)
        return QStringLiteral("–");
    if (withheld(static_cast<long long>(basis), publicVersion))
        return QStringLiteral("*");
    return MonthlyReportPdf::tr("%1 min").arg(QLocale().toString(*seconds / 60.0, 'f', 1));
}

long long eligibleCalls(const report::Report& r, routing::Program program)
{
    const int row = r.eligibility.rowIndex(routing::programCode(program));
    return row < 0 ? 0 : r.eligibility.rowTotal(std::size_t(row));
}

QImage figure(QSizeF size, const std::function<void(QPainter&, const QRectF&)>& draw)
{
    QImage image((size * kImageScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(kImageScale, kImageScale);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    painter.setFont(font);
    draw(painter, QRectF(QPointF(0, 0), size));
    return image;
}

// Calls by day of the week: one bar per day; withheld days hatched, no height.
QImage dayBars(const report::Report& now, bool publicVersion)
{
    report::CountTable days;
    days.id = "calls_by_day";
    days.columns = {"calls"};
    const report::CountTable& hours = now.byHourOfWeek;
    for (std::size_t r = 0; r < hours.rows.size(); ++r) {
        days.rows.push_back(hours.rows[r]);
        days.cells.push_back({hours.rowTotal(r)});
    }
    const report::SuppressedTable shown = publicVersion ? report::suppress(days) : report::SuppressedTable{};
    return figure({kPageWidth, 190}, [&](QPainter& p, const QRectF& area) {
        const QFontMetricsF metrics(p.font(), p.device());
        const QRectF plot = area.adjusted(10, metrics.height() + 6, -10, -metrics.height() - 6);
        long long top = 1;
        for (const auto& row : days.cells)
            top = std::max(top, row[0]);
        const double slot = plot.width() / double(std::max<std::size_t>(1, days.rows.size()));
        p.setPen(kInk);
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        for (std::size_t r = 0; r < days.rows.size(); ++r) {
            const long long n = days.cells[r][0];
            const bool hidden = publicVersion && shown.cells[r][0] != report::CellState::Published;
            const QString text = hidden ? fromStd(shown.cellText(r, 0)) : QLocale().toString(n);
            const double height = hidden ? plot.height() * 0.08 : plot.height() * double(n) / double(top);
            const QRectF bar(plot.left() + slot * double(r) + slot * 0.2, plot.bottom() - height, slot * 0.6,
                             height);
            p.setPen(Qt::NoPen);
            p.setBrush(hidden ? QBrush(kBefore, Qt::BDiagPattern) : QBrush(kNow));
            p.drawRect(bar);
            p.setPen(kInk);
            p.drawText(
                QRectF(bar.left() - slot * 0.2, bar.top() - metrics.height() - 2, slot, metrics.height()),
                Qt::AlignCenter, text);
            p.drawText(QRectF(plot.left() + slot * double(r), plot.bottom() + 4, slot, metrics.height()),
                       Qt::AlignCenter,
                       ReportText::keyName(QStringLiteral("calls_by_hour_of_week"),
                                           QString::fromStdString(days.rows[r])));
        }
    });
}

// Calls by hour of the week, this period and the one before (not in the
// public version: its hourly counts are nearly all small).
QImage hourLines(const usecases::PeriodReport& report)
{
    return figure({kPageWidth, 210}, [&](QPainter& p, const QRectF& area) {
        const QFontMetricsF metrics(p.font(), p.device());
        const QRectF plot = area.adjusted(34, 8, -8, -2 * metrics.height() - 10);
        const report::CountTable& now = report.current.byHourOfWeek;
        const report::CountTable& before = report.previous.byHourOfWeek;
        long long top = 4;
        for (const report::CountTable* t : {&now, &before})
            for (const auto& row : t->cells)
                for (long long n : row)
                    top = std::max(top, n);
        const std::size_t hours = std::max<std::size_t>(1, now.rows.size() * now.columns.size());
        const auto at = [&](std::size_t i, long long n) {
            return QPointF(plot.left() + plot.width() * (double(i) + 0.5) / double(hours),
                           plot.bottom() - plot.height() * double(n) / double(top));
        };
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        for (int k = 1; k <= 4; ++k) {
            const double y = plot.bottom() - plot.height() * k / 4.0;
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
        p.setPen(kInk);
        for (int k = 0; k <= 4; ++k) {
            const double y = plot.bottom() - plot.height() * k / 4.0;
            p.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                       Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(double(top) * k / 4.0, 'f', 0));
        }
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        const double day = plot.width() / double(std::max<std::size_t>(1, now.rows.size()));
        for (std::size_t r = 0; r < now.rows.size(); ++r) {
            p.drawLine(QPointF(plot.left() + day * double(r), plot.bottom()),
                       QPointF(plot.left() + day * double(r), plot.bottom() + 4));
            p.drawText(
                QRectF(plot.left() + day * double(r), plot.bottom() + 4, day, metrics.height()),
                Qt::AlignCenter,
                ReportText::keyName(QString::fromStdString(now.id), QString::fromStdString(now.rows[r])));
        }
        const auto line = [&](const report::CountTable& t, const QColor& color) {
            QPolygonF points;
            for (std::size_t r = 0; r < t.rows.size(); ++r)
                for (std::size_t c = 0; c < t.columns.size(); ++c)
                    points << at(r * t.columns.size() + c, t.cells[r][c]);
            QPen pen(color);
            pen.setWidthF(1.4);
            p.setPen(pen);
            p.drawPolyline(points);
        };
        line(before, kBefore);
        line(now, kNow);
        // The legend under the axis.
        const double y = area.bottom() - metrics.height();
        double x = plot.left();
        for (const auto& [color, name] :
             {std::pair{kNow, ReportText::periodName(report.current.period)},
              std::pair{kBefore, ReportText::periodName(report.previous.period)}}) {
            QPen pen(color);
            pen.setWidthF(2);
            p.setPen(pen);
            p.drawLine(QPointF(x, y + metrics.height() / 2), QPointF(x + 18, y + metrics.height() / 2));
            p.setPen(kInk);
            p.drawText(QPointF(x + 22, y + metrics.ascent()), name);
            x += 22 + metrics.horizontalAdvance(name) + 24;
        }
    });
}

QImage mapImage(const MonthlyReportInput& input, const ReportBeatMap& shown)
{
    BeatMapView view;
    view.setBeatMap(input.report.beats);
    shown.applyTo(view);
    return figure({kPageWidth, 600}, [&](QPainter& p, const QRectF& area) { view.paintMap(p, area); });
}

// `large`: the headline numbers, in large type.
QString tableHtml(const QString& title, const QList<QStringList>& rows, bool large = false)
{
    // The hour-of-week table has 26 columns: smaller type to fit the page.
    const bool wide = !rows.isEmpty() && rows.first().size() > 12;
    QString html = title.isEmpty() ? QString() : QStringLiteral("<h3>%1</h3>").arg(esc(title));
    html += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='%1' "
                           "style='border-collapse: collapse; border-color: #999; font-size: %2pt'>")
                .arg(wide ? QStringLiteral("1") : QStringLiteral("3"),
                     wide ? QStringLiteral("5.5") : (large ? QStringLiteral("10") : QStringLiteral("9")));
    for (qsizetype r = 0; r < rows.size(); ++r) {
        html += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            const bool header = r == 0 || (c == 0 && !large);
            const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
            const QString align = c == 0 ? QStringLiteral("left") : QStringLiteral("right");
            // The row names get room; the numbers share the rest.
            const QString width =
                r == 0 && c == 0 && !wide ? QStringLiteral(" width='%1%'").arg(large ? 60 : 40) : QString();
            html += QStringLiteral("<%1 align='%2'%3>%4</%1>").arg(tag, align, width, esc(rows[r][c]));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace

void MonthlyReportPdf::build(const MonthlyReportInput& input, QTextDocument& document)
{
    const usecases::PeriodReport& report = input.report;
    const report::Report& now = report.current;
    const report::Report& before = report.previous;
    const bool pub = input.publicVersion;
    const QString periodName = ReportText::periodName(now.period);
    const QString previousName = ReportText::periodName(before.period);
    const QLocale locale;
    const auto dayText = [](std::chrono::year_month_day d) {
        return ProgramTime::dateText(QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day()))));
    };

    // Added after setHtml(), which clears a document's resources.
    std::vector<std::pair<QUrl, QImage>> images;
    QString html = QStringLiteral("<html><body>");
    // The cover.
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Program report: %1").arg(periodName)));
    const QString programName = input.program
                                    ? DomainText::programName(fromStd(routing::programCode(*input.program)))
                                    : tr("All programs");
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Program:")), esc(programName));
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(esc(tr("Period:")), esc(tr("%1 to %2, in %3; compared with %4")
                                                 .arg(dayText(now.period.first), dayText(now.period.last),
                                                      ProgramTime::zoneLabel(), previousName)));
    QString ruleSet = tr("none in force");
    if (report.ruleSetInForce)
        ruleSet = tr("%1 (%2)").arg(QString::fromStdString(report.ruleSetInForce->name),
                                    QString::fromStdString(report.ruleSetInForce->id));
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Rule set in force:")), esc(ruleSet));
    if (report.ruleSets.size() > 1) {
        QStringList ids;
        for (const std::string& id : report.ruleSets)
            ids << QString::fromStdString(id);
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("The calls of the two periods were judged under the rule sets in force at "
                                "their time: %1.")
                                 .arg(ids.join(QStringLiteral(", ")))));
    }
    html += QStringLiteral("<p><b>%1</b></p>")
                .arg(esc(pub ? tr("Public version: counts of 1 to 10 are shown as \"<11\", and the numbers "
                                  "that would give them away as \"*\"; shares and times resting on 10 calls "
                                  "or fewer are withheld.")
                             : tr("Internal version: it holds small counts and is not for publication.")));
    html += QStringLiteral("<p style='color: #555'>%1</p>")
                .arg(esc(tr("Every number is defined in the program's metrics definitions (docs/metrics.md). "
                            "Made with HEART Desk on %1.")
                             .arg(ProgramTime::dateText(QDate::currentDate()))));

    // The headline numbers, this period against the one before.
    QList<QStringList> headlines{{tr("Headlines"), periodName, previousName}};
    headlines << QStringList{tr("Calls"), countShown(static_cast<long long>(now.calls), pub),
                             countShown(static_cast<long long>(before.calls), pub)};
    for (routing::Program program : report::kAnsweringPrograms)
        headlines << QStringList{
            tr("Eligible calls answered, %1")
                .arg(DomainText::programName(fromStd(routing::programCode(program)))),
            percentShown(now.shareAnswered(program), eligibleCalls(now, program), pub),
            percentShown(before.shareAnswered(program), eligibleCalls(before, program), pub)};
    headlines << QStringList{
        tr("CRT median, dispatch to arrival"),
        minutesShown(now.dispatchToArrival[0].median, now.dispatchToArrival[0].count, pub),
        minutesShown(before.dispatchToArrival[0].median, before.dispatchToArrival[0].count, pub)};
    headlines << QStringList{tr("Follow-ups within 48 h"),
                             percentShown(now.followUpWithin48hShare(), now.followUps.total(), pub),
                             percentShown(before.followUpWithin48hShare(), before.followUps.total(), pub)};
    html += tableHtml(QString(), headlines, true);

    // The charts.
    images.emplace_back(QUrl(QStringLiteral("heart:days")), dayBars(now, pub));
    html += QStringLiteral("<h2>%1</h2><p><img src='heart:days' width='%2' height='190'></p>")
                .arg(esc(tr("Calls by day of the week, %1").arg(periodName)))
                .arg(int(kPageWidth));
    if (!pub) {
        images.emplace_back(QUrl(QStringLiteral("heart:hours")), hourLines(report));
        html += QStringLiteral("<h2>%1</h2><p><img src='heart:hours' width='%2' height='210'></p>")
                    .arg(esc(tr("Calls by hour of the week")))
                    .arg(int(kPageWidth));
    }

    // The map.
    if (report.beats) {
        const ReportBeatMap shown = ReportBeatMap::compute(report, input.program, input.mapMeasure, pub);
        images.emplace_back(QUrl(QStringLiteral("heart:map")), mapImage(input, shown));
        html += QStringLiteral("<h2 style='page-break-before: always'>%1</h2>")
                    .arg(esc(ReportBeatMap::measureName(input.mapMeasure)));
        html += QStringLiteral("<p><img src='heart:map' width='%1' height='600'></p>").arg(int(kPageWidth));
        if (!shown.serviceAreaText.isEmpty())
            html += QStringLiteral("<p>%1</p>")
                        .arg(esc(tr("The thick line is the %1.").arg(shown.serviceAreaText)));
    }

    // Response times.
    html += QStringLiteral("<h2 style='page-break-before: always'>%1</h2>").arg(esc(tr("Tables")));
    QList<QStringList> times{{tr("Minutes"), tr("Timed calls"), tr("To arrive, median"),
                              tr("To arrive, 90th"), tr("On scene, median"), tr("On scene, 90th")}};
    const routing::Program inPerson[] = {routing::Program::CommunityResponse, routing::Program::CoResponse};
    for (std::size_t i = 0; i < 2; ++i) {
        const report::DurationStats& arrival = now.dispatchToArrival[i];
        const report::DurationStats& scene = now.onSceneTime[i];
        times << QStringList{DomainText::programName(fromStd(routing::programCode(inPerson[i]))),
                             countShown(static_cast<long long>(arrival.count), pub),
                             minutesShown(arrival.median, arrival.count, pub),
                             minutesShown(arrival.p90, arrival.count, pub),
                             minutesShown(scene.median, scene.count, pub),
                             minutesShown(scene.p90, scene.count, pub)};
    }
    html += tableHtml(tr("Response times"), times);
    // Every count table, as the window shows it: in the public version
    // suppressed together (a total shared by several tables alike in all).
    ReportTableModel model;
    model.setPublicVersion(pub);
    const std::vector<const report::CountTable*> tables = now.tables();
    const std::vector<report::SuppressedTable> published = report::suppressReport(now);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        model.setTable(published[i]);
        html += tableHtml(ReportText::tableName(QString::fromStdString(tables[i]->id)), model.shownRows());
    }
    html += QStringLiteral("</body></html>");

    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: 20pt; } h2 { font-size: 14pt; } "
                       "h3 { font-size: 11pt; } th { background-color: #eeeeee; }"));
    document.setHtml(html);
    for (const auto& [url, image] : images)
        document.addResource(QTextDocument::ImageResource, url, image);
    document.setMetaInformation(QTextDocument::DocumentTitle, tr("Program report: %1").arg(periodName));
}

void MonthlyReportPdf::paint(const MonthlyReportInput& input, QPagedPaintDevice& device)
{
    QTextDocument document;
    build(input, document);
    document.print(&device);
}

bool MonthlyReportPdf::write(const MonthlyReportInput& input, const QString& path, QString* error)
{
    QSaveFile file(path);
    // It may hold small counts (the internal version): the user's alone.
    if (!file.open(QIODevice::WriteOnly) || !store::files::restrictToOwner(file)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::Letter));
        // QTextDocument::print() keeps 2 cm margins of its own.
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        pdf.setTitle(tr("Program report: %1").arg(ReportText::periodName(input.report.current.period)));
        pdf.setCreator(QStringLiteral("HEART Desk"));
        paint(input, pdf);
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace heart::ui
