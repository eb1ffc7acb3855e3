// Person records at the store, on both engines: a person with aliases comes
// back as written; search finds people by part of a name, an alias, a date of
// birth or a phone number, best match first, writes one audit row naming no
// one and treats % and _ as plain text; an empty query is refused; a
// history lists the person's calls newest first and is audited; possible
// duplicates are suggested, never the person itself; a stale update is refused.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/IntakeStore.h"
#include "store/PersonStore.h"
#include "store/StoreTime.h"

#include <QTest>
#include <QTimeZone>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

// HEARTDESK_VERIFY_RESULT evaluates its argument more than once: for calls that change something.
#define VERIFY_DONE(expr)                                                                                    \
    do {                                                                                                     \
        const auto done_ = (expr);                                                                           \
        HEARTDESK_VERIFY_RESULT(done_);                                                                      \
    } while (false)

namespace {

PersonRecord makePerson(const QString& given, const QString& family, const QStringList& aliases = {},
                        QDate dateOfBirth = {}, const QString& phone = {})
{
    PersonRecord p;
    p.givenName = given;
    p.familyName = family;
    p.aliases = aliases;
    p.dateOfBirth = dateOfBirth;
    p.phone = phone;
    return p;
}

QStringList familyNames(const QList<PersonMatch>& matches)
{
    QStringList out;
    for (const PersonMatch& m : matches)
        out.append(m.person.familyName.isEmpty() ? m.person.givenName : m.person.familyName);
    return out;
}

const PersonMatch* findMatch(const QList<PersonMatch>& matches, const QString& id)
{
    for (const PersonMatch& m : matches) {
        if (m.person.id == id)
            return &m;
    }
    return nullptr;
}

} // namespace

class TestStorePeople : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void createWithAliasesRoundTrips();
    void aNameIsRequired();
    void searchByPartOfAName();
    void searchByAliasDateAndPhone();
    void moreCriteriaRankFirst();
    void searchIsAuditedWithoutTheQuery();
    void emptyQueryIsRefused();
    void wildcardsAreLiteral();
    void historyListsCallsNewestFirst();
    void possibleDuplicatesNeverIncludeThePerson();
    void staleUpdateIsRefused();
    void permissions();

private:
    PersonRecord create(const PersonRecord& person)
    {
        PersonStore people(m_fixture->db(), m_fixture->clock());
        auto created = people.create(m_fixture->actorFor(Role::CallCounselor), person);
        if (!created.ok())
            qFatal("creating a test person failed: %s", qPrintable(created.error().detail));
        return created.value();
    }
    QString linkCall(const QString& personId, const QString& cad, int minutesAgo)
    {
        IntakeStore intake(m_fixture->db(), m_fixture->clock());
        CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = toDateTime(TestDatabase::startTime()).addSecs(-60 * minutesAgo);
        call.callType = QStringLiteral("welfare-check");
        call.personId = personId;
        call.narrative = QStringLiteral("narrative of ") + cad;
        auto created = intake.create(m_fixture->actorFor(Role::CallCounselor), call);
        if (!created.ok())
            qFatal("creating a test call failed: %s", qPrintable(created.error().detail));
        return created.value().id;
    }
    int count(const QString& sql, const QVariantList& values = {})
    {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok && !result.rows.isEmpty() ? result.rows.first().first().toInt() : -1;
    }
    QStringList auditText()
    {
        QStringList out;
        const test::RawResult rows = m_fixture->sql(QStringLiteral(
            "SELECT at_utc, user_id, role, workstation, action, record_type, record_id FROM audit_log"));
        for (const QVariantList& row : rows.rows) {
            for (const QVariant& v : row)
                out.append(v.toString());
        }
        return out;
    }

    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStorePeople::createWithAliasesRoundTrips()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    PersonRecord input = makePerson(
        QStringLiteral(" Robert "), QStringLiteral("Smith"),
        {QStringLiteral("Rob"), QStringLiteral(" Bobby "), QStringLiteral("bobby"), QStringLiteral("")},
        QDate(1980, 5, 1), QStringLiteral("+19195550101"));
    input.approximateAge = 45;
    input.language = QStringLiteral("en");
    input.description = QStringLiteral("Usually at the bus station; likes to be called Bobby.");
    auto created = people.create(counselor, input);
    HEARTDESK_VERIFY_RESULT(created);
    const PersonRecord& p = created.value();
    QVERIFY(!p.id.isEmpty());
    QCOMPARE(p.version, 1);
    QCOMPARE(p.givenName, QStringLiteral("Robert"));
    QCOMPARE(p.aliases, QStringList({QStringLiteral("Bobby"), QStringLiteral("Rob")}));
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND record_type = 'person' "
                       "AND record_id = ?"),
                   {p.id}),
             1);

    auto history = people.history(counselor, p.id);
    HEARTDESK_VERIFY_RESULT(history);
    const PersonRecord& read = history.value().person;
    QCOMPARE(read.id, p.id);
    QCOMPARE(read.version, 1);
    QCOMPARE(read.givenName, QStringLiteral("Robert"));
    QCOMPARE(read.familyName, QStringLiteral("Smith"));
    QCOMPARE(read.aliases, p.aliases);
    QCOMPARE(read.dateOfBirth, QDate(1980, 5, 1));
    QCOMPARE(read.approximateAge, std::optional<int>(45));
    QCOMPARE(read.phone, QStringLiteral("+19195550101"));
    QCOMPARE(read.language, QStringLiteral("en"));
    QCOMPARE(read.description, input.description);
    QVERIFY(history.value().calls.isEmpty());

    // Unknown date of birth and age stay unknown.
    auto bare = people.create(counselor, makePerson(QString(), QString(), {QStringLiteral("Cookie")}));
    HEARTDESK_VERIFY_RESULT(bare);
    auto bareHistory = people.history(counselor, bare.value().id);
    HEARTDESK_VERIFY_RESULT(bareHistory);
    QVERIFY(!bareHistory.value().person.dateOfBirth.isValid());
    QVERIFY(!bareHistory.value().person.approximateAge.has_value());
    QCOMPARE(bareHistory.value().person.aliases, QStringList({QStringLiteral("Cookie")}));
}

