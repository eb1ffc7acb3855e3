#include "store/EncryptedVfs.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <sodium.h>
#include <sqlite3.h>
#include <vector>

namespace heart::store::encrypted {
namespace {

// The plaintext header: magic, format version, block size, database id, file id.
constexpr unsigned char kMagic[16] = {'H', 'e', 'a', 'r', 't', 'D', 'e', 's',
                                      'k', ' ', 'A', 'E', 'A', 'D', 0,   1};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kVersionAt = 16;
constexpr std::size_t kBlockSizeAt = 20;
constexpr std::size_t kDatabaseIdAt = 24;
constexpr std::size_t kFileIdAt = 40;
constexpr std::size_t kNonceAt = kLengthSize;
constexpr std::size_t kCipherAt = kLengthSize + kNonceSize;
// Associated data of a block: database id, file id, block index, valid length.
constexpr std::size_t kAdSize = 16 + 16 + 8 + 4;

static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kNonceSize);
static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES == kTagSize);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == std::tuple_size_v<Key>);

constexpr sqlite3_int64 B = static_cast<sqlite3_int64>(kBlockSize);
constexpr sqlite3_int64 H = static_cast<sqlite3_int64>(kHeaderSize);
constexpr sqlite3_int64 P = static_cast<sqlite3_int64>(kPhysicalBlockSize);

std::mutex g_keysMutex;
std::map<DatabaseId, Key>& keyRegistry()
{
    static std::map<DatabaseId, Key> keys;
    return keys;
}
std::atomic<int> g_authFailures{0};
sqlite3_vfs* g_root = nullptr;
sqlite3_vfs g_vfs{};

enum class Role
{
    Main,  // the database: a block that fails authentication is an error
    Side,  // its rollback journal or WAL: a torn block reads as zeros
    Temp,  // temporary files: a key of their own, forgotten on close
    Plain, // the super-journal of a multi-database commit: file names only
};

// SQLite gives a file's memory (the VFS's szOsFile bytes) only 8-byte
// alignment: the struct must ask no more (it asked for 16, and UBSan found
// every file it opened misaligned; a compiler may copy or clear a 16-aligned
// struct with aligned vector stores). The root VFS's own file follows it,
// at a multiple of 8 bytes.
struct EncryptedFile
{
    sqlite3_file base; // first: SQLite sees this
    sqlite3_file* real;
    Role role;
    bool headerLoaded;
    Key key;
    DatabaseId databaseId;
    DatabaseId fileId;
};

