#include "store/DraftStore.h"

#include "core/Uuid.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QVariant>

namespace heart::store {

StoreError DraftStore::save(const Actor& actor, const QString& form, const QString& content)
{
    // A draft is the actor's own: no permission to ask, as for the own account.
    UnitOfWork work(m_db, m_clock, actor, UnitOfWork::OwnAccount{});
    if (!work.ok())
        return work.error();
    QSqlQuery existing = m_db.prepare(QStringLiteral("SELECT id FROM drafts WHERE user_id = ? AND form = ?"));
    existing.addBindValue(actor.userId());
    existing.addBindValue(form);
    if (StoreError error = m_db.exec(existing, "find draft"))
        return error;
    QString id = existing.next() ? existing.value(0).toString() : QString();
    existing.finish();
    const bool created = id.isEmpty();
    if (created)
        id = toQString(newRecordId(m_clock.now()));
    QSqlQuery upsert = m_db.prepare(
        QStringLiteral("INSERT INTO drafts (id, user_id, form, content, saved_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (user_id, form) DO UPDATE SET content = excluded.content, saved_at = "
                       "excluded.saved_at"));
    upsert.addBindValue(id);
    upsert.addBindValue(actor.userId());
    upsert.addBindValue(form);
    upsert.addBindValue(content);
    upsert.addBindValue(toStoredTime(m_clock.now()));
    if (StoreError error = m_db.exec(upsert, "save draft"))
        return error;
    // Drafts carry no version column: 1.
    if (StoreError error =
            work.changed(created ? audit::Create : audit::Update, QStringLiteral("draft"), id, 1))
        return error;
    return work.commit();
}

StoreResult<QMap<QString, QString>> DraftStore::load(const Actor& actor)
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT form, content FROM drafts WHERE user_id = ?"));
    query.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(query, "load drafts"))
        return error;
    QMap<QString, QString> drafts;
    while (query.next())
        drafts.insert(query.value(0).toString(), query.value(1).toString());
    return drafts;
}

StoreResult<QList<Draft>> DraftStore::list(const Actor& actor, const QString& formPrefix)
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT form, content, saved_at FROM drafts WHERE user_id = ? "
                                    "ORDER BY saved_at DESC, form"));
    query.addBindValue(actor.userId());
    if (StoreError error = m_db.exec(query, "list drafts"))
        return error;
    QList<Draft> drafts;
    while (query.next()) {
        const QString form = query.value(0).toString();
        if (form.startsWith(formPrefix))
            drafts.append({form, query.value(1).toString(), fromStoredTime(query.value(2).toString())});
    }
    return drafts;
}

StoreError DraftStore::discard(const Actor& actor, const QString& form)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM drafts WHERE user_id = ? AND form = ?"));
    remove.addBindValue(actor.userId());
    remove.addBindValue(form);
    return m_db.exec(remove, "discard draft");
}

} // namespace heart::store
