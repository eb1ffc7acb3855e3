#include "store/RosterStore.h"

#include "core/Uuid.h"
#include "store/AccountStore.h"
#include "store/CoreText.h"
#include "store/Database.h"
#include "store/StoreTime.h"
#include "store/UnitOfWork.h"

#include <QDate>
#include <QVariant>
#include <utility>

namespace heart::store {
namespace {

const QString kStaff = QStringLiteral("staff");
const QString kCycle = QStringLiteral("roster_cycle");

QString dateText(const std::chrono::year_month_day& d)
{
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day()))).toString(Qt::ISODate);
}

std::chrono::year_month_day dateFrom(const QString& text)
{
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return std::chrono::year_month_day{std::chrono::year{d.year()}, std::chrono::month{unsigned(d.month())},
                                       std::chrono::day{unsigned(d.day())}};
}

} // namespace

QString RosterStore::roleCode(roster::ResponderRole role)
{
    switch (role) {
    case roster::ResponderRole::Clinician:
        return QStringLiteral("clinician");
    case roster::ResponderRole::PeerSupport:
        return QStringLiteral("peer_support");
    case roster::ResponderRole::Emt:
        return QStringLiteral("emt");
    }
    return {};
}

roster::ResponderRole RosterStore::roleFromCode(const QString& code)
{
    if (code == QLatin1String("peer_support"))
        return roster::ResponderRole::PeerSupport;
    if (code == QLatin1String("emt"))
        return roster::ResponderRole::Emt;
    return roster::ResponderRole::Clinician;
}

StoreResult<QList<roster::StaffMember>> RosterStore::listStaff(const Actor& actor)
{
    if (StoreError error = m_audit.require(actor, Action::ViewRoster, kStaff))
        return error;
    return readStaff();
}

StoreResult<QList<roster::StaffMember>> RosterStore::readStaff()
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT id, display_name, responder_role, shift_code FROM staff WHERE active = 1 "
                       "ORDER BY CASE responder_role WHEN 'clinician' THEN 0 WHEN 'peer_support' THEN 1 ELSE "
                       "2 END, shift_code, "
                       "display_name"));
    if (StoreError error = m_db.exec(query, "list staff"))
        return error;
    QList<roster::StaffMember> staff;
    while (query.next()) {
        staff.append({query.value(0).toString().toStdString(), query.value(1).toString().toStdString(),
                      roleFromCode(query.value(2).toString()), query.value(3).toString().toStdString()});
    }
    return staff;
}

StoreResult<QString> RosterStore::addStaff(const Actor& actor, const roster::StaffMember& member,
                                           const QString& userId)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kStaff);
    if (!work.ok())
        return work.error();
    if (member.name.empty())
        return StoreError::make(StoreErrorCode::RequiredMissing, QStringLiteral("no name"),
                                QStringLiteral("name"));
    // The roster shows the name to every supervisor: no control or bidi characters, a bounded length.
    if (StoreError error = checkPersonName(toQString(member.name), QStringLiteral("name")))
        return error;
    if (member.shiftCode.empty())
        return StoreError::make(StoreErrorCode::RequiredMissing, QStringLiteral("no shift"),
                                QStringLiteral("shift"));
    const QString id = toQString(newRecordId(m_clock.now()));
    const QString now = toStoredTime(m_clock.now());
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO staff (id, user_id, display_name, responder_role, "
                                    "shift_code, active, created_at, updated_at, "
                                    "version) VALUES (?, ?, ?, ?, ?, 1, ?, ?, 1)"));
    insert.addBindValue(id);
    insert.addBindValue(userId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(userId));
    insert.addBindValue(toQString(member.name));
    insert.addBindValue(roleCode(member.role));
    insert.addBindValue(toQString(member.shiftCode));
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (StoreError error = m_db.exec(insert, "insert staff"))
        return error;
    if (StoreError error = work.changed(audit::Create, kStaff, id, 1))
        return error;
    if (StoreError error = work.commit())
        return error;
    return id;
}

StoreError RosterStore::setStaffShift(const Actor& actor, const QString& staffId, const QString& shiftCode)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kStaff, staffId);
    if (!work.ok())
        return work.error();
    if (shiftCode.isEmpty())
        return StoreError::make(StoreErrorCode::RequiredMissing, QStringLiteral("no shift"),
                                QStringLiteral("shift"));
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE staff SET shift_code = ?, version = version + 1, "
                                                   "updated_at = ? WHERE id = ? AND active = 1"));
    update.addBindValue(shiftCode);
    update.addBindValue(toStoredTime(m_clock.now()));
    update.addBindValue(staffId);
    if (StoreError error = m_db.exec(update, "change fixed shift"))
        return error;
    if (update.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such responder"));
    QSqlQuery version = m_db.prepare(QStringLiteral("SELECT version FROM staff WHERE id = ?"));
    version.addBindValue(staffId);
    if (StoreError error = m_db.exec(version, "read staff version"))
        return error;
    if (!version.next())
        return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no such responder"));
    if (StoreError error = work.changed(audit::Update, kStaff, staffId, version.value(0).toInt()))
        return error;
    return work.commit();
}

