// The roster's use cases on both engines: a generated rotation, a swap of two
// duties and a single duty are each one transaction, journaled as the cycle
// (one row, its new version) and signalled once. A failure injected at the
// second duty of a swap, or in the middle of a generated rotation's duties,
// leaves nothing of it (duties, version, journal, audit); a refused role is
// audited and writes nothing.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/roster/RotationGenerator.h"
#include "store/ChangeJournal.h"
#include "usecases/RosterUseCases.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const std::chrono::year_month_day kStart{std::chrono::year{2026}, std::chrono::month{11},
                                         std::chrono::day{2}};

} // namespace

class TestUseCaseRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        usecases::RosterUseCases rosters(context(Role::Supervisor));
        using roster::ResponderRole;
        const struct
        {
            ResponderRole role;
            int count;
        } kinds[] = {{ResponderRole::Clinician, 3}, {ResponderRole::PeerSupport, 2}, {ResponderRole::Emt, 1}};
        int n = 0;
        for (const char* code : {"early", "late"}) {
            for (const auto& kind : kinds) {
                for (int i = 0; i < kind.count; ++i)
                    HEARTDESK_VERIFY_RESULT(
                        (rosters.addStaff({{}, "Responder " + std::to_string(++n), kind.role, code})));
            }
        }
        m_journalBefore = ChangeJournal(db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void generatingARotationJournalsTheCycleOnce()
    {
        QSignalSpy spy(&db(), &Database::changesCommitted);
        auto generated = usecases::RosterUseCases(context(Role::Supervisor))
                             .generateRotation({}, roster::RotationRules{}, kStart, 1);
        HEARTDESK_VERIFY_RESULT(generated);
        QVERIFY(generated.value().cycle.has_value());
        const RosterCycle cycle = *generated.value().cycle;
        QCOMPARE(cycle.version, 1);
        QVERIFY(duties() > 0);
        const auto rows = journalRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].recordType, QStringLiteral("roster_cycle"));
        QCOMPARE(rows[0].recordId, cycle.id);
        QCOMPARE(rows[0].version, 1);
        QCOMPARE(rows[0].action, QStringLiteral("create"));
        QCOMPARE(spy.count(), 1);

        // Generating again replaces the duties of the same cycle: version 2.
        auto again = usecases::RosterUseCases(context(Role::Supervisor))
                         .generateRotation(cycle, roster::RotationRules{}, kStart, 1);
        HEARTDESK_VERIFY_RESULT(again);
        QCOMPARE(again.value().cycle->id, cycle.id);
        QCOMPARE(again.value().cycle->version, 2);
        QCOMPARE(journalRows().size(), 2);
        QCOMPARE(journalRows().last().version, 2);
        QCOMPARE(spy.count(), 2);
    }

    // The cycle is replaced: its version moves, its duties are cleared and the
    // first is written; the next write fails as a server error would.
    void failureInTheMiddleOfAGeneratedRotationLeavesNothing()
    {
        const RosterCycle cycle = generate();
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("write duty"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("write duty failed")));
        auto failed = usecases::RosterUseCases(context(Role::Supervisor))
                          .generateRotation(cycle, roster::RotationRules{}, kStart, 1);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, StoreErrorCode::QueryFailed);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);
    }

    void swapJournalsTheCycleOnce()
    {
        RosterCycle cycle = generate();
        const int day = dayToSwap(cycle);
        QVERIFY(day >= 0);
        const roster::Duty first = cycle.schedule.duties[0][std::size_t(day)];
        const roster::Duty second = cycle.schedule.duties[1][std::size_t(day)];
        QSignalSpy spy(&db(), &Database::changesCommitted);
        HEARTDESK_VERIFY_OK(usecases::RosterUseCases(context(Role::Supervisor)).swapDuties(cycle, 0, 1, day));
        QCOMPARE(cycle.version, 2);
        auto read = usecases::RosterUseCases(context(Role::Supervisor)).currentCycle();
        HEARTDESK_VERIFY_RESULT(read);
        QVERIFY(read.value().schedule.duties[0][std::size_t(day)] == second);
        QVERIFY(read.value().schedule.duties[1][std::size_t(day)] == first);
        const auto rows = journalRows();
        QCOMPARE(rows.size(), 2); // the generated cycle, then the swap
        QCOMPARE(rows.last().recordType, QStringLiteral("roster_cycle"));
        QCOMPARE(rows.last().recordId, cycle.id);
        QCOMPARE(rows.last().version, 2);
        QCOMPARE(rows.last().action, QStringLiteral("update"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>(), QList<JournalEntry>{rows.last()});
    }

    // The first person's duty is written, the second's write fails: neither
    // duty, nor the version, nor a journal or audit row of the swap remains.
    void failureAtTheSecondDutyOfASwapLeavesNothing()
    {
        RosterCycle cycle = generate();
        const int day = dayToSwap(cycle);
        QVERIFY(day >= 0);
        const RosterCycle read = cycle;
        QSignalSpy spy(&db(), &Database::changesCommitted);
        const QString before = snapshot();
        db().injectFault(QStringLiteral("write swapped duty"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("write swapped duty failed")));
        const StoreError error =
            usecases::RosterUseCases(context(Role::Supervisor)).swapDuties(cycle, 0, 1, day);
        QCOMPARE(error.code, StoreErrorCode::QueryFailed);
        QCOMPARE(cycle.version, read.version); // the caller's copy is unchanged too
        QVERIFY(cycle.schedule == read.schedule);
        QCOMPARE(snapshot(), before);
        QCOMPARE(spy.count(), 0);

        // And the swap can be made afterwards, whole.
        HEARTDESK_VERIFY_OK(usecases::RosterUseCases(context(Role::Supervisor)).swapDuties(cycle, 0, 1, day));
        QCOMPARE(spy.count(), 1);
    }

    void oneDutyAndAFixedShiftJournalOneRowEach()
    {
        RosterCycle cycle = generate();
        usecases::RosterUseCases rosters(context(Role::Supervisor));
        HEARTDESK_VERIFY_OK(rosters.setDuty(cycle, 2, 3, roster::Duty{}));
        auto rows = journalRows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.last().recordType, QStringLiteral("roster_cycle"));
        QCOMPARE(rows.last().version, 2);
        QCOMPARE(cycle.version, 2);

        const QString staffId = QString::fromStdString(cycle.schedule.staff[0].id);
        HEARTDESK_VERIFY_OK(rosters.setStaffShift(staffId, QStringLiteral("late")));
        rows = journalRows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.last().recordType, QStringLiteral("staff"));
        QCOMPARE(rows.last().recordId, staffId);
        QCOMPARE(rows.last().version, 2);
    }

    void refusedRoleIsAuditedAndWritesNothing()
    {
        RosterCycle cycle = generate();
        const Actor counselor = m_fixture->actorFor(Role::CallCounselor); // made before the snapshot
        const QString before = snapshot();
        usecases::RosterUseCases rosters(context(Role::CallCounselor));
        QCOMPARE(rosters.swapDuties(cycle, 0, 1, 0).code, StoreErrorCode::PermissionDenied);
        QCOMPARE(rosters.generateRotation(cycle, roster::RotationRules{}, kStart, 1).error().code,
                 StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, counselor.userId()), 2);
        QCOMPARE(snapshot(), before);
    }

