// The audit trail on both engines: every create and update appends a row
// naming user, role, workstation, UTC time, action, record type and id;
// verify() passes on an honest chain and counts its rows; a row changed or
// deleted behind the program's back (raw SQL) is named by seq and kind, also
// past the first page; and no row ever holds a person's name or phone.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/Uuid.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
#include "store/DraftStore.h"
#include "store/SettingsStore.h"
#include "store/StoreTime.h"

#include <QTest>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

Q_DECLARE_METATYPE(heart::AuditBreak::Kind)

namespace {

struct Expected
{
    QString action;
    QString recordType;
    QString recordId; // empty: any id that is a record id
};

} // namespace

// Helpers that verify must stop the test when they fail.
#define CHECKED(call)                                                                                        \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestStoreAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void everyWriteAppendsARow();
    void emptyTrailVerifies();
    void honestChainVerifiesWithItsRowCount();
    void tamperedColumn_data();
    void tamperedColumn();
    void deletedMiddleRow();
    void breakOnALaterPage();
    void auditRowsHoldNoPersonData();

private:
    qint64 headSeq();
    // Checks the rows after `afterSeq`: one per expectation, in order, by `actor` at the clock's time.
    void expectRows(qint64 afterSeq, const Actor& actor, const QList<Expected>& expected);
    // A chain of `rows` rows in all: the first administrator plus cheap "open" events.
    void buildChain(int rows);

    std::unique_ptr<TestDatabase> m_fixture;
};

