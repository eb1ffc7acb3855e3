// Automatic logoff: after the idle minutes (injected clock) the window hides
// its content until the same user re-enters the password; what was typed
// survives the lock. If another user signs in instead, the first user's
// unsaved form is kept as their draft and comes back at their next sign-in.
#include "UiTestFixture.h"
#include "admin/NewUserForm.h"
#include "common/StrictTestMain.h"
#include "shell/InactivityMonitor.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>

using namespace heart;
using namespace std::chrono_literals;

class TestAutoLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locksAfterIdleMinutes();
    void activityPostponesTheLock();
    void unlockKeepsUnsavedWork();
    void anotherUserKeepsFirstUsersDraft();
    void idleMinutesComeFromSettings();

private:
    static void typeIntoNewUserForm(ui::MainWindow& window);
};

void TestAutoLock::typeIntoNewUserForm(ui::MainWindow& window)
{
    QTest::keyClicks(window.findChild<QLineEdit*>(QStringLiteral("newUserLogin")), QStringLiteral("jrivera"));
    QTest::keyClicks(window.findChild<QLineEdit*>(QStringLiteral("newUserName")),
                     QStringLiteral("Jo Rivera"));
    window.findChild<QCheckBox*>(QStringLiteral("newUserRole_care_navigator"))->setChecked(true);
}

void TestAutoLock::locksAfterIdleMinutes()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
    QVERIFY(f.window().home()->isVisible());
    f.clock().advance(9min + 59s);
    f.window().inactivityMonitor()->check();
    QVERIFY(!f.window().isLocked());
    f.clock().advance(1s);
    f.window().inactivityMonitor()->check();
    QVERIFY(f.window().isLocked());
    QVERIFY(!f.window().home()->isVisible()); // content hidden
    QCOMPARE(f.window().findChild<QStackedWidget*>()->currentWidget()->objectName(),
             QStringLiteral("signInPage"));
    QVERIFY(!f.window().findChild<QLineEdit*>(QStringLiteral("signInLogin"))->isVisible());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session_locked'")),
             1);
}

void TestAutoLock::activityPostponesTheLock()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
    f.clock().advance(8min);
    QTest::keyClick(f.window().home(), Qt::Key_Tab); // any key counts as activity
    f.clock().advance(8min);
    f.window().inactivityMonitor()->check();
    QVERIFY(!f.window().isLocked());
    f.clock().advance(2min);
    f.window().inactivityMonitor()->check();
    QVERIFY(f.window().isLocked());
}

void TestAutoLock::unlockKeepsUnsavedWork()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    typeIntoNewUserForm(f.window());
    f.clock().advance(10min);
    f.window().inactivityMonitor()->check();
    QVERIFY(f.window().isLocked());

    f.typeSignIn(QString(), QStringLiteral("wrong-password"));
    QVERIFY(f.window().isLocked());
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("signInError"))->text(),
             QStringLiteral("Wrong user ID or password."));

    f.typeSignIn(QString(), QStringLiteral("admin-demo-desk"));
    QVERIFY(!f.window().isLocked());
    QVERIFY(f.window().home()->isVisible());
    QCOMPARE(f.window().findChild<QLineEdit*>(QStringLiteral("newUserLogin"))->text(),
             QStringLiteral("jrivera"));
    QCOMPARE(f.window().findChild<QLineEdit*>(QStringLiteral("newUserName"))->text(),
             QStringLiteral("Jo Rivera"));
    QVERIFY(f.window().findChild<QCheckBox*>(QStringLiteral("newUserRole_care_navigator"))->isChecked());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session_unlocked'")),
             1);
}

void TestAutoLock::anotherUserKeepsFirstUsersDraft()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    typeIntoNewUserForm(f.window());
    QTest::keyClick(&f.window(), Qt::Key_L, Qt::ControlModifier); // lock by hand
    QVERIFY(f.window().isLocked());

    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("signInOtherUser")), Qt::LeftButton);
    f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
    QCOMPARE(f.window().actor()->login(), QStringLiteral("supervisor"));
    QCOMPARE(f.window().home()->objectName(), QStringLiteral("supervisorHome"));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts d JOIN users u ON u.id = d.user_id "
                                        "WHERE u.login = 'admin' AND d.form = 'admin/new-user' "
                                        "AND d.content LIKE '%jrivera%'")),
             1);

    f.window().signOut();
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    QCOMPARE(f.window().findChild<QLineEdit*>(QStringLiteral("newUserLogin"))->text(),
             QStringLiteral("jrivera"));
    QCOMPARE(f.window().findChild<QLineEdit*>(QStringLiteral("newUserName"))->text(),
             QStringLiteral("Jo Rivera"));
    QVERIFY(f.window().findChild<QCheckBox*>(QStringLiteral("newUserRole_care_navigator"))->isChecked());
    // Given back, the draft is no longer kept separately.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts")), 0);
}

void TestAutoLock::idleMinutesComeFromSettings()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    // The administrator's home leads to the program settings, where the idle minutes are.
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("openSettingsButton")),
                      Qt::LeftButton);
    auto* minutes = f.window().findChild<QSpinBox*>(QStringLiteral("idleMinutes"));
    QVERIFY(minutes && minutes->isVisible());
    QCOMPARE(minutes->value(), 10);
    minutes->setValue(3);
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("saveSettingsButton")),
                      Qt::LeftButton);
    f.window().signOut();
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
    f.clock().advance(3min);
    f.window().inactivityMonitor()->check();
    QVERIFY(f.window().isLocked());
}

HEART_TEST_MAIN(TestAutoLock)
#include "tst_autolock.moc"
