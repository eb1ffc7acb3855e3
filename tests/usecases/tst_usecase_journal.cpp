// The change journal on both engines: a unit of work writes one journal row
// per changed record in its own transaction and signals them after the
// commit; a rolled-back or refused unit leaves no row and no signal; nested
// units commit as one; and many workstations writing at once (8 x 500 on
// PostgreSQL) leave every committed change exactly once, gapless, while a
// reader following the journal never sees a number before a smaller one.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeJournal.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <latch>
#include <set>
#include <thread>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const QString kProbe = QStringLiteral("probe");

// One change to a probe record, committed or rolled back. The administrator
// may ManageSettings, so the permission check passes.
StoreError writeProbe(Database& db, const Clock& clock, const Actor& actor, const QString& id, bool commit)
{
    UnitOfWork work(db, clock, actor, Action::ManageSettings, kProbe, id);
    if (!work.ok())
        return work.error();
    if (StoreError error = work.changed(audit::Update, kProbe, id, 1))
        return error;
    if (!commit)
        return {}; // the destructor rolls back
    return work.commit();
}

struct Writer
{
    QString error;
    QStringList committed; // ids, in the order this writer committed them
};

struct Reader
{
    QString error;
    QList<JournalEntry> seen;
};

} // namespace

class TestUseCaseJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_fixture);
        // Accounts are journaled records too: made before the baseline.
        m_fixture->administrator();
        m_fixture->actorFor(Role::CareNavigator);
        m_base = ChangeJournal(m_fixture->db()).lastSeq().value();
    }
    void cleanup() { m_fixture.reset(); }

    void committedChangeIsJournaledAndSignalled()
    {
        const Actor admin = m_fixture->administrator();
        QSignalSpy spy(&m_fixture->db(), &Database::changesCommitted);
        HEARTDESK_VERIFY_OK(
            writeProbe(m_fixture->db(), m_fixture->clock(), admin, QStringLiteral("p-1"), true));

        ChangeJournal journal(m_fixture->db());
        auto rows = journal.after(m_base);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(rows.value().size(), 1);
        const JournalEntry& row = rows.value().first();
        QCOMPARE(row.seq, m_base + 1);
        QCOMPARE(row.recordType, kProbe);
        QCOMPARE(row.recordId, QStringLiteral("p-1"));
        QCOMPARE(row.version, 1);
        QCOMPARE(row.action, audit::Update);
        QCOMPARE(row.userId, admin.userId());
        QCOMPARE(row.workstation, TestDatabase::workstation());
        QCOMPARE(row.changedAt, toDateTime(m_fixture->clock().now()));

        QCOMPARE(spy.count(), 1);
        const auto signalled = spy.first().first().value<QList<JournalEntry>>();
        QCOMPARE(signalled, rows.value());
        QCOMPARE(journal.lastSeq().value(), m_base + 1);
    }

    void rolledBackChangeLeavesNoRowAndNoSignal()
    {
        const Actor admin = m_fixture->administrator();
        QSignalSpy spy(&m_fixture->db(), &Database::changesCommitted);
        HEARTDESK_VERIFY_OK(
            writeProbe(m_fixture->db(), m_fixture->clock(), admin, QStringLiteral("gone"), false));
        HEARTDESK_VERIFY_OK(
            writeProbe(m_fixture->db(), m_fixture->clock(), admin, QStringLiteral("kept"), true));
        auto rows = ChangeJournal(m_fixture->db()).after(m_base);
        HEARTDESK_VERIFY_RESULT(rows);
        QCOMPARE(rows.value().size(), 1);
        // The rolled-back unit's number is taken again: no gap.
        QCOMPARE(rows.value().first().seq, m_base + 1);
        QCOMPARE(rows.value().first().recordId, QStringLiteral("kept"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(m_fixture->auditCount(audit::Update), 1);
    }

    void refusalIsAuditedAndNothingJournaled()
    {
        const Actor navigator = m_fixture->actorFor(Role::CareNavigator);
        QSignalSpy spy(&m_fixture->db(), &Database::changesCommitted);
        UnitOfWork work(m_fixture->db(), m_fixture->clock(), navigator, Action::ManageSettings, kProbe);
        QCOMPARE(work.error().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(work.changed(audit::Update, kProbe, QStringLiteral("p"), 1).code,
                 StoreErrorCode::PermissionDenied);
        QCOMPARE(work.commit().code, StoreErrorCode::PermissionDenied);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, navigator.userId()), 1);
        QCOMPARE(ChangeJournal(m_fixture->db()).lastSeq().value(), m_base);
        QCOMPARE(spy.count(), 0);
    }

    void nestedUnitsCommitAsOne()
    {
        const Actor admin = m_fixture->administrator();
        Database& db = m_fixture->db();
        QSignalSpy spy(&db, &Database::changesCommitted);
        {
            UnitOfWork outer(db, m_fixture->clock(), admin, Action::ManageSettings, kProbe);
            QVERIFY(outer.ok());
            HEARTDESK_VERIFY_OK(writeProbe(db, m_fixture->clock(), admin, QStringLiteral("inner-1"), true));
            HEARTDESK_VERIFY_OK(writeProbe(db, m_fixture->clock(), admin, QStringLiteral("inner-2"), true));
            QCOMPARE(spy.count(), 0); // nothing is committed before the outer unit is
            QCOMPARE(outer.changes().size(), 2);
            HEARTDESK_VERIFY_OK(outer.commit());
        }
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<QList<JournalEntry>>().size(), 2);

        // An inner unit that ends uncommitted: the outer one commits nothing.
        {
            UnitOfWork outer(db, m_fixture->clock(), admin, Action::ManageSettings, kProbe);
            HEARTDESK_VERIFY_OK(writeProbe(db, m_fixture->clock(), admin, QStringLiteral("inner-3"), true));
            HEARTDESK_VERIFY_OK(writeProbe(db, m_fixture->clock(), admin, QStringLiteral("inner-4"), false));
            QCOMPARE(outer.commit().code, StoreErrorCode::QueryFailed);
        }
        QCOMPARE(spy.count(), 1);
        auto rows = ChangeJournal(db).after(m_base);
        QCOMPARE(rows.value().size(), 2);
        QCOMPARE(m_fixture->auditCount(audit::Update), 2);
        // The database is usable again afterwards.
        HEARTDESK_VERIFY_OK(writeProbe(db, m_fixture->clock(), admin, QStringLiteral("after"), true));
        QCOMPARE(ChangeJournal(db).lastSeq().value(), m_base + 3);
    }

    // Writers on their own connections (threads = workstations), every
    // seventh change rolled back; a reader follows the journal meanwhile.
    void concurrentWritersAppearOnceInCommitOrder()
    {
        const bool postgres = !m_fixture->isSqlite();
        const int writers = postgres ? 8 : 4;
        const int changes = postgres ? 500 : 150;
        const Actor admin = m_fixture->administrator();
        const ConnectionSpec spec = m_fixture->spec();
        const QString password = m_fixture->password();
        const Clock& clock = m_fixture->clock();
        const qint64 base = m_base;

        std::vector<Writer> outcomes(static_cast<size_t>(writers));
        Reader reader;
        std::atomic<int> running{writers};
        std::latch start(writers + 1);
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back([&, w] {
                Writer& out = outcomes[static_cast<size_t>(w)];
                Database db;
                const StoreError opened = db.open(spec, password);
                start.arrive_and_wait();
                if (opened) {
                    out.error = opened.detail;
                    --running;
                    return;
                }
                for (int i = 0; i < changes; ++i) {
                    const bool commit = i % 7 != 3;
                    const QString id = QStringLiteral("%1-%2-%3").arg(commit ? u'c' : u'r').arg(w).arg(i);
                    if (StoreError error = writeProbe(db, clock, admin, id, commit)) {
                        out.error = QStringLiteral("%1: %2").arg(id, error.detail);
                        break;
                    }
                    if (commit)
                        out.committed.append(id);
                }
                --running;
            });
        }
        std::thread follower([&] {
            Database db;
            const StoreError opened = db.open(spec, password);
            start.arrive_and_wait();
            if (opened) {
                reader.error = opened.detail;
                return;
            }
            ChangeJournal journal(db);
            qint64 last = base;
            for (;;) {
                const bool finished = running.load() == 0;
                auto rows = journal.after(last, 500);
                if (!rows.ok()) {
                    reader.error = rows.error().detail;
                    return;
                }
                for (const JournalEntry& row : rows.value()) {
                    if (row.seq != last + 1) {
                        reader.error = QStringLiteral("after %1 the reader saw %2").arg(last).arg(row.seq);
                        return;
                    }
                    last = row.seq;
                    reader.seen.append(row);
                }
                if (finished && rows.value().isEmpty())
                    return;
            }
        });
        for (std::thread& t : threads)
            t.join();
        follower.join();

        QStringList expected;
        for (const Writer& out : outcomes) {
            QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
            expected += out.committed;
        }
        QVERIFY2(reader.error.isEmpty(), qPrintable(reader.error));
        const int committed = writers * (changes - (changes + 3) / 7);
        QCOMPARE(expected.size(), committed);
        QCOMPARE(reader.seen.size(), committed);

        // Every committed change once, no rolled-back one; each writer's own
        // changes in the order it committed them.
        std::set<QString> ids;
        QHash<QString, qint64> seqOf;
        for (const JournalEntry& row : reader.seen) {
            QVERIFY2(!row.recordId.startsWith(u'r'), qPrintable(row.recordId));
            QVERIFY2(ids.insert(row.recordId).second, qPrintable(row.recordId));
            seqOf.insert(row.recordId, row.seq);
        }
        for (const Writer& out : outcomes) {
            for (qsizetype i = 1; i < out.committed.size(); ++i)
                QVERIFY(seqOf.value(out.committed[i - 1]) < seqOf.value(out.committed[i]));
        }
        auto all = ChangeJournal(m_fixture->db()).after(m_base, committed + 10);
        HEARTDESK_VERIFY_RESULT(all);
        QCOMPARE(all.value(), reader.seen);
    }

private:
    std::unique_ptr<TestDatabase> m_fixture;
    qint64 m_base = 0;
};

HEART_TEST_GUILESS_MAIN(TestUseCaseJournal)
#include "tst_usecase_journal.moc"
