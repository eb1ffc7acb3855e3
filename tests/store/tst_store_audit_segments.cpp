// One audit trail, several writers, on both engines: a van laptop (its own
// SQLite file, its own chain) hands its audit rows to the center
// (store::AuditSegments::receive), in batches, inside the sync's transaction.
// The center stores them verbatim and in order, once however often they are
// sent, refuses a batch that does not continue the device's chain without
// storing any of it, and anchors each new head in its own chain; verify()
// names the device and the row when a stored device row is edited, and the
// anchor when a whole segment is replaced by a recomputed one.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"
#include "store/SqlTransaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

Q_DECLARE_METATYPE(heart::store::AnchorBreak::Kind)

namespace {

const QString kVan = QStringLiteral("0195f0c2-7a1b-7c3d-9e4f-van000000001");
const QString kOtherVan = QStringLiteral("van-cor-1");

} // namespace

#define CHECKED(call)                                                                                        \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestStoreAuditSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void twoBatchesArriveInOrderAndAreAnchored();
    void theSameBatchTwiceIsStoredOnce();
    void refusedBatch_data();
    void refusedBatch();
    void refusalInsideTheSyncTransactionRollsItAllBack();
    void invalidDeviceIdIsRefused();
    void editedDeviceRowIsNamed();
    void replacedSegmentBreaksTheAnchor();
    void deletedNewestRowsAndSmuggledRowsAreNamed();
    void laptopWithoutSegmentsVerifiesEmpty();

private:
    // A van laptop: an SQLite file of its own, with `rows` audit rows in its chain.
    Database& laptop(const QString& name = QStringLiteral("van"));
    void writeOnLaptop(Database& db, int rows);
    std::vector<AuditEntry> laptopRows(Database& db, qint64 fromSeq = 1);
    StoreResult<SegmentReceipt> receive(const QString& device, const std::vector<AuditEntry>& rows);
    qint64 count(const QString& sql, const QVariantList& values = {});
    qint64 anchorCount()
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'audit_anchor'"));
    }
    qint64 deviceRows(const QString& device)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM device_audit_log WHERE device_id = ?"), {device});
    }
    std::vector<SegmentVerification> verify();
    // A device row written with SQL, around the store (a superuser, or the application role's INSERT).
    bool insertRaw(const QString& device, const AuditEntry& e);
    // The center's own chain holds, anchors and all.
    void expectCenterChainIntact();

    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<QTemporaryDir> m_laptopDir;
    std::map<QString, std::unique_ptr<Database>> m_laptops;
    int m_written = 0;
};

void TestStoreAuditSegments::init()
{
    HEARTDESK_FRESH_DATABASE(m_fixture);
    m_laptopDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_laptopDir->isValid());
    // The center's own chain has rows before any van reports.
    m_fixture->administrator();
}

void TestStoreAuditSegments::cleanup()
{
    m_laptops.clear();
    m_laptopDir.reset();
    m_fixture.reset();
}

Database& TestStoreAuditSegments::laptop(const QString& name)
{
    auto& db = m_laptops[name];
    if (!db) {
        db = std::make_unique<Database>();
        const StoreError error =
            db->open(ConnectionSpec::sqlite(m_laptopDir->filePath(name + QStringLiteral(".sqlite"))));
        if (error)
            qFatal("cannot open the laptop's database: %s", qPrintable(error.detail));
    }
    return *db;
}

void TestStoreAuditSegments::writeOnLaptop(Database& db, int rows)
{
    AuditTrail trail(db, m_fixture->clock());
    for (int i = 0; i < rows; ++i) {
        m_fixture->clock().advance(1s);
        ++m_written;
        HEARTDESK_VERIFY_OK(trail.recordAnonymous(
            QStringLiteral("u-teamlead"), QStringLiteral("crt_lead"), QStringLiteral("van-laptop-1"),
            {m_written % 2 ? audit::Update : audit::StatusChange, QStringLiteral("encounter"),
             QStringLiteral("enc-%1").arg(m_written)}));
    }
}

