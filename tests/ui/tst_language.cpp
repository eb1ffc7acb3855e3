// English and Spanish switch while the program runs: menus, the sign-in page
// and the home screen change language at once, and back.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CssrsPanel.h"

#include <QAction>
#include <QComboBox>
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
    void cssrsQuestionsInSpanishWithTheirAccents();

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

// The C-SSRS is read aloud from the screen: every question in Spanish as the
// loaded translation gives it, accents and all, and on the panel's labels.
void TestLanguage::cssrsQuestionsInSpanishWithTheirAccents()
{
    test::UiTestFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.language().setLanguage(QStringLiteral("es")));
    const std::pair<const char*, QString> questions[] = {
        {"&1. Wished to be dead or not wake up (past month)?",
         QStringLiteral("&1. ¿Deseó estar muerto/a o no despertar (último mes)?")},
        {"&2. Actual thoughts of killing themselves?",
         QStringLiteral("&2. ¿Pensamientos reales de quitarse la vida?")},
        {"&3. Thought about how they might do this?", QStringLiteral("&3. ¿Pensó en cómo podría hacerlo?")},
        {"&4. Any intention of acting on these thoughts?",
         QStringLiteral("&4. ¿Alguna intención de actuar según esos pensamientos?")},
        {"&5. Started to work out or worked out the details (a plan)?",
         QStringLiteral("&5. ¿Empezó a planear o planeó los detalles (un plan)?")},
        {"&6. Ever done, started or prepared to do anything to end their life?",
         QStringLiteral(
             "&6. ¿Alguna vez hizo, empezó o se preparó para hacer algo para terminar con su vida?")},
        {"6b. Was that within the past 3 months?", QStringLiteral("6b. ¿Fue en los últimos 3 meses?")},
    };
    for (const auto& [english, spanish] : questions)
        QCOMPARE(QCoreApplication::translate("heart::ui::CssrsPanel", english), spanish);
    QCOMPARE(QCoreApplication::translate("heart::ui::CssrsPanel", "Yes"), QStringLiteral("Sí"));

    ui::CssrsPanel panel;
    QStringList shown;
    for (QLabel* label : panel.findChildren<QLabel*>()) {
        if (qobject_cast<QComboBox*>(label->buddy()))
            shown << label->text();
    }
    for (const auto& [english, spanish] : questions)
        QVERIFY2(shown.contains(spanish),
                 qPrintable(spanish + QStringLiteral(" not among ") + shown.join(u'|')));
}

HEART_TEST_MAIN(TestLanguage)
#include "tst_language.moc"
