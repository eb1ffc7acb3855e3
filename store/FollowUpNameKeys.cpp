// Migration 15: the follow-up queue sorted and searched by name as quickly
// as by any other key. The queue shows the person's name (the linked
// person's given and family name, else the name on the call) and the
// assignee's name; both live in other tables, so sorting or searching by
// them joined and sorted every open task (44-85 ms at 100,000 tasks). Each
// task now carries the two names folded to lower case (person_sort_key,
// assignee_sort_key), indexed in the queue's orders, and kept up to date by
// triggers whenever a name or a link changes: on the task itself (insert,
// another person, call or assignee), on people (given or family name), on
// calls (person_name) and on users (display_name). Triggers, not the store
// classes, so every writer keeps them right: the stores, the offline sync,
// an import. SQLite and PostgreSQL say triggers differently; the keys, the
// indexes and what the triggers compute are the same. The queue's other
// orders got what they lacked too (bench_followup_queue): the priority index
// covers the filters, and the program order has an index.
#include <vector>

namespace heart::store {

// The folded name of a task's person and assignee, for the task row NEW.
#define HEARTDESK_PERSON_KEY(task)                                                                           \
    "LOWER(COALESCE((SELECT NULLIF(TRIM(COALESCE(pe.given_name, '') || ' ' || COALESCE(pe.family_name, "     \
    "'')), '') FROM people pe WHERE pe.id = " task ".person_id), (SELECT c.person_name FROM calls c WHERE "  \
    "c.id = " task ".call_id), ''))"
#define HEARTDESK_ASSIGNEE_KEY(task)                                                                         \
    "LOWER(COALESCE((SELECT u.display_name FROM users u WHERE u.id = " task ".assigned_to), ''))"

std::vector<const char*> followUpNameKeys()
{
    return {
        "ALTER TABLE followup_tasks ADD COLUMN person_sort_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE followup_tasks ADD COLUMN assignee_sort_key TEXT NOT NULL DEFAULT ''",

        // SQLite: an AFTER trigger writes the keys of the row just written.
        // Its own UPDATE sets only the keys, so it does not fire again.
        "${SQLITE} CREATE TRIGGER followup_tasks_name_keys_insert AFTER INSERT ON followup_tasks "
        "BEGIN UPDATE followup_tasks SET person_sort_key = " HEARTDESK_PERSON_KEY(
            "NEW") ", assignee_sort_key = " HEARTDESK_ASSIGNEE_KEY("NEW") " WHERE id = NEW.id; END",
        "${SQLITE} CREATE TRIGGER followup_tasks_name_keys_update AFTER UPDATE OF person_id, call_id, "
        "assigned_to "
        "ON followup_tasks "
        "BEGIN UPDATE followup_tasks SET person_sort_key = " HEARTDESK_PERSON_KEY(
            "NEW") ", assignee_sort_key = " HEARTDESK_ASSIGNEE_KEY("NEW") " WHERE id = NEW.id; END",
        // PostgreSQL: a BEFORE trigger sets the keys of every row written.
        // ("=" assigns in PL/pgSQL; QtSql would take ":=" for a placeholder.)
        "${POSTGRESQL} CREATE FUNCTION followup_task_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN NEW.person_sort_key = " HEARTDESK_PERSON_KEY(
            "NEW") "; "
                   "NEW.assignee_sort_key = " HEARTDESK_ASSIGNEE_KEY("NEW") "; RETURN NEW; END $$",
        "${POSTGRESQL} CREATE TRIGGER followup_tasks_name_keys BEFORE INSERT OR UPDATE ON followup_tasks "
        "FOR EACH ROW EXECUTE FUNCTION followup_task_name_keys()",

        // A name changes elsewhere: touch the link of the tasks that show it,
        // and the task's own trigger folds the new name.
        "${SQLITE} CREATE TRIGGER people_renamed_followup_keys AFTER UPDATE OF given_name, family_name ON "
        "people "
        "WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name "
        "BEGIN UPDATE followup_tasks SET person_id = person_id WHERE person_id = NEW.id; END",
        "${SQLITE} CREATE TRIGGER calls_renamed_followup_keys AFTER UPDATE OF person_name ON calls "
        "WHEN OLD.person_name IS NOT NEW.person_name "
        "BEGIN UPDATE followup_tasks SET call_id = call_id WHERE call_id = NEW.id; END",
        "${SQLITE} CREATE TRIGGER users_renamed_followup_keys AFTER UPDATE OF display_name ON users "
        "WHEN OLD.display_name IS NOT NEW.display_name "
        "BEGIN UPDATE followup_tasks SET assigned_to = assigned_to WHERE assigned_to = NEW.id; END",
        "${POSTGRESQL} CREATE FUNCTION followup_person_renamed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE followup_tasks SET person_id = person_id WHERE person_id = NEW.id; RETURN NULL; END $$",
        "${POSTGRESQL} CREATE TRIGGER people_renamed_followup_keys AFTER UPDATE OF given_name, family_name "
        "ON "
        "people FOR EACH ROW WHEN (OLD.given_name IS DISTINCT FROM NEW.given_name OR OLD.family_name IS "
        "DISTINCT FROM NEW.family_name) EXECUTE FUNCTION followup_person_renamed()",
        "${POSTGRESQL} CREATE FUNCTION followup_call_renamed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE followup_tasks SET call_id = call_id WHERE call_id = NEW.id; RETURN NULL; END $$",
        "${POSTGRESQL} CREATE TRIGGER calls_renamed_followup_keys AFTER UPDATE OF person_name ON calls "
        "FOR EACH ROW WHEN (OLD.person_name IS DISTINCT FROM NEW.person_name) "
        "EXECUTE FUNCTION followup_call_renamed()",
        "${POSTGRESQL} CREATE FUNCTION followup_assignee_renamed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE followup_tasks SET assigned_to = assigned_to WHERE assigned_to = NEW.id; RETURN NULL; "
        "END $$",
        "${POSTGRESQL} CREATE TRIGGER users_renamed_followup_keys AFTER UPDATE OF display_name ON users "
        "FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) "
        "EXECUTE FUNCTION followup_assignee_renamed()",

        // The tasks of a renamed call are found by their call.
        "CREATE INDEX followup_tasks_call ON followup_tasks (call_id)",
        // The keys of the tasks there are.
        "UPDATE followup_tasks SET person_id = person_id",
        // The priority order (migration 9) with what the queue filters on,
        // so a listing in priority order filtered by assignee, program or a
        // name walks the index alone instead of reading a task per entry
        // (a page of "mine" or of a name search read some 2,000 tasks).
        "DROP INDEX followup_tasks_priority",
        "CREATE INDEX followup_tasks_priority ON followup_tasks (state DESC, risk_rank DESC, due_at, id, "
        "kind, "
        "program, assigned_to, person_sort_key)",
        // The program order: it sorted every open task.
        "CREATE INDEX followup_tasks_by_program ON followup_tasks (state, program, risk_rank DESC, due_at, "
        "id)",
        // The queue's name orders, both ways (descending reverses the name
        // only: ties keep the queue's order), within a state.
        "CREATE INDEX followup_tasks_by_person ON followup_tasks (state, person_sort_key, risk_rank DESC, "
        "due_at, "
        "id)",
        "CREATE INDEX followup_tasks_by_person_desc ON followup_tasks (state, person_sort_key DESC, "
        "risk_rank "
        "DESC, due_at, id)",
        "CREATE INDEX followup_tasks_by_assignee ON followup_tasks (state, assignee_sort_key, risk_rank "
        "DESC, "
        "due_at, id)",
        "CREATE INDEX followup_tasks_by_assignee_desc ON followup_tasks (state, assignee_sort_key DESC, "
        "risk_rank DESC, due_at, id)",
    };
}

#undef HEARTDESK_PERSON_KEY
#undef HEARTDESK_ASSIGNEE_KEY

} // namespace heart::store
