// heartdesk-cli replay: runs a history of calls through rule sets and prints,
// per program, the eligible calls, their hour-of-week profile and the calls
// excluded per reason; with --per-call, every call's decision. Needs no
// database: the files are the input. Every input format: docs/replay.md.
#include "Commands.h"
#include "core/routing/Replay.h"
#include "core/routing/ReplayCallWriter.h"
#include "store/PrivateFiles.h"
#include "store/RoutingData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace heart::cli {
namespace {

using namespace routing;

const QString kRules = QStringLiteral("rules");
const QString kCalls = QStringLiteral("calls");
const QString kBeats = QStringLiteral("beats");
const QString kBeatId = QStringLiteral("beat-id");
const QString kColumns = QStringLiteral("columns");
const QString kCallTypes = QStringLiteral("call-types");
const QString kFormat = QStringLiteral("format");
const QString kErrors = QStringLiteral("errors");
const QString kPerCall = QStringLiteral("per-call");
const QString kNoLocations = QStringLiteral("no-locations");

constexpr const char* kProgramNames[] = {"Crisis Call Diversion", "Community Response Team", "Co-Response",
                                         "Care Navigation", "Police/EMS"};

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

int dataError(const DataError& error)
{
    printError(QStringLiteral("replay: %1").arg(fromStd(error.toString())));
    return ExitFailed;
}

QString dateText(std::chrono::year_month_day date)
{
    return fromStd(formatDate(date));
}

// "time = CallTime (--columns), lat = latitude": what each column was read for.
QString columnsInWords(const ReplaySummary& s)
{
    QStringList used;
    for (const ColumnUse& use : s.columns)
        used << QStringLiteral("%1 = %2%3")
                    .arg(QLatin1String(replayColumnKey(use.column).data(),
                                       qsizetype(replayColumnKey(use.column).size())),
                         fromStd(use.header), use.mapped ? QStringLiteral(" (--columns)") : QString());
    return used.join(QStringLiteral(", "));
}

QString percent(std::size_t part, std::size_t whole)
{
    return whole == 0 ? QStringLiteral("-")
                      : QString::number(100.0 * double(part) / double(whole), 'f', 1) + u'%';
}

void printText(const ReplaySummary& s, const QString& file)
{
    printLine(
        QStringLiteral("Replayed %1: %2 rows, %3 decided, %4 malformed%5, %6 with no rule set in force.")
            .arg(file)
            .arg(s.rows)
            .arg(s.decided)
            .arg(s.malformed)
            .arg(s.malformed ? QStringLiteral(" (listed on stderr)") : QString())
            .arg(s.noRuleSet));
    printLine(QStringLiteral("Columns: %1%2.")
                  .arg(columnsInWords(s), s.unusedColumns.empty()
                                              ? QString()
                                              : QStringLiteral("; not used: %1").arg(fromStd([&] {
                                                    std::string all;
                                                    for (const std::string& name : s.unusedColumns)
                                                        all += (all.empty() ? "" : ", ") + name;
                                                    return all;
                                                }()))));
    QStringList used;
    for (const auto& [id, count] : s.ruleSetUse)
        used << QStringLiteral("%1 (%2 calls)").arg(fromStd(id)).arg(count);
    printLine(QStringLiteral("Rule sets: %1")
                  .arg(used.isEmpty() ? QStringLiteral("none") : used.join(QStringLiteral(", "))));
    printLine(QStringLiteral("Beats found from coordinates: %1. Local times in the spring-forward gap: %2; "
                             "on the fall-back night's repeated hour: %3.")
                  .arg(s.beatsFromCoordinates)
                  .arg(s.inSpringForwardGap)
                  .arg(s.ambiguousFallBack));
    if (!s.unknownCallTypes.empty()) {
        QStringList unknown;
        for (const auto& [spelling, count] : s.unknownCallTypes)
            unknown << QStringLiteral("\"%1\" (%2)").arg(fromStd(spelling)).arg(count);
        printLine(QStringLiteral("Unknown call types (map them with --call-types): %1")
                      .arg(unknown.join(QStringLiteral(", "))));
    }
    printLine({});
    printLine(QStringLiteral("%1 %2 %3 %4")
                  .arg(QStringLiteral("Program"), -26)
                  .arg(QStringLiteral("Eligible"), 9)
                  .arg(QStringLiteral("Share"), 7)
                  .arg(QStringLiteral("Recommended"), 12));
    for (Program program : kAllPrograms) {
        const ProgramTally& t = s.tally(program);
        printLine(QStringLiteral("%1 %2 %3 %4")
                      .arg(QLatin1String(kProgramNames[std::size_t(program)]), -26)
                      .arg(t.eligible, 9)
                      .arg(percent(t.eligible, s.decided), 7)
                      .arg(t.recommended, 12));
    }
    printLine({});
    printLine(QStringLiteral("Calls excluded per reason (a call counts once under each of its reasons):"));
    QString header = QStringLiteral("%1").arg(QString(), -24);
    for (Program program : kAllPrograms) {
        if (program != Program::PoliceEms)
            header += QStringLiteral("%1").arg(QLatin1String(programCode(program).data()), 9);
    }
    printLine(header);
    for (int code = 0; code < kReasonCodeCount; ++code) {
        QString line = QStringLiteral("%1").arg(QLatin1String(reasonCode(ReasonCode(code)).data()), -24);
        std::size_t total = 0;
        for (Program program : kAllPrograms) {
            if (program == Program::PoliceEms)
                continue;
            const std::size_t n = s.tally(program).excludedBy[std::size_t(code)];
            total += n;
            line += QStringLiteral("%1").arg(n, 9);
        }
        if (total > 0)
            printLine(line);
    }
    for (Program program : kAllPrograms) {
        if (program == Program::PoliceEms)
            continue;
        printLine({});
        printLine(QStringLiteral("Eligible calls by hour of the week, %1:")
                      .arg(QLatin1String(kProgramNames[std::size_t(program)])));
        QString hours = QStringLiteral("   ");
        for (int hour = 0; hour < 24; ++hour)
            hours += QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')).rightJustified(5);
        printLine(hours);
        for (int day = 0; day < 7; ++day) {
            QString line = QLatin1String(weekdayCode(day).data());
            for (int hour = 0; hour < 24; ++hour) {
                const std::size_t n = s.tally(program).hourOfWeek[std::size_t(day * 24 + hour)];
                line += n ? QStringLiteral("%1").arg(n, 5) : QStringLiteral("    .");
            }
            printLine(line);
        }
    }
}

QString csvField(const std::string& text)
{
    QString field = fromStd(text);
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n')) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + field + u'"';
    }
    return field;
}

