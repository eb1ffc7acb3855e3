#pragma once
// Timestamps are stored as ISO 8601 UTC text with milliseconds
// ("2026-11-23T14:05:09.123Z"): identical on SQLite and PostgreSQL, and they
// sort as text.
#include "core/Clock.h"

#include <QDateTime>
#include <QString>

namespace heart::store {

QString toStoredTime(TimePoint t);
QString toStoredTime(const QDateTime& t);
QDateTime fromStoredTime(const QString& text);
TimePoint toTimePoint(const QDateTime& t);
QDateTime toDateTime(TimePoint t);

} // namespace heart::store
