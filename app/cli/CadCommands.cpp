// heartdesk-cli cad-link and cad-sim: HEART Desk's end of the link with the
// 911 center's CAD (a service the center runs next to its database), and a
// CAD simulator that plays a call history to it (tests, demo, benchmark).
#include "AccountInput.h"
#include "Commands.h"
#include "Secrets.h"
#include "cadlink/CadClient.h"
#include "cadlink/CadLinkServer.h"
#include "cadlink/CadSimulator.h"
#include "cadlink/CadTls.h"
#include "store/Database.h"
#include "usecases/AccountUseCases.h"
#include "usecases/CadMappingSource.h"
#include "usecases/CallUseCases.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QUuid>
#include <atomic>
#include <csignal>

namespace heart::cli {
namespace {

const QString kListen = QStringLiteral("listen");
const QString kUser = QStringLiteral("user");
const QString kCert = QStringLiteral("cert");
const QString kKey = QStringLiteral("key");
const QString kCa = QStringLiteral("ca");
const QString kAgency = QStringLiteral("agency");
const QString kNatureCodes = QStringLiteral("nature-codes");
const QString kCalls = QStringLiteral("calls");
const QString kRate = QStringLiteral("rate");
const QString kTo = QStringLiteral("to");
const QString kEido = QStringLiteral("eido");
const QString kUpdatesDir = QStringLiteral("updates-dir");
const QString kLinger = QStringLiteral("linger");
const QString kRepeat = QStringLiteral("repeat");

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

// Quits the event loop on SIGINT or SIGTERM (checked a few times a second).
void quitOnSignals(QObject* parent)
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto* poll = new QTimer(parent);
    QObject::connect(poll, &QTimer::timeout, QCoreApplication::instance(), [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    poll->start(200);
}

void addTlsOptions(CommandLine& commandLine)
{
    commandLine.addOption({kCert, QStringLiteral("This side's certificate (PEM)."), QStringLiteral("file")});
    commandLine.addOption(
        {kKey, QStringLiteral("Its private key (PEM, unencrypted)."), QStringLiteral("file")});
    commandLine.addOption({kCa, QStringLiteral("The CA the other side's certificate must chain to (PEM)."),
                           QStringLiteral("file")});
}

std::optional<QSslConfiguration> tlsFrom(const CommandLine& commandLine, int* exitCode)
{
    QString error;
    auto tls =
        cadlink::loadTls({commandLine.value(kCert), commandLine.value(kKey), commandLine.value(kCa)}, &error);
    if (!tls) {
        printError(error);
        *exitCode = ExitUsage;
    }
    return tls;
}

} // namespace

int runCadLink(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--listen HOST:PORT --user LOGIN --cert FILE --key FILE --ca FILE [--agency ID] "
                       "[--nature-codes FILE.csv] [--database LOCATION]"),
        QStringLiteral(
            "Runs HEART Desk's end of the link with the 911 center's CAD until stopped (SIGINT or SIGTERM): "
            "a WebSocket server over TLS that the CAD connects to with its own certificate. Each EIDO the "
            "CAD "
            "sends becomes a call in every counselor's queue (or updates its call); each decision, dispatch, "
            "unit status and close of a CAD call goes back to the CAD as an EIDO update, kept in the "
            "database "
            "while the CAD is unreachable. The link signs in as LOGIN, an account with the crisis call "
            "counselor role (password from HEARTDESK_CAD_PASSWORD, else asked). The CAD's nature codes are "
            "mapped to call types by --nature-codes, else by the table stored in the database, else by the "
            "shipped table. See docs/cad-eido.md."));
    commandLine.addOption(
        {kListen, QStringLiteral("Address and port to listen on."), QStringLiteral("host:port")});
    commandLine.addOption({kUser, QStringLiteral("The link's account."), QStringLiteral("login")});
    addTlsOptions(commandLine);
    commandLine.addOption(
        {kAgency, QStringLiteral("HEART Desk's agency identifier in the updates."), QStringLiteral("id")});
    commandLine.addOption({kNatureCodes,
                           QStringLiteral("The center's nature-code table (CSV: code,call_type)."),
                           QStringLiteral("file")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kListen, kUser, kCert, kKey, kCa}))
        return *stop;
    const QString listen = commandLine.value(kListen);
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(listen.left(colon));
    if (!portOk || port == 0 || port > 65535 || address.isNull())
        return commandLine.usageError(
            QStringLiteral("--listen must be an IP address and a port, e.g. 127.0.0.1:7443"));
    int exitCode = ExitOk;
    auto tls = tlsFrom(commandLine, &exitCode);
    if (!tls)
        return exitCode;

    store::Database db;
    if (const int code = openDatabase(commandLine, db, IfMissing::Refuse))
        return code;
    const QString login = commandLine.value(kUser);
    std::optional<SignedInSession> session;
    if (const auto code = signInInRole(
            db, login, "HEARTDESK_CAD_PASSWORD", Role::CallCounselor,
            QStringLiteral("%1 has no crisis call counselor role, which the CAD link acts in").arg(login),
            session))
        return *code;
    usecases::Context context{db, SystemClock::instance(), session->actor()};
    QString mappingError;
    auto mapping = usecases::cadMapping(context, commandLine.value(kNatureCodes), &mappingError);
    if (!mapping) {
        printError(mappingError);
        return ExitFailed;
    }
    cadlink::CadLinkOptions options;
    options.address = address;
    options.port = quint16(port);
    options.tls = *tls;
    if (commandLine.isSet(kAgency)) {
        options.identity.agency = commandLine.value(kAgency);
        options.identity.issuingElement = commandLine.value(kAgency);
    }
    cadlink::CadLinkServer server(context, *mapping, options);
    QString error;
    if (!server.listen(&error)) {
        printError(error);
        return ExitFailed;
    }
    printLine(QStringLiteral("CAD link listening on wss://%1:%2 for %3")
                  .arg(address.toString())
                  .arg(server.port())
                  .arg(describeLocation(db.spec())));
    quitOnSignals(&server);
    QCoreApplication::exec();
    const cadlink::CadLinkStats& stats = server.stats();
    printLine(
        QStringLiteral("received %1 (new calls %2, updated %3, held for the counselor %4, duplicates %5, "
                       "stale %6, refused %7); updates sent %8, delivered %9")
            .arg(stats.received)
            .arg(stats.created)
            .arg(stats.updated)
            .arg(stats.held)
            .arg(stats.duplicates)
            .arg(stats.stale)
            .arg(stats.refused)
            .arg(stats.updatesSent)
            .arg(stats.updatesDelivered));
    return ExitOk;
}

