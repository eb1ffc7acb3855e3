#include "store/ChangeStamp.h"

#include "store/Database.h"

#include <QStringList>
#include <QVariant>

namespace heart::store {
namespace {

// The parts of one versioned table: rows, sum of versions, latest change.
QStringList versioned(const QString& table)
{
    return {QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(table),
            QStringLiteral("(SELECT SUM(version) FROM %1)").arg(table),
            QStringLiteral("(SELECT MAX(updated_at) FROM %1)").arg(table)};
}

QString counted(const QString& table)
{
    return QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(table);
}

// Table names are constants here, never input.
QStringList partsOf(ChangeStamp::Area area)
{
    switch (area) {
    case ChangeStamp::Calls:
        return versioned(QStringLiteral("calls"));
    case ChangeStamp::Units:
        return versioned(QStringLiteral("units"))
               << counted(QStringLiteral("unit_members")) << counted(QStringLiteral("unit_status_events"));
    case ChangeStamp::Encounters:
        return versioned(QStringLiteral("encounters")) << counted(QStringLiteral("encounter_addenda"));
    case ChangeStamp::FollowUps:
        return versioned(QStringLiteral("followup_tasks")) << counted(QStringLiteral("followup_attempts"));
    case ChangeStamp::Roster:
        return versioned(QStringLiteral("staff"))
               << versioned(QStringLiteral("roster_cycles")) << counted(QStringLiteral("roster_duties"));
    }
    return {};
}

QString tableOf(ChangeStamp::Area area)
{
    switch (area) {
    case ChangeStamp::Calls:
        return QStringLiteral("calls");
    case ChangeStamp::Units:
        return QStringLiteral("units");
    case ChangeStamp::Encounters:
        return QStringLiteral("encounters");
    case ChangeStamp::FollowUps:
        return QStringLiteral("followup_tasks");
    case ChangeStamp::Roster:
        break;
    }
    return {};
}

} // namespace

StoreResult<QString> ChangeStamp::read(Areas areas)
{
    QStringList parts;
    for (const Area area : {Calls, Units, Encounters, FollowUps, Roster}) {
        if (areas & area)
            parts << partsOf(area);
    }
    if (parts.isEmpty())
        return QString();
    // One round trip, whatever the areas.
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT ") + parts.join(QStringLiteral(", ")));
    if (StoreError error = m_db.exec(query, "read the change stamp"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::QueryFailed,
                                QStringLiteral("the change stamp returned no row"));
    QStringList values;
    for (int i = 0; i < parts.size(); ++i)
        values << (query.isNull(i) ? QString() : query.value(i).toString());
    return values.join(QLatin1Char('|'));
}

StoreResult<int> ChangeStamp::version(Area area, const QString& id)
{
    const QString table = tableOf(area);
    if (table.isEmpty())
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("no single record in this area"));
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table));
    query.addBindValue(id);
    if (StoreError error = m_db.exec(query, "read a record's version"))
        return error;
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace heart::store
