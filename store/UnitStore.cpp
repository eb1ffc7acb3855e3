#include "store/UnitStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/ReadAndCommit.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QHash>
#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

const QString kUnit = QStringLiteral("unit");
const QString kClinician = QStringLiteral("clinician");
const QString kClosed = QStringLiteral("closed");

// The columns readUnitRow() takes, in its order; the call's CAD number by a join.
const QString kUnitSelect = QStringLiteral(
    "SELECT u.id, u.version, u.code, u.kind, u.status, u.status_since, u.call_id, c.cad_number "
    "FROM units u LEFT JOIN calls c ON c.id = u.call_id");

QVariant nullText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

StoreError conflict()
{
    return StoreError::make(StoreErrorCode::Conflict, QStringLiteral("the unit was changed meanwhile"));
}

QString statusText(units::UnitStatus status)
{
    return toQString(units::unitStatusCode(status));
}

units::UnitStatus statusFrom(const QVariant& value)
{
    const auto status = units::unitStatusFromCode(value.toString().toStdString());
    return status ? *status : units::UnitStatus::OutOfService;
}

units::UnitKind kindFrom(const QVariant& value)
{
    const auto kind = units::unitKindFromCode(value.toString().toStdString());
    return kind ? *kind : units::UnitKind::CommunityResponse;
}

Unit readUnitRow(const QSqlQuery& row)
{
    Unit unit;
    unit.id = row.value(0).toString();
    unit.version = row.value(1).toInt();
    unit.code = row.value(2).toString();
    unit.kind = kindFrom(row.value(3));
    unit.status = statusFrom(row.value(4));
    unit.statusSince = fromStoredTime(row.value(5).toString());
    unit.callId = row.value(6).toString();
    unit.callCad = row.value(7).toString();
    return unit;
}

// Text order that is the same on both engines (their collations differ).
int compareText(const QString& a, const QString& b)
{
    if (const int folded = QString::compare(a, b, Qt::CaseInsensitive); folded != 0)
        return folded;
    return QString::compare(a, b, Qt::CaseSensitive);
}

// The clinician (the unit's lead) first, then everyone by name.
bool memberBefore(const UnitMember& a, const UnitMember& b)
{
    const bool aLead = a.role == kClinician;
    const bool bLead = b.role == kClinician;
    if (aLead != bLead)
        return aLead;
    if (const int byName = compareText(a.displayName, b.displayName); byName != 0)
        return byName < 0;
    return a.staffId < b.staffId;
}

bool unitBefore(const Unit& a, const Unit& b)
{
    return compareText(a.code, b.code) < 0;
}

// The core's refusal as the store's: its code and detail, never a person's data.
StoreError fromCore(const Error& error, const QString& field)
{
    QString detail = toQString(error.code);
    if (!error.detail.empty())
        detail += QStringLiteral(": ") + toQString(error.detail);
    return StoreError::make(StoreErrorCode::StatusRefused, detail, field);
}

StoreError refused(const QString& detail)
{
    return StoreError::make(StoreErrorCode::StatusRefused, detail, QStringLiteral("status"));
}

} // namespace

StoreError UnitStore::requireBoard(const Actor& actor, const QString& unitId)
{
    if (permits(actor.role(), Action::ViewUnitCalls) || permits(actor.role(), Action::ViewCallQueue))
        return {};
    // Neither: let the audit trail record the refusal.
    return m_audit.require(actor, Action::ViewUnitCalls, kUnit, unitId);
}

StoreError UnitStore::readMembers(QList<Unit>& units)
{
    if (units.isEmpty())
        return {};
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < units.size(); ++i)
        index.insert(units[i].id, i);
    QString sql =
        QStringLiteral("SELECT m.unit_id, s.id, s.display_name, s.responder_role FROM unit_members m "
                       "JOIN staff s ON s.id = m.staff_id");
    if (units.size() == 1)
        sql += QStringLiteral(" WHERE m.unit_id = ?");
    QSqlQuery query = m_db.prepare(sql);
    if (units.size() == 1)
        query.addBindValue(units.first().id);
    if (StoreError error = m_db.exec(query, "read unit members"))
        return error;
    while (query.next()) {
        const auto found = index.constFind(query.value(0).toString());
        if (found == index.constEnd())
            continue;
        units[*found].members.append(
            {query.value(1).toString(), query.value(2).toString(), query.value(3).toString()});
    }
    for (Unit& unit : units)
        std::sort(unit.members.begin(), unit.members.end(), memberBefore);
    return {};
}

