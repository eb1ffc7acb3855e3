#pragma once
// Reads the supervisor's report off the UI thread: a worker thread with its
// own database connection (a QSqlDatabase connection belongs to the thread
// that opened it) runs usecases::ReportUseCases::report() and hands the
// result back to the UI thread. A read asked for while another is under way
// supersedes it: a read not yet started is never run (so never audited), and
// the result of one already running is dropped (it was audited: it did
// read). When no second connection can be opened the reads run in the
// foreground, as before.
#include "home/Services.h"
#include "usecases/ReportUseCases.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <chrono>
#include <memory>
#include <optional>

namespace heart::ui {

class ReportReadWorker;

class ReportReader : public QObject
{
    Q_OBJECT

public:
    using Result = store::StoreResult<usecases::PeriodReport>;

    explicit ReportReader(Services services, QObject* parent = nullptr);
    ~ReportReader() override;

    // Starts reading `request`; any earlier read's result will not be told.
    // Returns the read's ticket (finished() names it).
    quint64 read(const usecases::ReportRequest& request);
    // No read asked for so far will be told (one waiting is not run).
    void cancel();
    // A read asked for has not been told yet.
    bool isReading() const { return m_told != m_latest; }
    // Reads run on a worker thread (false until the first read opened the
    // second connection, and when it could not be opened).
    bool inBackground() const { return m_background; }
    // Tests only: each background read waits this long before it starts, so
    // that a test can act while one is under way.
    static void setReadDelayForTests(std::chrono::milliseconds delay);

Q_SIGNALS:
    // The latest read's result, in the UI thread. Superseded reads are not told.
    void finished(const heart::usecases::ReportRequest& request,
                  const std::shared_ptr<const heart::ui::ReportReader::Result>& result);

private:
    friend class ReportReadWorker;
    struct Job
    {
        usecases::ReportRequest request;
        quint64 ticket = 0;
    };
    std::optional<Job> takeJob();
    void deliver(const Job& job, std::shared_ptr<const Result> result);
    void readInForeground(const Job& job);
    void noSecondConnection();

    Services m_services;
    QThread m_thread;
    ReportReadWorker* m_worker = nullptr;
    QMutex m_mutex;
    std::optional<Job> m_pending; // guarded by m_mutex
    bool m_scheduled = false;     // guarded by m_mutex: the worker was asked to look for a job
    bool m_foreground = false;    // the second connection could not be opened
    bool m_background = false;
    quint64 m_latest = 0;
    quint64 m_told = 0;
};

} // namespace heart::ui
