// Program-local time without a time zone database: POSIX rules for New
// York and other zones (southern hemisphere, negative and beyond-24-hour
// change times, no DST), the spring-forward gap and the fall-back overlap
// resolved as TimeZoneRule.h says, round trips every 15 minutes of a year,
// and parse errors that name the position at fault.
#include "core/roster/TimeZoneRule.h"

#include <QTest>

using namespace heart;
using namespace heart::roster;
using namespace std::chrono;

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int hour, int minute = 0)
{
    return sys_days{year_month_day{year{y}, month{m}, day{d}}} + hours{hour} + minutes{minute};
}

LocalDateTime local(int y, unsigned m, unsigned d, int hour, int minute = 0)
{
    return {year_month_day{year{y}, month{m}, day{d}}, hour * 60 + minute};
}

qint64 epochMinutes(TimePoint t)
{
    return duration_cast<minutes>(t.time_since_epoch()).count();
}

TimeZoneRule zone(const QString& text)
{
    const auto parsed = TimeZoneRule::parse(text.toStdString());
    if (!parsed.ok())
        qFatal("bad zone in test data: %s", qPrintable(text));
    return parsed.value();
}

} // namespace

class TestTimeZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsets_data();
    void offsets();
    void gapAndOverlap_data();
    void gapAndOverlap();
    void roundTripAllYear_data();
    void roundTripAllYear();
    void parses_data();
    void parses();
    void parseErrors_data();
    void parseErrors();
};

void TestTimeZone::offsets_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<qint64>("at"); // UTC, minutes since the epoch
    QTest::addColumn<int>("offset");
    QTest::addColumn<bool>("dst");
    const QString ny = QStringLiteral("EST5EDT,M3.2.0,M11.1.0");
    auto row = [](const char* name, const QString& rule, TimePoint at, int offset, bool dst) {
        QTest::newRow(name) << rule << epochMinutes(at) << offset << dst;
    };
    row("NY January", ny, utc(2026, 1, 15, 12), -300, false);
    row("NY July", ny, utc(2026, 7, 15, 12), -240, true);
    // 2026-03-08 02:00 EST = 07:00 UTC; 2026-11-01 02:00 EDT = 06:00 UTC.
    row("NY before spring forward", ny, utc(2026, 3, 8, 6, 59), -300, false);
    row("NY at spring forward", ny, utc(2026, 3, 8, 7, 0), -240, true);
    row("NY before fall back", ny, utc(2026, 11, 1, 5, 59), -240, true);
    row("NY at fall back", ny, utc(2026, 11, 1, 6, 0), -300, false);
    row("NY new year", ny, utc(2027, 1, 1, 0), -300, false);
    const QString berlin = QStringLiteral("CET-1CEST,M3.5.0,M10.5.0/3");
    row("Berlin January", berlin, utc(2026, 1, 1, 0), 60, false);
    row("Berlin July", berlin, utc(2026, 7, 1, 0), 120, true);
    // Last Sunday of March (29th) 02:00 CET = 01:00 UTC; of October (25th) 03:00 CEST = 01:00 UTC.
    row("Berlin before spring", berlin, utc(2026, 3, 29, 0, 59), 60, false);
    row("Berlin at spring", berlin, utc(2026, 3, 29, 1, 0), 120, true);
    row("Berlin before autumn", berlin, utc(2026, 10, 25, 0, 59), 120, true);
    row("Berlin at autumn", berlin, utc(2026, 10, 25, 1, 0), 60, false);
    // Southern hemisphere: DST across the new year.
    const QString sydney = QStringLiteral("AEST-10AEDT,M10.1.0,M4.1.0/3");
    row("Sydney January", sydney, utc(2026, 1, 15, 0), 660, true);
    row("Sydney July", sydney, utc(2026, 7, 15, 0), 600, false);
    // First Sunday of April (5th) 03:00 AEDT = 16:00 UTC on the 4th; of October (4th) 02:00 AEST = 16:00 UTC
    // on the 3rd.
    row("Sydney before April", sydney, utc(2026, 4, 4, 15, 59), 660, true);
    row("Sydney at April", sydney, utc(2026, 4, 4, 16, 0), 600, false);
    row("Sydney before October", sydney, utc(2026, 10, 3, 15, 59), 600, false);
    row("Sydney at October", sydney, utc(2026, 10, 3, 16, 0), 660, true);
    row("Sydney December", sydney, utc(2026, 12, 31, 23), 660, true);
    // A negative change time (America/Nuuk since 2023): -01:00 on the last
    // Sunday of March, i.e. Saturday 23:00 local = 01:00 UTC on Sunday.
    const QString nuuk = QStringLiteral("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    row("Nuuk before", nuuk, utc(2026, 3, 29, 0, 59), -120, false);
    row("Nuuk at", nuuk, utc(2026, 3, 29, 1, 0), -60, true);
    row("Nuuk back", nuuk, utc(2026, 10, 25, 1, 0), -120, false);
    // Beyond 24 hours (Asia/Jerusalem): Thursday of the 4th week at 26:00 =
    // Friday 27 March 02:00 IST = 00:00 UTC.
    const QString jerusalem = QStringLiteral("IST-2IDT,M3.4.4/26,M10.5.0");
    row("Jerusalem before", jerusalem, utc(2026, 3, 26, 23, 59), 120, false);
    row("Jerusalem at", jerusalem, utc(2026, 3, 27, 0, 0), 180, true);
    row("Jerusalem autumn", jerusalem, utc(2026, 10, 24, 23, 0), 120, false);
    // No DST at all.
    row("UTC", QStringLiteral("UTC0"), utc(2026, 7, 1, 0), 0, false);
    row("quoted", QStringLiteral("<-03>3"), utc(2026, 7, 1, 0), -180, false);
    row("half hour", QStringLiteral("<+0530>-5:30"), utc(2026, 7, 1, 0), 330, false);
}

