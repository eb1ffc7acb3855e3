// Sha256 against the FIPS 180-4 example vectors, the padding boundaries
// (lengths around one 64-byte block, digests from GNU sha256sum), binary
// input, and incremental updates split anywhere giving the same digest.
#include "core/Sha256.h"

#include <QTest>
#include <string>

using namespace heart;

namespace {

std::string hexOf(const std::array<std::uint8_t, 32>& digest)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t byte : digest) {
        out.push_back(kDigits[byte >> 4]);
        out.push_back(kDigits[byte & 0xf]);
    }
    return out;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestCoreSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fipsVectors_data();
    void fipsVectors();
    void oneMillionA();
    void paddingBoundaries_data();
    void paddingBoundaries();
    void binaryBytes();
    void incrementalSplitsAgree();
};

void TestCoreSha256::fipsVectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral(
                                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QStringLiteral(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QStringLiteral(
                                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                            "ijklmnopjklmnopqklmnopqrlmnopqrs"
                                            "mnopqrstnopqrstu")
                              << QStringLiteral(
                                     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

void TestCoreSha256::fipsVectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, digest);
    QCOMPARE(q(Sha256::hex(std::string_view(message.constData(), std::size_t(message.size())))), digest);
}

void TestCoreSha256::oneMillionA()
{
    const std::string message(1'000'000, 'a');
    QCOMPARE(q(Sha256::hex(message)),
             QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    // The same million fed in uneven chunks.
    Sha256 sha;
    std::size_t fed = 0;
    for (std::size_t chunk = 1; fed < message.size(); chunk = chunk * 3 % 997 + 1) {
        const std::size_t n = std::min(chunk, message.size() - fed);
        sha.update(std::string_view(message).substr(fed, n));
        fed += n;
    }
    QCOMPARE(q(hexOf(sha.finish())),
             QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestCoreSha256::paddingBoundaries_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("digest");
    // 55 bytes is the longest message whose padding fits one block; 56..63
    // need a second block; 64 fills a block exactly.
    QTest::newRow("55") << 55
                        << QStringLiteral("9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    QTest::newRow("56") << 56
                        << QStringLiteral("b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    QTest::newRow("63") << 63
                        << QStringLiteral("7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    QTest::newRow("64") << 64
                        << QStringLiteral("ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    QTest::newRow("65") << 65
                        << QStringLiteral("635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
    QTest::newRow("119") << 119
                         << QStringLiteral(
                                "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
    QTest::newRow("120") << 120
                         << QStringLiteral(
                                "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

void TestCoreSha256::paddingBoundaries()
{
    QFETCH(int, length);
    QFETCH(QString, digest);
    QCOMPARE(q(Sha256::hex(std::string(std::size_t(length), 'a'))), digest);
}

void TestCoreSha256::binaryBytes()
{
    // NUL, 0xff, the unit separator the audit payload uses, and a high bit.
    const std::string bytes{'\x00', '\xff', '\x1f', '\x80'};
    QCOMPARE(q(Sha256::hex(bytes)),
             QStringLiteral("4fae87da13fcc8022cbf26817088f8ed4a5853d9adaa2af73a9f854f18874c8c"));
}

void TestCoreSha256::incrementalSplitsAgree()
{
    const std::string message =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
        "lmnopqrsmnopqrstnopqrstu";
    const std::string whole = Sha256::hex(message);
    for (std::size_t split = 0; split <= message.size(); ++split) {
        Sha256 sha;
        sha.update(std::string_view(message).substr(0, split));
        sha.update(std::string_view(message).substr(split));
        QCOMPARE(q(hexOf(sha.finish())), q(whole));
    }
}

QTEST_GUILESS_MAIN(TestCoreSha256)
#include "tst_core_sha256.moc"
