// The stations: threads with their own connection, feed and event loop
// (see LoadHarness.h), and the shift that runs them.
#include "core/units/UnitStatus.h"
#include "load/LoadHarness.h"
#include "store/ChangeFeed.h"
#include "store/CoreText.h"
#include "usecases/CallUseCases.h"
#include "usecases/EncounterUseCases.h"
#include "usecases/FollowUpUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <algorithm>

namespace heart::load {
namespace {

using store::StoreErrorCode;
using units::UnitStatus;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now().time_since_epoch()).count();
}

double msSince(Steady::time_point start)
{
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

void runEventsBriefly()
{
    if (auto* dispatcher = QThread::currentThread()->eventDispatcher())
        dispatcher->processEvents(QEventLoop::AllEvents);
    QThread::usleep(500);
}

// What the stations share while the shift runs.
struct Floor
{
    store::ConnectionSpec spec;
    QString password;
    ShiftOptions options;
    Steady::time_point deadline;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> writesDone{0};
    std::atomic<qint64> drainTo{-1};
    std::atomic<int> finished{0};
};

class Station : public QObject
{
public:
    Station(const StationPlan& plan, Floor& floor) : m_plan(plan), m_floor(floor)
    {
        m_report.name = plan.name;
        m_report.job = plan.job;
    }

    StationReport takeReport() { return std::move(m_report); }

    // In the station's thread.
    void start()
    {
        m_db = std::make_unique<store::Database>();
        if (const store::StoreError error = m_db->open(m_floor.spec, m_floor.password)) {
            m_report.errors.append(QStringLiteral("open: ") + error.detail);
            m_failedToOpen = true;
        } else {
            m_context.emplace(usecases::Context{*m_db, store_clock(), *m_plan.actor});
            store::ChangeFeed& feed = store::ChangeFeed::of(*m_db);
            connect(&feed, &store::ChangeFeed::changes, this, &Station::delivered);
            connect(m_db.get(), &store::Database::changesCommitted, this,
                    [this](const QList<store::JournalEntry>& entries) {
                        const qint64 now = steadyNs();
                        for (const store::JournalEntry& entry : entries)
                            m_report.committed.emplace_back(entry.seq, now);
                    });
        }
        ++m_floor.ready;
        waitForGo();
    }

private:
    static const Clock& store_clock() { return SystemClock::instance(); }

    void waitForGo()
    {
        if (!m_floor.go.load()) {
            QTimer::singleShot(5, this, &Station::waitForGo);
            return;
        }
        if (m_failedToOpen) {
            ++m_floor.writesDone;
            drain();
            return;
        }
        schedule();
    }

    void schedule()
    {
        const int think = m_floor.options.thinkMs;
        const int jitter = think > 1 ? int(QRandomGenerator::global()->bounded(think)) - think / 2 : 0;
        QTimer::singleShot(std::max(0, think + jitter), this, &Station::step);
    }

    bool pastDeadline() const { return Steady::now() >= m_floor.deadline; }

    void step()
    {
        if (pastDeadline()) {
            ++m_floor.writesDone;
            drain();
            return;
        }
        if (!m_db->isConnected()) {
            // The feed pings every second until the server is back.
            QTimer::singleShot(50, this, &Station::step);
            return;
        }
        ++m_ops;
        if (m_plan.pair && m_ops % m_floor.options.collisionEvery == 0)
            collide();
        else if (m_ops % 10 == 5)
            bareInsert();
        else
            work();
        schedule();
    }

    // Counts an answer. True when it succeeded.
    bool accept(const store::StoreError& error, const char* what)
    {
        if (!error)
            return true;
        if (error.code == StoreErrorCode::Conflict) {
            ++m_report.conflicts;
        } else if (error.code == StoreErrorCode::ConnectionFailed && m_floor.options.outageExpected) {
            ++m_report.connectionFailures;
        } else if (error.code == StoreErrorCode::QueryFailed && m_floor.options.outageExpected &&
                   !m_db->isConnected()) {
            ++m_report.connectionFailures; // a query the lost connection broke
        } else if (m_report.errors.size() < 20) {
            m_report.errors.append(QStringLiteral("%1 %2: %3 %4")
                                       .arg(m_plan.name, QLatin1String(what),
                                            store::storeErrorCodeName(error.code), error.detail));
        }
        return false;
    }
    template <typename T> bool accept(const store::StoreResult<T>& result, const char* what)
    {
        return accept(result.ok() ? store::StoreError{} : result.error(), what);
    }

    // basedOn: the version the save was made from (0 for a new record).
    void logWrite(const QString& type, const QString& id, int basedOn, int version, const QString& value,
                  Steady::time_point started, bool timed = true)
    {
        m_report.writes.append({type, id, version, value, basedOn});
        if (timed)
            m_report.saveMs.push_back(msSince(started));
    }

    QString token() const { return QStringLiteral("%1 op %2").arg(m_plan.name).arg(m_ops); }

    void bareInsert()
    {
        // Prepared first (as the stores' statements are), the round trip of its execution timed.
        // Not on a connection known to be down (Qt would warn "database not open").
        if (!m_db->isConnected() || !m_db->connection().isOpen())
            return;
        QSqlQuery probe(m_db->connection());
        if (!probe.prepare(QStringLiteral("INSERT INTO load_probe (station) VALUES (?)"))) {
            if (!m_floor.options.outageExpected)
                m_report.errors.append(QStringLiteral("bare insert: ") + probe.lastError().text());
            return;
        }
        probe.addBindValue(m_plan.name);
        const auto started = Steady::now();
        if (probe.exec())
            m_report.insertMs.push_back(msSince(started));
        else if (!m_floor.options.outageExpected)
            m_report.errors.append(QStringLiteral("bare insert: ") + probe.lastError().text());
    }

    void work()
    {
        switch (m_plan.job) {
        case Job::Counselor:
            return counselor();
        case Job::TeamLead:
            return teamLead();
        case Job::Navigator:
            return navigator();
        case Job::Supervisor:
            return supervisor();
        }
    }

    void counselor()
    {
        usecases::CallUseCases calls(*m_context);
        if (m_ops % 6 == 1) {
            m_report.reads += accept(calls.queue(), "queue");
            return;
        }
        if (!m_toClose.isEmpty()) {
            closeCall(calls);
            return;
        }
        if (m_call.isEmpty() || m_callUpdates >= 2) {
            if (!m_call.isEmpty() && !dispatch(calls))
                return;
            store::CallRecord call;
            call.cadNumber = QStringLiteral("L-%1-%2").arg(m_plan.name).arg(m_ops);
            call.receivedAt = QDateTime::currentDateTimeUtc();
            call.callType = QStringLiteral("welfare-check");
            call.narrative = token();
            const auto started = Steady::now();
            auto created = calls.save(call);
            if (accept(created, "create call")) {
                logWrite(kCall, created.value().id, 0, created.value().version, created.value().narrative,
                         started);
                m_call = created.value().id;
                m_callUpdates = 0;
            }
            return;
        }
        auto read = calls.open(m_call);
        if (!accept(read, "open call"))
            return;
        ++m_report.reads;
        store::CallRecord call = read.value();
        call.narrative = token();
        const auto started = Steady::now();
        auto saved = calls.save(call);
        if (accept(saved, "update call")) {
            logWrite(kCall, saved.value().id, read.value().version, saved.value().version,
                     saved.value().narrative, started);
            ++m_callUpdates;
        }
    }

    // A call the mutual-aid unit took is done with here: closed.
    void closeCall(usecases::CallUseCases& calls)
    {
        auto read = calls.open(m_toClose);
        if (!accept(read, "open call"))
            return;
        ++m_report.reads;
        if (read.value().isClosed()) { // closed by a save in doubt (restart test)
            m_toClose.clear();
            return;
        }
        const auto started = Steady::now();
        auto closed = calls.close(m_toClose, read.value().version);
        if (accept(closed, "close call")) {
            logWrite(kCall, m_toClose, read.value().version, closed.value().version, closed.value().narrative,
                     started);
            m_toClose.clear();
        }
    }

    // Sends the open call a unit: the counselor's own unit when it is
    // available, else one typed by hand. True when the call is done with.
    bool dispatch(usecases::CallUseCases& calls)
    {
        auto read = calls.open(m_call);
        if (!accept(read, "open call"))
            return false;
        ++m_report.reads;
        QString unitId;
        int unitVersion = 0;
        QString code = QStringLiteral("MUTUAL-AID");
        if (!m_plan.unitId.isEmpty()) {
            auto unit = calls.unit(m_plan.unitId);
            if (!accept(unit, "read unit"))
                return false;
            ++m_report.reads;
            if (unit.value().status == UnitStatus::Available) {
                unitId = unit.value().id;
                unitVersion = unit.value().version;
                code = unit.value().code;
            }
        }
        const auto started = Steady::now();
        auto sent = calls.dispatch(m_call, read.value().version, unitId, unitVersion, code);
        if (!accept(sent, "dispatch"))
            return false;
        if (sent.value().unit) {
            m_report.writes.append({kUnit, sent.value().unit->id, sent.value().unit->version,
                                    store::toQString(units::unitStatusCode(sent.value().unit->status)),
                                    unitVersion});
        }
        logWrite(kCall, sent.value().call.id, read.value().version, sent.value().call.version,
                 sent.value().call.narrative, started);
        if (unitId.isEmpty())
            m_toClose = m_call;
        m_call.clear();
        return true;
    }

    bool changeStatus(usecases::UnitUseCases& units, const store::Unit& unit, UnitStatus to)
    {
        const auto started = Steady::now();
        auto changed = units.changeStatus(unit.id, unit.version, to);
        if (!accept(changed, "change status"))
            return false;
        logWrite(kUnit, changed.value().id, unit.version, changed.value().version,
                 store::toQString(units::unitStatusCode(changed.value().status)), started);
        return true;
    }

    void teamLead()
    {
        usecases::UnitUseCases units(*m_context);
        if (m_ops % 6 == 1) {
            m_report.reads += accept(units.board(), "board");
            return;
        }
        auto read = units.unit(m_plan.unitId);
        if (!accept(read, "read unit"))
            return;
        ++m_report.reads;
        const store::Unit& unit = read.value();
        switch (unit.status) {
        case UnitStatus::Dispatched:
            changeStatus(units, unit, UnitStatus::EnRoute);
            return;
        case UnitStatus::EnRoute:
            if (changeStatus(units, unit, UnitStatus::OnScene)) {
                m_encounterCall.clear();
                m_notes = 0;
            }
            return;
        case UnitStatus::OnScene:
            if (m_notes >= 2) {
                changeStatus(units, unit, UnitStatus::Clear);
                return;
            }
            writeNote(unit);
            return;
        case UnitStatus::Clear:
            changeStatus(units, unit, UnitStatus::Available);
            return;
        default:
            m_report.reads += accept(units.board(), "board");
            return;
        }
    }

    void writeNote(const store::Unit& unit)
    {
        usecases::EncounterUseCases encounters(*m_context);
        if (m_encounterCall != unit.callId) {
            const auto started = Steady::now();
            auto opened = encounters.openOrCreate(unit.callId, unit.id);
            if (!accept(opened, "open or create encounter"))
                return;
            m_encounterCall = unit.callId;
            m_encounter = opened.value().id;
            if (opened.value().version == 1 && opened.value().note.narrative.empty())
                logWrite(kEncounter, m_encounter, 0, 1, {}, started);
            return;
        }
        auto read = encounters.open(m_encounter);
        if (!accept(read, "open encounter"))
            return;
        ++m_report.reads;
        encounter::EncounterNote note = read.value().note;
        note.narrative = token().toStdString();
        note.presentingConcern = "calm, talking";
        const auto started = Steady::now();
        auto written = encounters.writeNote(m_encounter, read.value().version, note);
        if (accept(written, "write note")) {
            logWrite(kEncounter, m_encounter, read.value().version, written.value().version,
                     QString::fromStdString(written.value().note.narrative), started);
            ++m_notes;
        }
    }

    void navigator()
    {
        usecases::FollowUpUseCases followUps(*m_context);
        if (m_ops % 6 == 1) {
            store::FollowUpQueueFilter mine;
            mine.assignedTo = m_plan.actor->userId();
            m_report.reads += accept(followUps.queueCount(mine, store_clock().now()), "queue count");
            return;
        }
        if (m_plan.taskIds.isEmpty())
            return;
        const QString taskId = m_plan.taskIds.at(m_task % m_plan.taskIds.size());
        auto read = followUps.open(taskId);
        if (!accept(read, "open task"))
            return;
        ++m_report.reads;
        const store::FollowUpTask& task = read.value().task;
        const auto started = Steady::now();
        if (task.assignedTo.isEmpty()) {
            auto claimed = followUps.claim(taskId, task.version);
            if (accept(claimed, "claim"))
                logWrite(kTask, taskId, task.version, claimed.value().version, {}, started);
            return;
        }
        if (m_attemptsOnTask >= 3) {
            ++m_task;
            m_attemptsOnTask = 0;
            return;
        }
        if (logAttempt(followUps, taskId, task.version, started))
            ++m_attemptsOnTask;
    }

    bool logAttempt(usecases::FollowUpUseCases& followUps, const QString& taskId, int version,
                    Steady::time_point started, bool timed = true)
    {
        auto logged = followUps.logAttempt(taskId, version, followup::AttemptChannel::Phone,
                                           followup::AttemptResult::Reached, token());
        if (!accept(logged, "log attempt"))
            return false;
        logWrite(kTask, taskId, version, logged.value().version, {}, started, timed);
        ++m_report.attemptsLogged[taskId];
        return true;
    }

    void supervisor()
    {
        usecases::CallUseCases calls(*m_context);
        usecases::FollowUpUseCases followUps(*m_context);
        m_report.reads += accept(calls.queue(), "queue");
        m_report.reads += accept(calls.unitBoard(), "board");
        m_report.reads +=
            accept(calls.programSummary(QDateTime::currentDateTimeUtc().addSecs(-12 * 3600)), "summary");
        m_report.reads +=
            accept(followUps.queueCount(store::FollowUpQueueFilter{}, store_clock().now()), "follow-ups");
    }

    // Both stations of the pair read the contested record, meet, and save it
    // from what they read at the same moment.
    void collide()
    {
        Pair& pair = *m_plan.pair;
        if (!pair.gate.meet([this] { return pastDeadline(); })) {
            m_plan.pair = nullptr; // the other one has gone home
            return;
        }
        const int round = m_round++;
        const auto never = [] {
            return false;
        };
        bool saved = false;
        const int conflictsBefore = m_report.conflicts;
        switch (m_plan.job) {
        case Job::Counselor: {
            usecases::CallUseCases calls(*m_context);
            auto read = calls.open(pair.recordId);
            accept(read, "open contested call");
            pair.gate.meet(never);
            if (!read.ok())
                break;
            store::CallRecord call = read.value();
            call.narrative = token();
            auto result = calls.save(call);
            if ((saved = accept(result, "save contested call")))
                logWrite(kCall, pair.recordId, read.value().version, result.value().version,
                         result.value().narrative, {}, false);
            break;
        }
        case Job::TeamLead: {
            usecases::UnitUseCases units(*m_context);
            auto read = units.unit(pair.recordId);
            accept(read, "read contested unit");
            pair.gate.meet(never);
            if (!read.ok())
                break;
            const UnitStatus to = read.value().status == UnitStatus::Available ? UnitStatus::OutOfService
                                                                               : UnitStatus::Available;
            auto result = units.changeStatus(pair.recordId, read.value().version, to);
            if ((saved = accept(result, "contested status")))
                logWrite(kUnit, pair.recordId, read.value().version, result.value().version,
                         store::toQString(units::unitStatusCode(result.value().status)), {}, false);
            break;
        }
        case Job::Navigator: {
            usecases::FollowUpUseCases followUps(*m_context);
            auto read = followUps.open(pair.recordId);
            accept(read, "open contested task");
            pair.gate.meet(never);
            if (!read.ok())
                break;
            saved = logAttempt(followUps, pair.recordId, read.value().task.version, {}, false);
            break;
        }
        case Job::Supervisor:
            pair.gate.meet(never);
            break;
        }
        const std::lock_guard lock(pair.mutex);
        auto& outcome = pair.outcomes[round];
        outcome.first += saved ? 1 : 0;
        outcome.second += m_report.conflicts - conflictsBefore;
        if (m_plan.pairLeader)
            ++m_report.collisionRounds;
    }

    void delivered(const QList<store::JournalEntry>& entries)
    {
        const qint64 now = steadyNs();
        for (const store::JournalEntry& entry : entries) {
            m_report.delivered.emplace_back(entry.seq, now);
            m_report.view.insert(key(entry.recordType, entry.recordId), entry.version);
        }
    }

    // Writes are over: wait until the feed has delivered the journal's head
    // (the main thread posts it once every station stopped writing).
    void drain()
    {
        const qint64 target = m_floor.drainTo.load();
        if (m_db && !m_failedToOpen) {
            store::ChangeFeed& feed = store::ChangeFeed::of(*m_db);
            if (target < 0 || feed.lastSeen() < target || !m_db->isConnected()) {
                if (target >= 0 && m_db->isConnected())
                    feed.catchUp(); // the notification may be merged into one already read
                QTimer::singleShot(20, this, &Station::drain);
                return;
            }
            m_report.lastSeen = feed.lastSeen();
            m_report.connectedAtEnd = m_db->isConnected();
        } else if (target < 0) {
            QTimer::singleShot(20, this, &Station::drain);
            return;
        }
        finish();
    }

public:
    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        if (m_db && !m_report.connectedAtEnd)
            m_report.lastSeen = store::ChangeFeed::of(*m_db).lastSeen();
        m_context.reset();
        m_db.reset();
        ++m_floor.finished;
        QThread::currentThread()->quit();
    }

private:
    StationPlan m_plan;
    Floor& m_floor;
    StationReport m_report;
    std::unique_ptr<store::Database> m_db;
    std::optional<usecases::Context> m_context;
    bool m_failedToOpen = false;
    bool m_done = false;
    int m_ops = 0;
    int m_round = 0;
    QString m_call;
    QString m_toClose;
    int m_callUpdates = 0;
    QString m_encounterCall;
    QString m_encounter;
    int m_notes = 0;
    int m_task = 0;
    int m_attemptsOnTask = 0;
};

} // namespace

