#include "sync/SyncTrial.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "store/AuditTrail.h"
#include "store/CoreText.h"
#include "store/RosterStore.h"
#include "store/StoreTime.h"
#include "store/sync/SyncEngine.h"
#include "sync/UnitChecksums.h"
#include "usecases/CallUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace heart::test {
namespace {

const QString kLeadLogin = QStringLiteral("vanlead");
// The status events a visit leaves on its call, each once.
const QStringList kStatuses = {QStringLiteral("dispatched"), QStringLiteral("en_route"),
                               QStringLiteral("on_scene"), QStringLiteral("clear"),
                               QStringLiteral("available")};
const QStringList kEntryTexts = {QStringLiteral("Entry 1 from the van"),
                                 QStringLiteral("Entry 2 from the van")};
// One driver run may take this long before the trial calls it hung.
constexpr qint64 kRunLimitMs = 60000;
// Runs of the driver a trial allows (the first and the restarts after it).
constexpr int kMaxRuns = 4;

QString err(const store::StoreError& error)
{
    return store::storeErrorCodeName(error.code) + QStringLiteral(": ") + error.detail;
}

bool tableExists(store::Database& db, const QString& table)
{
    return !TestDatabase::sqlOn(db, db.dialect().tableExists(), {table}).rows.isEmpty();
}

qint64 count(store::Database& db, const QString& sql, const QVariantList& values)
{
    const RawResult result = TestDatabase::sqlOn(db, sql, values);
    return result.ok && !result.rows.isEmpty() ? result.rows.at(0).at(0).toLongLong() : -1;
}

// value -> how many rows, from "SELECT value, COUNT(*) ... GROUP BY value".
QMap<QString, qint64> histogram(store::Database& db, const QString& sql, const QVariantList& values)
{
    QMap<QString, qint64> counts;
    for (const QVariantList& row : TestDatabase::sqlOn(db, sql, values).rows)
        counts.insert(row.at(0).toString(), row.at(1).toLongLong());
    return counts;
}

} // namespace

struct SyncTrials::Trial
{
    int index = 0;
    QString unitId, unitCode, callId, deviceId, deviceName;
    std::unique_ptr<QTemporaryDir> dir;
    QString laptopPath;
    QList<QPair<QString, QString>> committed; // what, key: every DID line of every run
    QStringList driverErrors;                 // ERROR lines and conflicts reported
    bool auditChecked = false;
};

QString TrialPlan::describe() const
{
    QStringList parts;
    if (offlineFromStart)
        parts.append(QStringLiteral("offline from the start"));
    if (cut == Cut::AtStep)
        parts.append(QStringLiteral("cut at %1#%2").arg(step).arg(stepOccurrence));
    if (cut == Cut::AfterBytes)
        parts.append(QStringLiteral("cut after %1 bytes %2")
                         .arg(bytes)
                         .arg(direction == TcpRelay::Direction::ToServer ? QStringLiteral("to the center")
                                                                         : QStringLiteral("to the laptop")));
    if (cut != Cut::None && linkDownMs > 0)
        parts.append(QStringLiteral("link down %1 ms").arg(linkDownMs));
    if (kill == Kill::AtStep)
        parts.append(QStringLiteral("kill at %1#%2").arg(step).arg(stepOccurrence));
    if (kill == Kill::AtRandomTime)
        parts.append(QStringLiteral("kill after %1 ms").arg(killAfterMs));
    return parts.isEmpty() ? QStringLiteral("no fault") : parts.join(QStringLiteral(", "));
}

void TrialTally::add(const TrialPlan& plan, const TrialResult& result, int index)
{
    ++trials;
    driverRuns += result.driverRuns;
    auditChecked += result.auditChecked ? 1 : 0;
    if (plan.offlineFromStart)
        ++offline;
    if (result.cutHappened) {
        ++cuts;
        if (plan.cut == TrialPlan::Cut::AtStep)
            ++cutsPerStep[plan.step];
        else if (plan.cut == TrialPlan::Cut::AfterBytes)
            ++cutsByBytes;
    }
    if (result.killed) {
        ++kills;
        if (plan.kill == TrialPlan::Kill::AtStep)
            ++killsPerStep[plan.step];
        else
            ++killsAtRandomTime;
    }
    if (!result.problems.isEmpty()) {
        ++failures;
        failed.append(QStringLiteral("trial %1 (%2): %3")
                          .arg(index)
                          .arg(plan.describe(), result.problems.join(QStringLiteral("; "))));
    }
}

