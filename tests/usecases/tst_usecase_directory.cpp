// The resource directory's use cases on both engines: adding, editing and
// deactivating a service each journal the service once with its new version;
// importing a file's rows is one transaction that journals each service it
// writes once and signals once, and a failure injected at a middle row
// leaves nothing of the import (services, journal, audit). The crisis
// services' setting is checked before it is stored.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeJournal.h"
#include "usecases/DirectoryUseCases.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace heart;
using namespace heart::store;
using directory::Resource;
using directory::ResourceKind;
using heart::test::TestDatabase;

namespace {

Resource service(const char* name, ResourceKind kind, const char* phone)
{
    Resource r;
    r.name = name;
    r.kind = kind;
    r.phone = phone;
    r.languages = {"en"};
    return r;
}

} // namespace

class TestUseCaseDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        auto known = directory().add(service("Durham Rescue Mission", ResourceKind::Shelter, "919-555-0101"));
        HEARTDESK_VERIFY_RESULT(known);
        m_known = known.value();
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void addEditDeactivateJournalOneRowEach()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto added = directory().add(service("Northside Pantry", ResourceKind::Food, "919-555-0170"));
        HEARTDESK_VERIFY_RESULT(added);
        Resource changed = added.value().toResource();
        changed.hours = "Mon–Fri 09:00–17:00";
        auto edited = directory().edit(added.value().id, added.value().version, changed);
        HEARTDESK_VERIFY_RESULT(edited);
        auto deactivated = directory().setActive(added.value().id, edited.value().version, false);
        HEARTDESK_VERIFY_RESULT(deactivated);
        QVERIFY(!deactivated.value().active);

        const auto rows = journalRows();
        QCOMPARE(rows.size(), 3);
        const QStringList actions{QStringLiteral("create"), QStringLiteral("update"),
                                  QStringLiteral("deactivate")};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rows[i].recordType, QStringLiteral("resource"));
            QCOMPARE(rows[i].recordId, added.value().id);
            QCOMPARE(rows[i].version, i + 1);
            QCOMPARE(rows[i].action, actions[i]);
        }
        QCOMPARE(deactivated.value().version, 3);
        QCOMPARE(spy.count(), 3);
    }

    void importJournalsEachServiceOnceAndSignalsOnce()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto imported = directory().importRows(fileRows());
        HEARTDESK_VERIFY_RESULT(imported);
        QCOMPARE(imported.value().inserted, 2);
        QCOMPARE(imported.value().updated, 1);

        const auto rows = journalRows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].action, QStringLiteral("create"));
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[1].action, QStringLiteral("update"));
        QCOMPARE(rows[1].recordId, m_known.id);
        QCOMPARE(rows[1].version, 2);
        QCOMPARE(rows[2].action, QStringLiteral("create"));
        QCOMPARE(rows[2].version, 1);
        QVERIFY(rows[0].recordId != rows[2].recordId);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), rows);
        QCOMPARE(directory().resource(m_known.id).value().notes, QStringLiteral("Beds from 18:00"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'import'")), 1);
    }

    // The first row is inserted; the second (the known service's update)
    // fails as a server error would. Nothing of the import may remain.
    void failureAtAMiddleRowLeavesNothing()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("update service"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("update service failed")));
        auto failed = directory().importRows(fileRows());
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);

        // And the same file imports whole afterwards.
        HEARTDESK_VERIFY_RESULT(directory().importRows(fileRows()));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(journalRows().size(), 3);
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        const Actor navigator = m_fixture->actorFor(Role::CareNavigator); // made before the snapshot
        const QString before = snapshot();
        usecases::DirectoryUseCases refused(context(navigator));
        QCOMPARE(refused.importRows(fileRows()).error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(refused.setActive(m_known.id, m_known.version, false).error().code,
                 StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, navigator.userId()), 2);
        QCOMPARE(snapshot(), before);
        // Reading is for anyone signed in.
        HEARTDESK_VERIFY_RESULT(refused.search({}));
    }

    void crisisServicesAreCheckedBeforeTheyAreStored()
    {
        usecases::DirectoryUseCases admin = directory();
        const StoreError bad = admin.setCrisisServices(QByteArrayLiteral(R"({"es": []})"));
        QCOMPARE(bad.code, StoreErrorCode::InvalidInput);
        QCOMPARE(bad.field, QStringLiteral("crisisServices"));
        HEARTDESK_VERIFY_OK(admin.setCrisisServices(
            QByteArrayLiteral(R"({"en": [{"name": "Durham Crisis Line", "phone": "919-555-0199"}]})")));
        QString problem;
        const auto services = admin.crisisServices(QStringLiteral("es"), &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(services.size(), std::size_t(1));
        QCOMPARE(services.front().name, std::string("Durham Crisis Line"));
    }

private:
    Database& db() { return m_fixture->db(); }
    usecases::Context context(const Actor& actor) { return {db(), m_fixture->clock(), actor}; }
    usecases::DirectoryUseCases directory()
    {
        return usecases::DirectoryUseCases(context(m_fixture->administrator()));
    }

    // A new service, the known one changed, another new service.
    std::vector<Resource> fileRows() const
    {
        Resource mission = m_known.toResource();
        mission.notes = "Beds from 18:00";
        return {service("Northside Pantry", ResourceKind::Food, "919-555-0170"), mission,
                service("Oak Street Shelter", ResourceKind::Shelter, "919-555-0172")};
    }
    QList<JournalEntry> journalRows()
    {
        auto rows = ChangeJournal(db()).after(m_journalBefore);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    int count(const QString& sql)
    {
        const auto r = m_fixture->sql(sql);
        return r.rows.isEmpty() ? -1 : r.rows.first().first().toInt();
    }
    // Every service, the journal and the audit trail (but refusals).
    QString snapshot()
    {
        QStringList parts;
        for (const QVariantList& row :
             m_fixture
                 ->sql(QStringLiteral("SELECT id, name, notes, active, version FROM resources ORDER BY id"))
                 .rows)
            for (const QVariant& v : row)
                parts.append(v.toString());
        parts.append(QString::number(count(QStringLiteral("SELECT COUNT(*) FROM change_journal"))));
        parts.append(QString::number(
            count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"))));
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    ResourceRecord m_known;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseDirectory)
#include "tst_usecase_directory.moc"