StoreResult<Unit> UnitStore::readUnit(const QString& unitId)
{
    QList<Unit> found;
    {
        QSqlQuery query = m_db.prepare(kUnitSelect + QStringLiteral(" WHERE u.id = ?"));
        query.addBindValue(unitId);
        if (StoreError error = m_db.exec(query, "read unit"))
            return error;
        if (!query.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such unit"));
        found.append(readUnitRow(query));
    }
    if (StoreError error = readMembers(found))
        return error;
    return found.first();
}

StoreResult<Unit> UnitStore::createUnit(const Actor& actor, const QString& code, units::UnitKind kind)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kUnit);
    if (!work.ok())
        return work.error();
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return StoreError::make(StoreErrorCode::RequiredMissing, QStringLiteral("a unit needs a code"),
                                QStringLiteral("code"));
    {
        // "crt-1" next to "CRT-1" would be two units nobody can tell apart on the board.
        QSqlQuery taken = m_db.prepare(QStringLiteral("SELECT 1 FROM units WHERE LOWER(code) = LOWER(?)"));
        taken.addBindValue(trimmed);
        if (StoreError error = m_db.exec(taken, "check unit code"))
            return error;
        if (taken.next())
            return invalid(QStringLiteral("the unit code is taken"), QStringLiteral("code"));
    }
    const QString id = toQString(newRecordId(m_clock.now()));
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO units (id, code, kind, status, status_since, call_id, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    insert.addBindValue(id);
    insert.addBindValue(trimmed);
    insert.addBindValue(toQString(units::unitKindCode(kind)));
    insert.addBindValue(statusText(units::UnitStatus::OutOfService));
    insert.addBindValue(now);
    insert.addBindValue(QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (StoreError error = m_db.exec(insert, "insert unit"))
        return error;
    if (StoreError error = work.changed(audit::Create, kUnit, id, 1))
        return error;
    return readAndCommit<Unit>(work, [&] { return readUnit(id); });
}

StoreResult<Unit> UnitStore::setMembers(const Actor& actor, const QString& unitId, int version,
                                        const QStringList& staffIds)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kUnit, unitId);
    if (!work.ok())
        return work.error();
    QStringList members;
    for (const QString& staffId : staffIds) {
        if (!members.contains(staffId))
            members.append(staffId);
    }

    auto current = readUnit(unitId);
    if (!current.ok())
        return current.error();
    if (current.value().version != version)
        return conflict();
    for (const QString& staffId : members) {
        QSqlQuery known = m_db.prepare(QStringLiteral("SELECT 1 FROM staff WHERE id = ? AND active = 1"));
        known.addBindValue(staffId);
        if (StoreError error = m_db.exec(known, "check unit member"))
            return error;
        if (!known.next())
            return invalid(QStringLiteral("no such active responder"), QStringLiteral("members"));
    }
    QSqlQuery bump = m_db.prepare(QStringLiteral(
        "UPDATE units SET updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    bump.addBindValue(toStoredTime(m_clock.now()));
    bump.addBindValue(unitId);
    bump.addBindValue(version);
    if (StoreError error = m_db.exec(bump, "bump unit version"))
        return error;
    if (bump.numRowsAffected() != 1)
        return conflict();
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM unit_members WHERE unit_id = ?"));
    clear.addBindValue(unitId);
    if (StoreError error = m_db.exec(clear, "clear unit members"))
        return error;
    for (const QString& staffId : members) {
        QSqlQuery insert =
            m_db.prepare(QStringLiteral("INSERT INTO unit_members (unit_id, staff_id) VALUES (?, ?)"));
        insert.addBindValue(unitId);
        insert.addBindValue(staffId);
        if (StoreError error = m_db.exec(insert, "add unit member"))
            return error;
    }
    if (StoreError error = work.changed(audit::Update, kUnit, unitId, version + 1))
        return error;
    return readAndCommit<Unit>(work, [&] { return readUnit(unitId); });
}

StoreResult<QList<Unit>> UnitStore::board(const Actor& actor)
{
    if (StoreError error = requireBoard(actor, {}))
        return error;
    QList<Unit> units;
    {
        QSqlQuery query = m_db.prepare(kUnitSelect + QStringLiteral(" ORDER BY u.code"));
        if (StoreError error = m_db.exec(query, "read units"))
            return error;
        while (query.next())
            units.append(readUnitRow(query));
    }
    std::stable_sort(units.begin(), units.end(), unitBefore);
    if (StoreError error = readMembers(units))
        return error;
    return units;
}

StoreResult<Unit> UnitStore::myUnit(const Actor& actor)
{
    if (StoreError error = requireBoard(actor, {}))
        return error;
    QSqlQuery find = m_db.prepare(QStringLiteral(
        "SELECT m.unit_id FROM unit_members m JOIN staff s ON s.id = m.staff_id WHERE s.user_id = ?"));
    find.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(find, "find my unit"))
        return error;
    if (!find.next())
        return Unit{};
    return readUnit(find.value(0).toString());
}

