#include "usecases/CadUseCases.h"

#include "core/Uuid.h"
#include "core/cad/EidoWriter.h"
#include "store/ChangeJournal.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace heart::usecases {

namespace {

const QString kCall = QStringLiteral("call");
const QString kCadIncident = QStringLiteral("cad_incident");
const QString kOutboundSeq = QStringLiteral("outbound_seq");
// Audit actions of the CAD link.
const QString kCadIn = QStringLiteral("cad_in");         // a CAD message applied to a call
const QString kCadTake = QStringLiteral("cad_take");     // a counselor took a CAD call
const QString kCadAccept = QStringLiteral("cad_accept"); // the CAD's later values taken into the call
const QString kCadDismiss = QStringLiteral("cad_dismiss");
const QString kCadOut = QStringLiteral("cad_out"); // an update about the call queued for the CAD

QString text(const std::string& value)
{
    return store::toQString(value);
}

QStringList list(const std::vector<std::string>& values)
{
    QStringList result;
    for (const std::string& value : values)
        result.append(text(value));
    return result;
}

QDateTime utc(TimePoint t)
{
    return store::toDateTime(t);
}

} // namespace

void applyCadFields(store::CallRecord& call, const cad::CadIncident& incident,
                    const std::vector<cad::CadField>& fields, const CadMapping& mapping)
{
    for (cad::CadField field : fields) {
        switch (field) {
        case cad::CadField::Nature:
            call.callType = mapping.callTypeOf ? text(mapping.callTypeOf(incident)) : QString();
            break;
        case cad::CadField::Address:
            call.address = text(incident.address);
            break;
        case cad::CadField::Position: {
            call.latitude = incident.latitude;
            call.longitude = incident.longitude;
            std::optional<std::string_view> beat;
            if (mapping.beats && incident.latitude && incident.longitude)
                beat = mapping.beats->locate(geo::GeoPoint{*incident.longitude, *incident.latitude});
            if (beat) {
                call.beat = store::toQString(*beat);
                call.beatSource = QStringLiteral("from_position");
            } else if (call.beatSource == QLatin1String("from_position")) {
                call.beat.clear();
                call.beatSource.clear();
            }
            break;
        }
        case cad::CadField::CallerName:
            call.callerName = text(incident.callerName);
            break;
        case cad::CadField::CallerPhone:
            call.callerPhone = text(incident.callerPhone);
            break;
        case cad::CadField::CallerRelationship:
            call.callerRelationship = text(incident.callerRelationship);
            break;
        case cad::CadField::PersonName:
            call.personName = text(incident.personName);
            break;
        case cad::CadField::PersonAge:
            call.personAge = incident.personAge;
            break;
        case cad::CadField::Language:
            call.language = text(incident.language);
            call.interpreter = incident.interpreter;
            break;
        case cad::CadField::Flags:
            call.flags = list(incident.flags);
            break;
        case cad::CadField::Notes:
            call.narrative = text(cad::cadNarrative(incident));
            break;
        }
    }
}

