#include "store/sync/SyncRecords.h"

#include "store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlRecord>
#include <algorithm>

namespace heart::store::sync {
namespace {

ChildSpec child(const char* table, const char* parent, QStringList key, const char* seq, bool appendOnly,
                bool centerOwned)
{
    ChildSpec spec;
    spec.table = QString::fromLatin1(table);
    spec.parentColumn = QString::fromLatin1(parent);
    spec.key = std::move(key);
    spec.seqColumn = QString::fromLatin1(seq);
    spec.appendOnly = appendOnly;
    spec.centerOwned = centerOwned;
    return spec;
}

RecordSpec record(const char* type, const char* table, bool pushable, QList<ChildSpec> children = {})
{
    RecordSpec spec;
    spec.type = QString::fromLatin1(type);
    spec.table = QString::fromLatin1(table);
    spec.pushable = pushable;
    spec.children = std::move(children);
    return spec;
}

QList<RecordSpec> makeSpecs()
{
    const auto L = [](const char* text) {
        return QString::fromLatin1(text);
    };
    // Dependency order: a record comes after those it points at.
    QList<RecordSpec> specs;
    RecordSpec user = record("user", "users", false,
                             {child("user_roles", "user_id", {L("user_id"), L("role")}, "", false, true)});
    user.localColumns = {L("failed_attempts"), L("locked_until")};
    specs.append(user);
    specs.append(record("staff", "staff", false));
    RecordSpec setting = record("setting", "settings", false);
    setting.key = L("key");
    setting.versioned = false;
    specs.append(setting);
    specs.append(record("rule_set", "rule_sets", false));
    specs.append(record("resource", "resources", false));
    specs.append(
        record("person", "people", true,
               {child("person_aliases", "person_id", {L("person_id"), L("alias")}, "", true, false)}));
    specs.append(
        record("call", "calls", false, {child("call_addenda", "call_id", {L("id")}, "", true, false)}));
    specs.append(record("unit", "units", true,
                        {child("unit_status_events", "unit_id", {L("id")}, "seq", true, false),
                         child("unit_members", "unit_id", {L("unit_id"), L("staff_id")}, "", false, true)}));
    specs.append(record("encounter", "encounters", true,
                        {child("encounter_addenda", "encounter_id", {L("id")}, "seq", true, false)}));
    RecordSpec entry = record("encounter_entry", "encounter_entries", true);
    entry.seqParent = L("encounter_id");
    entry.seqColumn = L("seq");
    specs.append(entry);
    specs.append(record("safety_plan", "safety_plans", true));
    specs.append(record("followup_task", "followup_tasks", true,
                        {child("followup_attempts", "task_id", {L("id")}, "seq", true, false)}));
    return specs;
}

bool isNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

QVariant fromJsonValue(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (value.isDouble()) {
        const double number = value.toDouble();
        const auto whole = static_cast<qint64>(number);
        if (static_cast<double>(whole) == number)
            return QVariant(whole);
        return QVariant(number);
    }
    if (value.isBool())
        return QVariant(value.toBool() ? 1 : 0);
    return QVariant(value.toString());
}

QJsonObject rowToJson(const QVariantMap& row)
{
    QJsonObject json;
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        if (it.value().isNull() || !it.value().isValid())
            json.insert(it.key(), QJsonValue::Null);
        else if (isNumber(it.value()))
            json.insert(it.key(), it.value().toDouble());
        else
            json.insert(it.key(), it.value().toString());
    }
    return json;
}

QVariantMap rowFromJson(const QJsonObject& json)
{
    QVariantMap row;
    for (auto it = json.begin(); it != json.end(); ++it)
        row.insert(it.key(), fromJsonValue(it.value()));
    return row;
}

QVariantMap readRow(const QSqlQuery& query)
{
    QVariantMap row;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        QVariant value = query.value(i);
        if (value.isNull())
            value = QVariant();
        row.insert(record.fieldName(i), value);
    }
    return row;
}

// Column names are taken from the rows we read ourselves; still, refuse
// anything that is not a plain identifier before it goes into SQL text.
bool plainIdentifier(const QString& name)
{
    if (name.isEmpty())
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('_') ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    });
}

