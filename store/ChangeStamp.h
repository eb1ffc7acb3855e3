#pragma once
// The areas of shared records a screen shows (the change feed's rows map
// onto them, usecases::areaOf) and one record's version: whether a shown
// record needs reading again. Reads no person's data and writes nothing, so
// it is not audited.
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
        Settings = 1u << 5,   // the program's settings (auto-lock, crisis services, follow-up policy, ...)
    };
    using Areas = unsigned; // Area values or'ed

    explicit ChangeStamp(Database& db) : m_db(db) {}

    // One record's version, 0 when there is none: whether a shown record
    // needs reading again. Calls, Units, Encounters and FollowUps (tasks).
    StoreResult<int> version(Area area, const QString& id);

private:
    Database& m_db;
};

} // namespace heart::store
