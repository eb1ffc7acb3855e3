#pragma once
// Argon2id password hashes (libsodium crypto_pwhash_str). The clear password
// lives only as long as the call; it is never stored or logged.
#include <QByteArray>
#include <QString>

namespace heart::store {

class PasswordHasher
{
public:
    // An encoded "$argon2id$..." string, or empty if libsodium failed (out of memory).
    static QByteArray hash(const QString& password);
    static bool verify(const QByteArray& encodedHash, const QString& password);
    static bool needsRehash(const QByteArray& encodedHash);
    // Spends the same time as a real verification, so an unknown login cannot
    // be told from a wrong password by timing.
    static void burnVerification(const QString& password);
    static constexpr int kMinimumLength = 8;
};

} // namespace heart::store