std::vector<AuditEntry> TestStoreAuditSegments::laptopRows(Database& db, qint64 fromSeq)
{
    // What the sync reads on the laptop: the rows after the last one the center holds.
    auto rows = AuditTrail(db, m_fixture->clock()).entries(fromSeq, 1000);
    return rows.ok() ? rows.value() : std::vector<AuditEntry>{};
}

StoreResult<SegmentReceipt> TestStoreAuditSegments::receive(const QString& device,
                                                            const std::vector<AuditEntry>& rows)
{
    m_fixture->clock().advance(1s);
    return AuditSegments(m_fixture->db(), m_fixture->clock()).receive(device, rows);
}

qint64 TestStoreAuditSegments::count(const QString& sql, const QVariantList& values)
{
    const test::RawResult result = m_fixture->sql(sql, values);
    return result.ok && !result.rows.isEmpty() ? result.rows.at(0).at(0).toLongLong() : -1;
}

std::vector<SegmentVerification> TestStoreAuditSegments::verify()
{
    auto verified = AuditSegments(m_fixture->db(), m_fixture->clock()).verify();
    if (!verified.ok()) {
        QTest::qFail(qPrintable(verified.error().detail), __FILE__, __LINE__);
        return {};
    }
    return verified.value();
}

bool TestStoreAuditSegments::insertRaw(const QString& device, const AuditEntry& e)
{
    const test::RawResult inserted = m_fixture->sql(
        QStringLiteral("INSERT INTO device_audit_log (device_id, seq, at_utc, user_id, role, workstation, "
                       "action, record_type, record_id, prev_hash, hash, received_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {device, qlonglong(e.seq), QString::fromStdString(e.atUtc), QString::fromStdString(e.userId),
         QString::fromStdString(e.role), QString::fromStdString(e.workstation),
         QString::fromStdString(e.action), QString::fromStdString(e.recordType),
         QString::fromStdString(e.recordId), QString::fromStdString(e.prevHash),
         QString::fromStdString(e.hash), QStringLiteral("2026-03-02T10:00:00.000Z")});
    if (!inserted.ok)
        qWarning("insert failed: %s", qPrintable(inserted.error));
    return inserted.ok;
}

