// ConnectionSpec::parse, the --database location: SQLite file paths, and
// postgresql:// URLs with and without a port; a password in the URL is
// refused (and not echoed), a URL without user, host or database is invalid.
// Transport security: sslmode and sslrootcert, the verify-full default off
// loopback, plaintext off loopback refused before any connection is tried.
#include "common/StrictTestMain.h"
#include "store/ConnectionSpec.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace heart::store;

Q_DECLARE_METATYPE(heart::store::Engine)
Q_DECLARE_METATYPE(heart::store::StoreErrorCode)

class TestStoreConnectionSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqlitePaths_data();
    void sqlitePaths();
    void postgresUrls_data();
    void postgresUrls();
    void refused_data();
    void refused();
    void describeNamesNoPassword();
    void transport_data();
    void transport();
    void transportRefused_data();
    void transportRefused();
    void caFileMustExist();
    void plaintextOffLoopbackNeverConnects();
};

void TestStoreConnectionSpec::sqlitePaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    const QString cwd = QDir::currentPath();
    QTest::newRow("absolute") << QStringLiteral("/var/lib/heartdesk/center.sqlite")
                              << QStringLiteral("/var/lib/heartdesk/center.sqlite");
    QTest::newRow("relative") << QStringLiteral("data/center.sqlite")
                              << cwd + QStringLiteral("/data/center.sqlite");
    QTest::newRow("dots cleaned") << QStringLiteral("/srv/a/../b/./c.sqlite")
                                  << QStringLiteral("/srv/b/c.sqlite");
    QTest::newRow("sqlite:// prefix")
        << QStringLiteral("sqlite:///srv/c.sqlite") << QStringLiteral("/srv/c.sqlite");
    QTest::newRow("spaces trimmed") << QStringLiteral("  /srv/c.sqlite \n")
                                    << QStringLiteral("/srv/c.sqlite");
    QTest::newRow("spaces inside kept")
        << QStringLiteral("/srv/My Center/c.sqlite") << QStringLiteral("/srv/My Center/c.sqlite");
}

void TestStoreConnectionSpec::sqlitePaths()
{
    QFETCH(QString, text);
    QFETCH(QString, path);
    const auto spec = ConnectionSpec::parse(text);
    QVERIFY2(spec.ok(), qPrintable(spec.error().detail));
    QCOMPARE(spec.value().engine, Engine::Sqlite);
    QCOMPARE(spec.value().sqlitePath, path);
}

void TestStoreConnectionSpec::postgresUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::newRow("with port") << QStringLiteral("postgresql://heartdesk@db.center.local:5433/heart")
                               << QStringLiteral("heartdesk") << QStringLiteral("db.center.local") << 5433
                               << QStringLiteral("heart");
    QTest::newRow("default port") << QStringLiteral("postgresql://heartdesk@10.0.0.5/heart")
                                  << QStringLiteral("heartdesk") << QStringLiteral("10.0.0.5") << 5432
                                  << QStringLiteral("heart");
    QTest::newRow("postgres:// scheme")
        << QStringLiteral("postgres://ops@127.0.0.1:25432/postgres") << QStringLiteral("ops")
        << QStringLiteral("127.0.0.1") << 25432 << QStringLiteral("postgres");
    QTest::newRow("IPv6 host") << QStringLiteral("postgresql://ops@[::1]:6543/heart") << QStringLiteral("ops")
                               << QStringLiteral("::1") << 6543 << QStringLiteral("heart");
}

void TestStoreConnectionSpec::postgresUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    const auto spec = ConnectionSpec::parse(text);
    QVERIFY2(spec.ok(), qPrintable(spec.error().detail));
    QCOMPARE(spec.value().engine, Engine::Postgres);
    QCOMPARE(spec.value().user, user);
    QCOMPARE(spec.value().host, host);
    QCOMPARE(spec.value().port, port);
    QCOMPARE(spec.value().database, database);
    QVERIFY(spec.value().sqlitePath.isEmpty());
}

