// English and Spanish switch while the program runs: menus, the sign-in page
// and the home screen change language at once, and back.
#include "UiTestFixture.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>

using namespace heart;

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchesAtRuntime();
    void signInPageInSpanish();

private:
    static QStringList menuTitles(ui::MainWindow& window);
};

QStringList TestLanguage::menuTitles(ui::MainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

void TestLanguage::switchesAtRuntime()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
    QCOMPARE(menuTitles(f.window()),
             (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    auto* title = f.window().home()->findChild<QLabel*>(QStringLiteral("homeTitle"));
    QCOMPARE(title->text(), QStringLiteral("Call queue"));

    f.window().findChild<QAction*>(QStringLiteral("actionSpanish"))->trigger();
    QCOMPARE(f.language().language(), QStringLiteral("es"));
    // Qt delivers LanguageChange as a posted event to every widget.
    QTRY_COMPARE(menuTitles(f.window()),
             (QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Ver"), QStringLiteral("A&yuda")}));
    QCOMPARE(title->text(), QStringLiteral("Cola de llamadas"));
    QCOMPARE(f.window().findChild<QLabel*>(QStringLiteral("statusRole"))->text(),
             QStringLiteral("Rol: Consejero/a de llamadas de crisis"));

    f.window().findChild<QAction*>(QStringLiteral("actionEnglish"))->trigger();
    QTRY_COMPARE(title->text(), QStringLiteral("Call queue"));
    QCOMPARE(menuTitles(f.window()).first(), QStringLiteral("&File"));
}

void TestLanguage::signInPageInSpanish()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.language().setLanguage(QStringLiteral("es")));
    auto* submit = f.window().findChild<QPushButton*>(QStringLiteral("signInSubmit"));
    QTRY_VERIFY2(submit->text() != QStringLiteral("&Sign in"), qPrintable(submit->text()));
    f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("wrong-password"));
    const QString error = f.window().findChild<QLabel*>(QStringLiteral("signInError"))->text();
    QVERIFY2(error != QStringLiteral("Wrong user ID or password.") && !error.isEmpty(), qPrintable(error));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