private:
    Database& db() { return m_fixture->db(); }
    const Clock& clock() { return m_fixture->clock(); }
    usecases::Context context(Role role) { return {db(), clock(), m_fixture->actorFor(role)}; }

    RosterCycle generate()
    {
        auto generated = usecases::RosterUseCases(context(Role::Supervisor))
                             .generateRotation({}, roster::RotationRules{}, kStart, 1);
        if (!generated.ok() || !generated.value().cycle)
            return {};
        return *generated.value().cycle;
    }
    // A day on which the first two people have different duties and the
    // first works (so that the second person's row gets a duty written).
    static int dayToSwap(const RosterCycle& cycle)
    {
        const auto& duties = cycle.schedule.duties;
        if (duties.size() < 2)
            return -1;
        for (int day = 0; day < cycle.schedule.dayCount(); ++day) {
            const auto d = std::size_t(day);
            if (!(duties[0][d] == duties[1][d]) && duties[0][d].kind != roster::DutyKind::Off)
                return day;
        }
        return -1;
    }
    int duties()
    {
        const auto r = m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM roster_duties"));
        return r.rows.isEmpty() ? -1 : r.rows.first().first().toInt();
    }
    QList<JournalEntry> journalRows()
    {
        auto rows = ChangeJournal(db()).after(m_journalBefore);
        return rows.ok() ? rows.value() : QList<JournalEntry>{};
    }
    // The cycles, every duty, the journal and the audit trail (but refusals).
    QString snapshot()
    {
        QStringList parts;
        const auto add = [&](const QString& sql) {
            for (const QVariantList& row : m_fixture->sql(sql).rows)
                for (const QVariant& v : row)
                    parts.append(v.toString());
        };
        add(QStringLiteral("SELECT id, version, teams_per_shift FROM roster_cycles ORDER BY id"));
        add(QStringLiteral(
            "SELECT cycle_id, staff_id, day_index, kind, shift_code, admin_minutes FROM roster_duties "
            "ORDER BY cycle_id, staff_id, day_index"));
        add(QStringLiteral("SELECT id, shift_code, version FROM staff ORDER BY id"));
        add(QStringLiteral("SELECT COUNT(*) FROM change_journal"));
        add(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'permission_denied'"));
        return parts.join(u'|');
    }

    std::unique_ptr<TestDatabase> m_fixture;
    qint64 m_journalBefore = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseRoster)
#include "tst_usecase_roster.moc"
