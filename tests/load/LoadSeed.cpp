#include "core/Uuid.h"
#include "core/units/UnitStatus.h"
#include "load/LoadHarness.h"
#include "store/ChangeJournal.h"
#include "store/CoreText.h"
#include "store/SqlTransaction.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"
#include "usecases/UnitUseCases.h"

#include <QSqlError>
#include <QSqlQuery>

namespace heart::load {

using units::UnitStatus;

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

} // namespace heart::load
