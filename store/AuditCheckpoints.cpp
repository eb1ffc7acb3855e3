#include "store/AuditCheckpoints.h"

#include "store/Database.h"
#include "store/DatabaseKeys.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>
#include <QVariant>
#include <algorithm>
#include <map>
#include <sodium.h>

namespace heart::store {
namespace {

constexpr qsizetype kSecretSize = 32;
const QByteArray kExportMagic = QByteArrayLiteral("heartdesk-audit-key 1");

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

QMutex& cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

// Key id -> key, or nullopt once a look-up found no file (a workstation
// without the key asks the disk once per process, not once per checkpoint).
std::map<QString, std::optional<AuditKey>>& cache()
{
    static std::map<QString, std::optional<AuditKey>> keys;
    return keys;
}

bool validKeyId(const QString& id)
{
    if (id.size() != 16)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

bool ownerOnlyFolder(const QString& path)
{
    return QDir().mkpath(path) &&
           QFile::setPermissions(path,
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

StoreError writeOwnerOnly(const QString& path, const QByteArray& bytes)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!ownerOnlyFolder(DatabaseKeys::keyFolder()) || !ownerOnlyFolder(folder))
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("cannot create the folder %1").arg(folder));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        return StoreError::make(StoreErrorCode::FileUnreadable,
                                QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

QString keyPath(const QString& keyId)
{
    return QDir(AuditKeys::folder()).filePath(keyId + QStringLiteral(".key"));
}

QString headPath(const ConnectionSpec& spec)
{
    const QByteArray digest =
        QCryptographicHash::hash(AuditHeadMemory::identity(spec).toUtf8(), QCryptographicHash::Sha256)
            .toHex();
    return QDir(AuditKeys::folder())
        .filePath(QStringLiteral("heads/%1.json").arg(QString::fromLatin1(digest.left(32))));
}

StoreError keep(const AuditKey& key)
{
    if (StoreError error = writeOwnerOnly(keyPath(key.id), key.secret))
        return error;
    QMutexLocker lock(&cacheMutex());
    cache()[key.id] = key;
    return {};
}

struct CheckpointRow
{
    qint64 seq = 0;
    QString keyId;
    QString headHash;
    QString atUtc;
    QString mac;
    QVariant rowHash; // audit_log.hash at seq; null when the row is gone
};

bool authentic(const AuditKey& key, const CheckpointRow& row)
{
    const QByteArray expected = AuditCheckpoints::mac(key, row.seq, row.headHash, row.atUtc).toLatin1();
    const QByteArray given = row.mac.toLatin1();
    return expected.size() == given.size() &&
           sodium_memcmp(expected.constData(), given.constData(), expected.size()) == 0;
}

StoreResult<std::optional<CheckpointRow>> newestCheckpoint(Database& db)
{
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT seq, key_id, head_hash, at_utc, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1"));
    if (StoreError error = db.exec(query, "read the newest audit checkpoint"))
        return error;
    if (!query.next())
        return std::optional<CheckpointRow>();
    return std::optional<CheckpointRow>(CheckpointRow{query.value(0).toLongLong(),
                                                      query.value(1).toString(),
                                                      query.value(2).toString(),
                                                      query.value(3).toString(),
                                                      query.value(4).toString(),
                                                      {}});
}

StoreResult<bool> anyRow(Database& db, const QString& table)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table));
    if (StoreError error = db.exec(query, "look for rows"))
        return error;
    return query.next();
}

// The tables whose rows are records somebody made: a database holding any of
// them without a single audit row has lost its trail.
const QStringList kRecordTables = {QStringLiteral("users"), QStringLiteral("people"), QStringLiteral("calls"),
                                   QStringLiteral("encounters"), QStringLiteral("safety_plans")};

} // namespace

// ---------------------------------------------------------------------------

QString AuditKeys::folder()
{
    return QDir(DatabaseKeys::keyFolder()).filePath(QStringLiteral("audit"));
}

QString AuditKeys::idOf(const QByteArray& secret)
{
    QByteArray material = QByteArrayLiteral("heartdesk audit key id\x1f");
    material += secret;
    return QString::fromLatin1(
        QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex().left(16));
}

