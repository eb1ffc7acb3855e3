// The intake form's field checks, table by table: call-back numbers that can
// and cannot be dialled (North American, service codes, international,
// extensions) and their display form; received times around the clock-skew
// tolerance and the 7-day limit with an injected "now"; coordinates at the
// edges of the world; ages; the language list; CAD incident numbers.
#include "core/intake/IntakeRules.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

using namespace heart;
using namespace heart::intake;
using namespace std::chrono;

namespace {

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}
QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// The error's code and field as "code/field", "" for none.
QByteArray codeAndField(const std::optional<Error>& error)
{
    return error ? bytes(error->code) + '/' + bytes(error->field) : QByteArray();
}

// A fixed "now": Monday 23 November 2026, 14:05:30 UTC.
const TimePoint kNow = sys_days{year{2026} / November / 23} + hours{14} + minutes{5} + seconds{30};

} // namespace

class TestIntakeRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phone_data();
    void phone();
    void formatPhone_data();
    void formatPhone();
    void receivedAt_data();
    void receivedAt();
    void coordinates_data();
    void coordinates();
    void ages_data();
    void ages();
    void languageLookup_data();
    void languageLookup();
    void languageList();
    void cadNumbers_data();
    void cadNumbers();
    void generatedCadNumbers_data();
    void generatedCadNumbers();
};

void TestIntakeRules::phone_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("normalised"); // when dialable
    QTest::addColumn<QByteArray>("why");        // the error's detail when not
    auto ok = [](const char* text, const char* normalised) {
        QTest::newRow(text) << QByteArray(text) << QByteArray(normalised) << QByteArray();
    };
    auto bad = [](const char* name, const char* text, const char* why) {
        QTest::newRow(name) << QByteArray(text) << QByteArray() << QByteArray(why);
    };
    // Unknown: not an error.
    ok("", "");
    ok("   ", "");
    // North American.
    ok("9195551234", "+19195551234");
    ok("(919) 555-1234", "+19195551234");
    ok("919.555.1234", "+19195551234");
    ok("919-555-1234", "+19195551234");
    ok(" 919 555 1234 ", "+19195551234");
    ok("1-919-555-1234", "+19195551234");
    ok("1 (919) 555-1234", "+19195551234");
    ok("+1 919 555 1234", "+19195551234");
    ok("+1 (919) 555-1234", "+19195551234");
    ok("001 919 555 1234", "+19195551234");
    ok("(919)555-1234", "+19195551234");
    // Extensions.
    ok("919-555-1234 x12", "+19195551234;ext=12");
    ok("919-555-1234x12", "+19195551234;ext=12");
    ok("919-555-1234 X 12", "+19195551234;ext=12");
    ok("919-555-1234 ext 123", "+19195551234;ext=123");
    ok("919-555-1234 ext. 123", "+19195551234;ext=123");
    ok("919-555-1234 Ext.123", "+19195551234;ext=123");
    ok("919-555-1234 extension 4567", "+19195551234;ext=4567");
    ok("+44 20 7123 4567 ext 9", "+442071234567;ext=9");
    // Service codes.
    ok("211", "211");
    ok("311", "311");
    ok("411", "411");
    ok("511", "511");
    ok("711", "711");
    ok("811", "811");
    ok("911", "911");
    ok("988", "988");
    ok("9-8-8", "988");
    // International.
    ok("+44 20 7123 4567", "+442071234567");
    ok("+44 (0)20 7123 4567", "+442071234567");
    ok("0044 20 7123 4567", "+442071234567");
    ok("011 44 20 7123 4567", "+442071234567");
    ok("+52 55 1234 5678", "+525512345678");
    ok("+250 788 123 456", "+250788123456");
    ok("+49 30 12345678", "+493012345678");
    ok("+682 12345", "+68212345");                       // 8 digits: the shortest E.164 number taken
    ok("+49 1234 5678 90123", "+491234567890123");       // 15 digits: the longest
    ok("+1-919-555-1234;ext=12", "+19195551234;ext=12"); // the stored form, typed
    bad("N11 not a service code", "611", "too few digits");
    bad("seven digits", "555-1234", "too few digits");
    bad("nine digits", "919-555-123", "too few digits");
    bad("eleven digits not 1", "29195551234", "too many digits");
    bad("twelve digits", "1 919 555 12345", "too many digits");
    bad("vanity letters", "1-800-FLOWERS", "letters");
    bad("letters in the middle", "919-55a-1234", "letters");
    bad("words", "unknown", "letters");
    bad("area code 0", "(019) 555-1234", "area code cannot start with 0 or 1");
    bad("area code 1", "119-555-1234", "area code cannot start with 0 or 1");
    bad("+1 area code 0", "+1 019 555 1234", "area code cannot start with 0 or 1");
    bad("area code N11", "911-555-1234", "area code cannot be a service code (N11)");
    bad("exchange 0", "919-055-1234", "exchange cannot start with 0 or 1");
    bad("exchange 1", "919-155-1234", "exchange cannot start with 0 or 1");
    bad("exchange N11", "919-411-1234", "exchange cannot be a service code (N11)");
    bad("international too short", "+44 123 45", "too few digits");
    bad("international too long", "+44 1234 5678 9012 34", "too many digits");
    bad("00 too long", "0044 1234 5678 9012 34", "too many digits");
    bad("plus alone", "+", "too few digits");
    bad("country code 0", "+0 44 20 7123 4567", "country code cannot start with 0");
    bad("+1 too short", "+1 919 555 123", "too few digits");
    bad("plus in the middle", "919+555-1234", "'+' only at the start");
    bad("double plus", "++44 20 7123 4567", "'+' only at the start");
    bad("unclosed parenthesis", "(919 555-1234", "unbalanced parentheses");
    bad("closing parenthesis first", ")919( 555-1234", "unbalanced parentheses");
    bad("two pairs", "(919) (555) 1234", "unbalanced parentheses");
    bad("slash", "919/555/1234", "unexpected character");
    bad("hash", "919-555-1234 #12", "unexpected character");
    bad("non-ASCII dash",
        "919\xE2\x80\x93"
        "555-1234",
        "unexpected character");
    bad("extension without digits", "919-555-1234 ext", "extension has no digits");
    bad("extension with letters", "919-555-1234 x12a", "letters");
    bad("extension with a dash", "919-555-1234 x12-3", "extension must be digits only");
    bad("extension too long", "919-555-1234 x1234567", "extension too long");
    bad("extension on a service code", "911 x2", "a service code has no extension");
    bad("extension alone", "ext 12", "too few digits");
    bad("extension on a bad number", "919-555-123 x1", "too few digits");
}