void putU32(unsigned char* p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint32_t getU32(const unsigned char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

static_assert(alignof(EncryptedFile) <= 8 && sizeof(EncryptedFile) % 8 == 0,
              "SQLite aligns a VFS file to 8 bytes; the real file follows at f + 1");

EncryptedFile* asFile(sqlite3_file* file)
{
    return reinterpret_cast<EncryptedFile*>(file);
}

int realRead(EncryptedFile* f, void* buffer, sqlite3_int64 amount, sqlite3_int64 offset)
{
    return f->real->pMethods->xRead(f->real, buffer, static_cast<int>(amount), offset);
}

int realWrite(EncryptedFile* f, const void* buffer, sqlite3_int64 amount, sqlite3_int64 offset)
{
    return f->real->pMethods->xWrite(f->real, buffer, static_cast<int>(amount), offset);
}

int realSize(EncryptedFile* f, sqlite3_int64* size)
{
    return f->real->pMethods->xFileSize(f->real, size);
}

void associatedData(const EncryptedFile* f, sqlite3_int64 index, std::uint32_t length, unsigned char* ad)
{
    std::memcpy(ad, f->databaseId.data(), 16);
    std::memcpy(ad + 16, f->fileId.data(), 16);
    const auto idx = static_cast<std::uint64_t>(index);
    for (int i = 0; i < 8; ++i)
        ad[32 + i] = static_cast<unsigned char>(idx >> (8 * i));
    putU32(ad + 40, length);
}

// Reads the header, or (for a write) writes a new one into an empty file. A
// journal or WAL whose header is torn or of another database holds nothing
// SQLite may use: it reads as empty and its next write starts it afresh.
int loadHeader(EncryptedFile* f, bool forWrite)
{
    if (f->headerLoaded)
        return SQLITE_OK;
    sqlite3_int64 size = 0;
    if (const int rc = realSize(f, &size); rc != SQLITE_OK)
        return rc;
    if (size > 0) {
        unsigned char header[kHeaderSize] = {};
        const int rc = size >= H ? realRead(f, header, H, 0) : SQLITE_IOERR_SHORT_READ;
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            return rc;
        DatabaseId id{};
        const bool ours = rc == SQLITE_OK && classify(header, kHeaderSize, &id) == FileKind::Encrypted &&
                          id == f->databaseId;
        if (ours) {
            std::memcpy(f->fileId.data(), header + kFileIdAt, 16);
            f->headerLoaded = true;
            return SQLITE_OK;
        }
        if (f->role == Role::Main)
            return SQLITE_NOTADB;
        if (!forWrite)
            return SQLITE_OK;
        if (const int trc = f->real->pMethods->xTruncate(f->real, 0); trc != SQLITE_OK)
            return trc;
    } else if (!forWrite) {
        return SQLITE_OK;
    }
    const std::string header = newFileHeader(f->databaseId);
    std::memcpy(f->fileId.data(), header.data() + kFileIdAt, 16);
    if (const int rc = realWrite(f, header.data(), H, 0); rc != SQLITE_OK)
        return rc;
    f->headerLoaded = true;
    return SQLITE_OK;
}

// The logical size and the number of blocks on disk. A trailing partial
// block (an append cut short by a crash) is not counted: it was never whole.
int logicalSize(EncryptedFile* f, sqlite3_int64* size, sqlite3_int64* blocks)
{
    *size = 0;
    *blocks = 0;
    if (const int rc = loadHeader(f, false); rc != SQLITE_OK)
        return rc;
    if (!f->headerLoaded)
        return SQLITE_OK;
    sqlite3_int64 physical = 0;
    if (const int rc = realSize(f, &physical); rc != SQLITE_OK)
        return rc;
    const sqlite3_int64 n = physical > H ? (physical - H) / P : 0;
    if (n == 0)
        return SQLITE_OK;
    unsigned char length[kLengthSize];
    if (const int rc = realRead(f, length, kLengthSize, H + (n - 1) * P); rc != SQLITE_OK)
        return rc;
    std::uint32_t valid = getU32(length);
    if (valid == 0 || valid > kBlockSize)
        valid = kBlockSize; // damaged: its content will not authenticate
    *blocks = n;
    *size = (n - 1) * B + valid;
    return SQLITE_OK;
}

// Decrypts block `index` into plain[kBlockSize] (zeros past its valid length).
int decryptBlock(EncryptedFile* f, sqlite3_int64 index, unsigned char* plain, std::uint32_t* validOut)
{
    std::vector<unsigned char> physical(kPhysicalBlockSize);
    int rc = realRead(f, physical.data(), P, H + index * P);
    std::uint32_t valid = getU32(physical.data());
    bool ok = false;
    if (rc == SQLITE_OK && valid >= 1 && valid <= kBlockSize) {
        unsigned char ad[kAdSize];
        associatedData(f, index, valid, ad);
        ok = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
                 plain, nullptr, physical.data() + kCipherAt, kBlockSize,
                 physical.data() + kCipherAt + kBlockSize, ad, kAdSize, physical.data() + kNonceAt,
                 f->key.data()) == 0;
    } else if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
        return rc;
    }
    if (ok) {
        std::memset(plain + valid, 0, kBlockSize - valid);
        if (validOut)
            *validOut = valid;
        return SQLITE_OK;
    }
    g_authFailures.fetch_add(1, std::memory_order_relaxed);
    std::memset(plain, 0, kBlockSize);
    if (validOut)
        *validOut = static_cast<std::uint32_t>(kBlockSize);
    return f->role == Role::Main ? SQLITE_IOERR_AUTH : SQLITE_OK;
}