StoreResult<RosterCycle> RosterStore::currentCycle(const Actor& actor)
{
    if (StoreError error = m_audit.require(actor, Action::ViewRoster, kCycle))
        return error;
    return readCurrentCycle();
}

StoreResult<RosterCycle> RosterStore::coverageCycle()
{
    auto cycle = readCurrentCycle();
    if (!cycle.ok())
        return cycle;
    RosterCycle unnamed = std::move(cycle).value();
    for (roster::StaffMember& member : unnamed.schedule.staff)
        member.name.clear();
    return unnamed;
}

StoreResult<RosterCycle> RosterStore::readCurrentCycle()
{
    RosterCycle cycle;
    {
        QSqlQuery query = m_db.prepare(
            QStringLiteral("SELECT id, start_date, weeks, teams_per_shift, version FROM roster_cycles "
                           "ORDER BY start_date DESC, created_at DESC LIMIT 1"));
        if (StoreError error = m_db.exec(query, "current cycle"))
            return error;
        if (!query.next())
            return StoreError::make(StoreErrorCode::NotFound, QStringLiteral("no rotation yet"));
        cycle.id = query.value(0).toString();
        cycle.schedule.start = dateFrom(query.value(1).toString());
        cycle.schedule.weeks = query.value(2).toInt();
        cycle.teamsPerShift = query.value(3).toInt();
        cycle.version = query.value(4).toInt();
    }
    auto staff = readStaff();
    if (!staff.ok())
        return staff.error();
    for (const roster::StaffMember& member : staff.value())
        cycle.schedule.staff.push_back(member);
    const auto days = static_cast<std::size_t>(cycle.schedule.dayCount());
    cycle.schedule.duties.assign(cycle.schedule.staff.size(), std::vector<roster::Duty>(days));
    QSqlQuery duties = m_db.prepare(QStringLiteral(
        "SELECT staff_id, day_index, kind, shift_code, admin_minutes FROM roster_duties WHERE cycle_id = ?"));
    duties.addBindValue(cycle.id);
    if (StoreError error = m_db.exec(duties, "read duties"))
        return error;
    while (duties.next()) {
        const std::string staffId = duties.value(0).toString().toStdString();
        const int day = duties.value(1).toInt();
        for (std::size_t p = 0; p < cycle.schedule.staff.size(); ++p) {
            if (cycle.schedule.staff[p].id != staffId || day < 0 || static_cast<std::size_t>(day) >= days)
                continue;
            roster::Duty& duty = cycle.schedule.duties[p][static_cast<std::size_t>(day)];
            if (duties.value(2).toString() == QLatin1String("shift")) {
                duty.kind = roster::DutyKind::Shift;
                duty.shiftCode = duties.value(3).toString().toStdString();
            } else {
                duty.kind = roster::DutyKind::Admin;
                duty.adminMinutes = duties.value(4).toInt();
            }
        }
    }
    return cycle;
}

