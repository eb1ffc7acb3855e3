// Drafts are written in the background, over a connection of their own:
// while another connection holds the database locked (a long write, a stalled
// server), saving a draft returns at once and the form keeps working; the
// draft lands when the lock is gone. Drafts of one form are coalesced (the
// newest content wins) and a discard queued after a save removes it.
#include "UiTestFixture.h"
#include "common/StrictTestMain.h"
#include "intake/DraftWriter.h"
#include "store/AccountStore.h"
#include "store/DraftStore.h"
#include "store/EncryptedSqlite.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace heart;

class TestDraftWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savingNeverWaitsForALockedDatabase()
    {
        test::UiTestFixture f;
        QVERIFY(f.ok());
        f.typeSignIn(QStringLiteral("counselor"), QStringLiteral("counselor-demo"));
        const store::Actor counselor = *f.window().actor();
        ui::DraftWriter writer(f.db(), f.clock());
        QVERIFY(writer.inBackground());

        // A third connection takes the write lock and keeps it.
        {
            QSqlDatabase locker =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            QVERIFY(!store::encrypted::prepareConnection(locker, f.path()));
            QVERIFY(locker.open());
            QSqlQuery lock(locker);
            QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));

            writer.save(counselor, QStringLiteral("intake/a"), QStringLiteral("{\"callerName\": \"first\"}"));
            writer.save(counselor, QStringLiteral("intake/a"),
                        QStringLiteral("{\"callerName\": \"second\"}"));
            writer.save(counselor, QStringLiteral("intake/b"), QStringLiteral("{\"callerName\": \"other\"}"));
            writer.discard(counselor, QStringLiteral("intake/b"));
            // Back here at once, with the lock still held: nothing is written yet.
            QSqlQuery count(locker);
            QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE form LIKE 'intake/%'")) &&
                    count.next());
            QCOMPARE(count.value(0).toInt(), 0);
            QVERIFY(lock.exec(QStringLiteral("COMMIT")));
            count.finish();
            lock.finish();
            locker.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));

        writer.waitForIdle();
        store::DraftStore drafts(f.db(), f.clock());
        auto loaded = drafts.load(counselor);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().value(QStringLiteral("intake/a")),
                 QStringLiteral("{\"callerName\": \"second\"}"));
        QVERIFY(!loaded.value().contains(QStringLiteral("intake/b")));
    }
};

HEART_TEST_MAIN(TestDraftWriter)
#include "tst_draft_writer.moc"