QString TrialTally::describe() const
{
    QStringList lines;
    lines.append(QStringLiteral("sync fault trials: %1, failures: %2, driver runs: %3")
                     .arg(trials)
                     .arg(failures)
                     .arg(driverRuns));
    lines.append(
        QStringLiteral(
            "  link cuts that happened: %1 (at a step %2, after n bytes %3); offline from the start: %4")
            .arg(cuts)
            .arg(cuts - cutsByBytes)
            .arg(cutsByBytes)
            .arg(offline));
    lines.append(QStringLiteral("  kills: %1 (at a step %2, at a random moment %3)")
                     .arg(kills)
                     .arg(kills - killsAtRandomTime)
                     .arg(killsAtRandomTime));
    QStringList perStep;
    for (auto it = cutsPerStep.cbegin(); it != cutsPerStep.cend(); ++it)
        perStep.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    lines.append(QStringLiteral("  cuts per step: ") + perStep.join(QStringLiteral(", ")));
    perStep.clear();
    for (auto it = killsPerStep.cbegin(); it != killsPerStep.cend(); ++it)
        perStep.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    lines.append(QStringLiteral("  kills per step: ") + perStep.join(QStringLiteral(", ")));
    lines.append(
        auditChecked > 0
            ? QStringLiteral("  the laptop's audit trail compared with the center's segment in %1 trials")
                  .arg(auditChecked)
            : QStringLiteral("  the laptop's audit trail NOT compared: the center has no device_audit_log"));
    for (const QString& failure : failed)
        lines.append(QStringLiteral("  FAILED ") + failure);
    return lines.join(QLatin1Char('\n'));
}

SyncTrials::SyncTrials() = default;
SyncTrials::~SyncTrials()
{
    m_relay.reset();
    m_center.reset();
}

QString SyncTrials::setUp()
{
    m_center = std::make_unique<TestDatabase>();
    if (QString problem = m_center->setUp(); !problem.isEmpty())
        return problem;
    if (m_center->engine() != store::Engine::Postgres)
        return QStringLiteral("the center must be PostgreSQL (HEARTDESK_TEST_ENGINE=postgresql)");
    m_supervisor.emplace(m_center->actorFor(Role::Supervisor));
    m_counselor.emplace(m_center->actorFor(Role::CallCounselor));
    m_lead.emplace(m_center->newActor(kLeadLogin, {Role::CrtTeamLead}));
    auto staff = store::RosterStore(m_center->db(), SystemClock::instance())
                     .addStaff(*m_supervisor, {{}, "Van Lead", roster::ResponderRole::Clinician, "early"},
                               m_lead->userId());
    if (!staff.ok())
        return QStringLiteral("staff: ") + err(staff.error());
    m_leadStaffId = staff.value();

    const store::ConnectionSpec& spec = m_center->spec();
    m_relay = std::make_unique<TcpRelay>(spec.host, quint16(spec.port));
    if (QString problem = m_relay->start(); !problem.isEmpty())
        return QStringLiteral("relay: ") + problem;
    // TLS end to end through the relay: the certificate is for 127.0.0.1.
    const QString ca = qEnvironmentVariable("HEARTDESK_PG_TEST_CA");
    m_centerUrl = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?")
                      .arg(spec.user)
                      .arg(m_relay->port())
                      .arg(spec.database) +
                  (ca.isEmpty() ? QStringLiteral("sslmode=require")
                                : QStringLiteral("sslmode=verify-full&sslrootcert=") + ca);
    return {};
}

