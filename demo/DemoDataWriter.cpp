#include "demo/DemoDataWriter.h"

#include "core/Uuid.h"
#include "core/followup/FollowUpPolicy.h"
#include "core/roster/RotationGenerator.h"
#include "core/roster/TimeZoneRule.h"
#include "demo/DemoDirectory.h"
#include "demo/DemoEncounters.h"
#include "demo/DemoFollowUps.h"
#include "store/AccountStore.h"
#include "store/AuditBatch.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/RosterStore.h"
#include "store/RoutingData.h"
#include "store/RuleSetStore.h"
#include "store/SqlTransaction.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"
#include "store/UnitStore.h"

#include <functional>

namespace heart::store {

StoreError DemoDataWriter::write(const DemoScenario& scenario, const QString& workstation)
{
    // All of it or nothing: one transaction, which every step below joins. A
    // failure half-way (the server restarted, the disk filled up) leaves the
    // database as empty as it was, so the demo can simply be run again.
    SqlTransaction all(m_db);
    if (all.beginError())
        return all.beginError();
    if (StoreError error = writeAll(scenario, workstation))
        return error; // `all` rolls back
    if (StoreError error = all.commit())
        return error;
    qCInfo(lcStore) << "demo data written:" << scenario.staff.size() << "staff," << scenario.calls.size()
                    << "calls";
    return {};
}

StoreError DemoDataWriter::writeAll(const DemoScenario& scenario, const QString& workstation)
{
    AccountStore accounts(m_db, m_clock);
    const DemoStaff* adminStaff = nullptr;
    for (const DemoStaff& staff : scenario.staff) {
        if (staff.role == Role::Administrator)
            adminStaff = &staff;
    }
    if (!adminStaff)
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("the scenario has no administrator"));
    auto admin = accounts.createFirstAdministrator({toQString(adminStaff->login),
                                                    toQString(adminStaff->displayName),
                                                    {Role::Administrator},
                                                    toQString(adminStaff->password)},
                                                   workstation);
    if (!admin.ok())
        return admin.error();
    QString counselorLogin, counselorPassword;
    for (const DemoStaff& staff : scenario.staff) {
        if (&staff == adminStaff)
            continue;
        auto added = accounts.addUser(
            admin.value(),
            {toQString(staff.login), toQString(staff.displayName), {staff.role}, toQString(staff.password)});
        if (!added.ok())
            return added.error();
        if (staff.role == Role::CallCounselor && counselorLogin.isEmpty()) {
            counselorLogin = toQString(staff.login);
            counselorPassword = toQString(staff.password);
        }
    }
    // Calls are taken by a counselor, as in life.
    auto counselor = accounts.signIn(counselorLogin, counselorPassword, workstation);
    if (!counselor.ok())
        return counselor.error();

    if (StoreError error = writeCalls(scenario, counselor.value()))
        return error;
    accounts.recordSessionEvent(counselor.value(), audit::SignOut);
    if (StoreError error = writeRoster(scenario, workstation))
        return error;
    if (StoreError error = writeHistory(workstation))
        return error;
    if (StoreError error = writeDemoDirectory(m_db, m_clock, admin.value()))
        return error;
    if (StoreError error = writeDemoFollowUps(m_db, m_clock, workstation))
        return error;
    return writeDemoEncounters(m_db, m_clock, workstation);
}

