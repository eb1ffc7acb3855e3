// The audit trail cannot be cut or rewritten unseen (issue 19, item 4), on
// both engines, through the store API and the real `heartdesk-cli
// verify-audit`: a trail of 250 rows (checkpoints signed every 100 rows with
// the audit key, which lives in the key folder, never in the database) is
// intact; deleting its last row, its last 100 rows or all of them, or editing
// a row and recomputing the whole chain with the public hash, is "tampered"
// (exit 1) - also when the cut takes the checkpoints with it, and also on a
// computer that never verified this database before. Without the key the
// trail is "unanchored" (exit 4), never "intact"; importing the exported key
// makes it intact again.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/AuditChain.h"
#include "store/AuditCheckpoints.h"
#include "store/AuditTrail.h"
#include "store/DatabaseKeys.h"
#include "store/SqlTransaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace heart;
using namespace heart::store;
using namespace std::chrono_literals;
using heart::test::TestDatabase;

namespace {

struct Run
{
    int exit = -1;
    QString out;
    QString err;
    QString describe() const { return QStringLiteral("exit %1\nout: %2\nerr: %3").arg(exit).arg(out, err); }
};

enum class Tamper
{
    CutLastRow,
    CutLast100,
    CutAll,
    Rehash
};

} // namespace

Q_DECLARE_METATYPE(Tamper)

#define CHECKED(call)                                                                                        \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestCliAuditAnchor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        AuditKeys::forgetCache();
        HEARTDESK_FRESH_DATABASE(m_fixture);
    }
    void cleanup() { m_fixture.reset(); }

    void newDatabaseIsAnchoredAndSignedEveryHundredRows();
    void untouchedTrailIsIntact();
    void tamperedTrailIsCaught_data();
    void tamperedTrailIsCaught();
    void withoutTheKeyItIsUnanchoredNeverIntact();
    void forgedCheckpointIsCaught();
    void appendCost();

private:
    qint64 headSeq();
    void buildTrail(int rows);
    void tamper(Tamper how, bool dropCheckpoints);
    Run cli(const QStringList& arguments, const QString& keyDir = {});
    QString location() const;
    StoreResult<AuditVerification> verify()
    {
        return AuditTrail(m_fixture->db(), m_fixture->clock()).verify();
    }

    std::unique_ptr<TestDatabase> m_fixture;
};