void TestStorePeople::aNameIsRequired()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    auto refused = people.create(counselor, makePerson(QStringLiteral("  "), QString(), {QStringLiteral(" ")},
                                                       QDate(1990, 1, 1), QStringLiteral("+19195550000")));
    QCOMPARE(refused.error().code, StoreErrorCode::RequiredMissing);
    QCOMPARE(refused.error().field, QStringLiteral("name"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM people")), 0);
    VERIFY_DONE(people.create(counselor, makePerson(QString(), QStringLiteral("Okafor"))));
}

void TestStorePeople::searchByPartOfAName()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    create(makePerson(QStringLiteral("Maria"), QStringLiteral("Lopez-Garcia")));
    create(makePerson(QStringLiteral("Mario"), QStringLiteral("LOPEZ")));
    create(makePerson(QStringLiteral("Ann"), QStringLiteral("Smith")));

    auto found = people.search(counselor, {QStringLiteral("lopez"), {}, {}});
    HEARTDESK_VERIFY_RESULT(found);
    QCOMPARE(found.value().size(), 2);
    for (const PersonMatch& m : found.value())
        QCOMPARE(m.matchedOn, QStringList({QStringLiteral("name")}));
    // Alphabetical when nothing else tells them apart.
    QCOMPARE(familyNames(found.value()),
             QStringList({QStringLiteral("LOPEZ"), QStringLiteral("Lopez-Garcia")}));

    auto part = people.search(counselor, {QStringLiteral("  GARC "), {}, {}});
    HEARTDESK_VERIFY_RESULT(part);
    QCOMPARE(familyNames(part.value()), QStringList({QStringLiteral("Lopez-Garcia")}));
    // Given and family name together, in either order.
    auto both = people.search(counselor, {QStringLiteral("maria lopez"), {}, {}});
    HEARTDESK_VERIFY_RESULT(both);
    QCOMPARE(familyNames(both.value()), QStringList({QStringLiteral("Lopez-Garcia")}));
    auto reversed = people.search(counselor, {QStringLiteral("Lopez Mari"), {}, {}});
    HEARTDESK_VERIFY_RESULT(reversed);
    QCOMPARE(reversed.value().size(), 2);
    auto none = people.search(counselor, {QStringLiteral("Nobody"), {}, {}});
    HEARTDESK_VERIFY_RESULT(none);
    QVERIFY(none.value().isEmpty());
}

