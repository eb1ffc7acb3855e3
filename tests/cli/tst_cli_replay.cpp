// heartdesk-cli replay, run as a real process: the shipped rules and beat map,
// the three output formats, a user's own beat file with another id property,
// column mapping and call-type spellings, malformed rows on stderr with their
// line numbers (and all of them in --errors), and clear errors for bad files.
// For an analyst: columns recognised by their usual names (latitude and
// longitude find the beats without --columns), a file without any location
// refused unless --no-locations, the per-call file (CSV and JSON lines)
// summing to the summary, and calls before the earliest rule set counted as
// "no rule set in force" with a message that says what to do.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace heart::clitest;

namespace {

const char* const kCalls = "id,time,call_type,beat,lat,lon,flags\n"
                           "1,2024-05-15 10:05,Welfare Check,313,,,\n"
                           "2,2024-05-15 10:40,Suicide Threat,313,,,weapon\n"
                           "3,2024-05-18 02:10,Welfare Check,313,,,\n"
                           "4,2022-08-17 10:00,Welfare Check,999,,,\n"
                           "5,2024-02-30 10:00,Welfare Check,313,,,\n"
                           "6,2024-05-15 11:00,WELF CK,313,,,\n"
                           "7,2024-05-15 12:00,Welfare Check,,35.7796,-78.6382,\n";

// One record of a CSV written by the per-call output (quoted fields may hold commas and quotes).
QStringList csvRecord(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

// What the summary counts, summed from per-call rows.
struct Sums
{
    int rows = 0, decided = 0, malformed = 0, noRuleSet = 0;
    QMap<QString, int> eligible, recommended;
    QMap<QString, QMap<QString, int>> excluded;   // program -> reason code -> calls
    QMap<QString, QMap<QString, int>> hourOfWeek; // program -> "wed-10" -> eligible calls

    void add(const QString& status, const QString& localTime, const QString& program, bool eligibleHere,
             const QStringList& reasonCodes)
    {
        Q_UNUSED(status);
        if (eligibleHere) {
            ++eligible[program];
            const QDateTime local = QDateTime::fromString(localTime, QStringLiteral("yyyy-MM-dd HH:mm"));
            static const char* const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
            ++hourOfWeek[program][QStringLiteral("%1-%2")
                                      .arg(QLatin1String(days[local.date().dayOfWeek() - 1]))
                                      .arg(local.time().hour(), 2, 10, QLatin1Char('0'))];
        }
        const QSet<QString> once(reasonCodes.begin(), reasonCodes.end()); // a call counts once per code
        for (const QString& code : once)
            ++excluded[program][code];
    }
};

const char* const kPrograms[] = {"ccd", "crt", "cor", "cn", "police-ems"};

} // namespace

class TestCliReplay : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = std::make_unique<CliRunner>(m_dir.path());
        write(QStringLiteral("calls.csv"), kCalls);
    }

    void jsonWithTheShippedData()
    {
        const CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"),
                                        m_dir.filePath(QStringLiteral("calls.csv")),
                                        QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("rows")].toInt(), 7);
        QCOMPARE(json[QStringLiteral("decided")].toInt(), 6);
        QCOMPARE(json[QStringLiteral("malformed")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("errors")].toArray().first().toObject()[QStringLiteral("line")].toInt(),
                 6);
        QCOMPARE(json[QStringLiteral("unknownCallTypes")].toObject()[QStringLiteral("WELF CK")].toInt(), 1);
        const QJsonObject crt = json[QStringLiteral("programs")].toObject()[QStringLiteral("crt")].toObject();
        QCOMPARE(crt[QStringLiteral("eligible")].toInt(), 1); // row 1
        const QJsonObject excluded = crt[QStringLiteral("excluded")].toObject();
        QCOMPARE(excluded[QStringLiteral("outside-service-area")].toInt(), 1); // 999 in the pilot
        QCOMPARE(excluded[QStringLiteral("outside-every-beat")].toInt(), 1);   // Raleigh
        QCOMPARE(excluded[QStringLiteral("outside-hours")].toInt(), 1);
        QCOMPARE(crt[QStringLiteral("hourOfWeek")].toObject()[QStringLiteral("wed")].toArray()[10].toInt(),
                 1);
        // The malformed row is on stderr with its line number.
        QVERIFY2(r.err.contains(
                     QStringLiteral("calls.csv: line 6: time: \"2024-02-30 10:00\" is not a calendar date")),
                 qPrintable(r.err));
    }

    void textAndCsv()
    {
        const QString calls = m_dir.filePath(QStringLiteral("calls.csv"));
        const CliResult text = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY(text.out.contains(QStringLiteral("Replayed ")));
        QVERIFY(text.out.contains(
            QStringLiteral("Unknown call types (map them with --call-types): \"WELF CK\" (1)")));
        QVERIFY(text.out.contains(
            QStringLiteral("Eligible calls by hour of the week, Community Response Team:")));
        const CliResult csv = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                                          QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.describe()));
        QVERIFY(csv.out.startsWith(QStringLiteral("section,program,key,value\n")));
        QVERIFY(csv.out.contains(QStringLiteral("\neligible,crt,,1\n")));
        QVERIFY(csv.out.contains(QStringLiteral("\nhour,crt,wed-10,1\n")));
        QVERIFY(csv.out.contains(QStringLiteral("\nexcluded,crt,outside-hours,1\n")));
        QVERIFY(csv.out.contains(QStringLiteral(
                    "\nerror,,line 6,time: \"\"2024-02-30 10:00\"\" is not a calendar date\n")) ||
                csv.out.contains(QStringLiteral(
                    "\nerror,,line 6,\"time: \"\"2024-02-30 10:00\"\" is not a calendar date\"\n")));
    }

    void ownLayoutBeatsAndSpellings()
    {
        // Another center's export: other headers, US dates, a beat file keyed by "zone".
        const QString calls =
            write(QStringLiteral("other.csv"), "Incident,CallTime,Nature,Y,X\n"
                                               "A1,05/15/2024 10:05 AM,WELF CK,0.5,0.5\n"
                                               "A2,05/15/2024 10:10 AM,Welfare Check,5,5\n");
        const QString beats =
            write(QStringLiteral("zones.geojson"), R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"zone": "Z1"},
             "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})");
        const QString rules = write(QStringLiteral("rules.json"),
                                    R"({"format": "heartdesk-rules/1", "id": "town", "name": "Town",
            "effectiveFrom": "2024-01-01", "timeZone": "CST6CDT,M3.2.0,M11.1.0",
            "callTypes": [{"code": "welfare-check", "name": "Welfare Check"}],
            "programs": {"crt": {"callTypes": "all", "serviceArea": {"beats": ["Z1"]}, "hours": "always"}}})");
        const QString types = write(QStringLiteral("types.csv"), "WELF CK,welfare-check\n");
        const CliResult r = m_cli->run(
            {QStringLiteral("replay"), QStringLiteral("--calls"), calls, QStringLiteral("--rules"), rules,
             QStringLiteral("--beats"), beats, QStringLiteral("--beat-id"), QStringLiteral("zone"),
             QStringLiteral("--columns"), QStringLiteral("id=Incident,time=CallTime,type=Nature,lat=Y,lon=X"),
             QStringLiteral("--call-types"), types, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject crt = json[QStringLiteral("programs")].toObject()[QStringLiteral("crt")].toObject();
        QCOMPARE(crt[QStringLiteral("eligible")].toInt(), 1);
        QCOMPARE(crt[QStringLiteral("excluded")].toObject()[QStringLiteral("outside-every-beat")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("ruleSets")].toObject()[QStringLiteral("town")].toInt(), 2);
    }

    void everyMalformedRowKept()
    {
        QByteArray csv = "time,call_type,beat\n";
        for (int i = 0; i < 150; ++i)
            csv += "not a time,Welfare Check,313\n";
        const QString calls = write(QStringLiteral("bad.csv"), csv);
        const QString errors = m_dir.filePath(QStringLiteral("errors.txt"));
        const CliResult r = m_cli->run(
            {QStringLiteral("replay"), QStringLiteral("--calls"), calls, QStringLiteral("--errors"), errors});
        // Nothing could be decided: the summary is printed, and the exit status says so.
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("150 rows, 0 decided, 150 malformed")));
        QVERIFY(r.err.contains(QStringLiteral("no call could be decided")));
        QVERIFY(r.err.contains(QStringLiteral("line 101:")));
        QVERIFY(!r.err.contains(QStringLiteral("line 102:")));
        QVERIFY(r.err.contains(QStringLiteral("50 more malformed rows not shown (all are in")));
        QFile file(errors);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 150);
        QVERIFY(lines.last().contains("line 151: time: \"not a time\""));
    }

    void progressForLargeFiles()
    {
        // Over 4 MB: a progress line every 10% on stderr (not a terminal here).
        QByteArray csv = "time,call_type,beat\n";
        while (csv.size() < 5 * 1024 * 1024)
            csv += "2024-05-15 10:05,Welfare Check,313\n";
        const QString calls = write(QStringLiteral("large.csv"), csv);
        const CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                                        QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("replay: 50%")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("replay: 100%")));
        QVERIFY(!r.out.contains(QStringLiteral("replay:"))); // stdout stays machine-readable
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("malformed")].toInt(), 0);
    }

    void badFiles()
    {
        const QString calls = m_dir.filePath(QStringLiteral("calls.csv"));
        const QString broken =
            write(QStringLiteral("broken.json"), R"({"format": "heartdesk-rules/1", "id": "x", "name": "x",
            "effectiveFrom": "2024-01-01", "timeZone": "EST5EDT,M3.2.0,M11.1.0",
            "callTypes": [{"code": "a", "name": "A"}],
            "programs": {"crt": {"callTypes": "all", "serviceArea": "anywhere", "hours": {"mon": ["09:00-25:00"]}}}})");
        CliResult r = m_cli->run(
            {QStringLiteral("replay"), QStringLiteral("--calls"), calls, QStringLiteral("--rules"), broken});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     QStringLiteral("broken.json: programs.crt.hours.mon[0]: expected \"HH:MM-HH:MM\"")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        const QString badBeats =
            write(QStringLiteral("bad.geojson"), R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"beat": 1}, "geometry": {"type": "Point", "coordinates": [0, 0]}}]})");
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls, QStringLiteral("--beats"),
                        badBeats});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("bad.geojson: features[0].geometry")), qPrintable(r.err));

        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"),
                        m_dir.filePath(QStringLiteral("missing.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("missing.csv")));

        const QString noType = write(QStringLiteral("notype.csv"), "id,time\n1,2024-05-15 10:00\n");
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), noType});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("notype.csv: line 1: no column \"call_type\"")),
                 qPrintable(r.err));

        // A beat file without the default id property: the message says how to name it.
        const QString zones =
            write(QStringLiteral("zones-only.geojson"), R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"zone": "Z1"},
             "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})");
        r = m_cli->run(
            {QStringLiteral("replay"), QStringLiteral("--calls"), calls, QStringLiteral("--beats"), zones});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("zones-only.geojson")) &&
                     r.err.contains(QStringLiteral("--beat-id PROPERTY")),
                 qPrintable(r.err));

        r = m_cli->run({QStringLiteral("replay")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--calls FILE.csv is required")));
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                        QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.exitCode, 2);
    }

    void helpPointsToTheFormats()
    {
        const CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("docs/replay.md")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--per-call")));
        QVERIFY(r.out.contains(QStringLiteral("--no-locations")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
    }

    void usualColumnNamesRecognised()
    {
        // A city's open-data export: latitude/longitude, a timestamp, the nature of the call.
        const QString calls = write(QStringLiteral("opendata.csv"),
                                    "incident_number,Timestamp,Nature,Latitude,Longitude,Priority\n"
                                    "A1,2024-05-15 10:05,Welfare Check,35.7796,-78.6382,2\n"
                                    "A2,2024-05-15 10:10,Welfare Check,35.9940,-78.8986,2\n"
                                    "A3,2024-05-15 10:15,Welfare Check,35.9940,-78.8986,2\n");
        CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("beatsFromCoordinates")].toInt(),
                 2); // downtown Durham twice, Raleigh not
        const QJsonObject crt = json[QStringLiteral("programs")].toObject()[QStringLiteral("crt")].toObject();
        QCOMPARE(crt[QStringLiteral("eligible")].toInt(), 2);
        QCOMPARE(crt[QStringLiteral("excluded")].toObject()[QStringLiteral("outside-every-beat")].toInt(), 1);
        QVERIFY(!crt[QStringLiteral("excluded")].toObject().contains(QStringLiteral("location-unknown")));
        const QJsonObject columns = json[QStringLiteral("columns")].toObject();
        QCOMPARE(columns[QStringLiteral("lat")].toString(), QStringLiteral("Latitude"));
        QCOMPARE(columns[QStringLiteral("lon")].toString(), QStringLiteral("Longitude"));
        QCOMPARE(columns[QStringLiteral("time")].toString(), QStringLiteral("Timestamp"));
        QCOMPARE(columns[QStringLiteral("type")].toString(), QStringLiteral("Nature"));
        QCOMPARE(columns[QStringLiteral("id")].toString(), QStringLiteral("incident_number"));
        QCOMPARE(json[QStringLiteral("unusedColumns")].toArray().first().toString(),
                 QStringLiteral("Priority"));

        // The text summary says which column was read for what.
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(
            r.out.contains(QStringLiteral("Columns: id = incident_number, time = Timestamp, type = Nature, "
                                          "lat = Latitude, lon = Longitude; not used: Priority.")),
            qPrintable(r.out));

        // A date column and a time-of-day column, lat/lng.
        const QString split =
            write(QStringLiteral("split.csv"), "date,time,incident_type,lat,lng\n"
                                               "2024-05-15,10:05,Welfare Check,35.9940,-78.8986\n"
                                               "05/18/2024,2:10 AM,Welfare Check,35.9940,-78.8986\n");
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), split,
                        QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject splitJson = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(splitJson[QStringLiteral("decided")].toInt(), 2);
        const QJsonObject splitCrt =
            splitJson[QStringLiteral("programs")].toObject()[QStringLiteral("crt")].toObject();
        QCOMPARE(splitCrt[QStringLiteral("eligible")].toInt(), 1);
        QCOMPARE(splitCrt[QStringLiteral("excluded")].toObject()[QStringLiteral("outside-hours")].toInt(), 1);
    }

    void noLocationColumnRefused()
    {
        const QString calls =
            write(QStringLiteral("nolocation.csv"), "id,time,call_type,address\n"
                                                    "1,2024-05-15 10:05,Welfare Check,Main St\n");
        CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("nolocation.csv: line 1: no location column (found: id, time, "
                                               "call_type, address)")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--columns lat=HEADER,lon=HEADER")));
        QVERIFY(r.err.contains(QStringLiteral("--no-locations")));

        // Asked for: every call's location is unknown, and the summary says so per reason.
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                        QStringLiteral("--no-locations"), QStringLiteral("--format"),
                        QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject crt = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()[QStringLiteral("programs")]
                                    .toObject()[QStringLiteral("crt")]
                                    .toObject();
        QCOMPARE(crt[QStringLiteral("excluded")].toObject()[QStringLiteral("location-unknown")].toInt(), 1);
    }

    void noRuleSetInForceCountedApart()
    {
        // 2018 history with the shipped rules (the earliest takes effect 2022-06-27).
        const QString old = write(QStringLiteral("history-2018.csv"), "time,call_type,beat\n"
                                                                      "2018-03-01 10:00,Welfare Check,313\n"
                                                                      "2018-11-30 22:00,Welfare Check,313\n");
        CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), old,
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1); // nothing could be decided
        QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("noRuleSet")].toInt(), 2);
        QCOMPARE(json[QStringLiteral("malformed")].toInt(), 0);
        QCOMPARE(json[QStringLiteral("decided")].toInt(), 0);
        QCOMPARE(json[QStringLiteral("noRuleSetFrom")].toString(), QStringLiteral("2018-03-01"));
        QVERIFY2(
            r.err.contains(QStringLiteral("2 call(s) (2018-03-01 to 2018-11-30) are dated before 2022-06-27, "
                                          "when the earliest rule set (durham-2022-06-27-pilot) takes "
                                          "effect")),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--rules FILE.json")));
        QVERIFY(!r.err.contains(QStringLiteral("line 2:"))); // not listed as malformed rows

        // Given a rule set in force then, they are decided.
        const QString rules =
            write(QStringLiteral("rules-2018.json"),
                  R"({"format": "heartdesk-rules/1", "id": "durham-2018-copy", "name": "2018",
            "effectiveFrom": "2018-01-01", "timeZone": "EST5EDT,M3.2.0,M11.1.0",
            "callTypes": [{"code": "welfare-check", "name": "Welfare Check"}],
            "programs": {"ccd": {"callTypes": "all", "serviceArea": "anywhere", "hours": "always"}}})");
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), old, QStringLiteral("--rules"),
                        rules, QStringLiteral("--no-locations"), QStringLiteral("--format"),
                        QStringLiteral("text")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(
            r.out.contains(QStringLiteral("2 rows, 2 decided, 0 malformed, 0 with no rule set in force")),
            qPrintable(r.out));
    }

    void perCallFileSumsToTheSummary_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << QStringLiteral("per-call.csv");
        QTest::newRow("json lines") << QStringLiteral("per-call.jsonl");
    }

    void perCallFileSumsToTheSummary()
    {
        QFETCH(QString, name);
        // The fixture's calls, one before the rule sets and one imminent risk.
        const QString calls =
            write(QStringLiteral("mixed.csv"),
                  QByteArray(kCalls) + "8,2019-01-01 10:00,Welfare Check,313,,,\n"
                                       "9,2024-05-16 11:00,Suicide Threat,313,,,\n"
                                       "10,2024-05-19 01:30,\"Welfare Check\",,36.5,-79.5,medical;minors\n");
        const QString perCall = m_dir.filePath(name);
        const CliResult r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                                        QStringLiteral("--per-call"), perCall, QStringLiteral("--format"),
                                        QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();

        QFile file(perCall);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        Sums sums;
        QStringList ids;
        if (name.endsWith(QLatin1String(".csv"))) {
            const QStringList header = csvRecord(lines.first());
            QCOMPARE(header.first(), QStringLiteral("line"));
            for (const QString& line : lines.mid(1)) {
                const QStringList f = csvRecord(line);
                QCOMPARE(f.size(), header.size());
                const auto col = [&](const char* key) {
                    return f[header.indexOf(QLatin1String(key))];
                };
                ++sums.rows;
                ids << col("id");
                const QString status = col("status");
                if (status == QLatin1String("malformed")) {
                    ++sums.malformed;
                    QVERIFY(!col("message").isEmpty());
                    continue;
                }
                if (status == QLatin1String("no-rule-set")) {
                    ++sums.noRuleSet;
                    continue;
                }
                QCOMPARE(status, QStringLiteral("decided"));
                ++sums.decided;
                QVERIFY(!col("rule_set").isEmpty());
                for (const char* program : kPrograms) {
                    const QString verdict = f[header.indexOf(QLatin1String(program))];
                    QStringList codes;
                    const QString reasons =
                        f[header.indexOf(QLatin1String(program) + QStringLiteral("_reasons"))];
                    for (const QString& reason : reasons.split(QStringLiteral("; "), Qt::SkipEmptyParts))
                        codes << reason.section(u' ', 0, 0);
                    QCOMPARE(verdict == QLatin1String("eligible"), codes.isEmpty());
                    sums.add(status, col("local_time"), QLatin1String(program),
                             verdict == QLatin1String("eligible"), codes);
                }
                for (const QString& program : col("recommended").split(u';', Qt::SkipEmptyParts))
                    ++sums.recommended[program];
            }
        } else {
            for (const QString& line : lines) {
                QJsonParseError error;
                const QJsonObject row = QJsonDocument::fromJson(line.toUtf8(), &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
                ++sums.rows;
                ids << row[QStringLiteral("id")].toString();
                const QString status = row[QStringLiteral("status")].toString();
                if (status == QLatin1String("malformed")) {
                    ++sums.malformed;
                    continue;
                }
                if (status == QLatin1String("no-rule-set")) {
                    ++sums.noRuleSet;
                    continue;
                }
                ++sums.decided;
                const QJsonObject programs = row[QStringLiteral("programs")].toObject();
                for (const char* program : kPrograms) {
                    const QJsonObject verdict = programs[QLatin1String(program)].toObject();
                    QStringList codes;
                    for (const QJsonValue reason : verdict[QStringLiteral("reasons")].toArray())
                        codes << reason.toObject()[QStringLiteral("code")].toString();
                    sums.add(status, row[QStringLiteral("localTime")].toString(), QLatin1String(program),
                             verdict[QStringLiteral("eligible")].toBool(), codes);
                }
                for (const QJsonValue program : row[QStringLiteral("recommended")].toArray())
                    ++sums.recommended[program.toString()];
            }
        }
        // One row per call, in file order, with its id.
        QCOMPARE(ids, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                   QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"),
                                   QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"),
                                   QStringLiteral("10")}));
        QCOMPARE(sums.rows, json[QStringLiteral("rows")].toInt());
        QCOMPARE(sums.decided, json[QStringLiteral("decided")].toInt());
        QCOMPARE(sums.malformed, json[QStringLiteral("malformed")].toInt());
        QCOMPARE(sums.noRuleSet, json[QStringLiteral("noRuleSet")].toInt());
        QCOMPARE(sums.noRuleSet, 1);
        QCOMPARE(sums.malformed, 1);
        int excludedSeen = 0;
        for (const char* program : kPrograms) {
            const QJsonObject p =
                json[QStringLiteral("programs")].toObject()[QLatin1String(program)].toObject();
            QCOMPARE(sums.eligible.value(QLatin1String(program)), p[QStringLiteral("eligible")].toInt());
            QCOMPARE(sums.recommended.value(QLatin1String(program)),
                     p[QStringLiteral("recommended")].toInt());
            const QJsonObject excluded = p[QStringLiteral("excluded")].toObject();
            QCOMPARE(sums.excluded.value(QLatin1String(program)).size(), excluded.size());
            for (auto it = excluded.begin(); it != excluded.end(); ++it) {
                QCOMPARE(sums.excluded[QLatin1String(program)].value(it.key()), it.value().toInt());
                ++excludedSeen;
            }
            const QJsonObject hours = p[QStringLiteral("hourOfWeek")].toObject();
            int hourTotal = 0;
            for (auto day = hours.begin(); day != hours.end(); ++day) {
                const QJsonArray counts = day.value().toArray();
                for (int hour = 0; hour < 24; ++hour) {
                    const QString key =
                        QStringLiteral("%1-%2").arg(day.key()).arg(hour, 2, 10, QLatin1Char('0'));
                    QCOMPARE(sums.hourOfWeek[QLatin1String(program)].value(key), counts[hour].toInt());
                    hourTotal += counts[hour].toInt();
                }
            }
            QCOMPARE(hourTotal, sums.eligible.value(QLatin1String(program)));
        }
        QVERIFY(excludedSeen >= 6); // the fixture exercises several reasons
    }
};

HEART_TEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
