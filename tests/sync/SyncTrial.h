#pragma once
// One fault trial of the van laptop's sync (tests/sync/tst_sync_faults and
// scripts/sync-fault-bench): a fresh unit and call on the center, a laptop
// set up for that unit, the team lead's visit worked on the laptop by the
// driver process (tests/sync/sync_trial_driver.cpp) through the relay, and
// faults on the way:
//
//   a cut    - at one of the engine's steps (the driver waits there while
//              the relay cuts every connection), or after a random number of
//              bytes in one direction; the link then stays up, or stays down
//              for a while and the laptop works offline meanwhile;
//   a kill   - SIGKILL of the driver at one of the steps, or at a random
//              moment;
//   offline  - the link down from the start: the whole visit is worked
//              offline and synced when the link comes back.
//
// After the fault the link comes back and the driver is started again (if
// it was killed) until it says the sync is done. Then the checks:
//   - the laptop's and the center's rows of the unit agree (UnitChecksums);
//   - the status events of the call are there once each, on both sides, and
//     so are the two entries; the note is signed and the plan final at the
//     center;
//   - everything a driver said it committed (DID ...) before it was killed
//     or cut is at the center: the same event time, entry id, signature time;
//   - the laptop's audit chain verifies (a kill mid-write included);
//   - no conflict was made (nothing here was changed in two places);
//   - with the audit segments present (device_audit_log), every audit row of
//     the laptop is in the center's segment for the device, unchanged.
#include "common/TestDatabase.h"
#include "store/Actor.h"
#include "sync/TcpRelay.h"

#include <QMap>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace heart::test {

struct TrialPlan
{
    enum class Cut
    {
        None,
        AtStep,
        AfterBytes
    };
    enum class Kill
    {
        None,
        AtStep,
        AtRandomTime
    };
    Cut cut = Cut::None;
    Kill kill = Kill::None;
    QString step; // "push:center-commit"... (AtStep, cut or kill)
    int stepOccurrence = 1;
    qint64 bytes = 0;
    TcpRelay::Direction direction = TcpRelay::Direction::ToServer;
    int linkDownMs = 0; // after the cut: how long the link stays down (0: it stays up)
    int killAfterMs = 0;
    bool offlineFromStart = false;

    QString describe() const;
};

struct TrialResult
{
    QStringList problems; // empty: the trial passed
    int driverRuns = 0;
    bool killed = false;
    bool cutHappened = false;     // the relay closed at least one connection the trial meant to cut
    QStringList steps;            // every step name the drivers reported, in order ("name#n")
    QStringList events;           // "DID what" and "STEP name", in the order the drivers said them
    qint64 linkBackToDoneMs = -1; // the first run: from the link coming back to the driver's DONE
    qint64 bytesToServer = 0, bytesToClient = 0;
    bool auditChecked = false; // the center has the audit segments, and they were compared
    qint64 firstRunMs = 0;     // the first run of the driver
    qint64 elapsedMs = 0;      // the whole trial, setting up and checking included
};

// The counts printed after a run of trials.
struct TrialTally
{
    int trials = 0, failures = 0, kills = 0, cuts = 0, offline = 0, driverRuns = 0, auditChecked = 0;
    QMap<QString, int> cutsPerStep, killsPerStep;
    int cutsByBytes = 0, killsAtRandomTime = 0;
    QStringList failed; // "trial n (plan): first problem"

    void add(const TrialPlan& plan, const TrialResult& result, int index);
    QString describe() const;
};

class SyncTrials
{
public:
    SyncTrials();
    ~SyncTrials();

    // The center (a fresh PostgreSQL database), its accounts and the relay.
    QString setUp();

    // A random plan for trial `index`, scaled on a trial without faults: in
    // rounds of one trial per step, a cut at every step, a kill at every
    // step, then two rounds of cuts after n bytes, kills at a random moment
    // and offline starts; which time the step comes, the bytes and the
    // moment of a kill at random.
    TrialPlan randomPlan(QRandomGenerator& random, int index, const TrialResult& clean);
    TrialResult run(const TrialPlan& plan, int index);

    // After the trials: the center's audit chain holds (empty) or where it breaks.
    QString verifyCenterAudit();

    // The step names a trial went through, in the order first seen.
    static QStringList stepNames(const TrialResult& result);

private:
    struct Trial;
    QString prepare(Trial& trial, int index);
    QStringList verify(Trial& trial);

    std::unique_ptr<TestDatabase> m_center;
    std::unique_ptr<TcpRelay> m_relay;
    std::optional<store::Actor> m_supervisor, m_counselor, m_lead;
    QString m_leadStaffId;
    QString m_centerUrl; // through the relay, for the driver
};

} // namespace heart::test
