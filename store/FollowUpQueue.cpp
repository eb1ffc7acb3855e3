#include "store/FollowUpQueue.h"

#include "core/followup/FollowUpVisibility.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/FollowUpNameWords.h"
#include "store/StoreTime.h"

#include <QStringList>
#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

const QString kTask = QStringLiteral("followup_task");
const QString kAllTasks = QStringLiteral("*"); // a listing names no one
const QString kOpen = QStringLiteral("open");
constexpr int kMaxNameWords = 8;
// A prefix that begins at most this many words is read as those words (each
// in the listing's order in an index), more as a range of the words' key.
constexpr int kMaxExpandedWords = 8;

// The SQL of a filter: constant text with ? for every value, and the values.
// The terms name the task as t; a name search reads followup_name_words as t
// instead (migration 20: the columns the terms and orders use, one row per
// word), where a task is once per matching word.
struct Conditions
{
    QStringList terms;
    QVariantList values;
    bool nothing = false;  // the role may open no kind of task: an empty listing
    bool byWords = false;  // from followup_name_words
    bool distinct = false; // a task may be there more than once: count and list it once
    // A name search: the word read (the longest typed) and the states its
    // tasks are in. Its term is not among `terms` until addWordTerm().
    QString prefix;
    QStringList states;

    QString from() const
    {
        return byWords ? QStringLiteral(" FROM followup_name_words t")
                       : QStringLiteral(" FROM followup_tasks t");
    }

    QString where() const
    {
        return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    }
};

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

