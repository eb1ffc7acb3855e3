#pragma once
// What a unit's laptop may hold (docs/offline-sync.md, "What the laptop
// holds"): its unit, the calls it was sent to and their people, its
// encounter notes, entries and safety plans, its crew's accounts, and the
// shared references (settings, rule sets, resource directory). Follow-up
// tasks stay at the center: the crew's roles may not read them.
#include "store/ChangeJournal.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

namespace heart::store::sync {

struct RecordRef
{
    QString type;
    QString id;
    QString userId;      // who changed it at the center (empty for a dependency)
    QString workstation; // where
    QString action;

    bool operator==(const RecordRef& other) const { return type == other.type && id == other.id; }
};

class SyncScope
{
public:
    // `since`: calls older than this (and signed) stay at the center.
    SyncScope(Database& center, QString unitId, QDateTime since)
        : m_center(center), m_unitId(std::move(unitId)), m_since(std::move(since))
    {}

    // How many days of a unit's calls a laptop holds.
    static constexpr int kDays = 3;

    // The journal rows' records this unit may have, once each.
    StoreResult<QList<RecordRef>> recordsFor(const QList<JournalEntry>& entries);
    // Every record the unit may have (setting up a laptop).
    StoreResult<QList<RecordRef>> everything();
    // The accounts of the unit's crew now.
    StoreResult<QStringList> crewUserIds();

private:
    StoreError load();
    StoreResult<QStringList> query(const QString& sql, const QVariantList& binds);

    Database& m_center;
    QString m_unitId;
    QDateTime m_since;
    bool m_loaded = false;
    QSet<QString> m_calls, m_people, m_encounters, m_entries, m_plans, m_staff, m_users;
};

} // namespace heart::store::sync