void TestStoreConnectionSpec::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<StoreErrorCode>("code");
    QTest::addColumn<QString>("field");
    using C = StoreErrorCode;
    QTest::newRow("password") << QStringLiteral("postgresql://heartdesk:s3cret-Pw@db/heart")
                              << C::PasswordInLocation << QString();
    QTest::newRow("password, port") << QStringLiteral("postgresql://heartdesk:s3cret-Pw@db:5433/heart")
                                    << C::PasswordInLocation << QString();
    QTest::newRow("no user") << QStringLiteral("postgresql://db.center.local:5432/heart")
                             << C::InvalidLocation << QStringLiteral("user");
    QTest::newRow("no database") << QStringLiteral("postgresql://heartdesk@db:5432") << C::InvalidLocation
                                 << QStringLiteral("database");
    QTest::newRow("no database, slash") << QStringLiteral("postgresql://heartdesk@db:5432/")
                                        << C::InvalidLocation << QStringLiteral("database");
    QTest::newRow("nested path") << QStringLiteral("postgresql://heartdesk@db/heart/extra")
                                 << C::InvalidLocation << QStringLiteral("database");
    QTest::newRow("no host") << QStringLiteral("postgresql://heartdesk@/heart") << C::InvalidLocation
                             << QStringLiteral("host");
    QTest::newRow("empty") << QString() << C::InvalidLocation << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << C::InvalidLocation << QString();
    QTest::newRow("bad port") << QStringLiteral("postgresql://heartdesk@db:port/heart") << C::InvalidLocation
                              << QString();
}

void TestStoreConnectionSpec::refused()
{
    QFETCH(QString, text);
    QFETCH(StoreErrorCode, code);
    QFETCH(QString, field);
    const auto spec = ConnectionSpec::parse(text);
    QVERIFY(!spec.ok());
    QCOMPARE(storeErrorCodeName(spec.error().code), storeErrorCodeName(code));
    if (!field.isEmpty())
        QCOMPARE(spec.error().field, field);
    QVERIFY2(!spec.error().detail.contains(QLatin1String("s3cret")), qPrintable(spec.error().detail));
}

void TestStoreConnectionSpec::describeNamesNoPassword()
{
    const auto spec = ConnectionSpec::parse(QStringLiteral("postgresql://heartdesk@db:5433/heart"));
    QVERIFY(spec.ok());
    QCOMPARE(spec.value().describe(), QStringLiteral("heartdesk@db:5433/heart"));
    const auto verified =
        ConnectionSpec::parse(QStringLiteral("postgresql://heartdesk@db:5433/heart?sslmode=verify-full"));
    QVERIFY(verified.ok());
    QCOMPARE(verified.value().describe(), QStringLiteral("heartdesk@db:5433/heart (sslmode=verify-full)"));
    QCOMPARE(ConnectionSpec::sqlite(QStringLiteral("/srv/c.sqlite")).describe(),
             QDir::toNativeSeparators(QStringLiteral("/srv/c.sqlite")));
}

void TestStoreConnectionSpec::transport_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("effectiveMode");
    QTest::addColumn<QString>("rootCert");
    QTest::addColumn<QString>("options");
    QTest::newRow("loopback default: prefer")
        << QStringLiteral("postgresql://u@127.0.0.1:35432/heart") << QStringLiteral("prefer") << QString()
        << QStringLiteral("sslmode=prefer");
    QTest::newRow("localhost default: prefer")
        << QStringLiteral("postgresql://u@localhost/heart") << QStringLiteral("prefer") << QString()
        << QStringLiteral("sslmode=prefer");
    QTest::newRow("::1 default: prefer")
        << QStringLiteral("postgresql://u@[::1]/heart") << QStringLiteral("prefer") << QString()
        << QStringLiteral("sslmode=prefer");
    QTest::newRow("127.0.0.2 is loopback too")
        << QStringLiteral("postgresql://u@127.0.0.2/heart") << QStringLiteral("prefer") << QString()
        << QStringLiteral("sslmode=prefer");
    QTest::newRow("remote default: verify-full")
        << QStringLiteral("postgresql://u@db.center.local/heart") << QStringLiteral("verify-full")
        << QString() << QStringLiteral("sslmode=verify-full");
    QTest::newRow("remote IP default: verify-full")
        << QStringLiteral("postgresql://u@10.0.0.5/heart") << QStringLiteral("verify-full") << QString()
        << QStringLiteral("sslmode=verify-full");
    QTest::newRow("127.0.0.1.example.org is not loopback")
        << QStringLiteral("postgresql://u@127.0.0.1.example.org/heart") << QStringLiteral("verify-full")
        << QString() << QStringLiteral("sslmode=verify-full");
    QTest::newRow("require") << QStringLiteral("postgresql://u@db/heart?sslmode=require")
                             << QStringLiteral("require") << QString() << QStringLiteral("sslmode=require");
    QTest::newRow("verify-ca with a CA file")
        << QStringLiteral("postgresql://u@db/heart?sslmode=verify-ca&sslrootcert=/etc/heartdesk/ca.crt")
        << QStringLiteral("verify-ca") << QStringLiteral("/etc/heartdesk/ca.crt")
        << QStringLiteral("sslmode=verify-ca;sslrootcert='/etc/heartdesk/ca.crt'");
    QTest::newRow("encoded path with a blank and a quote")
        << QStringLiteral("postgresql://u@db/heart?sslrootcert=/srv/My%20CA/o%27k.crt")
        << QStringLiteral("verify-full") << QStringLiteral("/srv/My CA/o'k.crt")
        << QStringLiteral("sslmode=verify-full;sslrootcert='/srv/My CA/o\\'k.crt'");
    QTest::newRow("relative CA path made absolute")
        << QStringLiteral("postgresql://u@db/heart?sslrootcert=tls/ca.crt") << QStringLiteral("verify-full")
        << QDir::current().absoluteFilePath(QStringLiteral("tls/ca.crt"))
        << QStringLiteral("sslmode=verify-full;sslrootcert='%1'")
               .arg(QDir::current().absoluteFilePath(QStringLiteral("tls/ca.crt")));
    QTest::newRow("disable on loopback is allowed")
        << QStringLiteral("postgresql://u@127.0.0.1/heart?sslmode=disable") << QStringLiteral("disable")
        << QString() << QStringLiteral("sslmode=disable");
}

