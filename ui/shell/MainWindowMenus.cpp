// MainWindow's menus, shortcuts and status bar.
#include "core/Permissions.h"
#include "directory/ResourceDirectoryWidget.h"
#include "followup/FollowUpQueueWidget.h"
#include "home/Services.h"
#include "intake/CounselorHome.h"
#include "rules/RuleSetsWidget.h"
#include "settings/SettingsWidget.h"
#include "shell/DomainText.h"
#include "shell/LanguageSwitcher.h"
#include "shell/MainWindow.h"
#include "shell/VanSync.h"
#include "store/ConnectionSpec.h"
#include "store/Database.h"

#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
// The resource directory's window is a child of the home screen, so it goes
// with the session or the role that opened it; found again by these names.
const QString kDirectoryWindow = QStringLiteral("resourceDirectoryWindow");
const QString kDirectoryAction = QStringLiteral("actionResourceDirectory");
// The same for the follow-up queue, for roles that see it but work elsewhere
// (a peer support specialist in the van, a counselor with their check-ins).
const QString kFollowUpWindow = QStringLiteral("followUpQueueWindow");
const QString kFollowUpAction = QStringLiteral("actionFollowUpQueue");
// The program's rule sets: administrators and supervisors (read-only).
const QString kRuleSetsWindow = QStringLiteral("ruleSetsWindow");
const QString kRuleSetsAction = QStringLiteral("actionRuleSets");
// The program's settings: administrators and supervisors (read-only).
const QString kSettingsWindow = QStringLiteral("settingsWindow");
const QString kSettingsAction = QStringLiteral("actionProgramSettings");

// The queue is the care navigator's home and a tab of the supervisor's.
bool followUpsElsewhere(Role role)
{
    return permits(role, Action::ViewFollowUps) && role != Role::CareNavigator && role != Role::Supervisor;
}
} // namespace

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_homeActionsEnd = m_fileMenu->addSeparator();
    m_homeActionsEnd->setVisible(false);
    m_lockAction = m_fileMenu->addAction(QString(), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("actionSignOut"));
    m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    if (m_vanSync) {
        m_fileMenu->addSeparator();
        m_fileMenu->addAction(m_vanSync->syncNowAction());
        m_fileMenu->addAction(m_vanSync->conflictsAction());
    }
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
    QAction* directoryAction = m_viewMenu->addAction(QString(), this, [this] {
        if (!m_actor || isLocked() || !m_home)
            return;
        auto* window = m_home->findChild<QDialog*>(kDirectoryWindow);
        if (!window) {
            window = new QDialog(m_home, Qt::Window);
            window->setObjectName(kDirectoryWindow);
            auto* layout = new QVBoxLayout(window);
            layout->addWidget(new ResourceDirectoryWidget(Services{m_db, m_clock, *m_actor}, window));
            window->resize(1100, 640);
        }
        window->setWindowTitle(tr("Resource directory — HEART Desk"));
        window->show();
        window->raise();
        window->activateWindow();
    });
    directoryAction->setObjectName(kDirectoryAction);
    directoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction* followUpAction = m_viewMenu->addAction(QString(), this, [this] {
        if (!m_actor || isLocked() || !m_home || !followUpsElsewhere(m_actor->role()))
            return;
        auto* window = m_home->findChild<QDialog*>(kFollowUpWindow);
        if (!window) {
            window = new QDialog(m_home, Qt::Window);
            window->setObjectName(kFollowUpWindow);
            auto* layout = new QVBoxLayout(window);
            layout->addWidget(new FollowUpQueueWidget(Services{m_db, m_clock, *m_actor}, window));
            window->resize(1200, 720);
        }
        window->setWindowTitle(tr("Follow-up queue — HEART Desk"));
        window->show();
        window->raise();
        window->activateWindow();
    });
    followUpAction->setObjectName(kFollowUpAction);
    followUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    QAction* ruleSetsAction = m_viewMenu->addAction(QString(), this, [this] {
        if (!m_actor || isLocked() || !m_home || !permits(m_actor->role(), Action::ViewSettings))
            return;
        auto* window = m_home->findChild<QDialog*>(kRuleSetsWindow);
        if (!window) {
            window = new QDialog(m_home, Qt::Window);
            window->setObjectName(kRuleSetsWindow);
            auto* layout = new QVBoxLayout(window);
            layout->addWidget(new RuleSetsWidget(Services{m_db, m_clock, *m_actor}, window));
            window->resize(1200, 820);
        }
        window->setWindowTitle(tr("Program rules — HEART Desk"));
        window->show();
        window->raise();
        window->activateWindow();
    });
    ruleSetsAction->setObjectName(kRuleSetsAction);
    ruleSetsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    QAction* settingsAction = m_viewMenu->addAction(QString(), this, [this] {
        if (!m_actor || isLocked() || !m_home || !permits(m_actor->role(), Action::ViewSettings))
            return;
        auto* window = m_home->findChild<QDialog*>(kSettingsWindow);
        if (!window) {
            window = new QDialog(m_home, Qt::Window);
            window->setObjectName(kSettingsWindow);
            auto* layout = new QVBoxLayout(window);
            layout->addWidget(new SettingsWidget(Services{m_db, m_clock, *m_actor}, window));
            window->resize(1000, 700);
        }
        window->setWindowTitle(tr("Program settings — HEART Desk"));
        window->show();
        window->raise();
        window->activateWindow();
    });
    settingsAction->setObjectName(kSettingsAction);
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
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
    connect(m_englishAction, &QAction::triggered, this,
            [this] { m_language.setLanguage(QStringLiteral("en")); });
    connect(m_spanishAction, &QAction::triggered, this,
            [this] { m_language.setLanguage(QStringLiteral("es")); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, &MainWindow::showShortcuts);
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
}

