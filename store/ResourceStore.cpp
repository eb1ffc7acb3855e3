// The resource directory's rows (see ResourceStore.h).
//
// An import runs in two phases. First it plans, row by row, outside any
// transaction: which known service each row updates, which rows are new,
// which change nothing. The progress callback runs only here, because a UI
// callback may spin an event loop (a progress dialog does) and other code
// must never find this connection inside a half-done transaction. Then one
// write transaction carries out the plan with no callbacks: all rows and the
// one audit row, or nothing. A service changed or added by someone else
// between the two phases is noticed (versions, a second look for a twin)
// and the import is refused as a Conflict, to be run again.
#include "store/ResourceStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QHash>
#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

const QString kResource = QStringLiteral("resource");
const QString kImport = QStringLiteral("import"); // one audit row for a whole CSV import

// The columns readRow() takes, in its order.
const QString kSelect = QStringLiteral(
    "SELECT id, version, name, kind, phone, address, hours, languages, walk_ins, notes, active, created_at, "
    "updated_at, name_key FROM resources");

QVariant nullText(const std::string& text)
{
    return text.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(toQString(text));
}

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
}

StoreError conflict(const QString& detail = QStringLiteral("the service was changed meanwhile"))
{
    return StoreError::make(StoreErrorCode::Conflict, detail);
}

StoreError notFound()
{
    return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such service"));
}

StoreError duplicate()
{
    return invalid(QStringLiteral("duplicate"), QStringLiteral("name"));
}

// ";en;es;" (";" for none), so LIKE '%;es;%' finds one code.
QString storedLanguages(const std::vector<std::string>& codes)
{
    QString text = QStringLiteral(";");
    for (const std::string& code : codes)
        text += toQString(code) + QLatin1Char(';');
    return text;
}

// Typed text as a literal inside a LIKE pattern (with ESCAPE '!'): % and _ match only themselves.
QString escapeLike(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return escaped;
}

QString containsPattern(const QString& text)
{
    return QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
}

QString nameKeyOf(const directory::Resource& resource)
{
    return toQString(directory::foldForSearch(resource.name));
}

// The problems of a row as "code@field, ..." (codes and field names only).
QString problemList(const std::vector<Error>& problems)
{
    QStringList listed;
    for (const Error& problem : problems)
        listed.append(toQString(problem.code) + QLatin1Char('@') + toQString(problem.field));
    return listed.join(QStringLiteral(", "));
}

StoreError validate(const directory::Resource& resource)
{
    const auto problems = directory::problems(resource);
    if (problems.empty())
        return {};
    return invalid(problemList(problems), toQString(problems.front().field));
}

ResourceRecord readRow(const QSqlQuery& row)
{
    ResourceRecord r;
    int c = 0;
    r.id = row.value(c++).toString();
    r.version = row.value(c++).toInt();
    r.name = row.value(c++).toString();
    const auto kind = directory::resourceKindFromCode(row.value(c++).toString().toStdString());
    r.kind = kind.value_or(directory::ResourceKind::Shelter);
    r.phone = row.value(c++).toString();
    r.address = row.value(c++).toString();
    r.hours = row.value(c++).toString();
    r.languages = row.value(c++).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    r.walkIns = row.value(c++).toInt() != 0;
    r.notes = row.value(c++).toString();
    r.active = row.value(c++).toInt() != 0;
    r.createdAt = fromStoredTime(row.value(c++).toString());
    r.updatedAt = fromStoredTime(row.value(c++).toString());
    return r;
}

// What the import does with one row.
struct PlannedRow
{
    enum class Action
    {
        Insert,
        Update,
        Unchanged
    } action = Action::Insert;
    QString id; // Update, Unchanged: the known service
    int version = 0;
    directory::Resource resource; // normalised
};

} // namespace

directory::Resource ResourceRecord::toResource() const
{
    directory::Resource r;
    r.name = toStdString(name);
    r.kind = kind;
    r.phone = toStdString(phone);
    r.address = toStdString(address);
    r.hours = toStdString(hours);
    for (const QString& code : languages)
        r.languages.push_back(toStdString(code));
    r.walkIns = walkIns;
    r.notes = toStdString(notes);
    return r;
}

