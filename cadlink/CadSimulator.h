#pragma once
// A CAD for tests, the demo and the benchmark (heartdesk-cli cad-sim): plays
// a call history as EIDO incidents to HEART Desk's link through a CadClient
// at a given rate, and answers HEART Desk's updates (optionally keeping each
// one as a file, to check against the official schema).
//
// The call history is CSV with a header row; columns by name, all optional
// but "id": id (the CAD incident number; a later row with the same id is an
// update of that incident), nature (the CAD's nature code), nature_text,
// lat, lon, address, caller, phone, relationship, person, age, language,
// cautions (separated by ";"), notes.
#include "cadlink/CadClient.h"

#include <QDateTime>
#include <QDir>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace heart::cadlink {

struct SimCall
{
    QString id;
    QString nature;
    QString natureText;
    std::optional<double> latitude;
    std::optional<double> longitude;
    QString address;
    QString callerName;
    QString callerPhone;
    QString relationship;
    QString personName;
    std::optional<int> personAge;
    QString language;
    QStringList cautions;
    QString notes;
};

// The rows of a call history, or nullopt with `error` naming the line.
std::optional<QList<SimCall>> readSimCalls(const QString& path, QString* error);
std::optional<QList<SimCall>> parseSimCalls(const QString& csv, QString* error);

// The EIDO (JSON text) of one incident as a CAD would send it.
QString incidentEido(const SimCall& call, const QDateTime& updatedAt, const QDateTime& receivedAt);
// The EIDO's top-level "$id" for a CAD incident number.
QString simIncidentId(const QString& cadNumber);

class CadSimulator : public QObject
{
    Q_OBJECT

public:
    CadSimulator(CadClient& client, QObject* parent = nullptr);

    // Plays the calls at `perSecond` (spread evenly); `repeat` plays the list again with new ids.
    void play(const QList<SimCall>& calls, double perSecond, int repeat = 1);
    // Sends EIDO files as they are (their own $id and time stamps).
    void sendFile(const QString& messageId, const QString& eidoJson);
    // Keeps every update received as UPDATE-NNNN.json in the folder.
    void keepUpdatesIn(const QDir& folder) { m_updatesDir = folder; }

    bool finishedPlaying() const { return m_next >= m_queue.size(); }
    qint64 played() const { return m_next; }
    // When each incident was handed to the client (ms since epoch), by CAD number.
    const QHash<QString, qint64>& sentAt() const { return m_sentAt; }

Q_SIGNALS:
    void playedAll();

private:
    void tick();

    CadClient& m_client;
    QList<SimCall> m_queue;
    qsizetype m_next = 0;
    double m_perSecond = 1;
    QTimer m_timer;
    QElapsedTimer m_started;
    std::optional<QDir> m_updatesDir;
    int m_updates = 0;
    QHash<QString, qint64> m_sentAt;
};

} // namespace heart::cadlink
