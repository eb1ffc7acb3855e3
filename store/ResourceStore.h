#pragma once
// The resource directory: community services that referrals point to
// (encounter notes, follow-up outcomes). Anyone signed in searches and reads
// it: it holds services' public contact details, not people, so reading is
// not audited. Changing it needs Action::EditResourceDirectory
// (administrators); every change is audited naming the service's id, never
// its contents, and a refusal is audited too. A service is deactivated, never
// deleted: old referrals keep pointing at it.
//
// Rows carry a version: a stale update is refused (Conflict). Two active
// services may not share the same name and phone (folded name, normalised
// phone): that pair is how an import recognises a service it knows.
//
// Search: the folded text (directory::foldForSearch) must occur in the
// folded name or the address, word by word, or its digits (3 or more) in the
// phone. Filtering happens in SQL; the matches are then ordered by folded
// name in C++, identically on both engines whatever their collations (a
// directory holds hundreds of services, not millions).
#include "core/directory/Resource.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace heart::store {

class Database;

struct ResourceRecord
{
    QString id;
    int version = 0;
    QString name;
    directory::ResourceKind kind = directory::ResourceKind::Shelter;
    QString phone; // normalised (intake::normalisePhone), or empty
    QString address;
    QString hours;
    QStringList languages; // ISO 639 codes, lower case, in the order given
    bool walkIns = false;
    QString notes;
    bool active = true;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    // The core value, for problems() and for editing.
    directory::Resource toResource() const;
};

struct ResourceQuery
{
    QString text;                                // empty: every service (within the filters)
    std::optional<directory::ResourceKind> kind; // nullopt: every kind
    QString language;                            // an ISO 639 code the service speaks; empty: any
    bool includeInactive = false;
    int limit = 200; // 0 or less: no limit
};

struct ResourceImportSummary
{
    int inserted = 0;
    int updated = 0;        // an active service with the same folded name and phone, changed
    int unchanged = 0;      // the same, already identical: not written
    bool cancelled = false; // the progress callback said stop: nothing was written
};

// Called before the first row (0, total) and after each row (done, total);
// returning false cancels the import.
using ImportProgress = std::function<bool(int done, int total)>;

class ResourceStore
{
public:
    ResourceStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // Any signed-in actor. Active services only unless query.includeInactive.
    StoreResult<QList<ResourceRecord>> search(const Actor& actor, const ResourceQuery& query);
    // Any signed-in actor; inactive ones too (an old referral names one). NotFound.
    StoreResult<ResourceRecord> get(const Actor& actor, const QString& id);

    // The writes: Action::EditResourceDirectory. InvalidInput when
    // directory::problems() reports any (field: the first problem's field;
    // detail: every "code@field"), or field "name" (detail "duplicate") when
    // another active service has the same folded name and phone.
    StoreResult<ResourceRecord> create(const Actor& actor, const directory::Resource& resource);
    // Conflict when `version` is stale; NotFound.
    StoreResult<ResourceRecord> update(const Actor& actor, const QString& id, int version,
                                       const directory::Resource& resource);
    // Deactivate (audited "deactivate") or reactivate (audited "update");
    // reactivating refuses a duplicate of an active service as create() does.
    StoreResult<ResourceRecord> setActive(const Actor& actor, const QString& id, int version, bool active);

    // Rows from a CSV file (directory::readResourceCsv's good rows), in ONE
    // transaction: all are written or none (a failure or a cancel rolls back).
    // A row with the folded name and normalised phone of an active service
    // updates it (a later row of the same import too); otherwise it is
    // inserted. InvalidInput when a row has problems (detail names the row's
    // index from 1 and the codes): the caller passes only good rows. Each
    // service written is audited ("create"/"update", its id) and journaled
    // once with its new version; then one audit row sums up the import:
    // action "import", record type "resource", record id
    // "rows=N;inserted=I;updated=U;unchanged=K". A failure at any row leaves
    // nothing of the import (no rows, audit or journal).
    StoreResult<ResourceImportSummary> importRows(const Actor& actor,
                                                  const std::vector<directory::Resource>& rows,
                                                  const ImportProgress& progress = {});

private:
    // No permission check: the stored service, or NotFound.
    StoreResult<ResourceRecord> read(const QString& id);
    // The id of an active service with this folded name and phone, other than `exceptId`; empty when none.
    StoreResult<QString> findActiveTwin(const QString& nameKey, const QString& phone,
                                        const QString& exceptId);
    StoreError insertRow(const QString& id, const directory::Resource& resource, const QString& now);
    StoreError updateRow(const QString& id, int version, const directory::Resource& resource,
                         const QString& now);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
