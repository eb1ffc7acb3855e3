#include "store/ChangeStamp.h"

#include "store/Database.h"

#include <QVariant>

namespace heart::store {
namespace {

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
