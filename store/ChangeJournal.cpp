#include "store/ChangeJournal.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/StoreTime.h"

#include <QVariant>
#include <algorithm>
#include <optional>

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
    // Up to kBatch rows a statement (an import journals thousands at once).
    constexpr qsizetype kBatch = 50;
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?)");
    for (qsizetype done = 0; done < changes.size();) {
        const qsizetype count = std::min(kBatch, changes.size() - done);
        const QString sql = QStringLiteral("INSERT INTO change_journal (seq, record_type, record_id, "
                                           "version, action, user_id, workstation, changed_at) VALUES ") +
                            QList<QString>(count, row).join(QStringLiteral(", "));
        // One statement a batch, freed before the next (a failed one alone is
        // left to free in the aborted transaction).
        QSqlQuery insert = m_db.prepare(sql);
        int bound = 0;
        for (qsizetype i = done; i < done + count; ++i) {
            const RecordChange& change = changes[i];
            JournalEntry entry{++seq,  change.recordType, change.recordId,      change.version, change.action,
                               userId, workstation,       fromStoredTime(stamp)};
            insert.bindValue(bound++, entry.seq);
            insert.bindValue(bound++, entry.recordType);
            insert.bindValue(bound++, entry.recordId);
            insert.bindValue(bound++, entry.version);
            insert.bindValue(bound++, entry.action);
            insert.bindValue(bound++, entry.userId.isNull() ? QStringLiteral("") : entry.userId);
            insert.bindValue(bound++, entry.workstation.isNull() ? QStringLiteral("") : entry.workstation);
            insert.bindValue(bound++, stamp);
            written.append(std::move(entry));
        }
        if (StoreError error = m_db.exec(insert, "append journal row"))
            return error;
        done += count;
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