std::optional<AuditKey> AuditKeys::find(const QString& keyId)
{
    if (!validKeyId(keyId))
        return std::nullopt;
    QMutexLocker lock(&cacheMutex());
    auto found = cache().find(keyId);
    if (found != cache().end())
        return found->second;
    std::optional<AuditKey> key;
    QFile file(keyPath(keyId));
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray secret = file.read(kSecretSize + 1);
        if (secret.size() == kSecretSize && idOf(secret) == keyId)
            key = AuditKey{keyId, secret};
    }
    cache()[keyId] = key;
    return key;
}

void AuditKeys::forgetCache()
{
    QMutexLocker lock(&cacheMutex());
    cache().clear();
}

StoreResult<AuditKey> AuditKeys::create()
{
    if (!sodiumReady())
        return StoreError::make(StoreErrorCode::FileUnreadable, QStringLiteral("libsodium did not start"));
    QByteArray secret(kSecretSize, Qt::Uninitialized);
    randombytes_buf(secret.data(), static_cast<size_t>(secret.size()));
    AuditKey key{idOf(secret), secret};
    if (StoreError error = keep(key))
        return error;
    return key;
}

QByteArray AuditKeys::exportText(const AuditKey& key)
{
    return kExportMagic + ' ' + key.id.toLatin1() + ' ' + key.secret.toBase64() + '\n';
}

StoreResult<AuditKey> AuditKeys::importText(const QByteArray& text)
{
    const QList<QByteArray> parts = text.trimmed().split(' ');
    const auto invalid = [] {
        return StoreError::make(
            StoreErrorCode::InvalidInput,
            QStringLiteral("not an audit key written by 'heartdesk-cli audit-key export'"),
            QStringLiteral("file"));
    };
    if (parts.size() != 4 || parts[0] + ' ' + parts[1] != kExportMagic)
        return invalid();
    const auto decoded = QByteArray::fromBase64Encoding(parts[3], QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kSecretSize ||
        idOf(decoded.decoded) != QString::fromLatin1(parts[2]))
        return invalid();
    AuditKey key{idOf(decoded.decoded), decoded.decoded};
    if (StoreError error = keep(key))
        return error;
    return key;
}

int AuditKeys::retireReplacedDemoKey(const ConnectionSpec& spec)
{
    // heads/<hash>.demo-key names the key of the demo database last written
    // at this location; the remembered head names the current database's key.
    const QString marker = headPath(spec).chopped(int(sizeof(".json") - 1)) + QStringLiteral(".demo-key");
    const auto current = AuditHeadMemory::read(spec);
    if (!current)
        return 0;
    QString previous;
    {
        QFile file(marker);
        if (file.open(QIODevice::ReadOnly))
            previous = QString::fromLatin1(file.read(64)).trimmed();
    }
    int removed = 0;
    if (validKeyId(previous) && previous != current->keyId) {
        if (QFile::remove(keyPath(previous)))
            ++removed;
        QMutexLocker lock(&cacheMutex());
        cache().erase(previous);
    }
    if (previous != current->keyId) {
        if (StoreError error = writeOwnerOnly(marker, current->keyId.toLatin1() + '\n'))
            qCWarning(lcStore) << "cannot note the demo's audit key:" << error.detail;
    }
    return removed;
}

// ---------------------------------------------------------------------------

QString AuditHeadMemory::identity(const ConnectionSpec& spec)
{
    if (spec.engine == Engine::Sqlite)
        return QStringLiteral("sqlite:") + QFileInfo(spec.sqlitePath).absoluteFilePath();
    return QStringLiteral("postgresql:%1:%2/%3").arg(spec.host, QString::number(spec.port), spec.database);
}

std::optional<RememberedHead> AuditHeadMemory::read(const ConnectionSpec& spec)
{
    QFile file(headPath(spec));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(4096)).object();
    if (json.value(QStringLiteral("identity")).toString() != identity(spec))
        return std::nullopt;
    RememberedHead head{json.value(QStringLiteral("key_id")).toString(),
                        json.value(QStringLiteral("seq")).toInteger(-1),
                        json.value(QStringLiteral("hash")).toString()};
    if (!validKeyId(head.keyId) || head.seq < 0 || head.hash.size() != 64)
        return std::nullopt;
    return head;
}

void AuditHeadMemory::remember(const ConnectionSpec& spec, const RememberedHead& head, bool replace)
{
    if (!replace) {
        const auto known = read(spec);
        if (known && known->keyId == head.keyId && known->seq >= head.seq)
            return;
    }
    QJsonObject json;
    json.insert(QStringLiteral("identity"), identity(spec));
    json.insert(QStringLiteral("key_id"), head.keyId);
    json.insert(QStringLiteral("seq"), head.seq);
    json.insert(QStringLiteral("hash"), head.hash);
    if (StoreError error = writeOwnerOnly(headPath(spec), QJsonDocument(json).toJson(QJsonDocument::Compact)))
        qCWarning(lcStore) << "cannot remember the audit trail's head:" << error.detail;
}