QString SyncTrials::prepare(Trial& trial, int index)
{
    const Clock& clock = SystemClock::instance();
    store::Database& center = m_center->db();
    trial.index = index;
    usecases::UnitUseCases supervisor({center, clock, *m_supervisor});
    auto unit =
        supervisor.createUnit(QStringLiteral("VAN-%1").arg(index), units::UnitKind::CommunityResponse);
    if (!unit.ok())
        return QStringLiteral("unit: ") + err(unit.error());
    auto crewed = supervisor.setMembers(unit.value().id, unit.value().version, {m_leadStaffId});
    if (!crewed.ok())
        return QStringLiteral("crew: ") + err(crewed.error());
    auto available = usecases::UnitUseCases({center, clock, *m_lead})
                         .changeStatus(unit.value().id, crewed.value().version, units::UnitStatus::Available);
    if (!available.ok())
        return QStringLiteral("available: ") + err(available.error());
    trial.unitId = unit.value().id;
    trial.unitCode = unit.value().code;

    usecases::CallUseCases calls({center, clock, *m_counselor});
    store::PersonRecord person;
    person.givenName = QStringLiteral("Quill");
    person.familyName = QStringLiteral("Thistledown %1").arg(index);
    person.approximateAge = 34;
    person.language = QStringLiteral("en");
    auto personMade = calls.createPerson(person);
    if (!personMade.ok())
        return QStringLiteral("person: ") + err(personMade.error());
    store::CallRecord call;
    call.cadNumber = QStringLiteral("TRIAL-%1").arg(index);
    call.receivedAt = store::toDateTime(clock.now());
    call.callType = QStringLiteral("welfare-check");
    call.personId = personMade.value().id;
    call.personName = QStringLiteral("Quill Thistledown");
    call.personAge = 34;
    call.narrative = QStringLiteral("Sitting on the bench by the library, has not slept.");
    auto saved = calls.save(call);
    if (!saved.ok())
        return QStringLiteral("call: ") + err(saved.error());
    auto sent = calls.dispatch(saved.value().id, saved.value().version, trial.unitId,
                               available.value().version, trial.unitCode);
    if (!sent.ok())
        return QStringLiteral("dispatch: ") + err(sent.error());
    trial.callId = saved.value().id;

    trial.deviceId = store::toQString(newRecordId(clock.now()));
    trial.deviceName = trial.unitCode + QStringLiteral(" laptop");
    trial.dir = std::make_unique<QTemporaryDir>();
    trial.laptopPath = trial.dir->filePath(QStringLiteral("laptop.sqlite"));
    {
        store::Database laptop;
        if (const auto error = laptop.open(store::ConnectionSpec::sqlite(trial.laptopPath)))
            return QStringLiteral("laptop: ") + err(error);
        if (const auto error = store::sync::provisionLaptop(
                laptop, center, clock, {trial.deviceId, trial.unitId, trial.deviceName, m_centerUrl}))
            return QStringLiteral("provision: ") + err(error);
    }
    // A change at the center after the laptop was set up: the pull brings it.
    auto reread = calls.open(trial.callId);
    if (!reread.ok())
        return QStringLiteral("reread: ") + err(reread.error());
    store::CallRecord changed = reread.value();
    changed.narrative += QStringLiteral(" The caller rang again: he is still there.");
    auto updated = calls.save(changed);
    if (!updated.ok())
        return QStringLiteral("center edit: ") + err(updated.error());
    return {};
}

namespace {

struct RunOutcome
{
    bool done = false;
    bool killed = false;
    bool paused = false;
    QString problem;
};

} // namespace

