#pragma once
// The Care Navigation queue as a listing: follow-up tasks with the call they
// came from (person's name, call type, CAD number) and the assignee's name,
// filtered and ordered in SQL so 100,000 tasks page as quickly as 100.
//
// What a listing shows is minimum necessary (core/followup/FollowUpVisibility.h):
// a row holds parts "task" (kind, program, state, due, risk, assignee,
// attempts, outcome), "contact" (person's name, contact preference) and
// "call" (CAD number, call type), so only the kinds of task whose three parts
// the actor's role sees are listed at all (a call counselor: check-ins only).
// No clinical note is listed, so every role holding Action::ViewFollowUps may
// list. Refusals are audited.
//
// Audit: a listing writes ONE "search" row (record type "followup_task",
// record id "*": it names no one, and never the filter), when it is counted.
// The queue model counts once per filter, sort or refresh and then reads
// pages of that listing; page() checks the permission but writes no row, so
// scrolling through 100,000 tasks does not write 1,000 audit rows.
//
// Paging is by OFFSET, in a stable order (every order ends with the task id).
// A task that moves while someone pages (claimed, closed, created) can shift
// a later page by a row: refresh() in the model shows the queue as it is now.
// The ids of a page are chosen first on followup_tasks alone (index only),
// or for a name search on followup_name_words alone (migration 20),
// then joined to calls and users, so a deep page costs an index walk, not a
// join per skipped row. "Mine" walks followup_tasks_mine (migration 22), the
// queue's order within an assignee. On PostgreSQL a name search's words are
// found within the page's query (a query there is a round trip to the
// server; SQLite looks them up first, in the same process).
//
// Times: the filter's bounds and `now` are UTC instants; due_at is stored as
// ISO 8601 UTC text with milliseconds, which sorts and compares as text.
// States follow core's FollowUpPolicy::state(): overdue from the due instant
// on (due_at <= now), due soon within the window before it.
#include "core/Clock.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <chrono>

namespace heart::store {

class Database;

// Every condition set applies (AND).
struct FollowUpQueueFilter
{
    QString assignedTo;          // "mine": only tasks assigned to this user id (e.g. the actor's)
    bool unassignedOnly = false; // only tasks nobody holds (not with assignedTo)
    // "due today": due_at in [dueFrom, dueTo), UTC; the caller computes the
    // bounds from the program's local day. Both valid, or both invalid (no bound).
    QDateTime dueFrom;
    QDateTime dueTo;
    bool overdueOnly = false;              // open, and due at or before now
    std::chrono::minutes dueSoonWithin{0}; // > 0: open, due after now and at most this long after it
    QString program;                       // program code ("crt", "cor", "ccd"), or empty for all
    bool includeClosed = false;            // closed tasks too (overdue and due soon are open by definition)
    // Every word typed begins a word of the person's or the assignee's name,
    // accents and case aside ("mar" finds María Pérez and Ana Marín; see
    // store/FollowUpNameWords.h). Up to 8 words.
    QString personName;
};

enum class FollowUpSortKey
{
    Priority,   // risk high to none, then earliest due, then id; open before closed
    DueAt,      // due time, then priority
    Program,    // program code, then priority
    Assignee,   // assignee's name (unassigned first), then priority
    PersonName, // person's name (no name first), then priority
};

struct FollowUpQueueSort
{
    FollowUpSortKey key = FollowUpSortKey::Priority;
    // Ascending: A to Z, earliest due first; for Priority the queue's own
    // order (most urgent first). Descending reverses the first key only
    // (Priority: every key, least urgent first); ties keep the queue's order.
    Qt::SortOrder order = Qt::AscendingOrder;
};

// One task as the queue shows it. An empty text is unknown (no name on the call, nobody assigned).
struct FollowUpQueueRow
{
    QString taskId;
    int version = 0;
    QString kind;    // "follow_up" or "check_in"
    QString program; // "crt", "cor", "ccd"
    QString personName;
    QString callType;
    QString cadNumber;
    QString risk;        // "high", "moderate", "low", "none", or empty (not screened)
    int riskRank = 0;    // 3 high .. 0 none
    QDateTime contactAt; // UTC
    QDateTime dueAt;     // UTC
    QString state;       // "open" or "closed" (overdue and due soon are computed at an instant)
    QString outcome;     // when closed: "connected", "declined", "already_connected", "unable_to_reach"
    QString assignedTo;  // user id, or empty
    QString assignedToName;
    int attempts = 0; // unsuccessful attempts so far
    int maxAttempts = 0;
    QString preferredContact; // "phone", "text", "in_person", "none", or empty

    bool isOpen() const { return state == QLatin1String("open"); }
};

class FollowUpQueue
{
public:
    static constexpr int kMaxPageRows = 1000;

    FollowUpQueue(Database& db, const Clock& clock) : m_db(db), m_audit(db, clock) {}

    // How many tasks match: the start of a listing (audited, see above).
    // InvalidInput (field named) for a filter that contradicts itself.
    StoreResult<int> count(const Actor& actor, const FollowUpQueueFilter& filter, TimePoint now);
    // `limit` rows (1..kMaxPageRows) from `offset` (>= 0) in `sort` order.
    StoreResult<QList<FollowUpQueueRow>> page(const Actor& actor, const FollowUpQueueFilter& filter,
                                              const FollowUpQueueSort& sort, TimePoint now, int offset,
                                              int limit);

private:
    Database& m_db;
    AuditTrail m_audit;
};

} // namespace heart::store
