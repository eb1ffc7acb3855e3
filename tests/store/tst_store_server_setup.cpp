// PostgreSQL only: least privilege (store::ServerSetup, heartdesk-cli
// setup-server). In databases of its own and with role names of its own
// (dropped afterwards), as the server's superuser:
//   - setup makes a schema owner and an application role, migrates as the
//     owner (every table is the owner's) and stores SCRAM verifiers;
//   - the application role opens the current schema without a single DDL
//     statement (an event trigger would refuse it), works through the store
//     (accounts, sign-in, a van's audit segment received) and its audit rows
//     are written and verify;
//   - the server refuses it UPDATE, DELETE and TRUNCATE on audit_log and on
//     device_audit_log, UPDATE and DELETE on change_journal, CREATE TABLE,
//     temporary tables, a schema and ALTER TABLE;
//   - a schema older than the program is refused to it with SchemaNeedsOwner,
//     before anything is written;
//   - setup again is idempotent and takes back what was granted meanwhile; a
//     database migrated before by another login becomes the owner's.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"
#include "store/Migrations.h"
#include "store/ServerSetup.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace heart;
using store::ConnectionSpec;
using store::Database;
using store::ServerSetup;
using store::StoreErrorCode;

namespace {

const QString kOwnerPassword = QStringLiteral("Own3r-pw-5e7b1c");
const QString kAppPassword = QStringLiteral("App-pw-77d02f4a");

// A plain connection of the test's own, as any role, to any database.
class Raw
{
public:
    Raw(const ConnectionSpec& spec, const QString& user, const QString& password,
        const QString& database = {})
    {
        static int counter = 0;
        m_name = QStringLiteral("setup-test-raw-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setUserName(user);
        db.setPassword(password);
        db.setDatabaseName(database.isEmpty() ? spec.database : database);
        if (!db.open())
            m_error = db.lastError().text();
        else
            exec(QStringLiteral("SET client_min_messages TO WARNING"));
    }
    ~Raw()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    bool exec(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (query.exec(sql)) {
            m_error.clear();
            return true;
        }
        m_error = query.lastError().text();
        return false;
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            m_error = query.lastError().text();
            return {};
        }
        return query.value(0);
    }

private:
    QString m_name;
    QString m_error;
};

} // namespace

class TestServerSetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void setupMakesTheRolesAndMigratesAsTheOwner();
    void appRoleOpensWithoutDdlAndWorks();
    void serverRefusesTheAppRoleHistoryRewritesAndDdl();
    void olderSchemaIsRefusedToTheAppRole();
    void setupAgainIsIdempotentAndTakesBackGrants();
    void setupTakesOverADatabaseMigratedBefore();
    void refusals();

private:
    ConnectionSpec appSpec() const
    {
        ConnectionSpec spec = m_db->spec();
        spec.user = m_roles.app;
        return spec;
    }
    store::ServerSetupRequest request(const QString& appPassword = kAppPassword) const
    {
        return {m_roles, kOwnerPassword, appPassword};
    }
    // The superuser on the test database.
    std::unique_ptr<Raw> admin(const QString& database = {}) const
    {
        return std::make_unique<Raw>(m_db->spec(), m_db->spec().user, m_db->password(), database);
    }

    store::ServerRoles m_roles;
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<test::TestDatabase> m_older;
    std::unique_ptr<test::TestDatabase> m_before;
    ManualClock m_clock{test::TestDatabase::startTime()};
};

void TestServerSetup::initTestCase()
{
    QCOMPARE(test::TestDatabase::engineUnderTest(), store::Engine::Postgres);
    const QString suffix =
        QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    m_roles.owner = QStringLiteral("hd_t_owner_") + suffix;
    m_roles.app = QStringLiteral("hd_t_app_") + suffix;
    m_db = std::make_unique<test::TestDatabase>();
    const QString problem = m_db->setUpUnopened();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestServerSetup::cleanupTestCase()
{
    // Databases first (the roles are granted things in them), then the roles.
    m_db.reset();
    m_older.reset();
    m_before.reset();
    const ConnectionSpec server =
        ConnectionSpec::parse(qEnvironmentVariable("HEARTDESK_PG_TEST_URL")).value();
    Raw admin(server, server.user, qEnvironmentVariable("HEARTDESK_DB_PASSWORD"));
    QVERIFY2(admin.isOpen(), qPrintable(admin.error()));
    for (const QString& role : {m_roles.app, m_roles.owner})
        QVERIFY2(admin.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)), qPrintable(admin.error()));
}