StoreError DemoDataWriter::writeCalls(const DemoScenario& given, const Actor& counselor)
{
    // The calls routed by the rules the intake form decides with.
    DemoScenario routed;
    const DemoScenario* scenario = &given;
    if (given.generated && !given.routed) {
        auto book = RuleSetStore(m_db, m_clock).ruleBook();
        if (!book.ok())
            return book.error();
        auto beats = builtInBeatMap();
        if (!beats)
            return StoreError::make(StoreErrorCode::InvalidInput,
                                    QString::fromStdString(beats.error().toString()));
        const routing::Router router(std::move(book).value(), beats.value());
        DemoOptions options;
        options.seed = given.seed;
        options.end = given.end;
        options.days = given.days;
        options.callsPerDay = given.callsPerDay;
        options.historyMonths = given.historyMonths;
        options.router = &router;
        routed = makeDemoScenario(options);
        scenario = &routed;
    }
    QList<NewPerson> people;
    for (const DemoPerson& p : scenario->people) {
        people.append({toQString(p.givenName), toQString(p.familyName), p.approximateAge,
                       toQString(p.language), toQString(p.phone)});
    }
    QList<NewCall> calls;
    for (const DemoCall& c : scenario->calls) {
        NewCall call;
        call.cadNumber = toQString(c.cadNumber);
        call.receivedAt = toDateTime(c.receivedAt);
        call.callType = toQString(c.callType);
        call.beat = toQString(c.beat);
        call.program = toQString(c.program);
        call.disposition = toQString(c.disposition);
        call.status = intake::callStatusFromCode(c.status).value_or(intake::CallStatus::Open);
        call.riskLevel = toQString(c.riskLevel);
        if (c.person)
            call.person = static_cast<int>(*c.person);
        call.address = toQString(c.address);
        call.flags = toQString(c.flags).split(u';', Qt::SkipEmptyParts);
        call.language = toQString(c.language);
        calls.append(call);
    }
    CallStore callStore(m_db, m_clock);
    auto imported = callStore.importCalls(counselor, people, calls);
    if (!imported.ok())
        return imported.error();
    // The rest of each call as the intake form writes it: the C-SSRS answers,
    // the decision, the unit, the counselor and the time of every step.
    const auto time = [](const std::optional<TimePoint>& at) {
        return at ? QVariant(toStoredTime(*at)) : QVariant(QMetaType::fromType<QString>());
    };
    const auto text = [](const std::string& value) {
        return value.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(toQString(value));
    };
    SqlTransaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    // Prepared once: thirteen months of calls are some thousands of updates.
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE calls SET cssrs = ?, rule_set_id = ?, recommended = ?, "
                                    "override_reason = ?, assigned_unit = ?, "
                                    "counselor_id = ?, beat_source = ?, person_name = ?, "
                                    "person_age = ?, triaged_at = ?, decided_at = ?, "
                                    "dispatched_at = ?, closed_at = ? WHERE id = ?"));
    for (qsizetype i = 0; i < imported.value().size(); ++i) {
        const DemoCall& c = scenario->calls[std::size_t(i)];
        QStringList recommended;
        for (const std::string& program : c.recommended)
            recommended << toQString(program);
        int at = 0;
        const auto addBindValue = [&](const QVariant& value) {
            update.bindValue(at++, value);
        };
        addBindValue(text(c.cssrs));
        addBindValue(text(c.ruleSetId));
        addBindValue(recommended.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                           : QVariant(recommended.join(u';')));
        addBindValue(text(c.overrideReason));
        addBindValue(text(c.unit));
        addBindValue(counselor.userId());
        addBindValue(c.beat.empty() ? QVariant(QMetaType::fromType<QString>())
                                    : QVariant(QStringLiteral("given")));
        if (c.person) {
            const DemoPerson& person = scenario->people[*c.person];
            addBindValue(toQString(person.givenName + ' ' + person.familyName));
            addBindValue(person.approximateAge);
        } else {
            addBindValue(QVariant(QMetaType::fromType<QString>()));
            addBindValue(QVariant(QMetaType::fromType<int>()));
        }
        addBindValue(time(c.triagedAt));
        addBindValue(time(c.decidedAt));
        addBindValue(time(c.dispatchedAt));
        addBindValue(time(c.closedAt));
        addBindValue(imported.value().at(i));
        if (StoreError error = m_db.exec(update, "complete a demo call"))
            return error;
        if (c.clearedAt || c.followUp)
            m_history.emplace_back(imported.value().at(i), c);
    }
    return tx.commit();
}