store::StoreResult<CadUseCases::Receipt> CadUseCases::receive(const cad::CadIncident& incident,
                                                              const CadMapping& mapping)
{
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::TakeCall, kCall);
    if (!work.ok())
        return work.error();
    store::CadStore cad(m_context.db);
    store::IntakeStore calls(m_context.db, m_context.clock);
    const QDateTime now = utc(m_context.clock.now());
    const QString incidentId = text(incident.incidentId);
    auto existing = cad.incident(incidentId);
    if (!existing.ok())
        return existing.error();

    if (!existing.value()) {
        // A new incident: a new call, nobody's yet.
        store::CallRecord call;
        call.cadNumber = text(incident.cadNumber);
        call.receivedAt = utc(incident.receivedAt == TimePoint{} ? incident.updatedAt : incident.receivedAt);
        applyCadFields(call, incident, {std::begin(cad::kAllCadFields), std::end(cad::kAllCadFields)},
                       mapping);
        store::CadIncidentRow row;
        row.incidentId = incidentId;
        row.cadNumber = call.cadNumber;
        row.cadUpdatedAt = utc(incident.updatedAt);
        row.snapshot = incident;
        row.baseline = incident;
        // A call already typed in by hand under this CAD number is that
        // counselor's: it is linked, and everything the CAD says waits as differences.
        QSqlQuery byHand =
            m_context.db.prepare(QStringLiteral("SELECT id, counselor_id FROM calls WHERE cad_number = ?"));
        byHand.addBindValue(call.cadNumber);
        if (store::StoreError error = m_context.db.exec(byHand, "find call by CAD number"))
            return error;
        if (byHand.next()) {
            row.callId = byHand.value(0).toString();
            row.takenBy = byHand.value(1).toString();
            row.takenAt = now;
            row.baseline = cad::CadIncident{};
            row.baseline.incidentId = incident.incidentId;
            row.baseline.cadNumber = incident.cadNumber;
        } else {
            auto created = calls.create(m_context.actor, call);
            if (!created.ok())
                return created.error();
            row.callId = created.value().id;
        }
        if (store::StoreError error = cad.insert(row, now))
            return error;
        if (store::StoreError error = work.changed(kCadIn, kCadIncident, row.callId, 1))
            return error;
        if (store::StoreError error = work.commit())
            return error;
        return Receipt{row.taken() ? Outcome::Held : Outcome::Created, row.callId};
    }

    store::CadIncidentRow row = *existing.value();
    const QDateTime updatedAt = utc(incident.updatedAt);
    if (updatedAt < row.cadUpdatedAt)
        return Receipt{Outcome::Stale, row.callId};
    if (updatedAt == row.cadUpdatedAt &&
        store::cadIncidentToJson(incident) == store::cadIncidentToJson(row.snapshot))
        return Receipt{Outcome::Duplicate, row.callId};

    Outcome outcome = Outcome::Held;
    if (!row.taken()) {
        auto call = calls.open(m_context.actor, row.callId);
        if (!call.ok())
            return call.error();
        if (!call.value().isClosed()) {
            store::CallRecord changed = call.value();
            applyCadFields(changed, incident, cad::changedFields(row.baseline, incident), mapping);
            auto updated = calls.update(m_context.actor, changed);
            if (!updated.ok())
                return updated.error();
            row.baseline = incident;
            outcome = Outcome::Updated;
        }
    }
    row.snapshot = incident;
    row.cadUpdatedAt = updatedAt;
    if (!incident.cadNumber.empty())
        row.cadNumber = text(incident.cadNumber);
    auto version = cad.update(row, now);
    if (!version.ok())
        return version.error();
    if (store::StoreError error = work.changed(kCadIn, kCadIncident, row.callId, version.value()))
        return error;
    if (store::StoreError error = work.commit())
        return error;
    return Receipt{outcome, row.callId};
}

store::StoreResult<bool> CadUseCases::take(const QString& callId)
{
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::TakeCall, kCall, callId);
    if (!work.ok())
        return work.error();
    store::CadStore cad(m_context.db);
    auto existing = cad.incidentOfCall(callId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value() || existing.value()->taken())
        return false;
    store::CadIncidentRow row = *existing.value();
    const QDateTime now = utc(m_context.clock.now());
    row.takenBy = m_context.actor.userId();
    row.takenAt = now;
    auto version = cad.update(row, now);
    if (!version.ok())
        return version.error();
    // The counselor who took it is the call's counselor.
    QSqlQuery update = m_context.db.prepare(QStringLiteral(
        "UPDATE calls SET counselor_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"));
    update.addBindValue(m_context.actor.userId());
    update.addBindValue(store::toStoredTime(now));
    update.addBindValue(callId);
    if (store::StoreError error = m_context.db.exec(update, "take CAD call"))
        return error;
    QSqlQuery callVersion = m_context.db.prepare(QStringLiteral("SELECT version FROM calls WHERE id = ?"));
    callVersion.addBindValue(callId);
    if (store::StoreError error = m_context.db.exec(callVersion, "read call version"))
        return error;
    const int newCallVersion = callVersion.next() ? callVersion.value(0).toInt() : 0;
    if (store::StoreError error = work.changed(store::audit::Update, kCall, callId, newCallVersion))
        return error;
    if (store::StoreError error = work.changed(kCadTake, kCadIncident, callId, version.value()))
        return error;
    if (store::StoreError error = work.commit())
        return error;
    return true;
}

