#pragma once
// A write transaction that rolls back unless committed: a failed step never
// leaves half a change (or a change without its audit row).
#include "store/StoreError.h"

namespace heart::store {

class Database;

class SqlTransaction
{
public:
    explicit SqlTransaction(Database& db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    const StoreError& beginError() const { return m_beginError; }
    StoreError commit();
    void rollback();

private:
    Database& m_db;
    StoreError m_beginError;
    bool m_open = false;
};

} // namespace heart::store
