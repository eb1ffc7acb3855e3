// What the intake form shows, read off the real window at its default size:
// every C-SSRS question's label fits its widget, in English and Spanish; the
// unit picker says why a unit cannot be sent (status in the text, a tooltip
// and an accessible description); a closed call looks read-only, with a
// banner saying how to add to it; the beat found from the coordinates is in
// the Beat field, marked as found, and the counselor can still change it.
//
// HEARTDESK_SCREENSHOT_DIR=dir saves the screens it checks as PNG files there.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/CounselorHome.h"
#include "intake/CssrsPanel.h"
#include "intake/IntakeForm.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTest>

using namespace heart;
using namespace std::chrono;

namespace {

TimePoint wednesdayMorning()
{
    return TimePoint{sys_days{year{2026} / 11 / 18} + hours{15}};
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// A label's text as shown: the mnemonic's '&' is not drawn.
QString shownText(const QLabel* label)
{
    QString text = label->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

} // namespace

class TestIntakeLook : public QObject
{
    Q_OBJECT

private:
    ui::CounselorHome* signIn(test::UiTestFixture& f)
    {
        f.clock().set(wednesdayMorning());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        return qobject_cast<ui::CounselorHome*>(f.window().home());
    }

private Q_SLOTS:
    void cssrsLabelsFit_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }
    void cssrsLabelsFit()
    {
        QFETCH(QString, language);
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.language().setLanguage(language);
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = home->newCall();
        QVERIFY(form);
        QCOMPARE(f.window().size(), QSize(1180, 760)); // the default window
        // Every question asked: 1, 2 and 6 yes bring in 3-5 and 6b.
        auto* panel = form->findChild<ui::CssrsPanel*>();
        for (triage::CssrsQuestion q : {triage::CssrsQuestion::WishedDead, triage::CssrsQuestion::Thoughts,
                                        triage::CssrsQuestion::Behavior})
            panel->answerBox(q)->setCurrentIndex(1);
        QCoreApplication::processEvents();
        QTest::qWait(50);
        int checked = 0;
        for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
            QComboBox* box = panel->answerBox(triage::CssrsQuestion(i));
            QVERIFY(box->isVisible());
            QLabel* label = nullptr;
            for (QLabel* candidate : panel->findChildren<QLabel*>()) {
                if (candidate->buddy() == box)
                    label = candidate;
            }
            QVERIFY2(label, qPrintable(box->objectName()));
            QVERIFY(label->isVisible());
            // The text as drawn in the label's rectangle, wrapped at its width, must fit in it.
            const QRect room = label->contentsRect();
            const int flags = int(label->alignment()) | (label->wordWrap() ? int(Qt::TextWordWrap) : 0);
            const QRect needed =
                label->fontMetrics().boundingRect(QRect(0, 0, room.width(), 100000), flags, shownText(label));
            QVERIFY2(needed.width() <= room.width() && needed.height() <= room.height(),
                     qPrintable(QStringLiteral("%1: \"%2\" needs %3x%4, has %5x%6")
                                    .arg(box->objectName(), shownText(label))
                                    .arg(needed.width())
                                    .arg(needed.height())
                                    .arg(room.width())
                                    .arg(room.height())));
            // Nor is the answer squeezed below what it needs.
            QVERIFY2(box->width() >= box->minimumSizeHint().width(), qPrintable(box->objectName()));
            ++checked;
        }
        QCOMPARE(checked, triage::kCssrsQuestionCount);
        screenshot(&f.window(), QStringLiteral("intake-cssrs-") + language);
    }

