#pragma once
// What a use case acts with: the open database, the clock and the signed-in
// actor. Screens and the CLI hold one and call use cases with it; they never
// build a store, open a transaction or run SQL themselves.
#include "core/Clock.h"
#include "store/Actor.h"

namespace heart::store {
class Database;
}

namespace heart::usecases {

struct Context
{
    store::Database& db;
    const Clock& clock;
    store::Actor actor;
};

} // namespace heart::usecases