qint64 TestCliAuditAnchor::headSeq()
{
    const test::RawResult head =
        m_fixture->sql(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_log"));
    return head.ok ? head.rows.at(0).at(0).toLongLong() : -1;
}

void TestCliAuditAnchor::buildTrail(int rows)
{
    const Actor admin = m_fixture->administrator();
    AuditTrail trail(m_fixture->db(), m_fixture->clock());
    for (qint64 i = headSeq(); i < rows; ++i) {
        m_fixture->clock().advance(1s);
        HEARTDESK_VERIFY_OK(
            trail.record(admin, {audit::Open, QStringLiteral("call"), QStringLiteral("c-%1").arg(i)}));
    }
    QCOMPARE(headSeq(), qint64(rows));
}

QString TestCliAuditAnchor::location() const
{
    const ConnectionSpec& spec = m_fixture->spec();
    if (spec.engine == Engine::Sqlite)
        return spec.sqlitePath;
    QString url = QStringLiteral("postgresql://%1@%2:%3/%4")
                      .arg(spec.user, spec.host)
                      .arg(spec.port)
                      .arg(spec.database);
    if (!spec.sslMode.isEmpty())
        url += QStringLiteral("?sslmode=") + spec.sslMode;
    return url;
}

Run TestCliAuditAnchor::cli(const QStringList& arguments, const QString& keyDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEARTDESK_DB_PASSWORD"), m_fixture->password());
    if (!keyDir.isEmpty())
        env.insert(QStringLiteral("HEARTDESK_KEY_DIR"), keyDir);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HEARTDESK_CLI_PATH),
                  arguments + QStringList{QStringLiteral("--database"), location()});
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exit = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// What an attacker with write access to the database (and the public hash
// algorithm, but not the audit key) does.
void TestCliAuditAnchor::tamper(Tamper how, bool dropCheckpoints)
{
    const qint64 head = headSeq();
    qint64 keep = head;
    switch (how) {
    case Tamper::CutLastRow:
        keep = head - 1;
        break;
    case Tamper::CutLast100:
        keep = head - 100;
        break;
    case Tamper::CutAll:
        keep = 0;
        break;
    case Tamper::Rehash: {
        // Edit row 5, then recompute every hash from there on.
        auto rows = AuditTrail(m_fixture->db(), m_fixture->clock()).entries(1, 100000);
        HEARTDESK_VERIFY_RESULT(rows);
        std::vector<AuditEntry> chain = rows.value();
        std::string prev = kAuditGenesisHash;
        for (AuditEntry& e : chain) {
            if (e.seq == 5)
                e.recordId = "someone-elses-record";
            e.prevHash = prev;
            e.hash = auditHash(e);
            prev = e.hash;
            if (e.seq < 5)
                continue;
            const test::RawResult updated = m_fixture->sql(
                QStringLiteral("UPDATE audit_log SET record_id = ?, prev_hash = ?, hash = ? WHERE seq = ?"),
                {QString::fromStdString(e.recordId), QString::fromStdString(e.prevHash),
                 QString::fromStdString(e.hash), qlonglong(e.seq)});
            QVERIFY2(updated.ok, qPrintable(updated.error));
        }
        // The rewritten chain is whole by the public algorithm alone.
        QVERIFY(!findAuditBreak(chain).has_value());
        break;
    }
    }
    if (keep != head) {
        const test::RawResult cut =
            m_fixture->sql(QStringLiteral("DELETE FROM audit_log WHERE seq > ?"), {keep});
        QVERIFY2(cut.ok, qPrintable(cut.error));
        QCOMPARE(headSeq(), keep);
    }
    if (dropCheckpoints) {
        const test::RawResult dropped = m_fixture->sql(
            how == Tamper::Rehash ? QStringLiteral("DELETE FROM audit_checkpoints")
                                  : QStringLiteral("DELETE FROM audit_checkpoints WHERE seq > ?"),
            how == Tamper::Rehash ? QVariantList{} : QVariantList{keep});
        QVERIFY2(dropped.ok, qPrintable(dropped.error));
    }
}

void TestCliAuditAnchor::newDatabaseIsAnchoredAndSignedEveryHundredRows()
{
    // Opening a new database made its key (outside the database) and a checkpoint of the genesis hash.
    const test::RawResult genesis =
        m_fixture->sql(QStringLiteral("SELECT seq, key_id, head_hash FROM audit_checkpoints"));
    QVERIFY2(genesis.ok, qPrintable(genesis.error));
    QCOMPARE(genesis.rows.size(), 1);
    QCOMPARE(genesis.rows[0][0].toLongLong(), qint64(0));
    const QString keyId = genesis.rows[0][1].toString();
    QVERIFY(QFile::exists(QDir(AuditKeys::folder()).filePath(keyId + QStringLiteral(".key"))));
    QCOMPARE(QFile::permissions(QDir(AuditKeys::folder()).filePath(keyId + QStringLiteral(".key"))),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                 QFileDevice::WriteUser);
    // The key's bytes are nowhere in the database.
    const auto key = AuditKeys::find(keyId);
    QVERIFY(key.has_value());
    QVERIFY(m_fixture->columnsContaining(QString::fromLatin1(key->secret.toHex())).isEmpty());
    QVERIFY(m_fixture->columnsContaining(QString::fromLatin1(key->secret.toBase64())).isEmpty());

    CHECKED(buildTrail(250));
    const test::RawResult seqs =
        m_fixture->sql(QStringLiteral("SELECT seq FROM audit_checkpoints ORDER BY seq"));
    QVERIFY2(seqs.ok, qPrintable(seqs.error));
    QList<qint64> got;
    for (const QVariantList& row : seqs.rows)
        got.append(row[0].toLongLong());
    QCOMPARE(got, (QList<qint64>{0, 100, 200}));
}

