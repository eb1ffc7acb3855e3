#include "intake/DraftWriter.h"

#include "shell/DomainText.h"
#include "shell/UiLog.h"
#include "store/Database.h"
#include "usecases/CallUseCases.h"

#include <QMetaObject>

namespace heart::ui {

// Lives in the writer's thread and owns the second connection there (a
// QSqlDatabase connection may only be used by the thread that opened it).
class DraftWorker : public QObject
{
public:
    DraftWorker(DraftWriter& writer, const Clock& clock) : m_writer(writer), m_clock(clock) {}

    bool open(const store::ConnectionSpec& spec, const QString& password)
    {
        m_db = std::make_unique<store::Database>();
        if (store::StoreError error = m_db->open(spec, password)) {
            qCWarning(lcUi) << "draft writer: no second connection, drafts are written in the foreground:"
                            << store::storeErrorCodeName(error.code);
            m_db.reset();
            return false;
        }
        return true;
    }

    void save(const store::Actor& actor, const QString& key)
    {
        m_actors.insert(key, actor);
        const std::optional<QString> content = m_writer.takeLatest(key);
        if (!content)
            return; // discarded, or already written with a newer call
        const store::StoreError error =
            usecases::CallUseCases(usecases::Context{*m_db, m_clock, actor}).keepDraft(key, *content);
        if (error)
            m_writer.keepUnwritten(key, *content); // the next change or flush tries again
        Q_EMIT m_writer.saved(key, error ? DomainText::errorText(error) : QString());
    }

    // A write that failed kept its content; the actor is remembered per key.
    void retry(const QString& key)
    {
        if (const auto actor = m_actors.find(key); actor != m_actors.end())
            save(*actor, key);
    }

    void discard(const store::Actor& actor, const QString& key)
    {
        usecases::CallUseCases(usecases::Context{*m_db, m_clock, actor}).discardDraft(key);
    }

    void close() { m_db.reset(); }

private:
    DraftWriter& m_writer;
    const Clock& m_clock;
    std::unique_ptr<store::Database> m_db;
    QHash<QString, store::Actor> m_actors;
};

DraftWriter::DraftWriter(store::Database& db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("draft-writer"));
    m_thread.start();
    auto* worker = new DraftWorker(*this, clock);
    worker->moveToThread(&m_thread);
    const store::ConnectionSpec spec = db.spec();
    const QString password = db.connection().password();
    bool opened = false;
    QMetaObject::invokeMethod(
        worker, [&] { opened = worker->open(spec, password); }, Qt::BlockingQueuedConnection);
    if (opened) {
        m_worker = worker;
    } else {
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

DraftWriter::~DraftWriter()
{
    if (!m_worker)
        return;
    DraftWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->close();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

std::optional<QString> DraftWriter::takeLatest(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_latest.find(key);
    if (it == m_latest.end())
        return std::nullopt;
    QString content = std::move(it.value());
    m_latest.erase(it);
    return content;
}

void DraftWriter::keepUnwritten(const QString& key, const QString& content)
{
    QMutexLocker lock(&m_mutex);
    if (!m_latest.contains(key)) // newer content queued meanwhile wins
        m_latest.insert(key, content);
}

void DraftWriter::save(const store::Actor& actor, const QString& key, const QString& content)
{
    if (!m_worker) {
        const store::StoreError error =
            usecases::CallUseCases(usecases::Context{m_db, m_clock, actor}).keepDraft(key, content);
        Q_EMIT saved(key, error ? DomainText::errorText(error) : QString());
        return;
    }
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        schedule = !m_latest.contains(key); // a write already queued takes the newest content
        m_latest.insert(key, content);
    }
    if (schedule) {
        DraftWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, actor, key] { worker->save(actor, key); }, Qt::QueuedConnection);
    }
}

void DraftWriter::discard(const store::Actor& actor, const QString& key)
{
    if (!m_worker) {
        usecases::CallUseCases(usecases::Context{m_db, m_clock, actor}).discardDraft(key);
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_latest.remove(key);
    }
    DraftWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, actor, key] { worker->discard(actor, key); }, Qt::QueuedConnection);
}

void DraftWriter::forget(const QString& key)
{
    {
        QMutexLocker lock(&m_mutex);
        m_latest.remove(key);
    }
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void DraftWriter::waitForIdle()
{
    if (!m_worker)
        return;
    // Also retries drafts a failed write kept.
    QStringList unwritten;
    {
        QMutexLocker lock(&m_mutex);
        unwritten = m_latest.keys();
    }
    DraftWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, unwritten, this] {
            for (const QString& key : unwritten)
                worker->retry(key);
        },
        Qt::BlockingQueuedConnection);
}

} // namespace heart::ui