void TestStoreConnectionSpec::transport()
{
    QFETCH(QString, text);
    QFETCH(QString, effectiveMode);
    QFETCH(QString, rootCert);
    QFETCH(QString, options);
    const auto spec = ConnectionSpec::parse(text);
    QVERIFY2(spec.ok(), qPrintable(spec.error().detail));
    QCOMPARE(spec.value().effectiveSslMode(), effectiveMode);
    QCOMPARE(spec.value().sslRootCert, rootCert);
    QCOMPARE(spec.value().tlsConnectOptions(), options);
    QCOMPARE(spec.value().database, QStringLiteral("heart"));
    // What reaches QPSQL: the fixed options, then the transport's.
    const SqlDialect dialect(Engine::Postgres);
    QVERIFY(dialect.connectOptions(false, spec.value()).endsWith(QLatin1Char(';') + options));
    QVERIFY(ConnectionSpec::sqlite(QStringLiteral("/srv/c.sqlite")).tlsConnectOptions().isEmpty());
}

void TestStoreConnectionSpec::transportRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<StoreErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("named"); // what the message must name
    using C = StoreErrorCode;
    QTest::newRow("plaintext to a remote host")
        << QStringLiteral("postgresql://u@db.center.local/heart?sslmode=disable") << C::PlaintextRefused
        << QStringLiteral("sslmode") << QStringLiteral("plaintext");
    QTest::newRow("plaintext to a remote IP")
        << QStringLiteral("postgresql://u@10.0.0.5:5432/heart?sslmode=disable") << C::PlaintextRefused
        << QStringLiteral("sslmode") << QStringLiteral("10.0.0.5");
    QTest::newRow("unknown sslmode") << QStringLiteral("postgresql://u@db/heart?sslmode=verify_full")
                                     << C::InvalidLocation << QStringLiteral("sslmode")
                                     << QStringLiteral("'verify_full'");
    QTest::newRow("prefer is not offered")
        << QStringLiteral("postgresql://u@db/heart?sslmode=prefer") << C::InvalidLocation
        << QStringLiteral("sslmode") << QStringLiteral("'prefer'");
    QTest::newRow("unknown parameter")
        << QStringLiteral("postgresql://u@db/heart?sslcert=/x.crt") << C::InvalidLocation
        << QStringLiteral("sslcert") << QStringLiteral("'sslcert'");
    QTest::newRow("misspelt parameter")
        << QStringLiteral("postgresql://u@db/heart?ssl_mode=require") << C::InvalidLocation
        << QStringLiteral("ssl_mode") << QStringLiteral("'ssl_mode'");
    QTest::newRow("empty CA path") << QStringLiteral("postgresql://u@db/heart?sslrootcert=")
                                   << C::InvalidLocation << QStringLiteral("sslrootcert")
                                   << QStringLiteral("sslrootcert");
    QTest::newRow("CA path with ;") << QStringLiteral("postgresql://u@db/heart?sslrootcert=/a%3Bb.crt")
                                    << C::InvalidLocation << QStringLiteral("sslrootcert")
                                    << QStringLiteral("sslrootcert");
}

