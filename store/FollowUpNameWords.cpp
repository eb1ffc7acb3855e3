// Migration 20: the follow-up queue searched by name with an index on both
// engines. Migration 15 made the name orders index walks, but a search was
// still LIKE '%word%' on the folded name: no b-tree can answer it, so a
// page of a name search walked the open tasks in the listing's order until
// a page had matched (17-23x a plain SELECT of a page on SQLite, where that
// walk spills SQLite's 2 MiB page cache; 5-7x on PostgreSQL).
//
// followup_name_words holds one row per task and word of the names the
// queue shows (the person's, else the name on the call; the assignee's),
// folded (store/FollowUpNameWords.h), beside copies of what the queue
// filters and orders on (state, risk_rank, due_at, kind, program,
// assigned_to and the two name keys of migration 15). A search finds the
// words its prefix begins (a seek each: "lopez" is one word, "mar" two or
// three), and reads the rows of those words, which the key keeps in the
// queue's priority order (an index, in the person's name order): the page
// is chosen from those rows alone, its first rows for one word, without
// reading one task per candidate; a prefix of more than 8 words is read as
// the range `word >= 'm' AND word < 'm' || max` (store/FollowUpQueue.cpp).
// Triggers keep the rows, as for
// migration 15's keys, so every writer keeps them right: a task written or
// deleted, its state, risk, due time, kind, program, assignee or names
// changed (a person's, a call's caller's or a user's name: migration 15's
// triggers touch the task, and these follow).
//
// SQLite has no function that splits or folds text like this (and its
// parser cannot nest one REPLACE per folded character), so the program
// registers heartdesk_name_words(text) on every SQLite connection: the
// words of nameSearchWords() as a JSON array, which json_each turns into
// rows. A file is only ever written by the program (it is encrypted), so
// every writer has it. PostgreSQL: translate() with the same table, and
// regexp_split_to_table(); the word column collates as bytes ("C"), as in
// SQLite, so a prefix's range is exact.
#include "store/FollowUpNameWords.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace heart::store {
namespace {

// One fold table: from[i] becomes to[i]; a character of from past the end of
// to is removed. foldForNameSearch() applies it (to what is typed, and in
// SQLite's heartdesk_name_words()); PostgreSQL's translate() is given it.
// Keep every character in the Basic Multilingual Plane and none of ':' or '?'
// (QtSql would take them for placeholders).
constexpr std::u16string_view kFrom = u"ÀÁÂÃÄÅàáâãäåĀāĂăĄą"
                                      u"ÇçĆćĈĉĊċČč"
                                      u"ĎďĐđ"
                                      u"ÈÉÊËèéêëĒēĔĕĖėĘęĚě"
                                      u"ĜĝĞğĠġĢģ"
                                      u"ĤĥĦħ"
                                      u"ÌÍÎÏìíîïĨĩĪīĬĭĮįİı"
                                      u"Ĵĵ"
                                      u"Ķķ"
                                      u"ĹĺĻļĽľĿŀŁł"
                                      u"ÑñŃńŅņŇň"
                                      u"ÒÓÔÕÖØòóôõöøŌōŎŏŐő"
                                      u"ŔŕŖŗŘř"
                                      u"ŚśŜŝŞşŠšȘș"
                                      u"ŢţŤťŦŧȚț"
                                      u"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"
                                      u"Ŵŵ"
                                      u"ÝýÿŸŶŷ"
                                      u"ŹźŻżŽž"
                                      u"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      u"-\u2010\u2011\u2013\u2014,.;/\t\n\r"
                                      u"'\u2019"; // removed
constexpr std::u16string_view kTo = u"aaaaaaaaaaaaaaaaaa"
                                    u"cccccccccc"
                                    u"dddd"
                                    u"eeeeeeeeeeeeeeeeee"
                                    u"gggggggg"
                                    u"hhhh"
                                    u"iiiiiiiiiiiiiiiiii"
                                    u"jj"
                                    u"kk"
                                    u"llllllllll"
                                    u"nnnnnnnn"
                                    u"oooooooooooooooooo"
                                    u"rrrrrr"
                                    u"ssssssssss"
                                    u"tttttttt"
                                    u"uuuuuuuuuuuuuuuuuuuu"
                                    u"ww"
                                    u"yyyyyy"
                                    u"zzzzzz"
                                    u"abcdefghijklmnopqrstuvwxyz"
                                    u"            ";
constexpr std::size_t kRemoved = 2;
static_assert(kFrom.size() == kTo.size() + kRemoved, "every folded character has its replacement");

std::string utf8(char16_t c)
{
    return QString(QChar(c)).toStdString();
}

// PostgreSQL: translate() takes the table as two strings.
std::string postgresFold(const std::string& name)
{
    std::string from;
    std::string to;
    for (const char16_t c : kFrom)
        from += c == u'\'' ? std::string("''") : utf8(c);
    for (const char16_t c : kTo)
        to += utf8(c);
    return "translate(" + name + ", '" + from + "', '" + to + "')";
}

// The names the queue shows for the task row `task`, one text (the person's
// as in migration 15, then the assignee's).
std::string names(const std::string& task)
{
    return "COALESCE((SELECT NULLIF(TRIM(COALESCE(pe.given_name, '') || ' ' || COALESCE(pe.family_name, "
           "'')), "
           "'') FROM people pe WHERE pe.id = " +
           task + ".person_id), (SELECT c.person_name FROM calls c WHERE c.id = " + task +
           ".call_id), '') || ' ' || COALESCE((SELECT u.display_name FROM users u WHERE u.id = " + task +
           ".assigned_to), '')";
}

const char* const kColumns =
    "state, word, id, risk_rank, due_at, kind, program, assigned_to, person_sort_key, assignee_sort_key";

std::string copied(const std::string& task, const std::string& word)
{
    return task + ".state, " + word + ", " + task + ".id, " + task + ".risk_rank, " + task + ".due_at, " +
           task + ".kind, " + task + ".program, " + task + ".assigned_to, " + task + ".person_sort_key, " +
           task + ".assignee_sort_key";
}

std::vector<std::string> statements()
{
    std::vector<std::string> s;
    // One row per task and word; the queue's filter and order columns copied
    // from the task. The key leads with the state, so an open listing reads
    // the open tasks' words only, then the word, then the queue's priority
    // order: the tasks with one word are read in priority order, and a page
    // of them is its first rows (the query names the few words a prefix
    // begins, store/FollowUpQueue.cpp). A second index does the same for the
    // person's name order.
    s.push_back(
        "${SQLITE} CREATE TABLE followup_name_words ("
        " state TEXT NOT NULL, word TEXT NOT NULL, id TEXT NOT NULL,"
        " risk_rank INTEGER NOT NULL, due_at TEXT NOT NULL, kind TEXT, program TEXT, assigned_to TEXT,"
        " person_sort_key TEXT, assignee_sort_key TEXT,"
        " PRIMARY KEY (state, word, risk_rank DESC, due_at, id)) WITHOUT ROWID");
    s.push_back("${SQLITE} CREATE INDEX followup_name_words_by_person ON followup_name_words (state, word, "
                "person_sort_key, risk_rank DESC, due_at, id)");
    // PostgreSQL: the same orders, with the other columns in the indexes, so
    // a search reads an index alone.
    s.push_back(
        "${POSTGRESQL} CREATE TABLE followup_name_words ("
        " state TEXT NOT NULL, word TEXT COLLATE \"C\" NOT NULL, id TEXT NOT NULL,"
        " risk_rank INTEGER NOT NULL, due_at TEXT NOT NULL, kind TEXT, program TEXT, assigned_to TEXT,"
        " person_sort_key TEXT, assignee_sort_key TEXT,"
        " PRIMARY KEY (state, word, id))");
    s.push_back(
        "${POSTGRESQL} CREATE INDEX followup_name_words_priority ON followup_name_words (state, word, "
        "risk_rank DESC, due_at, id) INCLUDE (kind, program, assigned_to, person_sort_key, "
        "assignee_sort_key)");
    s.push_back(
        "${POSTGRESQL} CREATE INDEX followup_name_words_by_person ON followup_name_words (state, word, "
        "person_sort_key, risk_rank DESC, due_at, id) INCLUDE (kind, program, assigned_to, "
        "assignee_sort_key)");
    // A task's words are replaced whole.
    s.push_back("CREATE INDEX followup_name_words_task ON followup_name_words (id)");

    // SQLite: after migration 15's triggers have set the task's keys (they
    // do on every insert and on every change of a link, so this follows
    // them), and after a change of what is copied. The words are made by
    // heartdesk_name_words() (registered on every connection, see
    // registerNameWordsFunction()).
    s.push_back("${SQLITE} CREATE TRIGGER followup_tasks_name_words AFTER UPDATE OF person_sort_key, "
                "assignee_sort_key, state, risk_rank, due_at, kind, program ON followup_tasks BEGIN "
                "DELETE FROM followup_name_words WHERE id = OLD.id; "
                "INSERT OR IGNORE INTO followup_name_words (" +
                std::string(kColumns) + ") SELECT " + copied("NEW", "j.value") +
                " FROM json_each(heartdesk_name_words(" + names("NEW") + ")) j; END");
    s.push_back("${SQLITE} CREATE TRIGGER followup_tasks_name_words_delete AFTER DELETE ON followup_tasks "
                "BEGIN DELETE FROM followup_name_words WHERE id = OLD.id; END");
    // PostgreSQL: after the row is written (migration 15's BEFORE trigger
    // has set its keys); the renames of migration 15 touch person_id,
    // call_id or assigned_to.
    s.push_back("${POSTGRESQL} CREATE FUNCTION followup_task_name_words() RETURNS trigger LANGUAGE plpgsql "
                "AS $$ BEGIN IF TG_OP <> 'INSERT' THEN DELETE FROM followup_name_words WHERE id = OLD.id; "
                "END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO followup_name_words (" +
                std::string(kColumns) + ") SELECT DISTINCT " + copied("NEW", "w.word") +
                " FROM regexp_split_to_table(" + postgresFold(names("NEW")) +
                ", ' ') AS w(word) WHERE w.word <> ''; END IF; RETURN NULL; END $$");
    s.push_back("${POSTGRESQL} CREATE TRIGGER followup_tasks_name_words AFTER INSERT OR DELETE OR UPDATE OF "
                "person_id, call_id, assigned_to, state, risk_rank, due_at, kind, program ON followup_tasks "
                "FOR EACH ROW EXECUTE FUNCTION followup_task_name_words()");
    // The words of the tasks there are (through the triggers above).
    s.push_back("UPDATE followup_tasks SET person_id = person_id");
    return s;
}

const QHash<char16_t, char16_t>& foldTable()
{
    static const QHash<char16_t, char16_t> table = [] {
        QHash<char16_t, char16_t> t;
        for (std::size_t i = 0; i < kFrom.size(); ++i)
            t.insert(kFrom[i], i < kTo.size() ? kTo[i] : char16_t(0));
        return t;
    }();
    return table;
}

} // namespace

