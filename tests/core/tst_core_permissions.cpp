// The role x action permission table, pinned cell by cell against a table
// written out here (so any change to who may do what is deliberate), the
// spot checks that matter most, and the role codes and home workplaces.
#include "core/Permissions.h"
#include "core/Role.h"

#include <QTest>
#include <set>
#include <string>

using namespace heart;

Q_DECLARE_METATYPE(heart::Role)
Q_DECLARE_METATYPE(heart::Action)
Q_DECLARE_METATYPE(heart::Workplace)

namespace {

struct ExpectedRow
{
    Action action;
    const char* name;
    // One column per role, in the order of kAllRoles:
    // CallCounselor, CrtTeamLead, PeerSupport, Emt, CoResponseClinician, CareNavigator, Supervisor,
    // Administrator
    const char* grants;
};

// clang-format off
constexpr ExpectedRow kExpected[] = {
    //                                                        CC TL PS EM CR CN SU AD
    {Action::ViewCallQueue,         "ViewCallQueue",         "X  .  .  .  X  .  X  ."},
    {Action::TakeCall,              "TakeCall",              "X  .  .  .  .  .  .  ."},
    {Action::DispatchUnit,          "DispatchUnit",          "X  .  .  .  .  .  X  ."},
    {Action::ViewUnitCalls,         "ViewUnitCalls",         "X  X  X  X  X  .  X  ."},
    {Action::UpdateUnitStatus,      "UpdateUnitStatus",      ".  X  X  X  X  .  .  ."},
    {Action::OpenPersonRecord,      "OpenPersonRecord",      "X  X  X  X  X  X  X  ."},
    {Action::WriteEncounterEntry,   "WriteEncounterEntry",   ".  X  X  X  X  .  .  ."},
    {Action::SignEncounter,         "SignEncounter",         ".  X  .  .  X  .  .  ."},
    {Action::WriteSafetyPlan,       "WriteSafetyPlan",       "X  X  .  .  X  .  .  ."},
    {Action::ViewFollowUps,         "ViewFollowUps",         "X  .  X  .  .  X  X  ."},
    {Action::WorkFollowUps,         "WorkFollowUps",         "X  .  X  .  .  X  .  ."},
    {Action::AssignFollowUps,       "AssignFollowUps",       ".  .  .  .  .  X  X  ."},
    {Action::ViewRoster,            "ViewRoster",            "X  X  X  X  X  X  X  ."},
    {Action::EditRoster,            "EditRoster",            ".  .  .  .  .  .  X  ."},
    {Action::ViewReports,           "ViewReports",           ".  .  .  .  .  .  X  ."},
    {Action::ExportReports,         "ExportReports",         ".  .  .  .  .  .  X  ."},
    {Action::ManageUsers,           "ManageUsers",           ".  .  .  .  .  .  .  X"},
    {Action::ManageSettings,        "ManageSettings",        ".  .  .  .  .  .  .  X"},
    {Action::EditResourceDirectory, "EditResourceDirectory", ".  .  .  .  .  .  .  X"},
    {Action::ViewAuditTrail,        "ViewAuditTrail",        ".  .  .  .  .  .  X  X"},
    {Action::DrillDownReports,      "DrillDownReports",      ".  .  .  .  .  .  X  X"},
};
// clang-format on

QList<bool> columns(const char* grants)
{
    QList<bool> out;
    for (const char* c = grants; *c; ++c) {
        if (*c == 'X' || *c == '.')
            out.append(*c == 'X');
    }
    return out;
}

} // namespace

class TestCorePermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expectedTableIsComplete();
    void everyCell_data();
    void everyCell();
    void administratorOpensNoPersonRecord();
    void peersAndEmtsWriteButDoNotSign();
    void onlyAdministratorsManageUsers();
    void permittedActionsMatchesPermits();
    void actionCodesAreUniqueAndStable();

    void roleCodeRoundTrip_data();
    void roleCodeRoundTrip();
    void unknownRoleCode_data();
    void unknownRoleCode();
    void homeWorkplace_data();
    void homeWorkplace();
};

void TestCorePermissions::expectedTableIsComplete()
{
    // The table above covers every action once, with one column per role.
    QCOMPARE(std::size(kExpected), kAllActions.size());
    std::set<Action> seen;
    for (const ExpectedRow& row : kExpected) {
        QVERIFY2(seen.insert(row.action).second, row.name);
        QCOMPARE(columns(row.grants).size(), qsizetype(kAllRoles.size()));
    }
    std::set<Action> all(kAllActions.begin(), kAllActions.end());
    QCOMPARE(all.size(), kAllActions.size()); // kAllActions has no duplicate
    QVERIFY(seen == all);
}

void TestCorePermissions::everyCell_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Action>("action");
    QTest::addColumn<bool>("expected");
    for (const ExpectedRow& row : kExpected) {
        const QList<bool> grants = columns(row.grants);
        for (std::size_t i = 0; i < kAllRoles.size(); ++i) {
            const Role role = kAllRoles[i];
            const std::string label = std::string(roleCode(role)) + "/" + row.name;
            QTest::newRow(label.c_str()) << role << row.action << grants.at(qsizetype(i));
        }
    }
}

