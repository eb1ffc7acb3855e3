// Rule sets from JSON: Durham's shipped files load with the facts of
// shared/domain/HEART.md, hours past midnight split across days, and every
// malformed file gets an error naming the file, the JSON path and what is
// wrong.
#include "RoutingTestSupport.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace heart;
using namespace heart::routing;
using namespace heart::routing::test;

namespace {

const char* const kValid = R"({
  "format": "heartdesk-rules/1", "id": "test", "name": "Test rules", "effectiveFrom": "2024-01-01",
  "timeZone": "EST5EDT,M3.2.0,M11.1.0", "holidays": ["2024-12-25"],
  "callTypes": [{"code": "welfare-check", "name": "Welfare Check", "aliases": ["WELFARE CHK"]},
                {"code": "trespass", "name": "Trespass"}],
  "programs": {
    "crt": {"callTypes": ["welfare-check"], "excludeWhen": ["weapon"], "serviceArea": {"beats": ["111"]},
            "hours": {"mon": ["08:30-16:30"]}, "holidays": "closed"}
  }
})";

// kValid with one member replaced (path given as a JSON pointer).
std::string patched(const std::string& pointer, const nlohmann::json& value)
{
    nlohmann::json document = nlohmann::json::parse(kValid);
    document[nlohmann::json::json_pointer(pointer)] = value;
    return document.dump();
}

std::string without(const std::string& pointer)
{
    nlohmann::json document = nlohmann::json::parse(kValid);
    const nlohmann::json::json_pointer path(pointer);
    document[path.parent_pointer()].erase(path.back());
    return document.dump();
}

} // namespace

class TestRuleSetJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durhamFilesLoad()
    {
        const RuleBook book = durhamRuleBook();
        QCOMPARE(book.ruleSets().size(), std::size_t(3));
        const RuleSet& pilot = book.ruleSets()[0];
        QCOMPARE(pilot.id, std::string("durham-2022-06-27-pilot"));
        QCOMPARE(formatDate(pilot.effectiveFrom), std::string("2022-06-27"));
        const ProgramRules* crt = pilot.rulesFor(Program::CommunityResponse);
        QVERIFY(crt);
        QCOMPARE(crt->areaBeats, (std::vector<std::string>{"111", "112", "113", "114", "122", "214", "223",
                                                           "411", "413", "511", "512", "513"}));
        QCOMPARE(crt->hours[0], (std::vector<TimeRange>{{8 * 60 + 30, 16 * 60 + 30}}));
        QVERIFY(crt->hours[5].empty() && crt->hours[6].empty());
        QVERIFY(!pilot.rulesFor(Program::CoResponse));
        const RuleSet& citywide = book.ruleSets()[2];
        QCOMPARE(formatDate(citywide.effectiveFrom), std::string("2023-10-23"));
        const ProgramRules* cityCrt = citywide.rulesFor(Program::CommunityResponse);
        QCOMPARE(cityCrt->area, AreaKind::AllBeatsExcept);
        QCOMPARE(cityCrt->areaBeats, std::vector<std::string>{"999"});
        QVERIFY(!cityCrt->closedOnHolidays);
        for (int day = 0; day < 7; ++day)
            QCOMPARE(cityCrt->hours[std::size_t(day)], (std::vector<TimeRange>{{9 * 60, 21 * 60}}));
    }

    void hoursPastMidnightSplit()
    {
        auto set = parseRuleSet(
            patched("/programs/crt/hours", {{"sun", {"21:00-07:00"}}, {"mon", {"12:00-24:00"}}}), "x.json");
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().toString().c_str());
        const ProgramRules* crt = set.value().rulesFor(Program::CommunityResponse);
        QCOMPARE(crt->hours[6], (std::vector<TimeRange>{{21 * 60, 1440}}));
        QCOMPARE(crt->hours[0], (std::vector<TimeRange>{{0, 7 * 60}, {12 * 60, 1440}}));
    }

    void malformed_data()
    {
        QTest::addColumn<std::string>("json");
        QTest::addColumn<std::string>("location");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("messagePart");

        QTest::newRow("not json") << std::string("{\"format\": ") << std::string("byte 12")
                                  << std::string("json-syntax") << std::string("not valid JSON");
        QTest::newRow("array") << std::string("[1, 2]") << std::string("(top level)")
                               << std::string("wrong-type") << std::string("expected an object, got array");
        QTest::newRow("no id") << without("/id") << std::string("(top level)")
                               << std::string("missing-member") << std::string("\"id\" is missing");
        QTest::newRow("format") << patched("/format", "heartdesk-rules/9") << std::string("format")
                                << std::string("unsupported-format") << std::string("heartdesk-rules/9");
        QTest::newRow("bad date") << patched("/effectiveFrom", "2023-02-30") << std::string("effectiveFrom")
                                  << std::string("bad-date") << std::string("2023-02-30");
        QTest::newRow("bad holiday") << patched("/holidays/0", "Christmas") << std::string("holidays[0]")
                                     << std::string("bad-date") << std::string("Christmas");
        QTest::newRow("time zone") << patched("/timeZone", "America/New_York") << std::string("timeZone")
                                   << std::string("bad-time-zone") << std::string("America/New_York");
        QTest::newRow("typo") << patched("/programs/crt/excludWhen", nlohmann::json::array())
                              << std::string("programs.crt.excludWhen") << std::string("unknown-member")
                              << std::string("excludeWhen");
        QTest::newRow("hour 25") << patched("/programs/crt/hours/mon/0", "25:00-26:00")
                                 << std::string("programs.crt.hours.mon[0]") << std::string("bad-time-range")
                                 << std::string("25:00-26:00");
        QTest::newRow("empty range") << patched("/programs/crt/hours/tue", {"10:00-10:00"})
                                     << std::string("programs.crt.hours.tue[0]")
                                     << std::string("bad-time-range") << std::string("is empty");
        QTest::newRow("weekday") << patched("/programs/crt/hours/monday", nlohmann::json::array())
                                 << std::string("programs.crt.hours.monday") << std::string("unknown-member")
                                 << std::string("mon, tue");
        QTest::newRow("call type") << patched("/programs/crt/callTypes/1", "arson")
                                   << std::string("programs.crt.callTypes[1]")
                                   << std::string("unknown-call-type") << std::string("arson");
        QTest::newRow("condition") << patched("/programs/crt/excludeWhen/0", "knife")
                                   << std::string("programs.crt.excludeWhen[0]")
                                   << std::string("unknown-condition") << std::string("knife");
        QTest::newRow("risk level") << patched("/programs/crt/excludeWhen/0", "risk:extreme")
                                    << std::string("programs.crt.excludeWhen[0]")
                                    << std::string("unknown-condition") << std::string("risk:extreme");
        QTest::newRow("program") << patched("/programs/swat", nlohmann::json::object())
                                 << std::string("programs.swat") << std::string("unknown-program")
                                 << std::string("swat");
        QTest::newRow("area both") << patched("/programs/crt/serviceArea/allBeatsExcept", {"999"})
                                   << std::string("programs.crt.serviceArea")
                                   << std::string("bad-service-area") << std::string("exactly one");
        QTest::newRow("area empty") << patched("/programs/crt/serviceArea/beats", nlohmann::json::array())
                                    << std::string("programs.crt.serviceArea.beats")
                                    << std::string("bad-service-area") << std::string("empty");
        QTest::newRow("beat twice") << patched("/programs/crt/serviceArea/beats", {"111", "111"})
                                    << std::string("programs.crt.serviceArea.beats")
                                    << std::string("duplicate-beat") << std::string("111");
        QTest::newRow("name type") << patched("/callTypes/1/name", 5) << std::string("callTypes[1].name")
                                   << std::string("wrong-type")
                                   << std::string("expected a string, got number");
        QTest::newRow("alias clash") << patched("/callTypes/1/aliases", {"welfare check"})
                                     << std::string("callTypes[1].aliases[0]")
                                     << std::string("duplicate-call-type") << std::string("welfare-check");
        QTest::newRow("no call types")
            << patched("/callTypes", nlohmann::json::array()) << std::string("callTypes")
            << std::string("empty-value") << std::string("at least one");
        QTest::newRow("follows") << patched("/programs/crt/follows", {"ccd"})
                                 << std::string("programs.crt.follows") << std::string("unknown-program")
                                 << std::string("ccd");
        QTest::newRow("holidays word")
            << patched("/programs/crt/holidays", "sometimes") << std::string("programs.crt.holidays")
            << std::string("wrong-value") << std::string("sometimes");
        QTest::newRow("hours word") << patched("/programs/crt/hours", "never")
                                    << std::string("programs.crt.hours") << std::string("bad-hours")
                                    << std::string("never");
    }

    void malformed()
    {
        QFETCH(std::string, json);
        QFETCH(std::string, location);
        QFETCH(std::string, code);
        QFETCH(std::string, messagePart);
        const auto result = parseRuleSet(json, "rules/mine.json");
        QVERIFY(!result.ok());
        const DataError& error = result.error();
        QCOMPARE(QString::fromStdString(error.file), QStringLiteral("rules/mine.json"));
        QCOMPARE(QString::fromStdString(error.location), QString::fromStdString(location));
        QCOMPARE(QString::fromStdString(error.code), QString::fromStdString(code));
        QVERIFY2(error.message.find(messagePart) != std::string::npos, error.message.c_str());
        QVERIFY(error.toString().find("rules/mine.json: " + location) == 0);
    }

    void unreadableFile()
    {
        const auto result = loadRuleSetFile("/nonexistent/rules.json");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("cannot-read"));
        QCOMPARE(result.error().file, std::string("/nonexistent/rules.json"));
    }

    void duplicateEffectiveDate()
    {
        RuleBook book;
        QVERIFY(book.add(parseRuleSet(kValid, "a.json").value()).ok());
        auto second = parseRuleSet(patched("/id", "other"), "b.json").value();
        const auto added = book.add(second);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, std::string("duplicate-effective-date"));
        QCOMPARE(added.error().field, std::string("other"));
    }
};

QTEST_APPLESS_MAIN(TestRuleSetJson)
#include "tst_core_rule_set_json.moc"