void encryptBlock(const EncryptedFile* f, sqlite3_int64 index, const unsigned char* plain,
                  std::uint32_t valid, unsigned char* physical)
{
    putU32(physical, valid);
    randombytes_buf(physical + kNonceAt, kNonceSize);
    unsigned char ad[kAdSize];
    associatedData(f, index, valid, ad);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
        physical + kCipherAt, physical + kCipherAt + kBlockSize, nullptr, plain, kBlockSize, ad, kAdSize,
        nullptr, physical + kNonceAt, f->key.data());
}

int xClose(sqlite3_file* file)
{
    EncryptedFile* f = asFile(file);
    int rc = SQLITE_OK;
    if (f->real->pMethods)
        rc = f->real->pMethods->xClose(f->real);
    sodium_memzero(f->key.data(), f->key.size());
    return rc;
}

int xRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    EncryptedFile* f = asFile(file);
    if (f->role == Role::Plain)
        return f->real->pMethods->xRead(f->real, buffer, amount, offset);
    sqlite3_int64 size = 0;
    sqlite3_int64 blocks = 0;
    if (const int rc = logicalSize(f, &size, &blocks); rc != SQLITE_OK)
        return rc;
    auto* out = static_cast<unsigned char*>(buffer);
    std::vector<unsigned char> plain(kBlockSize);
    const sqlite3_int64 end = offset + amount;
    for (sqlite3_int64 pos = offset; pos < end;) {
        const sqlite3_int64 index = pos / B;
        const sqlite3_int64 inBlock = pos % B;
        const sqlite3_int64 n = std::min(B - inBlock, end - pos);
        if (index < blocks) {
            if (const int rc = decryptBlock(f, index, plain.data(), nullptr); rc != SQLITE_OK)
                return rc;
            std::memcpy(out + (pos - offset), plain.data() + inBlock, static_cast<std::size_t>(n));
        } else {
            std::memset(out + (pos - offset), 0, static_cast<std::size_t>(n));
        }
        pos += n;
    }
    if (end > size) {
        // SQLite wants the bytes past the end as zeros, and to be told.
        const sqlite3_int64 from = std::max(offset, size);
        std::memset(out + (from - offset), 0, static_cast<std::size_t>(end - from));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int writeRange(EncryptedFile* f, const unsigned char* data, sqlite3_int64 amount, sqlite3_int64 offset);

int writeZeros(EncryptedFile* f, sqlite3_int64 from, sqlite3_int64 to)
{
    static const std::vector<unsigned char> zeros(16 * kBlockSize, 0);
    for (sqlite3_int64 pos = from; pos < to;) {
        const sqlite3_int64 n =
            std::min<sqlite3_int64>(static_cast<sqlite3_int64>(zeros.size()) - pos % B, to - pos);
        if (const int rc = writeRange(f, zeros.data(), n, pos); rc != SQLITE_OK)
            return rc;
        pos += n;
    }
    return SQLITE_OK;
}

// Seals every block the range touches and writes them in one go. A block the
// range covers whole (or past its old end) is not read first.
int writeRange(EncryptedFile* f, const unsigned char* data, sqlite3_int64 amount, sqlite3_int64 offset)
{
    if (amount <= 0)
        return SQLITE_OK;
    if (const int rc = loadHeader(f, true); rc != SQLITE_OK)
        return rc;
    sqlite3_int64 size = 0;
    sqlite3_int64 blocks = 0;
    if (const int rc = logicalSize(f, &size, &blocks); rc != SQLITE_OK)
        return rc;
    if (offset > size) {
        if (const int rc = writeZeros(f, size, offset); rc != SQLITE_OK)
            return rc;
        if (const int rc = logicalSize(f, &size, &blocks); rc != SQLITE_OK)
            return rc;
    }
    const sqlite3_int64 first = offset / B;
    const sqlite3_int64 last = (offset + amount - 1) / B;
    std::vector<unsigned char> physical(static_cast<std::size_t>((last - first + 1) * P));
    std::vector<unsigned char> plain(kBlockSize);
    for (sqlite3_int64 index = first; index <= last; ++index) {
        const sqlite3_int64 blockStart = index * B;
        const sqlite3_int64 s = std::max(offset, blockStart) - blockStart;
        const sqlite3_int64 e = std::min(offset + amount, blockStart + B) - blockStart;
        const sqlite3_int64 oldValid = index < blocks ? std::min(B, size - blockStart) : 0;
        std::fill(plain.begin(), plain.end(), 0);
        if (index < blocks && (s > 0 || e < oldValid)) {
            if (const int rc = decryptBlock(f, index, plain.data(), nullptr); rc != SQLITE_OK)
                return rc;
        }
        std::memcpy(plain.data() + s, data + (blockStart + s - offset), static_cast<std::size_t>(e - s));
        const auto valid = static_cast<std::uint32_t>(std::max(oldValid, e));
        std::memset(plain.data() + valid, 0, kBlockSize - valid);
        encryptBlock(f, index, plain.data(), valid, physical.data() + (index - first) * P);
    }
    return realWrite(f, physical.data(), static_cast<sqlite3_int64>(physical.size()), H + first * P);
}

int xWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    EncryptedFile* f = asFile(file);
    if (f->role == Role::Plain)
        return f->real->pMethods->xWrite(f->real, buffer, amount, offset);
    return writeRange(f, static_cast<const unsigned char*>(buffer), amount, offset);
}

