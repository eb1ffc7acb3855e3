#include "store/RoutingData.h"

#include "core/routing/RuleSetJson.h"

#include <QDir>
#include <QFile>
#include <mutex>

namespace heart::store {

namespace {

Result<QByteArray, DataError> readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DataError{path.toStdString(), {}, "cannot-read", file.errorString().toStdString()};
    return file.readAll();
}

} // namespace

QStringList builtInRuleSetFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(":/rules"));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files; // names start with the effective date, so by name is oldest first
}

Result<routing::RuleSet, DataError> loadRuleSet(const QString& path)
{
    auto bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    const QByteArray& data = bytes.value();
    return routing::parseRuleSet(std::string_view(data.constData(), std::size_t(data.size())),
                                 path.toStdString());
}

Result<routing::RuleBook, DataError> builtInRuleBook()
{
    routing::RuleBook book;
    for (const QString& file : builtInRuleSetFiles()) {
        auto set = loadRuleSet(file);
        if (!set)
            return set.error();
        const auto added = book.add(std::move(set).value());
        if (!added)
            return DataError{file.toStdString(), {}, added.error().code, added.error().detail};
    }
    if (book.empty())
        return DataError{":/rules", {}, "no-rule-sets", "no rule sets are built in"};
    return book;
}

Result<std::shared_ptr<const geo::BeatMap>, DataError> loadBeatMap(const QString& path,
                                                                   const QString& idProperty)
{
    auto bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    geo::BeatMapOptions options;
    options.idProperty = idProperty.toStdString();
    options.sourceName = path.toStdString();
    const QByteArray& data = bytes.value();
    auto map =
        geo::BeatMap::fromGeoJson(std::string_view(data.constData(), std::size_t(data.size())), options);
    if (!map)
        return map.error();
    return std::make_shared<const geo::BeatMap>(std::move(map).value());
}

Result<std::shared_ptr<const geo::BeatMap>, DataError> builtInBeatMap()
{
    // Parsing 2 MB of GeoJSON takes a moment: do it once per process.
    static std::once_flag once;
    static std::optional<Result<std::shared_ptr<const geo::BeatMap>, DataError>> cached;
    std::call_once(once, [] { cached.emplace(loadBeatMap(QString::fromLatin1(kBuiltInBeatMap))); });
    return *cached;
}

} // namespace heart::store