void TestTimeZone::offsets()
{
    QFETCH(QString, rule);
    QFETCH(qint64, at);
    QFETCH(int, offset);
    QFETCH(bool, dst);
    const TimeZoneRule z = zone(rule);
    const TimePoint t{minutes{at}};
    QCOMPARE(z.offsetMinutesAt(t), offset);
    QCOMPARE(z.isDst(t), dst);
    const LocalDateTime l = z.toLocal(t);
    QCOMPARE(epochMinutes(sys_days{l.date} + minutes{l.minuteOfDay}), at + offset);
}

void TestTimeZone::gapAndOverlap_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<qint64>("wall"); // local wall time as minutes since the epoch
    QTest::addColumn<qint64>("expected");
    auto row = [](const char* name, const QString& rule, const LocalDateTime& l, TimePoint expected) {
        QTest::newRow(name) << rule << epochMinutes(sys_days{l.date} + minutes{l.minuteOfDay})
                            << epochMinutes(expected);
    };
    const QString ny = QStringLiteral("EST5EDT,M3.2.0,M11.1.0");
    // 02:30 does not exist on 2026-03-08: as if the clock had not jumped, 03:30 EDT.
    row("NY gap", ny, local(2026, 3, 8, 2, 30), utc(2026, 3, 8, 7, 30));
    row("NY before gap", ny, local(2026, 3, 8, 1, 59), utc(2026, 3, 8, 6, 59));
    row("NY after gap", ny, local(2026, 3, 8, 3, 0), utc(2026, 3, 8, 7, 0));
    // 01:30 happens twice on 2026-11-01: the earlier, EDT instant.
    row("NY overlap", ny, local(2026, 11, 1, 1, 30), utc(2026, 11, 1, 5, 30));
    row("NY after overlap", ny, local(2026, 11, 1, 2, 0), utc(2026, 11, 1, 7, 0));
    const QString sydney = QStringLiteral("AEST-10AEDT,M10.1.0,M4.1.0/3");
    row("Sydney gap", sydney, local(2026, 10, 4, 2, 30), utc(2026, 10, 3, 16, 30));
    row("Sydney overlap", sydney, local(2026, 4, 5, 2, 30), utc(2026, 4, 4, 15, 30));
}

void TestTimeZone::gapAndOverlap()
{
    QFETCH(QString, rule);
    QFETCH(qint64, wall);
    QFETCH(qint64, expected);
    const sys_days day = floor<days>(sys_time<minutes>{minutes{wall}});
    const LocalDateTime l{year_month_day{day}, static_cast<int>(wall - epochMinutes(day))};
    QCOMPARE(epochMinutes(zone(rule).toUtc(l)), expected);
}

void TestTimeZone::roundTripAllYear_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("ambiguous"); // 15-minute instants in the repeated hour (second pass)
    QTest::newRow("New York") << QStringLiteral("EST5EDT,M3.2.0,M11.1.0") << 4;
    QTest::newRow("Berlin") << QStringLiteral("CET-1CEST,M3.5.0,M10.5.0/3") << 4;
    QTest::newRow("Sydney") << QStringLiteral("AEST-10AEDT,M10.1.0,M4.1.0/3") << 4;
    QTest::newRow("Nuuk") << QStringLiteral("<-02>2<-01>,M3.5.0/-1,M10.5.0/0") << 4;
    QTest::newRow("UTC") << QStringLiteral("UTC0") << 0;
}

