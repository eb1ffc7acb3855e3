#include "usecases/SettingsUseCases.h"

#include "core/Permissions.h"
#include "core/cad/NatureCodeTable.h"
#include "store/AuditTrail.h"
#include "store/CoreText.h"
#include "store/CrisisServices.h"
#include "store/FollowUpSettings.h"
#include "store/UnitOfWork.h"
#include "usecases/CallUseCases.h"

namespace heart::usecases {

int SettingsQueries::idleLockMinutes()
{
    return store::SettingsStore(m_db, m_clock).idleLockMinutes();
}

store::StoreResult<routing::RuleBook> SettingsQueries::ruleBook()
{
    return store::RuleSetStore(m_db, m_clock).ruleBook();
}

store::StoreResult<QList<store::StoredRuleSet>> SettingsQueries::ruleSets()
{
    return store::RuleSetStore(m_db, m_clock).list();
}

store::StoreResult<store::AuditVerification> SettingsQueries::verifyAudit()
{
    return store::AuditTrail(m_db, m_clock).verify();
}

store::StoreResult<std::vector<store::SegmentVerification>> SettingsQueries::verifyDeviceAudit()
{
    return store::AuditSegments(m_db, m_clock).verify();
}

namespace {
const QString kSettingRecord = QStringLiteral("setting");
} // namespace

bool SettingsUseCases::canView() const
{
    return permits(m_context.actor.role(), Action::ViewSettings);
}

bool SettingsUseCases::canEdit() const
{
    return permits(m_context.actor.role(), Action::ManageSettings);
}

store::StoreResult<QByteArray> SettingsUseCases::crisisServices()
{
    if (store::StoreError error = store::AuditTrail(m_context.db, m_context.clock)
                                      .require(m_context.actor, Action::ViewSettings, kSettingRecord))
        return error;
    const QString stored =
        store::SettingsStore(m_context.db, m_context.clock).value(store::Setting::CrisisServices);
    if (stored.trimmed().isEmpty())
        return store::CrisisServices::builtInJson();
    return stored.toUtf8();
}

store::StoreResult<followup::FollowUpConfig> SettingsUseCases::followUpPolicy()
{
    if (store::StoreError error = store::AuditTrail(m_context.db, m_context.clock)
                                      .require(m_context.actor, Action::ViewSettings, kSettingRecord))
        return error;
    return store::FollowUpSettings(m_context.db, m_context.clock).config();
}

store::StoreResult<SettingsUseCases::NatureCodes> SettingsUseCases::cadNatureCodes()
{
    if (store::StoreError error = store::AuditTrail(m_context.db, m_context.clock)
                                      .require(m_context.actor, Action::ViewSettings, kSettingRecord))
        return error;
    const QString stored =
        store::SettingsStore(m_context.db, m_context.clock).value(store::Setting::CadNatureCodes);
    if (stored.trimmed().isEmpty())
        return NatureCodes{cad::defaultNatureCodeTable(), true};
    const QByteArray text = stored.toUtf8();
    auto read = cad::NatureCodeTable::fromJson(
        std::string_view(text.constData(), std::size_t(text.size())),
        "setting " + store::SettingsStore::key(store::Setting::CadNatureCodes).toStdString());
    if (!read.ok())
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(read.error().toString()),
                                       store::toQString(read.error().location));
    return NatureCodes{read.value(), false};
}

store::StoreResult<SettingsUseCases::BeatMapInForce> SettingsUseCases::beatMap()
{
    if (store::StoreError error = store::AuditTrail(m_context.db, m_context.clock)
                                      .require(m_context.actor, Action::ViewSettings, kSettingRecord))
        return error;
    store::BeatMapSetting setting(m_context.db, m_context.clock);
    auto map = setting.inForce();
    if (!map)
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(map.error().toString()),
                                       store::toQString(map.error().location));
    return BeatMapInForce{setting.info(), map.value()};
}

store::StoreError SettingsUseCases::writeIfCurrent(store::Setting setting, int expectedVersion,
                                                   const std::function<store::StoreError()>& write)
{
    if (expectedVersion == kAnyVersion)
        return write();
    const QString key = store::SettingsStore::key(setting);
    // The check and the write in one transaction: a save that came between
    // them is not overwritten (and two at once collide on the version row).
    store::UnitOfWork work(m_context.db, m_context.clock, m_context.actor, Action::ManageSettings,
                           kSettingRecord, key);
    if (!work.ok())
        return work.error();
    if (store::StoreError error =
            store::SettingsStore(m_context.db, m_context.clock).requireVersion(key, expectedVersion))
        return error;
    if (store::StoreError error = write())
        return error;
    return work.commit();
}

