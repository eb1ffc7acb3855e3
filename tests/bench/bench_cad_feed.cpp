// The CAD feed under load: a CAD sends N incidents a second for S seconds
// (default 50/s for 20 s; `bench_cad_feed 300` for the 5 minutes of the
// issue) over TLS to HEART Desk's link, which runs in its own thread on its
// own connection, as the link service would; a counselor's workstation on a
// third connection follows the change feed and reads its queue the way the
// screen does, and closes each call once seen (a center does not keep
// thousands of calls open). Prints how many were sent, stored, lost and
// doubled, and the time from the CAD's send to the call's first appearance in
// the workstation's queue (p50, p99, max) - against the same measure for a
// call typed in at another workstation, measured in the same run (the
// reference). Never asserts a time.
#include "../cadlink/CadLinkFixture.h"
#include "cadlink/CadSimulator.h"
#include "common/TestDatabase.h"
#include "store/CallStore.h"
#include "store/ChangeFeed.h"
#include "store/IntakeStore.h"
#include "store/StoreTime.h"
#include "usecases/CadMappingSource.h"
#include "usecases/CadUseCases.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>

using namespace heart;

namespace {

QMutex g_mutex;
QHash<QString, qint64> g_sentAt; // CAD number -> ms since epoch
QStringList g_toClose;           // calls seen, for another counselor to close

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

// The workstation: its own connection, the feed, the queue as the screen reads it.
class Workstation : public QObject
{
public:
    Workstation(store::Database& db, const store::Actor& counselor, QString prefix)
        : m_db(db), m_counselor(counselor), m_prefix(std::move(prefix))
    {
        store::ChangeFeed::setIntervals(std::chrono::milliseconds(100), std::chrono::milliseconds(2000));
        connect(&store::ChangeFeed::of(m_db), &store::ChangeFeed::changes, this, &Workstation::look);
    }

    std::vector<double> latencies;
    QSet<QString> seen;

    void look()
    {
        store::CallStore calls(m_db, SystemClock::instance());
        auto queue = calls.activeCalls(m_counselor);
        if (!queue.ok())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const store::CallSummary& call : queue.value()) {
            if (!call.cadNumber.startsWith(m_prefix) || seen.contains(call.cadNumber))
                continue;
            seen.insert(call.cadNumber);
            qint64 sent = 0;
            {
                QMutexLocker lock(&g_mutex);
                sent = g_sentAt.value(call.cadNumber, 0);
            }
            if (sent > 0)
                latencies.push_back(double(now - sent));
            QMutexLocker lock(&g_mutex);
            g_toClose.append(call.id);
        }
    }

private:
    store::Database& m_db;
    store::Actor m_counselor;
    QString m_prefix;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const double rate = argc > 2 ? std::max(1.0, atof(argv[2])) : 50.0;
    if (qEnvironmentVariableIsEmpty("HEARTDESK_TEST_ENGINE"))
        qputenv("HEARTDESK_TEST_ENGINE", "sqlite");
    QLoggingCategory::setFilterRules(QStringLiteral("heartdesk.*.info=false"));

    test::TestDatabase fixture;
    if (const QString problem = fixture.setUp(); !problem.isEmpty()) {
        std::printf("bench_cad_feed: %s\n", qPrintable(problem));
        return 1;
    }
    QTemporaryDir certs;
    if (const QString problem = test::makeCadCertificates(certs.path()); !problem.isEmpty()) {
        std::printf("bench_cad_feed: %s\n", qPrintable(problem));
        return 1;
    }
    const store::Actor linkActor = fixture.newActor(QStringLiteral("cad-link"), {Role::CallCounselor});
    const store::Actor counselor = fixture.actorFor(Role::CallCounselor);
    std::unique_ptr<store::Database> workstationDb = fixture.openSecond();

