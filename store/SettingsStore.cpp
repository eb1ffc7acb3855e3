#include "store/SettingsStore.h"

#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QVariant>

namespace heart::store {

namespace {
const QString kSetting = QStringLiteral("setting");
}

QString SettingsStore::key(Setting setting)
{
    switch (setting) {
    case Setting::IdleLockMinutes:
        return QStringLiteral("idle_lock_minutes");
    case Setting::CrisisServices:
        return QStringLiteral("crisis_services");
    case Setting::FollowUpPolicy:
        return QStringLiteral("follow_up_policy");
    case Setting::OfflineSignInDays:
        return QStringLiteral("offline_sign_in_days");
    case Setting::CadNatureCodes:
        return QStringLiteral("cad_nature_codes");
    case Setting::BeatMap:
        return QStringLiteral("beat_map");
    case Setting::BeatMapInfo:
        return QStringLiteral("beat_map_info");
    }
    return {};
}

QString SettingsStore::defaultValue(Setting setting)
{
    switch (setting) {
    case Setting::IdleLockMinutes:
        return QStringLiteral("10");
    case Setting::OfflineSignInDays:
        return QStringLiteral("7");
    case Setting::CrisisServices:
    case Setting::FollowUpPolicy:
    case Setting::CadNatureCodes:
    case Setting::BeatMap:
    case Setting::BeatMapInfo:
        return {}; // empty: the reader's built-in defaults
    }
    return {};
}

QString SettingsStore::value(Setting setting)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key(setting));
    if (m_db.exec(query, "read setting") || !query.next())
        return defaultValue(setting);
    return query.value(0).toString();
}

StoreError SettingsStore::setValue(const Actor& actor, Setting setting, const QString& value)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageSettings, kSetting, key(setting));
    if (!work.ok())
        return work.error();
    QSqlQuery upsert = m_db.prepare(QStringLiteral(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
    upsert.addBindValue(key(setting));
    upsert.addBindValue(value);
    upsert.addBindValue(toStoredTime(m_clock.now()));
    if (StoreError error = m_db.exec(upsert, "write setting"))
        return error;
    // Every saved value is kept as the next version (migration 21), so the
    // value before and after each audited change can be read back.
    QSqlQuery last = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM setting_versions WHERE setting_key = ?"));
    last.addBindValue(key(setting));
    if (StoreError error = m_db.exec(last, "read setting version"))
        return error;
    const int version = last.next() ? last.value(0).toInt() + 1 : 1;
    QSqlQuery keep = m_db.prepare(QStringLiteral("INSERT INTO setting_versions (setting_key, version, value, "
                                                 "saved_at, saved_by) VALUES (?, ?, ?, ?, ?)"));
    keep.addBindValue(key(setting));
    keep.addBindValue(version);
    keep.addBindValue(value);
    keep.addBindValue(toStoredTime(m_clock.now()));
    keep.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(keep, "keep setting version"))
        return error;
    if (StoreError error = work.changed(audit::Update, kSetting, key(setting), version))
        return error;
    return work.commit();
}

QList<SettingVersion> SettingsStore::versions(Setting setting)
{
    QList<SettingVersion> out;
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT version, value, saved_at, saved_by FROM "
                                                  "setting_versions WHERE setting_key = ? ORDER BY version"));
    query.addBindValue(key(setting));
    if (m_db.exec(query, "read setting versions"))
        return out;
    while (query.next()) {
        out.append({query.value(0).toInt(), query.value(1).toString(),
                    fromStoredTime(query.value(2).toString()), query.value(3).toString(), QString()});
    }
    return out;
}

int SettingsStore::currentVersion(const QString& key)
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM setting_versions WHERE setting_key = ?"));
    query.addBindValue(key);
    if (m_db.exec(query, "read setting version") || !query.next())
        return 0;
    return query.value(0).toInt();
}

StoreError SettingsStore::requireVersion(const QString& key, int expectedVersion)
{
    if (expectedVersion == kAnyVersion)
        return {};
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM setting_versions WHERE setting_key = ?"));
    query.addBindValue(key);
    if (StoreError error = m_db.exec(query, "read setting version"))
        return error;
    const int current = query.next() ? query.value(0).toInt() : 0;
    if (current != expectedVersion)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("setting saved again since it was read (version %1, read %2)")
                                    .arg(current)
                                    .arg(expectedVersion),
                                key);
    return {};
}

SettingVersion SettingsStore::lastSaved(const QString& key)
{
    SettingVersion last;
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT v.version, v.value, v.saved_at, v.saved_by, u.display_name FROM setting_versions v "
        "LEFT JOIN users u ON u.id = v.saved_by WHERE v.setting_key = ? ORDER BY v.version DESC LIMIT 1"));
    query.addBindValue(key);
    if (m_db.exec(query, "read last setting version") || !query.next())
        return last;
    last.version = query.value(0).toInt();
    last.value = query.value(1).toString();
    last.savedAt = fromStoredTime(query.value(2).toString());
    last.savedBy = query.value(3).toString();
    last.savedByName = query.value(4).toString();
    return last;
}

int SettingsStore::idleLockMinutes()
{
    bool ok = false;
    const int minutes = value(Setting::IdleLockMinutes).toInt(&ok);
    return ok && minutes >= 1 ? minutes : defaultValue(Setting::IdleLockMinutes).toInt();
}

StoreError SettingsStore::setIdleLockMinutes(const Actor& actor, int minutes)
{
    // Permission before the range: a non-administrator learns nothing but
    // "not allowed", and the attempt is audited whatever the value.
    UnitOfWork work(m_db, m_clock, actor, Action::ManageSettings, kSetting, key(Setting::IdleLockMinutes));
    if (!work.ok())
        return work.error();
    if (minutes < 1 || minutes > 240) {
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("idle minutes must be 1 to 240"),
                                QStringLiteral("idleLockMinutes"));
    }
    if (StoreError error = setValue(actor, Setting::IdleLockMinutes, QString::number(minutes)))
        return error;
    return work.commit();
}

} // namespace heart::store
