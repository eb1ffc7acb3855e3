#include "store/cad/CadStore.h"

#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>
#include <chrono>

namespace heart::store {

namespace {

QJsonArray toArray(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const std::string& value : values)
        array.append(toQString(value));
    return array;
}

std::vector<std::string> fromArray(const QJsonValue& value)
{
    std::vector<std::string> values;
    for (const QJsonValue& item : value.toArray())
        values.push_back(toStdString(item.toString()));
    return values;
}

QString timeText(TimePoint t)
{
    return t == TimePoint{} ? QString() : toStoredTime(t);
}

TimePoint timeFrom(const QJsonValue& value)
{
    const QDateTime at = fromStoredTime(value.toString());
    if (!at.isValid())
        return {};
    return TimePoint{std::chrono::milliseconds(at.toMSecsSinceEpoch())};
}

} // namespace

QString cadIncidentToJson(const cad::CadIncident& incident)
{
    QJsonObject o;
    o.insert(QStringLiteral("incidentId"), toQString(incident.incidentId));
    o.insert(QStringLiteral("cadNumber"), toQString(incident.cadNumber));
    o.insert(QStringLiteral("updatedAt"), timeText(incident.updatedAt));
    o.insert(QStringLiteral("receivedAt"), timeText(incident.receivedAt));
    o.insert(QStringLiteral("issuingElement"), toQString(incident.issuingElement));
    o.insert(QStringLiteral("agency"), toQString(incident.agency));
    o.insert(QStringLiteral("natureCode"), toQString(incident.natureCode));
    o.insert(QStringLiteral("natureText"), toQString(incident.natureText));
    o.insert(QStringLiteral("address"), toQString(incident.address));
    if (incident.latitude)
        o.insert(QStringLiteral("latitude"), *incident.latitude);
    if (incident.longitude)
        o.insert(QStringLiteral("longitude"), *incident.longitude);
    o.insert(QStringLiteral("callerName"), toQString(incident.callerName));
    o.insert(QStringLiteral("callerPhone"), toQString(incident.callerPhone));
    o.insert(QStringLiteral("callerRelationship"), toQString(incident.callerRelationship));
    o.insert(QStringLiteral("personName"), toQString(incident.personName));
    if (incident.personAge)
        o.insert(QStringLiteral("personAge"), *incident.personAge);
    o.insert(QStringLiteral("language"), toQString(incident.language));
    o.insert(QStringLiteral("interpreter"), incident.interpreter);
    o.insert(QStringLiteral("flags"), toArray(incident.flags));
    o.insert(QStringLiteral("cautions"), toArray(incident.cautions));
    o.insert(QStringLiteral("notes"), toQString(incident.notes));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

cad::CadIncident cadIncidentFromJson(const QString& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    cad::CadIncident incident;
    auto text = [&o](const char* key) {
        return toStdString(o.value(QLatin1String(key)).toString());
    };
    incident.incidentId = text("incidentId");
    incident.cadNumber = text("cadNumber");
    incident.updatedAt = timeFrom(o.value(QStringLiteral("updatedAt")));
    incident.receivedAt = timeFrom(o.value(QStringLiteral("receivedAt")));
    incident.issuingElement = text("issuingElement");
    incident.agency = text("agency");
    incident.natureCode = text("natureCode");
    incident.natureText = text("natureText");
    incident.address = text("address");
    if (o.contains(QStringLiteral("latitude")))
        incident.latitude = o.value(QStringLiteral("latitude")).toDouble();
    if (o.contains(QStringLiteral("longitude")))
        incident.longitude = o.value(QStringLiteral("longitude")).toDouble();
    incident.callerName = text("callerName");
    incident.callerPhone = text("callerPhone");
    incident.callerRelationship = text("callerRelationship");
    incident.personName = text("personName");
    if (o.contains(QStringLiteral("personAge")))
        incident.personAge = o.value(QStringLiteral("personAge")).toInt();
    incident.language = text("language");
    incident.interpreter = o.value(QStringLiteral("interpreter")).toBool();
    incident.flags = fromArray(o.value(QStringLiteral("flags")));
    incident.cautions = fromArray(o.value(QStringLiteral("cautions")));
    incident.notes = text("notes");
    return incident;
}

StoreResult<std::optional<CadIncidentRow>> CadStore::select(const QString& where, const QString& value)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral(
            "SELECT incident_id, call_id, cad_number, cad_updated_at, snapshot_json, baseline_json, "
            "taken_by, taken_at, sent_json, version FROM cad_incidents WHERE ") +
        where);
    query.addBindValue(value);
    if (StoreError error = m_db.exec(query, "read CAD incident"))
        return error;
    if (!query.next())
        return std::optional<CadIncidentRow>{};
    CadIncidentRow row;
    row.incidentId = query.value(0).toString();
    row.callId = query.value(1).toString();
    row.cadNumber = query.value(2).toString();
    row.cadUpdatedAt = fromStoredTime(query.value(3).toString());
    row.snapshot = cadIncidentFromJson(query.value(4).toString());
    row.baseline = cadIncidentFromJson(query.value(5).toString());
    row.takenBy = query.value(6).toString();
    row.takenAt = fromStoredTime(query.value(7).toString());
    row.sentJson = query.value(8).toString();
    row.version = query.value(9).toInt();
    return std::optional<CadIncidentRow>{row};
}

StoreResult<std::optional<CadIncidentRow>> CadStore::incident(const QString& incidentId)
{
    return select(QStringLiteral("incident_id = ?"), incidentId);
}