StoreResult<ResourceRecord> ResourceStore::read(const QString& id)
{
    QSqlQuery query = m_db.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (StoreError error = m_db.exec(query, "read service"))
        return error;
    if (!query.next())
        return notFound();
    return readRow(query);
}

StoreResult<QString> ResourceStore::findActiveTwin(const QString& nameKey, const QString& phone,
                                                   const QString& exceptId)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT id FROM resources WHERE active = 1 AND name_key = ? AND COALESCE(phone, '') = ? AND id <> ? "
        "ORDER BY created_at, id"));
    query.addBindValue(nameKey);
    query.addBindValue(phone);
    // A null QString binds as NULL, and "id <> NULL" is never true.
    query.addBindValue(exceptId.isEmpty() ? QStringLiteral("") : exceptId);
    if (StoreError error = m_db.exec(query, "find a service by name and phone"))
        return error;
    return query.next() ? query.value(0).toString() : QString();
}

StoreError ResourceStore::insertRow(const QString& id, const directory::Resource& r, const QString& now)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO resources (id, name, name_key, kind, phone, address, hours, languages, walk_ins, notes, "
        "active, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 1)"));
    for (const QVariant& value :
         {QVariant(id), QVariant(toQString(r.name)), QVariant(nameKeyOf(r)),
          QVariant(toQString(directory::resourceKindCode(*r.kind))), nullText(r.phone), nullText(r.address),
          nullText(r.hours), QVariant(storedLanguages(r.languages)), QVariant(r.walkIns ? 1 : 0),
          nullText(r.notes), QVariant(now), QVariant(now)})
        insert.addBindValue(value);
    return m_db.exec(insert, "insert service");
}

StoreError ResourceStore::updateRow(const QString& id, int version, const directory::Resource& r,
                                    const QString& now)
{
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE resources SET name = ?, name_key = ?, kind = ?, phone = ?, address = ?, hours = ?, "
        "languages = ?, walk_ins = ?, notes = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?"));
    for (const QVariant& value :
         {QVariant(toQString(r.name)), QVariant(nameKeyOf(r)),
          QVariant(toQString(directory::resourceKindCode(*r.kind))), nullText(r.phone), nullText(r.address),
          nullText(r.hours), QVariant(storedLanguages(r.languages)), QVariant(r.walkIns ? 1 : 0),
          nullText(r.notes), QVariant(now), QVariant(id), QVariant(version)})
        update.addBindValue(value);
    if (StoreError error = m_db.exec(update, "update service"))
        return error;
    return update.numRowsAffected() == 1 ? StoreError() : conflict();
}

StoreResult<QList<ResourceRecord>> ResourceStore::search(const Actor& /*actor: anyone signed in*/,
                                                         const ResourceQuery& query)
{
    QStringList conditions;
    QVariantList values;
    if (!query.includeInactive)
        conditions << QStringLiteral("active = 1");
    if (query.kind) {
        conditions << QStringLiteral("kind = ?");
        values << toQString(directory::resourceKindCode(*query.kind));
    }
    if (const QString language = query.language.trimmed().toLower(); !language.isEmpty()) {
        conditions << QStringLiteral("languages LIKE ? ESCAPE '!'");
        values << QString(QStringLiteral("%;") + escapeLike(language) + QStringLiteral(";%"));
    }
    const QString folded = toQString(directory::foldForSearch(toStdString(query.text)));
    if (!folded.isEmpty()) {
        // Every word in the name or the address ("mission rescue" finds
        // "Durham Rescue Mission"); or the digits typed, in the phone.
        QStringList words;
        for (const QString& word : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            words << QStringLiteral(
                "(name_key LIKE ? ESCAPE '!' OR LOWER(COALESCE(address, '')) LIKE ? ESCAPE '!')");
            values << containsPattern(word) << containsPattern(word);
        }
        QString text = QLatin1Char('(') + words.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        QString digits;
        for (const QChar c : query.text) {
            if (c.isDigit() && c.unicode() < 0x80)
                digits += c;
        }
        if (digits.size() >= 3) {
            text = QLatin1Char('(') + text + QStringLiteral(" OR COALESCE(phone, '') LIKE ? ESCAPE '!')");
            values << containsPattern(digits);
        }
        conditions << text;
    }
    QString sql = kSelect;
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    QSqlQuery select = m_db.prepare(sql);
    for (const QVariant& value : std::as_const(values))
        select.addBindValue(value);
    if (StoreError error = m_db.exec(select, "search services"))
        return error;
    struct Keyed
    {
        QString key;
        ResourceRecord record;
    };
    std::vector<Keyed> found;
    while (select.next())
        found.push_back({select.value(13).toString(), readRow(select)});
    std::sort(found.begin(), found.end(), [](const Keyed& a, const Keyed& b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.record.name != b.record.name)
            return a.record.name < b.record.name;
        return a.record.id < b.record.id;
    });
    QList<ResourceRecord> records;
    for (Keyed& k : found) {
        if (query.limit > 0 && records.size() >= query.limit)
            break;
        records.append(std::move(k.record));
    }
    return records;
}

