// Rows behind FollowUpStore (see FollowUpRows.h).
#include "store/FollowUpRows.h"

#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

namespace heart::store::followup_rows {
namespace {

using namespace followup;

std::string text(const QVariant& value)
{
    return value.toString().toStdString();
}

std::optional<triage::CssrsAnswers> readCssrs(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return std::nullopt;
    auto answers = triage::decodeCssrs(text(value));
    return answers.ok() ? std::optional(answers.value()) : std::nullopt;
}

// The columns readTaskRow() takes, in its order.
const QString kTaskSelect = QStringLiteral(
    "SELECT t.id, t.version, t.source_key, t.kind, t.program, t.call_id, t.encounter_id, t.person_id, "
    "t.risk, "
    "t.contact_at, t.due_at, t.assigned_to, ua.display_name, t.assigned_at, t.state, t.attempts, "
    "t.max_attempts, t.outcome, t.outcome_resource_id, r.name, t.outcome_text, t.closed_at, t.closed_by, "
    "uc.display_name, t.created_at, t.updated_at, t.outcome_note FROM followup_tasks t "
    "LEFT JOIN users ua ON ua.id = t.assigned_to LEFT JOIN users uc ON uc.id = t.closed_by "
    "LEFT JOIN resources r ON r.id = t.outcome_resource_id WHERE t.id = ?");

FollowUpTask readTaskRow(const QSqlQuery& row)
{
    FollowUpTask t;
    int c = 0;
    t.id = row.value(c++).toString();
    t.version = row.value(c++).toInt();
    t.sourceKey = row.value(c++).toString();
    t.kind = taskKindFromCode(text(row.value(c++))).value_or(TaskKind::FollowUp);
    t.program = routing::programFromCode(text(row.value(c++))).value_or(routing::Program::CommunityResponse);
    t.callId = row.value(c++).toString();
    t.encounterId = row.value(c++).toString();
    t.personId = row.value(c++).toString();
    t.risk = routing::riskFromCode(text(row.value(c++))).value_or(routing::RiskLevel::NotAssessed);
    t.contactAt = readTime(row.value(c++));
    t.dueAt = readTime(row.value(c++));
    t.assignedTo = row.value(c++).toString();
    t.assigneeName = row.value(c++).toString();
    t.assignedAt = readTime(row.value(c++));
    const bool closed = row.value(c++).toString() == QLatin1String("closed");
    t.state = closed ? TaskState::Closed : TaskState::Open; // refined by the caller's policy
    t.unsuccessfulAttempts = row.value(c++).toInt();
    t.maxAttempts = row.value(c++).toInt();
    t.outcome = outcomeFromCode(text(row.value(c++)));
    t.outcomeResourceId = row.value(c++).toString();
    t.outcomeResourceName = row.value(c++).toString();
    t.outcomeText = row.value(c++).toString();
    t.closedAt = readTime(row.value(c++));
    t.closedBy = row.value(c++).toString();
    t.closedByName = row.value(c++).toString();
    t.createdAt = readTime(row.value(c++));
    t.updatedAt = readTime(row.value(c++));
    t.outcomeNote = row.value(c++).toString();
    return t;
}

} // namespace

QVariant nullText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QDateTime readTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromStoredTime(value.toString());
}

StoreResult<FollowUpTask> readTask(Database& db, const QString& taskId, const FollowUpPolicy& policy,
                                   TimePoint now)
{
    QSqlQuery query = db.prepare(kTaskSelect);
    query.addBindValue(taskId);
    if (StoreError error = db.exec(query, "read follow-up task"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such follow-up task"));
    FollowUpTask task = readTaskRow(query);
    query.finish();
    task.state = policy.state(task.state == TaskState::Closed, toTimePoint(task.dueAt), now);

    QSqlQuery attempts = db.prepare(
        QStringLiteral("SELECT a.id, a.seq, a.user_id, u.display_name, a.channel, a.result, a.note, a.at_utc "
                       "FROM followup_attempts a LEFT JOIN users u ON u.id = a.user_id WHERE a.task_id = ? "
                       "ORDER BY a.seq, a.id"));
    attempts.addBindValue(taskId);
    if (StoreError error = db.exec(attempts, "read follow-up attempts"))
        return error;
    while (attempts.next()) {
        FollowUpAttempt a;
        a.id = attempts.value(0).toString();
        a.seq = attempts.value(1).toInt();
        a.userId = attempts.value(2).toString();
        a.userName = attempts.value(3).toString();
        a.channel = attemptChannelFromCode(text(attempts.value(4))).value_or(AttemptChannel::Phone);
        a.result = attemptResultFromCode(text(attempts.value(5))).value_or(AttemptResult::NoAnswer);
        a.note = attempts.value(6).toString();
        a.at = readTime(attempts.value(7));
        task.attempts.append(a);
    }
    return task;
}

StoreResult<std::optional<FollowUpContact>> readContact(Database& db, const QString& taskId)
{
    // The linked person's name and language when there is one (the call's
    // link as it is now: it may have been made after the task); as given on
    // the call otherwise.
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT p.given_name, p.family_name, c.person_name, c.caller_name, c.caller_relationship, "
        "t.preferred_contact, t.contact_phone, c.language, p.language, e.contact_place FROM followup_tasks t "
        "JOIN calls c ON c.id = t.call_id LEFT JOIN people p ON p.id = COALESCE(c.person_id, t.person_id) "
        "LEFT JOIN encounters e ON e.id = t.encounter_id "
        "WHERE t.id = ?"));
    query.addBindValue(taskId);
    if (StoreError error = db.exec(query, "read follow-up contact"))
        return error;
    if (!query.next())
        return std::optional<FollowUpContact>();
    FollowUpContact contact;
    const QString linked =
        QStringList{query.value(0).toString(), query.value(1).toString()}.join(u' ').trimmed();
    contact.personName = linked.isEmpty() ? query.value(2).toString() : linked;
    contact.callerName = query.value(3).toString();
    contact.callerRelationship = query.value(4).toString();
    contact.preferredContact = encounter::contactPreferenceFromCode(text(query.value(5)));
    contact.phone = query.value(6).toString();
    contact.language = query.value(7).isNull() ? query.value(8).toString() : query.value(7).toString();
    contact.place = query.value(9).toString();
    return std::optional(contact);
}

