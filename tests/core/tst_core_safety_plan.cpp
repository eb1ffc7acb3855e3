// The Stanley-Brown Safety Plan: the steps and their codes, crisis services
// prefilled into step 5 without duplicates, the checks before printing (in
// plan order, naming JSON paths), and the stored JSON form: round trips, and
// every kind of structural error named by its path.
#include "core/safety/SafetyPlan.h"

#include <QTest>
#include <algorithm>
#include <nlohmann/json.hpp>

using namespace heart;
using namespace heart::safety;
using nlohmann::json;

namespace {

using St = SafetyPlanStep;

const SafetyContact kLifeline{"988 Suicide & Crisis Lifeline", "988"};
const SafetyContact kLocalCrisis{"Durham crisis line", "(919) 560-7305"};

// A plan a clinician would print: every step filled in, phones where taken.
SafetyPlan samplePlan()
{
    SafetyPlan plan;
    plan.language = "es";
    plan.step(St::WarningSigns) = {{"No puedo dormir", ""}, {"Me aíslo de mi familia", ""}};
    plan.step(St::CopingStrategies) = {{"Caminar por el parque", ""}};
    plan.step(St::Distraction) = {{"La biblioteca del centro", ""}, {"Rosa (prima)", "919-555-0142"}};
    plan.step(St::PeopleToAsk) = {{"Mi hermano Luis", "+19195550177"}};
    plan.step(St::Professionals) = {{"Dra. Pérez, clínica", "+19195550100;ext=12"}, {"988 Lifeline", "988"}};
    plan.step(St::SafeEnvironment) = {{"Mi hermano guarda las pastillas", ""}};
    plan.reasonsForLiving = {"Mi hija", "Mi perro"};
    return plan;
}

QStringList describe(const std::vector<Error>& errors)
{
    QStringList lines;
    for (const Error& error : errors)
        lines << QString::fromStdString(error.field + ":" + error.code);
    return lines;
}

// "steps[4].entries[0].phone" -> "/steps/4/entries/0/phone"
json::json_pointer pointerFor(const std::string& path)
{
    std::string pointer = "/";
    for (char c : path)
        pointer += (c == '.' || c == '[') ? '/' : c == ']' ? '\0' : c;
    pointer.erase(std::remove(pointer.begin(), pointer.end(), '\0'), pointer.end());
    return json::json_pointer(pointer == "/" ? "" : pointer);
}

} // namespace

class TestSafetyPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steps()
    {
        const char* codes[] = {"warning-signs", "coping-strategies", "distraction",
                               "people-to-ask", "professionals",     "safe-environment"};
        const bool phones[] = {false, false, true, true, true, false};
        for (std::size_t i = 0; i < kAllSafetyPlanSteps.size(); ++i) {
            const St step = kAllSafetyPlanSteps[i];
            QCOMPARE(safetyPlanStepCode(step), std::string_view(codes[i]));
            QCOMPARE(safetyPlanStepFromCode(codes[i]), std::optional<St>(step));
            QCOMPARE(stepNumber(step), int(i) + 1);
            QCOMPARE(stepTakesPhone(step), phones[i]);
        }
        QVERIFY(!safetyPlanStepFromCode("reasons-for-living"));
        QVERIFY(!safetyPlanStepFromCode("Professionals"));
    }

    void defaultsOnAnEmptyPlan()
    {
        const SafetyPlan plan = withDefaults(SafetyPlan{}, {kLifeline, kLocalCrisis});
        const std::vector<SafetyPlanEntry> expected = {{"988 Suicide & Crisis Lifeline", "988"},
                                                       {"Durham crisis line", "+19195607305"}};
        QCOMPARE(plan.step(St::Professionals), expected);
        for (St step : kAllSafetyPlanSteps) {
            if (step != St::Professionals)
                QVERIFY(plan.step(step).empty());
        }
        QVERIFY(problems(plan).empty());
    }

    void defaultsAfterThePersonsOwnContacts()
    {
        SafetyPlan plan;
        plan.step(St::Professionals) = {{"My therapist", "919 555 0100"}};
        plan = withDefaults(plan, {kLifeline});
        QCOMPARE(plan.step(St::Professionals).size(), std::size_t(2));
        QCOMPARE(plan.step(St::Professionals)[0], (SafetyPlanEntry{"My therapist", "919 555 0100"}));
        QCOMPARE(plan.step(St::Professionals)[1].phone, std::string("988"));
    }

    void noDuplicatesByPhone()
    {
        SafetyPlan plan;
        // Written another way by the clinician, under another name: the same number.
        plan.step(St::Professionals) = {{"Crisis line", "+1 919.560.7305"}, {"Lifeline", "988"}};
        // A number in step 4 is a person, not the service: it does not count.
        plan.step(St::PeopleToAsk) = {{"Aunt", "(919) 560-7305"}};
        const SafetyPlan once = withDefaults(plan, {kLifeline, kLocalCrisis, kLocalCrisis});
        QCOMPARE(once.step(St::Professionals), plan.step(St::Professionals));
        QCOMPARE(withDefaults(once, {kLifeline, kLocalCrisis}), once); // idempotent

        // A service given twice is added once.
        const SafetyPlan twice = withDefaults(SafetyPlan{}, {kLocalCrisis, {"Crisis", "919-560-7305"}});
        QCOMPARE(twice.step(St::Professionals).size(), std::size_t(1));
    }

    void defaultsWithoutANumberOrNotDialable()
    {
        const SafetyPlan plan = withDefaults(SafetyPlan{}, {{"Walk-in clinic", " "}, {"Bad", "555-12"}});
        // The one without a number is skipped; the bad one is kept as given for problems() to report.
        QCOMPARE(plan.step(St::Professionals), (std::vector<SafetyPlanEntry>{{"Bad", "555-12"}}));
        QCOMPARE(describe(problems(plan)),
                 (QStringList{QStringLiteral("steps[4].entries[0].phone:phone-not-dialable"),
                              QStringLiteral("steps[4].entries:no-professional-contact")}));
    }

    void defaultsNeverDropped()
    {
        SafetyPlan plan;
        for (int i = 0; i < int(kMaxEntriesPerStep); ++i)
            plan.step(St::Professionals).push_back({"Contact " + std::to_string(i), ""});
        plan = withDefaults(plan, {kLifeline});
        QCOMPARE(plan.step(St::Professionals).size(), kMaxEntriesPerStep + 1);
        QCOMPARE(describe(problems(plan)), QStringList{QStringLiteral("steps[4].entries:too-many-entries")});
    }

    void samplePlanHasNoProblems() { QCOMPARE(describe(problems(samplePlan())), QStringList{}); }

    void emptyPlanNeedsAProfessional()
    {
        QCOMPARE(describe(problems(SafetyPlan{})),
                 QStringList{QStringLiteral("steps[4].entries:no-professional-contact")});
    }

    void planProblems_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QStringList>("expected");
        const auto one = [](const char* text) {
            return QStringList{QString::fromLatin1(text)};
        };
        QTest::newRow("blank warning sign") << 0 << one("steps[0].entries[1].text:entry-blank");
        QTest::newRow("phone on a coping strategy")
            << 1 << one("steps[1].entries[0].phone:phone-not-allowed");
        QTest::newRow("phone on a safe environment entry")
            << 2 << one("steps[5].entries[0].phone:phone-not-allowed");
        QTest::newRow("undialable helper") << 3 << one("steps[3].entries[0].phone:phone-not-dialable");
        QTest::newRow("13 distractions") << 4 << one("steps[2].entries:too-many-entries");
        QTest::newRow("12 distractions") << 5 << QStringList{};
        QTest::newRow("professionals without numbers")
            << 6 << one("steps[4].entries:no-professional-contact");
        QTest::newRow("only professional undialable")
            << 7
            << (QStringList{QStringLiteral("steps[4].entries[0].phone:phone-not-dialable"),
                            QStringLiteral("steps[4].entries:no-professional-contact")});
        QTest::newRow("professional with a blank name") << 8 << one("steps[4].entries[0].text:entry-blank");
        QTest::newRow("language upper case") << 9 << one("language:language-code");
        QTest::newRow("language spelt out") << 10 << one("language:language-code");
        QTest::newRow("no language") << 11 << one("language:language-code");
        QTest::newRow("sign language") << 12 << QStringList{};
        QTest::newRow("blank reason") << 13 << one("reasonsForLiving[1]:entry-blank");
        QTest::newRow("13 reasons") << 14 << one("reasonsForLiving:too-many-entries");
        QTest::newRow("blank phone is no phone") << 15 << QStringList{};
        QTest::newRow("all wrong, in plan order")
            << 16
            << (QStringList{QStringLiteral("language:language-code"),
                            QStringLiteral("steps[0].entries[0].phone:phone-not-allowed"),
                            QStringLiteral("steps[3].entries[0].text:entry-blank"),
                            QStringLiteral("steps[4].entries:no-professional-contact"),
                            QStringLiteral("steps[5].entries[0].text:entry-blank"),
                            QStringLiteral("reasonsForLiving[0]:entry-blank")});
    }

    void planProblems()
    {
        QFETCH(int, change);
        QFETCH(QStringList, expected);
        SafetyPlan plan = samplePlan();
        auto& professionals = plan.step(St::Professionals);
        switch (change) {
        case 0:
            plan.step(St::WarningSigns)[1].text = " \t";
            break;
        case 1:
            plan.step(St::CopingStrategies)[0].phone = "919-555-0101";
            break;
        case 2:
            plan.step(St::SafeEnvironment)[0].phone = "988";
            break;
        case 3:
            plan.step(St::PeopleToAsk)[0].phone = "555-0177";
            break;
        case 4:
        case 5:
            plan.step(St::Distraction).resize(change == 4 ? 13 : 12, {"Cine", ""});
            break;
        case 6:
            for (auto& entry : professionals)
                entry.phone.clear();
            break;
        case 7:
            professionals = {{"Dra. Pérez", "919-555-01"}};
            break;
        case 8:
            professionals[0].text = "";
            break;
        case 9:
            plan.language = "ES";
            break;
        case 10:
            plan.language = "spanish";
            break;
        case 11:
            plan.language = "";
            break;
        case 12:
            plan.language = "ase";
            break;
        case 13:
            plan.reasonsForLiving[1] = "  ";
            break;
        case 14:
            plan.reasonsForLiving.resize(13, "Mi hija");
            break;
        case 15:
            plan.step(St::WarningSigns)[0].phone = "  ";
            break;
        case 16:
            plan.language = "Spanish";
            plan.step(St::WarningSigns)[0].phone = "988";
            plan.step(St::PeopleToAsk)[0].text = "";
            professionals = {{"Clinic", ""}};
            plan.step(St::SafeEnvironment)[0].text = "\n";
            plan.reasonsForLiving[0] = "";
            break;
        default:
            QFAIL("unknown change");
        }
        QCOMPARE(describe(problems(plan)), expected);
    }

    void jsonShape()
    {
        const json document = toJson(samplePlan());
        QCOMPARE(document.at("format").get<std::string>(), std::string(kSafetyPlanFormat));
        QCOMPARE(document.at("language").get<std::string>(), std::string("es"));
        QCOMPARE(document.at("steps").size(), std::size_t(6));
        QCOMPARE(document.at("steps")[4].at("step").get<std::string>(), std::string("professionals"));
        QCOMPARE(document.at("steps")[4].at("entries")[1].at("phone").get<std::string>(), std::string("988"));
        QVERIFY(!document.at("steps")[0].at("entries")[0].contains("phone")); // no phone, no member
        QCOMPARE(document.at("reasonsForLiving").size(), std::size_t(2));
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("sample") << 0;
        QTest::newRow("empty") << 1;
        QTest::newRow("with problems") << 2;
    }

    void jsonRoundTrip()
    {
        QFETCH(int, which);
        SafetyPlan plan = which == 1 ? SafetyPlan{} : samplePlan();
        if (which == 2) { // a draft: stored and read back as it is
            plan.step(St::Professionals) = {{"", "919-555"}};
            plan.step(St::WarningSigns)[0].phone = "988";
            plan.language = "Español";
        }
        const auto fromDocument = safetyPlanFromJson(toJson(plan));
        QVERIFY(fromDocument);
        QCOMPARE(fromDocument.value(), plan);
        const std::string text = toJson(plan).dump(2);
        const auto fromText = parseSafetyPlan(text);
        QVERIFY(fromText);
        QCOMPARE(fromText.value(), plan);
    }

    void reasonsForLivingMayBeLeftOut()
    {
        json document = toJson(samplePlan());
        document.erase("reasonsForLiving");
        const auto plan = safetyPlanFromJson(document);
        QVERIFY(plan);
        QVERIFY(plan.value().reasonsForLiving.empty());
    }

    // The paths problems() names are the paths of the stored JSON.
    void problemPathsPointIntoTheJson()
    {
        SafetyPlan plan = samplePlan();
        plan.step(St::Professionals) = {{"Dra. Pérez", "919-555-01"}};
        plan.step(St::WarningSigns)[1].phone = "988";
        plan.reasonsForLiving[1] = " ";
        const json document = toJson(plan);
        const std::vector<Error> errors = problems(plan);
        QCOMPARE(errors.size(), std::size_t(4));
        for (const Error& error : errors)
            QVERIFY2(document.contains(pointerFor(error.field)), error.field.c_str());
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QString>("pointer"); // where to change the sample plan's JSON
        QTest::addColumn<QString>("value");   // the new value as JSON, or "<erase>"
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << ""
                                       << "[]"
                                       << "wrong-type"
                                       << "";
        QTest::newRow("no format") << "/format"
                                   << "<erase>"
                                   << "missing-member"
                                   << "format";
        QTest::newRow("other format") << "/format"
                                      << "\"heartdesk-safety-plan/2\""
                                      << "unsupported-format"
                                      << "format";
        QTest::newRow("no language") << "/language"
                                     << "<erase>"
                                     << "missing-member"
                                     << "language";
        QTest::newRow("language a number") << "/language"
                                           << "5"
                                           << "wrong-type"
                                           << "language";
        QTest::newRow("unknown member") << "/notes"
                                        << "\"x\""
                                        << "unknown-member"
                                        << "notes";
        QTest::newRow("no steps") << "/steps"
                                  << "<erase>"
                                  << "missing-member"
                                  << "steps";
        QTest::newRow("steps an object") << "/steps"
                                         << "{}"
                                         << "wrong-type"
                                         << "steps";
        QTest::newRow("five steps") << "/steps/5"
                                    << "<erase>"
                                    << "wrong-step-count"
                                    << "steps";
        QTest::newRow("seven steps") << "/steps/-"
                                     << "{\"step\": \"extra\", \"entries\": []}"
                                     << "wrong-step-count"
                                     << "steps";
        QTest::newRow("step a string") << "/steps/0"
                                       << "\"warning-signs\""
                                       << "wrong-type"
                                       << "steps[0]";
        QTest::newRow("steps swapped") << "/steps/2/step"
                                       << "\"people-to-ask\""
                                       << "wrong-step"
                                       << "steps[2].step";
        QTest::newRow("unknown step") << "/steps/5/step"
                                      << "\"lethal-means\""
                                      << "wrong-step"
                                      << "steps[5].step";
        QTest::newRow("no step code") << "/steps/1/step"
                                      << "<erase>"
                                      << "missing-member"
                                      << "steps[1].step";
        QTest::newRow("no entries") << "/steps/5/entries"
                                    << "<erase>"
                                    << "missing-member"
                                    << "steps[5].entries";
        QTest::newRow("unknown step member") << "/steps/3/title"
                                             << "\"x\""
                                             << "unknown-member"
                                             << "steps[3].title";
        QTest::newRow("entry a string") << "/steps/0/entries/1"
                                        << "\"x\""
                                        << "wrong-type"
                                        << "steps[0].entries[1]";
        QTest::newRow("entry without text") << "/steps/1/entries/0/text"
                                            << "<erase>"
                                            << "missing-member"
                                            << "steps[1].entries[0].text";
        QTest::newRow("phone a number") << "/steps/4/entries/0/phone"
                                        << "9195550100"
                                        << "wrong-type"
                                        << "steps[4].entries[0].phone";
        QTest::newRow("text null") << "/steps/3/entries/0/text"
                                   << "null"
                                   << "wrong-type"
                                   << "steps[3].entries[0].text";
        QTest::newRow("unknown entry member") << "/steps/3/entries/0/name"
                                              << "\"Luis\""
                                              << "unknown-member"
                                              << "steps[3].entries[0].name";
        QTest::newRow("reasons an object") << "/reasonsForLiving"
                                           << "{}"
                                           << "wrong-type"
                                           << "reasonsForLiving";
        QTest::newRow("reason a number") << "/reasonsForLiving/1"
                                         << "7"
                                         << "wrong-type"
                                         << "reasonsForLiving[1]";
    }

    void jsonErrors()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        json document = toJson(samplePlan());
        const json::json_pointer at(pointer.toStdString());
        if (value == u"<erase>") {
            json& parent = document[at.parent_pointer()];
            if (parent.is_array())
                parent.erase(std::stoul(at.back()));
            else
                parent.erase(at.back());
        } else
            document[at] = json::parse(value.toStdString());
        const auto plan = safetyPlanFromJson(document);
        QVERIFY(!plan);
        QCOMPARE(QString::fromStdString(plan.error().code), code);
        QCOMPARE(QString::fromStdString(plan.error().field), field);
        QVERIFY(!plan.error().detail.empty());
    }

    void errorsNeverQuoteThePlan()
    {
        json document = toJson(samplePlan());
        document["steps"][3]["entries"][0]["phone"] = 9195550177;
        const auto plan = safetyPlanFromJson(document);
        QVERIFY(!plan);
        QVERIFY(plan.error().detail.find("9195550177") == std::string::npos);
        QVERIFY(plan.error().detail.find("Luis") == std::string::npos);
    }

    void jsonSyntax()
    {
        for (const char* text : {"", "{", "{\"format\": }", "nul"}) {
            const auto plan = parseSafetyPlan(text);
            QVERIFY(!plan);
            QCOMPARE(plan.error().code, std::string("json-syntax"));
            QCOMPARE(plan.error().field, std::string());
        }
        const auto wrong = parseSafetyPlan("42");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, std::string("wrong-type"));
    }
};

QTEST_APPLESS_MAIN(TestSafetyPlan)
#include "tst_core_safety_plan.moc"