void TestStorePeople::searchByAliasDateAndPhone()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const PersonRecord cookie = create(makePerson(QStringLiteral("James"), QStringLiteral("Cook"),
                                                  {QStringLiteral("Big Jim")}, QDate(1975, 7, 4)));
    const PersonRecord aliasOnly = create(
        makePerson(QString(), QString(), {QStringLiteral("Jimbo")}, {}, QStringLiteral("+19195550177")));
    create(makePerson(QStringLiteral("Ann"), QStringLiteral("Smith"), {}, QDate(1975, 7, 5)));

    auto byAlias = people.search(counselor, {QStringLiteral("big j"), {}, {}});
    HEARTDESK_VERIFY_RESULT(byAlias);
    QCOMPARE(byAlias.value().size(), 1);
    QCOMPARE(byAlias.value().first().person.id, cookie.id);
    QCOMPARE(byAlias.value().first().matchedOn, QStringList({QStringLiteral("alias")}));
    QCOMPARE(byAlias.value().first().person.aliases, QStringList({QStringLiteral("Big Jim")}));

    auto jim = people.search(counselor, {QStringLiteral("JIM"), {}, {}});
    HEARTDESK_VERIFY_RESULT(jim);
    QCOMPARE(jim.value().size(), 2); // "Big Jim" and "Jimbo"; "James" does not contain it

    auto byDate = people.search(counselor, {{}, QDate(1975, 7, 4), {}});
    HEARTDESK_VERIFY_RESULT(byDate);
    QCOMPARE(byDate.value().size(), 1);
    QCOMPARE(byDate.value().first().person.id, cookie.id);
    QCOMPARE(byDate.value().first().matchedOn, QStringList({QStringLiteral("date_of_birth")}));

    auto byPhone = people.search(counselor, {{}, {}, QStringLiteral("+19195550177")});
    HEARTDESK_VERIFY_RESULT(byPhone);
    QCOMPARE(byPhone.value().size(), 1);
    QCOMPARE(byPhone.value().first().person.id, aliasOnly.id);
    QCOMPARE(byPhone.value().first().matchedOn, QStringList({QStringLiteral("phone")}));
    auto partialPhone = people.search(counselor, {{}, {}, QStringLiteral("+1919555")});
    HEARTDESK_VERIFY_RESULT(partialPhone);
    QVERIFY(partialPhone.value().isEmpty()); // exact only
}

void TestStorePeople::moreCriteriaRankFirst()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const PersonRecord all = create(makePerson(QStringLiteral("Dana"), QStringLiteral("Reyes"), {},
                                               QDate(1990, 2, 3), QStringLiteral("+19195550300")));
    const PersonRecord nameAndDate =
        create(makePerson(QStringLiteral("Dana"), QStringLiteral("Reyes-Ortiz"), {}, QDate(1990, 2, 3)));
    const PersonRecord nameOld = create(makePerson(QStringLiteral("Danny"), QStringLiteral("Abbott")));
    const PersonRecord nameRecent = create(makePerson(QStringLiteral("Dana"), QStringLiteral("Zimmer")));
    const PersonRecord phoneOnly = create(
        makePerson(QStringLiteral("Kim"), QStringLiteral("Lee"), {}, {}, QStringLiteral("+19195550300")));
    linkCall(nameOld.id, QStringLiteral("C-1"), 600);
    linkCall(nameRecent.id, QStringLiteral("C-2"), 10);
    linkCall(nameRecent.id, QStringLiteral("C-3"), 900);
    linkCall(phoneOnly.id, QStringLiteral("C-4"), 1);

    auto found =
        people.search(counselor, {QStringLiteral("dan"), QDate(1990, 2, 3), QStringLiteral("+19195550300")});
    HEARTDESK_VERIFY_RESULT(found);
    const QList<PersonMatch>& m = found.value();
    QCOMPARE(m.size(), 5);
    QCOMPARE(m.at(0).person.id, all.id);
    QCOMPARE(m.at(0).matchedOn,
             QStringList({QStringLiteral("name"), QStringLiteral("date_of_birth"), QStringLiteral("phone")}));
    QCOMPARE(m.at(1).person.id, nameAndDate.id);
    // One criterion each: the most recent call first, no call last.
    QCOMPARE(m.at(2).person.id, phoneOnly.id);
    QCOMPARE(m.at(3).person.id, nameRecent.id);
    QCOMPARE(m.at(4).person.id, nameOld.id);
    QCOMPARE(m.at(3).calls, 2);
    QCOMPARE(m.at(3).lastCall, toDateTime(TestDatabase::startTime() - 10min));
    QCOMPARE(m.at(0).calls, 0);
    QVERIFY(!m.at(0).lastCall.isValid());
}