// ---------------------------------------------------------------------------

QString AuditCheckpoints::mac(const AuditKey& key, qint64 seq, const QString& headHash, const QString& atUtc)
{
    const QByteArray message = QByteArrayLiteral("heartdesk-audit-checkpoint 1\x1f") +
                               QByteArray::number(seq) + '\x1f' + headHash.toLatin1() + '\x1f' +
                               atUtc.toUtf8() + '\x1f' + key.id.toLatin1();
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.secret.constData()),
                                static_cast<size_t>(key.secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.constData()),
                                  static_cast<unsigned long long>(message.size()));
    crypto_auth_hmacsha256_final(&state, out);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex());
}

StoreError AuditCheckpoints::insert(const AuditKey& key, qint64 seq, const QString& hash)
{
    const QString at = toStoredTime(m_clock.now());
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_checkpoints (seq, key_id, head_hash, at_utc, mac) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(static_cast<qlonglong>(seq));
    insert.addBindValue(key.id);
    insert.addBindValue(hash);
    insert.addBindValue(at);
    insert.addBindValue(mac(key, seq, hash, at));
    return m_db.exec(insert, "write an audit checkpoint");
}

StoreResult<QString> AuditCheckpoints::databaseKeyId()
{
    auto newest = newestCheckpoint(m_db);
    if (!newest.ok())
        return newest.error();
    return newest.value() ? newest.value()->keyId : QString();
}

StoreError AuditCheckpoints::atInterval(qint64 seq, const std::string& hash)
{
    auto newest = newestCheckpoint(m_db);
    if (!newest.ok())
        return newest.error();
    if (!newest.value() || newest.value()->seq >= seq)
        return {};
    const CheckpointRow& previous = *newest.value();
    const auto key = AuditKeys::find(previous.keyId);
    if (!key)
        return {}; // a workstation without the key writes, unanchored (docs/audit-trail.md)
    // Nothing is remembered here: the newest checkpoint may be this very
    // transaction's (one unit of work longer than kInterval rows) and could
    // still roll back. Heads are remembered only after a commit
    // (checkpointHead, provisionIfNew).
    return insert(*key, seq, QString::fromStdString(hash));
}

StoreError AuditCheckpoints::provisionIfNew()
{
    for (const QString& table :
         {QStringLiteral("audit_checkpoints"), QStringLiteral("audit_log"), QStringLiteral("users")}) {
        auto any = anyRow(m_db, table);
        if (!any.ok())
            return any.error();
        if (any.value())
            return {};
    }
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    const QString lock = m_db.dialect().lockAuditChain();
    if (!lock.isEmpty()) {
        if (StoreError error = m_db.execDirect(lock, "lock audit chain to anchor a new database"))
            return error;
    }
    for (const QString& table :
         {QStringLiteral("audit_checkpoints"), QStringLiteral("audit_log"), QStringLiteral("users")}) {
        auto any = anyRow(m_db, table); // another workstation may have been first
        if (!any.ok())
            return any.error();
        if (any.value())
            return {};
    }
    auto key = AuditKeys::create();
    if (!key.ok())
        return key.error();
    const QString genesis = QString::fromStdString(kAuditGenesisHash);
    if (StoreError error = insert(key.value(), 0, genesis))
        return error;
    if (StoreError error = tx.commit())
        return error;
    if (m_db.transactionDepth() == 0)
        AuditHeadMemory::remember(m_db.spec(), {key.value().id, 0, genesis}, true);
    qCInfo(lcStore) << "new database: audit key" << key.value().id << "kept in" << AuditKeys::folder();
    return {};
}

