// The CAD link over the network: HEART Desk's end (CadLinkServer) and a CAD
// (CadClient) on a real TLS connection with certificates on both sides. The
// official sample EIDO becomes a call in the queue with everything mapped; a
// CAD with a certificate of another authority never gets in; a bad EIDO is
// refused with its reason and written nowhere (and the log names no one); the
// same incident sent twice is one call; the counselor's decision and dispatch
// go back as EIDO updates that validate against NENA's official schema; while
// the CAD is away they wait in the database and arrive in order when it is
// back; a dropped connection is made again by the CAD with backoff.
#include "CadLinkFixture.h"
#include "common/StrictTestMain.h"
#include "common/TestDatabase.h"
#include "store/CallStore.h"
#include "store/UnitStore.h"
#include "usecases/CadMappingSource.h"
#include "usecases/CadUseCases.h"
#include "usecases/CallUseCases.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace heart;
using namespace heart::store;
using heart::test::TestDatabase;

namespace {

const QString kSample = QStringLiteral(HEARTDESK_SOURCE_DIR "/tests/data/eido/sample-call-transfer.json");
const QString kLegacy = QStringLiteral(HEARTDESK_SOURCE_DIR "/tests/data/eido/legacy-sample-2020.json");
const QString kValidator = QStringLiteral(HEARTDESK_SOURCE_DIR "/tests/cad/validate_eido.py");

QStringList g_log;
QtMessageHandler g_previous = nullptr;
void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_log.append(message);
    if (g_previous)
        g_previous(type, context, message);
}

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString messageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestCadLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_certs.isValid());
        const QString problem = test::makeCadCertificates(m_certs.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(QFile::exists(kSample), "tests/data/eido holds the official sample");
    }

    void init()
    {
        HEARTDESK_FRESH_DATABASE(m_f);
        m_link.emplace(m_f->newActor(QStringLiteral("cad-link"), {Role::CallCounselor}));
        m_counselor.emplace(m_f->actorFor(Role::CallCounselor));
        startServer();
        g_log.clear();
        g_previous = qInstallMessageHandler(collect);
    }

    void cleanup()
    {
        qInstallMessageHandler(g_previous);
        m_client.reset();
        m_server.reset();
        m_f.reset();
    }

    void officialSampleOverTlsBecomesACallWithEverythingMapped()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        m_client->notify(messageId(), readText(kSample));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 10000);
        QCOMPARE(answered.first().at(1).toInt(), 200);
        QCOMPARE(answered.first().at(2).toString(), QStringLiteral("created"));
        auto queue = usecases::CallUseCases(context(*m_counselor)).queue();
        QVERIFY(queue.ok());
        QCOMPARE(queue.value().size(), 1);
        QCOMPARE(queue.value().first().cadState, QStringLiteral("new"));
        QCOMPARE(queue.value().first().cadNumber, QStringLiteral("a56e556d871"));
        auto call = usecases::CallUseCases(context(*m_counselor)).open(queue.value().first().id);
        QVERIFY(call.ok());
        QCOMPARE(call.value().address, QStringLiteral("42 W Cellular Street, Wilmington, DE"));
        QCOMPARE(call.value().callerPhone, QStringLiteral("+18195551212"));
        QCOMPARE(call.value().receivedAt, QDateTime(QDate(2021, 4, 30), QTime(18, 40), QTimeZone::utc()));
        QVERIFY(call.value().narrative.contains(QStringLiteral("This is an example text.")));
        QVERIFY(call.value().callType.isEmpty()); // a call transfer names no nature: the counselor picks
    }

    void aCadWithAStrangersCertificateNeverGetsIn()
    {
        auto tls = test::cadTls(m_certs.path(), QStringLiteral("stranger"));
        QVERIFY(tls);
        m_client = std::make_unique<cadlink::CadClient>(url(), *tls);
        QSignalSpy failed(m_client.get(), &cadlink::CadClient::connectionFailed);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("refused a connection that failed TLS")));
        m_client->start();
        m_client->notify(messageId(), readText(kSample));
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 10000); // refused, and refused again after the backoff
        QVERIFY(!m_client->isConnected());
        QCOMPARE(m_server->stats().received, 0);
        QVERIFY(m_server->stats().tlsRefused >= 2);
        QCOMPARE(usecases::CallUseCases(context(*m_counselor)).queue().value().size(), 0);
    }

    void aBadEidoIsRefusedWithItsReasonAndWrittenNowhere()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        const int auditBefore =
            m_f->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log")).rows.first().first().toInt();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused an EIDO")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused an EIDO")));
        m_client->notify(messageId(), readText(kLegacy));
        QString broken = readText(kSample);
        broken.replace(QStringLiteral("\"eidoVersion\": \"1.0\""), QStringLiteral("\"eidoVersion\": 1"));
        m_client->notify(messageId(), broken);
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, 10000);
        for (const QList<QVariant>& answer : answered) {
            QCOMPARE(answer.at(1).toInt(), 400);
            const QJsonObject reason = answer.at(3).toJsonObject();
            QVERIFY(!reason.value(QStringLiteral("code")).toString().isEmpty());
            QVERIFY(!reason.value(QStringLiteral("message")).toString().isEmpty());
        }
        QCOMPARE(answered.at(0).at(3).toJsonObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("missing-member"));
        QCOMPARE(answered.at(1).at(3).toJsonObject().value(QStringLiteral("location")).toString(),
                 QStringLiteral("eidoVersion"));
        QCOMPARE(m_f->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.first().first().toInt(), 0);
        QCOMPARE(m_f->sql(QStringLiteral("SELECT COUNT(*) FROM audit_log")).rows.first().first().toInt(),
                 auditBefore);
        QCOMPARE(m_server->stats().refused, 2);
        // The log says what was refused, never what the EIDO said.
        const QString log = g_log.join(QLatin1Char('\n'));
        QVERIFY(log.contains(QStringLiteral("refused an EIDO")));
        for (const char* secret : {"Cellular", "Wilmington", "8195551212", "example text", "Tschofenig"})
            QVERIFY2(!log.contains(QLatin1String(secret)), secret);
    }

    void theSameIncidentTwiceIsOneCall()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        const QString sample = readText(kSample);
        m_client->notify(messageId(), sample);
        m_client->notify(messageId(), sample);
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, 10000);
        QCOMPARE(answered.at(0).at(2).toString(), QStringLiteral("created"));
        QCOMPARE(answered.at(1).at(2).toString(), QStringLiteral("duplicate"));
        QCOMPARE(m_f->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.first().first().toInt(), 1);
    }

    void decisionAndDispatchGoBackAsUpdatesThatValidate()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        QSignalSpy updates(m_client.get(), &cadlink::CadClient::updateReceived);
        m_client->notify(messageId(), readText(kSample));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 10000);
        const QString callId = onlyCallId();
        decideAndDispatch(callId);
        QTRY_COMPARE_WITH_TIMEOUT(updates.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(usecases::CadUseCases(context(*m_link)).pendingOutboundCount().value(), 0,
                                  10000);
        QStringList files;
        for (int i = 0; i < updates.size(); ++i) {
            const QString eido = updates.at(i).at(1).toString();
            const QJsonObject object = QJsonDocument::fromJson(eido.toUtf8()).object();
            QCOMPARE(object.value(QStringLiteral("$id")).toString(),
                     QStringLiteral("urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us"));
            const QString path = m_certs.filePath(QStringLiteral("update-%1.json").arg(i));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(eido.toUtf8());
            files.append(path);
        }
        QVERIFY(updates.at(1).at(1).toString().contains(QStringLiteral("CRT-1")));
        // The dispatch's note says what HEART Desk did, in codes.
        QVERIFY(updates.at(1).at(1).toString().contains(
            QStringLiteral("HEART Desk: program crt, disposition crt_dispatch, unit CRT-1 dispatched")));
        validate(files);
    }

    void updatesWaitWhileTheCadIsAwayAndArriveInOrder()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        m_client->notify(messageId(), readText(kSample));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 10000);
        const QString callId = onlyCallId();
        m_client.reset(); // the CAD goes away
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->cadConnected(), 10000);
        decideAndDispatch(callId);
        closeCall(callId);
        m_server->pumpOutbound();
        usecases::CadUseCases link(context(*m_link));
        QCOMPARE(link.pendingOutboundCount().value(), 3);
        // The link itself restarts meanwhile: the updates are in the database, not in memory.
        m_server.reset();
        startServer();
        auto tls = test::cadTls(m_certs.path(), QStringLiteral("cad"));
        QVERIFY(tls);
        m_client = std::make_unique<cadlink::CadClient>(url(), *tls);
        QSignalSpy updates(m_client.get(), &cadlink::CadClient::updateReceived);
        m_client->start();
        QTRY_COMPARE_WITH_TIMEOUT(updates.size(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(link.pendingOutboundCount().value(), 0, 10000);
        // In the order they happened: decided, dispatched, closed.
        QVERIFY(!updates.at(0).at(1).toString().contains(QStringLiteral("CRT-1")));
        QVERIFY(updates.at(1).at(1).toString().contains(QStringLiteral("CRT-1")));
        QVERIFY(updates.at(2).at(1).toString().contains(QStringLiteral("closed"), Qt::CaseInsensitive));
    }

    void aDroppedConnectionIsMadeAgainAndNothingIsLost()
    {
        connectCad();
        QSignalSpy answered(m_client.get(), &cadlink::CadClient::answered);
        m_server.reset(); // the link goes down with the EIDO unsent
        m_client->notify(messageId(), readText(kSample));
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->isConnected(), 10000);
        QCOMPARE(m_client->unanswered(), 1);
        startServer(m_port);
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 15000);
        QCOMPARE(answered.first().at(1).toInt(), 200);
        QVERIFY(m_client->stats().connects >= 2);
        QCOMPARE(m_f->sql(QStringLiteral("SELECT COUNT(*) FROM calls")).rows.first().first().toInt(), 1);
    }

