#include "store/sync/SyncScope.h"

#include "store/Database.h"
#include "store/StoreTime.h"

namespace heart::store::sync {
namespace {

// The calls the unit works now: the one it is on, those it was sent to or
// moved on in the last days, and those whose note it has not signed yet.
// Older calls stay at the center (minimum necessary: a lost laptop holds days,
// not years).
const char* const kCalls =
    "SELECT call_id FROM units WHERE id = ? AND call_id IS NOT NULL "
    "UNION SELECT call_id FROM unit_status_events WHERE unit_id = ? AND call_id IS NOT NULL AND at_utc >= ? "
    "UNION SELECT call_id FROM encounters WHERE unit_id = ? AND (signed_at IS NULL OR created_at >= ?) "
    "UNION SELECT c.id FROM calls c JOIN units u ON u.code = c.assigned_unit WHERE u.id = ? "
    "AND c.dispatched_at >= ?";

} // namespace

StoreResult<QStringList> SyncScope::query(const QString& sql, const QVariantList& binds)
{
    QSqlQuery query = m_center.prepare(sql);
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (StoreError error = m_center.exec(query, "sync: read the unit's records"))
        return error;
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

StoreError SyncScope::load()
{
    if (m_loaded)
        return {};
    const QString since = toStoredTime(m_since);
    auto calls =
        query(QString::fromLatin1(kCalls), {m_unitId, m_unitId, since, m_unitId, since, m_unitId, since});
    if (!calls.ok())
        return calls.error();
    m_calls = QSet<QString>(calls.value().cbegin(), calls.value().cend());
    // What hangs off those calls: their people, the unit's notes on them, the
    // notes' entries and safety plans.
    const QStringList callIds(m_calls.cbegin(), m_calls.cend());
    const auto within = [&](QSet<QString>& set, const QString& sql,
                            const QVariantList& before) -> StoreError {
        set.clear();
        for (qsizetype from = 0; from < callIds.size(); from += 200) {
            const QStringList part = callIds.mid(from, 200);
            QVariantList binds = before;
            for (const QString& id : part)
                binds.append(id);
            auto rows = query(
                sql.arg(QStringList(part.size(), QStringLiteral("?")).join(QLatin1String(", "))), binds);
            if (!rows.ok())
                return rows.error();
            for (const QString& id : rows.value())
                set.insert(id);
        }
        return {};
    };
    if (StoreError error = within(
            m_people,
            QStringLiteral("SELECT person_id FROM calls WHERE person_id IS NOT NULL AND id IN (%1)"), {}))
        return error;
    if (StoreError error = within(
            m_encounters, QStringLiteral("SELECT id FROM encounters WHERE unit_id = ? AND call_id IN (%1)"),
            {m_unitId}))
        return error;
    if (StoreError error =
            within(m_entries,
                   QStringLiteral("SELECT n.id FROM encounter_entries n JOIN encounters e ON e.id = "
                                  "n.encounter_id WHERE e.unit_id = ? AND e.call_id IN (%1)"),
                   {m_unitId}))
        return error;
    if (StoreError error =
            within(m_plans,
                   QStringLiteral("SELECT s.id FROM safety_plans s JOIN encounters e ON e.id = "
                                  "s.encounter_id WHERE e.unit_id = ? AND e.call_id IN (%1)"),
                   {m_unitId}))
        return error;
    auto staff = query(QStringLiteral("SELECT staff_id FROM unit_members WHERE unit_id = ?"), {m_unitId});
    if (!staff.ok())
        return staff.error();
    m_staff = QSet<QString>(staff.value().cbegin(), staff.value().cend());
    auto users =
        query(QStringLiteral("SELECT s.user_id FROM staff s JOIN unit_members m ON m.staff_id = s.id "
                             "WHERE m.unit_id = ? AND s.user_id IS NOT NULL"),
              {m_unitId});
    if (!users.ok())
        return users.error();
    m_users = QSet<QString>(users.value().cbegin(), users.value().cend());
    m_loaded = true;
    return {};
}

StoreResult<QStringList> SyncScope::crewUserIds()
{
    if (StoreError error = load())
        return error;
    return QStringList(m_users.cbegin(), m_users.cend());
}

StoreResult<QList<RecordRef>> SyncScope::recordsFor(const QList<JournalEntry>& entries)
{
    if (StoreError error = load())
        return error;
    QList<RecordRef> wanted;
    for (const JournalEntry& entry : entries) {
        const QString& type = entry.recordType;
        const QString& id = entry.recordId;
        bool mine = false;
        if (type == QLatin1String("setting") || type == QLatin1String("rule_set") ||
            type == QLatin1String("resource"))
            mine = true;
        else if (type == QLatin1String("unit"))
            mine = id == m_unitId;
        else if (type == QLatin1String("call"))
            mine = m_calls.contains(id);
        else if (type == QLatin1String("person"))
            mine = m_people.contains(id);
        else if (type == QLatin1String("encounter"))
            mine = m_encounters.contains(id);
        else if (type == QLatin1String("encounter_entry"))
            mine = m_entries.contains(id);
        else if (type == QLatin1String("safety_plan"))
            mine = m_plans.contains(id);
        else if (type == QLatin1String("staff"))
            mine = m_staff.contains(id);
        else if (type == QLatin1String("user"))
            mine = m_users.contains(id);
        if (!mine)
            continue;
        RecordRef ref{type, id, entry.userId, entry.workstation, entry.action};
        const auto found = std::find(wanted.begin(), wanted.end(), ref);
        if (found != wanted.end())
            *found = ref; // the latest change names it
        else
            wanted.append(ref);
    }
    // A change of crew or of calls brings what it now needs.
    for (const QString& id : std::as_const(m_users)) {
        if (!wanted.contains(RecordRef{QStringLiteral("user"), id, {}, {}, {}}))
            wanted.append({QStringLiteral("user"), id, {}, {}, {}});
    }
    return wanted;
}

StoreResult<QList<RecordRef>> SyncScope::everything()
{
    if (StoreError error = load())
        return error;
    QList<RecordRef> all;
    const auto addAll = [&all](const QString& type, const QStringList& ids) {
        for (const QString& id : ids)
            all.append({type, id, {}, {}, {}});
    };
    const auto addTable = [&](const QString& type, const QString& sql) -> StoreError {
        auto found = query(sql, {});
        if (!found.ok())
            return found.error();
        addAll(type, found.value());
        return {};
    };
    if (StoreError error = addTable(QStringLiteral("setting"), QStringLiteral("SELECT key FROM settings")))
        return error;
    if (StoreError error = addTable(QStringLiteral("rule_set"), QStringLiteral("SELECT id FROM rule_sets")))
        return error;
    if (StoreError error = addTable(QStringLiteral("resource"), QStringLiteral("SELECT id FROM resources")))
        return error;
    addAll(QStringLiteral("user"), QStringList(m_users.cbegin(), m_users.cend()));
    addAll(QStringLiteral("staff"), QStringList(m_staff.cbegin(), m_staff.cend()));
    addAll(QStringLiteral("person"), QStringList(m_people.cbegin(), m_people.cend()));
    addAll(QStringLiteral("call"), QStringList(m_calls.cbegin(), m_calls.cend()));
    addAll(QStringLiteral("unit"), {m_unitId});
    addAll(QStringLiteral("encounter"), QStringList(m_encounters.cbegin(), m_encounters.cend()));
    addAll(QStringLiteral("encounter_entry"), QStringList(m_entries.cbegin(), m_entries.cend()));
    addAll(QStringLiteral("safety_plan"), QStringList(m_plans.cbegin(), m_plans.cend()));
    return all;
}

} // namespace heart::store::sync