StoreError DemoDataWriter::writeRoster(const DemoScenario& scenario, const QString& workstation)
{
    AccountStore accounts(m_db, m_clock);
    const DemoStaff* supervisorStaff = nullptr;
    for (const DemoStaff& staff : scenario.staff) {
        if (staff.role == Role::Supervisor)
            supervisorStaff = &staff;
    }
    if (!supervisorStaff)
        return {};
    auto supervisor =
        accounts.signIn(toQString(supervisorStaff->login), toQString(supervisorStaff->password), workstation);
    if (!supervisor.ok())
        return supervisor.error();
    using roster::ResponderRole;
    // Four clinicians and four peers/EMTs on each shift: one complete team on
    // every shift, weekends included. Demo logins are linked to their rows.
    const struct
    {
        const char* name;
        ResponderRole role;
        const char* shift;
        const char* login;
    } kTeam[] = {
        {"Jordan Mossgrove, LCMHC", ResponderRole::Clinician, "early", "teamlead"},
        {"Ember Quincefield, LCSW", ResponderRole::Clinician, "early", nullptr},
        {"Orrin Hollowell, LCAS", ResponderRole::Clinician, "early", nullptr},
        {"Tansy Brightwater, LMFT", ResponderRole::Clinician, "early", nullptr},
        {"Sam Riverstone", ResponderRole::PeerSupport, "early", "peer"},
        {"Linden Applewhistle", ResponderRole::PeerSupport, "early", nullptr},
        {"Morgan Kettleby, EMT-B", ResponderRole::Emt, "early", "emt"},
        {"Vesper Oakhaven, EMT", ResponderRole::Emt, "early", nullptr},
        {"Riley Oakhaven, LCAS", ResponderRole::Clinician, "late", "coresponse"},
        {"Hazel Foxglove, LCSW-A", ResponderRole::Clinician, "late", nullptr},
        {"Gideon Starling, LCMHC", ResponderRole::Clinician, "late", nullptr},
        {"Poppy Nimblefoot, LCSW", ResponderRole::Clinician, "late", nullptr},
        {"Yarrow Pebbleton", ResponderRole::PeerSupport, "late", nullptr},
        {"Kestrel Dapplegate", ResponderRole::PeerSupport, "late", nullptr},
        {"Cosmo Inkwood, EMT", ResponderRole::Emt, "late", nullptr},
        {"Wren Thistledown, EMT-P", ResponderRole::Emt, "late", nullptr},
    };
    RosterStore roster(m_db, m_clock);
    for (const auto& member : kTeam) {
        QString userId;
        if (member.login) {
            QSqlQuery find = m_db.prepare(QStringLiteral("SELECT id FROM users WHERE login = ?"));
            find.addBindValue(QString::fromLatin1(member.login));
            if (StoreError error = m_db.exec(find, "find demo user"))
                return error;
            if (find.next())
                userId = find.value(0).toString();
        }
        auto added =
            roster.addStaff(supervisor.value(), {{}, member.name, member.role, member.shift}, userId);
        if (!added.ok())
            return added.error();
    }
    auto staff = roster.listStaff(supervisor.value());
    if (!staff.ok())
        return staff.error();
    // Today's crews are on shift today: the cycle is placed (by whole weeks,
    // so every rule still holds) and same-shift, same-role people swap their
    // whole rotation, until the demo logins work today and CRT-2 has a team.
    using namespace std::chrono;
    const roster::TimeZoneRule zone = roster::TimeZoneRule::newYork();
    const sys_days today{zone.toLocal(m_clock.now()).date};
    const sys_days monday = today - (weekday{today} - Monday);
    const std::vector<roster::StaffMember> members(staff.value().begin(), staff.value().end());
    const auto indexOf = [&](const char* name) {
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (members[i].name.rfind(name, 0) == 0)
                return int(i);
        }
        return -1;
    };
    const std::array<int, 4> fixed = {indexOf("Jordan Mossgrove"), indexOf("Sam Riverstone"),
                                      indexOf("Morgan Kettleby"), indexOf("Riley Oakhaven")};
    struct Placed
    {
        roster::Schedule schedule;
        std::array<int, 2> crt2 = {-1, -1}; // a clinician, a peer or EMT
        int score = -1;
    };
    const auto place = [&](roster::Schedule schedule, int dayIndex) {
        Placed placed;
        const auto onShift = [&](int person) {
            return person >= 0 && schedule.duties[std::size_t(person)][std::size_t(dayIndex)].kind ==
                                      roster::DutyKind::Shift;
        };
        std::vector<bool> taken(members.size(), false);
        int score = 0;
        for (int person : fixed) {
            if (person < 0)
                continue;
            const roster::StaffMember& who = members[std::size_t(person)];
            for (std::size_t other = 0; !onShift(person) && other < members.size(); ++other) {
                if (!taken[other] && int(other) != person && members[other].role == who.role &&
                    members[other].shiftCode == who.shiftCode && onShift(int(other)))
                    std::swap(schedule.duties[std::size_t(person)], schedule.duties[other]);
            }
            taken[std::size_t(person)] = true;
            score += onShift(person) ? 1 : 0;
        }
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (taken[i] || !onShift(int(i)))
                continue;
            int& slot = placed.crt2[members[i].role == roster::ResponderRole::Clinician ? 0 : 1];
            if (slot < 0) {
                slot = int(i);
                ++score;
            }
        }
        placed.schedule = std::move(schedule);
        placed.score = score;
        return placed;
    };
    Placed best;
    for (std::uint64_t seed = 2022; seed < 2030 && best.score < 6; ++seed) {
        const auto generated = roster::generateRotation(members, roster::RotationRules{},
                                                        year_month_day{monday - weeks{1}}, seed);
        if (!generated.schedule)
            continue;
        // Today in the second week of the cycle first, as the demo always had it.
        for (int week : {1, 0, 2, 3, 4, 5}) {
            roster::Schedule schedule = *generated.schedule;
            schedule.start = year_month_day{monday - weeks{week}};
            const int dayIndex = int((today - sys_days{schedule.start}).count());
            if (dayIndex < 0 || dayIndex >= schedule.dayCount())
                continue;
            Placed placed = place(std::move(schedule), dayIndex);
            if (placed.score > best.score)
                best = std::move(placed);
            if (best.score == 6)
                break;
        }
    }
    if (best.score < 0)
        return StoreError::make(StoreErrorCode::InvalidInput,
                                QStringLiteral("the demo rotation is infeasible"));
    RosterCycle cycle;
    cycle.teamsPerShift = 1;
    cycle.schedule = best.schedule;
    auto saved = roster.saveCycle(supervisor.value(), cycle);
    if (!saved.ok())
        return saved.error();
    const auto ids = [&](std::initializer_list<int> people) {
        QStringList list;
        for (int person : people) {
            if (person >= 0)
                list << toQString(members[std::size_t(person)].id);
        }
        return list;
    };
    const QMap<QString, QStringList> crews = {
        {QStringLiteral("CRT-1"), ids({fixed[0], fixed[1], fixed[2]})},
        {QStringLiteral("CRT-2"), ids({best.crt2[0], best.crt2[1]})},
        {QStringLiteral("COR-1"), ids({fixed[3]})},
        {QStringLiteral("COR-2"), QStringList()},
    };
    if (StoreError error = writeUnits(scenario, supervisor.value(), crews, workstation))
        return error;
    accounts.recordSessionEvent(supervisor.value(), audit::SignOut);
    return {};
}

