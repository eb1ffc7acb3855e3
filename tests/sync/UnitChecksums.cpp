#include "sync/UnitChecksums.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMetaType>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace heart::test {
namespace {

// The unit's notes, and the calls it was sent to; '?' is the unit's id each time.
const QString kEncounters = QStringLiteral("SELECT id FROM encounters WHERE unit_id = ?");
const QString kCalls =
    QStringLiteral("SELECT call_id FROM unit_status_events WHERE unit_id = ? AND call_id IS NOT NULL "
                   "UNION SELECT call_id FROM units WHERE id = ? AND call_id IS NOT NULL "
                   "UNION SELECT call_id FROM encounters WHERE unit_id = ? "
                   "UNION SELECT c.id FROM calls c JOIN units u ON u.code = c.assigned_unit WHERE u.id = ?");

struct Scope
{
    QString table;
    QString where; // with '?' for the unit's id
};

const QList<Scope>& scopes()
{
    static const QList<Scope> list = {
        {QStringLiteral("units"), QStringLiteral("id = ?")},
        {QStringLiteral("unit_status_events"), QStringLiteral("unit_id = ?")},
        {QStringLiteral("calls"), QStringLiteral("id IN (") + kCalls + QLatin1Char(')')},
        {QStringLiteral("people"),
         QStringLiteral("id IN (SELECT person_id FROM calls WHERE id IN (") + kCalls +
             QStringLiteral(") UNION SELECT person_id FROM safety_plans WHERE encounter_id IN (") +
             kEncounters + QStringLiteral("))")},
        {QStringLiteral("encounters"), QStringLiteral("unit_id = ?")},
        {QStringLiteral("encounter_entries"),
         QStringLiteral("encounter_id IN (") + kEncounters + QLatin1Char(')')},
        {QStringLiteral("encounter_addenda"),
         QStringLiteral("encounter_id IN (") + kEncounters + QLatin1Char(')')},
        {QStringLiteral("safety_plans"),
         QStringLiteral("encounter_id IN (") + kEncounters + QLatin1Char(')')},
        {QStringLiteral("followup_tasks"),
         QStringLiteral("encounter_id IN (") + kEncounters + QLatin1Char(')')},
    };
    return list;
}

QString normalised(const QVariant& value)
{
    if (value.isNull())
        return QStringLiteral("\\N");
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return QString::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return QString::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    default:
        // Text, times included; the quote marks keep '' apart from NULL.
        return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    }
}

} // namespace

const QStringList& syncedTables()
{
    static const QStringList names = [] {
        QStringList list;
        for (const Scope& scope : scopes())
            list.append(scope.table);
        return list;
    }();
    return names;
}

UnitChecksums unitChecksums(store::Database& db, const QString& unitId, const ExcludedColumns& excluded)
{
    UnitChecksums result;
    for (const Scope& scope : scopes()) {
        TableChecksum table;
        table.table = scope.table;
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        const QString sql =
            QStringLiteral("SELECT * FROM ") + scope.table + QStringLiteral(" WHERE ") + scope.where;
        if (!query.prepare(sql)) {
            result.problem = scope.table + QStringLiteral(": ") + query.lastError().text();
            return result;
        }
        for (qsizetype i = 0, n = scope.where.count(QLatin1Char('?')); i < n; ++i)
            query.addBindValue(unitId);
        if (!query.exec()) {
            result.problem = scope.table + QStringLiteral(": ") + query.lastError().text();
            return result;
        }
        QList<QByteArray> rowDigests;
        QList<int> columns; // record positions, by column name
        QStringList names;
        while (query.next()) {
            const QSqlRecord record = query.record();
            if (columns.isEmpty()) {
                for (int i = 0; i < record.count(); ++i) {
                    if (!excluded.value(scope.table).contains(record.fieldName(i)))
                        columns.append(i);
                }
                std::sort(columns.begin(), columns.end(),
                          [&](int a, int b) { return record.fieldName(a) < record.fieldName(b); });
                for (int i : columns)
                    names.append(record.fieldName(i));
            }
            QStringList values;
            for (qsizetype c = 0; c < columns.size(); ++c)
                values.append(names.at(c) + QLatin1Char('=') + normalised(query.value(columns.at(c))));
            const QString id = query.value(QStringLiteral("id")).toString();
            const QByteArray digest =
                QCryptographicHash::hash(values.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256);
            rowDigests.append(digest);
            // A doubled id cannot happen (primary key); keep the first for the differences.
            if (!table.byId.contains(id))
                table.byId.insert(id, values);
            ++table.rows;
        }
        std::sort(rowDigests.begin(), rowDigests.end());
        QCryptographicHash tableHash(QCryptographicHash::Sha256);
        for (const QByteArray& digest : rowDigests)
            tableHash.addData(digest);
        table.digest = tableHash.result().toHex();
        result.tables.append(table);
    }
    return result;
}

QString UnitChecksums::summary() const
{
    QStringList parts;
    for (const TableChecksum& table : tables)
        parts.append(QStringLiteral("%1 %2 %3")
                         .arg(table.table)
                         .arg(table.rows)
                         .arg(QString::fromLatin1(table.digest.left(8))));
    if (!problem.isEmpty())
        parts.append(QStringLiteral("PROBLEM: ") + problem);
    return parts.join(QStringLiteral(", "));
}

QStringList differences(const UnitChecksums& laptop, const UnitChecksums& center)
{
    QStringList lines;
    if (!laptop.problem.isEmpty())
        lines.append(QStringLiteral("laptop: ") + laptop.problem);
    if (!center.problem.isEmpty())
        lines.append(QStringLiteral("center: ") + center.problem);
    for (qsizetype t = 0; t < laptop.tables.size() && t < center.tables.size(); ++t) {
        const TableChecksum& a = laptop.tables.at(t);
        const TableChecksum& b = center.tables.at(t);
        if (a.rows == b.rows && a.digest == b.digest)
            continue;
        lines.append(QStringLiteral("%1: %2 rows on the laptop, %3 on the center")
                         .arg(a.table)
                         .arg(a.rows)
                         .arg(b.rows));
        for (auto it = a.byId.cbegin(); it != a.byId.cend(); ++it) {
            const auto other = b.byId.constFind(it.key());
            if (other == b.byId.cend()) {
                lines.append(QStringLiteral("  %1 only on the laptop").arg(it.key()));
                continue;
            }
            for (qsizetype c = 0; c < it.value().size(); ++c) {
                const QString mine = it.value().at(c);
                const QString theirs = c < other.value().size() ? other.value().at(c) : QString();
                if (mine != theirs)
                    lines.append(QStringLiteral("  %1: laptop %2, center %3").arg(it.key(), mine, theirs));
            }
        }
        for (auto it = b.byId.cbegin(); it != b.byId.cend(); ++it) {
            if (!a.byId.contains(it.key()))
                lines.append(QStringLiteral("  %1 only on the center").arg(it.key()));
        }
    }
    if (laptop.tables.size() != center.tables.size() && laptop.problem.isEmpty() && center.problem.isEmpty())
        lines.append(QStringLiteral("not the same tables"));
    return lines;
}

} // namespace heart::test
