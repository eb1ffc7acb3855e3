#pragma once
// Calls and the people they concern, as the home screens list them. Lists
// show the call, not the person: opening a person's record is a separate,
// audited read (the intake issue adds it).
#include "core/intake/Call.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace heart::store {

class Database;

struct CallSummary
{
    QString id;
    QString cadNumber;
    QDateTime receivedAt; // UTC
    QString callType;
    QString beat;
    QString address;     // as the caller gave it; may be empty
    QString program;     // ccd, crt, cor, police_ems
    QString disposition; // diverted, transferred_988, crt_dispatch, cor_dispatch, police_ems, declined
    intake::CallStatus status = intake::CallStatus::Open;
    QString riskLevel; // none, low, moderate, high
    // From the CAD: "new" (nobody has taken it), "update" (the CAD changed it
    // since it was taken), "taken"; empty for a call not from the CAD.
    QString cadState;

    bool isClosed() const { return status == intake::CallStatus::Closed; }
};

struct NewPerson
{
    QString givenName;
    QString familyName;
    int approximateAge = 0;
    QString language;
    QString phone;
};

struct NewCall
{
    QString cadNumber;
    QDateTime receivedAt;
    QString callType;
    QString beat;
    QString program;
    QString disposition;
    intake::CallStatus status = intake::CallStatus::Open;
    QString riskLevel;
    std::optional<int> person; // index into the people imported with it
    QString address;
    QStringList flags;
    QString language;
};

struct ProgramCount
{
    QString program;
    QString disposition;
    int calls = 0;
};

class CallStore
{
public:
    CallStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_audit(db, clock) {}

    // The 911 center's queue: every call not closed, highest risk first, then oldest.
    StoreResult<QList<CallSummary>> activeCalls(const Actor& actor);
    // Calls sent to a CRT or Co-Response unit since a time, newest first.
    StoreResult<QList<CallSummary>> unitCalls(const Actor& actor, const QDateTime& since);
    // Closed CCD and CRT contacts since a time: the people to follow up.
    StoreResult<QList<CallSummary>> recentContacts(const Actor& actor, const QDateTime& since);
    // Calls per program and disposition since a time.
    StoreResult<QList<ProgramCount>> programSummary(const Actor& actor, const QDateTime& since);

    // When calls arrived since a time (UTC), for staffing against demand; no call contents.
    StoreResult<QList<QDateTime>> receivedTimes(const Actor& actor, const QDateTime& since);

    // People and calls in one transaction (demo data, imports). Returns the call ids.
    StoreResult<QStringList> importCalls(const Actor& actor, const QList<NewPerson>& people,
                                         const QList<NewCall>& calls);

private:
    StoreResult<QList<CallSummary>> select(const QString& where, const QVariantList& values,
                                           const QString& order);

    Database& m_db;
    const Clock& m_clock;
    AuditTrail m_audit;
};

} // namespace heart::store
