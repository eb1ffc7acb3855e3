#pragma once
// Tells this workstation, within a second, about every change any
// workstation commits: the journal's rows after the last one it has seen,
// each once, in sequence order.
//
// What wakes it:
//   - a commit on this connection (Database::changesCommitted), at once;
//   - PostgreSQL: a NOTIFY on the channel "heartdesk_journal", which the
//     journal sends inside the committing transaction (so it arrives only
//     after the commit). The payload is not trusted: the feed reads the
//     journal after its own last sequence, so a lost or merged notification
//     loses nothing, the next one (or the reconnect) catches up.
//   - SQLite (several programs on one file): PRAGMA data_version, a few
//     times a second; it moves when another connection committed.
//
// The connection: while it is lost the feed tries to reconnect every second
// (Database::ping) and, once back, listens again and reads what it missed.
// On PostgreSQL a light heartbeat (every few seconds) notices a server that
// went away while nothing was being written.
//
// One feed per open database (ChangeFeed::of), started on first use from
// the journal's head: what happened before is not reported.
#include "store/ChangeJournal.h"
#include "store/StoreError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

class QSqlDriver;

namespace heart::store {

class Database;

class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    // The feed of this database (made, and started, on first call).
    static ChangeFeed& of(Database& db);
    ~ChangeFeed() override;

    // The last journal sequence this workstation has been told about.
    qint64 lastSeen() const { return m_lastSeen; }
    // Reads the journal after lastSeen() and emits changes() with what is
    // new. A failed read keeps lastSeen(), so nothing is skipped.
    StoreError catchUp();
    // PostgreSQL: listening for the journal's notifications now.
    bool isListening() const;

    // How often a shared SQLite file is checked, and the PostgreSQL heartbeat
    // (for feeds made later; tests shorten them).
    static void setIntervals(std::chrono::milliseconds sqliteCheck, std::chrono::milliseconds heartbeat);

    static constexpr const char* kChannel = "heartdesk_journal";

Q_SIGNALS:
    // New journal rows, oldest first; every row exactly once.
    void changes(const QList<heart::store::JournalEntry>& entries);

private:
    explicit ChangeFeed(Database& db);
    void listen();
    void connectionChanged(bool connected);
    void checkSqlite();
    void heartbeat();
    void scheduleCatchUp();

    Database& m_db;
    QPointer<QSqlDriver> m_driver; // the driver whose notifications we take
    qint64 m_lastSeen = -1;        // -1: the head is not read yet
    qint64 m_dataVersion = -1;
    QTimer m_check;     // SQLite data_version / PostgreSQL heartbeat
    QTimer m_reconnect; // while the connection is lost
    bool m_listening = false;
    bool m_inCatchUp = false;
    bool m_again = false;
    bool m_scheduled = false;
};

} // namespace heart::store