void TestStorePeople::searchIsAuditedWithoutTheQuery()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    create(makePerson(QStringLiteral("Theodora"), QStringLiteral("Quinlan"), {QStringLiteral("Teddy Q")},
                      QDate(1966, 12, 24), QStringLiteral("+19195550444")));
    const int before = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    auto found = people.search(
        counselor, {QStringLiteral("Quinl"), QDate(1966, 12, 24), QStringLiteral("+19195550444")});
    HEARTDESK_VERIFY_RESULT(found);
    QCOMPARE(found.value().size(), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), before + 1);
    const test::RawResult row = m_fixture->sql(QStringLiteral(
        "SELECT action, record_type, record_id, user_id FROM audit_log ORDER BY seq DESC LIMIT 1"));
    QVERIFY2(row.ok, qPrintable(row.error));
    QCOMPARE(row.rows.first().at(0).toString(), QStringLiteral("search"));
    QCOMPARE(row.rows.first().at(1).toString(), QStringLiteral("person"));
    QCOMPARE(row.rows.first().at(2).toString(), QStringLiteral("*"));
    QCOMPARE(row.rows.first().at(3).toString(), counselor.userId());
    for (const QString& text : auditText()) {
        for (const char* secret : {"Quinl", "Theodora", "Teddy", "1966-12-24", "5550444"})
            QVERIFY2(!text.contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
    }
}

void TestStorePeople::emptyQueryIsRefused()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    create(makePerson(QStringLiteral("Al"), QStringLiteral("Ames")));
    const PersonQuery refusedQueries[] = {{},
                                          {QStringLiteral("   "), {}, {}},
                                          {QStringLiteral(" a "), {}, {}},
                                          {{}, QDate(1990, 2, 30), QStringLiteral("  ")}};
    for (const PersonQuery& query : refusedQueries) {
        auto refused = people.search(counselor, query);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreErrorCode::RequiredMissing);
        QCOMPARE(refused.error().field, QStringLiteral("query"));
    }
    QCOMPARE(m_fixture->auditCount(QStringLiteral("search")), 0);
    auto twoLetters = people.search(counselor, {QStringLiteral("al"), {}, {}});
    HEARTDESK_VERIFY_RESULT(twoLetters);
    QCOMPARE(twoLetters.value().size(), 1);
}

void TestStorePeople::wildcardsAreLiteral()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    create(makePerson(QStringLiteral("Sean"), QStringLiteral("O_Neil")));
    create(makePerson(QStringLiteral("Sean"), QStringLiteral("OxNeil")));
    create(makePerson(QStringLiteral("Sean"), QStringLiteral("ONeil")));
    create(makePerson(QString(), QString(), {QStringLiteral("100% Sure")}));
    create(makePerson(QStringLiteral("Ten"), QStringLiteral("1000 Sure")));
    create(makePerson(QStringLiteral("Bang"), QStringLiteral("Wow!")));

    auto underscore = people.search(counselor, {QStringLiteral("o_n"), {}, {}});
    HEARTDESK_VERIFY_RESULT(underscore);
    QCOMPARE(familyNames(underscore.value()), QStringList({QStringLiteral("O_Neil")}));
    auto percent = people.search(counselor, {QStringLiteral("0% s"), {}, {}});
    HEARTDESK_VERIFY_RESULT(percent);
    QCOMPARE(percent.value().size(), 1);
    QCOMPARE(percent.value().first().person.aliases, QStringList({QStringLiteral("100% Sure")}));
    auto onlyPercent = people.search(counselor, {QStringLiteral("%%"), {}, {}});
    HEARTDESK_VERIFY_RESULT(onlyPercent);
    QVERIFY(onlyPercent.value().isEmpty());
    auto onlyUnderscores = people.search(counselor, {QStringLiteral("__"), {}, {}});
    HEARTDESK_VERIFY_RESULT(onlyUnderscores);
    QVERIFY(onlyUnderscores.value().isEmpty());
    auto bang = people.search(counselor, {QStringLiteral("w!"), {}, {}});
    HEARTDESK_VERIFY_RESULT(bang);
    QCOMPARE(familyNames(bang.value()), QStringList({QStringLiteral("Wow!")}));
}

