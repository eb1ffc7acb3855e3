#include "store/RuleSetStore.h"

#include "core/Uuid.h"
#include "core/routing/RuleSetJson.h"
#include "store/Database.h"
#include "store/RoutingData.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QFile>
#include <QFileInfo>
#include <QVariant>

namespace heart::store {

namespace {

const QString kRecordType = QStringLiteral("rule_set");

QString isoDate(std::chrono::year_month_day date)
{
    return QString::fromStdString(routing::formatDate(date));
}

StoreError invalid(const DataError& error)
{
    return StoreError::make(StoreErrorCode::InvalidInput, QString::fromStdString(error.toString()),
                            QString::fromStdString(error.location));
}

} // namespace

StoreResult<StoredRuleSet> RuleSetStore::importRuleSet(const Actor& actor, const QByteArray& json,
                                                       const QString& sourceName)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageSettings, kRecordType);
    if (!work.ok())
        return work.error();
    auto parsed = routing::parseRuleSet(std::string_view(json.constData(), std::size_t(json.size())),
                                        sourceName.toStdString());
    if (!parsed)
        return invalid(parsed.error());
    const routing::RuleSet& set = parsed.value();
    const QString key = QString::fromStdString(set.id);
    const QString effective = isoDate(set.effectiveFrom);

    QSqlQuery clash = m_db.prepare(
        QStringLiteral("SELECT rule_set_key FROM rule_sets WHERE effective_from = ? AND rule_set_key <> ?"));
    clash.addBindValue(effective);
    clash.addBindValue(key);
    if (StoreError error = m_db.exec(clash, "check rule set date"))
        return error;
    if (clash.next()) {
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("%1: the rule set \"%2\" takes effect on %3 already")
                                    .arg(sourceName, clash.value(0).toString(), effective),
                                QStringLiteral("effectiveFrom"));
    }
    QSqlQuery existing =
        m_db.prepare(QStringLiteral("SELECT id, version FROM rule_sets WHERE rule_set_key = ?"));
    existing.addBindValue(key);
    if (StoreError error = m_db.exec(existing, "find rule set"))
        return error;
    StoredRuleSet stored{
        {}, key, QString::fromStdString(set.name), QDate::fromString(effective, Qt::ISODate), sourceName, 1};
    const QString now = toStoredTime(m_clock.now());
    const bool replacing = existing.next();
    if (replacing) {
        stored.id = existing.value(0).toString();
        stored.version = existing.value(1).toInt() + 1;
        auto used = callsDecidedUnder(key);
        if (!used.ok())
            return used.error();
        if (used.value() > 0)
            return StoreError::make(
                StoreErrorCode::InvalidInput,
                QStringLiteral("%1: the rule set \"%2\" decided %3 stored calls and is never "
                               "replaced: import the change under a new id")
                    .arg(sourceName, key)
                    .arg(used.value()),
                QStringLiteral("id"));
    } else {
        stored.id = QString::fromStdString(newRecordId(m_clock.now()));
    }
    QSqlQuery write = m_db.prepare(
        replacing
            ? QStringLiteral(
                  "UPDATE rule_sets SET name = ?, effective_from = ?, document = ?, source_name = ?, "
                  "updated_at = ?, version = ? WHERE id = ?")
            : QStringLiteral(
                  "INSERT INTO rule_sets (rule_set_key, name, effective_from, document, "
                  "source_name, created_at, updated_at, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (replacing) {
        write.addBindValue(stored.name);
        write.addBindValue(effective);
        write.addBindValue(QString::fromUtf8(json));
        write.addBindValue(sourceName);
        write.addBindValue(now);
        write.addBindValue(stored.version);
        write.addBindValue(stored.id);
    } else {
        write.addBindValue(key);
        write.addBindValue(stored.name);
        write.addBindValue(effective);
        write.addBindValue(QString::fromUtf8(json));
        write.addBindValue(sourceName);
        write.addBindValue(now);
        write.addBindValue(now);
        write.addBindValue(1);
        write.addBindValue(stored.id);
    }
    if (StoreError error = m_db.exec(write, "write rule set"))
        return error;
    if (StoreError error = writeVersion(stored, json, {}, actor))
        return error;
    if (StoreError error =
            work.changed(replacing ? audit::Update : audit::Create, kRecordType, stored.id, stored.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreError RuleSetStore::writeVersion(const StoredRuleSet& stored, const QByteArray& json,
                                      const QString& basedOn, const Actor& actor)
{
    QSqlQuery write = m_db.prepare(QStringLiteral(
        "INSERT INTO rule_set_versions (rule_set_id, version, rule_set_key, effective_from, document, "
        "source_name, based_on, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    write.addBindValue(stored.id);
    write.addBindValue(stored.version);
    write.addBindValue(stored.key);
    write.addBindValue(stored.effectiveFrom.toString(Qt::ISODate));
    write.addBindValue(QString::fromUtf8(json));
    write.addBindValue(stored.sourceName);
    write.addBindValue(basedOn.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(basedOn));
    write.addBindValue(toStoredTime(m_clock.now()));
    write.addBindValue(actor.userId());
    return m_db.exec(write, "keep the rule set version");
}

StoreResult<StoredRuleSet> RuleSetStore::saveNewVersion(const Actor& actor, const QByteArray& json,
                                                        const QString& basedOnKey)
{
    UnitOfWork work(m_db, m_clock, actor, Action::ManageSettings, kRecordType);
    if (!work.ok())
        return work.error();
    const QString sourceName = QStringLiteral("editor");
    auto parsed = routing::parseRuleSet(std::string_view(json.constData(), std::size_t(json.size())),
                                        sourceName.toStdString());
    if (!parsed)
        return invalid(parsed.error());
    const routing::RuleSet& set = parsed.value();
    const QString key = QString::fromStdString(set.id);
    const QString effective = isoDate(set.effectiveFrom);

    // Future only: the program's local date now, in the rule set's own zone.
    const std::chrono::year_month_day today = set.zone.toLocal(m_clock.now()).date;
    if (std::chrono::sys_days{set.effectiveFrom} <= std::chrono::sys_days{today})
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("a new version takes effect after today (%1), not on %2")
                                    .arg(isoDate(today), effective),
                                QStringLiteral("effectiveFrom"));

    // While the shipped rules apply, they are stored first as they are: the
    // rule book then holds them and the new version, so every call before
    // the new date is decided as before.
    QSqlQuery any = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM rule_sets"));
    if (StoreError error = m_db.exec(any, "count rule sets"))
        return error;
    if (any.next() && any.value(0).toInt() == 0) {
        for (const QString& file : builtInRuleSetFiles()) {
            QFile shipped(file);
            if (!shipped.open(QIODevice::ReadOnly))
                return StoreError::make(StoreErrorCode::FileUnreadable, file);
            auto imported = importRuleSet(actor, shipped.readAll(),
                                          QStringLiteral("shipped:%1").arg(QFileInfo(file).fileName()));
            if (!imported.ok())
                return imported.error();
        }
    }

    QSqlQuery base = m_db.prepare(QStringLiteral("SELECT id FROM rule_sets WHERE rule_set_key = ?"));
    base.addBindValue(basedOnKey);
    if (StoreError error = m_db.exec(base, "find the rule set a version is made from"))
        return error;
    if (!base.next())
        return StoreError::make(
            StoreErrorCode::InvalidInput,
            QStringLiteral("there is no stored rule set \"%1\" to make a version from").arg(basedOnKey),
            QStringLiteral("basedOn"));

    QSqlQuery clash = m_db.prepare(
        QStringLiteral("SELECT rule_set_key FROM rule_sets WHERE effective_from = ? AND rule_set_key <> ?"));
    clash.addBindValue(effective);
    clash.addBindValue(key);
    if (StoreError error = m_db.exec(clash, "check rule set date"))
        return error;
    if (clash.next())
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("the rule set \"%1\" takes effect on %2 already")
                                    .arg(clash.value(0).toString(), effective),
                                QStringLiteral("effectiveFrom"));

    QSqlQuery existing = m_db.prepare(
        QStringLiteral("SELECT id, version, effective_from FROM rule_sets WHERE rule_set_key = ?"));
    existing.addBindValue(key);
    if (StoreError error = m_db.exec(existing, "find rule set"))
        return error;
    StoredRuleSet stored{
        {}, key, QString::fromStdString(set.name), QDate::fromString(effective, Qt::ISODate), sourceName, 1};
    const bool replacing = existing.next();
    if (replacing) {
        stored.id = existing.value(0).toString();
        stored.version = existing.value(1).toInt() + 1;
        const QDate storedFrom = QDate::fromString(existing.value(2).toString(), Qt::ISODate);
        auto used = callsDecidedUnder(key);
        if (!used.ok())
            return used.error();
        const QDate localToday(int(today.year()), int(unsigned(today.month())), int(unsigned(today.day())));
        if (storedFrom <= localToday || used.value() > 0)
            return StoreError::make(
                StoreErrorCode::InvalidInput,
                QStringLiteral("the rule set \"%1\" has been in force (from %2) and is never "
                               "edited in place: give the new version an id of its own")
                    .arg(key, storedFrom.toString(Qt::ISODate)),
                QStringLiteral("id"));
    } else {
        stored.id = QString::fromStdString(newRecordId(m_clock.now()));
    }
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery write = m_db.prepare(
        replacing ? QStringLiteral(
                        "UPDATE rule_sets SET name = ?, effective_from = ?, document = ?, source_name = ?, "
                        "updated_at = ?, version = ? WHERE id = ?")
                  : QStringLiteral("INSERT INTO rule_sets (name, effective_from, document, source_name, "
                                   "updated_at, version, id, "
                                   "rule_set_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    write.addBindValue(stored.name);
    write.addBindValue(effective);
    write.addBindValue(QString::fromUtf8(json));
    write.addBindValue(sourceName);
    write.addBindValue(now);
    write.addBindValue(stored.version);
    write.addBindValue(stored.id);
    if (!replacing) {
        write.addBindValue(key);
        write.addBindValue(now);
    }
    if (StoreError error = m_db.exec(write, "write rule set version"))
        return error;
    if (StoreError error = writeVersion(stored, json, basedOnKey, actor))
        return error;
    if (StoreError error =
            work.changed(replacing ? audit::Update : audit::Create, kRecordType, stored.id, stored.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
}

StoreResult<QByteArray> RuleSetStore::document(const QString& key)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT document FROM rule_sets WHERE rule_set_key = ?"));
    query.addBindValue(key);
    if (StoreError error = m_db.exec(query, "read rule set"))
        return error;
    if (!query.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no rule set \"%1\"").arg(key),
                                QStringLiteral("id"));
    return query.value(0).toString().toUtf8();
}

StoreResult<QList<RuleSetVersion>> RuleSetStore::versions(const QString& key)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT v.rule_set_id, v.version, v.rule_set_key, v.effective_from, v.source_name, v.based_on, "
        "v.saved_at, v.saved_by, v.document FROM rule_set_versions v JOIN rule_sets r ON r.id = "
        "v.rule_set_id "
        "WHERE r.rule_set_key = ? ORDER BY v.version"));
    query.addBindValue(key);
    if (StoreError error = m_db.exec(query, "read rule set versions"))
        return error;
    QList<RuleSetVersion> result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toInt(), query.value(2).toString(),
                       QDate::fromString(query.value(3).toString(), Qt::ISODate), query.value(4).toString(),
                       query.value(5).toString(), query.value(6).toString(), query.value(7).toString(),
                       query.value(8).toString().toUtf8()});
    }
    return result;
}

