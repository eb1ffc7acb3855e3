#pragma once
// Where the key of each encrypted SQLite database lives: the OS keyring
// (through QtKeychain), under the service "HEART Desk" and the database's id;
// when no keyring answers (a headless server, CI), a key file readable by the
// user alone under the user's configuration folder, never the database's
// folder. HEARTDESK_KEY_DIR names another key folder and skips the keyring
// (tests, and servers that keep keys on a mounted secret).
#include "store/EncryptedVfs.h"
#include "store/StoreError.h"

#include <QString>
#include <optional>

namespace heart::store {

class DatabaseKeys
{
public:
    // The key of database `id`, or nothing when this computer does not have it.
    static std::optional<encrypted::Key> find(const encrypted::DatabaseId& id);
    // Keeps a new key; an error when neither the keyring nor the key folder takes it.
    static StoreError keep(const encrypted::DatabaseId& id, const encrypted::Key& key);
    // Drops the key of a database that is being deleted (the demo's, remade on every start).
    static void forget(const encrypted::DatabaseId& id);
    // The folder of the key files (HEARTDESK_KEY_DIR, else AppConfigLocation/keys).
    static QString keyFolder();
};

} // namespace heart::store