void TestStoreConnectionSpec::transportRefused()
{
    QFETCH(QString, text);
    QFETCH(StoreErrorCode, code);
    QFETCH(QString, field);
    QFETCH(QString, named);
    const auto spec = ConnectionSpec::parse(text);
    QVERIFY(!spec.ok());
    QCOMPARE(storeErrorCodeName(spec.error().code), storeErrorCodeName(code));
    QCOMPARE(spec.error().field, field);
    QVERIFY2(spec.error().detail.contains(named), qPrintable(spec.error().detail));
}

void TestStoreConnectionSpec::caFileMustExist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ca = dir.filePath(QStringLiteral("center-ca.crt"));
    const QString url = QStringLiteral("postgresql://u@db.center.local/heart?sslmode=%1&sslrootcert=") + ca;
    for (const QString& mode : {QStringLiteral("verify-ca"), QStringLiteral("verify-full")}) {
        const auto spec = ConnectionSpec::parse(url.arg(mode));
        QVERIFY2(spec.ok(), qPrintable(spec.error().detail));
        const StoreError missing = spec.value().checkBeforeConnecting();
        QCOMPARE(storeErrorCodeName(missing.code), storeErrorCodeName(StoreErrorCode::InvalidLocation));
        QCOMPARE(missing.field, QStringLiteral("sslrootcert"));
        QVERIFY2(missing.detail.contains(ca), qPrintable(missing.detail));
        QVERIFY2(missing.detail.contains(QStringLiteral("does not exist")), qPrintable(missing.detail));
    }
    // require does not verify, so it needs no file.
    const auto require = ConnectionSpec::parse(url.arg(QStringLiteral("require")));
    QVERIFY(require.ok());
    QVERIFY(!require.value().checkBeforeConnecting());

    QFile file(ca);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN CERTIFICATE-----\n");
    file.close();
    QVERIFY(!ConnectionSpec::parse(url.arg(QStringLiteral("verify-full"))).value().checkBeforeConnecting());

    // No sslrootcert: libpq's own default file, named the same way.
    const QString fallback = dir.filePath(QStringLiteral("nowhere/root.crt"));
    const QByteArray saved = qgetenv("PGSSLROOTCERT");
    qputenv("PGSSLROOTCERT", fallback.toLocal8Bit());
    const auto remote = ConnectionSpec::parse(QStringLiteral("postgresql://u@db.center.local/heart"));
    QVERIFY(remote.ok());
    const StoreError noDefault = remote.value().checkBeforeConnecting();
    if (saved.isEmpty())
        qunsetenv("PGSSLROOTCERT");
    else
        qputenv("PGSSLROOTCERT", saved);
    QCOMPARE(noDefault.field, QStringLiteral("sslrootcert"));
    QVERIFY2(noDefault.detail.contains(fallback), qPrintable(noDefault.detail));
    // Loopback with prefer checks nothing.
    QVERIFY(!ConnectionSpec::parse(QStringLiteral("postgresql://u@127.0.0.1/heart"))
                 .value()
                 .checkBeforeConnecting());
}

void TestStoreConnectionSpec::plaintextOffLoopbackNeverConnects()
{
    // A spec made in code, not parsed: Database::open still refuses it, and
    // before any connection is tried (192.0.2.1 is a documentation address
    // nobody answers on: a connection attempt would wait for its timeout).
    ConnectionSpec spec;
    spec.engine = Engine::Postgres;
    spec.host = QStringLiteral("192.0.2.1");
    spec.user = QStringLiteral("heartdesk");
    spec.database = QStringLiteral("heart");
    spec.sslMode = QStringLiteral("disable");
    QElapsedTimer timer;
    timer.start();
    Database db;
    const StoreError error = db.open(spec, QStringLiteral("pw"));
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::PlaintextRefused));
    QVERIFY2(error.detail.contains(QStringLiteral("plaintext")), qPrintable(error.detail));
    QVERIFY(!db.isOpen());
    QVERIFY2(timer.elapsed() < 1000, "a connection was attempted");
    // The same on loopback is the user's choice (a server on this computer).
    spec.host = QStringLiteral("127.0.0.1");
    QVERIFY(!spec.checkBeforeConnecting());
}

HEART_TEST_GUILESS_MAIN(TestStoreConnectionSpec)
#include "tst_store_connection_spec.moc"
