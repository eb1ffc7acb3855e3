#pragma once
// Program settings and routing rule sets, as use cases: reads, and writes
// each one unit of work (Action::ManageSettings, audit, journal record type
// "setting" or "rule_set", signal).
#include "core/cad/NatureCodeTable.h"
#include "core/followup/FollowUpConfig.h"
#include "core/routing/Router.h"
#include "store/AuditSegments.h"
#include "store/AuditTrail.h"
#include "store/BeatMapSetting.h"
#include "store/RuleSetStore.h"
#include "store/SettingsStore.h"
#include "usecases/Context.h"

#include <QByteArray>
#include <functional>

namespace heart::store {
class Database;
}

namespace heart::usecases {

// Reads that need no signed-in actor (the shell at start, the program's zone).
class SettingsQueries
{
public:
    SettingsQueries(store::Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    int idleLockMinutes();
    // The stored rule sets as a rule book; the shipped ones when none are stored.
    store::StoreResult<routing::RuleBook> ruleBook();
    store::StoreResult<QList<store::StoredRuleSet>> ruleSets();
    // Checks the whole audit chain.
    store::StoreResult<store::AuditVerification> verifyAudit();
    // Checks every device segment the center received and its anchors (empty on a laptop).
    store::StoreResult<std::vector<store::SegmentVerification>> verifyDeviceAudit();

private:
    store::Database& m_db;
    const Clock& m_clock;
};

class SettingsUseCases
{
public:
    explicit SettingsUseCases(const Context& context) : m_context(context) {}

    // The settings screens: administrators change, supervisors read (Action::ViewSettings).
    bool canView() const;
    bool canEdit() const;
    // The reads below ask Action::ViewSettings (a refusal is audited).
    // The stored crisis services as JSON, or the built-in ones when none are stored.
    store::StoreResult<QByteArray> crisisServices();
    // The follow-up policy in force (core's defaults when none is stored); an
    // error naming the JSON path when the stored text does not read.
    store::StoreResult<followup::FollowUpConfig> followUpPolicy();
    // The center's nature-code table in force: the stored one, else the demo's.
    struct NatureCodes
    {
        cad::NatureCodeTable table;
        bool builtIn = true; // nothing stored: the demo center's table
    };
    store::StoreResult<NatureCodes> cadNatureCodes();
    // The beat map routing uses: what was imported (its id property, file,
    // beat count), or the shipped one; and the map itself, for the preview.
    struct BeatMapInForce
    {
        store::BeatMapSetting::Info info;
        std::shared_ptr<const geo::BeatMap> map;
    };
    store::StoreResult<BeatMapInForce> beatMap();

    int idleLockMinutes();

    // A screen's stale-write guard: the version of a setting (its key) it
    // read, 0 when never saved; passed back as `expectedVersion`, a save is
    // refused (Conflict, field: the key, nothing written) when another
    // administrator saved the setting after it - checked in the save's own
    // transaction. lastSaved() says who saved it and when (ViewSettings;
    // version 0 without).
    static constexpr int kAnyVersion = store::SettingsStore::kAnyVersion;
    int version(const QString& key);
    store::SettingVersion lastSaved(const QString& key);

    // 1 to 240 minutes; the permission is checked first.
    store::StoreError setIdleLockMinutes(int minutes, int expectedVersion = kAnyVersion);
    // The crisis lines put on every safety plan, checked before it is stored.
    store::StoreError setCrisisServices(const QByteArray& json, int expectedVersion = kAnyVersion);
    // The center's CAD nature-code table from CSV (core/cad/NatureCodeTable.h),
    // checked (syntax, and every call type known to a rule set) and stored as JSON.
    store::StoreError setCadNatureCodes(const QByteArray& csv, const QString& sourceName,
                                        int expectedVersion = kAnyVersion);
    // The follow-up policy, checked before it is stored.
    store::StoreError setFollowUpPolicy(const QString& json, int expectedVersion = kAnyVersion);
    // The center's beat map from GeoJSON, its beat id in `idProperty`: read
    // by core's BeatMap (a malformed map refused naming the JSON path), every
    // beat the rule sets in force name must be on it, then stored; routing
    // uses it from then on, on every workstation.
    store::StoreError setBeatMap(const QByteArray& geoJson, const QString& idProperty,
                                 const QString& sourceName, int expectedVersion = kAnyVersion);
    // Adds a rule set, or replaces the one with the same key.
    store::StoreResult<store::StoredRuleSet> importRuleSet(const QByteArray& json, const QString& sourceName);

private:
    // write() in one unit of work with the version check of `setting` before it.
    store::StoreError writeIfCurrent(store::Setting setting, int expectedVersion,
                                     const std::function<store::StoreError()>& write);

    Context m_context;
};

} // namespace heart::usecases
