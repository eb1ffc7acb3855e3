// The audit hash chain: a chain built row by row verifies; editing any field
// of a row, deleting, inserting or reordering rows is found, and
// findAuditBreak names the first broken row and what is wrong with it.
#include "core/AuditChain.h"
#include "core/Sha256.h"

#include <QTest>
#include <functional>
#include <map>
#include <string>

using namespace heart;

Q_DECLARE_METATYPE(heart::AuditBreak::Kind)

namespace {

using Chain = std::vector<AuditEntry>;

// A chain of `length` rows, each hashed over the previous one, as the store appends them.
Chain buildChain(int length, const std::string& genesis = kAuditGenesisHash, std::int64_t firstSeq = 1)
{
    static const char* const kActions[] = {"create", "update", "sign", "open", "sign_in", "export"};
    Chain chain;
    std::string prev = genesis;
    for (int i = 0; i < length; ++i) {
        AuditEntry e;
        e.seq = firstSeq + i;
        e.atUtc = "2026-03-02T15:00:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".123Z";
        e.userId = "0195a1b2-c3d4-7e5f-8a9b-00000000000" + std::to_string(i % 3);
        e.role = i % 2 ? "call_counselor" : "crt_team_lead";
        e.workstation = "ws-" + std::to_string(i % 4);
        e.action = kActions[i % 6];
        e.recordType = i % 2 ? "call" : "person";
        e.recordId = "0195a1b2-c3d4-7e5f-8a9b-1000000000" + std::to_string(10 + i);
        e.prevHash = prev;
        e.hash = auditHash(e);
        prev = e.hash;
        chain.push_back(e);
    }
    return chain;
}

// Re-seals rows from `from` on (as a forger would after an edit): fixes prev and hash.
void reseal(Chain& chain, std::size_t from)
{
    for (std::size_t i = from; i < chain.size(); ++i) {
        chain[i].prevHash = i == 0 ? kAuditGenesisHash : chain[i - 1].hash;
        chain[i].hash = auditHash(chain[i]);
    }
}

using Field = std::function<void(AuditEntry&)>;

} // namespace

class TestCoreAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtChainVerifies();
    void emptyChainVerifies();
    void payloadCoversEveryField();
    void editedField_data();
    void editedField();
    void editedAndResealedRowBreaksTheNextLink();
    void deletedRow_data();
    void deletedRow();
    void insertedRow();
    void insertedAndRenumberedRow();
    void reorderedRows();
    void reorderedAndRenumberedRows();
    void fullyResealedChainNeedsAnAnchor();
    void continuesFromAPage();
};

void TestCoreAuditChain::builtChainVerifies()
{
    const Chain chain = buildChain(12);
    QVERIFY(!findAuditBreak(chain).has_value());
    QCOMPARE(chain.front().prevHash, kAuditGenesisHash);
    QCOMPARE(chain.front().hash.size(), std::size_t(64));
    QCOMPARE(chain.front().hash, Sha256::hex(auditPayload(chain.front())));
}

void TestCoreAuditChain::emptyChainVerifies()
{
    QVERIFY(!findAuditBreak({}).has_value());
}

void TestCoreAuditChain::payloadCoversEveryField()
{
    // Each field changes the payload, and fields cannot be shifted into one
    // another (the separator sits between them).
    const AuditEntry base = buildChain(1).front();
    const std::vector<Field> edits = {
        [](AuditEntry& e) { e.seq += 1; },
        [](AuditEntry& e) { e.atUtc += "x"; },
        [](AuditEntry& e) { e.userId += "x"; },
        [](AuditEntry& e) { e.role += "x"; },
        [](AuditEntry& e) { e.workstation += "x"; },
        [](AuditEntry& e) { e.action += "x"; },
        [](AuditEntry& e) { e.recordType += "x"; },
        [](AuditEntry& e) { e.recordId += "x"; },
        [](AuditEntry& e) { e.prevHash[0] = 'f'; },
        [](AuditEntry& e) {
            e.recordType += e.recordId.substr(0, 1); // move a character across a field boundary
            e.recordId.erase(0, 1);
        },
    };
    for (const Field& edit : edits) {
        AuditEntry changed = base;
        edit(changed);
        QVERIFY(auditPayload(changed) != auditPayload(base));
        QVERIFY(auditHash(changed) != base.hash);
    }
}

void TestCoreAuditChain::editedField_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("brokenSeq");
    QTest::addColumn<AuditBreak::Kind>("kind");
    using K = AuditBreak::Kind;
    for (int row : {0, 4, 9}) {
        const qint64 seq = row + 1;
        for (const char* field :
             {"atUtc", "userId", "role", "workstation", "action", "recordType", "recordId", "hash"}) {
            QTest::addRow("row %d %s", row, field)
                << row << QString::fromLatin1(field) << seq << K::HashMismatch;
        }
        QTest::addRow("row %d prevHash", row)
            << row << QStringLiteral("prevHash") << seq << K::PrevHashMismatch;
        QTest::addRow("row %d seq", row) << row << QStringLiteral("seq") << seq + 100 << K::SequenceGap;
    }
}

