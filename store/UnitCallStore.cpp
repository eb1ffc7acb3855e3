// What a unit member reads about the call their unit was sent to (see UnitCallStore.h).
#include "store/UnitCallStore.h"

#include "store/Database.h"
#include "store/FollowUpRows.h"
#include "store/FollowUpSettings.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QSqlQuery>
#include <QVariant>

namespace heart::store {
namespace {

using units::CallPart;

const QString kCall = QStringLiteral("call");
const QString kPerson = QStringLiteral("person");
const QString kEncounter = QStringLiteral("encounter");
const QString kSafetyPlan = QStringLiteral("safety_plan");

// Empties the fields of the parts the role does not see.
void keepOnlyVisible(CallRecord& call, const QList<CallPart>& parts)
{
    if (!parts.contains(CallPart::Contact)) {
        call.callerName.clear();
        call.callerPhone.clear();
        call.callerRelationship.clear();
    }
    if (!parts.contains(CallPart::CallClinical)) {
        call.narrative.clear();
        call.cssrs.clear();
        call.triagedAt = {};
        call.overrideReason.clear();
    }
}

QList<CallPart> toList(const std::vector<CallPart>& parts)
{
    return QList<CallPart>(parts.begin(), parts.end());
}

bool isPrior(CallPart part)
{
    return part == CallPart::PriorCalls || part == CallPart::PriorEncounters ||
           part == CallPart::SafetyPlan || part == CallPart::FollowUps;
}

} // namespace

StoreError UnitCallStore::requireSentTo(const Actor& actor, const QString& callId, const QString& recordType,
                                        const QString& recordId)
{
    QSqlQuery assigned = m_db.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM unit_status_events e JOIN unit_members m ON m.unit_id = e.unit_id "
        "JOIN staff s ON s.id = m.staff_id WHERE e.call_id = ? AND s.user_id = ?"));
    assigned.addBindValue(callId);
    assigned.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(assigned, "check unit assignment"))
        return error;
    if (!assigned.next() || assigned.value(0).toInt() == 0) {
        // Minimum necessary: a team reads about the people its unit was sent to.
        m_audit.record(actor, {audit::PermissionDenied, recordType, recordId});
        return StoreError::make(StoreErrorCode::PermissionDenied, QStringLiteral("not this unit's call"));
    }
    return {};
}

StoreResult<std::pair<QString, QString>> UnitCallStore::personOfCall(const QString& callId)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT c.person_id, p.given_name, p.family_name, c.person_name FROM calls c "
                       "LEFT JOIN people p ON p.id = c.person_id WHERE c.id = ?"));
    query.addBindValue(callId);
    if (StoreError error = m_db.exec(query, "read the call's person"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
    const QString name =
        QStringList{query.value(1).toString(), query.value(2).toString()}.join(QLatin1Char(' ')).trimmed();
    return std::pair{query.value(0).toString(), name.isEmpty() ? query.value(3).toString() : name};
}

StoreResult<UnitCallDetail> UnitCallStore::open(const Actor& actor, const QString& callId)
{
    // The unit check and the audited open are openAssigned's.
    auto call = IntakeStore(m_db, m_clock).openAssigned(actor, callId);
    if (!call.ok())
        return call.error();
    UnitCallDetail detail;
    detail.parts = toList(units::visibleCallParts(actor.role()));
    detail.call = call.value();
    keepOnlyVisible(detail.call, detail.parts);
    detail.unitDispatchedAt = detail.call.dispatchedAt;

    // Who sent the actor's unit, and when: the unit's "dispatched" event on the call.
    QSqlQuery sent = m_db.prepare(QStringLiteral(
        "SELECT e.at_utc, u.display_name FROM unit_status_events e "
        "JOIN unit_members m ON m.unit_id = e.unit_id JOIN staff s ON s.id = m.staff_id "
        "LEFT JOIN users u ON u.id = e.user_id "
        "WHERE e.call_id = ? AND e.status = 'dispatched' AND s.user_id = ? ORDER BY e.seq DESC"));
    sent.addBindValue(callId);
    sent.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(sent, "read who dispatched the unit"))
        return error;
    if (sent.next()) {
        detail.unitDispatchedAt = fromStoredTime(sent.value(0).toString());
        detail.dispatchedByName = sent.value(1).toString();
    }
    sent.finish();

    if (detail.sees(CallPart::CallClinical)) {
        QSqlQuery addenda = m_db.prepare(QStringLiteral(
            "SELECT a.id, a.author_id, u.display_name, a.written_at, a.text FROM call_addenda a "
            "LEFT JOIN users u ON u.id = a.author_id WHERE a.call_id = ? ORDER BY a.written_at, a.id"));
        addenda.addBindValue(callId);
        if (StoreError error = m_db.exec(addenda, "list the call's addenda"))
            return error;
        while (addenda.next()) {
            detail.addenda.append({addenda.value(0).toString(), addenda.value(1).toString(),
                                   addenda.value(2).toString(), fromStoredTime(addenda.value(3).toString()),
                                   addenda.value(4).toString()});
        }
    }
    return detail;
}

