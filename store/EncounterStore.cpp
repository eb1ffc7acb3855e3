#include "store/EncounterStore.h"

#include "core/Uuid.h"
#include "core/intake/IntakeRules.h"
#include "store/AccountStore.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/EncounterHash.h"
#include "store/FollowUpStore.h"
#include "store/ReadAndCommit.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QVariant>
#include <tuple>
#include <utility>

namespace heart::store {
namespace {

using encounter::EncounterNote;
using encounter_hash::readAddenda;
using encounter_hash::signedContentHash;
using encounter_hash::StoredAddendum;

const QString kEncounter = QStringLiteral("encounter");
const QString kEntry = QStringLiteral("encounter_entry");

// The columns readEncounterRow() takes, in its order: the call's person and
// the signer's name by joins.
const QString kEncounterSelect = QStringLiteral(
    "SELECT e.id, e.version, e.call_id, e.unit_id, c.person_id, e.created_by, e.created_at, e.updated_at, "
    "e.presenting_concern, e.cssrs, e.assessment, e.interventions, e.disposition, e.destination, "
    "e.referral_resource_id, e.referral_text, e.escalation_reason, e.felt_safe, e.consent_to_follow_up, "
    "e.preferred_contact, e.contact_phone, e.narrative, e.signed_by, u.display_name, e.signed_at, "
    "e.signature_hash, e.contact_place FROM encounters e LEFT JOIN calls c ON c.id = e.call_id "
    "LEFT JOIN users u ON u.id = e.signed_by");

QVariant nullText(const std::string& text)
{
    return text.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(toQString(text));
}

QVariant codeValue(std::string_view code)
{
    return QVariant(toQString(code));
}

QVariant nullBool(const std::optional<bool>& value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

std::optional<bool> readBool(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt() != 0;
}

QDateTime readTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromStoredTime(value.toString());
}

Role readRole(const QVariant& value, Role fallback)
{
    const auto role = roleFromCode(value.toString().toStdString());
    return role ? *role : fallback;
}

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

StoreError signedAlready()
{
    return StoreError::make(StoreErrorCode::RecordSigned,
                            QStringLiteral("the note is signed: add a signed addendum instead"));
}

StoreError notFound(const QString& field = QString())
{
    return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such encounter"), field);
}

// The contact number in its normalised form when it has one; as typed
// otherwise (a draft may hold a half-typed number: signing refuses it).
EncounterNote normalised(EncounterNote note)
{
    if (const auto phone = intake::normalisePhone(note.contactPhone); phone && !phone.value().empty())
        note.contactPhone = phone.value();
    return note;
}

// The columns update() writes, with their values.
QList<std::pair<QString, QVariant>> noteValues(const EncounterNote& note)
{
    return {
        {QStringLiteral("presenting_concern"), nullText(note.presentingConcern)},
        {QStringLiteral("cssrs"),
         note.cssrs ? nullText(triage::encodeCssrs(*note.cssrs)) : QVariant(QMetaType::fromType<QString>())},
        {QStringLiteral("assessment"), nullText(note.assessment)},
        {QStringLiteral("interventions"), nullText(note.interventions)},
        {QStringLiteral("disposition"),
         note.disposition ? codeValue(encounter::encounterDispositionCode(*note.disposition))
                          : QVariant(QMetaType::fromType<QString>())},
        {QStringLiteral("destination"), nullText(note.destination)},
        {QStringLiteral("referral_resource_id"), nullText(note.referralResourceId)},
        {QStringLiteral("referral_text"), nullText(note.referralText)},
        {QStringLiteral("escalation_reason"), nullText(note.escalationReason)},
        {QStringLiteral("felt_safe"), nullBool(note.feltSafe)},
        {QStringLiteral("consent_to_follow_up"), nullBool(note.consentToFollowUp)},
        {QStringLiteral("preferred_contact"),
         note.preferredContact ? codeValue(encounter::contactPreferenceCode(*note.preferredContact))
                               : QVariant(QMetaType::fromType<QString>())},
        {QStringLiteral("contact_phone"), nullText(note.contactPhone)},
        {QStringLiteral("contact_place"), nullText(note.contactPlace)},
        {QStringLiteral("narrative"), nullText(note.narrative)},
    };
}

std::string text(const QVariant& value)
{
    return value.toString().toStdString();
}

Encounter readEncounterRow(const QSqlQuery& row)
{
    Encounter e;
    int c = 0;
    e.id = row.value(c++).toString();
    e.version = row.value(c++).toInt();
    e.callId = row.value(c++).toString();
    e.unitId = row.value(c++).toString();
    e.personId = row.value(c++).toString();
    e.createdBy = row.value(c++).toString();
    e.createdAt = readTime(row.value(c++));
    e.updatedAt = readTime(row.value(c++));
    EncounterNote& n = e.note;
    n.presentingConcern = text(row.value(c++));
    if (const QVariant cssrs = row.value(c++); !cssrs.isNull()) {
        if (auto answers = triage::decodeCssrs(text(cssrs)))
            n.cssrs = answers.value();
    }
    n.assessment = text(row.value(c++));
    n.interventions = text(row.value(c++));
    n.disposition = encounter::encounterDispositionFromCode(text(row.value(c++)));
    n.destination = text(row.value(c++));
    n.referralResourceId = text(row.value(c++));
    n.referralText = text(row.value(c++));
    n.escalationReason = text(row.value(c++));
    n.feltSafe = readBool(row.value(c++));
    n.consentToFollowUp = readBool(row.value(c++));
    n.preferredContact = encounter::contactPreferenceFromCode(text(row.value(c++)));
    n.contactPhone = text(row.value(c++));
    n.narrative = text(row.value(c++));
    e.signedBy = row.value(c++).toString();
    e.signedByName = row.value(c++).toString();
    e.signedAt = readTime(row.value(c++));
    e.signatureHash = row.value(c++).toString();
    n.contactPlace = text(row.value(c++));
    return e;
}

} // namespace

StoreError EncounterStore::refuseUnless(bool allowed, const Actor& actor, Action action,
                                        const QString& recordId)
{
    if (allowed)
        return {};
    if (StoreError error = m_audit.require(actor, action, kEncounter, recordId))
        return error;
    // The core's rule and the permission table disagree: refuse all the same.
    m_audit.record(actor, {audit::PermissionDenied, kEncounter, recordId});
    return StoreError::make(StoreErrorCode::PermissionDenied,
                            QStringLiteral("role %1 may not %2")
                                .arg(toQString(roleCode(actor.role())), toQString(actionCode(action))));
}

StoreResult<Encounter> EncounterStore::read(const QString& encounterId)
{
    QSqlQuery query = m_db.prepare(kEncounterSelect + QStringLiteral(" WHERE e.id = ?"));
    query.addBindValue(encounterId);
    if (StoreError error = m_db.exec(query, "read encounter"))
        return error;
    if (!query.next())
        return notFound();
    Encounter encounter = readEncounterRow(query);
    query.finish();

    QSqlQuery entries = m_db.prepare(QStringLiteral(
        "SELECT n.id, n.version, n.author_id, u.display_name, n.author_role, n.created_at, n.updated_at, "
        "n.text "
        "FROM encounter_entries n LEFT JOIN users u ON u.id = n.author_id WHERE n.encounter_id = ? "
        "ORDER BY n.seq, n.id"));
    entries.addBindValue(encounterId);
    if (StoreError error = m_db.exec(entries, "read encounter entries"))
        return error;
    while (entries.next()) {
        encounter.entries.append({entries.value(0).toString(), entries.value(1).toInt(),
                                  entries.value(2).toString(), entries.value(3).toString(),
                                  readRole(entries.value(4), Role::PeerSupport), readTime(entries.value(5)),
                                  readTime(entries.value(6)), entries.value(7).toString()});
    }
    entries.finish();

    auto addenda = readAddenda(m_db, encounterId);
    if (!addenda.ok())
        return addenda.error();
    for (const StoredAddendum& stored : std::as_const(addenda.value()))
        encounter.addenda.append(stored.addendum);
    return encounter;
}

StoreResult<int> EncounterStore::touchUnsigned(Database& db, const QString& encounterId, const QString& now,
                                               std::optional<int> expectedVersion)
{
    QSqlQuery bump = db.prepare(QStringLiteral("UPDATE encounters SET version = version + 1, updated_at = ? "
                                               "WHERE id = ? AND signed_at IS NULL") +
                                (expectedVersion ? QStringLiteral(" AND version = ?") : QString()));
    bump.addBindValue(now);
    bump.addBindValue(encounterId);
    if (expectedVersion)
        bump.addBindValue(*expectedVersion);
    if (StoreError error = db.exec(bump, "change encounter"))
        return error;
    const bool changed = bump.numRowsAffected() == 1;
    bump.finish();
    QSqlQuery state = db.prepare(QStringLiteral("SELECT signed_at, version FROM encounters WHERE id = ?"));
    state.addBindValue(encounterId);
    if (StoreError error = db.exec(state, "read encounter state"))
        return error;
    if (!state.next())
        return notFound();
    if (changed)
        return state.value(1).toInt();
    if (!state.value(0).isNull())
        return signedAlready();
    return StoreError::make(StoreErrorCode::Conflict, QStringLiteral("the encounter was changed meanwhile"));
}

StoreError EncounterStore::confirmSigner(const Actor& actor, const QString& encounterId,
                                         const QString& password)
{
    StoreError error = m_accounts.confirmPassword(actor, password);
    if (!error)
        return {};
    // AccountStore has audited the failed attempt on the account; this row
    // says which record it was for.
    if (error.code == StoreErrorCode::BadCredentials || error.code == StoreErrorCode::AccountLocked ||
        error.code == StoreErrorCode::AccountInactive)
        m_audit.record(actor, {audit::SignFailed, kEncounter, encounterId});
    return error;
}

StoreResult<Encounter> EncounterStore::create(const Actor& actor, const QString& callId,
                                              const QString& unitId)
{
    if (StoreError error =
            refuseUnless(encounter::mayAddEntry(actor.role()), actor, Action::WriteEncounterEntry, {}))
        return error;
    UnitOfWork work(m_db, m_clock, actor, Action::WriteEncounterEntry, kEncounter);
    if (!work.ok())
        return work.error();
    for (const auto& [table, id, field] :
         {std::tuple(QStringLiteral("calls"), callId, QStringLiteral("callId")),
          std::tuple(QStringLiteral("units"), unitId, QStringLiteral("unitId"))}) {
        QSqlQuery exists =
            m_db.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ?"));
        exists.addBindValue(id);
        if (StoreError error = m_db.exec(exists, "find call or unit"))
            return error;
        if (!exists.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such ") + field, field);
    }
    {
        QSqlQuery taken =
            m_db.prepare(QStringLiteral("SELECT 1 FROM encounters WHERE call_id = ? AND unit_id = ?"));
        taken.addBindValue(callId);
        taken.addBindValue(unitId);
        if (StoreError error = m_db.exec(taken, "find encounter of call and unit"))
            return error;
        if (taken.next())
            return invalid(QStringLiteral("the unit has an encounter for this call already"),
                           QStringLiteral("unitId"));
    }
    const QString id = toQString(newRecordId(m_clock.now()));
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO encounters (id, call_id, unit_id, created_by, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, 1)"));
    for (const QString& value : {id, callId, unitId, actor.userId(), now, now})
        insert.addBindValue(value);
    if (StoreError error = m_db.exec(insert, "insert encounter"))
        return error;
    if (StoreError error = work.changed(audit::Create, kEncounter, id, 1))
        return error;
    return readAndCommit<Encounter>(work, [&] { return read(id); });
}

StoreResult<Encounter> EncounterStore::open(const Actor& actor, const QString& encounterId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kEncounter, encounterId))
        return error;
    auto encounter = read(encounterId);
    if (!encounter.ok())
        return encounter.error();
    // No contents without the audit row that says who read them.
    if (StoreError error = m_audit.record(actor, {audit::Open, kEncounter, encounterId}))
        return error;
    return encounter;
}

