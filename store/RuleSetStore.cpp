#include "store/RuleSetStore.h"

#include "core/Uuid.h"
#include "core/routing/RuleSetJson.h"
#include "store/Database.h"
#include "store/RoutingData.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

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
    if (StoreError error =
            work.changed(replacing ? audit::Update : audit::Create, kRecordType, stored.id, stored.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return stored;
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
