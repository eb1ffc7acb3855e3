// ConnectionSpec::parse, the --database location: SQLite file paths, and
// postgresql:// URLs with and without a port; a password in the URL is
// refused (and not echoed), a URL without user, host or database is invalid.
#include "common/StrictTestMain.h"
#include "store/ConnectionSpec.h"

#include <QDir>
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
    QCOMPARE(ConnectionSpec::sqlite(QStringLiteral("/srv/c.sqlite")).describe(),
             QDir::toNativeSeparators(QStringLiteral("/srv/c.sqlite")));
}

HEART_TEST_GUILESS_MAIN(TestStoreConnectionSpec)
#include "tst_store_connection_spec.moc"