    void unitPickerSaysWhyAUnitIsBusy()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        // CRT-1 is on scene at another call (whatever the demo's day says).
        {
            QSqlQuery busy(f.db().connection());
            QVERIFY(busy.exec(QStringLiteral("UPDATE units SET status = 'on_scene', "
                                             "call_id = (SELECT MIN(id) FROM calls) WHERE code = 'CRT-1'")));
            QVERIFY(busy.exec(QStringLiteral(
                "UPDATE units SET status = 'available', call_id = NULL WHERE code = 'CRT-2'")));
        }
        QSqlQuery cad(f.db().connection());
        QVERIFY(
            cad.exec(QStringLiteral("SELECT cad_number FROM calls WHERE id = (SELECT MIN(id) FROM calls)")) &&
            cad.next());
        const QString busyCad = cad.value(0).toString();
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = home->newCall();
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        auto* disposition = form->findChild<QComboBox*>(QStringLiteral("disposition"));
        disposition->setCurrentIndex(disposition->findData(QStringLiteral("crt_dispatch")));
        form->findChild<QPlainTextEdit*>(QStringLiteral("overrideReason"))
            ->setPlainText(QStringLiteral("Asked for a visit."));
        auto* unit = form->findChild<QComboBox*>(QStringLiteral("unit"));
        const auto row = [&](const QString& code) {
            for (int i = 0; i < unit->count(); ++i) {
                if (unit->itemText(i).startsWith(code + QStringLiteral(" ")))
                    return i;
            }
            return -1;
        };
        const int free = row(QStringLiteral("CRT-2"));
        const int busy = row(QStringLiteral("CRT-1"));
        QVERIFY(free >= 0 && busy >= 0);
        QVERIFY(free < busy); // available first
        QCOMPARE(unit->itemText(free), QStringLiteral("CRT-2 — available"));
        QCOMPARE(unit->itemText(busy), QStringLiteral("CRT-1 — on scene, busy"));
        const QString why =
            QStringLiteral("CRT-1 is on scene on call %1: busy, it cannot be sent until it clears.")
                .arg(busyCad);
        QCOMPARE(unit->itemData(busy, Qt::ToolTipRole).toString(), why);
        QCOMPARE(unit->itemData(busy, Qt::AccessibleDescriptionRole).toString(), why);
        QCOMPARE(unit->itemData(free, Qt::ToolTipRole).toString(),
                 QStringLiteral("CRT-2 is available: it can be sent."));
        auto* model = qobject_cast<QStandardItemModel*>(unit->model());
        QVERIFY(!model->item(busy)->isEnabled());
        QVERIFY(model->item(free)->isEnabled());

