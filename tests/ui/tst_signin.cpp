// Signing in offscreen with the keyboard lands each role on its own home
// screen, with the status bar naming user, role and database; wrong
// passwords are refused at the sign-in page and lock the account after five.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "home/CallListHome.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>

using namespace heart;

class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void landsOnRoleHome_data();
    void landsOnRoleHome();
    void wrongPasswordStaysOnSignIn();
    void fiveWrongPasswordsLockTheAccount();
    void firstRunCreatesAdministrator();
};

void TestSignIn::landsOnRoleHome_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("homeObject");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("roleText");
    QTest::newRow("counselor") << "counselor"
                               << "counselorHome"
                               << "Call queue"
                               << "Crisis call counselor";
    QTest::newRow("team lead") << "teamlead"
                               << "teamLeadHome"
                               << "My unit"
                               << "CRT team lead";
    QTest::newRow("peer") << "peer"
                          << "teamLeadHome"
                          << "My unit"
                          << "Peer support specialist";
    QTest::newRow("emt") << "emt"
                         << "teamLeadHome"
                         << "My unit"
                         << "EMT";
    QTest::newRow("co-response") << "coresponse"
                                 << "teamLeadHome"
                                 << "My unit"
                                 << "Co-response clinician";
    QTest::newRow("navigator") << "navigator"
                               << "followUpQueue"
                               << "Follow-up queue"
                               << "Care navigator";
    QTest::newRow("supervisor") << "supervisor"
                                << "supervisorHome"
                                << "Program report"
                                << "Supervisor";
    QTest::newRow("administrator") << "admin"
                                   << "userAdmin"
                                   << "Staff accounts and settings"
                                   << "Administrator";
}

void TestSignIn::landsOnRoleHome()
{
    QFETCH(QString, login);
    QFETCH(QString, homeObject);
    QFETCH(QString, title);
    QFETCH(QString, roleText);
    test::UiTestFixture f;
    QVERIFY(f.ok());
    QCOMPARE(f.window().findChild<QStackedWidget*>()->currentWidget()->objectName(),
             QStringLiteral("signInPage"));
    const QString signIns =
        QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id "
                       "WHERE a.action = 'sign_in' AND u.login = '%1'")
            .arg(login);
    const int signInsBefore = f.countRows(signIns);
    f.typeSignIn(login, test::UiTestFixture::demoPassword(login));

    QVERIFY(f.window().actor().has_value());
    QVERIFY(f.window().home());
    QCOMPARE(f.window().home()->objectName(), homeObject);
    QVERIFY(f.window().home()->isVisible());
    // The title on show (a tabbed home has one on each tab).
    const QList<QLabel*> titles = f.window().home()->findChildren<QLabel*>(QStringLiteral("homeTitle"));
    const auto shown =
        std::find_if(titles.cbegin(), titles.cend(), [](QLabel* label) { return label->isVisible(); });
    QVERIFY(shown != titles.cend());
    QCOMPARE((*shown)->text(), title);
    const QString user = f.window().findChild<QLabel*>(QStringLiteral("statusUser"))->text();
    QVERIFY2(user.contains(login), qPrintable(user));
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("statusRole"))->text(),
             QStringLiteral("Role: ") + roleText);
    QVERIFY(f.window().findChild<QLabel*>(QStringLiteral("statusDatabase"))->text().contains(f.path()));
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("statusConnection"))->text(),
             QStringLiteral("Connected"));
    // The sign-in is in the audit trail.
    QCOMPARE(f.countRows(signIns), signInsBefore + 1);
    if (login == QLatin1String("counselor")) {
        // The demo has calls in the queue, highest risk first.
        auto* table = f.window().home()->findChild<QTableView*>(QStringLiteral("callTable"));
        QVERIFY(table->model()->rowCount() > 0);
    }
}

