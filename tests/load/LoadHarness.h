#pragma once
// Simulated workstations for the load and restart tests: each station is a
// QThread with its own event loop, its own store::Database connection and its
// own ChangeFeed, and works a shift's mix through the use-case layer:
//
//   counselor  - takes calls (create, update), dispatches them: to the unit
//                it works with when that unit is available, else to a
//                mutual-aid unit typed by hand (and then closes the call);
//                reads the call queue
//   team lead  - moves its unit through the call (en route, on scene, clear,
//                available) and writes the encounter note on scene
//   navigator  - claims its follow-up tasks and logs attempts
//   supervisor - reads the queue, the board, the program summary and the
//                follow-up queue (the dashboard)
//
// Every write reads its record first, as a screen does, so a station never
// collides with itself. Deliberate collisions: two stations of a pair read
// the same record, meet (PairGate), and both save it from that version at
// once; exactly one must win and the other get StoreErrorCode::Conflict.
//
// Each station logs what it saw succeed (record, version, value), when its
// own commits returned, and what its feed delivered (sequence, when, the last
// version per record); analyse() compares them with the database afterwards.
#include "common/TestDatabase.h"
#include "store/ChangeJournal.h"
#include "store/Database.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace heart::load {

using Steady = std::chrono::steady_clock;

enum class Job
{
    Counselor,
    TeamLead,
    Navigator,
    Supervisor
};

// The record types as the journal names them, and a record's key in the maps below.
inline const QString kCall = QStringLiteral("call");
inline const QString kUnit = QStringLiteral("unit");
inline const QString kEncounter = QStringLiteral("encounter");
inline const QString kTask = QStringLiteral("followup_task");
inline QString key(const QString& type, const QString& id)
{
    return type + QLatin1Char('/') + id;
}

// One write a station saw succeed.
struct Write
{
    QString recordType; // "call", "unit", "encounter", "followup_task"
    QString recordId;
    int version = 0;
    QString value;   // calls and encounters: the narrative; units: the status code; tasks: empty
    int basedOn = 0; // the version it was saved from; one below `version`, or it overwrote a change unseen
};

// Two stations meet here; the second to arrive lets both go on.
class PairGate
{
public:
    // Waits (running the calling thread's events) for the other station.
    // False when the pair is closed: `mayGiveUp` said so while waiting alone,
    // or the other station gave up before.
    bool meet(const std::function<bool()>& mayGiveUp);

private:
    std::mutex m_mutex;
    int m_arrived = 0;
    int m_generation = 0;
    bool m_closed = false;
};

// A pair of stations of one job and the record they fight over.
struct Pair
{
    PairGate gate;
    QString recordId;
    std::mutex mutex;
    std::map<int, std::pair<int, int>> outcomes; // round -> (saved, conflicts)
};

struct StationPlan
{
    QString name;
    Job job = Job::Counselor;
    std::optional<store::Actor> actor;
    QString unitId; // counselor: the unit it may dispatch; team lead: its unit
    QString unitCode;
    QStringList taskIds; // navigator: its own tasks
    Pair* pair = nullptr;
    bool pairLeader = false; // counts the pair's rounds
};

struct StationReport
{
    QString name;
    Job job = Job::Counselor;
    QList<Write> writes;                // successful ones, in order
    QHash<QString, int> attemptsLogged; // task id -> attempts this station logged
    std::vector<double> saveMs;         // successful writes outside collisions
    std::vector<double> insertMs;       // the bare one-row INSERT, on this station's connection
    int reads = 0;
    int conflicts = 0;                                // every Conflict the station got
    int collisionRounds = 0;                          // the pair's leader: rounds its pair played
    int connectionFailures = 0;                       // ConnectionFailed answers (restart test)
    QStringList errors;                               // anything unexpected
    std::vector<std::pair<qint64, qint64>> committed; // seq, steady ns when its commit returned here
    std::vector<std::pair<qint64, qint64>> delivered; // seq, steady ns when this station's feed gave it
    QHash<QString, int> view;                         // "type/id" -> the last version the feed delivered
    qint64 lastSeen = -1;
    bool connectedAtEnd = false;
};

struct ShiftOptions
{
    std::chrono::milliseconds duration{20000};
    int thinkMs = 150;           // between one station's operations (jittered +-50%)
    int collisionEvery = 6;      // a paired station collides every n-th operation
    bool outageExpected = false; // ConnectionFailed is part of the run (restart test)
    // Called on the main thread once, `midRunAfter` into the shift.
    std::function<void()> midRun;
    std::chrono::milliseconds midRunAfter{0};
};

// Seeds a fresh database for a shift and lays out its stations.
struct Layout
{
    int counselors = 0;
    int counselorsWithUnit = 0; // the first n counselors each work with one team lead's unit
    int teamLeads = 0;
    int navigators = 0;
    int supervisors = 0;
    bool collisions = true; // pair up counselors, team leads and navigators
    int tasksPerNavigator = 60;
};

struct Shift
{
    std::vector<StationPlan> plans;
    std::vector<std::unique_ptr<Pair>> pairs;
    qint64 baseline = 0; // the journal's last sequence before the shift
    QString problem;     // empty when the seed worked
};

Shift seedShift(test::TestDatabase& fixture, const Layout& layout);

// Runs the stations until the duration is over, then lets every feed catch
// up with the journal's head. The reports come back in plan order.
std::vector<StationReport> runShift(test::TestDatabase& fixture, const Shift& shift,
                                    const ShiftOptions& options, QStringList* problems);

struct Analysis
{
    qint64 changesCommitted = 0; // journal rows the shift wrote
    int conflictsDetected = 0;
    int collisionsAttempted = 0;
    int collisionRoundsNotOneWinner = 0;
    int lostUpdates = 0;
    int journalRowsNotLogged = 0; // journal rows of the shift no station saw succeed
    int loggedNotInJournal = 0;
    bool auditValid = false;
    qint64 auditRows = 0;
    bool journalGapless = false;
    int feedsBehind = 0;    // stations whose feed did not deliver 1..head in order, once each
    int viewsDiffering = 0; // stations whose last version per record differs from the database
    int reads = 0;
    int connectionFailures = 0;
    double delayP50Ms = 0, delayP99Ms = 0, delayMaxMs = 0;
    qint64 delaySamples = 0;
    double saveP50Ms = 0, saveP99Ms = 0, insertP50Ms = 0, insertP99Ms = 0;
    qint64 saves = 0, inserts = 0;
    QStringList details; // what went wrong, for the failure message
};

// `exact`: the journal holds exactly what the stations saw succeed (false
// when writes were in doubt: a connection lost at COMMIT).
Analysis analyse(test::TestDatabase& fixture, const Shift& shift, const std::vector<StationReport>& reports,
                 bool exact);

QString describe(const Analysis& analysis);

} // namespace heart::load