void TestStoreAuditSegments::expectCenterChainIntact()
{
    auto center = AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(center);
    QVERIFY(!center.value().firstBreak);
    QCOMPARE(center.value().rowsChecked, count(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
}

void TestStoreAuditSegments::twoBatchesArriveInOrderAndAreAnchored()
{
    Database& van = laptop();
    AuditSegments segments(m_fixture->db(), m_fixture->clock());
    CHECKED(writeOnLaptop(van, 5));
    auto last = segments.lastReceived(kVan);
    HEARTDESK_VERIFY_RESULT(last);
    QCOMPARE(last.value(), qint64(0));

    auto first = receive(kVan, laptopRows(van, last.value() + 1));
    HEARTDESK_VERIFY_RESULT(first);
    QCOMPARE(first.value().stored, qint64(5));
    QCOMPARE(first.value().skipped, qint64(0));
    QCOMPARE(first.value().head, qint64(5));
    QVERIFY(first.value().anchorSeq > 0);

    // Offline again: three more rows, then the link comes back.
    CHECKED(writeOnLaptop(van, 3));
    last = segments.lastReceived(kVan);
    HEARTDESK_VERIFY_RESULT(last);
    QCOMPARE(last.value(), qint64(5));
    auto second = receive(kVan, laptopRows(van, last.value() + 1));
    HEARTDESK_VERIFY_RESULT(second);
    QCOMPARE(second.value().stored, qint64(3));
    QCOMPARE(second.value().head, qint64(8));
    QVERIFY(second.value().anchorSeq > first.value().anchorSeq);

    // The center holds the laptop's rows as they are, in their order.
    const std::vector<AuditEntry> onLaptop = laptopRows(van);
    auto onCenter = segments.entries(kVan, 1, 100);
    HEARTDESK_VERIFY_RESULT(onCenter);
    QCOMPARE(onCenter.value().size(), onLaptop.size());
    for (std::size_t i = 0; i < onLaptop.size(); ++i) {
        const AuditEntry& a = onLaptop[i];
        const AuditEntry& b = onCenter.value()[i];
        QCOMPARE(b.seq, qint64(i + 1));
        QCOMPARE(QString::fromStdString(auditPayload(b)), QString::fromStdString(auditPayload(a)));
        QCOMPARE(QString::fromStdString(b.hash), QString::fromStdString(a.hash));
    }

    // Each batch's head is anchored by one row of the center's chain.
    const test::RawResult anchors = m_fixture->sql(
        QStringLiteral("SELECT seq, user_id, role, workstation, record_type, record_id FROM audit_log "
                       "WHERE action = 'audit_anchor' ORDER BY seq"));
    QVERIFY2(anchors.ok, qPrintable(anchors.error));
    QCOMPARE(anchors.rows.size(), 2);
    QCOMPARE(anchors.rows[0][0].toLongLong(), first.value().anchorSeq);
    QCOMPARE(anchors.rows[1][0].toLongLong(), second.value().anchorSeq);
    QCOMPARE(anchors.rows[0][3].toString(), kVan);
    QCOMPARE(anchors.rows[0][4].toString(), QStringLiteral("device_audit"));
    QCOMPARE(anchors.rows[0][5].toString(),
             QStringLiteral("%1:5:%2").arg(kVan, QString::fromStdString(onLaptop[4].hash)));
    QCOMPARE(anchors.rows[1][5].toString(),
             QStringLiteral("%1:8:%2").arg(kVan, QString::fromStdString(onLaptop[7].hash)));

    const auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QCOMPARE(devices[0].deviceId, kVan);
    QVERIFY(devices[0].intact());
    QCOMPARE(devices[0].rowsChecked, qint64(8));
    QCOMPARE(devices[0].anchors, qint64(2));
    CHECKED(expectCenterChainIntact());
    // The laptop's own chain is untouched and still verifies.
    auto onVan = AuditTrail(van, m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(onVan);
    QVERIFY(!onVan.value().firstBreak);
    QCOMPARE(onVan.value().rowsChecked, qint64(8));
}

void TestStoreAuditSegments::theSameBatchTwiceIsStoredOnce()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 5));
    const std::vector<AuditEntry> batch = laptopRows(van);
    HEARTDESK_VERIFY_RESULT(receive(kVan, batch));
    const qint64 centerRows = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));

    // The answer was lost on the way back: the laptop sends the same batch again.
    auto again = receive(kVan, batch);
    HEARTDESK_VERIFY_RESULT(again);
    QCOMPARE(again.value().stored, qint64(0));
    QCOMPARE(again.value().skipped, qint64(5));
    QCOMPARE(again.value().head, qint64(5));
    QCOMPARE(again.value().anchorSeq, qint64(0));
    QCOMPARE(deviceRows(kVan), qint64(5));
    QCOMPARE(anchorCount(), qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), centerRows);

    // An empty batch changes nothing either.
    auto empty = receive(kVan, {});
    HEARTDESK_VERIFY_RESULT(empty);
    QCOMPARE(empty.value().stored, qint64(0));
    QCOMPARE(empty.value().anchorSeq, qint64(0));
    QCOMPARE(anchorCount(), qint64(1));

    // A batch that overlaps what the center holds: only the new rows, one new anchor.
    CHECKED(writeOnLaptop(van, 3));
    auto overlap = receive(kVan, laptopRows(van, 3));
    HEARTDESK_VERIFY_RESULT(overlap);
    QCOMPARE(overlap.value().skipped, qint64(3));
    QCOMPARE(overlap.value().stored, qint64(3));
    QCOMPARE(overlap.value().head, qint64(8));
    QCOMPARE(deviceRows(kVan), qint64(8));
    QCOMPARE(anchorCount(), qint64(2));

    const auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QVERIFY(devices[0].intact());
    QCOMPARE(devices[0].rowsChecked, qint64(8));
    CHECKED(expectCenterChainIntact());
}

