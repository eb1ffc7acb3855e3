// A bad rule set or setting stored in the shared database (issue 19: "one
// bad row could take down every workstation") shows as an error on the
// screen that uses it, and the rest of the program keeps working. The rows
// are written with plain SQL, as a hand edit or another tool would, then
// the program starts on the database (a second workstation's window):
//   rule_sets        {"format": 1e400}       the counselor's home: a Problem
//                                            tab naming the row; the call
//                                            queue and team board still work
//   follow_up_policy {"dueSoonHours": 1e400} the navigator's queue: the error
//                                            in its status line, the tasks listed
//   crisis_services  a 50,000-deep array     safety plans: the built-in 988 and
//                                            911, and the problem named
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "followup/FollowUpQueueModel.h"
#include "followup/FollowUpQueueWidget.h"
#include "home/CallListHome.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "store/StoreTime.h"
#include "usecases/SafetyPlanUseCases.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabBar>
#include <QTest>

using namespace heart;

namespace {

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

// Renders the window for a person to look at (docs/screenshots), when HEARTDESK_TEST_PNG_DIR is set.
void savePng(QWidget* window, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTDESK_TEST_PNG_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // the layout follows a new error text
    window->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

bool writeSetting(test::UiTestFixture& f, const QString& key, const QString& value)
{
    const QString now = store::toStoredTime(f.clock().now());
    return exec(f, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key}) &&
           exec(f, QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"),
                {key, value, now});
}

} // namespace

class TestBadSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aBadRowShowsWhereItIsUsedAndTheRestWorks()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        const QString now = store::toStoredTime(f.clock().now());
        QVERIFY(
            exec(f,
                 QStringLiteral("INSERT INTO rule_sets (id, rule_set_key, name, effective_from, document, "
                                "source_name, created_at, updated_at, version) "
                                "VALUES ('bad-rule-set', 'hand-edited', 'Hand edited', '2024-01-01', ?, "
                                "'psql', ?, ?, 1)"),
                 {QStringLiteral("{\"format\": 1e400}"), now, now}));
        QVERIFY(
            writeSetting(f, QStringLiteral("follow_up_policy"), QStringLiteral("{\"dueSoonHours\": 1e400}")));
        QVERIFY(writeSetting(f, QStringLiteral("crisis_services"),
                             QString(50'000, u'[') + QString(50'000, u']')));

        // The program starts on that database.
        // Each screen logs what it could not read (a warning, as it should).
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("routing rules could not be loaded")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rule book cannot be read")));
        auto counselor = f.openWorkstation();
        QVERIFY(counselor && counselor->ok());
        counselor->typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = counselor->window().findChild<ui::CounselorHome*>(QStringLiteral("counselorHome"));
        QVERIFY(home);
        // The Problem tab names the row and what is wrong with it.
        QString problem;
        for (int i = 0; i < home->count(); ++i) {
            if (auto* label = qobject_cast<QLabel*>(home->widget(i))) {
                problem = label->text();
                home->setCurrentIndex(i);
            }
        }
        savePng(&counselor->window(), QStringLiteral("bad-rule-set-counselor"));
        QVERIFY2(problem.contains(QStringLiteral("rule_sets:hand-edited")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("out of range")), qPrintable(problem));
        QVERIFY(problem.size() < 400);
        // No new calls under rules that cannot be read; the queue still lists the calls.
        auto* newCall = home->findChild<QAction*>(QStringLiteral("actionNewCall"));
        QVERIFY(newCall);
        QVERIFY(!newCall->isEnabled());
        auto* queue = home->findChild<ui::CallListHome*>();
        QVERIFY(queue);
        QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM calls")) > 0);

        // The navigator's queue: the policy's error in the status line, the tasks listed.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rule book cannot be read")));
        auto navigator = f.openWorkstation();
        QVERIFY(navigator && navigator->ok());
        navigator->typeSignIn(QStringLiteral("navigator"), QStringLiteral("navigator-demo"));
        auto* tasks = qobject_cast<ui::FollowUpQueueWidget*>(navigator->window().home());
        QVERIFY(tasks);
        auto* status = tasks->findChild<QLabel*>(QStringLiteral("followUpStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("follow_up_policy")), qPrintable(status->text()));
        QTRY_VERIFY(tasks->model()->totalCount() > 0);
        savePng(&navigator->window(), QStringLiteral("bad-setting-follow-up-queue"));

        // Safety plans get the built-in crisis lines, and the problem is named.
        QString servicesProblem;
        const auto services =
            usecases::SafetyPlanUseCases({navigator->db(), f.clock(), *navigator->window().actor()})
                .crisisServices(QStringLiteral("es"), &servicesProblem);
        QVERIFY2(servicesProblem.contains(QStringLiteral("nested deeper")), qPrintable(servicesProblem));
        QCOMPARE(services.size(), std::size_t(2));
        QCOMPARE(services.front().phone, std::string("988"));
    }

    // Issue 19: an intake draft is JSON in the drafts table, read back at sign-in.
    // Rows damaged with plain SQL come back as an empty form whose status line
    // says the draft could not be read and where (never a word of it); the
    // good draft beside them comes back whole, and new calls still start.
    void aDamagedDraftRestoresAsAnErrorAndTheRestWorks()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        QSqlQuery who(f.db().connection());
        QVERIFY(who.exec(QStringLiteral("SELECT id FROM users WHERE login = 'counselor'")) && who.next());
        const QString counselorId = who.value(0).toString();
        who.finish();
        const QString now = store::toStoredTime(f.clock().now());
        const auto draft = [&](const QString& id, const QString& content) {
            return exec(f,
                        QStringLiteral("INSERT INTO drafts (id, user_id, form, content, saved_at) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                        {id, counselorId, QString(QStringLiteral("intake/") + id), content, now});
        };
        QVERIFY(draft(QStringLiteral("0190f3a2-0000-7000-8000-00000000000a"),
                      QStringLiteral("{\"formId\": \"0190f3a2-0000-7000-8000-00000000000a\", "
                                     "\"callerName\": \"Robin Quillfeather\", \"narrative\": 42}")));
        QVERIFY(draft(
            QStringLiteral("0190f3a2-0000-7000-8000-00000000000b"),
            QStringLiteral("{\"formId\": \"0190f3a2-0000-7000-8000-00000000000b\", \"narrative\": \"He sa")));
        QVERIFY(draft(QStringLiteral("0190f3a2-0000-7000-8000-00000000000c"),
                      QStringLiteral("{\"formId\": \"0190f3a2-0000-7000-8000-00000000000c\", "
                                     "\"callerName\": \"Wren Applewood\", \"narrative\": \"Calm now.\"}")));

        auto counselor = f.openWorkstation();
        QVERIFY(counselor && counselor->ok());
        counselor->typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = counselor->window().findChild<ui::CounselorHome*>(QStringLiteral("counselorHome"));
        QVERIFY(home);
        QMap<QString, ui::IntakeForm*> forms;
        for (int i = 0; i < home->count(); ++i) {
            if (auto* form = qobject_cast<ui::IntakeForm*>(home->widget(i)))
                forms.insert(form->draftKey().right(1), form);
        }
        QCOMPARE(forms.keys(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        const QString wrongType = forms.value(QStringLiteral("a"))->statusText();
        QVERIFY2(
            wrongType.startsWith(QStringLiteral("The draft saved for this call could not be read (narrative: "
                                                "expected text, got a whole number)")),
            qPrintable(wrongType));
        QVERIFY(!wrongType.contains(QStringLiteral("Robin")));
        QVERIFY(forms.value(QStringLiteral("a"))
                    ->findChild<QLineEdit*>(QStringLiteral("callerName"))
                    ->text()
                    .isEmpty());
        const QString cut = forms.value(QStringLiteral("b"))->statusText();
        QVERIFY2(cut.contains(QStringLiteral("could not be read (byte ")), qPrintable(cut));
        QVERIFY(!cut.contains(QStringLiteral("He sa")));
        ui::IntakeForm* good = forms.value(QStringLiteral("c"));
        QCOMPARE(good->statusText(),
                 QStringLiteral("Restored from the draft saved before the program stopped."));
        QCOMPARE(good->findChild<QLineEdit*>(QStringLiteral("callerName"))->text(),
                 QStringLiteral("Wren Applewood"));

        // The rest works: a new call starts, and typing into the damaged draft's form replaces it.
        auto* newCall = home->findChild<QAction*>(QStringLiteral("actionNewCall"));
        QVERIFY(newCall && newCall->isEnabled());
        newCall->trigger();
        QVERIFY(qobject_cast<ui::IntakeForm*>(home->currentWidget()));
        int formCount = 0;
        for (int i = 0; i < home->count(); ++i)
            formCount += qobject_cast<ui::IntakeForm*>(home->widget(i)) ? 1 : 0;
        QCOMPARE(formCount, 4);
        ui::IntakeForm* damaged = forms.value(QStringLiteral("a"));
        damaged->findChild<QLineEdit*>(QStringLiteral("callerName"))->setText(QStringLiteral("Robin Q."));
        damaged->flushDraft();
        QTRY_COMPARE(
            f.countRows(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form = "
                                       "'intake/0190f3a2-0000-7000-8000-00000000000a' AND content LIKE "
                                       "'%\"callerName\":\"Robin Q.\"%'")),
            1);
    }
};

HEART_TEST_MAIN(TestBadSettings)
#include "tst_bad_settings.moc"
