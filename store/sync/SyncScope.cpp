#include "store/sync/SyncScope.h"

#include "store/Database.h"

namespace heart::store::sync {
namespace {

// The calls the unit was sent to: the one it is on, those in its status
// history, those it wrote a note on, and those dispatched to its code.
const char* const kCalls =
    "SELECT call_id FROM units WHERE id = ? AND call_id IS NOT NULL "
    "UNION SELECT call_id FROM unit_status_events WHERE unit_id = ? AND call_id IS NOT NULL "
    "UNION SELECT call_id FROM encounters WHERE unit_id = ? "
    "UNION SELECT c.id FROM calls c JOIN units u ON u.code = c.assigned_unit WHERE u.id = ?";

} // namespace

StoreResult<QStringList> SyncScope::ids(const QString& sql, int binds)
{
    QSqlQuery query = m_center.prepare(sql);
    for (int i = 0; i < binds; ++i)
        query.addBindValue(m_unitId);
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
    const QString calls = QString::fromLatin1(kCalls);
    const auto fill = [this](QSet<QString>& set, const QString& sql, int binds) -> StoreError {
        auto found = ids(sql, binds);
        if (!found.ok())
            return found.error();
        set = QSet<QString>(found.value().cbegin(), found.value().cend());
        return {};
    };
    if (StoreError error = fill(m_calls, calls, 4))
        return error;
    if (StoreError error = fill(
            m_people,
            QStringLiteral("SELECT person_id FROM calls WHERE person_id IS NOT NULL AND id IN (") + calls +
                QStringLiteral(") UNION SELECT s.person_id FROM safety_plans s JOIN "
                               "encounters e ON e.id = s.encounter_id WHERE e.unit_id = ? "
                               "AND s.person_id IS NOT NULL"),
            5))
        return error;
    if (StoreError error =
            fill(m_encounters, QStringLiteral("SELECT id FROM encounters WHERE unit_id = ?"), 1))
        return error;
    if (StoreError error =
            fill(m_entries,
                 QStringLiteral("SELECT n.id FROM encounter_entries n JOIN encounters e ON e.id = "
                                "n.encounter_id WHERE e.unit_id = ?"),
                 1))
        return error;
    if (StoreError error = fill(m_plans,
                                QStringLiteral("SELECT s.id FROM safety_plans s JOIN encounters e ON e.id = "
                                               "s.encounter_id WHERE e.unit_id = ?"),
                                1))
        return error;
    if (StoreError error =
            fill(m_staff, QStringLiteral("SELECT staff_id FROM unit_members WHERE unit_id = ?"), 1))
        return error;
    if (StoreError error =
            fill(m_users,
                 QStringLiteral("SELECT s.user_id FROM staff s JOIN unit_members m ON m.staff_id = "
                                "s.id WHERE m.unit_id = ? AND s.user_id IS NOT NULL"),
                 1))
        return error;
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
        auto found = ids(sql, 0);
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
