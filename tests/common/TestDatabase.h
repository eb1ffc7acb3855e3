#pragma once
// Store test fixture: a fresh, empty, migrated database for each test case on
// the engine named by HEARTDESK_TEST_ENGINE (sqlite: a file in a temporary
// folder; postgresql: a database of its own on the server named by
// HEARTDESK_PG_TEST_URL, dropped afterwards), signed-in actors of any role,
// raw SQL for tamper tests and a second connection for concurrency tests.
#include "core/Clock.h"
#include "core/Role.h"
#include "store/AccountStore.h"
#include "store/Actor.h"
#include "store/ConnectionSpec.h"
#include "store/Database.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>
#include <map>
#include <memory>
#include <optional>

namespace heart::test {

struct RawResult
{
    bool ok = false;
    QString error;
    QList<QVariantList> rows;
    int rowsAffected = -1;
};

class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // The engine under test. An unknown HEARTDESK_TEST_ENGINE, or postgresql
    // without HEARTDESK_PG_TEST_URL / HEARTDESK_DB_PASSWORD, is a fatal
    // configuration error: a store test never silently runs on the wrong engine.
    static store::Engine engineUnderTest();
    static QString engineName();

    // Creates and opens the database. Empty on success, otherwise why not.
    QString setUp();
    // Only creates it: an empty database no program has opened yet (sql(),
    // accounts() and the actors need the primary connection: use openSecond()).
    QString setUpUnopened();

    store::Engine engine() const { return m_spec.engine; }
    bool isSqlite() const { return m_spec.engine == store::Engine::Sqlite; }
    store::Database& db() { return *m_db; }
    const store::ConnectionSpec& spec() const { return m_spec; }
    const QString& password() const { return m_password; }
    // SQLite only: the folder the database file lives in.
    QString folder() const { return m_dir ? m_dir->path() : QString(); }

    // Every store of a test shares this clock; it starts at startTime().
    ManualClock& clock() { return m_clock; }
    static TimePoint startTime();
    store::AccountStore& accounts() { return *m_accounts; }
    static QString workstation() { return QStringLiteral("ws-test-01"); }
    // The password of every user the fixture makes (made of no user ID or name: the policy refuses those).
    static QString userPassword() { return QStringLiteral("harbor-lantern-2026"); }

    // The first administrator (login "admin"), made on first use.
    store::Actor administrator();
    // A signed-in user holding just this role (login "t_<role code>"), made
    // on first use and then reused: two password hashes per role and test.
    store::Actor actorFor(Role role);
    // A new user with these roles, signed in with the first of them.
    store::Actor newActor(const QString& login, const QList<Role>& roles);

    // Runs SQL on the primary connection, outside any store class.
    RawResult sql(const QString& statement, const QVariantList& values = {});
    // The same on any store connection (a second one, a reopened one).
    static RawResult sqlOn(store::Database& db, const QString& statement, const QVariantList& values = {});
    // Every "table.column" of the schema whose text contains `needle`
    // (case-insensitive): for "this never reaches the database" checks.
    QStringList columnsContaining(const QString& needle);
    // Audit rows with this action (and this user, unless null).
    int auditCount(const QString& action, const QString& userId = QString());

    // A second store connection to the same database (another workstation).
    std::unique_ptr<store::Database> openSecond(store::StoreError* error = nullptr);
    // Closes the primary connection (reopen tests); sql() needs it open.
    void closePrimary();

private:
    QString createPostgresDatabase();
    void dropPostgresDatabase();

    store::ConnectionSpec m_spec;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_adminConnection; // PostgreSQL: the server's maintenance database
    QString m_databaseName;
    ManualClock m_clock;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::AccountStore> m_accounts;
    std::optional<store::Actor> m_admin;
    std::map<Role, store::Actor> m_actors;
};

} // namespace heart::test

// In a test's init(): a fresh database in `fixture` (a std::unique_ptr<TestDatabase>), or the test fails.
#define HEARTDESK_FRESH_DATABASE(fixture)                                                                    \
    do {                                                                                                     \
        (fixture) = std::make_unique<heart::test::TestDatabase>();                                           \
        const QString fixtureProblem_ = (fixture)->setUp();                                                  \
        QVERIFY2(fixtureProblem_.isEmpty(), qPrintable(fixtureProblem_));                                    \
    } while (false)

// Fails the test with the store's code and detail unless `expr` (a StoreError) is none.
#define HEARTDESK_VERIFY_OK(expr)                                                                            \
    do {                                                                                                     \
        const heart::store::StoreError storeError_ = (expr);                                                 \
        QVERIFY2(!storeError_, qPrintable(heart::store::storeErrorCodeName(storeError_.code) +               \
                                          QStringLiteral(": ") + storeError_.detail));                       \
    } while (false)

// Fails the test unless a StoreResult holds a value. `result` is evaluated
// once, so a call that writes may be passed directly.
#define HEARTDESK_VERIFY_RESULT(result)                                                                      \
    do {                                                                                                     \
        const auto& storeResult_ = (result);                                                                 \
        QVERIFY2(storeResult_.ok(), qPrintable(heart::store::storeErrorCodeName(storeResult_.error().code) + \
                                               QStringLiteral(": ") + storeResult_.error().detail));         \
    } while (false)
