// Permissions enforced in the store on both engines, not only by hidden
// buttons: every non-administrator calling an account or settings operation
// is refused with PermissionDenied, changes nothing and leaves an audited
// permission_denied row; every CallStore method admits exactly the roles the
// core table grants. One database for the whole class (the checks only add
// audit rows), so each role's actor is made once.
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "core/Permissions.h"
#include "store/CallStore.h"
#include "store/CoreText.h"
#include "store/SettingsStore.h"
#include "store/StoreTime.h"

#include <QTest>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

Q_DECLARE_METATYPE(heart::Role)

namespace {

const QStringList kAdminOperations = {QStringLiteral("addUser"),
                                      QStringLiteral("listUsers"),
                                      QStringLiteral("resetPassword"),
                                      QStringLiteral("setActive"),
                                      QStringLiteral("setRoles"),
                                      QStringLiteral("setIdleLockMinutes"),
                                      QStringLiteral("setIdleLockMinutes out of range")};

struct CallMethod
{
    const char* name;
    Action action; // what the method needs
};

const CallMethod kCallMethods[] = {
    {"activeCalls", Action::ViewCallQueue},    {"unitCalls", Action::ViewUnitCalls},
    {"recentContacts", Action::ViewFollowUps}, {"programSummary", Action::ViewReports},
    {"importCalls", Action::TakeCall},
};

} // namespace

class TestStorePermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_fixture.reset(); }

    void nonAdministratorsAreRefused_data();
    void nonAdministratorsAreRefused();
    void administratorIsAdmitted();
    void callStoreFollowsTheTable_data();
    void callStoreFollowsTheTable();
    void administratorSeesNoCallQueue();
    void peerSupportSeesNoProgramSummary();

private:
    // Runs one CallStore method as `actor`; the error, none if admitted.
    StoreError callMethod(const QString& name, const Actor& actor);
    QVariantList lastAuditRow();

    std::unique_ptr<TestDatabase> m_fixture;
    QString m_targetId; // a user the refused calls aim at
    int m_importedCalls = 0;
};

void TestStorePermissions::initTestCase()
{
    HEARTDESK_FRESH_DATABASE(m_fixture);
    m_targetId = m_fixture->actorFor(Role::Emt).userId();
}

QVariantList TestStorePermissions::lastAuditRow()
{
    const test::RawResult row =
        m_fixture->sql(QStringLiteral("SELECT action, user_id, role, workstation, record_type, record_id "
                                      "FROM audit_log ORDER BY seq DESC LIMIT 1"));
    return row.ok && !row.rows.isEmpty() ? row.rows.at(0) : QVariantList{};
}

void TestStorePermissions::nonAdministratorsAreRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<Role>("role");
    for (const QString& operation : kAdminOperations) {
        for (Role role : kAllRoles) {
            if (role != Role::Administrator)
                QTest::addRow("%s as %s", qPrintable(operation), roleCode(role).data()) << operation << role;
        }
    }
}

void TestStorePermissions::nonAdministratorsAreRefused()
{
    QFETCH(QString, operation);
    QFETCH(Role, role);
    const Actor actor = m_fixture->actorFor(role);
    AccountStore& accounts = m_fixture->accounts();
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    const auto target = accounts.account(m_targetId);
    QVERIFY(target.ok());
    const int usersBefore =
        m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt();
    const QString hashBefore =
        m_fixture->sql(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {m_targetId})
            .rows.at(0)
            .at(0)
            .toString();

    StoreError error;
    QString recordType = QStringLiteral("user");
    QString recordId = m_targetId;
    if (operation == QLatin1String("addUser")) {
        auto added = accounts.addUser(actor, {QStringLiteral("sneaky"),
                                              QStringLiteral("Sneaky"),
                                              {Role::Administrator},
                                              QStringLiteral("sneaky-password")});
        QVERIFY(!added.ok());
        error = added.error();
        recordId.clear();
    } else if (operation == QLatin1String("listUsers")) {
        auto listed = accounts.listUsers(actor);
        QVERIFY(!listed.ok());
        error = listed.error();
        recordId.clear();
    } else if (operation == QLatin1String("resetPassword")) {
        error = accounts.resetPassword(actor, m_targetId, QStringLiteral("taken-over-123"));
    } else if (operation == QLatin1String("setActive")) {
        error = accounts.setActive(actor, m_targetId, false, target.value().version);
    } else if (operation == QLatin1String("setRoles")) {
        error = accounts.setRoles(actor, m_targetId, {Role::Administrator}, target.value().version);
    } else {
        // Out of range or not, a non-administrator learns only "not allowed", and it is audited.
        const int minutes = operation.endsWith(QLatin1String("range")) ? 0 : 45;
        error = settings.setIdleLockMinutes(actor, minutes);
        recordType = QStringLiteral("setting");
        recordId = QStringLiteral("idle_lock_minutes");
    }
    QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::PermissionDenied));

    const QVariantList audit = lastAuditRow();
    QCOMPARE(audit.value(0).toString(), audit::PermissionDenied);
    QCOMPARE(audit.value(1).toString(), actor.userId());
    QCOMPARE(audit.value(2).toString(), toQString(roleCode(role)));
    QCOMPARE(audit.value(3).toString(), TestDatabase::workstation());
    QCOMPARE(audit.value(4).toString(), recordType);
    QCOMPARE(audit.value(5).toString(), recordId);

    // Nothing changed.
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT COUNT(*) FROM users")).rows.at(0).at(0).toInt(),
             usersBefore);
    const UserAccount after = accounts.account(m_targetId).value();
    QCOMPARE(after.version, target.value().version);
    QCOMPARE(after.roles, target.value().roles);
    QVERIFY(after.active);
    QCOMPARE(m_fixture->sql(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {m_targetId})
                 .rows.at(0)
                 .at(0)
                 .toString(),
             hashBefore);
    QCOMPARE(settings.idleLockMinutes(), 10);
}

