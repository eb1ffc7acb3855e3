// The resource directory in core: kind codes, what a service needs before it
// is saved (field by field), the search fold (accents, case, blanks), and the
// CSV reader: RFC 4180 quoting, CRLF, BOM, columns in any order, and a file
// with bad rows among good ones, every bad row named by line and column.
#include "core/directory/Resource.h"
#include "core/directory/ResourceCsv.h"

#include <QTest>

using namespace heart;
using namespace heart::directory;

namespace {

Resource goodResource()
{
    Resource r;
    r.name = "Bull City Recovery Center";
    r.kind = ResourceKind::PeerCenter;
    r.phone = "(919) 555-0142";
    r.address = "210 Ramseur St, Durham, NC 27701";
    r.hours = "Mon–Fri 09:00–17:00";
    r.languages = {"en", "es"};
    r.walkIns = true;
    r.notes = "Peer-run.\nNo appointment needed.";
    return r;
}

QStringList codes(const std::vector<Error>& errors)
{
    QStringList list;
    for (const Error& e : errors)
        list << QString::fromStdString(e.code + "@" + e.field);
    return list;
}

// "line:column:code" for each problem, in order.
QStringList listed(const CsvImport& result)
{
    QStringList list;
    for (const CsvProblem& p : result.problems)
        list << QString::fromStdString(std::to_string(p.line) + ":" + p.column + ":" + p.code);
    return list;
}

// A QStringList from UTF-8 literals (the strict Qt build has no implicit conversion).
QStringList strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}

QStringList names(const CsvImport& result)
{
    QStringList list;
    for (const CsvRow& row : result.rows)
        list << QString::fromStdString(row.resource.name);
    return list;
}

} // namespace

class TestCoreDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindCodesRoundTrip()
    {
        QStringList seen;
        for (ResourceKind kind : kAllResourceKinds) {
            const std::string_view code = resourceKindCode(kind);
            QCOMPARE(resourceKindFromCode(code), std::optional<ResourceKind>(kind));
            seen << QString::fromUtf8(code.data(), qsizetype(code.size()));
        }
        QCOMPARE(seen, strings({"shelter", "detox", "clinic", "peer_center", "food", "crisis_line"}));
        QVERIFY(!resourceKindFromCode("Shelter")); // exact codes only
        QVERIFY(!resourceKindFromCode("hospital"));
        QVERIFY(!resourceKindFromCode(""));
    }

    void problems_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("complete") << "none" << QStringList();
        QTest::newRow("blank name") << "blank-name" << strings({"required@name"});
        QTest::newRow("no kind") << "no-kind" << strings({"required@kind"});
        QTest::newRow("no phone is fine") << "no-phone" << QStringList();
        QTest::newRow("988 is dialable") << "phone-988" << QStringList();
        QTest::newRow("letters in phone") << "phone-letters" << strings({"phone-not-dialable@phone"});
        QTest::newRow("short phone") << "phone-short" << strings({"phone-not-dialable@phone"});
        QTest::newRow("upper-case code is fine") << "lang-upper" << QStringList();
        QTest::newRow("language name, not code") << "lang-name" << strings({"language-code@languages"});
        QTest::newRow("language digits") << "lang-digits" << strings({"language-code@languages"});
        QTest::newRow("long name") << "long-name" << strings({"too-long@name"});
        QTest::newRow("name of 150 accented letters") << "name-150-accented" << QStringList();
        QTest::newRow("long notes") << "long-notes" << strings({"too-long@notes"});
        QTest::newRow("line break in address") << "address-break" << strings({"line-break@address"});
        QTest::newRow("everything wrong, in form order")
            << "all"
            << strings({"required@name", "required@kind", "phone-not-dialable@phone", "too-long@address",
                        "language-code@languages"});
    }

    void problems()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, expected);
        Resource r = goodResource();
        if (change == u"blank-name" || change == u"all")
            r.name = " \t ";
        if (change == u"no-kind" || change == u"all")
            r.kind.reset();
        if (change == u"no-phone")
            r.phone = "  ";
        if (change == u"phone-988")
            r.phone = "988";
        if (change == u"phone-letters" || change == u"all")
            r.phone = "919-555-HELP";
        if (change == u"phone-short")
            r.phone = "555-0142";
        if (change == u"lang-upper")
            r.languages = {"EN", " Es "};
        if (change == u"lang-name" || change == u"all")
            r.languages = {"en", "spanish"};
        if (change == u"lang-digits")
            r.languages = {"e1"};
        if (change == u"long-name")
            r.name = std::string(kMaxNameLength + 1, 'x');
        if (change == u"name-150-accented") {
            r.name.clear();
            for (std::size_t i = 0; i < kMaxNameLength; ++i)
                r.name += "é"; // 300 bytes, 150 characters
        }
        if (change == u"long-notes")
            r.notes = std::string(kMaxNotesLength + 1, 'n');
        if (change == u"address-break")
            r.address = "210 Ramseur St\nDurham";
        if (change == u"all")
            r.address = std::string(kMaxAddressLength + 1, 'a');
        QCOMPARE(codes(directory::problems(r)), expected);
    }

    void normalisedForm()
    {
        Resource r = goodResource();
        r.name = "  Bull City Recovery Center \n";
        r.languages = {" ES", "en", "es", "", "ASE"};
        const Resource n = normalised(r);
        QCOMPARE(QString::fromStdString(n.name), QStringLiteral("Bull City Recovery Center"));
        QCOMPARE(QString::fromStdString(n.phone), QStringLiteral("+19195550142"));
        QCOMPARE(n.languages, (std::vector<std::string>{"es", "en", "ase"}));
        QCOMPARE(normalised(n), n); // idempotent
        // An undialable number stays as typed, for problems() to report.
        r.phone = "call us";
        QCOMPARE(QString::fromStdString(normalised(r).phone), QStringLiteral("call us"));
    }

    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("case") << "Durham RESCUE Mission"
                              << "durham rescue mission";
        QTest::newRow("spanish") << "Clínica Hispana del Niño"
                                 << "clinica hispana del nino";
        QTest::newRow("french") << "Église Saint-Éloi, cœur"
                                << "eglise saint-eloi, coeur";
        QTest::newRow("german") << "Straße Über"
                                << "strasse uber";
        QTest::newRow("extended-a") << "Łódź Ševčík"
                                    << "lodz sevcik";
        QTest::newRow("combining accent") << QString::fromUtf8("Cafe\xCC\x81 Nin\xCC\x83o") << "cafe nino";
        QTest::newRow("blanks") << "  Urban\t Ministries \n of  Durham "
                                << "urban ministries of durham";
        QTest::newRow("apostrophe and dash") << "St. Mary’s – Food"
                                             << "st. mary's - food";
        QTest::newRow("other scripts unchanged") << "Помощь 中文"
                                                 << "Помощь 中文";
        QTest::newRow("multiplication sign kept") << "2×2"
                                                  << "2×2";
        QTest::newRow("empty") << ""
                               << "";
    }

    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        const std::string result = foldForSearch(text.toStdString());
        QCOMPARE(QString::fromStdString(result), folded);
        QCOMPARE(foldForSearch(result), result); // folding twice changes nothing
    }

    void foldDropsMalformedBytes()
    {
        QCOMPARE(foldForSearch("Caf\xE9 Ni\xC3"), std::string("caf ni"));
        QVERIFY(!isValidUtf8("Caf\xE9"));
        QVERIFY(!isValidUtf8("\xC0\xAF")); // overlong '/'
        QVERIFY(isValidUtf8("Café"));
        QCOMPARE(characterCount("Café"), std::size_t(4));
    }

    void csvReadsQuotingCrlfBomAndAnyColumnOrder()
    {
        // BOM, CRLF, columns in another order with other spellings, a quoted
        // field with a comma, a doubled quote and an embedded line break.
        const std::string text = "\xEF\xBB\xBF"
                                 "Kind, NAME ,Phone,Walk-ins,Languages,Notes\r\n"
                                 "shelter,\"Durham Rescue Mission, Men's Shelter\",919-555-0101,yes,\"en, "
                                 "es\",\"Check-in 17:00\r\n"
                                 "Bring ID if you have one\"\r\n"
                                 "Peer center,\"The \"\"Bridge\"\" Peer Center\",,No,en;ase,\r\n"
                                 "crisis_line,Alliance Access Line,1-800-555-0199,0,en;es,\r\n";
        const CsvImport result = readResourceCsv(text);
        QVERIFY2(result.problems.empty(), qPrintable(listed(result).join(u' ')));
        QVERIFY(result.headerOk);
        QCOMPARE(result.dataRows, std::size_t(3));
        QCOMPARE(names(result), strings({"Durham Rescue Mission, Men's Shelter", "The \"Bridge\" Peer Center",
                                         "Alliance Access Line"}));
        const Resource& shelter = result.rows[0].resource;
        QCOMPARE(shelter.kind, std::optional(ResourceKind::Shelter));
        QCOMPARE(QString::fromStdString(shelter.phone), QStringLiteral("+19195550101"));
        QVERIFY(shelter.walkIns);
        QCOMPARE(shelter.languages, (std::vector<std::string>{"en", "es"}));
        QCOMPARE(QString::fromStdString(shelter.notes),
                 QStringLiteral("Check-in 17:00\nBring ID if you have one"));
        QCOMPARE(result.rows[1].resource.kind, std::optional(ResourceKind::PeerCenter));
        QVERIFY(!result.rows[1].resource.walkIns);
        QCOMPARE(result.rows[1].resource.languages, (std::vector<std::string>{"en", "ase"}));
        // Line numbers count physical lines: the shelter's record spans two.
        QCOMPARE(result.rows[0].line, std::size_t(2));
        QCOMPARE(result.rows[1].line, std::size_t(4));
        QCOMPARE(result.rows[2].line, std::size_t(5));
    }

    void csvReportsEveryBadRowAndKeepsTheGoodOnes()
    {
        const std::string text = "name,kind,phone,address,hours,languages,walk_ins,notes\n"
                                 "Good One,food,919-555-0110,,,en,yes,\n"             // 2 good
                                 "Bad Kind,hospital,919-555-0111,,,en,no,\n"          // 3
                                 ",shelter,919-555-HELP,,,en;spanish,maybe,\n"        // 4: four problems
                                 "\n"                                                 // 5 blank: skipped
                                 "Good Two,clinic,,\"1 Main St\",,,,\"two\nlines\"\n" // 6-7 good
                                 "Too Many,food,,,,,,,extra\n"                        // 8
                                 "Too Few,food\n"                                     // 9
                                 "No Kind,,,,,,,\n"                                   // 10
                                 "\"Quote\" trailing,food,,,,,,\n"                    // 11
                                 "Good Three,Crisis Line,988,,24/7,en;es,1,\n"        // 12 good
                                 "Bad Bytes,food,,Caf\xE9,,,,\n";                     // 13
        const CsvImport result = readResourceCsv(text);
        QVERIFY(result.headerOk);
        QCOMPARE(names(result), strings({"Good One", "Good Two", "Good Three"}));
        QCOMPARE(result.rows[1].line, std::size_t(6));
        QCOMPARE(result.rows[2].line, std::size_t(12));
        QCOMPARE(result.dataRows, std::size_t(10));
        QCOMPARE(listed(result), strings({
                                     "3:kind:unknown-kind",
                                     "4:name:required",
                                     "4:phone:phone-not-dialable",
                                     "4:languages:language-code",
                                     "4:walk_ins:yes-no",
                                     "8::field-count",
                                     "9::field-count",
                                     "10:kind:required",
                                     "11::text-after-quote",
                                     "13::not-utf8",
                                 }));
        // The detail says what is wrong, for the person fixing the file.
        QVERIFY(result.problems[0].detail.find("hospital") != std::string::npos);
        QVERIFY(result.problems[5].detail.find("9 fields, the header has 8") != std::string::npos);
    }

    void csvNamesColumnsAsTheFileDoes()
    {
        const CsvImport result = readResourceCsv("Name,Kind,Walk-Ins\nX,food,perhaps\n");
        QCOMPARE(listed(result), strings({"2:Walk-Ins:yes-no"}));
    }

    void csvHeaderProblemsStopTheFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown column") << "name,kind,fax\nA,food,1\n" << strings({"1:fax:unknown-column"});
        QTest::newRow("unnamed column") << "name,kind,\nA,food,\n" << strings({"1::unknown-column"});
        QTest::newRow("repeated column") << "name,kind,Name\nA,food,B\n"
                                         << strings({"1:Name:duplicate-column"});
        QTest::newRow("missing kind") << "name,phone\nA,\n" << strings({"1:kind:missing-column"});
        QTest::newRow("missing both") << "phone\n\n"
                                      << strings({"1:name:missing-column", "1:kind:missing-column"});
        QTest::newRow("empty file") << "" << strings({"1::empty-file"});
        QTest::newRow("only blank lines") << "\r\n\r\n" << strings({"1::empty-file"});
        QTest::newRow("semicolon-separated")
            << "name;kind\nA;food\n"
            << strings({"1:name;kind:unknown-column", "1:name:missing-column", "1:kind:missing-column"});
    }

    void csvHeaderProblemsStopTheFile()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const CsvImport result = readResourceCsv(text.toStdString());
        QVERIFY(!result.headerOk);
        QVERIFY(result.rows.empty());
        QCOMPARE(listed(result), expected);
    }

    void csvUnterminatedQuoteKeepsEarlierRows()
    {
        const CsvImport result = readResourceCsv("name,kind\nA,food\n\"B,food\nC,food\n");
        QCOMPARE(names(result), strings({"A"}));
        QCOMPARE(listed(result), strings({"3::unterminated-quote"}));
    }

    void csvWithoutFinalLineBreak()
    {
        const CsvImport result = readResourceCsv("name,kind\r\nA,food\r\nB,\"shelter\"");
        QCOMPARE(names(result), strings({"A", "B"}));
        QVERIFY(result.problems.empty());
    }

    void csvWriterRoundTrip()
    {
        Resource r = normalised(goodResource());
        r.name = "The \"Bridge\", Durham";
        const std::string text = writeResourceCsvHeader() + "\r\n" + writeResourceCsvRecord(r) + "\r\n";
        const CsvImport result = readResourceCsv(text);
        QVERIFY2(result.problems.empty(), qPrintable(listed(result).join(u' ')));
        QCOMPARE(result.rows.size(), std::size_t(1));
        QCOMPARE(result.rows[0].resource, r);
    }
};

QTEST_APPLESS_MAIN(TestCoreDirectory)
#include "tst_core_directory.moc"
