// Shifts as real instants and their exports: a 12-hour night shift is 11
// hours on the spring-forward night and 13 on the fall-back night; CSV
// follows RFC 4180 (header, quoting, CRLF) and defuses formulas; the
// iCalendar file is parsed back here line by line (CRLF, folding at 75
// octets, BEGIN/END balance, one VEVENT per shift with UTC times that match
// shiftInstances, unique UIDs, TEXT escaping).
#include "core/RosterTestSupport.h"
#include "core/roster/ShiftCalendar.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::roster;
using namespace heart::roster::test;
using namespace std::chrono;

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int hour, int minute = 0)
{
    return sys_days{year_month_day{year{y}, month{m}, day{d}}} + hours{hour} + minutes{minute};
}

year_month_day date(int y, unsigned m, unsigned d)
{
    return year_month_day{year{y}, month{m}, day{d}};
}

// A one-week schedule for one person working `code` on the given days.
Schedule oneWeek(year_month_day monday, const StaffMember& member, std::initializer_list<int> days)
{
    Schedule s;
    s.start = monday;
    s.weeks = 1;
    s.staff = {member};
    s.duties.assign(1, std::vector<Duty>(7));
    for (int d : days)
        s.duties[0][static_cast<std::size_t>(d)] = Duty{DutyKind::Shift, member.shiftCode, 0};
    return s;
}

// The file as logical lines: checks CRLF and the 75-octet limit, unfolds.
QStringList unfoldIcs(const std::string& ics)
{
    const QByteArray bytes = QByteArray::fromStdString(ics);
    if (!bytes.endsWith("\r\n"))
        qFatal("ICS does not end in CRLF");
    QList<QByteArray> physical = bytes.split('\n');
    physical.removeLast(); // after the final CRLF
    QStringList lines;
    for (QByteArray line : physical) {
        if (!line.endsWith('\r'))
            qFatal("a bare LF in the ICS");
        line.chop(1);
        if (line.contains('\r'))
            qFatal("a bare CR in the ICS");
        if (line.size() > 75)
            qFatal("a line over 75 octets: %s", line.constData());
        // Folding never splits a UTF-8 sequence: each physical line decodes on its own.
        if (QString::fromUtf8(line).toUtf8() != line)
            qFatal("a folded line split a UTF-8 sequence");
        if (line.startsWith(' '))
            lines.last() += QString::fromUtf8(line.mid(1));
        else
            lines << QString::fromUtf8(line);
    }
    return lines;
}

QDateTime parseUtc(const QString& value)
{
    // DTSTART:20261101T000000Z
    QDateTime t = QDateTime::fromString(value, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QDateTime toQt(TimePoint t)
{
    return QDateTime::fromSecsSinceEpoch(duration_cast<seconds>(t.time_since_epoch()).count(),
                                         QTimeZone::utc());
}

struct Event
{
    QMap<QString, QString> fields;
};

// Parses the VEVENTs, checking BEGIN/END nesting on the way.
QList<Event> events(const QStringList& lines)
{
    QList<Event> out;
    QStringList stack;
    for (const QString& line : lines) {
        const QString name = line.section(QLatin1Char(':'), 0, 0);
        const QString value = line.section(QLatin1Char(':'), 1);
        if (name == QLatin1String("BEGIN")) {
            stack << value;
            if (value == QLatin1String("VEVENT"))
                out << Event{};
        } else if (name == QLatin1String("END")) {
            if (stack.isEmpty() || stack.takeLast() != value)
                qFatal("unbalanced END:%s", qPrintable(value));
        } else if (stack.size() == 2 && stack.last() == QLatin1String("VEVENT")) {
            out.last().fields.insert(name, value);
        }
    }
    if (!stack.isEmpty())
        qFatal("unclosed BEGIN");
    return out;
}

} // namespace

class TestShiftCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nightShiftRealLength_data();
    void nightShiftRealLength();
    void shiftStartingInTheGap();
    void csv();
    void icsParsesBack();
    void icsEscapingAndFolding();
    void icsForOnePerson();
};

void TestShiftCalendar::nightShiftRealLength_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("monday");
    QTest::addColumn<int>("saturdayHours");
    QTest::addColumn<int>("startHourUtc"); // Saturday 20:00 local, in UTC
    QTest::newRow("spring forward 2026-03-07/08") << 2026 << 3 << 2 << 11 << 1; // 20:00 EST = 01:00 UTC
    QTest::newRow("fall back 2026-10-31/11-01") << 2026 << 10 << 26 << 13 << 0; // 20:00 EDT = 00:00 UTC
    QTest::newRow("an ordinary week") << 2026 << 6 << 8 << 12 << 0;
}

