// Every demo call opens as the queue describes it. The counselor signs in on
// a fresh demo database and opens each call the queue lists (arrow keys and
// Enter), then every closed call (through the same openCall the queue uses,
// compared with the row the queue's own model makes of it): the form shows
// the queue row's call type, risk (the C-SSRS answers give it), disposition
// and program, beat and location; a dispatched call names its unit; and no
// field is marked in red (no "Choose the unit to send", no unexplained
// override). Whatever the hour the demo is made at.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "core/routing/Disposition.h"
#include "home/CallTableModel.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace heart;
using ui::CallTableModel;

namespace {

QString cell(const QAbstractItemModel* model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

// What the open form shows, against the queue's row; empty when they agree.
QString compareForm(ui::IntakeForm* form, const QAbstractItemModel* queue, int row, const QString& unit)
{
    QStringList problems;
    const auto expect = [&](const char* what, const QString& shown, const QString& listed) {
        if (shown != listed)
            problems
                << QStringLiteral("%1: form \"%2\", queue \"%3\"").arg(QLatin1String(what), shown, listed);
    };
    expect("CAD number", form->findChild<QLineEdit*>(QStringLiteral("cadNumber"))->text(),
           cell(queue, row, CallTableModel::CadNumber));
    expect("call type", form->findChild<QComboBox*>(QStringLiteral("callType"))->currentText(),
           cell(queue, row, CallTableModel::CallType));
    expect("risk", form->findChild<QLabel*>(QStringLiteral("cssrsRisk"))->text(),
           QStringLiteral("Risk: ") + cell(queue, row, CallTableModel::Risk));
    auto* disposition = form->findChild<QComboBox*>(QStringLiteral("disposition"));
    const QString dispositionCode = disposition->currentData().toString();
    // Not decided yet: "– not decided –" in the form, "Pending" in the queue.
    expect("disposition",
           dispositionCode.isEmpty() ? ui::DomainText::dispositionName(QString())
                                     : disposition->currentText(),
           cell(queue, row, CallTableModel::Disposition));
    const auto parsed = routing::dispositionFromCode(dispositionCode.toStdString());
    const QString program =
        parsed ? QString::fromLatin1(routing::programCode(routing::handlingProgram(*parsed)).data())
                     .replace(u'-', u'_')
               : QString();
    expect("program", ui::DomainText::programName(program), cell(queue, row, CallTableModel::Program));
    expect("beat", form->findChild<QComboBox*>(QStringLiteral("beat"))->currentText(),
           cell(queue, row, CallTableModel::Beat));
    expect("address", form->findChild<QLineEdit*>(QStringLiteral("address"))->text(),
           cell(queue, row, CallTableModel::Location));
    const QString status = cell(queue, row, CallTableModel::Status);
    expect("status (title)",
           form->title().endsWith(QStringLiteral("(closed)")) ? QStringLiteral("Closed") : QString(),
           status == ui::DomainText::callStatusName(QStringLiteral("closed")) ? QStringLiteral("Closed")
                                                                              : QString());
    expect("unit", form->findChild<QComboBox*>(QStringLiteral("unit"))->currentText(), unit);
    if (parsed && routing::sendsUnit(*parsed) && unit.isEmpty())
        problems << QStringLiteral("a unit went out but none is named");
    if (status == ui::DomainText::callStatusName(QStringLiteral("dispatched")) &&
        form->findChild<QPushButton*>(QStringLiteral("dispatchCall"))->isEnabled())
        problems << QStringLiteral("dispatched, yet offered for dispatch again");
    // Nothing in red: a closed call from last week keeps its receive time
    // without "more than 7 days ago" (that rule is for times typed now).
    for (QLabel* error : form->findChildren<QLabel*>()) {
        if (!error->objectName().endsWith(QLatin1String("Error")) || error->isHidden() ||
            error->text().isEmpty())
            continue;
        problems << error->objectName() + QStringLiteral(": ") + error->text();
    }
    if (form->hasUnsavedChanges())
        problems << QStringLiteral("changed by opening it");
    return problems.join(QStringLiteral("; "));
}

QString unitOf(test::UiTestFixture& f, const QString& callId)
{
    QSqlQuery query(f.db().connection());
    query.prepare(QStringLiteral("SELECT assigned_unit FROM calls WHERE id = ?"));
    query.addBindValue(callId);
    query.exec();
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

class TestDemoCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyQueuedCallOpensAsListed()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        auto* table = home->findChild<QTableView*>(QStringLiteral("callTable"));
        QVERIFY(table);
        const QAbstractItemModel* queue = table->model();
        const int rows = queue->rowCount();
        QVERIFY(rows >= 5);
        QStringList failures;
        int dispatched = 0;
        for (int row = 0; row < rows; ++row) {
            home->setCurrentIndex(0);
            table->setFocus();
            table->setCurrentIndex(queue->index(row, 0));
            const QString cad = cell(queue, row, CallTableModel::CadNumber);
            QTest::keyClick(table, Qt::Key_Return);
            auto* form = qobject_cast<ui::IntakeForm*>(home->currentWidget());
            QVERIFY2(form, qPrintable(cad));
            QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("cadNumber"))->text(), cad);
            dispatched += cell(queue, row, CallTableModel::Status) == QLatin1String("Dispatched") ? 1 : 0;
            if (const QString problem = compareForm(form, queue, row, unitOf(f, form->callId()));
                !problem.isEmpty())
                failures << cad + QStringLiteral(": ") + problem;
            QTest::keyClick(form, Qt::Key_W, Qt::ControlModifier);
            QTRY_VERIFY(!qobject_cast<ui::IntakeForm*>(home->currentWidget()));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QCOMPARE(dispatched, 2); // CRT-1's and COR-1's calls, one unit each
    }

    void everyClosedCallOpensAsItsRow()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        // The queue's own model makes the rows of the closed calls.
        QList<store::CallSummary> closed;
        QSqlQuery query(f.db().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id, cad_number, received_at, call_type, beat, address, "
                                          "program, disposition, status, risk_level "
                                          "FROM calls WHERE status = 'closed' ORDER BY received_at")));
        while (query.next()) {
            closed.append({query.value(0).toString(), query.value(1).toString(),
                           store::fromStoredTime(query.value(2).toString()), query.value(3).toString(),
                           query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
                           query.value(7).toString(),
                           intake::callStatusFromCode(query.value(8).toString().toStdString()).value(),
                           query.value(9).toString()});
        }
        query.finish();
        QVERIFY(closed.size() > 30);
        CallTableModel rows(f.clock());
        rows.setCalls(closed);
        QStringList failures;
        for (int row = 0; row < rows.rowCount(); ++row) {
            ui::IntakeForm* form = home->openCall(closed[row].id);
            QVERIFY2(form, qPrintable(closed[row].cadNumber));
            QVERIFY(form->isClosed());
            if (const QString problem = compareForm(form, &rows, row, unitOf(f, closed[row].id));
                !problem.isEmpty())
                failures << closed[row].cadNumber + QStringLiteral(": ") + problem;
            QTest::keyClick(form, Qt::Key_W, Qt::ControlModifier);
            QTRY_VERIFY(!qobject_cast<ui::IntakeForm*>(home->currentWidget()));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }
};

HEART_TEST_MAIN(TestDemoCalls)
#include "tst_demo_calls.moc"