StoreResult<PriorContacts> UnitCallStore::priorContacts(const Actor& actor, const QString& callId)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kPerson))
        return error;
    PriorContacts prior;
    for (CallPart part : units::visibleCallParts(actor.role())) {
        if (isPrior(part))
            prior.parts.append(part);
    }
    if (prior.parts.isEmpty()) {
        m_audit.record(actor, {audit::PermissionDenied, kPerson, QString()});
        return StoreError::make(StoreErrorCode::PermissionDenied,
                                QStringLiteral("no prior contacts for this role"));
    }
    if (StoreError error = requireSentTo(actor, callId, kCall, callId))
        return error;
    auto person = personOfCall(callId);
    if (!person.ok())
        return person.error();
    prior.personId = person.value().first;
    prior.personName = person.value().second;
    if (prior.personId.isEmpty())
        return prior; // no known person: nothing read about anyone

    QList<AuditEvent> opened = {{audit::Open, kPerson, prior.personId}};
    if (prior.sees(CallPart::PriorCalls)) {
        auto calls = IntakeStore::callsOfPerson(m_db, prior.personId);
        if (!calls.ok())
            return calls.error();
        for (const CallRecord& call : calls.value()) {
            if (call.id == callId)
                continue;
            prior.calls.append({call.id, call.cadNumber, call.receivedAt, call.callType, call.riskLevel,
                                call.disposition, call.assignedUnit, call.status});
            opened.append({audit::Open, kCall, call.id});
        }
    }
    if (prior.sees(CallPart::PriorEncounters)) {
        QSqlQuery query = m_db.prepare(
            QStringLiteral("SELECT e.id, e.call_id, c.cad_number, e.created_at FROM encounters e "
                           "JOIN calls c ON c.id = e.call_id WHERE c.person_id = ? AND e.call_id <> ? "
                           "ORDER BY e.created_at DESC, e.id DESC"));
        query.addBindValue(prior.personId);
        query.addBindValue(callId);
        if (StoreError error = m_db.exec(query, "list the person's encounters"))
            return error;
        while (query.next()) {
            prior.encounters.append({query.value(0).toString(),
                                     query.value(1).toString(),
                                     query.value(2).toString(),
                                     fromStoredTime(query.value(3).toString()),
                                     {},
                                     {}});
        }
        query.finish();
        for (PriorEncounter& encounter : prior.encounters) {
            auto outline = followup_rows::readEncounterOutline(m_db, encounter.id);
            if (!outline.ok())
                return outline.error();
            if (outline.value())
                encounter.outline = *outline.value();
            QSqlQuery authors = m_db.prepare(QStringLiteral(
                "SELECT u.display_name FROM encounter_entries n JOIN users u ON u.id = n.author_id "
                "WHERE n.encounter_id = ? ORDER BY n.seq"));
            authors.addBindValue(encounter.id);
            if (StoreError error = m_db.exec(authors, "list who wrote in an encounter"))
                return error;
            if (!encounter.outline.signedByName.isEmpty())
                encounter.responders.append(encounter.outline.signedByName);
            while (authors.next()) {
                const QString name = authors.value(0).toString();
                if (!encounter.responders.contains(name))
                    encounter.responders.append(name);
            }
            opened.append({audit::Open, kEncounter, encounter.id});
        }
    }
    if (prior.sees(CallPart::SafetyPlan)) {
        auto plan = latestFinalPlan(prior.personId);
        if (!plan.ok())
            return plan.error();
        prior.safetyPlan = plan.value();
        if (prior.safetyPlan)
            opened.append({audit::Open, kSafetyPlan, prior.safetyPlan->id});
    }
    if (prior.sees(CallPart::FollowUps)) {
        auto policy = FollowUpSettings(m_db, m_clock).policy();
        if (!policy.ok())
            return policy.error();
        QSqlQuery query = m_db.prepare(
            QStringLiteral("SELECT id FROM followup_tasks WHERE person_id = ? "
                           "ORDER BY CASE WHEN state = 'closed' THEN 1 ELSE 0 END, due_at DESC, id DESC"));
        query.addBindValue(prior.personId);
        if (StoreError error = m_db.exec(query, "list the person's follow-ups"))
            return error;
        QStringList ids;
        while (query.next() && ids.size() < kMaxFollowUps)
            ids.append(query.value(0).toString());
        query.finish();
        for (const QString& id : std::as_const(ids)) {
            auto task = followup_rows::readTask(m_db, id, policy.value(), m_clock.now());
            if (!task.ok())
                return task.error();
            FollowUpTask outline = task.value();
            outline.attempts.clear(); // the attempts' notes are the navigators'
            outline.outcomeNote.clear();
            prior.followUps.append(outline);
            opened.append({audit::Open, FollowUpStore::recordType(), id});
        }
    }

    // No contents without the audit rows that say who read them.
    UnitOfWork work(m_db, m_clock, actor, Action::OpenPersonRecord, kPerson, prior.personId);
    if (!work.ok())
        return work.error();
    for (const AuditEvent& event : std::as_const(opened)) {
        if (StoreError error = work.audit(event.action, event.recordType, event.recordId))
            return error;
    }
    if (StoreError error = work.commit())
        return error;
    return prior;
}

