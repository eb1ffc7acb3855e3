// Migrations on both engines: an empty database gets every table and one
// schema_migrations row per migration; opening again changes nothing; a
// database from a newer program (schema_migrations ahead of us) is refused
// with NewerSchema and left exactly as it was. Each migration's own tables and
// constraints are checked as well (units; encounters and safety plans).
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlRecord>
#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const QStringList kTables = {QStringLiteral("schema_migrations"),
                             QStringLiteral("users"),
                             QStringLiteral("user_roles"),
                             QStringLiteral("audit_log"),
                             QStringLiteral("settings"),
                             QStringLiteral("drafts"),
                             QStringLiteral("people"),
                             QStringLiteral("calls"),
                             QStringLiteral("staff"),
                             QStringLiteral("roster_cycles"),
                             QStringLiteral("roster_duties"),
                             QStringLiteral("rule_sets"),
                             QStringLiteral("person_aliases"),
                             QStringLiteral("call_addenda"),
                             QStringLiteral("units"),
                             QStringLiteral("unit_members"),
                             QStringLiteral("unit_status_events"),
                             QStringLiteral("encounters"),
                             QStringLiteral("encounter_entries"),
                             QStringLiteral("encounter_addenda"),
                             QStringLiteral("safety_plans"),
                             QStringLiteral("resources"),
                             QStringLiteral("followup_tasks"),
                             QStringLiteral("followup_attempts"),
                             QStringLiteral("followup_name_words"),
                             QStringLiteral("cad_incidents"),
                             QStringLiteral("cad_outbox"),
                             QStringLiteral("cad_state"),
                             QStringLiteral("audit_checkpoints"),
                             QStringLiteral("rule_set_versions"),
                             QStringLiteral("setting_versions")};

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// What a folder holds: names, sizes, modification times.
QStringList folderState(const QString& folder)
{
    QStringList out;
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& info : entries) {
        out.append(QStringLiteral("%1 %2 %3")
                       .arg(info.fileName())
                       .arg(info.size())
                       .arg(info.lastModified().toMSecsSinceEpoch()));
    }
    return out;
}