void TestTimeZone::roundTripAllYear()
{
    QFETCH(QString, rule);
    QFETCH(int, ambiguous);
    const TimeZoneRule z = zone(rule);
    int secondPass = 0;
    for (TimePoint t = utc(2026, 1, 1, 0); t < utc(2027, 1, 1, 0); t += minutes{15}) {
        const LocalDateTime l = z.toLocal(t);
        QVERIFY(l.minuteOfDay >= 0 && l.minuteOfDay < 1440);
        const TimePoint back = z.toUtc(l);
        if (back != t) {
            // Only the second pass through the repeated hour maps to the first.
            ++secondPass;
            QVERIFY(back == t - hours{1});
            QCOMPARE(z.toLocal(back).minuteOfDay, l.minuteOfDay);
        }
    }
    QCOMPARE(secondPass, ambiguous);
    // And from the wall clock side: only times in the gap move (one hour forward).
    int moved = 0;
    for (sys_days d = sys_days{year{2026} / 1 / 1}; d < sys_days{year{2027} / 1 / 1}; d += days{1}) {
        for (int m = 0; m < 1440; m += 15) {
            const LocalDateTime l{year_month_day{d}, m};
            const LocalDateTime again = z.toLocal(z.toUtc(l));
            if (!(again.date == l.date) || again.minuteOfDay != m) {
                ++moved;
                QCOMPARE(epochMinutes(sys_days{again.date} + minutes{again.minuteOfDay}),
                         epochMinutes(sys_days{l.date} + minutes{m}) + 60);
            }
        }
    }
    QCOMPARE(moved, ambiguous);
}

void TestTimeZone::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<int>("offset");
    const qint64 july = epochMinutes(utc(2026, 7, 1, 12));
    QTest::newRow("default rules are the US ones") << QStringLiteral("EST5EDT") << july << -240;
    QTest::newRow("explicit DST offset")
        << QStringLiteral("EST5EDT4,M3.2.0/2:00:00,M11.1.0/2:00:00") << july << -240;
    QTest::newRow("plus sign") << QStringLiteral("<+00>+0") << july << 0;
    QTest::newRow("half-hour DST") << QStringLiteral("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0") << july << 630;
}

void TestTimeZone::parses()
{
    QFETCH(QString, text);
    QFETCH(qint64, at);
    QFETCH(int, offset);
    const auto parsed = TimeZoneRule::parse(text.toStdString());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().detail.c_str());
    QCOMPARE(parsed.value().offsetMinutesAt(TimePoint{minutes{at}}), offset);
    QCOMPARE(QString::fromStdString(parsed.value().text()), text);
    QCOMPARE(QString::fromStdString(TimeZoneRule::newYork().text()),
             QStringLiteral("EST5EDT,M3.2.0,M11.1.0"));
}

void TestTimeZone::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::newRow("empty") << "" << 0;
    QTest::newRow("short name") << "ES5" << 2;
    QTest::newRow("no offset") << "EST" << 3;
    QTest::newRow("offset over 24 hours") << "EST25" << 3;
    QTest::newRow("bad minutes") << "EST5:60" << 5;
    QTest::newRow("seconds") << "EST5:00:30" << 8;
    QTest::newRow("quoted name too short") << "<AB>5" << 3;
    QTest::newRow("bad quoted character") << "<A B>5" << 2;
    QTest::newRow("unclosed quote") << "<ABC" << 4;
    QTest::newRow("bad DST offset") << "EST5EDT;M3.2.0,M11.1.0" << 7;
    QTest::newRow("bad month") << "EST5EDT,M13.2.0,M11.1.0" << 9;
    QTest::newRow("bad week") << "EST5EDT,M3.6.0,M11.1.0" << 11;
    QTest::newRow("bad weekday") << "EST5EDT,M3.2.7,M11.1.0" << 13;
    QTest::newRow("missing dot") << "EST5EDT,M3-2.0,M11.1.0" << 10;
    QTest::newRow("change time too late") << "EST5EDT,M3.2.0/168,M11.1.0" << 15;
    QTest::newRow("Julian day rejected") << "EST5EDT,J60,M11.1.0" << 8;
    QTest::newRow("zero-based day rejected") << "EST5EDT,59,M11.1.0" << 8;
    QTest::newRow("one rule only") << "EST5EDT,M3.2.0" << 14;
    QTest::newRow("trailing text") << "EST5EDT,M3.2.0,M11.1.0x" << 22;
}

void TestTimeZone::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    const auto parsed = TimeZoneRule::parse(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error().code), QStringLiteral("invalid-time-zone"));
    QCOMPARE(QString::fromStdString(parsed.error().field), QStringLiteral("position %1").arg(position));
    QVERIFY(!parsed.error().detail.empty());
}

QTEST_GUILESS_MAIN(TestTimeZone)
#include "tst_core_timezone.moc"
