#pragma once
// Routing rule sets kept in the database, so every workstation of a center
// decides by the same rules. Importing needs Action::ManageSettings and is
// audited; the document is checked by the core loader first, so a malformed
// file never reaches the table. Without stored rule sets, the shipped ones
// (Durham) apply.
#include "core/routing/Router.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace heart::store {

class Database;

// What routing needs of one stored call, for an impact preview: type, flags,
// beat or position, time received, C-SSRS risk. No person's data.
struct CallRoutingFacts
{
    std::string callType;
    std::string beat;
    routing::FlagSet flags;
    std::optional<geo::GeoPoint> position;
    TimePoint received;
    routing::RiskLevel risk = routing::RiskLevel::NotAssessed;

    // A view into this struct: valid while it lives.
    routing::CallFacts facts() const;
};

struct StoredRuleSet
{
    QString id;  // record id
    QString key; // the rule set's own id, e.g. "durham-2023-10-23-citywide"
    QString name;
    QDate effectiveFrom;
    QString sourceName; // the file it was imported from
    int version = 0;
};

// One saved document of a rule set (rule_set_versions): every import and
// every new version writes one, so the rules before and after each change
// (the audit row names the record and this version) can be read back.
struct RuleSetVersion
{
    QString recordId; // rule_sets.id
    int version = 0;
    QString key;
    QDate effectiveFrom;
    QString sourceName;
    QString basedOn; // the rule set key a new version was made from; empty for a file import
    QString savedAt; // UTC, as stored
    QString savedBy; // user id; empty for rows from before migration 18
    QByteArray document;
};

class RuleSetStore
{
public:
    RuleSetStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // Adds a rule set, or replaces the one with the same key (a correction).
    // InvalidInput with the loader's "file: path: message" as detail when the
    // document is malformed, or when another rule set takes effect that day;
    // with field "id" when stored calls were decided under the rule set it
    // would replace (never edited in place: import it under a new id).
    StoreResult<StoredRuleSet> importRuleSet(const Actor& actor, const QByteArray& json,
                                             const QString& sourceName);
    // A new version of the program's rules, made from the rule set `basedOnKey`
    // (the one in force, usually): a rule set of its own that takes effect on
    // its effectiveFrom, which must be after today (the program's local date),
    // so nothing changes for a call before it. Needs Action::ManageSettings;
    // audited (create, or update of a version not yet in force) and kept in
    // rule_set_versions. Refused with InvalidInput and a field:
    //   the loader's error (its JSON path)           malformed document
    //   "effectiveFrom"                              today or earlier, or another rule set that day
    //   "id"                                         the key of a rule set that is or was in force, or
    //                                                that past calls were decided by: never edited in
    //                                                place, a new version needs an id of its own
    //   "basedOn"                                    no such rule set stored
    // Saving again under the key of a version that is not in force yet
    // replaces it (version + 1; the earlier document stays in the history).
    StoreResult<StoredRuleSet> saveNewVersion(const Actor& actor, const QByteArray& json,
                                              const QString& basedOnKey);
    StoreResult<QList<StoredRuleSet>> list();
    // The stored document of a rule set (NotFound when there is none by that key).
    StoreResult<QByteArray> document(const QString& key);
    // Every saved version of the rule set with this key, oldest first.
    StoreResult<QList<RuleSetVersion>> versions(const QString& key);
    // The stored calls received at or after `since`, oldest first.
    StoreResult<std::vector<CallRoutingFacts>> callFactsSince(TimePoint since);
    // How many stored calls were decided under the rule set.
    StoreResult<int> callsDecidedUnder(const QString& key);
    // The stored rule sets as a rule book; the shipped ones when none are stored.
    StoreResult<routing::RuleBook> ruleBook();

private:
    StoreError writeVersion(const StoredRuleSet& stored, const QByteArray& json, const QString& basedOn,
                            const Actor& actor);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
