// The resource directory at the store, on both engines: a service comes back
// field for field (phone normalised, languages in order); anyone signed in
// finds it by part of its name typed with or without accents, by phone digits
// or address, by kind and by language, in name order; a deactivated service
// is hidden from search but still readable; only administrators change the
// directory, and every refusal is audited; a stale version is a Conflict; a
// CSV import updates the services it knows (folded name + phone) and inserts
// the rest in one transaction with one audit row, and a cancelled import
// writes nothing. The audit trail never holds a service's name.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/directory/Resource.h"
#include "store/ResourceStore.h"
#include "store/StoreTime.h"

#include <QTest>

using namespace heart;
using namespace heart::store;
using directory::Resource;
using directory::ResourceKind;
using heart::test::RawResult;
using heart::test::TestDatabase;

#define VERIFY_REFUSED(expr, expectedCode)                                                                   \
    do {                                                                                                     \
        const auto refused_ = (expr);                                                                        \
        QVERIFY(!refused_.ok());                                                                             \
        QCOMPARE(storeErrorCodeName(refused_.error().code), storeErrorCodeName(expectedCode));               \
    } while (false)

namespace {

Resource service(const char* name, ResourceKind kind, const char* phone = "",
                 std::vector<std::string> languages = {"en"})
{
    Resource r;
    r.name = name;
    r.kind = kind;
    r.phone = phone;
    r.languages = std::move(languages);
    return r;
}

QStringList namesOf(const QList<ResourceRecord>& records)
{
    QStringList names;
    for (const ResourceRecord& r : records)
        names << r.name;
    return names;
}

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace

class TestStoreDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_store = std::make_unique<ResourceStore>(m_fixture->db(), m_fixture->clock());
    }
    void cleanup()
    {
        m_store.reset();
        m_fixture.reset();
    }

    void roundTrip()
    {
        const Actor admin = m_fixture->administrator();
        Resource r = service("  Clínica Comunitaria La Esperanza ", ResourceKind::Clinic, "(919) 555-0122",
                             {"ES", "en", "es"});
        r.address = "2215 Chapel Hill Rd, Durham, NC 27707";
        r.hours = "Mon–Thu 08:00–19:00";
        r.walkIns = true;
        r.notes = "Atención médica.\nSliding-scale fees.";
        auto created = m_store->create(admin, r);
        HEARTDESK_VERIFY_RESULT(created);
        const ResourceRecord& c = created.value();
        QCOMPARE(c.version, 1);
        QVERIFY(c.active);
        QCOMPARE(c.name, QStringLiteral("Clínica Comunitaria La Esperanza"));
        QCOMPARE(c.phone, QStringLiteral("+19195550122"));
        QCOMPARE(c.languages, strings({"es", "en"}));
        QCOMPARE(c.createdAt, toDateTime(TestDatabase::startTime()));

        // Anyone signed in reads it back, field for field.
        auto read = m_store->get(m_fixture->actorFor(Role::PeerSupport), c.id);
        HEARTDESK_VERIFY_RESULT(read);
        const ResourceRecord& g = read.value();
        QCOMPARE(g.kind, ResourceKind::Clinic);
        QCOMPARE(g.address, QString::fromStdString(r.address));
        QCOMPARE(g.hours, QStringLiteral("Mon–Thu 08:00–19:00"));
        QVERIFY(g.walkIns);
        QCOMPARE(g.notes, QStringLiteral("Atención médica.\nSliding-scale fees."));
        QCOMPARE(g.toResource(), directory::normalised(r));
        const RawResult key = m_fixture->sql(QStringLiteral("SELECT name_key, languages FROM resources"));
        QCOMPARE(key.rows.at(0).at(0).toString(), QStringLiteral("clinica comunitaria la esperanza"));
        QCOMPARE(key.rows.at(0).at(1).toString(), QStringLiteral(";es;en;"));

        // Audited by id, never by name.
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND "
                                          "record_type = 'resource' AND record_id = ?"),
                           {c.id})
                     .rows.at(0)
                     .at(0)
                     .toInt(),
                 1);
        QCOMPARE(m_fixture
                     ->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE LOWER(record_id) LIKE "
                                          "'%esperanza%'"))
                     .rows.at(0)
                     .at(0)
                     .toInt(),
                 0);
        VERIFY_REFUSED(m_store->get(admin, QStringLiteral("no-such-id")), StoreErrorCode::NotFound);
    }

    void invalidAndDuplicateRefused()
    {
        const Actor admin = m_fixture->administrator();
        auto bad = m_store->create(admin, service("Somewhere", ResourceKind::Food, "919-555-HELP"));
        VERIFY_REFUSED(bad, StoreErrorCode::InvalidInput);
        QCOMPARE(bad.error().field, QStringLiteral("phone"));
        auto noKind = service("Somewhere", ResourceKind::Food);
        noKind.kind.reset();
        VERIFY_REFUSED(m_store->create(admin, noKind), StoreErrorCode::InvalidInput);
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101")));
        // The same service typed differently is the same service.
        auto twin = m_store->create(
            admin, service("DURHAM  rescue mission", ResourceKind::Shelter, "(919) 555.0101"));
        VERIFY_REFUSED(twin, StoreErrorCode::InvalidInput);
        QCOMPARE(twin.error().field, QStringLiteral("name"));
        // Another phone is another service (a second site).
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0109")));
        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 2);
    }

    void search()
    {
        const Actor admin = m_fixture->administrator();
        Resource clinic =
            service("Clínica Comunitaria La Esperanza", ResourceKind::Clinic, "919-555-0122", {"es", "en"});
        clinic.address = "2215 Chapel Hill Rd";
        HEARTDESK_VERIFY_RESULT(m_store->create(admin, clinic));
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101")));
        HEARTDESK_VERIFY_RESULT(m_store->create(
            admin, service("Deaf Access Counseling", ResourceKind::Clinic, "919-555-0125", {"ase", "en"})));
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("988 Lifeline", ResourceKind::CrisisLine, "988", {"en", "es"})));
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("Bull City 100% Peer_Center", ResourceKind::PeerCenter)));
        const Actor peer = m_fixture->actorFor(Role::PeerSupport);
        const auto find = [&](ResourceQuery query) {
            auto found = m_store->search(peer, query);
            return found.ok() ? namesOf(found.value()) : QStringList{QStringLiteral("error")};
        };
        ResourceQuery q;
        // Everything, by name.
        QCOMPARE(find(q),
                 strings({"988 Lifeline", "Bull City 100% Peer_Center", "Clínica Comunitaria La Esperanza",
                          "Deaf Access Counseling", "Durham Rescue Mission"}));
        // Part of the name, with or without accents, any case, words in any order.
        q.text = QStringLiteral("clinica");
        QCOMPARE(find(q), strings({"Clínica Comunitaria La Esperanza"}));
        q.text = QStringLiteral("CLÍNICA");
        QCOMPARE(find(q), strings({"Clínica Comunitaria La Esperanza"}));
        q.text = QStringLiteral("esperanza  comun");
        QCOMPARE(find(q), strings({"Clínica Comunitaria La Esperanza"}));
        q.text = QStringLiteral("resc");
        QCOMPARE(find(q), strings({"Durham Rescue Mission"}));
        q.text = QStringLiteral("coun");
        QCOMPARE(find(q), strings({"Deaf Access Counseling"}));
        // Address, phone digits however typed.
        q.text = QStringLiteral("chapel hill");
        QCOMPARE(find(q), strings({"Clínica Comunitaria La Esperanza"}));
        q.text = QStringLiteral("555-0101");
        QCOMPARE(find(q), strings({"Durham Rescue Mission"}));
        // LIKE wildcards typed are only themselves.
        q.text = QStringLiteral("100%");
        QCOMPARE(find(q), strings({"Bull City 100% Peer_Center"}));
        q.text = QStringLiteral("l_c");
        QCOMPARE(find(q), QStringList());
        q.text = QStringLiteral("nothing like this");
        QCOMPARE(find(q), QStringList());
        // By kind; by language ("es" is not found inside "ase").
        q = {};
        q.kind = ResourceKind::Clinic;
        QCOMPARE(find(q), strings({"Clínica Comunitaria La Esperanza", "Deaf Access Counseling"}));
        q = {};
        q.language = QStringLiteral("es");
        QCOMPARE(find(q), strings({"988 Lifeline", "Clínica Comunitaria La Esperanza"}));
        q.language = QStringLiteral("ASE");
        QCOMPARE(find(q), strings({"Deaf Access Counseling"}));
        q.kind = ResourceKind::Shelter;
        QCOMPARE(find(q), QStringList());
        // The limit keeps the first by name.
        q = {};
        q.limit = 2;
        QCOMPARE(find(q), strings({"988 Lifeline", "Bull City 100% Peer_Center"}));
    }

    void inactiveHiddenButReadable()
    {
        const Actor admin = m_fixture->administrator();
        auto shelter =
            m_store->create(admin, service("Eno Family Haven", ResourceKind::Shelter, "919-555-0102"));
        HEARTDESK_VERIFY_RESULT(shelter);
        auto off = m_store->setActive(admin, shelter.value().id, shelter.value().version, false);
        HEARTDESK_VERIFY_RESULT(off);
        QVERIFY(!off.value().active);
        QCOMPARE(off.value().version, 2);
        QCOMPARE(m_fixture->auditCount(QStringLiteral("deactivate")), 1);
        const Actor navigator = m_fixture->actorFor(Role::CareNavigator);
        ResourceQuery q;
        q.text = QStringLiteral("haven");
        QCOMPARE(namesOf(m_store->search(navigator, q).value()), QStringList());
        q.includeInactive = true;
        QCOMPARE(namesOf(m_store->search(navigator, q).value()), strings({"Eno Family Haven"}));
        // An old referral still finds it.
        auto read = m_store->get(navigator, shelter.value().id);
        HEARTDESK_VERIFY_RESULT(read);
        QVERIFY(!read.value().active);
        // Never deleted; a new service with the same name and phone may be added now.
        HEARTDESK_VERIFY_RESULT(
            m_store->create(admin, service("Eno Family Haven", ResourceKind::Shelter, "919-555-0102")));
        // ...and then the old one cannot come back as its twin.
        VERIFY_REFUSED(m_store->setActive(admin, shelter.value().id, 2, true), StoreErrorCode::InvalidInput);
        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 2);
    }

    void onlyAdministratorsChangeIt_data()
    {
        QTest::addColumn<int>("role");
        for (Role role : kAllRoles) {
            if (role != Role::Administrator)
                QTest::newRow(roleCode(role).data()) << int(role);
        }
    }

    void onlyAdministratorsChangeIt()
    {
        QFETCH(int, role);
        const Actor admin = m_fixture->administrator();
        auto known =
            m_store->create(admin, service("Durham Community Kitchen", ResourceKind::Food, "919-555-0141"));
        HEARTDESK_VERIFY_RESULT(known);
        const ResourceRecord k = known.value();
        const Actor other = m_fixture->actorFor(Role(role));
        const int deniedBefore = m_fixture->auditCount(QStringLiteral("permission_denied"), other.userId());
        VERIFY_REFUSED(m_store->create(other, service("New Pantry", ResourceKind::Food)),
                       StoreErrorCode::PermissionDenied);
        VERIFY_REFUSED(m_store->update(other, k.id, k.version, service("Renamed", ResourceKind::Food)),
                       StoreErrorCode::PermissionDenied);
        VERIFY_REFUSED(m_store->setActive(other, k.id, k.version, false), StoreErrorCode::PermissionDenied);
        VERIFY_REFUSED(m_store->importRows(other, {service("Imported", ResourceKind::Food)}),
                       StoreErrorCode::PermissionDenied);
        // Each refusal is in the audit trail; nothing changed.
        QCOMPARE(m_fixture->auditCount(QStringLiteral("permission_denied"), other.userId()),
                 deniedBefore + 4);
        const RawResult rows = m_fixture->sql(QStringLiteral("SELECT name, version, active FROM resources"));
        QCOMPARE(rows.rows.size(), 1);
        QCOMPARE(rows.rows.at(0).at(0).toString(), QStringLiteral("Durham Community Kitchen"));
        QCOMPARE(rows.rows.at(0).at(1).toInt(), 1);
        QCOMPARE(rows.rows.at(0).at(2).toInt(), 1);
        // Searching is for everyone.
        auto found = m_store->search(other, ResourceQuery{QStringLiteral("kitchen"), {}, {}, false, 10});
        HEARTDESK_VERIFY_RESULT(found);
        QCOMPARE(found.value().size(), 1);
    }

    void staleVersionConflicts()
    {
        const Actor admin = m_fixture->administrator();
        auto created =
            m_store->create(admin, service("East Durham Food Pantry", ResourceKind::Food, "919-555-0143"));
        HEARTDESK_VERIFY_RESULT(created);
        Resource changed = created.value().toResource();
        changed.hours = "Mon & Thu 10:00–14:00";
        auto first = m_store->update(admin, created.value().id, 1, changed);
        HEARTDESK_VERIFY_RESULT(first);
        QCOMPARE(first.value().version, 2);
        QCOMPARE(first.value().hours, QStringLiteral("Mon & Thu 10:00–14:00"));
        // A second editor who read version 1 is refused; the first edit stays.
        changed.hours = "Closed";
        VERIFY_REFUSED(m_store->update(admin, created.value().id, 1, changed), StoreErrorCode::Conflict);
        VERIFY_REFUSED(m_store->setActive(admin, created.value().id, 1, false), StoreErrorCode::Conflict);
        auto now = m_store->get(admin, created.value().id);
        QCOMPARE(now.value().hours, QStringLiteral("Mon & Thu 10:00–14:00"));
        QVERIFY(now.value().active);
        QCOMPARE(m_fixture->auditCount(QStringLiteral("update")), 1);
    }

    void importUpdatesKnownAndInsertsNew()
    {
        const Actor admin = m_fixture->administrator();
        auto mission =
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101"));
        auto kitchen =
            m_store->create(admin, service("Durham Community Kitchen", ResourceKind::Food, "919-555-0141"));
        auto closed = m_store->create(admin, service("Old Pantry", ResourceKind::Food, "919-555-0149"));
        HEARTDESK_VERIFY_RESULT(closed);
        HEARTDESK_VERIFY_RESULT(m_store->setActive(admin, closed.value().id, 1, false));
        const int auditBefore =
            m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log")).rows.at(0).at(0).toInt();

        Resource missionNow =
            service("DURHAM RESCUE MISSIÓN", ResourceKind::Shelter, "919.555.0101", {"en", "es"});
        missionNow.hours = "Every day 18:00–08:00";
        std::vector<Resource> rows = {
            missionNow,                                                                // updates the mission
            service("Durham Community Kitchen", ResourceKind::Food, "(919) 555-0141"), // identical: unchanged
            service("Despensa San José", ResourceKind::Food, "919-555-0142", {"es"}),  // new
            service("Old Pantry", ResourceKind::Food, "919-555-0149"), // only a deactivated twin: new
            service("Despensa San Jose", ResourceKind::Food, "919-555-0142",
                    {"es", "en"}), // the new one again, changed
        };
        std::vector<std::pair<int, int>> calls;
        auto imported = m_store->importRows(admin, rows, [&](int done, int total) {
            calls.push_back({done, total});
            return true;
        });
        HEARTDESK_VERIFY_RESULT(imported);
        QCOMPARE(imported.value().inserted, 2);
        QCOMPARE(imported.value().updated, 2);
        QCOMPARE(imported.value().unchanged, 1);
        QVERIFY(!imported.value().cancelled);
        QCOMPARE(calls.size(), std::size_t(6));
        QCOMPARE(calls.front(), std::make_pair(0, 5));
        QCOMPARE(calls.back(), std::make_pair(5, 5));

        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 5);
        auto missionRead = m_store->get(admin, mission.value().id);
        QCOMPARE(missionRead.value().name, QStringLiteral("DURHAM RESCUE MISSIÓN"));
        QCOMPARE(missionRead.value().hours, QStringLiteral("Every day 18:00–08:00"));
        QCOMPARE(missionRead.value().version, 2);
        QCOMPARE(m_store->get(admin, kitchen.value().id).value().version, 1); // not written at all
        ResourceQuery q;
        q.text = QStringLiteral("despensa");
        auto despensa = m_store->search(admin, q);
        QCOMPARE(namesOf(despensa.value()), strings({"Despensa San Jose"}));
        QCOMPARE(despensa.value().at(0).languages, strings({"es", "en"}));
        // An audit row per service written (the mission, the two new ones:
        // the second Despensa row changes the new one before it is written), then one
        // for the whole import, naming the counts.
        const RawResult audit =
            m_fixture->sql(QStringLiteral("SELECT action, record_type, record_id FROM audit_log "
                                          "ORDER BY seq"));
        QCOMPARE(audit.rows.size(), auditBefore + 3 + 1);
        QCOMPARE(audit.rows.at(auditBefore).at(0).toString(), QStringLiteral("update")); // the mission, row 1
        QCOMPARE(audit.rows.last().at(0).toString(), QStringLiteral("import"));
        QCOMPARE(audit.rows.last().at(1).toString(), QStringLiteral("resource"));
        QCOMPARE(audit.rows.last().at(2).toString(),
                 QStringLiteral("rows=5;inserted=2;updated=2;unchanged=1"));

        // The same file again adds nothing.
        auto again = m_store->importRows(admin, rows);
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(again.value().inserted, 0);
        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 5);
    }

    void cancelledImportWritesNothing()
    {
        const Actor admin = m_fixture->administrator();
        auto mission =
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101"));
        Resource changed = mission.value().toResource();
        changed.notes = "changed";
        const std::vector<Resource> rows = {changed, service("A", ResourceKind::Food),
                                            service("B", ResourceKind::Food)};
        auto cancelled = m_store->importRows(admin, rows, [](int done, int) { return done < 2; });
        HEARTDESK_VERIFY_RESULT(cancelled);
        QVERIFY(cancelled.value().cancelled);
        QCOMPARE(cancelled.value().inserted, 0);
        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 1);
        QCOMPARE(m_store->get(admin, mission.value().id).value().notes, QString());
        QCOMPARE(m_fixture->auditCount(QStringLiteral("import")), 0);
    }

    void importWithABadRowWritesNothing()
    {
        const Actor admin = m_fixture->administrator();
        const std::vector<Resource> rows = {service("Good", ResourceKind::Food),
                                            service("Bad", ResourceKind::Food, "555")};
        auto refused = m_store->importRows(admin, rows);
        VERIFY_REFUSED(refused, StoreErrorCode::InvalidInput);
        QVERIFY2(refused.error().detail.startsWith(QStringLiteral("row 2: phone-not-dialable@phone")),
                 qPrintable(refused.error().detail));
        QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM resources")).rows.at(0).at(0).toInt(),
                 0);
    }

    void importNoticesAChangeMadeMeanwhile()
    {
        const Actor admin = m_fixture->administrator();
        auto mission =
            m_store->create(admin, service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101"));
        Resource changed = mission.value().toResource();
        changed.notes = "from the file";
        // Another workstation edits the service while the import is planning.
        auto second = m_fixture->openSecond();
        QVERIFY(second);
        ResourceStore other(*second, m_fixture->clock());
        auto imported = m_store->importRows(admin, {changed}, [&](int done, int) {
            if (done == 1) {
                Resource edit = mission.value().toResource();
                edit.notes = "edited meanwhile";
                other.update(admin, mission.value().id, 1, edit);
            }
            return true;
        });
        VERIFY_REFUSED(imported, StoreErrorCode::Conflict);
        QCOMPARE(m_store->get(admin, mission.value().id).value().notes, QStringLiteral("edited meanwhile"));
        QCOMPARE(m_fixture->auditCount(QStringLiteral("import")), 0);
    }

private:
    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<ResourceStore> m_store;
};

HEART_TEST_GUILESS_MAIN(TestStoreDirectory)
#include "tst_store_directory.moc"
