#include "store/IntakeStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/FollowUpStore.h"
#include "store/StoreTime.h"
#include "store/UnitCallStore.h"
#include "store/UnitOfWork.h"

#include <QVariant>
#include <utility>

namespace heart::store {
namespace {

const QString kCall = QStringLiteral("call");

QString statusCode(intake::CallStatus status)
{
    return toQString(intake::callStatusCode(status));
}
const QChar kListSeparator = QLatin1Char(';');

// Every column a CallRecord is read from, in the order readCall() takes them.
const QString kCallColumns = QStringLiteral(
    "id, version, cad_number, received_at, caller_name, caller_phone, caller_relationship, person_id, "
    "person_name, person_age, person_description, address, latitude, longitude, beat, beat_source, "
    "call_type, flags, language, interpreter, narrative, cssrs, risk_level, rule_set_id, recommended, "
    "program, disposition, override_reason, status, assigned_unit, counselor_id, triaged_at, decided_at, "
    "dispatched_at, closed_at");

QVariant nullText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// NOT NULL columns: an empty text, never NULL (a NULL would be refused, and
// PostgreSQL's refusal quotes the whole row, person data included, into the log).
QString notNullText(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant nullTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(toStoredTime(time)) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullList(const QStringList& list)
{
    return nullText(list.join(kListSeparator));
}

QVariant nullInt(const std::optional<int>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

QVariant nullDouble(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

QDateTime readTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromStoredTime(value.toString());
}

QStringList readList(const QVariant& value)
{
    return value.toString().split(kListSeparator, Qt::SkipEmptyParts);
}

// Typed text as a literal inside a LIKE pattern (with ESCAPE '!'): % and _ match only themselves.
QString escapeLike(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return escaped;
}

CallRecord readCall(const QSqlQuery& row)
{
    CallRecord call;
    int c = 0;
    call.id = row.value(c++).toString();
    call.version = row.value(c++).toInt();
    call.cadNumber = row.value(c++).toString();
    call.receivedAt = readTime(row.value(c++));
    call.callerName = row.value(c++).toString();
    call.callerPhone = row.value(c++).toString();
    call.callerRelationship = row.value(c++).toString();
    call.personId = row.value(c++).toString();
    call.personName = row.value(c++).toString();
    if (const QVariant age = row.value(c++); !age.isNull())
        call.personAge = age.toInt();
    call.personDescription = row.value(c++).toString();
    call.address = row.value(c++).toString();
    if (const QVariant latitude = row.value(c++); !latitude.isNull())
        call.latitude = latitude.toDouble();
    if (const QVariant longitude = row.value(c++); !longitude.isNull())
        call.longitude = longitude.toDouble();
    call.beat = row.value(c++).toString();
    call.beatSource = row.value(c++).toString();
    call.callType = row.value(c++).toString();
    call.flags = readList(row.value(c++));
    call.language = row.value(c++).toString();
    call.interpreter = row.value(c++).toInt() != 0;
    call.narrative = row.value(c++).toString();
    call.cssrs = row.value(c++).toString();
    call.riskLevel = row.value(c++).toString();
    call.ruleSetId = row.value(c++).toString();
    call.recommended = readList(row.value(c++));
    call.program = row.value(c++).toString();
    call.disposition = row.value(c++).toString();
    call.overrideReason = row.value(c++).toString();
    // The column's CHECK admits only the three codes.
    call.status =
        intake::callStatusFromCode(toStdString(row.value(c++).toString())).value_or(intake::CallStatus::Open);
    call.assignedUnit = row.value(c++).toString();
    call.counselorId = row.value(c++).toString();
    call.triagedAt = readTime(row.value(c++));
    call.decidedAt = readTime(row.value(c++));
    call.dispatchedAt = readTime(row.value(c++));
    call.closedAt = readTime(row.value(c++));
    return call;
}

// The columns create and update write, with their values (id, version and the
// row's own time stamps aside).
QList<std::pair<QString, QVariant>> callValues(const CallRecord& call)
{
    return {
        {QStringLiteral("cad_number"), call.cadNumber},
        {QStringLiteral("received_at"), toStoredTime(call.receivedAt)},
        {QStringLiteral("caller_name"), nullText(call.callerName)},
        {QStringLiteral("caller_phone"), nullText(call.callerPhone)},
        {QStringLiteral("caller_relationship"), nullText(call.callerRelationship)},
        {QStringLiteral("person_id"), nullText(call.personId)},
        {QStringLiteral("person_name"), nullText(call.personName)},
        {QStringLiteral("person_age"), nullInt(call.personAge)},
        {QStringLiteral("person_description"), nullText(call.personDescription)},
        {QStringLiteral("address"), nullText(call.address)},
        {QStringLiteral("latitude"), nullDouble(call.latitude)},
        {QStringLiteral("longitude"), nullDouble(call.longitude)},
        {QStringLiteral("beat"), nullText(call.beat)},
        {QStringLiteral("beat_source"), nullText(call.beatSource)},
        {QStringLiteral("call_type"), notNullText(call.callType)},
        {QStringLiteral("flags"), nullList(call.flags)},
        {QStringLiteral("language"), nullText(call.language)},
        {QStringLiteral("interpreter"), call.interpreter ? 1 : 0},
        {QStringLiteral("narrative"), nullText(call.narrative)},
        {QStringLiteral("cssrs"), nullText(call.cssrs)},
        {QStringLiteral("risk_level"), nullText(call.riskLevel)},
        {QStringLiteral("rule_set_id"), nullText(call.ruleSetId)},
        {QStringLiteral("recommended"), nullList(call.recommended)},
        {QStringLiteral("program"), nullText(call.program)},
        {QStringLiteral("disposition"), nullText(call.disposition)},
        {QStringLiteral("override_reason"), nullText(call.overrideReason)},
        {QStringLiteral("status"), statusCode(call.status)},
        {QStringLiteral("assigned_unit"), nullText(call.assignedUnit)},
        {QStringLiteral("counselor_id"), nullText(call.counselorId)},
        {QStringLiteral("triaged_at"), nullTime(call.triagedAt)},
        {QStringLiteral("decided_at"), nullTime(call.decidedAt)},
        {QStringLiteral("dispatched_at"), nullTime(call.dispatchedAt)},
        {QStringLiteral("closed_at"), nullTime(call.closedAt)},
    };
}

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

StoreError missing(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::RequiredMissing, detail, field);
}

StoreError closedCall()
{
    return StoreError::make(StoreErrorCode::CallClosed,
                            QStringLiteral("the call is closed: add an addendum instead"));
}

// What every written call needs; the detail names fields, never their contents.
StoreError validate(const CallRecord& call)
{
    if (call.cadNumber.isEmpty())
        return missing(QStringLiteral("a call needs a CAD number"), QStringLiteral("cadNumber"));
    if (!call.receivedAt.isValid())
        return missing(QStringLiteral("a call needs the time it was received"), QStringLiteral("receivedAt"));
    return {};
}

StoreError checkPersonExists(Database& db, const QString& personId)
{
    if (personId.isEmpty())
        return {};
    QSqlQuery query = db.prepare(QStringLiteral("SELECT 1 FROM people WHERE id = ?"));
    query.addBindValue(personId);
    if (StoreError error = db.exec(query, "find linked person"))
        return error;
    if (!query.next())
        return invalid(QStringLiteral("the linked person record does not exist"), QStringLiteral("personId"));
    return {};
}

StoreResult<CallRecord> readCallById(Database& db, const QString& callId)
{
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT ") + kCallColumns + QStringLiteral(" FROM calls WHERE id = ?"));
    query.addBindValue(callId);
    if (StoreError error = db.exec(query, "read call"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
    return readCall(query);
}

// Inside a write transaction: the call exists and is not closed.
StoreError checkWritable(Database& db, const QString& callId)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT status FROM calls WHERE id = ?"));
    query.addBindValue(callId);
    if (StoreError error = db.exec(query, "check call status"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
    if (intake::callStatusFromCode(toStdString(query.value(0).toString())) == intake::CallStatus::Closed)
        return closedCall();
    return {};
}

// An UPDATE ... WHERE id = ? AND version = ? that changed nothing: the row moved on.
StoreError conflictUnlessChanged(const QSqlQuery& update)
{
    if (update.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict, QStringLiteral("the call was changed meanwhile"));
    return {};
}

} // namespace

intake::Call toCall(const CallRecord& record)
{
    intake::Call call;
    call.id = toStdString(record.id);
    call.version = record.version;
    call.cadNumber = toStdString(record.cadNumber);
    call.status = record.status;
    if (record.receivedAt.isValid())
        call.receivedAt = toTimePoint(record.receivedAt);
    const auto at = [](const QDateTime& time) {
        return time.isValid() ? std::optional<TimePoint>(toTimePoint(time)) : std::nullopt;
    };
    call.triagedAt = at(record.triagedAt);
    call.decidedAt = at(record.decidedAt);
    call.dispatchedAt = at(record.dispatchedAt);
    call.closedAt = at(record.closedAt);
    call.program = routing::programFromCode(toStdString(record.program));
    call.disposition = routing::dispositionFromCode(toStdString(record.disposition));
    call.assignedUnit = toStdString(record.assignedUnit);
    return call;
}

StoreResult<CallRecord> IntakeStore::create(const Actor& actor, const CallRecord& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall);
    if (!work.ok())
        return work.error();
    CallRecord call = input;
    call.cadNumber = call.cadNumber.trimmed();
    call.status = intake::CallStatus::Open;
    call.counselorId = actor.userId();
    if (StoreError error = validate(call))
        return error;
    {
        QSqlQuery taken = m_db.prepare(QStringLiteral("SELECT 1 FROM calls WHERE cad_number = ?"));
        taken.addBindValue(call.cadNumber);
        if (StoreError error = m_db.exec(taken, "check CAD number"))
            return error;
        if (taken.next())
            return invalid(QStringLiteral("the CAD number is taken"), QStringLiteral("cadNumber"));
    }
    if (StoreError error = checkPersonExists(m_db, call.personId))
        return error;

    call.id = toQString(newRecordId(m_clock.now()));
    const QString now = toStoredTime(m_clock.now());
    const auto values = callValues(call);
    QStringList columns;
    for (const auto& [column, value] : values)
        columns.append(column);
    columns << QStringLiteral("id") << QStringLiteral("created_at") << QStringLiteral("updated_at")
            << QStringLiteral("version");
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO calls (") + columns.join(QStringLiteral(", ")) +
                     QStringLiteral(") VALUES (") + marks.join(QStringLiteral(", ")) + QStringLiteral(")"));
    for (const auto& [column, value] : values)
        insert.addBindValue(value);
    insert.addBindValue(call.id);
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(1);
    if (StoreError error = m_db.exec(insert, "insert call"))
        return error;
    if (StoreError error = work.changed(audit::Create, kCall, call.id, 1))
        return error;
    auto stored = readCallById(m_db, call.id);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<CallRecord> IntakeStore::open(const Actor& actor, const QString& callId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewCallQueue, kCall, callId))
        return error;
    auto call = readCallById(m_db, callId);
    if (!call.ok())
        return call.error();
    // No contents without the audit row that says who read them.
    if (StoreError error = m_audit.record(actor, {audit::Open, kCall, callId}))
        return error;
    return call;
}

StoreResult<CallRecord> IntakeStore::openAssigned(const Actor& actor, const QString& callId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kCall, callId))
        return error;
    // Minimum necessary: a team sees the calls its unit was sent to.
    if (StoreError error = UnitCallStore(m_db, m_clock).requireSentTo(actor, callId, kCall, callId))
        return error;
    auto call = readCallById(m_db, callId);
    if (!call.ok())
        return call.error();
    if (StoreError error = m_audit.record(actor, {audit::Open, kCall, callId}))
        return error;
    return call;
}

StoreResult<CallRecord> IntakeStore::update(const Actor& actor, const CallRecord& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall, input.id);
    if (!work.ok())
        return work.error();
    CallRecord call = input;
    call.cadNumber = call.cadNumber.trimmed();
    if (StoreError error = validate(call))
        return error;
    if (StoreError error = checkWritable(m_db, call.id))
        return error;
    {
        QSqlQuery taken =
            m_db.prepare(QStringLiteral("SELECT 1 FROM calls WHERE cad_number = ? AND id <> ?"));
        taken.addBindValue(call.cadNumber);
        taken.addBindValue(call.id);
        if (StoreError error = m_db.exec(taken, "check CAD number"))
            return error;
        if (taken.next())
            return invalid(QStringLiteral("the CAD number is taken"), QStringLiteral("cadNumber"));
    }
    if (StoreError error = checkPersonExists(m_db, call.personId))
        return error;

