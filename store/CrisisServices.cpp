#include "store/CrisisServices.h"

#include "store/SettingsStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    QJsonParseError syntax;
    const QJsonDocument document = QJsonDocument::fromJson(json, &syntax);
    const auto fail = [&](const QString& what) {
        if (error)
            *error = what;
        return std::vector<safety::SafetyContact>{};
    };
    if (syntax.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON at offset %1: %2").arg(syntax.offset).arg(syntax.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("$: expected an object of languages"));
    const QJsonObject languages = document.object();
    if (!languages.contains(QStringLiteral("en")))
        return fail(QStringLiteral("$.en: the English services are missing"));
    std::vector<safety::SafetyContact> wanted;
    for (auto it = languages.begin(); it != languages.end(); ++it) {
        if (it.key().size() < 2 || it.key().size() > 3 || it.key() != it.key().toLower())
            return fail(QStringLiteral("$.%1: not a language code").arg(it.key()));
        if (!it.value().isArray())
            return fail(QStringLiteral("$.%1: expected a list of services").arg(it.key()));
        const QJsonArray list = it.value().toArray();
        std::vector<safety::SafetyContact> services;
        for (int i = 0; i < list.size(); ++i) {
            const QJsonObject service = list.at(i).toObject();
            const QString name = service.value(QStringLiteral("name")).toString().trimmed();
            const QString phone = service.value(QStringLiteral("phone")).toString().trimmed();
            if (!list.at(i).isObject() || name.isEmpty() || phone.isEmpty())
                return fail(
                    QStringLiteral("$.%1[%2]: a service needs a name and a phone").arg(it.key()).arg(i));
            services.push_back({name.toStdString(), phone.toStdString()});
        }
        if (it.key() == language || (wanted.empty() && it.key() == QLatin1String("en")))
            wanted = services;
    }
    if (languages.contains(language)) {
        // Read again: "en" may have been taken first as the fallback.
        std::vector<safety::SafetyContact> exact;
        for (const QJsonValue& value : languages.value(language).toArray()) {
            const QJsonObject service = value.toObject();
            exact.push_back({service.value(QStringLiteral("name")).toString().trimmed().toStdString(),
                             service.value(QStringLiteral("phone")).toString().trimmed().toStdString()});
        }
        return exact;
    }
    return wanted;
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