void TestCorePermissions::everyCell()
{
    QFETCH(Role, role);
    QFETCH(Action, action);
    QFETCH(bool, expected);
    QCOMPARE(permits(role, action), expected);
}

void TestCorePermissions::administratorOpensNoPersonRecord()
{
    QVERIFY(!permits(Role::Administrator, Action::OpenPersonRecord));
    QVERIFY(!permits(Role::Administrator, Action::TakeCall));
    QVERIFY(!permits(Role::Administrator, Action::WriteEncounterEntry));
    QVERIFY(permits(Role::Administrator, Action::ManageUsers));
}

void TestCorePermissions::peersAndEmtsWriteButDoNotSign()
{
    for (Role role : {Role::PeerSupport, Role::Emt}) {
        QVERIFY(permits(role, Action::WriteEncounterEntry));
        QVERIFY(!permits(role, Action::SignEncounter));
    }
    QVERIFY(permits(Role::CrtTeamLead, Action::SignEncounter));
    QVERIFY(permits(Role::CoResponseClinician, Action::SignEncounter));
}

void TestCorePermissions::onlyAdministratorsManageUsers()
{
    for (Role role : kAllRoles)
        QCOMPARE(permits(role, Action::ManageUsers), role == Role::Administrator);
}

void TestCorePermissions::permittedActionsMatchesPermits()
{
    for (Role role : kAllRoles) {
        const std::vector<Action> listed = permittedActions(role);
        std::vector<Action> expected;
        for (Action action : kAllActions) {
            if (permits(role, action))
                expected.push_back(action);
        }
        QVERIFY(listed == expected);
        QVERIFY(!listed.empty()); // every role can do something
    }
}

void TestCorePermissions::actionCodesAreUniqueAndStable()
{
    std::set<std::string_view> codes;
    for (Action action : kAllActions) {
        const std::string_view code = actionCode(action);
        QVERIFY(!code.empty());
        QVERIFY(codes.insert(code).second);
        for (char c : code)
            QVERIFY((c >= 'a' && c <= 'z') || c == '_');
    }
    // Codes may be written to logs and audit rows: these must never change.
    QCOMPARE(actionCode(Action::ManageUsers), std::string_view("manage_users"));
    QCOMPARE(actionCode(Action::OpenPersonRecord), std::string_view("open_person_record"));
    QCOMPARE(actionCode(Action::SignEncounter), std::string_view("sign_encounter"));
}

void TestCorePermissions::roleCodeRoundTrip_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("code");
    // The stored codes: changing one orphans every user_roles row that holds it.
    QTest::newRow("counselor") << Role::CallCounselor << QStringLiteral("call_counselor");
    QTest::newRow("team lead") << Role::CrtTeamLead << QStringLiteral("crt_team_lead");
    QTest::newRow("peer") << Role::PeerSupport << QStringLiteral("peer_support");
    QTest::newRow("emt") << Role::Emt << QStringLiteral("emt");
    QTest::newRow("co-response") << Role::CoResponseClinician << QStringLiteral("co_response_clinician");
    QTest::newRow("navigator") << Role::CareNavigator << QStringLiteral("care_navigator");
    QTest::newRow("supervisor") << Role::Supervisor << QStringLiteral("supervisor");
    QTest::newRow("administrator") << Role::Administrator << QStringLiteral("administrator");
}

void TestCorePermissions::roleCodeRoundTrip()
{
    QFETCH(Role, role);
    QFETCH(QString, code);
    const std::string_view actual = roleCode(role);
    QCOMPARE(QString::fromUtf8(actual.data(), qsizetype(actual.size())), code);
    const std::optional<Role> back = roleFromCode(actual);
    QVERIFY(back.has_value());
    QCOMPARE(*back, role);
}

void TestCorePermissions::unknownRoleCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Administrator");
    QTest::newRow("display name") << QStringLiteral("Call Counselor");
    QTest::newRow("trailing space") << QStringLiteral("emt ");
    QTest::newRow("made up") << QStringLiteral("superuser");
}

void TestCorePermissions::unknownRoleCode()
{
    QFETCH(QString, code);
    const std::string text = code.toStdString();
    QVERIFY(!roleFromCode(text).has_value());
}

void TestCorePermissions::homeWorkplace_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Workplace>("workplace");
    QTest::newRow("counselor") << Role::CallCounselor << Workplace::CallQueue;
    QTest::newRow("team lead") << Role::CrtTeamLead << Workplace::UnitCalls;
    QTest::newRow("peer") << Role::PeerSupport << Workplace::UnitCalls;
    QTest::newRow("emt") << Role::Emt << Workplace::UnitCalls;
    QTest::newRow("co-response") << Role::CoResponseClinician << Workplace::UnitCalls;
    QTest::newRow("navigator") << Role::CareNavigator << Workplace::FollowUpQueue;
    QTest::newRow("supervisor") << Role::Supervisor << Workplace::ProgramDashboard;
    QTest::newRow("administrator") << Role::Administrator << Workplace::Administration;
}

void TestCorePermissions::homeWorkplace()
{
    QFETCH(Role, role);
    QFETCH(Workplace, workplace);
    QCOMPARE(heart::homeWorkplace(role), workplace);
}

QTEST_GUILESS_MAIN(TestCorePermissions)
#include "tst_core_permissions.moc"
