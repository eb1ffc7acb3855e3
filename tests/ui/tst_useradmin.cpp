// The administrator's screen: an account added from the keyboard is saved
// with its roles, roles change, passwords reset, accounts deactivate (never
// delete), and the last administrator cannot be removed.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace heart;

namespace {

// Renders the window for a person to look at (docs/screenshots), when HEARTDESK_TEST_PNG_DIR is set.
void savePng(QWidget* window, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // the layout follows a new error text
    window->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace

class TestUserAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addAccountByKeyboard();
    void deactivateAndReactivate();
    void lastAdministratorStays();
    void resetPasswordLetsUserIn();
    void promotionToAdministratorAsksForANewPassword();

private:
    static void selectLogin(ui::MainWindow& window, const QString& login);
};

void TestUserAdmin::selectLogin(ui::MainWindow& window, const QString& login)
{
    auto* table = window.findChild<QTableWidget*>(QStringLiteral("userTable"));
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == login) {
            table->selectRow(row);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for ") + login));
}

void TestUserAdmin::addAccountByKeyboard()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    auto* table = f.window().findChild<QTableWidget*>(QStringLiteral("userTable"));
    const int before = table->rowCount();
    QCOMPARE(before, 8);
    auto* login = f.window().findChild<QLineEdit*>(QStringLiteral("newUserLogin"));
    login->setFocus();
    QTest::keyClicks(login, QStringLiteral("mnoor"));
    QTest::keyClick(login, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Mina Noor, LCSW"));
    // The role boxes follow in tab order; tick the first (crisis call counselor) with Space.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("newUserRole_call_counselor"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("newUserPassword")),
                     QStringLiteral("tide lantern 41"));
    auto* confirm = f.window().findChild<QLineEdit*>(QStringLiteral("newUserConfirm"));
    QTest::keyClicks(confirm, QStringLiteral("tide lantern 41"));
    QTest::keyClick(confirm, Qt::Key_Return);

    QCOMPARE(table->rowCount(), before + 1);
    QVERIFY(f.window()
                .findChild<QLabel*>(QStringLiteral("adminMessage"))
                ->text()
                .contains(QStringLiteral("mnoor")));
    QCOMPARE(login->text(), QString()); // form cleared after saving
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
                                        "WHERE u.login = 'mnoor' AND u.display_name = 'Mina Noor, LCSW' "
                                        "AND r.role = 'call_counselor'")),
             1);
    QCOMPARE(f.countRows(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.record_id "
                 "WHERE u.login = 'mnoor' AND a.action = 'create' AND a.record_type = 'user'")),
             1);
    // A duplicate is refused inline, nothing added.
    QTest::keyClicks(login, QStringLiteral("mnoor"));
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("newUserName")),
                     QStringLiteral("Someone Else"));
    f.window().findChild<QCheckBox*>(QStringLiteral("newUserRole_emt"))->setChecked(true);
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("newUserPassword")),
                     QStringLiteral("other-pass-22"));
    QTest::keyClicks(confirm, QStringLiteral("other-pass-22"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("newUserError"))->text(),
             QStringLiteral("This user ID is taken already."));
    QCOMPARE(table->rowCount(), before + 1);

    // A password made of the user ID is refused at the password field, with the reason.
    auto* error = f.window().findChild<QLabel*>(QStringLiteral("newUserError"));
    auto* password = f.window().findChild<QLineEdit*>(QStringLiteral("newUserPassword"));
    login->clear();
    QTest::keyClicks(login, QStringLiteral("ada"));
    QTest::keyClicks(password, QStringLiteral("ada12345"));
    QTest::keyClicks(confirm, QStringLiteral("ada12345"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QVERIFY2(error->text().contains(QStringLiteral("made of the user ID")), qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(password));
    // A common password: refused, said so.
    QTest::keyClicks(password, QStringLiteral("password"));
    QTest::keyClicks(confirm, QStringLiteral("password"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QVERIFY2(error->text().contains(QStringLiteral("most common passwords")), qPrintable(error->text()));
    savePng(&f.window(), QStringLiteral("password-policy-common"));
    // A right-to-left override in the name is refused at the name.
    auto* name = f.window().findChild<QLineEdit*>(QStringLiteral("newUserName"));
    name->clear();
    name->setText(QStringLiteral("Ada ") + QChar(0x202E) +
                  QStringLiteral("ecalevol")); // pasted: not typeable
    QTest::keyClicks(password, QStringLiteral("ada sails north"));
    QTest::keyClicks(confirm, QStringLiteral("ada sails north"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QVERIFY2(error->text().contains(QStringLiteral("invisible formatting characters")),
             qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(name));
    QCOMPARE(table->rowCount(), before + 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = 'ada'")), 0);
}

void TestUserAdmin::deactivateAndReactivate()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    selectLogin(f.window(), QStringLiteral("emt"));
    auto* toggle = f.window().findChild<QPushButton*>(QStringLiteral("toggleActiveButton"));
    QCOMPARE(toggle->text(), QStringLiteral("&Deactivate account"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = 'emt' AND active = 0")), 1);
    QCOMPARE(toggle->text(), QStringLiteral("Rea&ctivate account"));
    f.window().signOut();
    f.typeSignIn(QStringLiteral("emt"), QStringLiteral("emt-demo"));
    QVERIFY(!f.window().actor().has_value());
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("signInError"))->text(),
             QStringLiteral("This account has been deactivated. Ask an administrator."));
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    selectLogin(f.window(), QStringLiteral("emt"));
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("toggleActiveButton")),
                      Qt::LeftButton);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = 'emt' AND active = 1")), 1);
}

void TestUserAdmin::lastAdministratorStays()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    selectLogin(f.window(), QStringLiteral("admin"));
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("toggleActiveButton")),
                      Qt::LeftButton);
    QCOMPARE(
        f.window().findChild<QLabel*>(QStringLiteral("adminMessage"))->text(),
        QStringLiteral("This is the last active administrator; make someone else an administrator first."));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = 'admin' AND active = 1")),
             1);
    // Taking away the role is refused the same way.
    f.window().findChild<QCheckBox*>(QStringLiteral("selectedRole_administrator"))->setChecked(false);
    f.window().findChild<QCheckBox*>(QStringLiteral("selectedRole_supervisor"))->setChecked(true);
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("saveRolesButton")), Qt::LeftButton);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                                        "WHERE u.login = 'admin' AND r.role = 'administrator'")),
             1);
}