void TestServerSetup::setupMakesTheRolesAndMigratesAsTheOwner()
{
    ServerSetup setup(m_db->spec());
    HEARTDESK_VERIFY_OK(setup.connect(m_db->password()));
    auto report = setup.run(request());
    HEARTDESK_VERIFY_RESULT(report);
    QVERIFY(report.value().ownerCreated);
    QVERIFY(report.value().appCreated);
    QCOMPARE(report.value().schemaBefore, 0);
    QCOMPARE(report.value().schemaAfter, store::Migrations::latestVersion());

    auto su = admin();
    QVERIFY2(su->isOpen(), qPrintable(su->error()));
    QCOMPARE(su->scalar(QStringLiteral(
                            "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'"))
                 .toString(),
             m_roles.owner);
    QVERIFY(
        su->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")).toInt() >=
        20);
    QCOMPARE(
        su->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner "
                                  "<> '%1'")
                       .arg(m_roles.owner))
            .toInt(),
        0);
    // Verifiers, made by the program: the passwords never reached the server.
    for (const QString& role : {m_roles.owner, m_roles.app}) {
        const QString stored =
            su->scalar(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = '%1'").arg(role))
                .toString();
        QVERIFY2(stored.startsWith(QLatin1String("SCRAM-SHA-256$4096:")), qPrintable(role));
    }
    QCOMPARE(su->scalar(QStringLiteral("SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls FROM "
                                       "pg_roles WHERE rolname = '%1'")
                            .arg(m_roles.app))
                 .toBool(),
             false);
}

void TestServerSetup::appRoleOpensWithoutDdlAndWorks()
{
    // Any DDL the application role sends fails the open, even a CREATE ...
    // IF NOT EXISTS that would change nothing.
    auto su = admin();
    QVERIFY(su->exec(QStringLiteral("CREATE SCHEMA test_guard")));
    QVERIFY2(su->exec(QStringLiteral(
                          "CREATE FUNCTION test_guard.no_ddl() RETURNS event_trigger LANGUAGE plpgsql AS "
                          "$$ BEGIN IF session_user = '%1' THEN RAISE EXCEPTION 'DDL by the application "
                          "role: %', tg_tag; END IF; END $$")
                          .arg(m_roles.app)),
             qPrintable(su->error()));
    QVERIFY2(su->exec(QStringLiteral("CREATE EVENT TRIGGER test_no_ddl ON ddl_command_start EXECUTE FUNCTION "
                                     "test_guard.no_ddl()")),
             qPrintable(su->error()));
    {
        Database db;
        HEARTDESK_VERIFY_OK(db.open(appSpec(), kAppPassword));
        QCOMPARE(db.schemaVersion(), store::Migrations::latestVersion());

        store::AccountStore accounts(db, m_clock);
        const QString ws = test::TestDatabase::workstation();
        auto first = accounts.createFirstAdministrator(
            {QStringLiteral("admin"), QStringLiteral("Ada Admin"), {Role::Administrator}, kOwnerPassword},
            ws);
        HEARTDESK_VERIFY_RESULT(first);
        HEARTDESK_VERIFY_RESULT(accounts.addUser(
            first.value(),
            {QStringLiteral("casey"), QStringLiteral("Casey"), {Role::CallCounselor}, kAppPassword}));
        auto casey = accounts.signIn(QStringLiteral("casey"), kAppPassword, ws);
        HEARTDESK_VERIFY_RESULT(casey);

        // A van's audit rows, received as the application role: stored and anchored.
        std::vector<AuditEntry> van(2);
        std::string prev = kAuditGenesisHash;
        for (std::size_t i = 0; i < van.size(); ++i) {
            van[i] = AuditEntry{static_cast<std::int64_t>(i + 1),
                                "2026-03-02T10:00:00.000Z",
                                "u-lead",
                                "crt_lead",
                                "van-ws",
                                "update",
                                "encounter",
                                "enc-1",
                                prev,
                                {}};
            van[i].hash = auditHash(van[i]);
            prev = van[i].hash;
        }
        store::AuditSegments segments(db, m_clock);
        auto received = segments.receive(QStringLiteral("van-crt-1"), van);
        HEARTDESK_VERIFY_RESULT(received);
        QCOMPARE(received.value().stored, qint64(2));
        auto devices = segments.verify();
        HEARTDESK_VERIFY_RESULT(devices);
        QCOMPARE(devices.value().size(), std::size_t(1));
        QVERIFY(devices.value().front().intact());

        store::AuditTrail audit(db, m_clock);
        auto verified = audit.verify();
        HEARTDESK_VERIFY_RESULT(verified);
        QVERIFY(verified.value().rowsChecked >= 4);
        QVERIFY(!verified.value().firstBreak);
    }
    QVERIFY(su->scalar(QStringLiteral("SELECT COUNT(*) FROM change_journal")).toInt() >= 2);
    QVERIFY(su->exec(QStringLiteral("DROP EVENT TRIGGER test_no_ddl")));
    QVERIFY(su->exec(QStringLiteral("DROP SCHEMA test_guard CASCADE")));
}