int xTruncate(sqlite3_file* file, sqlite3_int64 newSize)
{
    EncryptedFile* f = asFile(file);
    if (f->role == Role::Plain)
        return f->real->pMethods->xTruncate(f->real, newSize);
    sqlite3_int64 size = 0;
    sqlite3_int64 blocks = 0;
    if (const int rc = logicalSize(f, &size, &blocks); rc != SQLITE_OK)
        return rc;
    if (newSize > size)
        return writeZeros(f, size, newSize);
    if (!f->headerLoaded)
        return f->real->pMethods->xTruncate(f->real, 0);
    const sqlite3_int64 keep = (newSize + B - 1) / B;
    if (keep > 0) {
        const auto valid = static_cast<std::uint32_t>(newSize - (keep - 1) * B);
        std::vector<unsigned char> plain(kBlockSize);
        std::uint32_t oldValid = 0;
        if (const int rc = decryptBlock(f, keep - 1, plain.data(), &oldValid); rc != SQLITE_OK)
            return rc;
        if (oldValid != valid) {
            std::memset(plain.data() + valid, 0, kBlockSize - valid);
            std::vector<unsigned char> physical(kPhysicalBlockSize);
            encryptBlock(f, keep - 1, plain.data(), valid, physical.data());
            if (const int rc = realWrite(f, physical.data(), P, H + (keep - 1) * P); rc != SQLITE_OK)
                return rc;
        }
    }
    return f->real->pMethods->xTruncate(f->real, H + keep * P);
}

int xSync(sqlite3_file* file, int flags)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    EncryptedFile* f = asFile(file);
    if (f->role == Role::Plain)
        return f->real->pMethods->xFileSize(f->real, size);
    sqlite3_int64 blocks = 0;
    return logicalSize(f, size, &blocks);
}

int xLock(sqlite3_file* file, int level)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xLock(f->real, level);
}

int xUnlock(sqlite3_file* file, int level)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xUnlock(f->real, level);
}

int xCheckReservedLock(sqlite3_file* file, int* out)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}