void printCsv(const ReplaySummary& s)
{
    printLine(QStringLiteral("section,program,key,value"));
    const auto row = [](const char* section, std::string_view program, const std::string& key,
                        std::size_t value) {
        printLine(QStringLiteral("%1,%2,%3,%4")
                      .arg(QLatin1String(section), QLatin1String(program.data(), qsizetype(program.size())),
                           csvField(key))
                      .arg(value));
    };
    row("summary", "", "rows", s.rows);
    row("summary", "", "decided", s.decided);
    row("summary", "", "malformed", s.malformed);
    row("summary", "", "no-rule-set", s.noRuleSet);
    row("summary", "", "beats-from-coordinates", s.beatsFromCoordinates);
    row("summary", "", "spring-forward-gap", s.inSpringForwardGap);
    row("summary", "", "fall-back-repeated-hour", s.ambiguousFallBack);
    for (const ColumnUse& use : s.columns)
        printLine(QStringLiteral("column,,%1,%2")
                      .arg(QLatin1String(replayColumnKey(use.column).data(),
                                         qsizetype(replayColumnKey(use.column).size())),
                           csvField(use.header)));
    for (const auto& [id, count] : s.ruleSetUse)
        row("rule-set", "", id, count);
    for (const auto& [spelling, count] : s.unknownCallTypes)
        row("unknown-call-type", "", spelling, count);
    for (Program program : kAllPrograms) {
        const ProgramTally& t = s.tally(program);
        row("eligible", programCode(program), "", t.eligible);
        row("recommended", programCode(program), "", t.recommended);
        for (int code = 0; code < kReasonCodeCount; ++code)
            row("excluded", programCode(program), std::string(reasonCode(ReasonCode(code))),
                t.excludedBy[std::size_t(code)]);
        for (int slot = 0; slot < 7 * 24; ++slot) {
            char key[8];
            std::snprintf(key, sizeof key, "%s-%02d", weekdayCode(slot / 24).data(), slot % 24);
            row("hour", programCode(program), key, t.hourOfWeek[std::size_t(slot)]);
        }
    }
    for (const ReplayRowError& error : s.errors)
        printLine(QStringLiteral("error,,line %1,%2").arg(error.line).arg(csvField(error.message)));
}

