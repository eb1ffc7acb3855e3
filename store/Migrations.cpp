#include "store/Migrations.h"

#include "core/Clock.h"
#include "store/Database.h"
#include "store/EncryptedVfs.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QVariant>
#include <algorithm>
#include <vector>

namespace heart::store {

// Migration 15's statements (store/FollowUpNameKeys.cpp).
std::vector<const char*> followUpNameKeys();
// Migration 20's statements (store/FollowUpNameWords.cpp).
std::vector<const char*> followUpNameWords();

namespace {

struct Migration
{
    int version;
    const char* description;
    std::vector<const char*> statements; // ${...} placeholders expanded by the dialect
};

// Append only: a released migration is never edited. Every mutable record
// carries a time-ordered UUID, UTC created/updated stamps and a version for
// optimistic concurrency (and later offline sync).
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1,
         "accounts, audit trail, settings, drafts, people, calls",
         {
             "CREATE TABLE users ("
             " id TEXT PRIMARY KEY,"
             " login TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL,"
             " password_hash TEXT NOT NULL,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " failed_attempts INTEGER NOT NULL DEFAULT 0,"
             " locked_until TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE TABLE user_roles ("
             " user_id TEXT NOT NULL REFERENCES users(id),"
             " role TEXT NOT NULL,"
             " PRIMARY KEY (user_id, role))",
             "CREATE TABLE audit_log ("
             " seq ${BIGINT} PRIMARY KEY,"
             " at_utc TEXT NOT NULL,"
             " user_id TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " workstation TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " prev_hash TEXT NOT NULL,"
             " hash TEXT NOT NULL)",
             "CREATE TABLE settings ("
             " key TEXT PRIMARY KEY,"
             " value TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE TABLE drafts ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users(id),"
             " form TEXT NOT NULL,"
             " content TEXT NOT NULL,"
             " saved_at TEXT NOT NULL,"
             " UNIQUE (user_id, form))",
             "CREATE TABLE people ("
             " id TEXT PRIMARY KEY,"
             " given_name TEXT,"
             " family_name TEXT,"
             " approximate_age INTEGER,"
             " language TEXT,"
             " phone TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE TABLE calls ("
             " id TEXT PRIMARY KEY,"
             " cad_number TEXT NOT NULL UNIQUE,"
             " received_at TEXT NOT NULL,"
             " call_type TEXT NOT NULL,"
             " beat TEXT,"
             " program TEXT,"
             " disposition TEXT,"
             " status TEXT NOT NULL,"
             " risk_level TEXT,"
             " person_id TEXT REFERENCES people(id),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE INDEX calls_received_at ON calls (received_at)",
             "CREATE INDEX calls_status ON calls (status, received_at)",
             "CREATE INDEX calls_person ON calls (person_id)",
         }},
        {2,
         "responders and their shift rotation",
         {
             "CREATE TABLE staff ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT REFERENCES users(id),"
             " display_name TEXT NOT NULL,"
             " responder_role TEXT NOT NULL,"
             " shift_code TEXT NOT NULL,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE TABLE roster_cycles ("
             " id TEXT PRIMARY KEY,"
             " start_date TEXT NOT NULL,"
             " weeks INTEGER NOT NULL,"
             " teams_per_shift INTEGER NOT NULL,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE TABLE roster_duties ("
             " cycle_id TEXT NOT NULL REFERENCES roster_cycles(id),"
             " staff_id TEXT NOT NULL REFERENCES staff(id),"
             " day_index INTEGER NOT NULL,"
             " kind TEXT NOT NULL,"
             " shift_code TEXT,"
             " admin_minutes INTEGER,"
             " PRIMARY KEY (cycle_id, staff_id, day_index))",
             "CREATE INDEX roster_cycles_start ON roster_cycles (start_date)",
         }},
        {3,
         "routing rule sets",
         {
             // The JSON document as imported (validated by the core loader);
             // key and date are copied out so two rule sets cannot share a day.
             "CREATE TABLE rule_sets ("
             " id TEXT PRIMARY KEY,"
             " rule_set_key TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " effective_from TEXT NOT NULL UNIQUE,"
             " document TEXT NOT NULL,"
             " source_name TEXT NOT NULL,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
         }},
        {4,
         "call intake, triage and person records",
         {
             // One column per ALTER TABLE: SQLite adds no more at a time. All
             // nullable or defaulted, so rows written before keep their meaning.
             "ALTER TABLE people ADD COLUMN date_of_birth TEXT",
             "ALTER TABLE people ADD COLUMN description TEXT",
             "CREATE TABLE person_aliases ("
             " person_id TEXT NOT NULL REFERENCES people(id),"
             " alias TEXT NOT NULL,"
             " PRIMARY KEY (person_id, alias))",
             "ALTER TABLE calls ADD COLUMN caller_name TEXT",
             "ALTER TABLE calls ADD COLUMN caller_phone TEXT",
             "ALTER TABLE calls ADD COLUMN caller_relationship TEXT",
             "ALTER TABLE calls ADD COLUMN person_name TEXT",
             "ALTER TABLE calls ADD COLUMN person_age INTEGER",
             "ALTER TABLE calls ADD COLUMN person_description TEXT",
             "ALTER TABLE calls ADD COLUMN address TEXT",
             "ALTER TABLE calls ADD COLUMN latitude ${REAL}",
             "ALTER TABLE calls ADD COLUMN longitude ${REAL}",
             "ALTER TABLE calls ADD COLUMN beat_source TEXT",
             "ALTER TABLE calls ADD COLUMN flags TEXT", // ';'-joined codes
             "ALTER TABLE calls ADD COLUMN language TEXT",
             "ALTER TABLE calls ADD COLUMN interpreter INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE calls ADD COLUMN narrative TEXT",
             "ALTER TABLE calls ADD COLUMN cssrs TEXT",
             "ALTER TABLE calls ADD COLUMN rule_set_id TEXT",
             "ALTER TABLE calls ADD COLUMN recommended TEXT", // ';'-joined program codes, in order
             "ALTER TABLE calls ADD COLUMN override_reason TEXT",
             "ALTER TABLE calls ADD COLUMN assigned_unit TEXT",
             "ALTER TABLE calls ADD COLUMN counselor_id TEXT",
             "ALTER TABLE calls ADD COLUMN triaged_at TEXT",
             "ALTER TABLE calls ADD COLUMN decided_at TEXT",
             "ALTER TABLE calls ADD COLUMN dispatched_at TEXT",
             "ALTER TABLE calls ADD COLUMN closed_at TEXT",
             // Notes added to a call after it was closed (a closed call is read-only).
             "CREATE TABLE call_addenda ("
             " id TEXT PRIMARY KEY,"
             " call_id TEXT NOT NULL REFERENCES calls(id),"
             " author_id TEXT NOT NULL,"
             " written_at TEXT NOT NULL,"
             " text TEXT NOT NULL)",
             "CREATE INDEX call_addenda_call ON call_addenda (call_id, written_at)",
         }},
        {5,
         "response units and their status",
         {
             "CREATE TABLE units ("
             " id TEXT PRIMARY KEY,"
             " code TEXT NOT NULL UNIQUE,"
             " kind TEXT NOT NULL,"
             " status TEXT NOT NULL,"
             " status_since TEXT NOT NULL,"
             " call_id TEXT REFERENCES calls(id),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             // Who is on the unit this shift.
             "CREATE TABLE unit_members ("
             " unit_id TEXT NOT NULL REFERENCES units(id),"
             " staff_id TEXT NOT NULL REFERENCES staff(id),"
             " PRIMARY KEY (unit_id, staff_id))",
             // Every status change, with the call the unit was on. seq is the
             // unit's version after the change: it orders two changes stamped
             // with the same millisecond, and two writers cannot both add one.
             "CREATE TABLE unit_status_events ("
             " id TEXT PRIMARY KEY,"
             " unit_id TEXT NOT NULL REFERENCES units(id),"
             " call_id TEXT REFERENCES calls(id),"
             " status TEXT NOT NULL,"
             " at_utc TEXT NOT NULL,"
             " user_id TEXT NOT NULL,"
             " seq INTEGER NOT NULL,"
             " UNIQUE (unit_id, seq))",
             "CREATE INDEX unit_status_events_unit_call ON unit_status_events (unit_id, call_id)",
         }},
        {6,
         "encounter notes, entries, signed addenda and safety plans",
         {
             // One note per unit and call; the fields of core's EncounterNote
             // (codes as text, yes/no as 0/1, NULL when not given). Signed:
             // signed_by, signed_at and the SHA-256 of the signed content; the
             // store refuses every change afterwards.
             "CREATE TABLE encounters ("
             " id TEXT PRIMARY KEY,"
             " call_id TEXT NOT NULL REFERENCES calls(id),"
             " unit_id TEXT NOT NULL REFERENCES units(id),"
             " created_by TEXT NOT NULL,"
             " presenting_concern TEXT,"
             " cssrs TEXT,"
             " assessment TEXT,"
             " interventions TEXT,"
             " disposition TEXT,"
             " destination TEXT,"
             " referral_resource_id TEXT,"
             " referral_text TEXT,"
             " escalation_reason TEXT,"
             " felt_safe INTEGER,"
             " consent_to_follow_up INTEGER,"
             " preferred_contact TEXT,"
             " contact_phone TEXT,"
             " narrative TEXT,"
             " signed_by TEXT,"
             " signed_at TEXT,"
             " signature_hash TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1,"
             " UNIQUE (call_id, unit_id))",
             "CREATE INDEX encounters_call ON encounters (call_id)",
             // Each team member's own entries. seq is the encounter's version
             // after the entry was added: the order, even within a millisecond.
             "CREATE TABLE encounter_entries ("
             " id TEXT PRIMARY KEY,"
             " encounter_id TEXT NOT NULL REFERENCES encounters(id),"
             " seq INTEGER NOT NULL,"
             " author_id TEXT NOT NULL,"
             " author_role TEXT NOT NULL,"
             " text TEXT NOT NULL,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1,"
             " UNIQUE (encounter_id, seq))",
             // Corrections to a signed note, each signed and hashed when written; never changed.
             "CREATE TABLE encounter_addenda ("
             " id TEXT PRIMARY KEY,"
             " encounter_id TEXT NOT NULL REFERENCES encounters(id),"
             " seq INTEGER NOT NULL,"
             " author_id TEXT NOT NULL,"
             " author_role TEXT NOT NULL,"
             " text TEXT NOT NULL,"
             " signed_at TEXT NOT NULL,"
             " content_hash TEXT NOT NULL,"
             " UNIQUE (encounter_id, seq))",
             // The Stanley-Brown plan written at the encounter, as core's JSON,
             // kept with the person too (the call's person when saved).
             "CREATE TABLE safety_plans ("
             " id TEXT PRIMARY KEY,"
             " encounter_id TEXT NOT NULL UNIQUE REFERENCES encounters(id),"
             " person_id TEXT REFERENCES people(id),"
             " document TEXT NOT NULL,"
             " status TEXT NOT NULL,"
             " author_id TEXT NOT NULL,"
             " finalised_by TEXT,"
             " finalised_at TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE INDEX safety_plans_person ON safety_plans (person_id, updated_at)",
         }},
        {7,
         "resource directory",
         {
             // Community services that referrals point to. name_key is the
             // name folded for search (lower case, accents removed) so both
             // engines search it alike; languages are ';'-joined ISO 639 codes
             // with ';' at both ends (";en;es;") so LIKE '%;es;%' finds one.
             // A service is deactivated, never deleted: old referrals keep it.
             "CREATE TABLE resources ("
             " id TEXT PRIMARY KEY,"
             " name TEXT NOT NULL,"
             " name_key TEXT NOT NULL,"
             " kind TEXT NOT NULL,"
             " phone TEXT,"
             " address TEXT,"
             " hours TEXT,"
             " languages TEXT NOT NULL DEFAULT ';',"
             " walk_ins INTEGER NOT NULL DEFAULT 0,"
             " notes TEXT,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE INDEX resources_name ON resources (active, name_key)",
             "CREATE INDEX resources_kind ON resources (kind, active, name_key)",
         }},
        {8,
         "care navigation follow-up tasks and attempts",
         {
             // One task per source: "encounter:<id>" for a follow-up after a
             // CRT / Co-Response contact with consent, "call:<id>" for a CCD
             // check-in after a diverted call. Times are UTC text (they sort).
             // risk_rank orders the queue (3 high, 2 moderate, 1 low, 0 none
             // or not screened); state is "open" or "closed"; attempts counts
             // the unsuccessful ones, max_attempts is the limit in force for
             // this task (the program setting when created, raised when a
             // navigator extends it).
             "CREATE TABLE followup_tasks ("
             " id TEXT PRIMARY KEY,"
             " source_key TEXT NOT NULL UNIQUE,"
             " kind TEXT NOT NULL,"
             " program TEXT NOT NULL,"
             " call_id TEXT NOT NULL REFERENCES calls(id),"
             " encounter_id TEXT REFERENCES encounters(id),"
             " person_id TEXT REFERENCES people(id),"
             " risk TEXT,"
             " risk_rank INTEGER NOT NULL DEFAULT 0,"
             " preferred_contact TEXT,"
             " contact_phone TEXT,"
             " contact_at TEXT NOT NULL,"
             " due_at TEXT NOT NULL,"
             " assigned_to TEXT REFERENCES users(id),"
             " assigned_at TEXT,"
             " state TEXT NOT NULL,"
             " attempts INTEGER NOT NULL DEFAULT 0,"
             " max_attempts INTEGER NOT NULL,"
             " outcome TEXT,"
             " outcome_resource_id TEXT REFERENCES resources(id),"
             " outcome_text TEXT,"
             " closed_at TEXT,"
             " closed_by TEXT,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             // The queue's orders and filters, so 100,000 tasks page in SQL.
             "CREATE INDEX followup_tasks_queue ON followup_tasks (state, risk_rank, due_at)",
             "CREATE INDEX followup_tasks_due ON followup_tasks (state, due_at)",
             "CREATE INDEX followup_tasks_assignee ON followup_tasks (assigned_to, state, due_at)",
             "CREATE INDEX followup_tasks_program ON followup_tasks (program, state, due_at)",
             "CREATE INDEX followup_tasks_person ON followup_tasks (person_id)",
             // Every attempt to reach the person; seq is the task's version
             // after the attempt (the order, even within a millisecond).
             "CREATE TABLE followup_attempts ("
             " id TEXT PRIMARY KEY,"
             " task_id TEXT NOT NULL REFERENCES followup_tasks(id),"
             " seq INTEGER NOT NULL,"
             " user_id TEXT NOT NULL,"
             " channel TEXT NOT NULL,"
             " result TEXT NOT NULL,"
             " note TEXT,"
             " at_utc TEXT NOT NULL,"
             " UNIQUE (task_id, seq))",
         }},
        {9,
         "the follow-up queue's priority order as one index",
         {
             // The queue's default order is risk DESC then due ASC then id:
             // followup_tasks_queue (state, risk_rank, due_at), all ascending,
             // cannot give mixed directions nor the id, so every page sorted
             // the open tasks (25 ms at 100,000 tasks on SQLite; 1-2 ms with
             // this). state DESC lists open before closed.
             "CREATE INDEX followup_tasks_priority ON followup_tasks (state DESC, risk_rank DESC, due_at, "
             "id)",
         }},
        {10,
         "where to meet a person who asked for in-person follow-up; the navigator's note on an outcome",
         {
             "ALTER TABLE encounters ADD COLUMN contact_place TEXT",
             "ALTER TABLE followup_tasks ADD COLUMN outcome_note TEXT",
         }},
        {11,
         "generated CAD numbers handed out, one counter per prefix",
         {
             // Moved on in the transaction that hands a number out, so two
             // workstations pressing Ctrl+N together get different numbers,
             // and a number held only by a draft is never handed out again.
             "CREATE TABLE cad_sequences ("
             " prefix TEXT PRIMARY KEY,"
             " last_value INTEGER NOT NULL,"
             " updated_at TEXT NOT NULL)",
         }},
        {12,
         "change journal: one row per changed record, numbered in commit order",
         {
             // Written in the transaction of the change (store/UnitOfWork);
             // seq is numbered under the write lock, so it is gapless and in
             // commit order (store/ChangeJournal.h). Names the record, never
             // its contents.
             "CREATE TABLE change_journal ("
             " seq ${BIGINT} PRIMARY KEY,"
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " version INTEGER NOT NULL,"
             " action TEXT NOT NULL,"
             " user_id TEXT NOT NULL,"
             " workstation TEXT NOT NULL,"
             " changed_at TEXT NOT NULL)",
             "CREATE INDEX change_journal_record ON change_journal (record_type, record_id, seq)",
         }},
        {13,
         "device audit segments: each van laptop's own audit chain, as received by the center",
         {
             // The rows of a device's audit_log, verbatim (its own seq and
             // hashes), appended in seq order by store/AuditSegments; the
             // center's audit_log anchors each new head (docs/architecture.md,
             // "One audit trail, several writers"). received_at is the
             // center's time of receipt, outside the hash.
             "CREATE TABLE device_audit_log ("
             " device_id TEXT NOT NULL,"
             " seq ${BIGINT} NOT NULL,"
             " at_utc TEXT NOT NULL,"
             " user_id TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " workstation TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " prev_hash TEXT NOT NULL,"
             " hash TEXT NOT NULL,"
             " received_at TEXT NOT NULL,"
             " PRIMARY KEY (device_id, seq))",
         }},
        {14,
         "offline sync between a van laptop and the center",
         {
             // The laptop's side (store/sync/SyncEngine.h): who it is, how far
             // it has pushed its own journal and pulled the center's, and for
             // every synced record the version and row both sides last agreed
             // on (the base of a three-way merge). Keys: device_id, unit_id,
             // device_name, pushed_seq, pulled_seq, last_sync_at, last_error.
             "CREATE TABLE sync_state ("
             " key TEXT PRIMARY KEY,"
             " value TEXT NOT NULL)",
             "CREATE TABLE sync_base ("
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " version INTEGER NOT NULL,"
             " row_json TEXT NOT NULL,"
             " PRIMARY KEY (record_type, record_id))",
             // When the crew accounts were last confirmed by the center: the
             // laptop refuses a sign-in whose confirmation is too old.
             "CREATE TABLE sync_credentials ("
             " user_id TEXT PRIMARY KEY REFERENCES users(id),"
             " confirmed_at TEXT NOT NULL)",
             // Both sides: a version that could not be merged, kept whole
             // beside the one that stands, until someone chooses.
             "CREATE TABLE sync_conflicts ("
             " id TEXT PRIMARY KEY,"
             " device_id TEXT NOT NULL,"
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " reason TEXT NOT NULL,"
             " mine_json TEXT NOT NULL,"
             " theirs_json TEXT NOT NULL,"
             " detected_at TEXT NOT NULL,"
             " resolved_at TEXT,"
             " resolved_by TEXT,"
             " resolution TEXT)",
             "CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, record_type, record_id)",
             // The center's side: every laptop, how far its journal has been
             // applied (a batch sent twice is applied once), and the last row
             // it sent for each record (the merge base after a lost answer).
             "CREATE TABLE sync_devices ("
             " device_id TEXT PRIMARY KEY,"
             " unit_id TEXT NOT NULL,"
             " name TEXT NOT NULL,"
             " pushed_seq ${BIGINT} NOT NULL DEFAULT 0,"
             " last_seen_at TEXT NOT NULL)",
             "CREATE TABLE sync_device_records ("
             " device_id TEXT NOT NULL,"
             " record_type TEXT NOT NULL,"
             " record_id TEXT NOT NULL,"
             " version INTEGER NOT NULL,"
             " row_json TEXT NOT NULL,"
             " PRIMARY KEY (device_id, record_type, record_id))",
         }},
        {15, "the follow-up queue sorted and searched by name: folded name keys on the task",
         followUpNameKeys()},
        {16,
         "calls from the 911 CAD: incidents, the updates owed to the CAD",
         {
             // One row per CAD incident (store/cad/CadStore.h): the call it
             // became, the latest CAD values, and the CAD values the call was
             // last based on (the difference is shown to the counselor, never
             // written over what they typed).
             "CREATE TABLE cad_incidents ("
             " incident_id TEXT PRIMARY KEY,"
             " call_id TEXT NOT NULL UNIQUE REFERENCES calls(id),"
             " cad_number TEXT NOT NULL,"
             " cad_updated_at TEXT NOT NULL,"
             " snapshot_json TEXT NOT NULL,"
             " baseline_json TEXT NOT NULL,"
             " taken_by TEXT,"
             " taken_at TEXT,"
             " sent_json TEXT NOT NULL DEFAULT '',"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             // The EIDO updates owed to the CAD, in the order they are sent;
             // kept until the CAD acknowledges them.
             "CREATE TABLE cad_outbox ("
             " seq ${BIGINT} PRIMARY KEY,"
             " message_id TEXT NOT NULL UNIQUE,"
             " incident_id TEXT NOT NULL,"
             " body TEXT NOT NULL,"
             " created_at TEXT NOT NULL,"
             " delivered_at TEXT,"
             " attempts INTEGER NOT NULL DEFAULT 0)",
             "CREATE INDEX cad_outbox_pending ON cad_outbox (delivered_at, seq)",
             // The link's own progress: outbound_seq = the last journal row turned into updates.
             "CREATE TABLE cad_state ("
             " key TEXT PRIMARY KEY,"
             " value TEXT NOT NULL)",
         }},
        {17,
         "audit checkpoints: the chain's head signed with a key kept outside the database",
         {
             // store/AuditCheckpoints.h, docs/audit-trail.md: seq 0 is the
             // genesis hash (a database anchored from its creation); mac is
             // HMAC-SHA-256 of (seq, head_hash, at_utc, key_id) with the audit
             // key named by key_id, which the database never holds.
             "CREATE TABLE audit_checkpoints ("
             " seq ${BIGINT} NOT NULL,"
             " key_id TEXT NOT NULL,"
             " head_hash TEXT NOT NULL,"
             " at_utc TEXT NOT NULL,"
             " mac TEXT NOT NULL,"
             " PRIMARY KEY (seq, key_id))",
         }},
        {18,
         "the supervisor's report: a period's unit status changes found by call",
         {
             // store/ReportRows.cpp reads, for the calls of a period, their
             // units' status changes by call id (the follow-up tasks by call
             // have followup_tasks_call since migration 15).
             "CREATE INDEX unit_status_events_call ON unit_status_events (call_id, status, at_utc)",
         }},
        {19,
         "rule set versions: every saved document of a rule set, kept",
         {
             // store/RuleSetStore.h: each save writes one row (the version the
             // audit row names), so the document before and after every change
             // can be read back. based_on: the rule set a new version was made
             // from (NULL for a file import). Rows already stored become version
             // rows as they are.
             "CREATE TABLE rule_set_versions ("
             " rule_set_id TEXT NOT NULL REFERENCES rule_sets(id),"
             " version INTEGER NOT NULL,"
             " rule_set_key TEXT NOT NULL,"
             " effective_from TEXT NOT NULL,"
             " document TEXT NOT NULL,"
             " source_name TEXT NOT NULL,"
             " based_on TEXT,"
             " saved_at TEXT NOT NULL,"
             " saved_by TEXT NOT NULL,"
             " PRIMARY KEY (rule_set_id, version))",
             "INSERT INTO rule_set_versions (rule_set_id, version, rule_set_key, effective_from, document, "
             "source_name, based_on, saved_at, saved_by) SELECT id, version, rule_set_key, effective_from, "
             "document, source_name, NULL, updated_at, '' FROM rule_sets",
         }},
        {20, "the follow-up queue searched by name: the folded words of the names, indexed",
         followUpNameWords()},
        {21,
         "setting versions: every saved value of a program setting, kept",
         {
             // store/SettingsStore.h: each save writes one row (the version its
             // journal row names), so the value before and after every change
             // can be read back. Values already stored become version 1.
             "CREATE TABLE setting_versions ("
             " setting_key TEXT NOT NULL,"
             " version INTEGER NOT NULL,"
             " value TEXT NOT NULL,"
             " saved_at TEXT NOT NULL,"
             " saved_by TEXT NOT NULL,"
             " PRIMARY KEY (setting_key, version))",
             "INSERT INTO setting_versions (setting_key, version, value, saved_at, saved_by) "
             "SELECT key, 1, value, updated_at, '' FROM settings",
         }},
        {22,
         "the follow-up queue's own tasks (\"mine\") in the queue's order: an index",
         {
             // FollowUpQueue: "mine" in priority order had no index in that
             // order within an assignee: a page of it read far more than the
             // page (the priority index walked past the other navigators'
             // tasks, some 18 entries per row shown with 12 navigators, or
             // all of the assignee's open tasks by followup_tasks_assignee,
             // sorted): 3.4-16x a plain SELECT of a page at 100,000 tasks
             // on SQLite (bench_followup_queue). Here the page is the
             // index's first rows (kind, for a role that lists some kinds
             // only, read from the index too).
             "CREATE INDEX followup_tasks_mine ON followup_tasks (assigned_to, state DESC, risk_rank DESC, "
             "due_at, id, kind)",
         }},
    };
    return list;
}

