// Several workstations on one database, on both engines: two connections
// appending audit rows alternately, and two threads appending at the same
// time, leave one unbroken hash chain with every row once; two workstations
// opening a never-migrated database at the same moment both succeed and
// migrate it once.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/Migrations.h"

#include <QTest>
#include <latch>
#include <thread>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

struct WorkerOutcome
{
    QString error;
    int appended = 0;
};

// One workstation: its own connection, opened and used in its own thread.
void appendFromWorkstation(const ConnectionSpec& spec, const QString& password, const Actor& actor,
                           const Clock& clock, int count, const QString& prefix, std::latch& start,
                           WorkerOutcome& outcome)
{
    Database db;
    const StoreError opened = db.open(spec, password);
    start.arrive_and_wait();
    if (opened) {
        outcome.error = QStringLiteral("open: ") + opened.detail;
        return;
    }
    AuditTrail trail(db, clock);
    for (int i = 0; i < count; ++i) {
        const StoreError error =
            trail.record(actor, {audit::Open, QStringLiteral("call"), prefix + QString::number(i)});
        if (error) {
            outcome.error = QStringLiteral("append %1: %2").arg(i).arg(error.detail);
            return;
        }
        ++outcome.appended;
    }
}

} // namespace

class TestStoreConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void alternatingConnectionsKeepOneChain();
    void simultaneousWritersKeepOneChain();
    void simultaneousFirstOpenMigratesOnce();

private:
    void expectIntactChain(qint64 rows);
    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStoreConcurrency::expectIntactChain(qint64 rows)
{
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY2(!verified.value().firstBreak.has_value(),
             qPrintable(QStringLiteral("broken at seq %1").arg(verified.value().firstBreak->seq)));
    QCOMPARE(verified.value().rowsChecked, rows);
    const test::RawResult seqs = m_fixture->sql(
        QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM audit_log"));
    QVERIFY(seqs.ok);
    QCOMPARE(seqs.rows.at(0).at(0).toLongLong(), rows);
    QCOMPARE(seqs.rows.at(0).at(1).toLongLong(), rows);
    QCOMPARE(seqs.rows.at(0).at(2).toLongLong(), qint64(1));
    QCOMPARE(seqs.rows.at(0).at(3).toLongLong(), rows);
}

void TestStoreConcurrency::alternatingConnectionsKeepOneChain()
{
    const Actor admin = m_fixture->administrator(); // rows 1 and 2
    StoreError opened;
    auto second = m_fixture->openSecond(&opened);
    QVERIFY2(second, qPrintable(opened.detail));
    AuditTrail first(m_fixture->db(), m_fixture->clock());
    AuditTrail other(*second, m_fixture->clock());
    for (int i = 0; i < 20; ++i) {
        AuditTrail& trail = i % 2 ? other : first;
        HEARTDESK_VERIFY_OK(
            trail.record(admin, {audit::Open, QStringLiteral("call"), QStringLiteral("alt-%1").arg(i)}));
    }
    // Each connection sees the other's rows and continues from them.
    auto fromSecond = other.verify();
    HEARTDESK_VERIFY_RESULT(fromSecond);
    QVERIFY(!fromSecond.value().firstBreak.has_value());
    QCOMPARE(fromSecond.value().rowsChecked, qint64(22));
    expectIntactChain(22);
    const test::RawResult order =
        m_fixture->sql(QStringLiteral("SELECT record_id FROM audit_log WHERE seq > 2 ORDER BY seq"));
    QCOMPARE(order.rows.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(order.rows.at(i).at(0).toString(), QStringLiteral("alt-%1").arg(i));
}

void TestStoreConcurrency::simultaneousWritersKeepOneChain()
{
    const Actor admin = m_fixture->administrator();
    constexpr int kPerWorker = 60;
    std::latch start(2);
    WorkerOutcome a, b;
    {
        std::thread ta(appendFromWorkstation, std::cref(m_fixture->spec()), std::cref(m_fixture->password()),
                       std::cref(admin), std::cref(m_fixture->clock()), kPerWorker, QStringLiteral("a-"),
                       std::ref(start), std::ref(a));
        std::thread tb(appendFromWorkstation, std::cref(m_fixture->spec()), std::cref(m_fixture->password()),
                       std::cref(admin), std::cref(m_fixture->clock()), kPerWorker, QStringLiteral("b-"),
                       std::ref(start), std::ref(b));
        ta.join();
        tb.join();
    }
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    QCOMPARE(a.appended, kPerWorker);
    QCOMPARE(b.appended, kPerWorker);
    expectIntactChain(2 + 2 * kPerWorker);
    for (const char* prefix : {"a-", "b-"}) {
        const test::RawResult mine = m_fixture->sql(
            QStringLiteral("SELECT COUNT(DISTINCT record_id) FROM audit_log WHERE record_id LIKE ?"),
            {QString(QString::fromLatin1(prefix) + QLatin1Char('%'))});
        QCOMPARE(mine.rows.at(0).at(0).toInt(), kPerWorker);
    }
}

void TestStoreConcurrency::simultaneousFirstOpenMigratesOnce()
{
    // First morning on a shared server: two workstations start together on
    // an empty database. Several rounds, as the window is narrow.
    for (int round = 0; round < 4; ++round) {
        TestDatabase fresh;
        const QString problem = fresh.setUpUnopened();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        std::latch start(2);
        StoreError errors[2];
        int versions[2] = {0, 0};
        auto openOne = [&](int i) {
            Database db;
            start.arrive_and_wait();
            errors[i] = db.open(fresh.spec(), fresh.password());
            if (!errors[i])
                versions[i] = db.schemaVersion();
        };
        std::thread t0(openOne, 0);
        std::thread t1(openOne, 1);
        t0.join();
        t1.join();
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(!errors[i], qPrintable(QStringLiteral("round %1, workstation %2: %3 %4")
                                                .arg(round)
                                                .arg(i)
                                                .arg(storeErrorCodeName(errors[i].code), errors[i].detail)));
            QCOMPARE(versions[i], Migrations::latestVersion());
        }
        StoreError opened;
        auto check = fresh.openSecond(&opened);
        QVERIFY2(check, qPrintable(opened.detail));
        const test::RawResult rows = TestDatabase::sqlOn(
            *check, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations"));
        QCOMPARE(rows.rows.at(0).at(0).toInt(), Migrations::latestVersion());
        QCOMPARE(rows.rows.at(0).at(1).toInt(), Migrations::latestVersion());
    }
}

HEART_TEST_GUILESS_MAIN(TestStoreConcurrency)
#include "tst_store_concurrency.moc"
