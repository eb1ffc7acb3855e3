// EIDO in and out (issue 17): NENA's official sample and a richer Durham
// incident map to exactly the expected CadIncident; every malformed,
// oversized or hostile message is refused with a clean DataError that names
// where and never quotes a person's data; the writer's update reads back and
// is byte-stable; the nature-code table reads CSV and JSON with errors by line
// or path. The fuzzers' regression inputs replay here.
#include "core/cad/EidoFields.h"
#include "core/cad/EidoReader.h"
#include "core/cad/EidoSchema.h"
#include "core/cad/EidoTime.h"
#include "core/cad/EidoWriter.h"
#include "core/cad/MarkupText.h"
#include "core/cad/NatureCodeTable.h"
#include "core/routing/RuleSetJson.h"

#include <QTest>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace heart;
using namespace heart::cad;
using namespace std::chrono;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string dataFile(const char* name)
{
    return readFile(std::string(HEARTDESK_TEST_DATA) + "/eido/" + name);
}

TimePoint utc(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms = 0)
{
    return sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

// The official sample with one member replaced (JSON pointer).
std::string officialWith(const std::string& pointer, const nlohmann::json& value)
{
    auto document = nlohmann::json::parse(dataFile("sample-call-transfer.json"));
    document[nlohmann::json::json_pointer(pointer)] = value;
    return document.dump();
}

std::string richWith(const std::string& pointer, const nlohmann::json& value)
{
    auto document = nlohmann::json::parse(dataFile("heart-incident.json"));
    document[nlohmann::json::json_pointer(pointer)] = value;
    return document.dump();
}

DataError refusalOf(const std::string& text)
{
    const auto read = readEido(text);
    if (read.ok())
        return DataError{"", "", "accepted", ""};
    return read.error();
}

CadUpdate sampleUpdate()
{
    CadUpdate update;
    update.incidentId = "urn:emergency:uid:incidentid:2026-000417:durham911.example.org";
    update.cadNumber = "D26-041723";
    update.messageId = "urn:uuid:6f1c2f7e-3b1a-4c55-9a57-2f0a5b8c1d01";
    update.at = utc(2026, 11, 23, 14, 20, 5, 120);
    update.issuingElement = "heartdesk.durham911.example.org";
    update.agency = "heart.durham.example.org";
    update.agentId = "u-0042";
    update.callType = "welfare-check";
    update.program = "crt";
    update.unitCode = "CRT-2";
    update.unitStatus = "en_route";
    update.disposition = "crt_dispatch";
    update.note = "CRT-2 sent; caller asked to wait by the bench.\nNo weapons seen <on arrival>.";
    return update;
}

} // namespace