void TestStorePermissions::administratorIsAdmitted()
{
    // The same operations succeed for an administrator: the refusals above are about the role.
    const Actor admin = m_fixture->administrator();
    AccountStore& accounts = m_fixture->accounts();
    const int deniedBefore = m_fixture->auditCount(audit::PermissionDenied, admin.userId());
    auto listed = accounts.listUsers(admin);
    HEARTDESK_VERIFY_RESULT(listed);
    QVERIFY(listed.value().size() >= 8);
    auto added = accounts.addUser(admin, {QStringLiteral("legit"),
                                          QStringLiteral("Legit User"),
                                          {Role::CareNavigator},
                                          QStringLiteral("maple-orbit-tunnel")});
    HEARTDESK_VERIFY_RESULT(added);
    HEARTDESK_VERIFY_OK(accounts.setRoles(admin, added.value().id, {Role::Supervisor}, 1));
    HEARTDESK_VERIFY_OK(accounts.setActive(admin, added.value().id, false, 2));
    HEARTDESK_VERIFY_OK(
        accounts.resetPassword(admin, added.value().id, QStringLiteral("maple-orbit-tunnel-2")));
    SettingsStore settings(m_fixture->db(), m_fixture->clock());
    HEARTDESK_VERIFY_OK(settings.setIdleLockMinutes(admin, 10));
    QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, admin.userId()), deniedBefore);
}

StoreError TestStorePermissions::callMethod(const QString& name, const Actor& actor)
{
    CallStore calls(m_fixture->db(), m_fixture->clock());
    const QDateTime since = toDateTime(TestDatabase::startTime()).addDays(-7);
    if (name == QLatin1String("activeCalls"))
        return calls.activeCalls(actor).error();
    if (name == QLatin1String("unitCalls"))
        return calls.unitCalls(actor, since).error();
    if (name == QLatin1String("recentContacts"))
        return calls.recentContacts(actor, since).error();
    if (name == QLatin1String("programSummary"))
        return calls.programSummary(actor, since).error();
    NewCall call;
    call.cadNumber = QStringLiteral("PERM-%1").arg(++m_importedCalls);
    call.receivedAt = toDateTime(TestDatabase::startTime());
    call.callType = QStringLiteral("Welfare Check");
    call.status = heart::intake::CallStatus::Open;
    return calls.importCalls(actor, {}, {call}).error();
}

void TestStorePermissions::callStoreFollowsTheTable_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("admitted");
    for (const CallMethod& method : kCallMethods) {
        for (Role role : kAllRoles) {
            QTest::addRow("%s as %s", method.name, roleCode(role).data())
                << QString::fromLatin1(method.name) << role << permits(role, method.action);
        }
    }
}

void TestStorePermissions::callStoreFollowsTheTable()
{
    QFETCH(QString, method);
    QFETCH(Role, role);
    QFETCH(bool, admitted);
    const Actor actor = m_fixture->actorFor(role);
    const int deniedBefore = m_fixture->auditCount(audit::PermissionDenied, actor.userId());
    const StoreError error = callMethod(method, actor);
    if (admitted) {
        HEARTDESK_VERIFY_OK(error);
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, actor.userId()), deniedBefore);
    } else {
        QCOMPARE(storeErrorCodeName(error.code), storeErrorCodeName(StoreErrorCode::PermissionDenied));
        QCOMPARE(m_fixture->auditCount(audit::PermissionDenied, actor.userId()), deniedBefore + 1);
        const QVariantList audit = lastAuditRow();
        QCOMPARE(audit.value(0).toString(), audit::PermissionDenied);
        QCOMPARE(audit.value(2).toString(), toQString(roleCode(role)));
        QCOMPARE(audit.value(4).toString(), QStringLiteral("call"));
    }
}

void TestStorePermissions::administratorSeesNoCallQueue()
{
    const Actor admin = m_fixture->administrator();
    CallStore calls(m_fixture->db(), m_fixture->clock());
    auto queue = calls.activeCalls(admin);
    QVERIFY(!queue.ok());
    QCOMPARE(queue.error().code, StoreErrorCode::PermissionDenied);
    QVERIFY(queue.error().detail.contains(QLatin1String("view_call_queue")));
    auto imported = calls.importCalls(admin, {}, {});
    QCOMPARE(imported.error().code, StoreErrorCode::PermissionDenied);
}

void TestStorePermissions::peerSupportSeesNoProgramSummary()
{
    const Actor peer = m_fixture->actorFor(Role::PeerSupport);
    CallStore calls(m_fixture->db(), m_fixture->clock());
    auto summary = calls.programSummary(peer, toDateTime(TestDatabase::startTime()).addDays(-30));
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, StoreErrorCode::PermissionDenied);
    HEARTDESK_VERIFY_RESULT(calls.unitCalls(peer, toDateTime(TestDatabase::startTime()).addDays(-30)));
}

HEART_TEST_GUILESS_MAIN(TestStorePermissions)
#include "tst_store_permissions.moc"
