#pragma once
// Opening an SQLite file of HEART Desk through the encrypting VFS: what a
// file is, a new encrypted file (0600, its key kept by DatabaseKeys), the
// key of an existing one handed to the VFS, the connection's URI, and the
// one-time encryption of a plaintext file of an earlier version.
#include "store/EncryptedVfs.h"
#include "store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

namespace heart::store::encrypted {

// Reads the first bytes of `path`.
FileKind inspectFile(const QString& path, DatabaseId* id, QString* error);

// Makes `path` (absent, or an empty file) a new encrypted database of no
// blocks, readable by the user alone, with a new key kept by DatabaseKeys.
// When another connection creates the same file at that moment, its header
// is taken instead.
StoreError createFile(const QString& path, DatabaseId* id);

// Finds the key of database `id` on this computer and hands it to the VFS.
StoreError unlock(const DatabaseId& id);

// The name and connect options of a QSQLITE connection to `path` through the
// VFS. readOnly: a look that writes nothing (immutable when no WAL is left).
QString connectionUri(const QString& path, const DatabaseId& id, bool readOnly);
QString connectOptions(const QString& baseOptions);

// Encrypts a healthy plaintext HEART Desk file in place: the WAL is folded
// in, the rows are copied into a new encrypted file next to it, which
// replaces the old one only once it has been read back whole.
StoreError encryptPlaintextFile(const QString& path, DatabaseId* id);

// Deletes a database file, its WAL companions and its key (the demo's, which
// is remade on every start, so keys do not pile up in the keyring).
void removeDatabase(const QString& path);

// For tools and tests that reach a HEART Desk file without a Database:
// prepares `db` (a QSQLITE connection, not yet open) to open `path`.
StoreError prepareConnection(QSqlDatabase& db, const QString& path);

} // namespace heart::store::encrypted