StoreError RosterStore::writeDuty(const QString& cycleId, const QString& staffId, int day,
                                  const roster::Duty& duty, const char* clearWhat, const char* writeWhat)
{
    QSqlQuery remove = m_db.prepare(
        QStringLiteral("DELETE FROM roster_duties WHERE cycle_id = ? AND staff_id = ? AND day_index = ?"));
    remove.addBindValue(cycleId);
    remove.addBindValue(staffId);
    remove.addBindValue(day);
    if (StoreError error = m_db.exec(remove, clearWhat))
        return error;
    if (duty.kind == roster::DutyKind::Off)
        return {};
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO roster_duties (cycle_id, staff_id, day_index, kind, shift_code, admin_minutes) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(cycleId);
    insert.addBindValue(staffId);
    insert.addBindValue(day);
    const bool shift = duty.kind == roster::DutyKind::Shift;
    insert.addBindValue(shift ? QStringLiteral("shift") : QStringLiteral("admin"));
    insert.addBindValue(shift ? QVariant(toQString(duty.shiftCode))
                              : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(shift ? QVariant(QMetaType::fromType<int>()) : QVariant(duty.adminMinutes));
    return m_db.exec(insert, writeWhat);
}

StoreError RosterStore::bumpVersion(RosterCycle& cycle)
{
    QSqlQuery bump = m_db.prepare(
        QStringLiteral("UPDATE roster_cycles SET version = version + 1, updated_at = ?, teams_per_shift = ? "
                       "WHERE id = ? AND version = ?"));
    bump.addBindValue(toStoredTime(m_clock.now()));
    bump.addBindValue(cycle.teamsPerShift);
    bump.addBindValue(cycle.id);
    bump.addBindValue(cycle.version);
    if (StoreError error = m_db.exec(bump, "bump cycle version"))
        return error;
    if (bump.numRowsAffected() != 1)
        return StoreError::make(StoreErrorCode::Conflict,
                                QStringLiteral("the rotation was changed meanwhile"));
    ++cycle.version;
    return {};
}

StoreResult<RosterCycle> RosterStore::saveCycle(const Actor& actor, const RosterCycle& input)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kCycle, input.id);
    if (!work.ok())
        return work.error();
    RosterCycle cycle = input;
    const bool created = cycle.id.isEmpty();
    if (created) {
        cycle.id = toQString(newRecordId(m_clock.now()));
        cycle.version = 1;
        const QString now = toStoredTime(m_clock.now());
        QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO roster_cycles (id, start_date, weeks, "
                                                       "teams_per_shift, created_at, updated_at, version) "
                                                       "VALUES (?, ?, ?, ?, ?, ?, 1)"));
        insert.addBindValue(cycle.id);
        insert.addBindValue(dateText(cycle.schedule.start));
        insert.addBindValue(cycle.schedule.weeks);
        insert.addBindValue(cycle.teamsPerShift);
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (StoreError error = m_db.exec(insert, "insert cycle"))
            return error;
    } else {
        if (StoreError error = bumpVersion(cycle))
            return error;
        QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM roster_duties WHERE cycle_id = ?"));
        clear.addBindValue(cycle.id);
        if (StoreError error = m_db.exec(clear, "clear duties"))
            return error;
    }
    for (std::size_t p = 0; p < cycle.schedule.staff.size(); ++p) {
        const QString staffId = toQString(cycle.schedule.staff[p].id);
        for (int day = 0; day < cycle.schedule.dayCount(); ++day) {
            const roster::Duty& duty = cycle.schedule.duties[p][static_cast<std::size_t>(day)];
            if (duty.kind == roster::DutyKind::Off)
                continue;
            if (StoreError error = writeDuty(cycle.id, staffId, day, duty))
                return error;
        }
    }
    if (StoreError error =
            work.changed(created ? audit::Create : audit::Update, kCycle, cycle.id, cycle.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    return cycle;
}

StoreError RosterStore::setDuty(const Actor& actor, RosterCycle& cycle, int person, int day,
                                const roster::Duty& duty)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kCycle, cycle.id);
    if (!work.ok())
        return work.error();
    if (person < 0 || static_cast<std::size_t>(person) >= cycle.schedule.staff.size() || day < 0 ||
        day >= cycle.schedule.dayCount())
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("no such cell"),
                                QStringLiteral("day"));
    RosterCycle next = cycle;
    if (StoreError error = bumpVersion(next))
        return error;
    if (StoreError error = writeDuty(
            cycle.id, toQString(cycle.schedule.staff[static_cast<std::size_t>(person)].id), day, duty))
        return error;
    if (StoreError error = work.changed(audit::Update, kCycle, cycle.id, next.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    next.schedule.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(day)] = duty;
    cycle = next;
    return {};
}

StoreError RosterStore::swapDuties(const Actor& actor, RosterCycle& cycle, int personA, int personB, int day)
{
    UnitOfWork work(m_db, m_clock, actor, Action::EditRoster, kCycle, cycle.id);
    if (!work.ok())
        return work.error();
    const auto people = static_cast<int>(cycle.schedule.staff.size());
    if (personA < 0 || personA >= people || personB < 0 || personB >= people || personA == personB ||
        day < 0 || day >= cycle.schedule.dayCount())
        return StoreError::make(StoreErrorCode::InvalidInput, QStringLiteral("no such cells"),
                                QStringLiteral("day"));
    const auto a = static_cast<std::size_t>(personA);
    const auto b = static_cast<std::size_t>(personB);
    const auto d = static_cast<std::size_t>(day);
    RosterCycle next = cycle;
    if (StoreError error = bumpVersion(next))
        return error;
    std::swap(next.schedule.duties[a][d], next.schedule.duties[b][d]);
    if (StoreError error =
            writeDuty(cycle.id, toQString(cycle.schedule.staff[a].id), day, next.schedule.duties[a][d]))
        return error;
    // The second duty under its own names, so that a test can fail it alone.
    if (StoreError error = writeDuty(cycle.id, toQString(cycle.schedule.staff[b].id), day,
                                     next.schedule.duties[b][d], "clear swapped duty", "write swapped duty"))
        return error;
    if (StoreError error = work.changed(audit::Update, kCycle, cycle.id, next.version))
        return error;
    if (StoreError error = work.commit())
        return error;
    cycle = next;
    return {};
}

StoreError RosterStore::recordExport(const Actor& actor, const QString& cycleId)
{
    if (StoreError error = m_audit.require(actor, Action::ViewRoster, kCycle, cycleId))
        return error;
    return m_audit.record(actor, {audit::Export, kCycle, cycleId});
}

} // namespace heart::store