class TestEido : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialSampleMaps()
    {
        const auto read = readEido(dataFile("sample-call-transfer.json"));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        const CadIncident& incident = read.value();
        QCOMPARE(incident.incidentId,
                 std::string("urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us"));
        QCOMPARE(incident.cadNumber, std::string("a56e556d871"));
        QVERIFY(incident.updatedAt == utc(2021, 4, 30, 18, 43, 49, 439)); // -04:00 to UTC
        QVERIFY(incident.receivedAt == utc(2021, 4, 30, 18, 40, 0));      // callStartTimestamp
        QCOMPARE(incident.issuingElement, std::string("idx.state.pa.us"));
        QCOMPARE(incident.agency, std::string("state.pa.us"));
        QCOMPARE(incident.address, std::string("42 W Cellular Street, Wilmington, DE"));
        QVERIFY(!incident.latitude && !incident.longitude);
        QCOMPARE(incident.callerPhone, std::string("+18195551212")); // "tel:8195551212", not the sip: URI
        QCOMPARE(incident.callerName, std::string());                // the caller has no ncPersonComponent
        QCOMPARE(incident.callerRelationship, std::string());
        QCOMPARE(incident.personName, std::string());
        QCOMPARE(incident.notes, std::string("This is an example text.")); // the Comment additional data
        QVERIFY(incident.natureCode.empty() &&
                incident.natureText.empty()); // a call transfer: no incident part
        QVERIFY(incident.flags.empty() && incident.cautions.empty());
        QCOMPARE(incident.language, std::string());
        QVERIFY(!incident.interpreter);
    }

    void richIncidentMapsEveryField()
    {
        const auto read = readEido(dataFile("heart-incident.json"));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        const CadIncident& incident = read.value();
        QCOMPARE(incident.incidentId,
                 std::string("urn:emergency:uid:incidentid:2026-000417:durham911.example.org"));
        QCOMPARE(incident.cadNumber, std::string("D26-041723")); // internalIncidentId wins over the $id
        QVERIFY(incident.updatedAt == utc(2026, 11, 23, 14, 15, 30, 250));
        QVERIFY(incident.receivedAt == utc(2026, 11, 23, 14, 11, 58, 500));
        QCOMPARE(incident.issuingElement, std::string("cad.durham911.example.org"));
        QCOMPARE(incident.agency, std::string("durham911.example.org"));
        QCOMPARE(incident.natureCode, std::string("welf"));
        QCOMPARE(incident.natureText, std::string("CHECK WELFARE"));
        QCOMPARE(defaultNatureCodeTable().callTypeFor(incident), std::optional<std::string>("welfare-check"));
        // The incident's location (not the call's), civic address and gml:pos.
        QCOMPARE(incident.address, std::string("1201 W Main Street, Durham, NC 27701"));
        QVERIFY(incident.latitude && incident.longitude);
        QCOMPARE(*incident.latitude, 35.9971);
        QCOMPARE(*incident.longitude, -78.9085);
        QCOMPARE(incident.callerName, std::string("Marisol Quintanilla"));
        QCOMPARE(incident.callerPhone, std::string("+19195550147"));
        QCOMPARE(incident.callerRelationship, std::string("family"));
        QCOMPARE(incident.personName, std::string("Quill Thistledown"));
        QCOMPARE(incident.personAge, std::optional<int>(34));
        QCOMPARE(incident.language, std::string("es"));
        QVERIFY(incident.interpreter);
        QCOMPARE(incident.flags, (std::vector<std::string>{"weapon", "intoxication"}));
        QCOMPARE(incident.cautions, (std::vector<std::string>{"Has a kitchen knife (Weapon, high)",
                                                              "Drinking since morning (Intoxicated)"}));
        // Oldest first (the document lists them the other way round), HTML removed.
        QCOMPARE(incident.notes,
                 std::string("Caller's brother sitting on bench,\npacing <upset>\n"
                             "Sister says he has not slept in three days & is talking to himself.\n"
                             "No one else home."));
    }

    void mappingFallbacks()
    {
        // No internalIncidentId: the id part of the urn; not a urn: the $id itself.
        auto incident = readEido(richWith("/incidentComponent/internalIncidentId", nullptr));
        QVERIFY(!incident.ok()); // null is not a string
        auto document = nlohmann::json::parse(dataFile("heart-incident.json"));
        document["incidentComponent"].erase("internalIncidentId");
        incident = readEido(document.dump());
        QVERIFY(incident.ok());
        QCOMPARE(incident.value().cadNumber, std::string("2026-000417"));
        document["$id"] = "CAD-77";
        QCOMPARE(readEido(document.dump()).value().cadNumber, std::string("CAD-77"));
        // No incident location: the call's (its description only).
        document["incidentComponent"].erase("locationReference");
        incident = readEido(document.dump());
        QCOMPARE(incident.value().address, std::string("Caller is in a parked car nearby"));
        QVERIFY(!incident.value().latitude);
        // A birth date instead of an age; the language by ISO 639-1 code.
        document["personComponent"][1]["ncPersonComponent"] = {
            {"name",
             {{{"personGivenName", {{{"value", "Quill"}}}},
               {"personSurName", {{{"value", "Thistledown"}}}}}}},
            {"birthDate", {{{"date", {{{"value", "1990-11-24"}}}}}}}};
        document["personComponent"][0]["ncPersonComponent"]["primaryLanguage"] = {
            {{"languageCode", {{{"simpleType", "en"}}}}}};
        document["personComponent"][0]["ncPersonComponent"].erase("isLanguageEnglish");
        incident = readEido(document.dump());
        QCOMPARE(incident.value().personName, std::string("Quill Thistledown"));
        QCOMPARE(incident.value().personAge, std::optional<int>(35)); // the day before the 36th birthday
        QCOMPARE(incident.value().language, std::string("en"));
        QVERIFY(!incident.value().interpreter);
    }

    void legacySampleRefusedNamingMissingMembers()
    {
        const DataError error = refusalOf(dataFile("legacy-sample-2020.json"));
        QCOMPARE(error.code, std::string("missing-member"));
        QCOMPARE(error.location, std::string("lastUpdateTimeStamp"));
        QVERIFY(error.message.find("eidoVersion: missing required member") != std::string::npos);
        QVERIFY(error.message.find("updatedByAgencyReference: missing required member") != std::string::npos);
        QVERIFY(error.message.find("incidentComponent: expected an object") != std::string::npos);
    }

    void schemaPathsNameTheMember()
    {
        auto document = nlohmann::json::parse(dataFile("sample-call-transfer.json"));
        document["callComponent"][0].erase("lastUpdateTimeStamp");
        const auto problems = checkEidoSchema(document);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].location, std::string("callComponent[0].lastUpdateTimeStamp"));
        QCOMPARE(problems[0].code, std::string("missing-member"));
        QVERIFY(checkEidoSchema(nlohmann::json::parse(dataFile("heart-incident.json"))).empty());
        // Many faults: at most kEidoMaxErrors reported.
        document["locationComponent"] = nlohmann::json::array();
        for (int i = 0; i < 100; ++i)
            document["locationComponent"].push_back(nlohmann::json::object());
        QCOMPARE(checkEidoSchema(document).size(), kEidoMaxErrors);
    }

    void refusals_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("location");
        QTest::newRow("empty") << std::string() << std::string("json-syntax") << std::string("");
        QTest::newRow("blank") << std::string(" \r\n\t") << std::string("json-syntax") << std::string("");
        QTest::newRow("not json") << std::string("{\"$id\": nope}") << std::string("json-syntax")
                                  << std::string("byte 10");
        QTest::newRow("truncated") << dataFile("sample-call-transfer.json").substr(0, 500)
                                   << std::string("json-syntax") << std::string("byte 501");
        QTest::newRow("1e400") << std::string("{\"$id\": \"x\", \"n\": 1e400}") << std::string("json-syntax")
                               << std::string("");
        QTest::newRow("not utf-8") << std::string("{\"$id\": \"\xC3\x28\"}") << std::string("json-syntax")
                                   << std::string("byte 11");
        QTest::newRow("array") << std::string("[]") << std::string("not-eido") << std::string("(root)");
        QTest::newRow("number") << std::string("42") << std::string("not-eido") << std::string("(root)");
        QTest::newRow("50,000 deep") << std::string(50000, '[') + std::string(50000, ']')
                                     << std::string("too-deep") << std::string("");
        QTest::newRow("65 deep in a member")
            << officialWith("/eidoExtensionId", nlohmann::json::array())
                   .insert(1, "\"x\":" + std::string(65, '[') + std::string(65, ']') + ",")
            << std::string("too-deep") << std::string("");
        QTest::newRow("2 MB string") << officialWith("/issuingElementIdentification",
                                                     std::string(2'000'000, 'a'))
                                     << std::string("too-large") << std::string("");
        QTest::newRow("eidoVersion a number")
            << officialWith("/eidoVersion", 1) << std::string("wrong-type") << std::string("eidoVersion");
        QTest::newRow("eidoVersion 2.0")
            << officialWith("/eidoVersion", "2.0") << std::string("bad-value") << std::string("eidoVersion");
        QTest::newRow("callComponent an object") << officialWith("/callComponent", nlohmann::json::object())
                                                 << std::string("wrong-type") << std::string("callComponent");
        QTest::newRow("agentRoleRegistryText empty")
            << officialWith("/agentComponent/0/agentRoleRegistryText", nlohmann::json::array())
            << std::string("too-few-items") << std::string("agentComponent[0].agentRoleRegistryText");
        QTest::newRow("February 30") << officialWith("/lastUpdateTimeStamp", "2021-02-30T10:00:00Z")
                                     << std::string("bad-time") << std::string("lastUpdateTimeStamp");
        QTest::newRow("blank for T") << officialWith("/lastUpdateTimeStamp", "2021-04-30 14:43:49Z")
                                     << std::string("bad-time") << std::string("lastUpdateTimeStamp");
        QTest::newRow("no offset") << officialWith("/callComponent/0/callStartTimestamp",
                                                   "2021-04-30T14:40:00")
                                   << std::string("bad-time")
                                   << std::string("callComponent[0].callStartTimestamp");
        QTest::newRow("year 1850") << officialWith("/lastUpdateTimeStamp", "1850-01-01T00:00:00Z")
                                   << std::string("bad-time") << std::string("lastUpdateTimeStamp");
        QTest::newRow("year 9999 call")
            << officialWith("/callComponent/0/callStartTimestamp", "9999-12-31T23:59:59Z")
            << std::string("bad-time") << std::string("callComponent[0].callStartTimestamp");
        QTest::newRow("empty $id") << officialWith("/$id", " ") << std::string("bad-value")
                                   << std::string("$id");
        QTest::newRow("no agencies") << officialWith("/agencyComponent", nullptr) << std::string("wrong-type")
                                     << std::string("agencyComponent");
    }

    void refusals()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, code);
        QFETCH(std::string, location);
        const DataError error = refusalOf(text);
        QCOMPARE(error.code, code);
        QCOMPARE(error.location, location);
        QVERIFY(!error.message.empty());
        QVERIFY(error.message.size() < 4000);
    }

    void refusalsCarryNoPersonData()
    {
        // Each fault sits in a member holding a person's data (or replaces a
        // member with it); no message or location may repeat it.
        const std::vector<std::string> secrets = {"Marisol", "Quintanilla", "Thistledown", "5550147",
                                                  "1201",    "Main",        "slept",       "kitchen"};
        std::vector<std::string> texts = {
            richWith("/lastUpdateTimeStamp", "Marisol Quintanilla 5550147"),
            richWith("/eidoVersion", "Quill Thistledown"),
            richWith("/callComponent/0/direction", "tel:+19195550147"),
            richWith("/locationComponent/0/locationDescriptionText",
                     nlohmann::json::array({"1201 W Main Street"})),
            richWith("/notesComponent/0/notesActionComments", 1201),
            richWith("/personComponent/0/personIncidentRoleRegistryText", "Marisol Quintanilla"),
            richWith("/cautionComponent/0/cautionSeverity", "kitchen knife"),
            richWith("/cautionComponent/0/startDate", "slept 1201"),
            richWith("/$id", std::string(300, 'x') + "Thistledown"),
        };
        const std::string rich = dataFile("heart-incident.json");
        const auto cut = rich.find("Quintanilla");
        texts.push_back(rich.substr(0, cut + 5));                         // syntax error inside the name
        texts.push_back(rich.substr(0, cut) + "\xFF" + rich.substr(cut)); // invalid UTF-8 next to it
        for (const auto& text : texts) {
            const DataError error = refusalOf(text);
            QVERIFY2(error.code != "accepted", text.substr(0, 80).c_str());
            for (const auto& secret : secrets) {
                QVERIFY2(error.message.find(secret) == std::string::npos, error.message.c_str());
                QVERIFY2(error.location.find(secret) == std::string::npos, error.location.c_str());
            }
        }
    }

    void timesAreRfc3339()
    {
        QVERIFY(parseEidoTime("2021-04-30T14:43:49.439-04:00") == utc(2021, 4, 30, 18, 43, 49, 439));
        QVERIFY(parseEidoTime("2024-02-29t23:30:00+05:30") == utc(2024, 2, 29, 18, 0, 0));
        QVERIFY(parseEidoTime("2016-12-31T23:59:60Z") == utc(2016, 12, 31, 23, 59, 59)); // a leap second
        QVERIFY(!parseEidoTime("2023-02-29T00:00:00Z"));
        QVERIFY(!parseEidoTime("2023-01-01T24:00:00Z"));
        QVERIFY(!parseEidoTime("2023-01-01T00:00:00+24:00"));
        QVERIFY(!parseEidoTime("2023-01-01T00:00:00.Z"));
        QVERIFY(!parseEidoTime("2200-12-31T23:00:00-02:00")); // 2201 in UTC
        QVERIFY(isRfc3339DateTime("0001-01-01T00:00:00Z"));   // the format allows it; the mapping does not
        QVERIFY(!parseEidoTime("0001-01-01T00:00:00Z"));
        QCOMPARE(formatEidoTime(utc(2026, 11, 23, 14, 20, 5, 120)), std::string("2026-11-23T14:20:05.120Z"));
    }

    void markup()
    {
        QCOMPARE(
            htmlToText(
                "<div>One&nbsp;&nbsp;two</div><ul><li>th<b>re</b>e</li></ul><script>x<y</script>&#x1F600;"),
            std::string("One two\nthree\n\xF0\x9F\x98\x80"));
        QCOMPARE(decodeEntities("&#0;&#xD800;&bogus;&amp"),
                 std::string("\xEF\xBF\xBD\xEF\xBF\xBD&bogus;&amp"));
        std::vector<std::string> texts;
        scanXml("<a:r><!-- <x> --><b>1 &lt; 2</b><c/><![CDATA[<raw>]]></a:r><unclosed",
                [&](auto path, auto text) { texts.push_back(path.back() + "=" + std::string(text)); });
        QCOMPARE(texts, (std::vector<std::string>{"b=1 < 2", "r=<raw>"}));
    }

    void fieldsPeopleAndCautions()
    {
        for (const char* spanish : {"Spanish", "spa", "es", " ES ", "Español"})
            QCOMPARE(languageCodeFor(spanish), std::string("es"));
        QCOMPARE(languageCodeFor("Persian"), std::string("fa"));
        QCOMPARE(languageCodeFor("vie"), std::string("vi"));
        QCOMPARE(languageCodeFor("Klingon"), std::string("other"));
        QCOMPARE(languageCodeFor(""), std::string());

        const std::vector<std::string> uris = {"sip:alice@example.org", "tel:919.555.0123;phone-context=+1",
                                               "tel:+44 20 7123 4567"};
        QCOMPARE(callbackPhone(uris), std::string("+19195550123"));
        QCOMPARE(callbackPhone(std::vector<std::string>{"tel:911", "sips:+18195551212@osp.com"}),
                 std::string("+18195551212")); // a service code is not a number to call back
        QCOMPARE(callbackPhone(std::vector<std::string>{"mailto:x@example.org"}), std::string());

        QCOMPARE(cautionFlags("Armed with a FIREARM; assault history"),
                 (std::vector<std::string>{"weapon", "violence"}));
        QCOMPARE(cautionFlags("Minor injury, overdose risk, drug use"),
                 (std::vector<std::string>{"medical", "intoxication", "minors"}));
        QVERIFY(cautionFlags("disarmed, unthreatening, shotgun-free").empty()); // only at the start of a word

        QCOMPARE(readPidfLocation("<civicAddress><HNO>12</HNO><HNS>B</HNS><RD>Elm</RD><STS>St</STS>"
                                  "<A3>Durham</A3><PC>27701</PC></civicAddress>"
                                  "<gml:Point><gml:pos>95.0 -78.9</gml:pos></gml:Point>")
                     .address,
                 std::string("12B Elm St, Durham, 27701"));
        QVERIFY(!readPidfLocation("<gml:Point><gml:pos>95.0 -78.9</gml:pos></gml:Point>")
                     .latitude); // out of range
        const auto circle = readPidfLocation("<gs:Circle><gml:pos>35.99 -78.9 120</gml:pos></gs:Circle>");
        QVERIFY(circle.latitude && *circle.latitude == 35.99 && *circle.longitude == -78.9);
    }

    void writerOutputReadsBackAndIsStable()
    {
        const CadUpdate update = sampleUpdate();
        const std::string text = writeEidoUpdate(update);
        QCOMPARE(writeEidoUpdate(update), text); // same input, same bytes
        const auto read = readEido(text);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        QCOMPARE(read.value().incidentId, update.incidentId);
        QCOMPARE(read.value().cadNumber, update.cadNumber);
        QVERIFY(read.value().updatedAt == update.at);
        QCOMPARE(read.value().notes, update.note); // escaped as HTML, read back as text

        const auto document = nlohmann::json::parse(text);
        QCOMPARE(document["$id"].get<std::string>(), update.incidentId);
        QCOMPARE(document["incidentComponent"]["$id"].get<std::string>(), update.messageId);
        QCOMPARE(document["incidentComponent"]["dispositionComponent"][0]["dispositionCommonRegistryCode"]
                     .get<std::string>(),
                 std::string("crt_dispatch"));
        const auto& unit = document["emergencyResourceComponent"][0];
        QCOMPARE(unit["emergencyResourceName"].get<std::string>(), std::string("CRT-2"));
        QCOMPARE(unit["primaryUnitStatusRegistryText"].get<std::string>(), std::string("Enroute"));
        QVERIFY(document["dispatchComponent"][0]["emergencyResourceReference"][0]["$ref"] == unit["$id"]);
        QVERIFY(checkEidoSchema(document).empty());

        // A closed call without a unit or note; bytes that are not UTF-8 do not throw.
        CadUpdate closed = update;
        closed.unitCode.clear();
        closed.unitStatus.clear();
        closed.closed = true;
        closed.note = "bad \xFF byte";
        const auto closedDocument = nlohmann::json::parse(writeEidoUpdate(closed));
        QCOMPARE(
            closedDocument["incidentComponent"]["incidentStatusCommonRegistryText"][0].get<std::string>(),
            std::string("Closed"));
        QVERIFY(!closedDocument.contains("dispatchComponent"));
        QVERIFY(readEido(writeEidoUpdate(closed)).ok());
        QCOMPARE(primaryUnitStatusFor("on_scene"), std::string_view("OnScene"));
    }

    void incidentWriterRoundTrips()
    {
        // What the CAD simulator sends: the rich sample, read, written as a
        // CAD would, read again, is the same incident.
        const CadIncident original = readEido(dataFile("heart-incident.json")).value();
        const std::string text = writeEidoIncident(original);
        QCOMPARE(writeEidoIncident(original), text);
        const auto again = readEido(text);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().toString().c_str());
        const CadIncident& back = again.value();
        QCOMPARE(back.incidentId, original.incidentId);
        QCOMPARE(back.cadNumber, original.cadNumber);
        QVERIFY(back.updatedAt == original.updatedAt && back.receivedAt == original.receivedAt);
        QCOMPARE(back.issuingElement, original.issuingElement);
        QCOMPARE(back.agency, original.agency);
        QCOMPARE(back.natureCode, original.natureCode);
        QCOMPARE(back.natureText, original.natureText);
        QCOMPARE(back.address, original.address);
        QCOMPARE(back.latitude, original.latitude);
        QCOMPARE(back.longitude, original.longitude);
        QCOMPARE(back.callerName, original.callerName);
        QCOMPARE(back.callerPhone, original.callerPhone);
        QCOMPARE(back.callerRelationship, original.callerRelationship);
        QCOMPARE(back.personName, original.personName);
        QCOMPARE(back.personAge, original.personAge);
        QCOMPARE(back.language, original.language);
        QCOMPARE(back.interpreter, original.interpreter);
        QCOMPARE(back.flags, original.flags);
        QCOMPARE(back.cautions, original.cautions);
        QCOMPARE(back.notes, original.notes);
        QVERIFY(checkEidoSchema(nlohmann::json::parse(text)).empty());

        // A caller about themselves; a flag no caution names.
        CadIncident self;
        self.incidentId = "CAD-1";
        self.cadNumber = "CAD-1";
        self.updatedAt = utc(2026, 1, 2, 3, 4, 5);
        self.receivedAt = self.updatedAt;
        self.callerName = "Quill Thistledown";
        self.personName = self.callerName;
        self.callerRelationship = "self";
        self.personAge = 51;
        self.flags = {"medical"};
        const CadIncident selfBack = readEido(writeEidoIncident(self)).value();
        QCOMPARE(selfBack.personName, self.callerName);
        QCOMPARE(selfBack.personAge, std::optional<int>(51));
        QCOMPARE(selfBack.flags, self.flags);
        QCOMPARE(selfBack.cautions, std::vector<std::string>{"medical"});
    }

    void natureCodesFromCsv()
    {
        const auto table = NatureCodeTable::fromCsv("\xEF\xBB\xBF"
                                                    "CODE,Call_Type,Description\r\n"
                                                    "\r\n"
                                                    "SUIC,suicide-threat,\"Suicide Threat, in progress\"\r\n"
                                                    "\"WELF\" , welfare-check,\"Check \"\"Welfare\"\"\"\r\n"
                                                    "10-56,mental-health-crisis\n");
        QVERIFY2(table.ok(), table.ok() ? "" : table.error().toString().c_str());
        QCOMPARE(table.value().entries().size(), std::size_t(3));
        QCOMPARE(table.value().entries()[0].description, std::string("Suicide Threat, in progress"));
        QCOMPARE(table.value().entries()[1].description, std::string("Check \"Welfare\""));
        CadIncident incident;
        incident.natureCode = " welf ";
        QCOMPARE(table.value().callTypeFor(incident), std::optional<std::string>("welfare-check"));
        incident.natureCode = "XYZ";
        incident.natureText = "check  \"WELFARE\"";
        QCOMPARE(table.value().callTypeFor(incident), std::optional<std::string>("welfare-check")); // by text
        incident.natureText = "10-56";
        QCOMPARE(table.value().callTypeFor(incident), std::optional<std::string>("mental-health-crisis"));
        incident.natureText = "Structure fire";
        QCOMPARE(table.value().callTypeFor(incident), std::nullopt); // the counselor picks

        // No header is fine too.
        QVERIFY(NatureCodeTable::fromCsv("A,assault").ok());
        const auto roundTrip = NatureCodeTable::fromCsv(table.value().toCsv());
        QCOMPARE(roundTrip.value().entries(), table.value().entries());
    }

    void natureCodeCsvErrors_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("location");
        QTest::newRow("one field") << std::string("code,call_type\nSUIC,suicide-threat\nWELF\n")
                                   << std::string("field-count") << std::string("line 3");
        QTest::newRow("four fields") << std::string("A,assault,x,y") << std::string("field-count")
                                     << std::string("line 1");
        QTest::newRow("unterminated") << std::string("A,assault\n\"B,\nassault\n")
                                      << std::string("unterminated-quote") << std::string("line 2");
        QTest::newRow("after quote") << std::string("\"A\"x,assault") << std::string("text-after-quote")
                                     << std::string("line 1");
        QTest::newRow("multi-line field counts lines")
            << std::string("A,assault,\"two\nlines\"\nB,Bad Type\n") << std::string("call-type-format")
            << std::string("line 3");
        QTest::newRow("duplicate ignoring case")
            << std::string("welf,welfare-check\nx,nuisance\nWELF,trespass\n") << std::string("duplicate-code")
            << std::string("line 3");
        QTest::newRow("empty call type")
            << std::string("A,\n") << std::string("missing-value") << std::string("line 1");
        QTest::newRow("empty code") << std::string(" ,assault\n") << std::string("missing-value")
                                    << std::string("line 1");
        QTest::newRow("not utf-8") << std::string("A,assault\nB\xFF,nuisance\n") << std::string("not-utf8")
                                   << std::string("line 2");
        QTest::newRow("long field") << "A," + std::string(300, 'a') << std::string("too-long")
                                    << std::string("line 1");
        QTest::newRow("too large") << std::string(kNatureCodeMaxBytes + 1, '\n') << std::string("too-large")
                                   << std::string("");
    }

    void natureCodeCsvErrors()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, code);
        QFETCH(std::string, location);
        const auto table = NatureCodeTable::fromCsv(text, "codes.csv");
        QVERIFY(!table.ok());
        QCOMPARE(table.error().code, code);
        QCOMPARE(table.error().location, location);
        QCOMPARE(table.error().file, std::string("codes.csv"));
    }

    void natureCodesAsJson()
    {
        const NatureCodeTable& table = defaultNatureCodeTable();
        const auto again = NatureCodeTable::fromJson(table.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again.value().entries(), table.entries());
        const auto wrong = NatureCodeTable::fromJson(
            R"({"format": "heartdesk-nature-codes/1", "codes": [{"code": "A", "callType": "assault"}, {"code": "B", "callType": 7}]})");
        QCOMPARE(wrong.error().location, std::string("codes[1].callType"));
        QCOMPARE(wrong.error().code, std::string("wrong-type"));
        const auto duplicate = NatureCodeTable::fromJson(
            R"({"format": "heartdesk-nature-codes/1", "codes": [{"code": "A", "callType": "assault"}, {"code": "a", "callType": "nuisance"}]})");
        QCOMPARE(duplicate.error().location, std::string("codes[1].code"));
        QCOMPARE(NatureCodeTable::fromJson(R"({"codes": []})").error().code, std::string("wrong-format"));
        QCOMPARE(NatureCodeTable::fromJson("{").error().code, std::string("json-syntax"));
    }

    void defaultTableFitsDurhamRules()
    {
        const NatureCodeTable& table = defaultNatureCodeTable();
        const auto shipped = NatureCodeTable::fromCsv(
            readFile(std::string(HEARTDESK_SOURCE_DIR) + "/resources/cad/nature-codes.csv"));
        QVERIFY(shipped.ok());
        QCOMPARE(table.entries(), shipped.value().entries()); // what core carries is the shipped file
        QVERIFY(table.entries().size() >= 19);
        for (const char* file : {"durham-2022-06-27-pilot.json", "durham-2023-10-23-citywide.json"}) {
            const auto rules =
                routing::loadRuleSetFile(std::string(HEARTDESK_SOURCE_DIR) + "/resources/rules/" + file);
            QVERIFY(rules.ok());
            std::vector<std::string> codes;
            for (const auto& callType : rules.value().callTypes)
                codes.push_back(callType.code);
            const auto problem = table.checkCallTypes(codes);
            QVERIFY2(!problem, problem ? problem->toString().c_str() : "");
            // Every call type of the rules has a code.
            for (const auto& code : codes) {
                bool found = false;
                for (const auto& entry : table.entries())
                    found = found || entry.callType == code;
                QVERIFY2(found, code.c_str());
            }
        }
        const auto unknown = NatureCodeTable::fromCsv("X,no-such-type").value().checkCallTypes({"assault"});
        QVERIFY(unknown);
        QCOMPARE(unknown->code, std::string("unknown-call-type"));
        // Read from CSV, the refusal names the file's line (header and blank lines counted).
        const auto onLine =
            NatureCodeTable::fromCsv("code,call_type\nSUIC,assault\n\nX,no-such-type\n", "c.csv")
                .value()
                .checkCallTypes({"assault"});
        QVERIFY(onLine);
        QCOMPARE(onLine->toString(),
                 std::string("c.csv: line 4: the rule set has no call type \"no-such-type\" (code \"X\")"));
        // Read from JSON (the stored setting), the JSON path.
        const auto inJson =
            NatureCodeTable::fromJson(NatureCodeTable::fromCsv("X,no-such-type").value().toJson())
                .value()
                .checkCallTypes({"assault"});
        QVERIFY(inJson);
        QCOMPARE(inJson->location, std::string("codes[0].callType"));
    }

    void fuzzRegressionsAndCorpusReplay()
    {
        // Every input a fuzzer ever crashed on (tests/fuzz/regressions/) and
        // the seed corpus: read without a crash, hang or exception.
        std::size_t replayed = 0;
        for (const char* folder :
             {"/tests/fuzz/regressions", "/tests/fuzz/corpus/eido", "/tests/fuzz/corpus/nature-codes"}) {
            const std::filesystem::path root = std::string(HEARTDESK_SOURCE_DIR) + folder;
            if (!std::filesystem::exists(root))
                continue;
            for (const auto& entry : std::filesystem::directory_iterator(root)) {
                if (!entry.is_regular_file() || entry.path().filename().string().starts_with("README"))
                    continue;
                const std::string text = readFile(entry.path().string());
                const auto incident = readEido(text);
                if (incident.ok()) {
                    CadUpdate update;
                    update.incidentId = incident.value().incidentId;
                    update.cadNumber = incident.value().cadNumber;
                    QVERIFY(readEido(writeEidoUpdate(update)).ok());
                }
                (void)NatureCodeTable::fromCsv(text);
                ++replayed;
            }
        }
        QVERIFY(replayed >= 3);
    }
};

QTEST_APPLESS_MAIN(TestEido)
#include "tst_core_eido.moc"
