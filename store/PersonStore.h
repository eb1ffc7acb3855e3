#pragma once
// Person records: the people calls are about, many of whom have called before
// ("familiar neighbors"). Searching and opening need Action::OpenPersonRecord
// and are audited (a search writes one "search" row naming no one; opening a
// history writes an "open" row for the person). Possible duplicates are only
// ever suggested: nothing is merged.
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/IntakeStore.h"
#include "store/StoreError.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace heart::store {

class Database;

struct PersonRecord
{
    QString id;
    int version = 0;
    QString givenName;
    QString familyName;
    QStringList aliases; // other names the person is known by
    QDate dateOfBirth;   // invalid when unknown
    std::optional<int> approximateAge;
    QString phone;    // normalised, or empty
    QString language; // ISO 639
    QString description;
};

struct PersonQuery
{
    QString name;      // matches given, family or alias names (case-insensitive, any part)
    QDate dateOfBirth; // exact, when valid
    QString phone;     // normalised, exact
};

struct PersonMatch
{
    PersonRecord person;
    int calls = 0;         // calls linked to the person
    QDateTime lastCall;    // UTC, invalid when none
    QStringList matchedOn; // "name", "alias", "date_of_birth", "phone"
};

struct PersonHistory
{
    PersonRecord person;
    QList<CallRecord> calls; // newest first
    // Encounters, safety plans and follow-ups join here when those records exist.
};

class PersonStore
{
public:
    PersonStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // At most 50 matches, best first (more criteria matched, then most recent call).
    // InvalidInput when the query is empty.
    StoreResult<QList<PersonMatch>> search(const Actor& actor, const PersonQuery& query);
    StoreResult<PersonRecord> create(const Actor& actor, const PersonRecord& person);
    StoreResult<PersonRecord> update(const Actor& actor, const PersonRecord& person);
    // The person's record and earlier calls: an audited "open" of the person.
    StoreResult<PersonHistory> history(const Actor& actor, const QString& personId);
    // People who may be the same as `person` (same phone; same date of birth and
    // a shared name part; a name equal to an alias), never `person` itself.
    StoreResult<QList<PersonMatch>> possibleDuplicates(const Actor& actor, const PersonRecord& person);

private:
    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
