#pragma once
// Where the data lives: an SQLite file (the default) or a PostgreSQL server
// given as postgresql://user@host:port/db. The password is never part of it.
#include "store/StoreError.h"

#include <QString>

namespace heart::store {

enum class Engine
{
    Sqlite,
    Postgres
};

struct ConnectionSpec
{
    Engine engine = Engine::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString database;

    static StoreResult<ConnectionSpec> parse(const QString& text);
    static ConnectionSpec sqlite(const QString& path);
    // A user-facing description: "file /home/.../heartdesk.sqlite" or "server user@host:port/db".
    QString describe() const;
};

// The default SQLite file under the platform's app-data folder.
QString defaultSqlitePath();

} // namespace heart::store
