#pragma once
// Row-by-row checksums of one response unit's records, the same on the van
// laptop's SQLite file and on the center's PostgreSQL for the same rows: the
// fault tests compare the two after a sync that was cut or killed.
//
// The unit's records: the unit; its status events; the calls it was sent to
// (through its events, its current call, its notes, the calls naming its
// code) and their people; its encounter notes with their entries, addenda,
// safety plans and the follow-up tasks signing them made.
//
// Each row is normalised column by column (sorted by name): NULL is its own
// token, distinct from ''; integers of any width as decimal; reals as the
// shortest text that reads back as the same double; text (times included, both engines store them as the
// same text) as it is. A row's digest is SHA-256 of that; a table's is
// SHA-256 of its row digests sorted, so the order rows come back in does not
// matter but a doubled row does.
#include "store/Database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace heart::test {

struct TableChecksum
{
    QString table;
    int rows = 0;
    QByteArray digest;                // hex
    QHash<QString, QStringList> byId; // id -> "column=value" in column order, for the differences
};

struct UnitChecksums
{
    QList<TableChecksum> tables; // in kSyncedTables order
    QString problem;             // a query failed: the checksums are incomplete
    // "calls 1 3f2a…, people 1 …": one line for a log.
    QString summary() const;
};

// The tables the sync carries for a unit, in the order they are checked.
const QStringList& syncedTables();

// Columns left out of the comparison, per table (a column the sync keeps
// per side on purpose); none by default.
using ExcludedColumns = QHash<QString, QStringList>;

UnitChecksums unitChecksums(store::Database& db, const QString& unitId, const ExcludedColumns& excluded = {});

// What differs between two sides, one line per table and row ("encounters
// <id>: signed_at=... vs signed_at=NULL", "calls: row <id> only on the
// laptop"); empty when they agree.
QStringList differences(const UnitChecksums& laptop, const UnitChecksums& center);

} // namespace heart::test
