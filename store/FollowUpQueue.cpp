#include "store/FollowUpQueue.h"

#include "core/followup/FollowUpVisibility.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QRegularExpression>
#include <QStringList>
#include <QVariant>

namespace heart::store {
namespace {

const QString kTask = QStringLiteral("followup_task");
const QString kAllTasks = QStringLiteral("*"); // a listing names no one
const QString kOpen = QStringLiteral("open");
constexpr int kMaxNameWords = 8;

// The SQL of a filter: constant text with ? for every value, and the values.
struct Conditions
{
    QStringList terms;
    QVariantList values;
    bool nothing = false; // the role may open no kind of task: an empty listing

    QString where() const
    {
        return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    }
};

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

// Typed text as a literal inside a LIKE pattern (with ESCAPE '!'): % and _ match only themselves.
QString containsPattern(const QString& word)
{
    QString pattern = QStringLiteral("%");
    for (const QChar c : word.toLower()) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            pattern += QLatin1Char('!');
        pattern += c;
    }
    return pattern + QLatin1Char('%');
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
    // Overdue and due soon are states of open tasks.
    if (!filter.includeClosed || filter.overdueOnly || filter.dueSoonWithin.count() > 0) {
        c.terms.append(QStringLiteral("t.state = ?"));
        c.values.append(kOpen);
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
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList words = filter.personName.split(spaces, Qt::SkipEmptyParts);
    if (words.size() > kMaxNameWords)
        words.resize(kMaxNameWords);
    // The task's folded name (migration 15): no join, and the by-name
    // indexes hold it, so counting reads an index, not the tasks.
    for (const QString& word : words) {
        c.terms.append(QStringLiteral("t.person_sort_key LIKE ? ESCAPE '!'"));
        c.values.append(containsPattern(word));
    }
    return c;
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
    const Conditions& c = where.value();
    if (c.nothing)
        return 0;
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM followup_tasks t") + c.where());
    for (const QVariant& value : c.values)
        query.addBindValue(value);
    if (StoreError error = m_db.exec(query, "count follow-up tasks"))
        return error;
    return query.next() ? query.value(0).toInt() : 0;
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
    const Conditions& c = where.value();
    if (c.nothing)
        return QList<FollowUpQueueRow>{};
    const QString terms = order(sort);
    // The page's ids first, from the tasks alone (an index walk), then the
    // columns shown, joined for those ids only.
    const QString ids = QStringLiteral("SELECT t.id AS task_id FROM followup_tasks t") + c.where() +
                        QStringLiteral(" ORDER BY ") + terms + QStringLiteral(" LIMIT ? OFFSET ?");
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT t.id, t.version, t.kind, t.program, "
                       "COALESCE(NULLIF(TRIM(COALESCE(pe.given_name, '') || ' ' || COALESCE(pe.family_name, "
                       "'')), ''), c.person_name), c.call_type, c.cad_number, "
                       "t.risk, t.risk_rank, t.contact_at, t.due_at, t.state, t.outcome, t.assigned_to, "
                       "u.display_name, t.attempts, t.max_attempts, t.preferred_contact FROM (") +
        ids +
        QStringLiteral(") p JOIN followup_tasks t ON t.id = p.task_id LEFT JOIN calls c ON c.id = t.call_id "
                       "LEFT JOIN people pe ON pe.id = t.person_id "
                       "LEFT JOIN users u ON u.id = t.assigned_to ORDER BY ") +
        terms);
    for (const QVariant& value : c.values)
        query.addBindValue(value);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (StoreError error = m_db.exec(query, "list follow-up tasks"))
        return error;
    QList<FollowUpQueueRow> rows;
    rows.reserve(limit);
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

} // namespace heart::store
