// The counselor takes a call from first ring to disposition with the
// keyboard alone: Ctrl+N, typing and Tab, Alt+mnemonics, the C-SSRS answered
// with Y/N, the routing decision shown with its reasons, a disposition
// against the recommendation refused until a reason is written, Ctrl+D
// dispatches, Ctrl+E closes; the saved row holds what was typed. Also inline
// validation (nothing saved while a field is wrong), the imminent-risk
// banner and the read-only closed call.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CounselorHome.h"
#include "intake/CssrsPanel.h"
#include "intake/IntakeForm.h"
#include "intake/PersonDialog.h"
#include "intake/RoutingPanel.h"
#include "store/PersonStore.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace heart;
using namespace std::chrono;

namespace {

// Wednesday 2026-11-18, 10:00 in Durham (15:00 UTC): CRT, CCD and Co-Response all open.
TimePoint wednesdayMorning()
{
    return TimePoint{sys_days{year{2026} / 11 / 18} + hours{15}};
}

} // namespace

class TestIntake : public QObject
{
    Q_OBJECT

private:
    ui::IntakeForm* startCall(test::UiTestFixture& f)
    {
        f.clock().set(wednesdayMorning());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        if (!home)
            return nullptr;
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : home, Qt::Key_N,
                        Qt::ControlModifier);
        return qobject_cast<ui::IntakeForm*>(home->currentWidget());
    }

    static void type(const QString& text) { QTest::keyClicks(QApplication::focusWidget(), text); }
    static void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), k, modifiers);
    }
    // A button's shortcut "animates" the click: it lands ~100 ms later.
    static void pressButtonShortcut(Qt::Key k, Qt::KeyboardModifiers modifiers)
    {
        key(k, modifiers);
        QTest::qWait(250);
    }
    static QString focusName()
    {
        return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString();
    }

