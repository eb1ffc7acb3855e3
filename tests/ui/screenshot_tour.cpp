// Renders the real windows offscreen to PNG for the README:
//   QT_QPA_PLATFORM=offscreen screenshot-tour docs/screenshots
#include "UiTestFixture.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "report/ReportWindow.h"
#include "safety/SafetyPlanPrinter.h"
#include "shell/MainWindow.h"
#include "units/TeamLeadHome.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTabWidget>
#include <QTest>
#include <cstdio>

using namespace heart;
using heart::ui::CounselorHome;
using heart::ui::IntakeForm;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: screenshot-tour DIR [en|es]\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());
    const QString language = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("en");
    const struct
    {
        const char* login;
        const char* file;
    } shots[] = {{"counselor", "call-queue"},
                 {"teamlead", "unit-calls"},
                 {"navigator", "follow-up-queue"},
                 {"supervisor", "dashboard"},
                 {"admin", "user-admin"}};
    {
        test::UiTestFixture f;
        f.language().setLanguage(language);
        f.window().resize(1180, 720);
        QTest::qWait(50);
        f.window().grab().save(out.filePath(QStringLiteral("sign-in-%1.png").arg(language)));
    }
    for (const auto& shot : shots) {
        test::UiTestFixture f;
        if (!f.ok())
            return 1;
        f.language().setLanguage(language);
        f.window().resize(1180, 720);
        f.typeSignIn(QString::fromLatin1(shot.login),
                     test::UiTestFixture::demoPassword(QString::fromLatin1(shot.login)));
        QTest::qWait(100);
        if (auto* report = f.window().home()->findChild<ui::ReportWindow*>()) // read on a worker thread
            QTest::qWaitFor([report] { return !report->isReading(); }, 30000);
        const QString path =
            out.filePath(QStringLiteral("%1-%2.png").arg(QString::fromLatin1(shot.file), language));
        if (!f.window().grab().save(path))
            return 1;
        std::printf("%s\n", qPrintable(path));
        if (auto* counselor = qobject_cast<CounselorHome*>(f.window().home())) {
            // A call being taken: typed from the keyboard, C-SSRS done, decision shown.
            f.window().resize(1440, 900);
            IntakeForm* form = counselor->newCall();
            QTest::qWait(50);
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("callerName")),
                             QStringLiteral("Robin Quillfeather"));
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("callerPhone")),
                             QStringLiteral("919 555 0142"));
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("personName")),
                             QStringLiteral("Sam Thistlewood"));
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("address")),
                             QStringLiteral("400 block of W Main St"));
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("latitude")),
                             QStringLiteral("35.9940"));
            QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("longitude")),
                             QStringLiteral("-78.8986"));
            form->findChild<QComboBox*>(QStringLiteral("callType"))
                ->setCurrentText(QStringLiteral("Suicide Threat"));
            for (const char* box : {"cssrs_wished-dead", "cssrs_thoughts", "cssrs_method"})
                form->findChild<QComboBox*>(QString::fromLatin1(box))->setCurrentIndex(1);
            for (const char* box : {"cssrs_intent", "cssrs_plan", "cssrs_behavior"})
                form->findChild<QComboBox*>(QString::fromLatin1(box))->setCurrentIndex(2);
            QTest::keyClicks(form->findChild<QPlainTextEdit*>(QStringLiteral("narrative")),
                             QStringLiteral("Caller's roommate has talked about ending his life since losing "
                                            "his job; no weapon in the home."));
            QTest::qWait(100);
            const QString intake = out.filePath(QStringLiteral("intake-%1.png").arg(language));
            if (!f.window().grab().save(intake))
                return 1;
            std::printf("%s\n", qPrintable(intake));
            form->discardDraft();
        }
        if (auto* lead = qobject_cast<ui::TeamLeadHome*>(f.window().home())) {
            // The note under way on scene, its safety plan, and the team board.
            f.window().resize(1280, 1000);
            const std::pair<ui::TeamLeadHome::Tab, const char*> tabs[] = {
                {ui::TeamLeadHome::NoteTab, "encounter-note"},
                {ui::TeamLeadHome::SafetyPlanTab, "safety-plan-editor"},
                {ui::TeamLeadHome::BoardTab, "team-board"}};
            for (const auto& [tab, name] : tabs) {
                lead->showTab(tab);
                QTest::qWait(100);
                const QString file =
                    out.filePath(QStringLiteral("%1-%2.png").arg(QString::fromLatin1(name), language));
                if (!f.window().grab().save(file))
                    return 1;
                std::printf("%s\n", qPrintable(file));
            }
        }
        if (auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
            tabs && tabs->objectName() == QLatin1String("supervisorHome")) {
            tabs->setCurrentIndex(1); // the roster
            f.window().resize(1440, 860);
            QTest::qWait(100);
            const QString roster = out.filePath(QStringLiteral("roster-%1.png").arg(language));
            if (!f.window().grab().save(roster))
                return 1;
            std::printf("%s\n", qPrintable(roster));
        }
    }
    // The printed safety plan, rendered to PNG with pdftoppm (poppler-utils).
    {
        safety::SafetyPlan plan;
        const bool es = language == QLatin1String("es");
        plan.language = language.toStdString();
        using safety::SafetyPlanStep;
        plan.step(SafetyPlanStep::WarningSigns) = {
            {es ? "No duermo y me aíslo" : "I stop sleeping and stay in my room", ""}};
        plan.step(SafetyPlanStep::CopingStrategies) = {
            {es ? "Caminar por el parque" : "Walk in the park", ""},
            {es ? "Escuchar música" : "Listen to music", ""}};
        plan.step(SafetyPlanStep::Distraction) = {{es ? "Biblioteca del centro" : "Downtown library", ""}};
        plan.step(SafetyPlanStep::PeopleToAsk) = {{es ? "Mi hermana Ana" : "My sister Ana", "+19195550111"}};
        plan.step(SafetyPlanStep::SafeEnvironment) = {
            {es ? "Ana guarda mis medicamentos" : "Ana keeps my medication", ""}};
        plan.reasonsForLiving = {es ? "Mi hija" : "My daughter"};
        plan = safety::withDefaults(
            plan, {{es ? "Línea 988 de Prevención del Suicidio y Crisis" : "988 Suicide & Crisis Lifeline",
                    "988"}});
        const QString pdf = out.filePath(QStringLiteral("safety-plan-%1.pdf").arg(language));
        ui::SafetyPlanPrinter::writePdf(plan,
                                        {QStringLiteral("Sam Thistlewood"), QDate(2026, 11, 18),
                                         QStringLiteral("Casey Brightwater, LCSW")},
                                        pdf);
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                           QStringLiteral("-singlefile"), pdf,
                           out.filePath(QStringLiteral("safety-plan-%1").arg(language))});
        QFile::remove(pdf);
        std::printf("%s\n", qPrintable(out.filePath(QStringLiteral("safety-plan-%1.png").arg(language))));
    }
    return 0;
}
