// Encounter notes before signing: a table of every disposition against every
// field left empty (which must be reported, which not), the consent and
// contact branches, the order errors come in, the codes, and who may sign or
// add entries.
#include "core/Permissions.h"
#include "core/encounter/EncounterRules.h"

#include <QTest>
#include <algorithm>

using namespace heart;
using namespace heart::encounter;

namespace {

using D = EncounterDisposition;

// A note that may be signed, with the disposition's own field filled in and
// every other disposition's field too (they must be ignored).
EncounterNote completeNote(D disposition)
{
    EncounterNote note;
    note.presentingConcern = "Neighbour worried about a man sleeping in the bus shelter";
    note.cssrs = triage::CssrsAnswers{};
    note.assessment = "Oriented, tired, no suicidal ideation";
    note.interventions = "Water, warm clothes, talked through shelter options";
    note.disposition = disposition;
    note.destination = "Durham Rescue Mission";
    note.referralText = "Housing for New Hope street outreach";
    note.escalationReason = "Chest pain";
    note.feltSafe = true;
    note.consentToFollowUp = true;
    note.preferredContact = ContactPreference::Phone;
    note.contactPhone = "(919) 555-0123";
    note.narrative = "Team arrived, person agreed to talk.";
    return note;
}

void clearField(EncounterNote& note, const QString& field)
{
    if (field == u"presentingConcern")
        note.presentingConcern = " \t ";
    else if (field == u"cssrs")
        note.cssrs.reset();
    else if (field == u"assessment")
        note.assessment.clear();
    else if (field == u"interventions")
        note.interventions.clear();
    else if (field == u"destination")
        note.destination = "  ";
    else if (field == u"referralService")
        note.referralText.clear();
    else if (field == u"escalationReason")
        note.escalationReason.clear();
    else if (field == u"feltSafe")
        note.feltSafe.reset();
    else if (field == u"consentToFollowUp")
        note.consentToFollowUp.reset();
    else if (field == u"narrative")
        note.narrative.clear();
    else
        qFatal("unknown field in test data");
}

QStringList fields(const std::vector<Error>& errors)
{
    QStringList names;
    for (const Error& error : errors)
        names << QString::fromStdString(error.field);
    return names;
}

QStringList codes(const std::vector<Error>& errors)
{
    QStringList names;
    for (const Error& error : errors)
        names << QString::fromStdString(error.code);
    return names;
}

} // namespace

Q_DECLARE_METATYPE(heart::Role)

class TestEncounterRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeNotesMaySign()
    {
        for (D disposition : kAllEncounterDispositions)
            QVERIFY(missingForSigning(completeNote(disposition)).empty());
    }

    // Rows: disposition; columns: the field left empty; 1 = reported.
    void dispositionByMissingField_data()
    {
        QTest::addColumn<int>("disposition");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("reported");
        const char* columns[] = {"presentingConcern", "cssrs",           "assessment",       "interventions",
                                 "destination",       "referralService", "escalationReason", "feltSafe",
                                 "consentToFollowUp", "narrative"};
        constexpr int kTable[6][10] = {
            //                 concern cssrs assess interv dest refer reason safe consent narr
            /* resolved_on_scene */ {1, 0, 0, 0, 0, 0, 0, 1, 1, 0},
            /* transported       */ {1, 0, 0, 0, 1, 0, 0, 1, 1, 0},
            /* referred          */ {1, 0, 0, 0, 0, 1, 0, 1, 1, 0},
            /* declined          */ {1, 0, 0, 0, 0, 0, 0, 1, 0, 0},
            /* police_requested  */ {1, 0, 0, 0, 0, 0, 1, 1, 1, 0},
            /* ems_requested     */ {1, 0, 0, 0, 0, 0, 1, 1, 1, 0},
        };
        for (std::size_t d = 0; d < kAllEncounterDispositions.size(); ++d) {
            for (std::size_t f = 0; f < std::size(columns); ++f) {
                const QByteArray name =
                    std::string(encounterDispositionCode(kAllEncounterDispositions[d])).c_str() +
                    QByteArray(" without ") + columns[f];
                QTest::newRow(name.constData())
                    << int(d) << QString::fromLatin1(columns[f]) << (kTable[d][f] == 1);
            }
        }
    }

    void dispositionByMissingField()
    {
        QFETCH(int, disposition);
        QFETCH(QString, field);
        QFETCH(bool, reported);
        EncounterNote note = completeNote(kAllEncounterDispositions[std::size_t(disposition)]);
        clearField(note, field);
        const std::vector<Error> errors = missingForSigning(note);
        QCOMPARE(fields(errors), reported ? QStringList{field} : QStringList{});
        if (reported)
            QCOMPARE(errors.front().code, std::string("required"));
    }

    void referralByIdOrText()
    {
        EncounterNote note = completeNote(D::Referred);
        note.referralText.clear();
        note.referralResourceId = "res-0042";
        QVERIFY(missingForSigning(note).empty());
        note.referralResourceId = " ";
        QCOMPARE(fields(missingForSigning(note)), QStringList{QStringLiteral("referralService")});
    }

    void consentAndContact_data()
    {
        QTest::addColumn<QString>("disposition");
        QTest::addColumn<int>("consent");     // -1 unanswered, 0 no, 1 yes
        QTest::addColumn<QString>("contact"); // "" unanswered
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QStringList>("errors"); // field:code
        const QString resolved = QStringLiteral("resolved_on_scene"), declined = QStringLiteral("declined");
        const QString good = QStringLiteral("(919) 555-0123");
        const auto e = [](const char* text) {
            return QStringList{QString::fromLatin1(text)};
        };
        QTest::newRow("unanswered") << resolved << -1 << "phone" << good << e("consentToFollowUp:required");
        QTest::newRow("no") << resolved << 0 << ""
                            << "" << QStringList{};
        QTest::newRow("no, contact left over") << resolved << 0 << "phone"
                                               << "" << QStringList{};
        QTest::newRow("yes, no preference") << resolved << 1 << "" << good << e("preferredContact:required");
        QTest::newRow("yes, phone") << resolved << 1 << "phone" << good << QStringList{};
        QTest::newRow("yes, phone, none given") << resolved << 1 << "phone"
                                                << "" << e("contactPhone:required");
        QTest::newRow("yes, phone, blanks") << resolved << 1 << "phone"
                                            << " \t" << e("contactPhone:required");
        QTest::newRow("yes, text, none given") << resolved << 1 << "text"
                                               << "" << e("contactPhone:required");
        QTest::newRow("yes, text") << resolved << 1 << "text"
                                   << "919.555.0123 " << QStringList{};
        QTest::newRow("yes, phone, international") << resolved << 1 << "phone"
                                                   << "+44 20 7123 4567" << QStringList{};
        QTest::newRow("yes, phone, seven digits") << resolved << 1 << "phone"
                                                  << "555-0123" << e("contactPhone:phone-not-dialable");
        QTest::newRow("yes, phone, letters") << resolved << 1 << "phone"
                                             << "call his sister" << e("contactPhone:phone-not-dialable");
        QTest::newRow("yes, text, 988") << resolved << 1 << "text"
                                        << "988" << e("contactPhone:phone-not-dialable");
        QTest::newRow("yes, in person, no place") << resolved << 1 << "in_person"
                                                  << "" << e("contactPlace:required");
        QTest::newRow("yes, none") << resolved << 1 << "none"
                                   << "" << QStringList{};
        QTest::newRow("declined, unanswered") << declined << -1 << ""
                                              << "" << QStringList{};
        QTest::newRow("declined, no") << declined << 0 << ""
                                      << "" << QStringList{};
        QTest::newRow("declined, yes, no preference") << declined << 1 << ""
                                                      << "" << e("preferredContact:required");
        QTest::newRow("declined, yes, phone") << declined << 1 << "phone" << good << QStringList{};
    }

    void consentAndContact()
    {
        QFETCH(QString, disposition);
        QFETCH(int, consent);
        QFETCH(QString, contact);
        QFETCH(QString, phone);
        QFETCH(QStringList, errors);
        EncounterNote note = completeNote(*encounterDispositionFromCode(disposition.toStdString()));
        note.consentToFollowUp = consent < 0 ? std::nullopt : std::optional<bool>(consent == 1);
        note.preferredContact =
            contact.isEmpty() ? std::nullopt : contactPreferenceFromCode(contact.toStdString());
        QCOMPARE(note.preferredContact.has_value(), !contact.isEmpty());
        note.contactPhone = phone.toStdString();
        QStringList actual;
        for (const Error& error : missingForSigning(note))
            actual << QString::fromStdString(error.field + ":" + error.code);
        QCOMPARE(actual, errors);
    }

    // Meeting in person needs a place to meet, as phone and text need a number.
    void inPersonNeedsAPlace_data()
    {
        QTest::addColumn<QString>("contact");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QStringList>("errors"); // field:code
        QTest::newRow("in person, a place") << "in_person"
                                            << "Durham Public Library, 300 N Roxboro St" << QStringList{};
        QTest::newRow("in person, no place") << "in_person"
                                             << "" << QStringList{QStringLiteral("contactPlace:required")};
        QTest::newRow("in person, blanks") << "in_person"
                                           << " \t " << QStringList{QStringLiteral("contactPlace:required")};
        QTest::newRow("phone, no place") << "phone"
                                         << "" << QStringList{};
        QTest::newRow("none, no place") << "none"
                                        << "" << QStringList{};
    }

    void inPersonNeedsAPlace()
    {
        QFETCH(QString, contact);
        QFETCH(QString, place);
        QFETCH(QStringList, errors);
        EncounterNote note = completeNote(D::ResolvedOnScene);
        note.consentToFollowUp = true;
        note.preferredContact = contactPreferenceFromCode(contact.toStdString());
        note.contactPhone = "(919) 555-0123";
        note.contactPlace = place.toStdString();
        QStringList actual;
        for (const Error& error : missingForSigning(note))
            actual << QString::fromStdString(error.field + ":" + error.code);
        QCOMPARE(actual, errors);
        QCOMPARE(needsPlace(*note.preferredContact), contact == QLatin1String("in_person"));
        // The place is not asked for when the person did not consent.
        note.consentToFollowUp = false;
        QVERIFY(missingForSigning(note).empty());
    }

    void emptyNoteInFormOrder()
    {
        const std::vector<Error> errors = missingForSigning(EncounterNote{});
        QCOMPARE(fields(errors),
                 (QStringList{QStringLiteral("presentingConcern"), QStringLiteral("disposition"),
                              QStringLiteral("feltSafe"), QStringLiteral("consentToFollowUp")}));
        QCOMPARE(codes(errors), QStringList(4, QStringLiteral("required")));
    }

    void everythingWrongInFormOrder()
    {
        EncounterNote note = completeNote(D::Transported);
        note.presentingConcern.clear();
        note.destination.clear();
        note.feltSafe.reset();
        note.contactPhone = "12";
        const std::vector<Error> errors = missingForSigning(note);
        QCOMPARE(fields(errors),
                 (QStringList{QStringLiteral("presentingConcern"), QStringLiteral("destination"),
                              QStringLiteral("feltSafe"), QStringLiteral("contactPhone")}));
        // The fields named are among the stable names, and in their order.
        std::size_t last = 0;
        for (const Error& error : errors) {
            const auto at = std::find(kEncounterFields.begin(), kEncounterFields.end(), error.field);
            QVERIFY(at != kEncounterFields.end());
            QVERIFY(std::size_t(at - kEncounterFields.begin()) >= last);
            last = std::size_t(at - kEncounterFields.begin());
        }
    }

    void feltUnsafeIsAnAnswer()
    {
        EncounterNote note = completeNote(D::PoliceRequested);
        note.feltSafe = false;
        QVERIFY(missingForSigning(note).empty());
    }

    void codesRoundTrip()
    {
        const char* dispositions[] = {"resolved_on_scene", "transported",      "referred",
                                      "declined",          "police_requested", "ems_requested"};
        for (std::size_t i = 0; i < kAllEncounterDispositions.size(); ++i) {
            QCOMPARE(encounterDispositionCode(kAllEncounterDispositions[i]),
                     std::string_view(dispositions[i]));
            QCOMPARE(encounterDispositionFromCode(dispositions[i]),
                     std::optional<EncounterDisposition>(kAllEncounterDispositions[i]));
        }
        QVERIFY(!encounterDispositionFromCode("arrested"));
        QVERIFY(!encounterDispositionFromCode("Transported"));
        const char* contacts[] = {"phone", "text", "in_person", "none"};
        for (std::size_t i = 0; i < kAllContactPreferences.size(); ++i) {
            QCOMPARE(contactPreferenceCode(kAllContactPreferences[i]), std::string_view(contacts[i]));
            QCOMPARE(contactPreferenceFromCode(contacts[i]),
                     std::optional<ContactPreference>(kAllContactPreferences[i]));
        }
        QVERIFY(!contactPreferenceFromCode("email"));
        QVERIFY(!contactPreferenceFromCode(""));
        QVERIFY(needsPhone(ContactPreference::Phone) && needsPhone(ContactPreference::Text));
        QVERIFY(!needsPhone(ContactPreference::InPerson) && !needsPhone(ContactPreference::None));
    }

    void roles_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("sign");
        QTest::addColumn<bool>("addEntry");
        QTest::newRow("call counselor") << Role::CallCounselor << false << false;
        QTest::newRow("crt team lead") << Role::CrtTeamLead << true << true;
        QTest::newRow("peer support") << Role::PeerSupport << false << true;
        QTest::newRow("emt") << Role::Emt << false << true;
        QTest::newRow("co-response clinician") << Role::CoResponseClinician << true << true;
        QTest::newRow("care navigator") << Role::CareNavigator << false << false;
        QTest::newRow("supervisor") << Role::Supervisor << false << false;
        QTest::newRow("administrator") << Role::Administrator << false << false;
    }

    void roles()
    {
        QFETCH(Role, role);
        QFETCH(bool, sign);
        QFETCH(bool, addEntry);
        QCOMPARE(maySign(role), sign);
        QCOMPARE(mayAddEntry(role), addEntry);
        QCOMPARE(permits(role, Action::SignEncounter), sign);
        QCOMPARE(permits(role, Action::WriteEncounterEntry), addEntry);
        QVERIFY(!sign || addEntry); // whoever signs may also write
    }
};

QTEST_APPLESS_MAIN(TestEncounterRules)
#include "tst_core_encounter_rules.moc"
