#include "load/LoadHarness.h"

#include "core/Uuid.h"
#include "core/units/UnitStatus.h"
#include "store/AuditTrail.h"
#include "store/ChangeFeed.h"
#include "store/CoreText.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"
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
#include <set>

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

QString key(const QString& type, const QString& id)
{
    return type + QLatin1Char('/') + id;
}

const QString kCall = QStringLiteral("call");
const QString kUnit = QStringLiteral("unit");
const QString kEncounter = QStringLiteral("encounter");
const QString kTask = QStringLiteral("followup_task");

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

    void logWrite(const QString& type, const QString& id, int version, const QString& value,
                  Steady::time_point started, bool timed = true)
    {
        m_report.writes.append({type, id, version, value});
        if (timed)
            m_report.saveMs.push_back(msSince(started));
    }

    QString token() const { return QStringLiteral("%1 op %2").arg(m_plan.name).arg(m_ops); }

    void bareInsert()
    {
        // Prepared first (as the stores' statements are), the round trip of its execution timed.
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
                logWrite(kCall, created.value().id, created.value().version, created.value().narrative,
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
            logWrite(kCall, saved.value().id, saved.value().version, saved.value().narrative, started);
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
            logWrite(kCall, m_toClose, closed.value().version, closed.value().narrative, started);
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
                                    store::toQString(units::unitStatusCode(sent.value().unit->status))});
        }
        logWrite(kCall, sent.value().call.id, sent.value().call.version, sent.value().call.narrative,
                 started);
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
        logWrite(kUnit, changed.value().id, changed.value().version,
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
                logWrite(kEncounter, m_encounter, 1, {}, started);
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
            logWrite(kEncounter, m_encounter, written.value().version,
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
                logWrite(kTask, taskId, claimed.value().version, {}, started);
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
        logWrite(kTask, taskId, logged.value().version, {}, started, timed);
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
                logWrite(kCall, pair.recordId, result.value().version, result.value().narrative, {}, false);
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
                logWrite(kUnit, pair.recordId, result.value().version,
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

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index =
        size_t(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)));
    return values[index];
}

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