const QString kVersionTable = QStringLiteral("schema_migrations");

// Who holds the migration lock, for the message of a migrate that gave up:
// the application, address, login and since when (never a query's text).
QString describeLockHolders(Database& db)
{
    QSqlQuery query = db.prepare(db.dialect().migrationLockHolders());
    if (db.exec(query, "look for the migration lock's holder"))
        return QStringLiteral("its holder could not be looked up");
    QStringList holders;
    while (query.next() && holders.size() < 3) {
        const QString application = query.value(1).toString().left(64);
        const QString address = query.value(2).toString();
        holders << QStringLiteral("server process %1 (application \"%2\", login %3, from %4, "
                                  "in its transaction since %5, %6)")
                       .arg(query.value(0).toString(),
                            application.isEmpty() ? QStringLiteral("unnamed") : application,
                            query.value(3).toString().left(64),
                            address.isEmpty() ? QStringLiteral("a local socket") : address,
                            QDateTime::fromSecsSinceEpoch(query.value(4).toLongLong(), QTimeZone::utc())
                                .toString(Qt::ISODate),
                            query.value(5).toString());
    }
    if (holders.isEmpty())
        return QStringLiteral("it was released as the wait ended; try again");
    return QStringLiteral("it is held by %1").arg(holders.join(QStringLiteral("; ")));
}