qint64 TestStoreAudit::headSeq()
{
    const test::RawResult head =
        m_fixture->sql(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_log"));
    return head.ok ? head.rows.at(0).at(0).toLongLong() : -1;
}

void TestStoreAudit::expectRows(qint64 afterSeq, const Actor& actor, const QList<Expected>& expected)
{
    const test::RawResult rows = m_fixture->sql(
        QStringLiteral("SELECT seq, at_utc, user_id, role, workstation, action, record_type, record_id "
                       "FROM audit_log WHERE seq > ? ORDER BY seq"),
        {afterSeq});
    QVERIFY2(rows.ok, qPrintable(rows.error));
    QCOMPARE(rows.rows.size(), expected.size());
    const QString now = toStoredTime(m_fixture->clock().now());
    QVERIFY(now.endsWith(QLatin1Char('Z')));
    for (int i = 0; i < expected.size(); ++i) {
        const QVariantList& row = rows.rows[i];
        QCOMPARE(row[0].toLongLong(), afterSeq + 1 + i);
        QCOMPARE(row[1].toString(), now);
        QCOMPARE(row[2].toString(), actor.userId());
        QCOMPARE(row[3].toString(), toQString(roleCode(actor.role())));
        QCOMPARE(row[4].toString(), actor.workstation());
        QCOMPARE(row[5].toString(), expected[i].action);
        QCOMPARE(row[6].toString(), expected[i].recordType);
        if (expected[i].recordId.isEmpty())
            QVERIFY2(isRecordId(row[7].toString().toStdString()), qPrintable(row[7].toString()));
        else
            QCOMPARE(row[7].toString(), expected[i].recordId);
    }
}

void TestStoreAudit::everyWriteAppendsARow()
{
    const Actor admin = m_fixture->administrator();
    AccountStore& accounts = m_fixture->accounts();
    ManualClock& clock = m_fixture->clock();

    clock.advance(61s);
    qint64 seq = headSeq();
    auto added = accounts.addUser(admin, {QStringLiteral("casey"),
                                          QStringLiteral("Casey"),
                                          {Role::CallCounselor},
                                          QStringLiteral("casey-harbor-41")});
    HEARTDESK_VERIFY_RESULT(added);
    CHECKED(expectRows(seq, admin, {{audit::Create, QStringLiteral("user"), added.value().id}}));

    clock.advance(1500ms);
    seq = headSeq();
    HEARTDESK_VERIFY_OK(
        accounts.setRoles(admin, added.value().id, {Role::CallCounselor, Role::Supervisor}, 1));
    CHECKED(expectRows(seq, admin, {{audit::Update, QStringLiteral("user"), added.value().id}}));

    clock.advance(2s);
    seq = headSeq();
    SettingsStore settings(m_fixture->db(), clock);
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 15));
    CHECKED(expectRows(seq, admin,
                       {{audit::Update, QStringLiteral("setting"), QStringLiteral("idle_lock_minutes")}}));

    // A counselor's session, on another workstation.
    clock.advance(3s);
    auto counselor = accounts.signIn(QStringLiteral("casey"), QStringLiteral("casey-harbor-41"),
                                     QStringLiteral("ws-911-07"));
    HEARTDESK_VERIFY_RESULT(counselor);
    QCOMPARE(counselor.value().workstation(), QStringLiteral("ws-911-07"));
    DraftStore drafts(m_fixture->db(), clock);
    seq = headSeq();
    HEARTDESK_VERIFY_OK(
        drafts.save(counselor.value(), QStringLiteral("intake"), QStringLiteral("{\"step\":1}")));
    CHECKED(expectRows(seq, counselor.value(), {{audit::Create, QStringLiteral("draft"), QString()}}));
    const QString draftId =
        m_fixture->sql(QStringLiteral("SELECT record_id FROM audit_log WHERE seq = ?"), {seq + 1})
            .rows.at(0)
            .at(0)
            .toString();
    clock.advance(4s);
    seq = headSeq();
    HEARTDESK_VERIFY_OK(
        drafts.save(counselor.value(), QStringLiteral("intake"), QStringLiteral("{\"step\":2}")));
    CHECKED(expectRows(seq, counselor.value(), {{audit::Update, QStringLiteral("draft"), draftId}}));

    clock.advance(5s);
    seq = headSeq();
    CallStore calls(m_fixture->db(), clock);
    NewCall call;
    call.cadNumber = QStringLiteral("CAD-1");
    call.receivedAt = toDateTime(clock.now());
    call.callType = QStringLiteral("Welfare Check");
    call.status = heart::intake::CallStatus::Open;
    call.person = 0;
    auto imported = calls.importCalls(
        counselor.value(),
        {{QStringLiteral("Ann"), QStringLiteral("Example"), 30, QStringLiteral("en"), QString()}}, {call});
    HEARTDESK_VERIFY_RESULT(imported);
    CHECKED(expectRows(seq, counselor.value(),
                       {{audit::Create, QStringLiteral("person"), QString()},
                        {audit::Create, QStringLiteral("call"), imported.value().at(0)}}));

    auto verified = AuditTrail(m_fixture->db(), clock).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(!verified.value().firstBreak.has_value());
    QCOMPARE(verified.value().rowsChecked, headSeq());
}

void TestStoreAudit::emptyTrailVerifies()
{
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QCOMPARE(verified.value().rowsChecked, qint64(0));
    QVERIFY(!verified.value().firstBreak.has_value());
}

void TestStoreAudit::buildChain(int rows)
{
    const Actor admin = m_fixture->administrator(); // two rows: create, sign_in
    AuditTrail trail(m_fixture->db(), m_fixture->clock());
    for (int i = headSeq(); i < rows; ++i) {
        m_fixture->clock().advance(1s);
        const StoreError error =
            trail.record(admin, {audit::Open, QStringLiteral("user"), QStringLiteral("record-%1").arg(i)});
        QVERIFY2(!error, qPrintable(error.detail));
    }
    QCOMPARE(headSeq(), qint64(rows));
}

void TestStoreAudit::honestChainVerifiesWithItsRowCount()
{
    CHECKED(buildChain(12));
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(!verified.value().firstBreak.has_value());
    QCOMPARE(verified.value().rowsChecked, qint64(12));
    // The stored hashes are the core's hash of the stored fields.
    auto rows = AuditTrail(m_fixture->db(), m_fixture->clock()).entries(1, 100);
    HEARTDESK_VERIFY_RESULT(rows);
    QCOMPARE(rows.value().size(), std::size_t(12));
    QCOMPARE(rows.value().front().prevHash, kAuditGenesisHash);
    for (const AuditEntry& e : rows.value())
        QCOMPARE(QString::fromStdString(e.hash), QString::fromStdString(auditHash(e)));
}