StoreResult<qint64> AuditCheckpoints::checkpointHead(const AuditKey& key)
{
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    const QString lock = m_db.dialect().lockAuditChain();
    if (!lock.isEmpty()) {
        if (StoreError error = m_db.execDirect(lock, "lock audit chain to write a checkpoint"))
            return error;
    }
    qint64 seq = 0;
    QString hash = QString::fromStdString(kAuditGenesisHash);
    {
        QSqlQuery last =
            m_db.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (StoreError error = m_db.exec(last, "read audit chain head"))
            return error;
        if (last.next()) {
            seq = last.value(0).toLongLong();
            hash = last.value(1).toString();
        }
    }
    QSqlQuery existing =
        m_db.prepare(QStringLiteral("SELECT 1 FROM audit_checkpoints WHERE seq = ? AND key_id = ?"));
    existing.addBindValue(static_cast<qlonglong>(seq));
    existing.addBindValue(key.id);
    if (StoreError error = m_db.exec(existing, "look for an audit checkpoint"))
        return error;
    const bool have = existing.next();
    existing.finish();
    if (!have) {
        if (StoreError error = insert(key, seq, hash))
            return error;
    }
    if (StoreError error = tx.commit())
        return error;
    if (m_db.transactionDepth() == 0) // committed, not joined to an outer unit of work
        AuditHeadMemory::remember(m_db.spec(), {key.id, seq, hash});
    return seq;
}

StoreResult<AuditAnchoring> AuditCheckpoints::check(qint64 chainRows, bool chainBroken)
{
    AuditAnchoring result;
    const auto tampered = [&result](AuditAnchoring::Problem problem, qint64 seq) {
        result.state = AuditAnchoring::State::Tampered;
        result.problem = problem;
        result.problemSeq = seq;
        return result;
    };
    if (chainRows == 0 && !chainBroken) {
        for (const QString& table : kRecordTables) {
            auto any = anyRow(m_db, table);
            if (!any.ok())
                return any.error();
            if (any.value())
                return tampered(AuditAnchoring::Problem::RecordsWithoutTrail, 0);
        }
    }

    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT c.seq, c.key_id, c.head_hash, c.at_utc, c.mac, a.hash FROM audit_checkpoints c "
        "LEFT JOIN audit_log a ON a.seq = c.seq ORDER BY c.seq, c.key_id"));
    if (StoreError error = m_db.exec(query, "read audit checkpoints"))
        return error;
    std::vector<CheckpointRow> rows;
    while (query.next()) {
        rows.push_back(CheckpointRow{query.value(0).toLongLong(), query.value(1).toString(),
                                     query.value(2).toString(), query.value(3).toString(),
                                     query.value(4).toString(), query.value(5)});
    }
    query.finish();
    const QString genesis = QString::fromStdString(kAuditGenesisHash);
    for (const CheckpointRow& row : rows) {
        result.keyId = row.keyId; // ends as the newest checkpoint's key
        const auto key = AuditKeys::find(row.keyId);
        if (!key)
            continue;
        if (!authentic(*key, row))
            return tampered(AuditAnchoring::Problem::ForgedCheckpoint, row.seq);
        if (row.seq == 0) {
            if (row.headHash != genesis)
                return tampered(AuditAnchoring::Problem::ForgedCheckpoint, row.seq);
        } else if (row.rowHash.isNull()) {
            return tampered(AuditAnchoring::Problem::CheckpointRowMissing, row.seq);
        } else if (row.rowHash.toString() != row.headHash) {
            return tampered(AuditAnchoring::Problem::CheckpointMismatch, row.seq);
        }
        ++result.checkpoints;
        result.anchoredUpTo = std::max(result.anchoredUpTo, row.seq);
    }
    result.haveKey = !result.keyId.isEmpty() && AuditKeys::find(result.keyId).has_value();

    bool remembered = false;
    if (const auto head = AuditHeadMemory::read(m_db.spec())) {
        if (head->seq > 0) {
            QSqlQuery at = m_db.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
            at.addBindValue(static_cast<qlonglong>(head->seq));
            if (StoreError error = m_db.exec(at, "read the remembered audit head"))
                return error;
            if (!at.next())
                return tampered(AuditAnchoring::Problem::RememberedRowMissing, head->seq);
            if (at.value(0).toString() != head->hash)
                return tampered(AuditAnchoring::Problem::RememberedRowMismatch, head->seq);
        }
        const bool stillThere = std::any_of(rows.begin(), rows.end(), [&](const CheckpointRow& row) {
            return row.keyId == head->keyId && row.seq >= head->seq;
        });
        if (!stillThere)
            return tampered(AuditAnchoring::Problem::CheckpointsMissing, head->seq);
        remembered = true;
        result.anchoredUpTo = std::max(result.anchoredUpTo, head->seq);
    }
    result.state = result.checkpoints > 0 || remembered ? AuditAnchoring::State::Anchored
                                                        : AuditAnchoring::State::Unanchored;
    return result;
}

} // namespace heart::store
