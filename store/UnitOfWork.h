#pragma once
// The one write path. Every change a user (or the CAD link) makes runs in a
// unit of work, and only here are its steps written:
//
//   permission  - asked of the permission table; a refusal is audited and
//                 nothing begins
//   transaction - begun (or joined, when a use case already opened one)
//   rows        - the caller's SQL
//   audit rows  - changed()/audit(): who did what to which record, at once
//   journal     - one row per changed record, numbered at commit
//   commit      - then Database::changesCommitted(entries), in-process
//
// A unit opened while another is open joins it: its changes are the outer
// unit's, its commit() hands back, and if it ends uncommitted the outer one
// commits nothing. A use case that touches several records (dispatch: unit
// and call) opens the outer unit and calls the store operations inside it.
#include "core/Clock.h"
#include "core/Permissions.h"
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/ChangeJournal.h"
#include "store/SqlTransaction.h"
#include "store/StoreError.h"

#include <QList>
#include <optional>

namespace heart::store {

class Database;

class UnitOfWork
{
public:
    // For the actor's own account (password change, sign-out): no table row to ask.
    struct OwnAccount
    {
    };

    UnitOfWork(Database& db, const Clock& clock, const Actor& actor, Action action, const QString& recordType,
               const QString& recordId = {});
    UnitOfWork(Database& db, const Clock& clock, const Actor& actor, OwnAccount);
    ~UnitOfWork();
    UnitOfWork(const UnitOfWork&) = delete;
    UnitOfWork& operator=(const UnitOfWork&) = delete;

    // Refused (the refusal is in the audit trail) or the transaction could not begin.
    const StoreError& error() const { return m_error; }
    bool ok() const { return !m_error; }

    // A record this unit changed: its audit row now, its journal row at commit.
    StoreError changed(const QString& action, const QString& recordType, const QString& recordId,
                       int version);
    // An audit row for an event that changes no shared record (an export, a failed signature).
    StoreError audit(const QString& action, const QString& recordType, const QString& recordId);

    // Outermost: journal rows, COMMIT, then the signal. Inner: hands back.
    StoreError commit();

    Database& db() { return m_db; }
    const Clock& clock() const { return m_clock; }
    const Actor& actor() const { return m_actor; }
    AuditTrail& trail() { return m_audit; }
    bool isOutermost() const { return m_outer == nullptr; }
    // What the outermost unit has collected so far (tests, diagnostics).
    const QList<RecordChange>& changes() const;

private:
    void begin();

    Database& m_db;
    const Clock& m_clock;
    const Actor& m_actor;
    AuditTrail m_audit;
    UnitOfWork* m_outer = nullptr;
    std::optional<SqlTransaction> m_tx;
    QList<RecordChange> m_changes; // outermost only
    StoreError m_error;
    bool m_done = false;
};

} // namespace heart::store
