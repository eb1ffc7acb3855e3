#pragma once
// The center's own beat map, imported by an administrator, and the one
// routing uses: the stored map when there is one, else Durham's 2022 beats
// that ship with the program (store::builtInBeatMap()).
//
// Kept in two settings: Setting::BeatMap holds the GeoJSON as imported;
// Setting::BeatMapInfo a small JSON with the id property, the file's name,
// its SHA-256 and the beat count, so that a workstation tells whether its
// parsed map is still the one in force without reading 2 MB each time.
// Both are written in one unit of work (audited, journaled).
#include "core/Result.h"
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "store/Actor.h"
#include "store/StoreError.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace heart::store {

class Database;

class BeatMapSetting
{
public:
    struct Info
    {
        bool builtIn = true; // nothing imported: the shipped map
        QString idProperty;  // the property holding the beat id
        QString sourceName;  // the imported file's name
        QString sha256;      // of the GeoJSON as stored
        int beatCount = 0;
    };

    BeatMapSetting(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    Info info();
    // The stored GeoJSON (empty when none is imported).
    QByteArray geoJson();
    // The map routing uses: the imported one (read once per content and
    // process), else the shipped one. An imported map that does not read is
    // an error naming the setting, never silently the shipped map.
    Result<std::shared_ptr<const geo::BeatMap>, DataError> inForce();

    // Action::ManageSettings first (a refusal audited); then core's reader
    // (InvalidInput naming the JSON path: detail "FILE: features[3].geometry:
    // ...", field the path), then every beat a rule set in force today or
    // later names must be on the map (InvalidInput, field "beats"); then both
    // settings in one unit of work.
    StoreError store(const Actor& actor, const QByteArray& geoJson, const QString& idProperty,
                     const QString& sourceName, const routing::RuleBook& rules);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace heart::store