StoreResult<Encounter> EncounterStore::openFor(const Actor& actor, const QString& callId,
                                               const QString& unitId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kEncounter))
        return error;
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT id FROM encounters WHERE call_id = ? AND unit_id = ?"));
    query.addBindValue(callId);
    query.addBindValue(unitId);
    if (StoreError error = m_db.exec(query, "find encounter of call and unit"))
        return error;
    if (!query.next())
        return notFound();
    const QString id = query.value(0).toString();
    query.finish();
    return open(actor, id);
}

StoreResult<Encounter> EncounterStore::update(const Actor& actor, const QString& encounterId, int version,
                                              const EncounterNote& input)
{
    if (StoreError error =
            refuseUnless(encounter::maySign(actor.role()), actor, Action::SignEncounter, encounterId))
        return error;
    const EncounterNote note = normalised(input);
    UnitOfWork work(m_db, m_clock, actor, Action::SignEncounter, kEncounter, encounterId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    auto touched = touchUnsigned(m_db, encounterId, now, version);
    if (!touched.ok())
        return touched.error();
    const auto values = noteValues(note);
    QStringList assignments;
    for (const auto& [column, value] : values)
        assignments.append(column + QStringLiteral(" = ?"));
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE encounters SET ") + assignments.join(QStringLiteral(", ")) +
                     QStringLiteral(" WHERE id = ? AND signed_at IS NULL"));
    for (const auto& [column, value] : values)
        update.addBindValue(value);
    update.addBindValue(encounterId);
    if (StoreError error = m_db.exec(update, "update encounter note"))
        return error;
    if (StoreError error = work.changed(audit::Update, kEncounter, encounterId, touched.value()))
        return error;
    return readAndCommit<Encounter>(work, [&] { return read(encounterId); });
}

