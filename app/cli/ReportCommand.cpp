// heartdesk-cli report: the supervisor's report for a period (docs/metrics.md)
// as CSV or JSON, signed in as a supervisor: every table with its totals,
// the response times and the trend against the period before; with
// --public, small-cell suppression applied (core/report/Suppression.h).
// Reading it is audited like the window's (one "report_read" row).
#include "AccountInput.h"
#include "Commands.h"
#include "Secrets.h"
#include "core/report/Suppression.h"
#include "store/Database.h"
#include "usecases/AccountUseCases.h"
#include "usecases/ReportUseCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace heart::cli {
namespace {

const QString kAs = QStringLiteral("as");
const QString kPeriod = QStringLiteral("period");
const QString kProgram = QStringLiteral("program");
const QString kPublic = QStringLiteral("public");
const QString kFormat = QStringLiteral("format");

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A value as published: the number, or withheld.
struct Published
{
    QString text;
    std::optional<double> number; // nullopt when withheld or absent
};

Published count(long long value, report::CellState state)
{
    if (state != report::CellState::Published)
        return {fromStd(report::publishedText(state, value)), std::nullopt};
    return {QString::number(value), double(value)};
}

// A duration or a share rests on `basis` calls: in public, only from 11 on.
Published resting(std::optional<double> value, std::size_t basis, bool isPublic, int decimals)
{
    if (!value)
        return {QString(), std::nullopt};
    if (isPublic && basis > 0 && basis <= std::size_t(report::kSmallCellLimit))
        return {QStringLiteral("*"), std::nullopt};
    return {QString::number(*value, 'f', decimals), value};
}

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QJsonValue jsonOf(const Published& value)
{
    if (value.number)
        return *value.number;
    return value.text.isEmpty() ? QJsonValue() : QJsonValue(value.text);
}

struct Output
{
    bool json = false;
    QString period;
    QStringList csv;
    QJsonArray tables;
    QJsonArray durations;
    QJsonArray trends;

    void cell(const QString& table, const QString& row, const QString& column, const Published& value)
    {
        csv << QStringList{period, table, row, column, value.text}.join(u',');
    }
};

// `suppressed`: the table as the public version has it (report::suppressReport,
// all tables together), or null for the counts as they are.
void addTable(Output& out, const report::CountTable& table, const report::SuppressedTable* suppressed)
{
    const bool isPublic = suppressed != nullptr;
    report::SuppressedTable s = isPublic ? *suppressed : report::SuppressedTable{};
    if (!isPublic) {
        s.table = table;
        s.cells.assign(table.rows.size(), std::vector<report::CellState>(table.columns.size()));
        s.rowTotals.assign(table.rows.size(), report::CellState::Published);
        s.columnTotals.assign(table.columns.size(), report::CellState::Published);
    }
    const QString id = fromStd(table.id);
    QJsonArray rows, columns, cells, rowTotals, columnTotals;
    for (const std::string& column : table.columns)
        columns.append(fromStd(column));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const QString row = fromStd(table.rows[r]);
        rows.append(row);
        QJsonArray line;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const Published value = count(table.cells[r][c], s.cells[r][c]);
            out.cell(id, csvField(row), csvField(fromStd(table.columns[c])), value);
            line.append(jsonOf(value));
        }
        cells.append(line);
        const Published total = count(table.rowTotal(r), s.rowTotals[r]);
        out.cell(id, csvField(row), QStringLiteral("total"), total);
        rowTotals.append(jsonOf(total));
    }
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const Published total = count(table.columnTotal(c), s.columnTotals[c]);
        out.cell(id, QStringLiteral("total"), csvField(fromStd(table.columns[c])), total);
        columnTotals.append(jsonOf(total));
    }
    const Published grand = count(table.total(), s.grandTotal);
    out.cell(id, QStringLiteral("total"), QStringLiteral("total"), grand);
    out.tables.append(QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("rows"), rows},
                                  {QStringLiteral("columns"), columns},
                                  {QStringLiteral("cells"), cells},
                                  {QStringLiteral("rowTotals"), rowTotals},
                                  {QStringLiteral("columnTotals"), columnTotals},
                                  {QStringLiteral("total"), jsonOf(grand)}});
}

