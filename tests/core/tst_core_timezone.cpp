// Program-local time without a time zone database: the POSIX rule for New
// York across both DST changes (the gap and the overlap), parse errors that
// name the position, and shifts with their real length across a change,
// exported as CSV and as iCalendar that parses back.
#include "core/roster/ShiftCalendar.h"
#include "core/roster/TimeZoneRule.h"

#include <QStringList>
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

} // namespace

class TestTimeZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newYorkOffsets();
    void springForwardGap();
    void fallBackOverlap();
    void roundTripAllYear();
    void parseErrors_data();
    void parseErrors();
    void otherZones();
    void nightShiftRealLength();
    void csvAndIcs();
};

void TestTimeZone::newYorkOffsets()
{
    const TimeZoneRule ny = TimeZoneRule::newYork();
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 1, 15, 12)), -300);
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 7, 15, 12)), -240);
    // 2026-03-08 02:00 EST = 07:00 UTC is the change.
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 3, 8, 6, 59)), -300);
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 3, 8, 7, 0)), -240);
    // 2026-11-01 02:00 EDT = 06:00 UTC.
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 11, 1, 5, 59)), -240);
    QCOMPARE(ny.offsetMinutesAt(utc(2026, 11, 1, 6, 0)), -300);
}

void TestTimeZone::springForwardGap()
{
    const TimeZoneRule ny = TimeZoneRule::newYork();
    // 02:30 does not exist on 2026-03-08: read as 03:30 EDT (07:30 UTC).
    QVERIFY(ny.toUtc(local(2026, 3, 8, 2, 30)) == utc(2026, 3, 8, 7, 30));
    QVERIFY(ny.toUtc(local(2026, 3, 8, 1, 59)) == utc(2026, 3, 8, 6, 59));
    QVERIFY(ny.toUtc(local(2026, 3, 8, 3, 0)) == utc(2026, 3, 8, 7, 0));
}

void TestTimeZone::fallBackOverlap()
{
    const TimeZoneRule ny = TimeZoneRule::newYork();
    // 01:30 happens twice on 2026-11-01: the earlier, EDT one (05:30 UTC).
    QVERIFY(ny.toUtc(local(2026, 11, 1, 1, 30)) == utc(2026, 11, 1, 5, 30));
    // Both instants show 01:30 locally.
    QCOMPARE(ny.toLocal(utc(2026, 11, 1, 5, 30)).minuteOfDay, 90);
    QCOMPARE(ny.toLocal(utc(2026, 11, 1, 6, 30)).minuteOfDay, 90);
}

void TestTimeZone::roundTripAllYear()
{
    const TimeZoneRule ny = TimeZoneRule::newYork();
    for (TimePoint t = utc(2026, 1, 1, 0); t < utc(2027, 1, 1, 0); t += minutes{15}) {
        const LocalDateTime l = ny.toLocal(t);
        const TimePoint back = ny.toUtc(l);
        // Only the second pass through the fall-back hour maps to the first.
        if (back != t) {
            QVERIFY(t >= utc(2026, 11, 1, 6) && t < utc(2026, 11, 1, 7));
            QVERIFY(back == t - hours{1});
        }
    }
}

void TestTimeZone::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("position");
    QTest::newRow("empty") << "" << "position 0";
    QTest::newRow("short name") << "ES5" << "position 2";
    QTest::newRow("no offset") << "EST" << "position 3";
    QTest::newRow("bad month") << "EST5EDT,M13.2.0,M11.1.0" << "position 9";
    QTest::newRow("julian") << "EST5EDT,J60,M11.1.0" << "position 8";
    QTest::newRow("trailing") << "EST5EDT,M3.2.0,M11.1.0x" << "position 22";
}

void TestTimeZone::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, position);
    const auto parsed = TimeZoneRule::parse(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error().code), QStringLiteral("invalid-time-zone"));
    QCOMPARE(QString::fromStdString(parsed.error().field), position);
}

void TestTimeZone::otherZones()
{
    const auto utcZone = TimeZoneRule::parse("UTC0");
    QVERIFY(utcZone.ok());
    QCOMPARE(utcZone.value().offsetMinutesAt(utc(2026, 7, 1, 0)), 0);
    const auto berlin = TimeZoneRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
    QVERIFY(berlin.ok());
    QCOMPARE(berlin.value().offsetMinutesAt(utc(2026, 1, 1, 0)), 60);
    QCOMPARE(berlin.value().offsetMinutesAt(utc(2026, 7, 1, 0)), 120);
    // Europe changes on the last Sunday of October at 03:00 local (01:00 UTC).
    QCOMPARE(berlin.value().offsetMinutesAt(utc(2026, 10, 25, 0, 59)), 120);
    QCOMPARE(berlin.value().offsetMinutesAt(utc(2026, 10, 25, 1, 0)), 60);
    const auto quoted = TimeZoneRule::parse("<-03>3");
    QVERIFY(quoted.ok());
    QCOMPARE(quoted.value().offsetMinutesAt(utc(2026, 7, 1, 0)), -180);
}

