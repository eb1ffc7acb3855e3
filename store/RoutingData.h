#pragma once
// The routing data HEART Desk ships (resources/rules/*.json and Durham's 2022
// beat map, compiled in as Qt resources) and loading a user's own files.
#include "core/Result.h"
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace heart::store {

// Resource paths of the shipped rule sets, oldest first.
QStringList builtInRuleSetFiles();
inline constexpr const char* kBuiltInBeatMap = ":/beats/durham-beats-2022.geojson";

// The shipped rule book (Durham). Errors name the resource file.
Result<routing::RuleBook, DataError> builtInRuleBook();
// Durham's 2022 beat map, loaded once.
Result<std::shared_ptr<const geo::BeatMap>, DataError> builtInBeatMap();

// A rule set or beat map file from disk or a resource path (":/...").
Result<routing::RuleSet, DataError> loadRuleSet(const QString& path);
Result<std::shared_ptr<const geo::BeatMap>, DataError>
loadBeatMap(const QString& path, const QString& idProperty = QStringLiteral("beat"));

} // namespace heart::store
