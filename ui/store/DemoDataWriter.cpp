#include "store/DemoDataWriter.h"

#include "store/UnitStore.h"

#include "store/AccountStore.h"
#include "store/CallStore.h"
#include "core/roster/RotationGenerator.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/DemoDirectory.h"
#include "store/DemoEncounters.h"
#include "store/DemoFollowUps.h"
#include "store/RosterStore.h"
#include "store/StoreLog.h"
#include "store/StoreTime.h"

namespace heart::store {

StoreError DemoDataWriter::write(const DemoScenario& scenario, const QString& workstation)
{
    AccountStore accounts(m_db, m_clock);
    const DemoStaff* adminStaff = nullptr;
    for (const DemoStaff& staff : scenario.staff) {
        if (staff.role == Role::Administrator)
            adminStaff = &staff;
    }
    if (!adminStaff)
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("the scenario has no administrator"));
    auto admin = accounts.createFirstAdministrator(
        {toQString(adminStaff->login), toQString(adminStaff->displayName), {Role::Administrator},
         toQString(adminStaff->password)},
        workstation);
    if (!admin.ok())
        return admin.error();
    QString counselorLogin, counselorPassword;
    for (const DemoStaff& staff : scenario.staff) {
        if (&staff == adminStaff)
            continue;
        auto added = accounts.addUser(admin.value(), {toQString(staff.login), toQString(staff.displayName),
                                                      {staff.role}, toQString(staff.password)});
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

    QList<NewPerson> people;
    for (const DemoPerson& p : scenario.people) {
        people.append({toQString(p.givenName), toQString(p.familyName), p.approximateAge, toQString(p.language),
                       toQString(p.phone)});
    }
    QList<NewCall> calls;
    for (const DemoCall& c : scenario.calls) {
        NewCall call;
        call.cadNumber = toQString(c.cadNumber);
        call.receivedAt = toDateTime(c.receivedAt);
        call.callType = toQString(c.callType);
        call.beat = toQString(c.beat);
        call.program = toQString(c.program);
        call.disposition = toQString(c.disposition);
        call.status = toQString(c.status);
        call.riskLevel = toQString(c.riskLevel);
        if (c.person)
            call.person = static_cast<int>(*c.person);
        call.address = toQString(c.address);
        call.flags = toQString(c.flags).split(u';', Qt::SkipEmptyParts);
        call.language = toQString(c.language);
        calls.append(call);
    }
    CallStore callStore(m_db, m_clock);
    auto imported = callStore.importCalls(counselor.value(), people, calls);
    if (!imported.ok())
        return imported.error();
    accounts.recordSessionEvent(counselor.value(), audit::SignOut);
    if (StoreError error = writeRoster(scenario, workstation))
        return error;
    if (StoreError error = writeDemoDirectory(m_db, m_clock, admin.value()))
        return error;
    if (StoreError error = writeDemoFollowUps(m_db, m_clock, workstation))
        return error;
    if (StoreError error = writeDemoEncounters(m_db, m_clock, workstation))
        return error;
    qCInfo(lcStore) << "demo data written:" << scenario.staff.size() << "staff," << imported.value().size()
                    << "calls";
    return {};
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
        auto added = roster.addStaff(supervisor.value(), {{}, member.name, member.role, member.shift}, userId);
        if (!added.ok())
            return added.error();
    }
    auto staff = roster.listStaff(supervisor.value());
    if (!staff.ok())
        return staff.error();
    // The cycle began the Monday before last, so today sits in its second week.
    using namespace std::chrono;
    const sys_days today = floor<days>(m_clock.now());
    const sys_days monday = today - (weekday{today} - Monday) - days{7};
    RosterCycle cycle;
    cycle.teamsPerShift = 1;
    const auto generated = roster::generateRotation({staff.value().begin(), staff.value().end()},
                                                    roster::RotationRules{}, year_month_day{monday}, 2022);
    if (!generated.schedule)
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("the demo rotation is infeasible"));
    cycle.schedule = *generated.schedule;
    auto saved = roster.saveCycle(supervisor.value(), cycle);
    if (!saved.ok())
        return saved.error();
    if (StoreError error = writeUnits(supervisor.value(), staff.value(), workstation))
        return error;
    accounts.recordSessionEvent(supervisor.value(), audit::SignOut);
    return {};
}