bool PairGate::meet(const std::function<bool()>& mayGiveUp)
{
    int generation = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (m_closed)
            return false;
        generation = m_generation;
        if (++m_arrived == 2) {
            m_arrived = 0;
            ++m_generation;
            return true;
        }
    }
    for (;;) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_generation != generation)
                return true;
            if (mayGiveUp()) {
                m_closed = true;
                m_arrived = 0;
                return false;
            }
        }
        runEventsBriefly();
    }
}

std::vector<StationReport> runShift(test::TestDatabase& fixture, const Shift& shift,
                                    const ShiftOptions& options, QStringList* problems)
{
    Floor floor;
    floor.spec = fixture.spec();
    floor.password = fixture.password();
    floor.options = options;
    const int count = int(shift.plans.size());

    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<Station>> stations;
    for (const StationPlan& plan : shift.plans) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(plan.name);
        auto station = std::make_unique<Station>(plan, floor);
        station->moveToThread(thread.get());
        Station* raw = station.get();
        QObject::connect(thread.get(), &QThread::started, raw, [raw] { raw->start(); });
        thread->start();
        threads.push_back(std::move(thread));
        stations.push_back(std::move(station));
    }
    const auto waitUntil = [](const std::function<bool()>& done, std::chrono::seconds limit) {
        const auto until = Steady::now() + limit;
        while (!done()) {
            if (Steady::now() > until)
                return false;
            QCoreApplication::processEvents();
            QThread::msleep(5);
        }
        return true;
    };
    if (!waitUntil([&] { return floor.ready.load() == count; }, std::chrono::seconds(120)))
        problems->append(QStringLiteral("not every station opened its connection in time"));

    const auto started = Steady::now();
    floor.deadline = started + options.duration;
    floor.go = true;
    if (options.midRun) {
        waitUntil([&] { return Steady::now() >= started + options.midRunAfter; }, std::chrono::hours(1));
        options.midRun();
    }
    // The stations stop writing at the deadline; then each feed catches up with the head.
    if (!waitUntil([&] { return floor.writesDone.load() == count; },
                   std::chrono::duration_cast<std::chrono::seconds>(options.duration) +
                       std::chrono::seconds(120)))
        problems->append(QStringLiteral("stations still writing 120 s after the end of the shift"));
    auto head = store::ChangeJournal(fixture.db()).lastSeq();
    if (!head.ok())
        problems->append(QStringLiteral("journal head: ") + head.error().detail);
    floor.drainTo = head.ok() ? head.value() : 0;
    if (!waitUntil([&] { return floor.finished.load() == count; }, std::chrono::seconds(60))) {
        problems->append(QStringLiteral("some feeds did not reach the journal's head within 60 s"));
        for (size_t i = 0; i < stations.size(); ++i) {
            Station* raw = stations[i].get();
            QMetaObject::invokeMethod(
                raw, [raw] { raw->finish(); }, Qt::QueuedConnection);
        }
    }
    std::vector<StationReport> reports;
    for (size_t i = 0; i < stations.size(); ++i) {
        threads[i]->wait();
        reports.push_back(stations[i]->takeReport());
    }
    stations.clear();
    threads.clear();
    return reports;
}

} // namespace heart::load