void TestStoreAuditSegments::refusedBatch_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("because");
    QTest::newRow("prev_hash edited, row re-sealed")
        << QStringLiteral("prev_hash") << qint64(7) << QStringLiteral("does not continue the segment");
    QTest::newRow("a row left out") << QStringLiteral("gap") << qint64(8)
                                    << QStringLiteral("does not continue");
    QTest::newRow("the first row does not follow the last received")
        << QStringLiteral("late start") << qint64(7)
        << QStringLiteral("does not follow row 5, the last received");
    QTest::newRow("a field edited, hash kept")
        << QStringLiteral("field") << qint64(7) << QStringLiteral("hash does not match");
    QTest::newRow("a row held already differs")
        << QStringLiteral("diverged") << qint64(4) << QStringLiteral("differs from the row received before");
}

void TestStoreAuditSegments::refusedBatch()
{
    QFETCH(QString, damage);
    QFETCH(qint64, seq);
    QFETCH(QString, because);
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 5));
    HEARTDESK_VERIFY_RESULT(receive(kVan, laptopRows(van)));
    CHECKED(writeOnLaptop(van, 4));
    std::vector<AuditEntry> batch = laptopRows(van, 6); // rows 6 to 9
    if (damage == QLatin1String("prev_hash")) {
        batch[1].prevHash = std::string(64, 'b');
        batch[1].hash = auditHash(batch[1]);
    } else if (damage == QLatin1String("gap")) {
        batch.erase(batch.begin() + 1);
    } else if (damage == QLatin1String("late start")) {
        batch.erase(batch.begin());
    } else if (damage == QLatin1String("field")) {
        batch[1].userId = "u-someone-else";
    } else if (damage == QLatin1String("diverged")) {
        // The rows again from 3 on, but row 4 is not the row sent before.
        batch = laptopRows(van, 3);
        batch[1].action = "export";
        batch[1].hash = auditHash(batch[1]);
    }
    const qint64 centerRows = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));

    auto refused = receive(kVan, batch);
    QVERIFY(!refused.ok());
    QCOMPARE(storeErrorCodeName(refused.error().code), storeErrorCodeName(StoreErrorCode::Conflict));
    const QString detail = refused.error().detail;
    QVERIFY2(detail.contains(QStringLiteral("device %1: audit row %2 ").arg(kVan).arg(seq)),
             qPrintable(detail));
    QVERIFY2(detail.contains(because), qPrintable(detail));
    // Nothing of the batch was stored, and no anchor.
    QCOMPARE(deviceRows(kVan), qint64(5));
    QCOMPARE(anchorCount(), qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), centerRows);
    auto last = AuditSegments(m_fixture->db(), m_fixture->clock()).lastReceived(kVan);
    HEARTDESK_VERIFY_RESULT(last);
    QCOMPARE(last.value(), qint64(5));

    // The honest batch still goes through afterwards.
    auto honest = receive(kVan, laptopRows(van, 6));
    HEARTDESK_VERIFY_RESULT(honest);
    QCOMPARE(honest.value().stored, qint64(4));
    const auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QVERIFY(devices[0].intact());
}

void TestStoreAuditSegments::refusalInsideTheSyncTransactionRollsItAllBack()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 4));
    std::vector<AuditEntry> batch = laptopRows(van);
    batch[2].recordId = "enc-edited";
    const qint64 centerRows = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    AuditSegments segments(m_fixture->db(), m_fixture->clock());
    AuditTrail trail(m_fixture->db(), m_fixture->clock());
    {
        // The sync's push: its own writes, then the audit rows, in one transaction.
        SqlTransaction push(m_fixture->db());
        HEARTDESK_VERIFY_OK(push.beginError());
        HEARTDESK_VERIFY_OK(
            trail.append(QStringLiteral("u-teamlead"), QStringLiteral("crt_lead"), kVan,
                         {audit::Update, QStringLiteral("encounter"), QStringLiteral("enc-1")}));
        auto refused = segments.receive(kVan, batch);
        QVERIFY(!refused.ok());
        QCOMPARE(storeErrorCodeName(refused.error().code), storeErrorCodeName(StoreErrorCode::Conflict));
        // The push's commit refuses: nothing of it is saved.
        QVERIFY(push.commit());
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), centerRows);
    QCOMPARE(deviceRows(kVan), qint64(0));

    // The same push with the honest rows commits all of it.
    {
        SqlTransaction push(m_fixture->db());
        HEARTDESK_VERIFY_OK(push.beginError());
        HEARTDESK_VERIFY_OK(
            trail.append(QStringLiteral("u-teamlead"), QStringLiteral("crt_lead"), kVan,
                         {audit::Update, QStringLiteral("encounter"), QStringLiteral("enc-1")}));
        auto received = segments.receive(kVan, laptopRows(van));
        HEARTDESK_VERIFY_RESULT(received);
        HEARTDESK_VERIFY_OK(push.commit());
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), centerRows + 2);
    QCOMPARE(deviceRows(kVan), qint64(4));
}