void TestServerSetup::serverRefusesTheAppRoleHistoryRewritesAndDdl()
{
    Raw app(m_db->spec(), m_roles.app, kAppPassword);
    QVERIFY2(app.isOpen(), qPrintable(app.error()));
    QVERIFY(app.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt() >= 3);
    // What it may do: the control that the refusals below are about rights.
    QVERIFY2(app.exec(QStringLiteral("UPDATE users SET display_name = display_name WHERE login = 'casey'")),
             qPrintable(app.error()));

    struct Refused
    {
        QString sql;
        QString because;
    };
    const QList<Refused> refused = {
        {QStringLiteral("UPDATE audit_log SET action = 'edited' WHERE seq = 1"),
         QStringLiteral("permission denied for table audit_log")},
        {QStringLiteral("DELETE FROM audit_log WHERE seq = 1"),
         QStringLiteral("permission denied for table audit_log")},
        {QStringLiteral("TRUNCATE audit_log"), QStringLiteral("permission denied for table audit_log")},
        {QStringLiteral("UPDATE device_audit_log SET action = 'edited' WHERE seq = 1"),
         QStringLiteral("permission denied for table device_audit_log")},
        {QStringLiteral("DELETE FROM device_audit_log"),
         QStringLiteral("permission denied for table device_audit_log")},
        {QStringLiteral("TRUNCATE device_audit_log"),
         QStringLiteral("permission denied for table device_audit_log")},
        {QStringLiteral("UPDATE change_journal SET action = 'edited'"),
         QStringLiteral("permission denied for table change_journal")},
        {QStringLiteral("DELETE FROM change_journal"),
         QStringLiteral("permission denied for table change_journal")},
        {QStringLiteral("TRUNCATE change_journal"),
         QStringLiteral("permission denied for table change_journal")},
        {QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'x', 'x')"),
         QStringLiteral("permission denied for table schema_migrations")},
        {QStringLiteral("CREATE TABLE public.smuggled (id INTEGER)"),
         QStringLiteral("permission denied for schema public")},
        {QStringLiteral("CREATE TABLE smuggled (id INTEGER)"),
         QStringLiteral("permission denied for schema public")},
        {QStringLiteral("CREATE TEMPORARY TABLE smuggled (id INTEGER)"),
         QStringLiteral("permission denied to create temporary tables")},
        {QStringLiteral("CREATE SCHEMA smuggled"), QStringLiteral("permission denied for database")},
        {QStringLiteral("ALTER TABLE calls ADD COLUMN smuggled INTEGER"),
         QStringLiteral("must be owner of table calls")},
        {QStringLiteral("DROP TABLE audit_log"), QStringLiteral("must be owner of table audit_log")},
    };
    for (const Refused& r : refused) {
        QVERIFY2(!app.exec(r.sql), qPrintable(QStringLiteral("the server allowed: ") + r.sql));
        QVERIFY2(app.error().contains(r.because), qPrintable(r.sql + QStringLiteral(" -> ") + app.error()));
    }
    // Adding to the trail is what it may do there.
    QVERIFY(app.scalar(QStringLiteral("SELECT has_table_privilege(current_user, 'audit_log', 'INSERT')"))
                .toBool());
    QVERIFY(app.scalar(QStringLiteral("SELECT has_table_privilege(current_user, 'change_journal', 'INSERT')"))
                .toBool());
    QVERIFY(app.scalar(QStringLiteral("SELECT COUNT(*) FROM device_audit_log")).toInt() >= 2);
    QVERIFY(
        app.scalar(QStringLiteral("SELECT has_table_privilege(current_user, 'device_audit_log', 'INSERT')"))
            .toBool());
}