void MainWindow::installHomeActions()
{
    // The actions belong to the home and go with it (a deleted QAction leaves
    // every menu by itself); here they are only shown in the menu too.
    QList<QAction*> actions;
    if (auto* counselor = qobject_cast<CounselorHome*>(m_home.data()))
        actions = counselor->callActions();
    m_fileMenu->insertActions(m_homeActionsEnd, actions);
    m_homeActionsEnd->setVisible(!actions.isEmpty());
}

void MainWindow::updateMenus()
{
    const bool active = m_actor.has_value() && !isLocked();
    m_lockAction->setEnabled(active);
    m_signOutAction->setEnabled(m_actor.has_value());
    if (m_vanSync)
        m_vanSync->setActor(active ? m_actor : std::nullopt);
    m_homeAction->setEnabled(active);
    if (auto* directory = findChild<QAction*>(kDirectoryAction))
        directory->setEnabled(active);
    if (auto* followUps = findChild<QAction*>(kFollowUpAction)) {
        followUps->setVisible(m_actor && followUpsElsewhere(m_actor->role()));
        followUps->setEnabled(active && m_actor && followUpsElsewhere(m_actor->role()));
    }
    if (auto* ruleSets = findChild<QAction*>(kRuleSetsAction)) {
        const bool allowed = m_actor && permits(m_actor->role(), Action::ViewSettings);
        ruleSets->setVisible(allowed);
        ruleSets->setEnabled(active && allowed);
    }
    if (auto* settings = findChild<QAction*>(kSettingsAction)) {
        const bool allowed = m_actor && permits(m_actor->role(), Action::ViewSettings);
        settings->setVisible(allowed);
        settings->setEnabled(active && allowed);
    }
    if (!active && m_home) {
        // Locked or signed out: the directory's, the queue's and the rules' windows go too.
        for (const QString& name : {kDirectoryWindow, kFollowUpWindow, kRuleSetsWindow, kSettingsWindow}) {
            for (QDialog* window : m_home->findChildren<QDialog*>(name))
                window->close();
        }
    }
    if (auto* counselor = qobject_cast<CounselorHome*>(m_home.data())) {
        for (QAction* action : counselor->callActions())
            action->setEnabled(active && counselor->canTakeCalls());
    }
    m_homeActionsEnd->setVisible(m_actor && qobject_cast<CounselorHome*>(m_home.data()));
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
    auto account = session().ownAccount();
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
        m_connectionLabel->setText(tr("Connection lost, reconnecting… What you type is kept."));
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    }
    setWindowTitle(m_actor ? tr("HEART Desk — %1").arg(DomainText::roleName(m_actor->role()))
                           : tr("HEART Desk"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About HEART Desk"),
        tr("<h3>HEART Desk %1</h3><p>For alternative 911 crisis response programs: crisis call "
           "counselors, community response teams, care navigators and their supervisors.</p>"
           "<p>Licensed under the Apache License 2.0.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard shortcuts"),
        tr("<table>"
           "<tr><td><b>Ctrl+L</b></td><td>Lock the screen</td></tr>"
           "<tr><td><b>Ctrl+Shift+L</b></td><td>Sign out</td></tr>"
           "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
           "<tr><td><b>Alt+Home</b></td><td>Home screen</td></tr>"
           "<tr><td><b>Ctrl+Shift+R</b></td><td>Resource directory</td></tr>"
           "<tr><td><b>Ctrl+Shift+U</b></td><td>Follow-up queue (peer support, counselors)</td></tr>"
           "<tr><td><b>Ctrl+Alt+R</b></td><td>Program rules (administrators; supervisors read them)</td></tr>"
           "<tr><td><b>Ctrl+Alt+G</b></td><td>Program settings (administrators; supervisors read "
           "them)</td></tr>"
           "<tr><td><b>F2 / F3 / F4 / F5 / F6</b></td><td>Team lead: my unit / encounter note / safety plan "
           "/ "
           "prior contacts / team board</td></tr>"
           "<tr><td><b>Ctrl+Shift+C / F8</b></td><td>Team lead: copy the callback number / print the "
           "person's latest safety plan again</td></tr>"
           "<tr><td><b>Ctrl+1 … Ctrl+7</b></td><td>Team lead: unit status</td></tr>"
           "<tr><td><b>Ctrl+Shift+C / Ctrl+Shift+X</b></td><td>Call from the CAD: use / dismiss the CAD's "
           "changes</td></tr>"
           "<tr><td><b>Ctrl+Shift+S / Ctrl+Shift+A</b></td><td>Encounter note: sign / add a signed "
           "addendum</td></tr>"
           "<tr><td><b>Ctrl+P / Ctrl+Shift+P</b></td><td>Safety plan: print / save as PDF</td></tr>"
           "<tr><td><b>F5</b></td><td>Refresh the list on list screens</td></tr>"
           "<tr><td><b>Alt+Left / Alt+Right</b></td><td>Report: the period before / after</td></tr>"
           "<tr><td><b>Enter</b></td><td>Report: the calls behind the chosen number</td></tr>"
           "<tr><td><b>Ctrl+K / Ctrl+Shift+K</b></td><td>Follow-up queue: claim / assign the task</td></tr>"
           "<tr><td><b>Ctrl+T / Ctrl+Shift+T</b></td><td>Follow-up queue: log an attempt / extend the "
           "attempts</td></tr>"
           "<tr><td><b>Ctrl+O</b></td><td>Follow-up queue: record the outcome</td></tr>"
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
    if (m_vanSync)
        m_vanSync->retranslate();
    m_viewMenu->setTitle(tr("&View"));
    m_homeAction->setText(tr("&Home screen"));
    if (auto* directory = findChild<QAction*>(kDirectoryAction))
        directory->setText(tr("Resource &directory…"));
    if (auto* followUps = findChild<QAction*>(kFollowUpAction))
        followUps->setText(tr("&Follow-up queue…"));
    if (auto* ruleSets = findChild<QAction*>(kRuleSetsAction))
        ruleSets->setText(tr("Program &rules…"));
    if (auto* settings = findChild<QAction*>(kSettingsAction))
        settings->setText(tr("Program settin&gs…"));
    m_roleMenu->setTitle(tr("&Role"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_aboutAction->setText(tr("&About HEART Desk"));
    if (auto* tabs = qobject_cast<QTabWidget*>(m_home.data());
        tabs && tabs->objectName() == QLatin1String("supervisorHome")) {
        tabs->setTabText(0, tr("&Dashboard"));
        tabs->setTabText(1, tr("&Roster"));
        tabs->setTabText(2, tr("Team &board"));
        tabs->setTabText(3, tr("Follow-&ups"));
    }
    updateMenus();
    updateStatusBar();
}

} // namespace heart::ui