void addDurations(Output& out, const report::Report& r, bool isPublic)
{
    const char* programs[] = {"crt", "cor"};
    for (std::size_t i = 0; i < 2; ++i) {
        for (const auto& [name, stats] : {std::pair{"dispatch_to_arrival", r.dispatchToArrival[i]},
                                          std::pair{"on_scene", r.onSceneTime[i]}}) {
            const Published median = resting(stats.median, stats.count, isPublic, 0);
            const Published p90 = resting(stats.p90, stats.count, isPublic, 0);
            out.cell(QStringLiteral("durations_seconds"), QString::fromLatin1(programs[i]),
                     QString::fromLatin1(name) + QStringLiteral("_median"), median);
            out.cell(QStringLiteral("durations_seconds"), QString::fromLatin1(programs[i]),
                     QString::fromLatin1(name) + QStringLiteral("_p90"), p90);
            out.durations.append(QJsonObject{{QStringLiteral("program"), QString::fromLatin1(programs[i])},
                                             {QStringLiteral("measure"), QString::fromLatin1(name)},
                                             {QStringLiteral("median"), jsonOf(median)},
                                             {QStringLiteral("p90"), jsonOf(p90)}});
        }
    }
}

void addTrends(Output& out, const usecases::PeriodReport& got, bool isPublic)
{
    for (const report::Trend& trend : got.trends) {
        const QString metric = fromStd(trend.metric);
        const bool ratio = trend.metric.find("share") != std::string::npos;
        const bool time = trend.metric.find("dispatch") != std::string::npos ||
                          trend.metric.find("on_scene") != std::string::npos;
        const auto shown = [&](std::optional<double> value) -> Published {
            if (!value)
                return {QString(), std::nullopt};
            if (isPublic && !ratio && !time) {
                const auto n = static_cast<long long>(std::llround(*value));
                return count(n, n >= 1 && n <= report::kSmallCellLimit ? report::CellState::Primary
                                                                       : report::CellState::Published);
            }
            // Shares and times rest on counts the public report may withhold.
            if (isPublic)
                return {QStringLiteral("*"), std::nullopt};
            return {QString::number(*value, 'f', ratio ? 4 : 0), value};
        };
        const Published now = shown(trend.current), before = shown(trend.previous);
        Published change{QString(), std::nullopt};
        if (now.number && before.number)
            change = {QString::number(*now.number - *before.number, 'f', ratio ? 4 : 0),
                      *now.number - *before.number};
        out.cell(QStringLiteral("trends"), metric, QStringLiteral("current"), now);
        out.cell(QStringLiteral("trends"), metric, QStringLiteral("previous"), before);
        out.cell(QStringLiteral("trends"), metric, QStringLiteral("change"), change);
        out.trends.append(QJsonObject{{QStringLiteral("metric"), metric},
                                      {QStringLiteral("current"), jsonOf(now)},
                                      {QStringLiteral("previous"), jsonOf(before)},
                                      {QStringLiteral("change"), jsonOf(change)}});
    }
}

} // namespace