void TestStoreAuditSegments::invalidDeviceIdIsRefused()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 2));
    for (const QString& device :
         {QString(), QStringLiteral("van:1"), QStringLiteral("van 1"), QString(65, QLatin1Char('v'))}) {
        auto refused = receive(device, laptopRows(van));
        QVERIFY2(!refused.ok(), qPrintable(device));
        QCOMPARE(storeErrorCodeName(refused.error().code), storeErrorCodeName(StoreErrorCode::InvalidInput));
        QCOMPARE(refused.error().field, QStringLiteral("device_id"));
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM device_audit_log")), qint64(0));
    QCOMPARE(anchorCount(), qint64(0));
}

void TestStoreAuditSegments::editedDeviceRowIsNamed()
{
    Database& van = laptop();
    Database& other = laptop(QStringLiteral("other"));
    CHECKED(writeOnLaptop(van, 6));
    CHECKED(writeOnLaptop(other, 3));
    HEARTDESK_VERIFY_RESULT(receive(kVan, laptopRows(van)));
    HEARTDESK_VERIFY_RESULT(receive(kOtherVan, laptopRows(other)));

    // A superuser edits a received row behind the program's back.
    const test::RawResult edited = m_fixture->sql(
        QStringLiteral("UPDATE device_audit_log SET record_id = 'enc-x' WHERE device_id = ? AND seq = 4"),
        {kVan});
    QVERIFY2(edited.ok, qPrintable(edited.error));
    QCOMPARE(edited.rowsAffected, 1);

    const auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(2));
    const SegmentVerification& broken = devices[0].deviceId == kVan ? devices[0] : devices[1];
    const SegmentVerification& intact = devices[0].deviceId == kVan ? devices[1] : devices[0];
    QCOMPARE(broken.deviceId, kVan);
    QVERIFY(broken.firstBreak.has_value());
    QCOMPARE(broken.firstBreak->seq, qint64(4));
    QCOMPARE(broken.firstBreak->kind, AuditBreak::Kind::HashMismatch);
    QCOMPARE(broken.rowsChecked, qint64(3));
    QVERIFY(!broken.anchorBreak); // the anchored head (row 6) was not touched
    QCOMPARE(intact.deviceId, kOtherVan);
    QVERIFY(intact.intact());
    CHECKED(expectCenterChainIntact());
}

