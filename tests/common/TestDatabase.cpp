#include "common/TestDatabase.h"

#include "store/CoreText.h"
#include "store/StoreError.h"

#include <QAtomicInt>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtGlobal>
#include <cstdio>

namespace heart::test {
namespace {

QString requiredEnvironment(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty()) {
        qFatal("HEARTDESK_TEST_ENGINE=postgresql but %s is not set: start a throwaway server (scripts/test "
               "does) and export %s; the PostgreSQL store tests never skip",
               name, name);
    }
    return value;
}

QString nextAdminConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("heartdesk-test-admin-%1").arg(counter.fetchAndAddRelaxed(1));
}

RawResult run(QSqlDatabase connection, const QString& statement, const QVariantList& values)
{
    RawResult result;
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    // Without values, run the text as it is: PostgreSQL cannot prepare
    // statements such as CREATE DATABASE.
    bool executed = false;
    if (values.isEmpty()) {
        executed = query.exec(statement);
    } else if (query.prepare(statement)) {
        for (const QVariant& value : values)
            query.addBindValue(value);
        executed = query.exec();
    }
    if (!executed) {
        result.error = query.lastError().text();
        return result;
    }
    result.ok = true;
    result.rowsAffected = query.numRowsAffected();
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        result.rows.append(row);
    }
    return result;
}

} // namespace

TestDatabase::TestDatabase() : m_clock(startTime()) {}

TestDatabase::~TestDatabase()
{
    m_accounts.reset();
    if (m_db)
        m_db->close();
    m_db.reset();
    if (!m_adminConnection.isEmpty())
        dropPostgresDatabase();
}

TimePoint TestDatabase::startTime()
{
    // 2026-03-02T15:00:00Z, a Monday afternoon in Durham.
    return TimePoint{std::chrono::seconds{1772463600}};
}

store::Engine TestDatabase::engineUnderTest()
{
    const QString name = qEnvironmentVariable("HEARTDESK_TEST_ENGINE", QStringLiteral("sqlite"));
    if (name == QLatin1String("sqlite"))
        return store::Engine::Sqlite;
    if (name == QLatin1String("postgresql"))
        return store::Engine::Postgres;
    qFatal("HEARTDESK_TEST_ENGINE must be sqlite or postgresql, not '%s'", qPrintable(name));
}

QString TestDatabase::engineName()
{
    return engineUnderTest() == store::Engine::Sqlite ? QStringLiteral("sqlite")
                                                      : QStringLiteral("postgresql");
}

QString TestDatabase::setUp()
{
    if (QString problem = setUpUnopened(); !problem.isEmpty())
        return problem;
    m_db = std::make_unique<store::Database>();
    if (const store::StoreError error = m_db->open(m_spec, m_password)) {
        return QStringLiteral("opening the test database failed: %1 %2")
            .arg(store::storeErrorCodeName(error.code), error.detail);
    }
    m_accounts = std::make_unique<store::AccountStore>(*m_db, m_clock);
    return {};
}

QString TestDatabase::setUpUnopened()
{
    if (engineUnderTest() == store::Engine::Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return QStringLiteral("no temporary folder: %1").arg(m_dir->errorString());
        m_spec = store::ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("heartdesk.sqlite")));
    } else {
        if (QString problem = createPostgresDatabase(); !problem.isEmpty())
            return problem;
    }
    return {};
}

QString TestDatabase::createPostgresDatabase()
{
    const QString url = requiredEnvironment("HEARTDESK_PG_TEST_URL");
    m_password = requiredEnvironment("HEARTDESK_DB_PASSWORD");
    auto parsed = store::ConnectionSpec::parse(url);
    if (!parsed.ok() || parsed.value().engine != store::Engine::Postgres)
        return QStringLiteral("HEARTDESK_PG_TEST_URL is not a postgresql:// URL: %1").arg(url);
    m_spec = parsed.value();

    m_adminConnection = nextAdminConnectionName();
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminConnection);
    admin.setHostName(m_spec.host);
    admin.setPort(m_spec.port);
    admin.setUserName(m_spec.user);
    admin.setPassword(m_password);
    admin.setDatabaseName(m_spec.database);
    if (!admin.open())
        return QStringLiteral("cannot connect to %1: %2").arg(m_spec.describe(), admin.lastError().text());

    // Unique across parallel test processes (ctest -j).
    const quint64 random = QRandomGenerator::system()->generate64();
    m_databaseName = QStringLiteral("heartdesk_t_%1").arg(random, 16, 16, QLatin1Char('0'));
    const RawResult created = run(admin, QStringLiteral("CREATE DATABASE %1").arg(m_databaseName), {});
    if (!created.ok) {
        m_databaseName.clear();
        return QStringLiteral("CREATE DATABASE failed: %1").arg(created.error);
    }
    m_spec.database = m_databaseName;
    return {};
}