StoreResult<std::optional<CadIncidentRow>> CadStore::incidentOfCall(const QString& callId)
{
    return select(QStringLiteral("call_id = ?"), callId);
}

StoreError CadStore::insert(const CadIncidentRow& row, const QDateTime& now)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO cad_incidents (incident_id, call_id, cad_number, cad_updated_at, snapshot_json, "
        "baseline_json, taken_by, taken_at, sent_json, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    insert.addBindValue(row.incidentId);
    insert.addBindValue(row.callId);
    insert.addBindValue(row.cadNumber);
    insert.addBindValue(toStoredTime(row.cadUpdatedAt));
    insert.addBindValue(cadIncidentToJson(row.snapshot));
    insert.addBindValue(cadIncidentToJson(row.baseline));
    insert.addBindValue(row.takenBy.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(row.takenBy));
    insert.addBindValue(row.takenAt.isValid() ? QVariant(toStoredTime(row.takenAt))
                                              : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(row.sentJson.isNull() ? QStringLiteral("") : row.sentJson);
    insert.addBindValue(toStoredTime(now));
    insert.addBindValue(toStoredTime(now));
    return m_db.exec(insert, "insert CAD incident");
}

StoreResult<int> CadStore::update(const CadIncidentRow& row, const QDateTime& now)
{
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE cad_incidents SET cad_number = ?, cad_updated_at = ?, snapshot_json = ?, baseline_json = ?, "
        "taken_by = ?, taken_at = ?, sent_json = ?, updated_at = ?, version = version + 1 "
        "WHERE incident_id = ? AND version = ?"));
    update.addBindValue(row.cadNumber);
    update.addBindValue(toStoredTime(row.cadUpdatedAt));
    update.addBindValue(cadIncidentToJson(row.snapshot));
    update.addBindValue(cadIncidentToJson(row.baseline));
    update.addBindValue(row.takenBy.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(row.takenBy));
    update.addBindValue(row.takenAt.isValid() ? QVariant(toStoredTime(row.takenAt))
                                              : QVariant(QMetaType::fromType<QString>()));
    update.addBindValue(row.sentJson.isNull() ? QStringLiteral("") : row.sentJson);
    update.addBindValue(toStoredTime(now));
    update.addBindValue(row.incidentId);
    update.addBindValue(row.version);
    if (StoreError error = m_db.exec(update, "update CAD incident"))
        return error;
    if (update.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the CAD incident changed meanwhile"));
    return row.version + 1;
}

StoreResult<qint64> CadStore::enqueue(const QString& messageId, const QString& incidentId,
                                      const QString& body, const QDateTime& now)
{
    qint64 seq = 0;
    {
        QSqlQuery last = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM cad_outbox"));
        if (StoreError error = m_db.exec(last, "read CAD outbox head"))
            return error;
        if (last.next())
            seq = last.value(0).toLongLong();
    }
    ++seq;
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO cad_outbox (seq, message_id, incident_id, body, created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(seq);
    insert.addBindValue(messageId);
    insert.addBindValue(incidentId);
    insert.addBindValue(body);
    insert.addBindValue(toStoredTime(now));
    if (StoreError error = m_db.exec(insert, "queue CAD update"))
        return error;
    return seq;
}

StoreResult<QList<CadOutboxMessage>> CadStore::pending(int limit)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT seq, message_id, incident_id, body, created_at, attempts FROM cad_outbox "
                       "WHERE delivered_at IS NULL ORDER BY seq LIMIT ?"));
    query.addBindValue(limit);
    if (StoreError error = m_db.exec(query, "read CAD outbox"))
        return error;
    QList<CadOutboxMessage> messages;
    while (query.next()) {
        CadOutboxMessage message;
        message.seq = query.value(0).toLongLong();
        message.messageId = query.value(1).toString();
        message.incidentId = query.value(2).toString();
        message.body = query.value(3).toString();
        message.createdAt = fromStoredTime(query.value(4).toString());
        message.attempts = query.value(5).toInt();
        messages.append(message);
    }
    return messages;
}

StoreResult<int> CadStore::pendingCount()
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM cad_outbox WHERE delivered_at IS NULL"));
    if (StoreError error = m_db.exec(query, "count CAD outbox"))
        return error;
    return query.next() ? query.value(0).toInt() : 0;
}

StoreError CadStore::markDelivered(const QString& messageId, const QDateTime& now)
{
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE cad_outbox SET delivered_at = ? WHERE message_id = ? AND delivered_at IS NULL"));
    update.addBindValue(toStoredTime(now));
    update.addBindValue(messageId);
    return m_db.exec(update, "mark CAD update delivered");
}

StoreError CadStore::countAttempt(const QString& messageId)
{
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE cad_outbox SET attempts = attempts + 1 WHERE message_id = ?"));
    update.addBindValue(messageId);
    return m_db.exec(update, "count CAD update attempt");
}

StoreResult<QString> CadStore::state(const QString& key)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT value FROM cad_state WHERE key = ?"));
    query.addBindValue(key);
    if (StoreError error = m_db.exec(query, "read CAD link state"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

StoreError CadStore::setState(const QString& key, const QString& value)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM cad_state WHERE key = ?"));
    remove.addBindValue(key);
    if (StoreError error = m_db.exec(remove, "write CAD link state"))
        return error;
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO cad_state (key, value) VALUES (?, ?)"));
    insert.addBindValue(key);
    insert.addBindValue(value);
    return m_db.exec(insert, "write CAD link state");
}

} // namespace heart::store