void TestIntakeRules::phone()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, normalised);
    QFETCH(QByteArray, why);
    const auto result = normalisePhone(view(text));
    if (why.isEmpty()) {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().detail.c_str());
        QCOMPARE(bytes(result.value()), normalised);
        // Normalising is idempotent: the stored form reads back as itself.
        const auto again = normalisePhone(result.value());
        QVERIFY(again.ok());
        QCOMPARE(bytes(again.value()), normalised);
    } else {
        QVERIFY2(!result.ok(), result.ok() ? result.value().c_str() : "");
        QCOMPARE(bytes(result.error().code), QByteArray("phone-not-dialable"));
        QCOMPARE(bytes(result.error().field), QByteArray("phone"));
        QCOMPARE(bytes(result.error().detail), why);
    }
}

void TestIntakeRules::formatPhone_data()
{
    QTest::addColumn<QByteArray>("normalised");
    QTest::addColumn<QByteArray>("shown");
    auto row = [](const char* normalised, const char* shown) {
        QTest::newRow(normalised) << QByteArray(normalised) << QByteArray(shown);
    };
    row("+19195551234", "(919) 555-1234");
    row("+19195551234;ext=12", "(919) 555-1234 x12");
    // Anything else is shown as stored.
    row("+442071234567", "+442071234567");
    row("988", "988");
    row("", "");
    row("+1919555123", "+1919555123");
    row("+191955512345", "+191955512345");
    row("+19195551234;ext=", "+19195551234;ext=");
    row("+19195551234;ext=1a", "+19195551234;ext=1a");
    row("+1919555123a", "+1919555123a");
    row("19195551234", "19195551234");
}