std::vector<const char*> followUpNameWords()
{
    static const std::vector<std::string> texts = statements();
    std::vector<const char*> list;
    list.reserve(texts.size());
    for (const std::string& text : texts)
        list.push_back(text.c_str());
    return list;
}

QString foldForNameSearch(const QString& text)
{
    const QString composed = text.normalized(QString::NormalizationForm_C);
    const QHash<char16_t, char16_t>& table = foldTable();
    QString folded;
    folded.reserve(composed.size());
    for (const QChar c : composed) {
        const auto found = table.constFind(c.unicode());
        if (found == table.constEnd())
            folded.append(c);
        else if (found.value() != 0)
            folded.append(QChar(found.value()));
    }
    return folded;
}

QStringList nameSearchWords(const QString& text)
{
    return foldForNameSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

namespace {

// heartdesk_name_words(text): a JSON array of the text's words (NULL: none).
void nameWords(sqlite3_context* context, int, sqlite3_value** arguments)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
    QJsonArray words;
    if (text) {
        const QStringList list = nameSearchWords(QString::fromUtf8(text, sqlite3_value_bytes(arguments[0])));
        words = QJsonArray::fromStringList(list);
    }
    const QByteArray json = QJsonDocument(words).toJson(QJsonDocument::Compact);
    sqlite3_result_text(context, json.constData(), int(json.size()), SQLITE_TRANSIENT);
}

int addNameWords(sqlite3* db, char**, const sqlite3_api_routines*)
{
    return sqlite3_create_function_v2(db, "heartdesk_name_words", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      nameWords, nullptr, nullptr, nullptr);
}

} // namespace

bool registerNameWordsFunction()
{
    static const bool registered =
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(reinterpret_cast<void*>(addNameWords))) ==
        SQLITE_OK;
    return registered;
}

} // namespace heart::store