void TestTimeZone::nightShiftRealLength()
{
    RotationRules rules;
    rules.shifts = {{"night", 20 * 60, 720}, {"early", 9 * 60, 720}};
    Schedule s;
    s.weeks = 1;
    s.staff = {{"n1", "Night Person", ResponderRole::Clinician, "night"}};
    s.duties.assign(1, std::vector<Duty>(7));
    // Week of Monday 2026-03-02: Saturday 03-07 night runs into Sunday 03-08 (spring forward).
    s.start = year_month_day{year{2026}, month{3}, day{2}};
    s.duties[0][5] = Duty{DutyKind::Shift, "night", 0};
    s.duties[0][2] = Duty{DutyKind::Shift, "night", 0};
    auto shifts = shiftInstances(s, rules, TimeZoneRule::newYork());
    QCOMPARE(shifts.size(), std::size_t(2));
    QCOMPARE(shifts[0].realLength(), minutes{720}); // Wednesday: an ordinary night
    QCOMPARE(shifts[1].realLength(), minutes{660}); // 11 hours
    // Week of Monday 2026-10-26: Saturday 10-31 night runs into 11-01 (fall back).
    s.start = year_month_day{year{2026}, month{10}, day{26}};
    shifts = shiftInstances(s, rules, TimeZoneRule::newYork());
    QCOMPARE(shifts[1].realLength(), minutes{780}); // 13 hours
    QVERIFY(shifts[1].startUtc == utc(2026, 11, 1, 0)); // 20:00 EDT
}

void TestTimeZone::csvAndIcs()
{
    RotationRules rules;
    Schedule s;
    s.weeks = 1;
    s.start = year_month_day{year{2026}, month{10}, day{26}};
    s.staff = {{"id-1", "Quill, \"Q\" Thistledown", ResponderRole::Clinician, "early"},
               {"id-2", "Wren Starling", ResponderRole::Emt, "late"}};
    s.duties.assign(2, std::vector<Duty>(7));
    s.duties[0][0] = Duty{DutyKind::Shift, "early", 0};
    s.duties[0][1] = Duty{DutyKind::Admin, {}, 240};
    s.duties[1][6] = Duty{DutyKind::Shift, "late", 0};
    const TimeZoneRule ny = TimeZoneRule::newYork();

    const QStringList csv = QString::fromStdString(scheduleCsv(s, rules, ny)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(csv.size(), 4);
    QCOMPARE(csv[0], QStringLiteral("person,role,date,duty,shift,start_local,end_local,hours"));
    QCOMPARE(csv[1], QStringLiteral("\"Quill, \"\"Q\"\" Thistledown\",clinician,2026-10-26,shift,early,09:00,21:00,12.00"));
    QCOMPARE(csv[2], QStringLiteral("\"Quill, \"\"Q\"\" Thistledown\",clinician,2026-10-27,admin,,,,4.00"));
    QCOMPARE(csv[3], QStringLiteral("Wren Starling,emt,2026-11-01,shift,late,12:00,00:00,12.00"));

    const std::string ics = scheduleIcs(s, rules, ny, -1, utc(2026, 10, 20, 12));
    // Every line ends in CRLF and none is longer than 75 octets.
    QVERIFY(ics.size() > 2 && ics.substr(ics.size() - 2) == "\r\n");
    QStringList physical = QString::fromStdString(ics).split(QStringLiteral("\r\n"));
    physical.removeLast();
    for (const QString& line : std::as_const(physical))
        QVERIFY2(line.toUtf8().size() <= 75, qPrintable(line));
    // Unfold and parse.
    QStringList lines;
    for (const QString& line : std::as_const(physical)) {
        if (line.startsWith(QLatin1Char(' ')))
            lines.last() += line.mid(1);
        else
            lines << line;
    }
    QCOMPARE(lines.first(), QStringLiteral("BEGIN:VCALENDAR"));
    QCOMPARE(lines.last(), QStringLiteral("END:VCALENDAR"));
    QCOMPARE(lines.count(QStringLiteral("BEGIN:VEVENT")), 2);
    QCOMPARE(lines.count(QStringLiteral("END:VEVENT")), 2);
    QVERIFY(lines.contains(QStringLiteral("DTSTART:20261026T130000Z"))); // 09:00 EDT
    QVERIFY(lines.contains(QStringLiteral("DTEND:20261027T010000Z")));
    QVERIFY(lines.contains(QStringLiteral("DTSTART:20261101T170000Z"))); // 12:00 EST, after the change
    QVERIFY(lines.contains(QStringLiteral("DTEND:20261102T050000Z")));
    QVERIFY(lines.contains(QStringLiteral("UID:id-1-2026-10-26@heartdesk")));
    QVERIFY(lines.contains(QStringLiteral("DESCRIPTION:Quill\\, \"Q\" Thistledown")));
    // One person's calendar holds only their shifts.
    const std::string mine = scheduleIcs(s, rules, ny, 1, utc(2026, 10, 20, 12));
    QCOMPARE(QString::fromStdString(mine).count(QStringLiteral("BEGIN:VEVENT")), 1);
}

QTEST_GUILESS_MAIN(TestTimeZone)
#include "tst_core_timezone.moc"