    const auto values = callValues(call);
    QStringList assignments;
    for (const auto& [column, value] : values)
        assignments.append(column + QStringLiteral(" = ?"));
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE calls SET ") + assignments.join(QStringLiteral(", ")) +
                     QStringLiteral(", updated_at = ?, version = version + 1 "
                                    "WHERE id = ? AND version = ? AND status <> 'closed'"));
    for (const auto& [column, value] : values)
        update.addBindValue(value);
    update.addBindValue(toStoredTime(m_clock.now()));
    update.addBindValue(call.id);
    update.addBindValue(call.version);
    if (StoreError error = m_db.exec(update, "update call"))
        return error;
    if (StoreError error = conflictUnlessChanged(update))
        return error;
    auto stored = readCallById(m_db, call.id);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.changed(audit::Update, kCall, call.id, stored.value().version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<CallRecord> IntakeStore::dispatch(const Actor& actor, const QString& callId, int version,
                                              const QString& unit)
{
    const QString unitName = unit.trimmed();
    if (unitName.isEmpty())
        return missing(QStringLiteral("no unit to dispatch"), QStringLiteral("unit"));
    UnitOfWork work(m_db, m_clock, actor, Action::DispatchUnit, kCall, callId);
    if (!work.ok())
        return work.error();
    if (StoreError error = checkWritable(m_db, callId))
        return error;
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE calls SET status = ?, assigned_unit = ?, "
                                                   "dispatched_at = ?, updated_at = ?, version = version + 1 "
                                                   "WHERE id = ? AND version = ? AND status <> 'closed'"));
    update.addBindValue(statusCode(intake::CallStatus::Dispatched));
    update.addBindValue(unitName);
    update.addBindValue(now);
    update.addBindValue(now);
    update.addBindValue(callId);
    update.addBindValue(version);
    if (StoreError error = m_db.exec(update, "dispatch call"))
        return error;
    if (StoreError error = conflictUnlessChanged(update))
        return error;
    auto stored = readCallById(m_db, callId);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.changed(audit::Dispatch, kCall, callId, stored.value().version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<CallRecord> IntakeStore::close(const Actor& actor, const QString& callId, int version)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall, callId);
    if (!work.ok())
        return work.error();
    if (StoreError error = checkWritable(m_db, callId))
        return error;
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery update = m_db.prepare(
        QStringLiteral("UPDATE calls SET status = ?, closed_at = ?, updated_at = ?, version = version + 1 "
                       "WHERE id = ? AND version = ? AND status <> 'closed'"));
    update.addBindValue(statusCode(intake::CallStatus::Closed));
    update.addBindValue(now);
    update.addBindValue(now);
    update.addBindValue(callId);
    update.addBindValue(version);
    if (StoreError error = m_db.exec(update, "close call"))
        return error;
    if (StoreError error = conflictUnlessChanged(update))
        return error;
    auto stored = readCallById(m_db, callId);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.changed(audit::Close, kCall, callId, stored.value().version))
        return error;
    // A diverted call gets its CCD check-in, in the same transaction.
    auto checkIn = FollowUpStore::createCheckInForClosedCall(m_db, callId, m_clock.now());
    if (!checkIn.ok())
        return checkIn.error();
    if (checkIn.value().created) {
        if (StoreError error =
                work.changed(audit::Create, FollowUpStore::recordType(), checkIn.value().taskId, 1))
            return error;
    }
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<CallAddendum> IntakeStore::addAddendum(const Actor& actor, const QString& callId,
                                                   const QString& text)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall, callId);
    if (!work.ok())
        return work.error();
    CallAddendum addendum;
    addendum.text = text.trimmed();
    if (addendum.text.isEmpty())
        return missing(QStringLiteral("an addendum needs text"), QStringLiteral("text"));
    int callVersion = 0;
    {
        QSqlQuery exists = m_db.prepare(QStringLiteral("SELECT version FROM calls WHERE id = ?"));
        exists.addBindValue(callId);
        if (StoreError error = m_db.exec(exists, "find call"))
            return error;
        if (!exists.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
        callVersion = exists.value(0).toInt();
    }
    {
        QSqlQuery author = m_db.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
        author.addBindValue(actor.userId());
        if (StoreError error = m_db.exec(author, "read author name"))
            return error;
        addendum.authorName = author.next() ? author.value(0).toString() : actor.displayName();
    }
    addendum.id = toQString(newRecordId(m_clock.now()));
    addendum.authorId = actor.userId();
    addendum.writtenAt = toDateTime(m_clock.now());
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO call_addenda (id, call_id, author_id, written_at, text) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(addendum.id);
    insert.addBindValue(callId);
    insert.addBindValue(notNullText(addendum.authorId));
    insert.addBindValue(toStoredTime(addendum.writtenAt));
    insert.addBindValue(addendum.text);
    if (StoreError error = m_db.exec(insert, "insert addendum"))
        return error;
    // The addendum belongs to the call (its row does not move the call's version).
    if (StoreError error = work.changed(audit::Addendum, kCall, callId, callVersion))
        return error;
    if (StoreError error = work.commit())
        return error;
    return addendum;
}

