#pragma once
// Program-wide settings kept in the database (shared by every workstation of
// a center): typed keys with defaults, as in KeePassXC's Config.
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

namespace heart::store {

class Database;

enum class Setting
{
    IdleLockMinutes,   // automatic logoff after this many idle minutes
    CrisisServices,    // JSON: the crisis lines put on every safety plan, per language
    FollowUpPolicy,    // JSON: due hours per program, attempts before closing, due-soon window
    OfflineSignInDays, // a van laptop lets its crew sign in offline this many days after the center last
                       // confirmed them
    CadNatureCodes, // JSON: the center's CAD nature codes mapped to call types (core/cad/NatureCodeTable.h)
    BeatMap,        // GeoJSON: the center's own beat map, as imported (store/BeatMapSetting.h)
    BeatMapInfo,    // JSON: the beat map's id property, source file, SHA-256 and beat count
};

class SettingsStore
{
public:
    SettingsStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    int idleLockMinutes();
    StoreError setIdleLockMinutes(const Actor& actor, int minutes);

    static QString key(Setting setting);
    static QString defaultValue(Setting setting);

    // The stored text of a setting, or its default. Typed readers and
    // writers for the JSON settings live next to their users and check the
    // value before calling setValue().
    QString value(Setting setting);
    // Action::ManageSettings; audited naming the key.
    StoreError setValue(const Actor& actor, Setting setting, const QString& value);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
