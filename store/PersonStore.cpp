#include "store/PersonStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>
#include <algorithm>

namespace heart::store {
namespace {

const QString kPerson = QStringLiteral("person");
const QString kAllPeople = QStringLiteral("*"); // a search names no one
constexpr int kMaxMatches = 50;
constexpr int kMaxNameWords = 8;

const QString kMatchName = QStringLiteral("name");
const QString kMatchAlias = QStringLiteral("alias");
const QString kMatchDateOfBirth = QStringLiteral("date_of_birth");
const QString kMatchPhone = QStringLiteral("phone");

// The person's columns, then how many calls are linked and when the last one came in.
const QString kPersonColumns = QStringLiteral(
    "p.id, p.version, p.given_name, p.family_name, p.date_of_birth, p.approximate_age, p.phone, p.language, "
    "p.description, (SELECT COUNT(*) FROM calls c WHERE c.person_id = p.id) AS call_count, "
    "(SELECT MAX(c.received_at) FROM calls c WHERE c.person_id = p.id) AS last_call");
constexpr int kPersonColumnCount = 11;

QVariant nullText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

StoreError invalid(const QString& detail, const QString& field)
{
    return StoreError::make(StoreErrorCode::InvalidInput, detail, field);
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
    return QLatin1Char('%') + escapeLike(text.toLower()) + QLatin1Char('%');
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Trimmed, without empty or repeated (ignoring case) entries, in alphabetical order.
QStringList normalisedAliases(const QStringList& aliases)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString& alias : aliases) {
        const QString trimmed = alias.trimmed();
        if (trimmed.isEmpty() || seen.contains(trimmed.toLower()))
            continue;
        seen.insert(trimmed.toLower());
        result.append(trimmed);
    }
    std::sort(result.begin(), result.end(), [](const QString& a, const QString& b) {
        const int folded = QString::compare(a, b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    return result;
}

PersonRecord normalised(const PersonRecord& input)
{
    PersonRecord person = input;
    person.givenName = person.givenName.trimmed();
    person.familyName = person.familyName.trimmed();
    person.aliases = normalisedAliases(person.aliases);
    person.phone = person.phone.trimmed();
    person.language = person.language.trimmed();
    return person;
}

StoreError validate(const PersonRecord& person)
{
    if (person.givenName.isEmpty() && person.familyName.isEmpty() && person.aliases.isEmpty())
        return StoreError::make(StoreErrorCode::RequiredMissing,
                                QStringLiteral("a person needs a given name, a family name or an alias"),
                                QStringLiteral("name"));
    if (person.approximateAge && (*person.approximateAge < 0 || *person.approximateAge > 130))
        return invalid(QStringLiteral("the approximate age is out of range"),
                       QStringLiteral("approximateAge"));
    return {};
}

// The columns of kPersonColumns, from `first` on.
PersonMatch readMatch(const QSqlQuery& row, int first = 0)
{
    PersonMatch match;
    PersonRecord& p = match.person;
    int c = first;
    p.id = row.value(c++).toString();
    p.version = row.value(c++).toInt();
    p.givenName = row.value(c++).toString();
    p.familyName = row.value(c++).toString();
    p.dateOfBirth = QDate::fromString(row.value(c++).toString(), Qt::ISODate);
    if (const QVariant age = row.value(c++); !age.isNull())
        p.approximateAge = age.toInt();
    p.phone = row.value(c++).toString();
    p.language = row.value(c++).toString();
    p.description = row.value(c++).toString();
    match.calls = row.value(c++).toInt();
    if (const QVariant last = row.value(c++); !last.isNull())
        match.lastCall = fromStoredTime(last.toString());
    return match;
}

// Fills in the aliases of these people, with one query.
StoreError loadAliases(Database& db, QList<PersonMatch>& matches)
{
    if (matches.isEmpty())
        return {};
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT person_id, alias FROM person_aliases WHERE person_id IN (") +
                   placeholders(matches.size()) + QStringLiteral(")"));
    for (const PersonMatch& match : matches)
        query.addBindValue(match.person.id);
    if (StoreError error = db.exec(query, "read aliases"))
        return error;
    QHash<QString, QStringList> aliases;
    while (query.next())
        aliases[query.value(0).toString()].append(query.value(1).toString());
    for (PersonMatch& match : matches)
        match.person.aliases = normalisedAliases(aliases.value(match.person.id));
    return {};
}

// Best first: more criteria matched, then the most recent call, then by name.
void rank(QList<PersonMatch>& matches)
{
    std::stable_sort(matches.begin(), matches.end(), [](const PersonMatch& a, const PersonMatch& b) {
        const auto criteria = [](const PersonMatch& m) {
            // A name and an alias hit are one criterion: the name typed.
            const bool named = m.matchedOn.contains(kMatchName) || m.matchedOn.contains(kMatchAlias);
            return int(named) + int(m.matchedOn.contains(kMatchDateOfBirth)) +
                   int(m.matchedOn.contains(kMatchPhone));
        };
        if (criteria(a) != criteria(b))
            return criteria(a) > criteria(b);
        if (a.lastCall != b.lastCall)
            return a.lastCall.isValid() && (!b.lastCall.isValid() || a.lastCall > b.lastCall);
        if (const int family =
                QString::compare(a.person.familyName, b.person.familyName, Qt::CaseInsensitive))
            return family < 0;
        if (const int given = QString::compare(a.person.givenName, b.person.givenName, Qt::CaseInsensitive))
            return given < 0;
        return a.person.id < b.person.id;
    });
    if (matches.size() > kMaxMatches)
        matches.resize(kMaxMatches);
}

// Lower-cased whole names a person goes by: given, family, both, and each alias.
QSet<QString> wholeNames(const PersonRecord& p)
{
    QSet<QString> names;
    for (const QString& name : {p.givenName, p.familyName}) {
        if (!name.trimmed().isEmpty())
            names.insert(name.trimmed().toLower());
    }
    if (!p.givenName.trimmed().isEmpty() && !p.familyName.trimmed().isEmpty())
        names.insert((p.givenName.trimmed() + QLatin1Char(' ') + p.familyName.trimmed()).toLower());
    return names;
}

QSet<QString> lowerAliases(const PersonRecord& p)
{
    QSet<QString> aliases;
    for (const QString& alias : p.aliases) {
        if (!alias.trimmed().isEmpty())
            aliases.insert(alias.trimmed().toLower());
    }
    return aliases;
}

// Words of two or more letters in any of the person's names ("Lopez-Garcia" gives two).
QSet<QString> nameParts(const PersonRecord& p)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\-,.]+"));
    QSet<QString> parts;
    QStringList names = p.aliases;
    names << p.givenName << p.familyName;
    for (const QString& name : names) {
        for (const QString& part : name.toLower().split(separators, Qt::SkipEmptyParts)) {
            if (part.size() >= 2)
                parts.insert(part);
        }
    }
    return parts;
}

StoreError writeAliases(Database& db, const PersonRecord& person)
{
    for (const QString& alias : person.aliases) {
        QSqlQuery insert =
            db.prepare(QStringLiteral("INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)"));
        insert.addBindValue(person.id);
        insert.addBindValue(alias);
        if (StoreError error = db.exec(insert, "insert alias"))
            return error;
    }
    return {};
}

} // namespace

StoreResult<QList<PersonMatch>> PersonStore::search(const Actor& actor, const PersonQuery& query)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kPerson))
        return error;
    // A name of fewer than two letters would match nearly everyone: no criterion.
    const QString name = query.name.trimmed();
    const bool byName = name.size() >= 2;
    const bool byDate = query.dateOfBirth.isValid();
    const QString phone = query.phone.trimmed();
    const bool byPhone = !phone.isEmpty();
    if (!byName && !byDate && !byPhone)
        return StoreError::make(StoreErrorCode::RequiredMissing,
                                QStringLiteral("a search needs a name, a date of birth or a phone number"),
                                QStringLiteral("query"));
    // One row naming no one: the query itself is never written anywhere.
    if (StoreError error = m_audit.record(actor, {audit::Search, kPerson, kAllPeople}))
        return error;

    QVariantList values;
    QString nameMatch = QStringLiteral("0");
    QString aliasMatch = QStringLiteral("0");
    if (byName) {
        // Every word typed is part of the given or the family name ("maria lop").
        QStringList words = name.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (words.size() > kMaxNameWords)
            words.resize(kMaxNameWords);
        QStringList conditions;
        for (const QString& word : words) {
            conditions.append(QStringLiteral("(LOWER(COALESCE(p.given_name, '')) LIKE ? ESCAPE '!' OR "
                                             "LOWER(COALESCE(p.family_name, '')) LIKE ? ESCAPE '!')"));
            values << containsPattern(word) << containsPattern(word);
        }
        nameMatch = QStringLiteral("CASE WHEN ") + conditions.join(QStringLiteral(" AND ")) +
                    QStringLiteral(" THEN 1 ELSE 0 END");
        aliasMatch =
            QStringLiteral("CASE WHEN EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id "
                           "AND LOWER(a.alias) LIKE ? ESCAPE '!') THEN 1 ELSE 0 END");
        values << containsPattern(name);
    }
    QString dateMatch = QStringLiteral("0");
    if (byDate) {
        dateMatch = QStringLiteral("CASE WHEN p.date_of_birth = ? THEN 1 ELSE 0 END");
        values << query.dateOfBirth.toString(Qt::ISODate);
    }
    QString phoneMatch = QStringLiteral("0");
    if (byPhone) {
        phoneMatch = QStringLiteral("CASE WHEN p.phone = ? THEN 1 ELSE 0 END");
        values << phone;
    }
    // NULLs sort first on PostgreSQL and last on SQLite: order by the empty text instead.
    QSqlQuery select = m_db.prepare(
        QStringLiteral(
            "SELECT id, version, given_name, family_name, date_of_birth, approximate_age, phone, language, "
            "description, call_count, last_call, m_name, m_alias, m_dob, m_phone FROM (SELECT ") +
        kPersonColumns + QStringLiteral(", ") + nameMatch + QStringLiteral(" AS m_name, ") + aliasMatch +
        QStringLiteral(" AS m_alias, ") + dateMatch + QStringLiteral(" AS m_dob, ") + phoneMatch +
        QStringLiteral(" AS m_phone FROM people p) s WHERE m_name + m_alias + m_dob + m_phone > 0 "
                       "ORDER BY CASE WHEN m_name + m_alias > 0 THEN 1 ELSE 0 END + m_dob + m_phone DESC, "
                       "COALESCE(last_call, '') DESC, LOWER(COALESCE(family_name, '')), "
                       "LOWER(COALESCE(given_name, '')), id LIMIT ") +
        QString::number(kMaxMatches));
    for (const QVariant& value : values)
        select.addBindValue(value);
    if (StoreError error = m_db.exec(select, "search people"))
        return error;
    QList<PersonMatch> matches;
    while (select.next()) {
        PersonMatch match = readMatch(select);
        const QString reasons[] = {kMatchName, kMatchAlias, kMatchDateOfBirth, kMatchPhone};
        for (int i = 0; i < 4; ++i) {
            if (select.value(kPersonColumnCount + i).toInt() != 0)
                match.matchedOn.append(reasons[i]);
        }
        matches.append(match);
    }
    if (StoreError error = loadAliases(m_db, matches))
        return error;
    rank(matches); // the same order on both engines, whatever their collations
    return matches;
}