void printJson(const ReplaySummary& s, const QString& file)
{
    nlohmann::ordered_json out;
    out["file"] = file.toStdString();
    out["rows"] = s.rows;
    out["decided"] = s.decided;
    out["malformed"] = s.malformed;
    out["noRuleSet"] = s.noRuleSet;
    if (s.noRuleSet) {
        out["noRuleSetFrom"] = formatDate(s.noRuleSetFirst);
        out["noRuleSetTo"] = formatDate(s.noRuleSetLast);
    }
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const ColumnUse& use : s.columns)
        columns[std::string(replayColumnKey(use.column))] = use.header;
    out["columns"] = columns;
    out["unusedColumns"] = s.unusedColumns;
    out["errors"] = nlohmann::json::array();
    for (const ReplayRowError& error : s.errors)
        out["errors"].push_back({{"line", error.line}, {"message", error.message}});
    out["ruleSets"] = s.ruleSetUse;
    out["unknownCallTypes"] = s.unknownCallTypes;
    out["beatsFromCoordinates"] = s.beatsFromCoordinates;
    out["springForwardGap"] = s.inSpringForwardGap;
    out["fallBackRepeatedHour"] = s.ambiguousFallBack;
    for (Program program : kAllPrograms) {
        const ProgramTally& t = s.tally(program);
        nlohmann::ordered_json p;
        p["eligible"] = t.eligible;
        p["recommended"] = t.recommended;
        nlohmann::ordered_json excluded = nlohmann::ordered_json::object();
        for (int code = 0; code < kReasonCodeCount; ++code) {
            if (t.excludedBy[std::size_t(code)])
                excluded[std::string(reasonCode(ReasonCode(code)))] = t.excludedBy[std::size_t(code)];
        }
        p["excluded"] = excluded;
        nlohmann::ordered_json profile;
        for (int day = 0; day < 7; ++day) {
            auto& hours = profile[std::string(weekdayCode(day))] = nlohmann::json::array();
            for (int hour = 0; hour < 24; ++hour)
                hours.push_back(t.hourOfWeek[std::size_t(day * 24 + hour)]);
        }
        p["hourOfWeek"] = profile;
        out["programs"][std::string(programCode(program))] = p;
    }
    printLine(QString::fromStdString(out.dump(2)));
}

} // namespace

