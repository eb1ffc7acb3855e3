#pragma once
// What a screen needs to reach the store: the open database, the clock and
// the signed-in actor. Screens make short-lived store objects from these.
#include "core/Clock.h"
#include "store/Actor.h"

namespace heart::store {
class Database;
}

namespace heart::ui {

struct Services
{
    store::Database& db;
    const Clock& clock;
    store::Actor actor;
};

} // namespace heart::ui
