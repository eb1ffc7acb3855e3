#pragma once
// The CAD link's rows (migration 16): one per CAD incident (the call it
// became, the CAD's latest values and the values the call was last based
// on), the EIDO updates owed to the CAD in the order they are sent, and the
// link's progress through the change journal. No permission checks and no
// audit rows of their own: usecases/CadUseCases.h opens the unit of work
// that does both, and calls these inside it.
#include "core/cad/CadIncident.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace heart::store {

class Database;

// A CadIncident as stored (JSON text; times as stored UTC text).
QString cadIncidentToJson(const cad::CadIncident& incident);
// An unreadable text gives an empty incident: rows are only written from CadIncident values.
cad::CadIncident cadIncidentFromJson(const QString& json);

struct CadIncidentRow
{
    QString incidentId;
    QString callId;
    QString cadNumber;
    QDateTime cadUpdatedAt;    // the latest message's lastUpdateTimeStamp (UTC)
    cad::CadIncident snapshot; // the latest CAD values
    cad::CadIncident baseline; // the CAD values the call was last based on
    QString takenBy;           // user id; empty while no counselor has taken the call
    QDateTime takenAt;
    QString sentJson; // the state last queued for the CAD (outbound de-duplication)
    int version = 0;

    bool taken() const { return !takenBy.isEmpty(); }
};

struct CadOutboxMessage
{
    qint64 seq = 0;
    QString messageId;
    QString incidentId;
    QString body; // EIDO JSON
    QDateTime createdAt;
    int attempts = 0;
};

class CadStore
{
public:
    explicit CadStore(Database& db) : m_db(db) {}

    StoreResult<std::optional<CadIncidentRow>> incident(const QString& incidentId);
    StoreResult<std::optional<CadIncidentRow>> incidentOfCall(const QString& callId);
    StoreError insert(const CadIncidentRow& row, const QDateTime& now);
    // Writes snapshot, baseline, cad_updated_at, taken_*, sent_json of the row; version + 1.
    StoreResult<int> update(const CadIncidentRow& row, const QDateTime& now);

    // --- Outbox -----------------------------------------------------------
    // Inside a write transaction (the journal's lock orders it): the next seq.
    StoreResult<qint64> enqueue(const QString& messageId, const QString& incidentId, const QString& body,
                                const QDateTime& now);
    StoreResult<QList<CadOutboxMessage>> pending(int limit);
    StoreResult<int> pendingCount();
    // Marks one update delivered (acknowledged by the CAD); unknown ids are ignored.
    StoreError markDelivered(const QString& messageId, const QDateTime& now);
    StoreError countAttempt(const QString& messageId);

    // --- The link's progress --------------------------------------------------
    StoreResult<QString> state(const QString& key);
    StoreError setState(const QString& key, const QString& value);

private:
    StoreResult<std::optional<CadIncidentRow>> select(const QString& where, const QString& value);

    Database& m_db;
};

} // namespace heart::store