    // Reference: a call typed in at another workstation, until it shows in this queue.
    double refP50 = 0, refP99 = 0;
    {
        std::unique_ptr<store::Database> other = fixture.openSecond();
        store::IntakeStore intake(*other, SystemClock::instance());
        Workstation reference(*workstationDb, counselor, QStringLiteral("R-"));
        for (int i = 0; i < 40; ++i) {
            store::CallRecord call;
            call.cadNumber = QStringLiteral("R-%1").arg(i);
            call.receivedAt = QDateTime::currentDateTimeUtc();
            {
                QMutexLocker lock(&g_mutex);
                g_sentAt.insert(call.cadNumber, QDateTime::currentMSecsSinceEpoch());
            }
            if (!intake.create(counselor, call).ok())
                std::printf("bench_cad_feed: the reference call could not be saved\n");
            QElapsedTimer wait;
            wait.start();
            while (!reference.seen.contains(call.cadNumber) && wait.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        refP50 = percentile(reference.latencies, 0.5);
        refP99 = percentile(reference.latencies, 0.99);
    }
    Workstation workstation(*workstationDb, counselor, QStringLiteral("B-"));

    // The link, in its own thread with its own connection.
    QThread linkThread;
    linkThread.start();
    QObject linkHome;
    linkHome.moveToThread(&linkThread);
    std::unique_ptr<store::Database> linkDb;
    cadlink::CadLinkServer* server = nullptr;
    quint16 port = 0;
    QString error;
    QMetaObject::invokeMethod(
        &linkHome,
        [&] {
            linkDb = fixture.openSecond();
            usecases::Context context{*linkDb, SystemClock::instance(), linkActor};
            auto mapping = usecases::cadMapping(context, {}, &error);
            auto tls = test::cadTls(certs.path(), QStringLiteral("heartdesk"));
            if (!mapping || !tls) {
                error = QStringLiteral("no mapping or certificate: ") + error;
                return;
            }
            cadlink::CadLinkOptions options;
            options.tls = *tls;
            server = new cadlink::CadLinkServer(context, *mapping, options);
            if (server->listen(&error))
                port = server->port();
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        std::printf("bench_cad_feed: the link did not start: %s\n", qPrintable(error));
        return 1;
    }

    // Another counselor closes each call once seen, on a connection and thread of their own.
    QThread closerThread;
    closerThread.start();
    QObject closerHome;
    closerHome.moveToThread(&closerThread);
    std::unique_ptr<store::Database> closerDb;
    QTimer* closer = nullptr;
    std::atomic<qint64> closeFailures{0};
    QMetaObject::invokeMethod(
        &closerHome,
        [&] {
            closerDb = fixture.openSecond();
            closer = new QTimer;
            closer->setInterval(100);
            QObject::connect(closer, &QTimer::timeout, closer, [&] {
                QStringList ids;
                {
                    QMutexLocker lock(&g_mutex);
                    ids.swap(g_toClose);
                }
                store::IntakeStore intake(*closerDb, SystemClock::instance());
                for (const QString& id : ids) {
                    auto open = intake.open(counselor, id);
                    if (!open.ok() || !intake.close(counselor, id, open.value().version).ok())
                        ++closeFailures;
                }
            });
            closer->start();
        },
        Qt::BlockingQueuedConnection);

    // The CAD, in its own thread: `rate` incidents a second.
    QThread cadThread;
    cadThread.start();
    QObject cadHome;
    cadHome.moveToThread(&cadThread);
    cadlink::CadClient* client = nullptr;
    QTimer* pacer = nullptr;
    std::atomic<int> sent{0};
    const int total = int(seconds * rate);
    QElapsedTimer sending;
    QMetaObject::invokeMethod(
        &cadHome,
        [&] {
            auto tls = test::cadTls(certs.path(), QStringLiteral("cad"));
            client = new cadlink::CadClient(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(port)), *tls);
            client->start();
            pacer = new QTimer;
            pacer->setInterval(2);
            sending.start();
            QObject::connect(pacer, &QTimer::timeout, pacer, [&] {
                const int due = std::min(total, int(double(sending.elapsed()) * rate / 1000.0) + 1);
                while (sent < due) {
                    const int n = sent;
                    cadlink::SimCall call;
                    call.id = QStringLiteral("B-%1").arg(n, 6, 10, QLatin1Char('0'));
                    call.nature = n % 3 == 0 ? QStringLiteral("MENT") : QStringLiteral("WELF");
                    call.latitude = 35.99 + double(n % 50) * 0.0005;
                    call.longitude = -78.90 + double(n % 40) * 0.0005;
                    call.address = QStringLiteral("%1 Main St, Durham, NC").arg(100 + n % 900);
                    call.callerName = QStringLiteral("Caller %1").arg(n);
                    call.callerPhone = QStringLiteral("9195550%1").arg(100 + n % 900);
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    {
                        QMutexLocker lock(&g_mutex);
                        g_sentAt.insert(call.id, now.toMSecsSinceEpoch());
                    }
                    client->notify(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                   cadlink::incidentEido(call, now, now));
                    ++sent;
                }
                if (sent >= total)
                    pacer->stop();
            });
            pacer->start();
        },
        Qt::BlockingQueuedConnection);

    // The workstation watches until every incident is seen, or 30 s after the last was sent.
    QElapsedTimer after;
    bool allSent = false;
    while (true) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!allSent && sent >= total) {
            allSent = true;
            after.start();
        }
        if (allSent && (int(workstation.seen.size()) >= total || after.elapsed() > 30000))
            break;
    }
    const double elapsed = double(sending.elapsed()) / 1000.0;
    cadlink::CadLinkStats stats;
    cadlink::CadClientStats cadStats;
    QMetaObject::invokeMethod(
        &linkHome,
        [&] {
            stats = server->stats();
            delete server;
            linkDb.reset();
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        &cadHome,
        [&] {
            cadStats = client->stats();
            delete pacer;
            delete client;
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        &closerHome,
        [&] {
            delete closer;
            closerDb.reset();
        },
        Qt::BlockingQueuedConnection);
    linkThread.quit();
    cadThread.quit();
    closerThread.quit();
    linkThread.wait();
    cadThread.wait();
    closerThread.wait();

    const auto counts = fixture.sql(
        QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT cad_number) FROM calls WHERE cad_number LIKE 'B-%'"));
    const int stored = counts.ok ? counts.rows.first().at(0).toInt() : -1;
    const int distinct = counts.ok ? counts.rows.first().at(1).toInt() : -1;
    const double p50 = percentile(workstation.latencies, 0.5);
    const double p99 = percentile(workstation.latencies, 0.99);
    const double worst = percentile(workstation.latencies, 1.0);
    std::printf("CAD feed on %s: %d incidents sent at %.0f/s over %.1f s (%lld frames, %lld connections)\n",
                qPrintable(test::TestDatabase::engineName()), int(sent), rate, elapsed,
                static_cast<long long>(cadStats.frames), static_cast<long long>(cadStats.connects));
    std::printf("  stored %d calls: lost %d, doubled %d; link: new %lld, duplicates %lld, refused %lld, "
                "failed %lld; the workstation saw %d and could not close %lld\n",
                stored, int(sent) - distinct, stored - distinct, static_cast<long long>(stats.created),
                static_cast<long long>(stats.duplicates), static_cast<long long>(stats.refused),
                static_cast<long long>(stats.failed), int(workstation.seen.size()),
                static_cast<long long>(closeFailures.load()));
    std::printf("  send -> visible in the queue: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", p50, p99, worst);
    std::printf("  reference (a call typed in at another workstation): p50 %.0f ms, p99 %.0f ms\n", refP50,
                refP99);
    std::printf("  ratio p50 %.2fx, p99 %.2fx\n", refP50 > 0 ? p50 / refP50 : 0.0,
                refP99 > 0 ? p99 / refP99 : 0.0);
    return 0;
}