StoreError badColumn(const QString& table, const QString& column)
{
    return StoreError::make(StoreErrorCode::InvalidInput,
                            QStringLiteral("sync: column '%1' is not known in %2").arg(column, table));
}

// The columns of a synced table. Every open database has the schema of this
// program (migrated on open), so they are read from the catalog once per
// table, not for every row written.
StoreResult<QStringList> tableColumns(Database& db, const QString& table)
{
    static QMutex mutex;
    static QHash<QString, QStringList> known;
    QMutexLocker lock(&mutex);
    if (const auto found = known.constFind(table); found != known.cend())
        return found.value();
    const QSqlRecord record = db.connection().record(table);
    if (record.isEmpty())
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("sync: no table %1").arg(table));
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i).toLower());
    known.insert(table, columns);
    return columns;
}

// INSERT ... ON CONFLICT (key) DO UPDATE: the same text on SQLite and PostgreSQL.
StoreError upsert(Database& db, const QString& table, const QStringList& key, const QVariantMap& row,
                  const QStringList& keepColumns = {})
{
    auto known = tableColumns(db, table);
    if (!known.ok())
        return known.error();
    QStringList columns;
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        if (!plainIdentifier(it.key()) || !known.value().contains(it.key()))
            return badColumn(table, it.key());
        columns.append(it.key());
    }
    QStringList placeholders(columns.size(), QStringLiteral("?"));
    QStringList updates;
    for (const QString& column : columns) {
        if (!key.contains(column) && !keepColumns.contains(column))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(table, columns.join(QLatin1String(", ")), placeholders.join(QLatin1String(", ")),
                           key.join(QLatin1String(", ")));
    sql += updates.isEmpty() ? QStringLiteral("DO NOTHING")
                             : QStringLiteral("DO UPDATE SET ") + updates.join(QLatin1String(", "));
    QSqlQuery query = db.prepare(sql);
    for (const QString& column : columns)
        query.addBindValue(row.value(column));
    return db.exec(query, "sync: write row");
}

StoreResult<QList<QVariantMap>> readChildren(Database& db, const ChildSpec& child, const QString& parentId)
{
    const QString order = child.seqColumn.isEmpty() ? child.key.join(QLatin1String(", ")) : child.seqColumn;
    QSqlQuery query = db.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 = ? ORDER BY %3")
                                     .arg(child.table, child.parentColumn, order));
    query.addBindValue(parentId);
    if (StoreError error = db.exec(query, "sync: read child rows"))
        return error;
    QList<QVariantMap> rows;
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

// Makes room for `seq` under the parent: a different row holding it moves
// after the last number.
StoreError moveOccupant(Database& db, const QString& table, const QString& parentColumn,
                        const QString& parentId, const QString& seqColumn, const QVariant& seq,
                        const QString& id)
{
    QSqlQuery occupant = db.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND %3 = ? AND id <> ?")
                                        .arg(table, parentColumn, seqColumn));
    occupant.addBindValue(parentId);
    occupant.addBindValue(seq);
    occupant.addBindValue(id);
    if (StoreError error = db.exec(occupant, "sync: find a numbering clash"))
        return error;
    if (!occupant.next())
        return {};
    const QString occupantId = occupant.value(0).toString();
    occupant.finish();
    QSqlQuery move = db.prepare(
        QStringLiteral(
            "UPDATE %1 SET %3 = (SELECT COALESCE(MAX(%3), 0) + 1 FROM %1 WHERE %2 = ?) WHERE id = ?")
            .arg(table, parentColumn, seqColumn));
    move.addBindValue(parentId);
    move.addBindValue(occupantId);
    return db.exec(move, "sync: renumber a clashing row");
}

StoreResult<qint64> nextSeq(Database& db, const QString& table, const QString& parentColumn,
                            const QString& parentId, const QString& seqColumn)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT COALESCE(MAX(%3), 0) + 1 FROM %1 WHERE %2 = ?")
                                     .arg(table, parentColumn, seqColumn));
    query.addBindValue(parentId);
    if (StoreError error = db.exec(query, "sync: next number"))
        return error;
    return query.next() ? query.value(0).toLongLong() : qint64{1};
}

