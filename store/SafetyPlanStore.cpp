#include "store/SafetyPlanStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/EncounterStore.h"
#include "store/ReadAndCommit.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QStringList>
#include <QVariant>
#include <nlohmann/json.hpp>

namespace heart::store {
namespace {

const QString kSafetyPlan = QStringLiteral("safety_plan");
const QString kEncounter = QStringLiteral("encounter");
const QString kDraft = QStringLiteral("draft");
const QString kFinal = QStringLiteral("final");

// The columns readPlanRow() takes, in its order.
const QString kPlanSelect = QStringLiteral(
    "SELECT p.id, p.version, p.encounter_id, e.call_id, p.person_id, p.document, p.status, p.author_id, "
    "u.display_name, p.updated_at, p.finalised_by, p.finalised_at FROM safety_plans p "
    "JOIN encounters e ON e.id = p.encounter_id LEFT JOIN users u ON u.id = p.author_id");

QDateTime readTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromStoredTime(value.toString());
}

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
    return StoreError::make(StoreErrorCode::Conflict,
                            QStringLiteral("the safety plan was changed meanwhile"));
}

StoreResult<SafetyPlanRecord> readPlanRow(const QSqlQuery& row)
{
    SafetyPlanRecord record;
    record.id = row.value(0).toString();
    record.version = row.value(1).toInt();
    record.encounterId = row.value(2).toString();
    record.callId = row.value(3).toString();
    record.personId = row.value(4).toString();
    auto plan = safety::parseSafetyPlan(row.value(5).toString().toStdString());
    if (!plan.ok()) {
        // The error names a code and a JSON path, never the plan's text.
        return StoreError::make(StoreErrorCode::QueryFailed,
                                QStringLiteral("the stored safety plan cannot be read: ") +
                                    toQString(plan.error().code) + QStringLiteral(" at ") +
                                    toQString(plan.error().field));
    }
    record.plan = std::move(plan).value();
    record.isFinal = row.value(6).toString() == kFinal;
    record.authorId = row.value(7).toString();
    record.authorName = row.value(8).toString();
    record.savedAt = readTime(row.value(9));
    record.finalisedBy = row.value(10).toString();
    record.finalisedAt = readTime(row.value(11));
    return record;
}

