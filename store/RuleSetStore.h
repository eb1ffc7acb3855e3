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

namespace heart::store {

class Database;

struct StoredRuleSet
{
    QString id;  // record id
    QString key; // the rule set's own id, e.g. "durham-2023-10-23-citywide"
    QString name;
    QDate effectiveFrom;
    QString sourceName; // the file it was imported from
    int version = 0;
};

class RuleSetStore
{
public:
    RuleSetStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // Adds a rule set, or replaces the one with the same key (a correction).
    // InvalidInput with the loader's "file: path: message" as detail when the
    // document is malformed, or when another rule set takes effect that day.
    StoreResult<StoredRuleSet> importRuleSet(const Actor& actor, const QByteArray& json,
                                             const QString& sourceName);
    StoreResult<QList<StoredRuleSet>> list();
    // The stored rule sets as a rule book; the shipped ones when none are stored.
    StoreResult<routing::RuleBook> ruleBook();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
