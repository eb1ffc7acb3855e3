#include "store/CallStore.h"

#include "core/Uuid.h"
#include "store/AuditBatch.h"
#include "store/ChangeJournal.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QVariant>
#include <algorithm>
#include <optional>

namespace heart::store {
namespace {

const QString kCall = QStringLiteral("call");
const QString kPerson = QStringLiteral("person");

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

StoreResult<QList<CallSummary>> CallStore::select(const QString& where, const QVariantList& values,
                                                  const QString& order)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT id, cad_number, received_at, call_type, beat, program, disposition, status, "
                       "risk_level, address, "
                       "(SELECT CASE WHEN ci.taken_by IS NULL THEN 'new' "
                       "WHEN ci.snapshot_json <> ci.baseline_json THEN 'update' ELSE 'taken' END "
                       "FROM cad_incidents ci WHERE ci.call_id = calls.id) FROM calls WHERE ") +
        where + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT 500"));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (StoreError error = m_db.exec(query, "select calls"))
        return error;
    QList<CallSummary> calls;
    while (query.next()) {
        CallSummary call;
        call.id = query.value(0).toString();
        call.cadNumber = query.value(1).toString();
        call.receivedAt = fromStoredTime(query.value(2).toString());
        call.callType = query.value(3).toString();
        call.beat = query.value(4).toString();
        call.program = query.value(5).toString();
        call.disposition = query.value(6).toString();
        call.status = intake::callStatusFromCode(toStdString(query.value(7).toString()))
                          .value_or(intake::CallStatus::Open);
        call.riskLevel = query.value(8).toString();
        call.address = query.value(9).toString();
        call.cadState = query.value(10).toString();
        calls.append(call);
    }
    return calls;
}

StoreResult<QList<CallSummary>> CallStore::activeCalls(const Actor& actor)
{
    if (StoreError error = m_audit.require(actor, Action::ViewCallQueue, kCall))
        return error;
    // Highest risk first, then oldest. A call not screened yet (no C-SSRS
    // risk) is not a low-risk call: it comes after moderate, before low and none.
    return select(
        QStringLiteral("status <> 'closed'"), {},
        QStringLiteral("CASE risk_level WHEN 'high' THEN 0 WHEN 'moderate' THEN 1 WHEN 'low' THEN 3 "
                       "WHEN 'none' THEN 4 ELSE 2 END, received_at"));
}

StoreResult<QList<CallSummary>> CallStore::unitCalls(const Actor& actor, const QDateTime& since)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kCall))
        return error;
    return select(QStringLiteral("program IN ('crt', 'cor') AND received_at >= ?"), {toStoredTime(since)},
                  QStringLiteral("received_at DESC"));
}

StoreResult<QList<CallSummary>> CallStore::recentContacts(const Actor& actor, const QDateTime& since)
{
    if (StoreError error = m_audit.require(actor, Action::ViewFollowUps, kCall))
        return error;
    // COALESCE: a contact closed before its disposition was recorded is still
    // someone to follow up (NULL <> 'declined' is not true in SQL).
    return select(QStringLiteral("status = 'closed' AND program IN ('ccd', 'crt') AND "
                                 "COALESCE(disposition, '') <> 'declined' AND received_at >= ?"),
                  {toStoredTime(since)}, QStringLiteral("received_at"));
}

StoreResult<QList<ProgramCount>> CallStore::programSummary(const Actor& actor, const QDateTime& since)
{
    if (StoreError error = m_audit.require(actor, Action::ViewReports, kCall))
        return error;
    QSqlQuery query = m_db.prepare(
        // NULLs sort first on SQLite and last on PostgreSQL: order by the
        // empty text instead, so both engines list the same rows in the same order.
        QStringLiteral(
            "SELECT program, disposition, COUNT(*) FROM calls WHERE received_at >= ? "
            "GROUP BY program, disposition ORDER BY COALESCE(program, ''), COALESCE(disposition, '')"));
    query.addBindValue(toStoredTime(since));
    if (StoreError error = m_db.exec(query, "program summary"))
        return error;
    QList<ProgramCount> counts;
    while (query.next())
        counts.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt()});
    return counts;
}

StoreResult<QList<QDateTime>> CallStore::receivedTimes(const Actor& actor, const QDateTime& since)
{
    if (StoreError error = m_audit.require(actor, Action::ViewRoster, kCall))
        return error;
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT received_at FROM calls WHERE received_at >= ?"));
    query.addBindValue(toStoredTime(since));
    if (StoreError error = m_db.exec(query, "call arrival times"))
        return error;
    QList<QDateTime> times;
    while (query.next())
        times.append(fromStoredTime(query.value(0).toString()));
    return times;
}