private Q_SLOTS:
    void keyboardOnlyFromFirstRingToDisposition()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        f.window().activateWindow();
        QCOMPARE(focusName(), QStringLiteral("callerName"));
        type(QStringLiteral("Robin Quillfeather"));
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("callerPhone"));
        type(QStringLiteral("919-555-0142"));
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("callerRelationship"));
        key(Qt::Key_F); // family
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("personName"));
        type(QStringLiteral("Sam Thistlewood"));
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("personAge"));
        key(Qt::Key_A, Qt::ControlModifier);
        type(QStringLiteral("34"));
        key(Qt::Key_S, Qt::AltModifier); // Address
        QCOMPARE(focusName(), QStringLiteral("address"));
        type(QStringLiteral("400 W Main St"));
        key(Qt::Key_T, Qt::AltModifier); // Latitude
        QCOMPARE(focusName(), QStringLiteral("latitude"));
        type(QStringLiteral("35.9940"));
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("longitude"));
        type(QStringLiteral("-78.8986"));
        QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("beat"))->currentText(), QStringLiteral("512"));
        QCOMPARE(form->findChild<QLabel*>(QStringLiteral("beatInfo"))->text(),
                 QStringLiteral("found from the coordinates"));
        key(Qt::Key_Y, Qt::AltModifier); // Call type
        QCOMPARE(focusName(), QStringLiteral("callType"));
        type(QStringLiteral("Suicide Threat"));
        key(Qt::Key_Tab);
        key(Qt::Key_G, Qt::AltModifier); // Language
        type(QStringLiteral("Spanish"));
        key(Qt::Key_J, Qt::AltModifier); // interpreter joined (a checkbox: Alt toggles it)

        // C-SSRS: 1-3 yes, 4-6 no -> moderate, complete.
        for (Qt::Key question : {Qt::Key_1, Qt::Key_2, Qt::Key_3}) {
            key(question, Qt::AltModifier);
            key(Qt::Key_Y);
        }
        for (Qt::Key question : {Qt::Key_4, Qt::Key_5, Qt::Key_6}) {
            key(question, Qt::AltModifier);
            key(Qt::Key_N);
        }
        QCOMPARE(form->findChild<QLabel*>(QStringLiteral("cssrsRisk"))->text(),
                 QStringLiteral("Risk: Moderate"));
        QVERIFY(!form->findChild<QLabel*>(QStringLiteral("imminentRiskBanner"))->isVisible());

        // The decision, in words.
        auto* routing = form->findChild<ui::RoutingPanel*>();
        QCOMPARE(routing->recommendationText(),
                 QStringLiteral("Recommended: Crisis Call Diversion, then Community Response Team"));
        QVERIFY2(routing->verdictsText().contains(
                     QStringLiteral("Co-Response: only for calls with weapon reported or violence toward "
                                    "others or high suicide risk (C-SSRS)")),
                 qPrintable(routing->verdictsText()));

        // Co-Response instead of CRT: against the recommendation.
        key(Qt::Key_D, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("disposition"));
        for (int i = 0; i < 4; ++i)
            key(Qt::Key_Down);
        QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("disposition"))->currentData().toString(),
                 QStringLiteral("cor_dispatch"));
        pressButtonShortcut(Qt::Key_S, Qt::ControlModifier);
        auto* overrideError = form->findChild<QLabel*>(QStringLiteral("overrideReasonError"));
        QVERIFY(overrideError->isVisible());
        QCOMPARE(overrideError->text(), QStringLiteral("This is not what the routing recommends: say why."));
        QCOMPARE(f.countRows(
                     QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Robin Quillfeather'")),
                 0);
        QCOMPARE(focusName(), QStringLiteral("overrideReason")); // the first wrong field

        type(QStringLiteral("Roommate says there is a hunting rifle in the house."));
        key(Qt::Key_U, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("unit"));
        // The choices come from the team board: the demo's COR-1 is en route
        // to another call and cannot be sent; COR-2 is available.
        auto* unitBox = form->findChild<QComboBox*>(QStringLiteral("unit"));
        QCOMPARE(unitBox->count(), 2);
        QCOMPARE(unitBox->itemText(0), QStringLiteral("COR-2 — available")); // available first
        QCOMPARE(unitBox->itemText(1), QStringLiteral("COR-1 — en route, busy"));
        type(QStringLiteral("COR-1"));
        pressButtonShortcut(Qt::Key_D, Qt::ControlModifier); // save and dispatch
        QVERIFY2(form->statusText() ==
                     QStringLiteral("Not dispatched: COR-1 is en route. Choose an available unit."),
                 qPrintable(form->statusText()));
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Robin Quillfeather' "
                                       "AND status = 'dispatched'")),
            0);
        key(Qt::Key_U, Qt::AltModifier);
        unitBox->lineEdit()->selectAll();
        type(QStringLiteral("COR-2"));
        pressButtonShortcut(Qt::Key_D, Qt::ControlModifier);
        QVERIFY2(form->statusText() == QStringLiteral("COR-2 dispatched."), qPrintable(form->statusText()));
        // The unit on the board is dispatched to this very call.
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM units u JOIN calls c ON c.id = u.call_id "
                                            "WHERE u.code = 'COR-2' AND u.status = 'dispatched' "
                                            "AND c.caller_name = 'Robin Quillfeather'")),
                 1);

        const QString cad = form->findChild<QLineEdit*>(QStringLiteral("cadNumber"))->text();
        QVERIFY(cad.startsWith(QStringLiteral("HD20261118-")));
        const auto row = [&](const QString& column) {
            return f.countRows(
                QStringLiteral("SELECT COUNT(*) FROM calls WHERE cad_number = '%1' AND %2").arg(cad, column));
        };
        QCOMPARE(row(QStringLiteral("caller_name = 'Robin Quillfeather' AND caller_phone = '+19195550142' "
                                    "AND caller_relationship = 'family' AND person_name = 'Sam Thistlewood' "
                                    "AND person_age = 34")),
                 1);
        QCOMPARE(
            row(QStringLiteral("address = '400 W Main St' AND beat = '512' AND beat_source = 'from_position' "
                               "AND call_type = 'suicide-threat' AND language = 'es' AND interpreter = 1")),
            1);
        QCOMPARE(
            row(QStringLiteral("cssrs = 'YYYNNN-' AND risk_level = 'moderate' AND triaged_at IS NOT NULL")),
            1);
        QCOMPARE(
            row(QStringLiteral("recommended = 'ccd;crt' AND disposition = 'cor_dispatch' AND program = 'cor' "
                               "AND override_reason = 'Roommate says there is a hunting rifle in the house.' "
                               "AND decided_at IS NOT NULL")),
            1);
        QCOMPARE(row(QStringLiteral(
                     "status = 'dispatched' AND assigned_unit = 'COR-2' AND dispatched_at IS NOT NULL "
                     "AND rule_set_id = 'durham-2023-10-23-citywide'")),
                 1);
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN calls c ON c.id = a.record_id "
                                       "WHERE c.cad_number = '%1' AND a.action IN ('create', 'dispatch')")
                            .arg(cad)),
            2);
        // Saved: no draft left behind.
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%'")), 0);

        // Ctrl+E closes the call (COR-2 has not cleared: the counselor confirms); it is read-only afterwards.
        QTimer::singleShot(400, this, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->findChild<QPushButton*>(QStringLiteral("confirmCloseCallYes"))->click();
        });
        pressButtonShortcut(Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(form->isClosed());
        QCOMPARE(row(QStringLiteral("status = 'closed' AND closed_at IS NOT NULL")), 1);
        QVERIFY(form->isClosed());
        auto* callerName = form->findChild<QLineEdit*>(QStringLiteral("callerName"));
        QVERIFY(callerName->isReadOnly());
        QTest::keyClicks(callerName, QStringLiteral("changed"));
        QCOMPARE(callerName->text(), QStringLiteral("Robin Quillfeather"));
        QVERIFY(form->addAddendum(QStringLiteral("Caller phoned back: the rifle has been removed.")));
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM call_addenda d JOIN calls c ON c.id = d.call_id "
                                       "WHERE c.cad_number = '%1'")
                            .arg(cad)),
            1);
    }

    void validationAtTheField()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        const auto error = [&](const char* name) {
            return form->findChild<QLabel*>(QString::fromLatin1(name));
        };
        type(QStringLiteral("Pat Caller"));
        key(Qt::Key_Tab);
        type(QStringLiteral("555-12")); // too short to dial
        QVERIFY(error("callerPhoneError")->isVisible());
        QVERIFY2(error("callerPhoneError")
                     ->text()
                     .startsWith(QStringLiteral("This phone number cannot be dialed")),
                 qPrintable(error("callerPhoneError")->text()));
        form->findChild<QLineEdit*>(QStringLiteral("latitude"))->setText(QStringLiteral("123"));
        form->findChild<QLineEdit*>(QStringLiteral("longitude"))->setText(QStringLiteral("-78.9"));
        QCOMPARE(error("coordinatesError")->text(),
                 QStringLiteral(
                     "These coordinates are outside the world (latitude -90 to 90, longitude -180 to 180)."));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Alien Landing"));
        QCOMPARE(error("callTypeError")->text(),
                 QStringLiteral("\"Alien Landing\" is not a call type of the rules in force."));
        auto* received = form->findChild<QDateTimeEdit*>(QStringLiteral("receivedAt"));
        received->setDateTime(received->dateTime().addSecs(3600));
        QCOMPARE(error("receivedAtError")->text(), QStringLiteral("The time received is in the future."));

        QVERIFY(!form->save());
        QCOMPARE(form->statusText(), QStringLiteral("Not saved: correct the fields marked in red."));
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Pat Caller'")),
                 0);
        // Nothing typed is lost: the draft keeps it all.
        form->flushDraft();
        QCOMPARE(
            f.countRows(QStringLiteral(
                "SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%' AND content LIKE '%Pat Caller%'")),
            1);

        // Correct them one by one: the errors go away at the field.
        form->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->setText(QStringLiteral("(919) 555-0199"));
        QVERIFY(!error("callerPhoneError")->isVisible());
        form->findChild<QLineEdit*>(QStringLiteral("latitude"))->setText(QStringLiteral("35.99"));
        QVERIFY(!error("coordinatesError")->isVisible());
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        received->setDateTime(received->dateTime().addSecs(-3600));
        QVERIFY(form->save());
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_name = 'Pat Caller' AND "
                                            "caller_phone = '+19195550199'")),
                 1);
    }

    void linkAKnownPersonByKeyboard()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        // Someone who called before, known under an alias.
        {
            store::PersonStore people(f.db(), f.clock());
            store::PersonRecord known;
            known.givenName = QStringLiteral("Jordan");
            known.familyName = QStringLiteral("Quarrystone");
            known.aliases = {QStringLiteral("JQ")};
            QVERIFY(people.create(*f.window().actor(), known).ok());
        }
        key(Qt::Key_N, Qt::AltModifier);
        type(QStringLiteral("Quarrystone"));
        bool sawDialog = false;
        QTimer::singleShot(400, this, [&] {
            auto* dialog = qobject_cast<ui::PersonDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = dialog->resultCount() == 1;
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // links the selected person
        });
        pressButtonShortcut(Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(sawDialog);
        QTRY_COMPARE(form->findChild<QLabel*>(QStringLiteral("personLink"))->text(),
                     QStringLiteral("Linked: Jordan Quarrystone"));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        QVERIFY(form->save());
        QCOMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls c JOIN people p ON p.id = c.person_id "
                                       "WHERE p.family_name = 'Quarrystone'")),
            1);
        // The search was audited, naming no one.
        QVERIFY(f.countRows(QStringLiteral(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND record_id = '*'")) >= 1);
    }

    void highRiskShowsTheBanner()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::IntakeForm* form = startCall(f);
        QVERIFY(form);
        auto* panel = form->findChild<ui::CssrsPanel*>();
        auto* banner = form->findChild<QLabel*>(QStringLiteral("imminentRiskBanner"));
        panel->answerBox(triage::CssrsQuestion::WishedDead)->setCurrentIndex(1);
        QVERIFY(!panel->answerBox(triage::CssrsQuestion::Intent)->isVisible()); // asked only after Q2 yes
        panel->answerBox(triage::CssrsQuestion::Thoughts)->setCurrentIndex(1);
        QVERIFY(panel->answerBox(triage::CssrsQuestion::Intent)->isVisibleTo(form));
        QVERIFY(!banner->isVisibleTo(form));
        panel->answerBox(triage::CssrsQuestion::Intent)->setCurrentIndex(1);
        QVERIFY(banner->isVisibleTo(form));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Suicide Threat"));
        form->findChild<QComboBox*>(QStringLiteral("beat"))->setCurrentText(QStringLiteral("313"));
        QVERIFY(form->decision());
        // Imminent risk: the in-person response leads, and the panel says why.
        QCOMPARE(form->decision()->recommended, std::vector{routing::Program::CoResponse});
        auto* routing = form->findChild<ui::RoutingPanel*>();
        QCOMPARE(routing->recommendationText(), QStringLiteral("Recommended: Co-Response"));
        QVERIFY2(routing->basisText().startsWith(
                     QStringLiteral("Imminent risk (high suicide risk, C-SSRS): the person "
                                    "needs an in-person evaluation now, so Co-Response goes")),
                 qPrintable(routing->basisText()));
        QVERIFY(routing->basisText().endsWith(QStringLiteral(
            "Crisis Call Diversion keeps the caller on the line until the responders arrive.")));
        // At 05:00 Co-Response (and the phone line) are closed: police/EMS, and why not Co-Response.
        form->findChild<QDateTimeEdit*>(QStringLiteral("receivedAt"))->setTime(QTime(5, 0));
        QTRY_COMPARE(routing->recommendationText(), QStringLiteral("Recommended: Police/EMS"));
        QVERIFY2(routing->basisText().contains(QStringLiteral(
                     "Co-Response cannot go (outside hours (Wednesday 05:00)), so Police/EMS goes.")),
                 qPrintable(routing->basisText()));
        QVERIFY(!routing->basisText().contains(QStringLiteral("on the line")));
    }
};

HEART_TEST_MAIN(TestIntake)
#include "tst_intake.moc"