int runCadSim(const Invocation& invocation)
{
    CommandLine commandLine(
        invocation,
        QStringLiteral("--to wss://HOST:PORT --cert FILE --key FILE --ca FILE [--calls FILE.csv --rate N] "
                       "[--repeat K] [--eido FILE]... [--updates-dir DIR] [--linger SECONDS]"),
        QStringLiteral(
            "A CAD simulator: connects to HEART Desk's CAD link (heartdesk-cli cad-link) and plays a call "
            "history as EIDO incidents, N per second (a later row with the same id updates its incident), "
            "sends EIDO files as they are, and answers HEART Desk's updates (kept in --updates-dir as "
            "files). "
            "Reconnects with backoff and sends again what was not answered. Stops when everything was "
            "answered and --linger seconds passed (default 2; -1: until stopped). Exit status 0 when no EIDO "
            "was refused. Columns of the call history: id, nature, nature_text, lat, lon, address, caller, "
            "phone, relationship, person, age, language, cautions (;-separated), notes."));
    commandLine.addOption({kTo, QStringLiteral("HEART Desk's CAD link."), QStringLiteral("url")});
    addTlsOptions(commandLine);
    commandLine.addOption({kCalls, QStringLiteral("The call history (CSV)."), QStringLiteral("file")});
    commandLine.addOption({kRate, QStringLiteral("Incidents per second (default 1)."), QStringLiteral("n")});
    commandLine.addOption(
        {kRepeat, QStringLiteral("Play the history this many times."), QStringLiteral("k")});
    commandLine.addOption(
        {kEido, QStringLiteral("An EIDO file to send as it is (repeatable)."), QStringLiteral("file")});
    commandLine.addOption(
        {kUpdatesDir, QStringLiteral("Keep every update received here."), QStringLiteral("folder")});
    commandLine.addOption(
        {kLinger, QStringLiteral("Seconds to wait for updates at the end."), QStringLiteral("s")});
    if (auto stop = commandLine.parse())
        return *stop;
    if (auto stop = commandLine.requireOptions({kTo, kCert, kKey, kCa}))
        return *stop;
    const QUrl url(commandLine.value(kTo));
    if (url.scheme() != QLatin1String("wss") || url.host().isEmpty() || url.port() <= 0)
        return commandLine.usageError(QStringLiteral("--to must be wss://HOST:PORT (TLS only)"));
    if (!commandLine.isSet(kCalls) && !commandLine.isSet(kEido))
        return commandLine.usageError(QStringLiteral("give --calls or --eido"));
    int exitCode = ExitOk;
    auto tls = tlsFrom(commandLine, &exitCode);
    if (!tls)
        return exitCode;
    QList<cadlink::SimCall> calls;
    if (commandLine.isSet(kCalls)) {
        QString error;
        auto read = cadlink::readSimCalls(commandLine.value(kCalls), &error);
        if (!read) {
            printError(error);
            return ExitFailed;
        }
        calls = *read;
    }
    QStringList files;
    for (const QString& path : commandLine.values(kEido)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
            return ExitFailed;
        }
        files.append(QString::fromUtf8(file.readAll()));
    }
    bool rateOk = true;
    const double rate = commandLine.isSet(kRate) ? commandLine.value(kRate).toDouble(&rateOk) : 1.0;
    if (!rateOk || rate <= 0 || rate > 10000)
        return commandLine.usageError(QStringLiteral("--rate must be a number of incidents per second"));
    const int repeat = commandLine.isSet(kRepeat) ? commandLine.value(kRepeat).toInt() : 1;
    const double linger = commandLine.isSet(kLinger) ? commandLine.value(kLinger).toDouble() : 2.0;
    if (commandLine.isSet(kUpdatesDir) && !QDir().mkpath(commandLine.value(kUpdatesDir))) {
        printError(QStringLiteral("cannot make the folder %1").arg(commandLine.value(kUpdatesDir)));
        return ExitFailed;
    }

    cadlink::CadClient client(url, *tls);
    cadlink::CadSimulator simulator(client);
    if (commandLine.isSet(kUpdatesDir))
        simulator.keepUpdatesIn(QDir(commandLine.value(kUpdatesDir)));
    QObject::connect(&client, &cadlink::CadClient::connectionFailed, &client, [](const QString& reason) {
        printError(QStringLiteral("connection: %1 (trying again)").arg(reason));
    });
    QObject::connect(&client, &cadlink::CadClient::answered, &client,
                     [](const QString& id, int status, const QString&, const QJsonObject& reason) {
                         if (status != 200)
                             printError(QStringLiteral("HEART Desk refused %1: %2 at %3: %4")
                                            .arg(id, reason.value(QStringLiteral("code")).toString(),
                                                 reason.value(QStringLiteral("location")).toString(),
                                                 reason.value(QStringLiteral("message")).toString()));
                     });
    client.start();
    for (const QString& eido : files)
        simulator.sendFile(QUuid::createUuid().toString(QUuid::WithoutBraces), eido);
    if (!calls.isEmpty())
        simulator.play(calls, rate, std::max(1, repeat));
    QTimer done;
    QElapsedTimer quiet;
    quiet.start();
    QObject::connect(&client, &cadlink::CadClient::updateReceived, &client, [&quiet] { quiet.restart(); });
    QObject::connect(&done, &QTimer::timeout, &client, [&] {
        if (!simulator.finishedPlaying() || client.unanswered() > 0) {
            quiet.restart();
            return;
        }
        if (linger >= 0 && quiet.elapsed() >= qint64(linger * 1000))
            QCoreApplication::quit();
    });
    done.start(100);
    quitOnSignals(&client);
    QCoreApplication::exec();
    const cadlink::CadClientStats& stats = client.stats();
    printLine(QStringLiteral("sent %1 EIDOs (%2 frames, %3 connections): applied %4, refused %5; "
                             "updates received %6 (%7 copies again)")
                  .arg(stats.notified)
                  .arg(stats.frames)
                  .arg(stats.connects)
                  .arg(stats.applied)
                  .arg(stats.refused)
                  .arg(stats.updates)
                  .arg(stats.updateCopies));
    return stats.refused == 0 && client.unanswered() == 0 ? ExitOk : ExitFailed;
}

} // namespace heart::cli
