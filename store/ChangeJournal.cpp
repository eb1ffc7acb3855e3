#include "store/ChangeJournal.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QVariant>

namespace heart::store {

StoreResult<QList<JournalEntry>> ChangeJournal::append(const QList<RecordChange>& changes,
                                                       const QString& userId, const QString& workstation,
                                                       const QDateTime& at)
{
    QList<JournalEntry> written;
    if (changes.isEmpty())
        return written;
    // The audit chain's lock (a no-op on SQLite, whose BEGIN IMMEDIATE is the
    // only writer's lock): held until this transaction commits or rolls back.
    if (const QString lock = m_db.dialect().lockAuditChain(); !lock.isEmpty()) {
        if (StoreError error = m_db.execDirect(lock, "lock change journal"))
            return error;
    }
    qint64 seq = 0;
    {
        QSqlQuery last = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_journal"));
        if (StoreError error = m_db.exec(last, "read journal head"))
            return error;
        if (last.next())
            seq = last.value(0).toLongLong();
    }
    const QString stamp = toStoredTime(at);
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO change_journal (seq, record_type, record_id, "
                                                   "version, action, user_id, workstation, changed_at) "
                                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const RecordChange& change : changes) {
        JournalEntry entry{++seq,  change.recordType, change.recordId,      change.version, change.action,
                           userId, workstation,       fromStoredTime(stamp)};
        insert.bindValue(0, entry.seq);
        insert.bindValue(1, entry.recordType);
        insert.bindValue(2, entry.recordId);
        insert.bindValue(3, entry.version);
        insert.bindValue(4, entry.action);
        insert.bindValue(5, entry.userId.isNull() ? QStringLiteral("") : entry.userId);
        insert.bindValue(6, entry.workstation.isNull() ? QStringLiteral("") : entry.workstation);
        insert.bindValue(7, stamp);
        if (StoreError error = m_db.exec(insert, "append journal row"))
            return error;
        written.append(std::move(entry));
    }
    // Sent at commit, never for a rollback; the payload is only a hint (the
    // listeners read the journal after their own last sequence).
    if (const QString notify = m_db.dialect().notifyJournal(); !notify.isEmpty()) {
        QSqlQuery query = m_db.prepare(notify);
        query.addBindValue(QString::fromLatin1(ChangeFeed::kChannel));
        query.addBindValue(QString::number(seq));
        if (StoreError error = m_db.exec(query, "notify journal"))
            return error;
    }
    return written;
}

StoreResult<QList<JournalEntry>> ChangeJournal::after(qint64 afterSeq, int limit)
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT seq, record_type, record_id, version, action, user_id, workstation, changed_at "
        "FROM change_journal WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (StoreError error = m_db.exec(query, "read journal"))
        return error;
    QList<JournalEntry> rows;
    while (query.next()) {
        rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toInt(), query.value(4).toString(), query.value(5).toString(),
                     query.value(6).toString(), fromStoredTime(query.value(7).toString())});
    }
    return rows;
}

StoreResult<qint64> ChangeJournal::lastSeq()
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_journal"));
    if (StoreError error = m_db.exec(query, "read journal head"))
        return error;
    return query.next() ? query.value(0).toLongLong() : qint64{0};
}

} // namespace heart::store
