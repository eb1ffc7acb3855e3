// What encryption at rest costs: the same statements on a plaintext SQLite
// file (the default VFS) and on an encrypted one (heartdesk-aead), measured in
// the same run and reported as a ratio. Both run WAL with synchronous=FULL, so
// the ratio is the VFS's own cost; one more line gives the plaintext file with
// synchronous=NORMAL, the setting before encryption, for the whole change.
// Never asserts a time: it prints, and passes whenever it runs.
#include "store/EncryptedSqlite.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <chrono>
#include <cstdio>
#include <random>

using namespace heart::store;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr int kCommits = 300;    // one transaction each: fsync-bound
constexpr int kBulkRows = 20000; // one transaction
constexpr int kPointReads = 20000;
constexpr int kScans = 10;

double msSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

struct Timings
{
    double commits = 0;
    double bulk = 0;
    double points = 0;
    double scans = 0;
};

bool run(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    std::printf("bench_encryption: %s: %s\n", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QString note(int i)
{
    return QStringLiteral("Person %1 called about a neighbour; follow up at 919-555-01%2 within 48 hours.")
        .arg(i)
        .arg(i % 100, 2, 10, QLatin1Char('0'));
}

bool measure(QSqlDatabase& db, const QString& synchronous, Timings* t)
{
    if (!db.open()) {
        std::printf("bench_encryption: %s\n", qPrintable(db.lastError().text()));
        return false;
    }
    if (!run(db, QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !run(db, QStringLiteral("PRAGMA synchronous=") + synchronous) ||
        !run(db, QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")))
        return false;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO notes (id, body) VALUES (?, ?)"));
    auto start = SteadyClock::now();
    for (int i = 0; i < kCommits; ++i) {
        insert.addBindValue(i);
        insert.addBindValue(note(i));
        if (!insert.exec())
            return false;
    }
    t->commits = msSince(start);

    start = SteadyClock::now();
    db.transaction();
    for (int i = kCommits; i < kCommits + kBulkRows; ++i) {
        insert.addBindValue(i);
        insert.addBindValue(note(i));
        if (!insert.exec())
            return false;
    }
    db.commit();
    t->bulk = msSince(start);

    std::mt19937 random(7);
    QSqlQuery point(db);
    point.setForwardOnly(true);
    point.prepare(QStringLiteral("SELECT body FROM notes WHERE id = ?"));
    start = SteadyClock::now();
    for (int i = 0; i < kPointReads; ++i) {
        point.addBindValue(int(random() % (kCommits + kBulkRows)));
        if (!point.exec() || !point.next())
            return false;
    }
    t->points = msSince(start);
    point.finish();

    start = SteadyClock::now();
    for (int i = 0; i < kScans; ++i) {
        QSqlQuery scan(db);
        if (!scan.exec(QStringLiteral("SELECT COUNT(*) FROM notes WHERE body LIKE '%0142%'")) || !scan.next())
            return false;
    }
    t->scans = msSince(start);
    insert.finish();
    db.close();
    return true;
}

void line(const char* what, double plain, double encrypted, double old)
{
    std::printf("  %-40s %9.1f ms %9.1f ms  %5.2fx   %9.1f ms\n", what, plain, encrypted, encrypted / plain,
                old);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    // The bench's keys go to a folder of its own, never into the keyring.
    qputenv("HEARTDESK_KEY_DIR", dir.filePath(QStringLiteral("keys")).toLocal8Bit());

    Timings plain, encryptedTimes, old;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(dir.filePath(QStringLiteral("plain.sqlite")));
        ok = ok && measure(db, QStringLiteral("FULL"), &plain);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(dir.filePath(QStringLiteral("old.sqlite")));
        ok = ok && measure(db, QStringLiteral("NORMAL"), &old);
    }
    {
        const QString path = dir.filePath(QStringLiteral("encrypted.sqlite"));
        encrypted::DatabaseId id{};
        if (const StoreError error = encrypted::createFile(path, &id)) {
            std::printf("bench_encryption: %s\n", qPrintable(error.detail));
            return 1;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("encrypted"));
        db.setConnectOptions(encrypted::connectOptions({}));
        db.setDatabaseName(encrypted::connectionUri(path, id, false));
        ok = ok && measure(db, QStringLiteral("FULL"), &encryptedTimes);
    }
    for (const char* name : {"plain", "old", "encrypted"})
        QSqlDatabase::removeDatabase(QLatin1String(name));
    if (!ok)
        return 1;
    std::printf("bench_encryption: plaintext vs encrypted SQLite (WAL, synchronous=FULL), same run\n");
    std::printf("  %-40s %12s %12s %7s %12s\n", "", "plaintext", "encrypted", "ratio", "plain NORMAL");
    line("300 inserts, one commit each", plain.commits, encryptedTimes.commits, old.commits);
    line("20,000 inserts in one transaction", plain.bulk, encryptedTimes.bulk, old.bulk);
    line("20,000 point SELECTs by id", plain.points, encryptedTimes.points, old.points);
    line("10 full scans (LIKE over 20,300 rows)", plain.scans, encryptedTimes.scans, old.scans);
    return 0;
}