void TestShiftCalendar::nightShiftRealLength()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, monday);
    QFETCH(int, saturdayHours);
    QFETCH(int, startHourUtc);
    RotationRules rules;
    rules.shifts = {{"night", 20 * 60, 720}, {"early", 9 * 60, 720}};
    const Schedule s = oneWeek(date(year, unsigned(month), unsigned(monday)),
                               {"n1", "Night Person", ResponderRole::Clinician, "night"}, {2, 5});
    const auto shifts = shiftInstances(s, rules, TimeZoneRule::newYork());
    QCOMPARE(shifts.size(), std::size_t(2));
    QCOMPARE(shifts[0].day, 2);
    QCOMPARE(shifts[0].realLength(), minutes{720}); // Wednesday: an ordinary night
    QCOMPARE(shifts[1].day, 5);
    QCOMPARE(shifts[1].shiftCode, std::string("night"));
    QCOMPARE(shifts[1].realLength(), hours{saturdayHours});
    const TimePoint sunday = sys_days{date(year, unsigned(month), unsigned(monday))} + days{6};
    QVERIFY(shifts[1].startUtc == sunday + hours{startHourUtc}); // 20:00 local is the next UTC day
    QVERIFY(shifts[1].endUtc == sunday + hours{startHourUtc + saturdayHours});
}

void TestShiftCalendar::shiftStartingInTheGap()
{
    // A 02:30 start on the spring-forward day begins at 03:30 EDT (07:30 UTC).
    RotationRules rules;
    rules.shifts = {{"dawn", 2 * 60 + 30, 480}};
    const Schedule s = oneWeek(date(2026, 3, 2), {"d1", "Dawn", ResponderRole::Emt, "dawn"}, {6});
    const auto shifts = shiftInstances(s, rules, TimeZoneRule::newYork());
    QCOMPARE(shifts.size(), std::size_t(1));
    QVERIFY(shifts[0].startUtc == utc(2026, 3, 8, 7, 30));
    QVERIFY(shifts[0].endUtc == utc(2026, 3, 8, 14, 30)); // 10:30 EDT
    QCOMPARE(shifts[0].realLength(), minutes{420});
}

void TestShiftCalendar::csv()
{
    RotationRules rules;
    rules.shifts.push_back({"night", 20 * 60, 720});
    Schedule s;
    s.weeks = 1;
    s.start = date(2026, 10, 26);
    s.staff = {{"id-1", "Quill, \"Q\" Thistledown", ResponderRole::Clinician, "early"},
               {"id-2", "Wren Starling", ResponderRole::Emt, "late"},
               {"id-3", "=HYPERLINK(\"x\")", ResponderRole::PeerSupport, "night"},
               {"id-4", "Two\nLines", ResponderRole::Clinician, "early"}};
    s.duties.assign(4, std::vector<Duty>(7));
    s.duties[0][0] = Duty{DutyKind::Shift, "early", 0};
    s.duties[0][1] = Duty{DutyKind::Admin, {}, 240};
    s.duties[1][6] = Duty{DutyKind::Shift, "late", 0};
    s.duties[2][5] = Duty{DutyKind::Shift, "night", 0}; // Saturday 10-31 into the fall-back night
    s.duties[3][2] = Duty{DutyKind::Admin, {}, 90};
    const std::string text = scheduleCsv(s, rules, TimeZoneRule::newYork());
    QVERIFY(text.size() > 2 && text.substr(text.size() - 2) == "\r\n");
    // Records end in CRLF; a quoted newline inside a field is kept.
    const QStringList csv = QString::fromStdString(text).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(csv.size(), 6);
    QCOMPARE(csv[0], QStringLiteral("person,role,date,duty,shift,start_local,end_local,hours"));
    QCOMPARE(csv[1],
             QStringLiteral(
                 "\"Quill, \"\"Q\"\" Thistledown\",clinician,2026-10-26,shift,early,09:00,21:00,12.00"));
    QCOMPARE(csv[2], QStringLiteral("\"Quill, \"\"Q\"\" Thistledown\",clinician,2026-10-27,admin,,,,4.00"));
    QCOMPARE(csv[3], QStringLiteral("Wren Starling,emt,2026-11-01,shift,late,12:00,00:00,12.00"));
    // A name a spreadsheet would run as a formula is defused; the real length shows.
    QCOMPARE(csv[4], QStringLiteral(
                         "\"'=HYPERLINK(\"\"x\"\")\",peer_support,2026-10-31,shift,night,20:00,08:00,13.00"));
    QCOMPARE(csv[5], QStringLiteral("\"Two\nLines\",clinician,2026-10-28,admin,,,,1.50"));
}