void TestStoreAuditSegments::replacedSegmentBreaksTheAnchor()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 5));
    HEARTDESK_VERIFY_RESULT(receive(kVan, laptopRows(van)));
    const qint64 anchor =
        count(QStringLiteral("SELECT MAX(seq) FROM audit_log WHERE action = 'audit_anchor'"));

    // The segment deleted and made again with other contents and a
    // recomputed chain: it verifies on its own, but not against the anchor.
    std::vector<AuditEntry> forged = laptopRows(van);
    std::string prev = kAuditGenesisHash;
    for (AuditEntry& e : forged) {
        e.recordId = "enc-forged";
        e.prevHash = prev;
        e.hash = auditHash(e);
        prev = e.hash;
    }
    QVERIFY(m_fixture->sql(QStringLiteral("DELETE FROM device_audit_log WHERE device_id = ?"), {kVan}).ok);
    for (const AuditEntry& e : forged)
        QVERIFY(insertRaw(kVan, e));
    auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QVERIFY(!devices[0].firstBreak);
    QCOMPARE(devices[0].rowsChecked, qint64(5));
    QVERIFY(devices[0].anchorBreak.has_value());
    QCOMPARE(devices[0].anchorBreak->kind, AnchorBreak::Kind::HashMismatch);
    QCOMPARE(devices[0].anchorBreak->centerSeq, anchor);
    QCOMPARE(devices[0].anchorBreak->deviceSeq, qint64(5));

    // The segment removed altogether: the anchor names a row that is not there.
    QVERIFY(m_fixture->sql(QStringLiteral("DELETE FROM device_audit_log WHERE device_id = ?"), {kVan}).ok);
    devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QCOMPARE(devices[0].deviceId, kVan);
    QCOMPARE(devices[0].rowsChecked, qint64(0));
    QVERIFY(devices[0].anchorBreak.has_value());
    QCOMPARE(devices[0].anchorBreak->kind, AnchorBreak::Kind::MissingRow);
    QCOMPARE(devices[0].anchorBreak->centerSeq, anchor);
}

void TestStoreAuditSegments::deletedNewestRowsAndSmuggledRowsAreNamed()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 4));
    HEARTDESK_VERIFY_RESULT(receive(kVan, laptopRows(van)));
    CHECKED(writeOnLaptop(van, 3));
    auto second = receive(kVan, laptopRows(van, 5));
    HEARTDESK_VERIFY_RESULT(second);

    // The newest received rows deleted: the chain that is left holds, the last anchor does not.
    QVERIFY(
        m_fixture->sql(QStringLiteral("DELETE FROM device_audit_log WHERE device_id = ? AND seq > 5"), {kVan})
            .ok);
    auto devices = verify();
    QCOMPARE(devices.size(), std::size_t(1));
    QVERIFY(!devices[0].firstBreak);
    QVERIFY(devices[0].anchorBreak.has_value());
    QCOMPARE(devices[0].anchorBreak->kind, AnchorBreak::Kind::MissingRow);
    QCOMPARE(devices[0].anchorBreak->centerSeq, second.value().anchorSeq);
    QCOMPARE(devices[0].anchorBreak->deviceSeq, qint64(7));

    // Rows added with SQL (the application role may INSERT) continue the chain but no anchor covers them.
    const std::vector<AuditEntry> rows = laptopRows(van, 6);
    for (const AuditEntry& e : rows)
        QVERIFY(insertRaw(kVan, e));
    devices = verify();
    QVERIFY(devices[0].intact()); // rows 6 and 7 are back, as anchored
    CHECKED(writeOnLaptop(van, 1));
    const std::vector<AuditEntry> smuggled = laptopRows(van, 8);
    QCOMPARE(smuggled.size(), std::size_t(1));
    QVERIFY(insertRaw(kVan, smuggled.front()));
    devices = verify();
    QVERIFY(!devices[0].firstBreak);
    QCOMPARE(devices[0].rowsChecked, qint64(8));
    QVERIFY(devices[0].anchorBreak.has_value());
    QCOMPARE(devices[0].anchorBreak->kind, AnchorBreak::Kind::Unanchored);
    QCOMPARE(devices[0].anchorBreak->deviceSeq, qint64(8));
    QCOMPARE(devices[0].anchorBreak->centerSeq, qint64(0));
}

void TestStoreAuditSegments::laptopWithoutSegmentsVerifiesEmpty()
{
    Database& van = laptop();
    CHECKED(writeOnLaptop(van, 3));
    auto onVan = AuditSegments(van, m_fixture->clock()).verify();
    HEARTDESK_VERIFY_RESULT(onVan);
    QVERIFY(onVan.value().empty());
    QCOMPARE(verify().size(), std::size_t(0));
}

HEART_TEST_GUILESS_MAIN(TestStoreAuditSegments)
#include "tst_store_audit_segments.moc"
