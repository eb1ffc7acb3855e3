#pragma once
// The Stanley-Brown safety plan (core/safety/SafetyPlan.h) a clinician writes
// with the person at an encounter: one per encounter, stored as the core's
// JSON with the encounter and with the person (the call's linked person when
// saved), so the latest plan of a person can be found from any later call.
//
// Writing needs Action::WriteSafetyPlan. A plan is a draft until finalised,
// and only a plan the core finds nothing wrong with (safety::problems) can be
// finalised; saving a final plan makes it a draft again. The plan belongs to
// the encounter's record: each write moves the encounter's version on (its
// signature covers the plan), and once the encounter is signed the plan can
// no longer change (RecordSigned).
//
// Reading the encounter's plan needs Action::ViewUnitCalls, a person's plan
// Action::OpenPersonRecord; both are audited ("open" of the plan). Every
// write is audited naming the plan, never its contents.
#include "core/safety/SafetyPlan.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QString>

namespace heart::store {

class Database;

struct SafetyPlanRecord
{
    QString id;
    int version = 0;
    QString encounterId;
    QString callId;
    QString personId; // empty when the call had no linked person
    safety::SafetyPlan plan;
    bool isFinal = false;
    QString authorId; // who saved it last
    QString authorName;
    QDateTime savedAt;     // UTC
    QString finalisedBy;   // empty while a draft
    QDateTime finalisedAt; // UTC; invalid while a draft
};

class SafetyPlanStore
{
public:
    SafetyPlanStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // Writes the encounter's plan as a draft. `version` is 0 for the first
    // save, else the plan's version (Conflict when stale, or when a plan was
    // saved meanwhile). NotFound when there is no such encounter.
    StoreResult<SafetyPlanRecord> save(const Actor& actor, const QString& encounterId, int version,
                                       const safety::SafetyPlan& plan);
    // Marks the plan final. InvalidInput with field = the JSON path of the
    // first of safety::problems() (the detail lists every code and path), or
    // RecordSigned when final already; Conflict when stale.
    StoreResult<SafetyPlanRecord> finalise(const Actor& actor, const QString& encounterId, int version);

    // The encounter's plan (NotFound when none yet).
    StoreResult<SafetyPlanRecord> safetyPlanOfEncounter(const Actor& actor, const QString& encounterId);

    enum class Pick
    {
        Latest,
        LatestFinal
    };
    // The person's most recently saved plan, draft or final (Pick::Latest),
    // or the most recently saved final one (Pick::LatestFinal, what is printed
    // for the person). NotFound when there is none.
    StoreResult<SafetyPlanRecord> safetyPlanForPerson(const Actor& actor, const QString& personId,
                                                      Pick pick = Pick::Latest);

private:
    // No permission check, no audit: the plan found by `where` (one bound value).
    StoreResult<SafetyPlanRecord> readOne(const QString& where, const QString& value);
    StoreResult<SafetyPlanRecord> openAudited(const Actor& actor, StoreResult<SafetyPlanRecord> found);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