void TestSignIn::wrongPasswordStaysOnSignIn()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("not-the-password"));
    QVERIFY(!f.window().actor().has_value());
    auto* error = f.window().findChild<QLabel*>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Wrong user ID or password."));
    // An unknown user gets the very same answer.
    f.typeSignIn(QStringLiteral("nobody"), QStringLiteral("whatever-it-is"));
    QCOMPARE(error->text(), QStringLiteral("Wrong user ID or password."));
}

void TestSignIn::fiveWrongPasswordsLockTheAccount()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^account locked after repeated failures")));
    test::UiTestFixture f;
    QVERIFY(f.ok());
    for (int i = 0; i < 5; ++i)
        f.typeSignIn(QStringLiteral("peer"), QStringLiteral("guess-number-%1").arg(i));
    auto* error = f.window().findChild<QLabel*>(QStringLiteral("signInError"));
    QVERIFY2(error->text().contains(QStringLiteral("locked")), qPrintable(error->text()));
    // Even the right password is refused now...
    f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
    QVERIFY(!f.window().actor().has_value());
    QVERIFY(error->text().contains(QStringLiteral("locked")));
    // ...until five minutes have passed.
    f.clock().advance(std::chrono::minutes(5));
    f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
    QVERIFY(f.window().actor().has_value());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'account_locked'")),
             1);
}

void TestSignIn::firstRunCreatesAdministrator()
{
    test::UiTestFixture f(false);
    QVERIFY(f.ok());
    QCOMPARE(f.window().findChild<QStackedWidget*>()->currentWidget()->objectName(),
             QStringLiteral("firstAdminPage"));
    auto* login = f.window().findChild<QLineEdit*>(QStringLiteral("firstAdminLogin"));
    auto* name = f.window().findChild<QLineEdit*>(QStringLiteral("firstAdminName"));
    auto* password = f.window().findChild<QLineEdit*>(QStringLiteral("firstAdminPassword"));
    auto* confirm = f.window().findChild<QLineEdit*>(QStringLiteral("firstAdminConfirm"));
    QTest::keyClicks(login, QStringLiteral("ada"));
    QTest::keyClicks(name, QStringLiteral("Ada Setup"));
    QTest::keyClicks(password, QStringLiteral("first-admin-pass"));
    QTest::keyClicks(confirm, QStringLiteral("different-pass"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QVERIFY(!f.window().actor().has_value());
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("firstAdminError"))->text(),
             QStringLiteral("The two passwords differ."));
    // The examples, refused for the administrator with the reason at the password field.
    const QList<QPair<QString, QString>> refused = {
        {QStringLiteral("password"), QStringLiteral("at least 12 characters")},
        {QStringLiteral("12345678"), QStringLiteral("at least 12 characters")},
        {QStringLiteral("        "), QStringLiteral("only spaces")},
        {QStringLiteral("ada12345"), QStringLiteral("at least 12 characters")},
        {QStringLiteral("ada123456789"), QStringLiteral("made of the user ID")},
        {QStringLiteral("password1234"), QStringLiteral("most common passwords")},
    };
    for (const auto& [typed, reason] : refused) {
        QTest::keyClicks(password, typed);
        QTest::keyClicks(confirm, typed);
        QTest::keyClick(confirm, Qt::Key_Return);
        QVERIFY(!f.window().actor().has_value());
        const QString shown = f.window().findChild<QLabel*>(QStringLiteral("firstAdminError"))->text();
        QVERIFY2(shown.contains(reason), qPrintable(typed + QStringLiteral(": ") + shown));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(password));
    }
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users")), 0);
    QTest::keyClicks(password, QStringLiteral("first-admin-pass"));
    QTest::keyClicks(confirm, QStringLiteral("first-admin-pass"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QVERIFY(f.window().actor().has_value());
    QCOMPARE(f.window().home()->objectName(), QStringLiteral("userAdmin"));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE login = 'ada' AND active = 1")), 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM users WHERE password_hash LIKE '$argon2id$%'")),
             1);
}

HEART_TEST_MAIN(TestSignIn)
#include "tst_signin.moc"