// PostgreSQL: waits up to the database's lock timeout for the migration lock
// (another workstation migrating, or a session that took it and hangs).
StoreError takeMigrationLock(Database& db)
{
    const QString tryLock = db.dialect().tryLockMigrations();
    if (tryLock.isEmpty())
        return {}; // SQLite: BEGIN IMMEDIATE holds the only write lock (busy_timeout bounds the wait)
    const qint64 timeoutMs = std::max<qint64>(0, db.migrationLockTimeout().count());
    QElapsedTimer waited;
    waited.start();
    for (bool told = false;;) {
        QSqlQuery query = db.prepare(tryLock);
        if (StoreError error = db.exec(query, "lock migrations"))
            return error;
        if (query.next() && query.value(0).toBool())
            return {};
        query.finish();
        const qint64 left = timeoutMs - waited.elapsed();
        if (left <= 0)
            break;
        if (!told) {
            qCInfo(lcStore) << "waiting up to" << timeoutMs / 1000 << "s for the migration lock";
            told = true;
        }
        QThread::msleep(static_cast<unsigned long>(std::min<qint64>(left, 200)));
    }
    return StoreError::make(
        StoreErrorCode::QueryFailed,
        QStringLiteral("waited %1 s for the migration lock, which another connection holds while it "
                       "migrates; %2; nothing was changed")
            .arg(QString::number(static_cast<double>(timeoutMs) / 1000.0), describeLockHolders(db)));
}

} // namespace