void TestIntakeRules::formatPhone()
{
    QFETCH(QByteArray, normalised);
    QFETCH(QByteArray, shown);
    QCOMPARE(bytes(heart::intake::formatPhone(view(normalised))), shown);
}

void TestIntakeRules::receivedAt_data()
{
    QTest::addColumn<qint64>("offset"); // received - now, milliseconds
    QTest::addColumn<int>("tolerance"); // minutes; -1 for the default (2)
    QTest::addColumn<QByteArray>("error");
    const qint64 second = 1000, minute = 60 * second, day = 24 * 60 * minute;
    const QByteArray future("received-in-future/receivedAt"), old("received-too-old/receivedAt");
    QTest::newRow("now") << qint64(0) << -1 << QByteArray();
    QTest::newRow("a minute ahead") << minute << -1 << QByteArray();
    QTest::newRow("exactly the tolerance ahead") << 2 * minute << -1 << QByteArray();
    QTest::newRow("1 ms beyond the tolerance") << 2 * minute + 1 << -1 << future;
    QTest::newRow("an hour ahead") << 60 * minute << -1 << future;
    QTest::newRow("a year ahead") << 365 * day << -1 << future;
    QTest::newRow("no tolerance, now") << qint64(0) << 0 << QByteArray();
    QTest::newRow("no tolerance, 1 ms ahead") << qint64(1) << 0 << future;
    QTest::newRow("10 min tolerance, 9 min ahead") << 9 * minute << 10 << QByteArray();
    QTest::newRow("10 min tolerance, 10 min ahead") << 10 * minute << 10 << QByteArray();
    QTest::newRow("10 min tolerance, 11 min ahead") << 11 * minute << 10 << future;
    QTest::newRow("a second ago") << -second << -1 << QByteArray();
    QTest::newRow("an hour ago") << -60 * minute << -1 << QByteArray();
    QTest::newRow("6 days ago") << -6 * day << -1 << QByteArray();
    QTest::newRow("exactly 7 days ago") << -7 * day << -1 << QByteArray();
    QTest::newRow("7 days and 1 ms ago") << -7 * day - 1 << -1 << old;
    QTest::newRow("8 days ago") << -8 * day << -1 << old;
    QTest::newRow("a year ago") << -365 * day << -1 << old;
    QTest::newRow("a big tolerance does not widen the past") << -8 * day << 60 * 24 << old;
}

void TestIntakeRules::receivedAt()
{
    QFETCH(qint64, offset);
    QFETCH(int, tolerance);
    QFETCH(QByteArray, error);
    const TimePoint received = kNow + milliseconds{offset};
    const auto result =
        tolerance < 0 ? checkReceivedAt(received, kNow) : checkReceivedAt(received, kNow, minutes{tolerance});
    QCOMPARE(codeAndField(result), error);
}

void TestIntakeRules::coordinates_data()
{
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::addColumn<QByteArray>("error");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const QByteArray lat("coordinates-outside-world/latitude"), lon("coordinates-outside-world/longitude");
    QTest::newRow("Durham") << 35.9940 << -78.8986 << QByteArray();
    QTest::newRow("null island") << 0.0 << 0.0 << QByteArray();
    QTest::newRow("north east corner") << 90.0 << 180.0 << QByteArray();
    QTest::newRow("south west corner") << -90.0 << -180.0 << QByteArray();
    QTest::newRow("just north of the pole") << 90.000001 << 0.0 << lat;
    QTest::newRow("just south of the pole") << -90.000001 << 0.0 << lat;
    QTest::newRow("just east of 180") << 0.0 << 180.000001 << lon;
    QTest::newRow("just west of -180") << 0.0 << -180.000001 << lon;
    QTest::newRow("longitude typed as latitude") << -178.9 << 35.99 << lat;
    QTest::newRow("both wrong: latitude named") << 200.0 << 500.0 << lat;
    QTest::newRow("latitude NaN") << nan << 0.0 << lat;
    QTest::newRow("longitude NaN") << 0.0 << nan << lon;
    QTest::newRow("latitude infinite") << inf << 0.0 << lat;
    QTest::newRow("longitude -infinite") << 0.0 << -inf << lon;
}