int xFileControl(sqlite3_file* file, int op, void* arg)
{
    EncryptedFile* f = asFile(file);
    switch (op) {
    case SQLITE_FCNTL_SIZE_HINT:
    case SQLITE_FCNTL_CHUNK_SIZE:
        // Growing the file ahead in plaintext units would add bytes that
        // are not whole sealed blocks.
        return SQLITE_OK;
    case SQLITE_FCNTL_MMAP_SIZE:
        // No memory-mapped reads: they would bypass decryption.
        *static_cast<sqlite3_int64*>(arg) = 0;
        return SQLITE_OK;
    default:
        return f->real->pMethods->xFileControl(f->real, op, arg);
    }
}

int xSectorSize(sqlite3_file*)
{
    // A block is rewritten whole: SQLite must treat it as the unit a crash can tear.
    return static_cast<int>(kBlockSize);
}

int xDeviceCharacteristics(sqlite3_file*)
{
    // No SQLITE_IOCAP_POWERSAFE_OVERWRITE, no atomic writes: a torn block
    // may take any byte of it along, and SQLite pads accordingly.
    return 0;
}

int xShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** out)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xShmMap(f->real, page, pageSize, extend, out);
}

int xShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

void xShmBarrier(sqlite3_file* file)
{
    EncryptedFile* f = asFile(file);
    f->real->pMethods->xShmBarrier(f->real);
}

int xShmUnmap(sqlite3_file* file, int deleteFlag)
{
    EncryptedFile* f = asFile(file);
    return f->real->pMethods->xShmUnmap(f->real, deleteFlag);
}

// Version 2: shared memory for WAL, but no xFetch (memory-mapped pages
// would reach SQLite without being decrypted).
const sqlite3_io_methods g_methods = {
    2,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    nullptr,
    nullptr,
};

Role roleOf(int flags)
{
    if (flags & SQLITE_OPEN_MAIN_DB)
        return Role::Main;
    if (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL))
        return Role::Side;
    if (flags & SQLITE_OPEN_SUPER_JOURNAL)
        return Role::Plain;
    return Role::Temp;
}

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* f = asFile(file);
    std::memset(static_cast<void*>(f), 0, sizeof(EncryptedFile));
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->role = roleOf(flags);
    if (f->role == Role::Main || f->role == Role::Side) {
        const char* hex = name ? sqlite3_uri_parameter(name, "hdid") : nullptr;
        bool known = hex && fromHex(hex, &f->databaseId);
        if (known) {
            const std::lock_guard lock(g_keysMutex);
            const auto it = keyRegistry().find(f->databaseId);
            known = it != keyRegistry().end();
            if (known)
                f->key = it->second;
        }
        if (!known)
            return SQLITE_CANTOPEN; // no key in this process: nothing is read or written
    } else if (f->role == Role::Temp) {
        f->databaseId = randomDatabaseId();
        f->key = randomKey();
    }
    int rc = g_root->xOpen(g_root, name, f->real, flags, outFlags);
    if (rc == SQLITE_OK && f->role == Role::Main)
        rc = loadHeader(f, false);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        sodium_memzero(f->key.data(), f->key.size());
        f->base.pMethods = nullptr;
        return rc;
    }
    f->base.pMethods = &g_methods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return g_root->xDelete(g_root, name, syncDir);
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return g_root->xAccess(g_root, name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out)
{
    return g_root->xFullPathname(g_root, name, n, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name)
{
    return g_root->xDlOpen(g_root, name);
}
void xDlError(sqlite3_vfs*, int n, char* out)
{
    g_root->xDlError(g_root, n, out);
}
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return g_root->xDlSym(g_root, handle, symbol);
}
void xDlClose(sqlite3_vfs*, void* handle)
{
    g_root->xDlClose(g_root, handle);
}
int xRandomness(sqlite3_vfs*, int n, char* out)
{
    return g_root->xRandomness(g_root, n, out);
}
int xSleep(sqlite3_vfs*, int micros)
{
    return g_root->xSleep(g_root, micros);
}
int xCurrentTime(sqlite3_vfs*, double* out)
{
    return g_root->xCurrentTime(g_root, out);
}
int xGetLastError(sqlite3_vfs*, int n, char* out)
{
    return g_root->xGetLastError ? g_root->xGetLastError(g_root, n, out) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return g_root->xCurrentTimeInt64(g_root, out);
}

} // namespace

