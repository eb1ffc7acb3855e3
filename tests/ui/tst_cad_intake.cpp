// A CAD incident at the counselor's workstation: it shows in the queue by
// itself within a second or two as "New from CAD"; Enter takes it and opens
// the intake with every CAD value filled in; a later CAD message never
// changes what the counselor typed - it shows above the form as the CAD's
// changes, and Ctrl+Shift+C puts them into the form (Ctrl+Shift+X dismisses).
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "home/CallListHome.h"
#include "intake/CadDifferencesBar.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "store/AccountStore.h"
#include "usecases/CadUseCases.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace heart;
using namespace std::chrono_literals;

namespace {

constexpr int kFewSeconds = 5000;

cad::CadIncident incident(TimePoint at)
{
    cad::CadIncident i;
    i.incidentId = "urn:emergency:uid:incidentid:CAD-77001:cad.example";
    i.cadNumber = "CAD-77001";
    i.updatedAt = at;
    i.receivedAt = at - 1min;
    i.natureCode = "MENT";
    i.natureText = "Mental Health Crisis";
    i.address = "410 Foster St, Durham, NC";
    i.callerName = "Marisol Vega";
    i.callerPhone = "+19195550147";
    i.callerRelationship = "family";
    i.personName = "Tomas Vega";
    i.personAge = 27;
    i.language = "es";
    i.interpreter = true;
    i.notes = "Son pacing, talking about not wanting to be here";
    return i;
}

usecases::CadMapping mapping()
{
    usecases::CadMapping m;
    m.callTypeOf = [](const cad::CadIncident&) {
        return std::string("mental-health-crisis");
    };
    return m;
}

int queueRow(ui::CallListHome* queue, const QString& cad)
{
    for (int row = 0; row < queue->table()->model()->rowCount(); ++row)
        if (queue->table()->model()->index(row, 2).data().toString() == cad)
            return row;
    return -1;
}

QString statusOf(ui::CallListHome* queue, const QString& cad)
{
    const int row = queueRow(queue, cad);
    return row < 0 ? QString() : queue->table()->model()->index(row, 8).data().toString();
}

void savePng(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50);
    widget->grab().save(QDir(dir).filePath(name));
}

} // namespace

class TestCadIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCadIncidentIsTakenAndItsLaterChangesWaitBesideTheForm()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.window().resize(1400, 900);
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        auto* queue = home->findChild<ui::CallListHome*>();
        QVERIFY(queue);

        // The link, on its own connection, as another workstation would be.
        auto link = f.openWorkstation();
        QVERIFY(link->ok());
        store::AccountStore accounts(link->db(), f.clock());
        auto linkActor = accounts.signIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"),
                                         QStringLiteral("cad-link"));
        QVERIFY(linkActor.ok());
        usecases::CadUseCases cad({link->db(), f.clock(), linkActor.value()});
        f.window().activateWindow(); // keys go to the counselor's window, not the other one
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        const TimePoint t = f.clock().now();
        QVERIFY(cad.receive(incident(t), mapping()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(queue, QStringLiteral("CAD-77001")),
                                  QStringLiteral("New from CAD"), kFewSeconds);
        savePng(&f.window(), QStringLiteral("cad-queue.png"));

        // Enter takes it: the intake opens with what the CAD said.
        queue->table()->setFocus();
        queue->table()->setCurrentIndex(
            queue->table()->model()->index(queueRow(queue, QStringLiteral("CAD-77001")), 2));
        QTest::keyClick(queue->table(), Qt::Key_Return);
        auto* form = qobject_cast<ui::IntakeForm*>(home->currentWidget());
        QVERIFY(form);
        auto field = [form](const char* name) {
            return form->findChild<QLineEdit*>(QLatin1String(name));
        };
        QCOMPARE(field("cadNumber")->text(), QStringLiteral("CAD-77001"));
        QCOMPARE(field("address")->text(), QStringLiteral("410 Foster St, Durham, NC"));
        QCOMPARE(field("callerName")->text(), QStringLiteral("Marisol Vega"));
        QCOMPARE(field("callerPhone")->text(), QStringLiteral("(919) 555-0147"));
        QCOMPARE(field("personName")->text(), QStringLiteral("Tomas Vega"));
        QVERIFY(form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))
                    ->toPlainText()
                    .contains(QStringLiteral("pacing")));
        QVERIFY(!form->cadDifferencesBar()->isVisible());

        // The counselor corrects the address and saves.
        QLineEdit* address = field("address");
        address->setFocus();
        address->selectAll();
        QTest::keyClicks(address, QStringLiteral("410 Foster St, apt 2, Durham, NC"));
        QVERIFY(form->save());

        // The CAD's later message: a new address and callback number.
        cad::CadIncident later = incident(t + 1min);
        later.address = "412 Foster St, Durham, NC";
        later.callerPhone = "+19195550188";
        auto held = cad.receive(later, mapping());
        QVERIFY(held.ok());
        QCOMPARE(held.value().outcome, usecases::CadUseCases::Outcome::Held);
        QTRY_VERIFY_WITH_TIMEOUT(form->cadDifferencesBar()->isVisible(), kFewSeconds);
        QVERIFY(form->cadDifferencesBar()->text().contains(QStringLiteral("412 Foster St")));
        QVERIFY(form->cadDifferencesBar()->text().contains(QStringLiteral("(919) 555-0188")));
        QCOMPARE(address->text(), QStringLiteral("410 Foster St, apt 2, Durham, NC")); // what was typed stays
        savePng(&f.window(), QStringLiteral("cad-differences.png"));
        // The queue says so too (it reads again when shown).
        home->setCurrentWidget(queue);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(queue, QStringLiteral("CAD-77001")),
                                  QStringLiteral("Open · CAD update"), kFewSeconds);
        home->setCurrentWidget(form);

        // Ctrl+Shift+C: the CAD's values into the form; saved with the call.
        address->setFocus();
        QTest::keyClick(address, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        // A button's shortcut clicks it the way a mouse would (pressed, then released a moment later).
        QTRY_COMPARE_WITH_TIMEOUT(address->text(), QStringLiteral("412 Foster St, Durham, NC"), kFewSeconds);
        QCOMPARE(field("callerPhone")->text(), QStringLiteral("(919) 555-0188"));
        QVERIFY(!form->cadDifferencesBar()->isVisible());
        QVERIFY(form->save());
        {
            QSqlQuery saved(f.db().connection());
            QVERIFY(saved.exec(
                QStringLiteral("SELECT address, caller_phone FROM calls WHERE cad_number = 'CAD-77001'")));
            QVERIFY(saved.next());
            QCOMPARE(saved.value(0).toString(), QStringLiteral("412 Foster St, Durham, NC"));
            QCOMPARE(saved.value(1).toString(), QStringLiteral("+19195550188"));
        } // a query left open would hold this connection's view of the file
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cad_accept'")),
                 1);
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cad_take'")), 1);

        // Another change, dismissed: the form keeps its values.
        cad::CadIncident third = incident(t + 2min);
        third.address = "999 Elsewhere Rd";
        third.callerPhone = "+19195550188";
        auto thirdReceipt = cad.receive(third, mapping());
        QVERIFY(thirdReceipt.ok());
        QCOMPARE(thirdReceipt.value().outcome, usecases::CadUseCases::Outcome::Held);
        QTRY_VERIFY_WITH_TIMEOUT(form->cadDifferencesBar()->isVisible(), kFewSeconds);
        QTest::keyClick(address, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!form->cadDifferencesBar()->isVisible(), kFewSeconds);
        QCOMPARE(address->text(), QStringLiteral("412 Foster St, Durham, NC"));
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cad_dismiss'")),
                 1);
        home->setCurrentWidget(queue);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(queue, QStringLiteral("CAD-77001")), QStringLiteral("Open"),
                                  kFewSeconds);
    }
};

HEART_TEST_MAIN(TestCadIntake)
#include "tst_cad_intake.moc"