private:
    usecases::Context context(const Actor& actor) { return {m_f->db(), m_f->clock(), actor}; }

    QUrl url() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_port)); }

    void startServer(quint16 port = 0)
    {
        auto tls = test::cadTls(m_certs.path(), QStringLiteral("heartdesk"));
        QVERIFY(tls);
        QString error;
        auto mapping = usecases::cadMapping(context(*m_link), {}, &error);
        QVERIFY2(mapping, qPrintable(error));
        cadlink::CadLinkOptions options;
        options.port = port;
        options.tls = *tls;
        options.heartbeatMs = 3000; // the test thread blocks while it hashes passwords
        options.outboundRetryMs = 300;
        m_server = std::make_unique<cadlink::CadLinkServer>(context(*m_link), *mapping, options);
        QVERIFY2(m_server->listen(&error), qPrintable(error));
        m_port = m_server->port();
    }

    void connectCad()
    {
        auto tls = test::cadTls(m_certs.path(), QStringLiteral("cad"));
        QVERIFY(tls);
        m_client = std::make_unique<cadlink::CadClient>(url(), *tls);
        m_client->setHeartbeatMs(3000);
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_client->isConnected(), 10000);
    }

    QString onlyCallId()
    {
        auto queue = usecases::CallUseCases(context(*m_counselor)).queue();
        return queue.ok() && queue.value().size() == 1 ? queue.value().first().id : QString();
    }

    void decideAndDispatch(const QString& callId)
    {
        QVERIFY(usecases::CadUseCases(context(*m_counselor)).take(callId).ok());
        usecases::CallUseCases calls(context(*m_counselor));
        CallRecord call = calls.open(callId).value();
        call.callType = QStringLiteral("mental-health-crisis");
        call.program = QStringLiteral("crt");
        call.disposition = QStringLiteral("crt_dispatch");
        auto saved = calls.save(call);
        QVERIFY2(saved.ok(), qPrintable(saved.error().detail));
        m_server ? m_server->pumpOutbound() : void();
        UnitStore units(m_f->db(), m_f->clock());
        auto unit = units.createUnit(m_f->actorFor(Role::Supervisor), QStringLiteral("CRT-1"),
                                     units::UnitKind::CommunityResponse);
        QVERIFY(unit.ok());
        auto available = units.changeStatus(m_f->actorFor(Role::CrtTeamLead), unit.value().id,
                                            unit.value().version, units::UnitStatus::Available);
        QVERIFY(available.ok());
        auto dispatched = calls.dispatch(callId, saved.value().version, unit.value().id,
                                         available.value().version, QStringLiteral("CRT-1"));
        QVERIFY2(dispatched.ok(), qPrintable(dispatched.error().detail));
        m_server ? m_server->pumpOutbound() : void();
    }

    void closeCall(const QString& callId)
    {
        usecases::CallUseCases calls(context(*m_counselor));
        auto call = calls.open(callId);
        QVERIFY(call.ok());
        auto closed = calls.close(callId, call.value().version);
        QVERIFY2(closed.ok(), qPrintable(closed.error().detail));
    }

    void validate(const QStringList& files)
    {
        QVERIFY2(QFile::exists(kValidator), "tests/cad/validate_eido.py");
        QProcess python;
        python.start(QStringLiteral("python3"), QStringList{kValidator} + files);
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, qPrintable(QString::fromUtf8(python.readAllStandardOutput() +
                                                                      python.readAllStandardError())));
    }

    QTemporaryDir m_certs;
    std::unique_ptr<TestDatabase> m_f;
    std::optional<Actor> m_link;
    std::optional<Actor> m_counselor;
    std::unique_ptr<cadlink::CadLinkServer> m_server;
    std::unique_ptr<cadlink::CadClient> m_client;
    quint16 m_port = 0;
};

HEART_TEST_GUILESS_MAIN(TestCadLink)
#include "tst_cad_link.moc"