TrialResult SyncTrials::run(const TrialPlan& plan, int index)
{
    TrialResult result;
    QElapsedTimer total;
    total.start();
    Trial trial;
    if (QString problem = prepare(trial, index); !problem.isEmpty()) {
        result.problems.append(QStringLiteral("setup: ") + problem);
        return result;
    }
    m_relay->clearCut();
    m_relay->setLinkUp(!plan.offlineFromStart);
    m_relay->resetCounters();
    if (plan.cut == TrialPlan::Cut::AfterBytes)
        m_relay->cutAfterBytes(plan.bytes, plan.direction,
                               plan.linkDownMs > 0 ? TcpRelay::AfterCut::GoesDown
                                                   : TcpRelay::AfterCut::StaysUp);

    bool finished = false;
    for (int runIndex = 0; runIndex < kMaxRuns; ++runIndex) {
        const bool withFaults = runIndex == 0;
        if (!withFaults) {
            // Recovery: the link is back for good.
            m_relay->clearCut();
            m_relay->setLinkUp(true);
        }
        ++result.driverRuns;
        QProcess driver;
        QStringList args = {QStringLiteral("--laptop"),      trial.laptopPath,
                            QStringLiteral("--center"),      m_centerUrl,
                            QStringLiteral("--unit"),        trial.unitId,
                            QStringLiteral("--call"),        trial.callId,
                            QStringLiteral("--device"),      trial.deviceId,
                            QStringLiteral("--device-name"), trial.deviceName,
                            QStringLiteral("--login"),       kLeadLogin,
                            QStringLiteral("--deadline-ms"), QString::number(kRunLimitMs / 2)};
        const bool pauses =
            withFaults && (plan.cut == TrialPlan::Cut::AtStep || plan.kill == TrialPlan::Kill::AtStep);
        if (pauses)
            args << QStringLiteral("--pause-at")
                 << QStringLiteral("%1:%2").arg(plan.step).arg(plan.stepOccurrence);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HEARTDESK_TRIAL_PASSWORD"), TestDatabase::userPassword());
        env.insert(QStringLiteral("HEARTDESK_DB_PASSWORD"), m_center->password());
        driver.setProcessEnvironment(env);
        driver.start(QStringLiteral(HEARTDESK_SYNC_TRIAL_DRIVER), args);
        if (!driver.waitForStarted(10000)) {
            result.problems.append(QStringLiteral("the driver did not start: ") + driver.errorString());
            break;
        }

        RunOutcome outcome;
        QElapsedTimer clock;
        clock.start();
        qint64 linkUpAt = -1; // when to bring the link back (ms into this run)
        qint64 linkBackAt = -1;
        bool cutSeen = false;
        const auto kill = [&] {
            driver.kill();
            driver.waitForFinished(10000);
            outcome.killed = true;
            result.killed = true;
        };
        const auto handle = [&](const QString& line) {
            const QStringList words = line.split(QLatin1Char(' '));
            const QString& head = words.first();
            if (head == QLatin1String("STEP") || head == QLatin1String("PAUSED"))
                result.steps.append(words.value(1) + QLatin1Char('#') + words.value(2));
            if (head == QLatin1String("DID") || head == QLatin1String("STEP"))
                result.events.append(head + QLatin1Char(' ') + words.value(1));
            if (head == QLatin1String("DID")) {
                trial.committed.append({words.value(1), words.value(2)});
                if (withFaults && plan.offlineFromStart && words.value(1) == QLatin1String("available"))
                    linkUpAt = clock.elapsed() + 100;
            } else if (head == QLatin1String("SYNC") && words.value(1) == QLatin1String("ok") &&
                       words.value(4).toInt() > 0) {
                trial.driverErrors.append(
                    QStringLiteral("the sync reported %1 conflicts").arg(words.value(4)));
            } else if (head == QLatin1String("ERROR")) {
                trial.driverErrors.append(line);
            } else if (head == QLatin1String("DONE")) {
                outcome.done = true;
                if (withFaults && linkBackAt >= 0)
                    result.linkBackToDoneMs = clock.elapsed() - linkBackAt;
            } else if (head == QLatin1String("PAUSED")) {
                outcome.paused = true;
                if (plan.cut == TrialPlan::Cut::AtStep) {
                    const int before = m_relay->cuts();
                    m_relay->cutAll();
                    result.cutHappened = result.cutHappened || m_relay->cuts() > before;
                    if (plan.linkDownMs > 0) {
                        m_relay->setLinkUp(false);
                        linkUpAt = clock.elapsed() + plan.linkDownMs;
                    }
                }
                if (plan.kill == TrialPlan::Kill::AtStep)
                    kill();
                else
                    driver.write("go\n");
            }
        };
        while (!outcome.killed) {
            if (!driver.canReadLine())
                driver.waitForReadyRead(20);
            while (driver.canReadLine())
                handle(QString::fromUtf8(driver.readLine()).trimmed());
            if (outcome.killed)
                break;
            if (withFaults && plan.cut == TrialPlan::Cut::AfterBytes && !cutSeen &&
                m_relay->cutsFired() > 0) {
                cutSeen = true;
                result.cutHappened = true;
                if (plan.linkDownMs > 0)
                    linkUpAt = clock.elapsed() + plan.linkDownMs;
            }
            if (linkUpAt >= 0 && clock.elapsed() >= linkUpAt) {
                m_relay->setLinkUp(true);
                linkBackAt = clock.elapsed();
                linkUpAt = -1;
            }
            if (withFaults && plan.kill == TrialPlan::Kill::AtRandomTime &&
                clock.elapsed() >= plan.killAfterMs && !outcome.done &&
                driver.state() != QProcess::NotRunning) {
                kill();
                break;
            }
            if (clock.elapsed() > kRunLimitMs) {
                kill();
                outcome.problem = QStringLiteral("the driver hung for %1 ms").arg(clock.elapsed());
                break;
            }
            if (driver.state() == QProcess::NotRunning) {
                while (driver.canReadLine())
                    handle(QString::fromUtf8(driver.readLine()).trimmed());
                break;
            }
        }
        if (withFaults) {
            result.bytesToServer = m_relay->bytes(TcpRelay::Direction::ToServer);
            result.bytesToClient = m_relay->bytes(TcpRelay::Direction::ToClient);
            result.firstRunMs = clock.elapsed();
        }
        if (!outcome.problem.isEmpty()) {
            result.problems.append(outcome.problem);
            break;
        }
        if (outcome.killed && !outcome.done)
            continue; // started again, with the link up
        driver.waitForFinished(10000);
        if (outcome.done && driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0) {
            finished = true;
            break;
        }
        const QString errors = QString::fromLocal8Bit(driver.readAllStandardError()).right(1500);
        result.problems.append(QStringLiteral("the driver stopped (exit %1) without finishing: %2")
                                   .arg(driver.exitCode())
                                   .arg(errors));
        break;
    }
    if (result.problems.isEmpty() && !finished)
        result.problems.append(QStringLiteral("not finished after %1 runs of the driver").arg(kMaxRuns));
    if (result.problems.isEmpty())
        result.problems = verify(trial);
    result.problems += trial.driverErrors;
    result.auditChecked = trial.auditChecked;
    result.elapsedMs = total.elapsed();
    return result;
}