store::StoreResult<std::optional<store::CadIncidentRow>> CadUseCases::incidentOfCall(const QString& callId)
{
    if (!permits(m_context.actor.role(), Action::ViewCallQueue))
        return store::StoreError::make(store::StoreErrorCode::PermissionDenied);
    return store::CadStore(m_context.db).incidentOfCall(callId);
}

store::StoreError CadUseCases::settleDifferences(const QString& callId, int version, bool accepted)
{
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::TakeCall, kCall, callId);
    if (!work.ok())
        return work.error();
    store::CadStore cad(m_context.db);
    auto existing = cad.incidentOfCall(callId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value())
        return store::StoreError::make(store::StoreErrorCode::NotFound,
                                       QStringLiteral("the call is not from the CAD"));
    store::CadIncidentRow row = *existing.value();
    if (row.version != version)
        return store::StoreError::make(store::StoreErrorCode::Conflict,
                                       QStringLiteral("the CAD sent a newer message meanwhile"));
    row.baseline = row.snapshot;
    const QDateTime now = utc(m_context.clock.now());
    auto newVersion = cad.update(row, now);
    if (!newVersion.ok())
        return newVersion.error();
    if (store::StoreError error =
            work.changed(accepted ? kCadAccept : kCadDismiss, kCadIncident, callId, newVersion.value()))
        return error;
    return work.commit();
}

namespace {

// The call's state as the CAD is told it; empty members are left out.
struct OutboundState
{
    QString callType, program, disposition, unitCode, unitStatus, cadNumber;
    bool closed = false;