void TestShiftCalendar::icsParsesBack()
{
    // The whole hand-made Durham rotation: 12 people, 18 shifts each.
    const RotationRules rules;
    const Schedule s = handMadeSchedule({"early", "late"});
    const TimeZoneRule ny = TimeZoneRule::newYork();
    const TimePoint stamp = utc(2026, 10, 20, 12, 0) + seconds{5};
    const QStringList lines = unfoldIcs(scheduleIcs(s, rules, ny, -1, stamp));
    QCOMPARE(lines.first(), QStringLiteral("BEGIN:VCALENDAR"));
    QCOMPARE(lines.last(), QStringLiteral("END:VCALENDAR"));
    QVERIFY(lines.contains(QStringLiteral("VERSION:2.0")));
    QVERIFY(lines.contains(QStringLiteral("PRODID:-//HEART Desk//Roster//EN")));
    QVERIFY(lines.contains(QStringLiteral("CALSCALE:GREGORIAN")));

    const QList<Event> parsed = events(lines);
    const auto shifts = shiftInstances(s, rules, ny);
    QCOMPARE(shifts.size(), std::size_t(12 * 18));
    QCOMPARE(parsed.size(), qsizetype(shifts.size()));
    QSet<QString> uids;
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        const Event& e = parsed[i];
        const ShiftInstance& shift = shifts[static_cast<std::size_t>(i)];
        const QDateTime start = parseUtc(e.fields.value(QStringLiteral("DTSTART")));
        const QDateTime end = parseUtc(e.fields.value(QStringLiteral("DTEND")));
        QVERIFY(start.isValid() && end.isValid());
        QCOMPARE(start, toQt(shift.startUtc));
        QCOMPARE(end, toQt(shift.endUtc));
        QCOMPARE(parseUtc(e.fields.value(QStringLiteral("DTSTAMP"))), toQt(stamp));
        const QString uid = e.fields.value(QStringLiteral("UID"));
        QVERIFY(uid.endsWith(QStringLiteral("@heartdesk")));
        QVERIFY(uid.startsWith(QString::fromStdString(s.staff[static_cast<std::size_t>(shift.person)].id)));
        uids.insert(uid);
        const QString summary = e.fields.value(QStringLiteral("SUMMARY"));
        QCOMPARE(summary, shift.shiftCode == "early" ? QStringLiteral("HEART shift early (09:00-21:00)")
                                                     : QStringLiteral("HEART shift late (12:00-00:00)"));
    }
    QCOMPARE(uids.size(), parsed.size());
    // Stable: the same schedule gives the same file.
    QCOMPARE(scheduleIcs(s, rules, ny, -1, stamp), scheduleIcs(s, rules, ny, -1, stamp));
}

void TestShiftCalendar::icsEscapingAndFolding()
{
    RotationRules rules;
    const std::string name =
        "Quill, \"Q\"; Thistledown\\Ünïcödé-\n" + std::string(60, 'x') + " Ωmega Ωmega Ωmega";
    Schedule s = oneWeek(date(2026, 10, 26), {"id;1", name, ResponderRole::Clinician, "early"}, {0, 6});
    const std::string ics = scheduleIcs(s, rules, TimeZoneRule::newYork(), -1, utc(2026, 10, 20, 12));
    const QStringList lines = unfoldIcs(ics); // checks CRLF, 75 octets, UTF-8 kept whole
    QVERIFY(QString::fromStdString(ics).contains(QStringLiteral("\r\n "))); // something was folded
    const QList<Event> parsed = events(lines);
    QCOMPARE(parsed.size(), 2);
    const QString expected = QStringLiteral("Quill\\, \"Q\"\\; Thistledown\\\\Ünïcödé-\\n") +
                             QString(60, QLatin1Char('x')) + QStringLiteral(" Ωmega Ωmega Ωmega");
    QCOMPARE(parsed[0].fields.value(QStringLiteral("DESCRIPTION")), expected);
    QCOMPARE(parsed[0].fields.value(QStringLiteral("UID")), QStringLiteral("id\\;1-2026-10-26@heartdesk"));
    QCOMPARE(parsed[1].fields.value(QStringLiteral("UID")), QStringLiteral("id\\;1-2026-11-01@heartdesk"));
    // After the fall-back change, 09:00 is EST.
    QCOMPARE(parsed[0].fields.value(QStringLiteral("DTSTART")), QStringLiteral("20261026T130000Z"));
    QCOMPARE(parsed[1].fields.value(QStringLiteral("DTSTART")), QStringLiteral("20261101T140000Z"));
}

void TestShiftCalendar::icsForOnePerson()
{
    const RotationRules rules;
    const Schedule s = handMadeSchedule({"early", "late"});
    const std::string mine = scheduleIcs(s, rules, TimeZoneRule::newYork(), 4, utc(2026, 10, 20, 12));
    const QList<Event> parsed = events(unfoldIcs(mine));
    QCOMPARE(parsed.size(), 18);
    for (const Event& e : parsed)
        QVERIFY(e.fields.value(QStringLiteral("UID"))
                    .startsWith(QString::fromStdString(s.staff[4].id) + QLatin1Char('-')));
    // Nobody else's name is in it.
    QVERIFY(!QString::fromStdString(mine).contains(QString::fromStdString(s.staff[0].name)));
}

QTEST_GUILESS_MAIN(TestShiftCalendar)
#include "tst_core_shift_calendar.moc"