routing::CallFacts CallRoutingFacts::facts() const
{
    routing::CallFacts facts;
    facts.callType = callType;
    facts.beat = beat;
    facts.flags = flags;
    facts.position = position;
    facts.received = received;
    facts.risk = risk;
    return facts;
}

StoreResult<std::vector<CallRoutingFacts>> RuleSetStore::callFactsSince(TimePoint since)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT call_type, beat, flags, latitude, longitude, received_at, risk_level FROM calls "
        "WHERE received_at >= ? ORDER BY received_at"));
    query.addBindValue(toStoredTime(since));
    if (StoreError error = m_db.exec(query, "read calls for an impact preview"))
        return error;
    std::vector<CallRoutingFacts> calls;
    while (query.next()) {
        CallRoutingFacts call;
        call.callType = query.value(0).toString().toStdString();
        call.beat = query.value(1).toString().toStdString();
        for (const QString& code : query.value(2).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (const auto flag = routing::flagFromCode(code.toStdString()))
                call.flags.set(*flag);
        }
        if (!query.value(3).isNull() && !query.value(4).isNull())
            call.position = geo::GeoPoint{query.value(4).toDouble(), query.value(3).toDouble()};
        call.received = toTimePoint(fromStoredTime(query.value(5).toString()));
        if (const auto risk = routing::riskFromCode(query.value(6).toString().toStdString()))
            call.risk = *risk;
        calls.push_back(std::move(call));
    }
    return calls;
}

