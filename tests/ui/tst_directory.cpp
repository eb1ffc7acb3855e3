// The resource directory on screen, with the demo's fictional Durham services:
// anyone opens it from the View menu (Ctrl+Shift+R) and finds a service by
// part of its name typed without accents; an administrator adds a service
// from the keyboard alone (field errors first, then saved); other roles see
// no edit buttons; a CSV file with bad rows among good ones imports the good
// rows and the report lists each bad row by line; the picker the encounter
// and follow-up screens call returns the service chosen with Enter, and
// nothing on Esc.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "directory/ResourceDirectoryWidget.h"
#include "directory/ResourceImport.h"
#include "directory/ResourcePickerDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace heart;

namespace {

// Opens the directory as a user would, from the main window's keyboard shortcut.
ui::ResourceDirectoryWidget* openDirectory(test::UiTestFixture& f)
{
    QTest::keyClick(&f.window(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    auto* window = f.window().home()->findChild<QDialog*>(QStringLiteral("resourceDirectoryWindow"));
    if (!window || !QTest::qWaitForWindowExposed(window))
        return nullptr;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    return window->findChild<ui::ResourceDirectoryWidget*>();
}

QStringList listedNames(QTableView* table)
{
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, 0).data().toString();
    return names;
}

} // namespace

class TestDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyoneSearchesAndSeesTheMatch()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* directory = openDirectory(f);
        QVERIFY(directory);
        auto* table = directory->findChild<QTableView*>(QStringLiteral("directoryTable"));
        QCOMPARE(table->model()->rowCount(), 26); // the demo directory, every service active
        // Typed without the accent, part of the name: the list filters as the user types.
        auto* search = directory->findChild<QLineEdit*>(QStringLiteral("directorySearch"));
        QCOMPARE(QApplication::focusWidget(), search);
        QTest::keyClicks(search, QStringLiteral("clinica"));
        QCOMPARE(listedNames(table), QStringList{QStringLiteral("Clínica Comunitaria La Esperanza")});
        auto* detail = directory->findChild<QTextBrowser*>(QStringLiteral("directoryDetail"));
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("2215 Chapel Hill Rd")),
                 qPrintable(detail->toPlainText()));
        QVERIFY(detail->toPlainText().contains(QStringLiteral("(919) 555-0122")));
        // Kind and language filters narrow the whole directory.
        search->clear();
        auto* kind = directory->findChild<QComboBox*>(QStringLiteral("directoryKindFilter"));
        kind->setCurrentIndex(kind->findText(QStringLiteral("Crisis line")));
        QCOMPARE(table->model()->rowCount(), 6);
        auto* language = directory->findChild<QComboBox*>(QStringLiteral("directoryLanguageFilter"));
        language->setCurrentIndex(language->findData(QStringLiteral("es")));
        QVERIFY(
            !listedNames(table).contains(QStringLiteral("Triangle Youth Crisis Text Line"))); // English only
        QVERIFY(listedNames(table).contains(QStringLiteral("Línea de Apoyo Latina")));
        // A phone number typed as the caller said it.
        kind->setCurrentIndex(0);
        language->setCurrentIndex(0);
        QTest::keyClicks(search, QStringLiteral("555 0141"));
        QCOMPARE(listedNames(table), QStringList{QStringLiteral("Durham Community Kitchen")});

        if (const QString png = qEnvironmentVariable("HEARTDESK_DIRECTORY_PNG"); !png.isEmpty()) {
            search->clear();
            QTest::keyClicks(search, QStringLiteral("durham"));
            directory->window()->grab().save(png);
        }
    }

    void otherRolesSeeNoEditButtons()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("peer"), QStringLiteral("peer-demo"));
        auto* directory = openDirectory(f);
        QVERIFY(directory);
        for (const char* name : {"directoryAdd", "directoryEdit", "directoryToggleActive", "directoryImport",
                                 "directoryShowInactive"}) {
            auto* widget = directory->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(widget && !widget->isVisible(), name);
        }
        // Enter on a service shows it; no editor opens.
        auto* table = directory->findChild<QTableView*>(QStringLiteral("directoryTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QTest::keyClick(directory, Qt::Key_A, Qt::AltModifier);
        QTest::qWait(250);
        QVERIFY(!directory->findChild<QDialog*>(QStringLiteral("resourceEditDialog")));
        // Locking the screen closes the directory's window.
        f.window().lock();
        QVERIFY(!directory->window()->isVisible());
    }

    void administratorAddsAServiceByKeyboard()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
        auto* directory = openDirectory(f);
        QVERIFY(directory);
        QVERIFY(directory->findChild<QPushButton*>(QStringLiteral("directoryAdd"))->isVisible());
        QTest::keyClick(directory, Qt::Key_A, Qt::AltModifier); // "&Add service…"
        QTest::qWait(250);
        auto* dialog = directory->findChild<QDialog*>(QStringLiteral("resourceEditDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Saving an empty form names the fields at fault, and the cursor goes to the first.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        auto* nameError = dialog->findChild<QLabel*>(QStringLiteral("resourceNameError"));
        QVERIFY(nameError->isVisible());
        QCOMPARE(nameError->text(), QStringLiteral("Enter the service's name."));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("resourceKindError"))->isVisible());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("resourceName"));

        const auto type = [](const QString& text) {
            QTest::keyClicks(QApplication::focusWidget(), text);
        };
        const auto tab = [] {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        };
        type(QStringLiteral("Bull City Harm Reduction Hub"));
        tab();
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("resourceKind"));
        type(QStringLiteral("Peer")); // keyboard search in the list of kinds
        tab();
        type(QStringLiteral("919 555 0160"));
        tab();
        type(QStringLiteral("117 W Main St, Durham, NC 27701"));
        tab();
        type(QStringLiteral("Tue-Sat 11:00-19:00"));
        tab();
        type(QStringLiteral("en, ES"));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("resourceLanguagesHint"))->text(),
                 QStringLiteral("English; Spanish — Español"));
        tab();
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("resourceWalkIns"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        tab();
        type(QStringLiteral("Naloxone, test strips, syringe services."));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!directory->findChild<QDialog*>(QStringLiteral("resourceEditDialog")));

        QCOMPARE(f.countRows(QStringLiteral(
                     "SELECT COUNT(*) FROM resources WHERE name = 'Bull City Harm Reduction Hub' AND kind = "
                     "'peer_center' "
                     "AND phone = '+19195550160' AND languages = ';en;es;' AND walk_ins = 1 AND active = 1 "
                     "AND notes = 'Naloxone, test strips, syringe services.'")),
                 1);
        QCOMPARE(f.countRows(
                     QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN resources r ON r.id = a.record_id "
                                    "WHERE a.action = 'create' AND r.name = 'Bull City Harm Reduction Hub'")),
                 1);
        // The new service is listed and selected, and the user is told.
        QCOMPARE(directory->selected()->name, QStringLiteral("Bull City Harm Reduction Hub"));
        QVERIFY(directory->findChild<QLabel*>(QStringLiteral("directoryMessage"))
                    ->text()
                    .contains(QStringLiteral("Bull City Harm Reduction Hub")));
        if (const QString png = qEnvironmentVariable("HEARTDESK_DIRECTORY_ADMIN_PNG"); !png.isEmpty())
            directory->window()->grab().save(png);
        // Deactivating hides it from everyone's search; never deleted.
        directory->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(directory->window()));
        QTest::keyClick(directory, Qt::Key_D, Qt::AltModifier);
        QTest::qWait(250);
        QCOMPARE(f.countRows(QStringLiteral(
                     "SELECT COUNT(*) FROM resources WHERE name = 'Bull City Harm Reduction Hub' "
                     "AND active = 0")),
                 1);
        QVERIFY(!listedNames(directory->findChild<QTableView*>(QStringLiteral("directoryTable")))
                     .contains(QStringLiteral("Bull City Harm Reduction Hub")));
    }

    void csvImportReportsBadRowsByLine()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
        auto* directory = openDirectory(f);
        QVERIFY(directory);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("services.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "Name,Kind,Phone,Languages,Walk-ins,Notes\r\n"                                        // 1
            "Northside Pantry,food,919-555-0170,en,yes,\r\n"                                      // 2
            "Bad Kind Place,hospital,919-555-0171,en,no,\r\n"                                     // 3 bad
            "Oak Street Shelter,shelter,919-555-0172,en;es,no,\"Women only,\r\nage 18+\"\r\n"     // 4-5
            ",clinic,919-555-0173,en,no,\r\n"                                                     // 6 bad
            "Durham Community Kitchen,food,(919) 555-0141,en;es,yes,Breakfast moved to 07:30\r\n" // 7 update
            "Wrong Phone,detox,555-CALL,en,no,\r\n"                                               // 8 bad
            "Eastside Peer Space,peer_center,,es,1,\r\n");                                        // 9
        file.close();
        const int before = f.countRows(QStringLiteral("SELECT COUNT(*) FROM resources"));
        directory->setImportFileChooser([&](QWidget*) { return path; });
        QTest::keyClick(directory, Qt::Key_I, Qt::AltModifier); // "&Import CSV…"
        QTest::qWait(250);
        QDialog* report = nullptr;
        QTRY_VERIFY((report = directory->findChild<QDialog*>(QStringLiteral("resourceImportReport"))) !=
                    nullptr);
        QTRY_VERIFY(report->isVisible());

        // The good rows are in: three new, the kitchen updated (not doubled).
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM resources")), before + 3);
        QCOMPARE(f.countRows(
                     QStringLiteral("SELECT COUNT(*) FROM resources WHERE name = 'Durham Community Kitchen' "
                                    "AND notes = 'Breakfast moved to 07:30' AND version = 2")),
                 1);
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM resources WHERE name = 'Oak Street Shelter' "
                                       "AND notes = 'Women only,\nage 18+'")),
            1);
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND "
                                            "record_id = 'rows=4;inserted=3;updated=1;unchanged=0'")),
                 1);
        const QString summary = report->findChild<QLabel*>(QStringLiteral("resourceImportSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("3 new services added, 1 updated")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("3 row(s) were not imported")), qPrintable(summary));
        // Every bad row, by line number, with its column and what is wrong.
        auto* problems = report->findChild<QTableWidget*>(QStringLiteral("resourceImportProblems"));
        QCOMPARE(problems->rowCount(), 3);
        QStringList rows;
        for (int row = 0; row < problems->rowCount(); ++row)
            rows << problems->item(row, 0)->text() + QLatin1Char(' ') + problems->item(row, 1)->text();
        QCOMPARE(rows, (QStringList{QStringLiteral("3 Kind"), QStringLiteral("6 Name"),
                                    QStringLiteral("8 Phone")}));
        QVERIFY(problems->item(0, 2)->text().contains(QStringLiteral("“hospital” is not a kind of service")));
        QCOMPARE(problems->item(1, 2)->text(), QStringLiteral("Enter the service's name."));
        // The new services are in the list behind the report.
        auto* search = directory->findChild<QLineEdit*>(QStringLiteral("directorySearch"));
        report->close();
        QTest::keyClicks(search, QStringLiteral("oak street"));
        QCOMPARE(listedNames(directory->findChild<QTableView*>(QStringLiteral("directoryTable"))),
                 QStringList{QStringLiteral("Oak Street Shelter")});
    }

    // The database fails at the file's third good row (the kitchen's update,
    // after two new services were written): the report says nothing was
    // imported and why, and nothing of the file is in the directory.
    void csvImportFailingMidwayKeepsNothing()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("admin"), QStringLiteral("admin-demo-desk"));
        auto* directory = openDirectory(f);
        QVERIFY(directory);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("services.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Name,Kind,Phone,Languages,Walk-ins,Notes\r\n"
                   "Northside Pantry,food,919-555-0170,en,yes,\r\n"
                   "Oak Street Shelter,shelter,919-555-0172,en;es,no,\r\n"
                   "Durham Community Kitchen,food,(919) 555-0141,en;es,yes,Breakfast moved to 07:30\r\n"
                   "Eastside Peer Space,peer_center,,es,1,\r\n");
        file.close();
        const QString resources = QStringLiteral("SELECT COUNT(*) FROM resources");
        const QString changed = QStringLiteral("SELECT COUNT(*) FROM resources WHERE version > 1");
        const QString journal = QStringLiteral("SELECT COUNT(*) FROM change_journal");
        const QString audit = QStringLiteral("SELECT COUNT(*) FROM audit_log");
        const int before[] = {f.countRows(resources), f.countRows(changed), f.countRows(journal),
                              f.countRows(audit)};
        f.db().injectFault(QStringLiteral("update service"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("update service failed")));
        directory->setImportFileChooser([&](QWidget*) { return path; });
        QTest::keyClick(directory, Qt::Key_I, Qt::AltModifier); // "&Import CSV…"
        QDialog* report = nullptr;
        QTRY_VERIFY((report = directory->findChild<QDialog*>(QStringLiteral("resourceImportReport"))) !=
                    nullptr);
        QTRY_VERIFY(report->isVisible());
        const QString summary = report->findChild<QLabel*>(QStringLiteral("resourceImportSummary"))->text();
        QVERIFY2(
            summary.startsWith(QStringLiteral("Nothing was imported from services.csv: The database refused "
                                              "the change")),
            qPrintable(summary));
        QCOMPARE(f.countRows(resources), before[0]);
        QCOMPARE(f.countRows(changed), before[1]);
        QCOMPARE(f.countRows(journal), before[2]);
        QCOMPARE(f.countRows(audit), before[3]);
        report->close();
    }

    void pickerReturnsTheChosenService()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        const ui::Services services{f.db(), f.clock(), *f.window().actor()};
        QString second;  // the service one row down, as listed
        QString failure; // why the dialog was driven no further (it is then cancelled, never left open)
        QTimer::singleShot(0, [&] {
            auto* picker = qobject_cast<ui::ResourcePickerDialog*>(QApplication::activeModalWidget());
            if (!picker) {
                failure = QStringLiteral("no picker");
                return;
            }
            const auto fail = [&](const char* why) {
                failure = QLatin1String(why);
                picker->reject();
            };
            picker->activateWindow(); // the offscreen platform does not activate new windows itself
            if (!QTest::qWaitFor([&] { return QApplication::activeWindow() == picker; }))
                return fail("the picker is not the active window");
            auto* search = picker->findChild<QLineEdit*>(QStringLiteral("resourcePickerSearch"));
            auto* list = picker->findChild<QTableView*>(QStringLiteral("resourcePickerList"));
            if (QApplication::focusWidget() != search)
                return fail("the cursor is not in the search box");
            // What the caller had typed is searched at once.
            if (search->text() != QLatin1String("despensa") || list->model()->rowCount() != 1)
                return fail("the initial text was not searched");
            search->clear();
            QTest::keyClicks(search, QStringLiteral("line"));
            if (list->model()->rowCount() < 3)
                return fail("typing does not filter");
            second = list->model()->index(1, 0).data().toString();
            QTest::keyClick(search, Qt::Key_Down); // the list moves, the cursor stays in the box
            if (QApplication::focusWidget() != search)
                return fail("Down left the search box");
            QTest::keyClick(search, Qt::Key_Return);
        });
        const auto chosen = ui::ResourcePickerDialog::pick(services, &f.window(), QStringLiteral("despensa"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(chosen.has_value());
        QCOMPARE(second, QStringLiteral("Durham Warm Line"));
        QCOMPARE(chosen->name, second);
        QCOMPARE(chosen->phone, QStringLiteral("+19195550151"));
        QCOMPARE(
            f.countRows(
                QStringLiteral("SELECT COUNT(*) FROM resources WHERE id = '%1' AND name = 'Durham Warm Line'")
                    .arg(chosen->id)),
            1);

        // Esc chooses nothing.
        QTimer::singleShot(0, [] {
            if (QWidget* picker = QApplication::activeModalWidget()) {
                picker->activateWindow();
                if (QTest::qWaitFor([&] { return QApplication::activeWindow() == picker; }))
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
                if (picker->isVisible())
                    qobject_cast<QDialog*>(picker)->done(QDialog::Accepted); // Esc failed: make the test fail
            }
        });
        QVERIFY(!ui::ResourcePickerDialog::pick(services, &f.window()).has_value());
    }
};

HEART_TEST_MAIN(TestDirectory)
#include "tst_directory.moc"