void TestIntakeRules::coordinates()
{
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    QFETCH(QByteArray, error);
    QCOMPARE(codeAndField(checkCoordinates(latitude, longitude)), error);
}

void TestIntakeRules::ages_data()
{
    QTest::addColumn<int>("years");
    QTest::addColumn<bool>("valid");
    QTest::newRow("newborn") << 0 << true;
    QTest::newRow("child") << 9 << true;
    QTest::newRow("adult") << 45 << true;
    QTest::newRow("120") << 120 << true;
    QTest::newRow("121") << 121 << false;
    QTest::newRow("-1") << -1 << false;
    QTest::newRow("min int") << std::numeric_limits<int>::min() << false;
    QTest::newRow("max int") << std::numeric_limits<int>::max() << false;
}

void TestIntakeRules::ages()
{
    QFETCH(int, years);
    QFETCH(bool, valid);
    QCOMPARE(codeAndField(checkApproximateAge(years)),
             valid ? QByteArray() : QByteArray("age-out-of-range/age"));
}

void TestIntakeRules::languageLookup_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("english"); // empty: unknown
    QTest::addColumn<QByteArray>("native");
    auto row = [](const char* code, const char* english, const char* native) {
        QTest::newRow(code) << QByteArray(code) << QByteArray(english) << QByteArray(native);
    };
    row("ase", "American Sign Language", "ASL");
    row("es", "Spanish", "Español");
    row("en", "English", "English");
    row("sw", "Swahili", "Kiswahili");
    row("ht", "Haitian Creole", "Kreyòl ayisyen");
    row("vi", "Vietnamese", "Tiếng Việt");
    row("ar", "Arabic", "العربية");
    row("zh", "Chinese", "中文");
    row("ti", "Tigrinya", "ትግርኛ");
    row("other", "Other", "Other");
    // Unknown: not in the list, or not as we spell codes.
    row("xx", "", "");
    row("", "", "");
    row("EN", "", "");
    row("spa", "", ""); // ISO 639-2/3 where a 639-1 code exists
    row("en-US", "", "");
    row("sgn", "", "");
}

void TestIntakeRules::languageLookup()
{
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, english);
    QFETCH(QByteArray, native);
    const Language* language = findLanguage(view(code));
    if (english.isEmpty()) {
        QVERIFY(language == nullptr);
        return;
    }
    QVERIFY(language != nullptr);
    QCOMPARE(bytes(language->code), code);
    QCOMPARE(bytes(language->englishName), english);
    QCOMPARE(bytes(language->nativeName), native);
}

