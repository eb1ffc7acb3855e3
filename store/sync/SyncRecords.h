#pragma once
// What the van laptop and the center exchange: a record as its row and the
// rows that hang off it (a unit's status events, a note's addenda), read on
// one engine and written on the other. Rows travel as column -> value maps;
// column names come from this table of specs, never from the other side.
#include "store/StoreError.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace heart::store {
class Database;
}

namespace heart::store::sync {

// Rows that belong to a record and travel with it.
struct ChildSpec
{
    QString table;
    QString parentColumn; // the column naming the record
    QStringList key;      // the child's primary key columns
    // Append-only children numbered per record (unit status events, addenda):
    // merged by id, and renumbered after the last one when two places gave the
    // same number.
    QString seqColumn;
    bool appendOnly = false;  // rows are added, never changed: merged by key
    bool centerOwned = false; // only the center sets them (a unit's crew): a push leaves them
};

struct RecordSpec
{
    QString type;  // the journal's record_type
    QString table; // its table, keyed by "id" (settings: "key")
    QString key = QStringLiteral("id");
    QList<ChildSpec> children;
    bool pushable = false; // the laptop may change it and send it
    bool versioned = true; // has a version column
    // Numbered within a parent (an encounter's entries): a clash is renumbered.
    QString seqParent;
    QString seqColumn;
    // Columns the laptop keeps its own value of when the center's row arrives
    // (an account's failed sign-ins and lock: the lockout counts offline).
    QStringList localColumns;
};

// Who wins a per-parent number both sides used: the side being written keeps
// its own (the center, when a laptop pushes) or takes the incoming one (the
// laptop, when it pulls the center's numbering).
enum class SeqClash
{
    KeepMine,
    TakeTheirs
};

const QList<RecordSpec>& recordSpecs();
const RecordSpec* specFor(const QString& recordType);
// Push and pull order: a record before those that point at it.
int dependencyRank(const QString& recordType);

// One record with its children, as read from one side.
struct Snapshot
{
    QString type;
    QString id;
    bool exists = false;
    QVariantMap row;
    QMap<QString, QList<QVariantMap>> children; // by child table

    int version() const;
    QJsonObject toJson() const;
    static Snapshot fromJson(const QString& type, const QString& id, const QJsonObject& json);
};

// Columns that say when and which version, not what: left out of comparisons.
bool isBookkeeping(const QString& column);
// Same contents (row and children), versions and change times aside.
bool sameContent(const Snapshot& a, const Snapshot& b);
bool sameRow(const QVariantMap& a, const QVariantMap& b);
bool sameValue(const QVariant& a, const QVariant& b);

StoreResult<Snapshot> readSnapshot(Database& db, const QString& recordType, const QString& recordId);
// Inside an open transaction: inserts or replaces the row; children are
// merged (append-only ones by id, with renumbering) or replaced (the rest).
StoreError writeSnapshot(Database& db, const Snapshot& snapshot, SeqClash clash);

} // namespace heart::store::sync