QStringList SyncTrials::verify(Trial& trial)
{
    QStringList problems;
    store::Database laptop;
    if (const auto error = laptop.open(store::ConnectionSpec::sqlite(trial.laptopPath)))
        return {QStringLiteral("the laptop's file does not open: ") + err(error)};
    store::Database& center = m_center->db();

    // Row by row.
    const UnitChecksums mine = unitChecksums(laptop, trial.unitId);
    const UnitChecksums theirs = unitChecksums(center, trial.unitId);
    const QStringList differing = differences(mine, theirs);
    for (const QString& line : differing.mid(0, 12))
        problems.append(QStringLiteral("checksums: ") + line);
    if (differing.size() > 12)
        problems.append(QStringLiteral("checksums: %1 more differences").arg(differing.size() - 12));

    // Once each, on both sides.
    for (store::Database* side : {&laptop, &center}) {
        const QString where = side == &laptop ? QStringLiteral("laptop") : QStringLiteral("center");
        const auto statuses = histogram(*side,
                                        QStringLiteral("SELECT status, COUNT(*) FROM unit_status_events "
                                                       "WHERE unit_id = ? AND call_id = ? GROUP BY status"),
                                        {trial.unitId, trial.callId});
        QMap<QString, qint64> expected;
        for (const QString& status : kStatuses)
            expected.insert(status, 1);
        if (statuses != expected) {
            QStringList seen;
            for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
                seen.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
            problems.append(
                QStringLiteral("%1: status events %2").arg(where, seen.join(QStringLiteral(", "))));
        }
        const auto entries =
            histogram(*side,
                      QStringLiteral("SELECT n.text, COUNT(*) FROM encounter_entries n JOIN encounters e ON "
                                     "e.id = n.encounter_id WHERE e.unit_id = ? GROUP BY n.text"),
                      {trial.unitId});
        if (entries != QMap<QString, qint64>{{kEntryTexts.at(0), 1}, {kEntryTexts.at(1), 1}})
            problems.append(QStringLiteral("%1: entries %2").arg(where).arg(entries.size()));
        if (count(*side,
                  QStringLiteral(
                      "SELECT COUNT(*) FROM encounters WHERE unit_id = ? AND signed_at IS NOT NULL AND "
                      "signature_hash IS NOT NULL"),
                  {trial.unitId}) != 1)
            problems.append(where + QStringLiteral(": the note is not signed"));
        if (count(*side,
                  QStringLiteral(
                      "SELECT COUNT(*) FROM safety_plans p JOIN encounters e ON e.id = p.encounter_id WHERE "
                      "e.unit_id = ? AND p.finalised_at IS NOT NULL"),
                  {trial.unitId}) != 1)
            problems.append(where + QStringLiteral(": the safety plan is not final"));
    }

    // Everything a driver saw committed, as it was committed.
    for (const auto& [what, key] : trial.committed) {
        qint64 found = -1;
        if (kStatuses.contains(what))
            found = count(
                center,
                QStringLiteral("SELECT COUNT(*) FROM unit_status_events WHERE unit_id = ? AND status = ? AND "
                               "at_utc = ?"),
                {trial.unitId, what, key});
        else if (what == QLatin1String("encounter") || what == QLatin1String("note"))
            found = count(center, QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ?"), {key});
        else if (what == QLatin1String("entry"))
            found =
                count(center, QStringLiteral("SELECT COUNT(*) FROM encounter_entries WHERE id = ?"), {key});
        else if (what == QLatin1String("plan"))
            found = count(center, QStringLiteral("SELECT COUNT(*) FROM safety_plans WHERE id = ?"), {key});
        else if (what == QLatin1String("finalise"))
            found = count(
                center,
                QStringLiteral("SELECT COUNT(*) FROM safety_plans WHERE id = ? AND finalised_at IS NOT NULL"),
                {key});
        else if (what == QLatin1String("sign"))
            found = count(
                center, QStringLiteral("SELECT COUNT(*) FROM encounters WHERE unit_id = ? AND signed_at = ?"),
                {trial.unitId, key});
        if (found != 1)
            problems.append(
                QStringLiteral("committed on the laptop, not at the center: %1 %2").arg(what, key));
    }

    // The laptop's own chain holds, kills mid-write included.
    auto chain = store::AuditTrail(laptop, SystemClock::instance()).verify();
    if (!chain.ok())
        problems.append(QStringLiteral("the laptop's audit trail: ") + err(chain.error()));
    else if (chain.value().firstBreak)
        problems.append(
            QStringLiteral("the laptop's audit trail breaks at row %1").arg(chain.value().firstBreak->seq));

    // Nothing here was changed in two places: no conflict may come of it.
    if (tableExists(center, QStringLiteral("sync_conflicts")) &&
        count(center, QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE device_id = ?"),
              {trial.deviceId}) != 0)
        problems.append(QStringLiteral("the center kept conflicts for the laptop"));

    // The laptop's audit trail, row for row, in the center's segment for the device.
    trial.auditChecked = tableExists(center, QStringLiteral("device_audit_log"));
    if (trial.auditChecked) {
        const auto rows = [](store::Database& db, const QString& sql, const QVariantList& values) {
            QStringList list;
            for (const QVariantList& row : TestDatabase::sqlOn(db, sql, values).rows) {
                QStringList fields;
                for (const QVariant& value : row)
                    fields.append(value.toString());
                list.append(fields.join(QLatin1Char('|')));
            }
            return list;
        };
        const QString columns = QStringLiteral(
            "seq, at_utc, user_id, role, workstation, action, record_type, record_id, prev_hash, hash");
        const QStringList local = rows(
            laptop, QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM audit_log ORDER BY seq"), {});
        const QStringList segment =
            rows(center,
                 QStringLiteral("SELECT ") + columns +
                     QStringLiteral(" FROM device_audit_log WHERE device_id = ? ORDER BY seq"),
                 {trial.deviceId});
        if (local != segment)
            problems.append(
                QStringLiteral(
                    "audit: the laptop has %1 rows, the center's segment %2 (first difference at %3)")
                    .arg(local.size())
                    .arg(segment.size())
                    .arg([&] {
                        qsizetype i = 0;
                        while (i < local.size() && i < segment.size() && local.at(i) == segment.at(i))
                            ++i;
                        return i;
                    }()));
    }
    return problems;
}

QString SyncTrials::verifyCenterAudit()
{
    auto chain = store::AuditTrail(m_center->db(), SystemClock::instance()).verify();
    if (!chain.ok())
        return err(chain.error());
    if (chain.value().firstBreak)
        return QStringLiteral("the center's audit trail breaks at row %1").arg(chain.value().firstBreak->seq);
    return {};
}

QStringList SyncTrials::stepNames(const TrialResult& result)
{
    QStringList names;
    for (const QString& step : result.steps) {
        const QString name = step.section(QLatin1Char('#'), 0, 0);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

TrialPlan SyncTrials::randomPlan(QRandomGenerator& random, int index, const TrialResult& clean)
{
    const QStringList steps = stepNames(clean);
    TrialPlan plan;
    const auto chance = [&](int percent) {
        return int(random.bounded(100)) < percent;
    };
    // Rounds of one trial per step: a cut at each step, a kill at each step,
    // then two rounds of the rest (cuts after n bytes, kills at a random
    // moment, offline from the start), and again.
    switch (steps.isEmpty() ? 2 : (index / int(steps.size())) % 4) {
    case 0:
        plan.cut = TrialPlan::Cut::AtStep;
        plan.kill = chance(20) ? TrialPlan::Kill::AtStep : TrialPlan::Kill::None;
        break;
    case 1:
        plan.kill = TrialPlan::Kill::AtStep;
        plan.cut = chance(50) ? TrialPlan::Cut::AtStep : TrialPlan::Cut::None;
        break;
    default:
        plan.offlineFromStart = chance(25);
        if (!plan.offlineFromStart)
            plan.cut = chance(75) ? TrialPlan::Cut::AfterBytes : TrialPlan::Cut::None;
        // A kill would mostly come before a cut after n bytes: those two go together less often.
        if (plan.cut == TrialPlan::Cut::None || chance(20))
            plan.kill = TrialPlan::Kill::AtRandomTime;
        break;
    }
    // Every step in turn; the first few times it comes in a run, at random.
    plan.step = steps.isEmpty() ? QString() : steps.at(index % steps.size());
    int times = 0;
    for (const QString& step : clean.steps)
        times += step.section(QLatin1Char('#'), 0, 0) == plan.step ? 1 : 0;
    plan.stepOccurrence = 1 + int(random.bounded(qMax(1, times)));
    plan.direction = chance(50) ? TcpRelay::Direction::ToServer : TcpRelay::Direction::ToClient;
    const qint64 typical =
        plan.direction == TcpRelay::Direction::ToServer ? clean.bytesToServer : clean.bytesToClient;
    plan.bytes = qint64(random.bounded(quint32(qBound(qint64(1), typical, qint64(1) << 30))));
    plan.linkDownMs = chance(50) ? 200 + int(random.bounded(1300)) : 0;
    plan.killAfterMs = int(random.bounded(quint32(qMax<qint64>(1, clean.firstRunMs))));
    return plan;
}

} // namespace heart::test
