#pragma once
// Program-wide settings kept in the database (shared by every workstation of
// a center): typed keys with defaults, as in KeePassXC's Config.
#include "store/Actor.h"
#include "store/AuditTrail.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>

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

// One saved value of a setting (setting_versions): version 1 is the first
// value saved (or the one stored before versions were kept, savedBy empty).
struct SettingVersion
{
    int version = 0;
    QString value;
    QDateTime savedAt;   // UTC
    QString savedBy;     // user id
    QString savedByName; // the account's display name (lastSaved() only)
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
    // Action::ManageSettings; audited naming the key, the value kept as the
    // setting's next version (journaled with that version).
    StoreError setValue(const Actor& actor, Setting setting, const QString& value);
    // Every saved value of the setting, oldest first (empty if never saved or unreadable).
    QList<SettingVersion> versions(Setting setting);

    // The stale-write guard of the settings screens: a screen remembers the
    // version it read (0: never saved), and its save - inside the save's own
    // transaction - is refused with Conflict (field: the key) when another
    // save came after it. kAnyVersion skips the check (the CLI, imports).
    static constexpr int kAnyVersion = -1;
    int currentVersion(const QString& key);
    StoreError requireVersion(const QString& key, int expectedVersion);
    // The latest save, with who made it (savedByName); version 0 when never saved.
    SettingVersion lastSaved(const QString& key);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