StoreError DemoDataWriter::writeUnits(const DemoScenario& scenario, const Actor& supervisor,
                                      const QMap<QString, QStringList>& crews, const QString& workstation)
{
    const struct
    {
        const char* code;
        units::UnitKind kind;
    } kUnits[] = {
        {"CRT-1", units::UnitKind::CommunityResponse},
        {"CRT-2", units::UnitKind::CommunityResponse},
        {"COR-1", units::UnitKind::CoResponse},
        {"COR-2", units::UnitKind::CoResponse},
    };
    // Each step at its time: in service before the call, then the call's own
    // dispatch, en route and on scene times.
    ManualClock unitClock(m_clock.now());
    UnitStore unitStore(m_db, unitClock);
    AccountStore accounts(m_db, m_clock);
    // The team leads put their units in service; the counselor's live calls get a unit each.
    auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), workstation);
    auto coResponse =
        accounts.signIn(QStringLiteral("coresponse"), QStringLiteral("coresponse-demo"), workstation);
    if (!lead.ok() || !coResponse.ok())
        return lead.ok() ? coResponse.error() : lead.error();
    for (const auto& spec : kUnits) {
        const QString code = QString::fromLatin1(spec.code);
        const DemoCall* live = nullptr;
        for (const DemoCall& call : scenario.calls) {
            if (call.status == "dispatched" && call.unit == spec.code)
                live = &call;
        }
        TimePoint inService = m_clock.now() - std::chrono::minutes(95);
        if (live && live->dispatchedAt)
            inService = std::min(inService, *live->dispatchedAt - std::chrono::minutes(10));
        unitClock.set(inService);
        auto unit = unitStore.createUnit(supervisor, code, spec.kind);
        if (!unit.ok())
            return unit.error();
        auto manned =
            unitStore.setMembers(supervisor, unit.value().id, unit.value().version, crews.value(code));
        if (!manned.ok())
            return manned.error();
        const Actor& mover = spec.kind == units::UnitKind::CoResponse ? coResponse.value() : lead.value();
        auto available = unitStore.changeStatus(mover, unit.value().id, manned.value().version,
                                                units::UnitStatus::Available);
        if (!available.ok())
            return available.error();
        if (!live || !live->dispatchedAt)
            continue; // CRT-2 and COR-2 stay available
        QSqlQuery call = m_db.prepare(QStringLiteral("SELECT id FROM calls WHERE cad_number = ?"));
        call.addBindValue(toQString(live->cadNumber));
        if (StoreError error = m_db.exec(call, "find a demo call for a unit"))
            return error;
        if (!call.next())
            continue;
        const QString callId = call.value(0).toString();
        call.finish();
        unitClock.set(*live->dispatchedAt);
        auto sent = unitStore.dispatchToCall(supervisor, unit.value().id, available.value().version, callId);
        if (!sent.ok())
            return sent.error();
        if (!live->enRouteAt)
            continue;
        unitClock.set(*live->enRouteAt);
        auto moving =
            unitStore.changeStatus(mover, unit.value().id, sent.value().version, units::UnitStatus::EnRoute);
        if (!moving.ok())
            return moving.error();
        if (!live->onSceneAt)
            continue;
        unitClock.set(*live->onSceneAt);
        auto there = unitStore.changeStatus(mover, unit.value().id, moving.value().version,
                                            units::UnitStatus::OnScene);
        if (!there.ok())
            return there.error();
    }
    accounts.recordSessionEvent(lead.value(), audit::SignOut);
    accounts.recordSessionEvent(coResponse.value(), audit::SignOut);
    return {};
}

