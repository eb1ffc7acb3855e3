#pragma once
// The program's rule sets for the administrator's and supervisor's screens:
// reading them needs Action::ViewSettings (administrator, supervisor),
// saving a new version Action::ManageSettings (administrator only). A save
// is a new rule set that takes effect on a future date (never an edit of one
// that has been in force or decided calls), audited, its document kept in
// the version history (store/RuleSetStore.h); every workstation's rule book
// picks it up and uses it from that date on.
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"
#include "core/routing/RuleSetImpact.h"
#include "store/RuleSetStore.h"
#include "usecases/ChangeFeed.h"
#include "usecases/Context.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace heart::usecases {

struct RuleSetListing
{
    routing::RuleBook book;             // every rule set, by effective date
    QList<store::StoredRuleSet> stored; // the stored rows, by date; empty when the shipped rules apply
    bool shipped = false;               // nothing stored: the shipped (Durham) rule sets apply
    int inForceIndex = -1;              // into book.ruleSets(): in force today (program local date); -1 none
    QDate today;                        // the program's local date the listing was made on
    std::shared_ptr<const geo::BeatMap> beats; // for diffs and the service area
};

class RuleSetUseCases
{
public:
    explicit RuleSetUseCases(const Context& context) : m_context(context) {}

    bool canView() const;
    bool canEdit() const;

    // PermissionDenied (audited) without Action::ViewSettings.
    store::StoreResult<RuleSetListing> listing();
    // The saved versions of one stored rule set, oldest first (empty for a shipped one).
    store::StoreResult<QList<store::RuleSetVersion>> versions(const QString& key);

    // The stored calls of the last `weeks` weeks decided under `before` and
    // `after` (whatever their dates): the editor's preview before a save
    // (core/routing/RuleSetImpact.h). Action::ViewSettings; counts only.
    // Without options.beats the shipped beat map locates calls by position;
    // without options.schedule the current roster (previewRoster()) is used.
    store::StoreResult<routing::ImpactReport> previewImpact(const routing::RuleSet& before,
                                                            const routing::RuleSet& after, int weeks,
                                                            routing::ImpactOptions options = {});

    // The preview in two steps, so a screen can compute off its thread: the
    // calls are read here (on the connection's thread, Action::ViewSettings),
    // then impact() decides them under both rule sets, touching no database.
    store::StoreResult<std::vector<store::CallRoutingFacts>> previewCalls(int weeks);
    // The roster the preview measures the hours against (the teams the hours
    // need against what the current rotation provides; its responders are
    // CRT's): the rotation as stored, names left out, with its rotation rules.
    // No schedule when no rotation was made yet. Action::ViewSettings.
    struct PreviewRoster
    {
        std::shared_ptr<const roster::Schedule> schedule;
        roster::RotationRules rotation;
    };
    store::StoreResult<PreviewRoster> previewRoster();
    static routing::ImpactReport impact(const std::vector<store::CallRoutingFacts>& calls,
                                        const routing::RuleSet& before, const routing::RuleSet& after,
                                        int weeks, routing::ImpactOptions options = {});

    // The JSON document of a rule set: the stored one, else the shipped file
    // with that id (NotFound when neither). The editor edits a copy of it.
    store::StoreResult<QByteArray> document(const QString& key);

    // True when journal rows (from any workstation) add or change a rule set:
    // a workstation then reads its rule book again (RoutingContext), so a new
    // version decides the calls from its effective date without a restart.
    static bool changesRuleSets(const QList<JournalEntry>& entries);

    // See RuleSetStore::saveNewVersion: refusals name the field at fault.
    store::StoreResult<store::StoredRuleSet> saveNewVersion(const QByteArray& json,
                                                            const QString& basedOnKey);

private:
    store::StoreError requireView();

    Context m_context;
};

} // namespace heart::usecases
