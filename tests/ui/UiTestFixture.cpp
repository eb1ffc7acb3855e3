#include "UiTestFixture.h"

#include "core/DemoScenario.h"
#include "demo/DemoDataWriter.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMultiHash>
#include <QPointer>
#include <QSqlQuery>
#include <QTabBar>
#include <QTest>
#include <QTimer>

namespace heart::test {

namespace {
// onNextModal's watchers still waiting; a fixture going away ends them, so a
// watcher of one test never acts on (or writes into) the next test's dialog.
QList<QPointer<QTimer>>& pendingModalWatchers()
{
    static QList<QPointer<QTimer>> watchers;
    return watchers;
}
} // namespace

UiTestFixture::UiTestFixture(bool withDemo)
    : m_path(m_dir.filePath(QStringLiteral("ui-test.sqlite"))), m_clock(SystemClock::instance().now())
{
    if (TestDatabase::engineUnderTest() == store::Engine::Postgres) {
        m_server = std::make_unique<TestDatabase>();
        if (const QString problem = m_server->setUpUnopened(); !problem.isEmpty()) {
            qWarning("%s", qPrintable(problem));
            return;
        }
    }
    if (openDatabase(m_db))
        return;
    if (withDemo) {
        DemoOptions options;
        options.seed = 7;
        options.end = m_clock.now();
        options.days = 4;
        options.historyMonths = 0; // quick: the recent days only
        store::DemoDataWriter writer(m_db, m_clock);
        if (writer.write(makeDemoScenario(options), QStringLiteral("test-workstation")))
            return;
    }
    openWindow();
}

store::StoreError UiTestFixture::openDatabase(store::Database& db)
{
    if (m_server)
        return db.open(m_server->spec(), m_server->password());
    return db.open(store::ConnectionSpec::sqlite(m_path));
}

UiTestFixture::UiTestFixture(const ExistingDatabase& existing)
    : m_path(existing.path), m_clock(SystemClock::instance().now())
{
    if (!QFileInfo::exists(m_path) || m_db.open(store::ConnectionSpec::sqlite(m_path)))
        return;
    openWindow();
}

void UiTestFixture::openWindow()
{
    m_window = std::make_unique<ui::MainWindow>(m_db, m_clock, m_language);
    m_window->start();
    m_window->show();
    m_ok = QTest::qWaitForWindowExposed(m_window.get());
}

UiTestFixture::~UiTestFixture()
{
    for (const QPointer<QTimer>& watcher : std::as_const(pendingModalWatchers()))
        delete watcher.data();
    pendingModalWatchers().clear();
    m_window.reset();
    m_language.setLanguage(QStringLiteral("en"));
}

QString UiTestFixture::demoPassword(const QString& login)
{
    for (const DemoStaff& staff : demoStaff()) {
        if (QString::fromStdString(staff.login) == login)
            return QString::fromStdString(staff.password);
    }
    return {};
}

void UiTestFixture::typeSignIn(const QString& login, const QString& password)
{
    typeSignIn(*m_window, login, password);
}

std::unique_ptr<UiTestFixture::Workstation> UiTestFixture::openWorkstation()
{
    auto other = std::make_unique<Workstation>();
    if (openDatabase(other->m_db))
        return other;
    other->m_window = std::make_unique<ui::MainWindow>(other->m_db, m_clock, m_language);
    other->m_window->start();
    other->m_window->show();
    other->m_ok = QTest::qWaitForWindowExposed(other->m_window.get());
    return other;
}

void UiTestFixture::typeSignIn(ui::MainWindow& window, const QString& login, const QString& password)
{
    auto* loginEdit = window.findChild<QLineEdit*>(QStringLiteral("signInLogin"));
    auto* passwordEdit = window.findChild<QLineEdit*>(QStringLiteral("signInPassword"));
    if (loginEdit->isVisible()) {
        loginEdit->setFocus();
        loginEdit->clear();
        QTest::keyClicks(loginEdit, login);
        QTest::keyClick(loginEdit, Qt::Key_Return); // moves to the password
    }
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

int UiTestFixture::countRows(const QString& sql)
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QStringList clashingMnemonics(QWidget* window)
{
    QMultiHash<QChar, QString> owners;
    const auto add = [&](const QString& text) {
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (amp >= 0 && amp + 1 < text.size() && text.at(amp + 1) != QLatin1Char('&'))
            owners.insert(text.at(amp + 1).toLower(), text);
    };
    if (auto* menus = window->findChild<QMenuBar*>())
        for (QAction* action : menus->actions())
            add(action->text());
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        if (!widget->isVisible())
            continue;
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            add(button->text());
        else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy())
            add(label->text());
        else if (auto* box = qobject_cast<QGroupBox*>(widget))
            add(box->title());
        else if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
    }
    QStringList clashes;
    for (const QChar letter : owners.uniqueKeys()) {
        if (owners.count(letter) > 1)
            clashes << QStringLiteral("Alt+%1: %2")
                           .arg(letter, owners.values(letter).join(QStringLiteral(" / ")));
    }
    return clashes;
}

void onNextModal(QString* seen, std::function<void(QWidget*)> act, int timeoutMs)
{
    auto* poll = new QTimer;
    pendingModalWatchers().append(poll);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto shownAt = std::make_shared<qint64>(-1);
    poll->setInterval(30);
    QObject::connect(poll, &QTimer::timeout, [poll, clock, shownAt, seen, act = std::move(act), timeoutMs] {
        QWidget* modal = QApplication::activeModalWidget();
        QWidget* focus = QApplication::focusWidget();
        // Keys go where the focus is: wait until the dialog has it, or for a
        // second after it showed (a box whose window is never activated).
        if (modal && *shownAt < 0)
            *shownAt = clock->elapsed();
        const bool focused = modal && focus && (focus == modal || modal->isAncestorOf(focus));
        const bool ready = modal && (focused || clock->elapsed() - *shownAt > 1000);
        if (!ready && clock->elapsed() < timeoutMs)
            return;
        poll->stop();
        poll->deleteLater();
        if (!modal)
            return;
        *seen = modal->objectName().isEmpty() ? QString::fromLatin1(modal->metaObject()->className())
                                              : modal->objectName();
        QPointer<QWidget> shown(modal);
        act(modal);
        QTimer::singleShot(10000, [shown] {
            if (auto* dialog = qobject_cast<QDialog*>(shown.data()); dialog && dialog->isVisible())
                dialog->reject();
        });
    });
    poll->start();
}

} // namespace heart::test