StoreResult<PersonRecord> PersonStore::create(const Actor& actor, const PersonRecord& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kPerson);
    if (!work.ok())
        return work.error();
    PersonRecord person = normalised(input);
    if (StoreError error = validate(person))
        return error;
    person.id = toQString(newRecordId(m_clock.now()));
    person.version = 1;
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO people (id, given_name, family_name, date_of_birth, approximate_age, language, phone, "
        "description, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    insert.addBindValue(person.id);
    insert.addBindValue(nullText(person.givenName));
    insert.addBindValue(nullText(person.familyName));
    insert.addBindValue(person.dateOfBirth.isValid() ? QVariant(person.dateOfBirth.toString(Qt::ISODate))
                                                     : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(person.approximateAge ? QVariant(*person.approximateAge)
                                              : QVariant(QMetaType::fromType<int>()));
    insert.addBindValue(nullText(person.language));
    insert.addBindValue(nullText(person.phone));
    insert.addBindValue(nullText(person.description));
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (StoreError error = m_db.exec(insert, "insert person"))
        return error;
    if (StoreError error = writeAliases(m_db, person))
        return error;
    if (StoreError error = work.changed(audit::Create, kPerson, person.id, person.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return person;
}

StoreResult<PersonRecord> PersonStore::update(const Actor& actor, const PersonRecord& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::TakeCall, kPerson, input.id);
    if (!work.ok())
        return work.error();
    PersonRecord person = normalised(input);
    if (StoreError error = validate(person))
        return error;
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE people SET given_name = ?, family_name = ?, date_of_birth = ?, approximate_age = ?, language "
        "= ?, "
        "phone = ?, description = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    update.addBindValue(nullText(person.givenName));
    update.addBindValue(nullText(person.familyName));
    update.addBindValue(person.dateOfBirth.isValid() ? QVariant(person.dateOfBirth.toString(Qt::ISODate))
                                                     : QVariant(QMetaType::fromType<QString>()));
    update.addBindValue(person.approximateAge ? QVariant(*person.approximateAge)
                                              : QVariant(QMetaType::fromType<int>()));
    update.addBindValue(nullText(person.language));
    update.addBindValue(nullText(person.phone));
    update.addBindValue(nullText(person.description));
    update.addBindValue(toStoredTime(m_clock.now()));
    update.addBindValue(person.id);
    update.addBindValue(person.version);
    if (StoreError error = m_db.exec(update, "update person"))
        return error;
    if (update.numRowsAffected() != 1) {
        QSqlQuery exists = m_db.prepare(QStringLiteral("SELECT 1 FROM people WHERE id = ?"));
        exists.addBindValue(person.id);
        if (StoreError error = m_db.exec(exists, "find person"))
            return error;
        if (!exists.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such person"));
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the person record was changed meanwhile"));
    }
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM person_aliases WHERE person_id = ?"));
    clear.addBindValue(person.id);
    if (StoreError error = m_db.exec(clear, "clear aliases"))
        return error;
    if (StoreError error = writeAliases(m_db, person))
        return error;
    ++person.version;
    if (StoreError error = work.changed(audit::Update, kPerson, person.id, person.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return person;
}

StoreResult<PersonHistory> PersonStore::history(const Actor& actor, const QString& personId)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kPerson, personId))
        return error;
    QSqlQuery select = m_db.prepare(QStringLiteral("SELECT ") + kPersonColumns +
                                    QStringLiteral(" FROM people p WHERE p.id = ?"));
    select.addBindValue(personId);
    if (StoreError error = m_db.exec(select, "read person"))
        return error;
    if (!select.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such person"));
    QList<PersonMatch> found{readMatch(select)};
    if (StoreError error = loadAliases(m_db, found))
        return error;
    auto calls = IntakeStore::callsOfPerson(m_db, personId);
    if (!calls.ok())
        return calls.error();
    // No record without the audit row that says who opened it.
    if (StoreError error = m_audit.record(actor, {audit::Open, kPerson, personId}))
        return error;
    return PersonHistory{found.first().person, calls.value()};
}

StoreResult<QList<PersonMatch>> PersonStore::possibleDuplicates(const Actor& actor, const PersonRecord& input)
{
    if (StoreError error = m_audit.require(actor, Action::OpenPersonRecord, kPerson))
        return error;
    const PersonRecord person = normalised(input);
    const QSet<QString> names = wholeNames(person);
    const QSet<QString> aliases = lowerAliases(person);

    // Candidates by SQL, then the exact rules below (names compared in full Unicode case).
    QStringList conditions;
    QVariantList values;
    if (!person.phone.isEmpty()) {
        conditions.append(QStringLiteral("p.phone = ?"));
        values << person.phone;
    }
    if (person.dateOfBirth.isValid()) {
        conditions.append(QStringLiteral("p.date_of_birth = ?"));
        values << person.dateOfBirth.toString(Qt::ISODate);
    }
    if (!names.isEmpty()) {
        conditions.append(
            QStringLiteral("EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id AND "
                           "LOWER(a.alias) IN (") +
            placeholders(names.size()) + QStringLiteral("))"));
        for (const QString& name : names)
            values << name;
    }
    if (!aliases.isEmpty()) {
        for (const char* column :
             {"LOWER(p.given_name)", "LOWER(p.family_name)",
              "LOWER(COALESCE(p.given_name, '') || ' ' || COALESCE(p.family_name, ''))"}) {
            conditions.append(QLatin1String(column) + QStringLiteral(" IN (") + placeholders(aliases.size()) +
                              QStringLiteral(")"));
            for (const QString& alias : aliases)
                values << alias;
        }
    }
    if (conditions.isEmpty())
        return QList<PersonMatch>{};
    // Suggesting who else someone may be shows other people's records: a search.
    if (StoreError error = m_audit.record(actor, {audit::Search, kPerson, kAllPeople}))
        return error;

    QSqlQuery select = m_db.prepare(QStringLiteral("SELECT ") + kPersonColumns +
                                    QStringLiteral(" FROM people p WHERE p.id <> ? AND (") +
                                    conditions.join(QStringLiteral(" OR ")) + QStringLiteral(")"));
    select.addBindValue(person.id.isEmpty() ? QStringLiteral("") : person.id);
    for (const QVariant& value : values)
        select.addBindValue(value);
    if (StoreError error = m_db.exec(select, "find possible duplicates"))
        return error;
    QList<PersonMatch> candidates;
    while (select.next())
        candidates.append(readMatch(select));
    if (StoreError error = loadAliases(m_db, candidates))
        return error;

    const QSet<QString> parts = nameParts(person);
    QList<PersonMatch> matches;
    for (PersonMatch& candidate : candidates) {
        const PersonRecord& other = candidate.person;
        if (!person.phone.isEmpty() && other.phone == person.phone)
            candidate.matchedOn.append(kMatchPhone);
        if (person.dateOfBirth.isValid() && other.dateOfBirth == person.dateOfBirth &&
            parts.intersects(nameParts(other))) {
            candidate.matchedOn.append(kMatchDateOfBirth);
            candidate.matchedOn.append(kMatchName);
        }
        if (lowerAliases(other).intersects(names) || wholeNames(other).intersects(aliases))
            candidate.matchedOn.append(kMatchAlias);
        if (!candidate.matchedOn.isEmpty())
            matches.append(candidate);
    }
    rank(matches);
    return matches;
}

} // namespace heart::store
