#include "store/PasswordHasher.h"

#include <mutex>
#include <sodium.h>

namespace heart::store {
namespace {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

#ifdef HEARTDESK_TEST_PASSWORD_HASH
// Test builds only (CMake option HEARTDESK_TEST_PASSWORD_HASH, set by
// scripts/test): the same Argon2id at libsodium's minimum cost.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_MIN;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_MIN;
#else
// Interactive limits: about 0.1 s and 64 MiB per hash on this class of machine.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
#endif

} // namespace

QByteArray PasswordHasher::hash(const QString& password)
{
    ensureSodium();
    QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                                         kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    if (rc != 0)
        return {};
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray& encodedHash, const QString& password)
{
    ensureSodium();
    if (encodedHash.isEmpty())
        return false;
    QByteArray utf8 = password.toUtf8();
    const QByteArray terminated = encodedHash + '\0';
    const int rc = crypto_pwhash_str_verify(terminated.constData(), utf8.constData(),
                                            static_cast<unsigned long long>(utf8.size()));
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return rc == 0;
}

bool PasswordHasher::needsRehash(const QByteArray& encodedHash)
{
    ensureSodium();
    const QByteArray terminated = encodedHash + '\0';
    return crypto_pwhash_str_needs_rehash(terminated.constData(), kOpsLimit, kMemLimit) != 0;
}

void PasswordHasher::burnVerification(const QString& password)
{
    static const QByteArray decoy = hash(QStringLiteral("decoy password for unknown logins"));
    verify(decoy, password);
}

} // namespace heart::store