void TestDatabase::dropPostgresDatabase()
{
    {
        QSqlDatabase admin = QSqlDatabase::database(m_adminConnection, false);
        // By hand (a benchmark's filled database, to read its plans): kept.
        if (!m_databaseName.isEmpty() && qEnvironmentVariableIsSet("HEARTDESK_TEST_KEEP_DATABASE")) {
            std::fprintf(stderr, "HEARTDESK_TEST_KEEP_DATABASE: kept the database %s\n",
                         qPrintable(m_databaseName));
        } else if (!m_databaseName.isEmpty()) {
            const QString drop =
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName);
            RawResult dropped = run(admin, drop, {});
            if (!dropped.ok) {
                // The server may have restarted since (tests/load): connect again, once.
                admin.close();
                if (admin.open())
                    dropped = run(admin, drop, {});
            }
            if (!dropped.ok)
                qWarning("could not drop the test database %s: %s", qPrintable(m_databaseName),
                         qPrintable(dropped.error));
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(m_adminConnection);
    m_adminConnection.clear();
}

store::Actor TestDatabase::administrator()
{
    if (!m_admin) {
        auto created = m_accounts->createFirstAdministrator({QStringLiteral("admin"),
                                                             QStringLiteral("Fixture Administrator"),
                                                             {Role::Administrator},
                                                             userPassword()},
                                                            workstation());
        if (!created.ok()) {
            qFatal("the fixture could not create the first administrator: %s",
                   qPrintable(created.error().detail));
        }
        m_admin.emplace(created.value());
    }
    return *m_admin;
}

store::Actor TestDatabase::newActor(const QString& login, const QList<Role>& roles)
{
    const store::Actor admin = administrator();
    auto added =
        m_accounts->addUser(admin, {login, QStringLiteral("Fixture ") + login, roles, userPassword()});
    if (!added.ok())
        qFatal("the fixture could not add user %s: %s", qPrintable(login), qPrintable(added.error().detail));
    auto signedIn = m_accounts->signIn(login, userPassword(), workstation());
    if (!signedIn.ok())
        qFatal("the fixture could not sign in %s: %s", qPrintable(login),
               qPrintable(signedIn.error().detail));
    return signedIn.value();
}

store::Actor TestDatabase::actorFor(Role role)
{
    if (role == Role::Administrator)
        return administrator();
    auto found = m_actors.find(role);
    if (found == m_actors.end())
        found =
            m_actors.emplace(role, newActor(QStringLiteral("t_") + store::toQString(roleCode(role)), {role}))
                .first;
    return found->second;
}

RawResult TestDatabase::sql(const QString& statement, const QVariantList& values)
{
    if (!m_db || !m_db->isOpen()) {
        RawResult closed;
        closed.error = QStringLiteral("the primary connection is closed");
        return closed;
    }
    return run(m_db->connection(), statement, values);
}

QStringList TestDatabase::columnsContaining(const QString& needle)
{
    static const QStringList kTables = {QStringLiteral("users"),     QStringLiteral("user_roles"),
                                        QStringLiteral("audit_log"), QStringLiteral("settings"),
                                        QStringLiteral("drafts"),    QStringLiteral("people"),
                                        QStringLiteral("calls"),     QStringLiteral("schema_migrations")};
    QStringList hits;
    for (const QString& table : kTables) {
        QSqlQuery query(m_db->connection());
        if (!query.exec(QStringLiteral("SELECT * FROM ") + table)) {
            hits.append(table + QStringLiteral(" (unreadable: ") + query.lastError().text() +
                        QLatin1Char(')'));
            continue;
        }
        while (query.next()) {
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i) {
                const QString column = table + QLatin1Char('.') + record.fieldName(i);
                if (query.value(i).toString().contains(needle, Qt::CaseInsensitive) && !hits.contains(column))
                    hits.append(column);
            }
        }
    }
    return hits;
}

int TestDatabase::auditCount(const QString& action, const QString& userId)
{
    const RawResult result =
        userId.isNull()
            ? sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {action})
            : sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND user_id = ?"),
                  {action, userId});
    return result.ok && !result.rows.isEmpty() ? result.rows.at(0).at(0).toInt() : -1;
}

RawResult TestDatabase::sqlOn(store::Database& db, const QString& statement, const QVariantList& values)
{
    return run(db.connection(), statement, values);
}

std::unique_ptr<store::Database> TestDatabase::openSecond(store::StoreError* error)
{
    auto second = std::make_unique<store::Database>();
    const store::StoreError opened = second->open(m_spec, m_password);
    if (error)
        *error = opened;
    if (opened)
        return nullptr;
    return second;
}

void TestDatabase::closePrimary()
{
    if (m_db)
        m_db->close();
}

} // namespace heart::test