int runReport(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--as LOGIN --period PERIOD [--program ccd|crt|cor] [--public] [--format csv|json]"),
        QStringLiteral(
            "Print the supervisor's report for a period (docs/metrics.md): every table with its "
            "totals, response times and the trend against the period before. PERIOD: 2026-10, "
            "2026-Q4, 2026 or 2026-10-01..2026-10-15, in the program's local time. --public "
            "applies small-cell suppression (counts 1-10 as <11, more withheld as *). Signs in as "
            "LOGIN (a supervisor; password from HEARTDESK_PASSWORD or typed); the read is audited."));
    commandLine.addOption({kAs, QStringLiteral("The supervisor's user ID."), QStringLiteral("login")});
    commandLine.addOption({kPeriod, QStringLiteral("The period."), QStringLiteral("period")});
    commandLine.addOption(
        {kProgram, QStringLiteral("Only this program's calls."), QStringLiteral("program")});
    commandLine.addOption({kPublic, QStringLiteral("The public version: small cells suppressed.")});
    commandLine.addOption({kFormat, QStringLiteral("csv (default) or json."), QStringLiteral("format")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kAs, kPeriod}))
        return *stop;
    const auto period = report::parsePeriod(commandLine.value(kPeriod).trimmed().toStdString());
    if (!period.ok())
        return commandLine.usageError(
            QStringLiteral("--period must be YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD"));
    usecases::ReportRequest request{period.value(), std::nullopt};
    if (commandLine.isSet(kProgram)) {
        QString code = commandLine.value(kProgram).trimmed().toLower();
        code.replace(u'_', u'-');
        request.program = routing::programFromCode(code.toStdString());
        if (!request.program)
            return commandLine.usageError(
                QStringLiteral("--program must be ccd, crt, cor, cn or police-ems"));
    }
    const QString format =
        commandLine.isSet(kFormat) ? commandLine.value(kFormat).trimmed() : QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("json"))
        return commandLine.usageError(QStringLiteral("--format must be csv or json"));
    const bool isPublic = commandLine.isSet(kPublic);

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    const QString login = commandLine.value(kAs).trimmed();
    std::optional<SignedInSession> session;
    if (const auto code = signInInRole(
            db, login, "HEARTDESK_PASSWORD", Role::Supervisor,
            QStringLiteral("%1 is not a supervisor, so cannot read the report").arg(login), session))
        return *code;
    auto got = usecases::ReportUseCases({db, SystemClock::instance(), session->actor()}).report(request);
    if (!got.ok())
        return reportError(got.error(), db.spec(), QStringLiteral("cannot read the report"));

    Output out;
    out.period = fromStd(report::periodLabel(period.value()));
    out.csv << QStringLiteral("period,table,row,column,value");
    const std::vector<const report::CountTable*> tables = got.value().current.tables();
    const std::vector<report::SuppressedTable> published =
        isPublic ? report::suppressReport(got.value().current) : std::vector<report::SuppressedTable>{};
    for (std::size_t i = 0; i < tables.size(); ++i)
        addTable(out, *tables[i], isPublic ? &published[i] : nullptr);
    addDurations(out, got.value().current, isPublic);
    addTrends(out, got.value(), isPublic);
    if (format == QLatin1String("csv")) {
        for (const QString& line : out.csv)
            printLine(line);
        return ExitOk;
    }
    QJsonArray ruleSets;
    for (const std::string& id : got.value().ruleSets)
        ruleSets.append(fromStd(id));
    const QJsonObject document{
        {QStringLiteral("period"), out.period},
        {QStringLiteral("previousPeriod"), fromStd(report::periodLabel(got.value().previous.period))},
        {QStringLiteral("program"),
         request.program ? QJsonValue(fromStd(routing::programCode(*request.program))) : QJsonValue()},
        {QStringLiteral("public"), isPublic},
        {QStringLiteral("calls"),
         jsonOf(isPublic ? count(static_cast<long long>(got.value().current.calls),
                                 got.value().current.calls >= 1 && got.value().current.calls <= 10
                                     ? report::CellState::Primary
                                     : report::CellState::Published)
                         : count(static_cast<long long>(got.value().current.calls),
                                 report::CellState::Published))},
        {QStringLiteral("ruleSets"), ruleSets},
        {QStringLiteral("tables"), out.tables},
        {QStringLiteral("durations"), out.durations},
        {QStringLiteral("trends"), out.trends},
    };
    printLine(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

} // namespace heart::cli