int SettingsUseCases::version(const QString& key)
{
    return store::SettingsStore(m_context.db, m_context.clock).currentVersion(key);
}

store::SettingVersion SettingsUseCases::lastSaved(const QString& key)
{
    if (!canView())
        return {};
    return store::SettingsStore(m_context.db, m_context.clock).lastSaved(key);
}

store::StoreError SettingsUseCases::setBeatMap(const QByteArray& geoJson, const QString& idProperty,
                                               const QString& sourceName, int expectedVersion)
{
    // Permission first, before the rules are read.
    if (store::StoreError error = store::AuditTrail(m_context.db, m_context.clock)
                                      .require(m_context.actor, Action::ManageSettings, kSettingRecord,
                                               store::SettingsStore::key(store::Setting::BeatMap)))
        return error;
    auto rules = store::RuleSetStore(m_context.db, m_context.clock).ruleBook();
    if (!rules.ok())
        return rules.error();
    return writeIfCurrent(store::Setting::BeatMap, expectedVersion, [&] {
        return store::BeatMapSetting(m_context.db, m_context.clock)
            .store(m_context.actor, geoJson, idProperty, sourceName, rules.value());
    });
}

int SettingsUseCases::idleLockMinutes()
{
    return store::SettingsStore(m_context.db, m_context.clock).idleLockMinutes();
}

store::StoreError SettingsUseCases::setIdleLockMinutes(int minutes, int expectedVersion)
{
    return writeIfCurrent(store::Setting::IdleLockMinutes, expectedVersion, [&] {
        return store::SettingsStore(m_context.db, m_context.clock)
            .setIdleLockMinutes(m_context.actor, minutes);
    });
}

store::StoreError SettingsUseCases::setCrisisServices(const QByteArray& json, int expectedVersion)
{
    return writeIfCurrent(store::Setting::CrisisServices, expectedVersion, [&] {
        store::SettingsStore settings(m_context.db, m_context.clock);
        return store::CrisisServices::store(settings, m_context.actor, json);
    });
}

store::StoreError SettingsUseCases::setCadNatureCodes(const QByteArray& csv, const QString& sourceName,
                                                      int expectedVersion)
{
    auto table = cad::NatureCodeTable::fromCsv(std::string_view(csv.constData(), std::size_t(csv.size())),
                                               store::toStdString(sourceName));
    if (!table.ok()) // field: "line N", for the screen to point at
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(table.error().toString()),
                                       store::toQString(table.error().location));
    auto routing = CallUseCases(m_context).routing();
    if (!routing.ok())
        return routing.error();
    std::vector<std::string> callTypes;
    for (const routing::RuleSet& set : routing.value().rules.ruleSets())
        for (const routing::CallType& type : set.callTypes)
            callTypes.push_back(type.code);
    if (auto unknown = table.value().checkCallTypes(callTypes))
        return store::StoreError::make(store::StoreErrorCode::InvalidInput,
                                       store::toQString(unknown->toString()),
                                       store::toQString(unknown->location));
    return writeIfCurrent(store::Setting::CadNatureCodes, expectedVersion, [&] {
        return store::SettingsStore(m_context.db, m_context.clock)
            .setValue(m_context.actor, store::Setting::CadNatureCodes,
                      store::toQString(table.value().toJson()));
    });
}

store::StoreError SettingsUseCases::setFollowUpPolicy(const QString& json, int expectedVersion)
{
    return writeIfCurrent(store::Setting::FollowUpPolicy, expectedVersion, [&] {
        return store::FollowUpSettings(m_context.db, m_context.clock).setJson(m_context.actor, json);
    });
}

store::StoreResult<store::StoredRuleSet> SettingsUseCases::importRuleSet(const QByteArray& json,
                                                                         const QString& sourceName)
{
    return store::RuleSetStore(m_context.db, m_context.clock)
        .importRuleSet(m_context.actor, json, sourceName);
}

} // namespace heart::usecases