StoreResult<bool> rowExists(Database& db, const QString& table, const QString& keyColumn, const QVariant& key,
                            QVariant* seqOut = nullptr, const QString& seqColumn = {})
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                     .arg(seqColumn.isEmpty() ? keyColumn : seqColumn, table, keyColumn));
    query.addBindValue(key);
    if (StoreError error = db.exec(query, "sync: look for a row"))
        return error;
    if (!query.next())
        return false;
    if (seqOut)
        *seqOut = query.value(0);
    return true;
}

// A numbered row (an entry, a status event): keeps its number, or makes way.
StoreError writeNumbered(Database& db, const QString& table, const QStringList& key,
                         const QString& parentColumn, const QString& seqColumn, QVariantMap row,
                         SeqClash clash, const QStringList& keepColumns = {})
{
    const QString id = row.value(QStringLiteral("id")).toString();
    const QString parentId = row.value(parentColumn).toString();
    QVariant currentSeq;
    auto exists = rowExists(db, table, QStringLiteral("id"), id, &currentSeq, seqColumn);
    if (!exists.ok())
        return exists.error();
    if (clash == SeqClash::TakeTheirs) {
        if (!exists.value() || !sameValue(currentSeq, row.value(seqColumn))) {
            if (StoreError error =
                    moveOccupant(db, table, parentColumn, parentId, seqColumn, row.value(seqColumn), id))
                return error;
        }
    } else if (exists.value()) {
        row.insert(seqColumn, currentSeq); // ours stays where it is
    } else {
        QSqlQuery taken = db.prepare(
            QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? AND %3 = ?").arg(table, parentColumn, seqColumn));
        taken.addBindValue(parentId);
        taken.addBindValue(row.value(seqColumn));
        if (StoreError error = db.exec(taken, "sync: look for a numbering clash"))
            return error;
        if (taken.next()) {
            taken.finish();
            auto next = nextSeq(db, table, parentColumn, parentId, seqColumn);
            if (!next.ok())
                return next.error();
            row.insert(seqColumn, next.value());
        }
    }
    return upsert(db, table, key, row, keepColumns);
}

} // namespace

const QList<RecordSpec>& recordSpecs()
{
    static const QList<RecordSpec> specs = makeSpecs();
    return specs;
}

const RecordSpec* specFor(const QString& recordType)
{
    for (const RecordSpec& spec : recordSpecs()) {
        if (spec.type == recordType)
            return &spec;
    }
    return nullptr;
}

int dependencyRank(const QString& recordType)
{
    const QList<RecordSpec>& specs = recordSpecs();
    for (int i = 0; i < specs.size(); ++i) {
        if (specs.at(i).type == recordType)
            return i;
    }
    return int(specs.size());
}

int Snapshot::version() const
{
    return row.value(QStringLiteral("version")).toInt();
}

QJsonObject Snapshot::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("row"), rowToJson(row));
    QJsonObject kids;
    for (auto it = children.cbegin(); it != children.cend(); ++it) {
        QJsonArray rows;
        for (const QVariantMap& child : it.value())
            rows.append(rowToJson(child));
        kids.insert(it.key(), rows);
    }
    json.insert(QStringLiteral("children"), kids);
    return json;
}

Snapshot Snapshot::fromJson(const QString& type, const QString& id, const QJsonObject& json)
{
    Snapshot snapshot;
    snapshot.type = type;
    snapshot.id = id;
    snapshot.row = rowFromJson(json.value(QStringLiteral("row")).toObject());
    snapshot.exists = !snapshot.row.isEmpty();
    const QJsonObject kids = json.value(QStringLiteral("children")).toObject();
    for (auto it = kids.begin(); it != kids.end(); ++it) {
        QList<QVariantMap> rows;
        for (const QJsonValue& child : it.value().toArray())
            rows.append(rowFromJson(child.toObject()));
        snapshot.children.insert(it.key(), rows);
    }
    return snapshot;
}

bool isBookkeeping(const QString& column)
{
    return column == QLatin1String("version") || column == QLatin1String("updated_at");
}

