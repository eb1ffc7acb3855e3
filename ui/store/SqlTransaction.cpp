#include "store/SqlTransaction.h"

#include "store/Database.h"

namespace heart::store {

SqlTransaction::SqlTransaction(Database& db) : m_db(db)
{
    m_beginError = m_db.execDirect(m_db.dialect().beginWrite(), "begin transaction");
    m_open = !m_beginError;
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

StoreError SqlTransaction::commit()
{
    if (!m_open)
        return m_beginError ? m_beginError : StoreError::make(StoreErrorCode::QueryFailed, QStringLiteral("no transaction"));
    StoreError error = m_db.execDirect(QStringLiteral("COMMIT"), "commit");
    if (error) {
        rollback();
        return error;
    }
    m_open = false;
    return {};
}

void SqlTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_db.execDirect(QStringLiteral("ROLLBACK"), "rollback");
}

} // namespace heart::store
