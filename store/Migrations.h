#pragma once
// The one schema, as numbered migrations. Pending migrations are applied at
// start inside one transaction; a database from a newer program is refused.
#include "store/StoreError.h"

namespace heart::store {

class Database;

class Migrations
{
public:
    static int latestVersion();
    // 0 for an empty database.
    static int currentVersion(Database& db);
    static StoreError refuseNewerSchema(Database& db);
    static StoreError migrate(Database& db);
};

} // namespace heart::store
