#include "store/UnitOfWork.h"

#include "store/Database.h"
#include "store/StoreTime.h"

namespace heart::store {

UnitOfWork::UnitOfWork(Database& db, const Clock& clock, const Actor& actor, Action action,
                       const QString& recordType, const QString& recordId)
    : m_db(db), m_clock(clock), m_actor(actor), m_audit(db, clock)
{
    m_outer = m_db.m_openWork;
    if ((m_error = m_audit.require(actor, action, recordType, recordId)))
        return;
    begin();
}

UnitOfWork::UnitOfWork(Database& db, const Clock& clock, const Actor& actor, OwnAccount)
    : m_db(db), m_clock(clock), m_actor(actor), m_audit(db, clock)
{
    m_outer = m_db.m_openWork;
    begin();
}

void UnitOfWork::begin()
{
    m_tx.emplace(m_db);
    if (m_tx->beginError()) {
        m_error = m_tx->beginError();
        m_tx.reset();
        return;
    }
    if (!m_outer)
        m_db.m_openWork = this;
}

UnitOfWork::~UnitOfWork()
{
    // An uncommitted inner unit dooms the outer one (SqlTransaction does it).
    m_tx.reset();
    if (m_db.m_openWork == this)
        m_db.m_openWork = nullptr;
}

const QList<RecordChange>& UnitOfWork::changes() const
{
    return m_outer ? m_outer->changes() : m_changes;
}

StoreError UnitOfWork::changed(const QString& action, const QString& recordType, const QString& recordId,
                               int version)
{
    if (m_error)
        return m_error;
    if (!m_tx)
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("unit of work already ended"));
    if (StoreError error = m_audit.append(m_actor, {action, recordType, recordId}))
        return error;
    UnitOfWork& root = m_outer ? *m_outer : *this;
    root.m_changes.append({action, recordType, recordId, version});
    return {};
}

StoreError UnitOfWork::audit(const QString& action, const QString& recordType, const QString& recordId)
{
    if (m_error)
        return m_error;
    if (!m_tx)
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("unit of work already ended"));
    return m_audit.append(m_actor, {action, recordType, recordId});
}

StoreError UnitOfWork::commit()
{
    if (m_error)
        return m_error;
    if (!m_tx || m_done)
        return StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("unit of work already ended"));
    m_done = true;
    if (m_outer) {
        StoreError error = m_tx->commit();
        m_tx.reset();
        return error;
    }
    QList<JournalEntry> entries;
    if (!m_changes.isEmpty()) {
        ChangeJournal journal(m_db);
        auto written =
            journal.append(m_changes, m_actor.userId(), m_actor.workstation(), toDateTime(m_clock.now()));
        if (!written.ok()) {
            m_tx.reset(); // rolls back
            m_db.m_openWork = nullptr;
            return written.error();
        }
        entries = std::move(written.value());
    }
    StoreError error = m_tx->commit();
    m_tx.reset();
    m_db.m_openWork = nullptr;
    if (error)
        return error;
    if (!entries.isEmpty())
        Q_EMIT m_db.changesCommitted(entries);
    return {};
}

} // namespace heart::store