void TestServerSetup::olderSchemaIsRefusedToTheAppRole()
{
    m_older = std::make_unique<test::TestDatabase>();
    const QString problem = m_older->setUpUnopened();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    ConnectionSpec spec = m_older->spec();
    spec.user = m_roles.app;

    // An empty database: the application role may not make the schema.
    {
        Database db;
        const store::StoreError error = db.open(spec, kAppPassword);
        QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::SchemaNeedsOwner));
        QVERIFY2(error.detail.contains(m_roles.app), qPrintable(error.detail));
        QVERIFY2(error.detail.contains(QStringLiteral("schema version 0")), qPrintable(error.detail));
    }
    // A schema an older program made, which the application role does not
    // own, even where it was (wrongly) given CREATE on the schema.
    auto su = admin(m_older->spec().database);
    QVERIFY(su->exec(
        QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT "
                       "NOT NULL, applied_at TEXT NOT NULL)")));
    QVERIFY(
        su->exec(QStringLiteral("INSERT INTO schema_migrations VALUES (1, 'old', '2024-01-01T00:00:00Z')")));
    QVERIFY(su->exec(QStringLiteral("GRANT SELECT ON schema_migrations TO %1").arg(m_roles.app)));
    QVERIFY(su->exec(QStringLiteral("GRANT CREATE ON SCHEMA public TO %1").arg(m_roles.app)));
    {
        Database db;
        const store::StoreError error = db.open(spec, kAppPassword);
        QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::SchemaNeedsOwner));
        QVERIFY2(error.detail.contains(QStringLiteral("schema version 1")), qPrintable(error.detail));
    }
    // Nothing was written.
    QCOMPARE(su->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")).toInt(),
             1);
    QCOMPARE(su->scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), 1);
}

void TestServerSetup::setupAgainIsIdempotentAndTakesBackGrants()
{
    auto su = admin();
    // What someone granted by hand meanwhile.
    QVERIFY(su->exec(QStringLiteral("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO %1").arg(m_roles.app)));
    QVERIFY(su->exec(
        QStringLiteral("GRANT UPDATE, DELETE, TRUNCATE ON device_audit_log TO %1").arg(m_roles.app)));
    QVERIFY(su->exec(QStringLiteral("GRANT CREATE ON SCHEMA public TO %1").arg(m_roles.app)));
    QVERIFY(su->exec(QStringLiteral("GRANT %1 TO %2").arg(m_roles.owner, m_roles.app)));
    const int auditRows = su->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();

    for (int round = 0; round < 2; ++round) {
        ServerSetup setup(m_db->spec());
        HEARTDESK_VERIFY_OK(setup.connect(m_db->password()));
        auto report = setup.run(request(QString())); // the application role keeps its password
        HEARTDESK_VERIFY_RESULT(report);
        QVERIFY(!report.value().ownerCreated);
        QVERIFY(!report.value().appCreated);
        QVERIFY(!report.value().appPasswordSet);
        QCOMPARE(report.value().schemaBefore, store::Migrations::latestVersion());
        QCOMPARE(report.value().schemaAfter, store::Migrations::latestVersion());
        QCOMPARE(report.value().tablesReassigned, 0);
    }
    const QString app = m_roles.app;
    for (const QString& privilege :
         {QStringLiteral("UPDATE"), QStringLiteral("DELETE"), QStringLiteral("TRUNCATE")}) {
        QCOMPARE(
            su->scalar(
                  QStringLiteral("SELECT has_table_privilege('%1', 'audit_log', '%2')").arg(app, privilege))
                .toBool(),
            false);
        QCOMPARE(su->scalar(QStringLiteral("SELECT has_table_privilege('%1', 'device_audit_log', '%2')")
                                .arg(app, privilege))
                     .toBool(),
                 false);
    }
    QCOMPARE(
        su->scalar(QStringLiteral("SELECT has_schema_privilege('%1', 'public', 'CREATE')").arg(app)).toBool(),
        false);
    QCOMPARE(su->scalar(QStringLiteral("SELECT pg_has_role('%1', '%2', 'MEMBER')").arg(app, m_roles.owner))
                 .toBool(),
             false);
    QCOMPARE(su->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), auditRows);
    // The kept password still signs the application role in.
    Database db;
    HEARTDESK_VERIFY_OK(db.open(appSpec(), kAppPassword));
}

