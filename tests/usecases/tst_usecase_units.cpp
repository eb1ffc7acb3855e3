// Setting a unit up and moving it, as use cases, on both engines: a new
// unit journals one row at version 1; the shift's members and the unit's
// version change together, journaled once, and a failure between them
// leaves neither; a status change journals the unit at its new version; the
// core's refusal is StatusRefused and writes nothing.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeJournal.h"
#include "store/RosterStore.h"
#include "usecases/UnitUseCases.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;
using units::UnitStatus;

class TestUseCaseUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        m_staff.clear();
        RosterStore roster(db(), clock());
        for (const auto& [name, role] : {std::pair<std::string, roster::ResponderRole>{
                                             "Morgan Clinician", roster::ResponderRole::Clinician},
                                         {"Zoe Peer", roster::ResponderRole::PeerSupport}}) {
            auto id = roster.addStaff(m_fixture->actorFor(Role::Supervisor), {{}, name, role, "early"});
            HEARTDESK_VERIFY_RESULT(id);
            m_staff.append(id.value());
        }
        m_fixture->actorFor(Role::CrtTeamLead); // accounts are journaled too: made before the baseline
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void createAndMoveJournalTheUnit()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto created = supervisor().createUnit(QStringLiteral("CRT-1"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(created);
        auto moved = usecases::UnitUseCases(context(Role::CrtTeamLead))
                         .changeStatus(created.value().id, created.value().version, UnitStatus::Available);
        HEARTDESK_VERIFY_RESULT(moved);
        const auto rows = journal();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].recordType, QStringLiteral("unit"));
        QCOMPARE(rows[0].action, QStringLiteral("create"));
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[1].recordId, created.value().id);
        QCOMPARE(rows[1].version, moved.value().version);
        QCOMPARE(spy.count(), 2);

        // The core refuses on scene straight after available: nothing written.
        const QString before = snapshot(created.value().id);
        auto refused = usecases::UnitUseCases(context(Role::CrtTeamLead))
                           .changeStatus(created.value().id, moved.value().version, UnitStatus::OnScene);
        QCOMPARE(refused.error().code, StoreErrorCode::StatusRefused);
        QCOMPARE(snapshot(created.value().id), before);
        QCOMPARE(
            supervisor().createUnit(QStringLiteral(" "), units::UnitKind::CommunityResponse).error().code,
            StoreErrorCode::RequiredMissing);
    }

    void membersAndUnitChangeTogether()
    {
        auto created = supervisor().createUnit(QStringLiteral("CRT-1"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(created);
        const qint64 start = ChangeJournal(db()).lastSeq().value();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto set = supervisor().setMembers(created.value().id, created.value().version, m_staff);
        HEARTDESK_VERIFY_RESULT(set);
        QCOMPARE(set.value().members.size(), 2);
        const auto rows = ChangeJournal(db()).after(start).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordId, created.value().id);
        QCOMPARE(rows[0].version, set.value().version);
        QCOMPARE(spy.count(), 1);
    }

    // The unit's version moves on and its old members go; adding a member
    // then fails as a server error would. The old crew and version stay.
    void failureBetweenUnitAndMembersLeavesNothing()
    {
        auto created = supervisor().createUnit(QStringLiteral("CRT-1"), units::UnitKind::CommunityResponse);
        HEARTDESK_VERIFY_RESULT(created);
        auto first = supervisor().setMembers(created.value().id, created.value().version, {m_staff.first()});
        HEARTDESK_VERIFY_RESULT(first);
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot(created.value().id);
        db().injectFault(QStringLiteral("add unit member"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("add unit member failed")));
        auto set = supervisor().setMembers(created.value().id, first.value().version, m_staff);
        QCOMPARE(set.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(created.value().id), before);
        QCOMPARE(spy.count(), 0);
        auto read = supervisor().unit(created.value().id);
        HEARTDESK_VERIFY_RESULT(read);
        QCOMPARE(read.value().members.size(), 1);
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    usecases::Context context(Role role) { return {db(), clock(), m_fixture->actorFor(role)}; }
    usecases::UnitUseCases supervisor() { return usecases::UnitUseCases(context(Role::Supervisor)); }
    QList<JournalEntry> journal()
    {
        auto rows = ChangeJournal(db()).after(m_journalBefore);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    QString snapshot(const QString& unitId)
    {
        QStringList parts;
        const auto add = [&](const QString& sql, const QVariantList& values) {
            for (const QVariantList& row : m_fixture->sql(sql, values).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        add(QStringLiteral("SELECT status, call_id, version FROM units WHERE id = ?"), {unitId});
        add(QStringLiteral("SELECT staff_id FROM unit_members WHERE unit_id = ? ORDER BY staff_id"),
            {unitId});
        add(QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ?"), {unitId});
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"), {});
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"), {});
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    QStringList m_staff;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseUnits)
#include "tst_usecase_units.moc"
