// heartdesk-cli verify-audit on a center that received the audit trails of
// two van laptops: the real binary, in text and json. Intact, it says so for
// the center's chain and for each device (exit 0); a device row edited behind
// the program's back is named by device and row, a segment replaced by a
// recomputed one by the anchor it no longer matches, and a broken center
// chain is still named as before (exit 1 in each case).
#include "cli/CliTestSupport.h"
#include "common/StrictTestMain.h"
#include "core/Clock.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using heart::clitest::CliResult;
using heart::clitest::CliRunner;
using heart::clitest::RawSql;
using namespace std::chrono_literals;

namespace {

// Fails the test with the store's detail unless `expr` (a StoreError) is none.
#define HEARTDESK_CLI_VERIFY_OK(expr)                                                                        \
    do {                                                                                                     \
        const heart::store::StoreError storeError_ = (expr);                                                 \
        QVERIFY2(!storeError_, qPrintable(storeError_.detail));                                              \
    } while (false)

const QString kVan = QStringLiteral("van-crt-1");
const QString kOtherVan = QStringLiteral("van-cor-1");

// A device's chain of `rows` rows, sealed as its AuditTrail would seal them.
std::vector<heart::AuditEntry> deviceChain(int rows, const std::string& recordPrefix)
{
    std::vector<heart::AuditEntry> chain;
    std::string prev = heart::kAuditGenesisHash;
    for (int i = 1; i <= rows; ++i) {
        heart::AuditEntry e;
        e.seq = i;
        e.atUtc = "2026-03-02T10:0" + std::to_string(i) + ":00.000Z";
        e.userId = "u-teamlead";
        e.role = "crt_lead";
        e.workstation = "van-laptop";
        e.action = i % 2 ? "update" : "status_change";
        e.recordType = "encounter";
        e.recordId = recordPrefix + std::to_string(i);
        e.prevHash = prev;
        e.hash = heart::auditHash(e);
        prev = e.hash;
        chain.push_back(e);
    }
    return chain;
}

QJsonObject parse(const CliResult& result)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject();
}

QJsonObject deviceIn(const QJsonObject& json, const QString& device)
{
    const QJsonArray devices = json.value(QStringLiteral("devices")).toArray();
    for (const QJsonValue& value : devices) {
        if (value.toObject().value(QStringLiteral("device")).toString() == device)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCliAudit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_center; // the template: a center that received two vans' trails
    qint64 m_centerRows = 0;
    qint64 m_lastAnchor = 0; // the center row anchoring van-crt-1's head (row 5)
    int m_counter = 0;

    CliRunner runner() const { return CliRunner(m_tmp.filePath(QStringLiteral("home"))); }
    QString copyOfCenter()
    {
        const QString path = m_tmp.filePath(QStringLiteral("center-%1.sqlite").arg(++m_counter));
        QFile::copy(m_center, path);
        return path;
    }
    CliResult verify(const QString& db, bool json = false)
    {
        QStringList args = {QStringLiteral("verify-audit"), QStringLiteral("--database"), db};
        if (json)
            args << QStringLiteral("--format") << QStringLiteral("json");
        return runner().run(args);
    }

private Q_SLOTS:
    void initTestCase();
    void intactCenterWithTwoDevices();
    void editedDeviceRowIsNamed();
    void replacedSegmentIsNamedByItsAnchor();
    void brokenCenterChainIsNamedAsBefore();
};

void TestCliAudit::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::binary()), qPrintable(CliRunner::binary()));
    QVERIFY(m_tmp.isValid());
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("home"))));
    m_center = m_tmp.filePath(QStringLiteral("center-template.sqlite"));
    heart::ManualClock clock(heart::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 2)) + 11h);
    heart::store::Database db;
    HEARTDESK_CLI_VERIFY_OK(db.open(heart::store::ConnectionSpec::sqlite(m_center)));
    heart::store::AuditTrail trail(db, clock);
    for (int i = 0; i < 3; ++i) {
        clock.advance(1s);
        HEARTDESK_CLI_VERIFY_OK(trail.recordAnonymous(
            QStringLiteral("u-counselor"), QStringLiteral("ccd"), QStringLiteral("ws-911-01"),
            {heart::store::audit::Open, QStringLiteral("call"), QStringLiteral("call-%1").arg(i)}));
    }
    // van-crt-1 reports twice (rows 1-3, then 4-5), van-cor-1 once.
    heart::store::AuditSegments segments(db, clock);
    const auto van = deviceChain(5, "enc-a-");
    auto first = segments.receive(kVan, {van.begin(), van.begin() + 3});
    QVERIFY2(first.ok(), qPrintable(first.error().detail));
    auto other = segments.receive(kOtherVan, deviceChain(3, "enc-b-"));
    QVERIFY2(other.ok(), qPrintable(other.error().detail));
    auto second = segments.receive(kVan, van);
    QVERIFY2(second.ok(), qPrintable(second.error().detail));
    QCOMPARE(second.value().stored, qint64(2));
    m_lastAnchor = second.value().anchorSeq;
    m_centerRows = m_lastAnchor;
    QCOMPARE(m_centerRows, qint64(6));
    db.close();
}

