// The supervisor's reporting window on the demo database, signed in as the
// supervisor and driven from the keyboard offscreen: it is the first tab of
// the home; the tiles show what ReportUseCases reads for the same period and
// program, and Alt+Left / Alt+Right, the period kind and the program filter
// change them; the "Public version" switch turns counts of 1 to 10 into
// "<11"; Enter on a count lists exactly the calls behind it; the shown table
// is exported as CSV (0600); a role without ViewReports sees why in the
// window. HEARTDESK_TEST_PNG_DIR=DIR saves report-window.png there.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "map/BeatMapView.h"
#include "report/ReportReader.h"
#include "report/ReportTableModel.h"
#include "report/ReportText.h"
#include "report/ReportWindow.h"
#include "store/AccountStore.h"
#include "usecases/ReportUseCases.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace heart;

namespace {

// What a tile shows, as the user reads it.
QString tileText(QWidget* window, const char* name)
{
    auto* label = window->findChild<QLabel*>(QLatin1String(name));
    if (!label)
        return QStringLiteral("(no tile %1)").arg(QLatin1String(name));
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText().simplified();
}

long long shownCalls(QWidget* window)
{
    bool ok = false;
    const long long n =
        QLocale().toLongLong(tileText(window, "tileCalls").section(QLatin1Char(' '), 0, 0), &ok);
    return ok ? n : -1;
}

// The window read what it was asked for (reads run on a worker thread).
bool settled(ui::ReportWindow* window)
{
    return QTest::qWaitFor([window] { return !window->isReading(); }, 30000);
}

struct Fixture
{
    test::UiTestFixture f;
    QTabWidget* tabs = nullptr;
    ui::ReportWindow* report = nullptr;

    bool open()
    {
        if (!f.ok())
            return false;
        f.typeSignIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        tabs = qobject_cast<QTabWidget*>(f.window().home());
        report = tabs ? qobject_cast<ui::ReportWindow*>(tabs->widget(0)) : nullptr;
        return report != nullptr && settled(report);
    }
    usecases::ReportUseCases useCases()
    {
        return usecases::ReportUseCases({f.db(), f.clock(), *f.window().actor()});
    }
    long long callsFor(const report::Period& period, std::optional<routing::Program> program = {})
    {
        auto read = useCases().report({period, program});
        return read.ok() ? static_cast<long long>(read.value().current.calls) : -1;
    }
};

// Selects the first table and count cell holding 1..10 (small) or more than 0.
bool selectCell(ui::ReportWindow* report, bool small, QModelIndex* found)
{
    auto* choice = report->findChild<QComboBox*>(QStringLiteral("tableChoice"));
    ui::ReportTableModel* model = report->tableModel();
    for (int t = 0; t < choice->count(); ++t) {
        choice->setCurrentIndex(t);
        if (choice->currentData().toString() == QLatin1String("repeat_people"))
            continue;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                const long long n = index.data(ui::ReportTableModel::CountRole).toLongLong();
                if (model->isCountCell(index) && n > 0 && (!small || n <= 10)) {
                    *found = index;
                    return true;
                }
            }
    }
    return false;
}

} // namespace

class TestReportWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePeriodPickerAndProgramFilterChangeTheNumbers()
    {
        Fixture x;
        QVERIFY(x.open());
        QVERIFY(x.report->isVisible());
        QCOMPARE(x.tabs->currentIndex(), 0);
        // This month, as the use case counts it.
        const report::Period thisMonth = x.report->period();
        QCOMPARE(thisMonth.kind, report::PeriodKind::Month);
        const long long now = x.callsFor(thisMonth);
        QVERIFY(now > 0);
        QCOMPARE(shownCalls(x.report), now);
        const QString monthLabel = x.report->findChild<QLabel*>(QStringLiteral("periodLabel"))->text();

        // Alt+Left: the month before, its own number; the tile compares with the one before it.
        x.report->findChild<QTableView*>(QStringLiteral("reportTable"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), report::previousPeriod(thisMonth));
        QVERIFY(x.report->findChild<QLabel*>(QStringLiteral("periodLabel"))->text() != monthLabel);
        QCOMPARE(shownCalls(x.report), x.callsFor(report::previousPeriod(thisMonth)));
        // Alt+Right: back.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), thisMonth);
        QCOMPARE(shownCalls(x.report), now);
        QVERIFY2(tileText(x.report, "tileCalls")
                     .contains(QString::number(x.callsFor(report::previousPeriod(thisMonth)))),
                 qPrintable(tileText(x.report, "tileCalls")));

        // The kind: the year holds this month and more.
        auto* kind = x.report->findChild<QComboBox*>(QStringLiteral("periodKind"));
        kind->setFocus();
        kind->setCurrentIndex(kind->findData(int(report::PeriodKind::Year)));
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period().kind, report::PeriodKind::Year);
        const long long year = x.callsFor(x.report->period());
        QCOMPARE(shownCalls(x.report), year);
        QVERIFY(year >= now);
        kind->setCurrentIndex(kind->findData(int(report::PeriodKind::Month)));
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), thisMonth);

        // Custom dates: the two date fields appear; Alt+Left moves back as many days.
        auto* from = x.report->findChild<QDateEdit*>(QStringLiteral("customFrom"));
        auto* until = x.report->findChild<QDateEdit*>(QStringLiteral("customUntil"));
        QVERIFY(from->isHidden());
        kind->setCurrentIndex(kind->findData(int(report::PeriodKind::Custom)));
        QVERIFY(settled(x.report));
        QVERIFY(from->isVisible() && until->isVisible());
        until->setDate(from->date().addDays(9));
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period().kind, report::PeriodKind::Custom);
        QCOMPARE(report::dayCount(x.report->period()), 10);
        const report::Period tenDays = x.report->period();
        QCOMPARE(shownCalls(x.report), x.callsFor(tenDays));
        from->setFocus();
        QTest::keyClick(from, Qt::Key_Left, Qt::AltModifier);
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), report::previousPeriod(tenDays));
        QCOMPARE(from->date(),
                 QDate::fromString(
                     QString::fromStdString(report::periodLabel(report::previousPeriod(tenDays))).left(10),
                     Qt::ISODate));
        QCOMPARE(shownCalls(x.report), x.callsFor(report::previousPeriod(tenDays)));
        // Back to months: the month that holds the dates' last day (the ten days
        // began on the 1st, so the ten before end in the month before).
        kind->setCurrentIndex(kind->findData(int(report::PeriodKind::Month)));
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), report::previousPeriod(thisMonth));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
        QVERIFY(settled(x.report));
        QCOMPARE(x.report->period(), thisMonth);

        // The program filter: only the calls the Community Response Team handled.
        auto* program = x.report->findChild<QComboBox*>(QStringLiteral("programFilter"));
        program->setCurrentIndex(program->findData(int(routing::Program::CommunityResponse)));
        QVERIFY(settled(x.report));
        const long long crt = x.callsFor(thisMonth, routing::Program::CommunityResponse);
        QCOMPARE(shownCalls(x.report), crt);
        QVERIFY(crt < now);
        QVERIFY(x.report->findChild<QLabel*>(QStringLiteral("reportError"))->isHidden());
        QVERIFY2(test::clashingMnemonics(&x.f.window()).isEmpty(),
                 qPrintable(test::clashingMnemonics(&x.f.window()).join(u'\n')));

        program->setCurrentIndex(0);
        QVERIFY(settled(x.report));
        const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
        if (!dir.isEmpty()) {
            x.f.window().resize(1280, 800);
            QTest::qWait(50);
            QVERIFY(x.f.window().grab().save(QDir(dir).filePath(QStringLiteral("report-window.png"))));
        }
    }

    // The report is read on a worker thread: while a read is under way the
    // window says so, keeps the numbers it shows and answers the keyboard; a
    // read overtaken by another choice is not shown; what arrives is the
    // report of the last choice; each read the supervisor asked for that ran
    // is audited, a live refresh is not.
    void theWindowAnswersWhileAReadIsUnderWay()
    {
        using namespace std::chrono_literals;
        Fixture x;
        QVERIFY(x.open());
        const report::Period thisMonth = x.report->period();
        const QString shownBefore = tileText(x.report, "tileCalls");
        auto reads = [&x] {
            return x.f.countRows(
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report_read'"));
        };
        const int readsBefore = reads();
        ui::ReportReader::setReadDelayForTests(1500ms);
        auto restore = qScopeGuard([] { ui::ReportReader::setReadDelayForTests(0ms); });
        auto* busy = x.report->findChild<QLabel*>(QStringLiteral("reportBusy"));
        auto* progress = x.report->findChild<QProgressBar*>(QStringLiteral("reportProgress"));
        auto* program = x.report->findChild<QComboBox*>(QStringLiteral("programFilter"));
        QVERIFY(busy && progress && program);

        // Alt+Left: the key is answered at once, and the window says it is reading.
        x.report->findChild<QTableView*>(QStringLiteral("reportTable"))->setFocus();
        QElapsedTimer answered;
        answered.start();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
        QVERIFY2(answered.elapsed() < 1000, qPrintable(QString::number(answered.elapsed())));
        QCOMPARE(x.report->period(), report::previousPeriod(thisMonth));
        QVERIFY(x.report->isReading());
        QVERIFY(busy->isVisible() && progress->isVisible());
        QVERIFY2(busy->text().contains(ui::ReportText::periodName(report::previousPeriod(thisMonth))),
                 qPrintable(busy->text()));
        // The numbers shown stay those of this month until the new ones arrive.
        QCOMPARE(tileText(x.report, "tileCalls"), shownBefore);
        QCOMPARE(x.report->shownRequest().period, thisMonth);
        auto* comparedWith = x.report->findChild<QLabel*>(QStringLiteral("comparedWith"));
        QVERIFY2(comparedWith->text().startsWith(
                     QStringLiteral("Still showing %1 until").arg(ui::ReportText::periodName(thisMonth))),
                 qPrintable(comparedWith->text()));
        const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
        if (!dir.isEmpty()) {
            x.f.window().resize(1280, 800);
            QTest::qWait(50);
            QVERIFY(
                x.f.window().grab().save(QDir(dir).filePath(QStringLiteral("report-window-reading.png"))));
        }

        // Meanwhile the program filter, from the keyboard: it answers while the read goes on.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_G, Qt::AltModifier); // Pro&gram
        QTRY_VERIFY(program->hasFocus());
        answered.restart();
        QTest::keyClick(program, Qt::Key_Down);
        QVERIFY2(answered.elapsed() < 1000, qPrintable(QString::number(answered.elapsed())));
        const auto chosen = routing::Program(program->currentData().toInt());
        QCOMPARE(x.report->program(), std::optional<routing::Program>(chosen));
        QVERIFY(x.report->isReading());
        QCOMPARE(tileText(x.report, "tileCalls"), shownBefore);

        // What arrives is the month before for that program, not the overtaken read.
        QVERIFY(settled(x.report));
        QVERIFY(busy->isHidden() && progress->isHidden());
        QCOMPARE(x.report->shownRequest().period, report::previousPeriod(thisMonth));
        QCOMPARE(x.report->shownRequest().program, std::optional<routing::Program>(chosen));
        QCOMPARE(x.report->shownReport()->current.period, report::previousPeriod(thisMonth));
        // One row for each read that ran: the overtaken one (if it had begun) and the last.
        const int readsAfter = reads();
        QVERIFY2(readsAfter == readsBefore + 1 || readsAfter == readsBefore + 2,
                 qPrintable(QStringLiteral("%1 -> %2").arg(readsBefore).arg(readsAfter)));
        ui::ReportReader::setReadDelayForTests(0ms);
        // A live refresh reads again without a row; opening the period again writes one.
        x.report->reload(true);
        QVERIFY(x.report->isReading());
        QVERIFY(settled(x.report));
        QCOMPARE(reads(), readsAfter);
        x.report->reload();
        QVERIFY(settled(x.report));
        QCOMPARE(reads(), readsAfter + 1);
        QCOMPARE(shownCalls(x.report), x.callsFor(report::previousPeriod(thisMonth), chosen));
        if (!dir.isEmpty()) {
            QTest::qWait(50);
            QVERIFY(x.f.window().grab().save(QDir(dir).filePath(QStringLiteral("report-window-read.png"))));
        }
    }

    void thePublicVersionWithholdsSmallCounts()
    {
        Fixture x;
        QVERIFY(x.open());
        QAbstractItemModelTester tester(x.report->tableModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QModelIndex cell;
        QVERIFY(selectCell(x.report, true, &cell));
        const long long n = cell.data(ui::ReportTableModel::CountRole).toLongLong();
        QCOMPARE(cell.data().toString(), QLocale().toString(n));
        auto* publicVersion = x.report->findChild<QCheckBox*>(QStringLiteral("publicVersion"));
        QVERIFY(!publicVersion->isChecked());
        x.report->findChild<QTableView*>(QStringLiteral("reportTable"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier); // Publi&c version
        QTRY_VERIFY(publicVersion->isChecked()); // a mnemonic clicks after a moment, as on screen
        QCOMPARE(cell.data().toString(), QStringLiteral("<11"));
        // The true count is nowhere in the view's texts of withheld cells; 0 stays 0.
        ui::ReportTableModel* model = x.report->tableModel();
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex i = model->index(r, c);
                const long long v = i.data(ui::ReportTableModel::CountRole).toLongLong();
                if (v >= 1 && v <= 10)
                    QCOMPARE(i.data().toString(), QStringLiteral("<11"));
                if (v == 0)
                    QCOMPARE(i.data().toString(), QStringLiteral("0"));
            }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(!publicVersion->isChecked());
        QCOMPARE(cell.data().toString(), QLocale().toString(n));
    }

    void enterOnACountListsTheCallsBehindIt()
    {
        Fixture x;
        QVERIFY(x.open());
        QModelIndex cell;
        QVERIFY(selectCell(x.report, false, &cell));
        const long long n = cell.data(ui::ReportTableModel::CountRole).toLongLong();
        const QString tableId = QString::fromStdString(x.report->tableModel()->table().id);
        auto expected = x.useCases().drillDown({x.report->period(), x.report->program()}, tableId,
                                               cell.data(ui::ReportTableModel::RowKeyRole).toString(),
                                               cell.data(ui::ReportTableModel::ColumnKeyRole).toString());
        QVERIFY(expected.ok());
        QCOMPARE(expected.value().size(), n);
        const int auditsBefore =
            x.f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'drill_down'"));

        auto* view = x.report->findChild<QTableView*>(QStringLiteral("reportTable"));
        view->setFocus();
        view->setCurrentIndex(cell);
        QString seen;
        QStringList listed;
        test::onNextModal(&seen, [&listed](QWidget* dialog) {
            auto* list = dialog->findChild<QListWidget*>(QStringLiteral("drillDownCalls"));
            for (int i = 0; list && i < list->count(); ++i)
                listed.append(list->item(i)->text());
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(seen, QStringLiteral("drillDownDialog"));
        QCOMPARE(listed, expected.value());
        // The window's drill-down was audited.
        QCOMPARE(x.f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'drill_down'")),
                 auditsBefore + 1);
    }

    void theShownTableIsExportedAsCsv()
    {
        Fixture x;
        QVERIFY(x.open());
        auto* choice = x.report->findChild<QComboBox*>(QStringLiteral("tableChoice"));
        choice->setCurrentIndex(choice->findData(QStringLiteral("calls_by_program")));
        x.report->findChild<QCheckBox*>(QStringLiteral("publicVersion"))->setChecked(true);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("calls.csv"));
        QVERIFY(x.report->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        ui::ReportTableModel* model = x.report->tableModel();
        QCOMPARE(lines.size(), model->rowCount() + 1);
        QCOMPARE(lines.first(), QStringLiteral("Calls by program,Calls,Total"));
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList expected{model->headerData(r, Qt::Vertical).toString()};
            for (int c = 0; c < model->columnCount(); ++c)
                expected.append(model->index(r, c).data().toString()); // as shown: public texts
            QCOMPARE(lines.at(r + 1), expected.join(QLatin1Char(',')));
        }
    }

    void theBeatMapShowsCallsAndMissedCallsPerBeat()
    {
        Fixture x;
        QVERIFY(x.open());
        auto* map = x.report->findChild<ui::BeatMapView*>(QStringLiteral("reportMap"));
        QVERIFY(map && map->isVisible() && map->beatMap());
        const usecases::PeriodReport* shown = x.report->shownReport();
        // The busiest beat of the period: its number in the hover, the darkest fill.
        const report::CountTable& byBeat = shown->current.byBeat;
        QString busiest;
        long long most = 0;
        for (std::size_t r = 0; r < byBeat.rows.size(); ++r)
            if (byBeat.cells[r][0] > most && map->beatMap()->indexOf(byBeat.rows[r]) >= 0) {
                most = byBeat.cells[r][0];
                busiest = QString::fromStdString(byBeat.rows[r]);
            }
        QVERIFY(most > 0);
        QCOMPARE(map->hoverText(busiest),
                 QStringLiteral("Beat %1\nCalls: %2").arg(busiest, QLocale().toString(most)));
        for (const std::string& id : map->beatMap()->beatIds())
            QVERIFY(map->fillColor(busiest).lightnessF() <=
                    map->fillColor(QString::fromStdString(id)).lightnessF());
        // The Community Response Team's service area under the rule set in force is outlined.
        QVERIFY(!map->outlinedBeats().isEmpty());
        QVERIFY(shown->ruleSetInForce);
        for (const QString& beat : map->outlinedBeats())
            QVERIFY(shown->ruleSetInForce->rulesFor(routing::Program::CommunityResponse)
                        ->inArea(beat.toStdString()));

        // Alt+A, Down: missed eligible calls per beat.
        x.report->findChild<QTableView*>(QStringLiteral("reportTable"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
        auto* measure = x.report->findChild<QComboBox*>(QStringLiteral("mapMeasure"));
        QTRY_VERIFY(measure->hasFocus());
        QTest::keyClick(measure, Qt::Key_Down);
        QCOMPARE(measure->currentIndex(), 1);
        QVERIFY(map->hoverText(busiest).contains(QStringLiteral("Missed eligible calls: ")));

        // The public version: a beat with 1..10 calls shows "<11" and is hatched, not coloured by its number.
        measure->setCurrentIndex(0);
        QString small;
        for (std::size_t r = 0; r < byBeat.rows.size() && small.isEmpty(); ++r)
            if (byBeat.cells[r][0] >= 1 && byBeat.cells[r][0] <= 10 &&
                map->beatMap()->indexOf(byBeat.rows[r]) >= 0)
                small = QString::fromStdString(byBeat.rows[r]);
        if (!small.isEmpty()) {
            const QColor before = map->fillColor(small);
            x.report->findChild<QCheckBox*>(QStringLiteral("publicVersion"))->setChecked(true);
            QCOMPARE(map->hoverText(small), QStringLiteral("Beat %1\nCalls: <11").arg(small));
            QVERIFY(map->fillColor(small) != before);
        }

        // Enter on a beat of the map lists the calls behind its number.
        x.report->findChild<QCheckBox*>(QStringLiteral("publicVersion"))->setChecked(false);
        map->setFocus();
        map->setCurrentBeat(busiest);
        QString seen;
        int listed = -1;
        test::onNextModal(&seen, [&listed](QWidget* dialog) {
            auto* list = dialog->findChild<QListWidget*>(QStringLiteral("drillDownCalls"));
            listed = list ? list->count() : -1;
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(map, Qt::Key_Return);
        QCOMPARE(seen, QStringLiteral("drillDownDialog"));
        QCOMPARE(listed, int(most));
    }

    void aRoleWithoutReportsSeesWhyInTheWindow()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        store::AccountStore accounts(f.db(), f.clock());
        auto counselor = accounts.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"),
                                         QStringLiteral("ws-test"));
        QVERIFY(counselor.ok());
        ui::ReportWindow window({f.db(), f.clock(), counselor.value()});
        window.show();
        QVERIFY(settled(&window));
        QVERIFY(!window.shownReport());
        auto* error = window.findChild<QLabel*>(QStringLiteral("reportError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("The report cannot be shown: ")),
                 qPrintable(error->text()));
        QVERIFY(tileText(&window, "tileCalls").isEmpty());
    }
};

HEART_TEST_MAIN(TestReportWindow)
#include "tst_report_window.moc"