void TestStoreAudit::tamperedColumn_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<AuditBreak::Kind>("kind");
    using K = AuditBreak::Kind;
    QTest::newRow("record_id") << QStringLiteral("record_id")
                               << QStringLiteral("0195a1b2-c3d4-7e5f-8a9b-000000000000") << K::HashMismatch;
    QTest::newRow("at_utc") << QStringLiteral("at_utc") << QStringLiteral("2026-03-01T03:00:00.000Z")
                            << K::HashMismatch;
    QTest::newRow("user_id") << QStringLiteral("user_id") << QStringLiteral("someone-else")
                             << K::HashMismatch;
    QTest::newRow("role") << QStringLiteral("role") << QStringLiteral("supervisor") << K::HashMismatch;
    QTest::newRow("workstation") << QStringLiteral("workstation") << QStringLiteral("ws-elsewhere")
                                 << K::HashMismatch;
    QTest::newRow("action") << QStringLiteral("action") << QStringLiteral("create") << K::HashMismatch;
    QTest::newRow("record_type") << QStringLiteral("record_type") << QStringLiteral("person")
                                 << K::HashMismatch;
    QTest::newRow("hash") << QStringLiteral("hash") << QString(64, QLatin1Char('a')) << K::HashMismatch;
    QTest::newRow("prev_hash") << QStringLiteral("prev_hash") << QString(64, QLatin1Char('b'))
                               << K::PrevHashMismatch;
}

void TestStoreAudit::tamperedColumn()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(AuditBreak::Kind, kind);
    CHECKED(buildChain(9));
    const qint64 tampered = 6;
    const test::RawResult update = m_fixture->sql(
        QStringLiteral("UPDATE audit_log SET %1 = ? WHERE seq = ?").arg(column), {value, tampered});
    QVERIFY2(update.ok, qPrintable(update.error));
    QCOMPARE(update.rowsAffected, 1);

    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().firstBreak.has_value());
    QCOMPARE(verified.value().firstBreak->seq, tampered);
    QCOMPARE(verified.value().firstBreak->kind, kind);
    QCOMPARE(verified.value().rowsChecked, tampered - 1);
}

void TestStoreAudit::deletedMiddleRow()
{
    CHECKED(buildChain(9));
    const test::RawResult removed =
        m_fixture->sql(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {5});
    QVERIFY2(removed.ok, qPrintable(removed.error));
    auto verified = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().firstBreak.has_value());
    QCOMPARE(verified.value().firstBreak->seq, qint64(6)); // the row after the gap
    QCOMPARE(verified.value().firstBreak->kind, AuditBreak::Kind::SequenceGap);
    QCOMPARE(verified.value().rowsChecked, qint64(4));
}