void TestCliAudit::intactCenterWithTwoDevices()
{
    const QString db = copyOfCenter();
    const CliResult text = verify(db);
    CLI_EXPECT_EXIT(text, 0);
    QCOMPARE(text.out.trimmed().split(QLatin1Char('\n')),
             QStringList({QStringLiteral("audit trail intact: 6 rows"),
                          QStringLiteral("device van-cor-1: audit segment intact: 3 rows"),
                          QStringLiteral("device van-crt-1: audit segment intact: 5 rows")}));

    const CliResult json = verify(db, true);
    CLI_EXPECT_EXIT(json, 0);
    const QJsonObject doc = parse(json);
    QVERIFY2(!doc.isEmpty(), qPrintable(json.describe()));
    QCOMPARE(doc.value(QStringLiteral("intact")).toBool(false), true);
    QCOMPARE(doc.value(QStringLiteral("rows")).toInteger(), m_centerRows);
    QVERIFY(doc.value(QStringLiteral("first_broken_seq")).isNull());
    QVERIFY(doc.value(QStringLiteral("kind")).isNull());
    QCOMPARE(doc.value(QStringLiteral("devices")).toArray().size(), 2);
    const QJsonObject van = deviceIn(doc, kVan);
    QCOMPARE(van.value(QStringLiteral("intact")).toBool(false), true);
    QCOMPARE(van.value(QStringLiteral("rows")).toInteger(), qint64(5));
    QCOMPARE(van.value(QStringLiteral("anchors")).toInteger(), qint64(2));
    QVERIFY(van.value(QStringLiteral("first_broken_seq")).isNull());
    QVERIFY(van.value(QStringLiteral("kind")).isNull());
    QVERIFY(van.value(QStringLiteral("anchor_break")).isNull());
    QCOMPARE(deviceIn(doc, kOtherVan).value(QStringLiteral("rows")).toInteger(), qint64(3));
}

void TestCliAudit::editedDeviceRowIsNamed()
{
    const QString db = copyOfCenter();
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY2(
            raw.exec(QStringLiteral(
                "UPDATE device_audit_log SET user_id = 'u-other' WHERE device_id = 'van-crt-1' AND seq = 4")),
            qPrintable(raw.lastError()));
    }
    const CliResult text = verify(db);
    CLI_EXPECT_EXIT(text, 1);
    QCOMPARE(
        text.out.trimmed().split(QLatin1Char('\n')),
        QStringList({QStringLiteral("audit trail intact: 6 rows"),
                     QStringLiteral("device van-cor-1: audit segment intact: 3 rows"),
                     QStringLiteral("device van-crt-1: audit segment broken at row 4: the row's contents do "
                                    "not match its hash")}));

    const CliResult json = verify(db, true);
    CLI_EXPECT_EXIT(json, 1);
    const QJsonObject doc = parse(json);
    QVERIFY2(!doc.isEmpty(), qPrintable(json.describe()));
    QCOMPARE(doc.value(QStringLiteral("intact")).toBool(true), false);
    QVERIFY(doc.value(QStringLiteral("first_broken_seq")).isNull()); // the center's own chain holds
    const QJsonObject van = deviceIn(doc, kVan);
    QCOMPARE(van.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(van.value(QStringLiteral("first_broken_seq")).toInteger(), qint64(4));
    QCOMPARE(van.value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));
    QCOMPARE(van.value(QStringLiteral("rows")).toInteger(), qint64(3));
    QCOMPARE(deviceIn(doc, kOtherVan).value(QStringLiteral("intact")).toBool(false), true);
}

