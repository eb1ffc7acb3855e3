// Every reader of outside text is total (issue 19): any input gives a value
// or an error naming where, quoting a bounded excerpt; never an exception,
// a crash on deep nesting, or super-linear time. The reproductions from the
// issue (1e400, a 50,000-deep array, dates in 2608 and 9999, a CSV line of
// 2,000,000 commas, 50,000 small beats) and every input in the fuzz seed
// corpora and regressions (tests/fuzz) are read here on every test run.
#include "RoutingTestSupport.h"
#include "core/JsonLimits.h"
#include "core/cad/NatureCodeTable.h"
#include "core/intake/IntakeDraft.h"
#include "fuzz/FuzzReaders.h"

#include <QElapsedTimer>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace heart;
using namespace heart::routing;

namespace {

std::string deepArray(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// A grid of `count` small square beats, 250 to a row.
std::string smallBeats(int count)
{
    std::string text = "{\"type\":\"FeatureCollection\",\"features\":[";
    char buffer[400];
    for (int i = 0; i < count; ++i) {
        const double x = -79 + (i % 250) * 0.001;
        const double y = 35 + (i / 250) * 0.001;
        std::snprintf(
            buffer, sizeof buffer,
            "%s{\"type\":\"Feature\",\"properties\":{\"beat\":%d},\"geometry\":{\"type\":\"Polygon\","
            "\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
            i ? "," : "", i, x, y, x + 0.0009, y, x + 0.0009, y + 0.0009, x, y + 0.0009, x, y);
        text += buffer;
    }
    return text + "]}";
}

} // namespace

class TestReaderLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersOutOfRangeAreErrorsNotExceptions()
    {
        // Issue 19: {"format": 1e400} to replay --rules and {"dueSoonHours": 1e400} to
        // set-setting aborted with an uncaught out_of_range.
        const auto rules = parseRuleSet("{\"format\": 1e400}", "rules.json");
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, std::string("json-syntax"));
        QCOMPARE(rules.error().file, std::string("rules.json"));
        QVERIFY2(rules.error().message.find("out of range") != std::string::npos,
                 rules.error().message.c_str());
        const auto policy = followup::parseFollowUpConfig("{\"dueSoonHours\": 1e400}", "policy.json");
        QVERIFY(!policy);
        QCOMPARE(policy.error().code, std::string("json-syntax"));
        QVERIFY(!safety::parseCrisisServices("{\"en\": 1e400}", "s"));
        QVERIFY(!geo::BeatMap::fromGeoJson("{\"type\": -1e400}"));
        QVERIFY(!safety::parseSafetyPlan("{\"format\": 1e400}"));
        QVERIFY(!cad::NatureCodeTable::fromJson("{\"format\": 1e400}"));
        // A huge integer that fits no type is a float: a wrong type, not a crash.
        const auto huge = followup::parseFollowUpConfig("{\"dueSoonHours\": 123456789012345678901234567890}",
                                                        "policy.json");
        QVERIFY(!huge);
        QCOMPARE(huge.error().location, std::string("dueSoonHours"));
    }

    void aNumberOutOfRangeIsNamedByItsJsonPath()
    {
        // Issue 19: {"dueSoonHours": 1e400} must say WHERE the number is, like
        // every other error of these readers, not only "a number is out of range".
        const auto policy = followup::parseFollowUpConfig("{\"dueSoonHours\": 1e400}", "policy.json");
        QVERIFY(!policy);
        QCOMPARE(policy.error().location, std::string("dueSoonHours"));
        QVERIFY2(policy.error().message.find("out of range") != std::string::npos,
                 policy.error().message.c_str());
        const auto nested = followup::parseFollowUpConfig(
            "{\"checkIn\": {\"skipWeekends\": true}, \"followUp\": {\"crt\": {\"dueHours\": -2e999}}}", "p");
        QVERIFY(!nested);
        QCOMPARE(nested.error().location, std::string("followUp.crt.dueHours"));
        const auto inList = safety::parseCrisisServices(
            "{\"en\": [{\"name\": \"a\", \"phone\": \"1\"}, {\"name\": \"b\", \"phone\": 1e400}]}", "s");
        QVERIFY(!inList);
        QCOMPARE(inList.error().code, std::string("json-syntax"));
        QCOMPARE(inList.error().location, std::string("$.en[1].phone"));
        const auto element = safety::parseCrisisServices("{\"en\": [[1, 2, 3e500]]}", "s");
        QCOMPARE(element.error().location, std::string("$.en[0][2]"));
        QCOMPARE(safety::parseCrisisServices("1e400", "s").error().location, std::string("$"));
        QCOMPARE(followup::parseFollowUpConfig("1e400", "p").error().location, std::string("(top level)"));
        // A key is quoted as a bounded excerpt in the path.
        const std::string longKey(10'000, 'k');
        const auto keyed = followup::parseFollowUpConfig("{\"" + longKey + "\": 1e400}", "p");
        QVERIFY2(keyed.error().location.size() < 100, keyed.error().location.c_str());
        // Syntax errors keep their byte offset.
        QVERIFY(followup::parseFollowUpConfig("{\"dueSoonHours\": nope}", "p")
                    .error()
                    .location.starts_with("byte "));
    }

    void deepNestingIsRefusedBeforeParsing()
    {
        // Issue 19: a 50,000-deep array crashed (SIGSEGV) while an error message dumped it.
        const std::string deep = deepArray(50'000);
        for (const DataError& error :
             {parseRuleSet(deep, "rules.json").error(), followup::parseFollowUpConfig(deep, "p").error(),
              safety::parseCrisisServices(deep, "s").error(), geo::BeatMap::fromGeoJson(deep).error(),
              cad::NatureCodeTable::fromJson(deep).error(),
              parseRuleSet("{\"format\": \"heartdesk-rules/1\", \"id\": " + deep + "}", "rules.json")
                  .error()}) {
            QCOMPARE(error.code, std::string("too-deep"));
            QVERIFY2(error.location.starts_with("byte "), error.location.c_str());
        }
        QCOMPARE(safety::parseSafetyPlan(deep).error().code, std::string("too-deep"));
        // The limit itself: 64 levels read (and give an error about the shape), 65 do not.
        QCOMPARE(parseRuleSet(deepArray(kJsonMaxDepth), "r").error().code, std::string("wrong-type"));
        QCOMPARE(parseRuleSet(deepArray(kJsonMaxDepth + 1), "r").error().code, std::string("too-deep"));
        // Brackets inside strings do not count.
        QCOMPARE(jsonNestingDepth("[\"[[[[\", {\"a\": \"}}}]]]\"}]", 10), 2);
    }

    void errorsQuoteABoundedExcerpt()
    {
        const std::string longKey(100'000, 'k');
        const std::string longValue(100'000, 'v');
        const std::vector<DataError> errors = {
            parseRuleSet("{\"" + longKey + "\": 1}", "rules.json").error(),
            parseRuleSet("{\"format\": \"" + longValue + "\"}", "rules.json").error(),
            parseRuleSet("{\"format\": [" + std::string(50'000, '1').replace(1, 0, ",") + "]}", "r").error(),
            followup::parseFollowUpConfig("{\"followUp\": {\"" + longKey + "\": 1}}", "p").error(),
            followup::parseFollowUpConfig("{\"timeZone\": \"" + longValue + "\"}", "p").error(),
            safety::parseCrisisServices("{\"en\": [], \"" + longKey + "\": []}", "s").error(),
            geo::BeatMap::fromGeoJson("{\"type\": \"" + longValue + "\"}").error(),
            parseColumnMapping(longKey + "=x").error(),
        };
        for (const DataError& error : errors) {
            QVERIFY2(error.toString().size() < 400, error.toString().substr(0, 400).c_str());
            QVERIFY(!error.code.empty());
        }
        // Cut at a character, never inside one: "é" is two bytes.
        std::string accents;
        for (int i = 0; i < 100; ++i)
            accents += "\xC3\xA9";
        const std::string cut = excerpt(accents, 61);
        QCOMPARE(cut, accents.substr(0, 60) + "...");
        QCOMPARE(excerpt(std::string("a\x01\xFF", 3)), std::string("a??"));
    }

    void datesOutsideTheYearsAreRefused()
    {
        // Issue 19: "2608-10-20 14:00" was decided under the 2023 rules, "9999-12-31"
        // came out as 1816 (the nanosecond clock wrapped).
        const Router router(test::durhamRuleBook(), test::durhamBeats());
        const std::string csv = "time,type,beat\n"
                                "2608-10-20 14:00,Welfare Check,313\n"
                                "9999-12-31 23:59,Welfare Check,313\n"
                                "1899-12-31 10:00,Welfare Check,313\n"
                                "12/31/9999 10:00 PM,Welfare Check,313\n"
                                "2200-12-31 10:00,Welfare Check,313\n"
                                "2024-05-15 10:00,Welfare Check,313\n";
        const auto summary = replayCsv(csv, "calls.csv", router);
        QVERIFY(summary.ok());
        const ReplaySummary& s = summary.value();
        QCOMPARE(s.malformed, std::size_t(4));
        QCOMPARE(s.decided, std::size_t(2)); // 2200 (the last year read) and 2024
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(s.errors[i].line, i + 2);
            QVERIFY2(s.errors[i].message.find("outside the years 1900 to 2200") != std::string::npos,
                     s.errors[i].message.c_str());
        }
        // The router itself, for a call from intake or the CAD: refused, not decided.
        CallFacts call;
        call.callType = "Welfare Check";
        call.beat = "313";
        call.received = test::at(2608, 10, 20, 14);
        const auto decided = router.decide(call);
        QVERIFY(!decided);
        QCOMPARE(decided.error().code, std::string("time-out-of-range"));
        call.received = test::at(2024, 5, 15, 10);
        QVERIFY(router.decide(call).ok());
        // Rule sets: an effective date or holiday past 2200 is refused.
        auto text = readFile(test::resourcePath("rules/durham-2023-10-23-citywide.json"));
        text.replace(text.find("\"2023-10-23\""), 12, "\"9999-12-31\"");
        const auto set = parseRuleSet(text, "citywide.json");
        QVERIFY(!set);
        QCOMPARE(set.error().code, std::string("bad-date"));
        QCOMPARE(set.error().location, std::string("effectiveFrom"));
    }

    void aCsvLineOfTwoMillionCommasIsReadInLinearTime()
    {
        // Issue 19: 55 s when the field scan was quadratic in the line length.
        // Linear reads it in well under a second (also under the sanitizers,
        // a few seconds); quadratic would take minutes and hit the test's timeout.
        const Router router(test::durhamRuleBook(), test::durhamBeats());
        std::string csv = "time,type,beat\n2024-05-15 10:00,";
        csv.append(2'000'000, ',');
        csv += "\n2024-05-15 10:00,Welfare Check,313\n";
        QElapsedTimer timer;
        timer.start();
        const auto summary = replayCsv(csv, "calls.csv", router);
        const qint64 rowMs = timer.restart();
        QVERIFY(summary.ok());
        QCOMPARE(summary.value().malformed, std::size_t(1));
        QCOMPARE(summary.value().errors.front().message, std::string("expected 3 fields, found 2000002"));
        QCOMPARE(summary.value().decided, std::size_t(1));
        // The header too: 2,000,000 columns, listed in a message by the first few only.
        std::string header = "time,type";
        header.append(2'000'000, ',');
        const auto refused = replayCsv(header + "\n", "calls.csv", router);
        const qint64 headerMs = timer.restart();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, std::string("no-location-column"));
        QVERIFY(refused.error().message.size() < 1000);
        // The resource directory's reader.
        const auto resources = directory::readResourceCsv("name,kind" + std::string(2'000'000, ',') + "\n");
        const qint64 directoryMs = timer.elapsed();
        QVERIFY(!resources.headerOk);
        QVERIFY(resources.problems.size() <= 30);
        qInfo("2,000,000 commas: a row %lld ms, a header %lld ms, a directory header %lld ms", rowMs,
              headerMs, directoryMs);
    }

    void fiftyThousandSmallBeatsLoadInLinearTime()
    {
        // Issue 19: 57 s for 50,000 small features. Now a few seconds; the old
        // grid (every part tested in every cell of its row) took minutes for 100,000.
        QElapsedTimer timer;
        timer.start();
        const auto grid = geo::BeatMap::fromGeoJson(smallBeats(50'000));
        const qint64 gridMs = timer.restart();
        QVERIFY(grid.ok());
        QCOMPARE(grid.value().beatIds().size(), std::size_t(50'000));
        QCOMPARE(grid.value().locate({-79 + 7 * 0.001 + 0.0004, 35 + 3 * 0.001 + 0.0004}),
                 std::optional<std::string_view>("757")); // row 3, column 7
        QCOMPARE(grid.value().locate({-79 + 0.00095, 35.0004}), std::optional<std::string_view>());

        // 100,000 thin beats side by side in one row: every part spans every grid row.
        std::string row = "{\"type\":\"FeatureCollection\",\"features\":[";
        char buffer[300];
        for (int i = 0; i < 100'000; ++i) {
            const double x = -79 + i * 0.0005;
            std::snprintf(
                buffer, sizeof buffer,
                "%s{\"type\":\"Feature\",\"properties\":{\"beat\":%d},\"geometry\":{\"type\":\"Polygon\","
                "\"coordinates\":[[[%.4f,0],[%.4f,0],[%.4f,0.001],[%.4f,0]]]}}",
                i ? "," : "", i, x, x + 0.0004, x + 0.0004, x);
            row += buffer;
        }
        row += "]}";
        timer.restart();
        const auto thin = geo::BeatMap::fromGeoJson(row);
        const qint64 rowMs = timer.restart();
        QVERIFY2(thin.ok(), thin.ok() ? "" : thin.error().toString().c_str());
        QCOMPARE(thin.value().beatIds().size(), std::size_t(100'000));

        // 50,000 copies of one square: refused at once, not built for a minute.
        std::string same = "{\"type\":\"FeatureCollection\",\"features\":[";
        for (int i = 0; i < 50'000; ++i)
            same +=
                std::string(i ? "," : "") +
                "{\"type\":\"Feature\",\"properties\":{\"beat\":" + std::to_string(i) +
                "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}";
        same += "]}";
        timer.restart();
        const auto piled = geo::BeatMap::fromGeoJson(same);
        const qint64 sameMs = timer.elapsed();
        QVERIFY(!piled);
        QCOMPARE(piled.error().code, std::string("too-complex"));
        qInfo("50,000 small beats %lld ms, 100,000 in a row %lld ms, 50,000 piled up %lld ms (refused)",
              gridMs, rowMs, sameMs);
    }

    void crisisServicesReadInCore()
    {
        const auto table = safety::parseCrisisServices(
            "{\"en\": [{\"name\": \" Durham Crisis Line \", \"phone\": \"919-555-0199\"}], \"es\": []}", "s");
        QVERIFY(table.ok());
        QCOMPARE(table.value().forLanguage("fr").front().name, std::string("Durham Crisis Line"));
        QVERIFY(table.value().forLanguage("es").empty());
        const auto noEnglish = safety::parseCrisisServices("{\"es\": []}", "s");
        QCOMPARE(noEnglish.error().location, std::string("$.en"));
        const auto noPhone = safety::parseCrisisServices("{\"en\": [{\"name\": \"Warm line\"}]}", "s");
        QCOMPARE(noPhone.error().location, std::string("$.en[0]"));
        QCOMPARE(safety::parseCrisisServices("{\"EN\": [], \"en\": []}", "s").error().code,
                 std::string("language-code"));
    }

    void intakeDraftsAreReadTotally()
    {
        // Issue 19: the intake draft, JSON in the database, is read by a core
        // reader with the limits of the others; an error names the member and
        // never quotes the person's words.
        const std::string full =
            readFile(std::string(HEARTDESK_SOURCE_DIR) + "/tests/fuzz/corpus/intake-draft/full.json");
        const auto draft = intake::parseIntakeDraft(full);
        QVERIFY2(draft, draft ? "" : draft.error().toString().c_str());
        QCOMPARE(draft.value().callerName, std::string("Rosa Example"));
        QCOMPARE(draft.value().personAge, 34);
        QCOMPARE(draft.value().flags, (std::vector<bool>{false, true, false, false, false}));
        QVERIFY(draft.value().beatFromPosition);
        QCOMPARE(intake::parseIntakeDraft(intake::toJson(draft.value())).value(), draft.value());
        // An older version's draft: what is missing keeps its default.
        const auto older = intake::parseIntakeDraft("{\"narrative\": \"typed before a crash\"}");
        QVERIFY(older);
        QCOMPARE(older.value().personAge, -1);
        QCOMPARE(older.value().narrative, std::string("typed before a crash"));

        struct Bad
        {
            std::string text;
            std::string location;
            std::string code;
        };
        const std::string secret = "Quillfeather";
        const std::vector<Bad> bad = {
            {"{\"callerName\": \"Quillfeather\", \"narrative\": 42}", "narrative", "wrong-type"},
            {"{\"flags\": [true, \"Quillfeather\"]}", "flags[1]", "wrong-type"},
            {"{\"personAge\": 151}", "personAge", "out-of-range"},
            {"{\"personAge\": 18446744073709551615}", "personAge", "out-of-range"},
            {"{\"version\": -3}", "version", "out-of-range"},
            {"{\"personAge\": 1e400}", "personAge", "json-syntax"},
            {"[\"Quillfeather\"]", "(top level)", "wrong-type"},
            {"{\"narrative\": \"Quillfeather\\u0000\"}", "narrative", "not-text"},
            {"{\"narrative\": \"" + std::string(intake::kDraftMaxTextBytes + 1, 'a') + "\"}", "narrative",
             "too-long"},
            {"{\"narrative\": \"Quillfeather", "byte", "json-syntax"},
        };
        for (const Bad& row : bad) {
            const auto parsed = intake::parseIntakeDraft(row.text);
            if (row.code.empty())
                continue;
            QVERIFY2(!parsed, row.text.substr(0, 80).c_str());
            QCOMPARE(parsed.error().code, row.code);
            QVERIFY2(parsed.error().location.starts_with(row.location), parsed.error().location.c_str());
            QVERIFY2(parsed.error().toString().find(secret) == std::string::npos,
                     parsed.error().toString().c_str());
            QVERIFY(parsed.error().toString().size() < 300);
        }
        std::string manyFlags = "{\"flags\": [";
        for (std::size_t i = 0; i <= intake::kDraftMaxFlags; ++i)
            manyFlags += i ? ",true" : "true";
        QCOMPARE(intake::parseIntakeDraft(manyFlags + "]}").error().code, std::string("too-long"));
        QCOMPARE(intake::parseIntakeDraft(deepArray(50'000)).error().code, std::string("too-deep"));
    }

    void fuzzRegressionsReplay()
    {
        // Every seed and every input a fuzzer once crashed on, through the
        // same checks as the fuzz targets (tests/fuzz/FuzzReaders.h).
        struct Target
        {
            const char* name;
            const char* (*check)(std::string_view);
        };
        const Target targets[] = {
            {"rule-set", fuzz::ruleSet},
            {"follow-up-policy", fuzz::followUpPolicy},
            {"crisis-services", fuzz::crisisServices},
            {"beat-map", fuzz::beatMap},
            {"replay", fuzz::replay},
            {"resource-csv", fuzz::resourceCsv},
            {"safety-plan", fuzz::safetyPlan},
            {"intake-draft", fuzz::intakeDraft},
        };
        std::size_t replayed = 0;
        for (const Target& target : targets) {
            for (const char* folder : {"/tests/fuzz/corpus/", "/tests/fuzz/regressions/"}) {
                const std::filesystem::path root = std::string(HEARTDESK_SOURCE_DIR) + folder + target.name;
                if (!std::filesystem::exists(root))
                    continue;
                for (const auto& entry : std::filesystem::directory_iterator(root)) {
                    if (!entry.is_regular_file())
                        continue;
                    const char* problem = target.check(readFile(entry.path()));
                    QVERIFY2(!problem, (entry.path().string() + ": " + (problem ? problem : "")).c_str());
                    ++replayed;
                }
            }
        }
        QVERIFY2(replayed >= 14, std::to_string(replayed).c_str());
    }
};

QTEST_APPLESS_MAIN(TestReaderLimits)
#include "tst_core_reader_limits.moc"
