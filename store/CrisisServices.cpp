#include "store/CrisisServices.h"

#include "core/safety/CrisisServices.h"
#include "store/SettingsStore.h"

namespace heart::store {

QByteArray CrisisServices::builtInJson()
{
    static const char json[] = R"json({
  "en": [{"name": "988 Suicide & Crisis Lifeline (call or text)", "phone": "988"},
         {"name": "Emergency: police, fire, ambulance", "phone": "911"}],
  "es": [{"name": "988 Línea de Prevención del Suicidio y Crisis (llamada o texto)", "phone": "988"},
         {"name": "Emergencias: policía, bomberos, ambulancia", "phone": "911"}]
})json";
    return QByteArray(json);
}

std::vector<safety::SafetyContact> CrisisServices::parse(const QByteArray& json, const QString& language,
                                                         QString* error)
{
    // The reading is core's (core/safety/CrisisServices.h): any text gives
    // the services or an error naming the JSON path, never an exception.
    const auto table =
        safety::parseCrisisServices(std::string_view(json.constData(), std::size_t(json.size())),
                                    SettingsStore::key(Setting::CrisisServices).toStdString());
    if (!table.ok()) {
        if (error) {
            const DataError& problem = table.error();
            *error = QString::fromStdString(
                problem.location.empty() ? problem.message : problem.location + ": " + problem.message);
        }
        return {};
    }
    return table.value().forLanguage(language.toStdString());
}

std::vector<safety::SafetyContact> CrisisServices::forLanguage(SettingsStore& settings,
                                                               const QString& language, QString* error)
{
    const QString stored = settings.value(Setting::CrisisServices);
    if (!stored.trimmed().isEmpty()) {
        QString problem;
        auto services = parse(stored.toUtf8(), language, &problem);
        if (problem.isEmpty())
            return services;
        if (error)
            *error = problem;
    }
    return parse(builtInJson(), language, nullptr);
}

StoreError CrisisServices::store(SettingsStore& settings, const Actor& actor, const QByteArray& json)
{
    QString problem;
    parse(json, QStringLiteral("en"), &problem);
    if (!problem.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidInput, problem, QStringLiteral("crisisServices"));
    return settings.setValue(actor, Setting::CrisisServices, QString::fromUtf8(json));
}

} // namespace heart::store