void TestCliAuditAnchor::untouchedTrailIsIntact()
{
    CHECKED(buildTrail(250));
    auto verified = verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().intact());
    QCOMPARE(verified.value().rowsChecked, qint64(250));
    QCOMPARE(verified.value().anchoring.anchoredUpTo, qint64(200));

    const Run text = cli({QStringLiteral("verify-audit")});
    QCOMPARE(text.exit, 0);
    QVERIFY2(text.out.trimmed() == QStringLiteral("audit trail intact: 250 rows"),
             qPrintable(text.describe()));
    // The CLI signed the head: now anchored up to the last row.
    const Run json =
        cli({QStringLiteral("verify-audit"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exit, 0);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("intact"));
    QCOMPARE(doc.value(QStringLiteral("anchored_up_to")).toInteger(), qint64(250));
    QCOMPARE(doc.value(QStringLiteral("key_held")).toBool(), true);
    QVERIFY(doc.value(QStringLiteral("problem")).isNull());
}

void TestCliAuditAnchor::tamperedTrailIsCaught_data()
{
    QTest::addColumn<Tamper>("how");
    QTest::addColumn<bool>("dropCheckpoints"); // the attacker deletes the checkpoints that would tell
    QTest::addColumn<bool>("otherComputer");   // verified where this database was never verified before
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("words");
    const QString cut = QStringLiteral("the trail was cut");
    const QString rewritten = QStringLiteral("the trail was rewritten");
    QTest::newRow("last row") << Tamper::CutLastRow << false << false << "checkpoint_row_missing" << cut;
    QTest::newRow("last row and its checkpoint")
        << Tamper::CutLastRow << true << false << "remembered_row_missing" << cut;
    QTest::newRow("last row, another computer")
        << Tamper::CutLastRow << false << true << "checkpoint_row_missing" << cut;
    QTest::newRow("last 100 rows") << Tamper::CutLast100 << false << false << "checkpoint_row_missing" << cut;
    QTest::newRow("last 100 rows and their checkpoints")
        << Tamper::CutLast100 << true << false << "remembered_row_missing" << cut;
    QTest::newRow("all rows") << Tamper::CutAll << false << false << "records_without_trail"
                              << QStringLiteral("records but not a single audit row");
    QTest::newRow("all rows and checkpoints") << Tamper::CutAll << true << true << "records_without_trail"
                                              << QStringLiteral("records but not a single audit row");
    QTest::newRow("edit and rehash") << Tamper::Rehash << false << false << "checkpoint_mismatch"
                                     << rewritten;
    QTest::newRow("edit and rehash, another computer")
        << Tamper::Rehash << false << true << "checkpoint_mismatch" << rewritten;
    QTest::newRow("edit, rehash, drop every checkpoint")
        << Tamper::Rehash << true << false << "remembered_row_mismatch" << rewritten;
}

