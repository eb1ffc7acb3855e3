// A damaged or foreign file given as the database is refused with a message
// naming it; the user may quit or pick another file, and the damaged file is
// never written to.
#include "common/StrictTestMain.h"
#include "shell/DatabaseOpener.h"
#include "store/Database.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace heart;

class TestDatabaseOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corruptFileIsRefusedAndUntouched();
    void userPicksAnotherFile();
    void foreignPostgresqlSchemaIsWordedForTheServer();

private:
    static QByteArray digest(const QString& path);
    static QString writeGarbage(const QTemporaryDir& dir);
};

QByteArray TestDatabaseOpener::digest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString TestDatabaseOpener::writeGarbage(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("not-a-database.sqlite"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        QByteArray bytes("Case notes exported from another program\n");
        bytes.append(QByteArray(4096, '\x5a'));
        file.write(bytes);
    }
    return path;
}

void TestDatabaseOpener::corruptFileIsRefusedAndUntouched()
{
    QTemporaryDir dir;
    const QString path = writeGarbage(dir);
    const QByteArray before = digest(path);
    QString shownText;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        shownText = box->text();
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == QStringLiteral("&Quit"))
                button->click();
        }
    });
    store::Database db;
    QVERIFY(!ui::DatabaseOpener::open(db, store::ConnectionSpec::sqlite(path), nullptr));
    QVERIFY2(shownText.contains(QStringLiteral("not a readable HEART Desk database")), qPrintable(shownText));
    QVERIFY2(shownText.contains(path), qPrintable(shownText));
    QVERIFY2(shownText.contains(QStringLiteral("has not been changed")), qPrintable(shownText));
    QCOMPARE(digest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDatabaseOpener::userPicksAnotherFile()
{
    QTemporaryDir dir;
    const QString bad = writeGarbage(dir);
    const QString good = dir.filePath(QStringLiteral("fresh.sqlite"));
    const QByteArray before = digest(bad);
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        // The file dialog comes next: type the new path and accept.
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(good);
            QTest::keyClick(name, Qt::Key_Return);
        });
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == QStringLiteral("&Choose another file…"))
                button->click();
        }
    });
    store::Database db;
    QVERIFY(ui::DatabaseOpener::open(db, store::ConnectionSpec::sqlite(bad), nullptr));
    QCOMPARE(db.spec().sqlitePath, good);
    QVERIFY(db.schemaVersion() > 0);
    QCOMPARE(digest(bad), before);
}

// On PostgreSQL the refusal speaks of the server's database and schema, not of
// a file (there is none), and the other program's table is left as it was.
void TestDatabaseOpener::foreignPostgresqlSchemaIsWordedForTheServer()
{
    const QString serverUrl = qEnvironmentVariable("HEARTDESK_PG_TEST_URL");
    const QString password = qEnvironmentVariable("HEARTDESK_DB_PASSWORD");
    if (serverUrl.isEmpty() || password.isEmpty())
        HEART_SKIP_MISSING_TOOL(
            "needs HEARTDESK_PG_TEST_URL and HEARTDESK_DB_PASSWORD (scripts/test sets them)");
    const QUrl server(serverUrl);
    const QString name = QStringLiteral("heartdesk_opener_%1")
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    // Runs one statement on `database` over a connection of its own; the first value, or an error text.
    const auto run = [&](const QString& database, const QString& sql) {
        const QString connection = QStringLiteral("raw-") + database;
        QVariant first;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(server.host());
            db.setPort(server.port(5432));
            db.setUserName(server.userName());
            db.setPassword(password);
            db.setDatabaseName(database);
            if (!db.open()) {
                first = QString(QStringLiteral("cannot open: ") + db.lastError().text());
            } else {
                QSqlQuery query(db);
                if (!query.exec(sql))
                    first = QString(QStringLiteral("failed: ") + query.lastError().text());
                else if (query.next())
                    first = query.value(0);
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return first;
    };
    const QString serverDatabase = server.path().mid(1);
    QCOMPARE(run(serverDatabase, QStringLiteral("CREATE DATABASE %1").arg(name)), QVariant());
    const auto dropped = qScopeGuard(
        [&] { run(serverDatabase, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)); });
    QCOMPARE(run(name, QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")),
             QVariant());
    QUrl url(server);
    url.setPath(QLatin1Char('/') + name);
    const auto spec = store::ConnectionSpec::parse(url.toString());
    QVERIFY(spec.ok());

    QString shownText;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        shownText = box->text();
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == QStringLiteral("&Quit"))
                button->click();
        }
    });
    {
        store::Database db;
        QVERIFY(!ui::DatabaseOpener::open(db, spec.value(), nullptr));
    }
    QVERIFY2(shownText.contains(QStringLiteral("PostgreSQL server is not HEART Desk's")),
             qPrintable(shownText));
    QVERIFY2(shownText.contains(QStringLiteral("\"invoices\"")), qPrintable(shownText));
    QVERIFY2(shownText.contains(QStringLiteral("Nothing on the server has been changed")),
             qPrintable(shownText));
    QVERIFY2(!shownText.contains(QStringLiteral("file"), Qt::CaseInsensitive), qPrintable(shownText));
    QCOMPARE(run(name, QStringLiteral("SELECT string_agg(table_name, ',') FROM information_schema.tables "
                                      "WHERE table_schema = 'public'"))
                 .toString(),
             QStringLiteral("invoices"));
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Qt's own file dialog, so the test can drive it offscreen.
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    TestDatabaseOpener test;
    return heart::test::execStrict(&test, argc, argv);
}
#include "tst_databaseopener.moc"
