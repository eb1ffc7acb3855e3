#pragma once
// The change journal: one row per changed record, written in the transaction
// that changes it, numbered in commit order. Other workstations, the van's
// sync and the CAD link follow it by reading the rows after the last
// sequence they have seen. A row names the record, never its contents.
//
// Commit order: a transaction numbers its rows (MAX(seq) + 1) only while it
// holds the write lock it keeps until it commits - SQLite's single writer
// (BEGIN IMMEDIATE), on PostgreSQL the transaction-level advisory lock the
// audit chain takes. The next writer gets the lock only after that commit is
// visible, and (READ COMMITTED) its MAX(seq) sees it. So sequence numbers are
// gapless and a reader that has seen N has seen every number below N: a
// rolled-back transaction's numbers are never visible and are taken again.
#include "core/Clock.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace heart::store {

class Database;

// One record a unit of work changed.
struct RecordChange
{
    QString action;     // audit::Create, audit::Update, audit::Dispatch, ...
    QString recordType; // "call", "unit", "encounter", ...
    QString recordId;
    int version = 0; // the record's version after the change
};

struct JournalEntry
{
    qint64 seq = 0;
    QString recordType;
    QString recordId;
    int version = 0;
    QString action;
    QString userId;
    QString workstation;
    QDateTime changedAt; // UTC

    bool operator==(const JournalEntry&) const = default;
};

class ChangeJournal
{
public:
    explicit ChangeJournal(Database& db) : m_db(db) {}

    // Inside an open write transaction: takes the journal's lock, numbers the
    // rows after the last committed one and inserts them.
    StoreResult<QList<JournalEntry>> append(const QList<RecordChange>& changes, const QString& userId,
                                            const QString& workstation, const QDateTime& at);

    // Rows with seq > `afterSeq`, oldest first, at most `limit`.
    StoreResult<QList<JournalEntry>> after(qint64 afterSeq, int limit = 1000);
    // The last committed sequence number (0 for an empty journal).
    StoreResult<qint64> lastSeq();

private:
    Database& m_db;
};

} // namespace heart::store

Q_DECLARE_METATYPE(heart::store::JournalEntry)