StoreError DemoDataWriter::writeHistory(const QString& workstation)
{
    if (m_history.empty())
        return {};
    using namespace std::chrono;
    const auto idsOf = [this](const QString& sql, const char* what) -> StoreResult<QHash<QString, QString>> {
        QSqlQuery query = m_db.prepare(sql);
        if (StoreError error = m_db.exec(query, what))
            return error;
        QHash<QString, QString> ids; // code or login -> id
        while (query.next())
            ids.insert(query.value(1).toString(), query.value(0).toString());
        return ids;
    };
    auto unitIds = idsOf(QStringLiteral("SELECT id, code FROM units"), "find the demo's units");
    auto users = idsOf(QStringLiteral("SELECT id, login FROM users"), "find the demo's users");
    if (!unitIds.ok() || !users.ok())
        return unitIds.ok() ? users.error() : unitIds.error();
    const QString lead = users.value().value(QStringLiteral("teamlead"));
    const QString coResponse = users.value().value(QStringLiteral("coresponse"));
    const QString navigator = users.value().value(QStringLiteral("navigator"));

    // The units' steps on each call, numbered below the units' own versions
    // (seq is unique per unit; these came before the units' first change here).
    struct Event
    {
        QString unitId, callId, status, userId;
        TimePoint at;
    };
    std::vector<Event> events;
    QHash<QString, int> perUnit;
    for (const auto& [callId, call] : m_history) {
        if (!call.clearedAt || !call.dispatchedAt || !call.enRouteAt || !call.onSceneAt)
            continue;
        const QString unitId = unitIds.value().value(toQString(call.unit));
        if (unitId.isEmpty())
            continue;
        const QString mover = call.unit.rfind("COR", 0) == 0 ? coResponse : lead;
        for (const auto& [status, at] : {std::pair{units::UnitStatus::Dispatched, *call.dispatchedAt},
                                         std::pair{units::UnitStatus::EnRoute, *call.enRouteAt},
                                         std::pair{units::UnitStatus::OnScene, *call.onSceneAt},
                                         std::pair{units::UnitStatus::Clear, *call.clearedAt}}) {
            events.push_back({unitId, callId, toQString(units::unitStatusCode(status)), mover, at});
            ++perUnit[unitId];
        }
    }
    // Batches of rows a statement: a year of history is thousands of rows.
    const auto insertAll =
        [this](const QString& head, int columns, qsizetype rows, const char* what,
               const std::function<void(qsizetype, const std::function<void(QVariant)>&)>& bindRow)
        -> StoreError {
        constexpr qsizetype kBatch = 50;
        QStringList marks;
        for (int c = 0; c < columns; ++c)
            marks << QStringLiteral("?");
        const QString row = QStringLiteral("(") + marks.join(QStringLiteral(", ")) + QStringLiteral(")");
        for (qsizetype done = 0; done < rows;) {
            const qsizetype count = std::min(kBatch, rows - done);
            QSqlQuery insert = m_db.prepare(head + QList<QString>(count, row).join(QStringLiteral(", ")));
            int bound = 0;
            const std::function<void(QVariant)> bind = [&](QVariant value) {
                insert.bindValue(bound++, std::move(value));
            };
            for (qsizetype i = done; i < done + count; ++i)
                bindRow(i, bind);
            if (StoreError error = m_db.exec(insert, what))
                return error;
            done += count;
        }
        return {};
    };
    QHash<QString, int> seq;
    for (auto it = perUnit.cbegin(); it != perUnit.cend(); ++it)
        seq.insert(it.key(), -it.value() - 1);
    if (StoreError error = insertAll(
            QStringLiteral(
                "INSERT INTO unit_status_events (id, unit_id, call_id, status, at_utc, user_id, seq) "
                "VALUES "),
            7, qsizetype(events.size()), "write the demo's unit history",
            [&](qsizetype i, const std::function<void(QVariant)>& bind) {
                const Event& e = events[std::size_t(i)];
                bind(toQString(newRecordId(e.at)));
                bind(e.unitId);
                bind(e.callId);
                bind(e.status);
                bind(toStoredTime(e.at));
                bind(e.userId);
                bind(++seq[e.unitId]);
            }))
        return error;

    // The follow-ups, claimed and closed by the navigator, for the call's
    // person: a follow-up after the CRT's visit (its source the call here:
    // the history has no notes), a check-in after a call resolved by phone.
    auto people = idsOf(QStringLiteral("SELECT person_id, id FROM calls WHERE person_id IS NOT NULL"),
                        "find the demo calls' people");
    if (!people.ok())
        return people.error();
    std::vector<std::pair<QString, const DemoCall*>> tasks;
    for (const auto& [callId, call] : m_history) {
        if (call.followUp)
            tasks.emplace_back(callId, &call);
    }
    QStringList taskIds;
    if (StoreError error = insertAll(
            QStringLiteral("INSERT INTO followup_tasks (id, source_key, kind, program, call_id, person_id, "
                           "risk, risk_rank, contact_at, due_at, assigned_to, assigned_at, state, attempts, "
                           "max_attempts, outcome, closed_at, closed_by, created_at, updated_at, version) "
                           "VALUES "),
            21, qsizetype(tasks.size()), "write the demo's follow-up history",
            [&](qsizetype i, const std::function<void(QVariant)>& bind) {
                const auto& [callId, call] = tasks[std::size_t(i)];
                const DemoFollowUp& task = *call->followUp;
                const QString id = toQString(newRecordId(task.contactAt));
                taskIds.append(id);
                const auto risk = routing::riskFromCode(call->riskLevel);
                const QString personId = people.value().value(callId);
                bind(id);
                bind(QString(QStringLiteral("call:") + callId));
                bind(toQString(task.kind));
                bind(task.kind == "follow_up" ? QStringLiteral("crt") : QStringLiteral("ccd"));
                bind(callId);
                bind(personId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(personId));
                bind(risk ? QVariant(toQString(call->riskLevel)) : QVariant(QMetaType::fromType<QString>()));
                bind(followup::riskRank(risk.value_or(routing::RiskLevel::NotAssessed)));
                bind(toStoredTime(task.contactAt));
                bind(toStoredTime(task.dueAt));
                bind(navigator);
                bind(toStoredTime(task.contactAt + minutes{30}));
                bind(QStringLiteral("closed"));
                bind(task.attempts);
                bind(3);
                bind(toQString(task.outcome));
                bind(toStoredTime(task.closedAt));
                bind(navigator);
                bind(toStoredTime(task.contactAt));
                bind(toStoredTime(task.closedAt));
                bind(3 + task.attempts); // created, claimed, each attempt, closed
            }))
        return error;

    // Audited as their stores do, a row each: the units' status changes by
    // the team leads, the tasks by the navigator.
    QHash<QString, QList<AuditEvent>> byUser;
    for (const Event& e : events)
        byUser[e.userId].append({audit::StatusChange, QStringLiteral("unit"), e.unitId});
    for (const QString& id : taskIds)
        byUser[navigator].append({audit::Create, QStringLiteral("followup_task"), id});
    const QHash<QString, Role> roles = {
        {lead, Role::CrtTeamLead}, {coResponse, Role::CoResponseClinician}, {navigator, Role::CareNavigator}};
    for (auto it = byUser.cbegin(); it != byUser.cend(); ++it) {
        if (StoreError error = appendAuditRows(
                m_db, m_clock, it.key(), toQString(roleCode(roles.value(it.key()))), workstation, it.value()))
            return error;
    }
    qCInfo(lcStore) << "demo history written:" << events.size() << "unit steps," << taskIds.size()
                    << "follow-ups";
    return {};
}

} // namespace heart::store