void TestUserAdmin::resetPasswordLetsUserIn()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    selectLogin(f.window(), QStringLiteral("navigator"));
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("resetPasswordEdit")),
                     QStringLiteral("short"));
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("resetPasswordButton")),
                      Qt::LeftButton);
    // The reason shows under the field; the administrator's own minimum does not apply to a navigator.
    auto* resetError = f.window().findChild<QLabel*>(QStringLiteral("resetPasswordError"));
    QVERIFY(resetError->isVisible());
    QCOMPARE(resetError->text(), QStringLiteral("The password is too short: use at least 8 characters."));
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("resetPasswordEdit")),
                     QStringLiteral("navigator1"));
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("resetPasswordButton")),
                      Qt::LeftButton);
    QVERIFY2(resetError->text().contains(QStringLiteral("most common passwords")),
             qPrintable(resetError->text()));
    QTest::keyClicks(f.window().findChild<QLineEdit*>(QStringLiteral("resetPasswordEdit")),
                     QStringLiteral("harbor tide lantern"));
    QTest::mouseClick(f.window().findChild<QPushButton*>(QStringLiteral("resetPasswordButton")),
                      Qt::LeftButton);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'password_reset'")),
             1);
    QVERIFY(!resetError->isVisible());
    f.window().signOut();
    f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
    QVERIFY(!f.window().actor().has_value());
    f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("harbor tide lantern"));
    QVERIFY(f.window().actor().has_value());
}

// Issue 19: the navigator's password met the policy of a navigator, not of an
// administrator. Ticking "administrator" asks for a new password under the
// password field; the roles change only with one that meets the policy.
void TestUserAdmin::promotionToAdministratorAsksForANewPassword()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
    selectLogin(f.window(), QStringLiteral("navigator"));
    const QString adminRows =
        QStringLiteral("SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                       "WHERE u.login = 'navigator' AND r.role = 'administrator'");
    f.window().findChild<QCheckBox*>(QStringLiteral("selectedRole_administrator"))->setChecked(true);
    auto* save = f.window().findChild<QPushButton*>(QStringLiteral("saveRolesButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto* passwordError = f.window().findChild<QLabel*>(QStringLiteral("resetPasswordError"));
    auto* password = f.window().findChild<QLineEdit*>(QStringLiteral("resetPasswordEdit"));
    QVERIFY(passwordError->isVisible());
    QVERIFY2(
        passwordError->text().startsWith(QStringLiteral("An administrator needs a password of at least 12 "
                                                        "characters")),
        qPrintable(passwordError->text()));
    QVERIFY(password->hasFocus());
    QCOMPARE(f.countRows(adminRows), 0);
    // Long enough for a navigator, too short for an administrator.
    QTest::keyClicks(password, QStringLiteral("ochre-fig-3"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(passwordError->text(),
             QStringLiteral(
                 "The password is too short: an administrator's password needs at least 12 characters."));
    savePng(&f.window(), QStringLiteral("password-policy-administrator"));
    QCOMPARE(f.countRows(adminRows), 0);
    QTest::keyClicks(password, QStringLiteral("harbor tide lantern"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!passwordError->isVisible());
    QCOMPARE(f.countRows(adminRows), 1);
    QVERIFY2(f.window()
                 .findChild<QLabel*>(QStringLiteral("adminMessage"))
                 ->text()
                 .contains(QStringLiteral("saved")),
             qPrintable(f.window().findChild<QLabel*>(QStringLiteral("adminMessage"))->text()));
    f.window().signOut();
    f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("harbor tide lantern"));
    QVERIFY(f.window().actor().has_value());
}

HEART_TEST_MAIN(TestUserAdmin)
#include "tst_useradmin.moc"
