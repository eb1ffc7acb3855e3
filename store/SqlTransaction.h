#pragma once
// A write transaction that rolls back unless committed: a failed step never
// leaves half a change (or a change without its audit row).
//
// Transactions nest: one opened while another is open on the same Database
// joins it. Its commit() only hands the work back to the outer one; if it
// ends without commit() the whole outer transaction is doomed and the outer
// commit() rolls everything back. So a use case that calls several store
// operations commits all of them or none.
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
    bool isOutermost() const { return m_outermost; }
    StoreError commit();
    void rollback();

private:
    Database& m_db;
    StoreError m_beginError;
    bool m_open = false;
    bool m_outermost = false;
};

} // namespace heart::store
