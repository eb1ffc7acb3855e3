#pragma once
// The last step of a store write that hands back the record it changed:
// read it as the unit of work leaves it, then commit. The stored value, or
// the first error of either (an uncommitted unit rolls back).
#include "store/StoreError.h"
#include "store/UnitOfWork.h"

namespace heart::store {

template <typename T, typename Read> StoreResult<T> readAndCommit(UnitOfWork& work, Read read)
{
    StoreResult<T> stored = read();
    if (!stored.ok())
        return stored.error();
    if (StoreError error = work.commit())
        return error;
    return stored;
}

} // namespace heart::store