int runReplay(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--calls FILE.csv [--rules FILE.json ...] [--beats FILE.geojson] [--beat-id PROPERTY] "
                       "[--columns MAP] [--no-locations] [--call-types FILE.csv] [--format text|csv|json] "
                       "[--per-call FILE.csv|FILE.jsonl] [--errors FILE]"),
        QStringLiteral(
            "What-if replay: runs a history of calls through rule sets and prints, per program, the "
            "eligible calls, their hour-of-week profile and the calls excluded per reason; --per-call "
            "writes every call's decision. Without --rules the rule sets HEART Desk ships (Durham 2022 "
            "pilot to 2023 citywide) are used; without --beats, Durham's 2022 beat map. The CSV needs a "
            "header; columns are recognised by their usual names (time, timestamp, datetime or date and "
            "time; call_type, nature, incident_type; beat; latitude/longitude, lat/lon/lng, y/x; flags; "
            "risk; id) and the summary says which were used. Map others with --columns "
            "time=CallTime,type=Nature,lat=Y,lon=X. A file with neither a beat nor coordinates is refused "
            "unless --no-locations is given. A malformed row is reported on stderr with its line number "
            "and counted; a call dated before the earliest rule set is counted as \"no rule set in "
            "force\" (give one with --rules).\n"
            "Exit status: 0 when at least one call was decided; 1 when none could be (every row "
            "malformed or before the rule sets; the summary is printed all the same) or a file cannot "
            "be read or is wrong; 2 for a wrong command line.\n"
            "Every input format (columns, times, flags, risk values, call-type maps, rule-set JSON, "
            "beat files), with examples: docs/replay.md."));
    commandLine.addOption(
        {kRules, QStringLiteral("A rule set file (repeat for several eras)."), QStringLiteral("file")});
    commandLine.addOption({kCalls, QStringLiteral("The call history (CSV)."), QStringLiteral("file")});
    commandLine.addOption({kBeats, QStringLiteral("Beat polygons (GeoJSON)."), QStringLiteral("file")});
    commandLine.addOption({kBeatId,
                           QStringLiteral("The GeoJSON property holding the beat id (default beat)."),
                           QStringLiteral("property"), QStringLiteral("beat")});
    commandLine.addOption(
        {kColumns,
         QStringLiteral("Column names, e.g. time=CallTime,type=Nature,lat=Y,lon=X (keys: id, "
                        "time, date, type, beat, lat, lon, flags, risk)."),
         QStringLiteral("map")});
    commandLine.addOption(
        {kNoLocations, QStringLiteral("Replay a file without a beat or coordinates column (every call's "
                                      "location is then unknown).")});
    commandLine.addOption({kCallTypes,
                           QStringLiteral("CSV of other call-type spellings: spelling,call_type."),
                           QStringLiteral("file")});
    commandLine.addOption({kFormat, QStringLiteral("Output as text (default), csv or json."),
                           QStringLiteral("format"), QStringLiteral("text")});
    commandLine.addOption({kPerCall,
                           QStringLiteral("Also write every call's decision to this file: CSV, or JSON lines "
                                          "when the name ends in .jsonl."),
                           QStringLiteral("file")});
    commandLine.addOption(
        {kErrors, QStringLiteral("Also write every malformed row to this file."), QStringLiteral("file")});
    if (auto stop = commandLine.parse())
        return *stop;
    const QString format = commandLine.value(kFormat);
    if (format != QLatin1String("text") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return commandLine.usageError(QStringLiteral("--format is text, csv or json, not '%1'").arg(format));
    const QString callsPath = commandLine.value(kCalls);
    if (callsPath.isEmpty())
        return commandLine.usageError(QStringLiteral("--calls FILE.csv is required"));

    RuleBook book;
    const QStringList rulePaths = commandLine.values(kRules);
    if (rulePaths.isEmpty()) {
        auto builtIn = store::builtInRuleBook();
        if (!builtIn)
            return dataError(builtIn.error());
        book = std::move(builtIn).value();
    }
    for (const QString& path : rulePaths) {
        auto set = store::loadRuleSet(path);
        if (!set)
            return dataError(set.error());
        const auto added = book.add(std::move(set).value());
        if (!added)
            return dataError(DataError{path.toStdString(), {}, added.error().code, added.error().detail});
    }

    auto beats = commandLine.isSet(kBeats)
                     ? store::loadBeatMap(commandLine.value(kBeats), commandLine.value(kBeatId))
                     : store::builtInBeatMap();
    if (!beats) {
        DataError error = beats.error();
        if (error.code == "missing-id")
            error.message += "; name the property that holds the beat id with --beat-id PROPERTY";
        return dataError(error);
    }

    ReplayOptions options;
    options.withoutLocations = commandLine.isSet(kNoLocations);
    if (commandLine.isSet(kColumns)) {
        auto layout = parseColumnMapping(commandLine.value(kColumns).toStdString());
        if (!layout)
            return dataError(layout.error());
        options.layout = layout.value();
    }
    std::optional<CallTypeMap> typeMap;
    if (commandLine.isSet(kCallTypes)) {
        QFile file(commandLine.value(kCallTypes));
        if (!file.open(QIODevice::ReadOnly))
            return dataError(DataError{
                file.fileName().toStdString(), {}, "cannot-read", file.errorString().toStdString()});
        const QByteArray bytes = file.readAll();
        auto parsed = CallTypeMap::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                         file.fileName().toStdString());
        if (!parsed)
            return dataError(parsed.error());
        typeMap = std::move(parsed).value();
        options.callTypeMap = &*typeMap;
    }

    QFile calls(callsPath);
    if (!calls.open(QIODevice::ReadOnly))
        return dataError(
            DataError{callsPath.toStdString(), {}, "cannot-read", calls.errorString().toStdString()});
    const QByteArray csv = calls.readAll();

    std::unique_ptr<QFile> errorsFile;
    if (commandLine.isSet(kErrors)) {
        errorsFile = std::make_unique<QFile>(commandLine.value(kErrors));
        // Owner-only: the lines quote the calls file.
        if (!errorsFile->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text) ||
            !store::files::restrictToOwner(*errorsFile))
            return dataError(DataError{errorsFile->fileName().toStdString(),
                                       {},
                                       "cannot-write",
                                       errorsFile->errorString().toStdString()});
    }
    // Malformed rows: every one to --errors, the first 100 to stderr.
    constexpr std::size_t kShownErrors = 100;
    std::size_t shown = 0;
    options.onError = [&](const ReplayRowError& error) {
        const QString line =
            QStringLiteral("%1: line %2: %3").arg(callsPath).arg(error.line).arg(fromStd(error.message));
        if (errorsFile)
            errorsFile->write(line.toUtf8() + '\n');
        if (shown++ < kShownErrors)
            printError(line);
    };
    // Progress for files over 4 MB: a line every 10% (or a live line on a terminal).
    const bool tty = isatty(fileno(stderr));
    int lastTenth = -1;
    QElapsedTimer timer;
    timer.start();
    if (csv.size() > 4 * 1024 * 1024) {
        options.progress = [&](std::size_t done, std::size_t total) {
            const int tenth = int(10 * done / std::max<std::size_t>(total, 1));
            if (tty) {
                std::fprintf(stderr, "\rreplay: %3d%% of %s",
                             int(100 * done / std::max<std::size_t>(total, 1)),
                             QFileInfo(callsPath).fileName().toLocal8Bit().constData());
                if (done == total)
                    std::fputc('\n', stderr);
            } else if (tenth != lastTenth) {
                std::fprintf(stderr, "replay: %d%% (%.1f s)\n", tenth * 10, double(timer.elapsed()) / 1000.0);
            }
            lastTenth = tenth;
        };
    }

    const Router router(std::move(book), beats.value());

    // Every call's decision, written whole or not at all (QSaveFile).
    std::unique_ptr<QSaveFile> perCallFile;
    std::optional<ReplayCallWriter> perCallWriter;
    std::string perCallBuffer;
    bool perCallFailed = false;
    const auto flushPerCall = [&] {
        if (!perCallFailed && perCallFile->write(perCallBuffer.data(), qint64(perCallBuffer.size())) !=
                                  qint64(perCallBuffer.size()))
            perCallFailed = true;
        perCallBuffer.clear();
    };
    if (commandLine.isSet(kPerCall)) {
        const QString path = commandLine.value(kPerCall);
        perCallFile = std::make_unique<QSaveFile>(path);
        if (!perCallFile->open(QIODevice::WriteOnly) || !store::files::restrictToOwner(*perCallFile))
            return dataError(
                DataError{path.toStdString(), {}, "cannot-write", perCallFile->errorString().toStdString()});
        perCallWriter.emplace(path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
                                  ? ReplayCallFormat::JsonLines
                                  : ReplayCallFormat::Csv,
                              router.rules());
        perCallWriter->appendHeader(perCallBuffer);
        options.onCall = [&](const ReplayCall& call) {
            perCallWriter->append(perCallBuffer, call);
            if (perCallBuffer.size() > (1u << 20))
                flushPerCall();
        };
    }

    auto summary = replayCsv(std::string_view(csv.constData(), std::size_t(csv.size())),
                             callsPath.toStdString(), router, options);
    if (!summary)
        return dataError(summary.error());
    if (perCallFile) {
        flushPerCall();
        if (perCallFailed || !perCallFile->commit())
            return dataError(DataError{perCallFile->fileName().toStdString(),
                                       {},
                                       "cannot-write",
                                       perCallFile->errorString().toStdString()});
    }
    if (shown > kShownErrors)
        printError(QStringLiteral("%1: %2 more malformed rows not shown%3")
                       .arg(callsPath)
                       .arg(shown - kShownErrors)
                       .arg(errorsFile ? QStringLiteral(" (all are in %1)").arg(errorsFile->fileName())
                                       : QStringLiteral(" (use --errors FILE to keep them all)")));
    const ReplaySummary& result = summary.value();
    if (result.noRuleSet > 0 && !router.rules().empty()) {
        const RuleSet& earliest = router.rules().ruleSets().front();
        printError(QStringLiteral("%1: %2 call(s) (%3 to %4) are dated before %5, when the earliest rule set "
                                  "(%6) takes effect: no rule set was in force for them, so they were "
                                  "not decided. To replay them, give a rule set in force then with --rules "
                                  "FILE.json (a copy of one with an earlier \"effectiveFrom\"; see "
                                  "docs/replay.md).")
                       .arg(callsPath)
                       .arg(result.noRuleSet)
                       .arg(dateText(result.noRuleSetFirst), dateText(result.noRuleSetLast),
                            dateText(earliest.effectiveFrom), fromStd(earliest.id)));
    }

    if (format == QLatin1String("json"))
        printJson(result, callsPath);
    else if (format == QLatin1String("csv"))
        printCsv(result);
    else
        printText(result, callsPath);
    if (result.decided == 0) {
        printError(QStringLiteral("%1: no call could be decided").arg(callsPath));
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace heart::cli
