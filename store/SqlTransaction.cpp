#include "store/SqlTransaction.h"

#include "store/Database.h"

namespace heart::store {

SqlTransaction::SqlTransaction(Database& db) : m_db(db)
{
    if (m_db.m_txDepth == 0) {
        m_beginError = m_db.execDirect(m_db.dialect().beginWrite(), "begin transaction");
        if (m_beginError)
            return;
        m_outermost = true;
        m_db.m_txDoomed = false;
    }
    ++m_db.m_txDepth;
    m_open = true;
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

StoreError SqlTransaction::commit()
{
    if (!m_open)
        return m_beginError ? m_beginError
                            : StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("no transaction"));
    if (!m_outermost) {
        m_open = false;
        --m_db.m_txDepth;
        return {};
    }
    if (m_db.m_txDoomed) {
        rollback();
        return StoreError::make(StoreErrorCode::QueryFailed,
                                QStringLiteral("a part of the change failed: nothing of it was saved"));
    }
    if (StoreError error = m_db.execDirect(QStringLiteral("COMMIT"), "commit")) {
        rollback();
        return error;
    }
    m_open = false;
    m_db.m_txDepth = 0;
    return {};
}

void SqlTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_outermost) {
        // Only the outermost may end the transaction: mark it, so its commit refuses.
        m_db.m_txDoomed = true;
        --m_db.m_txDepth;
        return;
    }
    m_db.m_txDepth = 0;
    m_db.m_txDoomed = false;
    m_db.execDirect(QStringLiteral("ROLLBACK"), "rollback");
}

} // namespace heart::store