// The end of the range of words beginning with `prefix`: the words compare
// as bytes of UTF-8 (SQLite's BINARY, PostgreSQL's "C"), and no character
// sorts after U+10FFFF.
QString afterPrefix(const QString& prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

// The words of the names that begin with `prefix`, in the tasks of
// `states`: up to kMaxExpandedWords + 1 of them, each found by one seek of
// the words' key (MIN(word) after the last one found), so a prefix that is a
// whole word ("lopez") costs two seeks, not a read of its 900 rows.
StoreResult<QStringList> wordsBeginning(Database& db, const QStringList& states, const QString& prefix)
{
    QStringList found;
    for (const QString& state : states) {
        QString after;
        while (found.size() <= kMaxExpandedWords) {
            QSqlQuery query = db.prepare(
                after.isNull()
                    ? QStringLiteral("SELECT MIN(word) FROM followup_name_words WHERE state = ? AND "
                                     "word >= ? AND word < ?")
                    : QStringLiteral("SELECT MIN(word) FROM followup_name_words WHERE state = ? AND "
                                     "word > ? AND word < ?"));
            query.addBindValue(state);
            query.addBindValue(after.isNull() ? prefix : after);
            query.addBindValue(afterPrefix(prefix));
            if (StoreError error = db.exec(query, "find the words of a name search"))
                return error;
            if (!query.next() || query.value(0).isNull())
                break;
            after = query.value(0).toString();
            if (!found.contains(after))
                found.append(after);
        }
    }
    return found;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// The kinds whose listed parts (task, contact, call) this role sees.
QStringList listedKinds(Role role)
{
    QStringList kinds;
    for (const followup::TaskKind kind : followup::kAllTaskKinds) {
        if (followup::sees(role, kind, followup::TaskPart::Task) &&
            followup::sees(role, kind, followup::TaskPart::Contact) &&
            followup::sees(role, kind, followup::TaskPart::Call))
            kinds.append(toQString(followup::taskKindCode(kind)));
    }
    return kinds;
}

StoreResult<Conditions> conditions(Role role, const FollowUpQueueFilter& filter, TimePoint now)
{
    if (!filter.assignedTo.isEmpty() && filter.unassignedOnly)
        return invalid(QStringLiteral("a task cannot be both assigned to someone and unassigned"),
                       QStringLiteral("unassignedOnly"));
    if (filter.dueFrom.isValid() != filter.dueTo.isValid())
        return invalid(QStringLiteral("a due range needs both bounds"),
                       filter.dueFrom.isValid() ? QStringLiteral("dueTo") : QStringLiteral("dueFrom"));
    if (filter.dueFrom.isValid() && filter.dueFrom >= filter.dueTo)
        return invalid(QStringLiteral("the due range ends before it starts"), QStringLiteral("dueTo"));
    if (filter.dueSoonWithin.count() < 0)
        return invalid(QStringLiteral("the due-soon window is negative"), QStringLiteral("dueSoonWithin"));

    Conditions c;
    const QStringList kinds = listedKinds(role);
    if (kinds.isEmpty()) {
        c.nothing = true;
        return c;
    }
    QStringList words = nameSearchWords(filter.personName);
    if (words.size() > kMaxNameWords)
        words.resize(kMaxNameWords);
    c.byWords = !words.isEmpty();
    QStringList states{kOpen};
    // Overdue and due soon are states of open tasks.
    if (!filter.includeClosed || filter.overdueOnly || filter.dueSoonWithin.count() > 0) {
        c.terms.append(QStringLiteral("t.state = ?"));
        c.values.append(kOpen);
    } else if (c.byWords) {
        states.prepend(QStringLiteral("closed"));
        // The words' key leads with the state: one range per state.
        c.terms.append(QStringLiteral("t.state IN (?, ?)"));
        c.values << QStringLiteral("closed") << kOpen;
    }
    // Every kind listed: no term, so the queue's indexes answer alone.
    if (kinds.size() < qsizetype(followup::kAllTaskKinds.size())) {
        c.terms.append(QStringLiteral("t.kind IN (") + placeholders(kinds.size()) + QStringLiteral(")"));
        for (const QString& kind : kinds)
            c.values.append(kind);
    }
    if (!filter.assignedTo.isEmpty()) {
        c.terms.append(QStringLiteral("t.assigned_to = ?"));
        c.values.append(filter.assignedTo);
    }
    if (filter.unassignedOnly)
        c.terms.append(QStringLiteral("t.assigned_to IS NULL"));
    if (filter.dueFrom.isValid()) {
        c.terms.append(QStringLiteral("t.due_at >= ?"));
        c.terms.append(QStringLiteral("t.due_at < ?"));
        c.values << toStoredTime(filter.dueFrom) << toStoredTime(filter.dueTo);
    }
    const QString nowText = toStoredTime(now);
    if (filter.overdueOnly) {
        c.terms.append(QStringLiteral("t.due_at <= ?"));
        c.values.append(nowText);
    }
    if (filter.dueSoonWithin.count() > 0) {
        c.terms.append(QStringLiteral("t.due_at > ?"));
        c.terms.append(QStringLiteral("t.due_at <= ?"));
        c.values << nowText << toStoredTime(now + filter.dueSoonWithin);
    }
    if (!filter.program.trimmed().isEmpty()) {
        c.terms.append(QStringLiteral("t.program = ?"));
        c.values.append(filter.program.trimmed());
    }
    // Each word typed begins a word of the person's or the assignee's name
    // (store/FollowUpNameWords.h). The longest is the one read (the fewest
    // rows, as a rule; its term is added by addWordTerm() or written into
    // the page's query on PostgreSQL); every other word must be among the
    // same task's words.
    if (c.byWords) {
        std::stable_sort(words.begin(), words.end(),
                         [](const QString& a, const QString& b) { return a.size() > b.size(); });
        c.prefix = words.first();
        c.states = states;
        for (qsizetype i = 1; i < words.size(); ++i) {
            c.terms.append(
                QStringLiteral("EXISTS (SELECT 1 FROM followup_name_words o WHERE o.state = t.state "
                               "AND o.word >= ? AND o.word < ? AND o.id = t.id)"));
            c.values << words.at(i) << afterPrefix(words.at(i));
        }
    }
    return c;
}

// The term of a name search's word, read as the few words the prefix begins
// (looked up first, a seek each), one word alone in the listing's order in
// an index (migration 20), or as a range of the key.
StoreError addWordTerm(Database& db, Conditions& c)
{
    if (!c.byWords)
        return {};
    auto begun = wordsBeginning(db, c.states, c.prefix);
    if (!begun.ok())
        return begun.error();
    const QStringList& whole = begun.value();
    if (whole.size() == 1) {
        // A task has a word once in its state: no task twice.
        c.terms.append(QStringLiteral("t.word = ?"));
        c.values.append(whole.first());
    } else if (!whole.isEmpty() && whole.size() <= kMaxExpandedWords) {
        c.terms.append(QStringLiteral("t.word IN (") + placeholders(whole.size()) + QStringLiteral(")"));
        for (const QString& word : whole)
            c.values.append(word);
        c.distinct = true;
    } else {
        c.terms.append(QStringLiteral("t.word >= ?"));
        c.terms.append(QStringLiteral("t.word < ?"));
        c.values << c.prefix << afterPrefix(c.prefix);
        c.distinct = true;
    }
    return {};
}

// ORDER BY terms over the task (alias t) alone; each order ends with the id,
// so OFFSET pages never overlap. Ascending priority is index
// followup_tasks_priority (migration 9) read forwards, descending read
// backwards.
QString order(const FollowUpQueueSort& sort)
{
    const bool descending = sort.order == Qt::DescendingOrder;
    const QString ties = QStringLiteral("t.risk_rank DESC, t.due_at ASC, t.id ASC");
    const auto by = [&](const char* first) -> QString {
        return QLatin1String(first) + (descending ? QStringLiteral(" DESC, ") : QStringLiteral(" ASC, ")) +
               ties;
    };
    switch (sort.key) {
    case FollowUpSortKey::Priority:
        break;
    case FollowUpSortKey::DueAt:
        return descending ? QStringLiteral("t.due_at DESC, t.risk_rank DESC, t.id ASC")
                          : QStringLiteral("t.due_at ASC, t.risk_rank DESC, t.id ASC");
    case FollowUpSortKey::Program:
        return by("t.program");
    // The names folded on the task (migration 15, kept by triggers), read
    // in order from followup_tasks_by_assignee / _by_person (and _desc).
    case FollowUpSortKey::Assignee:
        return by("t.assignee_sort_key");
    case FollowUpSortKey::PersonName:
        return by("t.person_sort_key");
    }
    // Open before closed (a listing with closed tasks), most urgent first.
    return descending ? QStringLiteral("t.state ASC, t.risk_rank ASC, t.due_at DESC, t.id DESC")
                      : QStringLiteral("t.state DESC, t.risk_rank DESC, t.due_at ASC, t.id ASC");
}

// The columns of ORDER BY `terms`, for SELECT DISTINCT (which must list them).
QString orderColumns(const QString& terms)
{
    QStringList columns;
    for (QString term : terms.split(QStringLiteral(", "))) {
        term.remove(QStringLiteral(" DESC"));
        term.remove(QStringLiteral(" ASC"));
        if (term != QLatin1String("t.id"))
            columns.append(term);
    }
    return columns.join(QStringLiteral(", "));
}

// A name search's page on PostgreSQL in one query. The words the prefix
// begins are found as wordsBeginning() finds them (a seek each, up to
// kMaxExpandedWords + 1 per state: a recursive WITH), and then, as
// addWordTerm() would: up to kMaxExpandedWords words are each read in the
// listing's order in an index, the first `rows` rows of each (LATERAL;
// a task among a word's first `rows` is also among the listing's first
// `rows` when it is there, so the page is the same), more as a range of the
// key. `pageLimit` ends it (the page's LIMIT and OFFSET).
struct NameSearchQuery
{
    QString with;
    QString ids;
    QVariantList values;
};

NameSearchQuery oneQueryNameSearch(const Conditions& c, const QString& terms, int rows,
                                   const QString& pageLimit)
{
    NameSearchQuery q;
    QStringList starts;
    for (const QString& state : c.states) {
        starts.append(QStringLiteral("SELECT CAST(? AS TEXT), (SELECT MIN(x.word) FROM followup_name_words x "
                                     "WHERE x.state = ? AND x.word >= ? AND x.word < ?), 1"));
        q.values << state << state << c.prefix << afterPrefix(c.prefix);
    }
    q.with = QStringLiteral("WITH RECURSIVE w(state, word, n) AS (") +
             starts.join(QStringLiteral(" UNION ALL ")) +
             QStringLiteral(" UNION ALL SELECT w.state, (SELECT MIN(x.word) FROM followup_name_words x "
                            "WHERE x.state = w.state AND x.word > w.word AND x.word < ?), w.n + 1 FROM w "
                            "WHERE w.word IS NOT NULL AND w.n <= %1) ")
                 .arg(kMaxExpandedWords);
    q.values << afterPrefix(c.prefix);
    const QString columns = QStringLiteral("t.id, ") + orderColumns(terms);
    const QString words = QStringLiteral("(SELECT COUNT(DISTINCT word) FROM w)");
    const QString where =
        c.where().isEmpty() ? QStringLiteral(" WHERE ") : c.where() + QStringLiteral(" AND ");
    q.ids = QStringLiteral("SELECT DISTINCT t.id AS task_id, ") + orderColumns(terms) +
            QStringLiteral(" FROM (SELECT x.* FROM (SELECT DISTINCT word FROM w WHERE word IS NOT NULL) v "
                           "CROSS JOIN LATERAL (SELECT ") +
            columns + c.from() + where + QStringLiteral("t.word = v.word ORDER BY ") + terms +
            QStringLiteral(" LIMIT %1) x WHERE ").arg(rows) + words +
            QStringLiteral(" <= %1 UNION ALL SELECT ").arg(kMaxExpandedWords) + columns + c.from() + where +
            QStringLiteral("t.word >= ? AND t.word < ? AND ") + words +
            QStringLiteral(" > %1) t ORDER BY ").arg(kMaxExpandedWords) + terms + pageLimit;
    q.values += c.values;
    q.values += c.values;
    q.values << c.prefix << afterPrefix(c.prefix);
    return q;
}

FollowUpQueueRow readRow(const QSqlQuery& row)
{
    FollowUpQueueRow r;
    int c = 0;
    r.taskId = row.value(c++).toString();
    r.version = row.value(c++).toInt();
    r.kind = row.value(c++).toString();
    r.program = row.value(c++).toString();
    r.personName = row.value(c++).toString();
    r.callType = row.value(c++).toString();
    r.cadNumber = row.value(c++).toString();
    r.risk = row.value(c++).toString();
    r.riskRank = row.value(c++).toInt();
    r.contactAt = fromStoredTime(row.value(c++).toString());
    r.dueAt = fromStoredTime(row.value(c++).toString());
    r.state = row.value(c++).toString();
    r.outcome = row.value(c++).toString();
    r.assignedTo = row.value(c++).toString();
    r.assignedToName = row.value(c++).toString();
    r.attempts = row.value(c++).toInt();
    r.maxAttempts = row.value(c++).toInt();
    r.preferredContact = row.value(c++).toString();
    return r;
}

} // namespace

StoreResult<int> FollowUpQueue::count(const Actor& actor, const FollowUpQueueFilter& filter, TimePoint now)
{
    if (StoreError error = m_audit.require(actor, Action::ViewFollowUps, kTask))
        return error;
    auto where = conditions(actor.role(), filter, now);
    if (!where.ok())
        return where.error();
    // One row naming no one: neither the filter nor a task is written anywhere.
    if (StoreError error = m_audit.record(actor, {audit::Search, kTask, kAllTasks}))
        return error;
    Conditions& c = where.value();
    if (c.nothing)
        return 0;
    if (StoreError error = addWordTerm(m_db, c))
        return error;
    auto query = m_db.execKept(
        (c.distinct ? QStringLiteral("SELECT COUNT(DISTINCT t.id)") : QStringLiteral("SELECT COUNT(*)")) +
            c.from() + c.where(),
        c.values, "count follow-up tasks");
    if (!query.ok())
        return query.error();
    return query.value()->next() ? query.value()->value(0).toInt() : 0;
}

StoreResult<QList<FollowUpQueueRow>> FollowUpQueue::page(const Actor& actor,
                                                         const FollowUpQueueFilter& filter,
                                                         const FollowUpQueueSort& sort, TimePoint now,
                                                         int offset, int limit)
{
    if (StoreError error = m_audit.require(actor, Action::ViewFollowUps, kTask))
        return error;
    if (offset < 0)
        return invalid(QStringLiteral("a page cannot start before the first row"), QStringLiteral("offset"));
    if (limit < 1 || limit > kMaxPageRows)
        return invalid(QStringLiteral("a page holds 1 to %1 rows").arg(kMaxPageRows),
                       QStringLiteral("limit"));
    auto where = conditions(actor.role(), filter, now);
    if (!where.ok())
        return where.error();
    Conditions& c = where.value();
    if (c.nothing)
        return QList<FollowUpQueueRow>{};
    const QString terms = order(sort);
    // The page's ids first, from the tasks alone (an index walk) or from the
    // words of a name search (the words' own index), then the columns shown,
    // joined for those ids only. PostgreSQL: a name search's words are found
    // in the same query (each query there is a round trip to the server,
    // and looking them up first took two more, longer than the page).
    // LIMIT and OFFSET written out (checked numbers), not bound: the page's
    // statement is kept prepared (Database::execKept), and with them known
    // PostgreSQL can plan it once for every name, filter value and time.
    const QString pageLimit = QStringLiteral(" LIMIT %1 OFFSET %2").arg(limit).arg(offset);
    QString with;
    QString ids;
    QVariantList values;
    if (c.byWords && m_db.dialect().engine() == Engine::Postgres) {
        const NameSearchQuery search = oneQueryNameSearch(c, terms, offset + limit, pageLimit);
        with = search.with;
        ids = search.ids;
        values = search.values;
    } else {
        if (StoreError error = addWordTerm(m_db, c))
            return error;
        ids = (c.distinct ? QStringLiteral("SELECT DISTINCT t.id AS task_id, ") + orderColumns(terms)
                          : QStringLiteral("SELECT t.id AS task_id")) +
              c.from() + c.where() + QStringLiteral(" ORDER BY ") + terms + pageLimit;
        values = c.values;
    }
    auto query = m_db.execKept(
        with +
            QStringLiteral(
                "SELECT t.id, t.version, t.kind, t.program, "
                "COALESCE(NULLIF(TRIM(COALESCE(pe.given_name, '') || ' ' || COALESCE(pe.family_name, "
                "'')), ''), c.person_name), c.call_type, c.cad_number, "
                "t.risk, t.risk_rank, t.contact_at, t.due_at, t.state, t.outcome, t.assigned_to, "
                "u.display_name, t.attempts, t.max_attempts, t.preferred_contact FROM (") +
            ids +
            QStringLiteral(
                ") p JOIN followup_tasks t ON t.id = p.task_id LEFT JOIN calls c ON c.id = t.call_id "
                "LEFT JOIN people pe ON pe.id = t.person_id "
                "LEFT JOIN users u ON u.id = t.assigned_to ORDER BY ") +
            terms,
        values, "list follow-up tasks");
    if (!query.ok())
        return query.error();
    QList<FollowUpQueueRow> rows;
    rows.reserve(limit);
    while (query.value()->next())
        rows.append(readRow(*query.value()));
    return rows;
}

} // namespace heart::store
