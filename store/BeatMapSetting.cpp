#include "store/BeatMapSetting.h"

#include "core/Sha256.h"
#include "store/AuditTrail.h"
#include "store/CoreText.h"
#include "store/RoutingData.h"
#include "store/SettingsStore.h"
#include "store/UnitOfWork.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <algorithm>

namespace heart::store {

namespace {

const QString kSetting = QStringLiteral("setting");

QString digest(const QByteArray& bytes)
{
    return toQString(Sha256::hex(std::string_view(bytes.constData(), std::size_t(bytes.size()))));
}

// The last imported map this process parsed, by its digest and id property.
struct ParsedMap
{
    QString sha256;
    QString idProperty;
    std::shared_ptr<const geo::BeatMap> map;
};

QMutex g_parsedLock;
ParsedMap g_parsed;

Result<std::shared_ptr<const geo::BeatMap>, DataError>
parse(const QByteArray& geoJson, const QString& idProperty, const QString& sourceName)
{
    geo::BeatMapOptions options;
    options.idProperty = toStdString(idProperty);
    options.sourceName = toStdString(sourceName);
    auto map = geo::BeatMap::fromGeoJson(std::string_view(geoJson.constData(), std::size_t(geoJson.size())),
                                         options);
    if (!map)
        return map.error();
    return std::make_shared<const geo::BeatMap>(std::move(map).value());
}

// The first beat that a rule set in force today or later names and the map lacks.
std::optional<QString> missingBeat(const routing::RuleBook& rules, const geo::BeatMap& map,
                                   const Clock& clock)
{
    const auto today = rules.zone().toLocal(clock.now()).date;
    const routing::RuleSet* inForce = rules.inForce(today);
    for (const routing::RuleSet& set : rules.ruleSets()) {
        if (inForce && set.effectiveFrom < inForce->effectiveFrom)
            continue; // past rules: their calls are routed already
        for (const routing::ProgramRules& program : set.programs) {
            for (const std::string& beat : program.areaBeats) {
                if (map.indexOf(beat) < 0)
                    return QStringLiteral(
                               "the rule set %1 names beat %2 in a program's service area, and the map "
                               "has no such beat; a map for these rules keeps their beat ids")
                        .arg(toQString(set.id), toQString(beat));
            }
        }
    }
    return std::nullopt;
}

} // namespace

BeatMapSetting::Info BeatMapSetting::info()
{
    const QString stored = SettingsStore(m_db, m_clock).value(Setting::BeatMapInfo);
    Info info;
    if (stored.trimmed().isEmpty())
        return info;
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    info.builtIn = false;
    info.idProperty = object.value(QStringLiteral("idProperty")).toString();
    info.sourceName = object.value(QStringLiteral("sourceName")).toString();
    info.sha256 = object.value(QStringLiteral("sha256")).toString();
    info.beatCount = object.value(QStringLiteral("beatCount")).toInt();
    return info;
}

QByteArray BeatMapSetting::geoJson()
{
    return SettingsStore(m_db, m_clock).value(Setting::BeatMap).toUtf8();
}

Result<std::shared_ptr<const geo::BeatMap>, DataError> BeatMapSetting::inForce()
{
    const Info current = info();
    if (current.builtIn)
        return builtInBeatMap();
    {
        QMutexLocker lock(&g_parsedLock);
        if (g_parsed.map && g_parsed.sha256 == current.sha256 && g_parsed.idProperty == current.idProperty)
            return g_parsed.map;
    }
    const QByteArray text = geoJson();
    const QString source =
        QStringLiteral("setting %1 (%2)").arg(SettingsStore::key(Setting::BeatMap), current.sourceName);
    if (digest(text) != current.sha256)
        return DataError{toStdString(source), "", "digest-mismatch",
                         "the stored map is not the one recorded at its import; import it again"};
    auto parsed = parse(text, current.idProperty, source);
    if (!parsed)
        return parsed.error();
    QMutexLocker lock(&g_parsedLock);
    g_parsed = {current.sha256, current.idProperty, parsed.value()};
    return parsed.value();
}

StoreError BeatMapSetting::store(const Actor& actor, const QByteArray& geoJson, const QString& idProperty,
                                 const QString& sourceName, const routing::RuleBook& rules)
{
    const QString key = SettingsStore::key(Setting::BeatMap);
    UnitOfWork work(m_db, m_clock, actor, Action::ManageSettings, kSetting, key);
    if (!work.ok())
        return work.error();
    auto map = parse(geoJson, idProperty.trimmed(), sourceName);
    if (!map)
        return StoreError::make(StoreErrorCode::InvalidInput, toQString(map.error().toString()),
                                toQString(map.error().location));
    if (const auto missing = missingBeat(rules, *map.value(), m_clock))
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("%1: %2").arg(sourceName, *missing), QStringLiteral("beats"));
    // Digested as it will be read back (the settings hold text).
    const QByteArray stored = QString::fromUtf8(geoJson).toUtf8();
    QJsonObject info;
    info.insert(QStringLiteral("idProperty"), idProperty.trimmed());
    info.insert(QStringLiteral("sourceName"), sourceName);
    info.insert(QStringLiteral("sha256"), digest(stored));
    info.insert(QStringLiteral("beatCount"), int(map.value()->beatIds().size()));
    SettingsStore settings(m_db, m_clock);
    if (StoreError error = settings.setValue(actor, Setting::BeatMap, QString::fromUtf8(stored)))
        return error;
    if (StoreError error =
            settings.setValue(actor, Setting::BeatMapInfo,
                              QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact))))
        return error;
    return work.commit();
}

} // namespace heart::store