StoreResult<ResourceRecord> ResourceStore::get(const Actor& /*actor: anyone signed in*/, const QString& id)
{
    return read(id);
}

StoreResult<ResourceRecord> ResourceStore::create(const Actor& actor, const directory::Resource& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditResourceDirectory, kResource);
    if (!work.ok())
        return work.error();
    const directory::Resource resource = directory::normalised(input);
    if (StoreError error = validate(resource))
        return error;
    auto twin = findActiveTwin(nameKeyOf(resource), toQString(resource.phone), QString());
    if (!twin.ok())
        return twin.error();
    if (!twin.value().isEmpty())
        return duplicate();
    const QString id = toQString(newRecordId(m_clock.now()));
    if (StoreError error = insertRow(id, resource, toStoredTime(m_clock.now())))
        return error;
    auto stored = read(id);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.changed(audit::Create, kResource, id, stored.value().version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<ResourceRecord> ResourceStore::update(const Actor& actor, const QString& id, int version,
                                                  const directory::Resource& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditResourceDirectory, kResource, id);
    if (!work.ok())
        return work.error();
    const directory::Resource resource = directory::normalised(input);
    if (StoreError error = validate(resource))
        return error;
    auto current = read(id);
    if (!current.ok())
        return current.error();
    if (current.value().version != version)
        return conflict();
    if (current.value().active) {
        auto twin = findActiveTwin(nameKeyOf(resource), toQString(resource.phone), id);
        if (!twin.ok())
            return twin.error();
        if (!twin.value().isEmpty())
            return duplicate();
    }
    if (StoreError error = updateRow(id, version, resource, toStoredTime(m_clock.now())))
        return error;
    auto stored = read(id);
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.changed(audit::Update, kResource, id, stored.value().version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<ResourceRecord> ResourceStore::setActive(const Actor& actor, const QString& id, int version,
                                                     bool active)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditResourceDirectory, kResource, id);
    if (!work.ok())
        return work.error();
    auto current = read(id);
    if (!current.ok())
        return current.error();
    if (current.value().version != version)
        return conflict();
    if (active && !current.value().active) {
        const directory::Resource resource = current.value().toResource();
        auto twin = findActiveTwin(nameKeyOf(resource), current.value().phone, id);
        if (!twin.ok())
            return twin.error();
        if (!twin.value().isEmpty())
            return duplicate();
    }
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE resources SET active = ?, updated_at = ?, version "
                                                   "= version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant& value :
         {QVariant(active ? 1 : 0), QVariant(toStoredTime(m_clock.now())), QVariant(id), QVariant(version)})
        update.addBindValue(value);
    if (StoreError error = m_db.exec(update, "change whether a service is active"))
        return error;
    if (update.numRowsAffected() != 1)
        return conflict();
    auto stored = read(id);
    if (!stored.ok())
        return stored.error();
    if (StoreError error =
            work.changed(active ? audit::Update : audit::Deactivate, kResource, id, stored.value().version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<ResourceImportSummary> ResourceStore::importRows(const Actor& actor,
                                                             const std::vector<directory::Resource>& rows,
                                                             const ImportProgress& progress)
{
    if (StoreError error = m_audit.require(actor, Action::EditResourceDirectory, kResource))
        return error;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto problems = directory::problems(rows[i]); !problems.empty())
            return invalid(QStringLiteral("row %1: %2").arg(i + 1).arg(problemList(problems)),
                           toQString(problems.front().field));
    }
    const int total = int(rows.size());
    ResourceImportSummary summary;
    if (progress && !progress(0, total)) {
        summary.cancelled = true;
        return summary;
    }

    // Phase 1, no transaction: what each row does.
    std::vector<PlannedRow> plan;
    QHash<QString, std::size_t> planned; // folded name + '\n' + phone -> index in plan
    for (int i = 0; i < total; ++i) {
        const directory::Resource resource = directory::normalised(rows[std::size_t(i)]);
        const QString key = nameKeyOf(resource) + QLatin1Char('\n') + toQString(resource.phone);
        if (const auto earlier = planned.constFind(key); earlier != planned.constEnd()) {
            PlannedRow& row = plan[*earlier];
            if (row.resource == resource) {
                ++summary.unchanged;
            } else {
                row.resource = resource;
                if (row.action == PlannedRow::Action::Unchanged)
                    row.action = PlannedRow::Action::Update;
                ++summary.updated;
            }
        } else {
            PlannedRow row;
            row.resource = resource;
            auto twin = findActiveTwin(nameKeyOf(resource), toQString(resource.phone), QString());
            if (!twin.ok())
                return twin.error();
            if (twin.value().isEmpty()) {
                ++summary.inserted;
            } else {
                auto known = read(twin.value());
                if (!known.ok())
                    return known.error();
                row.id = known.value().id;
                row.version = known.value().version;
                const bool same = directory::normalised(known.value().toResource()) == resource;
                row.action = same ? PlannedRow::Action::Unchanged : PlannedRow::Action::Update;
                ++(same ? summary.unchanged : summary.updated);
            }
            planned.insert(key, plan.size());
            plan.push_back(std::move(row));
        }
        if (progress && !progress(i + 1, total)) {
            summary = {};
            summary.cancelled = true;
            return summary;
        }
    }

    // Phase 2, one unit of work, no callbacks: the plan, or nothing.
    UnitOfWork work(m_db, m_clock, actor, Action::EditResourceDirectory, kResource);
    if (!work.ok())
        return work.error();
    const QString now = toStoredTime(m_clock.now());
    const StoreError changedMeanwhile =
        conflict(QStringLiteral("the directory was changed during the import; import the file again"));
    for (const PlannedRow& row : plan) {
        switch (row.action) {
        case PlannedRow::Action::Insert: {
            auto twin = findActiveTwin(nameKeyOf(row.resource), toQString(row.resource.phone), QString());
            if (!twin.ok())
                return twin.error();
            if (!twin.value().isEmpty())
                return changedMeanwhile;
            const QString id = toQString(newRecordId(m_clock.now()));
            if (StoreError error = insertRow(id, row.resource, now))
                return error;
            if (StoreError error = work.changed(audit::Create, kResource, id, 1))
                return error;
            break;
        }
        case PlannedRow::Action::Update:
            if (StoreError error = updateRow(row.id, row.version, row.resource, now))
                return error.code == StoreErrorCode::Conflict ? changedMeanwhile : error;
            if (StoreError error = work.changed(audit::Update, kResource, row.id, row.version + 1))
                return error;
            break;
        case PlannedRow::Action::Unchanged:
            break;
        }
    }
    const QString counts = QStringLiteral("rows=%1;inserted=%2;updated=%3;unchanged=%4")
                               .arg(total)
                               .arg(summary.inserted)
                               .arg(summary.updated)
                               .arg(summary.unchanged);
    if (StoreError error = work.audit(kImport, kResource, counts))
        return error;
    if (StoreError error = work.commit())
        return error;
    return summary;
}

} // namespace heart::store