StoreResult<Encounter> EncounterStore::addEntry(const Actor& actor, const QString& encounterId,
                                                const QString& input)
{
    if (StoreError error = refuseUnless(encounter::mayAddEntry(actor.role()), actor,
                                        Action::WriteEncounterEntry, encounterId))
        return error;
    const QString entryText = input.trimmed();
    if (entryText.isEmpty())
        return invalid(QStringLiteral("an entry needs text"), QStringLiteral("text"));
    UnitOfWork work(m_db, m_clock, actor, Action::WriteEncounterEntry, kEncounter, encounterId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    auto touched = touchUnsigned(m_db, encounterId, now);
    if (!touched.ok())
        return touched.error();
    if (StoreError error = work.changed(audit::Update, kEncounter, encounterId, touched.value()))
        return error;
    const QString id = toQString(newRecordId(m_clock.now()));
    // seq = the encounter's version after this change: entries written in
    // the same millisecond keep their order, and two writers cannot share one.
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO encounter_entries (id, encounter_id, seq, author_id, author_role, text, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    insert.addBindValue(id);
    insert.addBindValue(encounterId);
    insert.addBindValue(touched.value());
    insert.addBindValue(actor.userId());
    insert.addBindValue(toQString(roleCode(actor.role())));
    insert.addBindValue(entryText);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (StoreError error = m_db.exec(insert, "insert encounter entry"))
        return error;
    if (StoreError error = work.changed(audit::Create, kEntry, id, 1))
        return error;
    return readAndCommit<Encounter>(work, [&] { return read(encounterId); });
}

StoreResult<Encounter> EncounterStore::updateEntry(const Actor& actor, const QString& entryId, int version,
                                                   const QString& input)
{
    if (StoreError error =
            refuseUnless(encounter::mayAddEntry(actor.role()), actor, Action::WriteEncounterEntry, entryId))
        return error;
    const QString entryText = input.trimmed();
    if (entryText.isEmpty())
        return invalid(QStringLiteral("an entry needs text"), QStringLiteral("text"));
    QString encounterId;
    {
        QSqlQuery entry = m_db.prepare(
            QStringLiteral("SELECT encounter_id, author_id FROM encounter_entries WHERE id = ?"));
        entry.addBindValue(entryId);
        if (StoreError error = m_db.exec(entry, "find encounter entry"))
            return error;
        if (!entry.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such entry"));
        if (entry.value(1).toString() != actor.userId()) {
            entry.finish();
            m_audit.record(actor, {audit::PermissionDenied, kEntry, entryId});
            return StoreError::make(StoreErrorCode::PermissionDenied,
                                    QStringLiteral("only its author changes an entry"));
        }
        encounterId = entry.value(0).toString();
    }
    UnitOfWork work(m_db, m_clock, actor, Action::WriteEncounterEntry, kEntry, entryId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    auto touched = touchUnsigned(m_db, encounterId, now);
    if (!touched.ok())
        return touched.error();
    if (StoreError error = work.changed(audit::Update, kEncounter, encounterId, touched.value()))
        return error;
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE encounter_entries SET text = ?, updated_at = ?, "
                                                   "version = version + 1 WHERE id = ? AND version = ?"));
    update.addBindValue(entryText);
    update.addBindValue(now);
    update.addBindValue(entryId);
    update.addBindValue(version);
    if (StoreError error = m_db.exec(update, "update encounter entry"))
        return error;
    if (update.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict, QStringLiteral("the entry was changed meanwhile"));
    if (StoreError error = work.changed(audit::Update, kEntry, entryId, version + 1))
        return error;
    return readAndCommit<Encounter>(work, [&] { return read(encounterId); });
}

StoreResult<Encounter> EncounterStore::sign(const Actor& actor, const QString& encounterId, int version,
                                            const QString& password)
{
    if (StoreError error =
            refuseUnless(encounter::maySign(actor.role()), actor, Action::SignEncounter, encounterId))
        return error;
    auto current = read(encounterId);
    if (!current.ok())
        return current.error();
    if (current.value().isSigned())
        return signedAlready();
    if (current.value().version != version)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the encounter was changed meanwhile"));
    if (const auto missing = encounter::missingForSigning(current.value().note); !missing.empty()) {
        QStringList listed;
        for (const Error& problem : missing)
            listed.append(toQString(problem.field) + QStringLiteral(" (") + toQString(problem.code) +
                          QLatin1Char(')'));
        return invalid(QStringLiteral("incomplete for signing: ") + listed.join(QStringLiteral(", ")),
                       toQString(missing.front().field));
    }
    // Its own transaction (the failed attempt must be recorded even though
    // nothing else is), so before this one.
    if (StoreError error = confirmSigner(actor, encounterId, password))
        return error;

    UnitOfWork work(m_db, m_clock, actor, Action::SignEncounter, kEncounter, encounterId);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery lock =
        m_db.prepare(QStringLiteral("UPDATE encounters SET signed_by = ?, signed_at = ?, updated_at = ?, "
                                    "version = version + 1 WHERE id = ? AND version = ? "
                                    "AND signed_at IS NULL"));
    for (const QVariant& value :
         {QVariant(actor.userId()), QVariant(now), QVariant(now), QVariant(encounterId), QVariant(version)})
        lock.addBindValue(value);
    if (StoreError error = m_db.exec(lock, "sign encounter"))
        return error;
    if (lock.numRowsAffected() != 1) {
        // Signed or changed between the checks above and now.
        auto again = read(encounterId);
        if (again.ok() && again.value().isSigned())
            return signedAlready();
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the encounter was changed meanwhile"));
    }
    lock.finish();
    auto hash = signedContentHash(m_db, encounterId);
    if (!hash.ok())
        return hash.error();
    QSqlQuery seal = m_db.prepare(QStringLiteral("UPDATE encounters SET signature_hash = ? WHERE id = ?"));
    seal.addBindValue(hash.value());
    seal.addBindValue(encounterId);
    if (StoreError error = m_db.exec(seal, "store signature hash"))
        return error;
    if (StoreError error = work.changed(audit::Sign, kEncounter, encounterId, version + 1))
        return error;
    // Care Navigation's follow-up when the person consented, in the same
    // transaction: a signed note never lacks its task.
    auto followUp = FollowUpStore::createForSignedEncounter(m_db, encounterId, m_clock.now());
    if (!followUp.ok())
        return followUp.error();
    if (followUp.value().created) {
        if (StoreError error =
                work.changed(audit::Create, FollowUpStore::recordType(), followUp.value().taskId, 1))
            return error;
    }
    return readAndCommit<Encounter>(work, [&] { return read(encounterId); });
}

StoreResult<EncounterAddendum> EncounterStore::addAddendum(const Actor& actor, const QString& encounterId,
                                                           const QString& input, const QString& password,
                                                           const QString& draftForm)
{
    if (StoreError error =
            refuseUnless(encounter::maySign(actor.role()), actor, Action::SignEncounter, encounterId))
        return error;
    const QString addendumText = input.trimmed();
    if (addendumText.isEmpty())
        return invalid(QStringLiteral("an addendum needs text"), QStringLiteral("text"));
    int encounterVersion = 0;
    {
        QSqlQuery state =
            m_db.prepare(QStringLiteral("SELECT signed_at, version FROM encounters WHERE id = ?"));
        state.addBindValue(encounterId);
        if (StoreError error = m_db.exec(state, "read encounter state"))
            return error;
        if (!state.next())
            return notFound();
        if (state.value(0).isNull())
            return invalid(QStringLiteral("the note is not signed: change it instead"),
                           QStringLiteral("signed"));
        encounterVersion = state.value(1).toInt();
    }
    if (StoreError error = confirmSigner(actor, encounterId, password))
        return error;

    UnitOfWork work(m_db, m_clock, actor, Action::SignEncounter, kEncounter, encounterId);
    if (!work.ok())
        return work.error();
    int seq = 1;
    {
        QSqlQuery last =
            m_db.prepare(QStringLiteral("SELECT MAX(seq) FROM encounter_addenda WHERE encounter_id = ?"));
        last.addBindValue(encounterId);
        if (StoreError error = m_db.exec(last, "number addendum"))
            return error;
        if (last.next() && !last.value(0).isNull())
            seq = last.value(0).toInt() + 1;
    }
    const QString id = toQString(newRecordId(m_clock.now()));
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO encounter_addenda (id, encounter_id, seq, "
                                                   "author_id, author_role, text, signed_at, content_hash) "
                                                   "VALUES (?, ?, ?, ?, ?, ?, ?, '')"));
    for (const QVariant& value : {QVariant(id), QVariant(encounterId), QVariant(seq),
                                  QVariant(actor.userId()), QVariant(toQString(roleCode(actor.role()))),
                                  QVariant(addendumText), QVariant(toStoredTime(m_clock.now()))})
        insert.addBindValue(value);
    if (StoreError error = m_db.exec(insert, "insert addendum"))
        return error;
    auto written = readAddenda(m_db, encounterId, id);
    if (!written.ok())
        return written.error();
    if (written.value().size() != 1)
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("the addendum was not written"));
    EncounterAddendum addendum = written.value().first().addendum;
    addendum.contentHash = written.value().first().expectedHash;
    QSqlQuery seal =
        m_db.prepare(QStringLiteral("UPDATE encounter_addenda SET content_hash = ? WHERE id = ?"));
    seal.addBindValue(addendum.contentHash);
    seal.addBindValue(id);
    if (StoreError error = m_db.exec(seal, "store addendum hash"))
        return error;
    // The addendum belongs to the signed note, whose version a signature fixed:
    // the journal names the encounter at that version.
    if (StoreError error = work.changed(audit::Addendum, kEncounter, encounterId, encounterVersion))
        return error;
    if (!draftForm.isEmpty()) {
        if (StoreError error = DraftStore(m_db, m_clock).discard(actor, draftForm))
            return error;
    }
    if (StoreError error = work.commit())
        return error;
    return addendum;
}

