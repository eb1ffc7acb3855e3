#include "store/DemoDataWriter.h"

#include "store/AccountStore.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
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
        calls.append(call);
    }
    CallStore callStore(m_db, m_clock);
    auto imported = callStore.importCalls(counselor.value(), people, calls);
    if (!imported.ok())
        return imported.error();
    accounts.recordSessionEvent(counselor.value(), audit::SignOut);
    qCInfo(lcStore) << "demo data written:" << scenario.staff.size() << "staff," << imported.value().size()
                    << "calls";
    return {};
}

} // namespace heart::store
