#pragma once
// What an encounter's signature covers and how it is hashed: the signed note
// with its entries and safety plan, and each signed addendum on its own
// (SHA-256 over the stored text of every column, so an edit made behind the
// store's back shows). Internal to the store: EncounterStore signs and
// verifies with these; nothing here checks permissions or audits.
#include "store/EncounterStore.h"
#include "store/StoreError.h"

#include <QList>
#include <QString>

namespace heart::store {

class Database;

namespace encounter_hash {

// An addendum as stored, with the hash it should have now.
struct StoredAddendum
{
    EncounterAddendum addendum;
    QString expectedHash;
};

// SHA-256 (hex) of what a signature covers, as it is stored now; NotFound
// when there is no such encounter.
StoreResult<QString> signedContentHash(Database& db, const QString& encounterId);
// The addenda of an encounter (or the one addendum), oldest first.
StoreResult<QList<StoredAddendum>> readAddenda(Database& db, const QString& encounterId,
                                               const QString& addendumId = QString());

} // namespace encounter_hash
} // namespace heart::store
