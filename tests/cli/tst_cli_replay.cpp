// heartdesk-cli replay, run as a real process: the shipped rules and beat map,
// the three output formats, a user's own beat file with another id property,
// column mapping and call-type spellings, malformed rows on stderr with their
// line numbers (and all of them in --errors), and clear errors for bad files.
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("150 rows, 0 decided, 150 malformed")));
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

        r = m_cli->run({QStringLiteral("replay")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--calls FILE.csv is required")));
        r = m_cli->run({QStringLiteral("replay"), QStringLiteral("--calls"), calls,
                        QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.exitCode, 2);
    }
};

HEART_TEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