// The person of the encounter's call, or empty.
StoreResult<QString> personOfEncounter(Database& db, const QString& encounterId)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT c.person_id FROM encounters e JOIN calls c ON c.id = e.call_id WHERE e.id = ?"));
    query.addBindValue(encounterId);
    if (StoreError error = db.exec(query, "read the encounter's person"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

StoreResult<SafetyPlanRecord> SafetyPlanStore::readOne(const QString& where, const QString& value)
{
    QSqlQuery query = m_db.prepare(kPlanSelect + QStringLiteral(" WHERE ") + where);
    query.addBindValue(value);
    if (StoreError error = m_db.exec(query, "read safety plan"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no safety plan"));
    return readPlanRow(query);
}

StoreResult<SafetyPlanRecord> SafetyPlanStore::openAudited(const Actor& actor,
                                                           StoreResult<SafetyPlanRecord> found)
{
    if (!found.ok())
        return found;
    // No contents without the audit row that says who read them.
    if (StoreError error = m_audit.record(actor, {audit::Open, kSafetyPlan, found.value().id}))
        return error;
    return found;
}

StoreResult<SafetyPlanRecord> SafetyPlanStore::save(const Actor& actor, const QString& encounterId,
                                                    int version, const safety::SafetyPlan& plan)
{
    UnitOfWork work(m_db, m_clock, actor, Action::WriteSafetyPlan, kSafetyPlan);
    if (!work.ok())
        return work.error();
    const QString document = toQString(safety::toJson(plan).dump());
    const QString now = toStoredTime(m_clock.now());
    // First, so a signed encounter refuses before anything else is looked at.
    auto touched = EncounterStore::touchUnsigned(m_db, encounterId, now);
    if (!touched.ok())
        return touched.error();
    if (StoreError error = work.changed(audit::Update, kEncounter, encounterId, touched.value()))
        return error;
    auto person = personOfEncounter(m_db, encounterId);
    if (!person.ok())
        return person.error();

    QString id;
    {
        QSqlQuery existing =
            m_db.prepare(QStringLiteral("SELECT id FROM safety_plans WHERE encounter_id = ?"));
        existing.addBindValue(encounterId);
        if (StoreError error = m_db.exec(existing, "find the encounter's safety plan"))
            return error;
        if (existing.next())
            id = existing.value(0).toString();
    }
    if (id.isEmpty()) {
        if (version != 0)
            return conflict();
        id = toQString(newRecordId(m_clock.now()));
        QSqlQuery insert = m_db.prepare(QStringLiteral(
            "INSERT INTO safety_plans (id, encounter_id, person_id, document, status, author_id, created_at, "
            "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"));
        for (const QVariant& value :
             {QVariant(id), QVariant(encounterId), nullText(person.value()), QVariant(document),
              QVariant(kDraft), QVariant(actor.userId()), QVariant(now), QVariant(now)})
            insert.addBindValue(value);
        if (StoreError error = m_db.exec(insert, "insert safety plan"))
            return error;
        if (StoreError error = work.changed(audit::Create, kSafetyPlan, id, 1))
            return error;
    } else {
        QSqlQuery update = m_db.prepare(QStringLiteral(
            "UPDATE safety_plans SET person_id = ?, document = ?, status = ?, author_id = ?, finalised_by = "
            "NULL, "
            "finalised_at = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
        for (const QVariant& value :
             {nullText(person.value()), QVariant(document), QVariant(kDraft), QVariant(actor.userId()),
              QVariant(now), QVariant(id), QVariant(version)})
            update.addBindValue(value);
        if (StoreError error = m_db.exec(update, "update safety plan"))
            return error;
        if (update.numRowsAffected() != 1)
            return conflict();
        if (StoreError error = work.changed(audit::Update, kSafetyPlan, id, version + 1))
            return error;
    }
    return readAndCommit<SafetyPlanRecord>(work, [&] { return readOne(QStringLiteral("p.id = ?"), id); });
}

StoreResult<SafetyPlanRecord> SafetyPlanStore::finalise(const Actor& actor, const QString& encounterId,
                                                        int version)
{
    UnitOfWork work(m_db, m_clock, actor, Action::WriteSafetyPlan, kSafetyPlan);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    auto touched = EncounterStore::touchUnsigned(m_db, encounterId, now);
    if (!touched.ok())
        return touched.error();
    if (StoreError error = work.changed(audit::Update, kEncounter, encounterId, touched.value()))
        return error;
    auto current = readOne(QStringLiteral("p.encounter_id = ?"), encounterId);
    if (!current.ok())
        return current.error();
    if (current.value().version != version)
        return conflict();
    if (current.value().isFinal)
        return StoreError::make(StoreErrorCode::RecordSigned,
                                QStringLiteral("the safety plan is final already"));
    if (const auto problems = safety::problems(current.value().plan); !problems.empty()) {
        QStringList listed;
        for (const Error& problem : problems)
            listed.append(toQString(problem.code) + QStringLiteral(" at ") + toQString(problem.field));
        return invalid(QStringLiteral("the safety plan cannot be finalised: ") +
                           listed.join(QStringLiteral(", ")),
                       toQString(problems.front().field));
    }
    auto person = personOfEncounter(m_db, encounterId);
    if (!person.ok())
        return person.error();
    const QString id = current.value().id;
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE safety_plans SET person_id = ?, status = ?, "
                                                   "finalised_by = ?, finalised_at = ?, updated_at = ?, "
                                                   "version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant& value : {nullText(person.value()), QVariant(kFinal), QVariant(actor.userId()),
                                  QVariant(now), QVariant(now), QVariant(id), QVariant(version)})
        update.addBindValue(value);
    if (StoreError error = m_db.exec(update, "finalise safety plan"))
        return error;
    if (update.numRowsAffected() != 1)
        return conflict();
    if (StoreError error = work.changed(audit::Finalise, kSafetyPlan, id, version + 1))
        return error;
    return readAndCommit<SafetyPlanRecord>(work, [&] { return readOne(QStringLiteral("p.id = ?"), id); });
}

StoreResult<SafetyPlanRecord> SafetyPlanStore::safetyPlanOfEncounter(const Actor& actor,
                                                                     const QString& encounterId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kSafetyPlan))
        return error;
    return openAudited(actor, readOne(QStringLiteral("p.encounter_id = ?"), encounterId));
}

StoreResult<SafetyPlanRecord> SafetyPlanStore::safetyPlanForPerson(const Actor& actor,
                                                                   const QString& personId, Pick pick)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kSafetyPlan))
        return error;
    QString where = QStringLiteral("p.person_id = ?");
    if (pick == Pick::LatestFinal)
        where += QStringLiteral(" AND p.status = 'final'");
    where += QStringLiteral(" ORDER BY p.updated_at DESC, p.id DESC LIMIT 1");
    return openAudited(actor, readOne(where, personId));
}

} // namespace heart::store
