#pragma once
// The SQLite VFS that keeps every HEART Desk SQLite file encrypted at rest:
// fixed 4096-byte logical blocks, each sealed with XChaCha20-Poly1305 (a fresh
// random nonce per write) and bound to its file, its index and its length.
// It wraps the default "unix" VFS, so locking, the WAL index (-shm, which holds
// no record content) and fsync stay SQLite's own. docs/architecture.md,
// "Records at rest", explains the layout and why it is crash-safe.
//
// A connection uses it through a URI: file:PATH?vfs=heartdesk-aead&hdid=ID,
// where ID names the database (it is written in the file's header); the key
// itself never leaves this process's memory: rememberKey() hands it over.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace heart::store::encrypted {

inline constexpr const char* kVfsName = "heartdesk-aead";
inline constexpr std::size_t kBlockSize = 4096;
inline constexpr std::size_t kHeaderSize = 64;
inline constexpr std::size_t kNonceSize = 24;
inline constexpr std::size_t kTagSize = 16;
inline constexpr std::size_t kLengthSize = 4;
// One block on disk: [valid length][nonce][ciphertext of kBlockSize][tag].
inline constexpr std::size_t kPhysicalBlockSize = kLengthSize + kNonceSize + kBlockSize + kTagSize;
// PRAGMA application_id of every HEART Desk SQLite database ("HRTD").
inline constexpr std::int32_t kApplicationId = 0x48525444;

using Key = std::array<unsigned char, 32>;
using DatabaseId = std::array<unsigned char, 16>;

// Registers the VFS with SQLite once per process (thread-safe). False when
// libsodium or the default VFS are not available.
bool registerVfs();

// The key of a database, looked up by the VFS when it opens that database's
// files. Kept for the life of the process (a second connection, from another
// thread, finds it here).
void rememberKey(const DatabaseId& id, const Key& key);
bool knowsKey(const DatabaseId& id);
// Drops a key from this process (tests: the next open must find it again).
void forgetKey(const DatabaseId& id);

// What the first bytes of a file say it is.
enum class FileKind
{
    Empty,     // no bytes: becomes a new database
    Encrypted, // our header; `id` names its database
    Plaintext, // "SQLite format 3": a file of an earlier HEART Desk
    Foreign,   // anything else
};
FileKind classify(const unsigned char* bytes, std::size_t size, DatabaseId* id);

// The header of a new encrypted database file (kHeaderSize bytes), holding no blocks yet.
std::string newFileHeader(const DatabaseId& id);

DatabaseId randomDatabaseId();
Key randomKey();
std::string toHex(const DatabaseId& id);
bool fromHex(const std::string& hex, DatabaseId* id);

// How many blocks failed authentication since the process started: the main
// file's refuse to be read (SQLITE_IOERR_AUTH); a torn block of a journal or
// WAL reads as zeros, which SQLite's own checksums then reject.
int authenticationFailures();

} // namespace heart::store::encrypted