StoreResult<int> RuleSetStore::callsDecidedUnder(const QString& key)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM calls WHERE rule_set_id = ?"));
    query.addBindValue(key);
    if (StoreError error = m_db.exec(query, "count calls under a rule set"))
        return error;
    return query.next() ? query.value(0).toInt() : 0;
}

StoreResult<QList<StoredRuleSet>> RuleSetStore::list()
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT id, rule_set_key, name, effective_from, source_name, version "
                                    "FROM rule_sets ORDER BY effective_from"));
    if (StoreError error = m_db.exec(query, "list rule sets"))
        return error;
    QList<StoredRuleSet> result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                       QDate::fromString(query.value(3).toString(), Qt::ISODate), query.value(4).toString(),
                       query.value(5).toInt()});
    }
    return result;
}

StoreResult<routing::RuleBook> RuleSetStore::ruleBook()
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT rule_set_key, document FROM rule_sets ORDER BY effective_from"));
    if (StoreError error = m_db.exec(query, "read rule sets"))
        return error;
    routing::RuleBook book;
    while (query.next()) {
        const QByteArray document = query.value(1).toString().toUtf8();
        auto set = routing::parseRuleSet(std::string_view(document.constData(), std::size_t(document.size())),
                                         "rule_sets:" + query.value(0).toString().toStdString());
        if (!set)
            return invalid(set.error()); // a row edited by hand outside HEART Desk
        if (auto added = book.add(std::move(set).value()); !added)
            return StoreError::make(StoreErrorCode::InvalidInput,
                                    QString::fromStdString(added.error().detail));
    }
    if (!book.empty())
        return book;
    auto builtIn = builtInRuleBook();
    if (!builtIn)
        return invalid(builtIn.error());
    return std::move(builtIn).value();
}

} // namespace heart::store