StoreResult<QList<CallAddendum>> IntakeStore::addenda(const Actor& actor, const QString& callId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewCallQueue, kCall, callId))
        return error;
    {
        QSqlQuery exists = m_db.prepare(QStringLiteral("SELECT 1 FROM calls WHERE id = ?"));
        exists.addBindValue(callId);
        if (StoreError error = m_db.exec(exists, "find call"))
            return error;
        if (!exists.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such call"));
    }
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT a.id, a.author_id, u.display_name, a.written_at, a.text FROM call_addenda a "
        "LEFT JOIN users u ON u.id = a.author_id WHERE a.call_id = ? ORDER BY a.written_at, a.id"));
    query.addBindValue(callId);
    if (StoreError error = m_db.exec(query, "list addenda"))
        return error;
    QList<CallAddendum> list;
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     fromStoredTime(query.value(3).toString()), query.value(4).toString()});
    }
    return list;
}

StoreResult<int> IntakeStore::reserveCadSequence(const Actor& actor, const QString& prefix,
                                                 const std::function<QString(int)>& numberFor)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kCall);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    // The prefix's first use starts after the calls already numbered with it.
    // Two workstations starting it together: PostgreSQL makes the second
    // INSERT wait for the first and then do nothing; SQLite's BEGIN
    // IMMEDIATE lets only one in. LOWER on both sides: SQLite's LIKE ignores
    // ASCII case and PostgreSQL's does not.
    QSqlQuery start = m_db.prepare(
        QStringLiteral("INSERT INTO cad_sequences (prefix, last_value, updated_at) "
                       "SELECT ?, COUNT(*), ? FROM calls WHERE LOWER(cad_number) LIKE ? ESCAPE '!' "
                       "ON CONFLICT (prefix) DO NOTHING"));
    start.addBindValue(prefix);
    start.addBindValue(now);
    start.addBindValue(QString(escapeLike(prefix.toLower()) + QLatin1Char('%')));
    if (StoreError error = m_db.exec(start, "start CAD number counter"))
        return error;
    start.finish();
    constexpr int kMaxSkipped = 10'000;
    for (int skipped = 0; skipped < kMaxSkipped; ++skipped) {
        // The UPDATE first: on PostgreSQL it locks the row until commit, so a
        // second workstation's UPDATE waits and then counts on from ours.
        QSqlQuery step = m_db.prepare(QStringLiteral(
            "UPDATE cad_sequences SET last_value = last_value + 1, updated_at = ? WHERE prefix = ?"));
        step.addBindValue(now);
        step.addBindValue(prefix);
        if (StoreError error = m_db.exec(step, "move CAD number counter"))
            return error;
        step.finish();
        QSqlQuery read =
            m_db.prepare(QStringLiteral("SELECT last_value FROM cad_sequences WHERE prefix = ?"));
        read.addBindValue(prefix);
        if (StoreError error = m_db.exec(read, "read CAD number counter"))
            return error;
        if (!read.next())
            return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("no CAD number counter"));
        const int sequence = read.value(0).toInt();
        read.finish();
        const QString number = numberFor(sequence);
        QSqlQuery used =
            m_db.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM calls WHERE cad_number = ?) + "
                                        "(SELECT COUNT(*) FROM drafts WHERE content LIKE ? ESCAPE '!')"));
        used.addBindValue(number);
        // Drafts are JSON written by QJsonDocument::Compact.
        used.addBindValue(
            QString(QStringLiteral("%\"cadNumber\":\"") + escapeLike(number) + QStringLiteral("\"%")));
        if (StoreError error = m_db.exec(used, "look for the CAD number"))
            return error;
        if (!used.next())
            return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("no count of CAD numbers"));
        const bool taken = used.value(0).toInt() > 0;
        used.finish();
        if (taken)
            continue;
        // A counter, not a shared record: no audit row, no journal row (as before).
        if (StoreError error = work.commit())
            return error;
        return sequence;
    }
    return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("no free CAD number for the prefix"));
}

StoreResult<QList<CallRecord>> IntakeStore::callsOfPerson(Database& db, const QString& personId)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT ") + kCallColumns +
                                 QStringLiteral(" FROM calls WHERE person_id = ? "
                                                "ORDER BY received_at DESC, created_at DESC, id DESC"));
    query.addBindValue(personId);
    if (StoreError error = db.exec(query, "read calls of a person"))
        return error;
    QList<CallRecord> calls;
    while (query.next())
        calls.append(readCall(query));
    return calls;
}

} // namespace heart::store