void TestCliAudit::replacedSegmentIsNamedByItsAnchor()
{
    // The van's segment deleted and written again as a chain of its own,
    // sealed afresh: it verifies by itself, but the center's anchors say otherwise.
    const QString db = copyOfCenter();
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM device_audit_log WHERE device_id = 'van-crt-1'")));
        for (const heart::AuditEntry& e : deviceChain(5, "enc-forged-")) {
            QVERIFY2(
                raw.exec(QStringLiteral("INSERT INTO device_audit_log VALUES ('van-crt-1', %1, '%2', '%3', "
                                        "'%4', '%5', '%6', '%7', '%8', '%9', '%10', "
                                        "'2026-03-02T12:00:00.000Z')")
                             .arg(e.seq)
                             .arg(QString::fromStdString(e.atUtc), QString::fromStdString(e.userId),
                                  QString::fromStdString(e.role), QString::fromStdString(e.workstation),
                                  QString::fromStdString(e.action), QString::fromStdString(e.recordType),
                                  QString::fromStdString(e.recordId), QString::fromStdString(e.prevHash),
                                  QString::fromStdString(e.hash))),
                qPrintable(raw.lastError()));
        }
    }
    const CliResult text = verify(db);
    CLI_EXPECT_EXIT(text, 1);
    // The first anchor (center row 4) named row 3.
    QCOMPARE(text.out.trimmed().split(QLatin1Char('\n')),
             QStringList({QStringLiteral("audit trail intact: 6 rows"),
                          QStringLiteral("device van-cor-1: audit segment intact: 3 rows"),
                          QStringLiteral("device van-crt-1: audit segment intact: 5 rows"),
                          QStringLiteral("device van-crt-1: the anchor at center row 4 does not match the "
                                         "device's row 3")}));

    const CliResult json = verify(db, true);
    CLI_EXPECT_EXIT(json, 1);
    const QJsonObject doc = parse(json);
    QCOMPARE(doc.value(QStringLiteral("intact")).toBool(true), false);
    const QJsonObject van = deviceIn(doc, kVan);
    QCOMPARE(van.value(QStringLiteral("intact")).toBool(true), false);
    QVERIFY(van.value(QStringLiteral("first_broken_seq")).isNull());
    const QJsonObject anchor = van.value(QStringLiteral("anchor_break")).toObject();
    QCOMPARE(anchor.value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));
    QCOMPARE(anchor.value(QStringLiteral("center_seq")).toInteger(), qint64(4));
    QCOMPARE(anchor.value(QStringLiteral("device_seq")).toInteger(), qint64(3));
}

void TestCliAudit::brokenCenterChainIsNamedAsBefore()
{
    const QString db = copyOfCenter();
    {
        RawSql raw = RawSql::sqlite(db);
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_log SET record_id = 'call-x' WHERE seq = 2")));
    }
    const CliResult text = verify(db);
    CLI_EXPECT_EXIT(text, 1);
    QCOMPARE(
        text.out.trimmed().split(QLatin1Char('\n')),
        QStringList({QStringLiteral("audit trail broken at row 2: the row's contents do not match its hash"),
                     QStringLiteral("device van-cor-1: audit segment intact: 3 rows"),
                     QStringLiteral("device van-crt-1: audit segment intact: 5 rows")}));
    const CliResult json = verify(db, true);
    CLI_EXPECT_EXIT(json, 1);
    const QJsonObject doc = parse(json);
    QCOMPARE(doc.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(doc.value(QStringLiteral("first_broken_seq")).toInteger(), qint64(2));
    QCOMPARE(doc.value(QStringLiteral("kind")).toString(), QStringLiteral("hash_mismatch"));
    QCOMPARE(doc.value(QStringLiteral("rows")).toInteger(), qint64(1));
    QCOMPARE(deviceIn(doc, kVan).value(QStringLiteral("intact")).toBool(false), true);
}

HEART_TEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
