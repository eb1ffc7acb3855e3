#pragma once
// The one schema, as numbered migrations. Pending migrations are applied at
// start inside one transaction; a database from a newer program is refused.
#include "store/StoreError.h"

#include <QSet>
#include <QString>

namespace heart::store {

class Database;

class Migrations
{
public:
    static int latestVersion();
    // 0 for an empty database.
    static int currentVersion(Database& db);
    static StoreError refuseNewerSchema(Database& db);
    // Applies what is pending; an up-to-date database gets no statement that
    // changes its schema. On PostgreSQL a login that may not change the
    // schema gets SchemaNeedsOwner before anything is tried.
    static StoreError migrate(Database& db);
    static StoreError refuseUnlessMayMigrate(Database& db);
    // The tables the migrations create (schema_migrations included): a file
    // with any other table is another program's (Database refuses it).
    static const QSet<QString>& ownTables();
};

} // namespace heart::store
