// What an encounter's signature covers, and its hashes (see EncounterHash.h).
// Moved out of EncounterStore.cpp unchanged, so stored signatures still match.
#include "store/EncounterHash.h"

#include "core/Sha256.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QVariant>
#include <nlohmann/json.hpp>

namespace heart::store::encounter_hash {
namespace {

std::string text(const QVariant& value)
{
    return value.toString().toStdString();
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

StoreError notFound()
{
    return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such encounter"));
}

// What a signature covers: every column of the encounter row but the hash
// itself, every column of its entries and of its safety plan, as stored.
const QStringList kSignedEncounterColumns = {
    QStringLiteral("id"),
    QStringLiteral("call_id"),
    QStringLiteral("unit_id"),
    QStringLiteral("created_by"),
    QStringLiteral("presenting_concern"),
    QStringLiteral("cssrs"),
    QStringLiteral("assessment"),
    QStringLiteral("interventions"),
    QStringLiteral("disposition"),
    QStringLiteral("destination"),
    QStringLiteral("referral_resource_id"),
    QStringLiteral("referral_text"),
    QStringLiteral("escalation_reason"),
    QStringLiteral("felt_safe"),
    QStringLiteral("consent_to_follow_up"),
    QStringLiteral("preferred_contact"),
    QStringLiteral("contact_phone"),
    QStringLiteral("narrative"),
    QStringLiteral("signed_by"),
    QStringLiteral("signed_at"),
    QStringLiteral("created_at"),
    QStringLiteral("updated_at"),
    QStringLiteral("version"),
};
const QStringList kSignedEntryColumns = {
    QStringLiteral("id"),         QStringLiteral("encounter_id"), QStringLiteral("seq"),
    QStringLiteral("author_id"),  QStringLiteral("author_role"),  QStringLiteral("text"),
    QStringLiteral("created_at"), QStringLiteral("updated_at"),   QStringLiteral("version"),
};
const QStringList kSignedPlanColumns = {
    QStringLiteral("id"),           QStringLiteral("encounter_id"), QStringLiteral("person_id"),
    QStringLiteral("document"),     QStringLiteral("status"),       QStringLiteral("author_id"),
    QStringLiteral("finalised_by"), QStringLiteral("finalised_at"), QStringLiteral("created_at"),
    QStringLiteral("updated_at"),   QStringLiteral("version"),
};
// An addendum's hash covers these and the note's signature hash.
const QStringList kSignedAddendumColumns = {
    QStringLiteral("a.id"),        QStringLiteral("a.encounter_id"),   QStringLiteral("a.seq"),
    QStringLiteral("a.author_id"), QStringLiteral("a.author_role"),    QStringLiteral("a.text"),
    QStringLiteral("a.signed_at"), QStringLiteral("e.signature_hash"),
};

// One row as JSON: column name -> stored text (null stays null), so any
// change to any column, in any engine's representation, changes the hash.
nlohmann::json rowJson(const QSqlQuery& row, const QStringList& columns)
{
    nlohmann::json object = nlohmann::json::object();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QVariant value = row.value(int(i));
        object[columns[i].toStdString()] =
            value.isNull() ? nlohmann::json(nullptr) : nlohmann::json(text(value));
    }
    return object;
}

QString hashOf(const nlohmann::json& document)
{
    return toQString(Sha256::hex(document.dump()));
}

} // namespace

// SHA-256 of what a signature covers, as it is stored now.
StoreResult<QString> signedContentHash(Database& db, const QString& encounterId)
{
    nlohmann::json document = {{"format", "heartdesk-encounter-signature/1"}};
    QSqlQuery encounter =
        db.prepare(QStringLiteral("SELECT ") + kSignedEncounterColumns.join(QStringLiteral(", ")) +
                   QStringLiteral(" FROM encounters WHERE id = ?"));
    encounter.addBindValue(encounterId);
    if (StoreError error = db.exec(encounter, "read signed encounter"))
        return error;
    if (!encounter.next())
        return notFound();
    document["encounter"] = rowJson(encounter, kSignedEncounterColumns);
    // Added after signatures were first stored: covered when it holds a
    // place, left out when null so the notes signed before still match.
    QSqlQuery place = db.prepare(QStringLiteral("SELECT contact_place FROM encounters WHERE id = ?"));
    place.addBindValue(encounterId);
    if (StoreError error = db.exec(place, "read signed encounter place"))
        return error;
    if (place.next() && !place.value(0).isNull())
        document["encounter"]["contact_place"] = text(place.value(0));

    QSqlQuery entries =
        db.prepare(QStringLiteral("SELECT ") + kSignedEntryColumns.join(QStringLiteral(", ")) +
                   QStringLiteral(" FROM encounter_entries WHERE encounter_id = ? ORDER BY seq, id"));
    entries.addBindValue(encounterId);
    if (StoreError error = db.exec(entries, "read signed entries"))
        return error;
    document["entries"] = nlohmann::json::array();
    while (entries.next())
        document["entries"].push_back(rowJson(entries, kSignedEntryColumns));

    QSqlQuery plan = db.prepare(QStringLiteral("SELECT ") + kSignedPlanColumns.join(QStringLiteral(", ")) +
                                QStringLiteral(" FROM safety_plans WHERE encounter_id = ? ORDER BY id"));
    plan.addBindValue(encounterId);
    if (StoreError error = db.exec(plan, "read signed safety plan"))
        return error;
    document["safetyPlans"] = nlohmann::json::array();
    while (plan.next())
        document["safetyPlans"].push_back(rowJson(plan, kSignedPlanColumns));
    return hashOf(document);
}

StoreResult<QList<StoredAddendum>> readAddenda(Database& db, const QString& encounterId,
                                               const QString& addendumId)
{
    QSqlQuery query = db.prepare(
        QStringLiteral("SELECT ") + kSignedAddendumColumns.join(QStringLiteral(", ")) +
        QStringLiteral(", a.content_hash, u.display_name FROM encounter_addenda a "
                       "JOIN encounters e ON e.id = a.encounter_id LEFT JOIN users u ON u.id = a.author_id "
                       "WHERE a.encounter_id = ?") +
        (addendumId.isEmpty() ? QString() : QStringLiteral(" AND a.id = ?")) +
        QStringLiteral(" ORDER BY a.seq, a.id"));
    query.addBindValue(encounterId);
    if (!addendumId.isEmpty())
        query.addBindValue(addendumId);
    if (StoreError error = db.exec(query, "read addenda"))
        return error;
    QList<StoredAddendum> list;
    while (query.next()) {
        nlohmann::json document = {{"format", "heartdesk-encounter-addendum/1"}};
        document["addendum"] = rowJson(query, kSignedAddendumColumns);
        StoredAddendum stored;
        EncounterAddendum& a = stored.addendum;
        a.id = query.value(0).toString();
        a.authorId = query.value(3).toString();
        a.authorRole = readRole(query.value(4), Role::CrtTeamLead);
        a.text = query.value(5).toString();
        a.signedAt = readTime(query.value(6));
        a.contentHash = query.value(8).toString();
        a.authorName = query.value(9).toString();
        stored.expectedHash = hashOf(document);
        list.append(std::move(stored));
    }
    return list;
}

} // namespace heart::store::encounter_hash