void TestServerSetup::setupTakesOverADatabaseMigratedBefore()
{
    // A database migrated by the superuser, as before this command existed.
    m_before = std::make_unique<test::TestDatabase>();
    const QString problem = m_before->setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_before->administrator();
    m_before->closePrimary();

    ServerSetup setup(m_before->spec());
    HEARTDESK_VERIFY_OK(setup.connect(m_before->password()));
    auto report = setup.run(request(QString()));
    HEARTDESK_VERIFY_RESULT(report);
    QCOMPARE(report.value().schemaBefore, store::Migrations::latestVersion());
    QVERIFY(report.value().tablesReassigned >= 20);

    auto su = admin(m_before->spec().database);
    QCOMPARE(
        su->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner "
                                  "<> '%1'")
                       .arg(m_roles.owner))
            .toInt(),
        0);
    ConnectionSpec spec = m_before->spec();
    spec.user = m_roles.app;
    Database db;
    HEARTDESK_VERIFY_OK(db.open(spec, kAppPassword));
    store::AccountStore accounts(db, m_clock);
    HEARTDESK_VERIFY_RESULT(accounts.signIn(QStringLiteral("admin"), test::TestDatabase::userPassword(),
                                            test::TestDatabase::workstation()));
}

void TestServerSetup::refusals()
{
    // The application role is no administrator.
    {
        ServerSetup setup(appSpec());
        const store::StoreError error = setup.connect(kAppPassword);
        QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::PermissionDenied));
        QVERIFY2(error.detail.contains(m_roles.app), qPrintable(error.detail));
    }
    ServerSetup setup(m_db->spec());
    HEARTDESK_VERIFY_OK(setup.connect(m_db->password()));
    auto sameNames = setup.run({{m_roles.owner, m_roles.owner}, kOwnerPassword, {}});
    QCOMPARE(storeErrorCodeName(sameNames.error().code), storeErrorCodeName(StoreErrorCode::InvalidInput));
    auto badName = setup.run({{QStringLiteral("Owner; DROP"), m_roles.app}, kOwnerPassword, {}});
    QCOMPARE(storeErrorCodeName(badName.error().code), storeErrorCodeName(StoreErrorCode::InvalidInput));
    QCOMPARE(badName.error().field, QStringLiteral("owner-role"));
    auto noOwnerPassword = setup.run({m_roles, {}, {}});
    QCOMPARE(storeErrorCodeName(noOwnerPassword.error().code),
             storeErrorCodeName(StoreErrorCode::RequiredMissing));
    auto asAdmin = setup.run({{m_roles.owner, m_db->spec().user}, kOwnerPassword, {}});
    QCOMPARE(storeErrorCodeName(asAdmin.error().code), storeErrorCodeName(StoreErrorCode::InvalidInput));
    // SQLite has no roles.
    ServerSetup onFile(ConnectionSpec::sqlite(QStringLiteral("/tmp/never.sqlite")));
    QCOMPARE(storeErrorCodeName(onFile.connect({}).code),
             storeErrorCodeName(StoreErrorCode::InvalidLocation));
    // The verifier of RFC 7677's example ("pencil", its salt, 4096 rounds), computed
    // independently with Python's hashlib.pbkdf2_hmac and hmac.
    QCOMPARE(ServerSetup::scramVerifier(QStringLiteral("pencil"),
                                        QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==")),
             QStringLiteral(
                 "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
                 "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="));
}

HEART_TEST_GUILESS_MAIN(TestServerSetup)
#include "tst_store_server_setup.moc"