void TestStoreAudit::breakOnALaterPage()
{
    // verify() reads 5000 rows at a time: a break on the second page is
    // named the same, and the count says how far the chain held. The rows
    // are sealed here with the core's hash and inserted 500 at a time
    // (appending 5000 rows one by one takes seconds on PostgreSQL).
    const Actor admin = m_fixture->administrator(); // seq 1 and 2, appended by the store
    auto head = AuditTrail(m_fixture->db(), m_fixture->clock()).entries(2, 1);
    HEARTDESK_VERIFY_RESULT(head);
    AuditEntry e = head.value().at(0);
    for (int batch = 0; batch < 10; ++batch) {
        QStringList tuples;
        QVariantList values;
        for (int i = 0; i < (batch < 9 ? 500 : 510); ++i) {
            e.prevHash = e.hash;
            e.seq += 1;
            e.action = "open";
            e.recordType = "call";
            e.recordId = "c-" + std::to_string(e.seq);
            e.hash = auditHash(e);
            tuples.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            values << qlonglong(e.seq) << QString::fromStdString(e.atUtc) << QString::fromStdString(e.userId)
                   << QString::fromStdString(e.role) << QString::fromStdString(e.workstation)
                   << QString::fromStdString(e.action) << QString::fromStdString(e.recordType)
                   << QString::fromStdString(e.recordId) << QString::fromStdString(e.prevHash)
                   << QString::fromStdString(e.hash);
        }
        const test::RawResult inserted = m_fixture->sql(
            QStringLiteral(
                "INSERT INTO audit_log (seq, at_utc, user_id, role, workstation, action, record_type, "
                "record_id, prev_hash, hash) VALUES ") +
                tuples.join(QLatin1Char(',')),
            values);
        QVERIFY2(inserted.ok, qPrintable(inserted.error));
    }
    AuditTrail trail(m_fixture->db(), m_fixture->clock());
    // The store carries on from the bulk rows.
    HEARTDESK_VERIFY_OK(
        trail.record(admin, {audit::Open, QStringLiteral("call"), QStringLiteral("after-bulk")}));
    const qint64 total = headSeq();
    QCOMPARE(total, qint64(5013));
    auto honest = trail.verify();
    HEARTDESK_VERIFY_RESULT(honest);
    QVERIFY(!honest.value().firstBreak.has_value());
    QCOMPARE(honest.value().rowsChecked, total);

    QVERIFY(
        m_fixture->sql(QStringLiteral("UPDATE audit_log SET record_id = 'c-x' WHERE seq = ?"), {5003}).ok);
    auto broken = trail.verify();
    HEARTDESK_VERIFY_RESULT(broken);
    QVERIFY(broken.value().firstBreak.has_value());
    QCOMPARE(broken.value().firstBreak->seq, qint64(5003));
    QCOMPARE(broken.value().firstBreak->kind, AuditBreak::Kind::HashMismatch);
    QCOMPARE(broken.value().rowsChecked, qint64(5002));

    // A row deleted exactly at the page boundary.
    QVERIFY(m_fixture->sql(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {5001}).ok);
    auto gap = trail.verify();
    HEARTDESK_VERIFY_RESULT(gap);
    QCOMPARE(gap.value().firstBreak->seq, qint64(5002));
    QCOMPARE(gap.value().firstBreak->kind, AuditBreak::Kind::SequenceGap);
    QCOMPARE(gap.value().rowsChecked, qint64(5000));
}

void TestStoreAudit::auditRowsHoldNoPersonData()
{
    const Actor counselor = m_fixture->actorFor(Role::CallCounselor);
    CallStore calls(m_fixture->db(), m_fixture->clock());
    NewCall call;
    call.cadNumber = QStringLiteral("CAD-Z-1");
    call.receivedAt = toDateTime(m_fixture->clock().now());
    call.callType = QStringLiteral("Mental Health Crisis");
    call.beat = QStringLiteral("413");
    call.status = heart::intake::CallStatus::Open;
    call.riskLevel = QStringLiteral("moderate");
    call.person = 0;
    auto imported = calls.importCalls(counselor,
                                      {{QStringLiteral("Zebulon"), QStringLiteral("Quartzfeather"), 41,
                                        QStringLiteral("ase"), QStringLiteral("919-555-0142")}},
                                      {call});
    HEARTDESK_VERIFY_RESULT(imported);
    QCOMPARE(m_fixture->auditCount(audit::Create, counselor.userId()), 2);
    // The name and phone are where they belong, and nowhere else.
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("Zebulon")),
             QStringList{QStringLiteral("people.given_name")});
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("Quartzfeather")),
             QStringList{QStringLiteral("people.family_name")});
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("919-555-0142")),
             QStringList{QStringLiteral("people.phone")});
    QCOMPARE(m_fixture->columnsContaining(QStringLiteral("555-0142")),
             QStringList{QStringLiteral("people.phone")});
}

HEART_TEST_GUILESS_MAIN(TestStoreAudit)
#include "tst_store_audit.moc"
