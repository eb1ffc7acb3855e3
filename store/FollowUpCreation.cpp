// FollowUpStore's creators: a task from a signed encounter or a closed call,
// inside the caller's write transaction (see FollowUpStore.h for the rules
// on program, contact time and risk).
#include "core/Uuid.h"
#include "core/units/UnitStatus.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/FollowUpRows.h"
#include "store/FollowUpSettings.h"
#include "store/FollowUpStore.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

namespace heart::store {
namespace {

using followup_rows::nullText;
using followup_rows::readTime;

std::string text(const QVariant& value)
{
    return value.toString().toStdString();
}

StoreResult<QString> existingTask(Database& db, const QString& sourceKey)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT id FROM followup_tasks WHERE source_key = ?"));
    query.addBindValue(sourceKey);
    if (StoreError error = db.exec(query, "find follow-up task of a source"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

// Writes the task unless one exists for the source (ON CONFLICT: two
// workstations signing at once still make one).
StoreResult<CreatedFollowUp> insertTask(Database& db, const QString& sourceKey, const followup::NewTask& task,
                                        const QString& callId, const QString& encounterId,
                                        const QString& personId, TimePoint now)
{
    const QString id = toQString(newRecordId(now));
    const QString stamp = toStoredTime(now);
    const QVariant risk = task.risk == routing::RiskLevel::NotAssessed
                              ? QVariant(QMetaType::fromType<QString>())
                              : QVariant(toQString(routing::riskCode(task.risk)));
    QSqlQuery insert = db.prepare(QStringLiteral(
        "INSERT INTO followup_tasks (id, source_key, kind, program, call_id, encounter_id, person_id, risk, "
        "risk_rank, preferred_contact, contact_phone, contact_at, due_at, state, attempts, max_attempts, "
        "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?, ?, "
        "1) "
        "ON CONFLICT (source_key) DO NOTHING"));
    for (const QVariant& value : {
             QVariant(id),
             QVariant(sourceKey),
             QVariant(toQString(followup::taskKindCode(task.kind))),
             QVariant(toQString(routing::programCode(task.program))),
             QVariant(callId),
             nullText(encounterId),
             nullText(personId),
             risk,
             QVariant(followup::riskRank(task.risk)),
             task.preferredContact
                 ? QVariant(toQString(encounter::contactPreferenceCode(*task.preferredContact)))
                 : QVariant(QMetaType::fromType<QString>()),
             nullText(toQString(task.contactPhone)),
             QVariant(toStoredTime(task.contactAt)),
             QVariant(toStoredTime(task.dueAt)),
             QVariant(task.maxAttempts),
             QVariant(stamp),
             QVariant(stamp),
         })
        insert.addBindValue(value);
    if (StoreError error = db.exec(insert, "insert follow-up task"))
        return error;
    if (insert.numRowsAffected() == 1)
        return CreatedFollowUp{id, true};
    insert.finish();
    auto existing = existingTask(db, sourceKey);
    if (!existing.ok())
        return existing.error();
    return CreatedFollowUp{existing.value(), false};
}

// A task made now, recorded in the unit of work that made it.
StoreResult<CreatedFollowUp> recorded(UnitOfWork& work, StoreResult<CreatedFollowUp> created)
{
    if (created.ok() && created.value().created) {
        if (StoreError error =
                work.changed(audit::Create, FollowUpStore::recordType(), created.value().taskId, 1))
            return error;
    }
    return created;
}

} // namespace

StoreResult<CreatedFollowUp> FollowUpStore::createForSignedEncounter(UnitOfWork& work,
                                                                     const QString& encounterId)
{
    return recorded(work, createForSignedEncounter(work.db(), encounterId, work.clock().now()));
}

StoreResult<CreatedFollowUp> FollowUpStore::createCheckInForClosedCall(UnitOfWork& work,
                                                                       const QString& callId)
{
    return recorded(work, createCheckInForClosedCall(work.db(), callId, work.clock().now()));
}

StoreResult<CreatedFollowUp> FollowUpStore::createForSignedEncounter(Database& db, const QString& encounterId,
                                                                     TimePoint now)
{
    const QString sourceKey = QStringLiteral("encounter:") + encounterId;
    if (auto existing = existingTask(db, sourceKey); !existing.ok() || !existing.value().isEmpty()) {
        if (!existing.ok())
            return existing.error();
        return CreatedFollowUp{existing.value(), false};
    }
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT e.signed_at, e.consent_to_follow_up, e.preferred_contact, e.contact_phone, e.cssrs, "
        "e.call_id, "
        "e.unit_id, u.kind, c.risk_level, c.person_id, c.dispatched_at, c.received_at FROM encounters e "
        "JOIN calls c ON c.id = e.call_id JOIN units u ON u.id = e.unit_id WHERE e.id = ?"));
    query.addBindValue(encounterId);
    if (StoreError error = db.exec(query, "read signed encounter for follow-up"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such encounter"));
    followup::EncounterContact contact;
    contact.isSigned = !query.value(0).isNull();
    if (!query.value(1).isNull())
        contact.consentToFollowUp = query.value(1).toInt() != 0;
    contact.preferredContact = encounter::contactPreferenceFromCode(text(query.value(2)));
    contact.contactPhone = text(query.value(3));
    std::optional<triage::CssrsAnswers> inPerson;
    if (!query.value(4).isNull()) {
        if (auto answers = triage::decodeCssrs(text(query.value(4))); answers.ok())
            inPerson = answers.value();
    }
    const QString callId = query.value(5).toString();
    const QString unitId = query.value(6).toString();
    const auto kind = units::unitKindFromCode(text(query.value(7)));
    contact.program = kind == units::UnitKind::CoResponse ? routing::Program::CoResponse
                                                          : routing::Program::CommunityResponse;
    contact.risk = followup::taskRisk(
        inPerson, routing::riskFromCode(text(query.value(8))).value_or(routing::RiskLevel::NotAssessed));
    const QString personId = query.value(9).toString();
    const QDateTime dispatched = readTime(query.value(10));
    const QDateTime received = readTime(query.value(11));
    query.finish();
    if (contact.consentToFollowUp != true) // no need to look further
        return CreatedFollowUp{};

    QSqlQuery arrived =
        db.prepare(QStringLiteral("SELECT MIN(at_utc) FROM unit_status_events "
                                  "WHERE unit_id = ? AND call_id = ? AND status = 'on_scene'"));
    arrived.addBindValue(unitId);
    arrived.addBindValue(callId);
    if (StoreError error = db.exec(arrived, "read arrival on scene"))
        return error;
    const QDateTime onScene = arrived.next() ? readTime(arrived.value(0)) : QDateTime();
    arrived.finish();
    const QDateTime contactAt = onScene.isValid() ? onScene : (dispatched.isValid() ? dispatched : received);
    contact.contactAt = contactAt.isValid() ? toTimePoint(contactAt) : now;

    auto policy = FollowUpSettings::policyOf(db);
    if (!policy.ok())
        return policy.error();
    const auto task = policy.value().followUpForEncounter(contact);
    if (!task)
        return CreatedFollowUp{};
    return insertTask(db, sourceKey, *task, callId, encounterId, personId, now);
}

StoreResult<CreatedFollowUp> FollowUpStore::createCheckInForClosedCall(Database& db, const QString& callId,
                                                                       TimePoint now)
{
    const QString sourceKey = QStringLiteral("call:") + callId;
    if (auto existing = existingTask(db, sourceKey); !existing.ok() || !existing.value().isEmpty()) {
        if (!existing.ok())
            return existing.error();
        return CreatedFollowUp{existing.value(), false};
    }
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT c.status, c.disposition, c.risk_level, COALESCE(c.caller_phone, p.phone), c.received_at, "
        "c.person_id FROM calls c LEFT JOIN people p ON p.id = c.person_id WHERE c.id = ?"));
    query.addBindValue(callId);
    if (StoreError error = db.exec(query, "read closed call for check-in"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
    followup::ClosedCall call;
    call.isClosed = query.value(0).toString() == QLatin1String("closed");
    call.disposition = routing::dispositionFromCode(text(query.value(1)));
    call.risk = routing::riskFromCode(text(query.value(2))).value_or(routing::RiskLevel::NotAssessed);
    call.contactPhone = text(query.value(3));
    const QDateTime received = readTime(query.value(4));
    call.contactAt = received.isValid() ? toTimePoint(received) : now;
    const QString personId = query.value(5).toString();
    query.finish();
    if (!call.isClosed || call.disposition != routing::Disposition::Diverted)
        return CreatedFollowUp{};

    auto policy = FollowUpSettings::policyOf(db);
    if (!policy.ok())
        return policy.error();
    const auto task = policy.value().checkInForCall(call);
    if (!task)
        return CreatedFollowUp{};
    return insertTask(db, sourceKey, *task, callId, QString(), personId, now);
}

} // namespace heart::store
