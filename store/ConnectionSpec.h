#pragma once
// Where the data lives: an SQLite file (the default) or a PostgreSQL server
// given as postgresql://user@host:port/db?sslmode=...&sslrootcert=... The
// password is never part of it.
//
// Transport security (PostgreSQL): sslmode is disable, require, verify-ca or
// verify-full; sslrootcert names the CA certificate file that verify-ca and
// verify-full check the server's certificate against. Without sslmode a
// loopback host (127.0.0.1, ::1, localhost) uses libpq's "prefer" and any
// other host verify-full. sslmode=disable to a host that is not loopback is
// refused: the records would cross the network in plaintext.
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
    QString sslMode;     // as given in the URL; empty: the default for the host
    QString sslRootCert; // absolute path of the CA certificate file, or empty

    static StoreResult<ConnectionSpec> parse(const QString& text);
    static ConnectionSpec sqlite(const QString& path);
    // A user-facing description: "file /home/.../heartdesk.sqlite" or
    // "server user@host:port/db", with " (sslmode=...)" when one was given.
    QString describe() const;

    // 127.0.0.1 (any 127.x), ::1 or localhost.
    bool isLoopback() const;
    // The sslmode libpq is given: sslMode, else "prefer" on loopback, else "verify-full".
    QString effectiveSslMode() const;
    // What is checked before a connection is attempted: plaintext off
    // loopback is refused (PlaintextRefused), and verify-ca / verify-full need
    // a CA certificate file that exists (InvalidLocation, field "sslrootcert",
    // the file named). None for SQLite.
    StoreError checkBeforeConnecting() const;
    // The libpq keywords for the transport: "sslmode=...;sslrootcert='...'"
    // (QPSQL connect options), empty for SQLite.
    QString tlsConnectOptions() const;
};

// The default SQLite file under the platform's app-data folder.
QString defaultSqlitePath();

} // namespace heart::store
