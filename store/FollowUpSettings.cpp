#include "store/FollowUpSettings.h"

#include "store/AuditTrail.h"
#include "store/CoreText.h"
#include "store/SettingsStore.h"

namespace heart::store {
namespace {

StoreError fromDataError(const DataError& error)
{
    return StoreError::make(StoreErrorCode::InvalidInput, toQString(error.toString()),
                            toQString(error.location));
}

StoreResult<followup::FollowUpConfig> readConfig(SettingsStore& settings)
{
    const QString stored = settings.value(Setting::FollowUpPolicy);
    if (stored.trimmed().isEmpty())
        return followup::FollowUpConfig{};
    auto parsed =
        followup::parseFollowUpConfig(stored.toStdString(), FollowUpSettings::sourceName().toStdString());
    if (!parsed.ok())
        return fromDataError(parsed.error());
    return parsed.value();
}

StoreResult<followup::FollowUpPolicy> policyFrom(StoreResult<followup::FollowUpConfig> config)
{
    if (!config.ok())
        return config.error();
    auto made = followup::FollowUpPolicy::make(config.value(), FollowUpSettings::sourceName().toStdString());
    if (!made.ok())
        return fromDataError(made.error());
    return made.value();
}

} // namespace

QString FollowUpSettings::sourceName()
{
    return QStringLiteral("setting ") + SettingsStore::key(Setting::FollowUpPolicy);
}

StoreResult<followup::FollowUpConfig> FollowUpSettings::config()
{
    SettingsStore settings(m_db, m_clock);
    return readConfig(settings);
}

StoreResult<followup::FollowUpPolicy> FollowUpSettings::policy()
{
    return policyFrom(config());
}

StoreResult<followup::FollowUpPolicy> FollowUpSettings::policyOf(Database& db)
{
    // Reading a setting never looks at the clock.
    SettingsStore settings(db, SystemClock::instance());
    return policyFrom(readConfig(settings));
}

StoreError FollowUpSettings::setConfig(const Actor& actor, const followup::FollowUpConfig& config)
{
    // Permission before the value: a non-administrator learns nothing but
    // "not allowed", and the attempt is audited whatever the value.
    AuditTrail audit(m_db, m_clock);
    if (StoreError error = audit.require(actor, Action::ManageSettings, QStringLiteral("setting"),
                                         SettingsStore::key(Setting::FollowUpPolicy)))
        return error;
    if (const auto problem = followup::validate(config, sourceName().toStdString()))
        return fromDataError(*problem);
    SettingsStore settings(m_db, m_clock);
    return settings.setValue(actor, Setting::FollowUpPolicy, toQString(followup::toJson(config)));
}

StoreError FollowUpSettings::setJson(const Actor& actor, const QString& json)
{
    AuditTrail audit(m_db, m_clock);
    if (StoreError error = audit.require(actor, Action::ManageSettings, QStringLiteral("setting"),
                                         SettingsStore::key(Setting::FollowUpPolicy)))
        return error;
    auto parsed = followup::parseFollowUpConfig(json.toStdString(), sourceName().toStdString());
    if (!parsed.ok())
        return fromDataError(parsed.error());
    // Stored in the canonical form: every member written out, so what is in
    // force can be read from the setting alone.
    SettingsStore settings(m_db, m_clock);
    return settings.setValue(actor, Setting::FollowUpPolicy, toQString(followup::toJson(parsed.value())));
}

} // namespace heart::store