void TestStorePeople::historyListsCallsNewestFirst()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const PersonRecord person = create(makePerson(QStringLiteral("Lena"), QStringLiteral("Park")));
    const PersonRecord other = create(makePerson(QStringLiteral("Omar"), QStringLiteral("Haddad")));
    const QString middle = linkCall(person.id, QStringLiteral("C-20"), 60 * 24);
    const QString newest = linkCall(person.id, QStringLiteral("C-30"), 5);
    const QString oldest = linkCall(person.id, QStringLiteral("C-10"), 60 * 24 * 30);
    linkCall(other.id, QStringLiteral("C-99"), 1);

    // A CRT team lead opens person records, though not the 911 queue.
    const Actor lead = m_fixture->actorFor(Role::CrtTeamLead);
    auto history = people.history(lead, person.id);
    HEARTDESK_VERIFY_RESULT(history);
    QCOMPARE(history.value().person.id, person.id);
    const QList<CallRecord>& calls = history.value().calls;
    QCOMPARE(calls.size(), 3);
    QCOMPARE(calls.at(0).id, newest);
    QCOMPARE(calls.at(1).id, middle);
    QCOMPARE(calls.at(2).id, oldest);
    QCOMPARE(calls.at(0).narrative, QStringLiteral("narrative of C-30"));
    QCOMPARE(calls.at(0).receivedAt, toDateTime(TestDatabase::startTime() - 5min));
    QCOMPARE(calls.at(2).cadNumber, QStringLiteral("C-10"));
    QCOMPARE(calls.at(2).counselorId, counselor.userId());
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'open' AND record_type = 'person' "
                       "AND record_id = ? AND user_id = ?"),
                   {person.id, lead.userId()}),
             1);

    QCOMPARE(people.history(lead, QStringLiteral("no-such-person")).error().code, StoreErrorCode::NotFound);
    QCOMPARE(people.history(m_fixture->administrator(), person.id).error().code,
             StoreErrorCode::PermissionDenied);
}

void TestStorePeople::possibleDuplicatesNeverIncludeThePerson()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const QDate born(1980, 5, 1);
    const PersonRecord robert =
        create(makePerson(QStringLiteral("Robert"), QStringLiteral("Smith"), {QStringLiteral("Bobby")}, born,
                          QStringLiteral("+19195550101")));
    const PersonRecord samePhone = create(
        makePerson(QStringLiteral("Kim"), QStringLiteral("Lee"), {}, {}, QStringLiteral("+19195550101")));
    const PersonRecord sameDateAndName =
        create(makePerson(QStringLiteral("Rob"), QStringLiteral("SMITH"), {}, born));
    const PersonRecord sameDateOnly =
        create(makePerson(QStringLiteral("Ann"), QStringLiteral("Jones"), {}, born));
    const PersonRecord nameIsAlias = create(makePerson(QStringLiteral("bobby"), QString()));
    const PersonRecord aliasIsName =
        create(makePerson(QStringLiteral("Unknown"), QString(), {QStringLiteral("Robert Smith")}));
    const PersonRecord unrelated = create(makePerson(QStringLiteral("Robert"), QStringLiteral("Brown")));

    auto found = people.possibleDuplicates(counselor, robert);
    HEARTDESK_VERIFY_RESULT(found);
    const QList<PersonMatch>& m = found.value();
    QVERIFY(!findMatch(m, robert.id));
    QVERIFY(!findMatch(m, sameDateOnly.id));
    QVERIFY(!findMatch(m, unrelated.id));
    QCOMPARE(m.size(), 4);
    QVERIFY(findMatch(m, samePhone.id));
    QCOMPARE(findMatch(m, samePhone.id)->matchedOn, QStringList({QStringLiteral("phone")}));
    QVERIFY(findMatch(m, sameDateAndName.id));
    QCOMPARE(findMatch(m, sameDateAndName.id)->matchedOn,
             QStringList({QStringLiteral("date_of_birth"), QStringLiteral("name")}));
    QVERIFY(findMatch(m, nameIsAlias.id));
    QCOMPARE(findMatch(m, nameIsAlias.id)->matchedOn, QStringList({QStringLiteral("alias")}));
    QVERIFY(findMatch(m, aliasIsName.id));
    QCOMPARE(findMatch(m, aliasIsName.id)->matchedOn, QStringList({QStringLiteral("alias")}));
    QCOMPARE(m.first().person.id, sameDateAndName.id); // two criteria first

    // While the person is being entered (no id yet), the same rules apply.
    PersonRecord draft = robert;
    draft.id.clear();
    auto whileEntering = people.possibleDuplicates(counselor, draft);
    HEARTDESK_VERIFY_RESULT(whileEntering);
    QCOMPARE(whileEntering.value().size(), 5); // now Robert Smith himself is one
    QVERIFY(findMatch(whileEntering.value(), robert.id));

    auto nothing =
        people.possibleDuplicates(counselor, makePerson(QStringLiteral("Zed"), QStringLiteral("Zulu")));
    HEARTDESK_VERIFY_RESULT(nothing);
    QVERIFY(nothing.value().isEmpty());
    for (const QString& text : auditText()) {
        for (const char* secret : {"Robert", "Smith", "Bobby", "5550101"})
            QVERIFY2(!text.contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
    }
}