StoreResult<Unit> UnitStore::unit(const Actor& actor, const QString& unitId)
{
    if (StoreError error = requireBoard(actor, unitId))
        return error;
    return readUnit(unitId);
}

StoreResult<Unit> UnitStore::writeStatus(UnitOfWork& work, const Unit& current, units::UnitStatus to,
                                         const QString& unitCallId, const QString& eventCallId,
                                         const QString& auditAction)
{
    const Actor& actor = work.actor();
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE units SET status = ?, status_since = ?, call_id = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?"));
    update.addBindValue(statusText(to));
    update.addBindValue(now);
    update.addBindValue(nullText(unitCallId));
    update.addBindValue(now);
    update.addBindValue(current.id);
    update.addBindValue(current.version);
    if (StoreError error = m_db.exec(update, "move unit"))
        return error;
    if (update.numRowsAffected() != 1)
        return conflict();
    QSqlQuery event = m_db.prepare(
        QStringLiteral("INSERT INTO unit_status_events (id, unit_id, call_id, status, at_utc, user_id, seq) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    event.addBindValue(toQString(newRecordId(m_clock.now())));
    event.addBindValue(current.id);
    event.addBindValue(nullText(eventCallId));
    event.addBindValue(statusText(to));
    event.addBindValue(now);
    event.addBindValue(actor.userId());
    event.addBindValue(current.version + 1);
    if (StoreError error = m_db.exec(event, "write unit status event"))
        return error;
    if (StoreError error = work.changed(auditAction, kUnit, current.id, current.version + 1))
        return error;
    return readUnit(current.id);
}

StoreResult<Unit> UnitStore::changeStatus(const Actor& actor, const QString& unitId, int version,
                                          units::UnitStatus to)
{
    UnitOfWork work(m_db, m_clock, actor, Action::UpdateUnitStatus, kUnit, unitId);
    if (!work.ok())
        return work.error();
    auto read = readUnit(unitId);
    if (!read.ok())
        return read.error();
    const Unit& current = read.value();
    if (current.version != version)
        return conflict();
    if (const auto refused = units::checkTransition(current.status, to))
        return fromCore(*refused, QStringLiteral("status"));
    // A call is given only by dispatchToCall (DispatchUnit), which says which call.
    if (to == units::UnitStatus::Dispatched)
        return refused(
            QStringLiteral("dispatch-needs-a-call: a unit is dispatched to a call, not moved there"));
    if (units::isOnCall(to) && current.callId.isEmpty())
        return refused(QStringLiteral("no-call: the unit is on no call"));

    // The event keeps the call the unit was on (clear and available close the
    // call's history); the unit lets go of it once available or out of service.
    const bool leavesCall = to == units::UnitStatus::Available || to == units::UnitStatus::OutOfService;
    auto moved = writeStatus(work, current, to, leavesCall ? QString() : current.callId, current.callId,
                             audit::StatusChange);
    if (!moved.ok())
        return moved.error();
    if (StoreError error = work.commit())
        return error;
    return moved;
}

StoreResult<Unit> UnitStore::dispatchToCall(const Actor& actor, const QString& unitId, int version,
                                            const QString& callId)
{
    UnitOfWork work(m_db, m_clock, actor, Action::DispatchUnit, kUnit, unitId);
    if (!work.ok())
        return work.error();
    auto read = readUnit(unitId);
    if (!read.ok())
        return read.error();
    const Unit& current = read.value();
    if (current.version != version)
        return conflict();
    if (current.status != units::UnitStatus::Available && current.status != units::UnitStatus::Clear)
        return StoreError::make(StoreErrorCode::UnitBusy,
                                QStringLiteral("the unit is busy (%1)").arg(statusText(current.status)),
                                QStringLiteral("unit"));
    {
        QSqlQuery call = m_db.prepare(QStringLiteral("SELECT status FROM calls WHERE id = ?"));
        call.addBindValue(callId);
        if (StoreError error = m_db.exec(call, "check call for dispatch"))
            return error;
        if (!call.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
        if (call.value(0).toString() == kClosed)
            return StoreError::make(StoreErrorCode::CallClosed, QStringLiteral("the call is closed"),
                                    QStringLiteral("call"));
    }
    if (const auto refused = units::checkTransition(current.status, units::UnitStatus::Dispatched))
        return fromCore(*refused, QStringLiteral("unit"));

    auto moved = writeStatus(work, current, units::UnitStatus::Dispatched, callId, callId, audit::Dispatch);
    if (!moved.ok())
        return moved.error();
    if (StoreError error = work.commit())
        return error;
    return moved;
}

StoreResult<QList<UnitCallSummary>> UnitStore::recentCalls(const Actor& actor, const QString& unitId,
                                                           const QDateTime& since)
{
    if (StoreError error = requireBoard(actor, unitId))
        return error;
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT e.call_id, c.cad_number, c.call_type, MAX(e.at_utc), "
        " (SELECT COUNT(*) FROM encounters n WHERE n.call_id = e.call_id AND n.unit_id = e.unit_id "
        "  AND n.signed_at IS NOT NULL) "
        "FROM unit_status_events e JOIN calls c ON c.id = e.call_id "
        "WHERE e.unit_id = ? AND e.status = 'dispatched' AND e.at_utc >= ? "
        "GROUP BY e.call_id, c.cad_number, c.call_type, e.unit_id ORDER BY MAX(e.at_utc) DESC"));
    query.addBindValue(unitId);
    query.addBindValue(toStoredTime(since));
    if (StoreError error = m_db.exec(query, "read unit recent calls"))
        return error;
    QList<UnitCallSummary> calls;
    while (query.next()) {
        calls.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                      fromStoredTime(query.value(3).toString()), query.value(4).toInt() > 0});
    }
    return calls;
}

