// The printed Stanley-Brown safety plan, as text: the PDF is written by the
// real printer code, its text extracted with pdftotext (poppler-utils) and
// compared with a golden file, in English and in Spanish — the language
// chosen for the person, whatever the screen's language. A normal plan fits
// on one page; a very long one still prints every entry.
#include "common/StrictTestMain.h"
#include "safety/SafetyPlanPrinter.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace heart;
using safety::SafetyPlanStep;

namespace {

safety::SafetyPlan plan(const std::string& language)
{
    const bool es = language == "es";
    safety::SafetyPlan p;
    p.language = language;
    p.step(SafetyPlanStep::WarningSigns) = {
        {es ? "No duermo y me aíslo" : "I stop sleeping and stay in my room", ""},
        {es ? "Pienso que soy una carga" : "Thinking I am a burden", ""}};
    p.step(SafetyPlanStep::CopingStrategies) = {{es ? "Caminar por el parque" : "Walk in the park", ""},
                                                {es ? "Escuchar música" : "Listen to music", ""}};
    p.step(SafetyPlanStep::Distraction) = {{es ? "Biblioteca del centro" : "Downtown library", ""},
                                           {"Marisol", "+19195550110"}};
    p.step(SafetyPlanStep::PeopleToAsk) = {{es ? "Mi hermana Ana" : "My sister Ana", "+19195550111"}};
    p.step(SafetyPlanStep::SafeEnvironment) = {
        {es ? "Guardar los medicamentos con Ana" : "Ana keeps my medication", ""}};
    p.reasonsForLiving = {es ? "Mi hija" : "My daughter"};
    return safety::withDefaults(
        p, {{es ? "Línea 988 de Prevención del Suicidio y Crisis" : "988 Suicide & Crisis Lifeline", "988"},
            {es ? "Línea de crisis local (ficticia)" : "Local crisis line (fictional)", "+19195550100"}});
}

QString pdfText(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    // Layout spacing varies with font metrics; the words and their order do not.
    text.replace(QRegularExpression(QStringLiteral("[ \\t]+")), QStringLiteral(" "));
    text.replace(QRegularExpression(QStringLiteral(" *\\n[ \\n\\f]*")), QStringLiteral("\n"));
    return text.trimmed();
}

int pdfPages(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {pdf});
    process.waitForFinished(30000);
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                                          .match(QString::fromUtf8(process.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestSafetyPlanPrint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            HEART_SKIP_MISSING_TOOL("pdftotext (poppler-utils) is not installed; scripts/test installs it");
    }

    void goldenText_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Spanish") << QStringLiteral("es");
    }

    void goldenText()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("plan.pdf"));
        ui::SafetyPlanHeader header{QStringLiteral("Sam Thistlewood"), QDate(2026, 11, 18),
                                    QStringLiteral("Casey Brightwater, LCSW")};
        QString error;
        const mode_t umaskBefore = ::umask(022); // issue 19: a person's plan, whatever the umask
        QVERIFY2(ui::SafetyPlanPrinter::writePdf(plan(language.toStdString()), header, pdf, &error),
                 qPrintable(error));
        ::umask(umaskBefore);
        struct stat info = {};
        QVERIFY(::stat(QFile::encodeName(pdf).constData(), &info) == 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        QCOMPARE(pdfPages(pdf), 1);
        const QString text = pdfText(pdf);
        const QString goldenPath =
            QStringLiteral(HEARTDESK_TEST_DATA "/golden/safety-plan-%1.txt").arg(language);
        if (qEnvironmentVariableIsSet("HEARTDESK_UPDATE_GOLDEN")) {
            QFile out(goldenPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.toUtf8() + '\n');
        }
        QFile golden(goldenPath);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
        QCOMPARE(text, QString::fromUtf8(golden.readAll()).trimmed());
    }

    // One national format on paper, whatever form a number was typed or
    // stored in; short codes as dialled, international numbers with their
    // country code.
    void phonesInOneNationalFormat()
    {
        safety::SafetyPlan p = plan("en");
        p.step(SafetyPlanStep::PeopleToAsk) = {{"Typed with dots", "919.555.0112"},
                                               {"Typed with dashes", "919-555-0113"},
                                               {"Stored", "+19195550114"},
                                               {"Cousin in London", "+44 20 7123 4567"}};
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("phones.pdf"));
        QVERIFY(ui::SafetyPlanPrinter::writePdf(p, {}, pdf));
        const QString text = pdfText(pdf);
        for (const char* line : {"Typed with dots — (919) 555-0112", "Typed with dashes — (919) 555-0113",
                                 "Stored — (919) 555-0114", "Cousin in London — +442071234567",
                                 "988 Suicide & Crisis Lifeline — 988",
                                 "ctional) — (919) 555-0100"}) // pdftotext may give "fi" as one ligature
            QVERIFY2(text.contains(QString::fromUtf8(line)),
                     qPrintable(QString::fromUtf8(line) + QStringLiteral(" not in:\n") + text));
        QVERIFY2(!text.contains(QStringLiteral("919.555")) && !text.contains(QStringLiteral("919-555")) &&
                     !text.contains(QStringLiteral("+1919")),
                 qPrintable(text));
    }

    void longPlanKeepsEveryEntry()
    {
        safety::SafetyPlan p = plan("en");
        for (int i = 1; i <= 12; ++i)
            p.step(SafetyPlanStep::CopingStrategies)
                .push_back({"Coping idea number " + std::to_string(i) + " written out at some length", ""});
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(ui::SafetyPlanPrinter::writePdf(p, {}, pdf));
        const QString text = pdfText(pdf);
        for (int i = 1; i <= 12; ++i)
            QVERIFY2(text.contains(QStringLiteral("Coping idea number %1 ").arg(i)),
                     qPrintable(QString::number(i)));
        QVERIFY(text.contains(QStringLiteral("In a crisis, call or text 988")));
    }
};

HEART_TEST_MAIN(TestSafetyPlanPrint)
#include "tst_safety_plan_print.moc"