bool sameValue(const QVariant& a, const QVariant& b)
{
    const bool aNull = a.isNull() || !a.isValid();
    const bool bNull = b.isNull() || !b.isValid();
    if (aNull || bNull)
        return aNull == bNull;
    if (isNumber(a) || isNumber(b)) {
        bool okA = false;
        bool okB = false;
        const double x = a.toDouble(&okA);
        const double y = b.toDouble(&okB);
        if (okA && okB)
            return x == y;
    }
    return a.toString() == b.toString();
}

bool sameRow(const QVariantMap& a, const QVariantMap& b)
{
    QStringList columns = a.keys();
    for (const QString& column : b.keys()) {
        if (!columns.contains(column))
            columns.append(column);
    }
    for (const QString& column : columns) {
        if (isBookkeeping(column))
            continue;
        if (!sameValue(a.value(column), b.value(column)))
            return false;
    }
    return true;
}

bool sameContent(const Snapshot& a, const Snapshot& b)
{
    if (a.exists != b.exists || !sameRow(a.row, b.row))
        return false;
    QStringList tables = a.children.keys();
    for (const QString& table : b.children.keys()) {
        if (!tables.contains(table))
            tables.append(table);
    }
    for (const QString& table : tables) {
        const QList<QVariantMap> left = a.children.value(table);
        const QList<QVariantMap> right = b.children.value(table);
        if (left.size() != right.size())
            return false;
        for (int i = 0; i < left.size(); ++i) {
            if (!sameRow(left.at(i), right.at(i)))
                return false;
        }
    }
    return true;
}

StoreResult<Snapshot> readSnapshot(Database& db, const QString& recordType, const QString& recordId)
{
    const RecordSpec* spec = specFor(recordType);
    if (!spec) {
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("sync: unknown record type '%1'").arg(recordType));
    }
    Snapshot snapshot;
    snapshot.type = recordType;
    snapshot.id = recordId;
    QSqlQuery query = db.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 = ?").arg(spec->table, spec->key));
    query.addBindValue(recordId);
    if (StoreError error = db.exec(query, "sync: read record"))
        return error;
    if (!query.next())
        return snapshot;
    snapshot.exists = true;
    snapshot.row = readRow(query);
    query.finish();
    for (const ChildSpec& child : spec->children) {
        auto rows = readChildren(db, child, recordId);
        if (!rows.ok())
            return rows.error();
        snapshot.children.insert(child.table, rows.value());
    }
    return snapshot;
}

StoreError writeSnapshot(Database& db, const Snapshot& snapshot, SeqClash clash)
{
    const RecordSpec* spec = specFor(snapshot.type);
    if (!spec) {
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("sync: unknown record type '%1'").arg(snapshot.type));
    }
    if (!snapshot.exists)
        return {};
    if (!spec->seqColumn.isEmpty()) {
        if (StoreError error = writeNumbered(db, spec->table, {spec->key}, spec->seqParent, spec->seqColumn,
                                             snapshot.row, clash, spec->localColumns))
            return error;
    } else {
        // A local copy of an account keeps its own failed sign-ins and lock.
        QStringList keep;
        if (!spec->localColumns.isEmpty()) {
            auto exists = rowExists(db, spec->table, spec->key, snapshot.id);
            if (!exists.ok())
                return exists.error();
            if (exists.value())
                keep = spec->localColumns;
        }
        if (StoreError error = upsert(db, spec->table, {spec->key}, snapshot.row, keep))
            return error;
    }
    for (const ChildSpec& child : spec->children) {
        if (!snapshot.children.contains(child.table))
            continue;
        const QList<QVariantMap> rows = snapshot.children.value(child.table);
        if (child.centerOwned && clash == SeqClash::KeepMine)
            continue; // a laptop does not set these on the center
        if (!child.appendOnly) {
            QSqlQuery clear = db.prepare(
                QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(child.table, child.parentColumn));
            clear.addBindValue(snapshot.id);
            if (StoreError error = db.exec(clear, "sync: replace child rows"))
                return error;
        }
        for (const QVariantMap& row : rows) {
            StoreError error = child.seqColumn.isEmpty()
                                   ? upsert(db, child.table, child.key, row)
                                   : writeNumbered(db, child.table, child.key, child.parentColumn,
                                                   child.seqColumn, row, clash);
            if (error)
                return error;
        }
    }
    return {};
}

} // namespace heart::store::sync