StoreResult<QList<UnitStatusEvent>> UnitStore::callHistory(const Actor& actor, const QString& unitId,
                                                           const QString& callId)
{
    if (StoreError error = requireBoard(actor, unitId))
        return error;
    {
        QSqlQuery known = m_db.prepare(QStringLiteral("SELECT 1 FROM units WHERE id = ?"));
        known.addBindValue(unitId);
        if (StoreError error = m_db.exec(known, "find unit"))
            return error;
        if (!known.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such unit"));
    }
    // No call: the unit's changes between calls (out of service, back in service).
    QSqlQuery query = m_db.prepare(
        QStringLiteral(
            "SELECT call_id, status, at_utc, user_id FROM unit_status_events WHERE unit_id = ? AND ") +
        (callId.isEmpty() ? QStringLiteral("call_id IS NULL") : QStringLiteral("call_id = ?")) +
        QStringLiteral(" ORDER BY seq"));
    query.addBindValue(unitId);
    if (!callId.isEmpty())
        query.addBindValue(callId);
    if (StoreError error = m_db.exec(query, "read unit call history"))
        return error;
    QList<UnitStatusEvent> events;
    while (query.next()) {
        UnitStatusEvent event;
        event.unitId = unitId;
        event.callId = query.value(0).toString();
        event.status = statusFrom(query.value(1));
        event.at = fromStoredTime(query.value(2).toString());
        event.userId = query.value(3).toString();
        events.append(event);
    }
    return events;
}

} // namespace heart::store