    bool worthTelling() const { return !program.isEmpty() || !unitCode.isEmpty() || closed; }
    // One line for the CAD's operator, in codes (no person's data): what HEART Desk did.
    QString note() const
    {
        QStringList parts;
        if (!program.isEmpty())
            parts << QStringLiteral("program %1").arg(program);
        if (!disposition.isEmpty())
            parts << QStringLiteral("disposition %1").arg(disposition);
        if (!unitCode.isEmpty())
            parts << (unitStatus.isEmpty() ? QStringLiteral("unit %1").arg(unitCode)
                                           : QStringLiteral("unit %1 %2").arg(unitCode, unitStatus));
        if (closed)
            parts << QStringLiteral("call closed");
        return QStringLiteral("HEART Desk: ") + parts.join(QStringLiteral(", "));
    }
    QString key() const
    {
        QJsonObject o;
        o.insert(QStringLiteral("callType"), callType);
        o.insert(QStringLiteral("program"), program);
        o.insert(QStringLiteral("disposition"), disposition);
        o.insert(QStringLiteral("unit"), unitCode);
        o.insert(QStringLiteral("unitStatus"), unitStatus);
        o.insert(QStringLiteral("closed"), closed);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
};

store::StoreResult<OutboundState> outboundState(store::Database& db, const QString& callId)
{
    OutboundState state;
    QSqlQuery call = db.prepare(QStringLiteral(
        "SELECT call_type, program, disposition, assigned_unit, status, cad_number FROM calls WHERE id = ?"));
    call.addBindValue(callId);
    if (store::StoreError error = db.exec(call, "read call for the CAD"))
        return error;
    if (!call.next())
        return state;
    state.callType = call.value(0).toString();
    state.program = call.value(1).toString();
    state.disposition = call.value(2).toString();
    state.unitCode = call.value(3).toString();
    state.closed = call.value(4).toString() == QLatin1String("closed");
    state.cadNumber = call.value(5).toString();
    QSqlQuery unit = db.prepare(
        QStringLiteral("SELECT e.status, u.code FROM unit_status_events e JOIN units u ON u.id = e.unit_id "
                       "WHERE e.call_id = ? ORDER BY e.at_utc DESC, e.seq DESC LIMIT 1"));
    unit.addBindValue(callId);
    if (store::StoreError error = db.exec(unit, "read unit status for the CAD"))
        return error;
    if (unit.next()) {
        state.unitStatus = unit.value(0).toString();
        if (state.unitCode.isEmpty())
            state.unitCode = unit.value(1).toString();
    }
    return state;
}

// The call a unit's journal row is about: its latest status event that names one.
store::StoreResult<QString> callOfUnitChange(store::Database& db, const QString& unitId)
{
    QSqlQuery query = db.prepare(
        QStringLiteral("SELECT call_id FROM unit_status_events WHERE unit_id = ? AND call_id IS NOT NULL "
                       "ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(unitId);
    if (store::StoreError error = db.exec(query, "find the unit's call"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

store::StoreResult<int> CadUseCases::collectOutbound(const CadIdentity& identity, qint64* position)
{
    qint64 local = -1;
    qint64* at = position ? position : &local;
    int queued = 0;
    for (;;) {
        bool more = false;
        auto page = collectPage(identity, at, &more);
        if (!page.ok())
            return page.error();
        queued += page.value();
        if (!more)
            return queued;
    }
}

namespace {

// The CAD calls among journal rows, each once, in the order first named.
store::StoreResult<QStringList> callsNamed(store::Database& db, const QList<store::JournalEntry>& entries)
{
    QStringList callIds;
    QSet<QString> seen;
    for (const store::JournalEntry& entry : entries) {
        QString callId;
        if (entry.recordType == kCall) {
            callId = entry.recordId;
        } else if (entry.recordType == QLatin1String("unit")) {
            auto call = callOfUnitChange(db, entry.recordId);
            if (!call.ok())
                return call.error();
            callId = call.value();
        }
        if (!callId.isEmpty() && !seen.contains(callId)) {
            seen.insert(callId);
            callIds.append(callId);
        }
    }
    return callIds;
}

// Whether the call is from the CAD and owes it an update: its row and state.
struct Owed
{
    store::CadIncidentRow row;
    OutboundState state;
};
store::StoreResult<std::optional<Owed>> owedUpdate(store::Database& db, const QString& callId)
{
    auto existing = store::CadStore(db).incidentOfCall(callId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value())
        return std::optional<Owed>{};
    auto state = outboundState(db, callId);
    if (!state.ok())
        return state.error();
    if (!state.value().worthTelling() || state.value().key() == existing.value()->sentJson)
        return std::optional<Owed>{};
    return std::optional<Owed>{Owed{*existing.value(), state.value()}};
}

} // namespace

store::StoreResult<int> CadUseCases::collectPage(const CadIdentity& identity, qint64* position, bool* more)
{
    constexpr int kPage = 500;
    *more = false;
    if (!permits(m_context.actor.role(), Action::TakeCall))
        return store::StoreError::make(store::StoreErrorCode::PermissionDenied);
    store::CadStore cad(m_context.db);
    store::ChangeJournal journal(m_context.db);
    if (*position < 0) {
        auto stored = cad.state(kOutboundSeq);
        if (!stored.ok())
            return stored.error();
        if (stored.value().isEmpty()) {
            // A new link starts at the journal's head: it does not re-send history.
            store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::TakeCall,
                                   kCadIncident);
            if (!work.ok())
                return work.error();
            auto head = journal.lastSeq();
            if (!head.ok())
                return head.error();
            if (store::StoreError error = cad.setState(kOutboundSeq, QString::number(head.value())))
                return error;
            if (store::StoreError error = work.commit())
                return error;
            *position = head.value();
            return 0;
        }
        *position = stored.value().toLongLong();
    }
    // Read first, outside any transaction: most journal rows (notes, the
    // link's own new calls, calls not from the CAD) owe the CAD nothing, and
    // taking the write lock for them would slow every workstation down. The
    // position moves on in memory; it is stored with the next update queued
    // (after a restart the link reads again from there, and an update already
    // queued is not queued twice: its state is the one last sent).
    auto entries = journal.after(*position, kPage);
    if (!entries.ok())
        return entries.error();
    if (entries.value().isEmpty())
        return 0;
    *more = entries.value().size() == kPage;
    const qint64 last = entries.value().last().seq;
    auto named = callsNamed(m_context.db, entries.value());
    if (!named.ok())
        return named.error();
    QStringList owing;
    for (const QString& callId : named.value()) {
        auto owed = owedUpdate(m_context.db, callId);
        if (!owed.ok())
            return owed.error();
        if (owed.value())
            owing.append(callId);
    }
    if (owing.isEmpty()) {
        *position = last;
        return 0;
    }

    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::TakeCall, kCadIncident);
    if (!work.ok())
        return work.error();
    int queued = 0;
    const QDateTime now = utc(m_context.clock.now());
    for (const QString& callId : owing) {
        auto owed = owedUpdate(m_context.db, callId); // again, under the lock
        if (!owed.ok())
            return owed.error();
        if (!owed.value())
            continue;
        store::CadIncidentRow row = owed.value()->row;
        const OutboundState& state = owed.value()->state;
        cad::CadUpdate update;
        update.incidentId = store::toStdString(row.incidentId);
        update.cadNumber = store::toStdString(row.cadNumber);
        update.messageId = "urn:uuid:" + newRecordId(m_context.clock.now());
        update.at = m_context.clock.now();
        update.issuingElement = store::toStdString(identity.issuingElement);
        update.agency = store::toStdString(identity.agency);
        update.agentId = store::toStdString(m_context.actor.userId());
        update.callType = store::toStdString(state.callType);
        update.program = store::toStdString(state.program);
        update.unitCode = store::toStdString(state.unitCode);
        update.unitStatus = store::toStdString(state.unitStatus);
        update.disposition = store::toStdString(state.disposition);
        update.closed = state.closed;
        update.note = store::toStdString(state.note());
        const QString body = text(cad::writeEidoUpdate(update));
        auto seq = cad.enqueue(text(update.messageId), row.incidentId, body, now);
        if (!seq.ok())
            return seq.error();
        row.sentJson = state.key();
        auto version = cad.update(row, now);
        if (!version.ok())
            return version.error();
        if (store::StoreError error = work.audit(kCadOut, kCadIncident, callId))
            return error;
        ++queued;
    }
    if (store::StoreError error = cad.setState(kOutboundSeq, QString::number(last)))
        return error;
    if (store::StoreError error = work.commit())
        return error;
    *position = last;
    return queued;
}

store::StoreResult<QList<store::CadOutboxMessage>> CadUseCases::pendingOutbound(int limit)
{
    if (!permits(m_context.actor.role(), Action::TakeCall))
        return store::StoreError::make(store::StoreErrorCode::PermissionDenied);
    return store::CadStore(m_context.db).pending(limit);
}

store::StoreResult<int> CadUseCases::pendingOutboundCount()
{
    if (!permits(m_context.actor.role(), Action::TakeCall))
        return store::StoreError::make(store::StoreErrorCode::PermissionDenied);
    return store::CadStore(m_context.db).pendingCount();
}

store::StoreError CadUseCases::outboundDelivered(const QString& messageId)
{
    if (!permits(m_context.actor.role(), Action::TakeCall))
        return store::StoreError::make(store::StoreErrorCode::PermissionDenied);
    return store::CadStore(m_context.db).markDelivered(messageId, utc(m_context.clock.now()));
}

} // namespace heart::usecases
