#pragma once
// A cheap fingerprint of the shared records a screen shows. Until the journal
// (ARCHITECTURE.md, "One write path, one journal") tells each workstation
// what changed, screens poll this and read their rows again, with the audit
// rows those reads write, only when the fingerprint moved.
//
// A table's part is its row count, the sum of its row versions and its
// latest updated_at: an insert, an update (every update bumps the version)
// or a delete moves it, whichever connection or workstation made it, on
// SQLite and PostgreSQL alike. Insert-only tables count their rows. It reads
// no person's data and writes nothing, so it is not audited. The audit
// trail, drafts and accounts are left out on purpose: every read writes
// audit rows, and a stamp that saw them would have each workstation's
// refresh set off every other's, for ever.
#include "store/StoreError.h"

#include <QString>

namespace heart::store {

class Database;

class ChangeStamp
{
public:
    enum Area : unsigned
    {
        Calls = 1u << 0,      // calls
        Units = 1u << 1,      // units, their members and status changes
        Encounters = 1u << 2, // encounter notes and their addenda
        FollowUps = 1u << 3,  // follow-up tasks and their attempts
        Roster = 1u << 4,     // staff, roster cycles and their duties
    };
    using Areas = unsigned; // Area values or'ed

    explicit ChangeStamp(Database& db) : m_db(db) {}

    // One text that differs whenever a record of these areas changed.
    StoreResult<QString> read(Areas areas);
    // One record's version, 0 when there is none: whether a shown record
    // needs reading again. Calls, Units, Encounters and FollowUps (tasks).
    StoreResult<int> version(Area area, const QString& id);

private:
    Database& m_db;
};

} // namespace heart::store
