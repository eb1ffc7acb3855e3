#pragma once
// The change feed a screen follows (store::ChangeFeed: every change any
// workstation commits, within a second) and the areas its records fall in.
#include "store/ChangeFeed.h"
#include "usecases/Context.h"
#include "usecases/Freshness.h"

namespace heart::usecases {

using store::JournalEntry;

// The feed of the context's database (one per database, started on first use).
inline store::ChangeFeed& changeFeed(const Context& context)
{
    return store::ChangeFeed::of(context.db);
}

// The screen area a journal row's record belongs to (0: none a screen watches).
Freshness::Areas areaOf(const QString& recordType);

} // namespace heart::usecases