void TestIntakeRules::languageList()
{
    const auto list = languages();
    QVERIFY(list.size() >= 45);
    QCOMPARE(bytes(list.front().code), QByteArray("en"));
    QCOMPARE(bytes(list[1].code), QByteArray("es"));
    QCOMPARE(bytes(list.back().code), QByteArray("other"));
    // Between them: strictly by English name.
    for (std::size_t i = 3; i + 1 < list.size(); ++i) {
        QVERIFY2(list[i - 1].englishName < list[i].englishName, list[i].englishName.data());
    }
    std::set<std::string_view> codes;
    for (const Language& language : list) {
        QVERIFY2(codes.insert(language.code).second, language.code.data()); // no duplicates
        QVERIFY2(findLanguage(language.code) == &language, language.code.data());
        QVERIFY(!language.englishName.empty());
        QVERIFY(!language.nativeName.empty());
        // Codes are ISO 639-1 (2 letters) or 639-3 (3 letters), lower case.
        if (language.code != "other") {
            QVERIFY2(language.code.size() == 2 || language.code.size() == 3, language.code.data());
            QVERIFY2(std::all_of(language.code.begin(), language.code.end(),
                                 [](char c) { return c >= 'a' && c <= 'z'; }),
                     language.code.data());
        }
        // Native names are valid UTF-8: they survive a round trip through UTF-16.
        const QByteArray native = bytes(language.nativeName);
        QCOMPARE(QString::fromUtf8(native).toUtf8(), native);
        QVERIFY2(!QString::fromUtf8(native).contains(QChar::ReplacementCharacter), language.code.data());
    }
    // Durham's common languages, ASL and "other".
    for (const char* code : {"en", "es", "fr", "ar", "zh", "vi", "ko", "hi", "sw", "am",  "ti",   "so",
                             "fa", "ps", "ru", "uk", "pt", "ht", "rw", "my", "ne", "ase", "other"}) {
        QVERIFY2(findLanguage(code) != nullptr, code);
    }
}

void TestIntakeRules::cadNumbers_data()
{
    QTest::addColumn<QByteArray>("cadNumber");
    QTest::addColumn<bool>("valid");
    QTest::newRow("generated") << QByteArray("HD20261123-0042") << true;
    QTest::newRow("CAD style") << QByteArray("2026-00123456") << true;
    QTest::newRow("underscore") << QByteArray("DPD_24_0001") << true;
    QTest::newRow("lower case") << QByteArray("inc42") << true;
    QTest::newRow("3 characters") << QByteArray("A12") << true;
    QTest::newRow("32 characters") << QByteArray(32, '7') << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("2 characters") << QByteArray("A1") << false;
    QTest::newRow("33 characters") << QByteArray(33, '7') << false;
    QTest::newRow("blank inside") << QByteArray("CAD 123") << false;
    QTest::newRow("blank around") << QByteArray(" CAD123") << false;
    QTest::newRow("slash") << QByteArray("2026/123") << false;
    QTest::newRow("dot") << QByteArray("2026.123") << false;
    QTest::newRow("hash") << QByteArray("#20261234") << false;
    QTest::newRow("non-ASCII") << QByteArray("N\xC3\xBA"
                                             "mero1")
                               << false;
}

void TestIntakeRules::cadNumbers()
{
    QFETCH(QByteArray, cadNumber);
    QFETCH(bool, valid);
    QCOMPARE(codeAndField(checkCadNumber(view(cadNumber))),
             valid ? QByteArray() : QByteArray("cad-number-format/cadNumber"));
}

void TestIntakeRules::generatedCadNumbers_data()
{
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("example") << 2026 << 11 << 23 << 42 << QByteArray("HD20261123-0042");
    QTest::newRow("first of the day") << 2026 << 1 << 5 << 1 << QByteArray("HD20260105-0001");
    QTest::newRow("zero") << 2026 << 12 << 31 << 0 << QByteArray("HD20261231-0000");
    QTest::newRow("last 4-digit") << 2026 << 12 << 31 << 9999 << QByteArray("HD20261231-9999");
    QTest::newRow("beyond 4 digits") << 2026 << 12 << 31 << 12345 << QByteArray("HD20261231-12345");
    QTest::newRow("negative") << 2026 << 12 << 31 << -5 << QByteArray("HD20261231-0000");
    QTest::newRow("leap day") << 2028 << 2 << 29 << 7 << QByteArray("HD20280229-0007");
}

void TestIntakeRules::generatedCadNumbers()
{
    QFETCH(int, y);
    QFETCH(int, m);
    QFETCH(int, d);
    QFETCH(int, sequence);
    QFETCH(QByteArray, expected);
    const year_month_day date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    const std::string number = generatedCadNumber(date, sequence);
    QCOMPARE(bytes(number), expected);
    QVERIFY(!checkCadNumber(number)); // what HEART Desk makes up passes its own check
}

QTEST_APPLESS_MAIN(TestIntakeRules)
#include "tst_core_intake_rules.moc"