StoreResult<EncounterVerification> EncounterStore::verify(const Actor& actor, const QString& encounterId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewUnitCalls, kEncounter, encounterId))
        return error;
    QSqlQuery state =
        m_db.prepare(QStringLiteral("SELECT signed_at, signature_hash FROM encounters WHERE id = ?"));
    state.addBindValue(encounterId);
    if (StoreError error = m_db.exec(state, "read encounter signature"))
        return error;
    if (!state.next())
        return notFound();
    EncounterVerification result;
    result.isSigned = !state.value(0).isNull();
    const QString storedHash = state.value(1).toString();
    state.finish();

    auto addenda = readAddenda(m_db, encounterId);
    if (!addenda.ok())
        return addenda.error();
    for (const StoredAddendum& stored : std::as_const(addenda.value())) {
        if (stored.addendum.contentHash != stored.expectedHash)
            result.alteredAddenda.append(stored.addendum.id);
    }

    if (result.isSigned) {
        auto hash = signedContentHash(m_db, encounterId);
        if (!hash.ok())
            return hash.error();
        result.noteIntact = !storedHash.isEmpty() && hash.value() == storedHash;
    } else {
        // Unsigned: intact unless the trail says it was signed, or addenda
        // (only ever written to a signed note) hang under it.
        QSqlQuery signedOnce = m_db.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_type = ? AND record_id = ?"));
        signedOnce.addBindValue(audit::Sign);
        signedOnce.addBindValue(kEncounter);
        signedOnce.addBindValue(encounterId);
        if (StoreError error = m_db.exec(signedOnce, "look for the signature in the audit trail"))
            return error;
        const bool trailSaysSigned = signedOnce.next() && signedOnce.value(0).toInt() > 0;
        result.noteIntact = !trailSaysSigned && addenda.value().isEmpty();
    }
    return result;
}

} // namespace heart::store