QString rowsText(const test::RawResult& result)
{
    QStringList lines;
    for (const QVariantList& row : result.rows) {
        QStringList cells;
        for (const QVariant& v : row)
            cells.append(v.toString());
        lines.append(cells.join(QLatin1Char('|')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { HEARTDESK_FRESH_DATABASE(m_fixture); }
    void cleanup() { m_fixture.reset(); }

    void fromEmptyCreatesEveryTable();
    void recordsEveryMigrationOnce();
    void mutableTablesCarryIdStampsAndVersion();
    void intakeColumnsAreAdded();
    void unitTablesAreAdded();
    void encounterTablesAreAdded();
    void migratingAgainIsANoOp();
    void reopeningIsANoOp();
    void newerSchemaIsRefusedAndLeftAlone();

private:
    std::unique_ptr<TestDatabase> m_fixture;
};

void TestStoreMigrations::fromEmptyCreatesEveryTable()
{
    for (const QString& table : kTables) {
        const test::RawResult found = m_fixture->sql(m_fixture->db().dialect().tableExists(), {table});
        QVERIFY2(found.ok, qPrintable(found.error));
        QVERIFY2(found.rows.size() == 1, qPrintable(table));
        // And it can be read.
        const test::RawResult count = m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        QVERIFY2(count.ok, qPrintable(count.error));
        // A new database is anchored at once: the genesis checkpoint (docs/audit-trail.md).
        const int expected = table == QLatin1String("schema_migrations")   ? Migrations::latestVersion()
                             : table == QLatin1String("audit_checkpoints") ? 1
                                                                           : 0;
        QCOMPARE(count.rows.at(0).at(0).toInt(), expected);
    }
    const test::RawResult missing =
        m_fixture->sql(m_fixture->db().dialect().tableExists(), {QStringLiteral("nope")});
    QVERIFY(missing.ok);
    QVERIFY(missing.rows.isEmpty());
}

void TestStoreMigrations::recordsEveryMigrationOnce()
{
    QVERIFY(Migrations::latestVersion() >= 1);
    QCOMPARE(m_fixture->db().schemaVersion(), Migrations::latestVersion());
    QCOMPARE(Migrations::currentVersion(m_fixture->db()), Migrations::latestVersion());
    const test::RawResult rows = m_fixture->sql(
        QStringLiteral("SELECT version, description, applied_at FROM schema_migrations ORDER BY version"));
    QVERIFY2(rows.ok, qPrintable(rows.error));
    QCOMPARE(rows.rows.size(), qsizetype(Migrations::latestVersion()));
    for (int i = 0; i < rows.rows.size(); ++i) {
        QCOMPARE(rows.rows[i][0].toInt(), i + 1);
        QVERIFY(!rows.rows[i][1].toString().isEmpty());
        const QDateTime applied = QDateTime::fromString(rows.rows[i][2].toString(), Qt::ISODateWithMs);
        QVERIFY2(applied.isValid(), qPrintable(rows.rows[i][2].toString()));
        QCOMPARE(applied.timeSpec(), Qt::UTC);
    }
}

void TestStoreMigrations::mutableTablesCarryIdStampsAndVersion()
{
    // Offline sync and conflict detection depend on these columns.
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("people"), QStringLiteral("calls"),
                                 QStringLiteral("units"), QStringLiteral("encounters"),
                                 QStringLiteral("encounter_entries"), QStringLiteral("safety_plans")}) {
        const QSqlRecord record = m_fixture->db().connection().record(table);
        for (const char* column : {"id", "created_at", "updated_at", "version"})
            QVERIFY2(record.contains(QLatin1String(column)),
                     qPrintable(table + QLatin1Char('.') + QLatin1String(column)));
    }
}

void TestStoreMigrations::intakeColumnsAreAdded()
{
    // Migration 4: intake, triage and decision fields on calls, and person details.
    QVERIFY(Migrations::latestVersion() >= 4);
    const QSqlRecord calls = m_fixture->db().connection().record(QStringLiteral("calls"));
    for (const char* column : {"caller_name",   "caller_phone",  "caller_relationship",
                               "person_name",   "person_age",    "person_description",
                               "address",       "latitude",      "longitude",
                               "beat_source",   "flags",         "language",
                               "interpreter",   "narrative",     "cssrs",
                               "rule_set_id",   "recommended",   "override_reason",
                               "assigned_unit", "counselor_id",  "triaged_at",
                               "decided_at",    "dispatched_at", "closed_at"})
        QVERIFY2(calls.contains(QLatin1String(column)), column);
    const QSqlRecord people = m_fixture->db().connection().record(QStringLiteral("people"));
    for (const char* column : {"date_of_birth", "description"})
        QVERIFY2(people.contains(QLatin1String(column)), column);

    // A row written the version-1 way still goes in, with the new columns empty.
    const test::RawResult inserted = m_fixture->sql(
        QStringLiteral(
            "INSERT INTO calls (id, cad_number, received_at, call_type, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {QStringLiteral("c1"), QStringLiteral("2026-0302-0001"), QStringLiteral("2026-03-02T15:00:00.000Z"),
         QStringLiteral("welfare-check"), QStringLiteral("open"), QStringLiteral("2026-03-02T15:00:00.000Z"),
         QStringLiteral("2026-03-02T15:00:00.000Z")});
    QVERIFY2(inserted.ok, qPrintable(inserted.error));
    const test::RawResult row =
        m_fixture->sql(QStringLiteral("SELECT interpreter, latitude, flags FROM calls WHERE id = ?"),
                       {QStringLiteral("c1")});
    QVERIFY2(row.ok, qPrintable(row.error));
    QCOMPARE(row.rows.at(0).at(0).toInt(), 0);
    QVERIFY(row.rows.at(0).at(1).isNull());
    QVERIFY(row.rows.at(0).at(2).isNull());
}

void TestStoreMigrations::unitTablesAreAdded()
{
    // Migration 5: response units, their members and their status changes.
    QVERIFY(Migrations::latestVersion() >= 5);
    const QSqlRecord units = m_fixture->db().connection().record(QStringLiteral("units"));
    for (const char* column : {"code", "kind", "status", "status_since", "call_id"})
        QVERIFY2(units.contains(QLatin1String(column)), column);
    const QSqlRecord members = m_fixture->db().connection().record(QStringLiteral("unit_members"));
    for (const char* column : {"unit_id", "staff_id"})
        QVERIFY2(members.contains(QLatin1String(column)), column);
    const QSqlRecord events = m_fixture->db().connection().record(QStringLiteral("unit_status_events"));
    for (const char* column : {"id", "unit_id", "call_id", "status", "at_utc", "user_id", "seq"})
        QVERIFY2(events.contains(QLatin1String(column)), column);

    // A unit code is used once.
    const QString insert = QStringLiteral("INSERT INTO units (id, code, kind, status, status_since, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const QString at = QStringLiteral("2026-03-02T15:00:00.000Z");
    const test::RawResult first =
        m_fixture->sql(insert, {QStringLiteral("u1"), QStringLiteral("CRT-1"), QStringLiteral("crt"),
                                QStringLiteral("out_of_service"), at, at, at});
    QVERIFY2(first.ok, qPrintable(first.error));
    const test::RawResult second =
        m_fixture->sql(insert, {QStringLiteral("u2"), QStringLiteral("CRT-1"), QStringLiteral("crt"),
                                QStringLiteral("out_of_service"), at, at, at});
    QVERIFY(!second.ok);
    const test::RawResult row = m_fixture->sql(
        QStringLiteral("SELECT version, call_id FROM units WHERE id = ?"), {QStringLiteral("u1")});
    QVERIFY2(row.ok, qPrintable(row.error));
    QCOMPARE(row.rows.at(0).at(0).toInt(), 1);
    QVERIFY(row.rows.at(0).at(1).isNull());
}

void TestStoreMigrations::encounterTablesAreAdded()
{
    // Migration 6: encounter notes, team entries, signed addenda, safety plans.
    QVERIFY(Migrations::latestVersion() >= 6);
    const QSqlRecord encounters = m_fixture->db().connection().record(QStringLiteral("encounters"));
    for (const char* column : {"call_id",
                               "unit_id",
                               "created_by",
                               "presenting_concern",
                               "cssrs",
                               "assessment",
                               "interventions",
                               "disposition",
                               "destination",
                               "referral_resource_id",
                               "referral_text",
                               "escalation_reason",
                               "felt_safe",
                               "consent_to_follow_up",
                               "preferred_contact",
                               "contact_phone",
                               "narrative",
                               "signed_by",
                               "signed_at",
                               "signature_hash"})
        QVERIFY2(encounters.contains(QLatin1String(column)), column);
    const QSqlRecord entries = m_fixture->db().connection().record(QStringLiteral("encounter_entries"));
    for (const char* column : {"encounter_id", "seq", "author_id", "author_role", "text"})
        QVERIFY2(entries.contains(QLatin1String(column)), column);
    const QSqlRecord addenda = m_fixture->db().connection().record(QStringLiteral("encounter_addenda"));
    for (const char* column :
         {"id", "encounter_id", "seq", "author_id", "author_role", "text", "signed_at", "content_hash"})
        QVERIFY2(addenda.contains(QLatin1String(column)), column);
    const QSqlRecord plans = m_fixture->db().connection().record(QStringLiteral("safety_plans"));
    for (const char* column :
         {"encounter_id", "person_id", "document", "status", "author_id", "finalised_by", "finalised_at"})
        QVERIFY2(plans.contains(QLatin1String(column)), column);

    // One encounter per call and unit, one safety plan per encounter; a new
    // note starts unsigned at version 1.
    const QString at = QStringLiteral("2026-03-02T15:00:00.000Z");
    const auto ok = [this](const QString& sql, const QVariantList& values) {
        const test::RawResult result = m_fixture->sql(sql, values);
        return result.ok;
    };
    QVERIFY(
        ok(QStringLiteral("INSERT INTO calls (id, cad_number, received_at, call_type, status, created_at, "
                          "updated_at) VALUES ('c1', '2026-0302-0001', ?, 'welfare-check', 'open', ?, ?)"),
           {at, at, at}));
    QVERIFY(
        ok(QStringLiteral("INSERT INTO units (id, code, kind, status, status_since, created_at, updated_at) "
                          "VALUES ('u1', 'CRT-1', 'crt', 'out_of_service', ?, ?, ?)"),
           {at, at, at}));
    const QString insertEncounter =
        QStringLiteral("INSERT INTO encounters (id, call_id, unit_id, created_by, created_at, updated_at) "
                       "VALUES (?, 'c1', 'u1', 'x', ?, ?)");
    QVERIFY(ok(insertEncounter, {QStringLiteral("e1"), at, at}));
    QVERIFY(!ok(insertEncounter, {QStringLiteral("e2"), at, at}));
    const test::RawResult row = m_fixture->sql(
        QStringLiteral("SELECT version, signed_at, felt_safe FROM encounters WHERE id = 'e1'"));
    QVERIFY2(row.ok, qPrintable(row.error));
    QCOMPARE(row.rows.at(0).at(0).toInt(), 1);
    QVERIFY(row.rows.at(0).at(1).isNull());
    QVERIFY(row.rows.at(0).at(2).isNull());
    const QString insertPlan = QStringLiteral(
        "INSERT INTO safety_plans (id, encounter_id, document, status, author_id, created_at, updated_at) "
        "VALUES (?, 'e1', '{}', 'draft', 'x', ?, ?)");
    QVERIFY(ok(insertPlan, {QStringLiteral("p1"), at, at}));
    QVERIFY(!ok(insertPlan, {QStringLiteral("p2"), at, at}));
}

void TestStoreMigrations::migratingAgainIsANoOp()
{
    const QString sql =
        QStringLiteral("SELECT version, description, applied_at FROM schema_migrations ORDER BY version");
    const QString before = rowsText(m_fixture->sql(sql));
    HEARTDESK_VERIFY_OK(Migrations::migrate(m_fixture->db()));
    QCOMPARE(rowsText(m_fixture->sql(sql)), before);
    QCOMPARE(m_fixture->db().schemaVersion(), Migrations::latestVersion());
}

void TestStoreMigrations::reopeningIsANoOp()
{
    const QString sql =
        QStringLiteral("SELECT version, description, applied_at FROM schema_migrations ORDER BY version");
    const QString rowsBefore = rowsText(m_fixture->sql(sql));
    QVERIFY(!rowsBefore.isEmpty());
    m_fixture->closePrimary();
    const QByteArray bytesBefore =
        m_fixture->isSqlite() ? fileBytes(m_fixture->spec().sqlitePath) : QByteArray();

    Database again;
    HEARTDESK_VERIFY_OK(again.open(m_fixture->spec(), m_fixture->password()));
    QCOMPARE(again.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(rowsText(TestDatabase::sqlOn(again, sql)), rowsBefore);
    again.close();
    if (m_fixture->isSqlite()) {
        QVERIFY(!bytesBefore.isEmpty());
        QVERIFY(fileBytes(m_fixture->spec().sqlitePath) == bytesBefore);
    }
}

void TestStoreMigrations::newerSchemaIsRefusedAndLeftAlone()
{
    const int newer = Migrations::latestVersion() + 1;
    const test::RawResult inserted = m_fixture->sql(
        QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"),
        {newer, QStringLiteral("from a newer HEART Desk"), QStringLiteral("2027-01-01T00:00:00.000Z")});
    QVERIFY2(inserted.ok, qPrintable(inserted.error));
    const QString sql =
        QStringLiteral("SELECT version, description, applied_at FROM schema_migrations ORDER BY version");
    const QString rowsBefore = rowsText(m_fixture->sql(sql));
    const QString tablesSql = m_fixture->isSqlite()
                                  ? QStringLiteral("SELECT name FROM sqlite_master ORDER BY name")
                                  : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                                   "table_schema = current_schema() ORDER BY table_name");
    const QString tablesBefore = rowsText(m_fixture->sql(tablesSql));

    QByteArray bytesBefore;
    QStringList folderBefore;
    if (m_fixture->isSqlite()) {
        m_fixture->closePrimary(); // a file nobody has open, as a newer program leaves it
        bytesBefore = fileBytes(m_fixture->spec().sqlitePath);
        folderBefore = folderState(m_fixture->folder());
        QVERIFY(!bytesBefore.isEmpty());
    }

    Database refused;
    const StoreError error = refused.open(m_fixture->spec(), m_fixture->password());
    QCOMPARE(error.code, StoreErrorCode::NewerSchema);
    QVERIFY2(error.detail.contains(QString::number(newer)), qPrintable(error.detail));
    QVERIFY(!refused.isOpen());

    if (m_fixture->isSqlite()) {
        QVERIFY(fileBytes(m_fixture->spec().sqlitePath) == bytesBefore);
        QCOMPARE(folderState(m_fixture->folder()), folderBefore); // no -wal/-shm, same mtime
    } else {
        QCOMPARE(rowsText(m_fixture->sql(sql)), rowsBefore);
        QCOMPARE(rowsText(m_fixture->sql(tablesSql)), tablesBefore);
    }
}

HEART_TEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