bool registerVfs()
{
    static const bool registered = [] {
        if (sodium_init() < 0)
            return false;
        g_root = sqlite3_vfs_find("unix");
        if (!g_root || g_root->iVersion < 2)
            return false;
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(EncryptedFile)) + g_root->szOsFile;
        g_vfs.mxPathname = g_root->mxPathname;
        g_vfs.zName = kVfsName;
        g_vfs.xOpen = xOpen;
        g_vfs.xDelete = xDelete;
        g_vfs.xAccess = xAccess;
        g_vfs.xFullPathname = xFullPathname;
        g_vfs.xDlOpen = xDlOpen;
        g_vfs.xDlError = xDlError;
        g_vfs.xDlSym = xDlSym;
        g_vfs.xDlClose = xDlClose;
        g_vfs.xRandomness = xRandomness;
        g_vfs.xSleep = xSleep;
        g_vfs.xCurrentTime = xCurrentTime;
        g_vfs.xGetLastError = xGetLastError;
        g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        return sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
    }();
    return registered;
}

void rememberKey(const DatabaseId& id, const Key& key)
{
    const std::lock_guard lock(g_keysMutex);
    keyRegistry()[id] = key;
}

bool knowsKey(const DatabaseId& id)
{
    const std::lock_guard lock(g_keysMutex);
    return keyRegistry().count(id) > 0;
}

void forgetKey(const DatabaseId& id)
{
    const std::lock_guard lock(g_keysMutex);
    const auto it = keyRegistry().find(id);
    if (it == keyRegistry().end())
        return;
    sodium_memzero(it->second.data(), it->second.size());
    keyRegistry().erase(it);
}

FileKind classify(const unsigned char* bytes, std::size_t size, DatabaseId* id)
{
    if (size == 0)
        return FileKind::Empty;
    static const unsigned char sqlite[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                             'o', 'r', 'm', 'a', 't', ' ', '3', 0};
    if (size >= 16 && std::memcmp(bytes, sqlite, 16) == 0)
        return FileKind::Plaintext;
    if (size < kHeaderSize || std::memcmp(bytes, kMagic, sizeof kMagic) != 0 ||
        getU32(bytes + kVersionAt) != kFormatVersion || getU32(bytes + kBlockSizeAt) != kBlockSize)
        return FileKind::Foreign;
    if (id)
        std::memcpy(id->data(), bytes + kDatabaseIdAt, id->size());
    return FileKind::Encrypted;
}

std::string newFileHeader(const DatabaseId& id)
{
    std::string header(kHeaderSize, '\0');
    auto* p = reinterpret_cast<unsigned char*>(header.data());
    std::memcpy(p, kMagic, sizeof kMagic);
    putU32(p + kVersionAt, kFormatVersion);
    putU32(p + kBlockSizeAt, static_cast<std::uint32_t>(kBlockSize));
    std::memcpy(p + kDatabaseIdAt, id.data(), id.size());
    randombytes_buf(p + kFileIdAt, 16);
    return header;
}

DatabaseId randomDatabaseId()
{
    DatabaseId id{};
    randombytes_buf(id.data(), id.size());
    return id;
}

Key randomKey()
{
    Key key{};
    crypto_aead_xchacha20poly1305_ietf_keygen(key.data());
    return key;
}

std::string toHex(const DatabaseId& id)
{
    std::string hex(id.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), id.data(), id.size());
    hex.pop_back();
    return hex;
}

bool fromHex(const std::string& hex, DatabaseId* id)
{
    std::size_t length = 0;
    return hex.size() == id->size() * 2 &&
           sodium_hex2bin(id->data(), id->size(), hex.data(), hex.size(), nullptr, &length, nullptr) == 0 &&
           length == id->size();
}

int authenticationFailures()
{
    return g_authFailures.load(std::memory_order_relaxed);
}

} // namespace heart::store::encrypted