StoreError DemoDataWriter::writeUnits(const Actor& supervisor, const QList<roster::StaffMember>& staff,
                                      const QString& workstation)
{
    const auto idOf = [&](const char* name) {
        for (const roster::StaffMember& member : staff) {
            if (member.name.rfind(name, 0) == 0)
                return toQString(member.id);
        }
        return QString();
    };
    const struct
    {
        const char* code;
        units::UnitKind kind;
        std::array<const char*, 3> members;
    } kUnits[] = {
        {"CRT-1", units::UnitKind::CommunityResponse, {"Jordan Mossgrove", "Sam Riverstone", "Morgan Kettleby"}},
        {"CRT-2", units::UnitKind::CommunityResponse, {"Ember Quincefield", "Linden Applewhistle", "Vesper Oakhaven"}},
        {"COR-1", units::UnitKind::CoResponse, {"Riley Oakhaven", nullptr, nullptr}},
        {"COR-2", units::UnitKind::CoResponse, {nullptr, nullptr, nullptr}},
    };
    // The units went into service at the start of the shift and out to their
    // calls since, so the board and the team lead's times show real minutes.
    ManualClock unitClock(m_clock.now() - std::chrono::minutes(95));
    const auto later = [&](int minutes) { unitClock.advance(std::chrono::minutes(minutes)); };
    UnitStore unitStore(m_db, unitClock);
    AccountStore accounts(m_db, m_clock);
    // The team leads put their units in service; the counselor's live calls get a unit each.
    auto lead = accounts.signIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"), workstation);
    auto coResponse = accounts.signIn(QStringLiteral("coresponse"), QStringLiteral("coresponse-demo"), workstation);
    if (!lead.ok() || !coResponse.ok())
        return lead.ok() ? coResponse.error() : lead.error();
    for (const auto& spec : kUnits) {
        auto unit = unitStore.createUnit(supervisor, QString::fromLatin1(spec.code), spec.kind);
        if (!unit.ok())
            return unit.error();
        QStringList members;
        for (const char* name : spec.members) {
            if (name && !idOf(name).isEmpty())
                members << idOf(name);
        }
        auto manned = unitStore.setMembers(supervisor, unit.value().id, unit.value().version, members);
        if (!manned.ok())
            return manned.error();
        const Actor& mover = spec.kind == units::UnitKind::CoResponse ? coResponse.value() : lead.value();
        auto available = unitStore.changeStatus(mover, unit.value().id, manned.value().version, units::UnitStatus::Available);
        if (!available.ok())
            return available.error();
        later(spec.kind == units::UnitKind::CoResponse ? 20 : 10);
        // The newest dispatched call of the unit's program gets it.
        QSqlQuery call = m_db.prepare(QStringLiteral(
            "SELECT id FROM calls WHERE status = 'dispatched' AND program = ? AND id NOT IN "
            "(SELECT call_id FROM units WHERE call_id IS NOT NULL) ORDER BY received_at DESC"));
        call.addBindValue(spec.kind == units::UnitKind::CoResponse ? QStringLiteral("cor") : QStringLiteral("crt"));
        if (StoreError error = m_db.exec(call, "find a demo call for a unit"))
            return error;
        if (!call.next() || QLatin1String(spec.code) == QLatin1String("CRT-2")
            || QLatin1String(spec.code) == QLatin1String("COR-2"))
            continue; // CRT-2 and COR-2 stay available
        auto sent = unitStore.dispatchToCall(supervisor, unit.value().id, available.value().version, call.value(0).toString());
        if (!sent.ok())
            return sent.error();
        later(2);
        auto moving = unitStore.changeStatus(mover, unit.value().id, sent.value().version, units::UnitStatus::EnRoute);
        if (!moving.ok())
            return moving.error();
        if (spec.kind == units::UnitKind::CommunityResponse) {
            later(14);
            auto there = unitStore.changeStatus(mover, unit.value().id, moving.value().version, units::UnitStatus::OnScene);
            if (!there.ok())
                return there.error();
        }
    }
    accounts.recordSessionEvent(lead.value(), audit::SignOut);
    accounts.recordSessionEvent(coResponse.value(), audit::SignOut);
    return {};
}

} // namespace heart::store
