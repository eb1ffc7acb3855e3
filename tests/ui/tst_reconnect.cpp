// The server goes away mid-shift (PostgreSQL only): the counselor is typing
// in a call when the server drops the workstation's connection and refuses
// new ones for a while. The status bar says "Connection lost, reconnecting";
// the typed text stays in the form; when the server takes connections again
// the workstation reconnects by itself within seconds, the status says
// "Connected", and a change made at another workstation meanwhile reaches
// the call queue (the feed caught up from the journal).
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "home/CallListHome.h"
#include "intake/CounselorHome.h"
#include "intake/IntakeForm.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace heart;

namespace {

QtMessageHandler g_strict = nullptr;

// What the outage makes the store and Qt's PostgreSQL driver say: expected
// while the server is away; anything else still fails the test.
void outageMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const bool store = context.category && qstrcmp(context.category, "heartdesk.store") == 0;
    if (type == QtWarningMsg &&
        (store || message.startsWith(QLatin1String("QSocketNotifier: Invalid socket ")) ||
         message.startsWith(QLatin1String("Unable to free statement: "))))
        return;
    g_strict(type, context, message);
}

// The server's maintenance database, as the test's superuser.
QString runAsAdmin(const store::ConnectionSpec& spec, const QString& sql)
{
    const QString name = QStringLiteral("reconnect-admin");
    QString problem;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(spec.host);
        admin.setPort(spec.port);
        admin.setUserName(spec.user);
        admin.setPassword(qEnvironmentVariable("HEARTDESK_DB_PASSWORD"));
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open()) {
            problem = admin.lastError().text();
        } else {
            QSqlQuery query(admin);
            if (!query.exec(sql))
                problem = query.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

QString newCall(store::Database& db, const Clock& clock, const store::Actor& actor, const QString& cad)
{
    store::CallRecord call;
    call.cadNumber = cad;
    call.receivedAt = store::toDateTime(clock.now());
    call.callType = QStringLiteral("welfare-check");
    call.address = QStringLiteral("410 Foster St");
    auto saved = usecases::CallUseCases({db, clock, actor}).save(call);
    return saved.ok() ? saved.value().id : QString();
}

} // namespace

class TestReconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theWorkstationReconnectsByItselfAndKeepsWhatIsTyped()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        QCOMPARE(f.db().spec().engine, store::Engine::Postgres);
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        auto* home = qobject_cast<ui::CounselorHome*>(f.window().home());
        QVERIFY(home && f.window().actor());
        const store::Actor counselor = *f.window().actor();
        const QString callId = newCall(f.db(), f.clock(), counselor, QStringLiteral("HD-RECONNECT-1"));
        QVERIFY(!callId.isEmpty());
        ui::IntakeForm* form = home->openCall(callId);
        QVERIFY(form);
        auto* narrative = form->findChild<QPlainTextEdit*>(QStringLiteral("narrative"));
        QVERIFY(narrative);
        f.window().activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.window()));
        narrative->setFocus();
        QTest::keyClicks(narrative, QStringLiteral("Caller's brother is with him now."));
        auto* status = f.window().findChild<QLabel*>(QStringLiteral("statusConnection"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("Connected"));

        // The server ends this database's sessions and takes no new ones.
        g_strict = qInstallMessageHandler(outageMessages);
        const QString database = f.db().spec().database;
        QCOMPARE(runAsAdmin(f.db().spec(),
                            QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS false").arg(database)),
                 QString());
        QCOMPARE(runAsAdmin(f.db().spec(), QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                          "pg_stat_activity WHERE datname = '%1'")
                                               .arg(database)),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Connection lost, reconnecting")),
                                 10000);
        // Typing goes on meanwhile and nothing typed is lost.
        QTest::keyClicks(narrative, QStringLiteral(" Calmer."));
        QTest::qWait(1500); // a few reconnect attempts, refused
        QVERIFY(status->text().startsWith(QStringLiteral("Connection lost")));
        QCOMPARE(narrative->toPlainText(), QStringLiteral("Caller's brother is with him now. Calmer."));

        // The server is back: the workstation reconnects by itself.
        QCOMPARE(runAsAdmin(f.db().spec(),
                            QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS true").arg(database)),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Connected"), 5000);
        QCOMPARE(narrative->toPlainText(), QStringLiteral("Caller's brother is with him now. Calmer."));

        // And it follows the journal again: another console's call shows in the queue.
        auto other = f.openWorkstation();
        QVERIFY(other->ok());
        ui::CallListHome* queue = home->queue();
        home->setCurrentWidget(queue);
        QTRY_VERIFY_WITH_TIMEOUT(queue->table()
                                         ->model()
                                         ->match(queue->table()->model()->index(0, 2), Qt::DisplayRole,
                                                 QStringLiteral("HD-RECONNECT-1"), 1, Qt::MatchExactly)
                                         .size() == 1,
                                 2000);
        const int before = queue->rowCount();
        QVERIFY(!newCall(other->db(), f.clock(), counselor, QStringLiteral("HD-RECONNECT-2")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), before + 1, 2000);
        qInstallMessageHandler(g_strict);
    }
};

HEART_TEST_MAIN(TestReconnect)
#include "tst_reconnect.moc"