StoreResult<QStringList> CallStore::importCalls(const Actor& actor, const QList<NewPerson>& people,
                                                const QList<NewCall>& calls)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    // Prepared once and a batch of rows a statement, each audited and
    // journalled as the form's own writes are (a demo imports thousands).
    QStringList personIds;
    {
        QSqlQuery insertPerson = m_db.prepare(QStringLiteral(
            "INSERT INTO people (id, given_name, family_name, approximate_age, language, phone, created_at, "
            "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"));
        for (const NewPerson& person : people) {
            const QString id = toQString(newRecordId(m_clock.now()));
            insertPerson.addBindValue(id);
            insertPerson.addBindValue(nullableText(person.givenName));
            insertPerson.addBindValue(nullableText(person.familyName));
            insertPerson.addBindValue(person.approximateAge > 0 ? QVariant(person.approximateAge)
                                                                : QVariant(QMetaType::fromType<int>()));
            insertPerson.addBindValue(nullableText(person.language));
            insertPerson.addBindValue(nullableText(person.phone));
            insertPerson.addBindValue(now);
            insertPerson.addBindValue(now);
            if (StoreError error = m_db.exec(insertPerson, "insert person"))
                return error;
            personIds.append(id);
        }
    }
    for (const NewCall& call : calls) {
        if (call.person && (*call.person < 0 || *call.person >= personIds.size()))
            return StoreError::make(StoreErrorCode::InvalidInput,
                                    QStringLiteral("call names an unknown person"), QStringLiteral("person"));
    }
    QStringList callIds;
    constexpr qsizetype kBatch = 50; // 15 values a row
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)");
    for (qsizetype done = 0; done < calls.size();) {
        const qsizetype count = std::min(kBatch, calls.size() - done);
        const QString sql =
            QStringLiteral("INSERT INTO calls (id, cad_number, received_at, call_type, beat, program, "
                           "disposition, status, risk_level, person_id, created_at, updated_at, version, "
                           "address, flags, language) VALUES ") +
            QList<QString>(count, row).join(QStringLiteral(", "));
        // One statement a batch, freed before the next (a failed one alone is
        // left to free in the aborted transaction).
        QSqlQuery insert = m_db.prepare(sql);
        int bound = 0;
        const auto bind = [&](const QVariant& value) {
            insert.bindValue(bound++, value);
        };
        for (qsizetype i = done; i < done + count; ++i) {
            const NewCall& call = calls[i];
            const QString id = toQString(newRecordId(toTimePoint(call.receivedAt)));
            bind(id);
            bind(call.cadNumber);
            bind(toStoredTime(call.receivedAt));
            bind(call.callType);
            bind(nullableText(call.beat));
            bind(nullableText(call.program));
            bind(nullableText(call.disposition));
            bind(toQString(intake::callStatusCode(call.status)));
            bind(nullableText(call.riskLevel));
            bind(call.person ? QVariant(personIds.at(*call.person))
                             : QVariant(QMetaType::fromType<QString>()));
            bind(now);
            bind(now);
            bind(nullableText(call.address));
            bind(nullableText(call.flags.join(u';')));
            bind(nullableText(call.language));
            callIds.append(id);
        }
        if (StoreError error = m_db.exec(insert, "insert call"))
            return error;
        done += count;
    }
    // Audited and journalled a batch a statement: a row each, as changed() would.
    QList<AuditEvent> events;
    QList<RecordChange> changes;
    for (const auto& [type, ids] : {std::pair{kPerson, personIds}, std::pair{kCall, callIds}})
        for (const QString& id : ids) {
            events.append({audit::Create, type, id});
            changes.append({audit::Create, type, id, 1});
        }
    if (StoreError error = appendAuditRows(m_db, m_clock, actor.userId(), toQString(roleCode(actor.role())),
                                           actor.workstation(), events))
        return error;
    auto journaled =
        ChangeJournal(m_db).append(changes, actor.userId(), actor.workstation(), toDateTime(m_clock.now()));
    if (!journaled.ok())
        return journaled.error();
    if (StoreError error = work.commit())
        return error;
    if (!journaled.value().isEmpty())
        Q_EMIT m_db.changesCommitted(journaled.value());
    return callIds;
}

} // namespace heart::store