StoreResult<std::optional<SafetyPlanRecord>> UnitCallStore::latestFinalPlan(const QString& personId)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT encounter_id FROM safety_plans WHERE person_id = ? AND status = 'final' "
                       "ORDER BY updated_at DESC, id DESC"));
    query.addBindValue(personId);
    if (StoreError error = m_db.exec(query, "find the person's latest safety plan"))
        return error;
    if (!query.next())
        return std::optional<SafetyPlanRecord>();
    const QString encounterId = query.value(0).toString();
    query.finish();
    return followup_rows::readSafetyPlan(m_db, encounterId);
}

StoreResult<PriorSafetyPlan> UnitCallStore::latestSafetyPlan(const Actor& actor, const QString& callId)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kSafetyPlan))
        return error;
    if (!units::seesCallPart(actor.role(), CallPart::SafetyPlan)) {
        m_audit.record(actor, {audit::PermissionDenied, kSafetyPlan, QString()});
        return StoreError::make(StoreErrorCode::PermissionDenied, QStringLiteral("not this role's to read"));
    }
    if (StoreError error = requireSentTo(actor, callId, kCall, callId))
        return error;
    auto person = personOfCall(callId);
    if (!person.ok())
        return person.error();
    if (person.value().first.isEmpty())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("the call is linked to no person"));
    auto plan = latestFinalPlan(person.value().first);
    if (!plan.ok())
        return plan.error();
    if (!plan.value())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no final safety plan"));
    if (StoreError error = m_audit.record(actor, {audit::Open, kSafetyPlan, plan.value()->id}))
        return error;
    return PriorSafetyPlan{*plan.value(), person.value().second};
}

StoreError UnitCallStore::printed(const Actor& actor, const QString& planId)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kSafetyPlan, planId))
        return error;
    return m_audit.record(actor, {audit::Export, kSafetyPlan, planId});
}

} // namespace heart::store
