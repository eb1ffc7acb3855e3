#include "report/ReportReader.h"

#include "shell/UiLog.h"
#include "store/Database.h"

#include <QMetaObject>
#include <atomic>
#include <utility>

namespace heart::ui {
namespace {
std::atomic<long long> g_readDelayMs{0};
} // namespace

// Lives in the reader's thread and owns the second connection there, opened
// on the first read (so opening the window never waits for it).
class ReportReadWorker : public QObject
{
public:
    ReportReadWorker(ReportReader& reader, store::ConnectionSpec spec, QString password, const Clock& clock,
                     store::Actor actor)
        : m_reader(reader), m_spec(std::move(spec)), m_password(std::move(password)), m_clock(clock),
          m_actor(std::move(actor))
    {}
    ~ReportReadWorker() override { m_password.fill(QLatin1Char('\0')); }

    // Reads the waiting request, and the one asked for meanwhile, until none waits.
    void run()
    {
        while (std::optional<ReportReader::Job> job = m_reader.takeJob()) {
            if (!m_db && !open() && !m_opened) {
                QMetaObject::invokeMethod(
                    &m_reader,
                    [reader = &m_reader, job = *job] {
                        reader->noSecondConnection();
                        reader->readInForeground(job);
                    },
                    Qt::QueuedConnection);
                return;
            }
            if (const long long delay = g_readDelayMs.load())
                QThread::msleep(static_cast<unsigned long>(delay));
            ReportReader::Result result = read(job->request);
            if (!result.ok() && result.error().code == store::StoreErrorCode::ConnectionFailed) {
                // The server went away (a restart): a fresh connection, once.
                m_db.reset();
                if (open())
                    result = read(job->request);
            }
            auto shared = std::make_shared<const ReportReader::Result>(std::move(result));
            QMetaObject::invokeMethod(
                &m_reader, [reader = &m_reader, job = *job, shared] { reader->deliver(job, shared); },
                Qt::QueuedConnection);
        }
    }

private:
    bool open()
    {
        auto db = std::make_unique<store::Database>();
        if (const store::StoreError error = db->open(m_spec, m_password)) {
            qCWarning(lcUi) << "report reader: no second connection, the report is read in the foreground:"
                            << store::storeErrorCodeName(error.code);
            return false;
        }
        m_db = std::move(db);
        m_opened = true;
        return true;
    }

    ReportReader::Result read(const usecases::ReportRequest& request)
    {
        if (!m_db)
            return store::StoreError::make(store::StoreErrorCode::ConnectionFailed,
                                           QStringLiteral("report: no connection to the server"));
        return usecases::ReportUseCases({*m_db, m_clock, m_actor}).report(request);
    }

    ReportReader& m_reader;
    store::ConnectionSpec m_spec;
    QString m_password; // kept to connect again after a server restart
    const Clock& m_clock;
    store::Actor m_actor;
    std::unique_ptr<store::Database> m_db;
    bool m_opened = false; // once: later failures are the server's, not a missing second connection
};

ReportReader::ReportReader(Services services, QObject* parent) : QObject(parent), m_services(services)
{
    m_thread.setObjectName(QStringLiteral("report-reader"));
    m_worker = new ReportReadWorker(*this, m_services.db.spec(), m_services.db.connection().password(),
                                    m_services.clock, m_services.actor);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ReportReader::~ReportReader()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
    }
    // Waits for a read under way: its connection closes in its own thread.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 ReportReader::read(const usecases::ReportRequest& request)
{
    Job job{request, ++m_latest};
    if (m_foreground) {
        readInForeground(job);
        return job.ticket;
    }
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        // A live refresh that overtakes the supervisor's own read of the same
        // report, not yet started, is that read: audited.
        if (m_pending && !m_pending->request.automaticRefresh &&
            m_pending->request.period == request.period && m_pending->request.program == request.program)
            job.request.automaticRefresh = false;
        m_pending = job;
        schedule = !m_scheduled;
        m_scheduled = true;
    }
    if (schedule)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->run(); }, Qt::QueuedConnection);
    return job.ticket;
}

void ReportReader::setReadDelayForTests(std::chrono::milliseconds delay)
{
    g_readDelayMs = delay.count();
}

void ReportReader::cancel()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
    }
    m_told = ++m_latest;
}

std::optional<ReportReader::Job> ReportReader::takeJob()
{
    QMutexLocker lock(&m_mutex);
    std::optional<Job> job = std::exchange(m_pending, std::nullopt);
    if (!job)
        m_scheduled = false;
    return job;
}

void ReportReader::deliver(const Job& job, std::shared_ptr<const Result> result)
{
    m_background = m_background || !m_foreground;
    if (job.ticket != m_latest)
        return; // superseded: the period or the program changed meanwhile
    m_told = job.ticket;
    Q_EMIT finished(job.request, result);
}

void ReportReader::readInForeground(const Job& job)
{
    if (job.ticket != m_latest)
        return; // superseded before it was read
    deliver(job, std::make_shared<const Result>(usecases::ReportUseCases(m_services).report(job.request)));
}

void ReportReader::noSecondConnection()
{
    m_foreground = true;
    // A request asked for meanwhile is read here too.
    if (std::optional<Job> job = takeJob())
        readInForeground(*job);
}

} // namespace heart::ui