StoreResult<std::optional<FollowUpCallSummary>> readCallSummary(Database& db, const QString& callId)
{
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT cad_number, received_at, call_type, address, language, "
                                  "interpreter, disposition FROM calls WHERE id = ?"));
    query.addBindValue(callId);
    if (StoreError error = db.exec(query, "read follow-up call"))
        return error;
    if (!query.next())
        return std::optional<FollowUpCallSummary>();
    FollowUpCallSummary call;
    call.cadNumber = query.value(0).toString();
    call.receivedAt = readTime(query.value(1));
    call.callType = query.value(2).toString();
    call.address = query.value(3).toString();
    call.language = query.value(4).toString();
    call.interpreter = query.value(5).toInt() != 0;
    call.disposition = query.value(6).toString();
    return std::optional(call);
}

StoreResult<std::optional<FollowUpCallClinical>> readCallClinical(Database& db, const QString& callId)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT narrative, cssrs FROM calls WHERE id = ?"));
    query.addBindValue(callId);
    if (StoreError error = db.exec(query, "read follow-up call notes"))
        return error;
    if (!query.next())
        return std::optional<FollowUpCallClinical>();
    return std::optional(FollowUpCallClinical{query.value(0).toString(), readCssrs(query.value(1))});
}

StoreResult<std::optional<FollowUpEncounterOutline>> readEncounterOutline(Database& db,
                                                                          const QString& encounterId)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT u.code, e.signed_at, s.display_name, e.disposition, e.referral_resource_id, r.name, "
        "e.referral_text FROM encounters e LEFT JOIN units u ON u.id = e.unit_id "
        "LEFT JOIN users s ON s.id = e.signed_by LEFT JOIN resources r ON r.id = e.referral_resource_id "
        "WHERE e.id = ?"));
    query.addBindValue(encounterId);
    if (StoreError error = db.exec(query, "read follow-up encounter"))
        return error;
    if (!query.next())
        return std::optional<FollowUpEncounterOutline>();
    FollowUpEncounterOutline outline;
    outline.unitCode = query.value(0).toString();
    outline.signedAt = readTime(query.value(1));
    outline.signedByName = query.value(2).toString();
    outline.disposition = encounter::encounterDispositionFromCode(text(query.value(3)));
    outline.referralResourceId = query.value(4).toString();
    outline.referralResourceName = query.value(5).toString();
    outline.referralText = query.value(6).toString();
    return std::optional(outline);
}

StoreResult<std::optional<FollowUpEncounterClinical>> readEncounterClinical(Database& db,
                                                                            const QString& encounterId)
{
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT presenting_concern, cssrs, assessment, interventions, "
                                  "destination, narrative FROM encounters WHERE id = ?"));
    query.addBindValue(encounterId);
    if (StoreError error = db.exec(query, "read follow-up encounter notes"))
        return error;
    if (!query.next())
        return std::optional<FollowUpEncounterClinical>();
    FollowUpEncounterClinical clinical;
    clinical.presentingConcern = query.value(0).toString();
    clinical.cssrs = readCssrs(query.value(1));
    clinical.assessment = query.value(2).toString();
    clinical.interventions = query.value(3).toString();
    clinical.destination = query.value(4).toString();
    clinical.narrative = query.value(5).toString();
    return std::optional(clinical);
}

StoreResult<std::optional<SafetyPlanRecord>> readSafetyPlan(Database& db, const QString& encounterId)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT p.id, p.version, p.encounter_id, e.call_id, p.person_id, p.document, p.status, p.author_id, "
        "u.display_name, p.updated_at, p.finalised_by, p.finalised_at FROM safety_plans p "
        "JOIN encounters e ON e.id = p.encounter_id LEFT JOIN users u ON u.id = p.author_id "
        "WHERE p.encounter_id = ? ORDER BY p.updated_at DESC, p.id DESC"));
    query.addBindValue(encounterId);
    if (StoreError error = db.exec(query, "read follow-up safety plan"))
        return error;
    if (!query.next())
        return std::optional<SafetyPlanRecord>();
    SafetyPlanRecord record;
    record.id = query.value(0).toString();
    record.version = query.value(1).toInt();
    record.encounterId = query.value(2).toString();
    record.callId = query.value(3).toString();
    record.personId = query.value(4).toString();
    auto plan = safety::parseSafetyPlan(text(query.value(5)));
    if (!plan.ok()) {
        // The error names a code and a JSON path, never the plan's text.
        return StoreError::make(StoreErrorCode::QueryFailed,
                                QStringLiteral("the stored safety plan cannot be read: ") +
                                    toQString(plan.error().code) + QStringLiteral(" at ") +
                                    toQString(plan.error().field));
    }
    record.plan = std::move(plan).value();
    record.isFinal = query.value(6).toString() == QLatin1String("final");
    record.authorId = query.value(7).toString();
    record.authorName = query.value(8).toString();
    record.savedAt = readTime(query.value(9));
    record.finalisedBy = query.value(10).toString();
    record.finalisedAt = readTime(query.value(11));
    return std::optional(record);
}

} // namespace heart::store::followup_rows
