// The monthly report as PDF. Golden text (pdftotext -layout) of the report
// made from the hand-computed fixture of tests/core/tst_core_report.cpp
// (October 2026, eleven calls): the cover names the program, the period and
// the rule set in force; the tiles, the response times and every table hold
// the hand-worked numbers; the public version shows "<11" where the internal
// one shows 1..10 and withholds the shares and times resting on few calls.
// The first page is drawn (pdftoppm) and not blank. The window writes the
// same report (Ctrl+P, 0600) and `heartdesk --report-pdf` does it without a
// window, signed in as the supervisor (audited; a wrong password writes
// nothing); both audit writing the file, naming the period, the version and
// the file, never a number. HEARTDESK_TEST_PNG_DIR=DIR saves the demo
// report's first page and map page as DIR/monthly-report-page1.png and
// monthly-report-page1-map.png.
#include "UiTestFixture.h"
#include "common/ReportFixture.h"
#include "common/StrictTestMain.h"
#include "core/report/Metrics.h"
#include "core/routing/RuleSetJson.h"
#include "report/MonthlyReportPdf.h"
#include "report/ReportWindow.h"
#include "store/RoutingData.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace heart;
using namespace heart::report;
using namespace std::chrono;
using routing::Disposition;
using routing::Program;

namespace {

// tests/core/tst_core_report.cpp's rules and calls (the numbers are worked out there).
using test::reportfixture::kRules;
const roster::TimeZoneRule& kZone = test::reportfixture::zone();

// October 2026 as ReportUseCases would give it, from the fixture.
usecases::PeriodReport octoberReport()
{
    auto set = routing::parseRuleSet(kRules, "test-2026.json");
    if (!set)
        qFatal("rules: %s", set.error().toString().c_str());
    routing::RuleBook book;
    if (!book.add(set.value()))
        qFatal("cannot add the rules");
    auto beats = store::builtInBeatMap();
    if (!beats.ok())
        qFatal("no beat map");
    const routing::Router router(book, beats.value());
    std::vector<CallRow> rows = test::reportfixture::calls();
    judgeEligibility(rows, router);
    usecases::PeriodReport out;
    const Period october = monthPeriod(year{2026} / October);
    out.zone = kZone;
    out.current = computeReport(rows, october, kZone);
    out.previous = computeReport(rows, previousPeriod(october), kZone);
    out.trends = trends(out.current, out.previous);
    out.ruleSets = {"test-2026"};
    out.ruleSetInForce = set.value();
    out.beats = beats.value();
    return out;
}

QString run(const QString& program, const QStringList& arguments, int* exitCode = nullptr,
            const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput()) +
           QString::fromUtf8(process.readAllStandardError());
}

// The PDF's text with runs of blanks as one space, one line per printed line.
QString pdfText(const QString& pdf)
{
    QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    text.replace(QRegularExpression(QStringLiteral("[ \\t]+")), QStringLiteral(" "));
    text.replace(QRegularExpression(QStringLiteral(" *\\n[ \\n\\f]*")), QStringLiteral("\n"));
    return text;
}

bool hasLine(const QString& text, const QString& line)
{
    return text.split(QLatin1Char('\n')).contains(line) ||
           text.split(QLatin1Char('\n')).contains(QLatin1Char(' ') + line);
}

// Page `page` drawn by pdftoppm at `dpi`.
QImage pageImage(const QString& pdf, int page, int dpi, const QString& prefix)
{
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi),
                                     QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                     QString::number(page), QStringLiteral("-singlefile"), pdf, prefix});
    return QImage(prefix + QStringLiteral(".png"));
}

int inkedShare(const QImage& image) // per mille of pixels that are not white
{
    if (image.isNull())
        return 0;
    long long inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            inked += QColor(image.pixel(x, y)).lightness() < 240;
    return int(inked * 1000 / (qint64(image.width()) * image.height()));
}

} // namespace

