// Every time on screen is the program's (New York) time, on a workstation
// whose clock is set to UTC: this test sets TZ=UTC before QApplication starts.
// At 2026-12-03T14:30Z (9:30 AM EST) the counselor's queue, the team lead's
// unit calls and the navigator's follow-up due time show 9:30 AM, in English
// and Spanish, with an unambiguous date ("Dec 3, 2026" / "3 dic 2026", never
// a day-first "3/12/2026"), and Spanish AM/PM never doubles a period
// ("a. m..") at the end of a sentence. ProgramTime's formats are checked on
// their own too: both DST seasons, the zone's names, invalid times.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpQueueWidget.h"
#include "home/CallListHome.h"
#include "home/CallTableModel.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "shell/LanguageSwitcher.h"
#include "shell/ProgramTime.h"
#include "store/StoreTime.h"
#include "units/TeamLeadHome.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <ctime>

using namespace heart;
using ui::ProgramTime;

namespace {

// Thursday 2026-12-03, 14:30 UTC: 9:30 AM in New York (EST).
const QDateTime kInstant(QDate(2026, 12, 3), QTime(14, 30), QTimeZone::utc());
const QString kStored = QStringLiteral("2026-12-03T14:30:00.000Z");

const QString kEnglish = QStringLiteral("Dec 3, 2026, 9:30 AM");
// Qt's Spanish AM/PM words keep "a." and "m." together with a no-break space.
const QString kSpanish = QStringLiteral("3 dic 2026, 9:30 a.\u00A0m.");

bool exec(test::UiTestFixture& f, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query(f.db().connection());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

QString firstValue(test::UiTestFixture& f, const QString& sql)
{
    QSqlQuery query(f.db().connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

// No numeric date such as "3/12/2026" or "12/3/26", whichever way round.
bool hasNumericDate(const QString& text)
{
    static const QRegularExpression numeric(QStringLiteral("\\d{1,2}/\\d{1,2}/\\d{2,4}"));
    return numeric.match(text).hasMatch();
}

} // namespace

class TestProgramTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { ProgramTime::setZone(roster::TimeZoneRule::newYork()); }

    void theWorkstationRunsOnUtc()
    {
        // The premise: the host's local time is UTC, not New York.
        QCOMPARE(kInstant.toLocalTime().time(), QTime(14, 30));
    }

    void formatsInBothLanguages()
    {
        ui::LanguageSwitcher language;
        QCOMPARE(ProgramTime::dateTimeText(kInstant), kEnglish);
        QCOMPARE(ProgramTime::timeText(kInstant), QStringLiteral("9:30 AM"));
        QCOMPARE(ProgramTime::dateText(kInstant), QStringLiteral("Dec 3, 2026"));
        QCOMPARE(ProgramTime::localDate(kInstant), QDate(2026, 12, 3));
        // 03:05 UTC on the 4th is still the 3rd in New York.
        const QDateTime lateUtc(QDate(2026, 12, 4), QTime(3, 5), QTimeZone::utc());
        QCOMPARE(ProgramTime::dateTimeText(lateUtc), QStringLiteral("Dec 3, 2026, 10:05 PM"));
        QCOMPARE(ProgramTime::localDate(lateUtc), QDate(2026, 12, 3));
        const QDateTime noon(QDate(2026, 7, 1), QTime(16, 0), QTimeZone::utc()); // EDT
        QCOMPARE(ProgramTime::dateTimeText(noon), QStringLiteral("Jul 1, 2026, 12:00 PM"));
        QCOMPARE(ProgramTime::dateTimeText(QDateTime(QDate(2026, 7, 1), QTime(4, 0), QTimeZone::utc())),
                 QStringLiteral("Jul 1, 2026, 12:00 AM"));
        // A time given in another spec is the same instant.
        QCOMPARE(ProgramTime::dateTimeText(kInstant.toOffsetFromUtc(3600)), kEnglish);
        QCOMPARE(ProgramTime::zoneAbbreviation(kInstant), QStringLiteral("EST"));
        QCOMPARE(ProgramTime::zoneAbbreviation(noon), QStringLiteral("EDT"));
        QCOMPARE(ProgramTime::zoneLabel(), QStringLiteral("ET"));
        QCOMPARE(ProgramTime::dateTimeZoneText(kInstant), kEnglish + QStringLiteral(" EST"));
        QVERIFY(ProgramTime::dateTimeText(QDateTime()).isEmpty());
        QVERIFY(ProgramTime::timeText(QDateTime()).isEmpty());
        QCOMPARE(ProgramTime::dateText(QDate(2026, 9, 14)), QStringLiteral("Sep 14, 2026"));

        QVERIFY(language.setLanguage(QStringLiteral("es")));
        QCOMPARE(ProgramTime::dateTimeText(kInstant), kSpanish);
        QCOMPARE(ProgramTime::dateTimeText(noon), QStringLiteral("1 jul 2026, 12:00 p.\u00A0m."));
        QCOMPARE(ProgramTime::dateText(QDate(2026, 9, 14)).section(u' ', 0, 0), QStringLiteral("14"));
        QVERIFY(!ProgramTime::dateText(QDate(2026, 9, 14)).contains(u'.'));
        for (int month = 1; month <= 12; ++month) {
            const QString text =
                ProgramTime::dateTimeText(QDateTime(QDate(2026, month, 3), QTime(17, 0), QTimeZone::utc()));
            QVERIFY2(!hasNumericDate(text) && text.startsWith(QStringLiteral("3 ")), qPrintable(text));
        }
        // "Saved 9:30 a. m." ends the sentence once.
        QCOMPARE(ProgramTime::sentence(QStringLiteral("Guardado %1.").arg(ProgramTime::timeText(kInstant))),
                 QStringLiteral("Guardado 9:30 a.\u00A0m."));
        QCOMPARE(ProgramTime::sentence(QStringLiteral("Saved 9:30 AM.")), QStringLiteral("Saved 9:30 AM."));
        QCOMPARE(ProgramTime::sentence(QStringLiteral("Wait...")), QStringLiteral("Wait..."));
        QVERIFY(language.setLanguage(QStringLiteral("en")));
    }

    void anotherProgramsZone()
    {
        auto chicago = roster::TimeZoneRule::parse("CST6CDT,M3.2.0,M11.1.0");
        QVERIFY(chicago.ok());
        ProgramTime::setZone(chicago.value());
        QCOMPARE(ProgramTime::timeText(kInstant), QStringLiteral("8:30 AM"));
        QCOMPARE(ProgramTime::zoneLabel(), QStringLiteral("CT"));
        auto phoenix = roster::TimeZoneRule::parse("MST7");
        QVERIFY(phoenix.ok());
        ProgramTime::setZone(phoenix.value());
        QCOMPARE(ProgramTime::zoneLabel(), QStringLiteral("MST"));
        QCOMPARE(ProgramTime::zoneAbbreviation(kInstant), QStringLiteral("MST"));
    }

    void theQueueShowsNewYorkTime()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.clock().set(store::toTimePoint(kInstant.addSecs(20 * 60)));
        QVERIFY(exec(f,
                     QStringLiteral("UPDATE calls SET received_at = ?, cad_number = 'TZ-0001' WHERE id = "
                                    "(SELECT MIN(id) FROM calls WHERE status <> 'closed')"),
                     {kStored}));
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home);
        auto* queue = home->findChild<ui::CallListHome*>();
        QVERIFY(queue);
        QAbstractItemModel* model = queue->table()->model();
        const auto cellOf = [&](int column, int role = Qt::DisplayRole) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, ui::CallTableModel::CadNumber).data().toString() ==
                    QLatin1String("TZ-0001"))
                    return model->index(row, column).data(role).toString();
            }
            return QString();
        };
        QCOMPARE(cellOf(ui::CallTableModel::Received), kEnglish);
        QCOMPARE(cellOf(ui::CallTableModel::Received, Qt::ToolTipRole), kEnglish + QStringLiteral(" EST"));
        QCOMPARE(cellOf(ui::CallTableModel::Age), QStringLiteral("20 min"));
        QCOMPARE(model->headerData(ui::CallTableModel::Received, Qt::Horizontal).toString(),
                 QStringLiteral("Received (ET)"));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString received = model->index(row, ui::CallTableModel::Received).data().toString();
            QVERIFY2(!hasNumericDate(received), qPrintable(received));
        }

        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QCOMPARE(cellOf(ui::CallTableModel::Received), kSpanish);

        // A draft saved at 9:50 a. m. says so with one final period.
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : home, Qt::Key_N,
                        Qt::ControlModifier);
        auto* form = qobject_cast<ui::IntakeForm*>(home->currentWidget());
        QVERIFY(form);
        QTest::keyClicks(form->findChild<QLineEdit*>(QStringLiteral("callerName")), QStringLiteral("Robin"));
        QTRY_VERIFY_WITH_TIMEOUT(form->statusText().contains(QStringLiteral("9:50")), 5000);
        QVERIFY2(form->statusText().endsWith(QStringLiteral("9:50 a.\u00A0m.")),
                 qPrintable(form->statusText()));
        QVERIFY2(!form->statusText().contains(QStringLiteral("..")), qPrintable(form->statusText()));

        // The receive time is typed in the program's zone, and its label says so.
        bool labelled = false;
        for (QLabel* label : form->findChildren<QLabel*>())
            if (label->buddy() == form->findChild<QWidget*>(QStringLiteral("receivedAt")))
                labelled = label->text() == QStringLiteral("&Recibida (ET):");
        QVERIFY2(labelled, "the receive time's label names the program's zone");
    }

    void myUnitShowsNewYorkTime()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.clock().set(store::toTimePoint(kInstant.addSecs(45 * 60)));
        // Every call CRT-1 was sent to: sent at 9:30 AM New York time.
        QVERIFY(
            exec(f,
                 QStringLiteral("UPDATE unit_status_events SET at_utc = ? WHERE status = 'dispatched' AND "
                                "unit_id = (SELECT id FROM units WHERE code = 'CRT-1')"),
                 {kStored}));
        f.typeSignIn(QStringLiteral("teamlead"), QStringLiteral("teamlead-demo"));
        auto* home = qobject_cast<ui::TeamLeadHome*>(f.window().home());
        QVERIFY(home);
        QVERIFY(home->recentCalls()->count() > 0);
        const QString english = home->recentCalls()->item(0)->text();
        QVERIFY2(english.contains(QStringLiteral("sent ") + kEnglish), qPrintable(english));

        // Switching the language redraws the list at once (no refresh needed).
        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QTRY_VERIFY2(home->recentCalls()->item(0)->text().contains(kSpanish),
                     qPrintable(home->recentCalls()->item(0)->text()));
        const QString spanish = home->recentCalls()->item(0)->text();
        QVERIFY2(!hasNumericDate(spanish), qPrintable(spanish));
    }

    void theFollowUpDueTimeIsNewYorkTime()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.clock().set(store::toTimePoint(kInstant.addSecs(-3600)));
        const QString task =
            firstValue(f, QStringLiteral("SELECT MIN(id) FROM followup_tasks WHERE closed_at IS NULL"));
        QVERIFY(!task.isEmpty());
        QVERIFY(
            exec(f, QStringLiteral("UPDATE followup_tasks SET due_at = ? WHERE id = ?"), {kStored, task}));
        f.typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* queue = qobject_cast<ui::FollowUpQueueWidget*>(f.window().home());
        QVERIFY(queue);
        ui::FollowUpQueueModel* model = queue->model();
        QTRY_VERIFY(model->rowOfTask(task) >= 0);
        const auto due = [&] {
            return model->index(model->rowOfTask(task), ui::FollowUpQueueModel::Due).data().toString();
        };
        QCOMPARE(due(), kEnglish);
        QCOMPARE(model->headerData(ui::FollowUpQueueModel::Due, Qt::Horizontal).toString(),
                 QStringLiteral("Due (ET)"));
        QVERIFY(f.language().setLanguage(QStringLiteral("es")));
        QCOMPARE(due(), kSpanish);
    }
};

int main(int argc, char** argv)
{
    // The workstation's clock is on UTC: set before Qt reads the zone.
    qputenv("TZ", "UTC");
    tzset();
    QApplication app(argc, argv);
    TestProgramTime test;
    return heart::test::execStrict(&test, argc, argv);
}

#include "tst_program_time.moc"
