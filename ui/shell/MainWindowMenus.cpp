// MainWindow's menus, shortcuts and status bar.
#include "shell/DomainText.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "store/AccountStore.h"
#include "store/ConnectionSpec.h"
#include "store/Database.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTabWidget>

namespace heart::ui {

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_lockAction = m_fileMenu->addAction(QString(), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("actionSignOut"));
    m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    m_viewMenu = menuBar()->addMenu(QString());
    m_homeAction = m_viewMenu->addAction(QString(), this, [this] {
        if (m_home && !isLocked())
            m_pages->setCurrentWidget(m_home);
    });
    m_homeAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    m_roleMenu = m_viewMenu->addMenu(QString());
    m_roleMenu->setObjectName(QStringLiteral("roleMenu"));
    m_roleGroup = new QActionGroup(this);
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto* languages = new QActionGroup(this);
    m_englishAction = m_languageMenu->addAction(QStringLiteral("English"));
    m_englishAction->setObjectName(QStringLiteral("actionEnglish"));
    m_spanishAction = m_languageMenu->addAction(QStringLiteral("Español"));
    m_spanishAction->setObjectName(QStringLiteral("actionSpanish"));
    for (QAction* action : {m_englishAction, m_spanishAction}) {
        action->setCheckable(true);
        languages->addAction(action);
    }
    m_englishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_spanishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(m_englishAction, &QAction::triggered, this, [this] { m_language.setLanguage(QStringLiteral("en")); });
    connect(m_spanishAction, &QAction::triggered, this, [this] { m_language.setLanguage(QStringLiteral("es")); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, &MainWindow::showShortcuts);
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
}

void MainWindow::updateMenus()
{
    const bool active = m_actor.has_value() && !isLocked();
    m_lockAction->setEnabled(active);
    m_signOutAction->setEnabled(m_actor.has_value());
    m_homeAction->setEnabled(active);
    m_englishAction->setChecked(m_language.language() == QLatin1String("en"));
    m_spanishAction->setChecked(m_language.language() == QLatin1String("es"));

    for (QAction* action : m_roleGroup->actions()) {
        m_roleGroup->removeAction(action);
        delete action;
    }
    m_roleMenu->clear();
    m_roleMenu->setEnabled(active);
    if (!m_actor)
        return;
    store::AccountStore accounts(m_db, m_clock);
    auto account = accounts.account(m_actor->userId());
    if (!account.ok())
        return;
    for (Role role : account.value().roles) {
        QAction* action = m_roleMenu->addAction(DomainText::roleName(role));
        action->setCheckable(true);
        action->setChecked(role == m_actor->role());
        m_roleGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, role] { switchRole(role); });
    }
}

void MainWindow::updateStatusBar()
{
    if (m_actor) {
        m_userLabel->setText(tr("Signed in: %1 (%2)").arg(m_actor->displayName(), m_actor->login()));
        m_roleLabel->setText(tr("Role: %1").arg(DomainText::roleName(m_actor->role())));
    } else {
        m_userLabel->setText(tr("Not signed in"));
        m_roleLabel->clear();
    }
    const bool local = m_db.spec().engine == store::Engine::Sqlite;
    m_databaseLabel->setText(local ? tr("Local file: %1").arg(m_db.spec().describe())
                                   : tr("Server: %1").arg(m_db.spec().describe()));
    if (m_db.isConnected()) {
        m_connectionLabel->setText(tr("Connected"));
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    } else {
        m_connectionLabel->setText(tr("Connection lost: changes cannot be saved"));
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    }
    setWindowTitle(m_actor ? tr("HEART Desk — %1").arg(DomainText::roleName(m_actor->role())) : tr("HEART Desk"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About HEART Desk"),
                       tr("<h3>HEART Desk %1</h3><p>For alternative 911 crisis response programs: crisis call "
                          "counselors, community response teams, care navigators and their supervisors.</p>"
                          "<p>Licensed under the Apache License 2.0.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard shortcuts"),
                             tr("<table>"
                                "<tr><td><b>Ctrl+L</b></td><td>Lock the screen</td></tr>"
                                "<tr><td><b>Ctrl+Shift+L</b></td><td>Sign out</td></tr>"
                                "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
                                "<tr><td><b>Alt+Home</b></td><td>Home screen</td></tr>"
                                "<tr><td><b>F5</b></td><td>Refresh the list on list screens</td></tr>"
                                "<tr><td><b>F1</b></td><td>This list of shortcuts</td></tr>"
                                "<tr><td><b>Ctrl+Alt+E / Ctrl+Alt+S</b></td><td>English / Spanish</td></tr>"
                                "</table>"));
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_lockAction->setText(tr("&Lock screen"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_homeAction->setText(tr("&Home screen"));
    m_roleMenu->setTitle(tr("&Role"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_aboutAction->setText(tr("&About HEART Desk"));
    if (auto* tabs = qobject_cast<QTabWidget*>(m_home.data()); tabs && tabs->objectName() == QLatin1String("supervisorHome")) {
        tabs->setTabText(0, tr("&Dashboard"));
        tabs->setTabText(1, tr("&Roster"));
        tabs->setTabText(2, tr("Team &board"));
    }
    updateMenus();
    updateStatusBar();
}

} // namespace heart::ui
