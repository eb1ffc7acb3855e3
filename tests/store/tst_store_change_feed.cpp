// The change feed on both engines: a change committed at another connection
// (another workstation) reaches this one's feed within a second, by itself;
// every journal row is told exactly once and in order, however many
// commits (and, on PostgreSQL, merged notifications) came between two
// looks; this connection's own commit is told at once; a rollback is never
// told. PostgreSQL only: after the server drops the connection the feed
// reconnects by itself and tells what was committed meanwhile.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/ChangeFeed.h"
#include "store/UnitOfWork.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

namespace {

// One unit of work that changed `count` records "call/<prefix>-<i>".
StoreError commitChanges(Database& db, const Clock& clock, const Actor& actor, const QString& prefix,
                         int count = 1)
{
    UnitOfWork work(db, clock, actor, UnitOfWork::OwnAccount{});
    if (!work.ok())
        return work.error();
    for (int i = 0; i < count; ++i) {
        if (StoreError error = work.changed(audit::Update, QStringLiteral("call"),
                                            QStringLiteral("%1-%2").arg(prefix).arg(i), i + 2))
            return error;
    }
    return work.commit();
}

// The entries a spy on changes() collected, in the order told.
QList<JournalEntry> told(const QSignalSpy& spy)
{
    QList<JournalEntry> all;
    for (const QList<QVariant>& call : spy)
        all += call.first().value<QList<JournalEntry>>();
    return all;
}

} // namespace

class TestStoreChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QList<JournalEntry>>(); }
    void init()
    {
        ChangeFeed::setIntervals(250ms, 5000ms);
        HEARTDESK_FRESH_DATABASE(m_fixture);
    }
    void cleanup() { m_fixture.reset(); }

    void aChangeAtAnotherWorkstationArrivesWithinASecond()
    {
        TestDatabase& f = *m_fixture;
        const Actor counselor = f.actorFor(Role::CallCounselor);
        auto second = f.openSecond();
        QVERIFY(second);
        ChangeFeed& feed = ChangeFeed::of(f.db());
        QCOMPARE(&ChangeFeed::of(f.db()), &feed); // one per database
        QCOMPARE(feed.isListening(), !f.isSqlite());
        const qint64 head = feed.lastSeen();
        QVERIFY(head > 0); // started at the journal's head (the accounts made above)
        QSignalSpy spy(&feed, &ChangeFeed::changes);

        QElapsedTimer timer;
        timer.start();
        HEARTDESK_VERIFY_OK(commitChanges(*second, f.clock(), counselor, QStringLiteral("elsewhere")));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 1000);
        qInfo("told after %lld ms", static_cast<long long>(timer.elapsed()));
        const QList<JournalEntry> entries = told(spy);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().seq, head + 1);
        QCOMPARE(entries.first().recordType, QStringLiteral("call"));
        QCOMPARE(entries.first().recordId, QStringLiteral("elsewhere-0"));
        QCOMPARE(entries.first().userId, counselor.userId());
        QCOMPARE(feed.lastSeen(), head + 1);
    }

    void everyRowIsToldOnceAndInOrder()
    {
        TestDatabase& f = *m_fixture;
        const Actor counselor = f.actorFor(Role::CallCounselor);
        auto second = f.openSecond();
        QVERIFY(second);
        ChangeFeed& feed = ChangeFeed::of(f.db());
        const qint64 head = feed.lastSeen();
        QSignalSpy spy(&feed, &ChangeFeed::changes);
        // Twenty commits while this workstation is busy (no event loop):
        // on PostgreSQL their notifications pile up and arrive together.
        for (int i = 0; i < 20; ++i)
            HEARTDESK_VERIFY_OK(
                commitChanges(*second, f.clock(), counselor, QStringLiteral("burst%1").arg(i), 2));
        QTRY_COMPARE_WITH_TIMEOUT(feed.lastSeen(), head + 40, 2000);
        QTest::qWait(300); // nothing more comes
        const QList<JournalEntry> entries = told(spy);
        QCOMPARE(entries.size(), 40);
        for (int i = 0; i < entries.size(); ++i)
            QCOMPARE(entries.at(i).seq, head + 1 + i);
        QCOMPARE(entries.last().recordId, QStringLiteral("burst19-1"));
    }

    void ownCommitIsToldAtOnceAndARollbackNever()
    {
        TestDatabase& f = *m_fixture;
        const Actor counselor = f.actorFor(Role::CallCounselor);
        ChangeFeed& feed = ChangeFeed::of(f.db());
        const qint64 head = feed.lastSeen();
        QSignalSpy spy(&feed, &ChangeFeed::changes);
        {
            UnitOfWork abandoned(f.db(), f.clock(), counselor, UnitOfWork::OwnAccount{});
            HEARTDESK_VERIFY_OK(
                abandoned.changed(audit::Update, QStringLiteral("call"), QStringLiteral("x"), 2));
        } // never committed
        HEARTDESK_VERIFY_OK(commitChanges(f.db(), f.clock(), counselor, QStringLiteral("mine")));
        QCOMPARE(spy.count(), 1); // before the event loop ran
        const QList<JournalEntry> entries = told(spy);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().recordId, QStringLiteral("mine-0"));
        QCOMPARE(entries.first().seq, head + 1);
        QTest::qWait(400); // the notification of its own commit adds nothing
        QCOMPARE(spy.count(), 1);
    }

    void afterALostConnectionItReconnectsAndCatchesUp()
    {
        TestDatabase& f = *m_fixture;
        if (f.isSqlite())
            return; // a file does not drop its connection
        // The store says "connection lost" and "reconnect failed" in its log: expected here.
        QLoggingCategory::setFilterRules(QStringLiteral("heartdesk.store.warning=false"));
        // Qt's notifier on the dead socket is switched off, with a word in the log.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^QSocketNotifier: Invalid socket")));
        ChangeFeed::setIntervals(250ms, 300ms);
        const Actor counselor = f.actorFor(Role::CallCounselor);
        auto second = f.openSecond();
        QVERIFY(second);
        ChangeFeed& feed = ChangeFeed::of(f.db());
        QSignalSpy spy(&feed, &ChangeFeed::changes);
        const qint64 head = feed.lastSeen();
        const test::RawResult pid = f.sql(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY2(pid.ok && !pid.rows.isEmpty(), qPrintable(pid.error));
        const test::RawResult killed = TestDatabase::sqlOn(
            *second, QStringLiteral("SELECT pg_terminate_backend(?)"), {pid.rows.first().first()});
        QVERIFY2(killed.ok, qPrintable(killed.error));
        // Committed while this workstation has no connection.
        HEARTDESK_VERIFY_OK(commitChanges(*second, f.clock(), counselor, QStringLiteral("meanwhile"), 3));
        QTRY_COMPARE_WITH_TIMEOUT(feed.lastSeen(), head + 3, 5000);
        QVERIFY(f.db().isConnected());
        QVERIFY(feed.isListening());
        QCOMPARE(told(spy).size(), 3);
        // And it listens again: the next change arrives by notification.
        HEARTDESK_VERIFY_OK(commitChanges(*second, f.clock(), counselor, QStringLiteral("after")));
        QTRY_COMPARE_WITH_TIMEOUT(feed.lastSeen(), head + 4, 1000);
        QLoggingCategory::setFilterRules(QString());
    }

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

HEART_TEST_GUILESS_MAIN(TestStoreChangeFeed)
#include "tst_store_change_feed.moc"
