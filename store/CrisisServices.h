#pragma once
// The crisis services a program puts on every safety plan (step 5), per
// language, kept in the settings (Setting::CrisisServices) as JSON:
//
//   {"en": [{"name": "988 Suicide & Crisis Lifeline", "phone": "988"}, ...],
//    "es": [{"name": "988 Línea de Prevención del Suicidio y Crisis", "phone": "988"}, ...]}
//
// A language the setting does not list gets the English services. With no
// setting, the built-in defaults: the 988 Lifeline and 911.
#include "core/safety/SafetyPlan.h"
#include "store/StoreError.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace heart::store {

class Actor;
class SettingsStore;

class CrisisServices
{
public:
    // The services for a plan in `language`. A stored setting that cannot be
    // read gives the built-in defaults and `error` names what is wrong.
    static std::vector<safety::SafetyContact> forLanguage(SettingsStore& settings, const QString& language,
                                                          QString* error = nullptr);
    // Checks and stores the JSON (Action::ManageSettings). InvalidInput, field
    // "crisisServices", naming the JSON path of the first problem.
    static StoreError store(SettingsStore& settings, const Actor& actor, const QByteArray& json);
    static QByteArray builtInJson();

private:
    static std::vector<safety::SafetyContact> parse(const QByteArray& json, const QString& language,
                                                    QString* error);
};

} // namespace heart::store