class TestMonthlyReportPdf : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* tool : {"pdftotext", "pdftoppm"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                HEART_SKIP_MISSING_TOOL("pdftotext/pdftoppm (poppler-utils) are not installed; scripts/test "
                                        "installs them");
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("HEARTDESK_TEST_KEEP_PDF")) { // to look at them
            m_dir.setAutoRemove(false);
            qInfo("PDFs kept in %s", qPrintable(m_dir.path()));
        }
    }

    void internalVersionGoldenText()
    {
        const usecases::PeriodReport report = octoberReport();
        const QString path = m_dir.filePath(QStringLiteral("october.pdf"));
        QString error;
        QVERIFY2(
            ui::MonthlyReportPdf::write({report, std::nullopt, false, ui::BeatMeasure::Calls}, path, &error),
            qPrintable(error));
        QFile file(path);
        QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QString text = pdfText(path);
        // The cover: program, period, rule set, version.
        for (const char* expected :
             {"Program report: October 2026", "Program: All programs",
              "Rule set in force: Test rules (test-2026)",
              "Internal version: it holds small counts and is not for publication.",
              "The thick line is the Community Response Team service area (Test rules)."})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // The headlines against September: 11 calls (1); CCD answered 3 of 9
        // (0 of 1), Co-Response 1 of 1 (none eligible); CRT's median dispatch
        // to arrival 720 s (900 s).
        QVERIFY2(hasLine(text, QStringLiteral("Calls 11 1")), qPrintable(text.left(3000)));
        QVERIFY2(hasLine(text, QStringLiteral("Eligible calls answered, Crisis Call Diversion 33% 0%")),
                 qPrintable(text.left(3000)));
        QVERIFY(hasLine(text, QStringLiteral("Eligible calls answered, Community Response Team 38% 100%")));
        QVERIFY(hasLine(text, QStringLiteral("Eligible calls answered, Co-Response 100% –")));
        QVERIFY(hasLine(text, QStringLiteral("CRT median, dispatch to arrival 12.0 min 15.0 min")));
        // Response times: CRT 3 timed, 720 s / 1104 s to arrive, 2400 s / 3360 s on scene.
        QVERIFY2(
            hasLine(text, QStringLiteral("Community Response Team 3 12.0 min 18.4 min 40.0 min 56.0 min")),
            qPrintable(text));
        // Tables with their totals: calls by beat (311: 6, 312: 3, 999: 1, unknown: 1; 11 in all).
        QVERIFY(hasLine(text, QStringLiteral("311 6 6")));
        QVERIFY(hasLine(text, QStringLiteral("312 3 3")));
        QVERIFY(hasLine(text, QStringLiteral("Total 11 11")));
        // Eligibility: CRT answered 3, missed 5, eligible 8.
        QVERIFY(hasLine(text, QStringLiteral("Community Response Team 3 5 8")));
        // Every table is there.
        for (const char* title :
             {"Calls by program", "Calls by call type", "Calls by beat", "Calls by month",
              "Eligible calls answered and missed", "Missed eligible calls by reason",
              "Missed eligible calls by beat", "Crisis call diversions", "Call dispositions",
              "What happened on scene", "Referrals by kind", "Follow-ups", "People seen often"})
            QVERIFY2(text.contains(QLatin1String(title)), title);
        QVERIFY(text.contains(QStringLiteral("Calls by hour of the week")));
        // No "<11" anywhere in the internal version.
        QVERIFY(!text.contains(QStringLiteral("<11")));
        // The first page is drawn: cover, tiles, a chart.
        const QImage page = pageImage(path, 1, 50, m_dir.filePath(QStringLiteral("internal-page1")));
        QVERIFY(!page.isNull());
        QVERIFY2(inkedShare(page) > 20, qPrintable(QString::number(inkedShare(page))));
    }

    void publicVersionWithholdsSmallCounts()
    {
        const usecases::PeriodReport report = octoberReport();
        const QString path = m_dir.filePath(QStringLiteral("october-public.pdf"));
        QVERIFY(
            ui::MonthlyReportPdf::write({report, std::nullopt, true, ui::BeatMeasure::MissedEligible}, path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("Public version: counts of 1 to 10 are shown as \"<11\"")),
                 qPrintable(text.left(2000)));
        // 11 calls stand; the beats' 6, 3, 1 and 1 do not.
        QVERIFY(hasLine(text, QStringLiteral("311 <11 <11")));
        QVERIFY(!hasLine(text, QStringLiteral("311 6 6")));
        QVERIFY(!hasLine(text, QStringLiteral("312 3 3")));
        // Shares and times resting on 10 calls or fewer are withheld.
        QVERIFY2(hasLine(text, QStringLiteral("Calls 11 <11")), qPrintable(text.left(3000)));
        QVERIFY(hasLine(text, QStringLiteral("Eligible calls answered, Crisis Call Diversion * *")));
        QVERIFY(!text.contains(QStringLiteral("33%")));
        QVERIFY(!text.contains(QStringLiteral("12.0 min")));
        QVERIFY(hasLine(text, QStringLiteral("Community Response Team <11 * * * *")));
        // No row of a published table shows a count of 1..10: the cells after a
        // row's name are numbers, "<11", "*" or "–", and none is 1..10.
        const QRegularExpression cell(QStringLiteral("^(<11|\\*|–|[0-9][0-9,]*)$"));
        int rows = 0;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            qsizetype first = words.size();
            while (first > 0 && cell.match(words[first - 1]).hasMatch())
                --first;
            if (words.size() - first < 2 || first == 0)
                continue;
            ++rows;
            for (qsizetype i = first; i < words.size(); ++i) {
                bool number = false;
                const int n = words[i].toInt(&number);
                QVERIFY2(!number || n == 0 || n > 10, qPrintable(line));
            }
        }
        QVERIFY2(rows > 40, qPrintable(QString::number(rows)));
        QVERIFY(text.contains(QStringLiteral("Missed eligible calls per beat")));
        const QImage page = pageImage(path, 2, 50, m_dir.filePath(QStringLiteral("public-page2")));
        QVERIFY2(inkedShare(page) > 20, "the map page is drawn");
    }

    void theWindowAndTheHeadlessCommandWriteIt()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        auto* tabs = qobject_cast<QTabWidget*>(f.window().home());
        auto* window = tabs ? qobject_cast<ui::ReportWindow*>(tabs->widget(0)) : nullptr;
        QVERIFY(window);
        QVERIFY(QTest::qWaitFor([window] { return !window->isReading(); }, 30000));
        QVERIFY(window->shownReport());
        const long long calls = static_cast<long long>(window->shownReport()->current.calls);
        QVERIFY(calls > 10);

        // Ctrl+P: the file dialog, then the PDF (0600).
        const QString path = m_dir.filePath(QStringLiteral("window.pdf"));
        QString seen;
        test::onNextModal(&seen, [&path](QWidget* dialog) {
            auto* name = dialog->findChild<QLineEdit*>();
            if (!name)
                return;
            name->setText(path);
            QTest::keyClick(name, Qt::Key_Return);
        });
        window->findChild<QWidget*>(QStringLiteral("reportTable"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY2(QFile::exists(path), qPrintable(seen));
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QString text = pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("Program report: ")), qPrintable(text.left(500)));
        QVERIFY(text.contains(QLocale().toString(calls)));
        // Writing the file was audited: period, filter, version and the file's name, no number.
        const QString period = QString::fromStdString(periodLabel(window->period()));
        auto exports = [&f](const QString& recordId) {
            return f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report_export' "
                                              "AND record_type = 'report' AND record_id = '%1'")
                                   .arg(recordId));
        };
        QCOMPARE(exports(period + QStringLiteral("/pdf internal window.pdf")), 1);

        const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
        if (!dir.isEmpty()) {
            const QString png = QDir(dir).filePath(QStringLiteral("monthly-report-page1"));
            QVERIFY(!pageImage(path, 1, 80, png).isNull());
            QVERIFY(!pageImage(path, 2, 80, png + QStringLiteral("-map")).isNull());
        }

        // Without a window: heartdesk --report-pdf, signed in as the supervisor.
        if (f.server())
            return; // the SQLite file is what a second process opens here
        const QString headless = m_dir.filePath(QStringLiteral("headless.pdf"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HEARTDESK_PASSWORD"), QStringLiteral("supervisor-demo"));
        const QString countReads =
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report_read'");
        const int readsBefore = f.countRows(countReads);
        int exitCode = -1;
        const QString output = run(QStringLiteral(HEARTDESK_GUI_PATH),
                                   {QStringLiteral("--report-pdf"), headless, QStringLiteral("--period"),
                                    period, QStringLiteral("--as"), QStringLiteral("supervisor"),
                                    QStringLiteral("--public"), QStringLiteral("--database"), f.path()},
                                   &exitCode, environment);
        QVERIFY2(exitCode == 0, qPrintable(output));
        const QString publicText = pdfText(headless);
        QVERIFY2(publicText.contains(QStringLiteral("Public version")), qPrintable(publicText.left(500)));
        QVERIFY(publicText.contains(QStringLiteral("<11")));
        // Reading the report was audited, as in the window, and so was writing the file.
        QCOMPARE(f.countRows(countReads), readsBefore + 1);
        QCOMPARE(exports(period + QStringLiteral("/pdf public headless.pdf")), 1);
        // A wrong password: refused, no file.
        environment.insert(QStringLiteral("HEARTDESK_PASSWORD"), QStringLiteral("wrong"));
        const QString refused = m_dir.filePath(QStringLiteral("refused.pdf"));
        run(QStringLiteral(HEARTDESK_GUI_PATH),
            {QStringLiteral("--report-pdf"), refused, QStringLiteral("--period"), period,
             QStringLiteral("--as"), QStringLiteral("supervisor"), QStringLiteral("--database"), f.path()},
            &exitCode, environment);
        QCOMPARE(exitCode, 1);
        QVERIFY(!QFile::exists(refused));
        QCOMPARE(exports(period + QStringLiteral("/pdf internal refused.pdf")), 0);
    }
};

HEART_TEST_MAIN(TestMonthlyReportPdf)
#include "tst_monthly_report_pdf.moc"