const QSet<QString>& Migrations::ownTables()
{
    static const QSet<QString> tables = [] {
        QSet<QString> names{kVersionTable};
        static const QRegularExpression create(
            QStringLiteral("^\\s*(?:\\$\\{\\w+\\}\\s*)?CREATE TABLE (?:IF NOT EXISTS )?(\\w+)"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression rename(QStringLiteral("RENAME TO (\\w+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        for (const Migration& migration : migrations()) {
            for (const char* statement : migration.statements) {
                const QString sql = QString::fromUtf8(statement);
                if (const auto match = create.match(sql); match.hasMatch())
                    names.insert(match.captured(1).toLower());
                if (const auto match = rename.match(sql); match.hasMatch())
                    names.insert(match.captured(1).toLower());
            }
        }
        return names;
    }();
    return tables;
}

int Migrations::latestVersion()
{
    return migrations().back().version;
}

int Migrations::currentVersion(Database& db)
{
    QSqlQuery exists = db.prepare(db.dialect().tableExists());
    exists.addBindValue(kVersionTable);
    if (db.exec(exists, "look for schema_migrations") || !exists.next())
        return 0;
    exists.finish();
    QSqlQuery query = db.prepare(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (db.exec(query, "read schema version") || !query.next())
        return 0;
    return query.value(0).toInt();
}

StoreError Migrations::refuseNewerSchema(Database& db)
{
    const int found = currentVersion(db);
    if (found > latestVersion()) {
        return StoreError::make(
            StoreErrorCode::NewerSchema,
            QStringLiteral("the database has schema version %1, this program knows up to %2")
                .arg(found)
                .arg(latestVersion()));
    }
    return {};
}

StoreError Migrations::refuseUnlessMayMigrate(Database& db)
{
    if (db.dialect().engine() != Engine::Postgres)
        return {};
    // The schema owner (or a superuser) may migrate; the application role of
    // a shared server (heartdesk-cli setup-server) may not, and must not meet
    // a raw "permission denied" half-way through.
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT has_schema_privilege(current_schema(), 'CREATE') AND "
                                  "COALESCE((SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c "
                                  "WHERE c.oid = to_regclass('schema_migrations')), TRUE), current_user"));
    if (StoreError error = db.exec(query, "check the right to migrate"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::QueryFailed,
                                QStringLiteral("check the right to migrate: no row"));
    if (query.value(0).toBool())
        return {};
    return StoreError::make(
        StoreErrorCode::SchemaNeedsOwner,
        QStringLiteral("schema version %1, this program needs %2; the login %3 does not own "
                       "the schema")
            .arg(currentVersion(db))
            .arg(latestVersion())
            .arg(query.value(1).toString()));
}

StoreError Migrations::migrate(Database& db)
{
    // Up to date: nothing to do, and no DDL at all (the application role of a
    // shared server may not run any, CREATE TABLE IF NOT EXISTS included).
    const int before = currentVersion(db);
    if (before == latestVersion())
        return {};
    if (before > latestVersion()) {
        return StoreError::make(
            StoreErrorCode::NewerSchema,
            QStringLiteral("the database has schema version %1, this program knows up to %2")
                .arg(before)
                .arg(latestVersion()));
    }
    if (StoreError error = refuseUnlessMayMigrate(db))
        return error;
    SqlTransaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    if (StoreError error = takeMigrationLock(db))
        return error;
    if (db.dialect().engine() == Engine::Sqlite) {
        // The program's mark, in the transaction that adds its tables: a file
        // never holds HEART Desk's tables without it.
        if (StoreError error =
                db.execDirect(QStringLiteral("PRAGMA application_id = %1").arg(encrypted::kApplicationId),
                              "set application_id"))
            return error;
    }
    if (StoreError error = db.execDirect(
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"),
            "create schema_migrations"))
        return error;
    // Read again inside the transaction: another workstation may have migrated meanwhile.
    const int current = currentVersion(db);
    if (current > latestVersion()) {
        return StoreError::make(
            StoreErrorCode::NewerSchema,
            QStringLiteral("the database has schema version %1, this program knows up to %2")
                .arg(current)
                .arg(latestVersion()));
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        for (const char* statement : migration.statements) {
            const QString sql = db.dialect().expandSchema(QString::fromUtf8(statement));
            if (sql.isEmpty())
                continue; // for the other engine
            if (StoreError error = db.execDirect(sql, "migration statement"))
                return error;
        }
        QSqlQuery record = db.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(QString::fromUtf8(migration.description));
        record.addBindValue(toStoredTime(SystemClock::instance().now()));
        if (StoreError error = db.exec(record, "record migration"))
            return error;
        qCInfo(lcStore) << "applied migration" << migration.version;
    }
    return tx.commit();
}

} // namespace heart::store