void TestStorePeople::staleUpdateIsRefused()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const PersonRecord created = create(makePerson(QStringLiteral("Lena"), QStringLiteral("Park"),
                                                   {QStringLiteral("LP"), QStringLiteral("Lee")}));
    PersonRecord theirs = created;
    theirs.aliases = {QStringLiteral("Lenny")};
    theirs.phone = QStringLiteral("+19195550555");
    auto saved = people.update(counselor, theirs);
    HEARTDESK_VERIFY_RESULT(saved);
    QCOMPARE(saved.value().version, 2);

    PersonRecord mine = created;
    mine.familyName = QStringLiteral("Parker");
    auto stale = people.update(counselor, mine);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, StoreErrorCode::Conflict);
    auto read = people.history(counselor, created.id);
    HEARTDESK_VERIFY_RESULT(read);
    QCOMPARE(read.value().person.version, 2);
    QCOMPARE(read.value().person.familyName, QStringLiteral("Park"));
    QCOMPARE(read.value().person.aliases, QStringList({QStringLiteral("Lenny")})); // replaced, not added
    QCOMPARE(read.value().person.phone, QStringLiteral("+19195550555"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person_aliases WHERE person_id = ?"), {created.id}),
             1);
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND record_type = 'person' "
                       "AND record_id = ?"),
                   {created.id}),
             1);

    PersonRecord missing = created;
    missing.id = QStringLiteral("no-such-person");
    QCOMPARE(people.update(counselor, missing).error().code, StoreErrorCode::NotFound);
    PersonRecord nameless = read.value().person;
    nameless.givenName.clear();
    nameless.familyName.clear();
    nameless.aliases.clear();
    QCOMPARE(people.update(counselor, nameless).error().field, QStringLiteral("name"));
}

void TestStorePeople::permissions()
{
    PersonStore people(m_fixture->db(), m_fixture->clock());
    const PersonRecord person = create(makePerson(QStringLiteral("Lena"), QStringLiteral("Park")));
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    QCOMPARE(people.create(peer, makePerson(QStringLiteral("New"), QStringLiteral("Person"))).error().code,
             StoreErrorCode::PermissionDenied);
    PersonRecord edit = person;
    edit.familyName = QStringLiteral("Changed");
    QCOMPARE(people.update(peer, edit).error().code, StoreErrorCode::PermissionDenied);
    // Peers search and open records: they meet the people on the unit.
    VERIFY_DONE(people.search(peer, {QStringLiteral("park"), {}, {}}));
    VERIFY_DONE(people.history(peer, person.id));
    const Actor admin = m_fixture->administrator();
    QCOMPARE(people.search(admin, {QStringLiteral("park"), {}, {}}).error().code,
             StoreErrorCode::PermissionDenied);
    QCOMPARE(people.possibleDuplicates(admin, person).error().code, StoreErrorCode::PermissionDenied);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_denied' AND "
                                  "record_type = 'person'")),
             4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM people")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM people WHERE family_name = 'Park' AND version = 1")),
             1);
}

HEART_TEST_GUILESS_MAIN(TestStorePeople)
#include "tst_store_people.moc"
