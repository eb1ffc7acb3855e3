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
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace heart;

class TestDatabaseOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corruptFileIsRefusedAndUntouched();
    void userPicksAnotherFile();

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

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Qt's own file dialog, so the test can drive it offscreen.
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    TestDatabaseOpener test;
    return heart::test::execStrict(&test, argc, argv);
}
#include "tst_databaseopener.moc"
