// PostgreSQL only, on the TLS-only server scripts/test starts (hostssl
// accepted, hostnossl rejected; its CA in HEARTDESK_PG_TEST_CA, an unrelated
// CA in HEARTDESK_PG_TEST_WRONG_CA): verify-full with the right CA connects
// and the session really is encrypted; the wrong CA is refused for its
// certificate; a plaintext client is refused by the server; plaintext to a
// host that is not this computer is refused by the program, which never
// connects; the loopback default (prefer) gets TLS from such a server.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace heart;
using store::ConnectionSpec;
using store::Database;
using store::StoreError;
using store::StoreErrorCode;

namespace {

struct SessionSsl
{
    bool ssl = false;
    QString version;
};

SessionSsl sessionSsl(Database& db)
{
    QSqlQuery query(db.connection());
    SessionSsl result;
    if (query.exec(QStringLiteral("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
        query.next()) {
        result.ssl = query.value(0).toBool();
        result.version = query.value(1).toString();
    }
    return result;
}

} // namespace

class TestStoreTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup() { m_fixture.reset(); }
    void verifyFullWithTheRightCaConnectsOverTls_data();
    void verifyFullWithTheRightCaConnectsOverTls();
    void loopbackDefaultGetsTlsToo();
    void wrongCaIsRefused_data();
    void wrongCaIsRefused();
    void plaintextClientIsRefusedByTheServer();
    void plaintextOffLoopbackIsRefusedWithoutConnecting();
    void missingCaFileIsNamedBeforeConnecting();

private:
    // The test database's location with a transport of the test's choosing.
    ConnectionSpec specWith(const QString& mode, const QString& rootCert, const QString& host = {}) const
    {
        ConnectionSpec spec = m_fixture->spec();
        spec.sslMode = mode;
        spec.sslRootCert = rootCert;
        if (!host.isEmpty())
            spec.host = host;
        return spec;
    }

    QString m_ca;
    QString m_wrongCa;
    std::unique_ptr<test::TestDatabase> m_fixture;
};

void TestStoreTls::initTestCase()
{
    QCOMPARE(test::TestDatabase::engineUnderTest(), store::Engine::Postgres);
    m_ca = qEnvironmentVariable("HEARTDESK_PG_TEST_CA");
    m_wrongCa = qEnvironmentVariable("HEARTDESK_PG_TEST_WRONG_CA");
    if (m_ca.isEmpty() || m_wrongCa.isEmpty()) {
        HEART_SKIP_MISSING_TOOL(
            "HEARTDESK_PG_TEST_CA and HEARTDESK_PG_TEST_WRONG_CA are not set: run through "
            "scripts/test, whose PostgreSQL speaks TLS only");
    }
    QVERIFY2(QFileInfo(m_ca).isReadable(), qPrintable(m_ca));
    QVERIFY2(QFileInfo(m_wrongCa).isReadable(), qPrintable(m_wrongCa));
}

void TestStoreTls::init()
{
    m_fixture = std::make_unique<test::TestDatabase>();
    const QString problem = m_fixture->setUpUnopened();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestStoreTls::verifyFullWithTheRightCaConnectsOverTls_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("host");
    QTest::newRow("verify-full, 127.0.0.1 (IP in the certificate)")
        << QStringLiteral("verify-full") << QString();
    QTest::newRow("verify-full, localhost (name in the certificate)")
        << QStringLiteral("verify-full") << QStringLiteral("localhost");
    QTest::newRow("verify-ca") << QStringLiteral("verify-ca") << QString();
    QTest::newRow("require") << QStringLiteral("require") << QString();
}

void TestStoreTls::verifyFullWithTheRightCaConnectsOverTls()
{
    QFETCH(QString, mode);
    QFETCH(QString, host);
    Database db;
    HEARTDESK_VERIFY_OK(db.open(specWith(mode, m_ca, host), m_fixture->password()));
    const SessionSsl session = sessionSsl(db);
    QVERIFY2(session.ssl, "the session is not encrypted");
    QVERIFY2(session.version.startsWith(QLatin1String("TLSv1.")), qPrintable(session.version));
    QVERIFY(db.schemaVersion() > 0); // opened and migrated over it
}

void TestStoreTls::loopbackDefaultGetsTlsToo()
{
    // What every other test does: 127.0.0.1 without sslmode is "prefer".
    const ConnectionSpec spec = m_fixture->spec();
    QVERIFY(spec.sslMode.isEmpty());
    QCOMPARE(spec.effectiveSslMode(), QStringLiteral("prefer"));
    Database db;
    HEARTDESK_VERIFY_OK(db.open(spec, m_fixture->password()));
    QVERIFY(sessionSsl(db).ssl);
}

void TestStoreTls::wrongCaIsRefused_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("verify-full") << QStringLiteral("verify-full");
    QTest::newRow("verify-ca") << QStringLiteral("verify-ca");
}

void TestStoreTls::wrongCaIsRefused()
{
    QFETCH(QString, mode);
    Database db;
    const StoreError error = db.open(specWith(mode, m_wrongCa), m_fixture->password());
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::ConnectionFailed));
    QVERIFY2(error.detail.contains(QStringLiteral("certificate verify failed")), qPrintable(error.detail));
    QVERIFY(!db.isOpen());
}

void TestStoreTls::plaintextClientIsRefusedByTheServer()
{
    // Plaintext on loopback is the program's to allow; this server refuses it.
    const ConnectionSpec spec = specWith(QStringLiteral("disable"), {});
    QVERIFY(!spec.checkBeforeConnecting());
    Database db;
    const StoreError error = db.open(spec, m_fixture->password());
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::ConnectionFailed));
    QVERIFY2(error.detail.contains(QStringLiteral("pg_hba.conf rejects connection")) &&
                 error.detail.contains(QStringLiteral("no encryption")),
             qPrintable(error.detail));
}

void TestStoreTls::plaintextOffLoopbackIsRefusedWithoutConnecting()
{
    const ConnectionSpec server = m_fixture->spec();
    const QString url = QStringLiteral("postgresql://%1@db.center.example:%2/%3?sslmode=disable")
                            .arg(server.user)
                            .arg(server.port)
                            .arg(server.database);
    const auto parsed = ConnectionSpec::parse(url);
    QVERIFY(!parsed.ok());
    QCOMPARE(storeErrorCodeName(parsed.error().code), storeErrorCodeName(StoreErrorCode::PlaintextRefused));
    QVERIFY2(parsed.error().detail.contains(QStringLiteral("plaintext")), qPrintable(parsed.error().detail));

    // Made in code, around the parser: Database::open refuses it the same way,
    // at once (192.0.2.10 is a documentation address nobody answers on).
    QElapsedTimer timer;
    timer.start();
    Database db;
    const StoreError error =
        db.open(specWith(QStringLiteral("disable"), {}, QStringLiteral("192.0.2.10")), m_fixture->password());
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::PlaintextRefused));
    QVERIFY2(timer.elapsed() < 1000, "a connection was attempted");
}

void TestStoreTls::missingCaFileIsNamedBeforeConnecting()
{
    const QString missing = QFileInfo(m_ca).absolutePath() + QStringLiteral("/no-such-ca.crt");
    Database db;
    const StoreError error = db.open(specWith(QStringLiteral("verify-full"), missing), m_fixture->password());
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::InvalidLocation));
    QCOMPARE(error.field, QStringLiteral("sslrootcert"));
    QVERIFY2(error.detail.contains(missing), qPrintable(error.detail));
}

HEART_TEST_GUILESS_MAIN(TestStoreTls)
#include "tst_store_tls.moc"