        // Choosing the free one sends that unit, by its code.
        unit->setCurrentIndex(free);
        QVERIFY2(form->dispatchUnit(), qPrintable(form->statusText()));
        QCOMPARE(form->statusText(), QStringLiteral("CRT-2 dispatched."));
        QCOMPARE(f.countRows(QStringLiteral(
                     "SELECT COUNT(*) FROM calls WHERE assigned_unit = 'CRT-2' AND status = 'dispatched'")),
                 1);
        unit->showPopup();
        screenshot(unit->view()->window(), QStringLiteral("intake-unit-picker"));
        unit->hidePopup();
    }

    void closedCallLooksReadOnly()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = home->newCall();
        form->findChild<QLineEdit*>(QStringLiteral("callerName"))
            ->setText(QStringLiteral("Robin Quillfeather"));
        form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"))
            ->setPlainText(QStringLiteral("Resolved by phone."));
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        auto* disposition = form->findChild<QComboBox*>(QStringLiteral("disposition"));
        disposition->setCurrentIndex(disposition->findData(QStringLiteral("diverted")));
        form->findChild<QPlainTextEdit*>(QStringLiteral("overrideReason"))
            ->setPlainText(QStringLiteral("Resolved on the phone."));
        auto* banner = form->findChild<QLabel*>(QStringLiteral("closedBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        QVERIFY(form->closeCall());
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Closed — read only; add an addendum with Ctrl+Shift+A."));

        // Reopened from the queue, it looks the same.
        const QString callId = form->callId();
        home->removeTab(home->indexOf(form));
        delete form;
        form = home->openCall(callId);
        QVERIFY(form);
        QVERIFY(form->isClosed());
        banner = form->findChild<QLabel*>(QStringLiteral("closedBanner"));
        QVERIFY(banner->isVisible());
        int lineEdits = 0;
        for (QLineEdit* edit : form->findChildren<QLineEdit*>()) {
            if (!edit->isVisible() || qobject_cast<QComboBox*>(edit->parentWidget()) ||
                qobject_cast<QAbstractSpinBox*>(edit->parentWidget())) {
                continue; // inside a drop-down or spin box: those are disabled as a whole
            }
            ++lineEdits;
            QVERIFY2(edit->isReadOnly(), qPrintable(edit->objectName()));
            QVERIFY2(edit->palette().color(QPalette::Base) == edit->palette().color(QPalette::Window),
                     qPrintable(edit->objectName() + QStringLiteral(" keeps the editable background")));
            QVERIFY2(edit->palette().color(QPalette::Base) !=
                         QApplication::palette(edit).color(QPalette::Base),
                     qPrintable(edit->objectName()));
        }
        QVERIFY(lineEdits >= 8);
        for (QPlainTextEdit* edit : form->findChildren<QPlainTextEdit*>()) {
            QVERIFY2(edit->isReadOnly() || !edit->isEnabled(), qPrintable(edit->objectName()));
            QVERIFY2(edit->palette().color(QPalette::Base) == edit->palette().color(QPalette::Window) ||
                         !edit->isEnabled(),
                     qPrintable(edit->objectName()));
        }
        for (QWidget* field : form->findChildren<QWidget*>()) {
            if (!field->isVisible())
                continue;
            if (qobject_cast<QComboBox*>(field) || qobject_cast<QAbstractSpinBox*>(field))
                QVERIFY2(!field->isEnabled(), qPrintable(field->objectName()));
        }
        screenshot(&f.window(), QStringLiteral("intake-closed"));
    }

    void beatFoundFromCoordinatesIsInTheBeatField()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        ui::CounselorHome* home = signIn(f);
        QVERIFY(home);
        ui::IntakeForm* form = home->newCall();
        auto* beat = form->findChild<QComboBox*>(QStringLiteral("beat"));
        auto* info = form->findChild<QLabel*>(QStringLiteral("beatInfo"));
        auto* latitude = form->findChild<QLineEdit*>(QStringLiteral("latitude"));
        latitude->setFocus();
        QTest::keyClicks(latitude, QStringLiteral("35.9940"));
        auto* longitude = form->findChild<QLineEdit*>(QStringLiteral("longitude"));
        QTest::keyClicks(longitude, QStringLiteral("-78.8986"));
        QCOMPARE(beat->currentText(), QStringLiteral("512"));
        QCOMPARE(info->text(), QStringLiteral("found from the coordinates"));
        QVERIFY(beat->isEnabled() && beat->isEditable() && !beat->lineEdit()->isReadOnly());
        form->findChild<QComboBox*>(QStringLiteral("callType"))
            ->setCurrentText(QStringLiteral("Welfare Check"));
        QVERIFY(form->decision());
        QCOMPARE(form->decision()->beat, std::string("512"));
        QCOMPARE(form->decision()->beatSource, routing::BeatSource::FromPosition);
        screenshot(&f.window(), QStringLiteral("intake-beat-found"));

        // Other coordinates: the beat found follows them.
        longitude->setText(QStringLiteral("-78.90"));
        latitude->setText(QStringLiteral("35.98"));
        QVERIFY(!beat->currentText().isEmpty());
        QCOMPARE(info->text(), QStringLiteral("found from the coordinates"));
        const QString found = beat->currentText();

        // The counselor types another: theirs, and it stays when the coordinates change.
        beat->lineEdit()->selectAll();
        QTest::keyClicks(beat->lineEdit(), QStringLiteral("313"));
        QCOMPARE(beat->currentText(), QStringLiteral("313"));
        QCOMPARE(info->text(), QStringLiteral("typed"));
        QCOMPARE(form->decision()->beatSource, routing::BeatSource::Given);
        latitude->setText(QStringLiteral("35.99"));
        QCOMPARE(beat->currentText(), QStringLiteral("313"));
        latitude->setText(QStringLiteral("35.98"));
        // Emptied, the field takes the beat found again.
        beat->lineEdit()->clear();
        QCOMPARE(beat->currentText(), found);
        QCOMPARE(info->text(), QStringLiteral("found from the coordinates"));
        latitude->setText(QStringLiteral("35.9940"));
        longitude->setText(QStringLiteral("-78.8986"));
        QCOMPARE(beat->currentText(), QStringLiteral("512"));

        // Saved as found from the position, and shown so when the call is opened again.
        QVERIFY2(form->save(), qPrintable(form->statusText()));
        QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = '%1' AND beat = '512' "
                                            "AND beat_source = 'from_position'")
                                 .arg(form->callId())),
                 1);
        const QString callId = form->callId();
        home->removeTab(home->indexOf(form));
        delete form;
        form = home->openCall(callId);
        QVERIFY(form);
        QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("beat"))->currentText(), QStringLiteral("512"));
        QCOMPARE(form->findChild<QLabel*>(QStringLiteral("beatInfo"))->text(),
                 QStringLiteral("found from the coordinates"));
    }
};

HEART_TEST_MAIN(TestIntakeLook)
#include "tst_intake_look.moc"