Shift seedShift(test::TestDatabase& fixture, const Layout& layout)
{
    Shift shift;
    store::Database& db = fixture.db();
    const Clock& clock = fixture.clock();
    const store::Actor counselor = fixture.actorFor(Role::CallCounselor);
    const store::Actor teamLead = fixture.actorFor(Role::CrtTeamLead);
    const store::Actor navigator = fixture.actorFor(Role::CareNavigator);
    const store::Actor supervisor = fixture.actorFor(Role::Supervisor);
    usecases::UnitUseCases supervisorUnits({db, clock, supervisor});
    usecases::UnitUseCases leadUnits({db, clock, teamLead});
    usecases::CallUseCases counselorCalls({db, clock, counselor});

    const auto fail = [&](const QString& what, const store::StoreError& error) {
        shift.problem = what + QStringLiteral(": ") + error.detail;
        return std::move(shift);
    };
    const auto newUnit = [&](const QString& code, store::Unit* out) -> store::StoreError {
        auto unit = supervisorUnits.createUnit(code, units::UnitKind::CommunityResponse);
        if (!unit.ok())
            return unit.error();
        auto available = leadUnits.changeStatus(unit.value().id, unit.value().version, UnitStatus::Available);
        if (!available.ok())
            return available.error();
        *out = available.value();
        return {};
    };
    const auto newCall = [&](const QString& cad, QString* id) -> store::StoreError {
        store::CallRecord call;
        call.cadNumber = cad;
        call.receivedAt = store::toDateTime(clock.now());
        call.callType = QStringLiteral("welfare-check");
        auto created = counselorCalls.save(call);
        if (!created.ok())
            return created.error();
        *id = created.value().id;
        return {};
    };

    // The bare round trip the saves are compared with.
    const test::RawResult probe = fixture.sql(
        QStringLiteral("CREATE TABLE load_probe (id BIGSERIAL PRIMARY KEY, station TEXT NOT NULL)"));
    if (!probe.ok) {
        shift.problem = QStringLiteral("load_probe: ") + probe.error;
        return shift;
    }

    // Follow-up tasks nobody holds, each from its own (closed) call, seeded
    // straight into the tables: 2 per navigator pair to fight over too.
    const int taskCount = layout.navigators * layout.tasksPerNavigator + layout.navigators;
    QStringList tasks;
    {
        store::SqlTransaction tx(db);
        const QString stamp = store::toStoredTime(clock.now());
        const QString due = store::toStoredTime(clock.now() + std::chrono::hours(24));
        QSqlQuery call(db.connection());
        call.prepare(
            QStringLiteral("INSERT INTO calls (id, cad_number, received_at, call_type, program, status, "
                           "created_at, updated_at) VALUES (?, ?, ?, 'welfare-check', 'crt', 'closed', "
                           "?, ?)"));
        QSqlQuery task(db.connection());
        task.prepare(QStringLiteral("INSERT INTO followup_tasks (id, source_key, kind, program, call_id, "
                                    "risk_rank, contact_at, due_at, "
                                    "state, attempts, max_attempts, created_at, updated_at) VALUES (?, ?, "
                                    "'follow_up', 'crt', ?, 0, ?, "
                                    "?, 'open', 0, 3, ?, ?)"));
        for (int i = 0; i < taskCount; ++i) {
            const QString callId = store::toQString(newRecordId(clock.now()));
            const QString taskId = store::toQString(newRecordId(clock.now()));
            for (const QVariant& v : {QVariant(callId), QVariant(QStringLiteral("LOAD-T-%1").arg(i)),
                                      QVariant(stamp), QVariant(stamp), QVariant(stamp)})
                call.addBindValue(v);
            for (const QVariant& v :
                 {QVariant(taskId), QVariant(QStringLiteral("encounter:") + callId), QVariant(callId),
                  QVariant(stamp), QVariant(due), QVariant(stamp), QVariant(stamp)})
                task.addBindValue(v);
            if (!call.exec() || !task.exec()) {
                shift.problem = QStringLiteral("seeding tasks: %1 %2")
                                    .arg(call.lastError().text(), task.lastError().text());
                return shift;
            }
            tasks.append(taskId);
        }
        if (const store::StoreError error = tx.commit())
            return fail(QStringLiteral("seeding tasks"), error);
    }

    const auto makePair = [&](const QString& recordId) {
        shift.pairs.push_back(std::make_unique<Pair>());
        shift.pairs.back()->recordId = recordId;
        return shift.pairs.back().get();
    };
    const auto add = [&](Job job, const store::Actor& actor, const QString& name) -> StationPlan& {
        StationPlan plan;
        plan.name = name;
        plan.job = job;
        plan.actor = actor;
        shift.plans.push_back(plan);
        return shift.plans.back();
    };

    // Team leads, each with a unit; the first ones' units are dispatched by a counselor.
    std::vector<store::Unit> leadUnitsMade;
    for (int i = 0; i < layout.teamLeads; ++i) {
        store::Unit unit;
        if (const auto error = newUnit(QStringLiteral("CRT-%1").arg(i + 1), &unit))
            return fail(QStringLiteral("unit"), error);
        leadUnitsMade.push_back(unit);
        StationPlan& plan = add(Job::TeamLead, teamLead, QStringLiteral("lead-%1").arg(i + 1));
        plan.unitId = unit.id;
        plan.unitCode = unit.code;
    }
    if (layout.collisions) {
        for (int i = 0; i + 1 < layout.teamLeads; i += 2) {
            store::Unit contested;
            if (const auto error = newUnit(QStringLiteral("SPARE-%1").arg(i / 2 + 1), &contested))
                return fail(QStringLiteral("spare unit"), error);
            Pair* pair = makePair(contested.id);
            shift.plans[size_t(i)].pair = pair;
            shift.plans[size_t(i)].pairLeader = true;
            shift.plans[size_t(i + 1)].pair = pair;
        }
    }
    const size_t firstCounselor = shift.plans.size();
    for (int i = 0; i < layout.counselors; ++i) {
        StationPlan& plan = add(Job::Counselor, counselor, QStringLiteral("counselor-%1").arg(i + 1));
        if (i < layout.counselorsWithUnit && size_t(i) < leadUnitsMade.size()) {
            plan.unitId = leadUnitsMade[size_t(i)].id;
            plan.unitCode = leadUnitsMade[size_t(i)].code;
        }
    }
    if (layout.collisions) {
        // The counselors without a unit of their own fight over calls.
        for (int i = layout.counselorsWithUnit; i + 1 < layout.counselors; i += 2) {
            QString contested;
            if (const auto error = newCall(QStringLiteral("LOAD-C-%1").arg(i), &contested))
                return fail(QStringLiteral("contested call"), error);
            Pair* pair = makePair(contested);
            shift.plans[firstCounselor + size_t(i)].pair = pair;
            shift.plans[firstCounselor + size_t(i)].pairLeader = true;
            shift.plans[firstCounselor + size_t(i + 1)].pair = pair;
        }
    }
    const size_t firstNavigator = shift.plans.size();
    for (int i = 0; i < layout.navigators; ++i) {
        StationPlan& plan = add(Job::Navigator, navigator, QStringLiteral("navigator-%1").arg(i + 1));
        plan.taskIds = tasks.mid(i * layout.tasksPerNavigator, layout.tasksPerNavigator);
    }
    if (layout.collisions) {
        for (int i = 0; i + 1 < layout.navigators; i += 2) {
            Pair* pair = makePair(tasks.at(layout.navigators * layout.tasksPerNavigator + i / 2));
            shift.plans[firstNavigator + size_t(i)].pair = pair;
            shift.plans[firstNavigator + size_t(i)].pairLeader = true;
            shift.plans[firstNavigator + size_t(i + 1)].pair = pair;
        }
    }
    for (int i = 0; i < layout.supervisors; ++i)
        add(Job::Supervisor, supervisor, QStringLiteral("supervisor-%1").arg(i + 1));

    auto head = store::ChangeJournal(db).lastSeq();
    if (!head.ok())
        return fail(QStringLiteral("journal head"), head.error());
    shift.baseline = head.value();
    return shift;
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

Analysis analyse(test::TestDatabase& fixture, const Shift& shift, const std::vector<StationReport>& reports,
                 bool exact)
{
    Analysis a;
    const auto problem = [&](const QString& text) {
        if (a.details.size() < 40)
            a.details.append(text);
    };

    // The journal: 1..N, once each; what the shift wrote is after the baseline.
    const test::RawResult journal = fixture.sql(
        QStringLiteral("SELECT seq, record_type, record_id, version FROM change_journal ORDER BY seq"));
    if (!journal.ok) {
        problem(QStringLiteral("reading the journal: ") + journal.error);
        return a;
    }
    a.journalGapless = true;
    qint64 expected = 1;
    std::set<std::tuple<QString, QString, int>> journaled;
    QHash<QString, int> lastVersion; // "type/id" -> the last version the journal names
    for (const QVariantList& row : journal.rows) {
        const qint64 seq = row.at(0).toLongLong();
        if (seq != expected) {
            a.journalGapless = false;
            problem(QStringLiteral("journal: seq %1 where %2 was due").arg(seq).arg(expected));
        }
        expected = seq + 1;
        if (seq <= shift.baseline)
            continue;
        ++a.changesCommitted;
        const QString type = row.at(1).toString(), id = row.at(2).toString();
        const int version = row.at(3).toInt();
        if (!journaled.emplace(type, id, version).second) {
            // Two commits that both claim one version of a record: one of them was lost.
            ++a.lostUpdates;
            problem(QStringLiteral("journal: %1 %2 version %3 twice").arg(type, id).arg(version));
        }
        lastVersion[key(type, id)] = std::max(lastVersion.value(key(type, id)), version);
    }
    const qint64 head = expected - 1;

    store::AuditTrail trail(fixture.db(), fixture.clock());
    auto verified = trail.verify();
    if (!verified.ok()) {
        problem(QStringLiteral("audit verify: ") + verified.error().detail);
    } else {
        a.auditRows = verified.value().rowsChecked;
        a.auditValid = !verified.value().firstBreak.has_value();
        if (!a.auditValid)
            problem(QStringLiteral("the audit chain breaks"));
    }

    // The final rows.
    QHash<QString, std::pair<int, QString>> rows; // "type/id" -> (version, value)
    const auto readRows = [&](const QString& type, const QString& sql) {
        const test::RawResult result = fixture.sql(sql);
        if (!result.ok)
            problem(type + QStringLiteral(": ") + result.error);
        for (const QVariantList& row : result.rows)
            rows.insert(key(type, row.at(0).toString()), {row.at(1).toInt(), row.at(2).toString()});
    };
    readRows(kCall, QStringLiteral("SELECT id, version, COALESCE(narrative, '') FROM calls"));
    readRows(kUnit, QStringLiteral("SELECT id, version, status FROM units"));
    readRows(kEncounter, QStringLiteral("SELECT id, version, COALESCE(narrative, '') FROM encounters"));
    readRows(kTask, QStringLiteral("SELECT t.id, t.version, CAST((SELECT COUNT(*) FROM followup_attempts a "
                                   "WHERE a.task_id = t.id) AS TEXT) FROM followup_tasks t"));

    // Replays every station's own log of successful writes against them.
    struct Last
    {
        int version = 0;
        QString value;
        QString station;
    };
    QHash<QString, Last> last;
    QHash<QString, std::set<int>> versionsSaved;
    QHash<QString, int> attemptsLogged;
    std::vector<double> saves, inserts;
    for (const StationReport& report : reports) {
        for (const QString& error : report.errors)
            problem(error);
        a.conflictsDetected += report.conflicts;
        a.collisionsAttempted += report.collisionRounds;
        a.reads += report.reads;
        a.connectionFailures += report.connectionFailures;
        saves.insert(saves.end(), report.saveMs.begin(), report.saveMs.end());
        inserts.insert(inserts.end(), report.insertMs.begin(), report.insertMs.end());
        for (auto it = report.attemptsLogged.begin(); it != report.attemptsLogged.end(); ++it)
            attemptsLogged[it.key()] += it.value();
        for (const Write& write : report.writes) {
            const QString k = key(write.recordType, write.recordId);
            if (!versionsSaved[k].insert(write.version).second) {
                ++a.lostUpdates;
                problem(QStringLiteral("%1 version %2 saved twice").arg(k).arg(write.version));
            }
            if (!journaled.count({write.recordType, write.recordId, write.version})) {
                ++a.loggedNotInJournal;
                problem(
                    QStringLiteral("%1 saved version %2 that the journal lacks").arg(k).arg(write.version));
            }
            if (write.version > last.value(k).version)
                last.insert(k, {write.version, write.value, report.name});
        }
    }
    qint64 logged = 0;
    for (auto it = versionsSaved.begin(); it != versionsSaved.end(); ++it)
        logged += qint64(it.value().size());
    if (exact && logged != a.changesCommitted) {
        a.journalRowsNotLogged = int(a.changesCommitted - logged);
        problem(QStringLiteral("the journal has %1 rows of the shift, the stations saw %2 saves")
                    .arg(a.changesCommitted)
                    .arg(logged));
    }
    for (auto it = last.begin(); it != last.end(); ++it) {
        const auto row = rows.find(it.key());
        bool lost = false;
        if (row == rows.end()) {
            lost = true;
        } else if (exact || row->first == it->version) {
            // The last save anyone saw succeed is what the row holds (with
            // writes in doubt, only when nothing came after it).
            const bool valueDiffers = !it.key().startsWith(kTask) && row->second != it->value;
            lost = row->first != it->version || valueDiffers;
        } else {
            lost = row->first < it->version;
        }
        if (lost) {
            ++a.lostUpdates;
            problem(QStringLiteral("%1: %2 saved version %3 '%4', the row holds version %5 '%6'")
                        .arg(it.key(), it->station)
                        .arg(it->version)
                        .arg(it->value)
                        .arg(row == rows.end() ? -1 : row->first)
                        .arg(row == rows.end() ? QString() : row->second));
        }
    }
    for (auto it = attemptsLogged.begin(); it != attemptsLogged.end(); ++it) {
        const int stored = rows.value(key(kTask, it.key())).second.toInt();
        if (exact ? stored != it.value() : stored < it.value()) {
            ++a.lostUpdates;
            problem(QStringLiteral("task %1: %2 attempts logged, %3 stored")
                        .arg(it.key())
                        .arg(it.value())
                        .arg(stored));
        }
    }

    // Collisions: every round one save and one Conflict.
    for (const auto& pair : shift.pairs) {
        for (const auto& [round, outcome] : pair->outcomes) {
            if (outcome.first != 1 || outcome.second != 1) {
                ++a.collisionRoundsNotOneWinner;
                problem(QStringLiteral("collision on %1, round %2: %3 saved, %4 conflicts")
                            .arg(pair->recordId)
                            .arg(round)
                            .arg(outcome.first)
                            .arg(outcome.second));
            }
        }
    }

    // The feeds: every station was told 1..head after the baseline, in
    // order, once each, and its last version per record is the database's.
    QHash<qint64, qint64> committedAt;
    QHash<qint64, int> committedBy;
    for (size_t s = 0; s < reports.size(); ++s) {
        for (const auto& [seq, ns] : reports[s].committed) {
            committedAt.insert(seq, ns);
            committedBy.insert(seq, int(s));
        }
    }
    std::vector<double> delays;
    for (size_t s = 0; s < reports.size(); ++s) {
        const StationReport& report = reports[s];
        qint64 next = shift.baseline + 1;
        bool inOrder = true;
        for (const auto& [seq, ns] : report.delivered) {
            inOrder = inOrder && seq == next;
            next = seq + 1;
            const auto by = committedBy.find(seq);
            if (by != committedBy.end() && *by != int(s))
                delays.push_back(double(ns - committedAt.value(seq)) / 1e6);
        }
        if (!inOrder || next - 1 != head || report.lastSeen != head) {
            ++a.feedsBehind;
            problem(QStringLiteral("%1's feed: delivered up to %2 (last seen %3) of %4%5")
                        .arg(report.name)
                        .arg(next - 1)
                        .arg(report.lastSeen)
                        .arg(head)
                        .arg(inOrder ? QString() : QStringLiteral(", out of order")));
        }
        int differing = 0;
        for (auto it = lastVersion.begin(); it != lastVersion.end(); ++it) {
            const auto row = rows.find(it.key());
            const int inDatabase = row != rows.end() ? row->first : it.value();
            if (report.view.value(it.key()) != inDatabase) {
                if (++differing == 1)
                    problem(QStringLiteral("%1 was told %2 version %3, the database has %4")
                                .arg(report.name, it.key())
                                .arg(report.view.value(it.key()))
                                .arg(inDatabase));
            }
        }
        a.viewsDiffering += differing > 0 ? 1 : 0;
    }
    a.delaySamples = qint64(delays.size());
    a.delayP50Ms = percentile(delays, 0.50);
    a.delayP99Ms = percentile(delays, 0.99);
    a.delayMaxMs = percentile(delays, 1.0);
    a.saves = qint64(saves.size());
    a.saveP50Ms = percentile(saves, 0.50);
    a.saveP99Ms = percentile(saves, 0.99);
    a.inserts = qint64(inserts.size());
    a.insertP50Ms = percentile(inserts, 0.50);
    a.insertP99Ms = percentile(inserts, 0.99);
    return a;
}

QString describe(const Analysis& a)
{
    const auto ratio = [](double x, double base) {
        return base > 0 ? x / base : 0.0;
    };
    QStringList lines;
    lines << QStringLiteral("changes committed:          %1 (journal rows; %2 reads)")
                 .arg(a.changesCommitted)
                 .arg(a.reads)
          << QStringLiteral("conflicts detected:         %1 of %2 collisions attempted%3")
                 .arg(a.conflictsDetected)
                 .arg(a.collisionsAttempted)
                 .arg(a.collisionRoundsNotOneWinner
                          ? QStringLiteral(" (%1 rounds without exactly one winner)")
                                .arg(a.collisionRoundsNotOneWinner)
                          : QString())
          << QStringLiteral("lost updates:               %1").arg(a.lostUpdates)
          << QStringLiteral("audit chain valid:          %1 (%2 rows)")
                 .arg(a.auditValid ? QStringLiteral("yes") : QStringLiteral("NO"))
                 .arg(a.auditRows)
          << QStringLiteral("journal gapless:            %1")
                 .arg(a.journalGapless ? QStringLiteral("yes") : QStringLiteral("NO"))
          << QStringLiteral("feeds at the head, in order: %1 behind, %2 views differing from the database")
                 .arg(a.feedsBehind)
                 .arg(a.viewsDiffering)
          << QStringLiteral("notification delay:         p50 %1 ms, p99 %2 ms, max %3 ms (%4 deliveries to "
                            "other stations)")
                 .arg(a.delayP50Ms, 0, 'f', 1)
                 .arg(a.delayP99Ms, 0, 'f', 1)
                 .arg(a.delayMaxMs, 0, 'f', 1)
                 .arg(a.delaySamples)
          << QStringLiteral("save latency:               p50 %1 ms, p99 %2 ms (%3 saves)")
                 .arg(a.saveP50Ms, 0, 'f', 2)
                 .arg(a.saveP99Ms, 0, 'f', 2)
                 .arg(a.saves)
          << QStringLiteral("bare one-row INSERT:        p50 %1 ms, p99 %2 ms (%3 inserts)")
                 .arg(a.insertP50Ms, 0, 'f', 2)
                 .arg(a.insertP99Ms, 0, 'f', 2)
                 .arg(a.inserts)
          << QStringLiteral(
                 "save / bare INSERT:         p50 %1x, p99 %2x (each to the INSERT's own p50 and p99)")
                 .arg(ratio(a.saveP50Ms, a.insertP50Ms), 0, 'f', 1)
                 .arg(ratio(a.saveP99Ms, a.insertP99Ms), 0, 'f', 1);
    if (a.connectionFailures)
        lines << QStringLiteral("connection failures seen:   %1").arg(a.connectionFailures);
    return lines.join(u'\n');
}

} // namespace heart::load
