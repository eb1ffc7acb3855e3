#pragma once
// Many follow-up tasks at once, for the queue model's test and the
// 100,000-task benchmark: the calls they came from (fictional names, call
// types, CAD numbers), navigators to hold them, and a spread like a program's
// years of history: most tasks closed with an outcome, a fifth open (due
// from a day ago to two days ahead, so some overdue and some due soon), risk
// mostly none or low, a third of the open ones unassigned. Written with
// prepared statements in one transaction, straight into the tables (no
// store class, no audit rows). Deterministic for a seed.
#include "core/Clock.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace heart::store {
class Database;
}

namespace heart::test {

struct FollowUpSeedOptions
{
    int tasks = 1000;
    TimePoint now;            // open tasks are due around it
    QStringList assignees;    // users that exist already (the navigator signed in) also hold tasks
    int extraNavigators = 11; // users made here: "Navigator A", "Navigator B", ...
    int openPercent = 20;
    unsigned seed = 20261123;
};

struct FollowUpSeedSummary
{
    QString error; // empty when everything was written
    int open = 0;
    int overdue = 0;                    // open, due at or before now
    int dueSoon = 0;                    // open, due within 4 hours after now
    int unassigned = 0;                 // open and nobody holds them
    QHash<QString, int> openByAssignee; // user id -> open tasks
    QHash<QString, int> openByProgram;
};

FollowUpSeedSummary seedFollowUpTasks(store::Database& db, const FollowUpSeedOptions& options);

} // namespace heart::test
