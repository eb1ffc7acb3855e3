#include "store/StoreTime.h"

#include <QTimeZone>

namespace heart::store {

QDateTime toDateTime(TimePoint t)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

TimePoint toTimePoint(const QDateTime& t)
{
    return TimePoint{std::chrono::milliseconds{t.toMSecsSinceEpoch()}};
}

QString toStoredTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString toStoredTime(TimePoint t)
{
    return toStoredTime(toDateTime(t));
}

QDateTime fromStoredTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

} // namespace heart::store
