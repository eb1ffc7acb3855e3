#include "usecases/RuleSetUseCases.h"

#include "core/Permissions.h"
#include "store/AuditTrail.h"
#include "store/BeatMapSetting.h"
#include "store/RosterStore.h"
#include "store/RoutingData.h"

#include <QFile>
#include <algorithm>

namespace heart::usecases {

namespace {
const QString kRecordType = QStringLiteral("rule_set");
} // namespace

bool RuleSetUseCases::canView() const
{
    return permits(m_context.actor.role(), Action::ViewSettings);
}

bool RuleSetUseCases::canEdit() const
{
    return permits(m_context.actor.role(), Action::ManageSettings);
}

store::StoreError RuleSetUseCases::requireView()
{
    return store::AuditTrail(m_context.db, m_context.clock)
        .require(m_context.actor, Action::ViewSettings, kRecordType);
}

store::StoreResult<RuleSetListing> RuleSetUseCases::listing()
{
    if (store::StoreError error = requireView())
        return error;
    store::RuleSetStore rules(m_context.db, m_context.clock);
    auto book = rules.ruleBook();
    if (!book.ok())
        return book.error();
    auto stored = rules.list();
    if (!stored.ok())
        return stored.error();
    RuleSetListing listing;
    listing.book = std::move(book).value();
    listing.stored = stored.value();
    listing.shipped = listing.stored.isEmpty();
    const roster::LocalDateTime now = listing.book.zone().toLocal(m_context.clock.now());
    listing.today =
        QDate(int(now.date.year()), int(unsigned(now.date.month())), int(unsigned(now.date.day())));
    if (const routing::RuleSet* inForce = listing.book.inForce(now.date))
        listing.inForceIndex = int(inForce - listing.book.ruleSets().data());
    auto beats = store::BeatMapSetting(m_context.db, m_context.clock).inForce();
    if (beats.ok())
        listing.beats = beats.value();
    return listing;
}

store::StoreResult<QList<store::RuleSetVersion>> RuleSetUseCases::versions(const QString& key)
{
    if (store::StoreError error = requireView())
        return error;
    return store::RuleSetStore(m_context.db, m_context.clock).versions(key);
}

store::StoreResult<routing::ImpactReport> RuleSetUseCases::previewImpact(const routing::RuleSet& before,
                                                                         const routing::RuleSet& after,
                                                                         int weeks,
                                                                         routing::ImpactOptions options)
{
    auto calls = previewCalls(weeks);
    if (!calls.ok())
        return calls.error();
    if (!options.beats) { // the map routing uses: the center's imported one, else the shipped one
        if (auto beats = store::BeatMapSetting(m_context.db, m_context.clock).inForce(); beats.ok())
            options.beats = beats.value();
    }
    PreviewRoster roster;
    if (!options.schedule) {
        auto read = previewRoster();
        if (!read.ok())
            return read.error();
        roster = std::move(read).value();
        options.schedule = roster.schedule.get();
        options.rotation = roster.rotation;
    }
    return impact(calls.value(), before, after, weeks, std::move(options));
}

store::StoreResult<RuleSetUseCases::PreviewRoster> RuleSetUseCases::previewRoster()
{
    if (store::StoreError error = requireView())
        return error;
    PreviewRoster roster;
    auto cycle = store::RosterStore(m_context.db, m_context.clock).coverageCycle();
    if (!cycle.ok()) {
        if (cycle.error().code == store::StoreErrorCode::NotFound)
            return roster; // no rotation yet: nobody on duty
        return cycle.error();
    }
    roster.rotation.teamsPerShift = cycle.value().teamsPerShift;
    roster.rotation.weeks = cycle.value().schedule.weeks;
    roster.schedule = std::make_shared<const roster::Schedule>(std::move(cycle).value().schedule);
    return roster;
}

store::StoreResult<std::vector<store::CallRoutingFacts>> RuleSetUseCases::previewCalls(int weeks)
{
    if (store::StoreError error = requireView())
        return error;
    const TimePoint since = m_context.clock.now() - std::chrono::hours{24 * 7 * std::max(1, weeks)};
    return store::RuleSetStore(m_context.db, m_context.clock).callFactsSince(since);
}

routing::ImpactReport RuleSetUseCases::impact(const std::vector<store::CallRoutingFacts>& calls,
                                              const routing::RuleSet& before, const routing::RuleSet& after,
                                              int weeks, routing::ImpactOptions options)
{
    std::vector<routing::CallFacts> facts;
    facts.reserve(calls.size());
    for (const store::CallRoutingFacts& call : calls)
        facts.push_back(call.facts());
    if (!options.beats) { // no database here: callers pass the map in force (listing().beats)
        if (auto beats = store::builtInBeatMap(); beats.ok())
            options.beats = beats.value();
    }
    options.weeks = std::max(1, weeks);
    return routing::compareRuleSets(facts, before, after, options);
}

store::StoreResult<QByteArray> RuleSetUseCases::document(const QString& key)
{
    if (store::StoreError error = requireView())
        return error;
    auto stored = store::RuleSetStore(m_context.db, m_context.clock).document(key);
    if (stored.ok() || stored.error().code != store::StoreErrorCode::NotFound)
        return stored;
    for (const QString& file : store::builtInRuleSetFiles()) {
        auto set = store::loadRuleSet(file);
        if (set && QString::fromStdString(set.value().id) == key) {
            QFile shipped(file);
            if (!shipped.open(QIODevice::ReadOnly))
                return store::StoreError::make(store::StoreErrorCode::FileUnreadable, file);
            return shipped.readAll();
        }
    }
    return stored;
}

bool RuleSetUseCases::changesRuleSets(const QList<JournalEntry>& entries)
{
    return std::any_of(entries.begin(), entries.end(),
                       [](const JournalEntry& entry) { return entry.recordType == kRecordType; });
}

store::StoreResult<store::StoredRuleSet> RuleSetUseCases::saveNewVersion(const QByteArray& json,
                                                                         const QString& basedOnKey)
{
    return store::RuleSetStore(m_context.db, m_context.clock)
        .saveNewVersion(m_context.actor, json, basedOnKey);
}

} // namespace heart::usecases
