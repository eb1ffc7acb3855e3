// Care Navigation's follow-up tasks, one at a time (see FollowUpStore.h); the
// creators are in FollowUpCreation.cpp, the rows in FollowUpRows.cpp.
#include "store/FollowUpStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/FollowUpRows.h"
#include "store/FollowUpSettings.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <utility>

namespace heart::store {
namespace {

using followup_rows::nullText;

const QString kCall = QStringLiteral("call");
const QString kEncounter = QStringLiteral("encounter");
const QString kSafetyPlan = QStringLiteral("safety_plan");
const QString kClaim = QStringLiteral("claim");
const QString kAssign = QStringLiteral("assign");
const QString kUnassign = QStringLiteral("unassign");
const QString kAttempt = QStringLiteral("attempt");
const QString kExtend = QStringLiteral("extend");
const QString kClosed = QStringLiteral("closed");
const QString kOpen = QStringLiteral("open");

using Values = QList<std::pair<QString, QVariant>>;

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

StoreError tooLong(const QString& what, const QString& field, int limit)
{
    StoreError error =
        StoreError::make(StoreErrorCode::TooLong,
                         QStringLiteral("%1 is longer than %2 characters").arg(what).arg(limit), field);
    error.limit = limit;
    return error;
}

StoreError closedTask()
{
    return StoreError::make(StoreErrorCode::TaskClosed, QStringLiteral("the task is closed"));
}

// Core's codes: "task-closed" and "required" have codes of their own; the
// rest are a value not valid for the input core names.
StoreError fromCoreError(const Error& error)
{
    const QString detail = toQString(error.code) + QStringLiteral(": ") + toQString(error.detail);
    if (error.code == "task-closed")
        return StoreError::make(StoreErrorCode::TaskClosed, detail);
    if (error.code == "required")
        return StoreError::make(StoreErrorCode::RequiredMissing, detail, toQString(error.field));
    StoreError invalidValue = invalid(detail, toQString(error.field));
    if (error.code == "invalid-extension")
        invalidValue.limit = 2 * followup::kMaxAttemptsLimit; // the most attempts in all
    return invalidValue;
}

StoreError conflict()
{
    return StoreError::make(StoreErrorCode::Conflict,
                            QStringLiteral("the follow-up task was changed meanwhile"));
}

followup::TaskProgress progressOf(const FollowUpTask& task)
{
    return {task.isClosed(), task.outcome, task.unsuccessfulAttempts, task.maxAttempts};
}

QVariant nullString()
{
    return QVariant(QMetaType::fromType<QString>());
}

// UPDATE ... WHERE id = ? AND version = ?: Conflict when the row moved on.
StoreError updateTask(Database& db, const QString& taskId, int version, const Values& values,
                      const QString& now)
{
    QStringList assignments;
    for (const auto& [column, value] : values)
        assignments.append(column + QStringLiteral(" = ?"));
    QSqlQuery update =
        db.prepare(QStringLiteral("UPDATE followup_tasks SET ") + assignments.join(QStringLiteral(", ")) +
                   QStringLiteral(", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    for (const auto& [column, value] : values)
        update.addBindValue(value);
    update.addBindValue(now);
    update.addBindValue(taskId);
    update.addBindValue(version);
    if (StoreError error = db.exec(update, "update follow-up task"))
        return error;
    if (update.numRowsAffected() != 1)
        return conflict();
    return {};
}

// The closing columns: closed now by the actor with `outcome`.
Values closing(followup::Outcome outcome, const QString& now, const QString& userId,
               const QVariant& resourceId, const QVariant& text, const QVariant& note = nullString())
{
    return {
        {QStringLiteral("state"), kClosed},
        {QStringLiteral("outcome"), toQString(followup::outcomeCode(outcome))},
        {QStringLiteral("outcome_resource_id"), resourceId},
        {QStringLiteral("outcome_text"), text},
        {QStringLiteral("outcome_note"), note},
        {QStringLiteral("closed_at"), now},
        {QStringLiteral("closed_by"), userId},
    };
}

} // namespace

StoreError FollowUpStore::refuse(const Actor& actor, Action action, const QString& taskId, const QString& why)
{
    m_audit.record(actor, {audit::PermissionDenied, recordType(), taskId});
    return StoreError::make(StoreErrorCode::PermissionDenied,
                            QStringLiteral("role %1 may not %2: %3")
                                .arg(toQString(roleCode(actor.role())), toQString(actionCode(action)), why));
}

StoreResult<FollowUpTask> FollowUpStore::readTask(const QString& taskId)
{
    auto policy = FollowUpSettings(m_db, m_clock).policy();
    if (!policy.ok())
        return policy.error();
    return followup_rows::readTask(m_db, taskId, policy.value(), m_clock.now());
}

StoreResult<FollowUpTask> FollowUpStore::startWork(const Actor& actor, const QString& taskId, int version,
                                                   Action action)
{
    if (StoreError error = m_audit.require(actor, action, recordType(), taskId))
        return error;
    auto task = readTask(taskId);
    if (!task.ok())
        return task.error();
    const followup::TaskKind kind = task.value().kind;
    const bool allowed = action == Action::AssignFollowUps ? followup::mayOpen(actor.role(), kind)
                                                           : followup::mayWork(actor.role(), kind);
    if (!allowed)
        return refuse(actor, action, taskId, QStringLiteral("not a task of this kind"));
    if (task.value().version != version)
        return conflict();
    return task;
}

StoreResult<FollowUpTask> FollowUpStore::commitChange(UnitOfWork& work, const QString& taskId, int newVersion,
                                                      const QStringList& auditActions)
{
    // One journal row for the task (the first action); the others are audit rows only.
    for (qsizetype i = 0; i < auditActions.size(); ++i) {
        if (StoreError error = i == 0 ? work.changed(auditActions[i], recordType(), taskId, newVersion)
                                      : work.audit(auditActions[i], recordType(), taskId))
            return error;
    }
    auto stored = readTask(taskId);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<FollowUpDetail> FollowUpStore::open(const Actor& actor, const QString& taskId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewFollowUps, recordType(), taskId))
        return error;
    auto task = readTask(taskId);
    if (!task.ok())
        return task.error();
    const std::vector<followup::TaskPart> parts = followup::visibleParts(actor.role(), task.value().kind);
    if (parts.empty())
        return refuse(actor, Action::ViewFollowUps, taskId, QStringLiteral("not a task of this kind"));

    FollowUpDetail detail;
    detail.task = task.value();
    detail.parts = QList<followup::TaskPart>(parts.begin(), parts.end());
    const QString& callId = detail.task.callId;
    const QString& encounterId = detail.task.encounterId;
    using P = followup::TaskPart;
    // Each part only when the role sees it: what is not read cannot leak.
    const auto load = [&](P part, auto read, auto& into) -> StoreError {
        if (!detail.sees(part))
            return {};
        auto loaded = read();
        if (!loaded.ok())
            return loaded.error();
        into = std::move(loaded.value());
        return {};
    };
    const bool hasEncounter = !encounterId.isEmpty();
    for (StoreError error : {
             load(
                 P::Contact, [&] { return followup_rows::readContact(m_db, taskId); }, detail.contact),
             load(
                 P::Call, [&] { return followup_rows::readCallSummary(m_db, callId); }, detail.call),
             load(
                 P::CallClinical, [&] { return followup_rows::readCallClinical(m_db, callId); },
                 detail.callClinical),
         }) {
        if (error)
            return error;
    }
    if (hasEncounter) {
        for (StoreError error : {
                 load(
                     P::EncounterOutline,
                     [&] { return followup_rows::readEncounterOutline(m_db, encounterId); },
                     detail.encounter),
                 load(
                     P::EncounterClinical,
                     [&] { return followup_rows::readEncounterClinical(m_db, encounterId); },
                     detail.encounterClinical),
                 load(
                     P::SafetyPlan, [&] { return followup_rows::readSafetyPlan(m_db, encounterId); },
                     detail.safetyPlan),
             }) {
            if (error)
                return error;
        }
    }

    // No contents without the audit rows that say who read them: the task,
    // and the call, encounter and plan whose parts are returned.
    UnitOfWork work(m_db, m_clock, actor, Action::ViewFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    QList<AuditEvent> events = {{audit::Open, recordType(), taskId}};
    if (detail.call || detail.callClinical)
        events.append({audit::Open, kCall, callId});
    if (detail.encounter || detail.encounterClinical)
        events.append({audit::Open, kEncounter, encounterId});
    if (detail.safetyPlan)
        events.append({audit::Open, kSafetyPlan, detail.safetyPlan->id});
    for (const AuditEvent& event : std::as_const(events)) {
        if (StoreError error = work.audit(event.action, event.recordType, event.recordId))
            return error;
    }
    if (StoreError error = work.commit())
        return error;
    return detail;
}

StoreResult<FollowUpTask> FollowUpStore::claim(const Actor& actor, const QString& taskId, int version)
{
    auto task = startWork(actor, taskId, version, Action::WorkFollowUps);
    if (!task.ok())
        return task;
    if (task.value().isClosed())
        return closedTask();
    if (task.value().assignedTo == actor.userId())
        return task;
    if (!task.value().assignedTo.isEmpty())
        return StoreError::make(
            StoreErrorCode::HeldByOther,
            QStringLiteral("the task is assigned to someone else: ask for it to be reassigned"));
    UnitOfWork work(m_db, m_clock, actor, Action::WorkFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    if (StoreError error = updateTask(
            m_db, taskId, version,
            {{QStringLiteral("assigned_to"), actor.userId()}, {QStringLiteral("assigned_at"), now}}, now))
        return error;
    return commitChange(work, taskId, version + 1, {kClaim});
}

StoreResult<FollowUpTask> FollowUpStore::assign(const Actor& actor, const QString& taskId, int version,
                                                const QString& userId)
{
    auto task = startWork(actor, taskId, version, Action::AssignFollowUps);
    if (!task.ok())
        return task;
    if (task.value().isClosed())
        return closedTask();
    {
        QSqlQuery roles = m_db.prepare(QStringLiteral("SELECT r.role FROM users u JOIN user_roles r ON "
                                                      "r.user_id = u.id WHERE u.id = ? AND u.active = 1"));
        roles.addBindValue(userId);
        if (StoreError error = m_db.exec(roles, "read assignee roles"))
            return error;
        bool mayTake = false;
        while (roles.next()) {
            const auto role = roleFromCode(roles.value(0).toString().toStdString());
            mayTake = mayTake || (role && followup::mayBeAssigned(*role, task.value().kind));
        }
        if (!mayTake)
            return StoreError::make(StoreErrorCode::IneligibleAssignee,
                                    QStringLiteral("no active user who may work this kind of task"));
    }
    if (task.value().assignedTo == userId)
        return task;
    UnitOfWork work(m_db, m_clock, actor, Action::AssignFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    if (StoreError error =
            updateTask(m_db, taskId, version,
                       {{QStringLiteral("assigned_to"), userId}, {QStringLiteral("assigned_at"), now}}, now))
        return error;
    return commitChange(work, taskId, version + 1, {kAssign});
}

StoreResult<FollowUpTask> FollowUpStore::unassign(const Actor& actor, const QString& taskId, int version)
{
    auto task = startWork(actor, taskId, version, Action::AssignFollowUps);
    if (!task.ok())
        return task;
    if (task.value().isClosed())
        return closedTask();
    if (task.value().assignedTo.isEmpty())
        return task;
    UnitOfWork work(m_db, m_clock, actor, Action::AssignFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    if (StoreError error = updateTask(
            m_db, taskId, version,
            {{QStringLiteral("assigned_to"), nullString()}, {QStringLiteral("assigned_at"), nullString()}},
            now))
        return error;
    return commitChange(work, taskId, version + 1, {kUnassign});
}

StoreResult<QList<FollowUpAssignee>> FollowUpStore::assignees(const Actor& actor, followup::TaskKind kind)
{
    if (StoreError error = m_audit.require(actor, Action::AssignFollowUps, recordType()))
        return error;
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT u.id, u.display_name, r.role FROM users u JOIN user_roles r ON r.user_id = u.id "
        "WHERE u.active = 1 ORDER BY u.display_name, u.id"));
    if (StoreError error = m_db.exec(query, "list assignees"))
        return error;
    QList<FollowUpAssignee> list;
    while (query.next()) {
        const auto role = roleFromCode(query.value(2).toString().toStdString());
        const QString id = query.value(0).toString();
        if (!role || !followup::mayBeAssigned(*role, kind) || (!list.isEmpty() && list.last().userId == id))
            continue;
        list.append({id, query.value(1).toString()});
    }
    return list;
}

StoreResult<FollowUpTask> FollowUpStore::logAttempt(const Actor& actor, const QString& taskId, int version,
                                                    followup::AttemptChannel channel,
                                                    followup::AttemptResult result, const QString& note)
{
    auto task = startWork(actor, taskId, version, Action::WorkFollowUps);
    if (!task.ok())
        return task;
    const QString noteText = note.trimmed();
    if (noteText.size() > kMaxNoteLength)
        return tooLong(QStringLiteral("the note"), QStringLiteral("note"), kMaxNoteLength);
    const auto effect = followup::applyAttempt(progressOf(task.value()), result);
    if (!effect.ok())
        return fromCoreError(effect.error());

    UnitOfWork work(m_db, m_clock, actor, Action::WorkFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    Values values = {{QStringLiteral("attempts"), effect.value().unsuccessfulAttempts}};
    if (effect.value().closesTask)
        values += closing(followup::Outcome::UnableToReach, now, actor.userId(), nullString(), nullString());
    if (StoreError error = updateTask(m_db, taskId, version, values, now))
        return error;
    // seq = the task's version after this change: the order, even within a millisecond.
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO followup_attempts (id, task_id, seq, user_id, "
                                    "channel, result, note, at_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(toQString(newRecordId(m_clock.now()))), QVariant(taskId), QVariant(version + 1),
          QVariant(actor.userId()), QVariant(toQString(followup::attemptChannelCode(channel))),
          QVariant(toQString(followup::attemptResultCode(result))), nullText(noteText), QVariant(now)})
        insert.addBindValue(value);
    if (StoreError error = m_db.exec(insert, "insert follow-up attempt"))
        return error;
    QStringList actions = {kAttempt};
    if (effect.value().closesTask)
        actions.append(audit::Close);
    return commitChange(work, taskId, version + 1, actions);
}

StoreResult<FollowUpTask> FollowUpStore::recordOutcome(const Actor& actor, const QString& taskId, int version,
                                                       followup::Outcome outcome, const QString& resourceId,
                                                       const QString& text, const QString& note)
{
    auto task = startWork(actor, taskId, version, Action::WorkFollowUps);
    if (!task.ok())
        return task;
    const bool connected = outcome == followup::Outcome::Connected;
    const QString resource = connected ? resourceId.trimmed() : QString();
    const QString service = connected ? text.trimmed() : QString();
    if (const auto problem = followup::checkOutcome(progressOf(task.value()), outcome, resource.toStdString(),
                                                    service.toStdString()))
        return fromCoreError(*problem);
    if (service.size() > kMaxNoteLength)
        return tooLong(QStringLiteral("the service name"), QStringLiteral("text"), kMaxNoteLength);
    const QString noteText = note.trimmed();
    if (noteText.size() > kMaxNoteLength)
        return tooLong(QStringLiteral("the note"), QStringLiteral("note"), kMaxNoteLength);

    UnitOfWork work(m_db, m_clock, actor, Action::WorkFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    if (!resource.isEmpty()) {
        QSqlQuery listed =
            m_db.prepare(QStringLiteral("SELECT 1 FROM resources WHERE id = ? AND active = 1"));
        listed.addBindValue(resource);
        if (StoreError error = m_db.exec(listed, "find directory service"))
            return error;
        if (!listed.next())
            return invalid(QStringLiteral("no active service with this id in the directory"),
                           QStringLiteral("resourceId"));
    }
    const QString now = toStoredTime(m_clock.now());
    if (StoreError error = updateTask(
            m_db, taskId, version,
            closing(outcome, now, actor.userId(), nullText(resource), nullText(service), nullText(noteText)),
            now))
        return error;
    return commitChange(work, taskId, version + 1, {audit::Close});
}

StoreResult<FollowUpTask> FollowUpStore::extend(const Actor& actor, const QString& taskId, int version,
                                                int extraAttempts)
{
    auto task = startWork(actor, taskId, version, Action::WorkFollowUps);
    if (!task.ok())
        return task;
    const auto extension = followup::extendAttempts(progressOf(task.value()), extraAttempts);
    if (!extension.ok())
        return fromCoreError(extension.error());

    UnitOfWork work(m_db, m_clock, actor, Action::WorkFollowUps, recordType(), taskId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    Values values = {{QStringLiteral("max_attempts"), extension.value().maxAttempts}};
    if (extension.value().reopens) {
        values += Values{
            {QStringLiteral("state"), kOpen},
            {QStringLiteral("outcome"), nullString()},
            {QStringLiteral("outcome_resource_id"), nullString()},
            {QStringLiteral("outcome_text"), nullString()},
            {QStringLiteral("outcome_note"), nullString()},
            {QStringLiteral("closed_at"), nullString()},
            {QStringLiteral("closed_by"), nullString()},
        };
    }
    if (StoreError error = updateTask(m_db, taskId, version, values, now))
        return error;
    return commitChange(work, taskId, version + 1, {kExtend});
}

} // namespace heart::store