void TestCoreAuditChain::editedField()
{
    QFETCH(int, row);
    QFETCH(QString, field);
    QFETCH(qint64, brokenSeq);
    QFETCH(AuditBreak::Kind, kind);
    Chain chain = buildChain(10);
    AuditEntry& e = chain[std::size_t(row)];
    const std::map<QString, std::string*> text = {
        {QStringLiteral("atUtc"), &e.atUtc},       {QStringLiteral("userId"), &e.userId},
        {QStringLiteral("role"), &e.role},         {QStringLiteral("workstation"), &e.workstation},
        {QStringLiteral("action"), &e.action},     {QStringLiteral("recordType"), &e.recordType},
        {QStringLiteral("recordId"), &e.recordId}, {QStringLiteral("hash"), &e.hash},
        {QStringLiteral("prevHash"), &e.prevHash},
    };
    if (field == QLatin1String("seq")) {
        e.seq += 100;
    } else {
        std::string& value = *text.at(field);
        value.back() = value.back() == '0' ? '1' : '0';
    }
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, brokenSeq);
    QCOMPARE(broken->kind, kind);
}

void TestCoreAuditChain::editedAndResealedRowBreaksTheNextLink()
{
    // Re-hashing only the edited row does not help: the next row still
    // points at the old hash.
    Chain chain = buildChain(10);
    chain[5].recordId = "someone-else";
    chain[5].hash = auditHash(chain[5]);
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(7));
    QCOMPARE(broken->kind, AuditBreak::Kind::PrevHashMismatch);
}

void TestCoreAuditChain::deletedRow_data()
{
    QTest::addColumn<int>("row");
    QTest::newRow("first") << 0;
    QTest::newRow("middle") << 4;
    QTest::newRow("second to last") << 8;
}

void TestCoreAuditChain::deletedRow()
{
    QFETCH(int, row);
    Chain chain = buildChain(10);
    chain.erase(chain.begin() + row);
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(row + 2)); // the row after the gap
    QCOMPARE(broken->kind, AuditBreak::Kind::SequenceGap);
}

void TestCoreAuditChain::insertedRow()
{
    // A forged row sealed onto row 3 (seq 4), slipped in before the real row 4.
    Chain chain = buildChain(10);
    AuditEntry forged = chain[3];
    forged.action = "open";
    forged.prevHash = chain[2].hash;
    forged.hash = auditHash(forged);
    chain.insert(chain.begin() + 3, forged);
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(4)); // the real row 4, now in fifth place
    QCOMPARE(broken->kind, AuditBreak::Kind::SequenceGap);
}

void TestCoreAuditChain::insertedAndRenumberedRow()
{
    // The forger also renumbers the rows after it: the real row 4 (now seq 5)
    // no longer links to its predecessor.
    Chain chain = buildChain(10);
    AuditEntry forged = chain[3];
    forged.action = "open";
    forged.hash = auditHash(forged);
    chain.insert(chain.begin() + 3, forged);
    for (std::size_t i = 4; i < chain.size(); ++i)
        chain[i].seq = std::int64_t(i) + 1;
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(5));
    QCOMPARE(broken->kind, AuditBreak::Kind::PrevHashMismatch);
}

void TestCoreAuditChain::reorderedRows()
{
    Chain chain = buildChain(10);
    std::swap(chain[5], chain[6]);
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(7)); // found in place of seq 6
    QCOMPARE(broken->kind, AuditBreak::Kind::SequenceGap);
}

void TestCoreAuditChain::reorderedAndRenumberedRows()
{
    Chain chain = buildChain(10);
    std::swap(chain[5], chain[6]);
    std::swap(chain[5].seq, chain[6].seq);
    const auto broken = findAuditBreak(chain);
    QVERIFY(broken.has_value());
    QCOMPARE(broken->seq, std::int64_t(6));
    QCOMPARE(broken->kind, AuditBreak::Kind::PrevHashMismatch);
}

void TestCoreAuditChain::fullyResealedChainNeedsAnAnchor()
{
    // The limit of a bare hash chain, pinned so nobody relies on more: a
    // forger who re-seals every row after an edit leaves a chain that
    // verifies on its own. Only a head hash kept elsewhere (a printed or
    // exported anchor) exposes it, because the head changes.
    Chain chain = buildChain(10);
    const std::string honestHead = chain.back().hash;
    chain[5].recordId = "someone-else";
    reseal(chain, 5);
    QVERIFY(!findAuditBreak(chain).has_value());
    QVERIFY(chain.back().hash != honestHead);
}

void TestCoreAuditChain::continuesFromAPage()
{
    // verify() reads the trail in pages: the second page starts from the
    // first page's last hash and next seq.
    const Chain chain = buildChain(20);
    const Chain secondPage(chain.begin() + 10, chain.end());
    QVERIFY(!findAuditBreak(secondPage, chain[9].hash, 11).has_value());
    const auto wrongPrev = findAuditBreak(secondPage, chain[8].hash, 11);
    QVERIFY(wrongPrev.has_value());
    QCOMPARE(wrongPrev->seq, std::int64_t(11));
    QCOMPARE(wrongPrev->kind, AuditBreak::Kind::PrevHashMismatch);
    const auto wrongSeq = findAuditBreak(secondPage, chain[9].hash, 12);
    QVERIFY(wrongSeq.has_value());
    QCOMPARE(wrongSeq->kind, AuditBreak::Kind::SequenceGap);
}

QTEST_GUILESS_MAIN(TestCoreAuditChain)
#include "tst_core_audit_chain.moc"