void TestCliAuditAnchor::tamperedTrailIsCaught()
{
    QFETCH(Tamper, how);
    QFETCH(bool, dropCheckpoints);
    QFETCH(bool, otherComputer);
    QFETCH(QString, problem);
    QFETCH(QString, words);
    CHECKED(buildTrail(250));
    // A verification signs the head (as a supervisor's daily verify-audit would).
    const Run before = cli({QStringLiteral("verify-audit")});
    QVERIFY2(before.exit == 0, qPrintable(before.describe()));

    CHECKED(tamper(how, dropCheckpoints));
    if (otherComputer) {
        // Another workstation: holds the key, never verified this database.
        QVERIFY(QDir(QDir(AuditKeys::folder()).filePath(QStringLiteral("heads"))).removeRecursively());
    }

    auto verified = verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QVERIFY(verified.value().tampered());
    QVERIFY(!verified.value().intact());
    QVERIFY(!verified.value().firstBreak.has_value()); // the chain itself links: only the anchors tell

    const Run text = cli({QStringLiteral("verify-audit")});
    QVERIFY2(text.exit == 1, qPrintable(text.describe()));
    QVERIFY2(text.out.startsWith(QStringLiteral("audit trail tampered: ")), qPrintable(text.describe()));
    QVERIFY2(text.out.contains(words), qPrintable(text.describe()));
    QVERIFY2(!text.out.contains(QStringLiteral("intact")), qPrintable(text.describe()));
    const Run json =
        cli({QStringLiteral("verify-audit"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(json.exit == 1, qPrintable(json.describe()));
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("tampered"));
    QCOMPARE(doc.value(QStringLiteral("problem")).toString(), problem);
    // A tampered trail is never signed: the verdict stays.
    QCOMPARE(cli({QStringLiteral("verify-audit")}).exit, 1);
}

void TestCliAuditAnchor::withoutTheKeyItIsUnanchoredNeverIntact()
{
    CHECKED(buildTrail(120));
    QTemporaryDir spare;
    const QString exported = spare.filePath(QStringLiteral("audit.key"));
    const Run out =
        cli({QStringLiteral("audit-key"), QStringLiteral("export"), QStringLiteral("--file"), exported});
    QVERIFY2(out.exit == 0, qPrintable(out.describe()));
    QCOMPARE(QFile::permissions(exported) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // A workstation without the key (and so without a remembered head):
    // the audit folder is not there; the database's own key stays.
    const QString audit = AuditKeys::folder();
    const QString away = audit + QStringLiteral(".away");
    QVERIFY(QDir().rename(audit, away));
    AuditKeys::forgetCache();
    // It still writes; past row 200 no checkpoint is signed, nothing fails.
    CHECKED(buildTrail(210));
    const test::RawResult newest = m_fixture->sql(QStringLiteral("SELECT MAX(seq) FROM audit_checkpoints"));
    QCOMPARE(newest.rows.at(0).at(0).toLongLong(), qint64(100));
    auto verified = verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QCOMPARE(verified.value().anchoring.state, AuditAnchoring::State::Unanchored);
    QVERIFY(!verified.value().intact() && !verified.value().tampered());
    QVERIFY(!verified.value().anchoring.haveKey);

    const Run text = cli({QStringLiteral("verify-audit")});
    QVERIFY2(text.exit == 4, qPrintable(text.describe()));
    QVERIFY2(text.out.startsWith(QStringLiteral("audit trail unanchored: 210 rows")),
             qPrintable(text.describe()));
    QVERIFY2(text.out.contains(verified.value().anchoring.keyId), qPrintable(text.describe()));
    QVERIFY2(!text.out.contains(QStringLiteral("intact")), qPrintable(text.describe()));

    // Keyless, a cut is still seen where records remain without any audit row.
    // With the key imported: intact again, and the head is signed.
    const Run imported =
        cli({QStringLiteral("audit-key"), QStringLiteral("import"), QStringLiteral("--file"), exported});
    QVERIFY2(imported.exit == 0, qPrintable(imported.describe()));
    const Run after = cli({QStringLiteral("verify-audit")});
    QVERIFY2(after.exit == 0 && after.out.startsWith(QStringLiteral("audit trail intact: 210 rows")),
             qPrintable(after.describe()));
    // A foreign file is no key.
    QFile junk(spare.filePath(QStringLiteral("junk.key")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("heartdesk-audit-key 1 0123456789abcdef AAAA\n");
    junk.close();
    const Run refused = cli(
        {QStringLiteral("audit-key"), QStringLiteral("import"), QStringLiteral("--file"), junk.fileName()});
    QVERIFY2(refused.exit == 1, qPrintable(refused.describe()));
    QVERIFY(QDir(away).removeRecursively());
}

void TestCliAuditAnchor::forgedCheckpointIsCaught()
{
    CHECKED(buildTrail(150));
    // Rows rewritten after the last checkpoint, then a checkpoint claimed for
    // the new head with a made-up MAC under the database's key id.
    const test::RawResult key =
        m_fixture->sql(QStringLiteral("SELECT key_id FROM audit_checkpoints WHERE seq = 100"));
    const test::RawResult head = m_fixture->sql(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 150"));
    QVERIFY(key.ok && head.ok);
    const test::RawResult forged = m_fixture->sql(
        QStringLiteral(
            "INSERT INTO audit_checkpoints (seq, key_id, head_hash, at_utc, mac) VALUES (150, ?, ?, ?, ?)"),
        {key.rows[0][0], head.rows[0][0], QStringLiteral("2026-03-02T10:00:00.000Z"),
         QString(64, QLatin1Char('0'))});
    QVERIFY2(forged.ok, qPrintable(forged.error));
    auto verified = verify();
    HEARTDESK_VERIFY_RESULT(verified);
    QCOMPARE(verified.value().anchoring.problem, AuditAnchoring::Problem::ForgedCheckpoint);
    QCOMPARE(verified.value().anchoring.problemSeq, qint64(150));
    const Run text = cli({QStringLiteral("verify-audit")});
    QVERIFY2(text.exit == 1 && text.out.contains(QStringLiteral("not signed with the audit key")),
             qPrintable(text.describe()));
}

void TestCliAuditAnchor::appendCost()
{
    // Not a benchmark: the numbers for the report (ctest -V shows them).
    const Actor admin = m_fixture->administrator();
    AuditTrail trail(m_fixture->db(), m_fixture->clock());
    const auto timeRows = [&](int n) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i)
            trail.record(admin, {audit::Open, QStringLiteral("call"), QStringLiteral("x")});
        return double(timer.nsecsElapsed()) / 1e3 / n;
    };
    const double keyed = timeRows(300);
    QVERIFY(QDir().rename(AuditKeys::folder(), AuditKeys::folder() + QStringLiteral(".off")));
    AuditKeys::forgetCache();
    const double keyless = timeRows(300);
    QVERIFY(QDir().rename(AuditKeys::folder() + QStringLiteral(".off"), AuditKeys::folder()));
    AuditKeys::forgetCache();
    // One checkpoint of the head in a transaction of its own (what verify-audit adds).
    const auto keyId = AuditCheckpoints(m_fixture->db(), m_fixture->clock()).databaseKeyId();
    HEARTDESK_VERIFY_RESULT(keyId);
    const auto key = AuditKeys::find(keyId.value());
    QVERIFY(key.has_value());
    QElapsedTimer one;
    one.start();
    HEARTDESK_VERIFY_RESULT(AuditCheckpoints(m_fixture->db(), m_fixture->clock()).checkpointHead(*key));
    const double checkpointUs = double(one.nsecsElapsed()) / 1e3;
    // What a checkpoint adds to the append that signs it, inside its
    // transaction (no commit in the figure): 200 of them, rolled back.
    double inTransactionUs = 0;
    {
        SqlTransaction tx(m_fixture->db());
        HEARTDESK_VERIFY_OK(tx.beginError());
        const qint64 from = headSeq() + 1;
        QElapsedTimer timer;
        timer.start();
        for (qint64 seq = from; seq < from + 200; ++seq)
            HEARTDESK_VERIFY_OK(
                AuditCheckpoints(m_fixture->db(), m_fixture->clock()).atInterval(seq, std::string(64, 'a')));
        inTransactionUs = double(timer.nsecsElapsed()) / 1e3 / 200;
        tx.rollback();
    }
    qInfo("%s: append %.1f us/row with the key (a checkpoint every %lld rows), %.1f us/row without; one "
          "checkpoint in its own transaction %.1f us; a checkpoint inside an append's transaction %.1f us",
          qPrintable(TestDatabase::engineName()), keyed, static_cast<long long>(AuditCheckpoints::kInterval),
          keyless, checkpointUs, inTransactionUs);
}

HEART_TEST_GUILESS_MAIN(TestCliAuditAnchor)
#include "tst_cli_audit_anchor.moc"
